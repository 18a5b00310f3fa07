"""The About window's Diagnostics tab: the doctor report, run only when the tab opens."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from backbreak.doctor import DoctorLine
from backbreak.ui.about import AboutDialog

LINES = [
    DoctorLine("Tray", True, "StatusNotifierWatcher answers"),
    DoctorLine(
        "Idle time",
        False,
        "no idle source answers",
        "Install the Mutter idle monitor or run an X11 session.",
    ),
]


def counting(lines: list[DoctorLine]) -> tuple[Callable[[], list[DoctorLine]], list[int]]:
    calls: list[int] = []

    def diagnostics() -> list[DoctorLine]:
        calls.append(1)
        return lines

    return diagnostics, calls


def settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def make(qtbot: QtBot, diagnostics: Callable[[], list[DoctorLine]] | None) -> AboutDialog:
    dialog = AboutDialog({"Settings": "/tmp/s.toml"}, diagnostics=diagnostics)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_checks_run_only_when_the_tab_is_opened_and_only_once(qtbot: QtBot) -> None:
    diagnostics, calls = counting(LINES)
    dialog = make(qtbot, diagnostics)
    page = dialog.diagnostics_page
    assert page is not None and dialog.tabs is not None
    settle()  # pending events and zero-delay timers ran: still nothing may run
    assert calls == []
    assert page.lines is None

    dialog.show_diagnostics()
    qtbot.waitUntil(lambda: page.lines is not None)
    assert calls == [1]
    dialog.tabs.setCurrentIndex(0)
    dialog.show_diagnostics()
    settle()
    assert calls == [1]  # opening the tab again shows the same report


def test_each_line_says_works_or_not_in_words_with_advice(qtbot: QtBot) -> None:
    diagnostics, _calls = counting(LINES)
    dialog = make(qtbot, diagnostics)
    page = dialog.diagnostics_page
    assert page is not None
    dialog.show_diagnostics()
    qtbot.waitUntil(lambda: page.lines is not None)
    text = page.report.toPlainText()
    assert "✓" in text and "works" in text
    assert "✗" in text and "not available" in text
    assert "StatusNotifierWatcher answers" in text
    assert "What you can do: Install the Mutter idle monitor" in text
    # The tick and cross are words on the page, not a colour on a row.
    assert text.index("✓") < text.index("Tray") < text.index("✗") < text.index("Idle time")


def test_check_again_runs_the_checks_anew_and_copy_gives_the_doctor_text(
    qtbot: QtBot,
) -> None:
    results = [LINES[:1], LINES]
    calls: list[int] = []

    def diagnostics() -> list[DoctorLine]:
        calls.append(1)
        return results[len(calls) - 1]

    dialog = make(qtbot, diagnostics)
    page = dialog.diagnostics_page
    assert page is not None
    dialog.show_diagnostics()
    qtbot.waitUntil(lambda: page.lines is not None)
    assert "Idle time" not in page.report.toPlainText()
    page.check_again_button.click()
    qtbot.waitUntil(lambda: len(calls) == 2 and page.copy_button.isEnabled())
    assert "Idle time" in page.report.toPlainText()
    page.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "[ok ] Tray: StatusNotifierWatcher answers" in copied
    assert "[-- ] Idle time: no idle source answers" in copied
    assert "What you can do: Install the Mutter idle monitor" in copied


def test_a_failing_check_run_is_shown_not_raised(qtbot: QtBot) -> None:
    def broken() -> list[DoctorLine]:
        raise RuntimeError("D-Bus went away")

    dialog = make(qtbot, broken)
    page = dialog.diagnostics_page
    assert page is not None
    with qtbot.captureExceptions() as exceptions:
        dialog.show_diagnostics()
        qtbot.waitUntil(lambda: page.lines is not None)
    assert exceptions == []
    assert "D-Bus went away" in page.report.toPlainText()
    assert "not available" in page.report.toPlainText()


def test_without_a_diagnostics_source_there_is_no_tab(qtbot: QtBot) -> None:
    dialog = make(qtbot, None)
    assert dialog.tabs is None and dialog.diagnostics_page is None
    dialog.show_diagnostics()  # harmless


@pytest.mark.parametrize("with_tab", [True, False])
def test_copy_details_still_gives_version_and_paths(qtbot: QtBot, with_tab: bool) -> None:
    dialog = make(qtbot, counting(LINES)[0] if with_tab else None)
    assert dialog.details_text().splitlines()[1] == "Settings: /tmp/s.toml"
