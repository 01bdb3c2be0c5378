"""The demo database, made with the default seed, shows every kind of Today's alert."""

from __future__ import annotations

from datetime import date

from coordinator.services import attention
from coordinator.services.demo import fill_demo

T = date(2026, 3, 2)


def test_the_default_demo_shows_every_alert(vault):
    fill_demo(vault, today=T)
    shown = {alert.kind for alert in attention.alerts(vault, T)}
    assert shown == set(attention.KIND_GROUP)
