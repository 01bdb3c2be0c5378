"""The list pages' data: sorted id lists for a filter, and display rows for some of those ids.

The UI keeps only the sorted ids (`mother_ids`, `volunteer_ids`, `service_ids`) and asks for
rows as they scroll into view (`mother_rows`, ...): each is one query, and rows come back in
the order of the ids given. Sorting happens in SQL, on every column of each list.

`mother_ids` runs on every keystroke in the search box, so its statements are built once per
filter, sort and plan (`_ids_statement`) and SQLAlchemy compiles each shape once; a keystroke
only binds the new search text. For a search it picks how to reach the ids (`Plan`).

    ids = mother_ids(vault, MotherFilter(text="wis", stages=OPEN_STAGES), "waiting", True)
    rows = mother_rows(vault, ids[:50])

Volunteers and local services are in records/list_people.py (re-exported here).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any, Literal

from sqlalchemy import Connection, Select, bindparam, case, func, select, text

from coordinator.models import Match, MatchStatus, Mother, MotherStage, Volunteer, mother_need
from coordinator.services import search
from coordinator.services.records.labels import REFERRAL_SOURCE_LABELS, STAGE_LABELS
from coordinator.services.records.list_common import (
    area_text,
    chunks,
    display_name,
    fts_ids,
    id_array,
    ids_in_order,
    ordered,
    tune,
    unindexed,
)
from coordinator.services.records.list_people import (
    CURRENT_MATCH,
    SERVICE_SORTS,
    VOLUNTEER_SORTS,
    ServiceFilter,
    ServiceRow,
    VolunteerFilter,
    VolunteerRow,
    service_ids,
    service_rows,
    volunteer_ids,
    volunteer_rows,
)
from coordinator.services.records.pregnancy import FULL_TERM_DAYS, estimated_edd, pregnancy_text
from coordinator.services.sessions import Source, reading

ALL_STAGES: frozenset[MotherStage] = frozenset(MotherStage)
#: Still in the pipeline: not yet matched, not closed (these are "waiting").
WAITING_STAGES: frozenset[MotherStage] = frozenset(
    {MotherStage.RECEIVED, MotherStage.CONTACTED, MotherStage.ASSESSED, MotherStage.WAITING}
)
OPEN_STAGES: frozenset[MotherStage] = ALL_STAGES - {MotherStage.CLOSED}

#: The sort keys of the mothers list, one per column.
MOTHER_SORTS = ("name", "reference", "stage", "due", "area", "referrer", "waiting", "volunteer")

#: How `mother_ids` reaches the ids:
#: - "all": no search; SQLite chooses (the name index, for the whole list sorted by name).
#: - "hits": from the search hits: read each hit's row, keep those the filters pass, sort them.
#: - "name_walk": walk the name index in order and keep the hits, reading no row. Used for a
#:   search sorted by name without filters once the hits are many (see NAME_WALK_SHARE).
Plan = Literal["all", "hits", "name_walk"]
#: A search sorted by name walks the name index once its hits reach 1 in NAME_WALK_SHARE of
#: the mothers (and at least NAME_WALK_LEAST): walking all 50,000 entries of the index costs
#: about what reading and sorting 4,000 hits does (measured on the demo database).
NAME_WALK_SHARE = 12
NAME_WALK_LEAST = 100
#: One step: are the hits at least that many? Counting stops there, so this stays cheap.
_MANY_HITS = text(
    "WITH enough(n) AS ("
    f"SELECT max({NAME_WALK_LEAST}, coalesce(max(id), 0) / {NAME_WALK_SHARE}) FROM mother) "
    "SELECT count(*) >= (SELECT n FROM enough) FROM "
    "(SELECT 1 FROM mother_fts WHERE mother_fts MATCH :q LIMIT (SELECT n FROM enough))"
)


@dataclass(frozen=True)
class MotherFilter:
    text: str = ""
    stages: frozenset[MotherStage] = ALL_STAGES
    project_id: int | None = None
    need_id: int | None = None
    #: A town, or a postcode area, district or sector ("LE", "LE2", "LE2 8").
    area: str | None = None
    waiting_more_than_days: int | None = None


@dataclass(frozen=True)
class MotherRow:
    id: int
    #: "M0042".
    reference: str
    #: Full name, with the preferred name after it when she has one: "Małgorzata Nowak (Gosia)".
    name: str
    stage: str
    #: "due 3 Mar 2027 (24 weeks)", "baby 5 months" or "".
    due_or_age: str
    #: "Leicester, LE2".
    area: str
    referrer: str
    #: Days since the referral while she waits; None once matched or closed.
    days_waiting: int | None
    #: Her current (active or paused) volunteer.
    volunteer: str
    safeguarding: bool
    no_letters_home: bool
    #: A safe address is recorded: letters can go there instead of her home.
    has_safe_address: bool = False


def current_volunteer_name() -> Any:
    return (
        select(Volunteer.full_name)
        .join(Match, Match.volunteer_id == Volunteer.id)
        .where(Match.mother_id == Mother.id, Match.status.in_(CURRENT_MATCH))
        .order_by(Match.status == MatchStatus.PAUSED, Match.start_date.desc(), Match.id.desc())
        .limit(1)
        .correlate(Mother)
        .scalar_subquery()
    )


def _area_condition(area: str) -> Any:
    area = " ".join(area.split())
    upper = area.upper()
    town = func.lower(Mother.town) == area.lower()
    if len(upper) <= 2 and upper.isalpha():  # postcode area: LE
        return town | Mother.postcode.op("GLOB")(f"{upper}[0-9]*")
    if " " in upper:  # postcode sector: LE2 8
        return town | Mother.postcode.like(f"{upper}%")
    return town | Mother.postcode.like(f"{upper} %")  # postcode district: LE2


def _mother_conditions(
    flt: MotherFilter, today: date | None, *, on_rows: bool = False
) -> list[Any]:
    """The filters (not the search text). `on_rows`: checked on each row SQLite reaches
    otherwise (the search hits), never used to reach rows through an index."""

    def col(column: Any) -> Any:
        return unindexed(column) if on_rows else column

    conditions: list[Any] = []
    if flt.stages != ALL_STAGES:
        conditions.append(col(Mother.stage).in_(sorted(flt.stages)))
    if flt.project_id is not None:
        conditions.append(col(Mother.project_id) == flt.project_id)
    if flt.need_id is not None:
        conditions.append(
            select(mother_need.c.mother_id)
            .where(mother_need.c.mother_id == Mother.id, mother_need.c.need_id == flt.need_id)
            .exists()
        )
    if flt.area and flt.area.strip():
        conditions.append(_area_condition(flt.area))
    if flt.waiting_more_than_days is not None:
        assert today is not None
        cutoff = today - timedelta(days=flt.waiting_more_than_days)
        conditions.append(col(Mother.stage).in_(sorted(WAITING_STAGES)))
        conditions.append(col(Mother.referral_received_on) < cutoff)
    return conditions


def _filtered(flt: MotherFilter) -> bool:
    """Does the filter (not the search text) leave out anyone?"""
    area = (flt.area or "").strip() or None
    return replace(flt, text="", area=area) != MotherFilter()


def _mother_sort_key(sort: str) -> Any:
    if sort == "reference":
        return Mother.reference
    if sort == "stage":
        return case({s: i for i, s in enumerate(STAGE_LABELS)}, value=Mother.stage)
    if sort == "due":
        weeks = Mother.weeks_pregnant_at_referral
        offset = func.printf("%d days", FULL_TERM_DAYS - 7 * weeks)
        estimate = case(
            (weeks.is_not(None), func.date(Mother.referral_received_on, offset)), else_=None
        )
        return func.coalesce(Mother.baby_dob, Mother.edd, estimate)
    if sort == "area":
        return func.lower(func.coalesce(Mother.town, Mother.postcode))
    if sort == "referrer":
        return func.lower(func.coalesce(Mother.referrer_name, Mother.referrer_agency))
    if sort == "waiting":  # more days waiting = an earlier referral
        return case(
            (Mother.stage.in_(sorted(WAITING_STAGES)), Mother.referral_received_on), else_=None
        )
    if sort == "volunteer":
        return func.lower(current_volunteer_name())
    raise ValueError(f"unknown sort for mothers: {sort!r}")


def mother_ids(
    source: Source,
    flt: MotherFilter = MotherFilter(),  # noqa: B008 - frozen, so safe as a default
    sort: str = "name",
    descending: bool = False,
    today: date | None = None,
) -> list[int]:
    """Ids of the mothers matching the filter, sorted by a list column (MOTHER_SORTS).

    Empty values sort last in both directions; ties go by name. "waiting" sorts by days
    waiting (ascending = shortest wait first).
    """
    if sort not in MOTHER_SORTS:
        raise ValueError(f"unknown sort for mothers: {sort!r}")
    expression = search.match_expression("mother", flt.text)
    with reading(source) as session:
        tune(session)
        connection = session.connection()
        plan = _plan(connection, flt, sort, expression)
        return _planned_ids(connection, flt, sort, descending, today, plan, expression)


def _plan(connection: Connection, flt: MotherFilter, sort: str, expression: str | None) -> Plan:
    if expression is None:
        return "all"
    if sort != "name" or _filtered(flt):
        return "hits"
    return "name_walk" if connection.execute(_MANY_HITS, {"q": expression}).scalar() else "hits"


def _planned_ids(
    connection: Connection,
    flt: MotherFilter,
    sort: str,
    descending: bool,
    today: date | None,
    plan: Plan,
    expression: str | None,
) -> list[int]:
    """The ids by this plan: every plan gives the same list (the search plans need a search)."""
    waiting_from = (today or date.today()) if flt.waiting_more_than_days is not None else None
    statement = _ids_statement(replace(flt, text=""), waiting_from, sort, descending, plan)
    return ids_in_order(connection, statement, {} if plan == "all" else {"q": expression})


@lru_cache(maxsize=64)
def _ids_statement(
    flt: MotherFilter, today: date | None, sort: str, descending: bool, plan: Plan
) -> Select[Any]:
    """Built once per filter (without its text), sort and plan: SQLAlchemy then finds its
    compiled form at once, and each keystroke only binds the search text (:q)."""
    if plan == "all":
        conditions = _mother_conditions(flt, today)
    else:
        # "hits" reaches each hit by its id; "name_walk" must not, so that SQLite walks the
        # name index (the order asked for) and only looks each entry's id up in the hits.
        hit_id = Mother.id if plan == "hits" else unindexed(Mother.id)
        conditions = [hit_id.in_(fts_ids("mother_fts"))]
        conditions += _mother_conditions(flt, today, on_rows=True)
    statement = select(Mother.id).where(*conditions)
    if sort == "name":
        name, row = (Mother.full_name, Mother.id)
        statement = statement.order_by(*(c.desc() if descending else c.asc() for c in (name, row)))
    else:
        key = _mother_sort_key(sort)
        if sort == "waiting":
            descending = not descending
        statement = statement.order_by(*ordered(key, descending, Mother.full_name, Mother.id))
    return id_array(statement)


def _referrer_text(name: str | None, agency: str | None, source: Any) -> str:
    if name and agency:
        return f"{name} ({agency})"
    if name or agency:
        return name or agency
    return REFERRAL_SOURCE_LABELS.get(source, "") if source else ""


@cache
def _mother_rows_statement() -> Select[Any]:
    """Built once: SQLAlchemy then reuses its compiled form for every screenful."""
    m = Mother
    return select(
        m.id,
        m.reference,
        m.full_name,
        m.preferred_name,
        m.stage,
        m.edd,
        m.edd_is_approximate,
        m.weeks_pregnant_at_referral,
        m.referral_received_on,
        m.baby_dob,
        m.town,
        m.postcode,
        m.referrer_name,
        m.referrer_agency,
        m.referral_source,
        m.no_letters_home,
        m.safe_address.is_not(None).label("has_safe_address"),
        current_volunteer_name().label("volunteer"),
        m.has_open_safeguarding.label("safeguarding"),
    ).where(m.id.in_(bindparam("ids", expanding=True)))


def mother_rows(source: Source, ids: list[int], today: date | None = None) -> list[MotherRow]:
    """Display rows for these ids, in the same order (ids no longer there are skipped)."""
    today = today or date.today()
    found: dict[int, MotherRow] = {}
    with reading(source) as session:
        connection = session.connection()  # plain rows: no ORM result machinery per screenful
        for part in chunks(list(ids)):
            for r in connection.execute(_mother_rows_statement(), {"ids": part}):
                found[r.id] = _mother_row(r, today)
    return [found[i] for i in ids if i in found]


def _mother_row(r: Any, today: date) -> MotherRow:
    edd, approximate = r.edd, r.edd_is_approximate
    if edd is None:
        edd = estimated_edd(r.referral_received_on, r.weeks_pregnant_at_referral)
        approximate = edd is not None
    waiting = r.stage in WAITING_STAGES
    return MotherRow(
        id=r.id,
        reference=r.reference or "",
        name=display_name(r.full_name, r.preferred_name),
        stage=STAGE_LABELS[r.stage],
        due_or_age=pregnancy_text(edd, r.baby_dob, today, approximate=approximate),
        area=area_text(r.town, r.postcode),
        referrer=_referrer_text(r.referrer_name, r.referrer_agency, r.referral_source),
        days_waiting=(today - r.referral_received_on).days if waiting else None,
        volunteer=r.volunteer or "",
        safeguarding=bool(r.safeguarding),
        no_letters_home=bool(r.no_letters_home),
        has_safe_address=bool(r.has_safe_address),
    )


__all__ = [
    "ALL_STAGES",
    "MOTHER_SORTS",
    "OPEN_STAGES",
    "SERVICE_SORTS",
    "VOLUNTEER_SORTS",
    "WAITING_STAGES",
    "MotherFilter",
    "MotherRow",
    "ServiceFilter",
    "ServiceRow",
    "VolunteerFilter",
    "VolunteerRow",
    "mother_ids",
    "mother_rows",
    "service_ids",
    "service_rows",
    "volunteer_ids",
    "volunteer_rows",
]
