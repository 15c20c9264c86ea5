"""A shift's on-site work log (现场工作日志) as a printed A4 document (portrait).

`build_log_html` words a domain ShiftLog as HTML: the shift and its
supervisor, the header figures (open, overdue, not acknowledged, due within
the shift), the open items carried from earlier shifts (age, category,
priority, the customer and the promise, due time marked when overdue or due
within the shift, owner, and who acknowledged it in this shift, or an empty
box to tick on paper), then every entry written in the shift, withdrawn ones
struck through with the reason. `print_log_pdf` writes it to a PDF,
`paint_log` paints it on a printer (print preview). Times are wall-clock
times of the site's zone (`tz_name`). `log_words` holds every printed word
keyed by code; it also holds every title the Excel export
(app.services.worklog_export) asks for.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from app.domain.worklog import CarriedItem, Entry, ShiftLog, due_within, overdue
from app.printing.document import PageHeader, paint, write_pdf

COUNT_KEYS = ("open", "overdue", "unacknowledged", "due_within_shift")
CHECKBOX = "\u25a1"  # □: the shipped font has it (☐ is not in GB 2312)
TICK = "\u221a"  # √
OVERDUE_SIGN = "\u25b2"  # ▲
SOON_SIGN = "\u25cf"  # ●



def log_words() -> dict[str, str]:
    """Every word of the printed log in the current language, keyed by code (also the Excel export's titles)."""
    return {
        "title": QCoreApplication.translate("work_log_print", "On-site work log"),
        "sheet.log": QCoreApplication.translate("work_log_print", "Work log"),
        "shift": QCoreApplication.translate("work_log_print", "Shift"),
        "date": QCoreApplication.translate("work_log_print", "Date"),
        "hours": QCoreApplication.translate("work_log_print", "Hours"),
        "supervisor": QCoreApplication.translate("work_log_print", "Supervisor on duty"),
        "as_of": QCoreApplication.translate("work_log_print", "As of"),
        "not_set": QCoreApplication.translate("work_log_print", "not set"),
        "header.shift": QCoreApplication.translate("work_log_print", "{shift} · {date} · {hours} · {supervisor}"),
        "label": QCoreApplication.translate("work_log_print", "{label}: {value}"),
        "printed": QCoreApplication.translate("work_log_print", "Printed {time}"),
        "section.carried": QCoreApplication.translate("work_log_print", "Carried from earlier shifts ({count})"),
        "section.written": QCoreApplication.translate("work_log_print", "Written in this shift ({count})"),
        "carried.explain": QCoreApplication.translate(
            "work_log_print",
            "Open items of earlier shifts stay here until done or cancelled; the incoming supervisor ticks each one taken over."),
        "none": QCoreApplication.translate("work_log_print", "None."),
        "count.open": QCoreApplication.translate("work_log_print", "Open items"),
        "count.overdue": QCoreApplication.translate("work_log_print", "Overdue"),
        "count.unacknowledged": QCoreApplication.translate("work_log_print", "Not acknowledged"),
        "count.due_within_shift": QCoreApplication.translate("work_log_print", "Due within this shift"),
        "legend": QCoreApplication.translate(
            "work_log_print", "{overdue} overdue   {soon} due within this shift   {box} to tick when taken over"),
        "mark.overdue": QCoreApplication.translate("work_log_print", "overdue"),
        "mark.due_soon": QCoreApplication.translate("work_log_print", "due this shift"),
        "age.days": QCoreApplication.translate("work_log_print", "{days} d {hours} h"),
        "age.hours": QCoreApplication.translate("work_log_print", "{hours} h {minutes} min"),
        "age.minutes": QCoreApplication.translate("work_log_print", "{minutes} min"),
        "col.age": QCoreApplication.translate("work_log_print", "Age"),
        "col.item": QCoreApplication.translate("work_log_print", "Item"),
        "col.acknowledged": QCoreApplication.translate("work_log_print", "Taken over"),
        "col.time": QCoreApplication.translate("work_log_print", "Time"),
        "col.entry": QCoreApplication.translate("work_log_print", "Entry"),
        "col.kind": QCoreApplication.translate("work_log_print", "Category / priority"),
        # the Excel export's columns (app.services.worklog_export.LOG_COLUMNS)
        "col.event_at": QCoreApplication.translate("work_log_print", "Event time"),
        "col.category": QCoreApplication.translate("work_log_print", "Category"),
        "col.priority": QCoreApplication.translate("work_log_print", "Priority"),
        "col.status": QCoreApplication.translate("work_log_print", "Status"),
        "col.text": QCoreApplication.translate("work_log_print", "Text"),
        "col.tags": QCoreApplication.translate("work_log_print", "Tags"),
        "col.customer_ref": QCoreApplication.translate("work_log_print", "Customer ref."),
        "col.customer_name": QCoreApplication.translate("work_log_print", "Customer name"),
        "col.ticket": QCoreApplication.translate("work_log_print", "Ticket"),
        "col.promise": QCoreApplication.translate("work_log_print", "Promise"),
        "col.due": QCoreApplication.translate("work_log_print", "Due"),
        "col.owner": QCoreApplication.translate("work_log_print", "Owner"),
        "col.closing_remark": QCoreApplication.translate("work_log_print", "Closing remark"),
        "col.author": QCoreApplication.translate("work_log_print", "Author"),
        "col.written_at": QCoreApplication.translate("work_log_print", "Written at"),
        "col.withdrawn": QCoreApplication.translate("work_log_print", "Withdrawn"),
        "col.acks": QCoreApplication.translate("work_log_print", "Acknowledged by"),
        "col.revision": QCoreApplication.translate("work_log_print", "Revision"),
        "category.business_notice": QCoreApplication.translate("work_log_print", "business notice"),
        "category.staffing": QCoreApplication.translate("work_log_print", "staffing"),
        "category.work_item": QCoreApplication.translate("work_log_print", "work item"),
        "category.follow_up": QCoreApplication.translate("work_log_print", "customer follow-up"),
        "category.incident": QCoreApplication.translate("work_log_print", "incident"),
        "category.system_problem": QCoreApplication.translate("work_log_print", "system problem"),
        "category.other": QCoreApplication.translate("work_log_print", "other"),
        "status.open": QCoreApplication.translate("work_log_print", "open"),
        "status.in_progress": QCoreApplication.translate("work_log_print", "in progress"),
        "status.done": QCoreApplication.translate("work_log_print", "done"),
        "status.cancelled": QCoreApplication.translate("work_log_print", "cancelled"),
        "status.note": QCoreApplication.translate("work_log_print", "note"),
        "priority.low": QCoreApplication.translate("work_log_print", "low"),
        "priority.normal": QCoreApplication.translate("work_log_print", "normal"),
        "priority.high": QCoreApplication.translate("work_log_print", "high"),
        "priority.urgent": QCoreApplication.translate("work_log_print", "urgent"),
        "withdrawn": QCoreApplication.translate("work_log_print", "withdrawn"),
        "yes": QCoreApplication.translate("work_log_print", "yes"),
        "field.customer": QCoreApplication.translate("work_log_print", "Customer"),
        "field.ticket": QCoreApplication.translate("work_log_print", "Ticket"),
        "field.promise": QCoreApplication.translate("work_log_print", "Promise"),
        "field.due": QCoreApplication.translate("work_log_print", "Due"),
        "field.owner": QCoreApplication.translate("work_log_print", "Owner"),
        "field.remark": QCoreApplication.translate("work_log_print", "Closing remark"),
        "field.tags": QCoreApplication.translate("work_log_print", "Tags"),
        "field.written": QCoreApplication.translate("work_log_print", "Written {time} by {author}"),
        "field.revision": QCoreApplication.translate("work_log_print", "revision {revision}"),
        "withdrawn.detail": QCoreApplication.translate("work_log_print", "withdrawn: {reason} ({by}, {time})"),
        "ack.by": QCoreApplication.translate("work_log_print", "{by}, {time}"),
        "ack.owner": QCoreApplication.translate("work_log_print", "owner: {owner}"),
    }


def _e(text: object) -> str:
    return html.escape(str(text) if text is not None else "")


def _lines(text: str) -> str:
    return "<br/>".join(_e(line) for line in (text or "").splitlines())


class _Clock:
    """Formats aware instants as wall-clock text of the site's zone; `day` is the shift's first day."""

    def __init__(self, zone: str, day) -> None:
        self.tz = ZoneInfo(zone)
        self.day = day

    def hm(self, at: datetime | None) -> str:
        return at.astimezone(self.tz).strftime("%H:%M") if at is not None else ""

    def full(self, at: datetime | None) -> str:
        return at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M") if at is not None else ""

    def near(self, at: datetime | None) -> str:
        """HH:MM on the shift's first day, else MM-DD HH:MM (a log spans a few days at most)."""
        if at is None:
            return ""
        local = at.astimezone(self.tz)
        return local.strftime("%H:%M") if local.date() == self.day else local.strftime("%m-%d %H:%M")


def age_text(age: timedelta, words: Mapping[str, str]) -> str:
    """An item's age, e.g. "1 d 3 h", "5 h 20 min", "25 min" (never negative)."""
    minutes = max(0, int(age.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return words["age.days"].format(days=days, hours=hours)
    if hours:
        return words["age.hours"].format(hours=hours, minutes=minutes)
    return words["age.minutes"].format(minutes=minutes)


def _table(headers: list[tuple[str, int]], rows: list[str]) -> str:
    """A full-width table with a header row that repeats on every page; widths in percent."""
    head = "".join(f'<th width="{w}%">{_e(t)}</th>' for t, w in headers)
    return (f'<table width="100%" cellspacing="0" cellpadding="3" style="margin-bottom: 6px;">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _kind(entry: Entry, w: Mapping[str, str]) -> str:
    """Category, and the priority under it (bold when high or urgent)."""
    prio = _e(w[f"priority.{entry.priority.value}"])
    if entry.priority.rank >= 2:
        prio = f"<b>{prio}</b>"
    return f"{_e(w[f'category.{entry.category.value}'])}<br/>{prio}"


def _status(entry: Entry, w: Mapping[str, str]) -> str:
    word = _e(w["status." + (entry.status.value if entry.status else "note")])
    return f"<b>{word}</b>" if entry.open else word


def _label(w: Mapping[str, str], key: str, value_html: str) -> str:
    """ "Label: value" with the language's punctuation (`value_html` is HTML already)."""
    return _e(w["label"].format(label="\0", value="\1")).replace("\0", _e(w[key])).replace("\1", value_html)


def _details(entry: Entry, w: Mapping[str, str], clock: _Clock, *, log: ShiftLog | None = None) -> list[str]:
    """The follow-up fields of an entry, one worded line each (empty fields left out).

    With `log` (an entry written in it): its due time too, marked when overdue or due within
    the shift, and its owner; a carried item's table has columns for those.
    """
    out = []
    customer = " · ".join(_e(v) for v in (entry.customer_ref, entry.customer_name) if v)
    if customer:
        out.append(_label(w, "field.customer", customer))
    if entry.ticket:
        out.append(_label(w, "field.ticket", _e(entry.ticket)))
    if entry.promise:
        out.append(_label(w, "field.promise", _e(entry.promise)))
    if log is not None and entry.due is not None:
        due = _label(w, "field.due", clock.near(entry.due))
        if overdue(entry, log.at):
            due = f"<b>{OVERDUE_SIGN} {due} ({_e(w['mark.overdue'])})</b>"
        elif due_within(entry, log.start, log.end):
            due = f"<b>{SOON_SIGN} {due} ({_e(w['mark.due_soon'])})</b>"
        out.append(due)
    if log is not None and entry.owner:
        out.append(_label(w, "field.owner", _e(entry.owner)))
    if entry.closing_remark:
        out.append(_label(w, "field.remark", _lines(entry.closing_remark)))
    if entry.tags:
        out.append(_label(w, "field.tags", _e(", ".join("#" + t for t in entry.tags))))
    return out


def _due_cell(item: CarriedItem, w: Mapping[str, str], clock: _Clock) -> str:
    due = item.entry.due
    if due is None:
        return ""
    if item.overdue:
        return f"<b>{OVERDUE_SIGN} {clock.near(due)}<br/>{_e(w['mark.overdue'])}</b>"
    if item.due_within_shift:
        return f"<b>{SOON_SIGN} {clock.near(due)}<br/>{_e(w['mark.due_soon'])}</b>"
    return clock.near(due)


def _ack_cell(item: CarriedItem, instance_id: int, w: Mapping[str, str], clock: _Clock) -> str:
    acks = [a for a in item.entry.acks if a.instance_id == instance_id]
    if not acks:
        return f'<span style="font-size: 14pt;">{CHECKBOX}</span>'
    ack = acks[-1]
    text = f"{TICK} " + _e(w["ack.by"].format(by=ack.by, time=clock.near(ack.at)))
    if ack.owner:  # who answers for the item from this shift on (changed at the handover or not)
        text += "<br/>" + _e(w["ack.owner"].format(owner=ack.owner))
    return text


def _carried_table(log: ShiftLog, w: Mapping[str, str], clock: _Clock) -> str:
    headers = [(w["col.age"], 9), (w["col.kind"], 12), (w["col.item"], 43), (w["col.due"], 10),
               (w["col.owner"], 11), (w["col.acknowledged"], 15)]
    rows = []
    for item in log.carried:
        e = item.entry
        lines = [f"<b>{_lines(e.text)}</b>"] + _details(e, w, clock)
        lines.append('<span class="muted">' + _e(w["field.written"].format(time=clock.full(e.event_at),
                                                                            author=e.author))
                     + f" · {_status(e, w)}</span>")
        rows.append(f"<tr><td>{_e(age_text(item.age, w))}</td><td>{_kind(e, w)}</td>"
                    f"<td>{'<br/>'.join(lines)}</td><td>{_due_cell(item, w, clock)}</td>"
                    f"<td>{_e(e.owner)}</td><td>{_ack_cell(item, log.instance.id, w, clock)}</td></tr>")
    return _table(headers, rows)


def _written_table(log: ShiftLog, w: Mapping[str, str], clock: _Clock) -> str:
    headers = [(w["col.time"], 8), (w["col.kind"], 12), (w["col.status"], 11), (w["col.entry"], 56),
               (w["col.author"], 13)]
    rows = []
    for e in log.entries:
        body = f"<b>{_lines(e.text)}</b>" if e.priority.rank >= 2 else _lines(e.text)
        lines = [body] + _details(e, w, clock, log=log)
        status = _status(e, w) if e.is_item else _e(w["status.note"])
        if e.withdrawn is not None:  # struck through, still readable; the reason is not struck
            lines = [f"<s>{line}</s>" for line in lines]
        if e.revision > 1:
            lines.append(f'<span class="muted">{_e(w["field.revision"].format(revision=e.revision))}</span>')
        if e.withdrawn is not None:
            lines.append("<i>" + _e(w["withdrawn.detail"].format(
                reason=e.withdrawn.reason, by=e.withdrawn.by, time=clock.near(e.withdrawn.at))) + "</i>")
            status = f"<s>{status}</s><br/><b>{_e(w['withdrawn'])}</b>"
        rows.append(f"<tr><td>{clock.near(e.event_at)}</td><td>{_kind(e, w)}</td>"
                    f"<td>{status}</td><td>{'<br/>'.join(lines)}</td><td>{_e(e.author)}</td></tr>")
    return _table(headers, rows)


def _counts_table(log: ShiftLog, w: Mapping[str, str]) -> str:
    cells = []
    for key in COUNT_KEYS:
        value = getattr(log.counts, key)
        strong = value and key in ("overdue", "unacknowledged")
        number = f"<b>{value}</b>" if strong else str(value)
        cells.append(f'<td width="25%">{_e(w[f"count.{key}"])}: <span style="font-size: 12pt;">{number}</span></td>')
    return ('<table width="100%" cellspacing="0" cellpadding="4" style="margin-bottom: 4px;">'
            f"<tr>{''.join(cells)}</tr></table>")


def _supervisor(log: ShiftLog, w: Mapping[str, str]) -> str:
    return log.instance.supervisor_name or w["not_set"]


def build_log_html(log: ShiftLog, words: Mapping[str, str] | None, tz_name: str, site: str = "") -> str:
    """The log as HTML for document.paint / write_pdf; `words` None: log_words() now."""
    w = dict(words) if words is not None else log_words()
    inst = log.instance
    clock = _Clock(tz_name, log.start.astimezone(ZoneInfo(tz_name)).date())
    facts = [
        ("shift", _e(inst.definition.name)),
        ("date", _e(inst.day.isoformat())),
        ("hours", f"{clock.hm(log.start)}–{clock.hm(log.end)}"),
        ("supervisor", _e(_supervisor(log, w))),
        ("as_of", clock.full(log.at)),
    ]
    parts = [
        f"<h1>{_e(w['title'])}{' · ' + _e(site) if site else ''}</h1>",
        "<p>" + " &nbsp;&nbsp; ".join(_label(w, k, f"<b>{v}</b>") for k, v in facts) + "</p>",
        _counts_table(log, w),
        '<p class="muted">' + _e(w["legend"].format(overdue=OVERDUE_SIGN, soon=SOON_SIGN, box=CHECKBOX)) + "</p>",
        f"<h2>{_e(w['section.carried'].format(count=len(log.carried)))}</h2>",
    ]
    if log.carried:
        parts.append(f'<p class="muted">{_e(w["carried.explain"])}</p>')
        parts.append(_carried_table(log, w, clock))
    else:
        parts.append(f"<p>{_e(w['none'])}</p>")
    parts.append(f"<h2>{_e(w['section.written'].format(count=len(log.entries)))}</h2>")
    parts.append(_written_table(log, w, clock) if log.entries else f"<p>{_e(w['none'])}</p>")
    return "\n".join(parts)


def log_header(log: ShiftLog, site: str, printed_at: datetime, words: Mapping[str, str] | None = None,
               tz_name: str | None = None) -> PageHeader:
    """The page header: site, "shift · date · hours · supervisor", print time (in `tz_name`, default printed_at's)."""
    w = words if words is not None else log_words()
    tz = ZoneInfo(tz_name) if tz_name else printed_at.tzinfo
    hm = lambda at: at.astimezone(tz).strftime("%H:%M")  # noqa: E731
    shift = w["header.shift"].format(shift=log.instance.definition.name, date=log.instance.day.isoformat(),
                                     hours=f"{hm(log.start)}–{hm(log.end)}", supervisor=_supervisor(log, w))
    printed = w["printed"].format(time=printed_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"))
    return PageHeader(site, shift, printed)


def paint_log(device: QPagedPaintDevice, log: ShiftLog, font_family: str, tz_name: str, site: str = "",
              printed_at: datetime | None = None, words: Mapping[str, str] | None = None) -> int:
    """Paint the log on a printer or other paged device (its page layout as set); returns the pages."""
    w = dict(words) if words is not None else log_words()
    printed_at = printed_at or datetime.now(ZoneInfo(tz_name))
    return paint(device, build_log_html(log, w, tz_name, site), log_header(log, site, printed_at, w, tz_name),
                 font_family)


def print_log_pdf(log: ShiftLog, path: str | Path, font_family: str, tz_name: str, site: str = "",
                  printed_at: datetime | None = None, words: Mapping[str, str] | None = None) -> int:
    """Write the log to an A4 portrait PDF; returns the page count (PrintError when it cannot be written)."""
    w = dict(words) if words is not None else log_words()
    printed_at = printed_at or datetime.now(ZoneInfo(tz_name))
    title = f"{w['title']} · {site}" if site else w["title"]
    return write_pdf(path, build_log_html(log, w, tz_name, site), log_header(log, site, printed_at, w, tz_name),
                     font_family, title=title)

