"""A project's matching rules as saved in the database (defaults when none are saved)."""

from __future__ import annotations

from coordinator.services.matching.rules import MatchingRules
from coordinator.services.sessions import Source
from coordinator.storage.vault import Vault


def load_rules(source: Source, project_id: int) -> MatchingRules:
    """The project's rules; the defaults for whatever it has not saved."""
    raise NotImplementedError


def save_rules(vault: Vault, project_id: int, rules: MatchingRules) -> None:
    """Save the project's rules (audited; names of what changed only)."""
    raise NotImplementedError
