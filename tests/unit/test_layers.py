"""Dependencies point one way: models < storage < services < letters < cli, ui.

A module may import its own layer and the layers below it, never one above; the command line
and the desktop app sit side by side at the top and never import each other (the one door
between them is `coordinator.cli.run` starting the app). The desktop app never touches the
database directly: no module of `coordinator.ui` imports SQLAlchemy.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import coordinator

ROOT = Path(coordinator.__file__).parent
LAYERS = {"models": 0, "storage": 1, "services": 2, "letters": 3, "cli": 4, "ui": 4}
#: Modules beside the layers that every layer may use (paths, words, licences, the version).
SHARED = {"config", "words", "licences", "__init__", "__main__"}
#: The imports that cross between the two top layers on purpose.
ALLOWED_CROSSINGS = {("cli", "coordinator.ui.app")}


def imports_of(path: Path, root: Path = ROOT) -> set[str]:
    """Every coordinator module `path` imports, at the top or inside a function."""
    package = ".".join(("coordinator", *path.relative_to(root).parent.parts))
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            names.add(module)
            # `from coordinator import models` imports the package coordinator.models.
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return {n for n in names if n.startswith("coordinator.")}


def layer_of(module: str) -> str | None:
    part = module.split(".")[1]
    return part if part in LAYERS else None


def python_files() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "migrations" not in p.parts)


def test_the_tree_has_every_layer():
    found = {p.relative_to(ROOT).parts[0] for p in python_files()}
    assert set(LAYERS) <= found


def _allowed(layer: str, name: str) -> bool:
    return any(
        layer == where and (name == module or name.startswith(module + "."))
        for where, module in ALLOWED_CROSSINGS
    )


def wrong_way_imports(root: Path, layer: str) -> list[str]:
    offenders = []
    for path in (root / layer).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for name in imports_of(path, root):
            target = layer_of(name)
            if target is None or target == layer or _allowed(layer, name):
                continue
            if LAYERS[target] >= LAYERS[layer]:
                offenders.append(f"{path.relative_to(root)} imports {name}")
    return sorted(offenders)


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_no_layer_imports_a_layer_above_it(layer):
    assert wrong_way_imports(ROOT, layer) == []


def test_shared_modules_import_no_layer_but_models_words():
    offenders = []
    for name in SHARED - {"__init__", "__main__"}:
        path = ROOT / f"{name}.py"
        if not path.exists():
            continue
        for imported in imports_of(path):
            if layer_of(imported) is not None:
                offenders.append(f"{name}.py imports {imported}")
    assert offenders == []


def test_the_desktop_app_never_imports_sqlalchemy():
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)} imports {n}"
                for n in names
                if n.split(".")[0] == "sqlalchemy"
            ]
    assert offenders == []


def test_the_checker_sees_a_wrong_way_import(tmp_path):
    """The rule can fail: storage importing services, ui importing cli, both caught."""
    fake_root = tmp_path / "coordinator"
    for layer, text in (
        ("storage", "def f():\n    from coordinator.services import backups\n"),
        ("ui", "from ..cli import common\n"),
    ):
        (fake_root / layer).mkdir(parents=True)
        (fake_root / layer / "bad.py").write_text(text, encoding="utf-8")
    assert wrong_way_imports(fake_root, "storage") == [
        "storage/bad.py imports coordinator.services",
        "storage/bad.py imports coordinator.services.backups",
    ]
    assert "ui/bad.py imports coordinator.cli.common" in wrong_way_imports(fake_root, "ui")
