"""Emergency handover playbooks (交接班应急预案): versioned checklists, the contacts they call, and runs.

A playbook says what to do when something goes wrong at the shift change:
the situation it is for, how to recognise it, its severity, the roles
involved and ordered steps (text, who does it, expected minutes, optionally
"if this fails, go to step N"). It is versioned: a change is a new version
and a run keeps the version it used.

A run is a playbook followed on a shift: each step is marked done, skipped
(with a reason) or failed ("did not work": the run goes on at the step's
`if_fails_goto`); marks and notes are append-only, the latest mark of a step
counts. `run_log_text` writes the run as the text of its one work-log entry.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from app.domain.errors import AppError


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """0 for critical (listed first), 2 for info."""
        return (Severity.CRITICAL, Severity.WARNING, Severity.INFO).index(self)


# Roles are free strings naming a contact role or a floor role; the shipped playbooks use these.
ROLES = ("supervisor", "team_leader", "agents", "it_duty", "telephony_vendor", "facilities", "duty_manager", "wfm",
         "qa")
LANGUAGES = ("zh_CN", "en")
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
MAX_MINUTES = 8 * 60


@dataclass(frozen=True, slots=True)
class Step:
    """One step: what to do, who does it, how long it should take; `if_fails_goto`: the 1-based step to go on
    with when this one does not work (None: go on with the next)."""

    text: str
    role: str = "supervisor"
    minutes: int = 5
    if_fails_goto: int | None = None


@dataclass(frozen=True, slots=True)
class PlaybookDraft:
    """What an editor or a file gives: a playbook without its identity and version."""

    key: str
    title: str
    situation: str = ""
    recognise: str = ""
    severity: Severity = Severity.WARNING
    roles: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    language: str = "en"


CONTENT = ("title", "situation", "recognise", "severity", "roles", "steps", "language")


@dataclass(frozen=True, slots=True)
class Playbook:
    """One stored version of a playbook; `retired`: the key is no longer offered (its versions stay readable)."""

    id: int
    site_id: int
    key: str
    version: int
    title: str
    situation: str
    recognise: str
    severity: Severity
    roles: tuple[str, ...]
    steps: tuple[Step, ...]
    language: str
    created_at: datetime
    created_by: str
    retired: bool = False

    def draft(self) -> PlaybookDraft:
        return PlaybookDraft(self.key, *(getattr(self, name) for name in CONTENT))

    def step(self, number: int) -> Step:
        """The step numbered `number` (1-based)."""
        return self.steps[number - 1]


class InvalidPlaybookError(AppError):
    """A playbook or contact that may not be stored: `problems` holds (field, code) as check_playbook /
    check_contact give."""

    code = "invalid_playbook"

    def __init__(self, problems: tuple[tuple[str, str], ...]) -> None:
        listed = ", ".join(f"{field}: {code}" for field, code in problems)
        super().__init__(f"the playbook cannot be stored ({listed})", problems=problems)
        self.problems = problems


class InvalidRunError(AppError):
    """A mark, note or close a run refuses: `problems` holds (field, code) as check_mark / check_close give."""

    code = "invalid_run"

    def __init__(self, run_id: int, problems: tuple[tuple[str, str], ...]) -> None:
        listed = ", ".join(f"{field}: {code}" for field, code in problems)
        super().__init__(f"run {run_id}: refused ({listed})", run_id=run_id, problems=problems)
        self.run_id = run_id
        self.problems = problems


def normal_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """Roles stripped, empty ones dropped, the first spelling of each kept."""
    out: list[str] = []
    for role in roles:
        role = (role or "").strip()
        if role and role.casefold() not in {r.casefold() for r in out}:
            out.append(role)
    return tuple(out)


def roles_of(draft: PlaybookDraft | Playbook) -> tuple[str, ...]:
    """The playbook's roles: those it names, then those of its steps it does not name."""
    return normal_roles((*draft.roles, *(s.role for s in draft.steps)))


def check_playbook(d: PlaybookDraft) -> tuple[tuple[str, str], ...]:
    """What is missing or wrong, as (field, code); empty when the playbook may be stored.

    Fields: key, title, situation, language, steps, and "steps.N.text" / "steps.N.role" /
    "steps.N.minutes" / "steps.N.if_fails_goto" for step N (1-based). Codes: required, bad_key (lower-case
    letters, digits, '-' and '_', at most 80), no_steps, bad_minutes (a whole number 0..480),
    bad_goto (not a step of the playbook, or the step itself), bad_language.
    """
    problems: list[tuple[str, str]] = []
    key = (d.key or "").strip()
    if not key:
        problems.append(("key", "required"))
    elif not KEY_PATTERN.match(key):
        problems.append(("key", "bad_key"))
    for name in ("title", "situation"):
        if not (getattr(d, name) or "").strip():
            problems.append((name, "required"))
    if d.language not in LANGUAGES:
        problems.append(("language", "bad_language"))
    if not d.steps:
        problems.append(("steps", "no_steps"))
    for n, step in enumerate(d.steps, start=1):
        if not (step.text or "").strip():
            problems.append((f"steps.{n}.text", "required"))
        if not (step.role or "").strip():
            problems.append((f"steps.{n}.role", "required"))
        if isinstance(step.minutes, bool) or not isinstance(step.minutes, int) or not 0 <= step.minutes <= MAX_MINUTES:
            problems.append((f"steps.{n}.minutes", "bad_minutes"))
        goto = step.if_fails_goto
        if goto is not None and (isinstance(goto, bool) or not isinstance(goto, int) or not 1 <= goto <= len(d.steps)
                                 or goto == n):
            problems.append((f"steps.{n}.if_fails_goto", "bad_goto"))
    return tuple(problems)


def clean_draft(d: PlaybookDraft) -> PlaybookDraft:
    """The draft with its texts stripped and its roles completed from its steps (see roles_of)."""
    steps = tuple(Step((s.text or "").strip(), (s.role or "").strip(), s.minutes, s.if_fails_goto) for s in d.steps)
    return PlaybookDraft((d.key or "").strip(), (d.title or "").strip(), (d.situation or "").strip(),
                         (d.recognise or "").strip(), Severity(d.severity),
                         normal_roles((*d.roles, *(s.role for s in steps))), steps, d.language)


def same_content(a: PlaybookDraft | Playbook, b: PlaybookDraft | Playbook) -> bool:
    return all(getattr(a, name) == getattr(b, name) for name in CONTENT)


def language_of(name: str) -> str:
    """The playbook language for a UI language name: zh_CN for any Chinese, en otherwise."""
    return "zh_CN" if (name or "").replace("-", "_").lower().startswith("zh") else "en"


# --- contacts ---

@dataclass(frozen=True, slots=True)
class Contact:
    """Who to call for a role. `on_from`/`on_until`: the local on-duty window (it may cross midnight; None on
    both sides: always; equal: all day); `active` False: removed (kept for the record)."""

    id: int
    site_id: int
    role: str
    name: str
    phone: str
    when_to_call: str = ""
    on_from: time | None = None
    on_until: time | None = None
    active: bool = True


def check_contact(role: str, name: str, phone: str) -> tuple[tuple[str, str], ...]:
    """(field, "required") for each of role, name and phone left empty."""
    return tuple((field, "required") for field, value in (("role", role), ("name", name), ("phone", phone))
                 if not (value or "").strip())


def on_duty(contact: Contact, local_time: time) -> bool:
    """Whether `local_time` falls in the contact's on-duty window (from inclusive, until exclusive).

    A window whose end is before its start crosses midnight (22:00-06:00); a missing start means from
    midnight, a missing end until midnight; no window at all means always. Whether the contact is
    active is not looked at here (see contact_for).
    """
    start, end = contact.on_from, contact.on_until
    t = local_time.replace(tzinfo=None)
    if start is None and end is None:
        return True
    if start is None:
        return t < end
    if end is None:
        return t >= start
    if start == end:
        return True
    if start < end:
        return start <= t < end
    return t >= start or t < end


def duty_minutes(contact: Contact) -> int:
    """How long the contact's on-duty window lasts in a day (24 h when always)."""
    start, end = contact.on_from, contact.on_until
    if start is None and end is None or start == end:
        return 24 * 60
    s = start.hour * 60 + start.minute if start is not None else 0
    e = end.hour * 60 + end.minute if end is not None else 24 * 60
    return (e - s) % (24 * 60) or 24 * 60


def contact_for(role: str, contacts: Iterable[Contact], local_time: time) -> Contact | None:
    """The active contact of `role` (compared case-insensitively) on duty at `local_time`: the one with the
    narrowest window (tonight's night duty before an always-on fallback), then the first by id."""
    wanted = (role or "").strip().casefold()
    found = [c for c in contacts if c.active and c.role.strip().casefold() == wanted and on_duty(c, local_time)]
    return min(found, key=lambda c: (duty_minutes(c), c.id)) if found else None


# --- runs ---

class StepState(str, enum.Enum):
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"  # "did not work": the run goes on at the step's if_fails_goto


class RunStatus(str, enum.Enum):
    ACTIVE = "active"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class StepMark:
    run_id: int
    step: int
    state: StepState
    by: str
    at: datetime
    note: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Trigger:
    """What suggested the run: a rule that fired on a source's interval, at a level (warning / critical)."""

    rule: str
    source: str
    interval_start: datetime
    level: str


@dataclass(frozen=True, slots=True)
class Run:
    """A playbook followed on a shift. `playbook`: the version used (kept forever); `marks`: append-only, oldest
    first; `notes`: (step, text, by, at), step 0 for the run as a whole; `log_entry_id`: its work-log entry."""

    id: int
    site_id: int
    instance_id: int | None
    playbook: Playbook
    started_at: datetime
    started_by: str
    trigger: Trigger | None
    marks: tuple[StepMark, ...]
    notes: tuple[tuple[int, str, str, datetime], ...] = ()
    status: RunStatus = RunStatus.ACTIVE
    closed_at: datetime | None = None
    closed_by: str = ""
    outcome: str = ""
    log_entry_id: int | None = None

    @property
    def active(self) -> bool:
        return self.status is RunStatus.ACTIVE


def step_states(run: Run) -> dict[int, StepMark]:
    """The latest mark of each marked step."""
    return {m.step: m for m in run.marks}


def _latest_index(run: Run) -> dict[int, int]:
    return {m.step: i for i, m in enumerate(run.marks)}


def current_step(run: Run) -> int | None:
    """The next step to do, None when there is none left.

    Steps are followed in order: a done or skipped step is passed; a failed step goes on at its
    `if_fails_goto` (the steps jumped over are not needed) or, without one, at the next step. A failure
    that goes back to an earlier step asks for that step and the ones after it again (those not marked
    since the failure), then for the failed step itself.
    """
    states = step_states(run)
    index = _latest_index(run)
    total = len(run.playbook.steps)
    p = 1
    while 1 <= p <= total:
        mark = states.get(p)
        if mark is None:
            return p
        if mark.state is not StepState.FAILED:
            p += 1
            continue
        goto = run.playbook.step(p).if_fails_goto
        if goto is None or not 1 <= goto <= total or goto == p:
            p += 1
        elif goto > p:
            p = goto
        else:
            for q in range(goto, p):
                if q not in index or index[q] < index[p]:
                    return q
            return p
    return None


def bypassed_steps(run: Run) -> tuple[int, ...]:
    """The steps not marked that a failure's forward jump went past (they were not needed)."""
    states = step_states(run)
    out: set[int] = set()
    for step, mark in states.items():
        if mark.state is StepState.FAILED:
            goto = run.playbook.step(step).if_fails_goto if 1 <= step <= len(run.playbook.steps) else None
            if goto is not None and goto > step:
                out.update(n for n in range(step + 1, goto) if n not in states)
    return tuple(sorted(out))


def open_steps(run: Run) -> tuple[int, ...]:
    """The steps left to do: not marked and not jumped over, or failed without a step to go on with."""
    states = step_states(run)
    bypassed = set(bypassed_steps(run))
    out = []
    for n, step in enumerate(run.playbook.steps, start=1):
        mark = states.get(n)
        if mark is None and n not in bypassed:
            out.append(n)
        elif mark is not None and mark.state is StepState.FAILED and step.if_fails_goto is None:
            out.append(n)
    return tuple(out)


def elapsed(run: Run, now: datetime) -> timedelta:
    """How long the run has been going (until its close when closed); never negative."""
    end = run.closed_at if run.closed_at is not None else now
    return max(end - run.started_at, timedelta(0))


def progress(run: Run) -> tuple[int, int, int]:
    """(steps done, steps skipped, steps in the playbook), by each step's latest mark."""
    states = step_states(run).values()
    return (sum(m.state is StepState.DONE for m in states), sum(m.state is StepState.SKIPPED for m in states),
            len(run.playbook.steps))


def check_mark(run: Run, step: int, state: StepState, reason: str) -> tuple[tuple[str, str], ...]:
    """What refuses the mark, as (field, code): ("run", "closed"), ("step", "out_of_range"),
    ("reason", "required") for a skipped step without a reason."""
    problems: list[tuple[str, str]] = []
    if not run.active:
        problems.append(("run", "closed"))
    if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= len(run.playbook.steps):
        problems.append(("step", "out_of_range"))
    if StepState(state) is StepState.SKIPPED and not (reason or "").strip():
        problems.append(("reason", "required"))
    return tuple(problems)


def check_note(run: Run, step: int, text: str) -> tuple[tuple[str, str], ...]:
    """What refuses a note: ("run", "closed"), ("step", "out_of_range") (0 is the run itself), ("text", "required")."""
    problems: list[tuple[str, str]] = []
    if not run.active:
        problems.append(("run", "closed"))
    if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= len(run.playbook.steps):
        problems.append(("step", "out_of_range"))
    if not (text or "").strip():
        problems.append(("text", "required"))
    return tuple(problems)


def check_close(run: Run, outcome: str) -> tuple[tuple[str, str], ...]:
    """What refuses closing: ("run", "closed"), ("outcome", "required")."""
    problems: list[tuple[str, str]] = []
    if not run.active:
        problems.append(("run", "closed"))
    if not (outcome or "").strip():
        problems.append(("outcome", "required"))
    return tuple(problems)


# --- the run's work-log text ---

# The words of a run's work-log entry: format strings the UI gives translated (start_run, mark_step, add_note,
# close_run take them as `words`); a key left out takes the English here. Placeholders:
#   log.started   {title} {key} {version} {by} {time}        the first line
#   log.trigger   {rule} {source} {interval} {level}         after it, when an alert suggested the run
#   log.progress  {done} {skipped} {failed} {total} {minutes}
#   log.step      {step} {text} {role} {by} {time}           a step done (one line per mark, oldest first)
#   log.failed    {step} {text} {role} {by} {time}           a step that did not work
#   log.skipped   {step} {text} {role} {by} {time} {reason}
#   log.note      {step} {note} {by} {time}                  a note (of a mark or added); step 0: the run
#   log.open      {steps}                                    the steps left open ("3, 5"), when any
#   log.closed    {outcome} {by} {time}                      the last line of a closed run
#   rule.<rule>, level.<level>: the names of a trigger's rule and level (else their codes)
# {time} is the site's local HH:MM; {interval} its local HH:MM of the interval start.
DEFAULT_WORDS: dict[str, str] = {
    "log.started": "Playbook \"{title}\" (version {version}) started by {by} at {time}.",
    "log.trigger": "Suggested by the rule {rule} on {source}, interval {interval} ({level}).",
    "log.progress": "{done} of {total} steps done, {skipped} skipped, {failed} did not work; {minutes} min so far.",
    "log.step": "{time} step {step} done by {by}: {text}",
    "log.failed": "{time} step {step} did not work ({by}): {text}",
    "log.skipped": "{time} step {step} skipped by {by}: {text} (reason: {reason})",
    "log.note": "{time} note by {by} on step {step}: {note}",
    "log.open": "Steps left open: {steps}.",
    "log.closed": "Closed by {by} at {time}: {outcome}",
}


def run_log_text(run: Run, words: Mapping[str, str], tz: tzinfo, now: datetime) -> str:
    """The text of the run's work-log entry at `now`: start, trigger, progress, every mark and note in
    time order, the steps left open, and the close (see DEFAULT_WORDS for the words and placeholders)."""
    w = {**DEFAULT_WORDS, **{k: v for k, v in (words or {}).items() if v}}

    def hhmm(at: datetime) -> str:
        return at.astimezone(tz).strftime("%H:%M")

    pb = run.playbook
    lines = [w["log.started"].format(title=pb.title, key=pb.key, version=pb.version, by=run.started_by,
                                     time=hhmm(run.started_at))]
    if run.trigger is not None:
        t = run.trigger
        lines.append(w["log.trigger"].format(rule=w.get(f"rule.{t.rule}", t.rule), source=t.source,
                                             interval=hhmm(t.interval_start), level=w.get(f"level.{t.level}", t.level)))
    done, skipped, total = progress(run)
    failed = sum(m.state is StepState.FAILED for m in step_states(run).values())
    minutes = int(elapsed(run, now).total_seconds() // 60)
    lines.append(w["log.progress"].format(done=done, skipped=skipped, failed=failed, total=total, minutes=minutes))
    events: list[tuple[datetime, int, str]] = []
    for order, mark in enumerate(run.marks):
        step = pb.step(mark.step) if 1 <= mark.step <= len(pb.steps) else Step("")
        values = dict(step=mark.step, text=step.text, role=step.role, by=mark.by, time=hhmm(mark.at))
        if mark.state is StepState.SKIPPED:
            line = w["log.skipped"].format(reason=mark.reason, **values)
        else:
            line = w["log.failed" if mark.state is StepState.FAILED else "log.step"].format(**values)
        events.append((mark.at, 2 * order, line))
        if mark.note.strip():
            events.append((mark.at, 2 * order + 1, w["log.note"].format(step=mark.step, note=mark.note, by=mark.by,
                                                                         time=hhmm(mark.at))))
    base = 2 * len(run.marks)
    for order, (step, text, by, at) in enumerate(run.notes):
        events.append((at, base + order, w["log.note"].format(step=step, note=text, by=by, time=hhmm(at))))
    lines.extend(line for _at, _order, line in sorted(events, key=lambda e: (e[0], e[1])))
    left = open_steps(run)
    if left:
        lines.append(w["log.open"].format(steps=", ".join(str(n) for n in left)))
    if run.status is RunStatus.CLOSED and run.closed_at is not None:
        lines.append(w["log.closed"].format(outcome=run.outcome, by=run.closed_by, time=hhmm(run.closed_at)))
    return "\n".join(lines)
