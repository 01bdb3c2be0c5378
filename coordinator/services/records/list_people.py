"""The volunteers and local services lists: sorted ids for a filter, rows for some ids.

Re-exported by coordinator.services.listing; same conventions as the mothers list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Select, aggregate_order_by, bindparam, case, func, select

from coordinator.models import (
    DBSCheck,
    Language,
    LocalService,
    Match,
    MatchStatus,
    ServiceCategory,
    Volunteer,
    VolunteerArea,
    VolunteerStatus,
    volunteer_language,
    volunteer_project,
)
from coordinator.services import search
from coordinator.services.records.labels import VOLUNTEER_STATUS_LABELS
from coordinator.services.records.list_common import (
    chunks,
    display_name,
    fts_ids,
    json_ids,
    ordered,
    tune,
)
from coordinator.services.sessions import Source, reading

ALL_STATUSES: frozenset[VolunteerStatus] = frozenset(VolunteerStatus)
CURRENT_MATCH = (MatchStatus.ACTIVE, MatchStatus.PAUSED)
#: A DBS check falling due within this many days is "due soon".
DBS_DUE_SOON_DAYS = 60
VOLUNTEER_SORTS = ("name", "reference", "status", "dbs_due", "languages", "areas", "matches")
SERVICE_SORTS = ("name", "category", "area", "phone")


@dataclass(frozen=True)
class VolunteerFilter:
    text: str = ""
    statuses: frozenset[VolunteerStatus] = ALL_STATUSES
    project_id: int | None = None
    language_id: int | None = None
    #: Only volunteers whose latest DBS check's next check date has passed.
    dbs_overdue_only: bool = False


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    #: "V0007".
    reference: str
    name: str
    status: str
    #: Next check due on the latest DBS check (None when none is recorded).
    dbs_due: date | None
    dbs_overdue: bool
    #: Due within DBS_DUE_SOON_DAYS days (and not yet overdue).
    dbs_due_soon: bool
    languages: str
    areas: str
    #: "1 of 2": current (active or paused) matches of the most she takes at once.
    matches: str


@dataclass(frozen=True)
class ServiceFilter:
    text: str = ""
    category_id: int | None = None
    include_inactive: bool = False


@dataclass(frozen=True)
class ServiceRow:
    id: int
    name: str
    category: str
    area: str
    phone: str
    active: bool


def _dbs_due() -> Any:
    return (
        select(DBSCheck.next_check_due)
        .where(DBSCheck.volunteer_id == Volunteer.id)
        .order_by(DBSCheck.issue_date.desc(), DBSCheck.id.desc())
        .limit(1)
        .correlate(Volunteer)
        .scalar_subquery()
    )


def _languages() -> Any:
    return (
        select(aggregate_order_by(func.group_concat(Language.label, ", "), Language.sort_order))
        .select_from(volunteer_language.join(Language))
        .where(volunteer_language.c.volunteer_id == Volunteer.id)
        .correlate(Volunteer)
        .scalar_subquery()
    )


def _areas() -> Any:
    return (
        select(aggregate_order_by(func.group_concat(VolunteerArea.area, ", "), VolunteerArea.area))
        .where(VolunteerArea.volunteer_id == Volunteer.id)
        .correlate(Volunteer)
        .scalar_subquery()
    )


def _current_matches() -> Any:
    return (
        select(func.count())
        .where(Match.volunteer_id == Volunteer.id, Match.status.in_(CURRENT_MATCH))
        .correlate(Volunteer)
        .scalar_subquery()
    )


def _volunteer_sort_key(sort: str) -> Any:
    keys = {
        "reference": lambda: Volunteer.reference,
        "status": lambda: case(
            {s: i for i, s in enumerate(VOLUNTEER_STATUS_LABELS)}, value=Volunteer.status
        ),
        "dbs_due": _dbs_due,
        "languages": lambda: func.lower(_languages()),
        "areas": lambda: func.lower(_areas()),
        "matches": _current_matches,
    }
    if sort not in keys:
        raise ValueError(f"unknown sort for volunteers: {sort!r}")
    return keys[sort]()


def volunteer_ids(
    source: Source,
    flt: VolunteerFilter = VolunteerFilter(),  # noqa: B008 - frozen, so safe as a default
    sort: str = "name",
    descending: bool = False,
    today: date | None = None,
) -> list[int]:
    """Ids of the volunteers matching the filter, sorted by a list column (VOLUNTEER_SORTS)."""
    today = today or date.today()
    conditions: list[Any] = []
    expression = search.match_expression("volunteer", flt.text)
    if expression:
        conditions.append(Volunteer.id.in_(fts_ids("volunteer_fts")))
    if flt.statuses != ALL_STATUSES:
        conditions.append(Volunteer.status.in_(sorted(flt.statuses)))
    if flt.project_id is not None:
        conditions.append(
            select(volunteer_project.c.volunteer_id)
            .where(
                volunteer_project.c.volunteer_id == Volunteer.id,
                volunteer_project.c.project_id == flt.project_id,
            )
            .exists()
        )
    if flt.language_id is not None:
        conditions.append(
            select(volunteer_language.c.volunteer_id)
            .where(
                volunteer_language.c.volunteer_id == Volunteer.id,
                volunteer_language.c.language_id == flt.language_id,
            )
            .exists()
        )
    if flt.dbs_overdue_only:
        conditions.append(_dbs_due() < today)
    statement = select(Volunteer.id).where(*conditions)
    if sort == "name":
        ties = (Volunteer.full_name, Volunteer.id)
        statement = statement.order_by(*(t.desc() if descending else t for t in ties))
    else:
        key = _volunteer_sort_key(sort)
        statement = statement.order_by(*ordered(key, descending, Volunteer.full_name, Volunteer.id))
    with reading(source) as session:
        tune(session)
        return json_ids(session, statement, {"q": expression} if expression else {})


@cache
def _volunteer_rows_statement() -> Select[Any]:
    v = Volunteer
    return select(
        v.id,
        v.reference,
        v.full_name,
        v.preferred_name,
        v.status,
        v.max_matches,
        _dbs_due().label("dbs_due"),
        _languages().label("languages"),
        _areas().label("areas"),
        _current_matches().label("current"),
    ).where(v.id.in_(bindparam("ids", expanding=True)))


def volunteer_rows(source: Source, ids: list[int], today: date | None = None) -> list[VolunteerRow]:
    """Display rows for these ids, in the same order (ids no longer there are skipped)."""
    today = today or date.today()
    soon = today + timedelta(days=DBS_DUE_SOON_DAYS)
    found: dict[int, VolunteerRow] = {}
    with reading(source) as session:
        for part in chunks(list(ids)):
            for r in session.execute(_volunteer_rows_statement(), {"ids": part}):
                due = r.dbs_due
                found[r.id] = VolunteerRow(
                    id=r.id,
                    reference=r.reference or "",
                    name=display_name(r.full_name, r.preferred_name),
                    status=VOLUNTEER_STATUS_LABELS[r.status],
                    dbs_due=due,
                    dbs_overdue=due is not None and due < today,
                    dbs_due_soon=due is not None and today <= due <= soon,
                    languages=r.languages or "",
                    areas=r.areas or "",
                    matches=f"{r.current} of {r.max_matches}",
                )
    return [found[i] for i in ids if i in found]


def _service_sort_key(sort: str) -> Any:
    keys = {
        "category": lambda: func.lower(
            select(ServiceCategory.label)
            .where(ServiceCategory.id == LocalService.category_id)
            .correlate(LocalService)
            .scalar_subquery()
        ),
        "area": lambda: func.lower(LocalService.area),
        "phone": lambda: LocalService.phone,
    }
    if sort not in keys:
        raise ValueError(f"unknown sort for services: {sort!r}")
    return keys[sort]()


def service_ids(
    source: Source,
    flt: ServiceFilter = ServiceFilter(),  # noqa: B008 - frozen, so safe as a default
    sort: str = "name",
    descending: bool = False,
) -> list[int]:
    """Ids of the local services matching the filter, sorted by a column (SERVICE_SORTS).

    Services no longer active are left out unless the filter includes them.
    """
    conditions: list[Any] = []
    expression = search.match_expression("service", flt.text)
    if expression:
        conditions.append(LocalService.id.in_(fts_ids("service_fts")))
    if flt.category_id is not None:
        conditions.append(LocalService.category_id == flt.category_id)
    if not flt.include_inactive:
        conditions.append(LocalService.active.is_(True))
    name = func.lower(LocalService.name)
    statement = select(LocalService.id).where(*conditions)
    if sort == "name":
        ties = (name, LocalService.id)
        statement = statement.order_by(*(t.desc() if descending else t for t in ties))
    else:
        key = _service_sort_key(sort)
        statement = statement.order_by(*ordered(key, descending, name, LocalService.id))
    with reading(source) as session:
        return json_ids(session, statement, {"q": expression} if expression else {})


def service_rows(source: Source, ids: list[int]) -> list[ServiceRow]:
    """Display rows for these ids, in the same order (ids no longer there are skipped)."""
    s = LocalService
    columns = (s.id, s.name, ServiceCategory.label, s.area, s.phone, s.active)
    found: dict[int, ServiceRow] = {}
    with reading(source) as session:
        for part in chunks(list(ids)):
            statement = (
                select(*columns)
                .outerjoin(ServiceCategory, ServiceCategory.id == s.category_id)
                .where(s.id.in_(part))
            )
            for r in session.execute(statement):
                found[r.id] = ServiceRow(
                    r.id, r.name, r.label or "", r.area or "", r.phone or "", bool(r.active)
                )
    return [found[i] for i in ids if i in found]
