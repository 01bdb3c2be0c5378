"""UI fixtures: a private QSettings file, a factory for shown main windows, and the temp
and user folders watched for files nothing should write."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def ui_settings(tmp_path) -> QSettings:
    """QSettings in a file of this test's own, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _no_user_settings(tmp_path, monkeypatch) -> None:
    """What the app reads from default QSettings (the folder of the last spreadsheet) comes
    from a file of the test's own, never the user's settings or registry."""
    from coordinator.ui import settings as ui_settings

    own = str(tmp_path / "default-settings.ini")
    monkeypatch.setattr(
        ui_settings, "QSettings", lambda: QSettings(own, QSettings.Format.IniFormat)
    )


@pytest.fixture
def make_window(qtbot, ui_settings):
    """make_window(path, keystore) -> a shown MainWindow, closed (and its vault with it) after."""
    from coordinator.ui.shell.main_window import MainWindow

    windows: list[MainWindow] = []  # kept alive for the whole test; qtbot holds weak refs

    def make(path: Path, keystore, settings: QSettings | None = None) -> MainWindow:
        window = MainWindow(path, keystore, settings if settings is not None else ui_settings)
        qtbot.addWidget(window)
        windows.append(window)
        with qtbot.waitExposed(window):
            window.show()
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture(scope="session", autouse=True)
def translations(qapp):
    """The app's translators, as run_app installs them (English plural forms)."""
    from coordinator.ui.translations import install_translations

    installed = install_translations(qapp)
    assert installed, "resources/translations/coordinator_en.qm is missing"
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def operations_runner(qapp):
    """Operations run synchronously (their outcome still arrives from the event loop), and
    a test fails if it leaves one running."""
    from coordinator.ui.kit.operations import SyncRunner, use_runner

    ops = use_runner(SyncRunner())
    yield ops
    from coordinator.ui.kit import operations as module

    qapp.processEvents()  # outcomes already made arrive now
    still = [op.objectName() for op in module.operations().running()]
    assert not still, f"operations still running at the end of the test: {still}"


@pytest.fixture
def held_runner(operations_runner):
    """Operations wait until the test calls release() (see tests/ui/runners.py)."""
    from coordinator.ui.kit.operations import use_runner
    from tests.ui.runners import HeldRunner

    runner = HeldRunner()
    use_runner(runner)
    return runner


def _snapshot(folder: Path) -> set[str]:
    return {str(p) for p in folder.rglob("*")} if folder.exists() else set()


@pytest.fixture
def watched(tmp_path, monkeypatch):
    """The temp folder and the user's folders (her home, where Documents and the desktop
    are), watched: calling it gives what appeared in each since the test began."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    home = Path(os.environ["HOME"])
    before = (_snapshot(temp), _snapshot(home))
    return lambda: (_snapshot(temp) - before[0], _snapshot(home) - before[1])
