"""The core (models, storage, services, letters) never imports Qt, nor do the parts of the UI
kept Qt-free so that they can be tested without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import coordinator

CORE = ("models", "storage", "services", "letters")
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
ROOT = Path(coordinator.__file__).parent
#: UI modules that hold plain state and decisions, tested in tests/unit.
QT_FREE_UI = ("coordinator.ui.kit.form_messages",)


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt():
    offenders = []
    for package in CORE:
        for path in (ROOT / package).rglob("*.py"):
            for name in _imported_modules(path):
                if name.split(".")[0] in QT:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = sorted(
        ".".join(("coordinator", *p.relative_to(ROOT).with_suffix("").parts))
        for package in CORE
        for p in (ROOT / package).rglob("*.py")
        if "migrations" not in p.parts
    )
    assert len(modules) > 10
    modules += QT_FREE_UI
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m.removesuffix('.__init__'))\n"
        f"print([m for m in sys.modules if m.split('.')[0] in {QT!r}])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
