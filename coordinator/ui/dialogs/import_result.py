"""The import dialog's last step: how many were imported, the rows that need fixing (row
number and reason), and saving those rows as a CSV report (plain text: the user is told)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.importing import ImportReport, Rejected
from coordinator.ui import settings as ui_settings
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.widgets import WARNING_COLOUR, MessageLabel, heading, note

AnyIndex = QModelIndex | QPersistentModelIndex


class RejectedModel(QAbstractTableModel):
    """The rows not imported: the spreadsheet row number and why."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Rejected] = []
        self._titles = (self.tr("Row"), self.tr("What needs fixing"))

    def set_rows(self, rows: list[Rejected]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(row.row) if index.column() == 0 else row.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None


class ImportResult(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.report: ImportReport | None = None
        self._source: Path | None = None
        self.title = heading("", 2)
        self.explanation = note()
        self.rejected_model = RejectedModel(self)
        self.rejected = QTableView()
        self.rejected.setModel(self.rejected_model)
        self.rejected.setAccessibleName(self.tr("Rows not imported"))
        self.rejected.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The whole reason is shown, wrapped: a row can have several problems.
        self.rejected.setWordWrap(True)
        self.rejected.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.rejected.verticalHeader().hide()
        self.rejected.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.rejected.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.save_button = QPushButton(self.tr("&Save this report…"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_report)
        self.warning = note(
            self.tr(
                "The report holds these rows as they are in the spreadsheet and is not "
                "encrypted: delete it once the rows are fixed."
            ),
            WARNING_COLOUR,
        )
        self.message = MessageLabel()
        self.notes = note()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.rejected, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.warning, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.notes)
        layout.addStretch(0)

    def show_report(self, report: ImportReport, source: Path | None) -> None:
        self.report, self._source = report, source
        self.title.setText(self.summary(report))
        self.rejected_model.set_rows(report.rejected)
        rejected = bool(report.rejected)
        for widget in (self.rejected, self.save_button, self.warning):
            widget.setVisible(rejected)
        self.explanation.setText(
            self.tr(
                "These rows were not imported. Fix them in the spreadsheet and import it "
                "again: the rows already imported are recognised and not added twice."
            )
            if rejected
            else self.tr("Every row was imported or was already there.")
        )
        self.message.clear_message()
        self.notes.setText("\n".join(report.notes))
        self.notes.setVisible(bool(report.notes))

    def summary(self, report: ImportReport) -> str:
        """'2 imported, 1 duplicate (already there), 3 rows need fixing'."""
        imported = self.tr("{n} imported").format(n=f"{report.imported:,}")
        return f"{imported}, {self.duplicates_and_fixing(report)}"

    def duplicates_and_fixing(self, report: ImportReport) -> str:
        """'1 duplicate (already there), 3 rows need fixing'."""
        dupes = len(report.duplicates)
        duplicates = (
            self.tr("1 duplicate (already there)")
            if dupes == 1
            else self.tr("{n} duplicates (already there)").format(n=f"{dupes:,}")
        )
        bad = len(report.rejected)
        fixing = (
            self.tr("1 row needs fixing")
            if bad == 1
            else self.tr("{n} rows need fixing").format(n=f"{bad:,}")
        )
        return f"{duplicates}, {fixing}"

    def save_report(self) -> None:
        if self.report is None:
            return
        source = self._source
        start = source.with_name(f"{source.stem} - rows to fix.csv") if source else None
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the rows to fix"),
            str(start or ui_settings.spreadsheet_folder() / "rows to fix.csv"),
            self.tr("CSV file (*.csv)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".csv":
            target = target.with_name(target.name + ".csv")
        try:
            saved = self.report.save_rejected(target)
        except Exception as err:
            self.message.show_message(error_message(err))
            return
        self.message.show_message(self.tr("Saved to {path}.").format(path=saved), "success")
