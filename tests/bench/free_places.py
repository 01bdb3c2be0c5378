"""The 50,000-mother demo with room in it: a copy in which every volunteer takes three more
mothers.

On the demo itself every volunteer who passes the checks is already full (it has a long
waiting list), so no waiting mother has a single candidate. On this copy a waiting mother
has from a handful to several hundred: what ranking and the wizard meet on a project with
places free. Made once, kept beside the demo.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from coordinator.storage.vault import open_vault
from tests.bench.conftest import demo_database
from tests.conftest import PASSPHRASE


def demo_with_free_places() -> Path:
    demo = demo_database(50_000, 5_000)
    path = demo.with_name(demo.stem + "-places.db")
    if not path.exists():
        partial = path.with_suffix(".partial")
        shutil.copyfile(demo, partial)
        with open_vault(partial, PASSPHRASE, lock=False, check_pages=False) as vault:
            with vault.engine.begin() as con:
                con.exec_driver_sql("UPDATE volunteer SET max_matches = min(10, max_matches + 3)")
            with vault.engine.connect() as con:
                con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        os.replace(partial, path)
    return path
