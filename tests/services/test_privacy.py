"""Caller numbers kept for the site's retention only (SQLite and PostgreSQL): older calls lose their caller, the
interval figures stay, rejected feed lines of old imports lose their text, reports of rejected lines that old are
deleted; the retention is checked and kept."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.errors import InvalidSettingError
from app.domain.privacy import RETENTION_DAYS
from app.services import privacy
from app.services.console import Console
from app.services.imports import ImportRequest, import_feed
from app.domain.calls import FeedFormat

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)


def _calls(path, days_ago: list[int]) -> None:
    lines = ["call_id,queue,arrived_at,answered_at,ended_at,outcome,agent,caller"]
    for n, ago in enumerate(days_ago):
        at = NOW - timedelta(days=ago, hours=1)
        lines.append(f"c{n},sales,{at.isoformat()},{(at + timedelta(seconds=20)).isoformat()},"
                     f"{(at + timedelta(seconds=200)).isoformat()},answered,ana,1380013{n:04d}")
    lines.append("broken line with 13900001111")
    path.write_text("\n".join(lines) + "\n")


def test_old_caller_numbers_are_cleared_and_the_figures_stay(tmp_path, db_url):
    console = Console.open(db_url)
    try:
        feed = tmp_path / "calls.csv"
        _calls(feed, [200, 120, 91, 30, 1])
        import_feed(console, ImportRequest(path=feed, format=FeedFormat.CALLS_CSV, source="acd", tz="UTC"))
        with console.db.transaction() as tx:
            tx.execute(text("UPDATE import_runs SET started_at = :t"), {"t": NOW - timedelta(days=100)})
            offered = tx.execute(text("SELECT sum(offered) FROM intervals")).scalar()
        assert privacy.caller_retention(console) == RETENTION_DAYS == 90
        done = privacy.purge_callers(console, NOW)
        assert (done.days, done.calls, done.lines) == (90, 3, 1)
        with console.db.transaction() as tx:
            kept = sorted(r[0] for r in tx.execute(text("SELECT caller FROM calls WHERE caller IS NOT NULL")))
            assert kept == ["13800130003", "13800130004"]  # 30 days and 1 day old
            assert tx.execute(text("SELECT sum(offered) FROM intervals")).scalar() == offered == 5
            assert [r[0] for r in tx.execute(text("SELECT text FROM rejected_lines"))] == [""]
        # The center keeps them 7 days: the 30-day-old one goes too; a second purge clears nothing more.
        privacy.set_caller_retention(console, 7, "王丽", NOW)
        assert privacy.purge_callers(console, NOW).calls == 1
        assert privacy.purge_callers(console, NOW).calls == 0
        for bad in (0, 4000, 2.5):
            with pytest.raises(InvalidSettingError):
                privacy.set_caller_retention(console, bad, "王丽", NOW)
        assert privacy.caller_retention(console) == 7
    finally:
        console.close()


def test_reports_of_rejected_lines_older_than_the_retention_are_deleted(tmp_path, db_url):
    """Reports on disk go by the retention of their source's site; another site's wait for that site's, one of a
    source this database does not know (another database's) for that database's purge."""
    from app import paths
    from app.services.import_common import report_name
    from app.services.sources import list_sites

    console = Console.open(db_url)
    try:
        written = datetime.now(timezone.utc)
        feed = tmp_path / "calls.csv"
        _calls(feed, [1])
        acd = import_feed(console, ImportRequest(path=feed, format=FeedFormat.CALLS_CSV, source="acd 1",
                                                 site="Floor", tz="UTC"))
        other = import_feed(console, ImportRequest(path=feed, format=FeedFormat.CALLS_CSV, source="acd 2",
                                                   site="Annex", tz="UTC"))
        sites = {s.name: s.id for s in list_sites(console)}
        privacy.set_caller_retention(console, 365, "王丽", written, sites["Annex"])
        folder = paths.reports_dir()
        # A report from before reports named their source (told by its file name), and another database's.
        before_naming = folder / report_name("acd 1", written - timedelta(days=30))
        before_naming.write_text("# file\tx\n# format\tcalls-csv\nline\treason\ttext\n", encoding="utf-8")
        elsewhere = folder / report_name("demo-acd", written - timedelta(days=400))
        elsewhere.write_text("# file\tx\n# format\tcalls-csv\n# source\tdemo-acd\n", encoding="utf-8")
        unrelated = folder / "notes.txt"
        unrelated.write_text("kept")
        reports = {Path(acd.report_path), Path(other.report_path), before_naming, elsewhere, unrelated}
        assert all(p.exists() for p in reports)

        # Within the 90 days nothing goes; after them Floor's reports go, Annex's (365 days) stay.
        assert privacy.purge_callers(console, written + timedelta(days=60), sites["Floor"]).reports == 0
        assert privacy.purge_callers(console, written + timedelta(days=89), sites["Floor"]).reports == 1  # 30 + 89
        assert not before_naming.exists() and Path(acd.report_path).exists()
        done = privacy.purge_callers(console, written + timedelta(days=91), sites["Floor"])
        assert (done.days, done.reports) == (90, 1)
        assert {p for p in reports if p.exists()} == {Path(other.report_path), elsewhere, unrelated}
        assert privacy.purge_callers(console, written + timedelta(days=91), sites["Annex"]).reports == 0
        assert privacy.purge_callers(console, written + timedelta(days=366), sites["Annex"]).reports == 1
        assert {p for p in reports if p.exists()} == {elsewhere, unrelated}
    finally:
        console.close()
