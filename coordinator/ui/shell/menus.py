"""The window's menus: File, Edit, View and Help, with every shortcut shown beside its item.

- File: the database (new, open, back up, restore), import and export, lock and quit.
- Edit: a new record and Find on the list shown (Ctrl+N, Ctrl+F), enabled only there.
- View: one item per section (Ctrl+1 ... Ctrl+9), the one shown ticked.
- Help: About Coordinator (version, licences, the Ordnance Survey attribution).

The actions are the window's (`window.lock_action`, ...): their shortcuts work even while
the menu bar is hidden, and the pages and tests can trigger them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from coordinator.ui.pages import page_specs

if TYPE_CHECKING:
    from coordinator.ui.shell.main_window import MainWindow


def shortcut_text(sequence: str) -> str:
    """How a shortcut reads on this system ("Ctrl+F"; on a Mac, "⌘F")."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


class Menus(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        w = window

        file_menu = bar.addMenu(self.tr("&File"))
        w.new_action = self._action(self.tr("&New database…"), "Ctrl+Shift+N", w.new_database)
        w.open_action = self._action(self.tr("&Open database…"), "Ctrl+O", w.open_database)
        w.backup_action = self._action(
            self.tr("&Back up now…"), "Ctrl+B", w.safekeeping.back_up_now
        )
        w.restore_action = self._action(
            self.tr("&Restore from a backup…"), "", w.safekeeping.restore
        )
        w.import_action = self._action(
            self.tr("&Import from a spreadsheet…"), "Ctrl+I", w.import_spreadsheet
        )
        w.export_action = self._action(
            self.tr("&Export this list…"), "Ctrl+E", lambda: self._on_page("export_records")
        )
        w.lock_action = self._action(self.tr("&Lock"), "Ctrl+L", w.lock)
        w.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", w.close)
        file_menu.addActions([w.new_action, w.open_action])
        file_menu.addSeparator()
        file_menu.addActions([w.backup_action, w.restore_action])
        file_menu.addSeparator()
        file_menu.addActions([w.import_action, w.export_action])
        file_menu.addSeparator()
        file_menu.addAction(w.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(w.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        w.new_record_action = self._action(
            self.tr("&New record…"), "Ctrl+N", lambda: self._on_page("new_record")
        )
        w.find_action = self._action(
            self.tr("&Find…"), "Ctrl+F", lambda: self._on_page("focus_search")
        )
        edit_menu.addActions([w.new_record_action, w.find_action])

        view_menu = bar.addMenu(self.tr("&View"))
        self.sections = QActionGroup(self)
        self.sections.setExclusive(True)
        w.section_actions = []
        for number, spec in enumerate(page_specs(), start=1):
            shortcut = f"Ctrl+{number}" if number <= 9 else ""
            action = self._action(spec.title(), shortcut, lambda n=number: self._show(n - 1))
            action.setCheckable(True)
            self.sections.addAction(action)
            view_menu.addAction(action)
            w.section_actions.append(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        w.about_action = self._action(self.tr("&About Coordinator…"), "", w.show_about)
        help_menu.addAction(w.about_action)
        self.refresh()

    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    # -- the page shown ----------------------------------------------------------------------

    def _page(self):
        workspace = self.window.workspace
        return workspace.current_page() if workspace is not None else None

    def _on_page(self, method: str) -> None:
        page = self._page()
        if page is not None and callable(getattr(page, method, None)):
            getattr(page, method)()

    def _show(self, index: int) -> None:
        if self.window.workspace is not None:
            self.window.workspace.show_section(index)

    def refresh(self) -> None:
        """Enable what makes sense for the database's state and the page shown."""
        w = self.window
        unlocked = w.controller.is_open and w.workspace is not None
        path = w.controller.path
        w.lock_action.setEnabled(unlocked)
        w.backup_action.setEnabled(unlocked)
        w.import_action.setEnabled(unlocked)
        w.restore_action.setEnabled(path is not None and path.exists())
        page = self._page() if unlocked else None
        for action, method in (
            (w.export_action, "export_records"),
            (w.new_record_action, "new_record"),
            (w.find_action, "focus_search"),
        ):
            action.setEnabled(page is not None and callable(getattr(page, method, None)))
        current = w.workspace.current_index() if unlocked else -1
        for index, action in enumerate(w.section_actions):
            action.setEnabled(unlocked)
            action.setChecked(index == current)
