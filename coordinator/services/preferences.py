"""How the app behaves for this charity, kept in the encrypted database: auto-lock, and how
often volunteers' DBS checks are renewed.

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


DBS_RENEWAL_RANGE = (settings.DBS_RENEWAL_YEARS.minimum, settings.DBS_RENEWAL_YEARS.maximum)


def dbs_renewal_years(vault: Vault) -> int:
    """Years after its issue date that a volunteer's DBS check falls due (the policy)."""
    with vault.session() as session:
        return settings.get(session, settings.DBS_RENEWAL_YEARS)


def set_dbs_renewal_years(vault: Vault, years: int) -> None:
    """Change the renewal policy; ValueError outside DBS_RENEWAL_RANGE. Checks already
    saved keep their dates: the policy fills the date of checks saved from now on."""
    with vault.transaction() as session:
        if settings.get(session, settings.DBS_RENEWAL_YEARS) == years:
            return
        settings.put(session, settings.DBS_RENEWAL_YEARS, years)
        audit.record(
            session, AuditAction.UPDATE, entity_type="setting", fields=["dbs_renewal_years"]
        )
