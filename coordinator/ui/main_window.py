"""The main window: a stack of the create page, the unlock page and, while unlocked, the
workspace. The title shows at most the database's file name, never anything from inside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from coordinator import APP_NAME
from coordinator.storage.errors import DatabaseExists
from coordinator.storage.keystore import KeyStore
from coordinator.storage.vault import Vault
from coordinator.ui import settings as ui_settings
from coordinator.ui.controller import Controller
from coordinator.ui.create_page import CreatePage
from coordinator.ui.unlock_page import UnlockPage
from coordinator.ui.workspace import Workspace

DEFAULT_SIZE = (1120, 700)
MINIMUM_SIZE = (760, 540)


class MainWindow(QMainWindow):
    def __init__(
        self,
        db_path: Path,
        keystore: KeyStore,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.controller = Controller(keystore, self)
        self.workspace: Workspace | None = None

        self.create_page = CreatePage(self.controller)
        self.unlock_page = UnlockPage(self.controller)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.create_page)
        self.stack.addWidget(self.unlock_page)
        self.setCentralWidget(self.stack)
        self._build_menu()
        self._build_status_bar()

        self.controller.opened.connect(self._on_opened)
        self.controller.notice.connect(self._show_notice)
        self.controller.damaged.connect(self._on_damaged)
        self.controller.checked.connect(self._on_checked)
        self.create_page.open_requested.connect(self.open_database)
        self.unlock_page.open_requested.connect(self.open_database)
        self.unlock_page.create_requested.connect(self.new_database)

        self.setMinimumSize(*MINIMUM_SIZE)
        geometry = ui_settings.read(self.settings, ui_settings.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        self.start(Path(db_path))

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(self.tr("&New database…"), "Ctrl+N", self.new_database)
        self.open_action = self._action(self.tr("&Open database…"), "Ctrl+O", self.open_database)
        self.lock_action = self._action(self.tr("&Lock"), "Ctrl+L", self.lock)
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close)
        menu.addActions([self.new_action, self.open_action])
        menu.addSeparator()
        menu.addAction(self.lock_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

    def _action(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _build_status_bar(self) -> None:
        self.path_label = QLabel()
        self.state_label = QLabel()
        self.state_label.setStyleSheet("font-weight: bold; padding: 0 8px;")
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.state_label)

    # -- screens ---------------------------------------------------------------------------

    def start(self, path: Path) -> None:
        """The first screen for this path: create it if it does not exist, else unlock it."""
        if path.exists():
            self.show_unlock(path)
        else:
            self.show_create(path)

    def show_create(self, path: Path) -> None:
        self._drop_workspace()
        self.controller.choose(path)
        self.create_page.prepare(self.controller.path)
        self.stack.setCurrentWidget(self.create_page)
        self._refresh_chrome()

    def show_unlock(self, path: Path, *, try_remembered: bool = True) -> None:
        self._drop_workspace()
        self.controller.choose(path)
        self.unlock_page.prepare(self.controller.path, try_remembered=try_remembered)
        self.stack.setCurrentWidget(self.unlock_page)
        self._refresh_chrome()

    def _on_opened(self, vault: Vault) -> None:
        ui_settings.remember_last_database(self.settings, vault.path)
        self._drop_workspace()
        self.workspace = Workspace(vault)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.navigation.setFocus()
        self._refresh_chrome()
        self.statusBar().showMessage(self.tr("Checking the database for damage…"))

    def _on_checked(self) -> None:
        self.statusBar().showMessage(self.tr("Database checked: every page is sound."), 8000)

    def _on_damaged(self, message: str) -> None:
        """The background check found damage: the controller has locked; say so plainly."""
        self._drop_workspace()
        self.show_unlock(self.controller.path, try_remembered=False)
        self.unlock_page.error.show_message(message)
        box = QMessageBox(
            QMessageBox.Icon.Critical, self.tr("The database is damaged"), message, parent=self
        )
        box.open()

    def _drop_workspace(self) -> None:
        """Remove the workspace and everything it shows; Qt deletes it on the next loop."""
        workspace, self.workspace = self.workspace, None
        if workspace is not None:
            self.stack.removeWidget(workspace)
            workspace.deleteLater()

    def _refresh_chrome(self) -> None:
        path = self.controller.path
        unlocked = self.controller.is_open
        title = APP_NAME if path is None else self.tr("Coordinator — {name}").format(name=path.name)
        self.setWindowTitle(title)
        self.path_label.setText(
            self.tr("Database: {path}").format(path=path) if path is not None else ""
        )
        self.state_label.setText(self.tr("Unlocked") if unlocked else self.tr("Locked"))
        self.lock_action.setEnabled(unlocked)

    def _show_notice(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, parent=self)
        box.open()  # not blocking: the workspace is usable behind it

    # -- actions ---------------------------------------------------------------------------

    def lock(self) -> None:
        """Close the database and forget everything shown from it; back to the unlock page."""
        if not self.controller.is_open:
            return
        self._drop_workspace()
        self.controller.lock()
        self.show_unlock(self.controller.path, try_remembered=False)

    def new_database(self) -> None:
        start = self.controller.path.parent if self.controller.path else Path.home()
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(start / "coordinator.db"),
            self.tr("Coordinator database (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".db")
        if path.exists():
            QMessageBox.warning(
                self, self.tr("File already exists"), DatabaseExists(path).user_message()
            )
            return
        self.show_create(path)

    def open_database(self) -> None:
        start = self.controller.path.parent if self.controller.path else Path.home()
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(start),
            self.tr("Coordinator database (*.db);;All files (*)"),
        )
        if chosen:
            self.show_unlock(Path(chosen))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        ui_settings.write(self.settings, ui_settings.WINDOW_GEOMETRY, self.saveGeometry())
        self._drop_workspace()
        self.controller.lock()
        super().closeEvent(event)
