"""Use cases of the playbook suggestions: check the rules on a feed update, the open alerts, dismiss one, link a
run to one; the agents on long calls at the shift change; each site's rule settings.

`check_rules` runs on every feed update (the scheduler's poll job), so it
reads little beyond what the views read already: one read transaction (the
source, the site's settings, last week's offered for the two half hours from
the stored intervals, the oldest waiting call by the very query and span of
`floor_now`, the alerts stored already for the two half hours); the
service-level view's own slots of the day (`day_view`, so an alert agrees
with what the view shows red, a one-queue source's own target included); the
shifts at now and, only within the window around a shift's start, the
incoming shift's sheet (`load_sheet`: who is marked present and whether their
logins are logged in), until the login gap has fired for that half hour. Two
intervals are judged: the one just finished and the one running at `now`
(the floor's figures belong to the running one). What fires is stored once
per (source, rule, interval) and the new alerts are returned; when nothing
new fires nothing is written.

Alert details (`Alert.detail`, key -> value) per rule: sl_below_target:
service_level, target_percent, offered; sl_below_target_twice: the same and
previous_service_level; traffic_peak: arrived, last_week_offered, ratio;
oldest_wait: oldest_wait_seconds, limit_seconds; login_gap: present,
logged_in, gap. An alert read back has its interval_start and fired_at in UTC.

`site_id` None means the first site; instants are aware datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from app.domain.attendance import AttendanceStatus, CrossFlag
from app.domain.errors import InvalidSettingError, UnknownSourceError
from app.domain.floor import floor_span
from app.domain.intervals import INTERVAL_SECONDS, interval_start_epoch, zone
from app.domain.playbook_rules import (
    LOGIN_GAP,
    Alert,
    IntervalSnapshot,
    LongCall,
    RuleSettings,
    check_settings,
    evaluate,
    long_calls,
    near_shift_change,
)
from app.domain.sources import FeedSource
from app.domain.access import Action
from app.services.console import Console
from app.services.day_view import DayView, Slot, day_view
from app.services.floor import MAX_CALL_SECONDS
from app.services.sheet import load_sheet
from app.services.shifts import aware, current_shift
from app.storage import floor as floor_store
from app.storage import people as people_store
from app.storage import playbook_alerts as store
from app.storage import sheet as sheet_store
from app.storage import shifts as shift_store
from app.storage import sites as site_store

PRESENT = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.LATE})


# --- settings ---

def rule_settings(console: Console, site_id: int | None = None) -> RuleSettings:
    """The site's rule settings (the defaults until saved)."""
    with console.db.transaction() as tx:
        return store.rule_settings(tx, shift_store.site(tx, site_id).id)


def save_rule_settings(console: Console, settings: RuleSettings, site_id: int | None = None) -> RuleSettings:
    """Replace the site's rule settings; an InvalidSettingError names the first value out of range."""
    problems = check_settings(settings)
    if problems:
        name, _ = problems[0]
        raise InvalidSettingError(name, getattr(settings, name), "too small")
    with console.db.transaction() as tx:
        return store.save_rule_settings(tx, shift_store.site(tx, site_id).id, settings)


# --- the rules ---

@dataclass(frozen=True)
class _Reading:
    """What one read transaction gathers for the rules at `now` (interval starts as UTC epoch seconds)."""

    source: FeedSource
    settings: RuleSettings
    tz: ZoneInfo
    before: int  # the interval before `finished`
    finished: int  # the interval just over
    running: int  # the interval holding `now`
    last_week: dict[int, int | None]  # finished/running -> offered a week earlier (None: not covered)
    oldest_wait_seconds: float | None
    fired: frozenset[tuple[str, datetime]]  # (rule, interval start) already stored for finished and running


def _read(console: Console, source_name: str, now: datetime, settings: RuleSettings | None = None) -> _Reading:
    aware("now", now)
    with console.db.transaction() as tx:
        source = _source(tx, source_name)
        tz = zone(source.site.timezone)
        span = floor_span(now, tz)
        running = span.now_interval
        finished = interval_start_epoch(running - 1, tz)
        # Last week's half hours are read straight from the stored intervals (two of them, not a whole day).
        week = {start: _week_before(start, tz) for start in (finished, running)}
        totals = dict(floor_store.interval_totals(tx, source.id, min(week.values()),
                                                  max(week.values()) + INTERVAL_SECONDS))
        covered = {w: floor_store.covered(tx, source.id, w, w + INTERVAL_SECONDS) for w in week.values()}
        # The oldest waiting call as the floor's "Now" panel has it (the same query, the same span).
        _, earliest = floor_store.waiting_calls(tx, source.id, span.day_first, span.now_interval, now)
        starts = [datetime.fromtimestamp(s, timezone.utc) for s in (finished, running)]
        return _Reading(
            source=source,
            settings=settings if settings is not None else store.rule_settings(tx, source.site.id),
            tz=tz,
            before=interval_start_epoch(finished - 1, tz),
            finished=finished,
            running=running,
            last_week={s: ((totals[w].offered if w in totals else 0) if covered[w] else None) for s, w in week.items()},
            oldest_wait_seconds=None if earliest is None else max((now - earliest).total_seconds(), 0.0),
            fired=frozenset(store.fired_keys(tx, source.site.id, source.name, starts)),
        )


def _week_before(start: int, tz: ZoneInfo) -> int:
    """The same wall-clock half hour seven days earlier."""
    local = datetime.fromtimestamp(start, tz)
    return interval_start_epoch(datetime.combine(local.date() - timedelta(days=7), local.time(), tzinfo=tz)
                                .timestamp(), tz)


def _snapshots(console: Console, r: _Reading, now: datetime, read_sheet: bool = True) -> tuple[IntervalSnapshot, ...]:
    views: dict[date, DayView] = {}
    slots: dict[int, Slot] = {}

    def slot(epoch: int) -> tuple[Slot | None, DayView]:
        day = datetime.fromtimestamp(epoch, r.tz).date()
        if day not in views:  # the service-level view's own slots: the alert agrees with what it shows red
            views[day] = day_view(console, r.source.name, day, now=now)
            slots.update((s.start, s) for s in views[day].slots)
        return slots.get(epoch), views[day]

    present, logged_in, change = _login_check(console, r.source, now, r.settings, read_sheet)
    out = []
    for start, previous, complete in ((r.finished, r.before, True), (r.running, r.finished, False)):
        (this, view), (prev, _) = slot(start), slot(previous)
        threshold = view.threshold_seconds
        snap = IntervalSnapshot(
            source=r.source.name,
            interval_start=datetime.fromtimestamp(start, r.tz),
            figures=this.figures if this else None,
            service_level=this.service_level if this else None,
            target_percent=view.target_percent,  # a one-queue source: that queue's own target, as the view
            threshold_seconds=threshold if threshold is not None else r.source.settings.threshold_seconds,
            previous_service_level=prev.service_level if prev else None,
            last_week_offered=r.last_week[start],
            complete=complete,
        )
        if not complete:
            snap = replace(snap, oldest_wait_seconds=r.oldest_wait_seconds, logged_in=logged_in,
                           present_on_sheet=present, at_shift_change=change)
        out.append(snap)
    return tuple(out)


def interval_snapshots(console: Console, source_name: str, now: datetime,
                       settings: RuleSettings | None = None) -> tuple[IntervalSnapshot, ...]:
    """What the rules judge at `now`: the interval just finished, then the one running (with the floor's
    figures: the oldest waiting call, and at the shift change the sheet's present agents and their logins)."""
    r = _read(console, source_name, now, settings)
    return _snapshots(console, r, now)


def check_rules(console: Console, source_name: str, now: datetime) -> tuple[Alert, ...]:
    """Evaluate the rules for `source_name` at `now`; the alerts newly stored (none twice for the same
    source, rule and interval). Writes only when something new fired."""
    r = _read(console, source_name, now)
    # The sheet (the costly part at the shift change) is read until the login gap has fired for this half hour.
    gap_fired = (LOGIN_GAP, datetime.fromtimestamp(r.running, timezone.utc)) in r.fired
    suggestions = [s for snap in _snapshots(console, r, now, not gap_fired) for s in evaluate(snap, r.settings)
                   if (s.rule, s.interval_start) not in r.fired]
    if not suggestions:
        return ()
    with console.acting(Action.SYSTEM), console.db.transaction() as tx:  # the desk's own watch
        return store.add_alerts(tx, r.source.site.id, r.source.name, suggestions, now)


def _login_check(console: Console, source: FeedSource, now: datetime, settings: RuleSettings,
                 read_sheet: bool = True) -> tuple[int | None, int | None, bool]:
    """(present on the incoming shift's sheet with an ACD login, those of them logged in, at the shift change).

    The counts are None away from the shift change, when the site has no feed with agent events, or when
    `read_sheet` is False.
    """
    current = current_shift(console, now, source.site.id)
    slots = [s for s in (current.slot, current.next) if s is not None]
    start = near_shift_change(now, [s.start for s in slots], settings.shift_change_window_minutes)
    if start is None or not read_sheet:
        return None, None, start is not None
    incoming = next(s for s in slots if s.start == start)
    sheet = load_sheet(console, incoming.day, incoming.definition.id, now, source.site.id)
    if not sheet.logins_known:
        return None, None, True
    checked = [r for r in sheet.rows if r.rostered and r.mark.status in PRESENT and (r.agent.acd_login or "").strip()]
    missing = sum(CrossFlag.NOT_LOGGED_IN in r.flags for r in checked)
    return len(checked), len(checked) - missing, True


# --- alerts ---

def open_alerts(console: Console, since: datetime, site_id: int | None = None) -> tuple[Alert, ...]:
    """The site's alerts fired since `since` that are neither dismissed nor taken up by a run, newest first."""
    aware("since", since)
    with console.db.transaction() as tx:
        return store.open_alerts(tx, shift_store.site(tx, site_id).id, since)


def dismiss_alert(console: Console, alert_id: int, reason: str, by: str, now: datetime) -> Alert:
    """Dismiss an open alert with a reason (required); who and when are kept."""
    reason, by = (reason or "").strip(), (by or "").strip()
    if not reason:
        raise InvalidSettingError("reason", reason, "dismissing an alert needs a reason")
    if not by:
        raise InvalidSettingError("by", by, "say who dismisses the alert")
    aware("now", now)
    with console.db.transaction() as tx:
        alert = _open_alert(tx, alert_id)
        return store.dismiss_alert(tx, alert.id, reason, by, now)


def link_run(console: Console, alert_id: int, run_id: int) -> Alert:
    """Record that the run `run_id` was started from the alert (which is then no longer open)."""
    with console.db.transaction() as tx:
        alert = store.get_alert(tx, alert_id)
        if alert is not None and alert.run_id == run_id:
            return alert
        alert = _open_alert(tx, alert_id)
        site = store.run_site(tx, run_id)
        if site is None or site != alert.site_id:
            raise InvalidSettingError("run", run_id, "no such playbook run in the alert's site")
        return store.link_run(tx, alert.id, run_id)


def _open_alert(tx, alert_id: int) -> Alert:
    alert = store.get_alert(tx, alert_id)
    if alert is None:
        raise InvalidSettingError("alert", alert_id, "no such alert")
    if alert.dismissed_at is not None:
        raise InvalidSettingError("alert", alert_id, "the alert was dismissed already")
    if alert.run_id is not None:
        raise InvalidSettingError("alert", alert_id, "a run was started from the alert already")
    return alert


# --- long calls at the shift change ---

def long_calls_at_shift_change(console: Console, source_name: str, now: datetime,
                               minutes: int | None = None) -> tuple[LongCall, ...]:
    """The agents still on a call answered more than `minutes` ago (default: the site's setting) whose rostered
    shift ends within the shift-change window around `now`, longest call first; when nobody of the site is
    rostered around `now`, every agent on such a call (with no shift end)."""
    aware("now", now)
    with console.db.transaction() as tx:
        source = _source(tx, source_name)
        settings = store.rule_settings(tx, source.site.id)
        minutes = settings.long_call_minutes if minutes is None else minutes
        if minutes < 0:
            raise InvalidSettingError("minutes", minutes, "must be 0 or more")
        window = timedelta(minutes=settings.shift_change_window_minutes)
        calls = store.open_calls(tx, source.id, now.timestamp() - MAX_CALL_SECONDS, now)
        if not calls:
            return ()
        local = now.astimezone(zone(source.site.timezone)).date()
        entries = [e for e in sheet_store.entries_between(tx, source.site.id, local - timedelta(days=1), local)
                   if e.start <= now + window and e.end >= now - window]
        agents = people_store.agents_by_id(tx, {e.agent_id for e in entries}) if entries else {}
    if not entries:
        return long_calls(calls, None, now, minutes)
    ending: dict[str, tuple[str, datetime]] = {}
    for e in entries:
        agent = agents.get(e.agent_id)
        login = (agent.acd_login or "").strip().casefold() if agent else ""
        if not login or abs(e.end - now) > window:
            continue
        if login not in ending or abs(e.end - now) < abs(ending[login][1] - now):
            ending[login] = (agent.name, e.end)
    return long_calls(calls, ending, now, minutes)


def _source(tx, name: str) -> FeedSource:
    source = site_store.find_source(tx, name)
    if source is None:
        raise UnknownSourceError(name)
    return source
