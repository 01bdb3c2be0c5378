"""Words: every string the UI shows can be collected for translators (Qt's lupdate reads
them from the source, so they are literals in tr() calls), counts have plural forms, and
the core's marked words reach the translators too."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import coordinator
from coordinator.services.records import labels
from coordinator.services.status import COUNT_LABELS
from coordinator.ui.kit.export_action import records_text
from coordinator.ui.translations import translations_dir
from coordinator.words import CONTEXT

ROOT = Path(coordinator.__file__).parent
UI = ROOT / "ui"
ENGLISH_TS = Path(__file__).parents[2] / "resources" / "translations" / "coordinator_en.ts"
#: The one place that translates what is not a literal: the core's marked words.
WORD_FUNCTION = ("translations.py", "word")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} (it comes with PySide6) was not found"
    return found


def _lupdate(tmp_path: Path, *options: str, sources: list[Path]) -> ET.Element:
    ts = tmp_path / "collected.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *options, *map(str, sources), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    return ET.parse(ts).getroot()


def _messages(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _problems(source: str, name: str) -> list[str]:
    """What in this UI module's source lupdate would collect wrongly, or not at all."""
    tree = ast.parse(source)
    allowed: set[ast.AST] = set()
    if (Path(name).name, "word") == WORD_FUNCTION:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == WORD_FUNCTION[1]:
                allowed.update(ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or node in allowed:
            continue
        func = node.func
        where = f"{name}:{node.lineno}"
        if isinstance(func, ast.Name) and func.id in ("tr", "_tr"):
            found.append(f"{where}: a bare tr(), which lupdate gives no context")
        elif isinstance(func, ast.Attribute) and func.attr == "tr":
            if not (node.args and _is_text(node.args[0])):
                found.append(f"{where}: tr() of something that is not a literal")
        elif getattr(func, "attr", getattr(func, "id", None)) == "translate":
            if not (len(node.args) >= 2 and _is_text(node.args[0]) and _is_text(node.args[1])):
                found.append(f"{where}: translate() of something that is not a literal")
            elif len(node.args) > 3 or any(k.arg == "n" for k in node.keywords):
                found.append(f"{where}: a count through translate(), whose plural lupdate misses")
    return found


def test_every_tr_in_the_ui_has_a_literal_that_lupdate_can_collect():
    problems = [
        problem
        for path in sorted(UI.rglob("*.py"))
        for problem in _problems(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert problems == []


def _counting_classes(tree: ast.Module) -> set[str]:
    """The classes that say a count themselves: self.tr(text, disambiguation, n)."""
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(
            isinstance(call, ast.Call)
            and getattr(call.func, "attr", None) == "tr"
            and (len(call.args) == 3 or any(k.arg == "n" for k in call.keywords))
            for call in ast.walk(node)
        )
    }


def test_no_class_that_is_subclassed_says_a_count_itself():
    # PySide6 looks a count's translation up under the subclass's name only (see
    # coordinator/ui/kit/counts.py): "%n fields" would read "2 field(s)".
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in sorted(UI.rglob("*.py"))]
    counting = set().union(*map(_counting_classes, trees))
    bases = {
        getattr(base, "id", getattr(base, "attr", ""))
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        for base in node.bases
    }
    assert counting, "no class says a count: is the check looking?"
    assert counting & bases == set()


def test_the_check_finds_what_lupdate_would_miss():
    sample = (
        "def f(self, label, n):\n"
        "    self.tr(label)\n"
        "    tr('Bare')\n"
        "    translate('Ctx', label)\n"
        "    translate('Ctx', '%n day(s)', '', n)\n"
        "    self.tr('Fine'), translate('Ctx', 'Fine too'), self.tr('%n day(s)', '', n)\n"
    )
    assert [line.split(": ", 1)[0] for line in _problems(sample, "sample.py")] == [
        "sample.py:2",
        "sample.py:3",
        "sample.py:4",
        "sample.py:5",
    ]


def test_every_count_in_the_ui_has_its_english_plural_forms(tmp_path):
    collected = _messages(_lupdate(tmp_path, "-pluralonly", sources=sorted(ROOT.rglob("*.py"))))
    kept = _messages(ET.parse(ENGLISH_TS).getroot())
    assert collected, "no plural strings found: is lupdate reading the sources?"
    # A counted string added to the code but not to the .ts: run `make translations`.
    assert set(collected) == set(kept)
    for key, message in kept.items():
        translation = message.find("translation")
        forms = [form.text for form in translation.iter("numerusform")]
        assert translation.get("type") is None and len(forms) == 2 and all(forms), key


def test_the_english_plural_file_the_app_loads_is_built_from_the_ts(tmp_path):
    built = tmp_path / "coordinator_en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ENGLISH_TS), "-qm", str(built)],
        check=True,
        capture_output=True,
    )
    assert translations_dir() == ENGLISH_TS.parent
    assert built.read_bytes() == (ENGLISH_TS.parent / "coordinator_en.qm").read_bytes()


def test_counts_read_as_english_does(qapp):
    assert records_text("mothers", 1) == "1 mother"
    assert records_text("mothers", 2) == "2 mothers"
    assert records_text("services", 0) == "0 local services"


@pytest.fixture(scope="module")
def core_words(tmp_path_factory) -> set[tuple[str, str]]:
    """What lupdate collects from the core (models, services, words), as `make
    translations` runs it."""
    sources = [ROOT / "words.py"] + [
        path for part in ("models", "services") for path in sorted((ROOT / part).rglob("*.py"))
    ]
    root = _lupdate(
        tmp_path_factory.mktemp("core"), "-tr-function-alias", "QT_TR_NOOP+=N_", sources=sources
    )
    return set(_messages(root))


#: Every table of words the core shows for its codes, by name.
TABLES = {
    "COUNT_LABELS": COUNT_LABELS,
    **{name: getattr(labels, name) for name in labels.__all__ if name.endswith("_LABELS")},
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_cores_words_are_collected_for_translators(core_words, name):
    table = TABLES[name]
    words = table.values() if isinstance(table, dict) else table
    # A word shown to people but not marked with N_() would be missing here.
    assert [text for text in words if (CONTEXT, text) not in core_words] == []
