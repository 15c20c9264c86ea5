"""Use cases of the on-site handover: open (or resume) a draft, save the checklist, the snapshot, both signatures.

`open_handover` makes the draft of an outgoing shift (the incoming shift is
the next shift slot of the site, its instance created when new) or returns
the handover the shift has. `build_snapshot` gathers every figure the seven
steps show, as plain JSON (app.services.handover_snapshot). `sign_outgoing`
freezes that snapshot (canonical JSON sealed with the signature by a SHA-256,
app.domain.handover) with the outgoing supervisor's PIN checked in the same
transaction, once the face-to-face talk is done; `sign_incoming` (another
supervisor, PIN checked) seals the same snapshot with both signatures and
moves the outgoing shift to handed over (and a planned incoming one to open)
in that transaction. A signed handover is never changed by any use case.
Instants are aware datetimes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta

from app.domain.errors import InvalidSettingError, UnknownSiteError
from app.domain.handover import (
    Handover,
    HandoverStateError,
    StepState,
    TamperedSnapshotError,
    canonical_json,
    check_editable,
    check_sign_incoming,
    check_sign_outgoing,
    clean_steps,
    seal,
    signature_block,
)
from app.domain.intervals import zone
from app.domain.people import Role, Supervisor
from app.domain.shifts import ShiftInstance, ShiftSlot, ShiftStatus, slots_on
from app.domain.access import Action
from app.storage.audit import acting_as
from app.services.console import Console
from app.services.handover_snapshot import snapshot_of
from app.services.people import verified_in
from app.services.shifts import aware, ensure_instance_in
from app.storage import handover as store
from app.storage import shifts as shift_store
from app.storage import sites as site_store

MAX_NOTE = 4000  # characters of the free note
NEXT_SLOT_DAYS = 8  # how far ahead the next shift is looked for (a closed holiday week)


def open_handover(console: Console, outgoing_instance_id: int, now: datetime) -> Handover:
    """The handover of the outgoing shift: a new draft (incoming: the next shift slot, ensured), or the one the
    shift has already (a draft to resume, or a signed one to read)."""
    aware("now", now)
    with console.acting(Action.SYSTEM), console.db.transaction() as tx:  # a draft: bookkeeping of who looks
        outgoing = _instance(tx, outgoing_instance_id)
        found = store.find_by_outgoing(tx, outgoing.id)
        if found is not None:
            return found
        slot = _next_slot(tx, outgoing)
        if slot is None:
            raise InvalidSettingError("shift", outgoing.definition.name, "no shift follows it to hand over to")
        incoming = ensure_instance_in(tx, slot.day, slot.definition.id)
        return store.add(tx, outgoing.site_id, outgoing.id, incoming.id, outgoing.supervisor_id,
                         incoming.supervisor_id, now)


def save_progress(console: Console, handover_id: int, step_states: Mapping[str | int, StepState | str] | None,
                  talk_done: bool, note: str, now: datetime) -> Handover:
    """Store the checklist (steps named or numbered 1 to 7; those not given keep their state), the talk flag and
    the note of a draft; a signed handover is refused (HandoverStateError)."""
    aware("now", now)
    with console.db.transaction() as tx:
        handover = _handover(tx, handover_id, lock=True)
        check_editable(handover)
        wanted = _progress(handover, step_states, talk_done, note)
        return store.save_progress(tx, handover.id, wanted.steps, wanted.talk_done, wanted.note, now)


def build_snapshot(console: Console, handover_id: int, now: datetime) -> dict:
    """Every figure the seven steps show at `now`, as plain JSON (see app.services.handover_snapshot)."""
    aware("now", now)
    return snapshot_of(console, get_handover(console, handover_id), now)


def sign_outgoing(console: Console, handover_id: int, supervisor_id: int, pin: str, now: datetime,
                  step_states: Mapping[str | int, StepState | str] | None = None, talk_done: bool | None = None,
                  note: str | None = None) -> Handover:
    """The outgoing supervisor signs (PIN checked): the checklist, talk flag and note given (None: as stored) are
    saved and the snapshot at `now` frozen with the sealed signature, in one transaction. Refused
    (HandoverStateError) unless the face-to-face talk is done, or when another desk changed the draft while the
    snapshot was built ("changed": read it again)."""
    aware("now", now)
    before = get_handover(console, handover_id)
    check_sign_outgoing(before)
    wanted = _progress(before, step_states, talk_done, note)
    if not wanted.talk_done:
        raise HandoverStateError(before.id, "talk_not_done", "the face-to-face talk (step 7) is not marked done")
    snapshot = json.loads(canonical_json(snapshot_of(console, wanted, now)))
    text = canonical_json(snapshot)
    at = now.replace(microsecond=0)  # the time as sealed
    with console.acting(Action.SIGN), console.db.transaction() as tx:
        supervisor = _signer(tx, handover_id, supervisor_id, pin)
        handover = _handover(tx, handover_id, lock=True)
        check_sign_outgoing(handover)  # again: another desk may have signed meanwhile
        if handover.updated_at != before.updated_at:
            raise HandoverStateError(handover.id, "changed", "was changed at another desk meanwhile; read it again")
        with acting_as(supervisor.name):  # the audit trail names the signer, whoever is signed in at the desk
            store.save_progress(tx, handover.id, wanted.steps, wanted.talk_done, wanted.note, at)
            mark = seal(snapshot, signature_block(supervisor.id, supervisor.name, at))
            signed = store.sign_outgoing(tx, handover.id, supervisor.id, supervisor.name, text, mark, at)
            tx.flush()
        return signed


def sign_incoming(console: Console, handover_id: int, supervisor_id: int, pin: str, now: datetime) -> Handover:
    """The incoming supervisor signs (PIN checked; after the outgoing, never the same person) over the same
    snapshot, sealed with both signatures; the outgoing shift is handed over in the same transaction."""
    aware("now", now)
    at = now.replace(microsecond=0)
    with console.acting(Action.SIGN), console.db.transaction() as tx:
        supervisor = _signer(tx, handover_id, supervisor_id, pin)
        handover = _handover(tx, handover_id, lock=True)
        check_sign_incoming(handover, supervisor.id)
        if not handover.verified:
            raise TamperedSnapshotError(handover.id, handover.outgoing_signature.checksum, None)
        out = handover.outgoing_signature
        mark = seal(handover.snapshot, signature_block(out.supervisor_id, out.supervisor_name, out.at),
                    signature_block(supervisor.id, supervisor.name, at))
        with acting_as(supervisor.name):  # the audit trail names the signer, whoever is signed in at the desk
            signed = store.sign_incoming(tx, handover.id, supervisor.id, supervisor.name, mark, at)
            if signed.outgoing.status is not ShiftStatus.HANDED_OVER:
                shift_store.set_instance_status(tx, signed.outgoing.id, ShiftStatus.HANDED_OVER, at)
            if signed.incoming.status is ShiftStatus.PLANNED:  # the incoming supervisor has the floor now
                shift_store.set_instance_status(tx, signed.incoming.id, ShiftStatus.OPEN, at)
            tx.flush()
        return store.get(tx, handover.id)


def get_handover(console: Console, handover_id: int, strict: bool = False) -> Handover:
    """The handover with its frozen snapshot and `verified` (the checksums recomputed now); `strict`: a
    snapshot that no longer matches raises TamperedSnapshotError."""
    with console.db.transaction() as tx:
        handover = _handover(tx, handover_id)
    if strict and not handover.verified:
        raise TamperedSnapshotError(handover.id, handover.outgoing_signature.checksum
                                    if handover.outgoing_signature else None, None)
    return handover


def handover_of(console: Console, outgoing_instance_id: int) -> Handover | None:
    """The handover of the outgoing shift `outgoing_instance_id`, None when none was opened."""
    with console.db.transaction() as tx:
        return store.find_by_outgoing(tx, outgoing_instance_id)


def find_handover(console: Console, site_name: str | None, day: date, shift_name: str) -> Handover | None:
    """The handover whose OUTGOING shift is `shift_name` starting on `day` at the site (None: the first site);
    None when that shift has none. UnknownSiteError / InvalidSettingError for a site or shift that does not exist."""
    with console.db.transaction() as tx:
        if site_name is None:
            site = shift_store.site(tx, None)
        else:
            site = site_store.find_site(tx, site_name)
            if site is None:
                raise UnknownSiteError(site_name)
        definition = shift_store.find_definition(tx, site.id, (shift_name or "").strip())
        if definition is None:
            raise InvalidSettingError("shift", shift_name, f"no such shift at the site {site.name}")
        instance = shift_store.find_instance(tx, definition.id, day)
        return store.find_by_outgoing(tx, instance.id) if instance is not None else None


def with_live_snapshot(console: Console, handover: Handover, now: datetime) -> Handover:
    """The handover with a snapshot to show or print: its frozen one once signed, else one built at `now`."""
    if handover.frozen:
        return handover
    return replace(handover, snapshot=build_snapshot(console, handover.id, now))


# --- helpers ---

def _progress(handover: Handover, step_states, talk_done: bool | None, note: str | None) -> Handover:
    """The handover with the checklist, talk flag and note given applied (None: as it is); the note checked."""
    note = handover.note if note is None else (note or "").strip()
    if len(note) > MAX_NOTE:
        raise InvalidSettingError("note", len(note), f"is longer than {MAX_NOTE} characters")
    return replace(handover, steps=clean_steps(step_states, handover.steps),
                   talk_done=handover.talk_done if talk_done is None else bool(talk_done), note=note)


def _next_slot(tx, outgoing: ShiftInstance) -> ShiftSlot | None:
    """The first shift slot of the site that starts after the outgoing shift starts."""
    site = shift_store.site(tx, outgoing.site_id)
    tz = zone(site.timezone)
    definitions = shift_store.list_definitions(tx, site.id)
    own = slots_on(outgoing.day, [outgoing.definition], tz, shift_store.special_day(tx, site.id, outgoing.day))
    start = own[0].start if own else outgoing.definition.window(outgoing.day, tz)[0]
    for offset in range(NEXT_SLOT_DAYS):
        day = outgoing.day + timedelta(days=offset)
        later = [s for s in slots_on(day, definitions, tz, shift_store.special_day(tx, site.id, day))
                 if s.start > start]
        if later:
            return later[0]
    return None


def _signer(tx, handover_id: int, supervisor_id: int, pin: str) -> Supervisor:
    supervisor = verified_in(tx, supervisor_id, pin)  # WrongPinError: nothing is stored
    if supervisor.role is Role.VIEWER:
        raise HandoverStateError(handover_id, "viewer", f"{supervisor.name} is a viewer and cannot sign")
    if supervisor.role is Role.TEAM_LEADER:
        raise HandoverStateError(handover_id, "team_leader", f"{supervisor.name} is a team leader and cannot sign")
    return supervisor


def _instance(tx, instance_id: int) -> ShiftInstance:
    instance = shift_store.get_instance(tx, instance_id)
    if instance is None:
        raise InvalidSettingError("shift", instance_id, "no such shift")
    return instance


def _handover(tx, handover_id: int, lock: bool = False) -> Handover:
    handover = store.get(tx, handover_id, lock=lock)
    if handover is None:
        raise InvalidSettingError("handover", handover_id, "no such handover")
    return handover
