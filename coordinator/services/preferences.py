"""How the app behaves for this charity, kept in the encrypted database: auto-lock.

(Backup preferences live in coordinator.services.backups, beside the backups themselves.)
"""

from __future__ import annotations

from coordinator.models import AuditAction
from coordinator.services import audit, settings
from coordinator.storage.vault import Vault

AUTO_LOCK_RANGE = (settings.AUTO_LOCK_MINUTES.minimum, settings.AUTO_LOCK_MINUTES.maximum)


def auto_lock_minutes(vault: Vault) -> int:
    """Minutes without keyboard or mouse activity after which the window locks."""
    with vault.session() as session:
        return settings.get(session, settings.AUTO_LOCK_MINUTES)


def set_auto_lock_minutes(vault: Vault, minutes: int) -> None:
    """Change the idle time before locking; ValueError outside AUTO_LOCK_RANGE."""
    with vault.transaction() as session:
        if settings.get(session, settings.AUTO_LOCK_MINUTES) == minutes:
            return
        settings.put(session, settings.AUTO_LOCK_MINUTES, minutes)
        audit.record(session, AuditAction.UPDATE, entity_type="setting", fields=["auto_lock"])
