"""This run's weights: a spin box (0–10) per criterion and, where it makes sense, whether
the project prefers sameness or difference. The project's own rules are not changed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.matching import (
    Criterion,
    CriterionRule,
    Direction,
    MatchingRules,
    criterion_has_direction,
)
from coordinator.ui.kit.widgets import note
from coordinator.ui.wizards.matching.common import criterion_name


class RuleGrid(QWidget):
    """One row per criterion: its name, a weight 0–10 (0 = ignored), its direction."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.weights: dict[Criterion, QSpinBox] = {}
        self.directions: dict[Criterion, QComboBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.addWidget(QLabel(self.tr("Criterion")), 0, 0)
        grid.addWidget(QLabel(self.tr("Weight (0 = ignored)")), 0, 1)
        grid.addWidget(QLabel(self.tr("Prefer")), 0, 2)
        for row, criterion in enumerate(Criterion, start=1):
            label = QLabel(criterion_name(criterion))
            weight = QSpinBox()
            weight.setRange(0, 10)
            weight.setAccessibleName(
                self.tr("Weight of {criterion}").format(criterion=criterion_name(criterion))
            )
            label.setBuddy(weight)
            grid.addWidget(label, row, 0)
            grid.addWidget(weight, row, 1)
            self.weights[criterion] = weight
            if criterion_has_direction(criterion):
                direction = QComboBox()
                direction.addItem(self.tr("Someone like her (same)"), Direction.SAME.value)
                direction.addItem(self.tr("Difference (different)"), Direction.DIFFERENT.value)
                direction.setAccessibleName(
                    self.tr("Direction of {criterion}").format(criterion=criterion_name(criterion))
                )
                grid.addWidget(direction, row, 2)
                self.directions[criterion] = direction
        grid.setColumnStretch(3, 1)

    def show_rules(self, rules: MatchingRules) -> None:
        for criterion, box in self.weights.items():
            rule = rules.criteria.get(criterion)
            box.setValue(rule.weight if rule else 0)
            combo = self.directions.get(criterion)
            if combo is not None and rule is not None and rule.direction is not None:
                combo.setCurrentIndex(max(combo.findData(Direction(rule.direction).value), 0))

    def rules(self, base: MatchingRules) -> MatchingRules:
        """`base` with the weights and directions as set here."""
        criteria = {}
        for criterion, box in self.weights.items():
            combo = self.directions.get(criterion)
            direction = Direction(combo.currentData()) if combo is not None else None
            criteria[criterion] = CriterionRule(weight=box.value(), direction=direction)
        return MatchingRules(
            criteria=criteria,
            required_training=base.required_training,
            induction_required=base.induction_required,
            language_required_for_interpreter=base.language_required_for_interpreter,
        )


class WeightsDialog(QDialog):
    """Change the weights for this run only, then Re-run."""

    def __init__(self, rules: MatchingRules, project_rules: MatchingRules, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weights for this run"))
        self.base = rules
        self.project_rules = project_rules
        self.grid = RuleGrid()
        self.grid.show_rules(rules)
        explanation = note(
            self.tr(
                "These weights apply to this search only; the proposal records the weights "
                "used. The project's own weights are set in Settings → Projects → Matching."
            )
        )
        self.reset_button = QPushButton(self.tr("Project's weights"))
        self.reset_button.setToolTip(self.tr("Put back the weights the project uses"))
        self.reset_button.clicked.connect(lambda: self.grid.show_rules(self.project_rules))
        buttons = QDialogButtonBox()
        self.rerun_button = buttons.addButton(
            self.tr("Re-run"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.grid)
        layout.addWidget(buttons)

    def rules(self) -> MatchingRules:
        return self.grid.rules(self.base)
