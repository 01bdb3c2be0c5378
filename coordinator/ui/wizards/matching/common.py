"""What the matching screens share: points and dates as shown, a score bar, and the
breakdown of a score (each criterion's points and words, then the total)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QLocale, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from coordinator.models import MatchStatus
from coordinator.services.matching import Contribution, Criterion, criterion_label
from coordinator.services.records.labels import MATCH_STATUS_LABELS
from coordinator.ui.kit.widgets import ERROR_COLOUR, QUIET_COLOUR
from coordinator.ui.translations import translate, word

BAR_COLOUR = "#2f6fb3"
#: The model role holding a score as a share (0..1) of the best score shown.
SHARE_ROLE = Qt.ItemDataRole.UserRole + 1


def points_text(points: float, signed: bool = True) -> str:
    """'+12.5', '−3', '0': at most one decimal, as the engine rounds."""
    value = round(points, 1)
    text = QLocale().toString(abs(value), "f", 1 if value != int(value) else 0)
    if not signed:
        return text if value >= 0 else "−" + text
    if value > 0:
        return "+" + text
    return "−" + text if value < 0 else text


def score_text(score: float) -> str:
    return points_text(score, signed=False)


def long_date(day: date | None) -> str:
    """'3 Jan 2026', or '' for none."""
    return QLocale().toString(day, "d MMM yyyy") if day else ""


def criterion_name(criterion: Criterion | str) -> str:
    """The criterion's name as shown ("Distance"), translated; a code this version no
    longer knows is shown as it is."""
    try:
        return word(criterion_label(Criterion(criterion)))
    except ValueError:
        return str(criterion)


def person(name: str, reference: str) -> str:
    """'Jane Doe (M0042)'."""
    return f"{name} ({reference})" if reference else name


def status_word(status: str) -> str:
    """A match's status ("proposed") as shown ("Proposed")."""
    try:
        return word(MATCH_STATUS_LABELS[MatchStatus(status)])
    except ValueError:
        return status


def contributions_total(contributions: Iterable[Contribution]) -> float:
    return round(sum(c.points for c in contributions), 1)


class ScoreBarDelegate(QStyledItemDelegate):
    """The score as a number with a bar behind it, as long as its share of the best score."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        share = index.data(SHARE_ROLE)
        if isinstance(share, float) and share > 0:
            painter.save()
            rect: QRect = option.rect.adjusted(4, 5, -4, -5)
            rect.setWidth(max(2, int(rect.width() * min(share, 1.0))))
            colour = QColor(BAR_COLOUR)
            colour.setAlpha(70)
            painter.fillRect(rect, colour)
            painter.restore()
        super().paint(painter, option, index)


class Breakdown(QWidget):
    """Each criterion's points and why, one row each, then the total: the rows add up to
    the score shown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(2, 1)
        self.rows: list[tuple[str, str, str]] = []

    def show_contributions(self, contributions: Iterable[Contribution]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        shown = list(contributions)
        self.rows = []
        for row, contribution in enumerate(shown):
            cells = (
                criterion_name(contribution.criterion),
                points_text(contribution.points),
                contribution.why,
            )
            self.rows.append(cells)
            quiet = round(contribution.points, 1) == 0
            self._add_row(row, cells, quiet)
        total = translate("MatchingWizard", "Score")
        self._add_row(len(shown), (total, score_text(contributions_total(shown)), ""), bold=True)
        if not shown:
            empty = QLabel(translate("MatchingWizard", "No criterion counts in this run."))
            empty.setStyleSheet(f"color: {QUIET_COLOUR};")
            self.grid.addWidget(empty, len(shown) + 1, 0, 1, 3)

    def _add_row(
        self, row: int, cells: tuple[str, str, str], quiet: bool = False, bold: bool = False
    ) -> None:
        for column, text in enumerate(cells):
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(column == 2)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if column == 1:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                if text.startswith("−"):
                    label.setStyleSheet(f"color: {ERROR_COLOUR};")
            else:
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if column == 2:
                label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            if quiet and column != 1:
                label.setStyleSheet(f"color: {QUIET_COLOUR};")
            if bold:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            self.grid.addWidget(label, row, column)
