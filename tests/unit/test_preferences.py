"""Preferences kept in the encrypted database: the auto-lock time."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from coordinator.models import AuditEvent
from coordinator.services import preferences


def test_auto_lock_is_ten_minutes_until_changed(vault):
    assert preferences.auto_lock_minutes(vault) == 10
    assert preferences.AUTO_LOCK_RANGE == (1, 240)


def test_a_changed_auto_lock_time_is_kept_and_audited(vault):
    preferences.set_auto_lock_minutes(vault, 3)

    assert preferences.auto_lock_minutes(vault) == 3
    with vault.session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity_type == "setting"))
        assert [e.field_names for e in events] == [["auto_lock"]]


def test_setting_the_same_time_again_changes_nothing(vault):
    preferences.set_auto_lock_minutes(vault, 10)
    with vault.session() as session:
        assert (
            session.scalars(select(AuditEvent).where(AuditEvent.entity_type == "setting")).all()
            == []
        )


@pytest.mark.parametrize("minutes", [0, 241, -5])
def test_an_auto_lock_time_out_of_range_is_refused(vault, minutes):
    with pytest.raises(ValueError):
        preferences.set_auto_lock_minutes(vault, minutes)
    assert preferences.auto_lock_minutes(vault) == 10
