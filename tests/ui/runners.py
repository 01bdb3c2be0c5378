"""Runners for operations in tests: work runs when the test says, on the test's thread."""

from __future__ import annotations

from collections.abc import Callable


class HeldRunner:
    """Holds every job until `release()`: the test sees the operation running (buttons
    disabled, closing refused), then lets it finish, with no threads and no waiting."""

    def __init__(self) -> None:
        self.held: list[tuple[str, Callable[[], None]]] = []
        #: Hold only the operations of these names (None: every one); others run at once.
        self.only: set[str] | None = None

    def start(self, job: Callable[[], None], name: str) -> None:
        if self.only is not None and name not in self.only:
            job()
        else:
            self.held.append((name, job))

    @property
    def names(self) -> list[str]:
        return [name for name, _job in self.held]

    def release(self, name: str | None = None) -> None:
        """Run the held jobs (only those called `name`, if given), oldest first."""
        keep = []
        for held_name, job in self.held:
            if name is None or held_name == name:
                job()
            else:
                keep.append((held_name, job))
        self.held = keep
