"""Supervisors' PINs: the scrypt hash format, salts, verification, PINs that are refused."""

import base64
import hashlib

import pytest

from app.domain.errors import InvalidSettingError
from app.domain.people import Agent, Role, check_pin, hash_pin, verify_pin


def test_hash_format():
    stored = hash_pin("1234", salt=b"0123456789abcdef")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert base64.b64decode(salt) == b"0123456789abcdef"
    expected = hashlib.scrypt(b"1234", salt=b"0123456789abcdef", n=16384, r=8, p=1, dklen=32)
    assert base64.b64decode(digest) == expected
    assert "1234" not in stored


def test_each_hash_has_its_own_salt():
    first, second = hash_pin("246810"), hash_pin("246810")
    assert first != second
    assert len(base64.b64decode(first.split("$")[4])) == 16
    assert verify_pin("246810", first) and verify_pin("246810", second)


def test_verify():
    stored = hash_pin("0042")
    assert verify_pin("0042", stored)
    assert not verify_pin("042", stored)
    assert not verify_pin("0043", stored)
    assert not verify_pin("", stored)


@pytest.mark.parametrize("stored", ["", "garbage", "bcrypt$16384$8$1$AAAA$AAAA", "scrypt$x$8$1$AAAA$AAAA",
                                    "scrypt$16384$8$1$!!!$AAAA"])
def test_a_malformed_stored_hash_never_verifies(stored):
    assert verify_pin("1234", stored) is False


@pytest.mark.parametrize("pin", ["", "123", "1234567890123", "12a4", "12 34", "١٢٣٤", "１２３４", "¹²³⁴"])
def test_bad_pins_are_refused(pin):
    with pytest.raises(InvalidSettingError) as err:
        check_pin(pin)
    assert err.value.setting == "PIN" and err.value.reason == "must be 4 to 12 digits"
    with pytest.raises(InvalidSettingError):
        hash_pin(pin)


def test_good_pins_pass():
    for pin in ("1234", "000000", "123456789012"):
        check_pin(pin)


def test_values():
    agent = Agent(1, 1, "1001", "Li Wei")
    assert (agent.team_id, agent.skills, agent.acd_login, agent.active) == (None, (), None, True)
    assert Role("team_leader") is Role.TEAM_LEADER
