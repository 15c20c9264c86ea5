"""Repository of handovers (domain values in and out).

A draft's checklist, talk flag and note change in place; signing stores the
snapshot text and its checksums once. Reading a handover recomputes the
checksum of the stored snapshot (`Handover.verified`).
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.handover import SEAL_VERSION, Handover, HandoverStatus, Signature, StepState, clean_steps, verify_sealed
from app.storage import shifts as shift_store
from app.storage.models import HandoverRow, SupervisorRow


def _steps(raw: str) -> tuple[tuple[str, StepState], ...]:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        data = {}
    return clean_steps({k: v for k, v in data.items() if isinstance(k, str)} if isinstance(data, dict) else {})


def _signature(session: Session, supervisor_id: int | None, name: str | None, at: datetime | None,
               checksum: str | None) -> Signature | None:
    if at is None or supervisor_id is None:
        return None
    if name is None:  # not kept (a row written by hand): the name as it is now, which the seal then refuses
        supervisor = session.get(SupervisorRow, supervisor_id)
        name = supervisor.name if supervisor else str(supervisor_id)
    return Signature(supervisor_id, name, at, checksum or "")


def _handover(session: Session, row: HandoverRow) -> Handover:
    site = shift_store.site(session, row.site_id)
    status = HandoverStatus(row.status)
    outgoing = shift_store.get_instance(session, row.outgoing_instance_id)
    incoming = shift_store.get_instance(session, row.incoming_instance_id)
    out_sig = _signature(session, row.outgoing_supervisor_id, row.outgoing_signer_name, row.outgoing_signed_at,
                         row.outgoing_checksum)
    in_sig = _signature(session, row.incoming_supervisor_id, row.incoming_signer_name, row.incoming_signed_at,
                        row.incoming_checksum)
    snapshot, verified = verify_sealed(status, row.snapshot, out_sig, in_sig, row.seal_version or 1)
    return Handover(
        id=row.id,
        site_id=row.site_id,
        # Once frozen, the site as the snapshot names it (a later rename does not change a signed handover).
        site_name=str(snapshot.get("site") or site.name) if snapshot else site.name,
        timezone=site.timezone,
        outgoing=outgoing,
        incoming=incoming,
        status=status,
        steps=_steps(row.steps),
        talk_done=bool(row.talk_done),
        note=row.note or "",
        created_at=row.created_at,
        updated_at=row.updated_at,
        # Before a side signs: the supervisor on duty of its shift now (the shift sheet may change it).
        outgoing_supervisor_id=row.outgoing_supervisor_id if out_sig else outgoing.supervisor_id,
        incoming_supervisor_id=row.incoming_supervisor_id if in_sig else incoming.supervisor_id,
        outgoing_signature=out_sig,
        incoming_signature=in_sig,
        snapshot=snapshot,
        verified=verified,
    )


def _row(session: Session, handover_id: int, lock: bool = False) -> HandoverRow | None:
    if not lock:
        return session.get(HandoverRow, handover_id)
    return session.scalar(select(HandoverRow).where(HandoverRow.id == handover_id).with_for_update())


def get(session: Session, handover_id: int, lock: bool = False) -> Handover | None:
    """The handover; `lock`: its row is locked until the transaction ends (PostgreSQL), for a signature."""
    row = _row(session, handover_id, lock)
    return _handover(session, row) if row else None


def snapshot_text(session: Session, handover_id: int) -> str | None:
    row = session.get(HandoverRow, handover_id)
    return row.snapshot if row else None


def find_by_outgoing(session: Session, outgoing_instance_id: int) -> Handover | None:
    row = session.scalar(select(HandoverRow).where(HandoverRow.outgoing_instance_id == outgoing_instance_id))
    return _handover(session, row) if row else None


def add(session: Session, site_id: int, outgoing_instance_id: int, incoming_instance_id: int,
        outgoing_supervisor_id: int | None, incoming_supervisor_id: int | None, now: datetime) -> Handover:
    """A new draft; when another desk created the shift's handover meanwhile, that one."""
    try:
        with session.begin_nested():
            row = HandoverRow(
                site_id=site_id, outgoing_instance_id=outgoing_instance_id, incoming_instance_id=incoming_instance_id,
                outgoing_supervisor_id=outgoing_supervisor_id, incoming_supervisor_id=incoming_supervisor_id,
                status=HandoverStatus.DRAFT.value, steps=json.dumps({}), talk_done=False, note="",
                created_at=now, updated_at=now,
            )
            session.add(row)
    except IntegrityError:
        return find_by_outgoing(session, outgoing_instance_id)
    return _handover(session, row)


def save_progress(session: Session, handover_id: int, steps: tuple[tuple[str, StepState], ...], talk_done: bool,
                  note: str, now: datetime) -> Handover:
    row = session.get(HandoverRow, handover_id)
    row.steps = json.dumps({name: state.value for name, state in steps}, sort_keys=True)
    row.talk_done = bool(talk_done)
    row.note = note
    row.updated_at = now
    session.flush()
    return _handover(session, row)


def sign_outgoing(session: Session, handover_id: int, supervisor_id: int, name: str, snapshot: str, seal: str,
                  at: datetime) -> Handover:
    """Freeze the snapshot text with the outgoing signature and its seal (`at` as sealed: whole seconds)."""
    row = session.get(HandoverRow, handover_id)
    row.outgoing_supervisor_id = supervisor_id
    row.outgoing_signer_name = name
    row.outgoing_signed_at = at
    row.snapshot = snapshot
    row.outgoing_checksum = seal
    row.seal_version = SEAL_VERSION
    row.status = HandoverStatus.OUTGOING_SIGNED.value
    row.updated_at = at
    session.flush()
    return _handover(session, row)


def sign_incoming(session: Session, handover_id: int, supervisor_id: int, name: str, seal: str,
                  at: datetime) -> Handover:
    row = session.get(HandoverRow, handover_id)
    row.incoming_supervisor_id = supervisor_id
    row.incoming_signer_name = name
    row.incoming_signed_at = at
    row.incoming_checksum = seal
    row.status = HandoverStatus.SIGNED.value
    row.updated_at = at
    session.flush()
    return _handover(session, row)


def brief_by_outgoing(session: Session, outgoing_instance_ids) -> dict[int, tuple[int, HandoverStatus, datetime | None]]:
    """(id, status, incoming signature time) of the handovers of these outgoing shifts, in one query and without
    their snapshots (the handover quality view needs no more)."""
    ids = list(outgoing_instance_ids)
    if not ids:
        return {}
    rows = session.execute(select(HandoverRow.outgoing_instance_id, HandoverRow.id, HandoverRow.status,
                                  HandoverRow.incoming_signed_at)
                           .where(HandoverRow.outgoing_instance_id.in_(ids))).all()
    return {r[0]: (r[1], HandoverStatus(r[2]), r[3]) for r in rows}
