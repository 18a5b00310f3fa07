"""The floor: the least a PySide6 tray app can be. One icon, a one-item menu, one hourly timer.

The benchmark runs it next to backbreak to show what Python + Qt + a tray icon cost on
their own. Prints ``tray-shown <visible> <CLOCK_MONOTONIC seconds>`` once ``show()`` has
returned, so the bench can compare Qt's own view with what the tray host shows.

SIGTERM is left at its default (end the process): a Python handler would need a timer to
get a chance to run inside Qt's event loop, and the floor must have no timer but one.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

HOURLY_MS = 60 * 60 * 1000


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

    hourly = QTimer()
    hourly.setInterval(HOURLY_MS)
    hourly.timeout.connect(lambda: None)
    hourly.start()

    tray.show()
    print(f"tray-shown {tray.isVisible()} {time.monotonic():.6f}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
