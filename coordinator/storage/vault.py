"""The vault: create, open, verify and close the encrypted SQLCipher database.

Every check that can refuse a file runs before anything is written to it, so a refused file
is left byte-for-byte as it was. Opening a path that does not exist never creates a file:
SQLite itself is asked to open read-write without create (URI mode=rw).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import URL, Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from coordinator.storage import migrate
from coordinator.storage.errors import (
    CannotWrite,
    DamagedDatabase,
    DatabaseExists,
    DatabaseMissing,
    EmptyFile,
    EmptyPassphrase,
    NewerSchema,
    NotAFile,
    NotCoordinatorDatabase,
    NotEncrypted,
    UpgradeFailed,
    VaultError,
    WrongPassphrase,
)
from coordinator.storage.lockfile import DatabaseLock

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
    silence_sqlcipher_log()
    engine = create_engine(database_url(path, passphrase, create=create))
    event.listen(engine, "connect", _on_connect)
    return engine


def check_passphrase_given(passphrase: str | None) -> str:
    if not passphrase:
        raise EmptyPassphrase()
    return passphrase


def precheck_file(path: Path) -> None:
    """Refuse what can be refused without a key: missing, folder, empty, plain SQLite."""
    if not path.exists():
        raise DatabaseMissing(path)
    if path.is_dir():
        raise NotAFile(path)
    size = path.stat().st_size
    if size == 0:
        raise EmptyFile(path)
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_PLAIN_HEADER))
    if head == SQLITE_PLAIN_HEADER:
        raise NotEncrypted(path)


@dataclass
class Vault:
    """An open, verified, encrypted database. Services take sessions from it."""

    path: Path
    engine: Engine
    lock: DatabaseLock | None = None
    upgraded_from: str | None = None
    pre_upgrade_copy: Path | None = None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_open(self) -> bool:
        return self.engine is not None

    def session(self) -> Session:
        """A new Session; use as a context manager and commit what should last."""
        return self._sessions()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A Session whose work is committed on success and rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

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
        engine = create_engine(self.engine.url, poolclass=NullPool)
        event.listen(engine, "connect", _on_connect)
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


def _classify(err: exc.DBAPIError, path: Path) -> VaultError:
    text_ = str(getattr(err, "orig", err)).lower()
    if "not a database" in text_:
        return WrongPassphrase(path)
    if "malformed" in text_ or "corrupt" in text_:
        return DamagedDatabase(path)
    if "unable to open" in text_ or "readonly" in text_ or "read-only" in text_:
        return CannotWrite(path)
    return DamagedDatabase(path, detail=type(getattr(err, "orig", err)).__name__)


def open_vault(
    path: Path | str,
    passphrase: str,
    *,
    lock: bool = True,
    upgrade: bool = True,
    check_pages: bool = True,
) -> Vault:
    """Open an existing database, verifying the key, identity, integrity and schema version.

    Raises a VaultError subclass for every way this can fail; the file is then unchanged.
    `check_pages=False` skips the whole-file page check (it reads every page, about 0.3 s
    per 100 MB); the caller must then run `Vault.find_damaged_pages()` itself, as the
    desktop app does in the background straight after unlocking.
    """
    path = Path(path).absolute()
    check_passphrase_given(passphrase)
    precheck_file(path)
    db_lock = DatabaseLock(path) if lock else None
    if db_lock is not None:
        db_lock.acquire()
    engine = _make_engine(path, passphrase, create=False)
    try:
        _verify_connection(engine, path, check_pages=check_pages)
        vault = Vault(path=path, engine=engine, lock=db_lock)
        _bring_schema_up_to_date(vault, upgrade=upgrade)
        with engine.connect() as con:
            con.exec_driver_sql("PRAGMA journal_mode = WAL")
        return vault
    except BaseException:
        engine.dispose()
        if db_lock is not None:
            db_lock.release()
        raise


def _bring_schema_up_to_date(vault: Vault, *, upgrade: bool) -> None:
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
    vault.pre_upgrade_copy = copy_before_upgrade(vault, current)
    try:
        with vault.engine.begin() as con:
            migrate.upgrade(con)
    except Exception as err:
        log.error("schema upgrade failed: %s", type(err).__name__)
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


def atomic_copy(source: Path, target: Path) -> None:
    """Copy via a temporary file in the target folder, fsync, then rename into place."""
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def create_vault(path: Path | str, passphrase: str, *, lock: bool = True) -> Vault:
    """Create a new encrypted database with the whole schema; never overwrites a file.

    The database is built under a temporary name in the same folder and renamed into place
    only when complete, so an interrupted creation leaves no half-made database behind.
    """
    path = Path(path).absolute()
    check_passphrase_given(passphrase)
    if path.exists():
        raise DatabaseExists(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CannotWrite(path, err.strerror) from None
    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as err:
        raise CannotWrite(path, err.strerror) from None
    os.close(fd)
    engine = _make_engine(tmp, passphrase, create=False)
    try:
        with engine.begin() as con:
            con.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            migrate.upgrade(con)
        from coordinator.services.setup import seed_new_database

        with Session(engine) as session, session.begin():
            seed_new_database(session)
    except BaseException:
        engine.dispose()
        for leftover in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise
    engine.dispose()
    if path.exists():  # created by someone else meanwhile: keep theirs
        tmp.unlink()
        raise DatabaseExists(path)
    os.replace(tmp, path)
    _fsync_dir(path.parent)
    return open_vault(path, passphrase, lock=lock)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
