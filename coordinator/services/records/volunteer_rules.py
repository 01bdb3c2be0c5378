"""Checking and cleaning a volunteer form: one message per field, clean values for saving.

Rules: full name and status are required; postcode, phone and email formats; a plausible
date of birth; induction, ID and training dates not in the future; a DBS check needs its
type and issue date, and its next check falls due after the issue date; a reference needs
the referee's name; the maximum number of matches is 1 to 10; the travel radius is not
negative. List items are keyed "dbs_checks[0].next_check_due".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coordinator.models import DbsCheckType, Gender, VolunteerStatus
from coordinator.services.records.common import Cleaner, Slot, text
from coordinator.services.records.volunteer_form import VolunteerForm
from coordinator.services.validation import (
    check_after,
    check_birth_date,
    check_email,
    check_not_future,
    check_phone,
    check_postcode,
)

VOLUNTEER_MIN_AGE, VOLUNTEER_MAX_AGE = 16, 100
MAX_MATCHES = 10
MAX_TRAVEL_KM = 500

PLAIN_TEXT = [
    "full_name",
    "preferred_name",
    "address_line1",
    "address_line2",
    "town",
    "faith_culture",
    "supervisor_name",
    "leaving_reason",
    "notes",
]


@dataclass
class CleanVolunteer:
    """What a valid form saves: Volunteer columns, linked ids, areas, slots and owned rows."""

    columns: dict[str, Any] = field(default_factory=dict)
    links: dict[str, set[int]] = field(default_factory=dict)
    areas: list[str] = field(default_factory=list)
    availability: set[Slot] = field(default_factory=set)
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    status_note: str | None = None


def _past(c: Cleaner, key: str, value: Any, today: date, what: str) -> date | None:
    return c.check(key, check_not_future, c.date(key, value), today, what)


def _trainings(c: Cleaner, form: VolunteerForm, today: date) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(form.trainings):
        k = f"trainings[{i}]"
        done = _past(c, f"{k}.completed_on", item.completed_on, today, "The completion date")
        refresh = c.date(f"{k}.refresh_due_on", item.refresh_due_on)
        c.check(
            f"{k}.refresh_due_on",
            check_after,
            refresh,
            done,
            "The refresher must fall due after the training was completed.",
        )
        c.required(f"{k}.module_id", item.module_id, "The training module")
        out.append(
            {
                "id": item.id,
                "module_id": item.module_id,
                "completed_on": done,
                "refresh_due_on": refresh,
                "notes": text(item.notes),
            }
        )
    c.unique("trainings[{}].module_id", [r["module_id"] for r in out], "Already listed.")
    return out


def _dbs_checks(c: Cleaner, form: VolunteerForm, today: date) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(form.dbs_checks):
        k = f"dbs_checks[{i}]"
        issued = _past(c, f"{k}.issue_date", item.issue_date, today, "The issue date")
        c.required(f"{k}.issue_date", issued, "The issue date")
        due = c.date(f"{k}.next_check_due", item.next_check_due)
        c.check(
            f"{k}.next_check_due",
            check_after,
            due,
            issued,
            "The next check must fall due after the issue date.",
        )
        row = {
            "id": item.id,
            "check_type": c.choice(f"{k}.check_type", DbsCheckType, item.check_type),
            "certificate_number": text(item.certificate_number),
            "issue_date": issued,
            "update_service": bool(item.update_service),
            "next_check_due": due,
            "checked_by": text(item.checked_by),
            "notes": text(item.notes),
        }
        c.required(f"{k}.check_type", row["check_type"], "The type of check")
        out.append(row)
    c.unique(
        "dbs_checks[{}].certificate_number",
        [r["certificate_number"] for r in out],
        "This certificate number is already listed.",
    )
    return out


def _references(c: Cleaner, form: VolunteerForm) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(form.references):
        k = f"references[{i}]"
        row = {
            "id": item.id,
            "referee_name": text(item.referee_name),
            "referee_relationship": text(item.referee_relationship),
            "requested_on": c.date(f"{k}.requested_on", item.requested_on),
            "received_on": c.date(f"{k}.received_on", item.received_on),
            "satisfactory": item.satisfactory,
            "notes": text(item.notes),
        }
        c.required(f"{k}.referee_name", row["referee_name"], "The referee's name")
        c.not_before(
            f"{k}.received_on",
            row["received_on"],
            row["requested_on"],
            "Received before it was requested.",
        )
        out.append(row)
    return out


def _areas(values: list[str]) -> list[str]:
    out: list[str] = []
    for value in values or ():
        area = text(value)
        if area and area.casefold() not in {a.casefold() for a in out}:
            out.append(area)
    return out


def clean_volunteer(form: VolunteerForm, today: date) -> tuple[CleanVolunteer, dict[str, str]]:
    """The values to save and the messages to show (empty when the form can be saved)."""
    c = Cleaner()
    cols: dict[str, Any] = {name: text(getattr(form, name)) for name in PLAIN_TEXT}
    c.required("full_name", cols["full_name"], "Her full name")
    cols["gender"] = c.choice("gender", Gender, form.gender)
    cols["status"] = c.choice("status", VolunteerStatus, form.status)
    c.required("status", cols["status"], "The status")
    cols["postcode"] = c.check("postcode", check_postcode, form.postcode)
    cols["phone"] = c.check("phone", check_phone, form.phone)
    cols["email"] = c.check("email", check_email, form.email)
    dob = c.date("date_of_birth", form.date_of_birth)
    cols["date_of_birth"] = c.check(
        "date_of_birth",
        check_birth_date,
        dob,
        today,
        min_age=VOLUNTEER_MIN_AGE,
        max_age=VOLUNTEER_MAX_AGE,
    )
    cols["induction_completed_on"] = _past(
        c, "induction_completed_on", form.induction_completed_on, today, "The induction date"
    )
    cols["id_seen_on"] = _past(c, "id_seen_on", form.id_seen_on, today, "The date ID was seen")
    cols["left_on"] = c.date("left_on", form.left_on)

    cols["travel_radius_km"] = c.decimal(
        "travel_radius_km",
        form.travel_radius_km,
        0,
        MAX_TRAVEL_KM,
        f"From 0 to {MAX_TRAVEL_KM} km.",
    )
    most = c.whole_number(
        "max_matches", form.max_matches, 1, MAX_MATCHES, f"From 1 to {MAX_MATCHES} at once."
    )
    c.required("max_matches", most, "The most matches at once")
    cols["max_matches"] = most

    clean = CleanVolunteer(
        columns=cols,
        links={
            "project_ids": set(form.project_ids),
            "language_ids": set(form.language_ids),
            "experience_ids": set(form.experience_ids),
        },
        areas=_areas(form.areas),
        availability=c.slots("availability", form.availability),
        children={
            "trainings": _trainings(c, form, today),
            "dbs_checks": _dbs_checks(c, form, today),
            "references": _references(c, form),
        },
        status_note=text(form.status_note),
    )
    return clean, c.errors


def validate_volunteer(form: VolunteerForm, today: date | None = None) -> dict[str, str]:
    """Field name -> message for everything that stops this form being saved."""
    return clean_volunteer(form, today or date.today())[1]
