"""The main window: a stack of the create page, the unlock page and, while unlocked, the
workspace. The title shows at most the database's file name, never anything from inside it.

Locking (Ctrl+L, idle, suspend, session lock) keeps unsaved forms as drafts, closes any
dialog, drops the workspace and closes the database; unlocking returns to the same page.
Backups, restore and the passphrase change are wired in by Safekeeping.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from coordinator import APP_NAME
from coordinator.services import preferences
from coordinator.services.changes import Kind
from coordinator.storage.keystore import KeyStore
from coordinator.storage.vault import Vault
from coordinator.ui import settings as ui_settings
from coordinator.ui.kit.operations import error_message, operations
from coordinator.ui.shell.backup_status import BackupStatusLabel
from coordinator.ui.shell.clipboard import ClipboardGuard
from coordinator.ui.shell.controller import Controller
from coordinator.ui.shell.create_page import CreatePage
from coordinator.ui.shell.database_files import DatabaseFiles
from coordinator.ui.shell.idle_lock import IdleLock
from coordinator.ui.shell.menus import Menus
from coordinator.ui.shell.safekeeping import Safekeeping
from coordinator.ui.shell.unlock_page import UnlockPage
from coordinator.ui.shell.workspace import Draft, Workspace

log = logging.getLogger(__name__)

#: The first-run size on a large screen; smaller screens get nearly all of their free area.
DEFAULT_SIZE = (1360, 860)
MINIMUM_SIZE = (760, 540)
#: Room left around the first-run window for the taskbar and the window frame.
SCREEN_MARGIN = 24


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
        #: The workspace page to show after unlocking (the one shown when it locked).
        self._return_to = 0
        #: Unsaved changes carried in memory to the next workspace (passphrase change).
        self._carried: list[Draft] = []
        #: Lock was asked for while work was running: lock when it ends.
        self._lock_waiting = False

        self.create_page = CreatePage(self.controller)
        self.unlock_page = UnlockPage(self.controller)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.create_page)
        self.stack.addWidget(self.unlock_page)
        self.setCentralWidget(self.stack)
        self.safekeeping = Safekeeping(self)
        #: The question shown last (tests answer it).
        self.question: QMessageBox | None = None
        self.files = DatabaseFiles(self)
        self.menus = Menus(self)
        self._build_status_bar()
        self.idle_lock = IdleLock(self)
        self.idle_lock.lock_requested.connect(self.lock_by_itself)
        self.idle_lock.watch_session(self)  # Windows only: lock with the session (Win+L)
        self.clipboard_guard = ClipboardGuard(parent=self)

        operations().changed.connect(self._changed)
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
            self.resize(first_run_size(self.screen().availableGeometry().size()))
        self.start(Path(db_path))

    def import_spreadsheet(self):
        """File > Import: the Import… of the list being looked at (Mothers from elsewhere);
        the import dialog, or None while locked."""
        from coordinator.ui.kit.form_list_page import FormListPage

        if self.workspace is None or self.controller.vault is None:
            return None
        workspace = self.workspace
        page = workspace.current_page()
        if not isinstance(page, FormListPage):
            page = workspace.page("mothers")
        return page.import_records()

    def _build_status_bar(self) -> None:
        self.path_label = QLabel()
        self.backup_label = BackupStatusLabel()
        self.state_label = QLabel()
        self.state_label.setStyleSheet("font-weight: bold; padding: 0 8px;")
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.state_label)

    # -- screens ---------------------------------------------------------------------------

    def start(self, path: Path) -> None:
        """The first screen for this path: create it if it does not exist, else unlock it."""
        if path.exists():
            self.show_unlock(path)
        else:
            self.show_create(path)

    def show_create(self, path: Path) -> None:
        self._switch_to(path)
        self.create_page.prepare(self.controller.path)
        self.stack.setCurrentWidget(self.create_page)
        self._refresh_chrome()

    def show_unlock(self, path: Path, *, try_remembered: bool = True) -> None:
        self._switch_to(path)
        self.unlock_page.prepare(self.controller.path, try_remembered=try_remembered)
        self.stack.setCurrentWidget(self.unlock_page)
        self._refresh_chrome()

    def _switch_to(self, path: Path) -> None:
        if self.controller.is_open:
            self.close_database()
        if self.controller.path is None or Path(path).absolute() != self.controller.path:
            self._return_to = 0  # another database starts on Today
        self.controller.choose(path)

    def _on_opened(self, vault: Vault) -> None:
        ui_settings.remember_last_database(self.settings, vault.path)
        self._drop_workspace()
        self.workspace = Workspace(vault)
        self.workspace.backup_requested.connect(self.safekeeping.back_up_now)
        self.workspace.change_passphrase_requested.connect(self.safekeeping.change_passphrase)
        self.workspace.import_requested.connect(self.import_spreadsheet)
        self.workspace.page_shown.connect(self.menus.refresh)
        self.stack.addWidget(self.workspace)
        self.workspace.show_section(self._return_to)
        carried, self._carried = self._carried, []
        self.workspace.apply_drafts(carried, announce=False)
        self._restore_drafts()
        # Read before the pages are shown: a shown page may start background work (Today's
        # alerts) that takes the connection unlocking made, and the GUI thread would then
        # derive the key again for one of its own, freezing the window for as long.
        self._read_preferences()
        self.stack.setCurrentWidget(self.workspace)
        if QApplication.activeModalWidget() is None:  # not from under a dialog
            self.workspace.current_page().setFocus()
        self._refresh_chrome()
        self.idle_lock.start()
        self.statusBar().showMessage(self.tr("Checking the database for damage…"))

    def _restore_drafts(self) -> None:
        try:
            page = self.workspace.restore_drafts()
        except Exception as err:
            log.error("drafts could not be restored: %s", type(err).__name__)
            return
        if page is not None:
            self.workspace.show_page(page)

    def _read_preferences(self) -> None:
        vault = self.controller.vault
        if vault is None:
            return
        try:
            self.idle_lock.set_minutes(preferences.auto_lock_minutes(vault))
        except Exception as err:  # unreadable now: keep the time already set
            log.warning("auto-lock time unavailable: %s", type(err).__name__)
        self.refresh_backup_status()

    def refresh_backup_status(self) -> None:
        vault = self.controller.vault
        self.backup_label.show_status(self.safekeeping.status() if vault else None)

    def _changed(self, kinds: frozenset[Kind]) -> None:
        """What the status bar and the auto-lock show, read again when it changes."""
        if Kind.SETTING in kinds:
            self._read_preferences()
        elif Kind.BACKUP in kinds:
            self.refresh_backup_status()

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
            self._return_to = max(0, workspace.current_index())
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
        self.menus.refresh()
        if not unlocked:
            self.backup_label.show_status(None)

    def _show_notice(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, parent=self)
        box.open()  # not blocking: the workspace is usable behind it

    # -- locking ---------------------------------------------------------------------------

    def busy(self) -> bool:
        """Whether database work is running in the background (locking must wait)."""
        return operations().busy > 0

    def close_database(self, keep: QDialog | None = None) -> None:
        """Keep unsaved forms as drafts, close dialogs (but `keep`), drop the workspace, lock."""
        self.idle_lock.stop()
        problem = None
        if self.workspace is not None and self.controller.is_open:
            try:
                self.workspace.keep_drafts()
            except Exception as err:  # the database may be unwritable: lock all the same
                log.error("drafts could not be kept: %s", type(err).__name__)
                problem = error_message(err)
        for dialog in self.findChildren(QDialog):
            if dialog is not keep and dialog.isVisible():
                dialog.reject()
        self._drop_workspace()
        self.controller.lock()
        self.backup_label.show_status(None)
        if problem:
            self._show_notice(
                self.tr("Unsaved changes could not be kept while locking. {reason}").format(
                    reason=problem
                )
            )

    def lock(self, keep: QDialog | None = None) -> None:
        """Close the database and forget everything shown from it; back to the unlock page.
        While a backup, restore or import is using the database, it locks once that ends."""
        if not self.controller.is_open:
            return
        if self.busy():
            self._lock_when_free()
            return
        self.close_database(keep)
        self.show_unlock(self.controller.path, try_remembered=False)

    def _lock_when_free(self) -> None:
        self.statusBar().showMessage(
            self.tr("Coordinator will lock when the work in progress has finished.")
        )
        if not self._lock_waiting:
            self._lock_waiting = True
            operations().busy_changed.connect(self._busy_changed)

    def _busy_changed(self, count: int) -> None:
        if count or not self._lock_waiting:
            return
        self._lock_waiting = False
        operations().busy_changed.disconnect(self._busy_changed)
        self.statusBar().clearMessage()
        self.lock()

    def lock_by_itself(self, why: str = "idle") -> None:
        """Idle time ran out, the app was suspended or the session locked."""
        if not self.controller.is_open:
            return
        if self.busy():  # a backup or restore is using the database: lock when it is done
            self.idle_lock.start()
            return
        self.lock()
        self.statusBar().showMessage(
            self.tr("Locked after {minutes} minutes without use.").format(
                minutes=self.idle_lock.interval_ms // self.idle_lock.ms_per_minute
            )
            if why == "idle"
            else self.tr("Locked because this PC was locked or went to sleep.")
        )

    def adopt_vault(self, vault: Vault) -> None:
        """The passphrase was changed: show the same pages, with their edits, on the new vault."""
        if self.workspace is not None:
            self._carried = self.workspace.collect_drafts()
        self.controller.replace_vault(vault)

    # -- files -----------------------------------------------------------------------------

    def new_database(self) -> None:
        self.files.new_database()

    def open_database(self) -> None:
        self.files.open_database()

    def show_about(self) -> None:
        from coordinator.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def settings_settled(self) -> bool:
        """Before quitting: whether Settings hold no unsaved change. If they do, the window
        asks (Save, Discard, Keep editing) without waiting, and closes again once she has
        said; saved first, the settings count for the backup made on closing."""
        workspace = self.workspace
        settings = None
        if workspace is not None:
            settings = next((p for p in workspace.built_pages() if hasattr(p, "has_unsaved")), None)
        if settings is None or not settings.has_unsaved():
            return True
        workspace.show_page(settings)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Save the settings?"),
            self.tr(
                "Some settings were changed and not saved ({sections}). Save them before closing?"
            ).format(sections=", ".join(settings.unsaved_titles())),
            parent=self,
        )
        save = box.addButton(self.tr("&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)

        def answered(button) -> None:
            if button is save:
                if not settings.save_unsaved():
                    return  # refused (the section says why): she stays
            elif button is discard:
                settings.discard_unsaved()
            else:
                return
            self.close()

        box.buttonClicked.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.question = box
        box.open()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.safekeeping.ready_to_close(before=self.settings_settled):
            event.ignore()  # a backup is running, or the one made on closing comes first
            return
        ui_settings.write(self.settings, ui_settings.WINDOW_GEOMETRY, self.saveGeometry())
        self.close_database()
        self.clipboard_guard.clear_if_ours()
        super().closeEvent(event)


def first_run_size(available: QSize) -> QSize:
    """The window's size before the user has chosen one: the default, or on a small screen
    (1366x768 laptops) nearly all of it, never below the minimum."""
    width = min(DEFAULT_SIZE[0], available.width() - SCREEN_MARGIN)
    height = min(DEFAULT_SIZE[1], available.height() - SCREEN_MARGIN)
    return QSize(max(width, MINIMUM_SIZE[0]), max(height, MINIMUM_SIZE[1]))
