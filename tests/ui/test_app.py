"""Starting the app without a screen: one plain sentence and exit code 2, never a Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coordinator.ui.app import DISPLAY_VARIABLES, run_app

ROOT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the display check is for Linux and the BSDs"
)


@linux_only
def test_run_app_without_a_display_says_so_and_returns_2(monkeypatch, capsys, tmp_path):
    for name in DISPLAY_VARIABLES:
        monkeypatch.delenv(name, raising=False)

    assert run_app(tmp_path / "x.db") == 2

    err = capsys.readouterr().err.strip()
    assert err.startswith("Coordinator needs a desktop screen")
    assert len(err.splitlines()) == 1
    assert not (tmp_path / "x.db").exists()


@linux_only
def test_coordinator_command_without_a_display_exits_2_with_one_sentence(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    path = tmp_path / "x.db"

    done = subprocess.run(
        [sys.executable, "-m", "coordinator", "--db", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("Coordinator needs a desktop screen to open its window")
    assert "coordinator --help" in lines[0]
    assert "qt." not in done.stderr.lower() and "abort" not in done.stderr.lower()
    assert not path.exists()
