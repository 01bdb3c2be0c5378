"""First run, or File > New database: choose a passphrase and create the encrypted file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.storage.errors import VaultError
from coordinator.ui.controller import Controller
from coordinator.ui.strength_meter import StrengthMeter
from coordinator.ui.widgets import (
    WARNING_COLOUR,
    MessageLabel,
    breakable_path,
    busy,
    centred_form_page,
    heading,
    link_button,
    note,
)


class CreatePage(QWidget):
    """'Create your encrypted database'. The Controller does the work; this page validates."""

    #: The user would rather open an existing database.
    open_requested = Signal()

    def __init__(self, controller: Controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        keystore = controller.keystore

        self.title = heading(self.tr("Create your encrypted database"))
        self.intro = note(
            self.tr(
                "Coordinator keeps every record in one encrypted file, protected by a "
                "passphrase you choose now. The file will be created here:"
            )
        )
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.path_label.setStyleSheet("font-weight: bold;")

        self.passphrase = self._password_field(self.tr("Passphrase"))
        self.meter = StrengthMeter()
        self.confirm = self._password_field(self.tr("Passphrase again"))
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

        self.remember = QCheckBox(self.tr("Remember on this PC"))
        self.remember.setToolTip(
            self.tr(
                "Keep the passphrase in this computer's secure keyring, so it is not asked each time."
            )
        )
        self.remember.setVisible(keystore.is_available())
        self.no_keyring = note(keystore.unavailable_reason() or "")
        self.no_keyring.setVisible(not keystore.is_available())

        self.recovery_note = note(
            self.tr(
                "Nothing can recover a forgotten passphrase: not Coordinator, not its makers. "
                "Write it down and keep it somewhere safe, and keep backups of the database."
            )
        )
        self.error = MessageLabel()
        self.progress = MessageLabel()
        self.create_button = QPushButton(self.tr("Create database"))
        self.create_button.setDefault(True)
        self.open_link = link_button(self.tr("Open an existing database instead…"))

        self._lay_out()
        self.passphrase.textChanged.connect(self._passphrase_changed)
        self.confirm.textChanged.connect(self._validate)
        self.weak_ok.toggled.connect(self._validate)
        self.show_text.toggled.connect(self._show_passphrases)
        self.create_button.clicked.connect(self._create)
        self.confirm.returnPressed.connect(self._create)
        self.open_link.clicked.connect(self.open_requested)
        self._validate()

    def _password_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _lay_out(self) -> None:
        column = QWidget()
        form = QVBoxLayout(column)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(6)
        form.addWidget(self.title)
        form.addSpacing(4)
        form.addWidget(self.intro)
        form.addWidget(self.path_label)
        form.addSpacing(12)
        passphrase_label = QLabel(self.tr("&Passphrase"))
        passphrase_label.setBuddy(self.passphrase)
        form.addWidget(passphrase_label)
        form.addWidget(self.passphrase)
        form.addWidget(self.meter)
        form.addSpacing(6)
        confirm_label = QLabel(self.tr("Type it &again"))
        confirm_label.setBuddy(self.confirm)
        form.addWidget(confirm_label)
        form.addWidget(self.confirm)
        form.addWidget(self.mismatch)
        form.addWidget(self.show_text)
        form.addSpacing(6)
        form.addWidget(self.weak_warning)
        form.addWidget(self.weak_ok)
        form.addWidget(self.remember)
        form.addWidget(self.no_keyring)
        form.addSpacing(6)
        form.addWidget(self.recovery_note)
        form.addSpacing(6)
        form.addWidget(self.error)
        form.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_link)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        form.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centred_form_page(column))

    # -- state -----------------------------------------------------------------------------

    def prepare(self, path: Path) -> None:
        """Show the page for this path, with empty fields."""
        self.path_label.setText(breakable_path(path))
        self.path_label.setToolTip(str(path))
        for field in (self.passphrase, self.confirm):
            field.clear()
        self.show_text.setChecked(False)
        self.weak_ok.setChecked(False)
        self.remember.setChecked(False)
        self.error.clear_message()
        self._validate()
        self.passphrase.setFocus()

    def _passphrase_changed(self, text: str) -> None:
        self.meter.update_for(text)
        # The acknowledgement is about one passphrase; a changed one must be acknowledged again.
        self.weak_ok.setChecked(False)
        self._validate()

    def _is_weak(self) -> bool:
        strength = self.meter.strength
        return strength is not None and strength.is_weak

    def _validate(self) -> bool:
        text, again = self.passphrase.text(), self.confirm.text()
        differs = bool(again) and again != text
        if differs:
            self.mismatch.show_message(self.tr("The two passphrases are not the same."))
        else:
            self.mismatch.clear_message()
        weak = self._is_weak()
        self.weak_warning.setVisible(weak)
        self.weak_ok.setVisible(weak)
        valid = bool(text) and text == again and (not weak or self.weak_ok.isChecked())
        self.create_button.setEnabled(valid)
        return valid

    def _show_passphrases(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    # -- action ----------------------------------------------------------------------------

    def _create(self) -> None:
        if not self._validate():
            return
        self.error.clear_message()
        remember = not self.remember.isHidden() and self.remember.isChecked()
        try:
            with busy(self.progress, self.tr("Creating the encrypted database…")):
                self.controller.create(self.passphrase.text(), remember)
        except VaultError as err:
            self.error.show_message(err.user_message())
            self.passphrase.setFocus()
            return
        for field in (self.passphrase, self.confirm):
            field.clear()
