"""Screenshots of the History window: Today, Week, Month and the empty state, light and dark.

Run: ``QT_QPA_PLATFORM=offscreen python tools/shoot_history_window.py OUT_DIR``. Uses a
generated month of history (``tools/make_history.py``) in a temporary database.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a source checkout

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from backbreak.platform.catalog_files import load_catalog
from backbreak.platform.history import History
from backbreak.ui.history_window import MONTH_TAB, TODAY_TAB, WEEK_TAB, HistoryWindow
from tests.history_data import generate

ZONE = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 13, 16, 30, tzinfo=ZONE)


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#2a2b2e",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#202124",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#80868b"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#80868b"))
    return palette


def shoot(window: HistoryWindow, tab: int, path: Path) -> None:
    window.tabs.setCurrentIndex(tab)
    window.refresh()
    QApplication.processEvents()
    window.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    catalog = load_catalog(None).entries
    areas = {entry.id: entry.areas for entry in catalog}
    events = list(
        generate(
            date(2026, 2, 12), NOW.date(), ZONE, [e.id for e in catalog], until=NOW.astimezone(UTC)
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        for name, palette in (("light", app.style().standardPalette()), ("dark", dark_palette())):
            app.setPalette(palette)
            with History(Path(folder) / f"{name}.sqlite3") as full, History.in_memory() as empty:
                full.record_many(events)
                window = HistoryWindow(full, areas, lambda: ZONE, NOW.date, lambda: None)
                window.show()
                shoot(window, TODAY_TAB, args.out / f"today-{name}.png")
                shoot(window, WEEK_TAB, args.out / f"week-{name}.png")
                shoot(window, MONTH_TAB, args.out / f"month-{name}.png")
                window.close()
                blank = HistoryWindow(
                    empty,
                    areas,
                    lambda: ZONE,
                    NOW.date,
                    lambda: None,
                    next_break_text=lambda: "Next break in 23 min",
                )
                blank.show()
                shoot(blank, TODAY_TAB, args.out / f"empty-{name}.png")
                blank.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
