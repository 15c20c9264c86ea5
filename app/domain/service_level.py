"""Service-level definitions and the figures of one half-hour interval.

Figures are kept as counts and means with their weights, so that totals over
intervals or queues are volume-weighted (sum of numerators over sum of
denominators), never an average of percentages.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_THRESHOLD_SECONDS = 20.0
DEFAULT_TARGET_PERCENT = 80.0


class SlDefinition(str, enum.Enum):
    """Which calls count in the service-level percentage (ARCHITECTURE.md section 4)."""

    OFFERED = "offered"  # answered_within / offered
    ANSWERED = "answered"  # answered_within / answered
    EXCLUDE_SHORT_ABANDONS = "exclude_short_abandons"  # answered_within / (offered - abandoned_within)
    SHORT_ABANDONS_MET = "short_abandons_met"  # (answered_within + abandoned_within) / offered

    @classmethod
    def parse(cls, text: str) -> SlDefinition:
        try:
            return cls(text)
        except ValueError:
            names = ", ".join(d.value for d in cls)
            from app.domain.errors import InvalidSettingError

            raise InvalidSettingError("sl-definition", text, f"must be one of {names}") from None


@dataclass(frozen=True, slots=True)
class SlSettings:
    """Threshold T (seconds), target percentage and definition of a source or queue."""

    threshold_seconds: float = DEFAULT_THRESHOLD_SECONDS
    target_percent: float = DEFAULT_TARGET_PERCENT
    definition: SlDefinition = SlDefinition.OFFERED


def service_level(
    definition: SlDefinition,
    offered: int,
    answered: int,
    answered_within: int,
    abandoned_within: int,
) -> float | None:
    """Service level in percent by `definition`; None when the denominator is 0."""
    if definition is SlDefinition.OFFERED:
        num, den = answered_within, offered
    elif definition is SlDefinition.ANSWERED:
        num, den = answered_within, answered
    elif definition is SlDefinition.EXCLUDE_SHORT_ABANDONS:
        num, den = answered_within, offered - abandoned_within
    else:
        num, den = answered_within + abandoned_within, offered
    if den <= 0:
        return None
    return 100.0 * num / den


@dataclass(frozen=True, slots=True)
class IntervalFigures:
    """The stored figures of one (source, queue, interval); also used for totals.

    `aht_count` is how many answered calls have a known handle time (the
    weight of `aht_seconds`); `asa_seconds` is weighted by `answered`.
    Unknown figures (a vendor report that does not carry them) are None.
    """

    offered: int = 0
    answered: int = 0
    abandoned: int = 0
    other: int = 0
    waiting: int = 0
    answered_within: int = 0
    abandoned_within: int = 0
    asa_seconds: float | None = None
    aht_seconds: float | None = None
    aht_count: int = 0
    max_wait_seconds: float | None = None

    def service_level(self, definition: SlDefinition) -> float | None:
        return service_level(
            definition, self.offered, self.answered, self.answered_within, self.abandoned_within
        )

    @staticmethod
    def total(parts: Iterable[IntervalFigures]) -> IntervalFigures:
        """Volume-weighted combination of several intervals or queues."""
        parts = list(parts)
        answered = sum(p.answered for p in parts)
        asa_weight = sum(p.answered for p in parts if p.asa_seconds is not None)
        asa_sum = sum(p.asa_seconds * p.answered for p in parts if p.asa_seconds is not None)
        aht_count = sum(p.aht_count for p in parts if p.aht_seconds is not None)
        aht_sum = sum(p.aht_seconds * p.aht_count for p in parts if p.aht_seconds is not None)
        waits = [p.max_wait_seconds for p in parts if p.max_wait_seconds is not None]
        return IntervalFigures(
            offered=sum(p.offered for p in parts),
            answered=answered,
            abandoned=sum(p.abandoned for p in parts),
            other=sum(p.other for p in parts),
            waiting=sum(p.waiting for p in parts),
            answered_within=sum(p.answered_within for p in parts),
            abandoned_within=sum(p.abandoned_within for p in parts),
            asa_seconds=asa_sum / asa_weight if asa_weight else None,
            aht_seconds=aht_sum / aht_count if aht_count else None,
            aht_count=aht_count,
            max_wait_seconds=max(waits) if waits else None,
        )

