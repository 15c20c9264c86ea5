"""The machine's time zone (light: no database or data libraries, so the window can start fast)."""

from __future__ import annotations

import tzlocal

from app.domain.errors import InvalidSettingError
from app.domain.intervals import zone


def machine_zone() -> str:
    """The IANA name of this machine's time zone (UTC when it cannot be told)."""
    try:
        name = tzlocal.get_localzone_name()
    except Exception:  # tzlocal raises various errors on odd set-ups
        name = None
    if not name:
        return "UTC"
    try:
        zone(name)
    except InvalidSettingError:
        return "UTC"
    return name
