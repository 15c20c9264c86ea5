"""Synthetic `calls-csv` feed for the import benchmarks (deterministic, seeded numpy).

    python -m tests.benchmarks.generate_calls_csv OUT [N]      # N defaults to 1,000,000 (~100 MB)

The file looks like a month of a mid-size call centre exported by its ACD:

* 10 queues of unequal volume, arrivals over 30 days from Monday 2024-04-01
  (up to 14:30 on the last day, when the export was taken), weekdays busier
  than weekends, an hourly shape with a morning and an afternoon peak and
  quiet nights; calls are written in arrival order;
* about 86 % answered, 10.5 % abandoned, 3.5 % other (timeouts, key presses);
  a call whose queue outcome lies after the end of the data is `waiting`
  (a few dozen, in the last minutes);
* waits are exponential (longer in busy half hours and on some queues), handle
  times lognormal (median about 3.5 minutes), about 180 agents, a caller number on
  about 60 % of the calls;
* times are ISO 8601 wall clock without an offset, to whole seconds (import
  with `--tz UTC`).

Everything is vectorized; 1,000,000 calls take a few seconds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

HEADER = ("call_id", "queue", "arrived_at", "answered_at", "ended_at", "outcome", "agent", "caller")
START = np.datetime64("2024-04-01T00:00:00", "s")  # a Monday
DAYS = 30
SEED = 20240401
# Bumped whenever the output changes, so a cached file is never stale.
VERSION = 1

QUEUES = ("billing", "cards", "loans", "mortgages", "business", "fraud", "tech-support", "sales", "vip", "english")
QUEUE_SHARE = np.array([0.22, 0.17, 0.10, 0.06, 0.09, 0.04, 0.14, 0.10, 0.03, 0.05])
QUEUE_MEAN_WAIT = np.array([28.0, 22.0, 35.0, 40.0, 18.0, 8.0, 45.0, 15.0, 6.0, 30.0])
# Relative arrivals per local hour 0..23 (two peaks, quiet night).
HOURLY = np.array(
    [0.8, 0.5, 0.3, 0.3, 0.3, 0.6, 1.5, 4.0, 8.0, 10.0, 11.0, 10.5,
     8.5, 9.0, 10.0, 9.5, 8.5, 7.0, 5.0, 3.5, 2.8, 2.2, 1.6, 1.1]
)
WEEKDAY = np.array([1.00, 0.95, 0.93, 0.95, 0.90, 0.45, 0.30])  # Monday..Sunday
FIRST_NAMES = (
    "Anna", "Ben", "Chen", "Dana", "Eli", "Fatima", "Gil", "Hana", "Ivan", "Jun", "Kira", "Li",
    "Maya", "Noa", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tal", "Uri", "Vera", "Wei", "Yael",
    "Zoe", "Ari", "Bo", "Carla", "Dov", "Ema",
)
LAST_INITIALS = ("A.", "B.", "K.", "L.", "M.", "S.")


def _arrivals(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted arrival instants (datetime64[s]) and the load factor of their half hour."""
    day_weight = WEEKDAY[np.arange(DAYS) % 7]
    slot_weight = np.repeat(HOURLY, 2)  # 48 half hours
    # The export was taken at 14:30 on the last day, in the afternoon peak.
    weight = (day_weight[:, None] * slot_weight[None, :]).ravel()[: (DAYS - 1) * 48 + 29]
    slot = rng.choice(weight.size, size=n, p=weight / weight.sum())
    seconds = np.sort(slot * 1800 + rng.integers(0, 1800, size=n))
    load = weight[seconds // 1800] / weight.max()
    return START + seconds.astype("timedelta64[s]"), load


def calls_frame(n: int, seed: int = SEED) -> pd.DataFrame:
    """The n calls as text columns in HEADER order."""
    rng = np.random.default_rng(seed)
    arrived, load = _arrivals(rng, n)
    q = rng.choice(len(QUEUES), size=n, p=QUEUE_SHARE)
    u = rng.random(n)
    answered = u < 0.86
    abandoned = (u >= 0.86) & (u < 0.965)
    # Answered: exponential wait, longer when the half hour is busy.
    wait = rng.exponential(QUEUE_MEAN_WAIT[q] * (0.3 + 1.4 * load))
    wait = np.where(abandoned, rng.exponential(50.0, n), wait)
    wait = np.where(~answered & ~abandoned, rng.uniform(30.0, 300.0, n), wait)  # other
    wait = np.rint(wait).astype("timedelta64[s]")
    handle = np.rint(rng.lognormal(5.3, 0.6, n)).astype("timedelta64[s]") + np.timedelta64(5, "s")
    left_queue = arrived + wait
    # The data end shortly after the last arrival: whatever leaves the queue
    # later is still waiting.
    data_end = arrived[-1]
    waiting = left_queue > data_end
    answered &= ~waiting
    outcome = np.select([waiting, answered, abandoned], ["waiting", "answered", "abandoned"], "other")
    ended = np.where(answered, left_queue + handle, left_queue)

    def iso(values: np.ndarray, keep: np.ndarray) -> np.ndarray:
        text = np.datetime_as_string(values, unit="s").astype(object)
        text[~keep] = ""
        return text

    agents = np.array([f"{f} {l}" for f in FIRST_NAMES for l in LAST_INITIALS], dtype=object)
    agent = agents[rng.integers(0, len(agents), n)]
    agent[~answered] = ""
    caller = pd.Series(rng.integers(200_000_000, 999_999_999, n)).astype(str).radd("+44").to_numpy(dtype=object)
    caller[rng.random(n) >= 0.6] = ""
    call_id = pd.Series(np.arange(1, n + 1)).astype(str).str.zfill(9).radd("C").to_numpy(dtype=object)
    return pd.DataFrame(
        {
            "call_id": call_id,
            "queue": np.asarray(QUEUES, dtype=object)[q],
            "arrived_at": iso(arrived, np.ones(n, dtype=bool)),
            "answered_at": iso(left_queue, answered),
            "ended_at": iso(ended, ~waiting),
            "outcome": outcome,
            "agent": agent,
            "caller": caller,
        },
        columns=list(HEADER),
    )


def generate(out: Path, n: int = 1_000_000, seed: int = SEED) -> Path:
    """Write n calls to `out` (a calls-csv file) and return its path."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    frame = calls_frame(n, seed)
    tmp = out.with_name(out.name + ".part")
    frame.to_csv(tmp, index=False, lineterminator="\n", chunksize=200_000)
    tmp.replace(out)
    return out


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print("usage: python -m tests.benchmarks.generate_calls_csv OUT [N]", file=sys.stderr)
        return 2
    n = int(argv[1].replace("_", "").replace(",", "")) if len(argv) == 2 else 1_000_000
    path = generate(Path(argv[0]), n)
    print(f"{path}: {n:,} calls, {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
