"""Start the desktop app: check there is a screen, set up Qt, open the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from coordinator import APP_NAME, config
from coordinator.storage.keystore import KeyStore

#: Any of these tells Qt where to draw; without one, Qt would abort on Linux and the BSDs.
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def missing_display_message() -> str | None:
    """A plain sentence when there is no screen to open a window on, else None."""
    if not (sys.platform.startswith("linux") or "bsd" in sys.platform):
        return None
    if any(os.environ.get(name) for name in DISPLAY_VARIABLES):
        return None
    return QCoreApplication.translate(
        "app",
        "Coordinator needs a desktop screen to open its window and none was found; run it "
        "from a desktop session, or use the command line (coordinator --help).",
    )


def configure_application_names() -> None:
    """Names that put QSettings in the per-user config folder, as an INI file everywhere."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


def starting_path(settings: QSettings) -> Path:
    """COORDINATOR_DB, else the last database opened (if it is still there), else the default."""
    from coordinator.ui.settings import last_database

    if os.environ.get(config.ENV_DB):
        return config.resolve_db_path()
    last = last_database(settings)
    if last is not None and last.exists():
        return last
    return config.default_db_path()


def run_app(db_path: Path | None = None, keystore: KeyStore | None = None) -> int:
    """Open the desktop app on db_path (see starting_path when None); returns the exit code."""
    problem = missing_display_message()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    configure_application_names()

    from PySide6.QtWidgets import QApplication

    from coordinator.ui.shell.error_handler import ErrorHandler
    from coordinator.ui.shell.main_window import MainWindow
    from coordinator.ui.translations import install_translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translations(app)  # the translators belong to the app
    settings = QSettings()
    path = Path(db_path).expanduser().absolute() if db_path else starting_path(settings)
    window = MainWindow(path, keystore if keystore is not None else KeyStore(), settings)
    handler = ErrorHandler(window, window.lock)
    handler.install()
    window.show()
    try:
        return app.exec()
    finally:
        handler.uninstall()
