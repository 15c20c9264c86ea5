"""Service-level definitions and volume-weighted totals."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidSettingError
from app.domain.service_level import IntervalFigures, SlDefinition, service_level


def test_four_definitions_on_one_interval():
    # 100 offered: 70 answered (60 within T), 25 abandoned (10 within T), 5 other.
    args = dict(offered=100, answered=70, answered_within=60, abandoned_within=10)
    assert service_level(SlDefinition.OFFERED, **args) == pytest.approx(60.0)
    assert service_level(SlDefinition.ANSWERED, **args) == pytest.approx(60 / 70 * 100)
    assert service_level(SlDefinition.EXCLUDE_SHORT_ABANDONS, **args) == pytest.approx(60 / 90 * 100)
    assert service_level(SlDefinition.SHORT_ABANDONS_MET, **args) == pytest.approx(70.0)


def test_zero_denominator_is_unknown_not_zero():
    assert service_level(SlDefinition.OFFERED, 0, 0, 0, 0) is None
    assert service_level(SlDefinition.ANSWERED, 5, 0, 0, 0) is None
    assert service_level(SlDefinition.EXCLUDE_SHORT_ABANDONS, 3, 0, 0, 3) is None


def test_unknown_definition_is_a_clear_error():
    with pytest.raises(InvalidSettingError, match="offered, answered"):
        SlDefinition.parse("average")


def test_total_is_volume_weighted_not_mean_of_percentages():
    busy = IntervalFigures(offered=100, answered=100, answered_within=90, asa_seconds=10.0, aht_seconds=200.0, aht_count=100, max_wait_seconds=50)
    quiet = IntervalFigures(offered=10, answered=10, answered_within=1, asa_seconds=40.0, aht_seconds=100.0, aht_count=10, max_wait_seconds=90)
    total = IntervalFigures.total([busy, quiet])
    assert total.service_level(SlDefinition.OFFERED) == pytest.approx(91 / 110 * 100)  # not (90 + 10) / 2
    assert total.asa_seconds == pytest.approx((100 * 10 + 10 * 40) / 110)
    assert total.aht_seconds == pytest.approx((100 * 200 + 10 * 100) / 110)
    assert total.max_wait_seconds == 90


def test_total_keeps_unknown_figures_unknown():
    vendor = IntervalFigures(offered=5, answered=5, answered_within=5)  # no ASA/AHT in the report
    assert IntervalFigures.total([vendor]).asa_seconds is None
    assert IntervalFigures.total([]).service_level(SlDefinition.OFFERED) is None


@st.composite
def figures(draw):
    answered = draw(st.integers(0, 500))
    abandoned = draw(st.integers(0, 200))
    other = draw(st.integers(0, 50))
    within = draw(st.integers(0, answered))
    short = draw(st.integers(0, abandoned))
    return IntervalFigures(
        offered=answered + abandoned + other, answered=answered, abandoned=abandoned, other=other,
        answered_within=within, abandoned_within=short,
        asa_seconds=draw(st.floats(0, 600)) if answered else None,
        aht_seconds=draw(st.floats(1, 3000)) if answered else None, aht_count=answered,
    )


@given(st.lists(figures(), min_size=1, max_size=12), st.sampled_from(list(SlDefinition)))
def test_properties_of_any_figures(parts, definition):
    for f in parts:
        assert f.offered == f.answered + f.abandoned + f.other
        sl = f.service_level(definition)
        assert sl is None or 0.0 <= sl <= 100.0
    total = IntervalFigures.total(parts)
    assert total.offered == total.answered + total.abandoned + total.other
    # The total's service level is the volume-weighted combination of its parts.
    num = sum(_numerator(p, definition) for p in parts)
    den = sum(_denominator(p, definition) for p in parts)
    expected = None if den == 0 else 100.0 * num / den
    assert total.service_level(definition) == pytest.approx(expected) if expected is not None else total.service_level(definition) is None


def _numerator(f, d):
    return f.answered_within + (f.abandoned_within if d is SlDefinition.SHORT_ABANDONS_MET else 0)


def _denominator(f, d):
    return {
        SlDefinition.OFFERED: f.offered,
        SlDefinition.ANSWERED: f.answered,
        SlDefinition.EXCLUDE_SHORT_ABANDONS: f.offered - f.abandoned_within,
        SlDefinition.SHORT_ABANDONS_MET: f.offered,
    }[d]
