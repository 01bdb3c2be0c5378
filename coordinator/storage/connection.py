"""The connection to an encrypted file: SQLCipher's pinned settings, the URLs and engines,
the checks made before a key is tried, and the proofs made after (the key, that the file
is ours, that it can be written), each failure turned into a plain VaultError.

Opening only reads: the write probe changes one header field to the value it has and
rolls back, so nothing reaches a file that is refused.
"""

from __future__ import annotations

import contextlib
import stat
import threading
from pathlib import Path

import sqlcipher3
from sqlalchemy import URL, Engine, create_engine, event, exc
from sqlalchemy.pool import QueuePool

from coordinator.storage.errors import (
    DamagedDatabase,
    DatabaseMissing,
    EmptyFile,
    EmptyPassphrase,
    FolderGone,
    NotAFile,
    NotCoordinatorDatabase,
    NotEncrypted,
    ReadOnly,
    VaultError,
    WrongPassphrase,
    folder_is_there,
    from_os_error,
)
from coordinator.storage.faults import (
    SQLITE_BUSY,
    SQLITE_LOCKED,
    SQLITE_NOTADB,
    sqlite_code,
    storage_fault,
    writable,
)
from coordinator.storage.logsafe import ENGINE_OPTIONS, error_summary, keep_records_out_of_logs

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

#: Each connection's page cache (KiB). A few connections are open at once (the pool), so
#: at most a few hundred MiB on an office PC of 4-8 GB, and usually far less.
PAGE_CACHE_KIB = 64 * 1024

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


def on_connect(dbapi_con, _record) -> None:
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
        # A page cache of up to 64 MiB (filled only as pages are read): what Today's rules
        # and the lists read of a 50,000-mother file stays decrypted between one reading
        # and the next, instead of each page being decrypted again.
        cur.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        cur.execute("PRAGMA secure_delete = ON")
    finally:
        cur.close()


def make_engine(path: Path, passphrase: str, *, create: bool) -> Engine:
    return engine_for(database_url(path, passphrase, create=create))


def engine_for(url: URL, **options: object) -> Engine:
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
    event.listen(engine, "connect", on_connect)
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
    lie); the write probe after unlocking (`probe_write`) catches the rest.
    """
    if not writable(path):
        raise ReadOnly(path)


def integrity_problems(engine: Engine, *, full: bool = True) -> list[str]:
    problems: list[str] = []
    with engine.connect() as con:
        problems += [str(r[0]) for r in con.exec_driver_sql("PRAGMA cipher_integrity_check")]
        if full:
            rows = [str(r[0]) for r in con.exec_driver_sql("PRAGMA integrity_check")]
            problems += [r for r in rows if r != "ok"]
    return problems


def verify_connection(engine: Engine, path: Path, *, check_pages: bool) -> None:
    """Prove the key, then that the file is ours (and, if asked, every page sound). Reads only."""
    try:
        con = engine.connect()
    except exc.DatabaseError as err:
        raise classify_open_error(err, path) from None
    with con:
        try:
            app_id = con.exec_driver_sql("PRAGMA application_id").scalar()
            if app_id != APPLICATION_ID:
                raise NotCoordinatorDatabase(path)
            cipher_problems = (
                list(con.exec_driver_sql("PRAGMA cipher_integrity_check")) if check_pages else []
            )
        except exc.DatabaseError as err:
            raise classify_open_error(err, path) from None
        if cipher_problems:
            raise DamagedDatabase(path)


def classify_open_error(err: BaseException, path: Path) -> VaultError:
    """The VaultError for a failure while opening: "not a database" means the wrong key."""
    code, text_ = sqlite_code(err)
    if (code is not None and code & 0xFF == SQLITE_NOTADB) or "not a database" in text_:
        return WrongPassphrase(path)
    fault = storage_fault(err, path)
    if fault is not None:
        return fault
    return DamagedDatabase(path, detail=error_summary(err))


def probe_write(engine: Engine, path: Path) -> None:
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
        raise classify_open_error(err, path) from None
    finally:
        raw.close()
