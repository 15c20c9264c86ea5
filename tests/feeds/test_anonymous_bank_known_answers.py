"""Known answers of the January 1999 "Anonymous Bank" import, worked out from the raw lines.

The expected figures are NOT taken from `app/`: this module holds its own
small reference reading of the file (csv + datetime + zoneinfo) that follows
the rules of the issue word for word:

* PHANTOM rows are ignored; HANG rows that never queued (`q_start` is
  `0:00:00`) are "VRU only" and not calls of the queue; every other row
  (AGENT, or HANG that queued) is a call offered to the agents.
* answered = AGENT; abandoned = HANG and queued.
* arrival = `q_start` if queued, else `vru_exit`, on the row's `date`, plus one
  day when that time is more than 12 h before `vru_entry`; wall clock in
  Asia/Jerusalem; the call belongs to the local 30-minute interval of its
  arrival.
* wait = `q_time`; handle = `ser_time` when `ser_start` is not `0:00:00`;
  queue = `type`.
* answered/abandoned within T = wait <= T; service level by the source's
  definition; ASA = mean wait of the answered; AHT = mean handle of the
  answered with a known handle; max wait = longest wait of any call.

The file is `shared/data/anonymous-bank/january.txt` (sha256 0274cfb0...,
see its README). Each test imports it into a fresh database (SQLite, and
PostgreSQL when HANDOVER_TEST_PG_URL is set) through the command line or
the import service, then reads the half-hourly report through the command
line (`report intervals --format json`).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import JANUARY

SOURCE = "bank"
TZ_NAME = "Asia/Jerusalem"
TZ = ZoneInfo(TZ_NAME)
NO_TIME = "0:00:00"
ALL = "*"

# Fields of a report row compared with the reference.
FIGURES = (
    "offered", "answered", "abandoned", "answered_within_threshold", "abandoned_within_threshold",
    "service_level", "asa_seconds", "aht_seconds", "max_wait_seconds",
)

# The intervals checked by name (chosen from the reference, see the tests).
BUSY_PS = ("PS", "1999-01-04T10:30:00+02:00")  # Monday morning, busiest PS half hour of a weekday morning
TOTAL = (ALL, "1999-01-03T16:30:00+02:00")  # Sunday afternoon, six queues, 150 calls
NEGATIVE_VRU_LINE = 17638  # PS 990121 vru 13:23:30 -> 13:21:11 (vru_time -139), q_start 13:21:11, AGENT
NEGATIVE_VRU = ("PS", "1999-01-21T13:00:00+02:00")
QUEUE_OVER_MIDNIGHT_LINE = 28023  # PS 990109 q_start 23:59:28, q_exit 0:00:03 (next day), AGENT
QUEUE_OVER_MIDNIGHT = ("PS", "1999-01-09T23:30:00+02:00")


# --------------------------------------------------------------------------
# The reference: plain reading of the raw lines, no code from app/.
# --------------------------------------------------------------------------


def _seconds(text: str) -> int:
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + int(s)


@dataclass(frozen=True)
class RefCall:
    line_no: int
    queue: str
    arrived: datetime  # aware, Asia/Jerusalem
    answered: bool  # else abandoned
    wait: int
    handle: int | None
    vru_time: int
    row_date: date  # the row's `date` column

    @property
    def interval(self) -> str:
        """ISO local start of the 30-minute interval of the arrival, e.g. 1999-01-04T10:30:00+02:00."""
        start = self.arrived.replace(minute=self.arrived.minute // 30 * 30, second=0)
        return start.isoformat()

    @property
    def local_date(self) -> date:
        return self.arrived.date()


@dataclass(frozen=True)
class RefFile:
    lines: int  # data lines (header not counted)
    phantom: int
    vru_only: int
    calls: tuple[RefCall, ...]

    def select(self, queue: str, interval: str) -> list[RefCall]:
        return [c for c in self.calls if c.interval == interval and queue in (ALL, c.queue)]

    def by_interval(self) -> dict[tuple[str, str], list[RefCall]]:
        out: dict[tuple[str, str], list[RefCall]] = defaultdict(list)
        for c in self.calls:
            out[(c.queue, c.interval)].append(c)
            out[(ALL, c.interval)].append(c)
        return out


def reference(path: Path) -> RefFile:
    with open(path, newline="", encoding="ascii") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    header, data = rows[0], rows[1:]
    counts: Counter[str] = Counter()
    calls = []
    for line_no, values in enumerate(data, start=2):
        r = dict(zip(header, values, strict=True))
        queued = r["q_start"] != NO_TIME
        if r["outcome"] == "PHANTOM":
            counts["PHANTOM"] += 1
            continue
        if r["outcome"] == "HANG" and not queued:
            counts["VRU only"] += 1
            continue
        assert r["outcome"] in ("AGENT", "HANG"), r
        at = r["q_start"] if queued else r["vru_exit"]
        d = r["date"]
        day = date(1900 + int(d[:2]), int(d[2:4]), int(d[4:]))  # all rows are 99xxxx
        if _seconds(at) < _seconds(r["vru_entry"]) - 12 * 3600:
            day += timedelta(days=1)
        arrived = datetime.combine(day, time.fromisoformat(at.zfill(8)), tzinfo=TZ)
        calls.append(
            RefCall(
                line_no=line_no,
                queue=r["type"],
                arrived=arrived,
                answered=r["outcome"] == "AGENT",
                wait=int(r["q_time"]),
                handle=int(r["ser_time"]) if r["ser_start"] != NO_TIME else None,
                vru_time=int(r["vru_time"]),
                row_date=date(1900 + int(d[:2]), int(d[2:4]), int(d[4:])),
            )
        )
    return RefFile(len(data), counts["PHANTOM"], counts["VRU only"], tuple(calls))


@cache
def january() -> RefFile:
    return reference(JANUARY)


def expected(calls: list[RefCall], threshold: float = 20, definition: str = "offered") -> dict:
    answered = [c for c in calls if c.answered]
    abandoned = [c for c in calls if not c.answered]
    aw = sum(1 for c in answered if c.wait <= threshold)
    abw = sum(1 for c in abandoned if c.wait <= threshold)
    offered = len(calls)
    num, den = {
        "offered": (aw, offered),
        "answered": (aw, len(answered)),
        "exclude_short_abandons": (aw, offered - abw),
        "short_abandons_met": (aw + abw, offered),
    }[definition]
    handles = [c.handle for c in answered if c.handle is not None]
    return {
        "offered": offered,
        "answered": len(answered),
        "abandoned": len(abandoned),
        "answered_within_threshold": aw,
        "abandoned_within_threshold": abw,
        "service_level": 100.0 * num / den if den else None,
        "asa_seconds": sum(c.wait for c in answered) / len(answered) if answered else None,
        "aht_seconds": sum(handles) / len(handles) if handles else None,
        "max_wait_seconds": max(c.wait for c in calls) if calls else None,
    }


# --------------------------------------------------------------------------
# Driving the console
# --------------------------------------------------------------------------


def run(capsys, *argv: str) -> str:
    from app.cli import main

    capsys.readouterr()
    rc = main(list(argv))
    out, err = capsys.readouterr()
    assert rc == 0, f"{argv} exited {rc}: {err}"
    return out


def cli_import(capsys, db_url: str, path: Path = JANUARY, source: str = SOURCE, *extra: str) -> str:
    return run(
        capsys, "feed", "import", str(path), "--format", "anonymous-bank", "--source", source,
        "--site", "Bank", "--tz", TZ_NAME, *extra, "--db", db_url,
    )


def report(capsys, db_url: str, day: str, queue: str | None = None, source: str = SOURCE) -> list[dict]:
    argv = ["report", "intervals", "--source", source, "--date", day, "--format", "json", "--db", db_url]
    if queue is not None:
        argv[4:4] = ["--queue", queue]
    return json.loads(run(capsys, *argv))


def row_of(rows: list[dict], queue: str, interval: str) -> dict:
    found = [r for r in rows if r["queue"] == queue and r["interval_start"] == interval]
    assert len(found) == 1, f"{queue} {interval}: {len(found)} rows in the report"
    return found[0]


def figures_of(row: dict) -> dict:
    return {k: row[k] for k in FIGURES}


def assert_figures(row: dict, want: dict, where: str) -> None:
    got = figures_of(row)
    approx = {k: (pytest.approx(v, rel=1e-9, abs=1e-9) if isinstance(v, float) else v) for k, v in want.items()}
    assert got == approx, f"{where}: got {got}, expected {want}"
    assert row["other"] == 0 and row["waiting"] == 0, f"{where}: {row}"


def january_dates() -> list[str]:
    return [(date(1999, 1, 1) + timedelta(days=i)).isoformat() for i in range(31)]


def month_report(capsys, db_url: str) -> dict[str, list[dict]]:
    return {day: report(capsys, db_url, day) for day in january_dates()}


def assert_month_matches(month: dict[str, list[dict]], ref: RefFile, threshold: float, definition: str) -> None:
    """Every interval with reference calls is in the report with the reference figures;
    every other reported interval is a covered interval without calls."""
    want = ref.by_interval()
    seen = set()
    for day, rows in month.items():
        for row in rows:
            key = (row["queue"], row["interval_start"])
            assert row["interval_start"].startswith(day), row
            assert row["threshold_seconds"] == threshold and row["sl_definition"] == definition, row
            if key in want:
                assert_figures(row, expected(want[key], threshold, definition), f"{key}")
                seen.add(key)
            else:
                assert (row["offered"], row["answered"], row["abandoned"], row["waiting"]) == (0, 0, 0, 0), row
    missing = {k for k in want if k[0] != ALL} - seen
    assert not missing, f"{len(missing)} (queue, interval) with calls not in the report, e.g. {sorted(missing)[:5]}"


# --------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------


def test_reference_reads_the_documented_january_file():
    """The reference itself agrees with the data README (so its answers can be trusted)."""
    ref = january()
    assert ref.lines == 31_599
    assert ref.phantom == 240
    assert ref.vru_only == 1_198  # README quirk 9: HANG in the VRU
    assert len(ref.calls) == 27_060 + 3_101  # AGENT + HANG that queued
    assert ref.lines == ref.phantom + ref.vru_only + len(ref.calls)
    assert sum(1 for c in ref.calls if not c.answered) == 3_101
    # The named intervals hold what the tests below say they hold.
    busy = ref.select(*BUSY_PS)
    assert expected(busy) == {
        "offered": 82, "answered": 75, "abandoned": 7, "answered_within_threshold": 32,
        "abandoned_within_threshold": 4, "service_level": pytest.approx(100 * 32 / 82),
        "asa_seconds": pytest.approx(1949 / 75), "aht_seconds": pytest.approx(14555 / 75), "max_wait_seconds": 108,
    }
    assert sorted({c.queue for c in ref.select(*TOTAL)}) == ["IN", "NE", "NW", "PE", "PS", "TT"]
    (neg,) = [c for c in ref.calls if c.line_no == NEGATIVE_VRU_LINE]
    assert neg.vru_time == -139 and neg.interval == NEGATIVE_VRU[1] and neg.queue == "PS"
    (late,) = [c for c in ref.calls if c.line_no == QUEUE_OVER_MIDNIGHT_LINE]
    assert late.arrived == datetime(1999, 1, 9, 23, 59, 28, tzinfo=TZ) and late.interval == QUEUE_OVER_MIDNIGHT[1]
    # No January row arrives after midnight on the previous day's date: the
    # wrap rule is exercised with a small file built from real rows below.
    assert [c.line_no for c in ref.calls if c.local_date != c.row_date] == []


def test_january_import_summary_intervals_and_idempotence(db_url, capsys):
    from app.services.console import Console
    from app.services.imports import ImportRequest, import_feed

    ref = january()

    # 1. The import summary.
    with Console.open(db_url) as console:
        s = import_feed(
            console,
            ImportRequest(path=JANUARY, format=_format(), source=SOURCE, site="Bank", tz=TZ_NAME),
        )
    assert s.lines_read == 31_599
    assert s.ignored == {"PHANTOM": 240, "VRU only": ref.vru_only}
    assert s.rejected == 0 and s.first_rejected == ()
    assert s.calls == len(ref.calls) == 30_161
    assert (s.new, s.known, s.waiting) == (len(ref.calls), 0, 0)

    # 2. Named intervals, field by field.
    busy = row_of(report(capsys, db_url, "1999-01-04", "PS"), *BUSY_PS)
    assert_figures(busy, expected(ref.select(*BUSY_PS)), "busy PS morning")
    assert (busy["source"], busy["threshold_seconds"], busy["sl_definition"]) == (SOURCE, 20, "offered")

    total = row_of(report(capsys, db_url, "1999-01-03", ALL), *TOTAL)
    assert_figures(total, expected(ref.select(*TOTAL)), "* total")
    # ... and it is the volume-weighted sum of that interval's queue rows.
    parts = [r for r in report(capsys, db_url, "1999-01-03") if r["interval_start"] == TOTAL[1]]
    assert {r["queue"] for r in parts if r["offered"]} == {"IN", "NE", "NW", "PE", "PS", "TT"}
    for k in ("offered", "answered", "abandoned", "answered_within_threshold", "abandoned_within_threshold"):
        assert total[k] == sum(r[k] for r in parts), k
    answered = sum(r["answered"] for r in parts)
    assert total["asa_seconds"] == pytest.approx(sum(r["answered"] * (r["asa_seconds"] or 0) for r in parts) / answered)
    assert total["service_level"] == pytest.approx(100 * total["answered_within_threshold"] / total["offered"])
    assert total["max_wait_seconds"] == max(r["max_wait_seconds"] or 0 for r in parts)

    # The call with vru_time -139 s counts in its q_start interval (13:21:11 -> 13:00).
    neg_rows = report(capsys, db_url, "1999-01-21", "PS")
    neg_calls = ref.select(*NEGATIVE_VRU)
    assert NEGATIVE_VRU_LINE in [c.line_no for c in neg_calls]
    assert_figures(row_of(neg_rows, *NEGATIVE_VRU), expected(neg_calls), f"line {NEGATIVE_VRU_LINE} (vru_time -139)")
    # All 32 calls with a negative vru_time (the README's 33rd row is not a
    # call) are checked in the month sweep below. None of them crosses a
    # half-hour boundary between vru_entry and q_start; a made row in the
    # midnight-wrap test does.
    negatives = [c for c in ref.calls if c.vru_time < 0]
    assert len(negatives) == 32

    # A call queued at 23:59:28 and answered after midnight stays in 23:30 of its own date.
    late = row_of(report(capsys, db_url, "1999-01-09", "PS"), *QUEUE_OVER_MIDNIGHT)
    assert_figures(late, expected(ref.select(*QUEUE_OVER_MIDNIGHT)), f"line {QUEUE_OVER_MIDNIGHT_LINE}")

    # The whole month, every queue and interval, against the reference (covers
    # every negative-vru_time row and every near-midnight row too).
    first = month_report(capsys, db_url)
    assert_month_matches(first, ref, 20, "offered")
    for c in negatives:
        assert any(
            r["queue"] == c.queue and r["interval_start"] == c.interval and r["offered"] > 0
            for r in first[c.local_date.isoformat()]
        ), f"line {c.line_no}"

    # 5. The coverage gap: no records on 11 and 12 January; the 10th has intervals.
    assert first["1999-01-11"] == [] and first["1999-01-12"] == []
    assert report(capsys, db_url, "1999-01-11", ALL) == []
    on_10th = sum(1 for c in ref.calls if c.local_date == date(1999, 1, 10))
    assert sum(r["offered"] for r in first["1999-01-10"]) == on_10th > 0
    assert first["1999-01-10"] and first["1999-01-13"]

    # 4. Idempotence: the same file again through the command line changes nothing.
    out = cli_import(capsys, db_url)
    assert re.search(r"lines read\s+31,599\b", out), out
    assert re.search(r"calls imported\s+30,161\s+new 0, already known 30,161, updated 0\b", out), out
    assert re.search(r"rejected\s+0\b", out), out
    assert "PHANTOM 240" in out and f"VRU only {ref.vru_only:,}" in out, out
    assert month_report(capsys, db_url) == first


def test_threshold_30_exclude_short_abandons(db_url, capsys):
    """A fresh import with T = 30 s and the exclude-short-abandons definition."""
    ref = january()
    out = cli_import(capsys, db_url, JANUARY, SOURCE, "--threshold", "30", "--sl-definition", "exclude_short_abandons")
    assert re.search(r"calls imported\s+30,161\s+new 30,161\b", out), out
    assert re.search(r"rejected\s+0\b", out), out

    busy_want = expected(ref.select(*BUSY_PS), 30, "exclude_short_abandons")
    # T = 30 changes both "within" counts here, so the check is not a T = 20 copy.
    assert busy_want["answered_within_threshold"] == 46 and busy_want["abandoned_within_threshold"] == 5
    assert busy_want["service_level"] == pytest.approx(100 * 46 / (82 - 5))
    busy = row_of(report(capsys, db_url, "1999-01-04", "PS"), *BUSY_PS)
    assert_figures(busy, busy_want, "busy PS morning, T=30 exclude_short_abandons")
    assert (busy["threshold_seconds"], busy["sl_definition"]) == (30, "exclude_short_abandons")

    total = row_of(report(capsys, db_url, "1999-01-03", ALL), *TOTAL)
    assert_figures(total, expected(ref.select(*TOTAL), 30, "exclude_short_abandons"), "* total, T=30")
    assert (total["threshold_seconds"], total["sl_definition"]) == (30, "exclude_short_abandons")

    # Two whole days, every queue and interval.
    days = {d: report(capsys, db_url, d) for d in ("1999-01-03", "1999-01-04")}
    want = ref.by_interval()
    checked = 0
    for rows in days.values():
        for row in rows:
            key = (row["queue"], row["interval_start"])
            if key in want:
                assert_figures(row, expected(want[key], 30, "exclude_short_abandons"), f"{key} T=30")
                checked += 1
            else:
                assert row["offered"] == 0, row
    assert checked == sum(1 for q, i in want if q != ALL and i[:10] in days)


# A small file of real January rows plus rows made after them whose arrival
# falls after midnight on the previous day's date (January itself has none):
# line 28023 as is (queued 23:59:28 on 990109, queue period crosses midnight),
# four made rows dated 990109 that reach the queue or an agent at 0:00:xx and
# one made VRU-only row, two real VRU-only rows of 990110 (so the feed runs on
# past midnight), and one made row whose negative vru_time crosses a half hour
# (vru_entry 0:30:10, q_start 0:29:40: its interval is 00:00, not 00:30).
WRAP_LINES = [
    # real, line 28023
    "AA0213\t12511\t35796002\t1\tPS\t990109\t23:59:23\t23:59:23\t0\t23:59:28\t0:00:03\t35\tAGENT\t0:00:03\t0:00:55\t52\tANAT",
    # made: queued after midnight, answered after 12 s
    "AA0214\t90001\t0\t0\tPS\t990109\t23:59:40\t0:00:05\t25\t0:00:05\t0:00:17\t12\tAGENT\t0:00:17\t0:02:00\t103\tANAT",
    # made: queued after midnight, hung up after 25 s (abandoned, not short)
    "AA0215\t90002\t0\t0\tPS\t990109\t23:58:50\t0:00:20\t90\t0:00:20\t0:00:45\t25\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER",
    # made: straight from the VRU to an agent after midnight (arrival = vru_exit)
    "AA0216\t90003\t0\t0\tPS\t990109\t23:59:55\t0:00:10\t15\t0:00:00\t0:00:00\t0\tAGENT\t0:00:10\t0:01:00\t50\tANAT",
    # made: queued after midnight, hung up after 5 s (short abandon), in queue NW
    "AA0101\t90004\t0\t0\tNW\t990109\t23:59:30\t0:00:01\t31\t0:00:01\t0:00:06\t5\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER",
    # made: hung up in the VRU after midnight (VRU only, not a call)
    "AA0102\t90005\t0\t0\tPS\t990109\t23:59:50\t0:00:30\t40\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER",
    # real: VRU-only rows of 990110
    "AA0104\t21212\t0\t0\tPS\t990110\t0:01:44\t0:02:13\t29\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER",
    "AA0103\t24554\t0\t0\tNW\t990110\t0:13:01\t0:13:43\t42\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER",
    # made: vru_time -30 across 00:30 (quirk 4), queued at the early vru_exit, in queue TT
    "AA0105\t90006\t0\t0\tTT\t990110\t0:30:10\t0:29:40\t-30\t0:29:40\t0:30:30\t50\tAGENT\t0:30:31\t0:32:00\t89\tANAT",
]


def test_midnight_wrap_and_negative_vru_time_on_made_rows(db_url, capsys, tmp_path):
    with open(JANUARY, newline="", encoding="ascii") as fh:
        header = fh.readline()
        assert header.endswith("\r\n")
    assert _january_line(QUEUE_OVER_MIDNIGHT_LINE) == WRAP_LINES[0]
    path = tmp_path / "wrap.txt"
    path.write_bytes((header + "".join(line + "\r\n" for line in WRAP_LINES)).encode("ascii"))
    first_0000 = "1999-01-10T00:00:00+02:00"

    ref = reference(path)
    assert (ref.lines, ref.phantom, ref.vru_only, len(ref.calls)) == (9, 0, 3, 6)
    wrapped = [c for c in ref.calls if c.row_date == date(1999, 1, 9) and c.local_date == date(1999, 1, 10)]
    assert [c.line_no for c in wrapped] == [3, 4, 5, 6]
    assert {c.interval for c in wrapped} == {first_0000}
    (skewed,) = [c for c in ref.calls if c.vru_time < 0]
    assert (skewed.line_no, skewed.queue, skewed.interval) == (10, "TT", first_0000)

    out = cli_import(capsys, db_url, path, "wrap")
    assert re.search(r"calls imported\s+6\s+new 6\b", out), out
    assert "VRU only 3" in out and re.search(r"rejected\s+0\b", out), out

    # The wrapped calls count in 00:00 of the 10th, and so does the skewed one.
    next_day = report(capsys, db_url, "1999-01-10", source="wrap")
    for queue in ("PS", "NW", "TT"):
        calls = ref.select(queue, first_0000)
        assert calls, queue
        assert_figures(row_of(next_day, queue, first_0000), expected(calls), f"{queue} 01-10 00:00")
    assert sum(r["offered"] for r in next_day if r["interval_start"] != first_0000) == 0
    total = row_of(report(capsys, db_url, "1999-01-10", ALL, source="wrap"), ALL, first_0000)
    assert_figures(total, expected(wrapped + [skewed]), "* 01-10 00:00")
    assert (total["offered"], total["answered"], total["abandoned"], total["abandoned_within_threshold"]) == (5, 3, 2, 1)

    # The call that queued before midnight stays on the 9th, alone in 23:30.
    before = report(capsys, db_url, "1999-01-09", source="wrap")
    want = expected(ref.select(*QUEUE_OVER_MIDNIGHT))
    assert_figures(row_of(before, *QUEUE_OVER_MIDNIGHT), want, "PS 01-09 23:30")
    assert sum(r["offered"] for r in before) == 1


@cache
def _january_lines() -> list[str]:
    with open(JANUARY, newline="", encoding="ascii") as fh:
        return fh.read().split("\r\n")


def _january_line(line_no: int) -> str:
    return _january_lines()[line_no - 1]


def _format():
    from app.domain.calls import FeedFormat

    return FeedFormat.ANONYMOUS_BANK
