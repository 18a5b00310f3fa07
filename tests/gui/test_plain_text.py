"""Text from a catalog, a setting or the history is shown as plain text everywhere.

One hostile string goes into every field a catalog entry has and into the history; then
every label of every window that shows it is checked: either the label shows plain text,
or the string reached it escaped. Tooltips and notification bodies likewise.
"""

from __future__ import annotations

import stat
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from backbreak.core.catalog import Entry
from backbreak.core.history_model import EventKind, HistoryEvent
from backbreak.core.settings import Settings
from backbreak.platform.history import History
from backbreak.platform.notifier import FreedesktopNotifier
from backbreak.ui.exercises_page import ExercisesPage
from backbreak.ui.history_window import TODAY_TAB, HistoryWindow
from backbreak.ui.prompt import PromptWindow
from backbreak.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

HOSTILE = (
    '<img src="/etc/hostname"><a href="https://example.org">link</a>'
    '<span style="font-size: 96px">BIG</span>'
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"/>'
BERLIN = ZoneInfo("Europe/Berlin")
PROMPTED: EventKind = "prompted"
COMPLETED: EventKind = "completed"


def hostile_entry(entry_id: str = "hostile") -> Entry:
    return Entry(
        id=entry_id,
        title=f"Title {HOSTILE}",
        kind="stretch",
        areas=("neck",),
        duration_seconds=30,
        sides="one",
        steps=(f"Step {HOSTILE}",),
        why=f"Why {HOSTILE}",
        caution=f"Caution {HOSTILE}",
        needs=(),
        illustration="x.svg",
    )


def reads_as_markup(label: QLabel) -> bool:
    text_format = label.textFormat()
    if text_format == Qt.TextFormat.AutoText:
        return bool(QtGui.Qt.mightBeRichText(label.text()))
    return text_format in (Qt.TextFormat.RichText, Qt.TextFormat.MarkdownText)


def check_labels(root: QWidget) -> list[QLabel]:
    """Fail on a label that would render HOSTILE as markup; return those showing it."""
    showing = []
    for label in root.findChildren(QLabel):
        if HOSTILE not in label.text():
            continue
        assert not reads_as_markup(label), (label.accessibleName(), label.text())
        showing.append(label)
    return showing


def names(labels: Iterable[QLabel]) -> set[str]:
    return {label.objectName() for label in labels}


def test_the_prompt_shows_every_catalog_text_as_typed(qtbot: QtBot) -> None:
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    prompt.show_entry(hostile_entry(), SVG, True, 10)
    showing = check_labels(prompt)
    assert {"title", "why", "caution"} <= names(showing)
    steps = [label for label in prompt.findChildren(QLabel) if "Step" in label.text()]
    assert steps and all("&lt;img" in label.text() for label in steps)
    prompt.close_prompt()


def test_the_exercises_page_shows_every_catalog_text_as_typed(qtbot: QtBot) -> None:
    page = ExercisesPage([hostile_entry()], lambda entry: SVG)
    qtbot.addWidget(page)
    page.show()
    page.select(hostile_entry().id)
    showing = check_labels(page)
    assert {page.preview_title, page.preview_note} <= set(showing)


def test_the_settings_dialog_shows_catalog_texts_as_typed(qtbot: QtBot) -> None:
    dialog = SettingsDialog(
        Settings(), entries=[hostile_entry()], illustration_loader=lambda entry: SVG
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.exercises.select(hostile_entry().id)
    assert check_labels(dialog)


def test_history_shows_titles_as_typed_in_labels_and_tooltips(qtbot: QtBot, tmp_path: Path) -> None:
    now = datetime.now(BERLIN).replace(hour=12, minute=0, second=0, microsecond=0)
    with History(tmp_path / "history.sqlite3") as history:
        for minutes, kind in ((0, PROMPTED), (1, COMPLETED)):
            at = (now + timedelta(minutes=minutes)).astimezone(UTC)
            history.record(HistoryEvent(kind, at, now.date(), 60, entry_id="hostile", seconds=30))
        window = HistoryWindow(
            history,
            {"hostile": ("neck",)},
            lambda: BERLIN,
            now.date,
            lambda: None,
            titles={"hostile": f"Title {HOSTILE}"},
        )
        qtbot.addWidget(window)
        window.show()
        window.tabs.setCurrentIndex(TODAY_TAB)
        assert not window.grab().isNull()  # paints the timeline and places its markers
        assert check_labels(window)
        chart = window.today_page.timeline
        marker = next(p for p in chart._placed if HOSTILE in p.text)
        centre = marker.rect.center().toPoint()
        QApplication.sendEvent(
            chart, QHelpEvent(QEvent.Type.ToolTip, centre, chart.mapToGlobal(centre))
        )
        assert QToolTip.isVisible()
        shown = QToolTip.text()
        assert HOSTILE not in shown and "&lt;img" in shown
        QToolTip.hideText()
        window.close()


def test_a_notification_body_is_escaped_for_a_markup_server(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorded = tmp_path / "argv"
    fake = tmp_path / "notify-send"
    fake.write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > {recorded}\n')
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    notifier = FreedesktopNotifier(bus_address=None, notify_send=str(fake))
    monkeypatch.setattr(notifier, "capabilities", lambda: ["body", "body-markup"])
    assert notifier.show("backbreak", f"settings: {HOSTILE} & more", (), None)
    deadline = time.monotonic() + 10
    while not (recorded.exists() and recorded.read_text().strip()) and time.monotonic() < deadline:
        qtbot.wait(20)
    body = recorded.read_text().splitlines()[-1]
    escaped = HOSTILE.replace("<", "&lt;").replace(">", "&gt;")
    assert body == f"settings: {escaped} &amp; more"
    # Whether notify-send has ended by now or close() has to stop it is up to timing;
    # either way is safe (test_notifier's test of a notifier dropped mid-notification).
    notifier.close()
