"""Import and report through the command line and the services, on SQLite and PostgreSQL."""

import json
from datetime import date, datetime, timedelta

import pytest

from app.cli import main
from app.domain.service_level import SlDefinition
from app.services.console import Console
from app.services.reports import interval_report
from app.services.sources import set_queue_override

HEADER = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent,caller\n"


def run(capsys, *args):
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def write_calls(path, rows):
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def call(cid, queue, arrive, wait, outcome, handle=60, agent="ana"):
    """A calls-csv row arriving at 2026-11-27 `arrive` (HH:MM:SS, +08:00)."""
    t0 = datetime.fromisoformat(f"2026-11-27T{arrive}+08:00")
    if outcome == "answered":
        return f"{cid},{queue},{t0.isoformat()},{(t0 + timedelta(seconds=wait)).isoformat()},{(t0 + timedelta(seconds=wait + handle)).isoformat()},answered,{agent},"
    if outcome == "waiting":
        return f"{cid},{queue},{t0.isoformat()},,,waiting,,"
    return f"{cid},{queue},{t0.isoformat()},,{(t0 + timedelta(seconds=wait)).isoformat()},{outcome},,"


DAY = [
    call("1", "sales", "09:00:05", 10, "answered", 100),
    call("2", "sales", "09:10:00", 30, "answered", 200),
    call("3", "sales", "09:20:00", 5, "abandoned"),
    call("4", "sales", "09:25:00", 90, "abandoned"),
    call("5", "care", "09:05:00", 20, "answered", 300),
    call("6", "care", "09:29:59", 0, "other"),
    call("7", "care", "09:45:00", 15, "answered", 50),
    call("8", "care", "10:40:00", 0, "waiting"),
]


def import_day(capsys, tmp_path, db_url, rows=DAY, *extra):
    path = write_calls(tmp_path / "day.csv", rows)
    return run(capsys, "feed", "import", str(path), "--format", "calls-csv", "--source", "acd",
               "--site", "Shanghai floor", "--tz", "Asia/Shanghai", "--db", db_url, *extra)


def report(capsys, db_url, *extra):
    rc, out, err = run(capsys, "report", "intervals", "--source", "acd", "--date", "2026-11-27",
                       "--format", "json", "--db", db_url, *extra)
    assert rc == 0, err
    return json.loads(out)


def test_import_summary_and_report_fields(capsys, tmp_path, db_url):
    rc, out, err = import_day(capsys, tmp_path, db_url)
    assert rc == 0, err
    assert "calls imported           8   new 8, already known 0" in out
    assert "waiting                  1" in out and "rejected                 0" in out
    rows = report(capsys, db_url)
    # Coverage runs from the first to the last arrival (09:00:05 .. 10:40:00).
    assert [(r["interval_start"], r["queue"]) for r in rows] == [
        (f"2026-11-27T{t}:00+08:00", q) for t in ("09:00", "09:30", "10:00", "10:30") for q in ("care", "sales")
    ]
    sales_9 = rows[1]
    assert sales_9 == {
        "source": "acd", "queue": "sales", "interval_start": "2026-11-27T09:00:00+08:00",
        "offered": 4, "answered": 2, "abandoned": 2, "other": 0, "waiting": 0,
        "answered_within_threshold": 1, "abandoned_within_threshold": 1,
        "service_level": 25.0, "asa_seconds": 20.0, "aht_seconds": 150.0, "max_wait_seconds": 90.0,
        "threshold_seconds": 20.0, "sl_definition": "offered", "vendor_rule": None, "vendor_service_level": None,
    }
    care_9 = rows[0]
    assert (care_9["offered"], care_9["other"], care_9["answered_within_threshold"]) == (2, 1, 1)
    assert care_9["max_wait_seconds"] == 20.0
    assert rows[3]["offered"] == 0 and rows[3]["service_level"] is None  # covered, no calls: 0 offered
    assert rows[6]["waiting"] == 1 and rows[6]["offered"] == 0  # still waiting: not offered yet


def test_total_over_queues_is_volume_weighted(capsys, tmp_path, db_url):
    import_day(capsys, tmp_path, db_url)
    total = report(capsys, db_url, "--queue", "*")
    assert [r["queue"] for r in total] == ["*"] * 4
    nine = total[0]
    assert (nine["offered"], nine["answered"], nine["answered_within_threshold"]) == (6, 3, 2)
    assert nine["service_level"] == pytest.approx(100 * 2 / 6)
    assert nine["asa_seconds"] == pytest.approx((10 + 30 + 20) / 3)


def test_reimport_and_overlap_count_each_call_once_and_outcomes_arrive(capsys, tmp_path, db_url):
    import_day(capsys, tmp_path, db_url, DAY[:6] + [call("8", "care", "10:40:00", 0, "waiting")])
    first = report(capsys, db_url)
    rc, out, _ = import_day(capsys, tmp_path, db_url, DAY[:6] + [call("8", "care", "10:40:00", 0, "waiting")])
    assert "new 0, already known 7, updated 0" in out
    assert report(capsys, db_url) == first
    # An overlapping later file: two known calls, one new, and call 8's outcome.
    later = [DAY[4], DAY[5], DAY[6], call("8", "care", "10:40:00", 12, "answered", 30)]
    rc, out, _ = import_day(capsys, tmp_path, db_url, later)
    assert "new 1, already known 3, updated 1" in out
    rows = {(r["interval_start"][11:16], r["queue"]): r for r in report(capsys, db_url)}
    assert rows[("10:30", "care")]["waiting"] == 0 and rows[("10:30", "care")]["answered"] == 1
    assert rows[("09:30", "care")]["answered"] == 1
    assert sum(r["offered"] for r in rows.values()) == 8


def test_threshold_and_definition_change_recomputes_stored_intervals(capsys, tmp_path, db_url):
    import_day(capsys, tmp_path, db_url)
    rc, out, _ = import_day(capsys, tmp_path, db_url, DAY, "--threshold", "30", "--sl-definition", "answered")
    assert "settings changed: threshold 20 s -> 30 s, definition offered -> answered" in out
    sales_9 = report(capsys, db_url)[1]
    assert sales_9["threshold_seconds"] == 30.0 and sales_9["sl_definition"] == "answered"
    assert sales_9["answered_within_threshold"] == 2 and sales_9["abandoned_within_threshold"] == 1
    assert sales_9["service_level"] == 100.0


def test_queue_override_has_its_own_threshold(capsys, tmp_path, db_url):
    import_day(capsys, tmp_path, db_url)
    console = Console.open(db_url)
    try:
        changed = set_queue_override(console, "acd", "sales", threshold_seconds=30, definition=SlDefinition.ANSWERED)
        assert changed.intervals_recomputed > 0
        rows = interval_report(console, "acd", date(2026, 11, 27))
    finally:
        console.close()
    sales = [r for r in rows if r.queue == "sales"][0]
    care = [r for r in rows if r.queue == "care"][0]
    assert (sales.threshold_seconds, sales.figures.answered_within, sales.service_level) == (30.0, 2, 100.0)
    assert (care.threshold_seconds, care.figures.answered_within) == (20.0, 1)
    total = report(capsys, db_url, "--queue", "*")[0]
    assert total["threshold_seconds"] is None  # queues differ: no single threshold
    assert total["answered_within_threshold"] == 3


def test_date_without_data_prints_empty_array(capsys, tmp_path, db_url):
    import_day(capsys, tmp_path, db_url)
    rc, out, _ = run(capsys, "report", "intervals", "--source", "acd", "--date", "2026-11-28",
                     "--format", "json", "--db", db_url)
    assert rc == 0 and json.loads(out) == []


def test_csv_and_table_formats(capsys, tmp_path, db_url):
    import_day(capsys, tmp_path, db_url)
    rc, out, _ = run(capsys, "report", "intervals", "--source", "acd", "--date", "2026-11-27",
                     "--queue", "sales", "--format", "csv", "--db", db_url)
    lines = out.splitlines()
    assert lines[0].startswith("source,queue,interval_start,offered,answered")
    assert lines[1].startswith("acd,sales,2026-11-27T09:00:00+08:00,4,2,2,0,0,1,1,25.0,20.0,150.0,90.0,20.0,offered")
    rc, out, _ = run(capsys, "report", "intervals", "--source", "acd", "--date", "2026-11-27",
                     "--queue", "sales", "--db", db_url)
    assert "09:00     sales" in out and "25.0" in out


def test_a_vendor_source_keeps_its_figures_when_a_queue_gets_its_own_target(capsys, tmp_path, db_url):
    from pathlib import Path

    from app.domain.errors import InvalidSettingError
    from app.domain.sources import QueueOverride
    from app.services.sources import set_queue_overrides

    mapping = Path(__file__).resolve().parents[2] / "resources" / "mappings" / "amazon-connect-historical-metrics.toml"
    report_file = tmp_path / "connect.csv"
    report_file.write_text(
        "Queue,StartInterval,EndInterval,Contacts queued,Contacts handled incoming,Contacts abandoned,"
        "Contacts answered in 20 seconds,Contacts abandoned in 20 seconds,Average queue answer time,Average handle time\n"
        "Care,2026-11-27T09:00:00,2026-11-27T09:30:00,10,9,1,8,1,00:00:12,00:03:00\n"
    )
    rc = main(["feed", "import", str(report_file), "--format", "interval-csv", "--mapping", str(mapping),
               "--source", "cx", "--site", "SH", "--tz", "Asia/Shanghai", "--db", db_url])
    capsys.readouterr()
    assert rc == 0
    console = Console.open(db_url)
    try:
        changed = set_queue_overrides(console, "cx", {"Care": QueueOverride(target_percent=90)})
        assert changed.intervals_recomputed == 0
        with pytest.raises(InvalidSettingError):
            set_queue_overrides(console, "cx", {"Care": QueueOverride(threshold_seconds=30)})
        rows = interval_report(console, "cx", date(2026, 11, 27), "Care")
    finally:
        console.close()
    assert len(rows) == 1 and rows[0].figures.offered == 10 and rows[0].target_percent == 90
