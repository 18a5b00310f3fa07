"""The floor: the least a tray app on backbreak's stack can be. One icon, a one-item menu,
one hourly APScheduler job on APScheduler's QtScheduler.

The benchmark measures it the same way as backbreak, each alone, to show what Python +
PySide6 + APScheduler + a tray icon cost on their own: the part of backbreak's figures
that no code of ours can remove. Prints ``tray-shown <visible> <CLOCK_MONOTONIC seconds>``
once ``show()`` has returned, so the bench can compare Qt's own view with what the tray
host shows.

SIGTERM is left at its default (end the process): a Python handler would need a timer to
get a chance to run inside Qt's event loop, and the floor must have no timer but its job's.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC

from apscheduler.schedulers.qt import QtScheduler
from apscheduler.triggers.interval import IntervalTrigger
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon


def hourly_job() -> None:
    """The one job: does nothing, once an hour."""


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("floor-tray")
    app.setQuitOnLastWindowClosed(False)

    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#2e7d32"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.setToolTip("floor")
    menu = QMenu()
    menu.addAction("Quit").triggered.connect(app.quit)
    tray.setContextMenu(menu)

    # The plain way to use the stack: a UTC QtScheduler (no local-zone lookup) with one
    # interval job, started before the icon shows, as backbreak starts its own.
    scheduler = QtScheduler(timezone=UTC)
    scheduler.add_job(hourly_job, IntervalTrigger(hours=1, timezone=UTC))
    scheduler.start()

    tray.show()
    print(f"tray-shown {tray.isVisible()} {time.monotonic():.6f}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
