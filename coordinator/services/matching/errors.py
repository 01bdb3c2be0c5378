"""What the matching services raise, with words for the user."""

from __future__ import annotations


class HardCheckFailed(Exception):
    """The volunteer fails at least one hard check for this mother; nothing was saved."""

    def __init__(self, reasons: tuple[str, ...]) -> None:
        super().__init__(" ".join(reasons))
        self.reasons = tuple(reasons)


class MatchRefused(Exception):
    """A lifecycle step that cannot be done; `message` says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
