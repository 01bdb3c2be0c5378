"""Settings > Volunteers: the charity's DBS renewal policy (how many years after its issue
date a volunteer's DBS check falls due). A check saved without a next check date gets one
from it; the volunteer form shows that date in the empty box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSpinBox, QWidget

from coordinator.services import preferences
from coordinator.services.changes import Kind
from coordinator.storage.vault import Vault
from coordinator.ui.pages.settings.section import SectionSpec, SettingsSection


def title() -> str:
    return QCoreApplication.translate("SettingsPage", "Volunteers")


class VolunteersSection(SettingsSection):
    editable = True

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(vault, title(), parent=parent)
        self.renewal = QSpinBox()
        self.renewal.setRange(*preferences.DBS_RENEWAL_RANGE)
        self.renewal.setAccessibleName(self.tr("Years until a DBS check is renewed"))
        self.add_row(
            self.tr("&Renew DBS checks"),
            self.left(self.renewal),
            buddy=self.renewal,
            key="dbs_renewal_years",
            explanation=self.tr(
                "How long after its issue date a volunteer's DBS check falls due for renewal. "
                "A check saved without a next check date gets one from this; checks already "
                "saved keep their dates. Volunteers on the DBS update service still need "
                "their status checked by this date."
            ),
        )
        self.renewal.valueChanged.connect(self._years_changed)
        self.load()

    def _years_changed(self, years: int) -> None:
        self.renewal.setSuffix(self.tr(" year(s) after issue", "", years))
        self.edited()

    def stored(self) -> dict[str, Any]:
        return {"dbs_renewal_years": preferences.dbs_renewal_years(self.vault)}

    def values(self) -> dict[str, Any]:
        return {"dbs_renewal_years": self.renewal.value()}

    def show_values(self, values: dict[str, Any]) -> None:
        years = int(values.get("dbs_renewal_years", self.renewal.value()))
        self.renewal.setValue(years)
        self.renewal.setSuffix(self.tr(" year(s) after issue", "", years))

    def write(self, values: dict[str, Any], stored: dict[str, Any]) -> frozenset[Kind]:
        preferences.set_dbs_renewal_years(self.vault, values["dbs_renewal_years"])
        return frozenset({Kind.SETTING})


SECTION = SectionSpec("volunteers", 40, title, VolunteersSection)
