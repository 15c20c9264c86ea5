"""`handover-console purge-callers`: sets the site's retention when asked, clears older caller numbers, says how
many; an unknown site exits 2 with one line."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from app.cli import main
from tests.services.test_privacy import _calls


def test_purge_callers_sets_the_retention_and_says_what_it_cleared(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'floor.sqlite3'}"
    feed = tmp_path / "calls.csv"
    _calls(feed, [400, 200, 2])  # days before 2026-11-28; the command purges against today's clock
    assert main(["feed", "import", str(feed), "--format", "calls-csv", "--source", "acd", "--tz", "UTC",
                 "--db", url]) == 0
    capsys.readouterr()
    assert main(["purge-callers", "--db", url]) == 0  # the default 90 days
    first = capsys.readouterr().out
    assert first.startswith("Caller numbers kept 90 days at Main site: cleared on ")
    assert first.rstrip().endswith("; 0 report files of rejected lines deleted")
    assert main(["purge-callers", "--days", "1", "--db", url]) == 0
    assert capsys.readouterr().out.startswith("Caller numbers kept 1 days at Main site: cleared on ")
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM calls WHERE caller IS NOT NULL")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM calls")).scalar() == 3
        assert conn.execute(text("SELECT caller_retention_days FROM privacy_settings")).scalar() == 1
    engine.dispose()
    assert main(["purge-callers", "--site", "Nowhere", "--db", url]) == 2
    assert "Nowhere" in capsys.readouterr().err
