"""Playbook files (YAML): read with the line of every value, written readable.

A file holds one playbook (a mapping) or a list of them:

    key: acd-login-failure
    title: Agents cannot log in to the ACD at the shift change
    situation: ...
    recognise: ...
    severity: critical            # info | warning | critical
    language: en                  # optional: zh_CN | en (default: the reader's `language`)
    roles: [supervisor, it_duty]  # optional: the steps' roles are added
    steps:
      - text: Ask two agents to try logging in on another seat.
        role: supervisor          # optional, default supervisor
        minutes: 2                # optional, default 5
        if_fails_goto: 5          # optional, a 1-based step

Required: key, title, situation, severity and at least one step with its text.
A file that cannot be used raises InputFileError with the line (1-based) of
the value at fault: bad YAML, a missing or unknown field, a value of the
wrong kind, a key given twice, anything `check_playbook` refuses (a goto
out of range, minutes out of range...). Nothing of a bad file is returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from app.domain.errors import InputFileError
from app.domain.playbooks import LANGUAGES, Playbook, PlaybookDraft, Severity, Step, check_playbook, clean_draft

FIELDS = ("key", "title", "situation", "recognise", "severity", "language", "roles", "steps")
REQUIRED = ("key", "title", "situation", "severity", "steps")
STEP_FIELDS = ("text", "role", "minutes", "if_fails_goto")


@dataclass(frozen=True)
class FilePlaybook:
    """One playbook of a file and the line (1-based) it starts on."""

    line: int
    draft: PlaybookDraft


class _Bad(Exception):
    def __init__(self, node: Node | None, reason: str) -> None:
        super().__init__(reason)
        self.line = node.start_mark.line + 1 if node is not None else None
        self.reason = reason


def read_playbooks(path: str | Path, language: str = "en") -> tuple[FilePlaybook, ...]:
    """The playbooks of the file, in file order (see the module docstring); `language`: for those that name none."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(name, f"cannot read the file ({exc.__class__.__name__}: {exc})") from None
    return parse_playbooks(text, name, language)


def parse_playbooks(text: str, name: str = "<text>", language: str = "en") -> tuple[FilePlaybook, ...]:
    """`read_playbooks` of a text already read; `name` names it in errors."""
    try:
        loader = yaml.SafeLoader(text)  # refuses a text with a control character (ReaderError) at once
    except ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise InputFileError(name, f"not readable YAML: character #x{exc.character:04x} is not allowed", line) from None
    try:
        root = loader.get_single_node()
        if root is None:
            raise InputFileError(name, "the file holds no playbook")
        items = root.value if isinstance(root, SequenceNode) else [root]
        if not items:
            raise InputFileError(name, "the file holds no playbook", root.start_mark.line + 1)
        out: list[FilePlaybook] = []
        seen: dict[str, int] = {}
        for node in items:
            found = FilePlaybook(node.start_mark.line + 1, _playbook(loader, node, language))
            if found.draft.key in seen:
                raise _Bad(node, f"the key {found.draft.key!r} is given twice (first on line {seen[found.draft.key]})")
            seen[found.draft.key] = found.line
            out.append(found)
        return tuple(out)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputFileError(name, f"not readable YAML: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise InputFileError(name, f"not readable YAML: {exc}") from None
    except RecursionError:  # PyYAML builds nested lists and mappings recursively
        raise InputFileError(name, "not readable YAML: nested too deeply") from None
    except _Bad as bad:
        raise InputFileError(name, bad.reason, bad.line) from None
    finally:
        loader.dispose()


def _fields(node: Node, allowed: tuple[str, ...], what: str) -> dict[str, Node]:
    if not isinstance(node, MappingNode):
        raise _Bad(node, f"{what} must be a mapping of fields")
    out: dict[str, Node] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, ScalarNode) else None
        if key not in allowed:
            raise _Bad(key_node, f"unknown field {key!r} in {what} (fields: {', '.join(allowed)})")
        if key in out:
            raise _Bad(key_node, f"the field {key!r} is given twice in {what}")
        out[key] = value_node
    return out


def _value(loader: yaml.SafeLoader, node: Node, field: str) -> object:
    """The value of a scalar; YAML's own constructors fail with ValueError on e.g. `2020-13-45` or `0x_`."""
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:
        raise _Bad(node, f"{field}: {node.value!r} is not a readable value ({exc})") from None


def _text(loader: yaml.SafeLoader, node: Node, field: str) -> str:
    if not isinstance(node, ScalarNode):
        raise _Bad(node, f"{field} must be text")
    value = _value(loader, node, field)
    if value is None:
        return ""
    if isinstance(value, bool):
        raise _Bad(node, f"{field} must be text")
    return str(value).strip()


def _whole(loader: yaml.SafeLoader, node: Node, field: str) -> int | None:
    value = _value(loader, node, field) if isinstance(node, ScalarNode) else node
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(node, f"{field} must be a whole number")
    return value


def _playbook(loader: yaml.SafeLoader, node: Node, language: str) -> PlaybookDraft:
    fields = _fields(node, FIELDS, "a playbook")
    for name in REQUIRED:
        if name not in fields:
            raise _Bad(node, f"the playbook has no {name!r}")
    key = _text(loader, fields["key"], "key")
    severity_text = _text(loader, fields["severity"], "severity").lower()
    try:
        severity = Severity(severity_text)
    except ValueError:
        raise _Bad(fields["severity"], f"unknown severity {severity_text!r} (info, warning or critical)") from None
    lang = language
    if "language" in fields:
        lang = _text(loader, fields["language"], "language")
        if lang not in LANGUAGES:
            raise _Bad(fields["language"], f"unknown language {lang!r} ({' or '.join(LANGUAGES)})")
    roles: tuple[str, ...] = ()
    if "roles" in fields:
        roles_node = fields["roles"]
        if isinstance(roles_node, ScalarNode) and _value(loader, roles_node, "roles") is None:
            roles = ()
        elif not isinstance(roles_node, SequenceNode):
            raise _Bad(roles_node, "roles must be a list")
        else:
            roles = tuple(_text(loader, n, "a role") for n in roles_node.value)
    steps_node = fields["steps"]
    if not isinstance(steps_node, SequenceNode) or not steps_node.value:
        raise _Bad(steps_node, "steps must be a list of at least one step")
    steps = tuple(_step(loader, n, i) for i, n in enumerate(steps_node.value, start=1))
    draft = clean_draft(PlaybookDraft(
        key=key, title=_text(loader, fields["title"], "title"),
        situation=_text(loader, fields["situation"], "situation"),
        recognise=_text(loader, fields["recognise"], "recognise") if "recognise" in fields else "",
        severity=severity, roles=roles, steps=steps, language=lang))
    problems = check_playbook(draft)
    if problems:
        field, code = problems[0]
        raise _Bad(_node_of(field, fields, steps_node) or node, _reason(field, code, draft))
    return draft


def _step(loader: yaml.SafeLoader, node: Node, number: int) -> Step:
    what = f"step {number}"
    fields = _fields(node, STEP_FIELDS, what)
    if "text" not in fields:
        raise _Bad(node, f"{what} has no 'text'")
    role = _text(loader, fields["role"], f"the role of {what}") if "role" in fields else "supervisor"
    minutes = _whole(loader, fields["minutes"], f"the minutes of {what}") if "minutes" in fields else 5
    goto = _whole(loader, fields["if_fails_goto"], f"if_fails_goto of {what}") if "if_fails_goto" in fields else None
    return Step(_text(loader, fields["text"], f"the text of {what}"), role, 5 if minutes is None else minutes, goto)


def _node_of(field: str, fields: dict[str, Node], steps_node: SequenceNode) -> Node | None:
    """The node a problem of check_playbook names ("title", "steps.3.if_fails_goto"...)."""
    parts = field.split(".")
    if parts[0] != "steps" or len(parts) == 1:
        return fields.get(parts[0])
    step_node = steps_node.value[int(parts[1]) - 1]
    for key_node, value_node in step_node.value:
        if key_node.value == parts[2]:
            return value_node
    return step_node


def _reason(field: str, code: str, draft: PlaybookDraft) -> str:
    parts = field.split(".")
    where = f"step {parts[1]}: {parts[2]}" if len(parts) == 3 else field
    if code == "bad_goto":
        step = draft.steps[int(parts[1]) - 1]
        return (f"{where} {step.if_fails_goto} is not another step of the playbook "
                f"(steps 1 to {len(draft.steps)})")
    if code == "bad_minutes":
        return f"{where} must be between 0 and 480"
    if code == "bad_key":
        return f"the key {draft.key!r} may hold only lower-case letters, digits, '-' and '_'"
    if code == "required":
        return f"{where} is empty"
    return f"{where}: {code}"


# --- writing ---

def as_mapping(p: PlaybookDraft | Playbook) -> dict:
    """The playbook as the file writes it (the fields in the order of the format)."""
    steps = []
    for s in p.steps:
        step: dict = {"text": s.text, "role": s.role, "minutes": s.minutes}
        if s.if_fails_goto is not None:
            step["if_fails_goto"] = s.if_fails_goto
        steps.append(step)
    return {"key": p.key, "title": p.title, "situation": p.situation, "recognise": p.recognise,
            "severity": Severity(p.severity).value, "language": p.language, "roles": list(p.roles), "steps": steps}


def dump_playbooks(playbooks: list[PlaybookDraft | Playbook] | tuple) -> str:
    """The YAML text of the playbooks: one mapping for one playbook, a list for several."""
    items = [as_mapping(p) for p in playbooks]
    data = items[0] if len(items) == 1 else items
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def write_playbooks(path: str | Path, playbooks: list[PlaybookDraft | Playbook] | tuple) -> None:
    """Write the playbooks to `path` (UTF-8), replacing the file."""
    try:
        Path(path).write_text(dump_playbooks(playbooks), encoding="utf-8")
    except OSError as exc:
        raise InputFileError(str(path), f"cannot write the file ({exc.__class__.__name__}: {exc})") from None
