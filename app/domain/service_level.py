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


def _sum(values: list[int | None]) -> int | None:
    """Sum of counts; unknown when any part is unknown (a vendor report without that column)."""
    return None if any(v is None for v in values) else sum(values)


def _weighted(pairs: list[tuple[float | None, int | None]]) -> float | None:
    """Weighted mean of (mean, weight) pairs; unknown when a part with weight lacks either."""
    total = 0.0
    weight = 0
    for mean, n in pairs:
        if n == 0:
            continue
        if mean is None or n is None:
            return None
        total += mean * n
        weight += n
    return total / weight if weight else None


@dataclass(frozen=True, slots=True)
class IntervalFigures:
    """The stored figures of one (source, queue, interval); also used for totals.

    `aht_count` is how many answered calls have a known handle time (the
    weight of `aht_seconds`); `asa_seconds` is weighted by `answered`.
    A figure a vendor's interval report does not carry is None (unknown),
    never 0; `vendor_service_level` is the percentage such a report states
    itself, used when the counts to compute one are missing.
    """

    offered: int | None = 0
    answered: int | None = 0
    abandoned: int | None = 0
    other: int | None = 0
    waiting: int | None = 0
    answered_within: int | None = 0
    abandoned_within: int | None = 0
    asa_seconds: float | None = None
    aht_seconds: float | None = None
    aht_count: int | None = 0
    max_wait_seconds: float | None = None
    vendor_service_level: float | None = None

    def service_level(self, definition: SlDefinition) -> float | None:
        needed = (self.offered, self.answered, self.answered_within, self.abandoned_within)
        if definition is SlDefinition.OFFERED:
            needed = (self.offered, self.answered_within)
        elif definition is SlDefinition.ANSWERED:
            needed = (self.answered, self.answered_within)
        if any(v is None for v in needed):
            return self.vendor_service_level
        return service_level(
            definition, self.offered or 0, self.answered or 0, self.answered_within or 0, self.abandoned_within or 0
        )

    @staticmethod
    def total(parts: Iterable[IntervalFigures]) -> IntervalFigures:
        """Volume-weighted combination of several intervals or queues."""
        parts = list(parts)
        # The longest wait of parts that had calls; unknown if any of those lacks it.
        busy = [p for p in parts if p.offered != 0]
        waits = [p.max_wait_seconds for p in busy]
        max_wait = None if not waits or None in waits else max(waits)
        offered = _sum([p.offered for p in parts])
        return IntervalFigures(
            offered=offered,
            answered=_sum([p.answered for p in parts]),
            abandoned=_sum([p.abandoned for p in parts]),
            other=_sum([p.other for p in parts]),
            waiting=_sum([p.waiting for p in parts]),
            answered_within=_sum([p.answered_within for p in parts]),
            abandoned_within=_sum([p.abandoned_within for p in parts]),
            asa_seconds=_weighted([(p.asa_seconds, p.answered) for p in parts]),
            aht_seconds=_weighted([(p.aht_seconds, p.aht_count) for p in parts]),
            aht_count=_sum([p.aht_count for p in parts]),
            max_wait_seconds=max_wait,
            vendor_service_level=_weighted([(p.vendor_service_level, p.offered) for p in parts]),
        )
