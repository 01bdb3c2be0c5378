"""Settings kept in QSettings: window geometry and the last-opened path, nothing personal.

Every setting is declared once here, with its key, type and default. Settings that describe
the charity live inside the encrypted database, never here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
LAST_DATABASE = Setting("database/last_opened", str, "")


def read(settings: QSettings, setting: Setting) -> Any:
    value = settings.value(setting.key, setting.default)
    if value is None:
        return setting.default
    if not isinstance(value, setting.type):
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default
    return value


def write(settings: QSettings, setting: Setting, value: Any) -> None:
    settings.setValue(setting.key, value)


def last_database(settings: QSettings) -> Path | None:
    value = read(settings, LAST_DATABASE)
    return Path(value) if value else None


def remember_last_database(settings: QSettings, path: Path) -> None:
    write(settings, LAST_DATABASE, str(path))
