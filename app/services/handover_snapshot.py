"""The snapshot of a handover: every figure the seven steps show, as plain JSON (what the outgoing signature freezes).

Built from the services the views use, at `now`; instants are ISO 8601 in
the site's local time (with the offset), so a printed report reads them as
they were. Keys:

- `outgoing`, `incoming`: instance_id, shift, day, start, end, supervisor.
- `sheet` (step 1): `outgoing` / `incoming` attendance: scheduled and counts
  by status, per team, and the rows that are not simply present (exceptions);
  `changes`: personnel changes recorded on either shift; `notices`: the notices
  in force for the incoming shift, each with its version, who acknowledged that
  version, and whether the incoming supervisor did (`acknowledged_by_incoming`).
- `items` (step 2): the open work-log items the incoming shift takes over
  (carried from earlier shifts, and those written in the outgoing shift), with
  owner, due, overdue, acknowledgements and whether the incoming shift
  acknowledged each; `item_counts`.
- `playbooks` (step 3): runs of the outgoing shift (`finished`, `active`) and
  any other run of the site still active.
- `seats` (step 4): seats out of service; the incoming shift's seated count,
  expected agents and the names of those expected but not seated.
- `service_level` (step 5): per feed source of the site: the SL definition
  name, threshold and target used, each half hour of the outgoing shift up to
  `now` (offered, answered, abandoned, SL, below target, ASA, AHT), the total,
  and the worst intervals below target with their notes (the outgoing shift's
  work-log entries of that half hour).
- `long_calls` (step 6): agents still on long calls at the shift change.
- `talk` (step 7): done flag and note; `steps`: the checklist states.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta

from app.domain.attendance import AttendanceStatus, ShiftSheet
from app.domain.handover import SNAPSHOT_VERSION, Handover, worst_intervals
from app.domain.intervals import INTERVAL_SECONDS, zone
from app.domain.playbooks import Run, current_step, step_states
from app.domain.service_level import IntervalFigures
from app.domain.worklog import Entry, ShiftLog
from app.services import playbooks, seating, sheet, worklog
from app.services.console import Console
from app.services.day_view import day_view
from app.services.playbook_alerts import long_calls_at_shift_change
from app.services.sources import list_sources


def snapshot_of(console: Console, handover: Handover, now: datetime) -> dict:
    """The snapshot of `handover` at `now` (see the module docstring)."""
    tz = zone(handover.timezone)
    out_sheet = sheet.load_sheet(console, handover.outgoing.day, handover.outgoing.definition.id, now,
                                 handover.site_id)
    in_sheet = sheet.load_sheet(console, handover.incoming.day, handover.incoming.definition.id, now,
                                handover.site_id)
    out_log = worklog.shift_log(console, handover.outgoing.id, now)
    in_log = worklog.shift_log(console, handover.incoming.id, now)
    incoming_supervisor = handover.incoming_supervisor_id or in_sheet.instance.supervisor_id
    sources = [s for s in list_sources(console) if s.site.id == handover.site_id]

    def iso(at: datetime | None) -> str | None:
        return at.astimezone(tz).isoformat() if at is not None else None

    return {
        "version": SNAPSHOT_VERSION,
        "site": handover.site_name,
        "timezone": handover.timezone,
        "handover_id": handover.id,
        "built_at": iso(now),
        "outgoing": _shift(out_sheet, iso),
        "incoming": _shift(in_sheet, iso),
        "sheet": {
            "outgoing": _attendance(out_sheet, iso),
            "incoming": _attendance(in_sheet, iso),
            "changes": [_change(c, "outgoing", iso) for c in out_sheet.changes]
                       + [_change(c, "incoming", iso) for c in in_sheet.changes],
            "notices": [_notice(n, incoming_supervisor, iso) for n in in_sheet.notices],
        },
        **_items(out_log, in_log, iso),
        "playbooks": _playbooks(console, handover, iso),
        "seats": _seats(console, handover, now, iso),
        "service_level": [_service_level(console, s, out_log, now, tz, iso) for s in sources],
        "long_calls": [_long_call(c, iso) for s in sources for c in long_calls_at_shift_change(console, s.name, now)],
        "talk": {"done": handover.talk_done, "note": handover.note},
        "steps": {name: state.value for name, state in handover.steps},
    }


def _shift(s: ShiftSheet, iso) -> dict:
    return {
        "instance_id": s.instance.id,
        "shift": s.instance.definition.name,
        "day": s.instance.day.isoformat(),
        "start": iso(s.start),
        "end": iso(s.end),
        "supervisor": s.instance.supervisor_name,
    }


def _attendance(s: ShiftSheet, iso) -> dict:
    rows = [r for r in s.rows if r.rostered]
    exceptions = []
    for r in s.rows:
        if r.mark.status is AttendanceStatus.PRESENT and r.rostered:
            continue
        exceptions.append({
            "name": r.agent.name,
            "employee_no": r.agent.employee_no,
            "team": r.agent.team_name,
            "status": r.mark.status.value,
            "late_minutes": r.mark.late_minutes,
            "leave_type": r.mark.leave_type.value if r.mark.leave_type else None,
            "swap_with": r.mark.swap_with_name,
            "left_at": iso(r.mark.left_at),
            "note": r.mark.note,
            "rostered": r.rostered,
        })
    return {
        "rows": len(rows),
        "counts": asdict(s.counts) | {"expected": s.counts.expected},
        "teams": [{"team": team, "counts": asdict(c)} for team, c in s.team_counts],
        "exceptions": exceptions,
    }


def _change(c, shift: str, iso) -> dict:
    return {"shift": shift, "kind": c.kind.value, "agent": c.agent_name, "text": c.text, "by": c.recorded_by,
            "at": iso(c.recorded_at)}


def _notice(n, incoming_supervisor: int | None, iso) -> dict:
    current = [a for a in n.acks if a.version == n.version]
    return {
        "id": n.id,
        "title": n.title,
        "priority": n.priority.value,
        "version": n.version,
        "effective_from": iso(n.effective_from),
        "effective_to": iso(n.effective_to),
        "explain_at_meeting": n.explain_at_meeting,
        "kb_path": n.kb_path,
        "acknowledged_by": sorted({a.supervisor_name for a in current}),
        "acknowledged_by_incoming": incoming_supervisor is not None
        and any(a.supervisor_id == incoming_supervisor for a in current),
    }


def _item(e: Entry, incoming_id: int, now: datetime, iso) -> dict:
    return {
        "id": e.id,
        "text": e.text,
        "category": e.category.value,
        "priority": e.priority.value,
        "status": e.status.value if e.status else None,
        "event_at": iso(e.event_at),
        "author": e.author,
        "owner": e.owner,
        "due": iso(e.due),
        "overdue": e.due is not None and e.due <= now,
        "customer_ref": e.customer_ref,
        "customer_name": e.customer_name,
        "promise": e.promise,
        "acks": [{"by": a.by, "at": iso(a.at), "owner": a.owner, "instance_id": a.instance_id} for a in e.acks],
        "acknowledged_by_incoming": e.acknowledged_in(incoming_id),
    }


def _items(out_log: ShiftLog, in_log: ShiftLog, iso) -> dict:
    now, incoming_id = in_log.at, in_log.instance.id
    entries = [c.entry for c in in_log.carried]
    known = {e.id for e in entries}
    entries += [e for e in out_log.entries if e.open and e.id not in known]
    items = [_item(e, incoming_id, now, iso) for e in entries]
    return {
        "items": items,
        "item_counts": {
            "open": len(items),
            "overdue": sum(1 for i in items if i["overdue"]),
            "unacknowledged": sum(1 for i in items if not i["acknowledged_by_incoming"]),
        },
    }


def _run(run: Run, iso) -> dict:
    marks = step_states(run)
    nxt = current_step(run) if run.active else None
    return {
        "id": run.id,
        "key": run.playbook.key,
        "title": run.playbook.title,
        "version": run.playbook.version,
        "status": run.status.value,
        "started_at": iso(run.started_at),
        "started_by": run.started_by,
        "closed_at": iso(run.closed_at),
        "outcome": run.outcome,
        "steps": len(run.playbook.steps),
        "steps_marked": len(marks),
        "next_step": nxt,
        "next_step_text": run.playbook.steps[nxt - 1].text if nxt else None,
    }


def _playbooks(console: Console, handover: Handover, iso) -> dict:
    own = playbooks.runs_of_shift(console, handover.outgoing.id)
    others = [r for r in playbooks.active_runs(console, handover.site_id) if r.id not in {o.id for o in own}]
    return {
        "finished": [_run(r, iso) for r in own if not r.active],
        "active": [_run(r, iso) for r in own if r.active] + [_run(r, iso) for r in others],
    }


def _seats(console: Console, handover: Handover, now: datetime, iso) -> dict:
    seat_map = seating.seat_map(console, handover.incoming.id, now)
    seats = [s for layout in seat_map.layouts for s in layout.seats]
    floors = {layout.floor.id: layout.floor.name for layout in seat_map.layouts}
    out = [{"code": s.code, "floor": floors.get(s.floor_id), "reason": s.out_of_service.reason,
            "since": iso(s.out_of_service.since), "expected_back": iso(s.out_of_service.expected_back)}
           for s in sorted(seats, key=lambda s: s.code) if s.out_of_service is not None]
    seated = {p.agent_id for p in seat_map.assignments}
    names = {a.id: a.name for a in seat_map.agents}
    unseated = sorted(names.get(i, str(i)) for i in seat_map.present_ids - seated)
    return {
        "out_of_service": out,
        "seats": len(seats),
        "incoming_seated": len(seated),
        "incoming_expected": len(seat_map.present_ids),
        "unseated": unseated,
    }


def _service_level(console: Console, source, out_log: ShiftLog, now: datetime, tz, iso) -> dict:
    start, end = out_log.start, min(out_log.end, now)
    days = sorted({start.astimezone(tz).date(), (end - timedelta(seconds=1)).astimezone(tz).date()})
    views = [day_view(console, source.name, day, now=now) for day in days]
    intervals = []
    for view in views:
        for slot in view.slots:
            at = datetime.fromtimestamp(slot.start, tz)
            if not (start <= at < end) or slot.figures is None:
                continue
            f = slot.figures
            intervals.append({
                "start": iso(at),
                "label": slot.label,
                "offered": f.offered,
                "answered": f.answered,
                "abandoned": f.abandoned,
                "service_level": _round(slot.service_level),
                "below_target": slot.below_target,
                "provisional": slot.provisional,
                "asa_seconds": _round(f.asa_seconds),
                "aht_seconds": _round(f.aht_seconds),
            })
    view = views[0]
    offered = sum(i["offered"] or 0 for i in intervals)
    worst = []
    for interval in worst_intervals(intervals):
        at = datetime.fromisoformat(interval["start"])
        notes = [{"id": e.id, "at": iso(e.event_at), "text": e.text, "author": e.author,
                  "category": e.category.value}
                 for e in out_log.entries
                 if e.withdrawn is None and at <= e.event_at < at + timedelta(seconds=INTERVAL_SECONDS)]
        worst.append(dict(interval) | {"notes": notes})
    return {
        "source": source.name,
        "definition": view.definition.value,
        "threshold_seconds": view.threshold_seconds,
        # Queues counted with thresholds of their own (when they differ, threshold_seconds is None).
        "queue_thresholds": ({q: source.settings_for(q).threshold_seconds for q in view.queues}
                             if view.threshold_seconds is None else {}),
        "target_percent": view.target_percent,
        "vendor_rule": view.vendor_rule,
        "offered": offered,
        "service_level": _round(_total(views, start, end, tz)),
        "intervals": intervals,
        "worst": worst,
    }


def _total(views, start: datetime, end: datetime, tz) -> float | None:
    """Volume-weighted service level over the shift's covered intervals (never an average of percentages)."""
    parts = [s.figures for v in views for s in v.slots
             if s.figures is not None and start <= datetime.fromtimestamp(s.start, tz) < end]
    if not parts:
        return None
    return IntervalFigures.total(parts).service_level(views[0].definition)


def _long_call(c, iso) -> dict:
    return {"agent_login": c.agent_login, "agent_name": c.agent_name, "answered_at": iso(c.answered_at),
            "minutes": int(c.seconds // 60), "queue": c.queue, "shift_end": iso(c.shift_end)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)
