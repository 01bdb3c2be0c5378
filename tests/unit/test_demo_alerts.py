"""The demo database, made with the default seed, shows every kind of Today's alert, and
the DBS checks at each step of their warning (60, 30 and 7 days, expired)."""

from __future__ import annotations

from datetime import date

import pytest

from coordinator.services import attention
from coordinator.services.demo import fill_demo


@pytest.mark.parametrize("today", [date(2026, 3, 2), date(2026, 9, 14), date(2027, 1, 4)])
def test_the_default_demo_shows_every_alert(vault, today):
    fill_demo(vault, today=today)
    shown = attention.alerts(vault, today)
    assert {alert.kind for alert in shown} == set(attention.KIND_GROUP)
    dbs_left = {
        (alert.due - today).days for alert in shown if alert.kind.startswith("dbs") and alert.due
    }
    assert any(d < 0 for d in dbs_left), "expired"
    for within, beyond in ((7, 0), (30, 7), (60, 30)):
        assert any(beyond < d <= within for d in dbs_left), f"expiring within {within} days"
