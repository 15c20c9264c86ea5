"""Erlang B / C / A against independent formulations, textbook and published values, a simulation of the
same queue, and properties (hypothesis)."""

from __future__ import annotations

import heapq
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.erlang import (
    ErlangA,
    asa,
    erlang_a,
    erlang_b,
    erlang_c,
    patience_estimate,
    required_agents,
    required_agents_a,
    service_level,
    traffic,
)
from app.domain.errors import InvalidSettingError

# -- independent formulations, written here ---------------------------------------------------------------


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def direct_erlang_b(a: float, n: int) -> float:
    """(A^n/n!) / sum_k A^k/k!, every term in log space with lgamma."""
    terms = [k * math.log(a) - math.lgamma(k + 1) for k in range(n + 1)]
    return math.exp(terms[-1] - _logsumexp(terms))


def direct_erlang_c(a: float, n: int) -> float:
    """(A^n/n! · n/(n-A)) / (sum_{k<n} A^k/k! + A^n/n! · n/(n-A)), in log space."""
    terms = [k * math.log(a) - math.lgamma(k + 1) for k in range(n)]
    last = n * math.log(a) - math.lgamma(n + 1) + math.log(n / (n - a))
    return math.exp(last - _logsumexp([*terms, last]))


def reference_erlang_a(calls: float, aht: float, n: int, patience: float, t: float, interval: float = 1800):
    """SL and abandon rate of M/M/n+M another way: state probabilities by direct products (lgamma below n,
    a product of birth/death ratios above), P(answered within T | j ahead) by uniformization of the
    tagged caller's own chain, abandons by flow balance (λ·P(ab) = θ·E[queue])."""
    lam, mu, theta = calls / interval, 1 / aht, 1 / patience
    a = lam / mu
    logs = [k * math.log(a) - math.lgamma(k + 1) for k in range(n + 1)]
    k = n
    while True:
        k += 1
        logs.append(logs[-1] + math.log(lam / (n * mu + (k - n) * theta)))
        if n * mu + (k - n) * theta > lam and logs[-1] < max(logs) - 50:
            break
    norm = _logsumexp(logs)
    pi = [math.exp(v - norm) for v in logs]
    waiting = pi[n:]
    big = len(waiting)
    # h[i] = P(answered by T | i callers ahead); uniformization of the pure-death chain with abandons
    rate = n * mu + (big + 1) * theta
    steps = int(rate * t + 12 * math.sqrt(rate * t) + 30) if t > 0 else 0
    h = [0.0] * big
    answered = [0.0] * big
    log_pois = -rate * t
    for m in range(steps + 1):
        if m > 0:
            log_pois += math.log(rate * t / m)
            h = [(1 - (n * mu + (i + 1) * theta) / rate) * h[i]
                 + (n * mu + i * theta) / rate * (h[i - 1] if i > 0 else 1.0) for i in range(big)]
        weight = math.exp(log_pois)
        answered = [x + weight * y for x, y in zip(answered, h)]
    sl = sum(pi[:n]) + sum(p * x for p, x in zip(waiting, answered))
    abandon = theta * sum(j * p for j, p in enumerate(waiting)) / lam
    return sl, abandon, sum(waiting)


def simulate(calls: float, aht: float, n: int, patience: float, t: float, number: int = 200_000,
             interval: float = 1800, seed: int = 11) -> tuple[float, float, float]:
    """FIFO M/M/n+M, one caller after the other: a caller starts at the earliest moment an agent is free
    after everyone before it was placed, or abandons when that wait exceeds its patience. Returns
    (fraction answered within t, fraction abandoned, mean wait of answered), after 5,000 warm-up calls."""
    rng = random.Random(seed)
    free = [0.0] * n
    now = 0.0
    within = abandoned = answered = 0
    waited = 0.0
    for i in range(number + 5000):
        now += rng.expovariate(calls / interval)
        patience_i = rng.expovariate(1 / patience)
        handle = rng.expovariate(1 / aht)
        wait = max(now, free[0]) - now
        counted = i >= 5000
        if wait > patience_i:
            abandoned += counted
            continue
        heapq.heapreplace(free, now + wait + handle)
        if counted:
            answered += 1
            waited += wait
            within += wait <= t
    return within / number, abandoned / number, waited / answered


# -- Erlang B and C ---------------------------------------------------------------------------------------

GRID = [(0.5, 1), (0.5, 4), (1.0, 2), (2.0, 3), (2.5, 3), (7.3, 8), (7.3, 12), (10.0, 11), (10.0, 20),
        (42.0, 43), (42.0, 50), (99.9, 100), (99.9, 120), (500.0, 501), (500.0, 520), (500.0, 560),
        (1000.0, 1001), (1000.0, 1030), (1000.0, 1100), (2000.0, 2001), (2000.0, 2040), (2000.0, 2150)]


@pytest.mark.parametrize(("a", "n"), GRID)
def test_erlang_c_matches_the_log_space_direct_sum(a, n):
    assert erlang_c(a, n) == pytest.approx(direct_erlang_c(a, n), rel=1e-9)  # far tighter than 4 digits
    assert erlang_b(a, n) == pytest.approx(direct_erlang_b(a, n), rel=1e-9)


def test_textbook_values_derived_by_hand():
    assert erlang_b(1, 1) == pytest.approx(0.5, abs=1e-15)  # A/(1+A)
    assert erlang_b(2, 2) == pytest.approx(0.4, abs=1e-15)  # 2/(1+2+2)
    assert erlang_b(1, 2) == pytest.approx(0.2, abs=1e-15)  # 0.5/(1+1+0.5)
    assert erlang_c(2, 3) == pytest.approx(4 / 9, abs=1e-15)
    assert erlang_c(1, 2) == pytest.approx(1 / 3, abs=1e-15)
    for rho in (0.1, 0.5, 0.9, 0.99):
        assert erlang_c(rho, 1) == pytest.approx(rho, rel=1e-13)  # M/M/1: a call waits with probability ρ
        assert erlang_c(2 * rho, 2) == pytest.approx(2 * rho**2 / (1 + rho), rel=1e-13)  # M/M/2
    # M/M/1 with ρ = 0.75 (45 calls of 30 s in 1800 s): SL = 1 - ρ·exp(-(1-ρ)T/AHT), ASA = ρ/(1-ρ) × AHT
    assert traffic(45, 30) == 0.75
    assert service_level(45, 30, 1, 20) == pytest.approx(1 - 0.75 * math.exp(-0.25 * 20 / 30), abs=1e-14)
    assert asa(45, 30, 1) == pytest.approx(0.75 * 30 / 0.25, rel=1e-13)  # 90 s


def test_published_erlang_b_table_values():
    # Erlang B table (e.g. the tables in ITU-T's "Teletraffic Engineering Handbook", or any telephony
    # Erlang B table): the traffic, rounded to 0.01 Erlang, that N lines carry at a given grade of service.
    for lines, grade, table in ((10, 0.01, 4.46), (20, 0.01, 12.03), (10, 0.02, 5.08)):
        assert erlang_b(table - 0.005, lines) < grade < erlang_b(table + 0.005, lines)


def test_call_centre_helper_worked_example():
    # Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example": 100 calls in
    # 30 minutes, AHT 180 s (A = 10 Erlangs), 11 agents: probability of waiting Pw = 0.6821; for 80 % of
    # calls answered in 20 s the raw requirement is 14 agents.
    assert traffic(100, 180) == 10
    assert erlang_c(10, 11) == pytest.approx(0.6821, abs=5e-5)
    assert required_agents(100, 180, 20, 0.8) == 14
    assert service_level(100, 180, 13, 20) < 0.8 <= service_level(100, 180, 14, 20)


def test_service_level_and_asa_edges():
    assert service_level(0, 180, 0, 20) == 1.0
    assert asa(0, 180, 0) == 0.0
    assert service_level(100, 180, 10, 20) == 0.0  # agents == traffic: the queue never empties
    assert asa(100, 180, 9) == math.inf
    assert erlang_c(10, 10) == 1.0 and erlang_c(0, 0) == 0.0
    assert erlang_b(5, 0) == 1.0 and erlang_b(0, 3) == 0.0
    # Fractional staffing: linear between the whole numbers around it.
    low, high = service_level(100, 180, 13, 20), service_level(100, 180, 14, 20)
    assert service_level(100, 180, 13.25, 20) == pytest.approx(low + 0.25 * (high - low), abs=1e-15)
    assert service_level(100, 180, 10.5, 20) == pytest.approx(0.5 * service_level(100, 180, 11, 20), abs=1e-15)
    assert asa(100, 180, 10.5) == math.inf
    assert asa(100, 180, 13.5) == pytest.approx((asa(100, 180, 13) + asa(100, 180, 14)) / 2, rel=1e-14)
    # Threshold 0: the calls answered at once, 1 - C.
    assert service_level(100, 180, 12, 0) == pytest.approx(1 - erlang_c(10, 12), abs=1e-15)


def test_required_agents_with_occupancy_cap_and_huge_traffic():
    assert required_agents(0, 180, 20, 0.8) == 0
    assert required_agents(100, 180, 20, 0.8, max_occupancy=0.7) == 15  # 10 / 0.7 = 14.3
    assert required_agents(100, 180, 20, 0.8, max_occupancy=1.0) == 14
    assert required_agents(100, 180, 20, 0.0) == 11  # the least that is stable
    # 36,000 calls of 300 s in a half hour: 6,000 Erlangs, no overflow, the smallest n that meets 90/15.
    n = required_agents(36_000, 300, 15, 0.9)
    assert service_level(36_000, 300, n - 1, 15) < 0.9 <= service_level(36_000, 300, n, 15)
    assert 6000 < n < 6100
    assert erlang_c(6000.0, n) == pytest.approx(direct_erlang_c(6000.0, n), rel=1e-9)


def test_bad_arguments_are_named():
    with pytest.raises(InvalidSettingError, match="calls -1.*negative"):
        service_level(-1, 180, 10, 20)
    with pytest.raises(InvalidSettingError, match="target 1.0.*below 1"):
        required_agents(100, 180, 20, 1.0)
    with pytest.raises(InvalidSettingError, match="agents 2.5.*whole"):
        erlang_c(2, 2.5)
    with pytest.raises(InvalidSettingError, match="aht_s 0.*greater than 0"):
        required_agents(100, 0, 20, 0.8)
    with pytest.raises(InvalidSettingError, match="traffic nan.*finite"):
        erlang_b(float("nan"), 3)
    with pytest.raises(InvalidSettingError, match="max_occupancy 1.2"):
        required_agents(100, 180, 20, 0.8, max_occupancy=1.2)
    with pytest.raises(InvalidSettingError, match=r"answered_waits_s\[1\] -3"):
        patience_estimate([10.0], [5.0, -3.0])


# -- Erlang A ---------------------------------------------------------------------------------------------

A_CASES = [  # calls per 30 min, AHT, agents, mean patience, threshold
    (100, 180, 10, 60, 20),  # A = n: stable only thanks to the abandons
    (100, 180, 12, 120, 20),
    (50, 300, 6, 30, 10),  # impatient callers, heavy abandons
    (400, 240, 50, 90, 30),
]


@pytest.mark.parametrize("case", [*A_CASES,
                                  (300, 180, 20, 90, 20),  # 30 Erlangs on 20 agents: a third abandon
                                  (100, 180, 11, 60, 0),  # threshold 0
                                  (3000, 200, 330, 200, 20)])  # 333 Erlangs
def test_erlang_a_matches_a_second_formulation(case):
    result = erlang_a(*case)
    sl, abandon, p_wait = reference_erlang_a(*case)
    assert result.service_level == pytest.approx(sl, abs=1e-7)
    assert result.abandon_rate == pytest.approx(abandon, abs=1e-9)
    assert result.p_wait == pytest.approx(p_wait, abs=1e-9)


@pytest.mark.parametrize("case", A_CASES)
def test_erlang_a_matches_a_simulation_of_the_same_queue(case):
    result = erlang_a(*case)
    within, abandoned, mean_wait = simulate(*case)
    assert result.service_level == pytest.approx(within, abs=0.01)
    assert result.abandon_rate == pytest.approx(abandoned, abs=0.01)
    assert result.asa_s == pytest.approx(mean_wait, rel=0.05)


def test_erlang_a_limits():
    # Patience to infinity: Erlang C.
    patient = erlang_a(100, 180, 12, 1e9, 20)
    assert patient.service_level == pytest.approx(service_level(100, 180, 12, 20), abs=1e-5)
    assert patient.p_wait == pytest.approx(erlang_c(10, 12), abs=1e-5)
    assert patient.asa_s == pytest.approx(asa(100, 180, 12), rel=1e-4)
    assert patient.abandon_rate < 1e-5
    exact = erlang_a(100, 180, 12, math.inf, 20)
    assert exact == ErlangA(service_level(100, 180, 12, 20), 0.0, asa(100, 180, 12), erlang_c(10, 12))
    assert erlang_a(100, 180, 10, math.inf, 20) == ErlangA(0.0, 0.0, math.inf, 1.0)
    # No patience at all: nobody waits, the loss system (Erlang B).
    assert erlang_a(100, 180, 12, 0, 20) == ErlangA(1 - erlang_b(10, 12), erlang_b(10, 12), 0.0, erlang_b(10, 12))
    hasty = erlang_a(100, 180, 12, 1e-4, 20)
    assert hasty.abandon_rate == pytest.approx(erlang_b(10, 12), abs=1e-5)
    # No agents: everyone abandons; no calls: all well.
    assert erlang_a(100, 180, 0, 60, 20) == ErlangA(0.0, 1.0, math.inf, 1.0)
    assert erlang_a(0, 180, 3, 60, 20) == ErlangA(1.0, 0.0, 0.0, 0.0)
    # Threshold 0: the calls answered at once.
    assert erlang_a(100, 180, 11, 60, 0).service_level == pytest.approx(1 - erlang_a(100, 180, 11, 60, 0).p_wait)


def test_erlang_a_large_traffic_and_fractional_agents():
    # 20,000 calls of 200 s (2,222 Erlangs) on 2,200 agents, patience 3 minutes: summed in log space.
    result = erlang_a(20_000, 200, 2200, 180, 20)
    assert 0 < result.abandon_rate < 0.05 and 0 < result.service_level < 1
    low, high = erlang_a(100, 180, 11, 60, 20), erlang_a(100, 180, 12, 60, 20)
    mid = erlang_a(100, 180, 11.5, 60, 20)
    assert mid.service_level == pytest.approx((low.service_level + high.service_level) / 2, abs=1e-15)
    assert mid.abandon_rate == pytest.approx((low.abandon_rate + high.abandon_rate) / 2, abs=1e-15)


def test_required_agents_a():
    assert required_agents_a(0, 180, 60, 20, 0.8) == 0
    n = required_agents_a(100, 180, 60, 20, 0.8)
    assert erlang_a(100, 180, n - 1, 60, 20).service_level < 0.8 <= erlang_a(100, 180, n, 60, 20).service_level
    assert reference_erlang_a(100, 180, n - 1, 60, 20)[0] < 0.8 <= reference_erlang_a(100, 180, n, 60, 20)[0]
    assert n < required_agents(100, 180, 20, 0.8)  # impatient callers leave: fewer agents than Erlang C
    big = required_agents_a(20_000, 200, 180, 20, 0.9)
    assert erlang_a(20_000, 200, big - 1, 180, 20).service_level < 0.9
    assert erlang_a(20_000, 200, big, 180, 20).service_level >= 0.9


def test_patience_estimate_hand_values():
    assert patience_estimate([10, 30], [20, 40]) == 50.0  # (10 + 30 + 20 + 40) / 2 abandons
    assert patience_estimate([], [20, 40]) is None
    assert patience_estimate([0.0], []) == 0.0


# -- properties -------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(calls=st.floats(0, 5000), more=st.floats(0, 500), aht=st.floats(10, 900), t=st.integers(0, 120),
       target=st.floats(0, 0.99))
def test_required_agents_rise_with_traffic(calls, more, aht, t, target):
    assert required_agents(calls, aht, t, target) <= required_agents(calls + more, aht, t, target)


@settings(max_examples=60, deadline=None)
@given(calls=st.floats(1, 3000), aht=st.floats(10, 900), agents=st.floats(0, 800), extra=st.floats(0, 30),
       t=st.integers(0, 120))
def test_service_level_rises_with_agents(calls, aht, agents, extra, t):
    assert service_level(calls, aht, agents, t) <= service_level(calls, aht, agents + extra, t) + 1e-12


@settings(max_examples=40, deadline=None)
@given(calls=st.floats(1, 1500), aht=st.floats(30, 600), agents=st.integers(0, 300), patience=st.floats(5, 900),
       t=st.integers(0, 60))
def test_erlang_a_service_level_rises_with_agents(calls, aht, agents, patience, t):
    fewer, more = erlang_a(calls, aht, agents, patience, t), erlang_a(calls, aht, agents + 1, patience, t)
    assert fewer.service_level <= more.service_level + 1e-12
    assert more.abandon_rate <= fewer.abandon_rate + 1e-12
    for figure in (fewer, more):
        assert 0 <= figure.service_level <= 1 and 0 <= figure.abandon_rate <= 1 and 0 <= figure.p_wait <= 1


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), mean=st.floats(10, 600), ratio=st.floats(0.5, 3))
def test_patience_estimate_recovers_the_mean(seed, mean, ratio):
    # 50,000 callers: patience ~ Exp(mean); the wait they would have before an answer ~ Exp(ratio × mean);
    # whoever runs out of patience first abandons (a third to three quarters of them).
    rng = random.Random(seed)
    abandons, answered = [], []
    for _ in range(50_000):
        patience, wait = rng.expovariate(1 / mean), rng.expovariate(1 / (ratio * mean))
        (abandons if patience < wait else answered).append(min(patience, wait))
    assert patience_estimate(abandons, answered) == pytest.approx(mean, rel=0.05)
