"""What the matching screens share: points and dates as shown, a score bar, and the
breakdown of a score (each criterion's points and words, then the total)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape

from PySide6.QtCore import QLocale, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QStyle,
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
    value = round(float(points), 1)
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
    """The score as a number with a bar before it, as long as its share of the best score.
    The number keeps a space of its own at the right, so the bar never runs under it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        share = index.data(SHARE_ROLE)
        if not isinstance(share, float) or share <= 0:
            return
        number = option.fontMetrics.horizontalAdvance("000.0") + 12
        rect: QRect = option.rect.adjusted(6, 6, -number, -6)
        if rect.width() < 4:
            return
        rect.setWidth(max(2, int(rect.width() * min(share, 1.0))))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = QColor("white" if selected else BAR_COLOUR)
        colour.setAlpha(150 if selected else 90)
        painter.save()
        painter.fillRect(rect, colour)
        painter.restore()


class Breakdown(QLabel):
    """Each criterion's points and why, one row each, then the total: the rows add up to
    the score shown. (One rich-text label, so long reasons wrap to the width there is.)"""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        #: (criterion, points, why) as shown, then ("Score", total, "").
        self.rows: list[tuple[str, str, str]] = []

    def show_contributions(self, contributions: Iterable[Contribution]) -> None:
        shown = list(contributions)
        self.rows = [(criterion_name(c.criterion), points_text(c.points), c.why) for c in shown]
        total = (translate("MatchingWizard", "Score"), score_text(contributions_total(shown)), "")
        html = ['<table cellspacing="0" cellpadding="3" width="100%">']
        for (name, points, why), contribution in zip(self.rows, shown, strict=True):
            quiet = round(contribution.points, 1) == 0
            colour = QUIET_COLOUR if quiet else "palette(text)"
            points_colour = ERROR_COLOUR if contribution.points < 0 else colour
            html.append(
                f'<tr><td style="color:{colour}">{escape(name).replace(" ", "&nbsp;")}</td>'
                f'<td align="right" style="color:{points_colour}" nowrap>{escape(points)}</td>'
                f'<td style="color:{colour}" width="100%">{escape(why)}</td></tr>'
            )
        html.append(
            f"<tr><td><b>{escape(total[0])}</b></td>"
            f'<td align="right"><b>{escape(total[1])}</b></td><td></td></tr></table>'
        )
        if not shown:
            html.append(
                f'<p style="color:{QUIET_COLOUR}">'
                + escape(translate("MatchingWizard", "No criterion counts in this run."))
                + "</p>"
            )
        self.rows.append(total)
        self.setText("".join(html))
