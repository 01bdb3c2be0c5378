"""A week of checkboxes: 7 days by morning / afternoon / evening (reusable on any form).

grid = AvailabilityGrid()
grid.set_slots({(0, PartOfDay.MORNING)})   # weekday 0 = Monday
grid.slots()                               # -> {(0, PartOfDay.MORNING)}
grid.changed.connect(...)
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from coordinator.models import PartOfDay
from coordinator.services.records.labels import PART_OF_DAY_LABELS, WEEKDAY_LABELS
from coordinator.ui.translations import translate, word

Slot = tuple[int, PartOfDay]


class AvailabilityGrid(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[Slot, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        parts = list(PartOfDay)
        for column, part in enumerate(parts, start=1):
            header = QLabel(word(PART_OF_DAY_LABELS[part]))
            grid.addWidget(header, 0, column, Qt.AlignmentFlag.AlignHCenter)
        for day, name in enumerate(WEEKDAY_LABELS):
            grid.addWidget(QLabel(word(name)), day + 1, 0)
            for column, part in enumerate(parts, start=1):
                box = QCheckBox()
                box.setAccessibleName(
                    translate("RecordForm", "{day} {part}").format(
                        day=word(name), part=word(PART_OF_DAY_LABELS[part])
                    )
                )
                box.toggled.connect(lambda _on: self.changed.emit())
                grid.addWidget(box, day + 1, column, Qt.AlignmentFlag.AlignHCenter)
                self.boxes[(day, part)] = box
        grid.setColumnStretch(len(parts) + 1, 1)

    def slots(self) -> set[Slot]:
        return {slot for slot, box in self.boxes.items() if box.isChecked()}

    def set_slots(self, slots: Iterable[tuple[int, object]]) -> None:
        wanted = {(int(day), PartOfDay(part)) for day, part in slots}
        self.blockSignals(True)
        for slot, box in self.boxes.items():
            box.setChecked(slot in wanted)
        self.blockSignals(False)
