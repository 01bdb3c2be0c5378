"""Settings > Lists used on forms: add, rename, retire and bring back the terms of a
vocabulary (needs, languages, lived experience, training modules, service categories).

A term in use is never deleted (the service refuses and says why): it is retired instead, so
forms stop offering it while the records that have it keep it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.records.errors import CannotDelete, RecordNotFound
from coordinator.services.validation import Invalid
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import error_message, operations
from coordinator.ui.kit.widgets import QUIET_COLOUR, MessageLabel, heading, note, read_only_rows

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ListTexts:
    """What the editor calls one vocabulary: its title, one term, and examples of a new
    term (the first not already in her list is the hint)."""

    title: str
    term: str
    explanation: str
    examples: tuple[str, ...]


def list_texts() -> dict[str, ListTexts]:
    """The words of each editable list, translated, in the order Settings offers them."""
    translate = QCoreApplication.translate
    return {
        "need": ListTexts(
            translate("VocabularyEditor", "Needs list"),
            translate("VocabularyEditor", "need"),
            translate("VocabularyEditor", "The needs you can tick on a mother's record."),
            (
                translate("VocabularyEditor", "Twins or triplets"),
                translate("VocabularyEditor", "Baby in neonatal care"),
                translate("VocabularyEditor", "Recent bereavement"),
            ),
        ),
        "language": ListTexts(
            translate("VocabularyEditor", "Languages"),
            translate("VocabularyEditor", "language"),
            translate("VocabularyEditor", "The languages offered for mothers and volunteers."),
            (
                translate("VocabularyEditor", "Lithuanian"),
                translate("VocabularyEditor", "Tigrinya"),
                translate("VocabularyEditor", "Kurdish"),
            ),
        ),
        "experience_tag": ListTexts(
            translate("VocabularyEditor", "Lived experience"),
            translate("VocabularyEditor", "experience"),
            translate(
                "VocabularyEditor",
                "The experiences a volunteer can share and a mother can ask a volunteer to share.",
            ),
            (
                translate("VocabularyEditor", "Premature baby"),
                translate("VocabularyEditor", "Caesarean birth"),
                translate("VocabularyEditor", "Twins"),
            ),
        ),
        "training_module": ListTexts(
            translate("VocabularyEditor", "Training modules"),
            translate("VocabularyEditor", "training module"),
            translate("VocabularyEditor", "The training modules recorded on a volunteer's record."),
            (
                translate("VocabularyEditor", "Safeguarding refresher"),
                translate("VocabularyEditor", "Infant feeding"),
                translate("VocabularyEditor", "Listening skills"),
            ),
        ),
        "service_category": ListTexts(
            translate("VocabularyEditor", "Service categories"),
            translate("VocabularyEditor", "category"),
            translate("VocabularyEditor", "The categories of the local services directory."),
            (
                translate("VocabularyEditor", "Baby bank"),
                translate("VocabularyEditor", "Food bank"),
                translate("VocabularyEditor", "Housing advice"),
            ),
        ),
    }


class TermModel(QAbstractTableModel):
    """Every term of one vocabulary (a short list, read whole), retired ones greyed."""

    def __init__(self, noun: str, parent: QObject | None = None):
        super().__init__(parent)
        self._terms: list[vocabularies.Term] = []
        self._titles = (noun, self.tr("Used by"), self.tr("Offered on forms"))

    def set_terms(self, terms: list[vocabularies.Term]) -> None:
        self.beginResetModel()
        self._terms = list(terms)
        self.endResetModel()

    def term(self, row: int) -> vocabularies.Term:
        return self._terms[row]

    def row_of(self, term_id: int) -> int:
        return next((i for i, t in enumerate(self._terms) if t.id == term_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._terms)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        term = self._terms[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return term.label
            if index.column() == 1:
                if not term.in_use:
                    return self.tr("No records")
                return self.tr("%n record(s)", "", term.in_use)
            return self.tr("Yes") if term.active else self.tr("No (retired)")
        if role == Qt.ItemDataRole.ForegroundRole and not term.active:
            return QColor(QUIET_COLOUR)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None


class VocabularyEditor(QDialog):
    """One editable list (needs by default): add, rename, retire, bring back, delete."""

    def __init__(self, vault: Vault, vocabulary: str = "need", parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self._vocabulary = vocabulary
        texts = list_texts()[vocabulary]
        self._term = texts.term
        self._examples = texts.examples
        self.setWindowTitle(texts.title)
        self.title = heading(texts.title, 2)
        self.explanation = note(
            texts.explanation
            + " "
            + self.tr(
                "Renaming a {term} changes it on every record that has it. A {term} that "
                "records use cannot be deleted: retire it, and it is no longer offered while "
                "those records keep it."
            ).format(term=texts.term)
        )
        self.model = TermModel(texts.term[:1].upper() + texts.term[1:], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table, texts.title)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name of the chosen {term}").format(term=texts.term))
        self.rename_button = QPushButton(self.tr("&Rename"))
        self.active_button = QPushButton(self.tr("Re&tire"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.name_message = MessageLabel()
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName(self.tr("Name of a new {term}").format(term=texts.term))
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_message = MessageLabel()
        self.message = MessageLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        for button in (self.rename_button, self.active_button, self.delete_button):
            button.setAutoDefault(False)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        chosen = QLabel(self.tr("&Chosen {term}").format(term=texts.term))
        chosen.setBuddy(self.name)
        grid.addWidget(chosen, 0, 0)
        grid.addWidget(self.name, 0, 1)
        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.active_button)
        row.addWidget(self.delete_button)
        grid.addLayout(row, 0, 2)
        grid.addWidget(self.name_message, 1, 1, 1, 2)
        new = QLabel(self.tr("&New {term}").format(term=texts.term))
        new.setBuddy(self.new_name)
        grid.addWidget(new, 2, 0)
        grid.addWidget(self.new_name, 2, 1)
        grid.addWidget(self.add_button, 2, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.add_message, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 560)

        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.name.textChanged.connect(self._enable)
        self.name.returnPressed.connect(self.rename)
        self.new_name.textChanged.connect(self._enable)
        self.new_name.returnPressed.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.active_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete)
        self.add_button.clicked.connect(self.add)
        self.reload()

    # -- reading -----------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the terms again; choose the term `select` (by id), else keep the choice."""
        current = self.current_term()
        keep = select if select is not None else (current.id if current else None)
        try:
            terms = vocabularies.terms(self._vault, self._vocabulary)
        except Exception as err:
            self.message.show_message(error_message(err))
            return
        self.model.set_terms(terms)
        self._suggest_an_example({term.label.casefold() for term in terms})
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._chosen()

    def _suggest_an_example(self, present: set[str]) -> None:
        """The hint in the New box: an example her list does not have yet, or none."""
        fresh = [example for example in self._examples if example.casefold() not in present]
        self.new_name.setPlaceholderText(
            self.tr("For example: {}").format(fresh[0]) if fresh else ""
        )

    def current_term(self) -> vocabularies.Term | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.term(rows[0].row()) if rows else None

    def _chosen(self, *_: object) -> None:
        term = self.current_term()
        self.name.setText(term.label if term else "")
        self.name_message.clear_message()
        self.active_button.setText(
            self.tr("Bring &back") if term is not None and not term.active else self.tr("Re&tire")
        )
        self._enable()

    def _enable(self) -> None:
        term = self.current_term()
        self.name.setEnabled(term is not None)
        typed = " ".join(self.name.text().split())
        self.rename_button.setEnabled(term is not None and bool(typed) and typed != term.label)
        self.active_button.setEnabled(term is not None)
        self.delete_button.setEnabled(term is not None)
        self.add_button.setEnabled(bool(self.new_name.text().strip()))

    # -- changes -----------------------------------------------------------------------------

    def add(self) -> None:
        if not self.new_name.text().strip():
            return
        try:
            term_id = vocabularies.add_term(self._vault, self._vocabulary, self.new_name.text())
        except Invalid as err:
            self.add_message.show_message(str(err))
            return
        except Exception as err:
            self.add_message.show_message(error_message(err))
            return
        operations().notify({Kind.VOCABULARY})
        label = " ".join(self.new_name.text().split())
        self.new_name.clear()
        self.reload(select=term_id)
        self.add_message.show_message(self.tr("Added “{label}”.").format(label=label), "success")

    def rename(self) -> None:
        term = self.current_term()
        if term is None or not self.rename_button.isEnabled():
            return
        if self._run(vocabularies.rename_term, term.id, self.name.text()):
            self.reload(select=term.id)
            self.name_message.show_message(self.tr("Renamed."), "success")

    def toggle_active(self) -> None:
        term = self.current_term()
        if term is None:
            return
        if self._run(vocabularies.set_term_active, term.id, not term.active):
            self.reload(select=term.id)
            self.name_message.show_message(
                self.tr("Retired: no longer offered on forms.")
                if term.active
                else self.tr("Offered on forms again."),
                "success",
            )

    def delete(self) -> None:
        term = self.current_term()
        if term is None:
            return
        if term.in_use:  # the service refuses too; say so without asking first
            self._run(vocabularies.delete_term, term.id)
            return
        if not self.confirm_delete(term.label):
            return
        if self._run(vocabularies.delete_term, term.id):
            self.reload()
            self.message.show_message(
                self.tr("Deleted “{label}”.").format(label=term.label), "success"
            )

    def confirm_delete(self, label: str) -> bool:
        self.confirm_box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete this {term}?").format(term=self._term),
            self.tr("Delete “{label}”? No record uses it.").format(label=label),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        delete = self.confirm_box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.AcceptRole)
        self.confirm_box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box.exec()
        return self.confirm_box.clickedButton() is delete

    def _run(self, change: Any, *args: Any) -> bool:
        """Make a change; show the service's message under the name when it is refused."""
        self.message.clear_message()
        try:
            change(self._vault, self._vocabulary, *args)
        except (Invalid, CannotDelete) as err:
            self.name_message.show_message(str(err))
            return False
        except RecordNotFound:
            self.reload()
            self.message.show_message(
                self.tr("That {term} is no longer there.").format(term=self._term)
            )
            return False
        except Exception as err:
            self.name_message.show_message(error_message(err))
            return False
        operations().notify({Kind.VOCABULARY})
        return True
