"""Use case: export work-log entries (a shift's log, a search result) to an Excel workbook (.xlsx).

One sheet, one row per entry in the order given. Every word (sheet name,
column titles, categories, statuses, priorities) comes from the caller keyed
by code — `title`, `sheet.log`, `col.<column>`, `category.<value>`,
`status.<value>` (and `status.note` for a plain note), `priority.<value>`,
`withdrawn`, `yes` — so the file speaks the window's language; a missing key
reads as its code. Instants are Excel date-times on the wall clock of
`timezone` (the site's zone), formatted "yyyy-mm-dd hh:mm".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import Workbook

from app.domain.worklog import Entry
from app.services.exports import ExportError
from app.services.sheet_export import _fill, _local, _sheet_name, _Words

LOG_COLUMNS = ("event_at", "category", "priority", "status", "text", "tags", "customer_ref", "customer_name",
               "ticket", "promise", "due", "owner", "closing_remark", "author", "written_at", "withdrawn",
               "acks", "revision")
WIDTHS = [16, 12, 8, 10, 60, 14, 14, 12, 12, 24, 16, 12, 30, 12, 16, 24, 24, 8]


def log_rows(entries: Iterable[Entry], titles: Mapping[str, str], tz: ZoneInfo) -> list[list]:
    """The rows of the export (one per entry), in LOG_COLUMNS order."""
    w = _Words(titles)
    rows = []
    for e in entries:
        withdrawn = None
        if e.withdrawn is not None:
            withdrawn = f"{w('withdrawn')}: {e.withdrawn.reason} ({e.withdrawn.by} {_hhmm(e.withdrawn.at, tz)})"
        acks = "; ".join(f"{a.by} {_hhmm(a.at, tz)}" + (f" → {a.owner}" if a.owner else "") for a in e.acks)
        rows.append([
            _local(e.event_at, tz), w("category." + e.category.value), w("priority." + e.priority.value),
            w("status." + (e.status.value if e.status else "note")), e.text, ", ".join(e.tags) or None,
            e.customer_ref or None, e.customer_name or None, e.ticket or None, e.promise or None,
            _local(e.due, tz), e.owner or None, e.closing_remark or None, e.author, _local(e.written_at, tz),
            withdrawn, acks or None, e.revision,
        ])
    return rows


def _hhmm(at: datetime, tz: ZoneInfo) -> str:
    return f"{at.astimezone(tz):%Y-%m-%d %H:%M}"


def export_log_xlsx(entries: Iterable[Entry], path: str | Path, titles: Mapping[str, str], timezone: str,
                    heading: str = "") -> str:
    """Write the entries to an .xlsx workbook at `path` (first row: `heading`, or the `title` word).

    Returns the path written; raises ExportError when the file cannot be written.
    """
    path = Path(path)
    w = _Words(titles)
    tz = ZoneInfo(timezone)
    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_name(w("sheet.log"), set())
    _fill(sheet, heading or w("title"), [w("col." + c) for c in LOG_COLUMNS], log_rows(entries, titles, tz), WIDTHS)
    try:
        book.save(path)
    except OSError as exc:
        raise ExportError(str(path), exc.strerror or str(exc)) from None
    return str(path)
