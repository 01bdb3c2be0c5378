"""Letter wording: placeholders known to a letter fill in, unknown ones are refused when
the wording is saved (so printing never meets one)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator.services.letters import (
    PLACEHOLDERS,
    WORDED,
    LetterKind,
    WordingRefused,
    check_wording,
    default_wording,
    load_wording,
    save_wording,
)
from coordinator.services.letters.wording import PLACEHOLDER, fill
from tests.letters.samples import VALUES

words = st.text(alphabet="abcdefghij ,.Zoë", min_size=1, max_size=20).filter(str.strip)


@pytest.mark.parametrize("kind", WORDED)
def test_every_default_wording_is_accepted_and_fills_completely(kind):
    wording = default_wording(kind)
    assert check_wording(kind, wording) == wording
    filled = fill(wording, VALUES)
    printed = " ".join([filled.subject, filled.salutation, filled.closing, *map(str, filled.body)])
    assert not PLACEHOLDER.search(printed)


@given(
    kind=st.sampled_from(WORDED),
    name=st.from_regex(r"[a-z]{1,8}\.[a-z_]{1,12}", fullmatch=True),
    before=words,
)
def test_a_placeholder_the_letter_does_not_know_is_refused(kind, name, before):
    wording = f"Dear you,\n\n{before} {{{name}}}\n\nBye,"
    if name in PLACEHOLDERS[kind]:
        assert check_wording(kind, wording)
    else:
        with pytest.raises(WordingRefused, match="does not know"):
            check_wording(kind, wording)


@given(kind=st.sampled_from(WORDED), data=st.data())
def test_known_placeholders_are_always_filled(kind, data):
    names = data.draw(st.lists(st.sampled_from(sorted(PLACEHOLDERS[kind])), max_size=5))
    middle = " and ".join("{" + n + "}" for n in names) or "nothing"
    filled = fill(f"Hello,\n\nAbout {middle}.\n\nBye,", VALUES)
    assert all(not PLACEHOLDER.search(str(block)) for block in filled.body)


def test_the_volunteers_full_name_is_not_a_placeholder_at_all():
    for kind in WORDED:
        assert "volunteer.full_name" not in PLACEHOLDERS[kind]


def test_saved_wording_is_kept_and_none_restores_the_default(vault):
    mine = "Subject: Hi\n\nDear {mother.preferred_name},\n\nSee you soon.\n\nLove,\n"
    save_wording(vault, LetterKind.INTRODUCTION, mine)
    assert load_wording(vault, LetterKind.INTRODUCTION) == mine
    with pytest.raises(WordingRefused):
        save_wording(vault, LetterKind.INTRODUCTION, "Dear {mother.surname},\n\nx\n\ny")
    assert load_wording(vault, LetterKind.INTRODUCTION) == mine
    save_wording(vault, LetterKind.INTRODUCTION, None)
    assert load_wording(vault, LetterKind.INTRODUCTION) == default_wording(LetterKind.INTRODUCTION)
