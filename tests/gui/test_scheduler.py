"""Regression tests for the five APScheduler 3.11 + PySide6 traps (see scheduler.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, tzinfo

import pytest
from apscheduler.events import EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.qt import QtScheduler
from apscheduler.triggers.date import DateTrigger
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer
from pytestqt.qtbot import QtBot

from backbreak.platform.scheduler import GuiThreadQtScheduler, QtWaker


@pytest.fixture
def waker(qtbot: QtBot) -> Iterator[QtWaker]:
    w = QtWaker()
    w.start()
    yield w
    w.shutdown()
    assert not w.scheduler.timer_active


def _soon(seconds: float) -> datetime:
    return datetime.now(UTC) + timedelta(seconds=seconds)


def test_many_reschedules_give_one_callback_and_flat_wakeups(qtbot: QtBot, waker: QtWaker) -> None:
    calls: list[int] = []
    for i in range(50):
        waker.wake_at(_soon(0.2 + i * 0.006), lambda: calls.append(1))
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=3000)
    qtbot.wait(300)  # looking for extra callbacks or stray timer chains
    assert calls == [1]
    # One timeout for the coalesced "jobs changed" wake-up, one at the due time.
    assert waker.scheduler.timer_timeouts == 2
    assert not waker.scheduler.timer_active


class _CountingStockScheduler(QtScheduler):  # type: ignore[misc]
    runs = 0

    def _process_jobs(self) -> None:
        self.runs += 1
        super()._process_jobs()


def test_documents_upstream_stock_qtscheduler_piles_up_timer_chains(qtbot: QtBot) -> None:
    """Upstream behaviour, not ours: shows the test above would catch trap 1.

    If this starts failing, APScheduler fixed QtScheduler and our subclass may go.
    """
    stock = _CountingStockScheduler(
        timezone=UTC,
        executors={"default": DebugExecutor()},
        jobstores={"default": MemoryJobStore()},
    )
    stock.start()
    ran: list[int] = []
    for i in range(50):
        stock.add_job(
            lambda: ran.append(1),
            trigger=DateTrigger(run_date=_soon(0.2 + i * 0.002), timezone=UTC),
            id="job",
            replace_existing=True,
        )
    # 50 immediate wake-ups, each starting its own chain that fires again at the due time
    # (coarse timers firing early add a few more passes).
    qtbot.waitUntil(lambda: ran == [1] and stock.runs >= 100, timeout=3000)
    stock.shutdown(wait=False)
    assert ran == [1]
    assert stock.runs >= 100


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    assert app is not None
    return (
        threading.current_thread() is threading.main_thread()
        and QThread.currentThread() == app.thread()
    )


def test_callback_runs_on_the_gui_thread(qtbot: QtBot, waker: QtWaker) -> None:
    seen: list[bool] = []
    waker.wake_at(_soon(0.05), lambda: seen.append(_on_gui_thread()))
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=2000)
    assert seen == [True]


def test_wake_at_from_a_worker_thread_is_not_lost(qtbot: QtBot, waker: QtWaker) -> None:
    seen: list[bool] = []
    worker = threading.Thread(
        target=lambda: waker.wake_at(_soon(0.05), lambda: seen.append(_on_gui_thread()))
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=2000)
    qtbot.wait(100)
    assert seen == [True]


def test_due_time_already_past_fires_exactly_once(qtbot: QtBot, waker: QtWaker) -> None:
    calls: list[int] = []
    waker.wake_at(datetime.now(UTC) - timedelta(hours=1), lambda: calls.append(1))
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=2000)
    qtbot.wait(200)
    assert calls == [1]


class _Jump:
    """Moves APScheduler's notion of "now" forward, as a suspend would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.offset = timedelta()
        jump = self

        class _JumpingDatetime(datetime):
            @classmethod
            def now(cls, tz: tzinfo | None = None) -> _JumpingDatetime:
                real = datetime.now(tz) + jump.offset
                return cls.fromtimestamp(real.timestamp(), tz)

        monkeypatch.setattr("apscheduler.schedulers.base.datetime", _JumpingDatetime)
        monkeypatch.setattr("apscheduler.executors.base.datetime", _JumpingDatetime)


def test_prompt_due_during_sleep_fires_once_on_wake(
    qtbot: QtBot, waker: QtWaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    jump = _Jump(monkeypatch)
    calls: list[int] = []
    waker.wake_at(_soon(3600), lambda: calls.append(1))
    qtbot.wait(50)
    jump.offset = timedelta(hours=2)  # slept through the due time
    waker.scheduler.wakeup()  # what a resume does
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=2000)
    qtbot.wait(200)
    assert calls == [1]


def test_documents_default_grace_time_drops_a_prompt_due_during_sleep(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Upstream default (trap 5): with misfire_grace_time=1 the same wake-up is missed."""
    jump = _Jump(monkeypatch)
    owner = QObject()
    scheduler = GuiThreadQtScheduler(
        owner,
        timezone=UTC,
        executors={"default": DebugExecutor()},
        jobstores={"default": MemoryJobStore()},
    )
    missed: list[JobExecutionEvent] = []
    ran: list[int] = []
    scheduler.add_listener(missed.append, EVENT_JOB_MISSED)
    scheduler.start()
    scheduler.add_job(
        lambda: ran.append(1), trigger=DateTrigger(run_date=_soon(3600), timezone=UTC)
    )
    jump.offset = timedelta(hours=2)
    scheduler.wakeup()
    qtbot.waitUntil(lambda: len(missed) == 1, timeout=2000)
    scheduler.shutdown(wait=False)
    assert ran == []


def test_callback_running_a_nested_event_loop_does_not_reenter(
    qtbot: QtBot, waker: QtWaker
) -> None:
    calls: list[int] = []

    def blocking_callback() -> None:
        # What dialog.exec() does: spin a nested event loop for a while.
        calls.append(1)
        loop = QEventLoop()
        QTimer.singleShot(300, loop.quit)
        loop.exec()

    waker.wake_at(_soon(0.05), blocking_callback)
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=2000)
    qtbot.wait(400)
    assert calls == [1]


def test_callback_may_reschedule_itself(qtbot: QtBot, waker: QtWaker) -> None:
    calls: list[int] = []

    def again() -> None:
        calls.append(1)
        if len(calls) < 3:
            waker.wake_at(_soon(0.02), again)

    waker.wake_at(_soon(0.02), again)
    qtbot.waitUntil(lambda: len(calls) == 3, timeout=2000)
    qtbot.wait(150)
    assert calls == [1, 1, 1]


def test_none_cancels_the_pending_wakeup(qtbot: QtBot, waker: QtWaker) -> None:
    calls: list[int] = []
    waker.wake_at(_soon(0.1), lambda: calls.append(1))
    waker.wake_at(None, lambda: calls.append(1))
    qtbot.wait(300)
    assert calls == []
    assert not waker.scheduler.timer_active


def test_naive_datetime_is_refused(waker: QtWaker) -> None:
    with pytest.raises(ValueError, match="aware"):
        waker.wake_at(datetime.now(), lambda: None)
