"""Use cases of the on-site handover: open (or resume) a draft, save the checklist, the snapshot, both signatures.

`open_handover` makes the draft of an outgoing shift (the incoming shift is
the next shift slot of the site, its instance created when new) or returns
the handover the shift has. `build_snapshot` gathers every figure the seven
steps show, as plain JSON (app.services.handover_snapshot). `sign_outgoing`
freezes that snapshot (canonical JSON and its SHA-256, app.domain.handover)
with the outgoing supervisor's PIN checked in the same transaction;
`sign_incoming` (another supervisor, PIN checked) stores its own time and the
checksum of the same snapshot, and moves the outgoing shift to handed over in
that transaction. A signed handover is never changed by any use case.
Instants are aware datetimes.
"""

from __future__ import annotations

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
    checksum,
    clean_steps,
    verify,
)
from app.domain.intervals import zone
from app.domain.people import Role, Supervisor
from app.domain.shifts import ShiftInstance, ShiftSlot, ShiftStatus, slots_on
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
    with console.db.transaction() as tx:
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
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise InvalidSettingError("note", len(note), f"is longer than {MAX_NOTE} characters")
    with console.db.transaction() as tx:
        handover = _handover(tx, handover_id, lock=True)
        check_editable(handover)
        steps = clean_steps(step_states, handover.steps)
        return store.save_progress(tx, handover.id, steps, bool(talk_done), note, now)


def build_snapshot(console: Console, handover_id: int, now: datetime) -> dict:
    """Every figure the seven steps show at `now`, as plain JSON (see app.services.handover_snapshot)."""
    aware("now", now)
    return snapshot_of(console, get_handover(console, handover_id), now)


def sign_outgoing(console: Console, handover_id: int, supervisor_id: int, pin: str, now: datetime) -> Handover:
    """The outgoing supervisor signs (PIN checked): the snapshot at `now` is frozen with its checksum."""
    aware("now", now)
    check_sign_outgoing(get_handover(console, handover_id))
    text = canonical_json(build_snapshot(console, handover_id, now))
    with console.db.transaction() as tx:
        supervisor = _signer(tx, handover_id, supervisor_id, pin)
        handover = _handover(tx, handover_id, lock=True)
        check_sign_outgoing(handover)  # again: another desk may have signed meanwhile
        return store.sign_outgoing(tx, handover.id, supervisor.id, text, checksum(text), now)


def sign_incoming(console: Console, handover_id: int, supervisor_id: int, pin: str, now: datetime) -> Handover:
    """The incoming supervisor signs (PIN checked; after the outgoing, never the same person) over the same
    snapshot; the outgoing shift is handed over in the same transaction."""
    aware("now", now)
    with console.db.transaction() as tx:
        supervisor = _signer(tx, handover_id, supervisor_id, pin)
        handover = _handover(tx, handover_id, lock=True)
        check_sign_incoming(handover, supervisor.id)
        snapshot, ok = verify(store.snapshot_text(tx, handover.id), handover.outgoing_signature.checksum)
        if not ok:
            raise TamperedSnapshotError(handover.id, handover.outgoing_signature.checksum, None)
        signed = store.sign_incoming(tx, handover.id, supervisor.id, checksum(canonical_json(snapshot)), now)
        if signed.outgoing.status is not ShiftStatus.HANDED_OVER:
            shift_store.set_instance_status(tx, signed.outgoing.id, ShiftStatus.HANDED_OVER, now)
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
