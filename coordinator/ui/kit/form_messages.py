"""Which of a form's messages are shown, and whether it may be saved (no Qt: tested alone).

A form's fields each have a message place under them. The record service says what is
wrong with the form as it is (its messages, by field key); this class decides what the user
sees of that:

- a field's message is shown once the user has left the field, or paused typing in it
  (the caller times the pause and calls `paused()`), and from then on kept current at
  every keystroke; until then she types undisturbed;
- `reveal()` (the "Show me" link, a restored draft, a refused Save) shows every message;
- what the service refused on Save that only it can know (a name already taken) is kept
  beside its field until that field is edited again, even though validation as-you-type
  does not find it;
- Save is possible only when something changed and nothing needs correcting;
- messages for keys with no place on the form are shown together elsewhere (rare).

The dialog feeds it events (edited, left, paused, reveal, refused) and asks for a
`MessageView` each time it redraws.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MessageView:
    """What the form shows now."""

    #: Every problem found, by field key (the service's and what Save was refused for).
    errors: dict[str, str]
    #: The messages to show under their fields now, by field key.
    shown: dict[str, str]
    #: Problems with no field of their own on the form, shown together.
    others: list[str]
    #: The first problem in the order of the form (else the first of `others`); "" if none.
    first: str
    changed: bool

    @property
    def can_save(self) -> bool:
        return self.changed and not self.errors

    @property
    def problem_count(self) -> int:
        return len(self.errors)

    @property
    def offer_reveal(self) -> bool:
        """Whether to offer "Show me": there is something to correct in an edited form."""
        return self.changed and bool(self.errors)


@dataclass
class FormMessages:
    #: Fields whose messages are shown (left, or typed in and paused).
    touched: set[str] = field(default_factory=set)
    #: Fields typed in since the last pause.
    pending: set[str] = field(default_factory=set)
    show_all: bool = False
    #: What the service refused on Save, by field key, until that field is edited.
    refused: dict[str, str] = field(default_factory=dict)

    def edited(self, key: str) -> None:
        """The user changed this field (its message waits for a pause or for leaving it)."""
        self.refused.pop(key, None)
        self.pending.add(key)

    def left(self, key: str) -> None:
        self.touched.add(key)

    def show_now(self, key: str) -> None:
        """Show this field's message from now on (a choice that makes another field needed)."""
        self.touched.add(key)

    def paused(self) -> None:
        """The user stopped typing: the fields typed in show their messages."""
        self.touched |= self.pending
        self.pending.clear()

    def reveal(self) -> None:
        """Show every message from now on."""
        self.show_all = True

    def refuse(self, errors: Mapping[str, str]) -> None:
        """Save was refused for these reasons: show them (and every other message)."""
        self.refused = dict(errors)
        self.show_all = True

    def is_shown(self, key: str) -> bool:
        return self.show_all or key in self.touched

    def view(
        self, problems: Mapping[str, str], fields: Iterable[str], changed: bool
    ) -> MessageView:
        """What to show, given the service's `problems` with the form as it is, the keys of
        the form's message places in their order (`fields`), and whether it changed."""
        errors = {**problems, **self.refused}
        order = list(fields)
        placed = set(order)
        shown = {key: errors[key] for key in order if key in errors and self.is_shown(key)}
        others = [text for key, text in errors.items() if key not in placed]
        in_order = [errors[key] for key in order if key in errors]
        first = in_order[0] if in_order else (others[0] if others else "")
        return MessageView(errors, shown, others, first, changed)
