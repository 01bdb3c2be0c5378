"""Each imported row goes through the same rules as the record's form: the row's values are
put into the form (a MotherForm, VolunteerForm or ServiceForm) and cleaned by the form's
own function, so a record the importer saves is one the form would have saved, and its
saved values are the form's clean ones. The insert stays the importer's (in batches).

One rule differs, on purpose: a due date more than two years ago is kept when it was
plausible on the day she was referred (an old record), where the form, which checks
against today, would refuse it; `kinds.check_mother` has already checked that. And a
mother the spreadsheet calls Matched stays Matched: the form leaves that stage to the
Matches page, but her old records hold matches made before this database; the import's
result asks for each match to be recorded (`matched_note`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from coordinator.models import MotherStage
from coordinator.services.importing.convert import Converted
from coordinator.services.importing.fields import DBS_FIELDS, fields_of
from coordinator.services.records.mother_form import MotherForm
from coordinator.services.records.mother_rules import MATCHED_BY_HAND, clean_mother
from coordinator.services.records.services import ServiceForm, clean_service
from coordinator.services.records.volunteer_form import DbsItem, VolunteerForm
from coordinator.services.records.volunteer_rules import clean_volunteer

#: Importer field -> form field, where the names differ.
MOTHER_NAMES = {
    "needs": "need_ids",
    "other_languages": "other_language_ids",
    "wanted_experiences": "wanted_experience_ids",
}
VOLUNTEER_NAMES = {
    "languages": "language_ids",
    "experiences": "experience_ids",
    "projects": "project_ids",
}
DBS_ITEM = {
    "dbs_check_type": "check_type",
    "dbs_certificate_number": "certificate_number",
    "dbs_issue_date": "issue_date",
    "dbs_update_service": "update_service",
    "dbs_next_check_due": "next_check_due",
}
#: A field no column gives, whose message is put on the column that needs it.
RELATED = {"closure_reason": "stage"}
#: How far back a due date may be for the form (validation.check_edd).
FORM_EDD_DAYS = 730


def _form(form_type: type, values: dict[str, Any], names: dict[str, str]) -> Any:
    form = form_type()
    fields = set(vars(form))
    for name, value in values.items():
        target = names.get(name, name)
        if target not in fields or target == "id" or value is None:
            continue
        default = getattr(form, target)
        if isinstance(default, str):
            value = str(value)
        elif isinstance(default, set):
            value = set(value)
        setattr(form, target, value)
    return form


def _report(kind: str, c: Converted, errors: dict[str, str], back: dict[str, str]) -> None:
    """Put the form's messages on the row, by the column each field came from (or, for a
    field no column gives, saying which column would)."""
    headers = {f.name: f.header for f in fields_of(kind)}
    for key, message in errors.items():
        name = back.get(key, key)
        if name in c.columns:
            c.fail(name, message)
        elif name in headers:
            said = f"{message.rstrip('.')}: add a '{headers[name]}' column."
            c.fail(RELATED.get(name, name), said)
        else:
            c.fail(None, message)


def mother_rules(c: Converted, today: date) -> dict[str, Any]:
    form = _form(MotherForm, c.values, MOTHER_NAMES)
    clean, errors = clean_mother(form, today)
    edd = c.values.get("edd")
    if "edd" in errors and edd is not None and edd < today - timedelta(days=FORM_EDD_DAYS):
        del errors["edd"]  # an old record's due date, checked against her referral date
        clean.columns["edd"] = edd
    if errors.get("stage") == MATCHED_BY_HAND:
        del errors["stage"]  # matched in her old records (see the module's note)
        clean.columns["stage"] = MotherStage.MATCHED
    _report("mothers", c, errors, {v: k for k, v in MOTHER_NAMES.items()})
    return clean.columns


def matched_note(records: list[Any], dry_run: bool) -> str | None:
    """The result's note for mothers the file calls Matched, whose matches it cannot hold."""
    rows = [r.row for r in records if r.main.get("stage") is MotherStage.MATCHED]
    if not rows:
        return None
    shown = ", ".join(str(n) for n in rows[:10]) + (" …" if len(rows) > 10 else "")
    verb = "would be" if dry_run else "were"
    return (
        f"{len(rows)} mother(s) {verb} imported as Matched (rows {shown}): the file does not"
        " say with which volunteer. Record each match on the Matches page."
    )


def volunteer_rules(c: Converted, today: date) -> dict[str, Any]:
    form = _form(VolunteerForm, c.values, VOLUNTEER_NAMES)
    if any(c.values.get(name) not in (None, False) for name in DBS_FIELDS):
        item = {DBS_ITEM[k]: v for k, v in c.values.items() if k in DBS_ITEM and v is not None}
        form.dbs_checks = [DbsItem(**item)]
    form.areas = list(c.values.get("areas") or [])
    clean, errors = clean_volunteer(form, today)
    back = {v: k for k, v in VOLUNTEER_NAMES.items()}
    back |= {f"dbs_checks[0].{v}": k for k, v in DBS_ITEM.items()}
    _report("volunteers", c, errors, back)
    return clean.columns


def service_rules(c: Converted, today: date) -> dict[str, Any]:
    columns, errors = clean_service(_form(ServiceForm, c.values, {}))
    _report("services", c, errors, {})
    return columns


FORM_RULES: dict[str, Callable[[Converted, date], dict[str, Any]]] = {
    "mothers": mother_rules,
    "volunteers": volunteer_rules,
    "services": service_rules,
}
