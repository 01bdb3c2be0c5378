"""Checking and cleaning a mother form: one message per field, clean values for saving.

Rules (issue 3, item 4, and the database's own constraints): full name and referral date
are required; postcode, phone and email formats; a due date from 2 years ago to 10 months
ahead; no baby's or referral date in the future; a plausible date of birth; a reason when
the record is closed; a safe address that is not her home and fits an envelope's window;
counts and scores in range; dates on consents and safeguarding concerns in order; a
consent marked given has its date; a referral belongs to a project when the charity has any; the stage Matched comes from a match, never from the form. List
items are keyed "consents[0].given_on". `mother_warnings` gives advice that does not stop
saving (a due date and weeks pregnant that disagree).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from coordinator.models import (
    OUTCOME_SCORE_MAX,
    OUTCOME_SCORE_MIN,
    ConsentKind,
    ConsentMethod,
    GenderPreference,
    MotherStage,
)
from coordinator.services.records.cleaning import PERSON_TEXT, Cleaner, term_ids, text
from coordinator.services.records.mother_form import (
    CHOICES,
    ConsentItem,
    MotherForm,
    ProfessionalItem,
    SafeguardingItem,
)
from coordinator.services.records.people import CleanRecord
from coordinator.services.validation import (
    Invalid,
    check_edd,
    check_email,
    check_not_future,
    check_phone,
    due_date_disagreement,
)

MOTHER_MIN_AGE, MOTHER_MAX_AGE = 12, 60
MATCHED_BY_HAND = (
    "A mother becomes Matched when a match with a volunteer is made (on the Matches page), "
    "not by choosing it here."
)
MAX_OTHER_CHILDREN = 20
#: A DL window shows her name and five lines below it.
MAX_SAFE_ADDRESS_LINES = 5
MAX_WEEKS_PREGNANT = 45

PLAIN_TEXT = [
    *PERSON_TEXT,
    "safe_contact_times",
    "safe_contact_notes",
    "safe_address",
    "midwife_name",
    "health_visitor_name",
    "gp_name",
    "gp_practice",
    "referrer_name",
    "referrer_agency",
    "referral_reasons",
    "closure_reason_note",
    "support_plan",
    "notes",
    "culture_faith_preference",
    "matching_exclusions",
]
FLAGS = [
    "no_letters_home",
    "no_voicemail",
    "interpreter_needed",
    "edd_is_approximate",
    "multiple_birth",
    "prefers_shared_language",
]


class CleanMother(CleanRecord):
    """What a valid form saves: Mother columns, linked ids, slots and owned rows."""


def _consent(c: Cleaner, k: str, item: ConsentItem, today: date) -> dict[str, Any]:
    given_on = c.date(f"{k}.given_on", item.given_on)
    c.check(f"{k}.given_on", check_not_future, given_on, today, "The date consent was given")
    row = {
        "kind": c.choice(f"{k}.kind", ConsentKind, item.kind),
        "given": bool(item.given),
        "given_on": given_on,
        "how": c.choice(f"{k}.how", ConsentMethod, item.how),
        "recorded_by": text(item.recorded_by),
        "review_on": c.date(f"{k}.review_on", item.review_on),
        "withdrawn_on": c.date(f"{k}.withdrawn_on", item.withdrawn_on),
        "share_with": text(item.share_with),
    }
    c.required(f"{k}.kind", row["kind"], "What the consent is for")
    if row["given"]:
        c.required(f"{k}.given_on", given_on, "The date consent was given")
    c.not_before(f"{k}.review_on", row["review_on"], given_on, "The review date is before consent.")
    c.not_before(
        f"{k}.withdrawn_on", row["withdrawn_on"], given_on, "Withdrawn before it was given."
    )
    return row


def _squashed(value: str | None) -> str:
    return "".join(ch for ch in (value or "").lower() if ch.isalnum())


def _safe_address(c: Cleaner, cols: dict[str, Any]) -> str | None:
    """Its lines, blank ones dropped; refused when it is her home address (a letter sent
    there would reach the home she asked to keep letters from) or will not fit a window."""
    lines = [line.strip() for line in (cols["safe_address"] or "").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return None
    if len(lines) > MAX_SAFE_ADDRESS_LINES:
        c.fail(
            "safe_address",
            f"A safe address fits in {MAX_SAFE_ADDRESS_LINES} lines (her name goes above it).",
        )
    written = _squashed(" ".join(lines))
    home = [_squashed(cols.get("address_line1")), _squashed(cols.get("postcode"))]
    if all(home) and all(part in written for part in home):
        c.fail(
            "safe_address",
            "This is her home address. A safe address is somewhere else letters can reach "
            "her, such as a friend's or her clinic.",
        )
    return "\n".join(lines)


def _concern(c: Cleaner, k: str, item: SafeguardingItem, today: date) -> dict[str, Any]:
    raised = c.date(f"{k}.raised_on", item.raised_on)
    c.required(f"{k}.raised_on", raised, "The date it was raised")
    c.check(f"{k}.raised_on", check_not_future, raised, today, "The date it was raised")
    row = {
        "raised_on": raised,
        "raised_by": text(item.raised_by),
        "note": text(item.note),
        "escalated_to": text(item.escalated_to),
        "escalated_on": c.date(f"{k}.escalated_on", item.escalated_on),
        "resolved_on": c.date(f"{k}.resolved_on", item.resolved_on),
        "resolution_note": text(item.resolution_note),
    }
    c.not_before(
        f"{k}.escalated_on", row["escalated_on"], raised, "Escalated before it was raised."
    )
    c.not_before(f"{k}.resolved_on", row["resolved_on"], raised, "Resolved before it was raised.")
    return row


def _professional(c: Cleaner, k: str, item: ProfessionalItem) -> dict[str, Any]:
    row = {
        "role": text(item.role),
        "name": text(item.name),
        "organisation": text(item.organisation),
        "phone": c.check(f"{k}.phone", check_phone, item.phone),
        "email": c.check(f"{k}.email", check_email, item.email),
        "notes": text(item.notes),
    }
    c.required(f"{k}.role", row["role"], "Their role")
    return row


def _children(c: Cleaner, form: MotherForm, today: date) -> dict[str, list[dict[str, Any]]]:
    consents = c.items("consents", form.consents, _consent, today)
    c.unique(
        "consents[{}].kind", [r["kind"] for r in consents], "This consent is already recorded."
    )
    return {
        "consents": consents,
        "safeguarding_concerns": c.items(
            "safeguarding_concerns", form.safeguarding_concerns, _concern, today
        ),
        "professionals": c.items("professionals", form.professionals, _professional),
    }


def saved_stage(form: MotherForm) -> MotherStage | None:
    """The stage the record has in the database (None for a new referral)."""
    return form.stage_history[-1].to_stage if form.stage_history else None


def clean_mother(
    form: MotherForm, today: date, *, projects_exist: bool = False
) -> tuple[CleanMother, dict[str, str]]:
    """The values to save and the messages to show (empty when the form can be saved).

    `projects_exist`: the charity runs projects, so every new referral belongs to one (a
    record saved before there were projects is only advised to get one).
    """
    c = Cleaner()
    cols: dict[str, Any] = {name: text(getattr(form, name)) for name in PLAIN_TEXT}
    cols |= {name: bool(getattr(form, name)) for name in FLAGS}
    cols |= {name: c.choice(name, kind, getattr(form, name)) for name, kind in CHOICES.items()}
    cols["language_id"] = form.language_id
    cols["project_id"] = form.project_id

    c.required("full_name", cols["full_name"], "Her full name")
    cols |= c.contact(form)
    cols["safe_address"] = _safe_address(c, cols)
    cols["referrer_phone"] = c.check("referrer_phone", check_phone, form.referrer_phone)
    cols["referrer_email"] = c.check("referrer_email", check_email, form.referrer_email)

    cols["date_of_birth"] = c.birth_date(form.date_of_birth, today, MOTHER_MIN_AGE, MOTHER_MAX_AGE)
    cols["edd"] = c.check("edd", check_edd, c.date("edd", form.edd), today)
    baby = c.date("baby_dob", form.baby_dob)
    cols["baby_dob"] = c.check("baby_dob", check_not_future, baby, today, "The baby's birth date")
    received = c.date("referral_received_on", form.referral_received_on)
    c.required("referral_received_on", received, "The date the referral was received")
    cols["referral_received_on"] = c.check(
        "referral_received_on", check_not_future, received, today, "The referral date"
    )

    cols["weeks_pregnant_at_referral"] = c.whole_number(
        "weeks_pregnant_at_referral",
        form.weeks_pregnant_at_referral,
        0,
        MAX_WEEKS_PREGNANT,
        f"Weeks pregnant must be between 0 and {MAX_WEEKS_PREGNANT}.",
    )
    cols["other_children"] = (
        c.whole_number(
            "other_children",
            form.other_children,
            0,
            MAX_OTHER_CHILDREN,
            f"Other children must be between 0 and {MAX_OTHER_CHILDREN}.",
        )
        or 0
    )
    for name in ("start_outcome_score", "end_outcome_score"):
        cols[name] = c.whole_number(
            name,
            getattr(form, name),
            OUTCOME_SCORE_MIN,
            OUTCOME_SCORE_MAX,
            f"A score from {OUTCOME_SCORE_MIN} to {OUTCOME_SCORE_MAX}.",
        )

    if projects_exist and form.id is None:  # older records are advised (mother_warnings)
        c.required("project_id", cols["project_id"], "The project she is referred to")
    if cols["stage"] is MotherStage.MATCHED and saved_stage(form) is not MotherStage.MATCHED:
        c.fail("stage", MATCHED_BY_HAND)
    if cols["stage"] is None:
        c.required("stage", None, "The stage")
    elif cols["stage"] is MotherStage.CLOSED:
        c.required("closure_reason", cols["closure_reason"], "A reason for closing")
    else:  # a reason belongs to a closed record only: reopening clears it
        cols["closure_reason"] = None
        cols["closure_reason_note"] = None
    if cols["preferred_volunteer_gender"] is None:
        cols["preferred_volunteer_gender"] = GenderPreference.ANY

    clean = CleanMother(
        columns=cols,
        links=term_ids(form, "need_ids", "other_language_ids", "wanted_experience_ids"),
        availability=c.slots("availability", form.availability),
        children=_children(c, form, today),
    )
    return clean, c.errors


def validate_mother(
    form: MotherForm, today: date | None = None, *, projects_exist: bool = False
) -> dict[str, str]:
    """Field name -> message for everything that stops this form being saved."""
    return clean_mother(form, today or date.today(), projects_exist=projects_exist)[1]


def mother_warnings(
    form: MotherForm, today: date | None = None, *, projects_exist: bool = False
) -> dict[str, str]:
    """Field name -> advice that does not stop saving: two fields that disagree, an older
    record in no project once the charity runs projects."""
    advice = {}
    if projects_exist and form.id is not None and form.project_id is None:
        advice["project_id"] = "She is in no project: choose the one she was referred to."
    c = Cleaner()
    edd = c.date("edd", form.edd)
    received = c.date("referral_received_on", form.referral_received_on)
    weeks = c.whole_number("weeks", form.weeks_pregnant_at_referral, 0, MAX_WEEKS_PREGNANT, "")
    warning = None if c.errors or form.baby_dob else due_date_disagreement(weeks, edd, received)
    if warning:
        advice["weeks_pregnant_at_referral"] = warning
    return advice


__all__ = ["CleanMother", "Invalid", "clean_mother", "mother_warnings", "validate_mother"]
