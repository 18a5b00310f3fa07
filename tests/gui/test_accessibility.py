"""Accessibility of every window: each control has a name a screen reader can say, the
keyboard reaches every control (Tab walks all of them and comes back round: no trap), and
text grows with the system font."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from backbreak.core.settings import Settings
from backbreak.doctor import DoctorLine
from backbreak.platform.history import History
from backbreak.ui.about import AboutDialog
from backbreak.ui.history_window import MONTH_TAB, TODAY_TAB, WEEK_TAB, HistoryWindow
from backbreak.ui.prompt import LARGE_TEXT_SCALE, PromptWindow
from backbreak.ui.settings_dialog import SettingsDialog
from backbreak.ui.tray import TrayController
from tests.gui.test_prompt import SVG, make_entry
from tests.gui.test_settings_dialog import CATALOG
from tests.history_data import generate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

INTERACTIVE = (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QAbstractItemView,
    QTabWidget,
    QTextEdit,
)
"""What a user operates: buttons and check boxes, number and time boxes, lists, tables,
tabs, text fields (a read-only text browser too: it scrolls and selects)."""

_COMPOSITES = (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView, QTextEdit)
"""Controls built from inner widgets (a spin box's line edit, a table's header, a line
edit's clear button): the outer control is the one that is named and focused."""

MAX_SECTIONS = 4
"""Tab presses a control may keep to itself (a time box's hour and minute sections)."""

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 13, 16, 30, tzinfo=BERLIN)


# ---- helpers -----------------------------------------------------------------------------


def _is_inner_part(widget: QWidget, window: QWidget) -> bool:
    if isinstance(widget, QTabBar) and isinstance(widget.parentWidget(), QTabWidget):
        return True  # named through its QTabWidget
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, _COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def controls(window: QWidget) -> list[QWidget]:
    """Every interactive widget of ``window`` (shown or not), inner parts left out."""
    return [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, INTERACTIVE) and not _is_inner_part(widget, window)
    ]


def unnamed(window: QWidget) -> list[str]:
    """Controls with neither an accessible name nor a label pointing at them."""
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy()}
    return [
        f"{type(widget).__name__} {widget.objectName()!r} {getattr(widget, 'text', str)()!r}"
        for widget in controls(window)
        if not widget.accessibleName().strip() and id(widget) not in buddies
    ]


def _focus_target(widget: QWidget) -> QWidget:
    proxy = widget.focusProxy()
    while proxy is not None:
        widget, proxy = proxy, proxy.focusProxy()
    return widget


def tab_reachable(window: QWidget) -> list[QWidget]:
    """The controls that Tab must reach right now: every one shown and enabled (a
    control that refuses keyboard focus is one a keyboard user can't operate)."""
    return [
        widget
        for widget in controls(window) + window.findChildren(QTabBar)
        if widget.isVisibleTo(window) and widget.isEnabled()
    ]


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def walk_with_tab(qtbot: QtBot, window: QWidget, key: Qt.Key = Qt.Key.Key_Tab) -> list[QWidget]:
    """Press Tab (as a user would) until focus comes back to where it started; the
    widgets that had the focus, in order. Fails on a trap (focus stuck or lost)."""
    expected = tab_reachable(window)
    assert expected, "nothing to focus"
    start = _focus_target(expected[0])
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    visited: list[QWidget] = [start]
    presses_here = 0
    for _ in range(3 * len(expected) + 10):
        current = QApplication.focusWidget()
        assert current is not None, f"focus lost after {visited[-1]!r}"
        QTest.keyClick(current, key)
        now = QApplication.focusWidget()
        assert now is not None, f"focus lost after {current!r}"
        assert now.window() is window, f"Tab left the window from {current!r}"
        if now is start:
            return visited
        if now is current:
            # A time box takes Tab from its hours to its minutes first (Qt's way), then
            # lets go; more presses than that in one place is a trap.
            presses_here += 1
            assert presses_here < MAX_SECTIONS, f"focus trapped in {current!r}"
            continue
        presses_here = 0
        visited.append(now)
    raise AssertionError(f"Tab never came back round: {[type(w).__name__ for w in visited]}")


def assert_keyboard_reaches_everything(qtbot: QtBot, window: QWidget) -> None:
    forward = walk_with_tab(qtbot, window)
    reached = {id(widget) for widget in forward}
    missed = [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in tab_reachable(window)
        if id(_focus_target(widget)) not in reached
    ]
    assert missed == [], f"Tab never reaches {missed}"
    # Shift+Tab walks the same ring backwards.
    backward = walk_with_tab(qtbot, window, Qt.Key.Key_Backtab)
    assert {id(widget) for widget in backward} == reached


# ---- windows -----------------------------------------------------------------------------


@pytest.fixture
def prompt(qtbot: QtBot) -> Iterator[PromptWindow]:
    window = PromptWindow()
    qtbot.addWidget(window)
    window.show_entry(make_entry(), SVG, True, 10)
    yield window
    window.close_prompt()


@pytest.fixture
def settings_dialog(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(Settings(), entries=CATALOG)
    qtbot.addWidget(dialog)
    # A selected exercise: the preview's check box and star button are on screen too.
    assert dialog.exercises.select(CATALOG[0].id)
    return dialog


@pytest.fixture
def history_window(qtbot: QtBot, tmp_path: Path) -> Iterator[HistoryWindow]:
    today = NOW.date()
    with History(tmp_path / "history.sqlite3") as history:
        history.record_many(
            generate(
                today - timedelta(days=29),
                today,
                BERLIN,
                ["neck-turns", "chin-tucks"],
                seed=3,
                until=NOW.astimezone(UTC),
            )
        )
        window = HistoryWindow(
            history, {"neck-turns": ("neck",)}, lambda: BERLIN, lambda: today, lambda: None
        )
        qtbot.addWidget(window)
        yield window
        window.close()


@pytest.fixture
def about_dialog(qtbot: QtBot) -> AboutDialog:
    lines = [DoctorLine("Tray", True, "works"), DoctorLine("Idle", False, "none", "Install x")]
    dialog = AboutDialog({"Settings": "/tmp/s.toml"}, diagnostics=lambda: lines)
    qtbot.addWidget(dialog)
    return dialog


# ---- every control has a name ------------------------------------------------------------


def test_every_prompt_control_has_a_name(prompt: PromptWindow) -> None:
    assert len(controls(prompt)) >= 7
    assert unnamed(prompt) == []


def test_every_settings_control_on_every_page_has_a_name(settings_dialog: SettingsDialog) -> None:
    assert len(controls(settings_dialog)) > 40
    assert unnamed(settings_dialog) == []


def test_every_history_control_has_a_name(history_window: HistoryWindow) -> None:
    assert unnamed(history_window) == []


def test_every_about_control_has_a_name(qtbot: QtBot, about_dialog: AboutDialog) -> None:
    about_dialog.show_diagnostics()
    page = about_dialog.diagnostics_page
    assert page is not None
    qtbot.waitUntil(lambda: page.lines is not None)
    assert unnamed(about_dialog) == []


def test_the_name_check_catches_an_unnamed_control(qtbot: QtBot) -> None:
    """The check above can fail: a bare combo box, and one named only by a label."""
    window = QWidget()
    qtbot.addWidget(window)
    bare = QComboBox(window)
    bare.setObjectName("bare")
    labelled = QComboBox(window)
    QLabel("&Colour", window).setBuddy(labelled)
    assert unnamed(window) == ["QComboBox 'bare' ''"]


def test_every_tray_menu_entry_has_words(qtbot: QtBot) -> None:
    tray = TrayController(tray_available=lambda: False, dark_panel=True, history_enabled=True)
    assert tray.menu.accessibleName()

    def entries(menu: QMenu) -> Iterator[QAction]:
        for action in menu.actions():
            if action.isSeparator():
                continue
            yield action
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                yield from entries(submenu)

    actions = list(entries(tray.menu))
    assert len(actions) > 10
    assert [action for action in actions if not action.text().replace("&", "").strip()] == []


# ---- the keyboard reaches every control ---------------------------------------------------


def test_tab_walks_every_prompt_control(qtbot: QtBot, prompt: PromptWindow) -> None:
    activate(qtbot, prompt)
    assert_keyboard_reaches_everything(qtbot, prompt)


@pytest.mark.parametrize("page", range(6))
def test_tab_walks_every_control_of_each_settings_page(
    qtbot: QtBot, settings_dialog: SettingsDialog, page: int
) -> None:
    settings_dialog.tabs.setCurrentIndex(page)
    activate(qtbot, settings_dialog)
    assert_keyboard_reaches_everything(qtbot, settings_dialog)


@pytest.mark.parametrize("tab", [TODAY_TAB, WEEK_TAB, MONTH_TAB])
def test_tab_walks_every_history_control(
    qtbot: QtBot, history_window: HistoryWindow, tab: int
) -> None:
    history_window.tabs.setCurrentIndex(tab)
    activate(qtbot, history_window)
    assert_keyboard_reaches_everything(qtbot, history_window)


@pytest.mark.parametrize("diagnostics", [False, True])
def test_tab_walks_every_about_control(
    qtbot: QtBot, about_dialog: AboutDialog, diagnostics: bool
) -> None:
    activate(qtbot, about_dialog)
    if diagnostics:
        about_dialog.show_diagnostics()
        page = about_dialog.diagnostics_page
        assert page is not None
        qtbot.waitUntil(lambda: page.lines is not None)
    assert_keyboard_reaches_everything(qtbot, about_dialog)


def test_the_keyboard_check_catches_an_unreachable_control_and_a_trap(qtbot: QtBot) -> None:
    """The walks above can fail: a button that refuses focus, a text box that eats Tab."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    first, mouse_only = QPushButton("One"), QPushButton("Two")
    mouse_only.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    layout.addWidget(first)
    layout.addWidget(mouse_only)
    activate(qtbot, window)
    with pytest.raises(AssertionError, match="never reaches"):
        assert_keyboard_reaches_everything(qtbot, window)

    mouse_only.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    assert_keyboard_reaches_everything(qtbot, window)
    eats_tab = QTextEdit()  # takes Tab as a character: a trap
    layout.addWidget(eats_tab)
    eats_tab.show()
    with pytest.raises(AssertionError, match="trapped"):
        assert_keyboard_reaches_everything(qtbot, window)


# ---- text follows the system font -----------------------------------------------------------


@pytest.fixture
def restore_app_font(qapp: QApplication) -> Iterator[QFont]:
    font = QFont(qapp.font())
    yield font
    QApplication.setFont(font)


def _size(widget: QWidget) -> float:
    return widget.font().pointSizeF()


def test_prompt_text_grows_with_the_system_font_while_open(
    qtbot: QtBot, prompt: PromptWindow, restore_app_font: QFont
) -> None:
    title = prompt.findChild(QLabel, "title")
    clock = prompt.findChild(QLabel, "countdown_clock")
    done = prompt.findChild(QAbstractButton, "done")
    assert title is not None and clock is not None and done is not None
    base = restore_app_font.pointSizeF()
    assert _size(title) == pytest.approx(base * 1.35)
    before = (_size(title), _size(clock), _size(done))

    bigger = QFont(restore_app_font)
    bigger.setPointSizeF(base * 1.5)
    QApplication.setFont(bigger)
    qtbot.waitUntil(lambda: _size(title) > before[0])

    assert _size(title) == pytest.approx(base * 1.5 * 1.35)
    assert _size(clock) == pytest.approx(before[1] * 1.5)
    assert _size(done) == pytest.approx(before[2] * 1.5)
    assert title.font().bold()


def test_larger_text_option_grows_the_exercise_text_not_the_buttons(
    prompt: PromptWindow,
) -> None:
    names = ("title", "steps", "caution", "countdown_clock", "countdown_status")
    labels = [prompt.findChild(QLabel, name) for name in names]
    done = prompt.findChild(QAbstractButton, "done")
    assert all(labels) and done is not None
    before = [_size(label) for label in labels if label is not None]
    button_before = _size(done)
    height_before = prompt.sizeHint().height()

    prompt.set_large_text(True)
    assert prompt.large_text
    after = [_size(label) for label in labels if label is not None]
    assert after == pytest.approx([size * LARGE_TEXT_SCALE for size in before])
    assert _size(done) == button_before
    assert prompt.sizeHint().height() > height_before
    # The open window grew to fit: no line squeezed onto another.
    layout = prompt.layout()
    assert layout is not None
    QApplication.processEvents()
    assert prompt.height() >= layout.totalHeightForWidth(prompt.width())

    prompt.set_large_text(False)
    assert [_size(label) for label in labels if label is not None] == pytest.approx(before)


def test_bold_status_keeps_the_large_size(prompt: PromptWindow) -> None:
    """The countdown line turns bold on "Switch sides": it must stay large too."""
    status = prompt.findChild(QLabel, "countdown_status")
    assert status is not None
    prompt.set_large_text(True)
    large = _size(status)
    start = prompt.findChild(QAbstractButton, "start")
    assert start is not None
    start.click()
    for _ in range(5):  # the 10 s each-side entry switches sides halfway
        prompt.tick()
    assert prompt.countdown_status == "Switch sides"
    assert status.font().bold()
    assert _size(status) == pytest.approx(large)
