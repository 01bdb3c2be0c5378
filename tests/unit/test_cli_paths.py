"""Every path the command line takes, however it is typed, gives a plain message and an
exit code: never a traceback."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coordinator.cli import run
from tests.conftest import PASSPHRASE
from tests.unit.test_typed_paths import AWKWARD

#: Text typed as a path, kept inside the test's folder: anything absolute is put under it,
#: and ".." cannot climb out of it.
TYPED = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(max_size=80),
    st.lists(st.sampled_from(["/", "\\", "E:", ".", "~", "\x00", "a", "é", " ", "\t"])).map(
        "".join
    ),
).map(lambda text: text.replace("..", "__"))
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def in_folder(tmp_path, monkeypatch, db_path):
    """The test's folder as the current one, the database in it, the passphrase set."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("COORDINATOR_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("COORDINATOR_BACKUP_PASSPHRASE", raising=False)
    monkeypatch.delenv("COORDINATOR_DB", raising=False)
    return work, db_path


def kept_inside(work, text: str) -> str:
    """Absolute and home paths made to lead into `work` (never / or ~ of this machine),
    except the awkward ones, which write nothing anywhere."""
    if text in AWKWARD:
        return text
    text = text.removeprefix("~")
    if text.startswith(("/", "\\")):
        return str(work) + "/" + text.lstrip("/\\")
    return text


def said_plainly(capsys, code: int) -> None:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    if code != 0:
        assert captured.err.startswith("coordinator: ") and len(captured.err) > 20


@FUZZ
@given(text=TYPED)
def test_backup_out_never_raises(in_folder, capsys, text):
    work, db = in_folder
    code = run(["--db", str(db), "backup", "--out", kept_inside(work, text)])
    assert code in (0, 2, 3)
    said_plainly(capsys, code)
    for made in work.iterdir():  # a backup that was made goes, for the next example
        shutil.rmtree(made) if made.is_dir() else made.unlink()


@FUZZ
@given(text=TYPED)
def test_restore_file_never_raises(in_folder, capsys, text):
    work, db = in_folder
    code = run(["--db", str(db), "restore", kept_inside(work, text)])
    assert code in (2, 3)
    said_plainly(capsys, code)


@FUZZ
@given(text=TYPED)
def test_db_never_raises(in_folder, capsys, text):
    work, _db = in_folder
    code = run(["--db", kept_inside(work, text), "check"])
    assert code in (2, 3)
    said_plainly(capsys, code)


@pytest.mark.parametrize("text", ["", "/", "a\x00b.db", "x" * 5000])
def test_each_awkward_out_is_a_usage_error_naming_the_option(in_folder, capsys, text):
    _work, db = in_folder
    assert run(["--db", str(db), "backup", "--out", text]) == 2
    assert "--out: " in capsys.readouterr().err
