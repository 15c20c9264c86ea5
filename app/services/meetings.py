"""Use cases of the meetings: the warm-up library, the pre-shift agenda, the post-shift meeting record.

`build_agenda` prepares the agenda of an (incoming) shift instance from
what the console holds: its rostered agents, the business notices to
explain, the open work-log items carried into it, the worst intervals of
the shift before it, and a warm-up (the next in the library after the one
of the last prepared agenda; experience sharing when yesterday's post-shift
meeting set a topic). The site's library of the agenda's language is
installed from resources/warmups the first time it is needed. The agenda
is saved as revisions (`save_agenda`); `get_agenda` returns the newest.
`agenda_for_print` only reads: a shift with no instance yet, or no agenda
prepared, gets one built in memory (nothing is created or installed).
`save_post_shift` records a shift's post-shift meeting (a new revision each
time), with the shift's summary figures as they stand when saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import yaml

from app import paths
from app.domain.errors import InvalidSettingError
from app.domain.intervals import INTERVAL_SECONDS, zone
from app.domain.meetings import (
    DEFAULT_MINUTES,
    Agenda,
    AgendaPart,
    AttendanceLine,
    FollowUpLine,
    LessonLine,
    NoticeLine,
    PartKind,
    PostShiftMeeting,
    ShiftSummary,
    SummaryInterval,
    Warmup,
    WarmupKind,
    check_agenda,
    check_post_shift,
    choose_warmup,
    worst_lessons,
)
from app.domain.attendance import AttendanceStatus
from app.domain.playbooks import language_of
from app.domain.service_level import IntervalFigures, SlDefinition
from app.domain.shifts import ShiftInstance, ShiftSlot, slots_on
from app.domain.worklog import carried_order, carried_item
from app.services.console import Console
from app.services.day_view import day_view
from app.services.sheet import load_sheet
from app.services.shifts import aware
from app.storage import meetings as meeting_store
from app.storage import notices as notice_store
from app.storage import people as people_store
from app.storage import sheet as sheet_store
from app.storage import shifts as shift_store
from app.storage import sites as site_store
from app.storage import worklog as log_store

MAX_NAME = 200
MAX_WARMUP_MINUTES = 30

# --- the warm-up library ---


def warmups_file(language: str) -> Path:
    return paths.resources_dir() / "warmups" / f"{language_of(language)}.yaml"


def shipped_warmups(language: str) -> tuple[Warmup, ...]:
    """The classics shipped in `language` (zh_CN for any Chinese, en otherwise), not stored."""
    lang = language_of(language)
    items = yaml.safe_load(warmups_file(lang).read_text(encoding="utf-8")) or []
    return tuple(Warmup(None, None, str(d["key"]), lang, WarmupKind(d["kind"]), str(d["name"]).strip(),
                        str(d["how_to"]).strip(), int(d["minutes"]), builtin=True) for d in items)


def install_warmups(console: Console, language: str, now: datetime | None = None,
                    site_id: int | None = None) -> tuple[Warmup, ...]:
    """Install the shipped classics of `language` the site's library lacks (by key); returns those added.
    Two desks installing at once both succeed: what the other added first counts as installed."""
    at = aware("now", now) if now is not None else datetime.now(timezone.utc)
    shipped = shipped_warmups(language)
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        return meeting_store.add_missing_warmups(tx, site.id, shipped, "system", at)


def list_warmups(console: Console, language: str, site_id: int | None = None,
                 include_inactive: bool = False) -> tuple[Warmup, ...]:
    """The site's library in `language`: the classics first, then the center's own in the order added."""
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        return meeting_store.list_warmups(tx, site.id, language_of(language), include_inactive)


def add_warmup(console: Console, name: str, how_to: str, minutes: int, language: str, by: str, now: datetime,
               kind: WarmupKind = WarmupKind.CUSTOM, site_id: int | None = None) -> Warmup:
    """Add the center's own warm-up to the site's library in `language`."""
    aware("now", now)
    name, how_to, by = (name or "").strip(), (how_to or "").strip(), _by(by)
    if not name:
        raise InvalidSettingError("name", name, "a warm-up needs a name")
    if len(name) > MAX_NAME:
        raise InvalidSettingError("name", name, f"{MAX_NAME} characters at most")
    if not how_to:
        raise InvalidSettingError("how_to", how_to, "say how the warm-up is done")
    if not isinstance(minutes, int) or not 0 < minutes <= MAX_WARMUP_MINUTES:
        raise InvalidSettingError("minutes", minutes, f"a warm-up lasts 1 to {MAX_WARMUP_MINUTES} minutes")
    lang = language_of(language)
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        keys = meeting_store.warmup_keys(tx, site.id, lang)
        number = len(keys) + 1
        while f"custom-{number}" in keys:
            number += 1
        draft = Warmup(None, site.id, f"custom-{number}", lang, WarmupKind(kind), name, how_to, minutes)
        return meeting_store.add_warmup(tx, site.id, draft, by, now)


def set_warmup_active(console: Console, warmup_id: int, active: bool) -> Warmup:
    """Take a warm-up out of the rotation (or back in); agendas that used it keep it."""
    with console.db.transaction() as tx:
        warmup = meeting_store.set_warmup_active(tx, warmup_id, active)
    if warmup is None:
        raise InvalidSettingError("warmup", warmup_id, "no such warm-up")
    return warmup


# --- the pre-shift agenda ---


def find_instance(console: Console, site_name: str, day: date, shift_name: str) -> ShiftInstance | None:
    """The instance of the shift `shift_name` of the site `site_name` starting on `day`, None when that shift
    has none yet (nothing is created); an InvalidSettingError when the site or the shift does not exist or does
    not run that day."""
    with console.db.transaction() as tx:
        return _find_shift(tx, site_name, day, shift_name)[2]


def build_agenda(console: Console, instance_id: int, now: datetime, language: str) -> Agenda:
    """The automatic agenda of the shift instance (not saved): 15 minutes ending at the shift's start. The
    site's warm-up library of the language is installed first when it has none."""
    aware("now", now)
    lang = language_of(language)
    with console.db.transaction() as tx:
        instance, site, slot = _instance_slot(tx, instance_id)
        empty_library = not meeting_store.list_warmups(tx, site.id, lang, include_inactive=True)
    if empty_library:
        install_warmups(console, lang, now, site.id)
    return _build(console, site, slot, instance, now, lang)


def _build(console: Console, site, slot: ShiftSlot, instance: ShiftInstance | None, now: datetime,
           lang: str) -> Agenda:
    """The automatic agenda of the shift `slot` (`instance` None: it has none yet); reads only. A site with no
    warm-up of `lang` at all chooses from the shipped classics (not installed here)."""
    start, end = slot.start, slot.end
    instance_id = instance.id if instance is not None else None
    with console.db.transaction() as tx:
        tz = zone(site.timezone)
        previous = _previous_slot(tx, site.id, slot, tz)
        attendance = _attendance(tx, site.id, slot, instance_id)
        meeting_start = start - timedelta(minutes=sum(DEFAULT_MINUTES.values()))
        notices = tuple(
            NoticeLine(n.id, n.title, n.text, n.priority.value, n.version, n.kb_path or "")
            for n in sorted(notice_store.list_notices(tx, site.id),
                            key=lambda n: (-n.priority.rank, -n.effective_from.timestamp(), n.id))
            if n.explain_at_meeting and (n.in_force(start) or n.in_force(meeting_start)))
        # No instance: `!= NULL` compiles to IS NOT NULL, i.e. the open items of every earlier shift.
        earlier = log_store.open_items_before(tx, site.id, start, instance_id)
        carried = sorted((carried_item(e, instance_id, start, end, max(now, meeting_start)) for e in earlier),
                         key=carried_order)
        library = meeting_store.list_warmups(tx, site.id, lang)
        if not library and not meeting_store.list_warmups(tx, site.id, lang, include_inactive=True):
            library = shipped_warmups(lang)
        last = meeting_store.previous_warmup(tx, site.id, slot.day, instance_id, lang)
        topic = meeting_store.latest_topic(tx, site.id, slot.day - timedelta(days=1), slot.day, start)
    follow_ups = tuple(
        FollowUpLine(c.entry.id, c.entry.category.value, c.entry.priority.value, c.entry.text, c.entry.owner,
                     " · ".join(v for v in (c.entry.customer_ref, c.entry.customer_name) if v), c.entry.due,
                     c.overdue)
        for c in carried)
    lessons = worst_lessons(_lesson_candidates(console, site.id, previous, now)) if previous else ()
    warmup = choose_warmup(library, last, topic)
    minutes = dict(DEFAULT_MINUTES)
    if warmup is not None:
        minutes[PartKind.WARMUP] = warmup.minutes
    parts = (
        AgendaPart(PartKind.ATTENDANCE, minutes[PartKind.ATTENDANCE], attendance=attendance),
        AgendaPart(PartKind.NOTICES, minutes[PartKind.NOTICES], notices=notices),
        AgendaPart(PartKind.FOLLOW_UPS, minutes[PartKind.FOLLOW_UPS], follow_ups=follow_ups),
        AgendaPart(PartKind.LESSONS, minutes[PartKind.LESSONS], lessons=lessons),
        AgendaPart(PartKind.WARMUP, minutes[PartKind.WARMUP], warmup=warmup,
                   topic=topic if warmup is not None and warmup.kind is WarmupKind.SHARING else ""),
        AgendaPart(PartKind.CLOSING, minutes[PartKind.CLOSING]),
    )
    total = sum(p.minutes for p in parts)
    return _agenda(instance, site, slot, start - timedelta(minutes=total), lang, parts, previous)


def save_agenda(console: Console, agenda: Agenda, by: str, now: datetime) -> Agenda:
    """Keep the (edited) agenda as the instance's next revision; returns it as saved.

    The shift's own facts (site, times, name) are taken from the console, not from `agenda`.
    """
    aware("now", now)
    by = _by(by)
    if agenda.instance_id is None:
        raise InvalidSettingError("shift", None, "the shift has no instance yet: open it to prepare its agenda")
    with console.db.transaction() as tx:
        instance, site, slot = _instance_slot(tx, agenda.instance_id)
        fresh = replace(agenda, site_id=site.id, site_name=site.name, timezone=site.timezone,
                        shift_name=instance.definition.name, day=instance.day, shift_start=slot.start,
                        shift_end=slot.end, language=language_of(agenda.language))
        check_agenda(fresh)
        warmup = fresh.warmup
        if warmup is not None and warmup.id is not None:
            stored = meeting_store.get_warmup(tx, warmup.id)
            if stored is None or stored.site_id != site.id:
                raise InvalidSettingError("warmup", warmup.id, "no such warm-up at this site")
        revision = meeting_store.add_agenda(tx, fresh, by, now)
    return replace(fresh, revision=revision, saved_by=by, saved_at=now)


def get_agenda(console: Console, instance_id: int) -> Agenda | None:
    """The prepared agenda of the instance (its newest revision), None when none was saved."""
    with console.db.transaction() as tx:
        instance, site, slot = _instance_slot(tx, instance_id)
        row = meeting_store.latest_agenda_row(tx, instance_id)
        if row is None:
            return None
        previous = _previous_slot(tx, site.id, slot, zone(site.timezone))
        parts = meeting_store.parts_of(row.parts, site.id)
        agenda = _agenda(instance, site, slot, row.meeting_start, row.language, parts, previous)
        return replace(agenda, revision=row.revision, saved_by=row.created_by, saved_at=row.created_at)


def agenda_revisions(console: Console, instance_id: int) -> tuple[tuple[int, str, datetime], ...]:
    """(revision, saved by, saved at) of every saved revision of the instance's agenda, oldest first."""
    with console.db.transaction() as tx:
        return meeting_store.agenda_revisions(tx, instance_id)


def agenda_for_print(console: Console, site_name: str, day: date, shift_name: str, now: datetime,
                     language: str | None = None) -> tuple[Agenda, bool]:
    """The prepared agenda of that shift (in the language it was written in), or one built now in `language`
    (English when None); the flag says whether it was prepared. Printing writes nothing: a shift with no
    instance yet gets an agenda built in memory, and no warm-up library is installed."""
    aware("now", now)
    with console.db.transaction() as tx:
        site, slot, instance = _find_shift(tx, site_name, day, shift_name)
    if instance is not None:
        agenda = get_agenda(console, instance.id)
        if agenda is not None:
            return agenda, True
    return _build(console, site, slot, instance, now, language_of(language or "en")), False


# --- the post-shift meeting ---


def shift_summary(console: Console, instance_id: int, now: datetime) -> ShiftSummary:
    """The shift's figures as they stand at `now`: service level of each interval of the shift (each feed
    source of the site), over the shift (volume-weighted), and the attendance counts."""
    aware("now", now)
    with console.db.transaction() as tx:
        instance, site, slot = _instance_slot(tx, instance_id)
    intervals: list[SummaryInterval] = []
    figures: dict[str, list[IntervalFigures]] = {}
    definitions: dict[str, SlDefinition] = {}
    # A shift that crosses midnight comes as two day views of a source: its total is taken once over the
    # intervals of both, as the day view takes its own (volume-weighted, by the source's definition).
    for source, view, chosen in _views(console, site.id, slot, now):
        definitions[source] = view.definition
        for s in chosen:
            figures.setdefault(source, []).append(s.figures)
            intervals.append(SummaryInterval(source, datetime.fromtimestamp(s.start, timezone.utc), s.label,
                                             s.service_level, view.target_percent, s.figures.offered,
                                             s.figures.answered, s.figures.abandoned))
    totals = {source: IntervalFigures.total(parts).service_level(definitions[source])
              for source, parts in figures.items()}
    counts = load_sheet(console, instance.day, instance.definition.id, now, site.id).counts
    return ShiftSummary(tuple(intervals), totals, counts.scheduled, counts.present, counts.late, counts.absent,
                        counts.leave, counts.swapped, counts.left_early, counts.unmarked)


def save_post_shift(console: Console, instance_id: int, started_at: datetime, ended_at: datetime,
                    summary: str | None, case_entry_id: int | None, notes: str, tomorrow_topic: str, by: str,
                    now: datetime) -> PostShiftMeeting:
    """Record the shift's post-shift meeting (a new revision each time). The summary figures are the
    shift's as they stand at `now`; `summary` is the supervisor's text over them (None: none)."""
    aware("now", now)
    check_post_shift(started_at, ended_at)
    by = _by(by)
    figures = shift_summary(console, instance_id, now)
    with console.db.transaction() as tx:
        instance, site, _ = _instance_slot(tx, instance_id)
        if case_entry_id is not None:
            entry = log_store.get_entry(tx, case_entry_id)
            if entry is None or entry.site_id != site.id:
                raise InvalidSettingError("case", case_entry_id, "no such work-log entry at this site")
        return meeting_store.add_post_shift(tx, site.id, instance.id, started_at, ended_at, figures,
                                            (summary or "").strip(), case_entry_id, (notes or "").strip(),
                                            (tomorrow_topic or "").strip(), by, now)


def get_post_shift(console: Console, instance_id: int) -> PostShiftMeeting | None:
    """The newest revision of the shift's post-shift meeting record, None when none was kept."""
    with console.db.transaction() as tx:
        _instance_slot(tx, instance_id)
        return meeting_store.latest_post_shift(tx, instance_id)


def post_shift_history(console: Console, instance_id: int) -> tuple[PostShiftMeeting, ...]:
    with console.db.transaction() as tx:
        return meeting_store.post_shift_history(tx, instance_id)


# --- helpers ---


def _by(by: str | None) -> str:
    by = (by or "").strip()
    if not by:
        raise InvalidSettingError("by", by, "say who does it")
    return by[:120]


def _find_shift(tx, site_name: str, day: date, shift_name: str):
    """(site, slot, instance or None) of the shift `shift_name` of the site `site_name` starting on `day`."""
    site = site_store.find_site(tx, site_name)
    if site is None:
        raise InvalidSettingError("site", site_name, "no such site")
    definition = shift_store.find_definition(tx, site.id, shift_name)
    if definition is None:
        raise InvalidSettingError("shift", shift_name, f"no such shift at the site {site.name}")
    slots = slots_on(day, [definition], zone(site.timezone), shift_store.special_day(tx, site.id, day))
    if not slots:
        raise InvalidSettingError("shift", shift_name, f"does not run on {day.isoformat()} (site closed)")
    return site, slots[0], shift_store.find_instance(tx, definition.id, day)


def _instance_slot(tx, instance_id: int):
    instance = shift_store.get_instance(tx, instance_id)
    if instance is None:
        raise InvalidSettingError("shift", instance_id, "no such shift")
    site = shift_store.site(tx, instance.site_id)
    tz = zone(site.timezone)
    slots = slots_on(instance.day, [instance.definition], tz, shift_store.special_day(tx, site.id, instance.day))
    if slots:
        return instance, site, slots[0]
    start, end = instance.definition.window(instance.day, tz)
    return instance, site, ShiftSlot(instance.definition, instance.day, start, end)


def _previous_slot(tx, site_id: int, slot: ShiftSlot, tz) -> ShiftSlot | None:
    """The shift that started last before this one (the one handing over to it)."""
    definitions = shift_store.list_definitions(tx, site_id)
    candidates = []
    for day in (slot.day - timedelta(days=1), slot.day):
        special = shift_store.special_day(tx, site_id, day)
        candidates += [s for s in slots_on(day, definitions, tz, special)
                       if s.start < slot.start and (s.definition.id, s.day) != (slot.definition.id, slot.day)]
    return max(candidates, key=lambda s: s.start) if candidates else None


def _attendance(tx, site_id: int, slot: ShiftSlot, instance_id: int | None) -> tuple[AttendanceLine, ...]:
    entries = sheet_store.shift_entries(tx, site_id, slot.day, slot.definition.id)
    agents = people_store.agents_by_id(tx, {e.agent_id for e in entries})
    marks = sheet_store.latest_marks(tx, instance_id) if instance_id is not None else {}
    lines = {}
    for e in entries:
        agent = agents.get(e.agent_id)
        if agent is None or agent.id in lines:
            continue
        record = marks.get(agent.id)
        status = record.mark.status if record is not None else AttendanceStatus.UNMARKED
        lines[agent.id] = AttendanceLine(agent.id, agent.name, agent.employee_no, agent.team_name or "",
                                         None if status is AttendanceStatus.UNMARKED else status.value)
    return tuple(sorted(lines.values(), key=lambda a: (a.team == "", a.team, a.name, a.employee_no)))


def _views(console: Console, site_id: int, slot: ShiftSlot, now: datetime):
    """(source, day view, the complete covered slots inside the shift) per feed source of the site."""
    with console.db.transaction() as tx:
        sources = [s.name for s in site_store.list_sources(tx) if s.site.id == site_id]
    first, last = slot.start.timestamp(), min(slot.end, now).timestamp()
    tz_days = {slot.start.astimezone(slot.start.tzinfo).date(), slot.end.astimezone(slot.start.tzinfo).date()}
    for name in sources:
        for day in sorted(tz_days):
            view = day_view(console, name, day, now=now)
            chosen = [s for s in view.slots if first <= s.start and s.start + INTERVAL_SECONDS <= last
                      and s.figures is not None and not s.provisional]
            if chosen:
                yield name, view, chosen


def _lesson_candidates(console: Console, site_id: int, previous: ShiftSlot, now: datetime):
    for source, view, chosen in _views(console, site_id, previous, now):
        for s in chosen:
            if s.service_level is None:
                continue
            yield LessonLine(source, datetime.fromtimestamp(s.start, timezone.utc), s.label, s.service_level,
                             view.target_percent, view.definition.value, s.figures.offered, s.figures.answered,
                             s.figures.abandoned, s.figures.asa_seconds)


def _agenda(instance: ShiftInstance | None, site, slot: ShiftSlot, meeting_start: datetime, language: str,
            parts: tuple[AgendaPart, ...], previous: ShiftSlot | None) -> Agenda:
    return Agenda(
        instance_id=instance.id if instance else None, site_id=site.id, site_name=site.name,
        timezone=site.timezone, shift_name=slot.definition.name, day=slot.day, shift_start=slot.start,
        shift_end=slot.end, meeting_start=meeting_start, language=language, parts=parts,
        supervisor_name=instance.supervisor_name if instance else None,
        previous_shift=(f"{previous.definition.name} {previous.day.isoformat()}" if previous else None),
    )
