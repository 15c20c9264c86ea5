"""Use case: export the current-shift info sheet to an Excel workbook (.xlsx).

Four sheets: the roster (one row per rostered agent with attendance and the
ACD cross-check), the counts (all teams, then each team), the personnel
changes and the business notices in force. Every word (sheet names, column
titles, statuses...) comes from the caller keyed by code, the same keys as
app.printing.shift_sheet.sheet_words(), so the file speaks the language of
the window that exported it; a missing key falls back to its code.

Instants are Excel date-times in the sheet's own zone (wall-clock, as the
supervisors read them), formatted "yyyy-mm-dd hh:mm"; times inside text
cells (activities) are HH:MM of the same zone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.domain.attendance import AttendanceStatus, Counts, ShiftSheet
from app.services.exports import ExportError

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
COUNT_KEYS = ("scheduled", "present", "late", "absent", "leave", "swapped", "left_early", "unmarked",
              "expected", "difference")
ROSTER_COLUMNS = ("employee_no", "name", "team", "seat", "start", "end", "activities", "status", "late_minutes",
                  "leave_type", "swap_with", "left_at", "note", "flags", "marked_by", "marked_at")
CHANGE_COLUMNS = ("recorded_at", "kind", "agent", "text", "recorded_by")
NOTICE_COLUMNS = ("priority", "title", "text", "effective_from", "effective_to", "explain", "kb_path", "acks",
                  "version")
_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


class _Words:
    """The caller's words by key; a missing key reads as its code (the part after the dot)."""

    def __init__(self, titles: Mapping[str, str]) -> None:
        self.titles = titles

    def __call__(self, key: str) -> str:
        return self.titles.get(key) or key.rsplit(".", 1)[-1]


def _sheet_name(name: str, taken: set[str]) -> str:
    base = name.translate(_BAD_SHEET_CHARS).strip()[:31] or "sheet"
    out, n = base, 2
    while out.lower() in taken:
        out = f"{base[:28]} {n}"
        n += 1
    taken.add(out.lower())
    return out


def _local(at: datetime | None, tz: ZoneInfo) -> datetime | None:
    """An aware instant as the naive wall-clock date-time of the sheet's zone (Excel has no zones)."""
    return at.astimezone(tz).replace(tzinfo=None) if at is not None else None


def _fill(sheet, title: str, headers: list[str], rows: list[list], widths: list[int]) -> None:
    sheet.append([title])
    sheet["A1"].font = Font(bold=True)
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"


def _roster_rows(sheet: ShiftSheet, w: _Words, tz: ZoneInfo) -> list[list]:
    names = {a.id: a.name for a in sheet.agents_on_file} | {r.agent.id: r.agent.name for r in sheet.rows}
    rows = []
    for row in sheet.rows:
        mark = row.mark
        acts = ", ".join(f"{w('activity.' + a.kind.value)} {a.start.astimezone(tz):%H:%M}–{a.end.astimezone(tz):%H:%M}"
                         for a in row.entry.activities)
        swapped = mark.status is AttendanceStatus.SWAPPED
        swap = (mark.swap_with_name or names.get(mark.swap_with_id or 0)) if swapped else None
        rows.append([
            row.agent.employee_no, row.agent.name, row.agent.team_name or w("no_team"), row.seat_text or None,
            _local(row.entry.start, tz), _local(row.entry.end, tz), acts or None,
            w("status." + mark.status.value),
            mark.late_minutes if mark.status is AttendanceStatus.LATE else None,
            w("leave." + mark.leave_type.value) if mark.status is AttendanceStatus.LEAVE and mark.leave_type else None,
            swap,
            _local(mark.left_at, tz) if mark.status is AttendanceStatus.LEFT_EARLY else None,
            mark.note or None,
            ", ".join(w("flag." + f.value) for f in row.flags) or None,
            row.marked_by, _local(row.marked_at, tz),
        ])
    return rows


def _count_row(label: str, counts: Counts) -> list:
    return [label] + [getattr(counts, key) for key in COUNT_KEYS]


def _counts_rows(sheet: ShiftSheet, w: _Words) -> list[list]:
    rows = [_count_row(w("total"), sheet.counts)]
    rows += [_count_row(team or w("no_team"), counts) for team, counts in sheet.team_counts]
    rows.append([])
    if not sheet.logins_known:
        rows.append([w("no_feed")])
    elif sheet.unrostered_logins:
        text = w("unrostered")
        logins = ", ".join(sheet.unrostered_logins)
        rows.append([text.format(logins=logins) if "{logins}" in text else f"{text} {logins}"])
    return rows


def export_sheet_xlsx(sheet: ShiftSheet, path: str | Path, titles: Mapping[str, str]) -> str:
    """Write the sheet to an .xlsx workbook at `path`; returns the path written.

    Raises ExportError when the file cannot be written (folder missing, no permission, open in Excel).
    """
    path = Path(path)
    w = _Words(titles)
    tz = ZoneInfo(sheet.timezone)
    inst = sheet.instance
    title = (f"{w('title')} · {sheet.site_name} · {inst.definition.name} · {inst.day.isoformat()} "
             f"{sheet.start.astimezone(tz):%H:%M}–{sheet.end.astimezone(tz):%H:%M} ({sheet.timezone})")
    if inst.supervisor_name:
        title += f" · {w('supervisor')}: {inst.supervisor_name}"
    book = Workbook()
    taken: set[str] = set()
    roster = book.active
    roster.title = _sheet_name(w("sheet.roster"), taken)
    _fill(roster, title, [w("col." + c) for c in ROSTER_COLUMNS], _roster_rows(sheet, w, tz),
          [11, 12, 10, 7, 16, 16, 34, 12, 8, 12, 12, 16, 30, 18, 12, 16])
    counts = book.create_sheet(_sheet_name(w("sheet.counts"), taken))
    _fill(counts, title, [w("col.team")] + [w("count." + k) for k in COUNT_KEYS], _counts_rows(sheet, w),
          [16] + [10] * len(COUNT_KEYS))
    changes = book.create_sheet(_sheet_name(w("sheet.changes"), taken))
    _fill(changes, title, [w("col." + c) for c in CHANGE_COLUMNS], [
        [_local(c.recorded_at, tz), w("change." + c.kind.value), c.agent_name, c.text, c.recorded_by]
        for c in sheet.changes], [16, 14, 12, 60, 12])
    notices = book.create_sheet(_sheet_name(w("sheet.notices"), taken))
    _fill(notices, title, [w("col." + c) for c in NOTICE_COLUMNS], [
        [w("priority." + n.priority.value), n.title, n.text, _local(n.effective_from, tz),
         _local(n.effective_to, tz) if n.effective_to else w("until_withdrawn"),
         w("yes") if n.explain_at_meeting else w("no"), n.kb_path or None,
         ", ".join(a.supervisor_name for a in n.current_acks()) or None, n.version]
        for n in sheet.notices], [10, 30, 60, 16, 16, 10, 24, 20, 8])
    try:
        book.save(path)
    except OSError as exc:
        raise ExportError(str(path), exc.strerror or str(exc)) from None
    return str(path)
