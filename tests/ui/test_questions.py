"""The questions the forms ask: every answer but Cancel (Esc) has its Alt+letter."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from coordinator.ui.kit import questions


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def answers(box: QMessageBox) -> dict[str, str]:
    return {b.text().replace("&", ""): b.text() for b in box.buttons()}


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        (lambda p: questions.save_question(p, "Save?"), {"Save", "Discard", "Cancel"}),
        (lambda p: questions.discard_question(p, "Changed.")[0], {"Discard", "Keep editing"}),
        (lambda p: questions.delete_question(p, "Delete her?")[0], {"Delete", "Cancel"}),
    ],
)
def test_every_answer_but_cancel_has_a_mnemonic(parent, ask, expected):
    box = ask(parent)
    shown = answers(box)
    assert set(shown) == expected
    for plain, text in shown.items():
        if plain != "Cancel":
            assert "&" in text, plain
    mnemonics = [text[text.index("&") + 1].lower() for text in shown.values() if "&" in text]
    assert len(mnemonics) == len(set(mnemonics))  # no two answers on the same key
