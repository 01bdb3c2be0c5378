"""Checking and cleaning a volunteer form: one message per field, clean values for saving.

Rules: full name and status are required; postcode, phone and email formats; a plausible
date of birth; induction, ID and training dates not in the future; a DBS check needs its
type and issue date, a certificate number has 12 digits, and its next check falls due after
the issue date (filled from the charity's renewal policy when left empty); a reference needs
the referee's name; the maximum number of matches is 1 to 10; the travel radius is not
negative. List items are keyed "dbs_checks[0].next_check_due".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coordinator.models import DbsCheckType, Gender, VolunteerStatus
from coordinator.services.records.cleaning import PERSON_TEXT, Cleaner, term_ids, text
from coordinator.services.records.people import CleanRecord
from coordinator.services.records.volunteer_form import (
    DbsItem,
    ReferenceItem,
    TrainingItem,
    VolunteerForm,
)
from coordinator.services.validation import (
    check_after,
    check_dbs_certificate,
    check_not_future,
    years_after,
)

VOLUNTEER_MIN_AGE, VOLUNTEER_MAX_AGE = 16, 100
MAX_MATCHES = 10
MAX_TRAVEL_KM = 500

PLAIN_TEXT = [
    *PERSON_TEXT,
    "faith_culture",
    "supervisor_name",
    "leaving_reason",
    "notes",
]


@dataclass
class CleanVolunteer(CleanRecord):
    """What a valid form saves: Volunteer columns, linked ids, areas, slots and owned rows."""

    areas: list[str] = field(default_factory=list)
    status_note: str | None = None


def text_of(value: Any) -> str:
    return "" if value is None else str(value).strip()


def next_dbs_check(issued: date, renewal_years: int) -> date:
    """When a DBS check issued on `issued` falls due under a renewal policy of N years."""
    return years_after(issued, renewal_years)


def _past(c: Cleaner, key: str, value: Any, today: date, what: str) -> date | None:
    return c.check(key, check_not_future, c.date(key, value), today, what)


def _training(c: Cleaner, k: str, item: TrainingItem, today: date) -> dict[str, Any]:
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
    return {
        "module_id": item.module_id,
        "completed_on": done,
        "refresh_due_on": refresh,
        "notes": text(item.notes),
    }


def _dbs_check(
    c: Cleaner, k: str, item: DbsItem, today: date, renewal_years: int | None
) -> dict[str, Any]:
    issued = _past(c, f"{k}.issue_date", item.issue_date, today, "The issue date")
    c.required(f"{k}.issue_date", issued, "The issue date")
    due = c.date(f"{k}.next_check_due", item.next_check_due)
    if due is None and issued is not None and renewal_years and not text_of(item.next_check_due):
        due = next_dbs_check(issued, renewal_years)
    c.check(
        f"{k}.next_check_due",
        check_after,
        due,
        issued,
        "The next check must fall due after the issue date.",
    )
    row = {
        "check_type": c.choice(f"{k}.check_type", DbsCheckType, item.check_type),
        "certificate_number": c.check(
            f"{k}.certificate_number", check_dbs_certificate, item.certificate_number
        ),
        "issue_date": issued,
        "update_service": bool(item.update_service),
        "next_check_due": due,
        "checked_by": text(item.checked_by),
        "notes": text(item.notes),
    }
    c.required(f"{k}.check_type", row["check_type"], "The type of check")
    return row


def _reference(c: Cleaner, k: str, item: ReferenceItem) -> dict[str, Any]:
    row = {
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
    return row


def _children(
    c: Cleaner, form: VolunteerForm, today: date, renewal_years: int | None
) -> dict[str, list[dict[str, Any]]]:
    trainings = c.items("trainings", form.trainings, _training, today)
    c.unique("trainings[{}].module_id", [r["module_id"] for r in trainings], "Already listed.")
    dbs_checks = c.items("dbs_checks", form.dbs_checks, _dbs_check, today, renewal_years)
    c.unique(
        "dbs_checks[{}].certificate_number",
        [r["certificate_number"] for r in dbs_checks],
        "This certificate number is already listed.",
    )
    references = c.items("references", form.references, _reference)
    return {"trainings": trainings, "dbs_checks": dbs_checks, "references": references}


def _areas(values: list[str]) -> list[str]:
    out: list[str] = []
    for value in values or ():
        area = text(value)
        if area and area.casefold() not in {a.casefold() for a in out}:
            out.append(area)
    return out


def clean_volunteer(
    form: VolunteerForm, today: date, *, dbs_renewal_years: int | None = None
) -> tuple[CleanVolunteer, dict[str, str]]:
    """The values to save and the messages to show (empty when the form can be saved).

    `dbs_renewal_years`: the charity's policy; a DBS check with no next check date gets one
    that many years after its issue date.
    """
    c = Cleaner()
    cols: dict[str, Any] = {name: text(getattr(form, name)) for name in PLAIN_TEXT}
    c.required("full_name", cols["full_name"], "Their full name")
    cols["gender"] = c.choice("gender", Gender, form.gender)
    cols["status"] = c.choice("status", VolunteerStatus, form.status)
    c.required("status", cols["status"], "The status")
    cols |= c.contact(form)
    cols["date_of_birth"] = c.birth_date(
        form.date_of_birth, today, VOLUNTEER_MIN_AGE, VOLUNTEER_MAX_AGE
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
        links=term_ids(form, "project_ids", "language_ids", "experience_ids"),
        areas=_areas(form.areas),
        availability=c.slots("availability", form.availability),
        children=_children(c, form, today, dbs_renewal_years),
        status_note=text(form.status_note),
    )
    return clean, c.errors


def validate_volunteer(form: VolunteerForm, today: date | None = None) -> dict[str, str]:
    """Field name -> message for everything that stops this form being saved."""
    return clean_volunteer(form, today or date.today())[1]
