"""The on-site handover (现场交接): outgoing and incoming supervisor go through seven steps face to face and both sign.

A handover belongs to the OUTGOING shift instance (one per shift) and names the
incoming one (the next shift slot). It is a draft while the two talk: each
step of the checklist (`STEPS`, numbered 1 to 7) has a state, the talk has a
"done" flag and a free note. The outgoing supervisor signs first: that
signature freezes the snapshot (every figure the seven steps showed, plain
JSON) as canonical JSON, sealed with the signature (who, name as signed,
when) by a SHA-256 (`seal`). The incoming supervisor signs second (never the
same person), over the same snapshot; that seal covers both signatures. A
signed handover never changes; reading it recomputes the seals (`verified`),
so an edit of the stored JSON, a signer or a signing time shows.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from app.domain.errors import AppError, InvalidSettingError
from app.domain.shifts import ShiftInstance

# The checklist, in the order the two supervisors go through it (step n is STEPS[n - 1]).
STEPS = ("sheet", "items", "playbooks", "seats", "service_level", "long_calls", "talk")
SNAPSHOT_VERSION = 1
WORST_INTERVALS = 3  # how many of the shift's worst half hours the snapshot names (below target only)


class HandoverStatus(str, enum.Enum):
    DRAFT = "draft"
    OUTGOING_SIGNED = "outgoing_signed"
    SIGNED = "signed"


class StepState(str, enum.Enum):
    TODO = "todo"
    DONE = "done"
    SKIPPED = "skipped"  # nothing to go through (no playbook ran, no long call)


class HandoverStateError(InvalidSettingError):
    """A handover cannot do what was asked in its state. `state` codes: signed (frozen), not_draft (the outgoing
    signed already), outgoing_not_signed (the incoming signs second), same_person (one person cannot sign both),
    viewer (a viewer cannot sign)."""

    code = "handover_state"

    def __init__(self, handover_id: int | None, state: str, reason: str) -> None:
        super().__init__("handover", handover_id, reason)
        self.handover_id = handover_id
        self.state = state


class TamperedSnapshotError(AppError):
    """The stored snapshot of a signed handover no longer matches its checksum (edited outside the application)."""

    code = "tampered_snapshot"

    def __init__(self, handover_id: int, stored: str | None, computed: str | None) -> None:
        super().__init__(
            f"handover {handover_id}: the signed snapshot does not match its checksum; it was changed after signing",
            handover_id=handover_id, stored=stored, computed=computed)
        self.handover_id = handover_id


@dataclass(frozen=True, slots=True)
class Signature:
    supervisor_id: int
    supervisor_name: str
    at: datetime
    checksum: str  # the seal: SHA-256 of the canonical snapshot and the signatures up to this one (see `seal`)


@dataclass(frozen=True, slots=True)
class Handover:
    """A handover as stored. `steps`: (step name, state) in STEPS order; `snapshot`: the frozen snapshot (None
    while a draft); `verified`: the stored snapshot still matches the checksums (True for a draft: nothing
    frozen yet); `outgoing_supervisor_id` / `incoming_supervisor_id`: the signers, or before signing the
    supervisors on duty of the two shifts."""

    id: int
    site_id: int
    site_name: str
    timezone: str
    outgoing: ShiftInstance
    incoming: ShiftInstance
    status: HandoverStatus
    steps: tuple[tuple[str, StepState], ...]
    talk_done: bool
    note: str
    created_at: datetime
    updated_at: datetime
    outgoing_supervisor_id: int | None = None
    incoming_supervisor_id: int | None = None
    outgoing_signature: Signature | None = None
    incoming_signature: Signature | None = None
    snapshot: dict | None = None
    verified: bool = True

    @property
    def signed(self) -> bool:
        return self.status is HandoverStatus.SIGNED

    @property
    def frozen(self) -> bool:
        """Signed by the outgoing supervisor (or both): the snapshot and the checklist no longer change."""
        return self.status is not HandoverStatus.DRAFT

    def step_state(self, step: str) -> StepState:
        return dict(self.steps).get(step, StepState.TODO)


def default_steps() -> tuple[tuple[str, StepState], ...]:
    return tuple((name, StepState.TODO) for name in STEPS)


def clean_steps(step_states: Mapping[str | int, StepState | str] | None,
                base: Iterable[tuple[str, StepState]] = ()) -> tuple[tuple[str, StepState], ...]:
    """The checklist with `step_states` applied over `base`; a step is named by its name or number (1 to 7).

    Raises InvalidSettingError for an unknown step or state.
    """
    states = dict(default_steps())
    states.update(dict(base))
    for key, value in (step_states or {}).items():
        name = STEPS[key - 1] if isinstance(key, int) and 1 <= key <= len(STEPS) else key
        if name not in STEPS:
            raise InvalidSettingError("step", key, "no such step of the handover")
        try:
            states[name] = StepState(value)
        except ValueError:
            raise InvalidSettingError("state", value, "must be todo, done or skipped") from None
    return tuple((name, states[name]) for name in STEPS)


def check_sign_outgoing(handover: Handover) -> None:
    """HandoverStateError unless the handover is a draft."""
    if handover.status is not HandoverStatus.DRAFT:
        raise HandoverStateError(handover.id, "not_draft", "the outgoing supervisor has signed already")


def check_sign_incoming(handover: Handover, supervisor_id: int) -> None:
    """HandoverStateError unless the outgoing signed, the incoming has not, and the signer is someone else."""
    if handover.status is HandoverStatus.DRAFT:
        raise HandoverStateError(handover.id, "outgoing_not_signed", "the outgoing supervisor signs first")
    if handover.status is HandoverStatus.SIGNED:
        raise HandoverStateError(handover.id, "signed", "is signed by both already; it can no longer change")
    if handover.outgoing_signature is not None and handover.outgoing_signature.supervisor_id == supervisor_id:
        raise HandoverStateError(handover.id, "same_person", "the same person cannot sign as outgoing and incoming")


def check_editable(handover: Handover) -> None:
    """HandoverStateError once the outgoing supervisor has signed (the checklist is frozen with the snapshot)."""
    if handover.frozen:
        raise HandoverStateError(handover.id, "signed", "is signed; it can no longer change")


# --- the snapshot as canonical JSON ---

def canonical_json(snapshot: Mapping) -> str:
    """The one text of a snapshot that is hashed and stored (sorted keys, no spaces, UTF-8 characters kept)."""
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def checksum(text: str) -> str:
    """SHA-256 (hex) of the canonical JSON text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def verify(text: str | None, *checksums: str | None) -> tuple[dict | None, bool]:
    """The snapshot read from its stored text, and whether it matches every checksum given (the seal of
    handovers signed before SEAL_VERSION 2: the snapshot alone).

    The text is parsed and written canonically again before hashing, so the check
    holds for the JSON as stored by either database; unreadable text is not verified.
    """
    snapshot = _parsed(text)
    if snapshot is None:
        return None, text is None and not any(checksums)
    computed = checksum(canonical_json(snapshot))
    return snapshot, all(c == computed for c in checksums) and bool(checksums)


# --- the seal: the snapshot and the signatures hashed together ---

SEAL_VERSION = 2  # 1: the checksums cover the snapshot only (handovers signed before migration 0010)


def signature_block(supervisor_id: int, name: str, at: datetime) -> dict:
    """What a signature adds to the seal: who (id and name as signed) and when (UTC, whole seconds)."""
    return {"id": supervisor_id, "name": name,
            "at": at.astimezone(timezone.utc).replace(microsecond=0).isoformat()}


def seal(snapshot: Mapping, outgoing: Mapping, incoming: Mapping | None = None) -> str:
    """The checksum a signature stores: SHA-256 of the canonical snapshot and the signatures so far, so neither
    the figures nor who signed when can change unseen."""
    signed = {"outgoing": outgoing} if incoming is None else {"outgoing": outgoing, "incoming": incoming}
    return checksum(canonical_json(snapshot) + "\n" + canonical_json(signed))


def verify_sealed(status: HandoverStatus, text: str | None, outgoing: Signature | None,
                  incoming: Signature | None, version: int = SEAL_VERSION) -> tuple[dict | None, bool]:
    """The frozen snapshot of a handover and whether it is intact: a draft has none (True); a signed one must have
    its text and the signatures its status names, each matching its seal."""
    if status is HandoverStatus.DRAFT:
        return None, True
    needed = (outgoing,) if status is HandoverStatus.OUTGOING_SIGNED else (outgoing, incoming)
    snapshot = _parsed(text)
    if snapshot is None or any(s is None or not s.checksum for s in needed):
        return snapshot, False
    if version < SEAL_VERSION:
        return snapshot, verify(text, *(s.checksum for s in needed))[1]
    out = signature_block(outgoing.supervisor_id, outgoing.supervisor_name, outgoing.at)
    ok = outgoing.checksum == seal(snapshot, out)
    if status is HandoverStatus.SIGNED:
        ok = ok and incoming.checksum == seal(snapshot, out, signature_block(
            incoming.supervisor_id, incoming.supervisor_name, incoming.at))
    return snapshot, ok


def _parsed(text: str | None) -> dict | None:
    if text is None:
        return None
    try:
        snapshot = json.loads(text)
    except ValueError:
        return None
    return snapshot if isinstance(snapshot, dict) else None


# --- figures of the snapshot ---

def worst_intervals(intervals: Iterable[Mapping], limit: int = WORST_INTERVALS) -> list[Mapping]:
    """The intervals below target with calls, lowest service level first (then earliest), at most `limit`.

    Each interval is a mapping with at least `service_level`, `below_target`, `offered` and `start`.
    """
    below = [i for i in intervals if i.get("below_target") and i.get("service_level") is not None
             and (i.get("offered") or 0) > 0]
    return sorted(below, key=lambda i: (i["service_level"], i["start"]))[:max(0, limit)]
