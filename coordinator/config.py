"""Paths and app-level settings that hold no personal data.

Settings that describe the charity live inside the encrypted database; window geometry and
the last-opened path live in QSettings (see coordinator.ui). This module only knows where
things are on disk and which environment variables the command line honours.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from coordinator import APP_NAME

ENV_DB = "COORDINATOR_DB"
ENV_PASSPHRASE = "COORDINATOR_PASSPHRASE"
ENV_NEW_PASSPHRASE = "COORDINATOR_NEW_PASSPHRASE"
ENV_BACKUP_PASSPHRASE = "COORDINATOR_BACKUP_PASSPHRASE"

DEFAULT_DB_NAME = "coordinator.db"


def data_dir() -> Path:
    """The per-user folder that holds the database by default."""
    return user_data_path(APP_NAME, appauthor=False, roaming=False)


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """--db PATH, else COORDINATOR_DB, else the default file in the user data folder."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser().absolute()
    return default_db_path()
