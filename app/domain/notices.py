"""Business notices: what is in force, and who has acknowledged which version.

A notice has a version; editing it makes a new version, and an
acknowledgement counts only for the version it was given to.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


class Priority(str, enum.Enum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        return list(Priority).index(self)


class AckState(str, enum.Enum):
    NEEDED = "needed"  # never acknowledged by this supervisor
    OUTDATED = "outdated"  # acknowledged, but the notice changed since
    DONE = "done"


@dataclass(frozen=True, slots=True)
class NoticeAck:
    notice_id: int
    supervisor_id: int
    supervisor_name: str
    version: int
    at: datetime


@dataclass(frozen=True, slots=True)
class Notice:
    """A business notice of a site; `effective_to` None: until withdrawn. `kb_path`: where to find it."""

    id: int
    site_id: int
    title: str
    text: str
    priority: Priority
    effective_from: datetime
    effective_to: datetime | None
    explain_at_meeting: bool
    kb_path: str
    version: int
    updated_by: str | None = None
    updated_at: datetime | None = None
    acks: tuple[NoticeAck, ...] = ()

    def in_force(self, at: datetime) -> bool:
        return self.effective_from <= at and (self.effective_to is None or at < self.effective_to)

    def expired(self, at: datetime) -> bool:
        return self.effective_to is not None and self.effective_to <= at

    def ack_state(self, supervisor_id: int) -> AckState:
        versions = [a.version for a in self.acks if a.supervisor_id == supervisor_id]
        if not versions:
            return AckState.NEEDED
        return AckState.DONE if max(versions) >= self.version else AckState.OUTDATED

    def current_acks(self) -> tuple[NoticeAck, ...]:
        """The acknowledgements of this version, one per supervisor."""
        seen: dict[int, NoticeAck] = {}
        for a in sorted(self.acks, key=lambda a: a.at):
            if a.version == self.version:
                seen.setdefault(a.supervisor_id, a)
        return tuple(seen.values())


def in_force(notices: Iterable[Notice], at: datetime) -> tuple[Notice, ...]:
    """The notices in force at `at`, most urgent first, then newest."""
    live = [n for n in notices if n.in_force(at)]
    return tuple(sorted(live, key=lambda n: (-n.priority.rank, -n.effective_from.timestamp(), n.id)))
