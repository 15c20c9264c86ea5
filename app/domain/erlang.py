"""Erlang B, Erlang C and Erlang A (Palm, M/M/n+M): agents needed and service level expected.

Everything is computed without factorials or powers of the traffic: the Erlang B
recursion B(n) = A·B(n-1) / (n + A·B(n-1)) keeps every value in [0, 1] (its
rounding errors shrink from step to step; where B would underflow it goes on
in logs), Erlang C follows from it, and the Erlang A chain is summed relative
to its largest state with its weights rescaled before they could overflow, so
traffic of thousands of Erlangs costs a few thousand additions and never
overflows.

Service level here has the meaning of the default definition of ARCHITECTURE.md
(`offered`): the fraction of offered calls answered with a wait of at most the
threshold T. Erlang C has no abandons, so that is P(wait <= T). In Erlang A an
abandoned call is offered and not answered, so it counts as a miss whenever it
abandons, also before T (a short abandon is a miss by the default definition).

Arguments are plain numbers: calls per interval (expected or actual offered),
AHT, threshold and patience in seconds, interval length in seconds (default
1800, a half hour). Bad arguments raise InvalidSettingError naming the argument.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.domain.errors import InvalidSettingError

INTERVAL_S = 1800.0
_CUT = 1e-17  # the Erlang A chain stops where the states left hold less than this share of the mass
_TINY_B = 1e-280  # below this Erlang B continues in log space
_LOG_TINY_B = math.log(_TINY_B)


def _number(name: str, value: float, *, positive: bool = False, infinite: bool = False) -> float:
    """`value` as a float, or InvalidSettingError when it is not a finite number >= 0 (> 0 when `positive`)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidSettingError(name, value, "must be a number") from None
    if math.isnan(number) or (math.isinf(number) and not infinite):
        raise InvalidSettingError(name, value, "must be a finite number")
    if number < 0 or (positive and number == 0):
        raise InvalidSettingError(name, value, "must be greater than 0" if positive else "must not be negative")
    return number


def _agents(value: float, *, whole: bool) -> float:
    number = _number("agents", value)
    if whole and number != int(number):
        raise InvalidSettingError("agents", value, "must be a whole number of agents")
    return number


def _target(value: float) -> float:
    number = _number("target", value)
    if number >= 1:
        raise InvalidSettingError("target", value, "must be below 1 (100 %): no staffing answers every call in time")
    return number


def _load(calls: float, aht_s: float, interval_s: float) -> float:
    """Offered load in Erlangs after checking the three arguments; AHT must be > 0 when there are calls."""
    calls = _number("calls", calls)
    interval_s = _number("interval_s", interval_s, positive=True)
    aht_s = _number("aht_s", aht_s, positive=calls > 0)
    return calls * aht_s / interval_s


def _b_up_to(a: float, n: int, b: float = 1.0, start: int = 0) -> float:
    """Erlang B at `n` agents by the recursion, continued from B(start) = b."""
    for k in range(start + 1, n + 1):
        ab = a * b
        b = ab / (k + ab)
    return b


def _log_b_table(a: float, n: int, table: list[float]) -> float:
    """log Erlang B(a, n), extending `table` (log B(a, k) for k = 0, 1, ...; starts as [0.0]) up to n.

    Exact also where B underflows a float (many more agents than traffic): the recursion then runs on logs.
    """
    log_a = math.log(a) if a > 0 else -math.inf
    while len(table) <= n:
        k = len(table)
        log_prev = table[-1]
        if log_prev == -math.inf:
            table.append(-math.inf)
        elif log_prev > _LOG_TINY_B:
            ab = a * math.exp(log_prev)
            b = ab / (k + ab)
            table.append(math.log(b) if b > 0 else -math.inf)
        else:
            table.append(log_a + log_prev - math.log(k + a * math.exp(log_prev)))
    return table[n]


def _log_b(a: float, n: int) -> float:
    """log Erlang B(a, n) for one n: the plain recursion while B is a normal float, then on logs."""
    b = 1.0
    k = 0
    while k < n and b > _TINY_B:
        k += 1
        ab = a * b
        b = ab / (k + ab)
    log_b = math.log(b) if b > 0 else -math.inf
    if k == n:
        return log_b
    table = [0.0] * k + [log_b]  # only the last entry and the length matter to the table's recursion
    return _log_b_table(a, n, table)


def _c_from_b(a: float, n: int, b: float) -> float:
    """Erlang C from Erlang B at the same n (n > a)."""
    return n * b / (n - a * (1.0 - b))


def erlang_b(traffic: float, agents: int) -> float:
    """Blocking probability of the loss system M/M/n/n with `traffic` Erlangs offered to `agents` lines."""
    a = _number("traffic", traffic)
    n = int(_agents(agents, whole=True))
    return _b_up_to(a, n)


def erlang_c(traffic: float, agents: int) -> float:
    """Probability that a call waits (M/M/n).

    1.0 when agents <= traffic (the queue never empties), 0.0 without traffic.
    """
    a = _number("traffic", traffic)
    n = int(_agents(agents, whole=True))
    if a == 0:
        return 0.0
    if n <= a:
        return 1.0
    return _c_from_b(a, n, _b_up_to(a, n))


def traffic(calls: float, aht_s: float, interval_s: float = INTERVAL_S) -> float:
    """Offered load in Erlangs: calls × AHT / interval length."""
    return _load(calls, aht_s, interval_s)


def _sl_c(a: float, n: int, b: float, threshold_s: float, aht_s: float) -> float:
    if n <= a:
        return 0.0
    sl = 1.0 - _c_from_b(a, n, b) * math.exp(-(n - a) * threshold_s / aht_s)
    return min(1.0, max(0.0, sl))


def _asa_c(a: float, n: int, b: float, aht_s: float) -> float:
    return math.inf if n <= a else _c_from_b(a, n, b) * aht_s / (n - a)


def _interpolated(agents: float, a: float, value: Callable[[int, float], float]) -> float:
    """value(n, B(n)) at a whole `agents`, else linear between floor and ceil (fractional staffing)."""
    low = math.floor(agents)
    b_low = _b_up_to(a, low)
    at_low = value(low, b_low)
    frac = agents - low
    if frac == 0:
        return at_low
    at_high = value(low + 1, _b_up_to(a, low + 1, b_low, low))
    if math.isinf(at_low) or math.isinf(at_high):
        return math.inf
    return at_low + frac * (at_high - at_low)


def service_level(calls: float, aht_s: float, agents: float, threshold_s: float,
                  interval_s: float = INTERVAL_S) -> float:
    """Erlang C fraction of calls answered within `threshold_s`: 1 - C·exp(-(n-A)·T/AHT).

    1.0 without calls; 0.0 when agents <= traffic. Fractional `agents` (7.5) interpolate linearly
    between the whole numbers around them.
    """
    a = _load(calls, aht_s, interval_s)
    n = _agents(agents, whole=False)
    t = _number("threshold_s", threshold_s)
    if a == 0:
        return 1.0
    return _interpolated(n, a, lambda k, b: _sl_c(a, k, b, t, aht_s))


def asa(calls: float, aht_s: float, agents: float, interval_s: float = INTERVAL_S) -> float:
    """Erlang C average speed of answer in seconds, C·AHT/(n-A); inf when agents <= traffic.

    0.0 without calls. Fractional `agents` interpolate like `service_level` (inf if either side is inf).
    """
    a = _load(calls, aht_s, interval_s)
    n = _agents(agents, whole=False)
    if a == 0:
        return 0.0
    return _interpolated(n, a, lambda k, b: _asa_c(a, k, b, aht_s))


def required_agents(calls: float, aht_s: float, threshold_s: float, target: float,
                    interval_s: float = INTERVAL_S, max_occupancy: float | None = None) -> int:
    """The smallest whole number of agents (more than the traffic) whose Erlang C service level reaches `target`.

    With `max_occupancy` (0 < occupancy <= 1) the agents are also at least traffic / max_occupancy.
    0 calls need 0 agents. One pass of the Erlang B recursion: cost grows with the traffic, not with a search.
    """
    a = _load(calls, aht_s, interval_s)
    t = _number("threshold_s", threshold_s)
    goal = _target(target)
    lowest = 0
    if max_occupancy is not None:
        occupancy = _number("max_occupancy", max_occupancy, positive=True)
        if occupancy > 1:
            raise InvalidSettingError("max_occupancy", max_occupancy, "must be at most 1 (100 %)")
        lowest = math.ceil(a / occupancy - 1e-9)
    if a == 0:
        return 0
    n = math.floor(a)
    b = _b_up_to(a, n)
    decay = t / aht_s
    while True:
        n += 1
        ab = a * b
        b = ab / (n + ab)
        if n >= lowest and 1.0 - _c_from_b(a, n, b) * math.exp(-(n - a) * decay) >= goal:
            return n


@dataclass(frozen=True, slots=True)
class ErlangA:
    """What Erlang A predicts for one interval (fractions of offered calls, seconds).

    service_level: answered within the threshold (abandons count as misses); abandon_rate: abandoned;
    asa_s: mean wait of the answered calls; p_wait: calls that find every agent busy.
    """

    service_level: float
    abandon_rate: float
    asa_s: float
    p_wait: float


def _erlang_a_whole(lam: float, mu: float, theta: float, n: int, t: float, log_b: float) -> ErlangA:
    """Erlang A at a whole number of agents; lam, mu, theta are rates per second (arrival, service, abandon).

    A call that arrives when all n agents are busy with j callers waiting ahead is answered if the
    j+1 steps ahead of it (each at rate nμ + iθ) come before its own patience runs out: probability
    nμ/(nμ + (j+1)θ); its wait is then a sum of exponentials with rates nμ + iθ, i = 1..j+1,
    whose distribution is P(wait <= T) = I_p(j+1, nμ/θ + 1), the regularized incomplete beta at
    p = 1 - exp(-θT). Callers who find a free agent (probability mass (1-B)/B relative to state n)
    are answered at once. `log_b` is log Erlang B(λ/μ, n).
    """
    if n == 0:
        log_below = -math.inf
    else:
        log_below = math.log1p(-math.exp(log_b)) - log_b if log_b < 0 else -math.inf
    served_rate = n * mu
    # Weights relative to the larger of state n and the states below it; rescaled if they grow huge.
    ref = max(log_below, 0.0)
    below = math.exp(log_below - ref)
    w = math.exp(-ref)
    p = -math.expm1(-theta * t)
    beta = served_rate / theta + 1.0  # the incomplete beta's second parameter, nμ/θ + 1
    within = -math.expm1(-(served_rate + theta) * t)  # I_p(1, beta) = 1 - q^beta
    log_term = math.log(p) - (served_rate + theta) * t + math.log(beta) if p > 0 else -math.inf  # p·q^beta·beta
    mean_wait = total = served = answered_in_time = waited = abandoned = 0.0
    j = 0
    while True:
        rate = served_rate + (j + 1) * theta  # how fast a caller with j ahead moves on (served or gone)
        answered = w * served_rate / rate
        mean_wait += 1.0 / rate
        total += w
        served += answered
        waited += answered * mean_wait
        abandoned += w - answered
        if within > 0:
            answered_in_time += answered * within
            # I_p(a+1, beta) = I_p(a, beta) - p^a q^beta Γ(a+beta) / (Γ(a+1) Γ(beta)), a = j+1
            if log_term > -745.0:
                within = max(0.0, within - math.exp(log_term))
            log_term += math.log(p * (j + 1 + beta) / (j + 2))
        ratio = lam / rate  # state n+j+1 against state n+j
        w *= ratio
        j += 1
        # the ratios only fall from here, so what is left is at most w / (1 - ratio)
        if ratio < 1 and w < (1.0 - ratio) * (below + total) * _CUT:
            break
        if w > 1e250:
            w, below, total, served, answered_in_time, waited, abandoned = (
                v * 1e-250 for v in (w, below, total, served, answered_in_time, waited, abandoned))
    z = below + total
    answered_all = below + served
    return ErlangA(
        service_level=min(1.0, (below + answered_in_time) / z),
        abandon_rate=min(1.0, abandoned / z),
        asa_s=waited / answered_all if answered_all > 0 else math.inf,
        p_wait=min(1.0, total / z),
    )


def _erlang_a_at(a: float, aht_s: float, n: int, patience_s: float, t: float, interval_s: float,
                 calls: float, log_b: float | None = None) -> ErlangA:
    if math.isinf(patience_s):  # nobody abandons: Erlang C
        if n <= a:
            return ErlangA(0.0, 0.0, math.inf, 1.0)
        b = _b_up_to(a, n)
        return ErlangA(_sl_c(a, n, b, t, aht_s), 0.0, _asa_c(a, n, b, aht_s), _c_from_b(a, n, b))
    if patience_s == 0:  # whoever would wait hangs up at once: the loss system, Erlang B
        b = _b_up_to(a, n)
        return ErlangA(1.0 - b, b, 0.0 if n > 0 else math.inf, b)
    log_b = _log_b(a, n) if log_b is None else log_b
    return _erlang_a_whole(calls / interval_s, 1.0 / aht_s, 1.0 / patience_s, n, t, log_b)


def erlang_a(calls: float, aht_s: float, agents: float, patience_s: float, threshold_s: float,
             interval_s: float = INTERVAL_S) -> ErlangA:
    """Erlang A (M/M/n+M, exponential patience of mean `patience_s`) for one interval.

    Stationary state probabilities of the birth-death chain, summed relative to the largest state
    (rescaled, never overflowing) and cut where the states left hold less than 1e-17 of the mass.
    patience_s = inf gives Erlang C, 0 gives Erlang B (nobody waits). Service level as in the module
    docstring (default definition `offered`: an abandoned call is a miss even when it abandons within
    the threshold). Without calls: SL 1.0, nothing abandoned, ASA 0; without agents ASA is inf.
    Fractional `agents` interpolate every field linearly. The cost grows with the agents and with the
    queue an overload builds before impatience empties it ((λ - nμ)/θ states): well under a
    millisecond for a call center's figures.
    """
    a = _load(calls, aht_s, interval_s)
    n = _agents(agents, whole=False)
    patience = _number("patience_s", patience_s, infinite=True)
    t = _number("threshold_s", threshold_s)
    if a == 0:
        return ErlangA(1.0, 0.0, 0.0, 0.0)
    low = math.floor(n)
    at_low = _erlang_a_at(a, aht_s, low, patience, t, interval_s, calls)
    frac = n - low
    if frac == 0:
        return at_low
    at_high = _erlang_a_at(a, aht_s, low + 1, patience, t, interval_s, calls)

    def mix(x: float, y: float) -> float:
        return math.inf if math.isinf(x) or math.isinf(y) else x + frac * (y - x)

    return ErlangA(*(mix(getattr(at_low, f), getattr(at_high, f))
                     for f in ("service_level", "abandon_rate", "asa_s", "p_wait")))


def required_agents_a(calls: float, aht_s: float, patience_s: float, threshold_s: float, target: float,
                      interval_s: float = INTERVAL_S) -> int:
    """The smallest whole number of agents whose Erlang A service level reaches `target`; 0 calls need 0.

    Service level rises with agents: starting from the Erlang C answer, the answer is bracketed by
    steps doubling up or down, then bisected; Erlang B comes from one recursion shared by every step.
    """
    a = _load(calls, aht_s, interval_s)
    patience = _number("patience_s", patience_s, infinite=True)
    t = _number("threshold_s", threshold_s)
    goal = _target(target)
    if a == 0:
        return 0
    table = [0.0]

    def meets(n: int) -> bool:
        log_b = _log_b_table(a, n, table)
        return _erlang_a_at(a, aht_s, n, patience, t, interval_s, calls, log_b).service_level >= goal

    guess = required_agents(calls, aht_s, t, goal, interval_s)
    step = 1
    if meets(guess):  # fewer may do: find one that does not
        high = guess
        while True:
            low = max(0, high - step)
            if not meets(low):
                break
            if low == 0:
                return 0
            high, step = low, 2 * step
    else:
        low = guess
        while True:
            high = low + step
            if meets(high):
                break
            low, step = high, 2 * step
    while high - low > 1:  # meets(high), not meets(low)
        middle = (low + high) // 2
        if meets(middle):
            high = middle
        else:
            low = middle
    return high


def patience_estimate(abandon_waits_s: Sequence[float], answered_waits_s: Sequence[float]) -> float | None:
    """Maximum-likelihood mean patience (exponential, answered calls censored at their wait).

    Total waiting exposure of all callers (abandoned ones until they hung up, answered ones until
    they were answered) divided by the number of abandons; None when nobody abandoned.
    """
    exposure = 0.0
    for name, waits in (("abandon_waits_s", abandon_waits_s), ("answered_waits_s", answered_waits_s)):
        for i, wait in enumerate(waits):
            exposure += _number(f"{name}[{i}]", wait)
    if not abandon_waits_s:
        return None
    return exposure / len(abandon_waits_s)
