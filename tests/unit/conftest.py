"""Fixtures for the Qt-free tests: the command line run as a real subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path):
    """Run `python -m coordinator ARGS` with a private HOME and no terminal."""
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str, passphrase: str | None = PASSPHRASE, **env_extra: str):
        env = {k: v for k, v in os.environ.items() if not k.startswith("COORDINATOR_")}
        env.update(
            HOME=str(home),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            QT_QPA_PLATFORM="offscreen",
        )
        if passphrase is not None:
            env["COORDINATOR_PASSPHRASE"] = passphrase
        env.update(env_extra)
        return subprocess.run(
            [sys.executable, "-m", "coordinator", *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=300,
        )

    return run


@pytest.fixture
def fresh_db(tmp_path, _template_db) -> Path:
    """A copy of a freshly created database (saves an `init` run per test)."""
    path = tmp_path / "fresh.db"
    shutil.copyfile(_template_db, path)
    return path
