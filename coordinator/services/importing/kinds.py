"""What differs between mothers, volunteers and services: required fields, rules across
fields, how duplicates are recognised, and the rows a record is saved as."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.services import references
from coordinator.services.importing.convert import Converted
from coordinator.services.importing.fields import DBS_FIELDS, VOLUNTEER_FIELDS, enum_label, norm
from coordinator.services.validation import Invalid, check_after, check_edd, required

TABLES: dict[str, Table] = {t.name: t for t in m.Base.metadata.sorted_tables}
AUTO_COLUMNS = {"id", "created_at", "updated_at"}


@dataclass
class Record:
    """A checked row, ready to save: the main table's values and its child rows."""

    row: int
    main: dict[str, Any]
    #: child table name -> rows (without the owner's id, which is known only once saved)
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    keys: list[tuple] = field(default_factory=list)


#: (child table, field name, the child's column, or columns for a (weekday, part) slot)
Link = tuple[str, str, str | tuple[str, str]]
#: Adds the child rows that are not simple links: (values, main row, children, today).
Extra = Callable[[dict[str, Any], dict[str, Any], dict[str, list[dict[str, Any]]], date], None]


@dataclass(frozen=True)
class Kind:
    name: str  # "mothers"
    model: type
    #: The column of every child table that holds the owner's id.
    owner: str
    #: Multi-valued fields, each saved as rows of a child table.
    links: tuple[Link, ...]
    #: Other child tables, filled by `extra`.
    extra_tables: tuple[str, ...]
    extra: Extra
    check: Callable[[Converted, date], None]
    keys: Callable[[dict[str, Any]], list[tuple]]
    #: columns read from existing records to build their duplicate keys
    key_columns: tuple[str, ...]

    @property
    def child_tables(self) -> list[Table]:
        return [TABLES[name] for name, _, _ in self.links] + [TABLES[n] for n in self.extra_tables]

    @property
    def table(self) -> Table:
        return self.model.__table__  # type: ignore[attr-defined]

    def existing_keys(self, session: Session, *, after_id: int = 0) -> set[tuple]:
        cols = [self.table.c[c] for c in self.key_columns]
        query = select(*cols).where(self.table.c.id > after_id)
        found: set[tuple] = set()
        for row in session.execute(query):
            found.update(self.keys(dict(zip(self.key_columns, row, strict=True))))
        return found

    def build(self, row: int, values: dict[str, Any], today: date) -> Record:
        main: dict[str, Any] = {}
        for column in self.table.columns:
            if column.name in AUTO_COLUMNS:
                continue
            value = values.get(column.name)
            if value is None and column.default is not None and column.default.is_scalar:
                value = column.default.arg
            main[column.name] = value
        record = Record(row, main, keys=self.keys(main))
        for table, field_name, target in self.links:
            items = values.get(field_name) or []
            if isinstance(target, tuple):  # availability slots
                record.children[table] = [dict(zip(target, s, strict=True)) for s in items]
            else:
                record.children[table] = [{target: item} for item in items]
        self.extra(values, main, record.children, today)
        return record


# Mothers ---------------------------------------------------------------------------------


def _full_name(c: Converted) -> None:
    """full_name, else first and last name together; required."""
    v = c.values
    if not v.get("full_name"):
        parts = [v.get("first_name"), v.get("last_name")]
        v["full_name"] = " ".join(p for p in parts if p) or None
    where = (
        "full_name" if "full_name" in c.columns or "first_name" not in c.columns else "first_name"
    )
    try:
        required(v.get("full_name"), "A name")
    except Invalid as err:
        c.fail(where, str(err))


def check_mother(c: Converted, today: date) -> None:
    v = c.values
    _full_name(c)
    if "referral_received_on" in c.columns:
        try:
            required(v.get("referral_received_on"), "The referral date")
        except Invalid as err:
            c.fail("referral_received_on", str(err))
    else:
        v["referral_received_on"] = today
    edd, referred = v.get("edd"), v.get("referral_received_on")
    if edd is not None and edd <= today:
        try:
            check_edd(edd, today)
        except Invalid as err:
            # An old record: the due date must have been plausible when she was referred.
            try:
                check_edd(edd, referred or today)
            except Invalid:
                c.fail("edd", str(err))
    stage, reason = v.get("stage"), v.get("closure_reason")
    if reason is not None and stage != m.MotherStage.CLOSED:
        closed = enum_label(m.MotherStage.CLOSED)
        message = f"A closure reason is only for a closed record: set the stage to {closed}"
        c.fail("closure_reason", f"{message}, or leave the reason empty.")


def mother_extra(values: dict, main: dict, children: dict, today: date) -> None:
    """Her stage history starts at the stage given, on the stage date (else the referral
    date), as the form's first save would record it."""
    main["stage_changed_on"] = main["stage_changed_on"] or main["referral_received_on"]
    closed = main["stage"] == m.MotherStage.CLOSED
    children["mother_stage_change"] = [
        {
            "from_stage": None,
            "to_stage": main["stage"],
            "changed_on": main["stage_changed_on"],
            "reason": main["closure_reason"] if closed else None,
            "note": main["closure_reason_note"] if closed else None,
        }
    ]


def name_key(name: object) -> str:
    return norm(name or "")


def reference_keys(v: dict[str, Any]) -> list[tuple]:
    """A reference given in the file (M0042, m42) recognises the record it belongs to."""
    parsed = references.parse_reference(str(v.get("reference") or ""))
    return [("reference", *parsed)] if parsed else []


def mother_keys(v: dict[str, Any]) -> list[tuple]:
    name = name_key(v.get("full_name"))
    keys = [(name, what, v[what]) for what in ("date_of_birth", "edd") if v.get(what)]
    return (keys or [(name, "referred", v.get("referral_received_on"))]) + reference_keys(v)


# Volunteers ------------------------------------------------------------------------------


def check_volunteer(c: Converted, today: date) -> None:
    v = c.values
    _full_name(c)
    if all(v.get(name) in (None, False) for name in DBS_FIELDS):
        return
    if v.get("dbs_issue_date") is None:
        _missing(c, "dbs_issue_date", "The DBS issue date is needed with the other DBS details")
    if v.get("dbs_check_type") is None:
        _missing(
            c,
            "dbs_check_type",
            "The DBS type (Basic, Standard, Enhanced or Enhanced "
            "with barred list) is needed with the other DBS details",
        )
    try:
        check_after(
            v.get("dbs_next_check_due"),
            v.get("dbs_issue_date"),
            "The next DBS check must be due after the issue date.",
        )
    except Invalid as err:
        c.fail("dbs_next_check_due", str(err))


def _missing(c: Converted, field_name: str, message: str) -> None:
    """A field needed with others: name its column, or say which column to add."""
    if field_name in c.columns:
        c.fail(field_name, message + ".")
    else:
        header = next(f.header for f in VOLUNTEER_FIELDS if f.name == field_name)
        c.fail(None, f"{message}: add a '{header}' column.")


def volunteer_extra(values: dict, main: dict, children: dict, today: date) -> None:
    if values.get("dbs_issue_date") is not None:
        children["dbs_check"] = [
            {
                "check_type": values["dbs_check_type"],
                "certificate_number": values.get("dbs_certificate_number"),
                "issue_date": values["dbs_issue_date"],
                "update_service": bool(values.get("dbs_update_service")),
                "next_check_due": values.get("dbs_next_check_due"),
            }
        ]
    main["status_since"] = main["status_since"] or today
    children["volunteer_status_change"] = [
        {
            "from_status": None,
            "to_status": main["status"],
            "changed_on": main["status_since"],
            "note": None,
        }
    ]


def volunteer_keys(v: dict[str, Any]) -> list[tuple]:
    name = name_key(v.get("full_name"))
    keys: list[tuple] = []
    if v.get("date_of_birth"):
        keys.append((name, "dob", v["date_of_birth"]))
    if v.get("email"):
        keys.append((name, "email", str(v["email"]).casefold()))
    if v.get("phone"):
        keys.append((name, "phone", re.sub(r"\D", "", str(v["phone"]))))
    return (keys or [(name, None, None)]) + reference_keys(v)


# Services --------------------------------------------------------------------------------


def check_service(c: Converted, today: date) -> None:
    try:
        required(c.values.get("name"), "The service's name")
    except Invalid as err:
        c.fail("name", str(err))


def service_keys(v: dict[str, Any]) -> list[tuple]:
    name = name_key(v.get("name"))
    keys: list[tuple] = []
    if v.get("postcode"):
        keys.append((name, "postcode", norm(v["postcode"])))
    if v.get("area"):
        keys.append((name, "area", norm(v["area"])))
    return keys or [(name, None, None)]


def _nothing(values: dict, main: dict, children: dict, today: date) -> None:
    return None


SLOT = ("weekday", "part_of_day")
KIND_SPECS: dict[str, Kind] = {
    "mothers": Kind(
        "mothers",
        m.Mother,
        "mother_id",
        links=(
            ("mother_need", "needs", "need_id"),
            ("mother_language", "other_languages", "language_id"),
            ("mother_wanted_experience", "wanted_experiences", "experience_tag_id"),
            ("mother_availability", "availability", SLOT),
        ),
        extra_tables=("mother_stage_change",),
        extra=mother_extra,
        check=check_mother,
        keys=mother_keys,
        key_columns=("full_name", "date_of_birth", "edd", "referral_received_on", "reference"),
    ),
    "volunteers": Kind(
        "volunteers",
        m.Volunteer,
        "volunteer_id",
        links=(
            ("volunteer_language", "languages", "language_id"),
            ("volunteer_experience", "experiences", "experience_tag_id"),
            ("volunteer_project", "projects", "project_id"),
            ("volunteer_area", "areas", "area"),
            ("volunteer_availability", "availability", SLOT),
        ),
        extra_tables=("dbs_check", "volunteer_status_change"),
        extra=volunteer_extra,
        check=check_volunteer,
        keys=volunteer_keys,
        key_columns=("full_name", "date_of_birth", "email", "phone", "reference"),
    ),
    "services": Kind(
        "services",
        m.LocalService,
        "local_service_id",
        links=(),
        extra_tables=(),
        extra=_nothing,
        check=check_service,
        keys=service_keys,
        key_columns=("name", "postcode", "area"),
    ),
}


def kind_spec(kind: str) -> Kind:
    try:
        return KIND_SPECS[kind]
    except KeyError:
        raise ValueError(f"Unknown kind of record: {kind!r}.") from None
