"""Use cases of the emergency handover playbooks: edit, version, import and export them; contacts; runs.

Every write is one transaction. A playbook is versioned: saving a changed
playbook stores a new version, an unchanged one stores nothing; a run keeps
the version it was started with. Each run writes ONE work-log entry in the
shift it runs in (category incident, in progress, tagged "playbook" and the
key, priority by severity) and revises it on every mark and note, in the same
transaction; closing the run sets the entry done with the outcome as its
closing remark. The entry's text is `app.domain.playbooks.run_log_text` with
the `words` the UI gives (see DEFAULT_WORDS there for keys and placeholders).
`site_id` None means the first site; instants are aware datetimes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

from app import paths
from app.domain.errors import AlertTakenError, InvalidSettingError
from app.domain.intervals import zone
from app.domain.notices import Priority
from app.domain.playbooks import (
    Contact,
    InvalidPlaybookError,
    InvalidRunError,
    Playbook,
    PlaybookDraft,
    Run,
    Severity,
    StepMark,
    StepState,
    Trigger,
    check_close,
    check_contact,
    check_mark,
    check_note,
    check_playbook,
    clean_draft,
    contact_for,
    language_of,
    run_log_text,
    same_content,
)
from app.domain.shifts import ShiftInstance, current_shift as domain_current_shift, slots_on
from app.domain.worklog import Category, Draft, ItemStatus, RevisionKind, apply, diff, normal_tags
from app.feeds.playbook_file import read_playbooks, write_playbooks
from app.domain.access import Action
from app.services.console import Console, writes
from app.services.shifts import aware, ensure_instance_in
from app.storage import playbook_alerts as alert_store
from app.storage import playbooks as store
from app.storage import shifts as shift_store
from app.storage import worklog as log_store

PRIORITY = {Severity.CRITICAL: Priority.URGENT, Severity.WARNING: Priority.HIGH, Severity.INFO: Priority.NORMAL}
LOG_TAG = "playbook"


@dataclass(frozen=True)
class ImportResult:
    """What an import stored: the new versions (new keys and changed playbooks), and how many were unchanged."""

    saved: tuple[Playbook, ...]
    unchanged: int


def defaults_dir(language: str) -> Path:
    """The folder of the shipped playbooks in `language` (zh_CN or en)."""
    return paths.resources_dir() / "playbooks" / language_of(language)


# --- playbooks ---

def list_playbooks(console: Console, include_retired: bool = False, site_id: int | None = None
                   ) -> tuple[Playbook, ...]:
    """The latest version of each playbook, critical first, then by title."""
    with console.db.transaction() as tx:
        found = store.latest_versions(tx, shift_store.site(tx, site_id).id, include_retired)
    return tuple(sorted(found, key=lambda p: (p.severity.rank, p.title.casefold(), p.key)))


def get_playbook(console: Console, playbook_id: int) -> Playbook:
    """The playbook version `playbook_id` (any version, retired included)."""
    with console.db.transaction() as tx:
        return _playbook(tx, playbook_id)


def playbook_versions(console: Console, key: str, site_id: int | None = None) -> tuple[Playbook, ...]:
    """Every version of `key`, oldest first (empty for an unknown key)."""
    with console.db.transaction() as tx:
        return store.versions(tx, shift_store.site(tx, site_id).id, (key or "").strip())


def save_playbook(console: Console, draft: PlaybookDraft, by: str, now: datetime, site_id: int | None = None
                  ) -> Playbook:
    """Store the playbook: a new key as version 1, a changed one as its next version; an unchanged one stores
    nothing and returns the latest version. Saving a retired key brings it back. Raises InvalidPlaybookError."""
    by = _by(by)
    aware("now", now)
    draft = _valid(draft)
    with console.db.transaction() as tx:
        return _save(tx, shift_store.site(tx, site_id).id, draft, by, now)[0]


def retire_playbook(console: Console, key: str, by: str, now: datetime, site_id: int | None = None) -> None:
    """No longer offer `key` (every version stays readable; runs keep theirs). An unknown key raises."""
    by = _by(by)
    aware("now", now)
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        if store.latest(tx, site.id, (key or "").strip()) is None:
            raise InvalidSettingError("playbook", key, "no such playbook")
        store.set_retired(tx, site.id, key.strip(), True, by, now)


def install_defaults(console: Console, language: str, by: str = "system", now: datetime | None = None,
                     site_id: int | None = None) -> int:
    """Install the shipped playbooks in `language` (resources/playbooks/<zh_CN|en>/*.yaml) whose key the site
    has no playbook of yet (a retired one counts: it does not come back); how many were installed."""
    by = _by(by)
    now = aware("now", now) if now is not None else datetime.now(timezone.utc)
    lang = language_of(language)
    found = [p.draft for path in sorted(defaults_dir(lang).glob("*.yaml")) for p in read_playbooks(path, lang)]
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        have = store.keys(tx, site.id)
        added = 0
        for draft in found:
            if draft.key not in have:
                store.add_playbook(tx, site.id, draft, 1, by, now)
                have.add(draft.key)
                added += 1
        return added


@writes(Action.MANAGE)
def import_playbooks(console: Console, path: str | Path, by: str, now: datetime, site_id: int | None = None,
                     language: str = "en") -> ImportResult:
    """Store the playbooks of a YAML file (see app.feeds.playbook_file) as save_playbook does, all in one
    transaction; `language`: for those that name none. A bad file raises InputFileError (with the line) and
    stores nothing."""
    by = _by(by)
    aware("now", now)
    drafts = [p.draft for p in read_playbooks(path, language_of(language))]
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        saved, unchanged = [], 0
        for draft in drafts:
            playbook, changed = _save(tx, site.id, draft, by, now)
            if changed:
                saved.append(playbook)
            else:
                unchanged += 1
    return ImportResult(tuple(saved), unchanged)


def export_playbooks(console: Console, path: str | Path, keys: Iterable[str] | None = None,
                     site_id: int | None = None) -> int:
    """Write the latest version of the playbooks `keys` (None: every one not retired, in list order) to a YAML
    file that import_playbooks reads back; how many were written."""
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        if keys is None:
            chosen = sorted(store.latest_versions(tx, site.id), key=lambda p: (p.severity.rank, p.title.casefold()))
        else:
            chosen = []
            for key in keys:
                playbook = store.latest(tx, site.id, (key or "").strip())
                if playbook is None:
                    raise InvalidSettingError("playbook", key, "no such playbook")
                chosen.append(playbook)
    if not chosen:
        raise InvalidSettingError("playbooks", None, "there is no playbook to export")
    write_playbooks(path, chosen)
    return len(chosen)


# --- contacts ---

def list_contacts(console: Console, include_inactive: bool = False, site_id: int | None = None
                  ) -> tuple[Contact, ...]:
    """The site's contacts by role, then id (removed ones only with `include_inactive`)."""
    with console.db.transaction() as tx:
        return store.list_contacts(tx, shift_store.site(tx, site_id).id, include_inactive)


def save_contact(console: Console, role: str, name: str, phone: str, when_to_call: str = "",
                 on_from: time | None = None, on_until: time | None = None, contact_id: int | None = None,
                 site_id: int | None = None) -> Contact:
    """Add a contact, or change contact `contact_id` (a removed one becomes active again). `on_from`/`on_until`:
    the local on-duty window (may cross midnight; None: always). Raises InvalidPlaybookError (field, required)."""
    role, name, phone, when_to_call = (v.strip() if v else "" for v in (role, name, phone, when_to_call))
    problems = check_contact(role, name, phone)
    if problems:
        raise InvalidPlaybookError(problems)
    with console.db.transaction() as tx:
        if contact_id is not None:
            existing = store.get_contact(tx, contact_id)
            if existing is None:
                raise InvalidSettingError("contact", contact_id, "no such contact")
            site = existing.site_id
        else:
            site = shift_store.site(tx, site_id).id
        return store.save_contact(tx, site, role, name, phone, when_to_call, _wall(on_from), _wall(on_until),
                                  contact_id)


def remove_contact(console: Console, contact_id: int) -> Contact:
    """Deactivate the contact (kept for the record, no longer called); the contact as it is now."""
    with console.db.transaction() as tx:
        contact = store.set_contact_active(tx, contact_id, False)
    if contact is None:
        raise InvalidSettingError("contact", contact_id, "no such contact")
    return contact


def contact_for_role(console: Console, role: str, now: datetime, site_id: int | None = None) -> Contact | None:
    """The active contact of `role` on duty at `now` (the site's local time), first by id; None when nobody is."""
    return contacts_for(console, (role,), now, site_id)[role]


def contacts_for(console: Console, roles: Iterable[str], now: datetime, site_id: int | None = None
                 ) -> dict[str, Contact | None]:
    """contact_for_role for each role (e.g. a playbook's roles), in one read."""
    aware("now", now)
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        contacts = store.list_contacts(tx, site.id)
    local = now.astimezone(zone(site.timezone)).time()
    return {role: contact_for(role, contacts, local) for role in roles}


# --- runs ---

def start_run(console: Console, playbook_id: int, instance_id: int | None, by: str, now: datetime,
              words: Mapping[str, str] | None, trigger: Trigger | None = None, alert_id: int | None = None) -> Run:
    """Start following the playbook version `playbook_id` in shift `instance_id` (None: the shift running at
    `now`, or the next one) and write the run's work-log entry there. With no shift at all (the site has no
    shift definitions) the run has no shift and no entry. A retired playbook cannot be started.

    `alert_id`: the alert that suggested it, taken up by the run in the same transaction; an alert dismissed
    or taken up meanwhile (at another desk, or by a second click) refuses the start (AlertTakenError)."""
    by = _by(by)
    aware("now", now)
    with console.db.transaction() as tx:
        playbook = _playbook(tx, playbook_id)
        if playbook.retired:
            raise InvalidSettingError("playbook", playbook.key, "is retired")
        if alert_id is not None:
            _open_alert(tx, alert_id)
        instance = _shift(tx, playbook.site_id, instance_id, now)
        run_id = store.add_run(tx, playbook.site_id, instance.id if instance else None, playbook.id, now, by, trigger)
        run = store.get_run(tx, run_id)
        if instance is not None:
            text = run_log_text(run, words or {}, _tz(tx, run.site_id), now)
            draft = Draft(Category.INCIDENT, text, priority=PRIORITY[playbook.severity], event_at=now,
                          tags=normal_tags((LOG_TAG, playbook.key)), status=ItemStatus.IN_PROGRESS, owner=by)
            entry = log_store.add_entry(tx, run.site_id, instance.id, _shift_start(tx, instance), draft, by, now)
            store.set_log_entry(tx, run_id, entry.id)
            run = store.get_run(tx, run_id)
        if alert_id is not None:
            alert_store.link_run(tx, alert_id, run_id)
        return run


def join_run(console: Console, alert_id: int, run_id: int) -> Run:
    """An alert whose playbook is running already is taken up by that run (no second run is started)."""
    with console.db.transaction() as tx:
        _open_alert(tx, alert_id)
        run = _run(tx, run_id)
        alert_store.link_run(tx, alert_id, run.id)
        return run


def _open_alert(tx, alert_id: int):
    alert = alert_store.get_alert(tx, alert_id)
    if alert is None:
        raise AlertTakenError(alert_id, "missing")
    if alert.dismissed_at is not None:
        raise AlertTakenError(alert_id, "dismissed")
    if alert.run_id is not None:
        raise AlertTakenError(alert_id, "taken")
    return alert


def mark_step(console: Console, run_id: int, step: int, state: StepState, by: str, now: datetime,
              words: Mapping[str, str] | None, note: str = "", reason: str = "") -> Run:
    """Mark step `step` (1-based) done, skipped (`reason` required) or failed; a later mark of the same step
    counts over an earlier one (both are kept). The run's log entry is revised."""
    by = _by(by)
    aware("now", now)
    state = StepState(state)
    with console.db.transaction() as tx:
        run = _run(tx, run_id)
        problems = check_mark(run, step, state, reason)
        if problems:
            raise InvalidRunError(run.id, problems)
        store.add_mark(tx, StepMark(run.id, step, state, by, now, (note or "").strip(), (reason or "").strip()))
        return _update_log(tx, run.id, words, by, now)


def add_note(console: Console, run_id: int, step: int, text: str, by: str, now: datetime,
             words: Mapping[str, str] | None) -> Run:
    """Add a note to step `step` of the run (0: the run as a whole); the log entry is revised."""
    by = _by(by)
    aware("now", now)
    with console.db.transaction() as tx:
        run = _run(tx, run_id)
        problems = check_note(run, step, text)
        if problems:
            raise InvalidRunError(run.id, problems)
        store.add_note(tx, run.id, step, text.strip(), by, now)
        return _update_log(tx, run.id, words, by, now)


def close_run(console: Console, run_id: int, outcome: str, by: str, now: datetime,
              words: Mapping[str, str] | None) -> Run:
    """Close the run with its outcome (required); the steps left open are listed in the log entry, which is
    set done with the outcome as its closing remark."""
    by = _by(by)
    aware("now", now)
    with console.db.transaction() as tx:
        run = _run(tx, run_id)
        problems = check_close(run, outcome)
        if problems:
            raise InvalidRunError(run.id, problems)
        store.close_run(tx, run.id, outcome.strip(), by, now)
        return _update_log(tx, run.id, words, by, now, closing=outcome.strip())


def get_run(console: Console, run_id: int) -> Run:
    with console.db.transaction() as tx:
        return _run(tx, run_id)


def active_runs(console: Console, site_id: int | None = None) -> tuple[Run, ...]:
    """The site's runs not closed yet, oldest start first."""
    with console.db.transaction() as tx:
        return store.active_runs(tx, shift_store.site(tx, site_id).id)


def runs_of_shift(console: Console, instance_id: int) -> tuple[Run, ...]:
    """The runs started in the shift `instance_id` (closed ones included), oldest start first."""
    with console.db.transaction() as tx:
        return store.runs_of_instance(tx, instance_id)


# --- helpers ---

def _save(tx, site_id: int, draft: PlaybookDraft, by: str, now: datetime) -> tuple[Playbook, bool]:
    current = store.latest(tx, site_id, draft.key)
    if current is None:
        return store.add_playbook(tx, site_id, draft, 1, by, now), True
    if current.retired:
        store.set_retired(tx, site_id, draft.key, False)
    if same_content(current, draft):
        return store.get_playbook(tx, current.id), current.retired
    return store.add_playbook(tx, site_id, draft, current.version + 1, by, now), True


def _update_log(tx, run_id: int, words: Mapping[str, str] | None, by: str, now: datetime,
                closing: str | None = None) -> Run:
    """Revise the run's log entry to its text at `now` (and, on `closing`, set it done with that remark).
    A withdrawn entry is left as it is."""
    run = store.get_run(tx, run_id)
    if run.log_entry_id is None:
        return run
    entry = log_store.get_entry(tx, run.log_entry_id)
    if entry is None or entry.withdrawn is not None:
        return run
    changes: dict[str, object] = {"text": run_log_text(run, words or {}, _tz(tx, run.site_id), now)}
    kind = RevisionKind.EDITED
    if closing is not None:
        changes.update(status=ItemStatus.DONE, closing_remark=closing)
        kind = RevisionKind.STATUS
    changed = diff(entry, apply(entry, changes))
    if changed:
        log_store.revise(tx, entry.id, changed, kind, by, now)
    return run


def _shift(tx, site_id: int, instance_id: int | None, now: datetime) -> ShiftInstance | None:
    if instance_id is not None:
        instance = shift_store.get_instance(tx, instance_id)
        if instance is None:
            raise InvalidSettingError("shift", instance_id, "no such shift")
        if instance.site_id != site_id:
            raise InvalidSettingError("shift", instance_id, "belongs to another site")
        return instance
    site = shift_store.site(tx, site_id)
    tz = zone(site.timezone)
    local = now.astimezone(tz).date()
    definitions = shift_store.list_definitions(tx, site.id)
    special = shift_store.list_special_days(tx, site.id, local - timedelta(days=1), local + timedelta(days=2))
    current = domain_current_shift(now, definitions, tz, {s.day: s for s in special})
    slot = current.slot or current.next
    return ensure_instance_in(tx, slot.day, slot.definition.id) if slot is not None else None


def _shift_start(tx, instance: ShiftInstance) -> datetime:
    """The shift's aware start (clipped by a special day), as the work log keeps it."""
    tz = zone(shift_store.site(tx, instance.site_id).timezone)
    special = shift_store.special_day(tx, instance.site_id, instance.day)
    slots = slots_on(instance.day, [instance.definition], tz, special)
    return slots[0].start if slots else instance.definition.window(instance.day, tz)[0]


def _tz(tx, site_id: int):
    return zone(shift_store.site(tx, site_id).timezone)


def _playbook(tx, playbook_id: int) -> Playbook:
    playbook = store.get_playbook(tx, playbook_id)
    if playbook is None:
        raise InvalidSettingError("playbook", playbook_id, "no such playbook")
    return playbook


def _run(tx, run_id: int) -> Run:
    run = store.get_run(tx, run_id)
    if run is None:
        raise InvalidSettingError("run", run_id, "no such playbook run")
    return run


def _valid(draft: PlaybookDraft) -> PlaybookDraft:
    try:
        draft = clean_draft(draft)
    except ValueError:
        raise InvalidPlaybookError((("severity", "bad_severity"),)) from None
    problems = check_playbook(draft)
    if problems:
        raise InvalidPlaybookError(problems)
    return draft


def _wall(value: time | None) -> time | None:
    return value.replace(tzinfo=None, second=0, microsecond=0) if value is not None else None


def _by(by: str | None) -> str:
    by = (by or "").strip()
    if not by:
        raise InvalidPlaybookError((("by", "required"),))
    return by
