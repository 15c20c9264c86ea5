"""Each batch is one transaction: a failure mid-import leaves the database as before that batch."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from app.domain.calls import FeedFormat
from app.domain.service_level import SlDefinition
from app.services import imports as import_service
from app.services.console import Console
from app.services.imports import ImportRequest, import_feed
from app.services.reports import interval_report
from app.storage import imports as run_store

HEADER = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent,caller\n"


def make_rows(n: int) -> list[str]:
    rows = []
    for i in range(n):
        minute = (i * 7) % 600
        h, m = 8 + minute // 60, minute % 60
        wait = (i * 13) % 60
        t = f"2026-11-27T{h:02d}:{m:02d}:00+08:00"
        if i % 5 == 0:
            rows.append(f"c{i},q{i % 3},{t},,2026-11-27T{h:02d}:{m:02d}:{wait:02d}+08:00,abandoned,,\n")
        else:
            rows.append(f"c{i},q{i % 3},{t},2026-11-27T{h:02d}:{m:02d}:{wait:02d}+08:00,2026-11-27T{h + 1:02d}:{m:02d}:00+08:00,answered,a{i % 4},\n")
    return rows


def request(path: Path, **kw) -> ImportRequest:
    return ImportRequest(path=path, format=FeedFormat.CALLS_CSV, source="acd", site="Floor", tz="Asia/Shanghai", **kw)


def snapshot(console: Console):
    return [r.as_dict() for r in interval_report(console, "acd", date(2026, 11, 27))]


def table_count(url, table):
    engine = create_engine(url)
    with engine.connect() as conn:
        n = conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()
    engine.dispose()
    return n


def test_failure_in_a_batch_rolls_back_that_batch_only_and_a_rerun_completes(tmp_path, db_url, monkeypatch):
    rows = make_rows(90)
    path = tmp_path / "day.csv"
    path.write_text(HEADER + "".join(rows))
    calls = 0
    real = run_store.record_batch

    def failing(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disk full")  # stands for a crash after the calls were written
        return real(*args, **kwargs)

    monkeypatch.setattr(run_store, "record_batch", failing)
    console = Console.open(db_url)
    with pytest.raises(OSError):
        import_feed(console, request(path, batch_lines=40))
    monkeypatch.setattr(run_store, "record_batch", real)
    # Only the first batch (lines 2..41) is stored, with consistent intervals.
    assert table_count(db_url, "calls") == 40
    partial = snapshot(console)
    assert sum(r["offered"] for r in partial) == 40

    first_only = tmp_path / "first.csv"
    first_only.write_text(HEADER + "".join(rows[:40]))
    clean_db = f"sqlite:///{tmp_path / 'clean.sqlite3'}"
    clean = Console.open(clean_db)
    import_feed(clean, request(first_only))
    assert snapshot(clean) == partial

    summary = import_feed(console, request(path, batch_lines=40))
    assert (summary.new, summary.known) == (50, 40)
    clean_all = Console.open(f"sqlite:///{tmp_path / 'clean_all.sqlite3'}")
    import_feed(clean_all, request(path))
    assert snapshot(console) == snapshot(clean_all)
    for c in (console, clean, clean_all):
        c.close()


calls_strategy = st.lists(
    st.tuples(
        st.integers(0, 239),  # minute of the day after 08:00
        st.integers(0, 120),  # wait
        st.sampled_from(["answered", "abandoned", "other", "waiting"]),
        st.sampled_from(["sales", "care", "vip"]),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(calls=calls_strategy, t1=st.integers(0, 60), t2=st.integers(0, 60), definition=st.sampled_from(list(SlDefinition)))
def test_recompute_after_threshold_change_equals_fresh_import(tmp_path_factory, calls, t1, t2, definition):
    folder = tmp_path_factory.mktemp("prop")
    lines = []
    for i, (minute, wait, outcome, queue) in enumerate(calls):
        h, m = 8 + minute // 60, minute % 60
        t = f"2026-11-27T{h:02d}:{m:02d}:00+08:00"
        w = f"2026-11-27T{h:02d}:{m + wait // 60:02d}:{wait % 60:02d}+08:00" if m + wait // 60 < 60 else t
        if outcome == "answered":
            lines.append(f"k{i},{queue},{t},{w},{w},answered,ann,\n")
        elif outcome == "waiting":
            lines.append(f"k{i},{queue},{t},,,waiting,,\n")
        else:
            lines.append(f"k{i},{queue},{t},,{w},{outcome},,\n")
    path = folder / "calls.csv"
    path.write_text(HEADER + "".join(lines))
    changed = Console.open(f"sqlite:///{folder / 'changed.sqlite3'}")
    import_feed(changed, request(path, threshold_seconds=t1))
    summary = import_feed(changed, request(path, threshold_seconds=t2, sl_definition=definition))
    fresh = Console.open(f"sqlite:///{folder / 'fresh.sqlite3'}")
    import_feed(fresh, request(path, threshold_seconds=t2, sl_definition=definition))
    a, b = snapshot(changed), snapshot(fresh)
    assert a == b
    for row in a:
        assert row["offered"] == row["answered"] + row["abandoned"] + row["other"]
        assert row["service_level"] is None or 0 <= row["service_level"] <= 100
    assert (summary.settings_change is not None) == (t1 != t2 or definition is not SlDefinition.OFFERED)
    changed.close()
    fresh.close()


def test_progress_is_reported_and_cancel_keeps_whole_batches(tmp_path, db_url):
    from app.services.import_common import ImportState

    rows = make_rows(90)
    path = tmp_path / "day.csv"
    path.write_text(HEADER + "".join(rows))
    seen = []
    state = ImportState(on_progress=lambda done, total: (seen.append((done, total)), state.cancel() if len(seen) == 2 else None))
    console = Console.open(db_url)
    summary = import_feed(console, request(path, batch_lines=20), state)
    assert summary.cancelled and summary.new == 40 and table_count(db_url, "calls") == 40
    assert [t for _, t in seen] == [path.stat().st_size] * 2 and seen[0][0] < seen[1][0] < path.stat().st_size
    rest = import_feed(console, request(path, batch_lines=20))
    assert not rest.cancelled and (rest.new, rest.known) == (50, 40)
    console.close()
