"""Agents, teams and supervisors as values, and supervisors' PINs.

A PIN is stored only as a salted scrypt hash (hashlib, a standard key
derivation function): "scrypt$n$r$p$salt$hash", salt and hash in base64.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import os
from dataclasses import dataclass

from app.domain.errors import InvalidSettingError

PIN_MIN, PIN_MAX = 4, 12
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


class Role(str, enum.Enum):
    SUPERVISOR = "supervisor"
    TEAM_LEADER = "team_leader"
    VIEWER = "viewer"


@dataclass(frozen=True, slots=True)
class Team:
    """A team of a site, its leader (a supervisor with the team-leader role) and its colour (#rrggbb)."""

    id: int
    site_id: int
    name: str
    leader_id: int | None = None
    leader_name: str | None = None
    colour: str = "#4c78a8"


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent: employee number, name, team, skills, the login the ACD feed uses, fixed seat."""

    id: int
    site_id: int
    employee_no: str
    name: str
    team_id: int | None = None
    team_name: str | None = None
    skills: tuple[str, ...] = ()
    acd_login: str | None = None
    fixed_seat: str | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class Supervisor:
    """A person who signs: name and role (the PIN hash never leaves storage)."""

    id: int
    name: str
    role: Role
    active: bool = True


def check_pin(pin: str) -> None:
    """A PIN is 4 to 12 digits 0-9 (str.isdigit alone takes full-width １２３４, which hashes differently)."""
    if not (PIN_MIN <= len(pin) <= PIN_MAX) or not (pin.isascii() and pin.isdigit()):
        raise InvalidSettingError("PIN", None, f"must be {PIN_MIN} to {PIN_MAX} digits")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    check_pin(pin)
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt)}${b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)
