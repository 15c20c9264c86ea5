"""interval-csv: vendor interval reports read through the shipped TOML mappings, via the command line.

No real export of either product is available (shared/data/interval-reports/README.md),
so every input is built here from the column names documented there:

* Avaya CMS split/skill interval export: title lines before the header, `Date` and
  `Interval` ("8:00 AM-8:30 AM") apart, quoted numbers with thousands separators,
  durations as m:ss or h:mm:ss, "87%", a Totals row at the end, Windows code page.
* Amazon Connect historical metrics CSV: `Queue,StartInterval,EndInterval,...`,
  ISO-like StartInterval, hh:mm:ss durations, "90.00%", latin-1 text ("Atención").

Runs on SQLite and PostgreSQL (`db_url`).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main

MAPPINGS = Path(__file__).resolve().parents[2] / "resources" / "mappings"
AVAYA = MAPPINGS / "avaya-cms-split-skill-interval.toml"
CONNECT = MAPPINGS / "amazon-connect-historical-metrics.toml"

PACIFIC = "America/Los_Angeles"
MADRID = "Europe/Madrid"
DAY = "2026-11-27"


# --------------------------------------------------------------------------- CLI helpers


def run(capsys, *args):
    rc = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return rc, out, err


def import_file(capsys, db_url, path, mapping, source, *extra):
    args = ["feed", "import", path, "--format", "interval-csv", "--source", source, "--db", db_url]
    if mapping is not None:
        args += ["--mapping", mapping]
    return run(capsys, *args, *extra)


def report(capsys, db_url, source, *extra, day=DAY):
    rc, out, err = run(capsys, "report", "intervals", "--source", source, "--date", day, "--format", "json",
                       "--db", db_url, *extra)
    assert rc == 0, err
    return json.loads(out)


def by_key(rows):
    """{(local HH:MM, queue): row} of a JSON report."""
    return {(r["interval_start"][11:16], r["queue"]): r for r in rows}


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("handover-console: error: "), err
    assert "Traceback" not in err
    return lines[0]


def summary_line(out: str, start: str) -> str:
    found = [line.strip() for line in out.splitlines() if line.strip().startswith(start)]
    assert len(found) == 1, out
    return found[0]


def missing_names(out: str) -> set[str]:
    """What the import summary names as not in the report (unknown, not 0)."""
    line = summary_line(out, "not in the report")
    assert "(unknown, not 0)" in line
    return {name.strip() for name in line.split("):", 1)[1].split(",")}


def assert_unknown_source(capsys, db_url, source):
    rc, out, err = run(capsys, "report", "intervals", "--source", source, "--date", DAY, "--format", "json",
                       "--db", db_url)
    assert rc == 2, out
    assert "unknown feed source" in err and source in err


# --------------------------------------------------------------------------- Avaya CMS builder

AVAYA_TITLE = [
    "Split/Skill Interval Report",
    '"Splits/Skills: Sales, Care","Date: 11/27/2026"',
    '"Times: 8:00 AM - 9:30 AM","Report Time Zone: US/Pacific"',
]
# README section 4 (order of the importer code), with the `Interval` column of the
# interval exports after `Date`, and `Split/Skill` last.
AVAYA_HEADER = [
    "Date", "Interval", "Avg Speed Ans", "Avg Aban Time", "Calls Offered", "ACD Calls", "Avg ACD Time",
    "Avg ACW Time", "ACD Time", "ACW Time", "Hold Time", "Avg Handle Time", "% Within Service Level",
    "Max Delay", "Calls Answ <30 secs", "Aban Calls", "Dequeued Calls", "Split/Skill",
]


def thousands(n: int | str) -> str:
    return f"{n:,}" if isinstance(n, int) else n


def avaya_row(interval, queue, offered, acd, within, aban, asa, aht, max_delay, sl, date="11/27/2026", **more):
    row = {
        "Date": date, "Interval": interval, "Split/Skill": queue,
        "Calls Offered": thousands(offered), "ACD Calls": thousands(acd), "Calls Answ <30 secs": thousands(within),
        "Aban Calls": thousands(aban), "Avg Speed Ans": asa, "Avg Handle Time": aht, "Max Delay": max_delay,
        "% Within Service Level": sl,
        # columns the mapping does not read
        "Avg Aban Time": "0:41", "Avg ACD Time": "3:30", "Avg ACW Time": "0:40", "ACD Time": "57:10:00",
        "ACW Time": "10:53:20", "Hold Time": "1:05:00", "Dequeued Calls": "3",
    }
    row.update(more)
    return row


def csv_line(values, delimiter=",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="").writerow(values)
    return buf.getvalue()


def avaya_line(row: dict, drop=()) -> str:
    return csv_line([row[c] for c in AVAYA_HEADER if c not in drop])


def write_avaya(tmp_path, lines, name="cms.csv", drop=(), header=None):
    """A CMS Supervisor comma export: 3 title lines, the header, `lines` (CRLF, cp1252/latin-1)."""
    head = csv_line([c for c in (header or AVAYA_HEADER) if c not in drop])
    text = "\r\n".join(AVAYA_TITLE + [head] + list(lines)) + "\r\n"
    path = tmp_path / name
    path.write_bytes(text.encode("latin-1"))
    return path


S8 = avaya_row("8:00 AM-8:30 AM", "Sales", 1050, 980, 850, 60, "0:25", "4:10", "3:02", "87%")
C8 = avaya_row("8:00 AM-8:30 AM", "Care", 42, 30, 12, 9, "1:05", "6:00", "1:02:03", "29%")
S830 = avaya_row("8:30 AM-9:00 AM", "Sales", 700, 690, 600, 10, "0:12", "3:58", "0:59", "86%")
C830 = avaya_row("8:30 AM-9:00 AM", "Care", 0, 0, 0, 0, "0:00", "0:00", "0:00", "0%")
AVAYA_TOTALS = avaya_row("Totals", "", 1792, 1700, 1462, 79, "0:20", "4:05", "1:02:03", "82%", date="")
AVAYA_ROWS = [S8, C8, S830, C830]


def avaya_file(tmp_path, rows=AVAYA_ROWS, name="cms.csv", drop=(), totals=True):
    lines = [avaya_line(r, drop) for r in rows] + ([avaya_line(AVAYA_TOTALS, drop)] if totals else [])
    return write_avaya(tmp_path, lines, name=name, drop=drop)


def import_avaya(capsys, db_url, path, *extra, source="cms", tz=PACIFIC):
    more = ("--site", "Reno", "--tz", tz) if tz else ()
    return import_file(capsys, db_url, path, AVAYA, source, *more, *extra)


# --------------------------------------------------------------------------- Amazon Connect builder

CONNECT_HEADER = [
    "Queue", "StartInterval", "EndInterval", "Contacts queued", "Contacts handled incoming",
    "Contacts handled outbound", "Contacts abandoned", "Contacts abandoned in 20 seconds",
    "Contacts abandoned 40 seconds", "Contacts answered in 20 seconds", "Contacts answered 40 seconds",
    "Service level 60 seconds", "Service level 120 seconds", "Average queue answer time",
    "Average queue abandon time", "Average handle time", "Average agent interaction time",
    "Average customer hold time", "Contacts put on hold", "Callback contacts",
]


def connect_row(queue, start, queued, handled, aban, aban20, ans20, asa, aht, zone=""):
    t0 = datetime.fromisoformat(start)
    return {
        "Queue": queue, "StartInterval": start + zone,
        "EndInterval": (t0 + timedelta(minutes=30)).isoformat(timespec="seconds") + zone,
        "Contacts queued": str(queued), "Contacts handled incoming": str(handled), "Contacts abandoned": str(aban),
        "Contacts abandoned in 20 seconds": str(aban20), "Contacts answered in 20 seconds": str(ans20),
        "Average queue answer time": asa, "Average handle time": aht,
        # columns the mapping does not read
        "Contacts handled outbound": "3", "Contacts abandoned 40 seconds": str(aban20),
        "Contacts answered 40 seconds": str(ans20), "Service level 60 seconds": "90.00%",
        "Service level 120 seconds": "95.50%", "Average queue abandon time": "00:00:45",
        "Average agent interaction time": "00:04:10", "Average customer hold time": "00:00:30",
        "Contacts put on hold": "4", "Callback contacts": "0",
    }


A9 = connect_row("Atención", "2026-11-27T09:00:00", 120, 100, 15, 6, 80, "00:00:18", "00:05:30")
B9 = connect_row("Billing", "2026-11-27T09:00:00", 40, 38, 2, 1, 30, "00:00:09", "00:04:00")
A930 = connect_row("Atención", "2026-11-27T09:30:00", 90, 85, 5, 5, 70, "00:00:12", "00:06:15")
B930 = connect_row("Billing", "2026-11-27T09:30:00", 10, 7, 1, 0, 7, "00:00:05", "01:03:20")
CONNECT_TOTAL = dict(connect_row("Total", "2026-11-27T09:00:00", 260, 230, 23, 12, 187, "00:00:14", "00:05:40"),
                     StartInterval="", EndInterval="")
CONNECT_ROWS = [A9, B9, A930, B930]


def connect_file(tmp_path, rows=CONNECT_ROWS, name="connect.csv", drop=(), total=True):
    columns = [c for c in CONNECT_HEADER if c not in drop]
    lines = [csv_line(columns)] + [csv_line([r[c] for c in columns]) for r in rows]
    if total:
        lines.append(csv_line([CONNECT_TOTAL[c] for c in columns]))
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1"))
    return path


def import_connect(capsys, db_url, path, *extra, source="connect", tz=MADRID):
    more = ("--site", "Madrid", "--tz", tz) if tz else ()
    return import_file(capsys, db_url, path, CONNECT, source, *more, *extra)


def without_rule(row: dict) -> dict:
    row = dict(row)
    row.pop("vendor_rule")
    return row


# --------------------------------------------------------------------------- the shipped mappings


def test_avaya_cms_report_every_mapped_figure(capsys, tmp_path, db_url):
    path = avaya_file(tmp_path)
    assert path.read_bytes().count(b'"1,050"') == 1  # the quoted thousands separator is really there
    rc, out, err = import_avaya(capsys, db_url, path)
    assert rc == 0, err
    assert err == ""
    assert "(new source)" in out
    assert summary_line(out, "lines read").split() == ["lines", "read", "5"]  # 4 rows + Totals
    assert summary_line(out, "intervals").split()[1:] == ["4", "new", "4,", "replaced", "0"]
    assert summary_line(out, "ignored").split() == ["ignored", "1", "totals", "rows", "1"]
    assert summary_line(out, "rejected").split() == ["rejected", "0"]
    rule_line = summary_line(out, "vendor rule")
    assert "Avaya CMS" in rule_line and "completes" in rule_line and "< 30 s" in rule_line
    assert "not in the report" not in out  # every mapped column is present

    rows = report(capsys, db_url, "cms")
    assert [(r["interval_start"], r["queue"]) for r in rows] == [
        ("2026-11-27T08:00:00-08:00", "Care"), ("2026-11-27T08:00:00-08:00", "Sales"),
        ("2026-11-27T08:30:00-08:00", "Care"), ("2026-11-27T08:30:00-08:00", "Sales"),
    ]
    for r in rows:
        assert "Avaya CMS split/skill interval" in r["vendor_rule"]
        assert "completes" in r["vendor_rule"] and "< 30 s" in r["vendor_rule"]
        assert "<= 30" not in r["vendor_rule"] and "arrives" not in r["vendor_rule"]
    common = {"source": "cms", "waiting": None, "abandoned_within_threshold": None,
              "threshold_seconds": 30.0, "sl_definition": "offered"}
    assert without_rule(rows[1]) == {
        **common, "queue": "Sales", "interval_start": "2026-11-27T08:00:00-08:00",
        "offered": 1050, "answered": 980, "abandoned": 60, "other": 10, "answered_within_threshold": 850,
        "service_level": 100.0 * 850 / 1050, "asa_seconds": 25.0, "aht_seconds": 250.0, "max_wait_seconds": 182.0,
        "vendor_service_level": 87.0,
    }
    assert without_rule(rows[0]) == {
        **common, "queue": "Care", "interval_start": "2026-11-27T08:00:00-08:00",
        "offered": 42, "answered": 30, "abandoned": 9, "other": 3, "answered_within_threshold": 12,
        "service_level": 100.0 * 12 / 42, "asa_seconds": 65.0, "aht_seconds": 360.0, "max_wait_seconds": 3723.0,
        "vendor_service_level": 29.0,
    }
    assert without_rule(rows[3]) == {
        **common, "queue": "Sales", "interval_start": "2026-11-27T08:30:00-08:00",
        "offered": 700, "answered": 690, "abandoned": 10, "other": 0, "answered_within_threshold": 600,
        "service_level": 100.0 * 600 / 700, "asa_seconds": 12.0, "aht_seconds": 238.0, "max_wait_seconds": 59.0,
        "vendor_service_level": 86.0,
    }
    # A quiet interval is 0 calls (known), not unknown; its service level has no denominator.
    assert without_rule(rows[2]) == {
        **common, "queue": "Care", "interval_start": "2026-11-27T08:30:00-08:00",
        "offered": 0, "answered": 0, "abandoned": 0, "other": 0, "answered_within_threshold": 0,
        "service_level": None, "asa_seconds": 0.0, "aht_seconds": 0.0, "max_wait_seconds": 0.0,
        "vendor_service_level": 0.0,
    }

    # The table shows the vendor's rule with the figures.
    rc, out, err = run(capsys, "report", "intervals", "--source", "cms", "--date", DAY, "--db", db_url)
    assert rc == 0, err
    assert "completes" in out and "< 30 s" in out and "threshold 30 s" in out


def test_amazon_connect_report_every_mapped_figure(capsys, tmp_path, db_url):
    path = connect_file(tmp_path)
    assert "Atención".encode("latin-1") in path.read_bytes()
    assert "Atención".encode("utf-8") not in path.read_bytes()
    rc, out, err = import_connect(capsys, db_url, path)
    assert rc == 0, err
    assert summary_line(out, "lines read").split() == ["lines", "read", "5"]
    assert summary_line(out, "intervals").split()[1:] == ["4", "new", "4,", "replaced", "0"]
    assert summary_line(out, "ignored").split() == ["ignored", "1", "totals", "rows", "1"]
    assert summary_line(out, "rejected").split() == ["rejected", "0"]
    rule_line = summary_line(out, "vendor rule")
    assert "Amazon Connect" in rule_line and "arrives" in rule_line and "<= 20 s" in rule_line
    assert "not in the report" not in out

    rows = report(capsys, db_url, "connect")
    assert [(r["interval_start"], r["queue"]) for r in rows] == [
        ("2026-11-27T09:00:00+01:00", "Atención"), ("2026-11-27T09:00:00+01:00", "Billing"),
        ("2026-11-27T09:30:00+01:00", "Atención"), ("2026-11-27T09:30:00+01:00", "Billing"),
    ]
    for r in rows:
        assert "Amazon Connect historical metrics" in r["vendor_rule"]
        assert "arrives" in r["vendor_rule"] and "<= 20 s" in r["vendor_rule"]
    # No max-wait column is mapped and no service level: unknown, never 0.
    common = {"source": "connect", "waiting": None, "max_wait_seconds": None, "vendor_service_level": None,
              "threshold_seconds": 20.0, "sl_definition": "offered"}
    assert without_rule(rows[0]) == {
        **common, "queue": "Atención", "interval_start": "2026-11-27T09:00:00+01:00",
        "offered": 120, "answered": 100, "abandoned": 15, "other": 5,
        "answered_within_threshold": 80, "abandoned_within_threshold": 6,
        "service_level": 100.0 * 80 / 120, "asa_seconds": 18.0, "aht_seconds": 330.0,
    }
    assert without_rule(rows[1]) == {
        **common, "queue": "Billing", "interval_start": "2026-11-27T09:00:00+01:00",
        "offered": 40, "answered": 38, "abandoned": 2, "other": 0,
        "answered_within_threshold": 30, "abandoned_within_threshold": 1,
        "service_level": 100.0 * 30 / 40, "asa_seconds": 9.0, "aht_seconds": 240.0,
    }
    assert without_rule(rows[2]) == {
        **common, "queue": "Atención", "interval_start": "2026-11-27T09:30:00+01:00",
        "offered": 90, "answered": 85, "abandoned": 5, "other": 0,
        "answered_within_threshold": 70, "abandoned_within_threshold": 5,
        "service_level": 100.0 * 70 / 90, "asa_seconds": 12.0, "aht_seconds": 375.0,
    }
    assert without_rule(rows[3]) == {
        **common, "queue": "Billing", "interval_start": "2026-11-27T09:30:00+01:00",
        "offered": 10, "answered": 7, "abandoned": 1, "other": 2,
        "answered_within_threshold": 7, "abandoned_within_threshold": 0,
        "service_level": 70.0, "asa_seconds": 5.0, "aht_seconds": 3800.0,
    }
    # One queue.
    rows = report(capsys, db_url, "connect", "--queue", "Atención")
    assert [r["answered_within_threshold"] for r in rows] == [80, 70]


def test_the_source_definition_applies_to_vendor_counts(capsys, tmp_path, db_url):
    rc, out, err = import_connect(capsys, db_url, connect_file(tmp_path), "--sl-definition", "exclude_short_abandons")
    assert rc == 0, err
    rows = by_key(report(capsys, db_url, "connect"))
    assert rows[("09:00", "Atención")]["sl_definition"] == "exclude_short_abandons"
    assert rows[("09:00", "Atención")]["service_level"] == 100.0 * 80 / (120 - 6)
    assert rows[("09:30", "Billing")]["service_level"] == 100.0 * 7 / 10


# --------------------------------------------------------------------------- local time


def test_wall_clock_times_are_in_the_zone_given_and_twelve_hour_clock_is_read(capsys, tmp_path, db_url):
    rows = [
        avaya_row("11:30 AM-12:00 PM", "Sales", 10, 9, 8, 1, "0:05", "3:00", "0:40", "80%"),
        avaya_row("12:00 PM-12:30 PM", "Sales", 20, 18, 15, 2, "0:07", "3:10", "0:50", "75%"),
        avaya_row("12:30 PM-1:00 PM", "Sales", 30, 27, 21, 3, "0:09", "3:20", "1:00", "70%"),
    ]
    path = avaya_file(tmp_path, rows, totals=False)
    assert import_avaya(capsys, db_url, path, source="reno", tz=PACIFIC)[0] == 0
    rc, out, err = import_file(capsys, db_url, path, AVAYA, "shanghai", "--site", "Shanghai", "--tz", "Asia/Shanghai")
    assert rc == 0, err

    west = report(capsys, db_url, "reno")
    assert [(r["interval_start"], r["offered"]) for r in west] == [
        ("2026-11-27T11:30:00-08:00", 10), ("2026-11-27T12:00:00-08:00", 20), ("2026-11-27T12:30:00-08:00", 30),
    ]
    east = report(capsys, db_url, "shanghai")
    assert [(r["interval_start"], r["offered"]) for r in east] == [
        ("2026-11-27T11:30:00+08:00", 10), ("2026-11-27T12:00:00+08:00", 20), ("2026-11-27T12:30:00+08:00", 30),
    ]


def test_times_with_an_offset_are_shown_in_the_site_zone(capsys, tmp_path, db_url):
    rows = [connect_row("Atención", "2026-11-27T08:00:00", 12, 10, 1, 1, 8, "00:00:10", "00:03:00", zone="Z"),
            connect_row("Atención", "2026-11-27T08:30:00", 14, 11, 2, 0, 9, "00:00:11", "00:03:10", zone=".000Z")]
    rc, out, err = import_connect(capsys, db_url, connect_file(tmp_path, rows), tz="Asia/Kolkata")
    assert rc == 0, err
    assert summary_line(out, "rejected").split() == ["rejected", "0"]
    rows = report(capsys, db_url, "connect")
    assert [(r["interval_start"], r["offered"]) for r in rows] == [
        ("2026-11-27T13:30:00+05:30", 12), ("2026-11-27T14:00:00+05:30", 14),
    ]


def test_a_later_import_without_tz_uses_the_site_zone(capsys, tmp_path, db_url):
    assert import_avaya(capsys, db_url, avaya_file(tmp_path, [S8]))[0] == 0
    later = avaya_file(tmp_path, [S830], name="later.csv")
    rc, out, err = import_file(capsys, db_url, later, AVAYA, "cms")  # no --tz, no --site
    assert rc == 0, err
    rows = report(capsys, db_url, "cms")
    assert [(r["interval_start"], r["offered"]) for r in rows] == [
        ("2026-11-27T08:00:00-08:00", 1050), ("2026-11-27T08:30:00-08:00", 700),
    ]


# --------------------------------------------------------------------------- unknown, never 0


def test_avaya_report_without_max_delay_leaves_max_wait_unknown(capsys, tmp_path, db_url):
    rc, out, err = import_avaya(capsys, db_url, avaya_file(tmp_path, drop=("Max Delay",)))
    assert rc == 0, err
    assert missing_names(out) in ({"max_wait"}, {"Max Delay"})
    rows = by_key(report(capsys, db_url, "cms"))
    assert len(rows) == 4
    assert all(r["max_wait_seconds"] is None for r in rows.values())
    sales = rows[("08:00", "Sales")]
    assert (sales["offered"], sales["answered"], sales["abandoned"], sales["other"]) == (1050, 980, 60, 10)
    assert (sales["asa_seconds"], sales["aht_seconds"]) == (25.0, 250.0)
    assert rows[("08:30", "Care")]["max_wait_seconds"] is None  # not 0, though the interval had no calls
    # The table shows unknown as "-".
    rc, out, err = run(capsys, "report", "intervals", "--source", "cms", "--date", DAY, "--db", db_url)
    assert rc == 0, err
    sales_line = next(line for line in out.splitlines() if line.startswith("08:00") and "Sales" in line)
    assert sales_line.split()[-1] == "-"


def test_avaya_report_without_the_within_column_shows_the_vendor_service_level(capsys, tmp_path, db_url):
    rc, out, err = import_avaya(capsys, db_url, avaya_file(tmp_path, drop=("Calls Answ <30 secs",)))
    assert rc == 0, err
    assert missing_names(out) in ({"answered_within"}, {"Calls Answ <30 secs"})
    rows = by_key(report(capsys, db_url, "cms"))
    sales = rows[("08:00", "Sales")]
    assert sales["answered_within_threshold"] is None
    assert sales["service_level"] == 87.0  # the report's own percentage, not 0 and not computed from 0
    assert sales["vendor_service_level"] == 87.0
    assert sales["max_wait_seconds"] == 182.0


def test_connect_report_without_short_abandons_and_handle_time(capsys, tmp_path, db_url):
    drop = ("Contacts abandoned in 20 seconds", "Average handle time")
    rc, out, err = import_connect(capsys, db_url, connect_file(tmp_path, drop=drop),
                                  "--sl-definition", "exclude_short_abandons")
    assert rc == 0, err
    assert missing_names(out) in ({"abandoned_within", "aht"}, set(drop))
    rows = report(capsys, db_url, "connect")
    assert len(rows) == 4
    for r in rows:
        assert r["abandoned_within_threshold"] is None
        assert r["aht_seconds"] is None
        # answered_within / (offered - short abandons) cannot be computed without short abandons
        assert r["service_level"] is None
    first = by_key(rows)[("09:00", "Atención")]
    assert (first["offered"], first["answered"], first["abandoned"], first["other"]) == (120, 100, 15, 5)
    assert (first["answered_within_threshold"], first["asa_seconds"]) == (80, 18.0)


def test_an_empty_cell_is_unknown_not_zero(capsys, tmp_path, db_url):
    row = dict(S8, **{"Aban Calls": "", "Avg Handle Time": "", "% Within Service Level": ""})
    rc, out, err = import_avaya(capsys, db_url, avaya_file(tmp_path, [row, C8], totals=False))
    assert rc == 0, err
    assert summary_line(out, "rejected").split() == ["rejected", "0"]
    sales = by_key(report(capsys, db_url, "cms"))[("08:00", "Sales")]
    assert sales["abandoned"] is None
    assert sales["other"] is None  # offered - answered - abandoned is unknown when abandoned is
    assert sales["aht_seconds"] is None and sales["vendor_service_level"] is None
    assert (sales["offered"], sales["answered"], sales["answered_within_threshold"]) == (1050, 980, 850)


# --------------------------------------------------------------------------- totals over queues


def test_total_over_queues_keeps_an_unknown_count_unknown(capsys, tmp_path, db_url):
    drop = ("Contacts abandoned in 20 seconds",)
    assert import_connect(capsys, db_url, connect_file(tmp_path, drop=drop))[0] == 0
    total = report(capsys, db_url, "connect", "--queue", "*")
    assert [(r["queue"], r["interval_start"]) for r in total] == [
        ("*", "2026-11-27T09:00:00+01:00"), ("*", "2026-11-27T09:30:00+01:00"),
    ]
    nine = total[0]
    assert nine["abandoned_within_threshold"] is None
    assert (nine["offered"], nine["answered"], nine["abandoned"], nine["other"]) == (160, 138, 17, 5)
    assert nine["answered_within_threshold"] == 110
    assert nine["service_level"] == pytest.approx(100 * 110 / 160)
    assert nine["asa_seconds"] == pytest.approx((18 * 100 + 9 * 38) / 138)
    assert nine["aht_seconds"] == pytest.approx((330 * 100 + 240 * 38) / 138)
    assert nine["max_wait_seconds"] is None
    assert "<= 20 s" in nine["vendor_rule"]


def test_total_over_queues_is_unknown_when_one_queue_lacks_a_figure(capsys, tmp_path, db_url):
    # Care's 08:00 row has empty Calls Answ <30 secs, Avg Handle Time and Max Delay cells.
    care = dict(C8, **{"Calls Answ <30 secs": "", "Avg Handle Time": "", "Max Delay": ""})
    assert import_avaya(capsys, db_url, avaya_file(tmp_path, [S8, care, S830, C830]))[0] == 0
    total = by_key(report(capsys, db_url, "cms", "--queue", "*"))
    eight = total[("08:00", "*")]
    assert (eight["offered"], eight["answered"], eight["abandoned"], eight["other"]) == (1092, 1010, 69, 13)
    assert eight["answered_within_threshold"] is None
    assert eight["aht_seconds"] is None
    assert eight["asa_seconds"] == pytest.approx((25 * 980 + 65 * 30) / 1010)
    # No counts for a computed service level: the reports' own percentages, weighted by offered.
    assert eight["service_level"] == pytest.approx((87 * 1050 + 29 * 42) / 1092)
    half = total[("08:30", "*")]
    assert (half["offered"], half["answered_within_threshold"], half["max_wait_seconds"]) == (700, 600, 59.0)
    assert half["service_level"] == pytest.approx(100 * 600 / 700)
    # The longest wait of the two queues is not known: Care's could be longer than Sales' 182 s.
    assert eight["max_wait_seconds"] is None


# --------------------------------------------------------------------------- re-import


def test_reimport_of_an_overlapping_report_replaces_only_its_rows(capsys, tmp_path, db_url):
    first = avaya_file(tmp_path, [S8, C8, S830, C830], name="first.csv")
    assert import_avaya(capsys, db_url, first)[0] == 0
    before = by_key(report(capsys, db_url, "cms"))

    rc, out, err = import_avaya(capsys, db_url, first)
    assert rc == 0, err
    assert "(new source)" not in out
    assert summary_line(out, "intervals").split()[1:] == ["4", "new", "0,", "replaced", "4"]
    assert by_key(report(capsys, db_url, "cms")) == before  # the same report again changes nothing

    changed = avaya_row("8:30 AM-9:00 AM", "Sales", 710, 695, 610, 12, "0:13", "4:00", "1:01", "85%")
    s9 = avaya_row("9:00 AM-9:30 AM", "Sales", 500, 480, 450, 15, "0:08", "3:45", "0:44", "90%")
    c9 = avaya_row("9:00 AM-9:30 AM", "Care", 35, 30, 25, 5, "0:20", "5:00", "2:10", "71%")
    second = avaya_file(tmp_path, [changed, s9, c9], name="second.csv", totals=False)
    rc, out, err = import_avaya(capsys, db_url, second)
    assert rc == 0, err
    assert summary_line(out, "intervals").split()[1:] == ["3", "new", "2,", "replaced", "1"]

    after = by_key(report(capsys, db_url, "cms"))
    assert sorted(after) == sorted(list(before) + [("09:00", "Care"), ("09:00", "Sales")])
    for key in [("08:00", "Sales"), ("08:00", "Care"), ("08:30", "Care")]:
        assert after[key] == before[key]  # not in the second report: kept as they were
    sales = after[("08:30", "Sales")]
    assert (sales["offered"], sales["answered"], sales["abandoned"], sales["other"]) == (710, 695, 12, 3)
    assert (sales["answered_within_threshold"], sales["asa_seconds"], sales["aht_seconds"]) == (610, 13.0, 240.0)
    assert (sales["max_wait_seconds"], sales["vendor_service_level"]) == (61.0, 85.0)
    assert after[("09:00", "Care")]["max_wait_seconds"] == 130.0
    total = by_key(report(capsys, db_url, "cms", "--queue", "*"))
    assert total[("08:30", "*")]["offered"] == 710  # replaced, not added to the old 700
    assert total[("09:00", "*")]["offered"] == 535


# --------------------------------------------------------------------------- the report's own T


@pytest.mark.parametrize("mapping, t, other", [(AVAYA, 30, "20"), (CONNECT, 20, "30")], ids=["avaya", "connect"])
def test_a_threshold_other_than_the_report_t_is_refused(capsys, tmp_path, db_url, mapping, t, other):
    path = avaya_file(tmp_path) if mapping == AVAYA else connect_file(tmp_path)
    rc, out, err = import_file(capsys, db_url, path, mapping, "vendor", "--site", "HQ", "--tz", PACIFIC,
                               "--threshold", other)
    assert rc == 2, out
    line = one_error_line(err)
    assert "threshold" in line and f"{t} s" in line and other in line
    assert out == ""
    assert_unknown_source(capsys, db_url, "vendor")  # nothing stored, not even the source

    # The report's own T is accepted.
    rc, out, err = import_file(capsys, db_url, path, mapping, "vendor", "--site", "HQ", "--tz", PACIFIC,
                               "--threshold", str(t))
    assert rc == 0, err
    before = report(capsys, db_url, "vendor")
    assert before and {r["threshold_seconds"] for r in before} == {float(t)}

    # Refused for a source that exists too, and its figures stay as they were.
    rc, out, err = import_file(capsys, db_url, path, mapping, "vendor", "--threshold", other)
    assert rc == 2
    one_error_line(err)
    assert report(capsys, db_url, "vendor") == before


# --------------------------------------------------------------------------- bad rows and bad files


def test_bad_rows_are_rejected_with_line_number_and_reason_and_the_rest_imports(capsys, tmp_path, db_url):
    bad_count = dict(S830, **{"Calls Offered": "n/a"})
    off_grid = avaya_row("8:15 AM-8:45 AM", "Care", 5, 5, 5, 0, "0:02", "2:00", "0:05", "100%")
    shifted = avaya_line(C830).replace("11/27/2026,8:30 AM-9:00 AM,", "11/27/2026,8:30 AM-9:00 AM,x,")
    unquoted = avaya_line(avaya_row("9:00 AM-9:30 AM", "Sales", 1200, 1100, 900, 80, "0:30", "4:00", "3:00", "75%"))
    assert '"1,200"' in unquoted
    lines = [
        avaya_line(S8),                        # line 5
        avaya_line(bad_count),                 # line 6: not a number
        avaya_line(off_grid),                  # line 7: 08:15 is not a half hour
        shifted,                               # line 8: one field too many
        avaya_line(C8),                        # line 9
        unquoted.replace('"1,200"', "1,200"),  # line 10: thousands separator without quotes
        avaya_line(AVAYA_TOTALS),              # line 11
    ]
    path = write_avaya(tmp_path, lines)
    rc, out, err = import_avaya(capsys, db_url, path)
    assert rc == 0, err
    assert summary_line(out, "rejected").split() == ["rejected", "4"]
    assert summary_line(out, "intervals").split()[1:] == ["2", "new", "2,", "replaced", "0"]
    assert summary_line(out, "ignored").split() == ["ignored", "1", "totals", "rows", "1"]
    reasons = rejected_lines(out)
    assert sorted(reasons) == [6, 7, 8, 10]
    assert "Calls Offered" in reasons[6] and "'n/a'" in reasons[6] and "not a number" in reasons[6]
    assert "08:15" in reasons[7] and "half hour" in reasons[7]
    assert "expected 18 fields, found 19" in reasons[8]
    assert "expected 18 fields, found 19" in reasons[10]
    assert "all rejected lines:" in out
    report_path = Path(summary_line(out, "all rejected lines:").split(":", 1)[1].strip())
    kept = report_path.read_text(encoding="utf-8")
    assert [line.split("\t")[0] for line in kept.splitlines() if line[:1].isdigit()] == ["6", "7", "8", "10"]

    rows = by_key(report(capsys, db_url, "cms"))
    assert rows[("08:00", "Sales")]["offered"] == 1050
    assert rows[("08:00", "Care")]["offered"] == 42
    assert ("09:00", "Sales") not in rows  # the only 09:00 row was rejected: not covered


def rejected_lines(out: str) -> dict[int, str]:
    return {int(line.split()[1].rstrip(":")): line.split(":", 1)[1].strip()
            for line in out.splitlines() if line.strip().startswith("line ")}


def test_a_second_row_for_the_same_queue_and_interval_is_not_dropped_silently(capsys, tmp_path, db_url):
    again = dict(S8, **{"Calls Offered": "1,100"})  # line 7: Sales 08:00 a second time
    rc, out, err = import_avaya(capsys, db_url, avaya_file(tmp_path, [S8, C8, again], totals=False))
    assert rc == 0, err
    lines = int(summary_line(out, "lines read").split()[-1])
    written = int(summary_line(out, "intervals").split()[1])
    ignored = int(summary_line(out, "ignored").split()[1])
    rejected = int(summary_line(out, "rejected").split()[1])
    assert lines == 3
    # Every data line is stored, ignored with a reason, or rejected with its number and reason.
    assert written + ignored + rejected == lines, out
    assert 7 in rejected_lines(out) or 5 in rejected_lines(out), out


def test_the_repeated_hour_of_a_dst_change_loses_no_row(capsys, tmp_path, db_url):
    # America/Los_Angeles falls back on 2026-11-01: 01:00-02:00 happens twice, and a report
    # listing its intervals in order names "1:00 AM" and "1:30 AM" twice.
    wall = ["12:30 AM-1:00 AM", "1:00 AM-1:30 AM", "1:30 AM-2:00 AM", "1:00 AM-1:30 AM", "1:30 AM-2:00 AM",
            "2:00 AM-2:30 AM"]
    offered = [10, 11, 12, 13, 14, 15]
    rows = [avaya_row(w, "Sales", n, 10, 9, 0, "0:05", "3:00", "0:30", "90%", date="11/01/2026")
            for w, n in zip(wall, offered)]
    rc, out, err = import_avaya(capsys, db_url, avaya_file(tmp_path, rows, totals=False))
    assert rc == 0, err
    by_line = dict(zip(range(5, 11), offered))
    rejected = rejected_lines(out)
    shown = report(capsys, db_url, "cms", day="2026-11-01")
    # Each row's calls are in the report once, or its line is rejected: none vanish.
    assert sum(r["offered"] for r in shown) + sum(by_line[n] for n in rejected) == sum(offered), (out, shown)
    assert int(summary_line(out, "intervals").split()[1]) + len(rejected) == 6, out


def test_a_report_with_another_rule_does_not_relabel_the_stored_figures(capsys, tmp_path, db_url):
    assert import_avaya(capsys, db_url, avaya_file(tmp_path, [S8, C8], totals=False))[0] == 0
    before = report(capsys, db_url, "cms")
    # An Amazon Connect report (T = 20 s, "<=", arrival) into the same source.
    later = connect_file(tmp_path, [connect_row("Sales", "2026-11-27T08:30:00", 40, 38, 2, 1, 30, "00:00:09",
                                                "00:04:00")])
    rc, out, err = import_file(capsys, db_url, later, CONNECT, "cms")
    if rc == 2:  # refused: the source reads reports counted within 30 s
        one_error_line(err)
        assert report(capsys, db_url, "cms") == before
        return
    assert rc == 0, err
    rows = by_key(report(capsys, db_url, "cms"))
    for key in [("08:00", "Sales"), ("08:00", "Care")]:  # Avaya's figures keep Avaya's rule
        assert rows[key]["threshold_seconds"] == 30.0
        assert "< 30 s" in rows[key]["vendor_rule"] and "completes" in rows[key]["vendor_rule"]
    assert "<= 20 s" in rows[("08:30", "Sales")]["vendor_rule"]
    assert rows[("08:30", "Sales")]["threshold_seconds"] == 20.0


def test_a_report_of_which_no_row_can_be_used_stores_nothing(capsys, tmp_path, db_url):
    path = write_avaya(tmp_path, [avaya_line(dict(S8, **{"ACD Calls": "lots"})), avaya_line(AVAYA_TOTALS)])
    rc, out, err = import_avaya(capsys, db_url, path)
    assert rc == 2, out
    line = one_error_line(err)
    assert str(path) in line and "line 5" in line and "ACD Calls" in line
    assert_unknown_source(capsys, db_url, "cms")

    header_only = write_avaya(tmp_path, [], name="empty.csv")
    rc, out, err = import_avaya(capsys, db_url, header_only)
    assert rc == 2, out
    assert str(header_only) in one_error_line(err)
    assert_unknown_source(capsys, db_url, "cms")


def test_a_file_without_the_mapped_header_is_refused_naming_the_columns(capsys, tmp_path, db_url):
    # An Amazon Connect download read through the Avaya mapping.
    path = connect_file(tmp_path)
    rc, out, err = import_avaya(capsys, db_url, path)
    assert rc == 2, out
    line = one_error_line(err)
    assert str(path) in line and "'Split/Skill'" in line and "'Interval'" in line
    assert_unknown_source(capsys, db_url, "cms")

    # A CMS export whose date column is spelt differently.
    header = ["Day" if c == "Date" else c for c in AVAYA_HEADER]
    other = write_avaya(tmp_path, [avaya_line(S8)], name="day.csv", header=header)
    rc, out, err = import_avaya(capsys, db_url, other)
    assert rc == 2, out
    line = one_error_line(err)
    assert str(other) in line and "'Date'" in line
    assert_unknown_source(capsys, db_url, "cms")


def test_interval_csv_without_a_mapping_is_refused(capsys, tmp_path, db_url):
    rc, out, err = import_file(capsys, db_url, avaya_file(tmp_path), None, "cms", "--site", "Reno", "--tz", PACIFIC)
    assert rc == 2, out
    line = one_error_line(err)
    assert "--mapping" in line and "interval-csv" in line
    assert_unknown_source(capsys, db_url, "cms")


@pytest.mark.parametrize(
    "old, new, key",
    [
        ('threshold_rule = "<"', 'threshold_rule = "=<"', "threshold_rule"),
        ("threshold_seconds = 30", "", "threshold_seconds"),
        ('attribution = "completion"', 'attribution = "answer"', "attribution"),
        ("interval_minutes = 30", "interval_minutes = 15", "interval_minutes"),
        ("threshold_seconds = 30", "threshold_seconds = 30\nthreshold_rules = '<'", "threshold_rules"),
        ('interval = "Interval"', "", "'interval'"),
        ("threshold_seconds = 30", "threshold_seconds = true", "threshold_seconds"),
        ("interval_minutes = 30", "interval_minutes = 30\ntime_format = 5", "time_format"),
    ],
    ids=["rule =<", "no threshold_seconds", "attribution answer", "15-minute intervals", "unknown key",
         "no interval column", "threshold true", "time_format not text"],
)
def test_a_bad_mapping_file_is_refused_naming_file_and_key(capsys, tmp_path, db_url, old, new, key):
    text = AVAYA.read_text(encoding="utf-8")
    assert old in text
    mapping = tmp_path / "broken-mapping.toml"
    mapping.write_text(text.replace(old, new, 1), encoding="utf-8")
    rc, out, err = import_file(capsys, db_url, avaya_file(tmp_path), mapping, "cms", "--site", "Reno", "--tz", PACIFIC)
    assert rc == 2, out
    line = one_error_line(err)
    assert str(mapping) in line and key in line
    assert_unknown_source(capsys, db_url, "cms")


def test_a_mapping_that_is_not_toml_is_refused(capsys, tmp_path, db_url):
    mapping = tmp_path / "not-toml.toml"
    mapping.write_text('vendor = "x"\nthreshold_seconds = \n', encoding="utf-8")
    rc, out, err = import_file(capsys, db_url, avaya_file(tmp_path), mapping, "cms", "--site", "Reno", "--tz", PACIFIC)
    assert rc == 2, out
    line = one_error_line(err)
    assert str(mapping) in line and "TOML" in line
