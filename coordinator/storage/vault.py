"""The vault: create, open, verify and close the encrypted SQLCipher database.

Every check that can refuse a file runs before anything is written to it, so a refused file
is left byte-for-byte as it was. Opening a path that does not exist never creates a file:
SQLite itself is asked to open read-write without create (URI mode=rw).

Storage faults (disk full, read-only file or folder, a drive that went away, a busy or
damaged file) reach callers as VaultError subclasses with a plain message, never as raw
SQLAlchemy errors: see `storage_fault`, `Vault.transaction` and `Vault.storage_errors`.
Nothing here ever deletes or moves the -wal or -journal file of a database: after a crash
they hold committed (WAL) or to-be-rolled-back (journal) pages that SQLite itself replays.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, exc
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from coordinator.storage import migrate
from coordinator.storage.connection import (
    APPLICATION_ID,
    check_passphrase_given,
    classify_open_error,
    engine_for,
    integrity_problems,
    make_engine,
    precheck_file,
    precheck_writable,
    probe_write,
    read_only_url,
    verify_connection,
)
from coordinator.storage.errors import (
    DatabaseExists,
    DatabaseGone,
    DatabaseMissing,
    FolderGone,
    NewerSchema,
    NotCoordinatorDatabase,
    UpgradeFailed,
    VaultError,
    from_os_error,
)
from coordinator.storage.faults import storage_fault  # noqa: F401 (part of this API)
from coordinator.storage.files import (
    atomic_copy,
    create_owner_only,
    fsync_folder,
    remove_with_journals,
)
from coordinator.storage.lockfile import DatabaseLock
from coordinator.storage.logsafe import error_summary

log = logging.getLogger(__name__)


@dataclass
class Vault:
    """An open, verified, encrypted database. Services take sessions from it."""

    path: Path
    engine: Engine
    lock: DatabaseLock | None = None
    upgraded_from: str | None = None
    pre_upgrade_copy: Path | None = None
    #: Opened by open_read_only: reads and checks only.
    read_only: bool = False
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _identity: tuple[int, int] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._identity = _file_identity(self.path)

    @property
    def is_open(self) -> bool:
        return self.engine is not None

    def session(self) -> Session:
        """A new Session; use as a context manager and commit what should last."""
        return self._sessions()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A Session whose work is committed on success and rolled back on error.

        Storage faults are raised as VaultErrors (DiskFull, ReadOnly, DatabaseGone, ...);
        the database file is checked to be still in place before the work and again just
        before the commit, so a change is never "saved" into a file that is gone.
        """
        with self.storage_errors():
            self.check_reachable()
            with self._sessions() as session, session.begin():
                yield session
                session.flush()
                self.check_reachable()

    @contextlib.contextmanager
    def storage_errors(self) -> Iterator[None]:
        """Turn storage faults raised inside the block into VaultErrors (see `fault`)."""
        try:
            yield
        except exc.DBAPIError as err:
            fault = self.fault(err)
            if fault is None:
                raise
            log.info("storage fault: %s", error_summary(err))
            raise fault from None

    def fault(self, err: BaseException) -> VaultError | None:
        """`storage_fault` for this open database; DatabaseGone if its file has gone."""
        if self.file_has_gone():
            return DatabaseGone(self.path)
        fault = storage_fault(err, self.path)
        if isinstance(fault, (FolderGone, DatabaseMissing)):
            return DatabaseGone(self.path)
        return fault

    def file_has_gone(self) -> bool:
        """True when the path no longer leads to the file that was opened.

        The file was deleted, renamed, replaced, or its folder or drive went away. On POSIX
        SQLite would otherwise carry on writing into the unlinked file, and lose it all.
        """
        return self._identity is not None and _file_identity(self.path) != self._identity

    def check_reachable(self) -> None:
        if self.file_has_gone():
            raise DatabaseGone(self.path)

    def schema_revision(self) -> str | None:
        with self.engine.connect() as con:
            return migrate.current_revision(con)

    def integrity_problems(self) -> list[str]:
        """Cipher (page HMAC) and SQLite integrity problems; empty when the file is sound."""
        return integrity_problems(self.engine)

    def find_damaged_pages(self) -> list[str]:
        """The page check (cipher_integrity_check) on a connection of its own.

        Safe to call from a worker thread: it never touches the connections other threads use.
        """
        engine = engine_for(self.engine.url, poolclass=NullPool)
        try:
            with engine.connect() as con:
                return [str(r[0]) for r in con.exec_driver_sql("PRAGMA cipher_integrity_check")]
        finally:
            engine.dispose()

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def open_vault(
    path: Path | str,
    passphrase: str,
    *,
    lock: bool = True,
    upgrade: bool = True,
    check_pages: bool = True,
    on_stage: Callable[[str], None] | None = None,
) -> Vault:
    """Open an existing database, verifying the key, identity, integrity and schema version.

    Raises a VaultError subclass for every way this can fail; the file is then unchanged.
    `check_pages=False` skips the whole-file page check (it reads every page, about 0.3 s
    per 100 MB); the caller must then run `Vault.find_damaged_pages()` itself, as the
    desktop app does in the background straight after unlocking. `on_stage` is told what
    an upgrade is doing ("copying" the file first, then "upgrading"), for a progress line.
    """
    path = Path(path).absolute()
    check_passphrase_given(passphrase)
    precheck_file(path)
    precheck_writable(path)
    db_lock = DatabaseLock(path) if lock else None
    if db_lock is not None:
        db_lock.acquire()
    engine = make_engine(path, passphrase, create=False)
    try:
        try:
            verify_connection(engine, path, check_pages=check_pages)
            vault = Vault(path=path, engine=engine, lock=db_lock)
            probe_write(engine, path)
            _bring_schema_up_to_date(vault, upgrade=upgrade, on_stage=on_stage)
            with engine.connect() as con:
                con.exec_driver_sql("PRAGMA journal_mode = WAL")
        except exc.DBAPIError as err:
            raise classify_open_error(err, path) from None
        except OSError as err:
            raise from_os_error(err, path) from None
        return vault
    except BaseException:
        engine.dispose()
        if db_lock is not None:
            db_lock.release()
        raise


def open_read_only(path: Path | str, passphrase: str, *, check_pages: bool = True) -> Vault:
    """Open only to read and check it: nothing is written (no lock file, no upgrade, no
    change of journal mode), so a backup can be checked where it is, even on read-only
    media. Raises the same VaultError subclasses as open_vault for what it can find.
    """
    path = Path(path).absolute()
    check_passphrase_given(passphrase)
    precheck_file(path)
    engine = engine_for(read_only_url(path, passphrase))
    try:
        try:
            verify_connection(engine, path, check_pages=check_pages)
            vault = Vault(path=path, engine=engine, lock=None, read_only=True)
            _bring_schema_up_to_date(vault, upgrade=False)
        except exc.DBAPIError as err:
            raise classify_open_error(err, path) from None
        except OSError as err:
            raise from_os_error(err, path) from None
        return vault
    except BaseException:
        engine.dispose()
        raise


def _bring_schema_up_to_date(
    vault: Vault, *, upgrade: bool, on_stage: Callable[[str], None] | None = None
) -> None:
    with vault.engine.connect() as con:
        try:
            current = migrate.current_revision(con)
        except exc.DatabaseError as err:
            raise classify_open_error(err, vault.path) from None
    if current is None:
        raise NotCoordinatorDatabase(vault.path)
    if not migrate.is_known(current):
        raise NewerSchema(vault.path)
    if current == migrate.head_revision() or not upgrade:
        return
    if on_stage is not None:
        on_stage("copying")
    vault.pre_upgrade_copy = copy_before_upgrade(vault, current)
    if on_stage is not None:
        on_stage("upgrading")
    try:
        with vault.engine.begin() as con:
            migrate.upgrade(con)
    except Exception as err:
        log.error("schema upgrade failed: %s", error_summary(err))
        raise UpgradeFailed(vault.path) from None
    vault.upgraded_from = current


def copy_before_upgrade(vault: Vault, revision: str) -> Path:
    """An encrypted copy of the whole file (WAL checkpointed first), beside the original."""
    with vault.engine.connect() as con:
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = vault.path.with_name(f"{vault.path.stem}.before-upgrade-{revision}-{stamp}.db")
    atomic_copy(vault.path, target)
    return target


def create_vault(
    path: Path | str,
    passphrase: str,
    *,
    seed: Callable[[Session], None] | None = None,
    lock: bool = True,
) -> Vault:
    """Create a new encrypted database with the whole schema; never overwrites a file.

    `seed(session)` fills it with what a new database starts with (the services know what
    that is: `services.setup.create_database` passes it); without it only the schema is made.
    The database is built under a temporary name in the same folder and renamed into place
    only when complete, so an interrupted creation leaves no half-made database behind.
    """
    path = Path(path).absolute()
    check_passphrase_given(passphrase)
    if path.exists():
        raise DatabaseExists(path)
    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    try:
        # A new folder is private (0700); an existing one is left as it is.
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = create_owner_only(tmp)
    except OSError as err:
        raise from_os_error(err, path) from None
    os.close(fd)
    engine = make_engine(tmp, passphrase, create=False)
    try:
        with engine.begin() as con:
            con.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            migrate.upgrade(con)
        if seed is not None:
            with Session(engine) as session, session.begin():
                seed(session)
        engine.dispose()
        if path.exists():  # created by someone else meanwhile: keep theirs
            raise DatabaseExists(path)
        os.replace(tmp, path)
        fsync_folder(path.parent)
    except BaseException as err:
        engine.dispose()
        fault = storage_fault(err, tmp) if isinstance(err, exc.DBAPIError | OSError) else None
        # Only the half-made temporary database of this call, never a real one.
        with contextlib.suppress(OSError):
            remove_with_journals(tmp)
        if fault is not None:
            raise type(fault)(path, fault.detail) from None
        raise
    return open_vault(path, passphrase, lock=lock)
