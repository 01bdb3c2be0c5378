"""A volunteer's supervision (confidential): past sessions on the left, newest first; the
session being written on the right. The matches discussed come from the attendees' current
matches, each with its prompts (last contact, open concerns, dependency flag, planned end);
flagged matches are ticked already. The next session's date follows the project's interval."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.models import SupervisionKind
from coordinator.services import supervision
from coordinator.services.changes import Kind
from coordinator.services.validation import Invalid, parse_date
from coordinator.storage.vault import Vault
from coordinator.ui.dialogs.people_picker import PeoplePicker
from coordinator.ui.kit.form_parts.fields import DateEdit, NumberEdit, uk_date
from coordinator.ui.kit.operations import error_message, operations
from coordinator.ui.kit.widgets import ERROR_COLOUR, MessageLabel, heading, note

ID_ROLE = Qt.ItemDataRole.UserRole


def text_box(name: str, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(52)
    return box


class SupervisionDialog(QDialog):
    saved = Signal(int)

    def __init__(
        self, vault: Vault, volunteer_id: int, *, today: date, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.vault, self.volunteer_id, self.today = vault, volunteer_id, today
        self.setWindowTitle(self.tr("Supervision (confidential)"))
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Sessions, newest first"))
        self.history.setFixedWidth(250)
        self.history.currentItemChanged.connect(self._history_chosen)
        self.new_button = QPushButton(self.tr("New session"))
        self.new_button.clicked.connect(self.new_session)
        self.held_on = DateEdit()
        self.held_on.setAccessibleName(self.tr("Held on"))
        self.one = QRadioButton(self.tr("One-to-one"))
        self.group = QRadioButton(self.tr("Group"))
        kinds = QButtonGroup(self)
        kinds.addButton(self.one)
        kinds.addButton(self.group)
        self.attendees = PeoplePicker(supervision.volunteer_choices(vault))
        self.attendees.changed.connect(self._attendees_changed)
        self.group.toggled.connect(self.attendees.setEnabled)
        self.supervisor = QLineEdit()
        self.supervisor.setAccessibleName(self.tr("Supervisor"))
        self.minutes = NumberEdit()
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Matches discussed"))
        self.matches.setFixedHeight(96)
        self.matches.setWordWrap(True)
        self.wellbeing = text_box(self.tr("Volunteer wellbeing"))
        self.boundaries = text_box(
            self.tr("Boundaries and dependency"),
            self.tr("Contact far above the norm, personal numbers shared, ending worries…"),
        )
        self.safeguarding = text_box(self.tr("Safeguarding"))
        self.training = text_box(self.tr("Training needs"))
        self.actions = QTableWidget(0, 4)
        self.actions.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Owner"), self.tr("Due"), self.tr("Done")]
        )
        # The action's words take the room left by the owner and the two dates.
        header = self.actions.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 150), (2, 110), (3, 110)):
            self.actions.setColumnWidth(column, width)
        self.actions.setFixedHeight(110)
        self.add_action = QPushButton(self.tr("Add action"))
        self.add_action.clicked.connect(lambda: self._action_row(supervision.ActionForm("")))
        self.next_due = DateEdit()
        self.next_due.setAccessibleName(self.tr("Next session due"))
        self.message = MessageLabel()

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.held_on)
        kind_row.addWidget(self.one)
        kind_row.addWidget(self.group)
        kind_row.addStretch(1)
        who_row = QHBoxLayout()
        who_row.addWidget(self.supervisor, 1)
        who_row.addWidget(note(self.tr("minutes")))
        who_row.addWidget(self.minutes)
        actions_row = QVBoxLayout()
        actions_row.addWidget(self.actions)
        actions_row.addWidget(self.add_action, 0, Qt.AlignmentFlag.AlignLeft)
        form = QFormLayout()
        form.addRow(self.tr("Held on *"), kind_row)
        form.addRow(self.tr("Volunteers"), self.attendees)
        form.addRow(self.tr("Supervisor"), who_row)
        form.addRow(self.tr("Matches discussed"), self.matches)
        form.addRow(self.tr("Wellbeing"), self.wellbeing)
        form.addRow(self.tr("Boundaries, dependency"), self.boundaries)
        form.addRow(self.tr("Safeguarding"), self.safeguarding)
        form.addRow(self.tr("Training needs"), self.training)
        form.addRow(self.tr("Actions"), actions_row)
        form.addRow(self.tr("Next session due"), self.next_due)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        left = QVBoxLayout()
        left.addWidget(heading(self.tr("Sessions"), 3))
        left.addWidget(self.history, 1)
        left.addWidget(self.new_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(
            self.tr("Save session"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(
            note(
                self.tr("About volunteers only: never printed or exported with a mother's record.")
            )
        )
        right.addWidget(scroll, 1)
        right.addWidget(self.message)
        right.addWidget(buttons)
        columns = QHBoxLayout(self)
        columns.addLayout(left)
        columns.addLayout(right, 1)
        self.resize(1100, 700)
        self.editing: int | None = None
        self._reload_history()
        self.new_session()

    # -- sessions ----------------------------------------------------------------------------

    def _reload_history(self, select: int | None = None) -> None:
        self.history.blockSignals(True)
        self.history.clear()
        for row in supervision.sessions_for(self.vault, self.volunteer_id):
            kind = self.tr("group") if row.kind is SupervisionKind.GROUP else self.tr("one-to-one")
            text = f"{row.held_on:%d %b %Y} · {kind}"
            if row.open_actions:
                text += self.tr(" · %n open action(s)", "", row.open_actions)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row.id)
            self.history.addItem(item)
            if row.id == select:
                self.history.setCurrentItem(item)
        self.history.blockSignals(False)

    def _history_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_form(supervision.load_session(self.vault, item.data(ID_ROLE)))

    def new_session(self) -> None:
        self.history.clearSelection()
        self.show_form(supervision.blank_session(self.vault, self.volunteer_id, self.today))
        self.held_on.setFocus()

    def show_form(self, form: supervision.SessionForm) -> None:
        self.editing = form.id
        self.held_on.set_value(form.held_on)
        (self.group if form.kind is SupervisionKind.GROUP else self.one).setChecked(True)
        self.attendees.setEnabled(form.kind is SupervisionKind.GROUP)
        self.attendees.set_chosen(form.attendee_ids)
        self.supervisor.setText(form.supervisor)
        self.minutes.set_value(form.duration_minutes)
        self._fill_matches(form.match_ids)
        self.wellbeing.setPlainText(form.wellbeing)
        self.boundaries.setPlainText(form.boundary_concerns or form.dependency_concerns)
        self.safeguarding.setPlainText(form.safeguarding)
        self.training.setPlainText(form.training_needs)
        self.actions.setRowCount(0)
        for action in form.actions:
            self._action_row(action)
        self.next_due.set_value(form.next_due_on)
        self.message.clear_message()

    def _attendees_changed(self) -> None:
        self._fill_matches(self.ticked_matches())

    def _fill_matches(self, ticked: list[int]) -> None:
        self.matches.clear()
        for prompt in supervision.match_prompts(self.vault, self.attendees.chosen, self.today):
            parts = [prompt.label]
            parts.append(
                self.tr("last contact {day}").format(day=f"{prompt.last_contact:%d %b}")
                if prompt.last_contact
                else self.tr("no contact logged")
            )
            if prompt.open_concerns:
                parts.append(self.tr("%n open concern(s)", "", prompt.open_concerns))
            if prompt.planned_end:
                parts.append(self.tr("ends {day}").format(day=f"{prompt.planned_end:%d %b %Y}"))
            if prompt.dependency:
                parts.append(self.tr("possible dependency: ") + "; ".join(prompt.dependency))
            item = QListWidgetItem(" · ".join(parts))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if prompt.match_id in ticked else Qt.CheckState.Unchecked
            )
            item.setData(ID_ROLE, prompt.match_id)
            if prompt.dependency:
                item.setForeground(QColor(ERROR_COLOUR))
            item.setToolTip(item.text())
            self.matches.addItem(item)

    def ticked_matches(self) -> list[int]:
        return [
            self.matches.item(i).data(ID_ROLE)
            for i in range(self.matches.count())
            if self.matches.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _action_row(self, action: supervision.ActionForm) -> None:
        row = self.actions.rowCount()
        self.actions.insertRow(row)
        cells = [
            action.text,
            action.owner,
            uk_date(action.due_on) if action.due_on else "",
            uk_date(action.done_on) if action.done_on else "",
        ]
        for column, value in enumerate(cells):
            item = QTableWidgetItem(value)
            item.setData(ID_ROLE, action.id)
            self.actions.setItem(row, column, item)
        if not action.text:
            self.actions.setCurrentCell(row, 0)
            self.actions.editItem(self.actions.item(row, 0))

    # -- saving ------------------------------------------------------------------------------

    def read(self) -> supervision.SessionForm | str:
        held = self.held_on.value()
        next_due = self.next_due.value()
        if not isinstance(held, date) or isinstance(next_due, str):
            return self.tr("Type the dates as dd/mm/yyyy.")
        actions = []
        for row in range(self.actions.rowCount()):
            cell = [(self.actions.item(row, c) or QTableWidgetItem("")).text() for c in range(4)]
            if not any(part.strip() for part in cell):
                continue
            try:
                due, done = parse_date(cell[2]), parse_date(cell[3])
            except Invalid:
                return self.tr("Type the actions' dates as dd/mm/yyyy.")
            action_id = (
                self.actions.item(row, 0).data(ID_ROLE) if self.actions.item(row, 0) else None
            )
            actions.append(supervision.ActionForm(cell[0], cell[1], due, done, None, action_id))
        minutes = self.minutes.value()
        if isinstance(minutes, str):
            return self.tr("Give the length as a whole number of minutes.")
        return supervision.SessionForm(
            held,
            SupervisionKind.GROUP if self.group.isChecked() else SupervisionKind.ONE_TO_ONE,
            list(self.attendees.chosen),
            self.ticked_matches(),
            self.supervisor.text(),
            minutes,
            self.wellbeing.toPlainText(),
            self.boundaries.toPlainText(),
            "",
            self.safeguarding.toPlainText(),
            self.training.toPlainText(),
            "",
            actions,
            next_due,
            self.editing,
        )

    def save(self) -> int | None:
        form = self.read()
        if isinstance(form, str):
            self.message.show_message(form)
            return None
        try:
            session_id = supervision.save_session(self.vault, form, today=self.today)
        except ValueError as err:
            self.message.show_message(str(err))
            return None
        except Exception as err:  # noqa: BLE001 (a storage fault: said, never raised)
            self.message.show_message(error_message(err))
            return None
        operations().notify({Kind.SUPERVISION, Kind.ALERT})
        self._reload_history(select=session_id)
        self.editing = session_id
        self.message.show_message(self.tr("Session saved."), "success")
        self.saved.emit(session_id)
        return session_id
