"""Repository of the reminder times, one JSON object per site (the defaults until a site saves its own)."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy.orm import Session

from app.domain.reminders import ReminderSettings
from app.storage.models import ReminderSettingsRow


def reminder_settings(session: Session, site_id: int) -> ReminderSettings:
    row = session.get(ReminderSettingsRow, site_id)
    return ReminderSettings.from_dict(json.loads(row.settings) if row is not None else None)


def save_reminder_settings(session: Session, site_id: int, settings: ReminderSettings, by: str,
                           at: datetime) -> ReminderSettings:
    text = json.dumps(settings.as_dict(), sort_keys=True)
    row = session.get(ReminderSettingsRow, site_id)
    if row is None:
        session.add(ReminderSettingsRow(site_id=site_id, settings=text, updated_at=at, updated_by=by))
    else:
        row.settings, row.updated_at, row.updated_by = text, at, by
    session.flush()
    return ReminderSettings.from_dict(json.loads(text))
