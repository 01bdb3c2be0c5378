"""Operations: work off the GUI thread, cancel, errors shown plainly, what changed, busy."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from sqlalchemy import func, select

from coordinator.models import Mother
from coordinator.services.changes import Kind
from coordinator.storage.errors import WrongPassphrase
from coordinator.ui.kit.operations import ThreadRunner, follow_changes, operations, use_runner
from coordinator.ui.kit.task_dialog import TaskDialog


@pytest.fixture
def threads(operations_runner):
    return use_runner(ThreadRunner())


@pytest.fixture
def page(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_work_runs_off_the_gui_thread_and_its_outcome_arrives_on_it(qtbot, threads, page):
    seen: dict[str, object] = {}

    def work(_progress):
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return 42

    op = threads.run(work, parent=page, name="answer")
    op.succeeded.connect(lambda value: seen.update(value=value, gui=QApplication.instance()))
    with qtbot.waitSignal(op.finished, timeout=5_000):
        pass
    assert seen["worker"] is False
    assert seen["value"] == 42
    assert not op.running and threads.busy == 0


def test_cancel_stops_an_import_at_its_next_progress_report_and_keeps_nothing(
    qtbot, threads, vault, page, tmp_path
):
    from coordinator.services import importing

    sheet = tmp_path / "referrals.csv"
    sheet.write_text("Name,Postcode\n" + "".join(f"Mum {i},LS6 1AA\n" for i in range(200)))
    first_report = threading.Event()
    go_on = threading.Event()

    def work(progress):
        def report(done: int, total: int) -> None:
            first_report.set()
            go_on.wait(5)
            progress(done, total)  # raises Cancelled once cancel was asked

        return importing.import_file(vault, "mothers", sheet, progress=report)

    op = threads.run(work, parent=page, name="import", changes={Kind.MOTHER})
    failed, changed = [], []
    op.failed.connect(failed.append)
    operations().changed.connect(changed.append)
    assert first_report.wait(5)
    with qtbot.waitSignal(op.cancelled, timeout=5_000):
        op.cancel()
        go_on.set()
    assert failed == [] and changed == []
    with vault.session() as session:
        assert session.scalar(select(func.count()).select_from(Mother)) == 0


def test_a_failure_is_shown_in_plain_words_without_a_traceback(qtbot, page, tmp_path):
    def work(_progress):
        raise WrongPassphrase(tmp_path / "secret-name.db")

    op = operations().run(work, parent=page, name="fails")
    with qtbot.waitSignal(op.failed, timeout=5_000):
        pass
    boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].text() == WrongPassphrase(tmp_path / "x.db").user_message()
    assert "Traceback" not in boxes[0].text() and "secret-name" not in boxes[0].text()
    boxes[0].close()


def test_busy_counts_work_the_window_must_wait_for(qtbot, held_runner, page):
    ops = operations()
    counts: list[int] = []
    ops.busy_changed.connect(counts.append)
    ops.run(lambda _p: None, parent=page, name="backup")
    ops.run(lambda _p: None, parent=page, name="page-check", holds=False)
    assert ops.busy == 1 and len(ops.running()) == 2
    held_runner.release()
    qtbot.waitUntil(lambda: not ops.running())
    assert ops.busy == 0 and counts == [1, 0]


def test_work_whose_page_was_deleted_is_forgotten_once_it_ends(qtbot, held_runner):
    """Locking deletes the pages; their background work must not stay counted for ever
    (the window would never lock or quit again)."""
    ops = operations()
    owner = QWidget()
    ops.run(lambda _p: None, parent=owner, name="alerts", holds=False)
    ops.run(lambda _p: None, parent=owner, name="export")
    assert ops.busy == 1 and len(ops.running()) == 2
    owner.deleteLater()
    qtbot.waitUntil(lambda: not ops.running())  # no outcome can reach a deleted page
    assert ops.busy == 1  # the export is still writing: the window still waits for it
    held_runner.release()
    qtbot.waitUntil(lambda: ops.busy == 0)


def test_a_shown_page_reloads_at_once_and_a_hidden_one_when_next_shown(qtbot, page):
    loads: list[str] = []
    follow_changes(page, {Kind.MOTHER}, lambda: loads.append("mothers"))
    with qtbot.waitExposed(page):
        page.show()
    assert loads == ["mothers"]  # first shown: loaded once
    operations().notify({Kind.MOTHER})
    assert loads == ["mothers"] * 2
    operations().notify({Kind.SERVICE})  # not what it shows
    assert loads == ["mothers"] * 2
    page.hide()
    operations().notify({Kind.MOTHER, Kind.MATCH})
    operations().notify({Kind.MOTHER})
    assert loads == ["mothers"] * 2  # hidden: marked stale only
    with qtbot.waitExposed(page):
        page.show()
    assert loads == ["mothers"] * 3  # once, however many changes came meanwhile


def test_a_change_reaches_the_page_when_the_work_succeeds(qtbot, page):
    loads: list[int] = []
    follow_changes(page, {Kind.VOLUNTEER}, lambda: loads.append(1))
    with qtbot.waitExposed(page):
        page.show()
    op = operations().run(lambda _p: None, parent=page, name="edit", changes={Kind.VOLUNTEER})
    assert loads == [1]  # not before it has finished
    with qtbot.waitSignal(op.finished, timeout=5_000):
        pass
    assert loads == [1, 1]


def test_a_dialog_cannot_be_closed_while_its_work_runs(qtbot, held_runner):
    dialog = TaskDialog()
    QLabel("Working", dialog)
    qtbot.addWidget(dialog)
    task = dialog.new_task({Kind.BACKUP})
    with qtbot.waitExposed(dialog):
        dialog.show()
    task.start(lambda _p: None, "backup")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.reject()
    dialog.close()
    assert dialog.isVisible() and dialog.working
    held_runner.release()
    qtbot.waitUntil(lambda: not dialog.working)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
