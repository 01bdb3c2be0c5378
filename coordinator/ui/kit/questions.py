"""The questions a form asks before it loses something: delete this record? save before
closing? discard what cannot be saved yet? Each is a modal box the caller shows with exec();
the caller keeps it (tests answer it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

Button = QMessageBox.StandardButton


def delete_question(parent: QWidget, text: str) -> tuple[QMessageBox, QAbstractButton]:
    """Delete / Cancel, Cancel the default; the Delete button comes with it."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("questions", "Delete this record?"),
        text,
        Button.Cancel,
        parent,
    )
    delete = box.addButton(
        QCoreApplication.translate("questions", "&Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(Button.Cancel)
    return box, delete


def save_question(parent: QWidget, text: str) -> QMessageBox:
    """Save / Discard / Cancel, Save the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("questions", "Unsaved changes"),
        text,
        Button.Save | Button.Discard | Button.Cancel,
        parent,
    )
    # Qt's own words have no mnemonic on every platform: Alt+S and Alt+D answer it.
    box.button(Button.Save).setText(QCoreApplication.translate("questions", "&Save"))
    box.button(Button.Discard).setText(QCoreApplication.translate("questions", "&Discard"))
    box.setDefaultButton(Button.Save)
    return box


def discard_question(parent: QWidget, text: str) -> tuple[QMessageBox, QAbstractButton]:
    """Discard / Keep editing, for changes that cannot be saved as they are; Keep editing
    (which comes with it) is the default and what Escape does."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("questions", "Unsaved changes"),
        text
        + "\n\n"
        + QCoreApplication.translate(
            "questions", "Discard your changes, or keep editing and correct them?"
        ),
        Button.Discard,
        parent,
    )
    box.button(Button.Discard).setText(QCoreApplication.translate("questions", "&Discard"))
    keep = box.addButton(
        QCoreApplication.translate("questions", "&Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box, keep
