"""Her needs and preferences at a glance, above the candidates: what the ranking weighs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coordinator.services.matching import MotherSummary
from coordinator.ui.kit.widgets import QUIET_COLOUR, heading
from coordinator.ui.translations import translate, word

NOT_RECORDED = "—"


def summary_facts(mother: MotherSummary) -> list[tuple[str, str]]:
    """(label, value) pairs: the facts the matching looks at, 'not recorded' said."""
    language = mother.language or NOT_RECORDED
    if mother.interpreter_needed:
        language = translate("MatchingWizard", "{language} (needs an interpreter)").format(
            language=language
        )
    facts = [
        (translate("MatchingWizard", "Project"), mother.project_name or NOT_RECORDED),
        (
            translate("MatchingWizard", "Postcode"),
            mother.postcode
            or translate("MatchingWizard", "not recorded: distance cannot be checked"),
        ),
        (translate("MatchingWizard", "Language"), language),
        (translate("MatchingWizard", "Needs"), ", ".join(mother.needs) or NOT_RECORDED),
        (
            translate("MatchingWizard", "Wants someone who shares"),
            ", ".join(mother.wants_shared_experience) or NOT_RECORDED,
        ),
        (
            translate("MatchingWizard", "Volunteer's gender"),
            word(mother.gender_preference) or NOT_RECORDED,
        ),
        (
            translate("MatchingWizard", "Available"),
            ", ".join(mother.availability)
            or translate("MatchingWizard", "no availability recorded"),
        ),
    ]
    notes = "\n".join(line for line in mother.notes if line.strip())
    if notes:
        facts.append((translate("MatchingWizard", "Notes"), notes))
    if mother.travel_radius_km is not None:
        facts.insert(
            2,
            (
                translate("MatchingWizard", "Travel radius"),
                translate("MatchingWizard", "{km} km").format(km=f"{mother.travel_radius_km:g}"),
            ),
        )
    return facts


class SummaryPanel(QFrame):
    """Her name and reference as a heading, then two columns of facts."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("summary")
        self.setStyleSheet("#summary { background: palette(base); border: 1px solid #d5d9de; }")
        self.title = heading("", 2)
        self.columns = (QFormLayout(), QFormLayout())
        row = QHBoxLayout()
        row.setSpacing(24)
        for column in self.columns:
            column.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            column.setHorizontalSpacing(10)
            column.setVerticalSpacing(3)
            row.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(row)
        self.values: dict[str, str] = {}

    def show_mother(self, mother: MotherSummary) -> None:
        for column in self.columns:
            while column.rowCount():
                column.removeRow(0)
        self.title.setText(
            translate("MatchingWizard", "{name} ({reference})").format(
                name=mother.name, reference=mother.reference
            )
        )
        facts = summary_facts(mother)
        self.values = dict(facts)
        half = (len(facts) + 1) // 2
        for number, (label, value) in enumerate(facts):
            caption = QLabel(label)
            caption.setStyleSheet(f"color: {QUIET_COLOUR};")
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.columns[0 if number < half else 1].addRow(caption, shown)
