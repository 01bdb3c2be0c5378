"""Try storage operations as another user and report what each one raised, as JSON lines.

    python -m tests.reliability.probe [--as-nobody] ACTION:PATH ... [--trust-access] ...

ACTION is open (with the lock), open-unlocked, create, lock, or check (the `coordinator
check --json` command, whose report is given as "report"). Run as root with
--as-nobody, the probe imports everything first and then drops to the unprivileged user
"nobody", for whom permission bits count (root ignores them). --trust-access, for the
actions after it, makes the vault skip its os.access check, so that the refusal must come
from the lock file or from SQLite itself, as on a network drive whose permissions
os.access cannot see.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from pathlib import Path

NOBODY = 65534


def main(argv: list[str]) -> int:
    import coordinator.models  # noqa: F401
    import coordinator.services.search  # noqa: F401
    import coordinator.services.setup  # noqa: F401
    import coordinator.services.status  # noqa: F401
    from coordinator import cli
    from coordinator.storage import connection, migrate
    from coordinator.storage import vault as vault_module
    from coordinator.storage.errors import VaultError
    from coordinator.storage.lockfile import DatabaseLock

    migrate.is_known(migrate.head_revision())  # reads the migration scripts now
    connection.make_engine(Path("/nonexistent.db"), "x", create=False).dispose()
    if "--as-nobody" in argv and os.geteuid() == 0:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    passphrase = os.environ["COORDINATOR_PASSPHRASE"]
    for arg in argv:
        if arg == "--trust-access":  # for the actions after it
            connection.writable = lambda path: True
        if arg.startswith("--"):
            continue
        action, _, path = arg.partition(":")
        result: dict[str, object] = {"action": action}
        try:
            if action == "open":
                vault_module.open_vault(path, passphrase).close()
            elif action == "open-unlocked":
                vault_module.open_vault(path, passphrase, lock=False).close()
            elif action == "create":
                vault_module.create_vault(path, passphrase).close()
            elif action == "lock":
                DatabaseLock(Path(path)).acquire()
            elif action == "check":
                printed = io.StringIO()
                with contextlib.redirect_stdout(printed):
                    code = cli.run(["check", "--db", path, "--json"])
                result["exit"] = code
                result["report"] = json.loads(printed.getvalue())
            else:
                raise SystemExit(f"unknown action {action}")
            result["ok"] = True
        except VaultError as err:
            result["error"] = type(err).__name__
            result["kinds"] = [k.__name__ for k in type(err).__mro__]
            result["message"] = err.user_message()
        except Exception as err:  # what the tests must never see
            result["crash"] = f"{type(err).__name__}: {err}"
        print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
