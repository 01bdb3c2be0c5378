"""A new passphrase, typed twice, with the strength meter and the weak-passphrase check.

Used wherever a passphrase is chosen: creating a database, a backup's own passphrase and a
passphrase change.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from coordinator.ui.kit.strength_meter import StrengthMeter
from coordinator.ui.kit.widgets import WARNING_COLOUR, MessageLabel, note


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class NewPassphraseFields(QWidget):
    #: Whether the fields now hold an acceptable passphrase changed (or may have).
    changed = Signal()

    def __init__(self, first_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.passphrase = password_field(first_label.replace("&", ""))
        self.meter = StrengthMeter()
        self.confirm = password_field(self.tr("Type it again"))
        self.mismatch = MessageLabel()
        self.show_text = QCheckBox(self.tr("Show passphrases"))
        self.weak_warning = note(
            self.tr(
                "This passphrase is weak: someone who got a copy of the file could guess it. "
                "Four or five unrelated words make a strong passphrase that is easy to remember."
            ),
            WARNING_COLOUR,
        )
        self.weak_ok = QCheckBox(self.tr("I understand this passphrase is weak"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        first = QLabel(first_label)
        first.setBuddy(self.passphrase)
        layout.addWidget(first)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.meter)
        layout.addSpacing(4)
        again = QLabel(self.tr("Type it a&gain"))
        again.setBuddy(self.confirm)
        layout.addWidget(again)
        layout.addWidget(self.confirm)
        layout.addWidget(self.mismatch)
        # The meter's advice changes with each key: under both fields, so that typing the
        # passphrase never moves the box to type it again in.
        layout.addWidget(self.meter.advice)
        layout.addWidget(self.show_text)
        layout.addWidget(self.weak_warning)
        layout.addWidget(self.weak_ok)

        self.passphrase.textChanged.connect(self._passphrase_changed)
        self.confirm.textChanged.connect(self._validate)
        self.weak_ok.toggled.connect(self._validate)
        self.show_text.toggled.connect(self._show)
        self._validate()

    def text(self) -> str:
        return self.passphrase.text()

    def is_valid(self) -> bool:
        text, again = self.passphrase.text(), self.confirm.text()
        weak = self.meter.strength is not None and self.meter.strength.is_weak
        return bool(text) and text == again and (not weak or self.weak_ok.isChecked())

    def clear(self) -> None:
        for field in (self.passphrase, self.confirm):
            field.clear()
        self.weak_ok.setChecked(False)
        self.show_text.setChecked(False)

    def _passphrase_changed(self, text: str) -> None:
        self.meter.update_for(text)
        # The acknowledgement is about one passphrase; a changed one must be acknowledged again.
        self.weak_ok.setChecked(False)
        self._validate()

    def _validate(self) -> None:
        text, again = self.passphrase.text(), self.confirm.text()
        if again and again != text:
            self.mismatch.show_message(self.tr("The two passphrases are not the same."))
        else:
            self.mismatch.clear_message()
        weak = self.meter.strength is not None and self.meter.strength.is_weak
        self.weak_warning.setVisible(weak)
        self.weak_ok.setVisible(weak)
        self.changed.emit()

    def _show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.confirm.setEchoMode(mode)
