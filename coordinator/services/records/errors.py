"""The errors record services raise; str() of each is a plain message for the coordinator."""

from __future__ import annotations

from coordinator.services.validation import Invalid


class RecordNotFound(LookupError):
    """The record asked for is not there (deleted meanwhile, or a wrong id)."""

    def __init__(self, what: str = "record") -> None:
        super().__init__(f"That {what} is no longer in the database.")


class CannotDelete(Exception):
    """A record that must be kept; str() is a plain message for the coordinator."""


class FormInvalid(Invalid):
    """Save refused: `errors` maps each field name to the message to show beside it."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        count = len(self.errors)
        super().__init__(
            "1 field needs correcting." if count == 1 else f"{count} fields need correcting."
        )
