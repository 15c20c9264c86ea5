"""The playbooks' codes worded for the supervisor: severities, roles, step states, run status, the editor's problems.

Roles are free strings: the known ones (app.domain.playbooks.ROLES) have a
translated name, any other role (a contact role the center made up) is shown
as typed. `role_key` reads a worded role back, so an editable combo may show
the names and store the keys.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from app.domain.playbooks import ROLES, RunStatus, Severity, StepState


def severities() -> dict[Severity, str]:
    return {
        Severity.INFO: QCoreApplication.translate("playbook_words", "info"),
        Severity.WARNING: QCoreApplication.translate("playbook_words", "warning"),
        Severity.CRITICAL: QCoreApplication.translate("playbook_words", "critical"),
    }


def roles() -> dict[str, str]:
    """The known roles (in ROLES order) and their names."""
    names = {
        "supervisor": QCoreApplication.translate("playbook_words", "supervisor"),
        "team_leader": QCoreApplication.translate("playbook_words", "team leader"),
        "agents": QCoreApplication.translate("playbook_words", "agents"),
        "it_duty": QCoreApplication.translate("playbook_words", "IT duty"),
        "telephony_vendor": QCoreApplication.translate("playbook_words", "telephony vendor"),
        "facilities": QCoreApplication.translate("playbook_words", "facilities"),
        "duty_manager": QCoreApplication.translate("playbook_words", "duty manager"),
        "wfm": QCoreApplication.translate("playbook_words", "WFM"),
        "qa": QCoreApplication.translate("playbook_words", "QA"),
    }
    return {key: names[key] for key in ROLES}


def role_text(role: str) -> str:
    """A role's name: the translated name of a known role, else the role as written."""
    return roles().get((role or "").strip(), (role or "").strip())


def role_key(text: str) -> str:
    """The role a typed or chosen name stands for: a known role's key (by its name, in either spelling, or by
    its key), else the text itself, stripped."""
    text = (text or "").strip()
    folded = text.casefold()
    for key, name in roles().items():
        if folded in (key.casefold(), name.casefold(), key.replace("_", " ").casefold()):
            return key
    return text


def role_choices(extra: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(key, name) of the known roles, then of the `extra` roles (contact roles, roles of a playbook) not known."""
    out = list(roles().items())
    seen = {key.casefold() for key, _name in out}
    for role in extra:
        role = (role or "").strip()
        if role and role.casefold() not in seen:
            seen.add(role.casefold())
            out.append((role, role))
    return out


def roles_text(keys: Iterable[str]) -> str:
    """Roles as a comma list of names ("supervisor, IT duty")."""
    sep = QCoreApplication.translate("playbook_words", ", ")  # 、 in Chinese
    return sep.join(role_text(k) for k in keys)


def parse_roles(text: str) -> tuple[str, ...]:
    """A comma list of role names (',' '，' '、' ';' or new lines between) read back as role keys."""
    for sep in ("，", "、", ";", "；", "\n"):
        text = text.replace(sep, ",")
    out: list[str] = []
    for part in text.split(","):
        key = role_key(part)
        if key and key.casefold() not in {k.casefold() for k in out}:
            out.append(key)
    return tuple(out)


def step_states() -> dict[StepState, str]:
    return {
        StepState.DONE: QCoreApplication.translate("playbook_words", "done"),
        StepState.SKIPPED: QCoreApplication.translate("playbook_words", "skipped"),
        StepState.FAILED: QCoreApplication.translate("playbook_words", "did not work"),
    }


def run_statuses() -> dict[RunStatus, str]:
    return {
        RunStatus.ACTIVE: QCoreApplication.translate("playbook_words", "running"),
        RunStatus.CLOSED: QCoreApplication.translate("playbook_words", "closed"),
    }


def field_names() -> dict[str, str]:
    """The playbook's fields (and a step's) as the editor labels them."""
    return {
        "key": QCoreApplication.translate("playbook_words", "Key"),
        "title": QCoreApplication.translate("playbook_words", "Title"),
        "situation": QCoreApplication.translate("playbook_words", "Situation"),
        "recognise": QCoreApplication.translate("playbook_words", "How to recognise it"),
        "severity": QCoreApplication.translate("playbook_words", "Severity"),
        "roles": QCoreApplication.translate("playbook_words", "Roles"),
        "language": QCoreApplication.translate("playbook_words", "Language"),
        "steps": QCoreApplication.translate("playbook_words", "Steps"),
        "text": QCoreApplication.translate("playbook_words", "What to do"),
        "role": QCoreApplication.translate("playbook_words", "Who"),
        "minutes": QCoreApplication.translate("playbook_words", "Minutes"),
        "if_fails_goto": QCoreApplication.translate("playbook_words", "If this fails, go to step"),
        "name": QCoreApplication.translate("playbook_words", "Name"),
        "phone": QCoreApplication.translate("playbook_words", "Phone"),
    }


def problem(field: str, code: str, steps=()) -> str:
    """One (field, code) of check_playbook / check_contact as a sentence; `steps`: the draft's steps (for the
    goto's wording: which step it names and how many there are)."""
    names = field_names()
    parts = field.split(".")
    if len(parts) == 3 and parts[0] == "steps" and parts[1].isdigit():
        n, name = int(parts[1]), parts[2]
        if code == "bad_goto":
            goto = steps[n - 1].if_fails_goto if 0 < n <= len(steps) else None
            if goto == n:
                return QCoreApplication.translate(
                    "playbook_words", "Step {step}: 'if this fails' names the step itself.").format(step=n)
            return QCoreApplication.translate(
                "playbook_words", "Step {step}: 'if this fails' names step {goto}, there are {count} steps.").format(
                step=n, goto=goto, count=len(steps))
        if code == "bad_minutes":
            return QCoreApplication.translate(
                "playbook_words", "Step {step}: the minutes must be a whole number from 0 to 480.").format(step=n)
        if code == "required" and name == "text":
            return QCoreApplication.translate("playbook_words", "Step {step}: say what to do.").format(step=n)
        if code == "required" and name == "role":
            return QCoreApplication.translate("playbook_words", "Step {step}: say who does it.").format(step=n)
        return QCoreApplication.translate("playbook_words", "Step {step}: {field}: {code}").format(
            step=n, field=names.get(name, name), code=code)
    texts = {
        "required": QCoreApplication.translate("playbook_words", "{field} is needed."),
        "bad_key": QCoreApplication.translate(
            "playbook_words",
            "The key may hold lower-case letters, digits, '-' and '_' only (at most 80), e.g. acd-login-failure."),
        "no_steps": QCoreApplication.translate("playbook_words", "A playbook needs at least one step."),
        "bad_language": QCoreApplication.translate("playbook_words", "The language must be zh_CN or en."),
    }
    text = texts.get(code, QCoreApplication.translate("playbook_words", "{field}: {code}"))
    return text.format(field=names.get(field, field), code=code)


def problems_lines(problems, steps=()) -> list[str]:
    """Every problem as its sentence, in the order given."""
    return [problem(field, code, steps) for field, code in problems]
