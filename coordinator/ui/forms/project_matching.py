"""A project's matching rules, the Matching tab of its form: each criterion's weight (0–10)
and, where it makes sense, whether the project prefers someone like her or difference; the
training a volunteer must have, whether induction is required, and whether a mother who
needs an interpreter must share a language with her volunteer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import vocabularies
from coordinator.services.matching import CriterionRule, Direction, MatchingRules, default_rules
from coordinator.storage.vault import Vault
from coordinator.ui.kit.widgets import heading, note
from coordinator.ui.translations import translate
from coordinator.ui.wizards.matching.weights import RuleGrid


class MatchingTab(QScrollArea):
    #: Something here was changed.
    changed = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        self.grid = RuleGrid()
        self.defaults_button = QPushButton(translate("ProjectForm", "Use the usual weights"))
        self.defaults_button.setToolTip(
            translate("ProjectForm", "Put every weight and direction back to Coordinator's own")
        )
        self.defaults_button.setAutoDefault(False)
        self.training = QListWidget()
        self.training.setAccessibleName(translate("ProjectForm", "Training a volunteer must have"))
        self._training_codes: list[str] = []
        for term in vocabularies.terms(vault, "training_module"):
            item = QListWidgetItem(term.label)
            item.setData(Qt.ItemDataRole.UserRole, term.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setHidden(not term.active)  # shown again if the rules still name it
            self.training.addItem(item)
        rows = max(min(self.training.count(), 6), 2)
        self.training.setFixedHeight(rows * max(self.training.sizeHintForRow(0), 20) + 8)
        self.induction = QCheckBox(translate("ProjectForm", "Volunteers must have had induction"))
        self.language = QCheckBox(
            translate("ProjectForm", "Interpreter needed: only volunteers who speak her language")
        )
        self.language.setToolTip(
            translate(
                "ProjectForm",
                "A mother who needs an interpreter is proposed only volunteers who speak "
                "one of her languages",
            )
        )
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(heading(translate("ProjectForm", "How candidates are ranked"), 2))
        layout.addWidget(
            note(
                translate(
                    "ProjectForm",
                    "Each criterion adds points to a volunteer's score, up to its weight "
                    "(0 leaves it out). “Someone like her” gives points for what they share; "
                    "“Difference” gives them for what differs.",
                )
            )
        )
        layout.addWidget(self.grid)
        layout.addWidget(self.defaults_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(heading(translate("ProjectForm", "Who can be proposed"), 2))
        layout.addWidget(note(translate("ProjectForm", "Training a volunteer must have done")))
        layout.addWidget(self.training)
        layout.addWidget(self.induction)
        layout.addWidget(self.language)
        layout.addStretch(1)
        for box in self.grid.weights.values():
            box.valueChanged.connect(self.changed)
        for combo in self.grid.directions.values():
            combo.currentIndexChanged.connect(self.changed)
        self.training.itemChanged.connect(lambda _item: self.changed.emit())
        self.induction.toggled.connect(self.changed)
        self.language.toggled.connect(self.changed)
        self.defaults_button.clicked.connect(lambda: self.show_weights(default_rules()))
        self.rules_shown = default_rules()

    def show_weights(self, rules: MatchingRules) -> None:
        self.grid.show_rules(rules)

    def show_rules(self, rules: MatchingRules) -> None:
        self.rules_shown = rules
        self.blockSignals(True)
        self.grid.show_rules(rules)
        wanted = set(rules.required_training)
        self.training.blockSignals(True)
        for row in range(self.training.count()):
            item = self.training.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if on:
                item.setHidden(False)
        self.training.blockSignals(False)
        self.induction.setChecked(rules.induction_required)
        self.language.setChecked(rules.language_required_for_interpreter)
        self.blockSignals(False)

    def rules(self) -> MatchingRules:
        base = MatchingRules(
            criteria=self.rules_shown.criteria,
            required_training=tuple(
                self.training.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.training.count())
                if self.training.item(row).checkState() == Qt.CheckState.Checked
            ),
            induction_required=self.induction.isChecked(),
            language_required_for_interpreter=self.language.isChecked(),
        )
        return self.grid.rules(base)

    # -- as plain values (drafts, "has it changed?") ----------------------------------------

    def values(self) -> dict[str, Any]:
        rules = self.rules()
        return {
            "criteria": {
                c.value: [r.weight, r.direction.value if r.direction else None]
                for c, r in rules.criteria.items()
            },
            "required_training": sorted(rules.required_training),
            "induction_required": rules.induction_required,
            "language_required_for_interpreter": rules.language_required_for_interpreter,
        }

    def apply_values(self, values: dict[str, Any]) -> None:
        """Show kept values (a draft); anything not understood is left as it is."""
        criteria = dict(self.rules_shown.criteria)
        for key, pair in dict(values.get("criteria") or {}).items():
            try:
                weight, direction = pair
                criterion = next(c for c in criteria if c.value == key)
                criteria[criterion] = CriterionRule(
                    int(weight), Direction(direction) if direction else None
                )
            except (StopIteration, TypeError, ValueError):
                continue
        self.show_rules(
            MatchingRules(
                criteria=criteria,
                required_training=tuple(values.get("required_training") or ()),
                induction_required=bool(values.get("induction_required", True)),
                language_required_for_interpreter=bool(
                    values.get("language_required_for_interpreter", True)
                ),
            )
        )
