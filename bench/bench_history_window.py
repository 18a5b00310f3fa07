"""Time the History window on five years of dense history (offscreen).

Run: ``python bench/bench_history_window.py``. Generates about 1,250 working days of
history (eight-odd prompts a day, ``tests/history_data.py``) into a temporary database,
then measures, each including a full paint via ``grab()``:

- building the window and its first paint (the Today tab),
- switching Today → Week → Month (each switch queries that tab afresh).

Target: under 200 ms each. Prints milliseconds; the median of a few runs is shown so one
slow start of the Python process does not decide.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a source checkout

from PySide6.QtWidgets import QApplication

from backbreak.platform.catalog_files import load_catalog
from backbreak.platform.history import History
from backbreak.ui.history_window import MONTH_TAB, TODAY_TAB, WEEK_TAB, HistoryWindow
from tests.history_data import generate

ZONE = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 13, 16, 30, tzinfo=ZONE)
YEARS = 5
RUNS = 5
TARGET_MS = 200.0


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def switch_to(window: HistoryWindow, tab: int) -> Callable[[], None]:
    def switch() -> None:
        window.tabs.setCurrentIndex(tab)
        window.grab()

    return switch


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    catalog = load_catalog(None).entries
    areas = {entry.id: entry.areas for entry in catalog}
    first_day: date = NOW.date() - timedelta(days=YEARS * 365)
    events = list(
        generate(first_day, NOW.date(), ZONE, [e.id for e in catalog], until=NOW.astimezone(UTC))
    )
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        with History(path) as history:
            history.record_many(events)
        print(
            f"{len(events):,} events, {first_day} to {NOW.date()}, "
            f"{path.stat().st_size / 1e6:.1f} MB"
        )
        with History(path) as history:
            for _ in range(RUNS):
                started = time.perf_counter()
                window = HistoryWindow(history, areas, lambda: ZONE, NOW.date, lambda: None)
                window.show()  # showEvent loads the Today tab
                window.grab()
                opened = (time.perf_counter() - started) * 1000
                results.setdefault("open + first paint (Today)", []).append(opened)
                for label, tab in (
                    ("switch to Week", WEEK_TAB),
                    ("switch to Month", MONTH_TAB),
                    ("switch back to Today", TODAY_TAB),
                ):
                    results.setdefault(label, []).append(timed(switch_to(window, tab)))
                window.close()
                window.deleteLater()
                app.processEvents()
    slowest = 0.0
    for label, times in results.items():
        median = statistics.median(times)
        slowest = max(slowest, median)
        print(f"{label:<30} median {median:7.1f} ms   (max {max(times):7.1f} ms)")
    verdict = "within" if slowest < TARGET_MS else "OVER"
    print(f"slowest median {slowest:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
