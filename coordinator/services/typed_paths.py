"""Reading a path the coordinator typed: never raises, always says what is wrong.

People type paths as they think of them: "E:" or "E:\\" for a USB stick on Windows, "/" on
the way to "/media/...", half a name, a pasted line with a stray control character. Every
one of these gives a `TypedPath` with a `problem` (a code, with plain words in `message()`),
never an exception: pathlib and the OS raise ValueError for a NUL byte, OSError for a name
that is too long, and `with_suffix` raises on a path with no file name.

The checks of the text itself (`read_path`) work with any pathlib flavour, so the Windows
rules are tested on every system; the look at the disk (`file_path`, `folder_path`) uses
the running system's paths.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath, PureWindowsPath

from coordinator.words import N_

#: Longer than any system allows for a whole path (Windows: 32,767 with long paths on).
MAX_PATH_CHARS = 4096
#: The longest name of one file or folder on the usual file systems (NTFS, ext4, FAT32).
MAX_NAME_CHARS = 255


class PathProblem(StrEnum):
    EMPTY = "empty"
    CONTROL_CHARACTER = "control_character"
    TOO_LONG = "too_long"
    NOT_FULL = "not_full"
    NO_FILE_NAME = "no_file_name"
    FOLDER_MISSING = "folder_missing"
    IS_FOLDER = "is_folder"
    NOT_A_FOLDER = "not_a_folder"
    MISSING = "missing"
    UNREADABLE = "unreadable"


#: Plain words for each problem; {folder} and {name} are filled in by `message()`.
MESSAGES: dict[PathProblem, str] = {
    PathProblem.EMPTY: N_("Say where the file is, or where it should go."),
    PathProblem.CONTROL_CHARACTER: N_(
        "The path holds a character that cannot be in a file name (perhaps pasted by "
        "accident). Type it again."
    ),
    PathProblem.TOO_LONG: N_(
        "The path is too long for the disk to hold. Choose a shorter folder or name."
    ),
    PathProblem.NOT_FULL: N_(
        "Give the full path, starting from the drive (like E:\\Backups on Windows, or "
        "/media/usb on Linux)."
    ),
    PathProblem.NO_FILE_NAME: N_(
        "That is a drive or a folder. Add a file name at the end, like {folder}backup.db."
    ),
    PathProblem.FOLDER_MISSING: N_(
        "The folder {folder} cannot be found. If it is on a USB stick or a network drive, "
        "check that it is connected."
    ),
    PathProblem.IS_FOLDER: N_("{name} is a folder. Add a file name at the end."),
    PathProblem.NOT_A_FOLDER: N_("{name} is a file, not a folder. Choose a folder."),
    PathProblem.MISSING: N_("There is no file at that path. Check the name, or choose it."),
    PathProblem.UNREADABLE: N_(
        "That path cannot be looked at (the drive may be missing, or your account may not "
        "open it). Check it, or choose another."
    ),
}


@dataclass(frozen=True)
class TypedPath:
    """What a typed path means; `path` is None only when the text cannot be a path."""

    text: str
    path: Path | None
    problem: PathProblem | None = None
    exists: bool = False
    is_folder: bool = False
    #: The folder the message speaks of (the file's folder, or the folder typed).
    folder: PurePath | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def message(self, translate=lambda words: words) -> str:
        """The problem in words ("" when there is none); `translate` is the UI's word()."""
        if self.problem is None:
            return ""
        folder = self.folder if self.folder is not None else self.path
        name = str(self.path) if self.path is not None else self.text
        return translate(MESSAGES[self.problem]).format(
            folder=_with_separator(folder) if folder is not None else "", name=name
        )


def _with_separator(folder: PurePath) -> str:
    """The folder ending with its separator, ready for a file name: 'E:\\', '/media/usb/'."""
    text = str(folder)
    sep = "\\" if "\\" in text or (len(text) >= 2 and text[1] == ":") else os.sep
    return text if text.endswith(("/", "\\")) else text + sep


def read_path(
    text: str | None, flavour: type[PurePath] = Path
) -> tuple[PurePath | None, PathProblem | None]:
    """The path in `text` (tilde expanded for real paths), or the problem with the text."""
    text = (text or "").strip()
    if not text:
        return None, PathProblem.EMPTY
    if any(ord(ch) < 32 for ch in text):
        return None, PathProblem.CONTROL_CHARACTER
    if len(text) > MAX_PATH_CHARS:
        return None, PathProblem.TOO_LONG
    try:
        path = flavour(text)
        if flavour is Path and text.startswith("~"):
            path = Path(text).expanduser()
    except (RuntimeError, ValueError, KeyError, OSError):  # ~nobody, odd home folders
        return None, PathProblem.NOT_FULL
    if any(len(part) > MAX_NAME_CHARS for part in path.parts):
        return path, PathProblem.TOO_LONG
    if _windows(flavour) and path.drive and not path.root and not path.name:
        return flavour(path.drive + "\\"), None  # "E:" is how a USB stick's drive is typed
    if not path.is_absolute():
        return path, PathProblem.NOT_FULL
    return path, None


def _windows(flavour: type[PurePath]) -> bool:
    return issubclass(flavour, PureWindowsPath) or (flavour is Path and os.name == "nt")


def _look(path: Path) -> os.stat_result | None | bool:
    """os.stat, or None when nothing is there, or False when the OS will not say."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError):
        return False


def read_file_path(
    text: str | None, flavour: type[PurePath] = Path
) -> tuple[PurePath | None, PathProblem | None]:
    """`read_path`, and a file name at the end: "E:\\" or "/" is a drive, not a file."""
    path, problem = read_path(text, flavour)
    if problem is None and path is not None and (not path.name or str(path) == path.anchor):
        return path, PathProblem.NO_FILE_NAME
    return path, problem


def file_path(
    text: str | None, *, must_exist: bool = False, default_suffix: str | None = None
) -> TypedPath:
    """A file to write (its folder must be there) or, with must_exist, one to read."""
    text = text or ""
    pure, problem = read_file_path(text)
    if problem is not None:
        path = Path(pure) if pure is not None else None
        folder = path if problem is PathProblem.NO_FILE_NAME else None
        return TypedPath(text, path, problem, folder=folder)
    path = Path(pure)
    typed = _look(path)
    if typed and stat.S_ISDIR(typed.st_mode):
        return TypedPath(text, path, PathProblem.IS_FOLDER, exists=True, is_folder=True)
    if default_suffix and not path.suffix:
        path = path.with_name(path.name + default_suffix)
    info = _look(path)
    parent = path.parent
    if info is False:
        return TypedPath(text, path, PathProblem.UNREADABLE, folder=parent)
    if info is not None and stat.S_ISDIR(info.st_mode):
        return TypedPath(text, path, PathProblem.IS_FOLDER, exists=True, is_folder=True)
    if info is None:
        folder = _look(parent)
        if folder is False:
            return TypedPath(text, path, PathProblem.UNREADABLE, folder=parent)
        if folder is None or not stat.S_ISDIR(folder.st_mode):
            return TypedPath(text, path, PathProblem.FOLDER_MISSING, folder=parent)
        if must_exist:
            return TypedPath(text, path, PathProblem.MISSING, folder=parent)
    return TypedPath(text, path, None, exists=info is not None, folder=parent)


def folder_path(text: str | None, *, must_exist: bool = False) -> TypedPath:
    """A folder; one that is not there is no problem unless `must_exist` (it can be made)."""
    text = text or ""
    pure, problem = read_path(text)
    if problem is not None:
        return TypedPath(text, Path(pure) if pure is not None else None, problem)
    path = Path(pure)
    info = _look(path)
    if info is False:
        return TypedPath(text, path, PathProblem.UNREADABLE, folder=path)
    if info is None:
        problem = PathProblem.FOLDER_MISSING if must_exist else None
        return TypedPath(text, path, problem, folder=path)
    if not stat.S_ISDIR(info.st_mode):
        return TypedPath(text, path, PathProblem.NOT_A_FOLDER, exists=True, folder=path)
    return TypedPath(text, path, None, exists=True, is_folder=True, folder=path)
