"""First run, or File > New database: choose a passphrase and create the encrypted file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.ui.kit.new_passphrase import NewPassphraseFields
from coordinator.ui.kit.operations import Operation, error_message
from coordinator.ui.kit.widgets import (
    MessageLabel,
    breakable_path,
    centred_form_page,
    heading,
    link_button,
    note,
)
from coordinator.ui.shell.controller import Controller


class CreatePage(QWidget):
    """'Create your encrypted database'. The Controller does the work; this page validates."""

    #: The user would rather open an existing database.
    open_requested = Signal()

    def __init__(self, controller: Controller, parent: QWidget | None = None):
        super().__init__(parent)
        self._op: Operation | None = None
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

        self.fields = NewPassphraseFields(self.tr("&Passphrase"))
        # the parts tests and the window reach for, named as on the other pages
        self.passphrase, self.confirm = self.fields.passphrase, self.fields.confirm
        self.meter, self.mismatch = self.fields.meter, self.fields.mismatch
        self.show_text, self.weak_ok = self.fields.show_text, self.fields.weak_ok
        self.weak_warning = self.fields.weak_warning

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
        self.fields.changed.connect(self._validate)
        self.create_button.clicked.connect(self._create)
        self.confirm.returnPressed.connect(self._create)
        self.open_link.clicked.connect(self.open_requested)
        self._validate()

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
        form.addWidget(self.fields)
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
        self.fields.clear()
        self.remember.setChecked(False)
        self.error.clear_message()
        self._validate()
        self.passphrase.setFocus()

    def _validate(self) -> bool:
        valid = self.fields.is_valid()
        self.create_button.setEnabled(valid)
        return valid

    # -- action ----------------------------------------------------------------------------

    def _create(self) -> None:
        if not self._validate() or self.working:
            return
        self.error.clear_message()
        remember = not self.remember.isHidden() and self.remember.isChecked()
        op = self.controller.create(self.passphrase.text(), remember)
        self._op = op
        self.fields.setEnabled(False)
        self.create_button.setEnabled(False)
        self.progress.show_message(self.tr("Creating the encrypted database…"), "info")
        op.succeeded.connect(lambda _opened: self.fields.clear())
        op.failed.connect(self._refused)
        op.finished.connect(self._done)

    @property
    def working(self) -> bool:
        return self._op is not None and self._op.running

    def _refused(self, err: BaseException) -> None:
        self.error.show_message(error_message(err))

    def _done(self) -> None:
        self.progress.clear_message()
        self.fields.setEnabled(True)
        self._validate()
        self.passphrase.setFocus()
