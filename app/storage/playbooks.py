"""Repository of playbooks (versioned rows), their contacts and runs (with append-only marks and notes).

A playbook version is never changed after it is written, except its
`retired` flag (set on every version of a retired key). A run points at the
version it used; its marks and notes are only ever added. Alerts and rule
settings live in app.storage.playbook_alerts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, time

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.domain.playbooks import (
    Contact,
    Playbook,
    PlaybookDraft,
    Run,
    RunStatus,
    Severity,
    Step,
    StepMark,
    StepState,
    Trigger,
)
from app.storage.models import (
    PlaybookContactRow,
    PlaybookRow,
    PlaybookRunMarkRow,
    PlaybookRunNoteRow,
    PlaybookRunRow,
)

# --- playbooks ---


def _steps_json(steps: Iterable[Step]) -> str:
    return json.dumps([{"text": s.text, "role": s.role, "minutes": s.minutes, "if_fails_goto": s.if_fails_goto}
                       for s in steps], ensure_ascii=False)


def _playbook(row: PlaybookRow) -> Playbook:
    steps = tuple(Step(s["text"], s.get("role") or "supervisor", int(s.get("minutes", 5)), s.get("if_fails_goto"))
                  for s in json.loads(row.steps or "[]"))
    return Playbook(
        id=row.id, site_id=row.site_id, key=row.key, version=row.version, title=row.title,
        situation=row.situation, recognise=row.recognise, severity=Severity(row.severity),
        roles=tuple(json.loads(row.roles or "[]")), steps=steps, language=row.language,
        created_at=row.created_at, created_by=row.created_by, retired=bool(row.retired),
    )


def add_playbook(session: Session, site_id: int, draft: PlaybookDraft, version: int, by: str, at: datetime,
                 retired: bool = False) -> Playbook:
    """Store `draft` as version `version` of its key."""
    row = PlaybookRow(site_id=site_id, key=draft.key, version=version, title=draft.title, situation=draft.situation,
                      recognise=draft.recognise, severity=Severity(draft.severity).value,
                      roles=json.dumps(list(draft.roles), ensure_ascii=False), steps=_steps_json(draft.steps),
                      language=draft.language, created_at=at, created_by=by, retired=retired)
    session.add(row)
    session.flush()
    return _playbook(row)


def get_playbook(session: Session, playbook_id: int) -> Playbook | None:
    row = session.get(PlaybookRow, playbook_id)
    return _playbook(row) if row else None


def latest(session: Session, site_id: int, key: str) -> Playbook | None:
    """The newest version of `key` at the site (retired or not)."""
    row = session.scalars(select(PlaybookRow).where(PlaybookRow.site_id == site_id, PlaybookRow.key == key)
                          .order_by(PlaybookRow.version.desc()).limit(1)).first()
    return _playbook(row) if row else None


def latest_versions(session: Session, site_id: int, include_retired: bool = False) -> tuple[Playbook, ...]:
    """The newest version of each key at the site (unordered)."""
    newest = (select(PlaybookRow.key, func.max(PlaybookRow.version).label("version"))
              .where(PlaybookRow.site_id == site_id).group_by(PlaybookRow.key).subquery())
    query = (select(PlaybookRow).join(newest, (PlaybookRow.key == newest.c.key)
                                      & (PlaybookRow.version == newest.c.version))
             .where(PlaybookRow.site_id == site_id))
    if not include_retired:
        query = query.where(PlaybookRow.retired.is_(False))
    return tuple(_playbook(r) for r in session.scalars(query))


def versions(session: Session, site_id: int, key: str) -> tuple[Playbook, ...]:
    """Every version of `key`, oldest first."""
    query = (select(PlaybookRow).where(PlaybookRow.site_id == site_id, PlaybookRow.key == key)
             .order_by(PlaybookRow.version))
    return tuple(_playbook(r) for r in session.scalars(query))


def keys(session: Session, site_id: int) -> set[str]:
    """Every key the site has a playbook of (retired ones included)."""
    return set(session.scalars(select(PlaybookRow.key).where(PlaybookRow.site_id == site_id).distinct()))


def set_retired(session: Session, site_id: int, key: str, retired: bool, by: str | None = None,
                at: datetime | None = None) -> int:
    """Set the retired flag (and who retired it, when) on every version of `key`; how many rows changed."""
    result = session.execute(update(PlaybookRow).where(PlaybookRow.site_id == site_id, PlaybookRow.key == key,
                                                       PlaybookRow.retired.is_(not retired))
                             .values(retired=retired, retired_by=by if retired else None,
                                     retired_at=at if retired else None))
    session.flush()
    return result.rowcount or 0


# --- contacts ---


def _contact(row: PlaybookContactRow) -> Contact:
    return Contact(id=row.id, site_id=row.site_id, role=row.role, name=row.name, phone=row.phone,
                   when_to_call=row.when_to_call, on_from=row.on_from, on_until=row.on_until, active=bool(row.active))


def list_contacts(session: Session, site_id: int, include_inactive: bool = False) -> tuple[Contact, ...]:
    """The site's contacts by role, then id."""
    query = select(PlaybookContactRow).where(PlaybookContactRow.site_id == site_id)
    if not include_inactive:
        query = query.where(PlaybookContactRow.active.is_(True))
    return tuple(_contact(r) for r in session.scalars(query.order_by(PlaybookContactRow.role,
                                                                      PlaybookContactRow.id)))


def get_contact(session: Session, contact_id: int) -> Contact | None:
    row = session.get(PlaybookContactRow, contact_id)
    return _contact(row) if row else None


def save_contact(session: Session, site_id: int, role: str, name: str, phone: str, when_to_call: str,
                 on_from: time | None, on_until: time | None, contact_id: int | None = None) -> Contact:
    """Add a contact (`contact_id` None) or replace the fields of one (it becomes active again)."""
    row = session.get(PlaybookContactRow, contact_id) if contact_id is not None else None
    if row is None:
        row = PlaybookContactRow(site_id=site_id)
        session.add(row)
    row.role, row.name, row.phone, row.when_to_call = role, name, phone, when_to_call
    row.on_from, row.on_until, row.active = on_from, on_until, True
    session.flush()
    return _contact(row)


def set_contact_active(session: Session, contact_id: int, active: bool) -> Contact | None:
    row = session.get(PlaybookContactRow, contact_id)
    if row is None:
        return None
    row.active = active
    session.flush()
    return _contact(row)


# --- runs ---


def add_run(session: Session, site_id: int, instance_id: int | None, playbook_id: int, started_at: datetime,
            started_by: str, trigger: Trigger | None) -> int:
    """Store a new active run; its id."""
    row = PlaybookRunRow(site_id=site_id, instance_id=instance_id, playbook_id=playbook_id, started_at=started_at,
                         started_by=started_by, status=RunStatus.ACTIVE.value, closed_by="", outcome="")
    if trigger is not None:
        row.trigger_rule, row.trigger_source = trigger.rule, trigger.source
        row.trigger_interval_start, row.trigger_level = trigger.interval_start, trigger.level
    session.add(row)
    session.flush()
    return row.id


def set_log_entry(session: Session, run_id: int, entry_id: int) -> None:
    session.get(PlaybookRunRow, run_id).log_entry_id = entry_id
    session.flush()


def add_mark(session: Session, mark: StepMark) -> None:
    session.add(PlaybookRunMarkRow(run_id=mark.run_id, step=mark.step, state=mark.state.value, by=mark.by,
                                   at=mark.at, note=mark.note, reason=mark.reason))
    session.flush()


def add_note(session: Session, run_id: int, step: int, text: str, by: str, at: datetime) -> None:
    session.add(PlaybookRunNoteRow(run_id=run_id, step=step, text=text, by=by, at=at))
    session.flush()


def close_run(session: Session, run_id: int, outcome: str, by: str, at: datetime) -> None:
    row = session.get(PlaybookRunRow, run_id)
    row.status, row.outcome, row.closed_by, row.closed_at = RunStatus.CLOSED.value, outcome, by, at
    session.flush()


def _runs(session: Session, rows: list[PlaybookRunRow]) -> tuple[Run, ...]:
    if not rows:
        return ()
    ids = [r.id for r in rows]
    marks: dict[int, list[StepMark]] = {}
    notes: dict[int, list[tuple[int, str, str, datetime]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for m in session.scalars(select(PlaybookRunMarkRow).where(PlaybookRunMarkRow.run_id.in_(chunk))
                                 .order_by(PlaybookRunMarkRow.id)):
            marks.setdefault(m.run_id, []).append(StepMark(m.run_id, m.step, StepState(m.state), m.by, m.at,
                                                           m.note, m.reason))
        for n in session.scalars(select(PlaybookRunNoteRow).where(PlaybookRunNoteRow.run_id.in_(chunk))
                                 .order_by(PlaybookRunNoteRow.id)):
            notes.setdefault(n.run_id, []).append((n.step, n.text, n.by, n.at))
    playbooks = {r.playbook_id: None for r in rows}
    for pid in playbooks:
        playbooks[pid] = get_playbook(session, pid)
    out = []
    for r in rows:
        trigger = None
        if r.trigger_rule is not None:
            trigger = Trigger(r.trigger_rule, r.trigger_source or "", r.trigger_interval_start, r.trigger_level or "")
        out.append(Run(
            id=r.id, site_id=r.site_id, instance_id=r.instance_id, playbook=playbooks[r.playbook_id],
            started_at=r.started_at, started_by=r.started_by, trigger=trigger, marks=tuple(marks.get(r.id, ())),
            notes=tuple(notes.get(r.id, ())), status=RunStatus(r.status), closed_at=r.closed_at,
            closed_by=r.closed_by, outcome=r.outcome, log_entry_id=r.log_entry_id,
        ))
    return tuple(out)


def get_run(session: Session, run_id: int) -> Run | None:
    row = session.get(PlaybookRunRow, run_id)
    return _runs(session, [row])[0] if row else None


def active_runs(session: Session, site_id: int) -> tuple[Run, ...]:
    """The site's active runs, oldest start first."""
    query = (select(PlaybookRunRow).where(PlaybookRunRow.site_id == site_id,
                                          PlaybookRunRow.status == RunStatus.ACTIVE.value)
             .order_by(PlaybookRunRow.started_at, PlaybookRunRow.id))
    return _runs(session, list(session.scalars(query)))


def runs_of_instance(session: Session, instance_id: int) -> tuple[Run, ...]:
    """The runs started in the shift `instance_id`, oldest start first."""
    query = (select(PlaybookRunRow).where(PlaybookRunRow.instance_id == instance_id)
             .order_by(PlaybookRunRow.started_at, PlaybookRunRow.id))
    return _runs(session, list(session.scalars(query)))
