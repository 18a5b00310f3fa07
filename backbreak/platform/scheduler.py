"""The Waker port on APScheduler 3.11's QtScheduler, with its PySide6 traps fixed.

Each trap below was reproduced with APScheduler 3.11 + PySide6 and has a regression test
in tests/gui/test_scheduler.py:

1. The stock ``_start_timer`` keeps the return value of the static ``QTimer.singleShot``,
   which is ``None`` in PySide6, so ``_stop_timer`` cancels nothing and every add/modify
   starts another timer chain. We own ONE reusable single-shot ``QTimer`` instead.
2. The default executor is a thread pool (jobs off the GUI thread). We pass a
   ``DebugExecutor`` object: jobs run inline on the GUI thread.
3. ``wakeup()`` from a non-GUI thread starts a timer on the wrong thread and is lost.
   ``wakeup()`` here only emits a signal delivered through a queued connection.
4. A job that blocks (``dialog.exec()``) re-enters ``_process_jobs``. Our job only emits a
   signal; the user's callback runs from a queued slot after ``_process_jobs`` returned.
5. ``misfire_grace_time=1`` drops a wake-up that came due while the machine slept. We use
   ``misfire_grace_time=None, coalesce=True, max_instances=1``, UTC, and objects (not
   string aliases, which need entry-point metadata and break in frozen builds) for the
   executor, job store and trigger.
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.schedulers.qt import QtScheduler
from apscheduler.triggers.date import DateTrigger
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

_JOB_ID = "backbreak-wake"
# QTimer takes a signed 32-bit millisecond interval (~24.8 days).
_MAX_INTERVAL_MS = 2_147_483_647


class _WakeupRelay(QObject):
    """Carries ``wakeup()`` requests from any thread to the GUI thread."""

    requested = Signal()


class GuiThreadQtScheduler(QtScheduler):  # type: ignore[misc]
    """QtScheduler with one owned timer and thread-safe ``wakeup()`` (traps 1 and 3).

    Create it on the GUI thread; ``_process_jobs`` then only ever runs there.
    """

    def __init__(self, parent: QObject, **options: object) -> None:
        self._own_timer = QTimer(parent)
        self._own_timer.setSingleShot(True)
        # The default coarse timer may fire up to 5 % early; APScheduler then finds
        # nothing due and needs another pass. One timer an hour costs nothing precise.
        self._own_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._own_timer.timeout.connect(self._on_timeout)
        self._relay = _WakeupRelay(parent)
        # Queued even when emitted on the GUI thread: the wake-up then never runs inside
        # the caller (possibly inside _process_jobs) and many requests coalesce into one
        # restart of the same timer.
        self._relay.requested.connect(self._on_wakeup_requested, Qt.ConnectionType.QueuedConnection)
        self._wakeup_lock = threading.Lock()
        self._wakeup_queued = False
        #: Test hooks: how often the timer was (re)started and how often it fired.
        self.timer_starts = 0
        self.timer_timeouts = 0
        super().__init__(**options)

    def wakeup(self) -> None:
        # Coalesce: fifty reschedules in a row need one pass, not fifty queued ones that
        # the event loop may interleave with timer firings.
        with self._wakeup_lock:
            if self._wakeup_queued:
                return
            self._wakeup_queued = True
        self._relay.requested.emit()

    @property
    def timer_active(self) -> bool:
        return self._own_timer.isActive()

    def _on_wakeup_requested(self) -> None:
        with self._wakeup_lock:
            self._wakeup_queued = False
        if self.state != STATE_STOPPED:
            self._start_timer(0)

    def _on_timeout(self) -> None:
        self.timer_timeouts += 1
        if self.state != STATE_STOPPED:
            self._process_jobs()

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._stop_timer()
        if wait_seconds is not None:
            self.timer_starts += 1
            # Round UP: the stock int() truncation turns "due in 0.4 ms" into a 0 ms
            # timer that finds nothing due and spins until the job's time arrives.
            self._own_timer.start(min(math.ceil(wait_seconds * 1000), _MAX_INTERVAL_MS))

    def _stop_timer(self) -> None:
        self._own_timer.stop()


class _DueRelay(QObject):
    """The job's only action: say which wake-up came due (trap 4)."""

    due = Signal(int)


class QtWaker(QObject):
    """Implements ``backbreak.ports.Waker``: one pending wake-up, callback on GUI thread.

    Construct, ``start()`` and ``shutdown()`` on the GUI thread. ``wake_at`` may be called
    from any thread.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._generation = 0
        self._callback: Callable[[], None] | None = None
        self._due = _DueRelay(self)
        self._due.due.connect(self._on_due, Qt.ConnectionType.QueuedConnection)
        self.scheduler = GuiThreadQtScheduler(
            self,
            timezone=UTC,
            executors={"default": DebugExecutor()},
            jobstores={"default": MemoryJobStore()},
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )

    def start(self) -> None:
        self.scheduler.start()

    def shutdown(self) -> None:
        with self._lock:
            self._generation += 1
            self._callback = None
        if self.scheduler.state != STATE_STOPPED:
            self.scheduler.shutdown(wait=False)

    def wake_at(self, when: datetime | None, callback: Callable[[], None]) -> None:
        if when is not None and when.tzinfo is None:
            raise ValueError("wake_at needs an aware datetime")
        with self._lock:
            self._generation += 1
            generation = self._generation
            self._callback = None if when is None else callback
        if when is None:
            with contextlib.suppress(JobLookupError):
                self.scheduler.remove_job(_JOB_ID)
            return
        # A time already in the past still runs: DateTrigger keeps it as the next run
        # time and misfire_grace_time=None means "late is fine" (wake-up after sleep).
        self.scheduler.add_job(
            self._due.due.emit,
            trigger=DateTrigger(run_date=when.astimezone(UTC), timezone=UTC),
            args=(generation,),
            id=_JOB_ID,
            replace_existing=True,
        )

    @Slot(int)
    def _on_due(self, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return  # replaced or cancelled after the job fired
            callback, self._callback = self._callback, None
        if callback is not None:
            callback()
