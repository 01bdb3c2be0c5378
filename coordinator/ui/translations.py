"""The app's translations: Qt .qm files in resources/translations, installed at start-up.

English is the language the strings are written in, but its plurals still need a file:
a count is written once, `self.tr("%n record(s)", "", n)`, and coordinator_en.qm holds
the English forms ("1 record", "2 records"), as Qt advises. A translation into another
language (coordinator_cy.qm, ...) is installed after it, for a user whose system
language it is, and wins where it has a word.

The words the core marks with N_() have no context (see coordinator/words.py);
the UI translates them with `word()`.

To bring the files up to date after changing strings: `make translations`, then fill in
any new plural forms in the .ts file (Qt Linguist, or by hand) and run it again.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from coordinator.words import CONTEXT

log = logging.getLogger(__name__)

FOLDER = "resources/translations"
#: The file name's start: coordinator_en.qm, coordinator_cy.qm, ...
PREFIX = "coordinator"


def translations_dir() -> Path | None:
    """resources/translations in the source tree, or in a frozen (PyInstaller) bundle."""
    candidates = [Path(__file__).resolve().parents[2] / FOLDER]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / FOLDER)
    return next((folder for folder in candidates if folder.is_dir()), None)


def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the English plural forms, then the user's language if there is a file for
    it; the translators installed (keep them: Qt does not own them)."""
    folder = translations_dir()
    if folder is None:
        log.warning("translations folder not found; counts will read '1 record(s)'")
        return []
    installed = []
    english = QTranslator(app)
    if english.load(f"{PREFIX}_en", str(folder)):
        app.installTranslator(english)
        installed.append(english)
    else:
        log.warning("the English plural forms could not be loaded")
    own = QTranslator(app)
    wanted = locale or QLocale()
    if wanted.language() != QLocale.Language.English and own.load(wanted, PREFIX, "_", str(folder)):
        app.installTranslator(own)
        installed.append(own)
    return installed


#: Qt's translate(context, text, disambiguation=None, n=-1) by a short name, for modules
#: that are not one QObject's: lupdate finds calls by this name. Write the context and the
#: text out in the call (literals): lupdate reads them from the source.
translate = QCoreApplication.translate


def word(text: str) -> str:
    """A word the core marked with N_() ("Mothers", a stage's name), translated."""
    return QCoreApplication.translate(CONTEXT, text)
