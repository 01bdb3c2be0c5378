"""Unfinished backups: the hidden `.NAME.partial-PID` files (and their -wal/-journal) that a
backup leaves when it is killed part way (the PC switched off, the stick pulled out).

They hold encrypted pages only, but they fill a USB stick: the next backup into the same
folder removes them and says how much room it gave back. A partial file whose process is
still running (another Coordinator backing up into the same folder) is left alone.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PARTIAL_MARK = "partial"
_LEFTOVER = re.compile(
    r"^\.(?P<name>.+)\." + PARTIAL_MARK + r"-(?P<pid>\d+)(?:-wal|-journal|-shm)?$"
)


#: Partial files this process is writing now (a backup on another thread): never leftovers.
_in_progress: set[str] = set()


def partial_name(target: Path) -> Path:
    """Where a backup to `target` is written before it is verified and renamed."""
    return target.with_name(f".{target.name}.{PARTIAL_MARK}-{os.getpid()}")


@contextlib.contextmanager
def writing(partial: Path) -> Iterator[None]:
    """Mark `partial` as being written by this process while the block runs."""
    _in_progress.add(partial.name)
    try:
        yield
    finally:
        _in_progress.discard(partial.name)


@dataclass(frozen=True)
class Cleaned:
    files: tuple[Path, ...] = ()
    bytes: int = 0

    def __bool__(self) -> bool:
        return bool(self.files)


def process_running(pid: int) -> bool:
    """Whether a process with this id is alive (an unknown answer counts as alive)."""
    if pid == os.getpid():
        return False  # this process backs up one file at a time: its leftovers are old
    if os.name == "posix":
        try:
            os.kill(pid, 0)  # signal 0 only asks whether the process exists
        except ProcessLookupError:
            return False
        except OSError:
            return True
        return True
    return _windows_process_running(pid)  # pragma: no cover - Windows


def _windows_process_running(pid: int) -> bool:  # pragma: no cover - Windows
    import ctypes

    query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def _base_name(name: str) -> str:
    for suffix in ("-wal", "-journal", "-shm"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def clean_leftovers(folder: Path) -> Cleaned:
    """Remove unfinished backups left in `folder` by processes that have ended."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return Cleaned()
    removed: list[Path] = []
    freed = 0
    for entry in entries:
        match = _LEFTOVER.match(entry.name)
        if match is None or process_running(int(match["pid"])):
            continue
        if _base_name(entry.name) in _in_progress:
            continue
        with contextlib.suppress(OSError):
            if not entry.is_file(follow_symlinks=False):
                continue
            size = entry.stat(follow_symlinks=False).st_size
            os.unlink(entry.path)
            removed.append(Path(entry.path))
            freed += size
    return Cleaned(tuple(sorted(removed)), freed)
