"""The Mothers page on 50,000 mothers and 5,000 volunteers: typing in the search box,
opening the page, and the memory it takes.

- Search-as-you-type: a 4-letter name prefix typed one key at a time into the real page
  (debounce forced to 0), each keystroke timed from the key press to the model reset being
  processed (`reloaded`), and also to the first screenful painted (the rows fetched).
  Baseline in the same run: the raw FTS5 query for the same text on a SQLCipher connection,
  `SELECT rowid FROM mother_fts WHERE mother_fts MATCH ?`. Targets: 16 ms median per
  keystroke and within 10x the raw query.
- Opening the page: construct MothersPage, show it and paint the first rows. Baseline: a
  bare window with an empty QTableView. Target: 150 ms.
- Resident memory (VmRSS of a fresh process: the unlocked workspace with the Mothers list
  open and scrolled end to end): 250 MB.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QVBoxLayout, QWidget

from coordinator.storage.vault import open_vault
from coordinator.ui.pages.mothers_page import MothersPage
from tests.bench.conftest import demo_database, median_seconds
from tests.conftest import PASSPHRASE

SIZE = (1366 - 190, 740)  # the page's part of a 1366x768 window
PREFIXES = ("Sara", "Jess", "Amin")
ROUNDS = 7
KEY_TARGET_MS = 16.0
KEY_TARGET_RATIO = 10.0
OPEN_TARGET_MS = 150.0
RSS_TARGET_MB = 250.0


@pytest.fixture(scope="module")
def vault():
    path = demo_database(50_000, 5_000)
    with open_vault(path, PASSPHRASE, lock=False, check_pages=False) as opened:
        yield opened


def open_page(vault) -> MothersPage:
    page = MothersPage(vault)
    page.resize(*SIZE)
    page.show()
    page.table.viewport().repaint()  # the first screenful: its rows fetched and painted
    return page


def raw_fts_ms(vault, text: str, rounds: int = 21) -> float:
    query = '"' + text.replace('"', '""') + '"*'
    raw = vault.engine.raw_connection()
    try:
        cursor = raw.driver_connection

        def run() -> list:
            return cursor.execute(
                "SELECT rowid FROM mother_fts WHERE mother_fts MATCH ?", (query,)
            ).fetchall()

        run()
        median, _ = median_seconds(run, rounds)
    finally:
        raw.close()
    return median * 1000


def test_search_as_you_type_per_keystroke(benchmark, qapp, vault):
    page = open_page(vault)
    page.search_delay_ms = 0
    page.search.setFocus()
    reset_at: list[float] = []
    page.reloaded.connect(lambda: reset_at.append(time.perf_counter()))
    to_reset: dict[str, list[float]] = {}
    to_paint: dict[str, list[float]] = {}

    def type_prefix(word: str) -> None:
        page.search.clear()
        for n in range(1, len(word) + 1):
            reset_at.clear()
            started = time.perf_counter()
            QTest.keyClick(page.search, word[n - 1])
            page.table.viewport().repaint()
            painted = time.perf_counter()
            assert len(reset_at) == 1, "one model reset per keystroke"
            to_reset.setdefault(word[:n], []).append((reset_at[0] - started) * 1000)
            to_paint.setdefault(word[:n], []).append((painted - started) * 1000)

    def run() -> None:
        for word in PREFIXES:
            type_prefix(word)

    run()  # the page is open and warm, as it is for a coordinator on the phone
    to_reset.clear()
    to_paint.clear()
    benchmark.pedantic(run, rounds=ROUNDS, iterations=1)

    lines = []
    ratios = []
    for text in to_reset:
        raw = raw_fts_ms(vault, text)
        reset = statistics.median(to_reset[text])
        paint = statistics.median(to_paint[text])
        ratios.append(reset / raw)
        lines.append(
            f"  {text!r:7} reset {reset:6.2f} ms, painted {paint:6.2f} ms; raw FTS5 "
            f"{raw:5.2f} ms; ratio {reset / raw:4.1f}x"
        )
    keystrokes = [t for times in to_reset.values() for t in times]
    painted = [t for times in to_paint.values() for t in times]
    median_reset = statistics.median(keystrokes)
    median_paint = statistics.median(painted)
    raw_all = statistics.median([raw_fts_ms(vault, t) for t in to_reset])
    ratio = median_reset / raw_all
    benchmark.extra_info.update(
        {
            "keystroke_to_reset_median_ms": round(median_reset, 2),
            "keystroke_to_painted_median_ms": round(median_paint, 2),
            "raw_fts_median_ms": round(raw_all, 2),
            "ratio": round(ratio, 1),
            "worst_ratio": round(max(ratios), 1),
        }
    )
    print(f"\nsearch-as-you-type, per keystroke (median of {ROUNDS} rounds):")
    print("\n".join(lines))
    print(
        f"  all keystrokes: reset {median_reset:.2f} ms median, painted {median_paint:.2f} ms; "
        f"raw FTS5 {raw_all:.2f} ms; ratio {ratio:.1f}x "
        f"(targets {KEY_TARGET_MS:.0f} ms, {KEY_TARGET_RATIO:.0f}x)"
    )
    page.close()
    assert median_reset <= KEY_TARGET_MS
    assert ratio <= KEY_TARGET_RATIO, (
        f"{median_reset:.2f} ms per keystroke against {raw_all:.2f} ms for the raw FTS5 query"
    )


def test_opening_the_mothers_page(benchmark, qapp, vault):
    def bare() -> QWidget:
        window = QWidget()
        QVBoxLayout(window).addWidget(QTableView())
        window.findChild(QTableView).setModel(QStandardItemModel(0, 7))
        window.resize(*SIZE)
        window.show()
        window.repaint()
        return window

    base_median, _ = median_seconds(lambda: bare().close(), 11)
    pages: list[MothersPage] = []
    started = time.perf_counter()
    pages.append(open_page(vault))
    first_ms = (time.perf_counter() - started) * 1000
    benchmark.pedantic(lambda: pages.append(open_page(vault)), rounds=11, iterations=1)
    median_ms = benchmark.stats.stats.median * 1000
    base_ms = base_median * 1000
    shown = pages[-1].count_label.text()
    for page in pages:
        page.close()
        page.deleteLater()
    QApplication.processEvents()
    benchmark.extra_info.update(
        {"first_open_ms": round(first_ms, 1), "open_median_ms": round(median_ms, 1)}
    )
    print(
        f"\nopening the Mothers page ({shown}): first {first_ms:.1f} ms, then "
        f"{median_ms:.1f} ms median; bare window with a table {base_ms:.1f} ms "
        f"(ratio {median_ms / base_ms:.1f}x); target {OPEN_TARGET_MS:.0f} ms"
    )
    assert median_ms <= OPEN_TARGET_MS
    assert first_ms <= OPEN_TARGET_MS


#: Run in a fresh process, as the app: the unlocked workspace showing the Mothers list.
MEMORY_SCRIPT = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from coordinator.storage.vault import open_vault
from coordinator.ui.shell.workspace import Workspace

def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

before = rss()
vault = open_vault(sys.argv[1], sys.argv[2], lock=False)
workspace = Workspace(vault)
workspace.resize(1366, 740)
workspace.show()
started = time.perf_counter()
workspace.show_section(1)
page = workspace.page("mothers")
table = page.table
table.viewport().repaint()
cold_ms = (time.perf_counter() - started) * 1000
bar = table.verticalScrollBar()
for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 200)):
    bar.setValue(value)
    table.viewport().repaint()
app.processEvents()
print(before, rss(), cold_ms, page.count_label.text())
"""


def test_resident_memory_with_the_list_open(benchmark):
    path = demo_database(50_000, 5_000)

    def run() -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", MEMORY_SCRIPT, str(path), PASSPHRASE],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        return done.stdout.split(maxsplit=3)

    before, resident, cold, shown = benchmark.pedantic(run, rounds=1, iterations=1)
    resident_mb = float(resident)
    benchmark.extra_info.update({"rss_mb": round(resident_mb, 1)})
    print(
        f"\nresident memory, a fresh process with the workspace open on {shown.strip()} and "
        f"the list scrolled end to end (200 screenfuls): {resident_mb:.0f} MB "
        f"(Python + Qt before opening the database: {float(before):.0f} MB); "
        f"target {RSS_TARGET_MB:.0f} MB. In that fresh process the Mothers page first shown, "
        f"cold, in {float(cold):.0f} ms (target {OPEN_TARGET_MS:.0f} ms)"
    )
    assert resident_mb <= RSS_TARGET_MB
    assert float(cold) <= OPEN_TARGET_MS
