"""Her needs and preferences at a glance, above the candidates: what the ranking weighs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from coordinator.services.matching import MotherSummary
from coordinator.ui.kit.widgets import QUIET_COLOUR, heading
from coordinator.ui.translations import translate, word

NOT_RECORDED = "—"


def _tr(text: str) -> str:
    return translate("MatchingWizard", text)


def summary_facts(mother: MotherSummary) -> list[tuple[str, str]]:
    """(label, value) pairs: the facts the matching looks at, 'not recorded' said."""
    language = mother.language or NOT_RECORDED
    if mother.interpreter_needed:
        language = _tr("{language} (needs an interpreter)").format(language=language)
    facts = [
        (_tr("Project"), mother.project_name or NOT_RECORDED),
        (_tr("Postcode"), mother.postcode or _tr("not recorded: distance cannot be checked")),
        (_tr("Language"), language),
        (_tr("Needs"), ", ".join(mother.needs) or NOT_RECORDED),
        (
            _tr("Wants someone who shares"),
            ", ".join(mother.wants_shared_experience) or NOT_RECORDED,
        ),
        (_tr("Volunteer's gender"), word(mother.gender_preference) or NOT_RECORDED),
        (_tr("Available"), ", ".join(mother.availability) or _tr("no availability recorded")),
        *((_tr("Note"), line) for line in mother.notes),
    ]
    if mother.travel_radius_km is not None:
        facts.insert(
            2, (_tr("Travel radius"), _tr("{km} km").format(km=f"{mother.travel_radius_km:g}"))
        )
    return facts


class SummaryPanel(QFrame):
    """Her name and reference as a heading, then two columns of facts."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("summary")
        self.setStyleSheet("#summary { background: palette(base); border: 1px solid #d5d9de; }")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(12, 8, 12, 8)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(3)
        self.title = heading("", 2)
        self.values: dict[str, str] = {}

    def show_mother(self, mother: MotherSummary) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None and item.widget() is not self.title:
                item.widget().deleteLater()
        self.title.setText(
            _tr("{name} ({reference})").format(name=mother.name, reference=mother.reference)
        )
        self.grid.addWidget(self.title, 0, 0, 1, 4)
        facts = summary_facts(mother)
        self.values = dict(facts)
        half = (len(facts) + 1) // 2
        for number, (label, value) in enumerate(facts):
            row, column = 1 + number % half, 2 * (number // half)
            caption = QLabel(label)
            caption.setStyleSheet(f"color: {QUIET_COLOUR};")
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(caption, row, column)
            self.grid.addWidget(shown, row, column + 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
