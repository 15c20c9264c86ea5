"""Use cases of personal data kept: how long call-level caller numbers stay, and their purge.

A center sets the retention in days per site (RETENTION_DAYS until it does);
`purge_callers` clears the caller numbers of calls older than that, and the
raw text of rejected feed lines of imports that old (they may hold caller
numbers), in one transaction. The interval figures stay as they are: they
hold no caller. Then it deletes the reports of rejected lines (files in the
user data folder) written that long ago for the site's sources; a report
of another site's source waits for that site's retention, one of a source
this database does not know (another database's, e.g. the demo) for that
database's purge. The window runs the purge every hour; the command line
runs it on demand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.errors import InvalidSettingError
from app.domain.privacy import RETENTION_DAYS, RETENTION_LIMITS
from app.services.console import Console
from app.services.import_common import ReportFile, report_file_source, report_files
from app.services.shifts import aware
from app.storage import privacy as store
from app.storage import shifts as shift_store
from app.storage import sites as site_store


@dataclass(frozen=True)
class Purged:
    site: str
    days: int
    before: datetime
    calls: int
    lines: int
    reports: int = 0  # report files of rejected lines deleted


def caller_retention(console: Console, site_id: int | None = None) -> int:
    """Days the site keeps caller numbers (RETENTION_DAYS until it sets its own)."""
    with console.db.transaction() as tx:
        found = store.retention_days(tx, shift_store.site(tx, site_id).id)
    return found if found is not None else RETENTION_DAYS


def set_caller_retention(console: Console, days: int, by: str, at: datetime, site_id: int | None = None) -> int:
    """Store the site's retention (1 to 3650 days; InvalidSettingError otherwise), who set it and when."""
    aware("at", at)
    low, high = RETENTION_LIMITS
    if not isinstance(days, int) or not low <= days <= high:
        raise InvalidSettingError("retention_days", days, f"must be a whole number of days from {low} to {high}")
    if not (by or "").strip():
        raise InvalidSettingError("by", by, "empty")
    with console.db.transaction() as tx:
        store.save_retention_days(tx, shift_store.site(tx, site_id).id, days, by.strip(), at)
    return days


def purge_callers(console: Console, now: datetime, site_id: int | None = None) -> Purged:
    """Clear the caller numbers (and rejected lines' text) older than the site's retention, in one transaction;
    then delete the site's reports of rejected lines written before it (a file that cannot be deleted now, e.g.
    open in another program, is tried again by the next purge)."""
    aware("now", now)
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        days = store.retention_days(tx, site.id) or RETENTION_DAYS
        before = now - timedelta(days=days)
        calls, lines = store.purge_callers(tx, site.id, before)
        sources = {source.name: source.site.id for source in site_store.list_sources(tx)}
    deleted = 0
    for report in report_files():
        if report.written_at < before and site.id in _owners(report, sources):
            try:
                report.path.unlink()
            except OSError:  # gone already, or held open: the next purge tries again
                continue
            deleted += 1
    return Purged(site.name, days, before, calls, lines, deleted)


def _owners(report: ReportFile, sources: dict[str, int]) -> set[int]:
    """The sites of the sources `report` may be of: by the name inside it, or else by its file name (which two
    names may share: then the first of their sites whose retention has run out deletes it)."""
    if report.source is not None:
        named = " ".join(report.source.split())
        return {site for name, site in sources.items() if " ".join(name.split()) == named}
    return {site for name, site in sources.items() if report_file_source(name) == report.file_source}
