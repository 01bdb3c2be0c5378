"""Typed paths never raise: every text gives a path or a problem with plain words."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator.services.typed_paths import (
    PathProblem,
    TypedPath,
    file_path,
    folder_path,
    read_file_path,
)

#: How people type paths, and what goes wrong on the way.
AWKWARD = [
    "",
    " ",
    "/",
    "E:",
    "E:\\",
    "e:\\backups\\",
    "\\\\server\\share",
    "Q:\\no such drive\\backup.db",
    "~",
    "~nobody-here-at-all/backup.db",
    "a" * 5000,
    "/" + "b" * 300 + "/backup.db",
    "/tmp/with\x00nul.db",
    "/tmp/tab\there.db",
    "..",
    "/..",
    "/proc/self/mem/x.db",
    "/etc/passwd/inside.db",
]
TYPED = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(max_size=300),
    st.lists(st.sampled_from(["/", "\\", "E:", "..", ".", "~", "\x00", "a", "é", " "])).map(
        "".join
    ),
)


@given(TYPED)
def test_a_typed_file_path_never_raises_and_a_problem_always_has_words(text):
    for typed in (file_path(text), file_path(text, must_exist=True, default_suffix=".db")):
        assert isinstance(typed, TypedPath)
        assert typed.ok or typed.message().strip()
        if typed.ok:
            assert typed.path is not None and typed.path.is_absolute() and typed.path.name


@given(TYPED)
def test_a_typed_folder_path_never_raises_and_a_problem_always_has_words(text):
    for typed in (folder_path(text), folder_path(text, must_exist=True)):
        assert typed.ok or typed.message().strip()


@given(TYPED)
def test_the_windows_reading_never_raises(text):
    path, problem = read_file_path(text, PureWindowsPath)
    assert problem is not None or (path is not None and path.name)


@pytest.mark.parametrize(
    ("text", "problem", "shown"),
    [
        ("E:", PathProblem.NO_FILE_NAME, "E:\\backup.db"),
        ("E:\\", PathProblem.NO_FILE_NAME, "E:\\backup.db"),
        ("E:backup.db", PathProblem.NOT_FULL, "full path"),
        ("backups\\b.db", PathProblem.NOT_FULL, "full path"),
        ("E:\\b.db", None, ""),
        ("\\\\server\\share\\b.db", None, ""),
    ],
)
def test_a_usb_stick_typed_the_windows_way(text, problem, shown):
    path, found = read_file_path(text, PureWindowsPath)
    assert found is problem
    assert shown in TypedPath(text, path, found, folder=path).message()


def test_the_root_and_a_relative_name_on_linux():
    assert read_file_path("/", PurePosixPath)[1] is PathProblem.NO_FILE_NAME
    assert read_file_path("backup.db", PurePosixPath)[1] is PathProblem.NOT_FULL
    assert "/backup.db" in file_path("/").message()


def test_what_the_disk_says(tmp_path):
    (tmp_path / "old.db").write_bytes(b"x")
    assert file_path(str(tmp_path / "old.db")).exists
    assert file_path(str(tmp_path)).problem is PathProblem.IS_FOLDER
    missing = file_path(str(tmp_path / "gone" / "b.db"))
    assert missing.problem is PathProblem.FOLDER_MISSING
    assert str(tmp_path / "gone") in missing.message()
    assert file_path(str(tmp_path / "new"), default_suffix=".db").path == tmp_path / "new.db"
    assert file_path(str(tmp_path / "new.db"), must_exist=True).problem is PathProblem.MISSING
    assert folder_path(str(tmp_path / "old.db")).problem is PathProblem.NOT_A_FOLDER
    assert folder_path(str(tmp_path / "later")).ok  # made at the first backup
    assert folder_path(str(tmp_path / "later"), must_exist=True).problem is not None


def test_control_characters_and_long_names_are_named(tmp_path):
    assert file_path(f"{tmp_path}/a\x00b.db").problem is PathProblem.CONTROL_CHARACTER
    assert file_path(f"{tmp_path}/{'n' * 300}.db").problem is PathProblem.TOO_LONG
    assert file_path("x" * 5000).problem is PathProblem.TOO_LONG


def test_a_home_folder_path_is_expanded():
    assert file_path("~/b.db").path == Path.home() / "b.db"


def test_a_file_to_open_in_a_missing_folder_names_the_folder(tmp_path):
    gone = file_path(str(tmp_path / "usb" / "monday.db"), must_exist=True)
    assert gone.problem is PathProblem.FOLDER_MISSING and str(tmp_path / "usb") in gone.message()
    assert file_path(str(tmp_path / "monday.db"), must_exist=True).problem is PathProblem.MISSING
