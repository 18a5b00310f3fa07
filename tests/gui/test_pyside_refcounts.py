"""Guards against a Qt binding that corrupts reference counts in signal-to-slot calls.

PySide6 6.12.0 dropped one reference to None on every slot call and every call of a
method that returns nothing. With None's count in the low thousands, an app whose timers
call Python a few times a minute dies with "Fatal Python error: none_dealloc" within a
day or so, and the test suite died at exit. pyproject.toml excludes that release; this
test fails loudly if such a binding is ever installed again.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

CALLS = 2000


class _Ticker(QObject):
    def __init__(self, slot_result: object) -> None:
        super().__init__()
        self.calls = 0
        self._result = slot_result
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> object:
        self.calls += 1
        if self.calls >= CALLS:
            self.timer.stop()
        return self._result


def _drift(qapp: QApplication, value: object, count: Callable[[], int]) -> int:
    ticker = _Ticker(value)
    gc.collect()
    before = count()
    ticker.timer.start()
    while ticker.timer.isActive():
        qapp.processEvents()
    gc.collect()
    assert ticker.calls == CALLS
    return count() - before


def test_slot_calls_keep_none_alive(qapp: QApplication) -> None:
    drift = _drift(qapp, None, lambda: sys.getrefcount(None))
    assert drift > -CALLS // 4, f"None lost {-drift} references in {CALLS} slot calls"


def test_slot_calls_keep_booleans_alive(qapp: QApplication) -> None:
    drift = _drift(qapp, True, lambda: sys.getrefcount(True))
    assert drift > -CALLS // 4, f"True lost {-drift} references in {CALLS} slot calls"


def test_void_method_calls_keep_none_alive(qapp: QApplication) -> None:
    timer = QTimer()
    gc.collect()
    before = sys.getrefcount(None)
    for interval in range(CALLS):
        timer.setInterval(interval)
    gc.collect()
    drift = sys.getrefcount(None) - before
    assert drift > -CALLS // 4, f"None lost {-drift} references in {CALLS} calls"
