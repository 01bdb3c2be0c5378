"""`coordinator`: with no subcommand, the desktop app; otherwise the command line."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    import os

    if os.name == "posix":
        # Files SQLite creates beside a database (-wal, -shm, -journal) copy its mode; new
        # files of any other kind (exports aside, which are written 0600) stay private too.
        os.umask(0o077)
    from coordinator.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
