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
import stat
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import URL, Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, QueuePool

from coordinator.storage import migrate
from coordinator.storage.errors import (
    DamagedDatabase,
    DatabaseExists,
    DatabaseGone,
    DatabaseMissing,
    EmptyFile,
    EmptyPassphrase,
    FolderGone,
    NewerSchema,
    NotAFile,
    NotCoordinatorDatabase,
    NotEncrypted,
    ReadOnly,
    UpgradeFailed,
    VaultError,
    WrongPassphrase,
    folder_is_there,
    from_os_error,
)
from coordinator.storage.faults import (  # noqa: F401 (storage_fault is part of this API)
    SQLITE_BUSY,
    SQLITE_LOCKED,
    SQLITE_NOTADB,
    sqlite_code,
    storage_fault,
    writable,
)
from coordinator.storage.files import (
    atomic_copy,
    create_owner_only,
    fsync_folder,
    remove_with_journals,
)
from coordinator.storage.lockfile import DatabaseLock
from coordinator.storage.logsafe import ENGINE_OPTIONS, error_summary, keep_records_out_of_logs

log = logging.getLogger(__name__)

#: "Coor": stored in the (encrypted) SQLite header so other SQLCipher files are recognised.
APPLICATION_ID = 0x436F6F72
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"

#: SQLCipher 4 settings, pinned so that a future library default can never lock a charity out.
CIPHER_SETTINGS: tuple[tuple[str, str], ...] = (
    ("cipher_page_size", "4096"),
    ("kdf_iter", "256000"),
    ("cipher_hmac_algorithm", "HMAC_SHA512"),
    ("cipher_kdf_algorithm", "PBKDF2_HMAC_SHA512"),
    ("cipher_plaintext_header_size", "0"),
)

_log_silenced = threading.Event()


def silence_sqlcipher_log() -> None:
    """SQLCipher writes decryption failures to stderr by default; keep them out of logs."""
    if _log_silenced.is_set():
        return
    con = sqlcipher3.connect(":memory:")
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
    finally:
        con.close()
    _log_silenced.set()


def database_url(path: Path, passphrase: str, *, create: bool = False) -> URL:
    """The SQLAlchemy URL for an encrypted file. mode=rw never creates a missing file."""
    return URL.create(
        "sqlite+pysqlcipher",
        password=passphrase,
        database=Path(path).absolute().as_uri(),
        query={"uri": "true", "mode": "rwc" if create else "rw"},
    )


def read_only_url(path: Path, passphrase: str) -> URL:
    """A URL that only reads. On read-only media (the file or its folder cannot be
    written, so nobody can be changing it) the file is also opened as immutable, which lets
    SQLite read it without making -wal/-shm files it could not write."""
    query = {"uri": "true", "mode": "ro"}
    if not writable(path):
        query["immutable"] = "1"
    return URL.create(
        "sqlite+pysqlcipher",
        password=passphrase,
        database=Path(path).absolute().as_uri(),
        query=query,
    )


def _on_connect(dbapi_con, _record) -> None:
    """Runs on every new DB-API connection, after the dialect has issued PRAGMA key."""
    cur = dbapi_con.cursor()
    try:
        for name, value in CIPHER_SETTINGS:
            cur.execute(f"PRAGMA {name} = {value}")
        # PRAGMA key succeeds whatever the key: this first read is what proves it.
        cur.execute("SELECT count(*) FROM sqlite_master").fetchall()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA busy_timeout = 5000")
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.execute("PRAGMA secure_delete = ON")
    finally:
        cur.close()


def _make_engine(path: Path, passphrase: str, *, create: bool) -> Engine:
    return _engine_for(database_url(path, passphrase, create=create))


def _engine_for(url: URL, **options: object) -> Engine:
    """An engine whose connections are pooled across threads.

    Each new connection derives the key from the passphrase (PBKDF2, about 0.1 s), so the
    one made while unlocking, on a worker thread, is handed on to the GUI thread rather than
    made again there. A connection is only ever used by one thread at a time.
    """
    silence_sqlcipher_log()
    keep_records_out_of_logs()
    options.setdefault("poolclass", QueuePool)
    options.setdefault("connect_args", {"check_same_thread": False})
    engine = create_engine(url, **ENGINE_OPTIONS, **options)
    event.listen(engine, "connect", _on_connect)
    return engine


def check_passphrase_given(passphrase: str | None) -> str:
    if not passphrase:
        raise EmptyPassphrase()
    return passphrase


def precheck_file(path: Path) -> None:
    """Refuse what can be refused without a key: missing, folder, empty, plain SQLite."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise FolderGone(path) if not folder_is_there(path) else DatabaseMissing(path) from None
    except OSError as err:
        raise from_os_error(err, path, writing=False) from None
    if stat.S_ISDIR(info.st_mode):
        raise NotAFile(path)
    if info.st_size == 0:
        raise EmptyFile(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_PLAIN_HEADER))
    except OSError as err:
        raise from_os_error(err, path, writing=False) from None
    if head == SQLITE_PLAIN_HEADER:
        raise NotEncrypted(path)


def precheck_writable(path: Path) -> None:
    """Refuse a read-only file or folder before SQLite makes -wal/-shm files beside it.

    os.access cannot see every case (root ignores permission bits, some network drives
    lie); the write probe after unlocking (`_probe_write`) catches the rest.
    """
    if not writable(path):
        raise ReadOnly(path)


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
        engine = _engine_for(self.engine.url, poolclass=NullPool)
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


def integrity_problems(engine: Engine, *, full: bool = True) -> list[str]:
    problems: list[str] = []
    with engine.connect() as con:
        problems += [str(r[0]) for r in con.exec_driver_sql("PRAGMA cipher_integrity_check")]
        if full:
            rows = [str(r[0]) for r in con.exec_driver_sql("PRAGMA integrity_check")]
            problems += [r for r in rows if r != "ok"]
    return problems


def _verify_connection(engine: Engine, path: Path, *, check_pages: bool) -> None:
    """Prove the key, then that the file is ours (and, if asked, every page sound). Reads only."""
    try:
        con = engine.connect()
    except exc.DatabaseError as err:
        raise _classify(err, path) from None
    with con:
        try:
            app_id = con.exec_driver_sql("PRAGMA application_id").scalar()
            if app_id != APPLICATION_ID:
                raise NotCoordinatorDatabase(path)
            cipher_problems = (
                list(con.exec_driver_sql("PRAGMA cipher_integrity_check")) if check_pages else []
            )
        except exc.DatabaseError as err:
            raise _classify(err, path) from None
        if cipher_problems:
            raise DamagedDatabase(path)


def _classify(err: BaseException, path: Path) -> VaultError:
    """The VaultError for a failure while opening: "not a database" means the wrong key."""
    code, text_ = sqlite_code(err)
    if (code is not None and code & 0xFF == SQLITE_NOTADB) or "not a database" in text_:
        return WrongPassphrase(path)
    fault = storage_fault(err, path)
    if fault is not None:
        return fault
    return DamagedDatabase(path, detail=error_summary(err))


def _probe_write(engine: Engine, path: Path) -> None:
    """Change a header field to the value it has, then roll back: refuses a read-only file.

    BEGIN IMMEDIATE alone succeeds on a read-only file; a page must be changed. Nothing
    reaches the database file: the change is rolled back before any commit.
    """
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            try:
                cur.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            finally:
                with contextlib.suppress(sqlcipher3.Error):
                    cur.execute("ROLLBACK")
        finally:
            cur.close()
    except sqlcipher3.Error as err:
        code, _ = sqlite_code(err)
        if code is not None and code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED):
            return  # another connection is writing: so the file can be written
        raise _classify(err, path) from None
    finally:
        raw.close()


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
    engine = _make_engine(path, passphrase, create=False)
    try:
        try:
            _verify_connection(engine, path, check_pages=check_pages)
            vault = Vault(path=path, engine=engine, lock=db_lock)
            _probe_write(engine, path)
            _bring_schema_up_to_date(vault, upgrade=upgrade, on_stage=on_stage)
            with engine.connect() as con:
                con.exec_driver_sql("PRAGMA journal_mode = WAL")
        except exc.DBAPIError as err:
            raise _classify(err, path) from None
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
    engine = _engine_for(read_only_url(path, passphrase))
    try:
        try:
            _verify_connection(engine, path, check_pages=check_pages)
            vault = Vault(path=path, engine=engine, lock=None, read_only=True)
            _bring_schema_up_to_date(vault, upgrade=False)
        except exc.DBAPIError as err:
            raise _classify(err, path) from None
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
            raise _classify(err, vault.path) from None
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
    engine = _make_engine(tmp, passphrase, create=False)
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
