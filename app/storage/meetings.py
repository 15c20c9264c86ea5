"""Repository of the meetings: the warm-up library, agenda revisions and post-shift meeting records.

An agenda or a meeting record is never changed in place: saving writes the
next revision of its shift instance, with the instance's row locked so that
two desks saving at once take turns (PostgreSQL; SQLite writes one at a time). An agenda's parts are kept as JSON with
everything they showed (the warm-up's name and how-to included), so a later
change to the library or the log leaves a saved agenda as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.meetings import (
    Agenda,
    AgendaPart,
    AttendanceLine,
    FollowUpLine,
    LessonLine,
    NoticeLine,
    PartKind,
    PostShiftMeeting,
    ShiftSummary,
    SummaryInterval,
    Warmup,
    WarmupKind,
)
from app.storage import shifts as shift_store
from app.storage.models import AgendaRow, PostShiftMeetingRow, ShiftInstanceRow, WarmupRow

# --- warm-ups ---


def _warmup(row: WarmupRow) -> Warmup:
    return Warmup(row.id, row.site_id, row.key, row.language, WarmupKind(row.kind), row.name, row.how_to,
                  row.minutes, row.builtin, row.active)


def list_warmups(session: Session, site_id: int, language: str, include_inactive: bool = False) -> tuple[Warmup, ...]:
    """The library in its order: the shipped classics first (in their file's order), then the center's own."""
    query = select(WarmupRow).where(WarmupRow.site_id == site_id, WarmupRow.language == language)
    if not include_inactive:
        query = query.where(WarmupRow.active.is_(True))
    rows = session.scalars(query.order_by(WarmupRow.builtin.desc(), WarmupRow.id)).all()
    return tuple(_warmup(r) for r in rows)


def get_warmup(session: Session, warmup_id: int) -> Warmup | None:
    row = session.get(WarmupRow, warmup_id)
    return _warmup(row) if row else None


def warmup_keys(session: Session, site_id: int, language: str) -> set[str]:
    return set(session.scalars(select(WarmupRow.key).where(WarmupRow.site_id == site_id,
                                                           WarmupRow.language == language)).all())


def add_warmup(session: Session, site_id: int, warmup: Warmup, by: str, at: datetime) -> Warmup:
    row = WarmupRow(site_id=site_id, key=warmup.key, language=warmup.language, kind=warmup.kind.value,
                    name=warmup.name, how_to=warmup.how_to, minutes=warmup.minutes, builtin=warmup.builtin,
                    active=warmup.active, created_at=at, created_by=by)
    session.add(row)
    session.flush()
    return _warmup(row)


def add_missing_warmups(session: Session, site_id: int, warmups: Iterable[Warmup], by: str,
                        at: datetime) -> tuple[Warmup, ...]:
    """Add those of `warmups` the site's library lacks (by language and key); returns those added.

    Two desks may install the library at once: each insert runs in a savepoint,
    and a key the other desk has just added counts as installed.
    """
    added = []
    have: dict[str, set[str]] = {}
    for warmup in warmups:
        keys = have.setdefault(warmup.language, warmup_keys(session, site_id, warmup.language))
        if warmup.key in keys:
            continue
        try:
            with session.begin_nested():
                stored = add_warmup(session, site_id, warmup, by, at)
        except IntegrityError:
            continue  # installed by another desk meanwhile
        keys.add(warmup.key)
        added.append(stored)
    return tuple(added)


def set_warmup_active(session: Session, warmup_id: int, active: bool) -> Warmup | None:
    row = session.get(WarmupRow, warmup_id)
    if row is None:
        return None
    row.active = active
    session.flush()
    return _warmup(row)


# --- agendas ---


def _instant(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _warmup_json(w: Warmup | None) -> dict | None:
    if w is None:
        return None
    return {"id": w.id, "key": w.key, "language": w.language, "kind": w.kind.value, "name": w.name,
            "how_to": w.how_to, "minutes": w.minutes, "builtin": w.builtin}


def _warmup_of(d: dict | None, site_id: int) -> Warmup | None:
    if not d:
        return None
    return Warmup(d.get("id"), site_id, d["key"], d["language"], WarmupKind(d["kind"]), d["name"], d["how_to"],
                  int(d["minutes"]), bool(d.get("builtin")))


def parts_json(parts: Iterable[AgendaPart]) -> str:
    out = []
    for p in parts:
        out.append({
            "kind": p.kind.value, "minutes": p.minutes, "title": p.title, "text": p.text, "topic": p.topic,
            "attendance": [[a.agent_id, a.name, a.employee_no, a.team, a.mark] for a in p.attendance],
            "notices": [{"id": n.notice_id, "title": n.title, "text": n.text, "priority": n.priority,
                         "version": n.version, "where": n.where} for n in p.notices],
            "follow_ups": [{"id": f.entry_id, "category": f.category, "priority": f.priority, "text": f.text,
                            "owner": f.owner, "customer": f.customer, "due": _instant(f.due),
                            "overdue": f.overdue} for f in p.follow_ups],
            "lessons": [{"source": x.source, "start": _instant(x.interval_start), "label": x.label,
                         "sl": x.service_level, "target": x.target_percent, "definition": x.definition,
                         "offered": x.offered, "answered": x.answered, "abandoned": x.abandoned,
                         "asa": x.asa_seconds} for x in p.lessons],
            "warmup": _warmup_json(p.warmup),
        })
    return json.dumps(out, ensure_ascii=False)


def parts_of(text: str, site_id: int) -> tuple[AgendaPart, ...]:
    parts = []
    for d in json.loads(text or "[]"):
        parts.append(AgendaPart(
            kind=PartKind(d["kind"]), minutes=int(d["minutes"]), title=d.get("title", ""), text=d.get("text", ""),
            topic=d.get("topic", ""),
            attendance=tuple(AttendanceLine(*a) for a in d.get("attendance", ())),
            notices=tuple(NoticeLine(n["id"], n["title"], n["text"], n["priority"], n["version"], n.get("where", ""))
                          for n in d.get("notices", ())),
            follow_ups=tuple(FollowUpLine(f["id"], f["category"], f["priority"], f["text"], f.get("owner", ""),
                                          f.get("customer", ""), _parse(f.get("due")), bool(f.get("overdue")))
                             for f in d.get("follow_ups", ())),
            lessons=tuple(LessonLine(x["source"], _parse(x["start"]), x["label"], x["sl"], x["target"],
                                     x["definition"], x.get("offered"), x.get("answered"), x.get("abandoned"),
                                     x.get("asa")) for x in d.get("lessons", ())),
            warmup=_warmup_of(d.get("warmup"), site_id),
        ))
    return tuple(parts)


def next_revision(session: Session, row_type, instance_id: int) -> int:
    """The next revision of the instance's agendas or meeting records. The instance's row is locked first, so a
    second desk saving at the same moment waits for the first to commit and then counts its revision too."""
    shift_store.lock_instance(session, instance_id)
    current = session.scalar(select(func.max(row_type.revision)).where(row_type.instance_id == instance_id))
    return (current or 0) + 1


def add_agenda(session: Session, agenda: Agenda, by: str, at: datetime) -> int:
    """Write the next revision of the instance's agenda; returns its revision number."""
    revision = next_revision(session, AgendaRow, agenda.instance_id)
    warmup = agenda.warmup
    session.add(AgendaRow(site_id=agenda.site_id, instance_id=agenda.instance_id, revision=revision,
                          language=agenda.language, meeting_start=agenda.meeting_start,
                          meeting_end=agenda.meeting_end, warmup_id=warmup.id if warmup else None,
                          parts=parts_json(agenda.parts), created_at=at, created_by=by))
    session.flush()
    return revision


def latest_agenda_row(session: Session, instance_id: int) -> AgendaRow | None:
    return session.scalar(select(AgendaRow).where(AgendaRow.instance_id == instance_id)
                          .order_by(AgendaRow.revision.desc()).limit(1))


def agenda_revisions(session: Session, instance_id: int) -> tuple[tuple[int, str, datetime], ...]:
    """(revision, by, at) of every saved revision, oldest first."""
    rows = session.execute(select(AgendaRow.revision, AgendaRow.created_by, AgendaRow.created_at)
                           .where(AgendaRow.instance_id == instance_id).order_by(AgendaRow.revision)).all()
    return tuple((r, by, at) for r, by, at in rows)


def previous_warmup(session: Session, site_id: int, before_day: date, before_instance: int | None,
                    language: str) -> Warmup | None:
    """The warm-up of the newest saved agenda of another instance of the site on or before `before_day`
    (`before_instance` None: a shift with no instance yet, so any instance counts)."""
    query = (select(AgendaRow).join(ShiftInstanceRow, ShiftInstanceRow.id == AgendaRow.instance_id)
             .where(AgendaRow.site_id == site_id, AgendaRow.language == language, ShiftInstanceRow.day <= before_day))
    if before_instance is not None:
        query = query.where(AgendaRow.instance_id != before_instance)
    row = session.scalar(query.order_by(AgendaRow.meeting_start.desc(), AgendaRow.revision.desc()).limit(1))
    if row is None:
        return None
    return next((p.warmup for p in parts_of(row.parts, site_id) if p.warmup is not None), None)


# --- post-shift meetings ---


def _summary_json(summary: ShiftSummary, text: str) -> str:
    return json.dumps({
        "text": text,
        "intervals": [{"source": i.source, "start": _instant(i.interval_start), "label": i.label,
                       "sl": i.service_level, "target": i.target_percent, "offered": i.offered,
                       "answered": i.answered, "abandoned": i.abandoned} for i in summary.intervals],
        "total": dict(summary.total_service_level),
        "counts": {k: getattr(summary, k) for k in ("scheduled", "present", "late", "absent", "leave", "swapped",
                                                   "left_early", "unmarked")},
    }, ensure_ascii=False)


def _summary_of(text: str) -> tuple[ShiftSummary, str]:
    d = json.loads(text or "{}")
    intervals = tuple(SummaryInterval(i["source"], _parse(i["start"]), i["label"], i["sl"], i["target"],
                                      i.get("offered"), i.get("answered"), i.get("abandoned"))
                      for i in d.get("intervals", ()))
    return ShiftSummary(intervals, dict(d.get("total", {})), **d.get("counts", {})), d.get("text", "")


def _meeting(row: PostShiftMeetingRow) -> PostShiftMeeting:
    summary, text = _summary_of(row.summary)
    return PostShiftMeeting(row.id, row.instance_id, row.revision, row.started_at, row.ended_at, summary, text,
                            row.case_entry_id, row.notes, row.tomorrow_topic, row.created_by, row.created_at)


def add_post_shift(session: Session, site_id: int, instance_id: int, started_at: datetime, ended_at: datetime,
                   summary: ShiftSummary, summary_text: str, case_entry_id: int | None, notes: str,
                   tomorrow_topic: str, by: str, at: datetime) -> PostShiftMeeting:
    row = PostShiftMeetingRow(site_id=site_id, instance_id=instance_id,
                              revision=next_revision(session, PostShiftMeetingRow, instance_id),
                              started_at=started_at, ended_at=ended_at, summary=_summary_json(summary, summary_text),
                              case_entry_id=case_entry_id, notes=notes, tomorrow_topic=tomorrow_topic,
                              created_at=at, created_by=by)
    session.add(row)
    session.flush()
    return _meeting(row)


def latest_post_shift(session: Session, instance_id: int) -> PostShiftMeeting | None:
    row = session.scalar(select(PostShiftMeetingRow).where(PostShiftMeetingRow.instance_id == instance_id)
                         .order_by(PostShiftMeetingRow.revision.desc()).limit(1))
    return _meeting(row) if row else None


def post_shift_history(session: Session, instance_id: int) -> tuple[PostShiftMeeting, ...]:
    rows = session.scalars(select(PostShiftMeetingRow).where(PostShiftMeetingRow.instance_id == instance_id)
                           .order_by(PostShiftMeetingRow.revision)).all()
    return tuple(_meeting(r) for r in rows)


def latest_topic(session: Session, site_id: int, first_day: date, last_day: date,
                 before: datetime) -> str:
    """Tomorrow's topic of the newest post-shift meeting of the site held before `before` on a shift of
    `first_day`..`last_day` (latest revision of each meeting); "" when none set one."""
    rows = session.scalars(
        select(PostShiftMeetingRow).join(ShiftInstanceRow, ShiftInstanceRow.id == PostShiftMeetingRow.instance_id)
        .where(PostShiftMeetingRow.site_id == site_id, ShiftInstanceRow.day >= first_day,
               ShiftInstanceRow.day <= last_day, PostShiftMeetingRow.started_at < before)
        .order_by(PostShiftMeetingRow.started_at.desc(), PostShiftMeetingRow.revision.desc())).all()
    latest: dict[int, PostShiftMeetingRow] = {}
    for row in rows:
        if row.instance_id not in latest or row.revision > latest[row.instance_id].revision:
            latest[row.instance_id] = row
    newest = sorted(latest.values(), key=lambda r: r.started_at, reverse=True)
    return newest[0].tomorrow_topic.strip() if newest else ""
