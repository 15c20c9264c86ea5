"""Repository of the playbook suggestions: the alerts the rules raised, each site's rule settings, open calls.

An alert is stored once per (site, source, rule, interval): the insert is
`ON CONFLICT DO NOTHING` on that unique key (SQLite and PostgreSQL alike), so
two desks checking the same feed at once still store it once. Alerts are
never deleted; dismissing one records who, when and why. `detail` is a JSON
object of the figures behind the alert.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.calls import CallState
from app.domain.intervals import INTERVAL_SECONDS
from app.domain.playbook_rules import Alert, OpenCall, RuleSettings, Suggestion
from app.storage.models import Call, PlaybookAlertRow, PlaybookRuleSettingsRow, PlaybookRunRow

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}

# No caller waits this long in a queue: it bounds the intervals searched for calls answered since a time.
MAX_QUEUE_WAIT_SECONDS = 4 * 3600


def _alert(row: PlaybookAlertRow) -> Alert:
    return Alert(
        id=row.id, site_id=row.site_id, source=row.source, rule=row.rule, level=row.level,
        interval_start=row.interval_start, fired_at=row.fired_at, playbook_key=row.playbook_key,
        detail=tuple(json.loads(row.detail or "{}").items()), dismissed_at=row.dismissed_at,
        dismissed_by=row.dismissed_by or "", dismiss_reason=row.dismiss_reason or "", run_id=row.run_id,
    )


# --- settings ---

def rule_settings(session: Session, site_id: int) -> RuleSettings:
    """The site's settings (the defaults when none were saved)."""
    row = session.get(PlaybookRuleSettingsRow, site_id)
    return RuleSettings.from_dict(json.loads(row.settings) if row is not None else None)


def save_rule_settings(session: Session, site_id: int, settings: RuleSettings) -> RuleSettings:
    text = json.dumps(settings.as_dict(), sort_keys=True)
    row = session.get(PlaybookRuleSettingsRow, site_id)
    if row is None:
        session.add(PlaybookRuleSettingsRow(site_id=site_id, settings=text))
    else:
        row.settings = text
    session.flush()
    return settings


# --- alerts ---

def add_alerts(session: Session, site_id: int, source: str, suggestions: Iterable[Suggestion],
               fired_at: datetime) -> tuple[Alert, ...]:
    """Store the suggestions not stored yet for their (source, rule, interval); the new alerts, in order."""
    insert = _INSERT[session.get_bind().dialect.name]
    new_ids = []
    for s in suggestions:
        statement = (
            insert(PlaybookAlertRow)
            .values(site_id=site_id, source=source, rule=s.rule, level=s.level, interval_start=s.interval_start,
                    fired_at=fired_at, playbook_key=s.playbook_key, detail=json.dumps(dict(s.detail)))
            .on_conflict_do_nothing(index_elements=["site_id", "source", "rule", "interval_start"])
            .returning(PlaybookAlertRow.id)
        )
        new_id = session.execute(statement).scalar()
        if new_id is not None:
            new_ids.append(new_id)
    if not new_ids:
        return ()
    rows = session.scalars(select(PlaybookAlertRow).where(PlaybookAlertRow.id.in_(new_ids))).all()
    by_id = {r.id: _alert(r) for r in rows}
    return tuple(by_id[i] for i in new_ids)


def fired_keys(session: Session, site_id: int, source: str,
               starts: Iterable[datetime]) -> set[tuple[str, datetime]]:
    """(rule, interval start) of the alerts stored already for these intervals of a source."""
    starts = list(starts)
    if not starts:
        return set()
    query = select(PlaybookAlertRow.rule, PlaybookAlertRow.interval_start).where(
        PlaybookAlertRow.site_id == site_id, PlaybookAlertRow.source == source,
        PlaybookAlertRow.interval_start.in_(starts))
    return {(rule, start) for rule, start in session.execute(query)}


def get_alert(session: Session, alert_id: int) -> Alert | None:
    row = session.get(PlaybookAlertRow, alert_id)
    return None if row is None else _alert(row)


def open_alerts(session: Session, site_id: int, since: datetime) -> tuple[Alert, ...]:
    """The site's alerts fired at or after `since`, neither dismissed nor taken up by a run; newest first."""
    query = (
        select(PlaybookAlertRow)
        .where(PlaybookAlertRow.site_id == site_id, PlaybookAlertRow.fired_at >= since,
               PlaybookAlertRow.dismissed_at.is_(None), PlaybookAlertRow.run_id.is_(None))
        .order_by(PlaybookAlertRow.fired_at.desc(), PlaybookAlertRow.id.desc())
    )
    return tuple(_alert(r) for r in session.scalars(query))


def dismiss_alert(session: Session, alert_id: int, reason: str, by: str, at: datetime) -> Alert:
    row = session.get(PlaybookAlertRow, alert_id)
    row.dismissed_at, row.dismissed_by, row.dismiss_reason = at, by, reason
    session.flush()
    return _alert(row)


def run_site(session: Session, run_id: int) -> int | None:
    """The site of the playbook run `run_id` (None: no such run)."""
    return session.scalar(select(PlaybookRunRow.site_id).where(PlaybookRunRow.id == run_id))


def link_run(session: Session, alert_id: int, run_id: int) -> Alert:
    session.execute(update(PlaybookAlertRow).where(PlaybookAlertRow.id == alert_id).values(run_id=run_id))
    return _alert(session.get(PlaybookAlertRow, alert_id))


# --- calls still going ---

def open_calls(session: Session, source_id: int, answered_since: float, now: datetime) -> list[OpenCall]:
    """Answered calls of a source with no end yet, answered in [answered_since, now] (epoch seconds, aware now).

    Arrivals are looked for through the (source, interval) index from MAX_QUEUE_WAIT_SECONDS before
    `answered_since` to now's interval.
    """
    c = Call
    rows = session.execute(
        select(c.agent, c.answered_at, c.queue).where(
            c.source_id == source_id,
            c.interval_start >= answered_since - MAX_QUEUE_WAIT_SECONDS - INTERVAL_SECONDS,
            c.interval_start <= now.timestamp(),
            c.state == CallState.ANSWERED.value,
            c.ended_at.is_(None),
            c.agent.is_not(None),
            c.answered_at >= answered_since,
            c.answered_at <= now.timestamp(),
        )
    )
    return [OpenCall(agent, datetime.fromtimestamp(at, timezone.utc), queue) for agent, at, queue in rows]
