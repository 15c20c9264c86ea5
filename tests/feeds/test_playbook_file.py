"""Playbook files (YAML): the shipped ones in both languages, a round trip, and bad files named by their line."""

import pytest

from app import paths
from app.domain.errors import InputFileError
from app.domain.playbooks import ROLES, PlaybookDraft, Severity, Step, check_playbook
from app.feeds.playbook_file import dump_playbooks, parse_playbooks, read_playbooks, write_playbooks

KEYS = {"acd-login-failure", "traffic-peak", "long-calls-at-shift-change", "acd-outage", "crm-down",
        "network-power-failure"}

ONE = """\
key: acd-login-failure
title: Agents cannot log in to the ACD at the shift change
situation: Incoming agents cannot log in.
recognise: Fewer agents logged in than present.
severity: critical
roles: [supervisor, it_duty, telephony_vendor]
steps:
  - text: Ask two agents to try logging in on another seat.
    role: supervisor
    minutes: 2
  - text: Call IT duty.
    role: it_duty
    minutes: 5
    if_fails_goto: 3
  - text: Call the telephony vendor.
    role: telephony_vendor
"""


def shipped(language):
    folder = paths.resources_dir() / "playbooks" / language
    return {f.draft.key: f.draft for path in sorted(folder.glob("*.yaml")) for f in read_playbooks(path, language)}


def test_the_shipped_playbooks_exist_in_both_languages_with_the_same_keys():
    zh, en = shipped("zh_CN"), shipped("en")
    assert set(zh) == set(en) == KEYS
    for key in KEYS:
        for draft, language in ((zh[key], "zh_CN"), (en[key], "en")):
            assert check_playbook(draft) == () and draft.language == language
            assert 6 <= len(draft.steps) <= 10, key
            assert set(draft.roles) <= set(ROLES) and "supervisor" in draft.roles
            assert draft.recognise and all(s.minutes > 0 for s in draft.steps)
        assert zh[key].severity is en[key].severity and len(zh[key].steps) == len(en[key].steps)
        assert [s.role for s in zh[key].steps] == [s.role for s in en[key].steps]
        assert [s.if_fails_goto for s in zh[key].steps] == [s.if_fails_goto for s in en[key].steps]
    assert "登录" in zh["acd-login-failure"].title and any("回呼" in s.text for s in zh["traffic-peak"].steps)
    assert any("duty manager" in s.text for s in en["acd-outage"].steps)
    assert {en[k].severity for k in KEYS} == {Severity.CRITICAL, Severity.WARNING, Severity.INFO}


def test_one_playbook_is_read_with_defaults():
    (found,) = parse_playbooks(ONE, "one.yaml", language="zh_CN")
    draft = found.draft
    assert (found.line, draft.key, draft.severity, draft.language) == (1, "acd-login-failure", Severity.CRITICAL,
                                                                       "zh_CN")
    assert draft.roles == ("supervisor", "it_duty", "telephony_vendor")
    assert draft.steps == (Step("Ask two agents to try logging in on another seat.", "supervisor", 2),
                           Step("Call IT duty.", "it_duty", 5, 3), Step("Call the telephony vendor.",
                                                                        "telephony_vendor", 5))


def test_a_round_trip_keeps_everything_and_chinese_stays_readable(tmp_path):
    zh = shipped("zh_CN")
    drafts = [zh[k] for k in sorted(KEYS)]
    path = tmp_path / "all.yaml"
    write_playbooks(path, drafts)
    text = path.read_text(encoding="utf-8")
    assert "交接班时坐席无法登录ACD" in text and "\\u" not in text
    assert text.index("key:") < text.index("title:") < text.index("steps:")  # the format's order, not sorted
    back = read_playbooks(path)
    assert [f.draft for f in back] == drafts
    assert [f.line for f in back] == sorted(f.line for f in back) and back[0].line == 1
    single = dump_playbooks([drafts[0]])
    assert single.startswith("key: ") and parse_playbooks(single)[0].draft == drafts[0]


@pytest.mark.parametrize(("change", "line", "reason"), [
    (("    if_fails_goto: 3", "    if_fails_goto: 9"), 14, "not another step"),
    (("    if_fails_goto: 3", "    if_fails_goto: 2"), 14, "not another step"),
    (("title: Agents cannot log in to the ACD at the shift change\n", ""), 1, "no 'title'"),
    (("    minutes: 2", "    minutes: two"), 10, "whole number"),
    (("    minutes: 2", "    minutes: 900"), 10, "between 0 and 480"),
    (("severity: critical", "severity: huge"), 5, "unknown severity"),
    (("  - text: Call IT duty.", "  - txt: Call IT duty."), 11, "unknown field 'txt'"),
    (("  - text: Call IT duty.", "  - role: it_duty"), 12, "given twice"),  # the second one
    (("roles: [supervisor, it_duty, telephony_vendor]", "roles: [supervisor, it_duty"), 7, "not readable YAML"),
    (("key: acd-login-failure", "key: ACD login!"), 1, "lower-case"),
    (("situation: Incoming agents cannot log in.", "situation: ''"), 3, "situation is empty"),
])
def test_a_bad_file_names_its_line(tmp_path, change, line, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(ONE.replace(*change), encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        read_playbooks(path)
    assert (caught.value.path, caught.value.line) == (str(path), line), caught.value.reason
    assert reason in caught.value.reason


def test_files_that_hold_no_playbook_or_twice_the_same(tmp_path):
    for text, line in (("", None), ("[]\n", 1), ("- just text\n", 1), ("# only a comment\n", None)):
        with pytest.raises(InputFileError) as caught:
            parse_playbooks(text, "x.yaml")
        assert caught.value.line == line
    twice = "- " + ONE.replace("\n", "\n  ").rstrip() + "\n- " + ONE.replace("\n", "\n  ").rstrip() + "\n"
    with pytest.raises(InputFileError, match="given twice") as caught:
        parse_playbooks(twice, "x.yaml")
    assert caught.value.line == 17  # where the second one starts
    with pytest.raises(InputFileError, match="cannot read"):
        read_playbooks(tmp_path / "missing.yaml")
    (tmp_path / "latin1.yaml").write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(InputFileError, match="cannot read"):
        read_playbooks(tmp_path / "latin1.yaml")


def test_a_written_draft_keeps_an_unset_goto_out_of_the_file():
    text = dump_playbooks([PlaybookDraft("k", "T", "S", steps=(Step("a"), Step("b", "qa", 3, 1)))])
    assert text.count("if_fails_goto") == 1 and "if_fails_goto: 1" in text
