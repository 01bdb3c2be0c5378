"""Unlock an existing database: typed passphrase, or the one remembered on this PC."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.storage.errors import KeyringUnavailable, NewerSchema
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

#: How long after the page is shown the remembered passphrase is tried.
AUTO_TRY_DELAY_MS = 150


def stage_text(stage: str) -> str:
    """The progress line for a stage of opening (see Controller)."""
    texts = {
        "copying": QCoreApplication.translate(
            "UnlockPage", "Keeping a copy of the database before upgrading it to this version…"
        ),
        "upgrading": QCoreApplication.translate(
            "UnlockPage", "Upgrading the database to this version of Coordinator…"
        ),
    }
    return texts.get(stage, QCoreApplication.translate("UnlockPage", "Unlocking…"))


class UnlockPage(QWidget):
    #: The user wants to open another file, or to create a new database.
    open_requested = Signal()
    create_requested = Signal()
    #: From the worker opening the database: what it is doing now (see stage_text).
    stage = Signal(str)

    def __init__(self, controller: Controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        keystore = controller.keystore
        # Tries the remembered passphrase once per showing; a child, so it dies with the page.
        self._auto_try = QTimer(self)
        self._auto_try.setSingleShot(True)
        self._auto_try.setInterval(AUTO_TRY_DELAY_MS)
        self._auto_try.timeout.connect(self._try_remembered_once)
        self._op: Operation | None = None
        self.stage.connect(self._show_stage)

        self.title = heading(self.tr("Unlock your database"))
        self.file_name = heading("", level=2)
        self.folder = note()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.show_text = QCheckBox(self.tr("Show passphrase"))
        self.remember = QCheckBox(self.tr("Remember on this PC"))
        self.remember.setToolTip(
            self.tr(
                "Keep the passphrase in this computer's secure keyring, so it is not asked each time."
            )
        )
        self.remember.setVisible(keystore.is_available())
        self.no_keyring = note(keystore.unavailable_reason() or "")
        self.no_keyring.setVisible(not keystore.is_available())
        self.error = MessageLabel()
        self.progress = MessageLabel()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.remembered_button = QPushButton(self.tr("Use the remembered passphrase"))
        self.remembered_button.hide()
        self.open_link = link_button(self.tr("Open another database…"))
        self.create_link = link_button(self.tr("Create a new database…"))

        self._lay_out()
        self.passphrase.textChanged.connect(self._text_changed)
        self.passphrase.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self.remembered_button.clicked.connect(self.unlock_with_remembered)
        self.show_text.toggled.connect(self._show_passphrase)
        self.open_link.clicked.connect(self.open_requested)
        self.create_link.clicked.connect(self.create_requested)

    def _lay_out(self) -> None:
        column = QWidget()
        form = QVBoxLayout(column)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(6)
        form.addWidget(self.title)
        form.addSpacing(8)
        form.addWidget(self.file_name)
        form.addWidget(self.folder)
        form.addSpacing(12)
        label = QLabel(self.tr("&Passphrase"))
        label.setBuddy(self.passphrase)
        form.addWidget(label)
        form.addWidget(self.passphrase)
        form.addWidget(self.error)
        form.addWidget(self.show_text)
        form.addWidget(self.remember)
        form.addWidget(self.no_keyring)
        form.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remembered_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        form.addSpacing(6)
        form.addLayout(buttons)
        form.addSpacing(18)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        form.addWidget(line)
        links = QHBoxLayout()
        links.addWidget(self.open_link)
        links.addStretch(1)
        links.addWidget(self.create_link)
        form.addLayout(links)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centred_form_page(column))

    # -- state -----------------------------------------------------------------------------

    def prepare(self, path: Path, *, try_remembered: bool = True) -> None:
        """Show the page for this file with an empty field.

        With try_remembered, a passphrase remembered on this PC is tried once, as soon as the
        page is on screen. After the user locks, it is offered with a button instead, so that
        Lock never reopens the database by itself.
        """
        self._auto_try.stop()
        self.file_name.setText(path.name)
        self.file_name.setToolTip(str(path))
        self.folder.setText(self.tr("in {folder}").format(folder=breakable_path(path.parent)))
        self.passphrase.clear()
        self.show_text.setChecked(False)
        self.error.clear_message()
        self.progress.clear_message()
        remembered = self.controller.has_remembered()
        self.remember.setChecked(remembered)
        self.remembered_button.setVisible(remembered and not try_remembered)
        self._text_changed(self.passphrase.text())
        self.passphrase.setFocus()
        if try_remembered:
            # A short pause lets the window paint first, so "Unlocking…" is seen on screen.
            self._auto_try.start()

    def _text_changed(self, text: str) -> None:
        self.unlock_button.setEnabled(bool(text))

    def _show_passphrase(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)

    def _try_remembered_once(self) -> None:
        if not self.isVisible() or self.controller.is_open:
            return  # the user moved on before the timer fired
        if self.controller.keystore.is_available():
            self.unlock_with_remembered()

    # -- actions ---------------------------------------------------------------------------

    def unlock(self) -> None:
        """Unlock with the typed passphrase."""
        self._auto_try.stop()  # what the user typed wins over the remembered key
        if self.controller.is_open or self.working:
            return
        self.error.clear_message()
        remember = not self.remember.isHidden() and self.remember.isChecked()
        op = self.controller.unlock(self.passphrase.text(), remember, self.stage.emit)
        self._working(op, self.tr("Unlocking…"))
        op.succeeded.connect(lambda _opened: self.passphrase.clear())
        op.failed.connect(self._typed_refused)

    def _typed_refused(self, err: BaseException) -> None:
        self._show_error(err)
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    def unlock_with_remembered(self) -> None:
        """Unlock with the passphrase remembered on this PC, if there is one."""
        if self.controller.is_open or self.working:
            return
        self.error.clear_message()
        op = self.controller.unlock_remembered(self.stage.emit)
        self._working(op, self.tr("Unlocking with the passphrase remembered on this PC…"))
        op.failed.connect(self._remembered_refused)
        op.finished.connect(self.remembered_button.hide)
        op.finished.connect(self.passphrase.setFocus)

    def _remembered_refused(self, err: BaseException) -> None:
        if isinstance(err, KeyringUnavailable):
            self.error.show_message(err.reason)
        else:
            self._show_error(err)

    @property
    def working(self) -> bool:
        return self._op is not None and self._op.running

    def _working(self, op: Operation, text: str) -> None:
        """While the database opens: the fields wait, a line says what is happening."""
        self._op = op
        for widget in (self.passphrase, self.unlock_button, self.remembered_button):
            widget.setEnabled(False)
        self.progress.show_message(text, "info")
        op.finished.connect(self._done)

    def _show_stage(self, stage: str) -> None:
        self.progress.show_message(stage_text(stage), "info")

    def _done(self) -> None:
        self.progress.clear_message()
        self.passphrase.setEnabled(True)
        self.remembered_button.setEnabled(True)
        self._text_changed(self.passphrase.text())

    def _show_error(self, err: BaseException) -> None:
        self.error.show_message(error_message(err))
        if isinstance(err, NewerSchema):
            QMessageBox.critical(
                self, self.tr("A newer version of Coordinator is needed"), err.user_message()
            )
