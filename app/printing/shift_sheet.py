"""The current-shift info sheet (当班班次信息通知表) as a printed document.

`build_sheet_html` words a domain ShiftSheet as HTML: the shift, the
supervisor on duty, the counts overall and per team, the roster with each
agent's attendance and ACD cross-check, the personnel changes and the
business notices in force. `print_sheet_pdf` writes it to an A4 PDF,
`paint_sheet` paints it on a printer (print preview). Times are wall-clock
times of the sheet's zone. `sheet_words` holds every word the sheet uses
(statuses, column titles...) keyed by code; the Excel export
(app.services.sheet_export) takes the same mapping as its titles.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from app.domain.attendance import AttendanceStatus, SheetRow, ShiftSheet
from app.domain.notices import Notice
from app.printing.document import PageHeader, paint, write_pdf

COUNT_KEYS = ("scheduled", "present", "late", "absent", "leave", "swapped", "left_early", "unmarked",
              "expected", "difference")


def sheet_words() -> dict[str, str]:
    """Every word of the sheet in the current language, keyed by code (also the Excel export's titles)."""
    return {
        "title": QCoreApplication.translate("print", "Current-shift info sheet"),
        "sheet.roster": QCoreApplication.translate("print", "Roster"),
        "sheet.counts": QCoreApplication.translate("print", "Counts"),
        "sheet.changes": QCoreApplication.translate("print", "Personnel changes"),
        "sheet.notices": QCoreApplication.translate("print", "Business notices in force"),
        "shift": QCoreApplication.translate("print", "Shift"),
        "date": QCoreApplication.translate("print", "Date"),
        "hours": QCoreApplication.translate("print", "Hours"),
        "supervisor": QCoreApplication.translate("print", "Supervisor on duty"),
        "shift_status": QCoreApplication.translate("print", "Shift status"),
        "shift_status.planned": QCoreApplication.translate("print", "planned"),
        "shift_status.open": QCoreApplication.translate("print", "open"),
        "shift_status.handed_over": QCoreApplication.translate("print", "handed over"),
        "not_set": QCoreApplication.translate("print", "not set"),
        "total": QCoreApplication.translate("print", "All teams"),
        "no_team": QCoreApplication.translate("print", "No team"),
        "none": QCoreApplication.translate("print", "None."),
        "yes": QCoreApplication.translate("print", "yes"),
        "no": QCoreApplication.translate("print", "no"),
        "until_withdrawn": QCoreApplication.translate("print", "until withdrawn"),
        "col.employee_no": QCoreApplication.translate("print", "Emp. no."),
        "col.name": QCoreApplication.translate("print", "Name"),
        "col.team": QCoreApplication.translate("print", "Team"),
        "col.seat": QCoreApplication.translate("print", "Seat"),
        "col.scheduled": QCoreApplication.translate("print", "Scheduled", "roster column: the agent's hours"),
        "col.start": QCoreApplication.translate("print", "Start"),
        "col.end": QCoreApplication.translate("print", "End"),
        "col.activities": QCoreApplication.translate("print", "Activities"),
        "col.status": QCoreApplication.translate("print", "Attendance"),
        "col.late_minutes": QCoreApplication.translate("print", "Late (min)"),
        "col.leave_type": QCoreApplication.translate("print", "Leave type"),
        "col.swap_with": QCoreApplication.translate("print", "Swapped with"),
        "col.left_at": QCoreApplication.translate("print", "Left at"),
        "col.note": QCoreApplication.translate("print", "Note"),
        "col.flags": QCoreApplication.translate("print", "ACD check"),
        "col.marked_by": QCoreApplication.translate("print", "Marked by"),
        "col.marked_at": QCoreApplication.translate("print", "Marked at"),
        "col.kind": QCoreApplication.translate("print", "Change"),
        "col.agent": QCoreApplication.translate("print", "Agent"),
        "col.text": QCoreApplication.translate("print", "Details"),
        "col.recorded_by": QCoreApplication.translate("print", "Recorded by"),
        "col.recorded_at": QCoreApplication.translate("print", "Recorded at"),
        "col.priority": QCoreApplication.translate("print", "Priority"),
        "col.title": QCoreApplication.translate("print", "Notice"),
        "col.effective_from": QCoreApplication.translate("print", "In force from"),
        "col.effective_to": QCoreApplication.translate("print", "In force to"),
        "col.explain": QCoreApplication.translate("print", "Explain at the meeting"),
        "col.kb_path": QCoreApplication.translate("print", "Where to find it"),
        "col.acks": QCoreApplication.translate("print", "Acknowledged by"),
        "col.version": QCoreApplication.translate("print", "Version"),
        "count.scheduled": QCoreApplication.translate("print", "Scheduled", "count of agents rostered"),
        "count.present": QCoreApplication.translate("print", "Present"),
        "count.late": QCoreApplication.translate("print", "Late"),
        "count.absent": QCoreApplication.translate("print", "Absent"),
        "count.leave": QCoreApplication.translate("print", "On leave"),
        "count.swapped": QCoreApplication.translate("print", "Swapped"),
        "count.left_early": QCoreApplication.translate("print", "Left early"),
        "count.unmarked": QCoreApplication.translate("print", "Not marked"),
        "count.expected": QCoreApplication.translate("print", "Expected"),
        "count.difference": QCoreApplication.translate("print", "Difference"),
        "status.unmarked": QCoreApplication.translate("print", "not marked"),
        "status.present": QCoreApplication.translate("print", "present"),
        "status.late": QCoreApplication.translate("print", "late"),
        "status.absent": QCoreApplication.translate("print", "absent"),
        "status.leave": QCoreApplication.translate("print", "on leave"),
        "status.swapped": QCoreApplication.translate("print", "swapped"),
        "status.left_early": QCoreApplication.translate("print", "left early"),
        "leave.annual": QCoreApplication.translate("print", "annual leave"),
        "leave.sick": QCoreApplication.translate("print", "sick leave"),
        "leave.personal": QCoreApplication.translate("print", "personal leave"),
        "leave.compensatory": QCoreApplication.translate("print", "time off in lieu"),
        "leave.other": QCoreApplication.translate("print", "other leave"),
        "change.swap": QCoreApplication.translate("print", "shift swap"),
        "change.early_leave": QCoreApplication.translate("print", "early leave"),
        "change.sickness": QCoreApplication.translate("print", "sickness"),
        "change.new_hire": QCoreApplication.translate("print", "new hire"),
        "change.transfer": QCoreApplication.translate("print", "transfer"),
        "change.other": QCoreApplication.translate("print", "other"),
        "flag.not_logged_in": QCoreApplication.translate("print", "not logged in"),
        "flag.logged_in_not_present": QCoreApplication.translate("print", "logged in"),
        "priority.low": QCoreApplication.translate("print", "low"),
        "priority.normal": QCoreApplication.translate("print", "normal"),
        "priority.high": QCoreApplication.translate("print", "high"),
        "priority.urgent": QCoreApplication.translate("print", "urgent"),
        "activity.break": QCoreApplication.translate("print", "break"),
        "activity.lunch": QCoreApplication.translate("print", "lunch"),
        "activity.training": QCoreApplication.translate("print", "training"),
        "activity.meeting": QCoreApplication.translate("print", "meeting"),
        "activity.other": QCoreApplication.translate("print", "other"),
        "detail.late": QCoreApplication.translate("print", "{minutes} min"),
        "detail.swapped": QCoreApplication.translate("print", "with {name}"),
        "detail.left": QCoreApplication.translate("print", "left at {time}"),
        "unrostered": QCoreApplication.translate("print", "Logged in to the ACD but not rostered: {logins}"),
        "no_feed": QCoreApplication.translate("print", "No ACD agent feed: the cross-check did not run."),
        "printed": QCoreApplication.translate("print", "Printed {time}"),
    }


def _e(text: object) -> str:
    return html.escape(str(text) if text is not None else "")


def _lines(text: str) -> str:
    return "<br/>".join(_e(line) for line in (text or "").splitlines())


class _Clock:
    """Formats aware instants as wall-clock text of the sheet's zone."""

    def __init__(self, zone: str) -> None:
        self.tz = ZoneInfo(zone)

    def hm(self, at: datetime | None) -> str:
        return at.astimezone(self.tz).strftime("%H:%M") if at is not None else ""

    def full(self, at: datetime | None) -> str:
        return at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M") if at is not None else ""


def _status_text(row: SheetRow, words: Mapping[str, str], clock: _Clock, names: Mapping[int, str]) -> tuple[str, str]:
    """The attendance word of a row and its details (minutes late, type of leave, with whom, when it left)."""
    mark = row.mark
    status = words[f"status.{mark.status.value}"]
    detail = ""
    if mark.status is AttendanceStatus.LATE and mark.late_minutes:
        detail = words["detail.late"].format(minutes=mark.late_minutes)
    elif mark.status is AttendanceStatus.LEAVE and mark.leave_type is not None:
        detail = words[f"leave.{mark.leave_type.value}"]
    elif mark.status is AttendanceStatus.SWAPPED:
        name = mark.swap_with_name or names.get(mark.swap_with_id or 0, "")
        detail = words["detail.swapped"].format(name=name) if name else ""
    elif mark.status is AttendanceStatus.LEFT_EARLY and mark.left_at is not None:
        detail = words["detail.left"].format(time=clock.hm(mark.left_at))
    return status, detail


def _table(headers: list[tuple[str, int]], rows: list[str], style: str = "") -> str:
    """A full-width table with a header row that repeats on every page; widths in percent."""
    head = "".join(f'<th width="{w}%">{_e(t)}</th>' for t, w in headers)
    return (f'<table width="100%" cellspacing="0" cellpadding="2" style="margin-bottom: 6px; {style}">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _counts_table(sheet: ShiftSheet, w: Mapping[str, str]) -> str:
    headers = [(w["col.team"], 16)] + [(w[f"count.{k}"], 8) for k in COUNT_KEYS]
    rows = []
    for name, counts, bold in [(w["total"], sheet.counts, True)] + [
            (team or w["no_team"], c, False) for team, c in sheet.team_counts]:
        cells = [getattr(counts, k) for k in COUNT_KEYS]
        cells[-1] = f"{cells[-1]:+d}" if cells[-1] else "0"
        tag = ("<b>", "</b>") if bold else ("", "")
        rows.append(f"<tr><td>{tag[0]}{_e(name)}{tag[1]}</td>"
                    + "".join(f'<td class="num">{tag[0]}{v}{tag[1]}</td>' for v in cells) + "</tr>")
    return _table(headers, rows)


def _roster_table(sheet: ShiftSheet, w: Mapping[str, str], clock: _Clock) -> str:
    names = {a.id: a.name for a in sheet.agents_on_file} | {r.agent.id: r.agent.name for r in sheet.rows}
    headers = [(w["col.employee_no"], 7), (w["col.name"], 9), (w["col.team"], 7), (w["col.seat"], 5),
               (w["col.scheduled"], 8), (w["col.activities"], 20), (w["col.status"], 15), (w["col.note"], 17),
               (w["col.flags"], 12)]
    rows = []
    for row in sheet.rows:
        status, detail = _status_text(row, w, clock, names)
        status_html = _e(status) if row.mark.status is AttendanceStatus.PRESENT else f"<b>{_e(status)}</b>"
        if detail:
            status_html += f" · {_e(detail)}"
        acts = ", ".join(f"{_e(w[f'activity.{a.kind.value}'])} {clock.hm(a.start)}–{clock.hm(a.end)}"
                            for a in row.entry.activities)
        flags = "<br/>".join(f"<b>{_e(w[f'flag.{f.value}'])}</b>" for f in row.flags)
        rows.append(
            f"<tr><td>{_e(row.agent.employee_no)}</td><td>{_e(row.agent.name)}</td>"
            f"<td>{_e(row.agent.team_name or w['no_team'])}</td><td>{_e(row.seat_text)}</td>"
            f"<td>{clock.hm(row.entry.start)}–{clock.hm(row.entry.end)}</td><td>{acts}</td>"
            f"<td>{status_html}</td><td>{_lines(row.mark.note)}</td><td>{flags}</td></tr>")
    return _table(headers, rows, "font-size: 8pt")


def _changes_table(sheet: ShiftSheet, w: Mapping[str, str], clock: _Clock) -> str:
    headers = [(w["col.recorded_at"], 13), (w["col.kind"], 12), (w["col.agent"], 13), (w["col.text"], 49),
               (w["col.recorded_by"], 13)]
    rows = [f"<tr><td>{clock.full(c.recorded_at)}</td><td>{_e(w[f'change.{c.kind.value}'])}</td>"
            f"<td>{_e(c.agent_name or '')}</td><td>{_lines(c.text)}</td><td>{_e(c.recorded_by or '')}</td></tr>"
            for c in sheet.changes]
    return _table(headers, rows)


def _acks(notice: Notice) -> str:
    return ", ".join(a.supervisor_name for a in notice.current_acks())


def _notices_table(sheet: ShiftSheet, w: Mapping[str, str], clock: _Clock) -> str:
    headers = [(w["col.priority"], 8), (w["col.title"], 46), (w["col.effective_to"], 12), (w["col.explain"], 9),
               (w["col.kb_path"], 13), (w["col.acks"], 12)]
    rows = []
    for n in sheet.notices:
        urgent = n.priority.rank >= 2
        prio = _e(w[f"priority.{n.priority.value}"])
        rows.append(
            f"<tr><td>{f'<b>{prio}</b>' if urgent else prio}</td>"
            f"<td><b>{_e(n.title)}</b><br/>{_lines(n.text)}</td>"
            f"<td>{clock.full(n.effective_to) if n.effective_to else _e(w['until_withdrawn'])}</td>"
            f"<td>{_e(w['yes'] if n.explain_at_meeting else w['no'])}</td><td>{_e(n.kb_path)}</td>"
            f"<td>{_e(_acks(n))}</td></tr>")
    return _table(headers, rows)


def build_sheet_html(sheet: ShiftSheet, words: Mapping[str, str] | None = None) -> str:
    """The sheet as HTML for document.paint / write_pdf; `words` default: sheet_words() now."""
    w = dict(words) if words is not None else sheet_words()
    clock = _Clock(sheet.timezone)
    inst = sheet.instance
    facts = [
        (w["shift"], _e(inst.definition.name)),
        (w["date"], _e(inst.day.isoformat())),
        (w["hours"], f"{clock.hm(sheet.start)}–{clock.hm(sheet.end)}"),
        (w["supervisor"], _e(inst.supervisor_name) if inst.supervisor_name else _e(w["not_set"])),
        (w["shift_status"], _e(w[f"shift_status.{inst.status.value}"])),
    ]
    parts = [
        f"<h1>{_e(w['title'])}</h1>",
        "<p>" + " &nbsp;&nbsp; ".join(f"{_e(k)}: <b>{v}</b>" for k, v in facts) + "</p>",
        f"<h2>{_e(w['sheet.counts'])}</h2>",
        _counts_table(sheet, w),
        f"<h2>{_e(w['sheet.roster'])}</h2>",
    ]
    if not sheet.logins_known:
        parts.append(f'<p class="muted">{_e(w["no_feed"])}</p>')
    elif sheet.unrostered_logins:
        parts.append(f"<p>{_e(w['unrostered'].format(logins=', '.join(sheet.unrostered_logins)))}</p>")
    parts.append(_roster_table(sheet, w, clock) if sheet.rows else f"<p>{_e(w['none'])}</p>")
    parts.append(f"<h2>{_e(w['sheet.changes'])}</h2>")
    parts.append(_changes_table(sheet, w, clock) if sheet.changes else f"<p>{_e(w['none'])}</p>")
    parts.append(f"<h2>{_e(w['sheet.notices'])}</h2>")
    parts.append(_notices_table(sheet, w, clock) if sheet.notices else f"<p>{_e(w['none'])}</p>")
    return "\n".join(parts)


def sheet_header(sheet: ShiftSheet, printed_at: datetime | None = None,
                 words: Mapping[str, str] | None = None) -> PageHeader:
    """The page header of the sheet: site, "shift · date · hours", print time (default: now)."""
    w = words if words is not None else sheet_words()
    clock = _Clock(sheet.timezone)
    printed_at = printed_at or datetime.now(clock.tz)
    shift = (f"{sheet.instance.definition.name} · {sheet.instance.day.isoformat()} · "
             f"{clock.hm(sheet.start)}–{clock.hm(sheet.end)}")
    return PageHeader(sheet.site_name, shift, w["printed"].format(time=clock.full(printed_at)))


def paint_sheet(device: QPagedPaintDevice, sheet: ShiftSheet, font_family: str,
                printed_at: datetime | None = None) -> int:
    """Paint the sheet on a printer or other paged device (its page layout as set); returns the pages."""
    words = sheet_words()
    return paint(device, build_sheet_html(sheet, words), sheet_header(sheet, printed_at, words), font_family)


def print_sheet_pdf(sheet: ShiftSheet, path: str | Path, font_family: str, printed_at: datetime | None = None,
                    landscape: bool = True) -> int:
    """Write the sheet to an A4 PDF (landscape by default: the roster is wide); returns the page count."""
    words = sheet_words()
    return write_pdf(path, build_sheet_html(sheet, words), sheet_header(sheet, printed_at, words), font_family,
                     landscape=landscape, title=f"{words['title']} · {sheet.site_name}")
