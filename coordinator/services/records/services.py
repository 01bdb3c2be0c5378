"""Local services (the signposting directory): load, check, save and delete.

A service that contacts or endings have signposted to cannot be deleted (the history would
lose its meaning): mark it inactive instead (form.active = False).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.models import (
    LocalService,
    contact_signpost,
    ending_signpost,
)
from coordinator.services.records.children import item_from_row
from coordinator.services.records.cleaning import Cleaner, text
from coordinator.services.records.errors import FormInvalid, RecordNotFound
from coordinator.services.records.simple import delete_unless, save_columns
from coordinator.services.sessions import Source, reading
from coordinator.services.validation import (
    check_email,
    check_phone,
    check_postcode,
    check_website,
)
from coordinator.storage.vault import Vault

ENTITY = "local_service"
_PLAIN_TEXT = ("name", "website", "address", "area", "eligibility", "how_to_refer", "notes")


@dataclass
class ServiceForm:
    id: int | None = None
    name: str = ""
    category_id: int | None = None
    phone: str = ""
    email: str = ""
    website: str = ""
    address: str = ""
    postcode: str = ""
    area: str = ""
    eligibility: str = ""
    how_to_refer: str = ""
    notes: str = ""
    active: bool = True


def blank_service() -> ServiceForm:
    return ServiceForm()


def clean_service(form: ServiceForm) -> tuple[dict[str, Any], dict[str, str]]:
    """The columns to save and the messages to show (empty when the form can be saved)."""
    c = Cleaner()
    cols: dict[str, Any] = {name: text(getattr(form, name)) for name in _PLAIN_TEXT}
    c.required("name", cols["name"], "The service's name")
    cols["category_id"] = form.category_id
    cols["phone"] = c.check("phone", check_phone, form.phone)
    cols["email"] = c.check("email", check_email, form.email)
    cols["postcode"] = c.check("postcode", check_postcode, form.postcode)
    cols["website"] = c.check("website", check_website, form.website)
    cols["active"] = bool(form.active)
    return cols, c.errors


def validate_service(form: ServiceForm, today: date | None = None) -> dict[str, str]:
    """Field name -> message for everything that stops this form being saved."""
    return clean_service(form)[1]


def load_service(source: Source, service_id: int) -> ServiceForm:
    with reading(source) as session:
        service = session.get(LocalService, service_id)
        if service is None:
            raise RecordNotFound("service")
        return item_from_row(ServiceForm, service)


def save_service(vault: Vault, form: ServiceForm, today: date | None = None) -> int:
    """Create (form.id None) or update a local service in one transaction; returns its id."""
    cols, errors = clean_service(form)
    if errors:
        raise FormInvalid(errors)

    blank, _ = clean_service(blank_service())
    return save_columns(vault, LocalService, form.id, cols, blank, ENTITY)


def delete_service(vault: Vault, service_id: int) -> None:
    """Delete a service nobody was signposted to; CannotDelete (mark it inactive) otherwise."""

    def signposted(session: Session) -> str | None:
        uses = sum(
            session.scalar(select(func.count()).where(link.c.service_id == service_id)) or 0
            for link in (contact_signpost, ending_signpost)
        )
        if not uses:
            return None
        times = "once" if uses == 1 else f"{uses} times"
        return (
            f"Volunteers have signposted to this service {times}, so it cannot be "
            "deleted: mark it as no longer active instead."
        )

    delete_unless(vault, LocalService, service_id, ENTITY, signposted)
