"""Every date box on the record forms checks what is typed, as it is typed, and never
raises: impossible dates, far-off years, words, NUL bytes and very long text all give
words beside the box (or are read as a date), and the form stays usable."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coordinator.ui.forms.mother_form import MotherDialog
from coordinator.ui.forms.volunteer_form import VolunteerFormDialog
from coordinator.ui.kit.form_parts.fields import DateEdit
from tests.ui.form_filling import new_form

TYPED = st.one_of(
    st.sampled_from(
        [
            "31/02/2026",
            "00/00/0000",
            "1/1/1",
            "29/2/2023",
            "31/12/9999",
            "01/01/0001",
            "12/13/2026",
            "2023/09/12",
            "3rd March 2027",
            "-1/-1/-1",
            "1e9",
            "\x00",
            "٣/٣/٢٠٢٦",
            "9" * 400,
            "next Tuesday",
            "31 Febtember 2026",
            " ",
            "/",
            "//",
        ]
    ),  # fmt: skip
    st.text(max_size=60),
    st.lists(st.sampled_from(["0", "1", "2", "9", "/", "-", ".", " ", "Jan", "a"])).map("".join),
)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(params=[MotherDialog, VolunteerFormDialog], ids=["mother", "volunteer"])
def form(request, qtbot, vault):
    dialog = new_form(qtbot, request.param, vault)
    dialog.show()
    return dialog


def date_boxes(form) -> list[tuple[str, DateEdit]]:
    boxes = []
    for section in form.sections:
        boxes += [(key, w) for key, w in section.fields.items() if isinstance(w, DateEdit)]
    return boxes


def test_each_form_has_date_boxes_to_try(form):
    assert len(date_boxes(form)) >= 2


@FUZZ
@given(text=TYPED)
def test_a_date_box_never_raises_and_a_problem_has_words(form, text):
    for key, box in date_boxes(form):
        box.setText(text)  # as typed: the live check runs
        form._paused()  # the pause in typing
        box.editingFinished.emit()  # leaving the box tidies it
        if key in form.errors:
            assert form.errors[key].strip()  # words to say what is wrong
        box.clear()
    form._paused()
