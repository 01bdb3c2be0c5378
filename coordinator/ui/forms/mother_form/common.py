"""What the mother form's sections share: tr() in the form's own context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("MotherForm", text)
