"""Log contacts, one after another, from the keyboard.

The dialog opens on a match (the one it was opened from) at now, with the medium and
support types of that match's last contact. Enter saves and clears the form for the next
contact, keeping the match chosen (type another mother's reference or name to change it).
In "Signposted to", Enter adds the service typed; a service not in the directory can be
added there and then. A contact marked "safeguarding escalated" opens a concern on the
mother's record, which the dialog offers to show.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator import models as m
from coordinator.services import contacts
from coordinator.services.changes import Kind
from coordinator.services.contacts import MEDIUM_LABELS, ContactInvalid
from coordinator.storage.vault import Vault
from coordinator.ui.dialogs.contact_services import ServicePicker
from coordinator.ui.kit.form_parts.fields import DateEdit, NumberEdit
from coordinator.ui.kit.operations import error_message, operations
from coordinator.ui.kit.widgets import MessageLabel, heading, link_button, note
from coordinator.ui.translations import word


def parse_time(text: str) -> time | None:
    """ "14:30", "1430", "9" (9 o'clock), "9.15" -> a time; None if it is not one."""
    typed = text.strip().replace(".", ":")
    if not typed:
        return None
    if ":" not in typed and typed.isdigit() and len(typed) in (3, 4):
        typed = f"{typed[:-2]}:{typed[-2:]}"
    hours, _, minutes = typed.partition(":")
    try:
        return time(int(hours), int(minutes or 0))
    except ValueError:
        return None


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (&W) goes to `widget`, for rows that hold several."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class ContactDialog(QDialog):
    #: A contact was saved (its id).
    saved = Signal(int)
    #: Show the mother's record at her safeguarding concerns (her id).
    concern_requested = Signal(int)

    def __init__(
        self,
        vault: Vault,
        match_id: int,
        parent: QWidget | None = None,
        *,
        now: datetime | None = None,
        contact_id: int | None = None,
    ):
        super().__init__(parent)
        self.vault, self.fixed_now = vault, now
        self.setWindowTitle(self.tr("Log contacts"))
        self.saved_count = 0
        self.last_mother: int | None = None
        self.matches = contacts.live_matches(vault, match_id=match_id)
        self.match = QComboBox()
        self.match.setEditable(True)
        self.match.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.match.setAccessibleName(self.tr("Match"))
        self.match.setMinimumContentsLength(44)
        for live in self.matches:
            self.match.addItem(live.label, live.match_id)
        self.match.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.match.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.match.currentIndexChanged.connect(self._match_chosen)
        self.match.installEventFilter(self)
        self.match.lineEdit().installEventFilter(self)
        self.match.completer().popup().installEventFilter(self)
        self.day = DateEdit()
        self.day.setAccessibleName(self.tr("Date"))
        self.at = QLineEdit()
        self.at.setAccessibleName(self.tr("Time"))
        self.at.setMaximumWidth(70)
        self.at.setPlaceholderText("hh:mm")
        self.medium = QComboBox()
        self.medium.setMinimumWidth(220)
        self.medium.setAccessibleName(self.tr("How"))
        for medium, label in MEDIUM_LABELS.items():
            self.medium.addItem(word(label), medium.value)
        self.attempted = QCheckBox(self.tr("&Attempted only (no answer)"))
        self.minutes = NumberEdit()
        self.minutes.setAccessibleName(self.tr("Minutes"))
        self.supports = {
            m.SupportType.ACTIVE_LISTENING: QCheckBox(self.tr("&Listening")),
            m.SupportType.INFORMATION: QCheckBox(self.tr("&Information")),
            m.SupportType.SIGNPOSTING: QCheckBox(self.tr("Si&gnposting")),
            m.SupportType.PRACTICAL: QCheckBox(self.tr("&Practical help")),
        }
        self.services = ServicePicker(vault)
        self.services.said.connect(self.message_said)
        self.services.chosen_changed.connect(self._services_chosen)
        self.reported_by = QComboBox()
        self.reported_by.setMaximumWidth(200)
        self.reported_by.setAccessibleName(self.tr("Reported by"))
        self.reported_by.addItem(self.tr("Volunteer"), m.ReportedBy.VOLUNTEER.value)
        self.reported_by.addItem(self.tr("Coordinator"), m.ReportedBy.COORDINATOR.value)
        self.concerns = QLineEdit()
        self.concerns.setAccessibleName(self.tr("Concerns raised"))
        self.follow_up = QLineEdit()
        self.follow_up.setAccessibleName(self.tr("Follow-up"))
        self.follow_up_done = DateEdit()
        self.follow_up_done.setAccessibleName(self.tr("Follow-up done on"))
        self.escalated = QCheckBox(
            self.tr("Safeguarding &escalated (opens a concern on her record)")
        )
        self.notes = QLineEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.mileage = QLineEdit()
        self.mileage.setAccessibleName(self.tr("Mileage"))
        self.mileage.setMaximumWidth(70)
        self.expenses = QLineEdit()
        self.expenses.setAccessibleName(self.tr("Expenses (£)"))
        self.expenses.setMaximumWidth(70)

        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(QLabel(self.tr("at")))
        when.addWidget(self.at)
        when.addStretch(1)
        how = QHBoxLayout()
        how.addWidget(self.medium)
        how.addWidget(self.attempted)
        how.addStretch(1)
        support = QHBoxLayout()
        for box in self.supports.values():
            support.addWidget(box)
        support.addStretch(1)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_up, 1)
        follow.addWidget(QLabel(self.tr("done on")))
        follow.addWidget(self.follow_up_done)
        money = QHBoxLayout()
        money.addWidget(self.mileage)
        money.addWidget(QLabel(self.tr("miles;  expenses £")))
        money.addWidget(self.expenses)
        money.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Match"), self.match)
        form.addRow(buddy(self.tr("&When *"), self.day), when)
        form.addRow(buddy(self.tr("&How"), self.medium), how)
        form.addRow(self.tr("Mi&nutes"), self.minutes)
        form.addRow(self.tr("Support given"), support)
        form.addRow(self.tr("Signposted &to"), self.services)
        form.addRow(self.tr("&Concerns raised"), self.concerns)
        form.addRow(buddy(self.tr("&Follow-up"), self.follow_up), follow)
        form.addRow("", self.escalated)
        form.addRow(self.tr("N&otes"), self.notes)
        form.addRow(buddy(self.tr("M&ileage"), self.mileage), money)
        form.addRow(self.tr("&Reported by"), self.reported_by)
        self.message = MessageLabel()
        self.tally = note()
        self.concern_link = link_button(self.tr("Show the safeguarding concern"))
        self.concern_link.clicked.connect(self._show_concern)
        self.concern_link.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(
            self.tr("Save and next"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        buttons.accepted.connect(self.save_and_next)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Log contacts"), 2))
        layout.addWidget(note(self.tr("Enter saves and starts the next one. Esc closes.")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.tally, 1)
        bottom.addWidget(self.concern_link)
        layout.addLayout(bottom)
        layout.addWidget(buttons)
        self.setMinimumWidth(760)
        self.editing_id: int | None = None
        index = self.match.findData(match_id)
        self.match.setCurrentIndex(max(index, 0))
        if contact_id is not None:
            self.show_entry(contacts.load_contact(vault, contact_id))
        else:
            self.start_next()

    # -- the entry ---------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.fixed_now or datetime.now()

    def match_id(self) -> int | None:
        return self.match.currentData()

    def _match_chosen(self) -> None:
        if self.editing_id is None and self.match_id() is not None:
            self.show_entry(contacts.blank_contact(self.vault, self.match_id(), self.now()))

    def choose_typed_match(self) -> bool:
        """Choose the match whose words hold what was typed in the Match box ("M0042",
        "zara"), then go on to the time; whether it was a new choice."""
        typed = self.match.currentText().strip().casefold()
        if typed == self.match.itemText(self.match.currentIndex()).casefold():
            return False
        self.match.completer().popup().hide()
        found = [i for i in range(self.match.count()) if typed in self.match.itemText(i).casefold()]
        if not found:
            self.message.show_message(self.tr("No match going on has those words."))
            return True
        self.match.setCurrentIndex(found[0])
        self.match.setEditText(self.match.itemText(found[0]))
        self._match_chosen()
        self.at.setFocus(Qt.FocusReason.OtherFocusReason)
        self.at.selectAll()
        return True

    def start_next(self) -> None:
        """An empty entry for the chosen match (its remembered medium and supports)."""
        self.editing_id = None
        match_id = self.match_id()
        if match_id is not None:
            self.show_entry(contacts.blank_contact(self.vault, match_id, self.now()))
        self.match.setFocus(Qt.FocusReason.OtherFocusReason)
        self.match.lineEdit().selectAll()

    def show_entry(self, entry: contacts.ContactEntry) -> None:
        self.editing_id = entry.id
        self.day.set_value(entry.contact_at.date())
        self.at.setText(f"{entry.contact_at:%H:%M}")
        self.medium.setCurrentIndex(max(0, self.medium.findData(entry.medium.value)))
        self.attempted.setChecked(not entry.made)
        self.minutes.set_value(entry.duration_minutes)
        for kind, box in self.supports.items():
            box.setChecked(kind in entry.supports)
        self.services.reload()
        self.services.set_chosen(entry.service_ids)
        self.services.line.clear()
        self.concerns.setText(entry.concerns)
        self.follow_up.setText(entry.follow_up)
        self.follow_up_done.set_value(entry.follow_up_done_on)
        self.escalated.setChecked(entry.safeguarding_escalated)
        self.notes.setText(entry.notes)
        self.mileage.setText("" if entry.mileage_miles is None else f"{entry.mileage_miles:g}")
        self.expenses.setText(
            "" if entry.expenses_pence is None else f"{entry.expenses_pence / 100:.2f}"
        )
        self.reported_by.setCurrentIndex(max(0, self.reported_by.findData(entry.reported_by.value)))

    def read(self) -> contacts.ContactEntry | str:
        """The entry as typed, or what to say about it."""
        match_id = self.match_id()
        if match_id is None or self.match.currentText() != self.match.itemText(
            self.match.currentIndex()
        ):
            return self.tr("Choose the match from the list (type her reference or name).")
        day = self.day.value()
        if not hasattr(day, "year"):
            return self.tr("Type the date as dd/mm/yyyy.")
        at = parse_time(self.at.text()) or (None if self.at.text().strip() else time(12))
        if at is None:
            return self.tr("Type the time as hh:mm (e.g. 14:30).")
        minutes = self.minutes.value()
        if isinstance(minutes, str):
            return self.tr("Give the length as a whole number of minutes.")
        done = self.follow_up_done.value()
        if isinstance(done, str):
            return self.tr("Type the follow-up's done date as dd/mm/yyyy.")
        try:
            mileage = float(self.mileage.text()) if self.mileage.text().strip() else None
            pounds = self.expenses.text().strip().lstrip("£")
            expenses = round(float(pounds) * 100) if pounds else None
        except ValueError:
            return self.tr("Give mileage and expenses as numbers (e.g. 12.5 and 4.80).")
        return contacts.ContactEntry(
            match_id,
            datetime.combine(day, at),
            m.ContactMedium(self.medium.currentData()),
            not self.attempted.isChecked(),
            minutes,
            tuple(kind for kind, box in self.supports.items() if box.isChecked()),
            tuple(self.services.chosen),
            self.concerns.text(),
            self.follow_up.text(),
            done,
            self.escalated.isChecked(),
            self.notes.text(),
            mileage,
            expenses,
            m.ReportedBy(self.reported_by.currentData()),
            self.editing_id,
        )

    def save_and_next(self) -> int | None:
        """Save the entry; then an empty one for the next contact. The saved contact's id."""
        entry = self.read()
        if isinstance(entry, str):
            self.message.show_message(entry)
            return None
        if self.services.pending() and not self.services.add_typed():
            return None
        entry = replace(entry, service_ids=tuple(self.services.chosen))
        try:
            contact_id = contacts.save_contact(self.vault, entry, now=self.now())
        except ContactInvalid as err:
            self.message.show_message(" ".join(err.problems.values()))
            return None
        except Exception as err:  # noqa: BLE001 (a storage fault: said, never raised)
            self.message.show_message(error_message(err))
            return None
        self.saved_count += 1
        live = next((x for x in self.matches if x.match_id == entry.match_id), None)
        concern = (
            contacts.concern_for(self.vault, contact_id) if entry.safeguarding_escalated else None
        )
        self.last_mother = concern[0] if concern else None
        self.concern_link.setVisible(concern is not None)
        self.message.show_message(
            self.tr("Saved: {who}, {when}.").format(
                who=live.label if live else "", when=f"{entry.contact_at:%d %b %H:%M}"
            ),
            "success",
        )
        self.tally.setText(self.tr("%n contact(s) saved in this window.", "", self.saved_count))
        changes = {Kind.CONTACT, Kind.ALERT, Kind.MATCH}
        if concern:
            changes.add(Kind.MOTHER)
        operations().notify(changes)
        self.saved.emit(contact_id)
        self.start_next()
        return contact_id

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        # Enter saves from any field; on a button it presses that button.
        focus = self.focusWidget()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not isinstance(focus, QAbstractButton)
            or (
                isinstance(focus, QCheckBox)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            )
        ):
            self.save_and_next()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Enter in the Match box (or its list of suggestions) chooses what was typed.
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched in (self.match, self.match.lineEdit(), self.match.completer().popup())
        ):
            popup = self.match.completer().popup()
            if popup.isVisible() and popup.currentIndex().isValid():
                self.match.setEditText(popup.currentIndex().data())
            popup.hide()
            if not self.choose_typed_match():
                self.save_and_next()
            return True
        return super().eventFilter(watched, event)

    def message_said(self, text: str, kind: str) -> None:
        self.message.show_message(text, kind)

    def _services_chosen(self, any_chosen: bool) -> None:
        if any_chosen:
            self.supports[m.SupportType.SIGNPOSTING].setChecked(True)

    def _show_concern(self) -> None:
        if self.last_mother is not None:
            self.concern_requested.emit(self.last_mother)
