"""Repository of a site's shifts: definitions, special days and shift instances (domain values in and out)."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.errors import UnknownSiteError
from app.domain.shifts import ShiftDefinition, ShiftInstance, ShiftStatus, SpecialDay
from app.domain.sources import Site
from app.storage.models import ShiftDefinitionRow, ShiftInstanceRow, SupervisorRow
from app.storage.models import Site as SiteRow
from app.storage.models import SpecialDay as SpecialDayRow
from app.domain.access import Action
from app.storage.access import declared


def site(session: Session, site_id: int | None) -> Site:
    """The site `site_id`, or the first site when None (UnknownSiteError when there is none such)."""
    if site_id is None:
        row = session.scalar(select(SiteRow).order_by(SiteRow.id).limit(1))
    else:
        row = session.get(SiteRow, site_id)
    if row is None:
        raise UnknownSiteError(str(site_id) if site_id is not None else "(no site yet)")
    return Site(row.id, row.name, row.timezone)


# --- definitions ---

def _definition(row: ShiftDefinitionRow) -> ShiftDefinition:
    return ShiftDefinition(row.id, row.site_id, row.name, row.start, row.end)


def list_definitions(session: Session, site_id: int, include_inactive: bool = False) -> tuple[ShiftDefinition, ...]:
    """The site's definitions in start order (then name)."""
    query = select(ShiftDefinitionRow).where(ShiftDefinitionRow.site_id == site_id)
    if not include_inactive:
        query = query.where(ShiftDefinitionRow.active.is_(True))
    rows = session.scalars(query).all()
    return tuple(sorted((_definition(r) for r in rows), key=lambda d: (d.start, d.name, d.id)))


def get_definition(session: Session, definition_id: int) -> ShiftDefinition | None:
    row = session.get(ShiftDefinitionRow, definition_id)
    return _definition(row) if row else None


def find_definition(session: Session, site_id: int, name: str) -> ShiftDefinition | None:
    row = session.scalar(
        select(ShiftDefinitionRow).where(ShiftDefinitionRow.site_id == site_id, ShiftDefinitionRow.name == name)
    )
    return _definition(row) if row else None


def add_definition(session: Session, site_id: int, name: str, start: time, end: time) -> ShiftDefinition:
    row = ShiftDefinitionRow(site_id=site_id, name=name, start=start, end=end, active=True)
    session.add(row)
    session.flush()
    return _definition(row)


def update_definition(session: Session, definition_id: int, name: str, start: time, end: time) -> ShiftDefinition:
    row = session.get(ShiftDefinitionRow, definition_id)
    row.name, row.start, row.end = name, start, end
    session.flush()
    return _definition(row)


# --- special days ---

def _special(row: SpecialDayRow) -> SpecialDay:
    return SpecialDay(row.day, row.name, row.opens, row.closes)


def list_special_days(session: Session, site_id: int, first: date | None = None,
                      last: date | None = None) -> tuple[SpecialDay, ...]:
    """The site's special days in date order, optionally only those in [first, last]."""
    query = select(SpecialDayRow).where(SpecialDayRow.site_id == site_id)
    if first is not None:
        query = query.where(SpecialDayRow.day >= first)
    if last is not None:
        query = query.where(SpecialDayRow.day <= last)
    return tuple(_special(r) for r in session.scalars(query.order_by(SpecialDayRow.day)))


def special_day(session: Session, site_id: int, day: date) -> SpecialDay | None:
    row = session.get(SpecialDayRow, (site_id, day))
    return _special(row) if row else None


def set_special_day(session: Session, site_id: int, special: SpecialDay) -> SpecialDay:
    row = session.get(SpecialDayRow, (site_id, special.day))
    if row is None:
        row = SpecialDayRow(site_id=site_id, day=special.day)
        session.add(row)
    row.name, row.opens, row.closes = special.name, special.opens, special.closes
    session.flush()
    return _special(row)


def remove_special_day(session: Session, site_id: int, day: date) -> bool:
    row = session.get(SpecialDayRow, (site_id, day))
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


# --- instances ---

def _instance(session: Session, row: ShiftInstanceRow) -> ShiftInstance:
    definition = _definition(session.get(ShiftDefinitionRow, row.definition_id))
    supervisor = session.get(SupervisorRow, row.supervisor_id) if row.supervisor_id is not None else None
    return ShiftInstance(
        id=row.id,
        site_id=row.site_id,
        definition=definition,
        day=row.day,
        status=ShiftStatus(row.status),
        supervisor_id=row.supervisor_id,
        supervisor_name=supervisor.name if supervisor else None,
    )


def get_instance(session: Session, instance_id: int) -> ShiftInstance | None:
    row = session.get(ShiftInstanceRow, instance_id)
    return _instance(session, row) if row else None


def find_instance(session: Session, definition_id: int, day: date) -> ShiftInstance | None:
    row = session.scalar(
        select(ShiftInstanceRow).where(ShiftInstanceRow.definition_id == definition_id, ShiftInstanceRow.day == day)
    )
    return _instance(session, row) if row else None


def ensure_instance(session: Session, definition: ShiftDefinition, day: date) -> ShiftInstance:
    """The instance of `definition` on `day`, created PLANNED when missing.

    Two desks may create it at once: the insert runs in a savepoint, and the
    one that loses the race reads the other's row.
    """
    found = find_instance(session, definition.id, day)
    if found is not None:
        return found
    try:  # the day's instance of a defined shift: bookkeeping, made whoever looks at the day first
        with declared(Action.SYSTEM), session.begin_nested():
            row = ShiftInstanceRow(
                site_id=definition.site_id, definition_id=definition.id, day=day, status=ShiftStatus.PLANNED.value
            )
            session.add(row)
    except IntegrityError:
        return find_instance(session, definition.id, day)
    return _instance(session, row)


def set_instance_supervisor(session: Session, instance_id: int, supervisor_id: int | None) -> ShiftInstance:
    row = session.get(ShiftInstanceRow, instance_id)
    row.supervisor_id = supervisor_id
    session.flush()
    return _instance(session, row)


def set_instance_status(session: Session, instance_id: int, status: ShiftStatus, at: datetime) -> ShiftInstance:
    """Set the status; the first opening and the handover keep their instant."""
    row = session.get(ShiftInstanceRow, instance_id)
    row.status = status.value
    if status is not ShiftStatus.PLANNED and row.opened_at is None:
        row.opened_at = at
    if status is ShiftStatus.HANDED_OVER and row.handed_over_at is None:
        row.handed_over_at = at
    session.flush()
    return _instance(session, row)


def lock_instance(session: Session, instance_id: int) -> None:
    """Hold the shift instance's row until the transaction ends, so desks changing what hangs on one shift
    (its seating, its agenda's next revision) take turns (PostgreSQL: FOR NO KEY UPDATE, which lets other desks
    keep writing rows that refer to the instance; SQLite has no row locks and writes one at a time)."""
    session.execute(select(ShiftInstanceRow.id).where(ShiftInstanceRow.id == instance_id)
                    .with_for_update(key_share=True))
