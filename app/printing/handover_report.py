"""The handover report (交接报告) as a printed A4 document (portrait).

`build_report_html` words a handover's snapshot (app.services.handover_snapshot
describes its keys) as HTML in the seven parts the two supervisors went
through: 1 the shift sheet (attendance of both shifts, exceptions, personnel
changes, notices and whether the incoming supervisor acknowledged each),
2 open items (owner, due, acknowledged or an empty box), 3 playbook runs,
4 seats, 5 the outgoing shift's service level by half hour (definition,
threshold and target named; bars drawn as text) with the worst half hours and
their notes, 6 long calls, 7 the talk; then both signatures (name and time,
or "not signed") and the snapshot's checksum. A snapshot that no longer
matches its checksum is said so at the top. `print_report_pdf` writes it;
every page carries the site, the shifts and the print time.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from app.domain.handover import STEPS, Handover, Signature
from app.printing.document import PageHeader, paint, write_pdf

CHECKBOX = "\u25a1"  # □ (in the shipped font)
TICK = "\u221a"  # √
BAR = "\u25a0"  # ■ one block per 5 % (█ is not in the shipped font)
COUNT_KEYS = ("scheduled", "present", "late", "absent", "leave", "swapped", "left_early", "unmarked", "expected")


def report_words() -> dict[str, str]:
    """Every word of the printed handover report in the current language, keyed by code."""
    return {
        "title": QCoreApplication.translate("handover_report", "Shift handover report"),
        "header.shift": QCoreApplication.translate("handover_report", "{outgoing} {date} → {incoming}"),
        "printed": QCoreApplication.translate("handover_report", "Printed {time}"),
        "label": QCoreApplication.translate("handover_report", "{label}: {value}"),
        "outgoing": QCoreApplication.translate("handover_report", "Outgoing shift"),
        "incoming": QCoreApplication.translate("handover_report", "Incoming shift"),
        "shift.line": QCoreApplication.translate("handover_report", "{shift} · {date} · {hours} · {supervisor}"),
        "status": QCoreApplication.translate("handover_report", "Status"),
        "status.draft": QCoreApplication.translate("handover_report", "draft, not signed"),
        "status.outgoing_signed": QCoreApplication.translate("handover_report", "signed by the outgoing supervisor"),
        "status.signed": QCoreApplication.translate("handover_report", "signed by both"),
        "as_of": QCoreApplication.translate("handover_report", "Figures as of"),
        "not_set": QCoreApplication.translate("handover_report", "not set"),
        "none": QCoreApplication.translate("handover_report", "None."),
        "tampered": QCoreApplication.translate(
            "handover_report", "Warning: the stored snapshot no longer matches its checksum; it was changed after "
                               "signing."),
        "part.sheet": QCoreApplication.translate("handover_report", "1 Shift sheet"),
        "part.items": QCoreApplication.translate("handover_report", "2 Open items"),
        "part.playbooks": QCoreApplication.translate("handover_report", "3 Playbooks"),
        "part.seats": QCoreApplication.translate("handover_report", "4 Seats"),
        "part.service_level": QCoreApplication.translate("handover_report", "5 Service level of the outgoing shift"),
        "part.long_calls": QCoreApplication.translate("handover_report", "6 Long calls at the shift change"),
        "part.talk": QCoreApplication.translate("handover_report", "7 Face-to-face talk"),
        "part.signatures": QCoreApplication.translate("handover_report", "Signatures"),
        "step.state": QCoreApplication.translate("handover_report", "Checked: {state}"),
        "state.todo": QCoreApplication.translate("handover_report", "not checked"),
        "state.done": QCoreApplication.translate("handover_report", "done"),
        "state.skipped": QCoreApplication.translate("handover_report", "nothing to go through"),
        "count.shift": QCoreApplication.translate("handover_report", "Shift"),
        "count.scheduled": QCoreApplication.translate("handover_report", "Scheduled"),
        "count.present": QCoreApplication.translate("handover_report", "Present"),
        "count.late": QCoreApplication.translate("handover_report", "Late"),
        "count.absent": QCoreApplication.translate("handover_report", "Absent"),
        "count.leave": QCoreApplication.translate("handover_report", "Leave"),
        "count.swapped": QCoreApplication.translate("handover_report", "Swapped"),
        "count.left_early": QCoreApplication.translate("handover_report", "Left early"),
        "count.unmarked": QCoreApplication.translate("handover_report", "Not marked"),
        "count.expected": QCoreApplication.translate("handover_report", "Expected"),
        "exceptions": QCoreApplication.translate("handover_report", "Not simply present ({shift})"),
        "att.late": QCoreApplication.translate("handover_report", "late {minutes} min"),
        "att.leave": QCoreApplication.translate("handover_report", "leave ({type})"),
        "att.swapped": QCoreApplication.translate("handover_report", "swapped with {name}"),
        "att.left_early": QCoreApplication.translate("handover_report", "left early at {time}"),
        "att.absent": QCoreApplication.translate("handover_report", "absent"),
        "att.unmarked": QCoreApplication.translate("handover_report", "not marked"),
        "att.present": QCoreApplication.translate("handover_report", "present"),
        "att.not_rostered": QCoreApplication.translate("handover_report", "taken off the roster"),
        "leave.annual": QCoreApplication.translate("handover_report", "annual"),
        "leave.sick": QCoreApplication.translate("handover_report", "sick"),
        "leave.personal": QCoreApplication.translate("handover_report", "personal"),
        "leave.compensatory": QCoreApplication.translate("handover_report", "compensatory"),
        "leave.other": QCoreApplication.translate("handover_report", "other"),
        "priority.low": QCoreApplication.translate("handover_report", "low"),
        "priority.normal": QCoreApplication.translate("handover_report", "normal"),
        "priority.high": QCoreApplication.translate("handover_report", "high"),
        "priority.urgent": QCoreApplication.translate("handover_report", "urgent"),
        "changes": QCoreApplication.translate("handover_report", "Personnel changes"),
        "notices": QCoreApplication.translate("handover_report", "Business notices in force"),
        "col.name": QCoreApplication.translate("handover_report", "Name"),
        "col.team": QCoreApplication.translate("handover_report", "Team"),
        "col.attendance": QCoreApplication.translate("handover_report", "Attendance"),
        "col.note": QCoreApplication.translate("handover_report", "Note"),
        "col.change": QCoreApplication.translate("handover_report", "Change"),
        "col.by": QCoreApplication.translate("handover_report", "Recorded by"),
        "col.notice": QCoreApplication.translate("handover_report", "Notice"),
        "col.where": QCoreApplication.translate("handover_report", "Where to find it"),
        "col.incoming_ack": QCoreApplication.translate("handover_report", "Incoming acknowledged"),
        "col.acked_by": QCoreApplication.translate("handover_report", "Acknowledged by"),
        "notice.version": QCoreApplication.translate("handover_report", "version {version} · {priority}"),
        "col.item": QCoreApplication.translate("handover_report", "Item"),
        "col.due": QCoreApplication.translate("handover_report", "Due"),
        "col.owner": QCoreApplication.translate("handover_report", "Owner"),
        "col.taken_over": QCoreApplication.translate("handover_report", "Taken over"),
        "item.customer": QCoreApplication.translate("handover_report", "Customer: {customer}"),
        "item.promise": QCoreApplication.translate("handover_report", "Promise: {promise}"),
        "item.written": QCoreApplication.translate("handover_report", "Written {time} by {author}"),
        "item.overdue": QCoreApplication.translate("handover_report", "overdue"),
        "items.counts": QCoreApplication.translate(
            "handover_report", "{open} open, {overdue} overdue, {unacknowledged} not yet taken over"),
        "runs.active": QCoreApplication.translate("handover_report", "Running"),
        "runs.finished": QCoreApplication.translate("handover_report", "Finished in the outgoing shift"),
        "col.playbook": QCoreApplication.translate("handover_report", "Playbook"),
        "col.started": QCoreApplication.translate("handover_report", "Started"),
        "col.steps": QCoreApplication.translate("handover_report", "Steps marked"),
        "col.next": QCoreApplication.translate("handover_report", "Next step / outcome"),
        "run.steps": QCoreApplication.translate("handover_report", "{marked} of {steps}"),
        "run.next": QCoreApplication.translate("handover_report", "step {step}: {text}"),
        "seats.summary": QCoreApplication.translate(
            "handover_report", "Incoming shift: {seated} of {expected} expected agents seated ({seats} seats)."),
        "seats.unseated": QCoreApplication.translate("handover_report", "Not seated yet: {names}"),
        "seats.out": QCoreApplication.translate("handover_report", "Seats out of service"),
        "col.seat": QCoreApplication.translate("handover_report", "Seat"),
        "col.reason": QCoreApplication.translate("handover_report", "Reason"),
        "col.since": QCoreApplication.translate("handover_report", "Since"),
        "col.back": QCoreApplication.translate("handover_report", "Expected back"),
        "sl.source": QCoreApplication.translate(
            "handover_report",
            "Source {source} · service level definition '{definition}' · threshold {threshold} s · target {target} %"),
        "sl.total": QCoreApplication.translate("handover_report", "Shift total: {sl} of {offered} calls offered"),
        "def.offered": QCoreApplication.translate("handover_report", "answered within T / offered"),
        "def.answered": QCoreApplication.translate("handover_report", "answered within T / answered"),
        "def.exclude_short_abandons": QCoreApplication.translate(
            "handover_report", "answered within T / (offered − short abandons)"),
        "def.short_abandons_met": QCoreApplication.translate(
            "handover_report", "(answered within T + short abandons) / offered"),
        "sl.vendor": QCoreApplication.translate("handover_report", "Vendor rule: {rule}"),
        "sl.no_data": QCoreApplication.translate("handover_report", "No feed source of the site covers this shift."),
        "col.interval": QCoreApplication.translate("handover_report", "Interval"),
        "col.offered": QCoreApplication.translate("handover_report", "Offered"),
        "col.answered": QCoreApplication.translate("handover_report", "Answered"),
        "col.abandoned": QCoreApplication.translate("handover_report", "Abandoned"),
        "col.sl": QCoreApplication.translate("handover_report", "SL %"),
        "col.asa": QCoreApplication.translate("handover_report", "ASA s"),
        "col.bar": QCoreApplication.translate("handover_report", "Service level (target marked |)"),
        "sl.worst": QCoreApplication.translate("handover_report", "Worst half hours below target"),
        "sl.worst.line": QCoreApplication.translate("handover_report", "{interval}: {sl} ({offered} offered)"),
        "sl.no_notes": QCoreApplication.translate("handover_report", "no work-log entry in this half hour"),
        "sl.provisional": QCoreApplication.translate("handover_report", "(running)"),
        "col.agent": QCoreApplication.translate("handover_report", "Agent"),
        "col.queue": QCoreApplication.translate("handover_report", "Queue"),
        "col.answered_at": QCoreApplication.translate("handover_report", "Answered at"),
        "col.minutes": QCoreApplication.translate("handover_report", "Minutes"),
        "col.shift_end": QCoreApplication.translate("handover_report", "Shift ends"),
        "talk.done": QCoreApplication.translate("handover_report", "Talk held face to face: {answer}"),
        "yes": QCoreApplication.translate("handover_report", "yes"),
        "no": QCoreApplication.translate("handover_report", "no"),
        "talk.note": QCoreApplication.translate("handover_report", "Note"),
        "sig.outgoing": QCoreApplication.translate("handover_report", "Outgoing supervisor"),
        "sig.incoming": QCoreApplication.translate("handover_report", "Incoming supervisor"),
        "sig.line": QCoreApplication.translate("handover_report", "{name}, signed {time}"),
        "sig.none": QCoreApplication.translate("handover_report", "not signed"),
        "sig.checksum": QCoreApplication.translate("handover_report", "Outgoing seal (SHA-256): {checksum}"),
        "sig.checksum_in": QCoreApplication.translate("handover_report", "Incoming seal (SHA-256): {checksum}"),
    }


def _e(text: object) -> str:
    return html.escape(str(text) if text is not None else "")


def _lines(text: str) -> str:
    return "<br/>".join(_e(line) for line in (text or "").splitlines())


class _Clock:
    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz

    def _at(self, iso: str | datetime | None) -> datetime | None:
        if iso is None:
            return None
        at = datetime.fromisoformat(iso) if isinstance(iso, str) else iso
        return at.astimezone(self.tz)

    def hm(self, iso) -> str:
        at = self._at(iso)
        return at.strftime("%H:%M") if at else ""

    def full(self, iso) -> str:
        at = self._at(iso)
        return at.strftime("%Y-%m-%d %H:%M") if at else ""


def _label(w: Mapping[str, str], label: str, value_html: str) -> str:
    return _e(w["label"].format(label="\0", value="\1")).replace("\0", _e(label)).replace("\1", value_html)


def _table(headers: list[tuple[str, int]], rows: list[str]) -> str:
    head = "".join(f'<th width="{width}%">{_e(title)}</th>' for title, width in headers)
    return (f'<table width="100%" cellspacing="0" cellpadding="3" style="margin-bottom: 6px;">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _part(w: Mapping[str, str], step: str, states: Mapping[str, str]) -> str:
    state = w["state." + states.get(step, "todo")]
    return f"<h2>{_e(w['part.' + step])}</h2>" + '<p class="muted">' + _e(w["step.state"].format(state=state)) + "</p>"


def _shift_line(shift: Mapping, w: Mapping[str, str], clock: _Clock) -> str:
    return w["shift.line"].format(shift=shift["shift"], date=shift["day"],
                                  hours=f"{clock.hm(shift['start'])}–{clock.hm(shift['end'])}",
                                  supervisor=shift.get("supervisor") or w["not_set"])


def _attendance(row: Mapping, w: Mapping[str, str], clock: _Clock) -> str:
    status = row["status"]
    if not row.get("rostered", True):
        text = w["att.not_rostered"] + " · " + w.get(f"att.{status}", status)
    elif status == "late":
        text = w["att.late"].format(minutes=row.get("late_minutes") or 0)
    elif status == "leave":
        leave = row.get("leave_type")
        text = w["att.leave"].format(type=w.get(f"leave.{leave}", leave or ""))
    elif status == "swapped":
        text = w["att.swapped"].format(name=row.get("swap_with") or "")
    elif status == "left_early":
        text = w["att.left_early"].format(time=clock.hm(row.get("left_at")))
    else:
        text = w.get(f"att.{status}", status)
    return _e(text)


def _sheet(s: Mapping, w: Mapping[str, str], clock: _Clock) -> list[str]:
    sheet = s["sheet"]
    head = [(w["count.shift"], 10)] + [(w[f"count.{k}"], 10) for k in COUNT_KEYS]
    rows = []
    for side in ("outgoing", "incoming"):
        counts = sheet[side]["counts"]
        cells = "".join(f'<td class="num">{counts.get(k, 0)}</td>' for k in COUNT_KEYS)
        rows.append(f"<tr><td><b>{_e(w[side])}</b><br/>{_e(s[side]['shift'])}</td>{cells}</tr>")
    parts = [_table(head, rows)]
    for side in ("outgoing", "incoming"):
        exceptions = sheet[side]["exceptions"]
        if not exceptions:
            continue
        parts.append(f"<p><b>{_e(w['exceptions'].format(shift=s[side]['shift']))}</b></p>")
        parts.append(_table([(w["col.name"], 30), (w["col.team"], 20), (w["col.attendance"], 25),
                             (w["col.note"], 25)],
                            [f"<tr><td>{_e(r['name'])} ({_e(r['employee_no'])})</td><td>{_e(r.get('team') or '')}</td>"
                             f"<td>{_attendance(r, w, clock)}</td><td>{_e(r.get('note') or '')}</td></tr>"
                             for r in exceptions]))
    parts.append(f"<p><b>{_e(w['changes'])}</b></p>")
    if sheet["changes"]:
        parts.append(_table([(w["col.name"], 25), (w["col.change"], 50), (w["col.by"], 25)],
                            [f"<tr><td>{_e(c.get('agent') or '')}</td><td>{_lines(c['text'])}</td>"
                             f"<td>{_e(c.get('by') or '')} {clock.hm(c.get('at'))}</td></tr>"
                             for c in sheet["changes"]]))
    else:
        parts.append(f"<p>{_e(w['none'])}</p>")
    parts.append(f"<p><b>{_e(w['notices'])}</b></p>")
    if sheet["notices"]:
        rows = []
        for n in sheet["notices"]:
            mark = TICK if n["acknowledged_by_incoming"] else CHECKBOX
            version = _e(w["notice.version"].format(version=n["version"],
                                                     priority=w.get(f"priority.{n['priority']}", n["priority"])))
            rows.append(f"<tr><td><b>{_e(n['title'])}</b><br/><span class=\"muted\">{version}</span></td>"
                        f"<td>{_e(n.get('kb_path') or '')}</td>"
                        f'<td><span style="font-size: 13pt;">{mark}</span></td>'
                        f"<td>{_e(', '.join(n.get('acknowledged_by') or []))}</td></tr>")
        parts.append(_table([(w["col.notice"], 36), (w["col.where"], 22), (w["col.incoming_ack"], 17),
                             (w["col.acked_by"], 25)], rows))
    else:
        parts.append(f"<p>{_e(w['none'])}</p>")
    return parts


def _items(s: Mapping, w: Mapping[str, str], clock: _Clock) -> list[str]:
    items = s.get("items") or []
    counts = s.get("item_counts") or {}
    parts = [f"<p>{_e(w['items.counts'].format(open=counts.get('open', 0), overdue=counts.get('overdue', 0), unacknowledged=counts.get('unacknowledged', 0)))}</p>"]
    if not items:
        return parts + [f"<p>{_e(w['none'])}</p>"]
    rows = []
    for i in items:
        lines = [f"<b>{_lines(i['text'])}</b>"]
        customer = " · ".join(v for v in (i.get("customer_ref"), i.get("customer_name")) if v)
        if customer:
            lines.append(_e(w["item.customer"].format(customer=customer)))
        if i.get("promise"):
            lines.append(_e(w["item.promise"].format(promise=i["promise"])))
        lines.append('<span class="muted">' + _e(w["item.written"].format(time=clock.full(i["event_at"]),
                                                                            author=i["author"])) + "</span>")
        due = clock.full(i.get("due"))
        if i.get("overdue"):
            due = f"<b>{_e(due)}<br/>{_e(w['item.overdue'])}</b>"
        mine = [a for a in i.get("acks") or [] if a.get("instance_id") == s["incoming"]["instance_id"]]
        if i.get("acknowledged_by_incoming") and mine:
            taken = f"{TICK} {_e(mine[-1]['by'])} {clock.hm(mine[-1]['at'])}"
        else:
            taken = f'<span style="font-size: 13pt;">{CHECKBOX}</span>'
        rows.append(f"<tr><td>{'<br/>'.join(lines)}</td><td>{due}</td><td>{_e(i.get('owner') or '')}</td>"
                    f"<td>{taken}</td></tr>")
    return parts + [_table([(w["col.item"], 52), (w["col.due"], 16), (w["col.owner"], 16),
                            (w["col.taken_over"], 16)], rows)]


def _playbooks(s: Mapping, w: Mapping[str, str], clock: _Clock) -> list[str]:
    runs = s.get("playbooks") or {}
    parts = []
    for key in ("active", "finished"):
        found = runs.get(key) or []
        if not found:
            continue
        rows = []
        for r in found:
            if r["status"] == "active" and r.get("next_step"):
                nxt = _e(w["run.next"].format(step=r["next_step"], text=r.get("next_step_text") or ""))
            else:
                nxt = _lines(r.get("outcome") or "")
            rows.append(f"<tr><td><b>{_e(r['title'])}</b></td><td>{clock.full(r['started_at'])}<br/>"
                        f"{_e(r['started_by'])}</td><td>{_e(w['run.steps'].format(marked=r['steps_marked'], steps=r['steps']))}</td>"
                        f"<td>{nxt}</td></tr>")
        parts.append(f"<p><b>{_e(w['runs.' + key])}</b></p>")
        parts.append(_table([(w["col.playbook"], 32), (w["col.started"], 20), (w["col.steps"], 13),
                             (w["col.next"], 35)], rows))
    return parts or [f"<p>{_e(w['none'])}</p>"]


def _seats(s: Mapping, w: Mapping[str, str], clock: _Clock) -> list[str]:
    seats = s.get("seats") or {}
    parts = [f"<p>{_e(w['seats.summary'].format(seated=seats.get('incoming_seated', 0), expected=seats.get('incoming_expected', 0), seats=seats.get('seats', 0)))}</p>"]
    if seats.get("unseated"):
        parts.append(f"<p>{_e(w['seats.unseated'].format(names=', '.join(seats['unseated'])))}</p>")
    out = seats.get("out_of_service") or []
    parts.append(f"<p><b>{_e(w['seats.out'])}</b></p>")
    if out:
        parts.append(_table([(w["col.seat"], 15), (w["col.reason"], 45), (w["col.since"], 20), (w["col.back"], 20)],
                            [f"<tr><td>{_e(o['code'])}</td><td>{_e(o['reason'])}</td><td>{clock.full(o['since'])}</td>"
                             f"<td>{clock.full(o.get('expected_back'))}</td></tr>" for o in out]))
    else:
        parts.append(f"<p>{_e(w['none'])}</p>")
    return parts


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _bar(sl: float | None, target: float, below: bool) -> str:
    """The service level as a row of blocks (one per 5 %), the target marked with '|'."""
    if sl is None:
        return ""
    blocks = int(round(max(0.0, min(100.0, sl)) / 5))
    mark = int(round(max(0.0, min(100.0, target)) / 5))
    colour = "#c62828" if below else "#2e7d32"
    filled = BAR * blocks
    rest = "\u00a0" * max(0, mark - blocks)
    text = f'<span style="color: {colour};">{filled}</span>{rest}'
    return text + ("|" if blocks < mark else "")


def sl_facts(src: Mapping, w: Mapping[str, str]) -> str:
    """How a source's service level was counted, as frozen: definition (worded), threshold T and target. Queues
    with thresholds of their own are named each ("vip 10 · sales 20")."""
    threshold = src.get("threshold_seconds")
    if threshold is not None:
        shown = f"{threshold:g}"
    else:
        own = src.get("queue_thresholds") or {}
        shown = " · ".join(f"{q} {t:g}" for q, t in sorted(own.items())) if own else "–"
    definition = src.get("definition") or ""
    return w["sl.source"].format(source=src["source"], definition=w.get(f"def.{definition}", definition),
                                 threshold=shown, target=f"{src['target_percent']:g}")


def _service_level(s: Mapping, w: Mapping[str, str], clock: _Clock) -> list[str]:
    sources = s.get("service_level") or []
    if not sources:
        return [f"<p>{_e(w['sl.no_data'])}</p>"]
    parts = []
    for src in sources:
        parts.append("<p><b>" + _e(sl_facts(src, w)) + "</b></p>")
        if src.get("vendor_rule"):
            parts.append(f'<p class="muted">{_e(w["sl.vendor"].format(rule=src["vendor_rule"]))}</p>')
        parts.append(f"<p>{_e(w['sl.total'].format(sl=_pct(src.get('service_level')) + ' %', offered=src.get('offered', 0)))}</p>")
        rows = []
        for i in src.get("intervals") or []:
            sl = _pct(i.get("service_level"))
            if i.get("below_target"):
                sl = f"<b>{sl}</b>"
            label = _e(i["label"]) + (f" {_e(w['sl.provisional'])}" if i.get("provisional") else "")
            rows.append(f"<tr><td>{label}</td><td class=\"num\">{i.get('offered') or 0}</td>"
                        f"<td class=\"num\">{i.get('answered') or 0}</td><td class=\"num\">{i.get('abandoned') or 0}</td>"
                        f"<td class=\"num\">{sl}</td><td class=\"num\">{_pct(i.get('asa_seconds'))}</td>"
                        f"<td>{_bar(i.get('service_level'), src['target_percent'], i.get('below_target'))}</td></tr>")
        if rows:
            parts.append(_table([(w["col.interval"], 10), (w["col.offered"], 9), (w["col.answered"], 10),
                                 (w["col.abandoned"], 10), (w["col.sl"], 8), (w["col.asa"], 8), (w["col.bar"], 45)],
                                rows))
        worst = src.get("worst") or []
        if worst:
            parts.append(f"<p><b>{_e(w['sl.worst'])}</b></p>")
            lines = []
            for i in worst:
                head = _e(w["sl.worst.line"].format(interval=i["label"], sl=_pct(i["service_level"]) + " %",
                                                    offered=i.get("offered") or 0))
                notes = [f"{clock.hm(n['at'])} {_lines(n['text'])} ({_e(n['author'])})" for n in i.get("notes") or []]
                body = "<br/>".join(notes) if notes else f'<span class="muted">{_e(w["sl.no_notes"])}</span>'
                lines.append(f"<p><b>{head}</b><br/>{body}</p>")
            parts.extend(lines)
    return parts


def _long_calls(s: Mapping, w: Mapping[str, str], clock: _Clock) -> list[str]:
    calls = s.get("long_calls") or []
    if not calls:
        return [f"<p>{_e(w['none'])}</p>"]
    rows = [f"<tr><td>{_e(c.get('agent_name') or c['agent_login'])}</td><td>{_e(c['queue'])}</td>"
            f"<td>{clock.hm(c['answered_at'])}</td><td class=\"num\">{c['minutes']}</td>"
            f"<td>{clock.hm(c.get('shift_end'))}</td></tr>" for c in calls]
    return [_table([(w["col.agent"], 30), (w["col.queue"], 20), (w["col.answered_at"], 17), (w["col.minutes"], 13),
                    (w["col.shift_end"], 20)], rows)]


def _talk(s: Mapping, handover: Handover, w: Mapping[str, str]) -> list[str]:
    talk = s.get("talk") or {"done": handover.talk_done, "note": handover.note}
    parts = [f"<p>{_e(w['talk.done'].format(answer=w['yes'] if talk.get('done') else w['no']))}</p>"]
    if talk.get("note"):
        parts.append(f"<p>{_label(w, w['talk.note'], _lines(talk['note']))}</p>")
    return parts


def _signature(sig: Signature | None, w: Mapping[str, str], clock: _Clock) -> str:
    if sig is None:
        return f"<b>{_e(w['sig.none'])}</b>"
    return _e(w["sig.line"].format(name=sig.supervisor_name, time=clock.full(sig.at)))


def build_report_html(snapshot: Mapping, handover: Handover, words: Mapping[str, str] | None, tz: str) -> str:
    """The report of `handover` over `snapshot` (its frozen one, or one built now for a draft) as HTML."""
    w = dict(words) if words is not None else report_words()
    clock = _Clock(ZoneInfo(tz))
    s = snapshot
    states = s.get("steps") or {name: state.value for name, state in handover.steps}
    facts = [
        _label(w, w["outgoing"], f"<b>{_e(_shift_line(s['outgoing'], w, clock))}</b>"),
        _label(w, w["incoming"], f"<b>{_e(_shift_line(s['incoming'], w, clock))}</b>"),
        _label(w, w["status"], f"<b>{_e(w['status.' + handover.status.value])}</b>")
        + " &nbsp;&nbsp; " + _label(w, w["as_of"], clock.full(s.get("built_at"))),
    ]
    parts = [f"<h1>{_e(w['title'])} · {_e(handover.site_name)}</h1>", "<p>" + "<br/>".join(facts) + "</p>"]
    if not handover.verified:
        parts.append(f'<p style="color: #c62828;"><b>{_e(w["tampered"])}</b></p>')
    builders = {
        "sheet": lambda: _sheet(s, w, clock),
        "items": lambda: _items(s, w, clock),
        "playbooks": lambda: _playbooks(s, w, clock),
        "seats": lambda: _seats(s, w, clock),
        "service_level": lambda: _service_level(s, w, clock),
        "long_calls": lambda: _long_calls(s, w, clock),
        "talk": lambda: _talk(s, handover, w),
    }
    for step in STEPS:
        parts.append(_part(w, step, states))
        parts.extend(builders[step]())
    parts.append(f"<h2>{_e(w['part.signatures'])}</h2>")
    rows = [f"<tr><td><b>{_e(w['sig.outgoing'])}</b></td><td>{_signature(handover.outgoing_signature, w, clock)}</td></tr>",
            f"<tr><td><b>{_e(w['sig.incoming'])}</b></td><td>{_signature(handover.incoming_signature, w, clock)}</td></tr>"]
    parts.append('<table width="100%" cellspacing="0" cellpadding="6">' + "".join(rows) + "</table>")
    if handover.outgoing_signature is not None:
        parts.append(f'<p class="muted">{_e(w["sig.checksum"].format(checksum=handover.outgoing_signature.checksum))}</p>')
    if handover.incoming_signature is not None:
        parts.append(f'<p class="muted">{_e(w["sig.checksum_in"].format(checksum=handover.incoming_signature.checksum))}</p>')
    return "\n".join(parts)


def report_header(handover: Handover, snapshot: Mapping, printed_at: datetime, words: Mapping[str, str] | None = None
                  ) -> PageHeader:
    """The page header: site, "outgoing date → incoming", print time (in the site's zone)."""
    w = words if words is not None else report_words()
    tz = ZoneInfo(handover.timezone)
    shift = w["header.shift"].format(outgoing=snapshot["outgoing"]["shift"], date=snapshot["outgoing"]["day"],
                                     incoming=snapshot["incoming"]["shift"])
    printed = w["printed"].format(time=printed_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"))
    return PageHeader(handover.site_name, shift, printed)


def _snapshot(handover: Handover) -> Mapping:
    if handover.snapshot is None:
        raise ValueError("the handover has no snapshot to print (build one for a draft first)")
    return handover.snapshot


def paint_report(device: QPagedPaintDevice, handover: Handover, font_family: str,
                 words: Mapping[str, str] | None = None, printed_at: datetime | None = None) -> int:
    """Paint the report on a printer or other paged device (its page layout as set); returns the pages."""
    w = dict(words) if words is not None else report_words()
    s = _snapshot(handover)
    printed_at = printed_at or datetime.now(ZoneInfo(handover.timezone))
    return paint(device, build_report_html(s, handover, w, handover.timezone),
                 report_header(handover, s, printed_at, w), font_family)


def print_report_pdf(handover: Handover, path: str | Path, font_family: str, words: Mapping[str, str] | None = None,
                     printed_at: datetime | None = None) -> int:
    """Write the report of `handover` (its snapshot: the frozen one, or one built for a draft) to an A4 PDF;
    returns the page count (PrintError when it cannot be written)."""
    w = dict(words) if words is not None else report_words()
    s = _snapshot(handover)
    printed_at = printed_at or datetime.now(ZoneInfo(handover.timezone))
    title = f"{w['title']} · {handover.site_name}"
    return write_pdf(path, build_report_html(s, handover, w, handover.timezone),
                     report_header(handover, s, printed_at, w), font_family, title=title)

