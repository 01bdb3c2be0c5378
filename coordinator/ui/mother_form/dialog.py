"""The mother form: one dialog per record, its sections in a scroll area.

Every change is checked with records.validate_mother; a field's message appears under it
once the user has left the field or paused typing (and updates live after that). Save is
enabled only when the form is valid and changed. Esc or Close with unsaved changes asks
Save / Discard / Cancel; a lock takes the values as a draft (draft_values/apply_values)
and closes the dialog without asking. Window titles never show her name.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import vocabularies
from coordinator.services.records.common import CannotDelete, FormInvalid, RecordNotFound
from coordinator.services.records.mother_form import (
    READ_ONLY,
    ConsentItem,
    MotherForm,
    ProfessionalItem,
    SafeguardingItem,
)
from coordinator.services.records.mothers import (
    blank_mother,
    delete_mother,
    load_mother,
    save_mother,
    validate_mother,
)
from coordinator.storage.vault import Vault
from coordinator.ui.form_parts.codec import apply_values, form_values
from coordinator.ui.form_parts.fields import Section
from coordinator.ui.mother_form.consents import ConsentSection
from coordinator.ui.mother_form.identity import IdentitySection, SafeContactSection
from coordinator.ui.mother_form.language import LanguageSection
from coordinator.ui.mother_form.monitoring import MonitoringSection
from coordinator.ui.mother_form.needs import NeedsSection
from coordinator.ui.mother_form.preferences import PreferencesSection
from coordinator.ui.mother_form.pregnancy import PregnancySection
from coordinator.ui.mother_form.professionals import ProfessionalsSection
from coordinator.ui.mother_form.referral import ReferralSection
from coordinator.ui.mother_form.safeguarding import SafeguardingSection
from coordinator.ui.widgets import ERROR_COLOUR, MessageLabel, heading, link_button, note
from coordinator.ui.worker import error_message

#: A field's message appears this long after the last keystroke in it.
PAUSE_MS = 700
SECTIONS_WIDTH = 170
ITEM_TYPES: dict[str, type] = {
    "consents": ConsentItem,
    "safeguarding_concerns": SafeguardingItem,
    "professionals": ProfessionalItem,
}


class MotherDialog(QDialog):
    saved = Signal(int)
    deleted = Signal(int)

    def __init__(
        self,
        vault: Vault,
        mother_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ):
        super().__init__(parent)
        self.vault = vault
        self.today = today or date.today()
        self.loaded: MotherForm = (
            load_mother(vault, mother_id) if mother_id is not None else blank_mother(self.today)
        )
        self.setWindowTitle(self.tr("Referral") if mother_id is None else self.tr("Record"))
        self.setSizeGripEnabled(True)
        self.resize(1060, 700)
        self.touched: set[str] = set()
        self._pending: set[str] = set()
        self._show_all = False
        self._may_close = False
        self.errors: dict[str, str] = {}

        self.sections = self._make_sections()
        self.title = heading("")
        self.summary = note()
        self.summary.setObjectName("summary")
        self.flag = note("", ERROR_COLOUR)
        self.restored = MessageLabel()
        self.message = MessageLabel()
        self.status = note()
        self.status.setObjectName("status")
        self.show_problems = link_button(self.tr("Show me"))
        self.show_problems.clicked.connect(self.reveal_problems)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setVisible(mother_id is not None)
        for button in (self.save_button, self.close_button, self.delete_button):
            button.setAutoDefault(False)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setShortcut("Ctrl+S")
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._paused)
        self._lay_out()
        for section in self.sections:
            section.edited.connect(self._edited)
            section.left.connect(self._left)
        self._show(self.loaded)
        #: The loaded record as the widgets give it back: "changed" means different from this.
        self._snapshot = form_values(self.current_form(), READ_ONLY)
        self._refresh()

    @property
    def mother_id(self) -> int | None:
        return self.loaded.id

    def _make_sections(self) -> list[Section]:
        v = self.vault
        terms = {name: vocabularies.active_terms(v, name) for name in ("need", "language")}
        terms["experience_tag"] = vocabularies.active_terms(v, "experience_tag")
        names = {name: vocabularies.labels(v, name) for name in terms}
        projects = vocabularies.project_choices(v)
        self.identity = IdentitySection()
        self.pregnancy = PregnancySection(self.today)
        self.referral = ReferralSection(projects, dict(projects))
        return [
            self.identity,
            SafeContactSection(),
            self.pregnancy,
            self.referral,
            NeedsSection(terms["need"], names["need"]),
            LanguageSection(terms["language"], names["language"]),
            PreferencesSection(terms["experience_tag"], names["experience_tag"]),
            ConsentSection(),
            SafeguardingSection(),
            ProfessionalsSection(),
            MonitoringSection(),
        ]

    def _lay_out(self) -> None:
        self.jump = QListWidget()
        self.jump.setFixedWidth(SECTIONS_WIDTH)
        self.jump.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.jump.setAccessibleName(self.tr("Sections of the form"))
        self.jump.setFrameShape(QFrame.Shape.NoFrame)
        self.jump.setStyleSheet(
            "QListWidget { background: palette(window); }QListWidget::item { padding: 5px 8px; }"
        )
        column = QWidget()
        sections = QVBoxLayout(column)
        sections.setContentsMargins(4, 0, 12, 12)
        sections.setSpacing(14)
        for section in self.sections:
            self.jump.addItem(section.title())
            section.setMaximumWidth(820)
            sections.addWidget(section)
        sections.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(column)
        self.jump.currentRowChanged.connect(self._jump_to)
        body = QHBoxLayout()
        body.addWidget(self.jump)
        body.addWidget(self.scroll, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.show_problems)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.flag)
        layout.addWidget(self.restored)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # -- values ------------------------------------------------------------------------------

    def current_form(self) -> MotherForm:
        """What the form shows now (read-only fields from the loaded record)."""
        form = copy.deepcopy(self.loaded)
        for section in self.sections:
            section.read(form)
        return form

    def _show(self, form: MotherForm) -> None:
        for section in self.sections:
            section.show_form(form)

    def is_changed(self) -> bool:
        return form_values(self.current_form(), READ_ONLY) != self._snapshot

    def draft_values(self) -> dict[str, Any] | None:
        """{"id": ..., "form": ...} when there are unsaved changes (for a lock), else None."""
        if not self.is_changed():
            return None
        return {"id": self.mother_id, "form": form_values(self.current_form(), READ_ONLY)}

    def apply_values(self, values: dict[str, Any], *, announce: bool = True) -> None:
        """Fill the form in with kept values (a draft) over the loaded record."""
        self._show(apply_values(copy.deepcopy(self.loaded), values, ITEM_TYPES, READ_ONLY))
        self.touched |= {key for section in self.sections for key in section.all_messages()}
        self._refresh()
        if announce and self.is_changed():
            self.restored.show_message(
                self.tr(
                    "Restored unsaved changes from before the lock (or from when Coordinator "
                    "last closed). Save them, or Close and choose Discard."
                ),
                "warning",
            )

    # -- checking ----------------------------------------------------------------------------

    def _edited(self, key: str) -> None:
        self._pending.add(key)
        if key == "stage" and self.referral.closed():
            self.touched.add("closure_reason")
        self._pause.start()
        self._refresh()

    def _left(self, key: str) -> None:
        self.touched.add(key)
        self._refresh()

    def _paused(self) -> None:
        self.touched |= self._pending
        self._pending.clear()
        self._refresh()

    def reveal_problems(self) -> None:
        """Show every message and go to the first field that needs correcting."""
        self._show_all = True
        self._refresh()
        for section in self.sections:
            for key in section.all_messages():
                if key in self.errors:
                    widget = section.widget_for(key) or section
                    self.scroll.ensureWidgetVisible(widget, 50, 80)
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    return

    def _refresh(self) -> None:
        form = self.current_form()
        self.errors = validate_mother(form, self.today)
        shown: set[str] = set()
        first = ""
        for section in self.sections:
            section.update_derived(form)
            for key, label in section.all_messages().items():
                problem = self.errors.get(key)
                shown.add(key)
                if problem and (self._show_all or key in self.touched):
                    label.show_message(problem)
                else:
                    label.clear_message()
                if problem and not first:
                    first = problem
        others = [m for k, m in self.errors.items() if k not in shown]
        if others:
            self.message.show_message(" ".join(others))
        elif self.message.text() and not self.message.property("keep"):
            self.message.clear_message()
        changed = self.is_changed()
        self.save_button.setEnabled(not self.errors and changed)
        count = len(self.errors)
        if count:
            self.status.setText(
                self.tr("To save: {first}").format(first=first or others[0])
                if count == 1
                else self.tr("To save, correct {count} fields. First: {first}").format(
                    count=count, first=first or others[0]
                )
            )
        else:
            self.status.setText(self.tr("Unsaved changes.") if changed else "")
        self.show_problems.setVisible(bool(count))
        self._show_heading(form)

    def _show_heading(self, form: MotherForm) -> None:
        name = form.full_name.strip() or (
            self.tr("New referral") if form.id is None else self.tr("No name")
        )
        if form.preferred_name.strip():
            name += f" ({form.preferred_name.strip()})"
        self.title.setText(name)
        self.summary.setText(self.pregnancy.derived.text() if form.edd or form.baby_dob else "")
        self.summary.setVisible(bool(self.summary.text()))
        flags = []
        if form.has_open_safeguarding:
            flags.append(self.tr("Open safeguarding concern"))
        if form.no_letters_home:
            flags.append(self.tr("No letters to her home address"))
        self.flag.setText(" · ".join(flags))
        self.flag.setVisible(bool(flags))

    def _jump_to(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.scroll.verticalScrollBar().setValue(self.sections[row].y())

    # -- saving, closing, deleting -----------------------------------------------------------

    def save(self) -> bool:
        form = self.current_form()
        try:
            mother_id = save_mother(self.vault, form, self.today)
        except FormInvalid:
            self.reveal_problems()
            return False
        except RecordNotFound:
            self.message.show_message(
                self.tr("This record was deleted meanwhile, so it cannot be saved.")
            )
            return False
        except Exception as err:  # an unwritable database: keep what was typed
            self.message.show_message(error_message(err) + " " + self.tr("Nothing was saved."))
            return False
        self._may_close = True
        self.saved.emit(mother_id)
        self.accept()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._may_close or not self.is_changed() or self._ask_before_closing():
            self._may_close = True
            event.accept()
            super().closeEvent(event)
        else:
            event.ignore()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.mother_id is None:  # a new referral: start typing her name
            self.identity.full_name.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # a saved record: nothing selected that a stray key could overwrite
            self.scroll.setFocus(Qt.FocusReason.OtherFocusReason)

    def done(self, result: int) -> None:
        """Closed for good (saved, discarded, or rejected by a lock): never ask again."""
        self._may_close = True
        super().done(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def _ask_before_closing(self) -> bool:
        """True when the dialog may close (saved, or discarded)."""
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this record before closing?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Discard:
            return True
        if answer == QMessageBox.StandardButton.Save:
            if self.errors:
                self.reveal_problems()
                return False
            return self.save()
        return False

    def delete(self) -> None:
        if self.mother_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete this record?"),
            self.tr(
                "Delete this record and everything recorded about her (consents, "
                "safeguarding, professionals)? This cannot be undone."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_mother(self.vault, self.mother_id)
        except CannotDelete as err:
            self.message.show_message(str(err))
            self.message.setProperty("keep", True)
            return
        except Exception as err:
            self.message.show_message(error_message(err))
            return
        self._may_close = True
        self.deleted.emit(self.mother_id)
        self.accept()
