"""Letters… for one mother: choose the letter, tick a summary's sections, choose where a
letter to her goes, preview it (made in memory), and see the letters she has had.

The safety rules are the service's; this dialog shows them before she asks (a refused
address is disabled with its reason) and again if the service refuses."""

from __future__ import annotations

import getpass
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coordinator import letters as made
from coordinator.services import letters as L
from coordinator.services.changes import Kind
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import operations
from coordinator.ui.kit.widgets import MessageLabel, heading, note
from coordinator.ui.letters.preview import LetterPreview
from coordinator.ui.translations import word

CHOICES = (
    L.LetterKind.REFERRAL_SUMMARY,
    L.LetterKind.ACKNOWLEDGEMENT,
    L.LetterKind.INTRODUCTION,
    L.LetterKind.ENDING_PLANNED,
    L.LetterKind.ENDING_UNPLANNED,
)


class LettersDialog(QDialog):
    def __init__(
        self,
        vault: Vault,
        mother_id: int,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        kind: L.LetterKind | None = None,
    ):
        super().__init__(parent)
        self.vault = vault
        self.today = today or date.today()
        self.options = L.letter_options(vault, mother_id)
        if self.options is None:
            raise LookupError("That mother is no longer in the database.")
        self.mother_id = mother_id
        self.preview: LetterPreview | None = None
        self.safeguarding_confirmed = False
        name = self.options.name
        self.setWindowTitle(self.tr("Letters"))
        title = heading(self.tr("Letters for {name}").format(name=name), 2)

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Letter"))
        for choice in CHOICES:
            self.kind.addItem(word(L.LETTER_LABELS[choice]), choice)
        self.made_by = QLineEdit(getpass.getuser())
        self.made_by.setAccessibleName(self.tr("Made by"))
        top = QFormLayout()
        top.addRow(self.tr("&Letter"), self.kind)
        top.addRow(self.tr("Made &by"), self.made_by)

        self.summary_box = self._build_summary()
        self.address_box = self._build_addresses()
        self.message = MessageLabel()
        self.preview_button = QPushButton(self.tr("&Preview…"))
        self.preview_button.setDefault(True)
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.preview_button)
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Letters she has had"))
        self.history.setMinimumHeight(90)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.summary_box)
        layout.addWidget(self.address_box)
        layout.addLayout(buttons)
        layout.addWidget(heading(self.tr("Letters made for her"), 3))
        layout.addWidget(self.history, 1)  # the spare height, whichever boxes are shown

        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.preview_button.clicked.connect(self.make)
        close.clicked.connect(self.reject)
        if kind is not None and self.kind.findData(kind) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        self._kind_chosen()
        self.load_history()
        self.resize(620, 640)

    # -- parts -------------------------------------------------------------------------------

    def _build_summary(self) -> QGroupBox:
        box = QGroupBox(self.tr("Referral summary"))
        self.sections: dict[L.Section, QCheckBox] = {}
        grid = QVBoxLayout()
        for section in L.Section:
            check = QCheckBox(word(L.SECTION_LABELS[section]))
            check.setChecked(section in (L.Section.IDENTITY, L.Section.REFERRAL, L.Section.NEEDS))
            self.sections[section] = check
            grid.addWidget(check)
        self.sections[L.Section.SAFEGUARDING].toggled.connect(self._safeguarding_ticked)
        grid.addWidget(note(self.tr("Supervision notes about volunteers are never included.")))
        referrer = self.options.referrer or self.tr("no referrer recorded")
        self.to_referrer = QRadioButton(self.tr("To her referrer: {who}").format(who=referrer))
        self.to_referrer.setEnabled(bool(self.options.referrer))
        self.to_other = QRadioButton(self.tr("To someone else:"))
        (self.to_referrer if self.options.referrer else self.to_other).setChecked(True)
        self.other_name = QLineEdit()
        self.other_name.setPlaceholderText(self.tr("Name"))
        self.other_name.setAccessibleName(self.tr("Name of the person it is for"))
        self.other_org = QLineEdit()
        self.other_org.setPlaceholderText(self.tr("Service or organisation"))
        self.other_org.setAccessibleName(self.tr("Their service or organisation"))
        other = QHBoxLayout()
        other.addWidget(self.to_other)
        other.addWidget(self.other_name, 1)
        other.addWidget(self.other_org, 1)
        grid.addWidget(self.to_referrer)
        grid.addLayout(other)
        self.consent_note = MessageLabel()
        self.acknowledge = QCheckBox(
            self.tr("I have checked that she agrees; make it anyway (this is recorded)")
        )
        grid.addWidget(self.consent_note)
        grid.addWidget(self.acknowledge)
        for widget in (self.to_referrer, self.to_other):
            widget.toggled.connect(self._recipient_changed)
        self.other_name.textEdited.connect(self._recipient_changed)
        self.other_org.textEdited.connect(self._recipient_changed)
        box.setLayout(grid)
        return box

    def _build_addresses(self) -> QGroupBox:
        box = QGroupBox(self.tr("Address"))
        column = QVBoxLayout()
        self.address_group = QButtonGroup(self)
        self.addresses: dict[L.AddressChoice, QRadioButton] = {}
        first_allowed = None
        for choice, why in self.options.addresses.items():
            label = word(L.ADDRESS_LABELS[choice])
            if choice == L.AddressChoice.SAFE and self.options.safe_address:
                label += ": " + self.options.safe_address
            radio = QRadioButton(label)
            radio.setEnabled(why is None)
            self.address_group.addButton(radio)
            self.addresses[choice] = radio
            column.addWidget(radio)
            if why is not None:
                reason = note(why)
                reason.setWordWrap(True)
                reason.setContentsMargins(24, 0, 0, 4)
                column.addWidget(reason)
                radio.setToolTip(why)
            elif first_allowed is None:
                first_allowed = radio
        if first_allowed is not None:
            first_allowed.setChecked(True)
        box.setLayout(column)
        return box

    # -- state -------------------------------------------------------------------------------

    def chosen_kind(self) -> L.LetterKind:
        return L.LetterKind(self.kind.currentData())

    def _kind_chosen(self) -> None:
        kind = self.chosen_kind()
        self.summary_box.setVisible(kind == L.LetterKind.REFERRAL_SUMMARY)
        self.address_box.setVisible(kind in L.TO_HER)
        self.message.clear_message()
        self._recipient_changed()

    def _recipient_changed(self) -> None:
        warning = self.options.referrer_consent_warning if self.to_referrer.isChecked() else None
        self._show_consent_warning(warning)

    def _show_consent_warning(self, warning: str | None) -> None:
        if warning:
            self.consent_note.show_message(warning, "warning")
        else:
            self.consent_note.clear_message()
        self.acknowledge.setVisible(bool(warning))
        if not warning:
            self.acknowledge.setChecked(False)

    def _safeguarding_ticked(self, ticked: bool) -> None:
        if not ticked:
            self.safeguarding_confirmed = False
            return
        answer = QMessageBox.question(
            self,
            self.tr("Include safeguarding?"),
            self.tr(
                "The summary will include her safeguarding concerns and their notes. Share "
                "them only with a professional who needs them. Include safeguarding?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        self.safeguarding_confirmed = answer == QMessageBox.StandardButton.Yes
        if not self.safeguarding_confirmed:
            self.sections[L.Section.SAFEGUARDING].setChecked(False)

    def request(self) -> L.LetterRequest:
        kind = self.chosen_kind()
        recipient = None
        if kind == L.LetterKind.REFERRAL_SUMMARY and self.to_other.isChecked():
            recipient = L.Recipient(self.other_name.text().strip(), self.other_org.text().strip())
        address = next(
            (c for c, radio in self.addresses.items() if radio.isChecked()), L.AddressChoice.NONE
        )
        return L.LetterRequest(
            kind,
            self.mother_id,
            address=address,
            sections=frozenset(s for s, check in self.sections.items() if check.isChecked()),
            safeguarding_confirmed=self.safeguarding_confirmed,
            recipient=recipient,
            consent_acknowledged=self.acknowledge.isVisible() and self.acknowledge.isChecked(),
            made_by=self.made_by.text(),
        )

    # -- making ------------------------------------------------------------------------------

    def make(self) -> LetterPreview | None:
        """Make the letter (recorded on her record) and show it; None when refused."""
        try:
            letter = made.make_letter(self.vault, self.request(), today=self.today)
        except L.LetterRefused as refused:
            if refused.needs_acknowledgement:
                self._show_consent_warning(refused.message)
                self.message.show_message(self.tr("Tick the box under the warning to go on."))
            else:
                self.message.show_message(refused.message)
            return None
        operations().notify({Kind.LETTER})
        self.load_history()
        label = word(L.LETTER_LABELS[self.chosen_kind()])
        self.message.show_message(
            self.tr("Made and recorded: {what}.").format(what=label), "success"
        )
        file_name = f"{self.chosen_kind().value.replace('_', '-')}-{self.options.reference}.pdf"
        preview = LetterPreview(letter.pdf, label, file_name, self)
        preview.finished.connect(preview.deleteLater)
        self.preview = preview
        preview.open()
        return preview

    def load_history(self) -> None:
        from coordinator.letters import uk_date

        self.history.clear()
        rows = L.letters_for_mother(self.vault, self.mother_id)
        for row in rows:
            when = uk_date(row.sent_on) if row.sent_on else ""
            text = f"{when} · {word(row.label)} · {row.to}"
            if row.sections:
                text += " · " + ", ".join(word(L.SECTION_LABELS[s]) for s in row.sections)
            if row.made_by:
                text += " · " + self.tr("made by {who}").format(who=row.made_by)
            self.history.addItem(text)
        if not rows:
            self.history.addItem(self.tr("No letters yet."))
