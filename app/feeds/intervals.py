"""Vectorized assignment of calls to their local half-hour interval.

The same rule as `app.domain.intervals.interval_start`, over arrays: the
local wall-clock time is floored to the half hour and the start is given as
the UTC epoch second of that local start.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def interval_starts(arrived: np.ndarray, tz_name: str) -> np.ndarray:
    """Epoch second (int64) of the local half-hour start of each arrival (epoch seconds)."""
    if len(arrived) == 0:
        return np.zeros(0, dtype=np.int64)
    utc = pd.to_datetime(pd.Series(arrived, dtype=float), unit="s", utc=True)
    wall = utc.dt.tz_convert(tz_name).dt.tz_localize(None)
    into = (wall - wall.dt.floor("30min")) / pd.Timedelta(seconds=1)
    return np.round(arrived - into.to_numpy(dtype=float)).astype(np.int64)
