"""A local service in the signposting directory: what it is, how to reach it, who it is for.

Checked, saved and deleted through the services service (records/services.py), in the same
frame as the volunteer form (form_dialog.py). A service volunteers have signposted to
cannot be deleted: the dialog shows the service's reason (mark it as no longer running).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.records import services
from coordinator.storage.vault import Vault
from coordinator.ui.kit.form_dialog import FormDialog
from coordinator.ui.kit.form_parts.fields import Section, TermBox, plain_text
from coordinator.ui.translations import translate

DIALOG_SIZE = (720, 640)


class AboutSection(Section):
    def __init__(self, categories: list[tuple[int, str]], labels: dict[int, str]) -> None:
        super().__init__(translate("ServiceForm", "The service"))
        self.name = self.add("name", translate("ServiceForm", "Name *"), QLineEdit())
        self.category = self.add(
            "category_id", translate("ServiceForm", "Category"), TermBox(categories, labels)
        )
        self.category.setMaximumWidth(320)
        self.area = self.add("area", translate("ServiceForm", "Area it covers"), QLineEdit())
        self.add("eligibility", translate("ServiceForm", "Who it is for"), plain_text(2))
        self.add("how_to_refer", translate("ServiceForm", "How to refer"), plain_text(2))
        self.active = self.add(
            "active",
            "",
            QCheckBox(translate("ServiceForm", "Still running (offered when signposting)")),
        )


class ContactSection(Section):
    def __init__(self) -> None:
        super().__init__(translate("ServiceForm", "Contact"))
        self.phone = self.add("phone", translate("ServiceForm", "Phone"), QLineEdit())
        self.phone.setMaximumWidth(220)
        self.email = self.add("email", translate("ServiceForm", "Email"), QLineEdit())
        self.add("website", translate("ServiceForm", "Website"), QLineEdit())
        self.add("address", translate("ServiceForm", "Address"), plain_text(2))
        self.postcode = self.add("postcode", translate("ServiceForm", "Postcode"), QLineEdit())
        self.postcode.setMaximumWidth(140)


class NotesSection(Section):
    def __init__(self) -> None:
        super().__init__(translate("ServiceForm", "Notes"))
        self.add("notes", translate("ServiceForm", "Notes"), plain_text(3))


class ServiceFormDialog(FormDialog):
    changes = frozenset({Kind.SERVICE})

    def __init__(self, vault: Vault, service_id: int | None = None, parent: QWidget | None = None):
        super().__init__(vault, parent)
        self.noun = self.tr("service")
        self.window_title = self.tr("Local service")
        self.about = AboutSection(
            vocabularies.active_terms(vault, "service_category"),
            vocabularies.labels(vault, "service_category"),
        )
        self.contact = ContactSection()
        self.build([self.about, self.contact, NotesSection()])
        self.resize(*DIALOG_SIZE)
        self.open_record(service_id)  # RecordNotFound when it has gone

    def blank(self) -> Any:
        return services.blank_service()

    def load(self, record_id: int) -> Any:
        return services.load_service(self.vault, record_id)

    def validate(self, form: Any) -> dict[str, str]:
        return services.validate_service(form)

    def save_form(self, form: Any) -> int:
        return services.save_service(self.vault, form)

    def delete_record(self, record_id: int) -> None:
        services.delete_service(self.vault, record_id)

    def title_for(self, form: Any) -> str:
        return form.name.strip() or (
            self.tr("New local service") if form.id is None else self.tr("No name")
        )
