"""Settings kept in QSettings: window geometry and the last-opened path, nothing personal.

Every setting is declared once here, with its key, type and default. Settings that describe
the charity live inside the encrypted database, never here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
LAST_DATABASE = Setting("database/last_opened", str, "")
#: The folder a spreadsheet was last imported from or exported to.
SPREADSHEET_FOLDER = Setting("files/spreadsheet_folder", str, "")


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


def spreadsheet_folder(settings: QSettings | None = None) -> Path:
    """Where the import and export file dialogs start: the folder used last time, else
    Documents, else the home folder."""
    value = read(settings or QSettings(), SPREADSHEET_FOLDER)
    if value and Path(value).is_dir():
        return Path(value)
    return documents_folder()


def documents_folder() -> Path:
    """The user's Documents folder, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_spreadsheet_folder(chosen: Path, settings: QSettings | None = None) -> None:
    """Start the next import or export dialog in the folder of this chosen file."""
    write(settings or QSettings(), SPREADSHEET_FOLDER, str(Path(chosen).parent))
