"""Fuzz the playbook file reader (YAML): random bytes, playbooks with wrong values, mutated real playbooks.

A playbook file is all or nothing: the reader gives every playbook of it (each may be stored:
`check_playbook` finds nothing, keys unique, the line each starts on within the file), or refuses
the file with InputFileError naming the line at fault. SAMPLE is the start of
resources/playbooks/en/acd-login-failure.yaml (texts shortened) and a second playbook.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.domain.errors import InputFileError
from app.domain.playbooks import check_playbook
from app.feeds.playbook_file import FIELDS, STEP_FIELDS, read_playbooks
from tests.fuzz.support import FUZZ, HUGE, mutated, read_or_refused, write

SAMPLE = """\
- key: acd-login-failure
  title: Agents cannot log in to the ACD at the shift change
  situation: >-
    At the shift change several incoming agents cannot log in to the ACD.
  recognise: Agents report "login failed" or "invalid extension".
  severity: critical
  language: en
  roles: [supervisor, team_leader, it_duty]
  steps:
  - text: Ask the outgoing agents who are still logged in to stay on the phones until relieved.
    role: supervisor
    minutes: 1
  - text: Ask two affected agents to log in on another seat with their own ID.
    role: team_leader
    minutes: 3
    if_fails_goto: 1
- key: shift-change-peak
  title: 交接班话务高峰
  situation: 排队电话突然增加
  severity: warning
  steps:
  - text: 通知组长
""".encode()
# YAML's own line breaks: what its marks count.
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def check(data: bytes):
    path = write(data, ".yaml")
    try:
        text = data.decode("utf-8-sig")
        lines = len(_BREAKS.split(text))  # an error at the end of the last line names the line after it
    except UnicodeDecodeError:
        lines = 1
    playbooks = read_or_refused(path, lambda: read_playbooks(path), lines)
    if playbooks is None:
        return None
    assert playbooks, "a file is refused when it holds no playbook"
    assert len({p.draft.key for p in playbooks}) == len(playbooks)
    for p in playbooks:
        assert 1 <= p.line <= lines
        assert check_playbook(p.draft) == ()
    return playbooks


def test_the_sample_reads_as_documented():
    playbooks = check(SAMPLE)
    assert [(p.line, p.draft.key, len(p.draft.steps)) for p in playbooks] == [
        (1, "acd-login-failure", 2), (17, "shift-change-peak", 1)]


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    check(data)


# Scalars written as they are (not quoted): YAML resolves them to text, numbers, dates, booleans...
SCALARS = st.one_of(
    st.sampled_from((
        "", "~", "null", "true", "no", "0", "-1", "481", "3", "1.5", "1e400", ".nan", ".inf", HUGE, "0x_", "0b_",
        "0o_", "0x1F", "1_000", "1:30", "2020-13-45", "2020-02-30", "2026-03-02", "2026-03-02T25:00:00",
        "!!binary x", "!!python/object:os.system x", "!!int abc", "!!float abc", "!!timestamp 2020-99-99",
        "&a x", "*a", "*undefined", "[a, b]", "[]", "{}", "{a: 1}", "|\n  block", ">-\n  folded", "'quoted'",
        '"dq\\x00"', "'unterminated", "- x", "x: y", "critical", "warning", "info", "supervisor", "zh_CN", "en",
        "acd-login-failure", "Bad Key!", "\t", "@x", "`x", "%x", "交接", "\ufeff", "\x85", "\u2028",
    )),
    st.integers(-(10**30), 10**30).map(str),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=15),
)


def _mapping(pairs: list[tuple[str, str]], indent: str) -> str:
    lines = []
    for i, (key, value) in enumerate(pairs):
        lead = indent[:-2] + "- " if i == 0 and indent else indent
        lines.append(f"{lead}{key}: {value}")
    return "\n".join(lines)


@st.composite
def playbook_text(draw) -> str:
    """A playbook (or a list of them) with the right fields and wrong values, or wrong fields."""
    def fields(names, extra):
        chosen = draw(st.lists(st.sampled_from(names + extra), max_size=len(names) + 1))
        return [(name, draw(SCALARS)) for name in chosen]

    out = []
    for _ in range(draw(st.integers(1, 3))):
        pairs = fields(FIELDS, ("keys", "step", "<<"))
        steps = [_mapping(fields(STEP_FIELDS, ("txt",)), "    ") for _ in range(draw(st.integers(0, 3)))]
        pairs = [(k, v) for k, v in pairs if k != "steps"] + [("steps", "\n" + "\n".join(s for s in steps if s))]
        out.append(_mapping(pairs, "  "))
    return "\n".join(out) + draw(st.sampled_from(("\n", "", "\r\n")))


@FUZZ
@given(playbook_text())
@example("- key: a\n  title: 2020-13-45\n  situation: s\n  severity: info\n  steps:\n  - text: x\n")  # ValueError
@example("- key: a\n  title: t\n  situation: s\n  severity: info\n  steps:\n  - text: x\n    minutes: 0x_\n")
@example("- steps: \n  - text: \x1f\n")  # was yaml.reader.ReaderError
@example("[" * 1000)  # RecursionError
@example("- " * 1000 + "x")  # RecursionError
def test_structured_wrong_values(text):
    check(text.encode("utf-8"))


@FUZZ
@given(mutated(SAMPLE, max_edits=8))
def test_mutated_sample(data):
    check(data)


def test_a_control_character_names_its_line():
    """PyYAML refuses control characters as it is created, before the reader's own error handling
    (was yaml.reader.ReaderError)."""
    path = write(SAMPLE.replace(b"minutes: 3", b"minutes: \x1f3"), ".yaml")
    with pytest.raises(InputFileError) as refused:
        read_playbooks(path)
    assert (refused.value.line, refused.value.reason) == (15, "not readable YAML: character #x001f is not allowed")


def test_values_yaml_cannot_construct_name_their_line():
    """`2020-13-45` is a timestamp to YAML and `0x_` a hex number: their constructors raised ValueError."""
    for text, line in (("- key: a\n  title: 2020-13-45\n  situation: s\n  severity: info\n  steps:\n  - text: x\n", 2),
                       ("key: a\ntitle: t\nsituation: s\nseverity: info\nsteps:\n- text: x\n  minutes: 0x_\n", 7)):
        path = write(text.encode(), ".yaml")
        with pytest.raises(InputFileError) as refused:
            read_playbooks(path)
        assert refused.value.line == line and "is not a readable value" in refused.value.reason
