"""The pre-shift meeting's agenda (班前会议程) as a printed A4 page, read at arm's length.

`build_agenda_html` words a domain Agenda: the shift and the meeting's
times, then each part with its time box (HH:MM–HH:MM) in order:
attendance as a box to tick per rostered agent, grouped by team (an agent
already marked on leave or absent shows that instead of a box), the
business notices to explain with where to find each in the system, the
follow-ups the floor must know, the lessons from the last shift's worst
half hours with their figures, the warm-up (how it is done, and the topic
when it is experience sharing), the close, and any part the supervisor
added. Body text is 11 pt; a shift of 60 agents fits one page.
`print_agenda_pdf` writes the PDF, `paint_agenda` paints on a printer
(print preview). Times are wall-clock times of the agenda's site zone.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from app.domain.meetings import Agenda, AgendaPart, PartKind, WarmupKind
from app.printing.document import PageHeader, paint, write_pdf

CHECKBOX = "\u25a1"  # □: in the shipped font (GB 2312)
POINT_SIZE = 11.0  # body text, readable at arm's length
FOLLOW_UP_TEXT_CHARS = 36  # the item as a reminder (the work log holds it whole, with the customer)
LIST = '<ul style="margin-top: 0px; margin-bottom: 2px; -qt-list-indent: 1;">{}</ul>'


def agenda_words() -> dict[str, str]:
    """Every word of the printed agenda in the current language, keyed by code."""
    return {
        "title": QCoreApplication.translate("agenda_print", "Pre-shift meeting"),
        "header.shift": QCoreApplication.translate("agenda_print", "{shift} · {date} · meeting {start}–{end}"),
        "printed": QCoreApplication.translate("agenda_print", "Printed {time}"),
        "facts": QCoreApplication.translate(
            "agenda_print", "{shift} · {date} · meeting {start}–{end} · shift {shift_start}–{shift_end}"),
        "supervisor": QCoreApplication.translate("agenda_print", "Supervisor: {name}"),
        "prepared": QCoreApplication.translate("agenda_print", "Prepared by {by}, {time} (revision {revision})"),
        "not_prepared": QCoreApplication.translate("agenda_print", "Not prepared (automatic)"),
        "part.heading": QCoreApplication.translate("agenda_print", "{start}–{end}  {number}. {title} ({minutes} min)"),
        "part.attendance": QCoreApplication.translate("agenda_print", "Attendance"),
        "part.notices": QCoreApplication.translate("agenda_print", "Notices to explain"),
        "part.follow_ups": QCoreApplication.translate("agenda_print", "Follow-ups the floor must know"),
        "part.lessons": QCoreApplication.translate("agenda_print", "Lessons from the last shift"),
        "part.warmup": QCoreApplication.translate("agenda_print", "Warm-up"),
        "part.closing": QCoreApplication.translate("agenda_print", "Closing"),
        "part.other": QCoreApplication.translate("agenda_print", "Other"),
        "attendance.count": QCoreApplication.translate(
            "agenda_print", "{count} rostered, tick {box}"),
        "attendance.no_team": QCoreApplication.translate("agenda_print", "No team"),
        "mark.leave": QCoreApplication.translate("agenda_print", "leave"),
        "mark.absent": QCoreApplication.translate("agenda_print", "absent"),
        "mark.late": QCoreApplication.translate("agenda_print", "late"),
        "mark.present": QCoreApplication.translate("agenda_print", "present"),
        "mark.swapped": QCoreApplication.translate("agenda_print", "swapped"),
        "mark.left_early": QCoreApplication.translate("agenda_print", "left early"),
        "notice.where": QCoreApplication.translate("agenda_print", "Where to find it: {where}"),
        "notice.explain": QCoreApplication.translate(
            "agenda_print", "Say it in your own words."),
        "priority.high": QCoreApplication.translate("agenda_print", "high"),
        "priority.urgent": QCoreApplication.translate("agenda_print", "urgent"),
        "follow_up.owner": QCoreApplication.translate("agenda_print", "owner {owner}"),
        "follow_up.due": QCoreApplication.translate("agenda_print", "due {time}"),
        "follow_up.overdue": QCoreApplication.translate("agenda_print", "overdue"),
        "lessons.from": QCoreApplication.translate("agenda_print", "Below the {target} target in {shift}:"),
        "lessons.none": QCoreApplication.translate("agenda_print", "No half hour below target in the last shift."),
        "col.interval": QCoreApplication.translate("agenda_print", "Half hour"),
        "col.source": QCoreApplication.translate("agenda_print", "Source"),
        "col.sl": QCoreApplication.translate("agenda_print", "SL"),
        "col.offered": QCoreApplication.translate("agenda_print", "Offered"),
        "col.abandoned": QCoreApplication.translate("agenda_print", "Aband."),
        "col.asa": QCoreApplication.translate("agenda_print", "ASA s"),
        "warmup.none": QCoreApplication.translate("agenda_print", "No warm-up chosen."),
        "warmup.topic": QCoreApplication.translate("agenda_print", "Topic set yesterday: {topic}"),
        "warmup.no_topic": QCoreApplication.translate(
            "agenda_print", "Topic: none was set yesterday; ask for a call that went well."),
        "closing.default": QCoreApplication.translate(
            "agenda_print", "Questions, then to the seats."),
        "none": QCoreApplication.translate("agenda_print", "None."),
    }


def _e(text: object) -> str:
    return html.escape(str(text) if text is not None else "")


def _lines(text: str) -> str:
    return "<br/>".join(_e(line) for line in (text or "").splitlines())


def _short(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _pct(value: float | None) -> str:
    return f"{value:.1f}%" if value is not None else "–"


def _num(value) -> str:
    return "–" if value is None else (f"{value:.0f}" if isinstance(value, float) else str(value))


def _part_title(part: AgendaPart, w: Mapping[str, str]) -> str:
    return part.title.strip() or w[f"part.{part.kind.value}"]


def _attendance(part: AgendaPart, w: Mapping[str, str]) -> str:
    if not part.attendance:
        return f"<p>{_e(w['none'])}</p>"
    teams: dict[str, list[str]] = {}
    for a in part.attendance:
        if a.mark and a.mark != "present":
            cell = f"{_e(a.name)}&nbsp;({_e(w.get('mark.' + a.mark, a.mark))})"
        else:
            cell = f"{CHECKBOX}&nbsp;{_e(a.name)}"
        teams.setdefault(a.team or "", []).append(f"<span>{cell}</span>")
    rows = []
    for team, cells in teams.items():
        name = team or w["attendance.no_team"]
        rows.append(f'<tr><td width="16%"><b>{_e(name)}</b> ({len(cells)})</td>'
                    f'<td width="84%">{" &nbsp;&nbsp; ".join(cells)}</td></tr>')
    return (f'<table width="100%" cellspacing="0" cellpadding="3">{"".join(rows)}</table>')


def _notices(part: AgendaPart, w: Mapping[str, str]) -> str:
    if not part.notices:
        return f"<p>{_e(w['none'])}</p>"
    items = []
    for n in part.notices:
        flag = f" [{_e(w['priority.' + n.priority])}]" if n.priority in ("high", "urgent") else ""
        where = f" — {_e(w['notice.where'].format(where=n.where))}" if n.where.strip() else ""
        items.append(f"<li><b>{_e(n.title)}</b>{flag}{where}</li>")
    return LIST.format("".join(items))


def _follow_ups(part: AgendaPart, w: Mapping[str, str], tz: ZoneInfo, day) -> str:
    if not part.follow_ups:
        return f"<p>{_e(w['none'])}</p>"
    items = []
    for f in part.follow_ups:
        bits = []
        if f.owner:
            bits.append(_e(w["follow_up.owner"].format(owner=f.owner)))
        if f.due is not None:
            local = f.due.astimezone(tz)
            due = _e(w["follow_up.due"].format(time=local.strftime("%H:%M" if local.date() == day else "%m-%d %H:%M")))
            bits.append(f"<b>{due} ({_e(w['follow_up.overdue'])})</b>" if f.overdue else due)
        detail = f" — {' · '.join(bits)}" if bits else ""
        items.append(f"<li>{_e(_short(f.text, FOLLOW_UP_TEXT_CHARS))}{detail}</li>")
    return LIST.format("".join(items))


def _lessons(part: AgendaPart, agenda: Agenda, w: Mapping[str, str]) -> str:
    if not part.lessons:
        return f"<p>{_e(w['lessons.none'])}</p>"
    sources = {x.source for x in part.lessons}
    heads = [w["col.interval"]] + ([w["col.source"]] if len(sources) > 1 else []) + [
        w["col.sl"], w["col.offered"], w["col.abandoned"], w["col.asa"]]
    rows = []
    for x in part.lessons:
        cells = [f"<td>{_e(x.label)}</td>"] + ([f"<td>{_e(x.source)}</td>"] if len(sources) > 1 else [])
        cells += [f'<td class="num"><b>{_pct(x.service_level)}</b></td>', f'<td class="num">{_num(x.offered)}</td>',
                  f'<td class="num">{_num(x.abandoned)}</td>', f'<td class="num">{_num(x.asa_seconds)}</td>']
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f"<th>{_e(h)}</th>" for h in heads)
    targets = sorted({x.target_percent for x in part.lessons})
    intro = _e(w["lessons.from"].format(shift=agenda.previous_shift or "", target=" / ".join(map(_pct, targets))))
    return (f"<p>{intro}</p>"
            f'<table cellspacing="0" cellpadding="2"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table>")


def _warmup(part: AgendaPart, w: Mapping[str, str]) -> str:
    warmup = part.warmup
    if warmup is None:
        return "" if part.text.strip() else f"<p>{_e(w['warmup.none'])}</p>"
    out = [f"<p><b>{_e(warmup.name)}</b></p>", f"<p>{_lines(warmup.how_to)}</p>"]
    if warmup.kind is WarmupKind.SHARING:
        topic = w["warmup.topic"].format(topic=part.topic) if part.topic.strip() else w["warmup.no_topic"]
        out.append(f"<p><b>{_e(topic)}</b></p>")
    return "".join(out)


def build_agenda_html(agenda: Agenda, words: Mapping[str, str] | None = None) -> str:
    """The agenda as HTML for document.paint / write_pdf; `words` None: agenda_words() now."""
    w = dict(words) if words is not None else agenda_words()
    tz = ZoneInfo(agenda.timezone)
    hm = lambda at: at.astimezone(tz).strftime("%H:%M")  # noqa: E731
    facts = w["facts"].format(shift=agenda.shift_name, date=agenda.day.isoformat(), start=hm(agenda.meeting_start),
                              end=hm(agenda.meeting_end), shift_start=hm(agenda.shift_start),
                              shift_end=hm(agenda.shift_end))
    state = (w["prepared"].format(by=agenda.saved_by, revision=agenda.revision,
                                  time=agenda.saved_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"))
             if agenda.prepared and agenda.saved_at is not None else w["not_prepared"])
    lines = [f"<b>{_e(facts)}</b>"]
    if agenda.supervisor_name:
        lines.append(_e(w["supervisor"].format(name=agenda.supervisor_name)))
    lines.append(f'<span class="muted">{_e(state)}</span>')
    out = [f"<h1>{_e(w['title'])} · {_e(agenda.site_name)}</h1>", f"<p>{' &nbsp;&nbsp; '.join(lines)}</p>"]
    day = agenda.shift_start.astimezone(tz).date()
    sections: list[tuple[PartKind, str]] = []
    for number, scheduled in enumerate(agenda.schedule(), start=1):
        part = scheduled.part
        heading = w["part.heading"].format(start=hm(scheduled.start), end=hm(scheduled.end), number=number,
                                           title=_part_title(part, w), minutes=part.minutes)
        hint = ""  # said on the heading's line, in body weight: one page
        if part.kind is PartKind.ATTENDANCE and part.attendance:
            hint = _e(w["attendance.count"].format(count=len(part.attendance), box=CHECKBOX))
        elif part.kind is PartKind.NOTICES and part.notices:
            hint = _e(w["notice.explain"])
        elif part.kind is PartKind.CLOSING and not part.text.strip():
            hint = _e(w["closing.default"])
        hint = f' &nbsp;<span style="font-size: 11pt; font-weight: 400;">{hint}</span>' if hint else ""
        body = [f'<h2 style="font-size: 12pt; margin-top: 5px; margin-bottom: 2px;">{_e(heading)}{hint}</h2>']
        if part.text.strip():
            body.append(f"<p>{_lines(part.text)}</p>")
        if part.kind is PartKind.ATTENDANCE:
            body.append(_attendance(part, w))
        elif part.kind is PartKind.NOTICES:
            body.append(_notices(part, w))
        elif part.kind is PartKind.FOLLOW_UPS:
            body.append(_follow_ups(part, w, tz, day))
        elif part.kind is PartKind.LESSONS:
            body.append(_lessons(part, agenda, w))
        elif part.kind is PartKind.WARMUP:
            body.append(_warmup(part, w))
        sections.append((part.kind, "".join(body)))
    index = 0
    while index < len(sections):  # the lessons' narrow table and the warm-up side by side: one page
        kind, body = sections[index]
        if kind is PartKind.LESSONS and index + 1 < len(sections) and sections[index + 1][0] is PartKind.WARMUP:
            cell = 'style="border-width: 0px; border-style: none; padding: 0px 6px 0px 0px;"'
            out.append(f'<table width="100%" cellspacing="0" cellpadding="0" style="border-width: 0px;"><tr>'
                       f'<td width="55%" {cell}>{body}</td><td width="45%" {cell}>{sections[index + 1][1]}</td>'
                       "</tr></table>")
            index += 2
            continue
        out.append(body)
        index += 1
    return "\n".join(out)


def agenda_header(agenda: Agenda, site: str, printed_at: datetime, words: Mapping[str, str] | None = None) -> PageHeader:
    """The page header: site, "shift · date · meeting HH:MM–HH:MM", print time (in the site's zone)."""
    w = words if words is not None else agenda_words()
    tz = ZoneInfo(agenda.timezone)
    hm = lambda at: at.astimezone(tz).strftime("%H:%M")  # noqa: E731
    shift = w["header.shift"].format(shift=agenda.shift_name, date=agenda.day.isoformat(),
                                     start=hm(agenda.meeting_start), end=hm(agenda.meeting_end))
    return PageHeader(site or agenda.site_name, shift,
                      w["printed"].format(time=printed_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")))


def paint_agenda(device: QPagedPaintDevice, agenda: Agenda, font_family: str, words: Mapping[str, str] | None = None,
                 site: str = "", printed_at: datetime | None = None) -> int:
    """Paint the agenda on a printer or other paged device (its page layout as set); returns the pages."""
    w = dict(words) if words is not None else agenda_words()
    printed_at = printed_at or datetime.now(ZoneInfo(agenda.timezone))
    return paint(device, build_agenda_html(agenda, w), agenda_header(agenda, site, printed_at, w), font_family,
                 point_size=POINT_SIZE)


def print_agenda_pdf(agenda: Agenda, path: str | Path, font_family: str, words: Mapping[str, str] | None = None,
                     site: str = "", printed_at: datetime | None = None) -> int:
    """Write the agenda to an A4 portrait PDF; returns the page count (PrintError when it cannot be written)."""
    w = dict(words) if words is not None else agenda_words()
    printed_at = printed_at or datetime.now(ZoneInfo(agenda.timezone))
    title = f"{w['title']} · {site or agenda.site_name}"
    return write_pdf(path, build_agenda_html(agenda, w), agenda_header(agenda, site, printed_at, w), font_family,
                     point_size=POINT_SIZE, title=title)
