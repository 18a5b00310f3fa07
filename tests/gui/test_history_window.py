from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QFont, QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from pytestqt.qtbot import QtBot

from backbreak.core.day_summary import day_summary_text
from backbreak.core.day_timeline import Span
from backbreak.core.status import Mode, Status
from backbreak.platform.export import read_csv_events
from backbreak.platform.history import History
from backbreak.platform.stats import DayCounts
from backbreak.ui.history_window import (
    MONTH_TAB,
    TODAY_TAB,
    WEEK_TAB,
    HistoryWindow,
    area_label,
    sitting_now,
)
from backbreak.ui.theme import contrast_ratio, is_dark
from tests.gui.palettes import dark_palette as shared_dark_palette
from tests.history_data import generate

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 13, 16, 30, tzinfo=BERLIN)  # a Friday afternoon
TODAY = NOW.date()
CATALOG_AREAS: dict[str, tuple[str, ...]] = {
    "neck-turns": ("neck",),
    "chin-tucks": ("neck", "upper_back"),
    "seated-hamstring-stretch": ("hamstrings", "lower_back"),
    "desk-calf-stretch": ("calves",),
    "stand-up-and-walk": ("whole_body",),
}


@pytest.fixture
def month(tmp_path: Path) -> Iterator[History]:
    """A generated month of history, ending this afternoon."""
    with History(tmp_path / "history.sqlite3") as history:
        history.record_many(
            generate(
                TODAY - timedelta(days=29),
                TODAY,
                BERLIN,
                sorted(CATALOG_AREAS),
                seed=3,
                until=NOW.astimezone(UTC),
            )
        )
        yield history


def make_window(
    qtbot: QtBot, history: History, today: date = TODAY, cleared: list[int] | None = None
) -> HistoryWindow:
    calls = cleared if cleared is not None else []

    def on_clear() -> None:
        calls.append(1)
        history.clear()

    window = HistoryWindow(history, CATALOG_AREAS, lambda: BERLIN, lambda: today, on_clear)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def show_tab(window: HistoryWindow, index: int) -> None:
    window.tabs.setCurrentIndex(index)
    image = window.grab()  # paints every chart on the tab
    assert not image.isNull()


def sql(history: History, query: str, *params: object) -> list[tuple[object, ...]]:
    assert history.path is not None
    with closing(sqlite3.connect(history.path)) as conn:
        return conn.execute(query, params).fetchall()


def test_a_month_of_history_renders_on_every_tab(qtbot: QtBot, month: History) -> None:
    window = make_window(qtbot, month)
    for index in (TODAY_TAB, WEEK_TAB, MONTH_TAB, TODAY_TAB):
        show_tab(window, index)
        page = window.tabs.widget(index)
        assert page is not None and not page.is_empty_shown  # type: ignore[attr-defined]


def test_today_figures_match_the_database(qtbot: QtBot, month: History) -> None:
    window = make_window(qtbot, month)
    show_tab(window, TODAY_TAB)
    day = TODAY.isoformat()
    [(completed, prompted, another, prompt_snoozes, seconds, longest)] = sql(
        month,
        """SELECT SUM(kind='completed'), SUM(kind='prompted'), SUM(kind='another'),
                  SUM(kind='snoozed' AND entry_id IS NOT NULL),
                  TOTAL(CASE WHEN kind='completed' THEN seconds END),
                  MAX(CASE WHEN kind IN ('completed', 'away') THEN sitting_seconds END)
           FROM events WHERE local_day = ?""",
        day,
    )
    assert isinstance(prompted, int) and isinstance(another, int)
    assert isinstance(prompt_snoozes, int) and isinstance(completed, int)
    breaks = prompted - another - prompt_snoozes

    expected = day_summary_text(
        DayCounts(TODAY, completed=completed, breaks=breaks),
        timedelta(seconds=int(str(longest or 0))),
        float(str(seconds)) / 60,
    )
    page = window.today_page
    assert page.summary.text() == expected
    assert expected.startswith(f"{completed} of {breaks} breaks done")
    description = page.timeline.accessibleDescription()
    assert f"{completed} done" in description
    assert description == page.details.text()


def test_week_and_month_figures_match_the_database(qtbot: QtBot, month: History) -> None:
    window = make_window(qtbot, month)
    for index, page, days in (
        (WEEK_TAB, window.week_page, 7),
        (MONTH_TAB, window.month_page, 30),
    ):
        show_tab(window, index)
        first = (TODAY - timedelta(days=days - 1)).isoformat()
        per_day = sql(
            month,
            """SELECT local_day, SUM(kind='completed'),
                      SUM(kind='prompted') - SUM(kind='another')
                          - SUM(kind='snoozed' AND entry_id IS NOT NULL)
               FROM events WHERE local_day BETWEEN ? AND ? GROUP BY local_day""",
            first,
            TODAY.isoformat(),
        )
        described = page.bars.accessibleDescription()
        done_total = offered_total = 0
        for local_day, done, offered in per_day:
            assert isinstance(done, int) and isinstance(offered, int)
            if not (done or offered):
                continue
            day = date.fromisoformat(str(local_day))
            assert f"{day.day} " in described
            assert f": {done} of {max(done, offered)} done." in described
            done_total += done
            offered_total += offered
        assert page.summary.text().startswith(f"{done_total} of {offered_total} breaks done")

        # Body areas, worked out here from the raw rows and the catalog.
        areas: Counter[str] = Counter()
        for (entry_id,) in sql(
            month,
            "SELECT entry_id FROM events WHERE kind='completed' AND local_day BETWEEN ? AND ?",
            first,
            TODAY.isoformat(),
        ):
            areas.update(CATALOG_AREAS[str(entry_id)])
        words = page.areas.accessibleDescription()
        assert words == page.areas_label.text()
        for area, count in areas.items():
            assert f"{area_label(area).lower()} {count}" in words
        assert "chest" in words.split("Not reached:")[1]  # no entry here covers the chest


def test_an_empty_history_shows_a_friendly_empty_state(qtbot: QtBot) -> None:
    with History.in_memory() as empty:
        window = make_window(qtbot, empty)
        for index in (TODAY_TAB, WEEK_TAB, MONTH_TAB):
            show_tab(window, index)
            page = window.tabs.widget(index)
            assert page is not None and page.is_empty_shown  # type: ignore[attr-defined]
            assert "No breaks yet" in page.empty.text()  # type: ignore[attr-defined]
        assert not window.export_button.isEnabled()
        assert not window.clear_button.isEnabled()


def test_the_empty_state_says_when_the_next_break_comes(qtbot: QtBot) -> None:
    with History.in_memory() as empty:
        window = HistoryWindow(
            empty,
            {},
            lambda: BERLIN,
            lambda: TODAY,
            lambda: None,
            next_break_text=lambda: "Next break in 23 min",
        )
        qtbot.addWidget(window)
        window.show()
        assert "Next break in 23 min." in window.today_page.empty.text()


def test_a_day_without_events_says_so_and_other_tabs_still_chart(
    qtbot: QtBot, month: History
) -> None:
    sunday = TODAY + timedelta(days=2)
    window = make_window(qtbot, month, today=sunday)
    assert window.today_page.is_empty_shown
    assert "Nothing recorded today yet" in window.today_page.empty.text()
    show_tab(window, WEEK_TAB)
    assert not window.week_page.is_empty_shown


def test_switching_tabs_reads_new_events(qtbot: QtBot, tmp_path: Path) -> None:
    with History(tmp_path / "h.sqlite3") as history:
        window = make_window(qtbot, history)
        assert window.week_page.is_empty_shown
        history.record_many(
            generate(TODAY, TODAY, BERLIN, sorted(CATALOG_AREAS), until=NOW.astimezone(UTC))
        )
        show_tab(window, WEEK_TAB)
        assert not window.week_page.is_empty_shown


def test_export_writes_every_event(qtbot: QtBot, month: History, tmp_path: Path) -> None:
    window = make_window(qtbot, month)
    target = tmp_path / "export.csv"
    window.export_to(str(target))
    [(total,)] = sql(month, "SELECT COUNT(*) FROM events")
    assert len(list(read_csv_events(target))) == total
    assert window.last_export is not None and window.last_export.count == total
    assert window.status.isVisible()
    assert f"Saved {total} events to {target}" in window.status.text()


def test_a_failed_export_is_reported_not_raised(
    qtbot: QtBot, month: History, tmp_path: Path
) -> None:
    window = make_window(qtbot, month)
    window.export_to(tmp_path / "no such folder" / "export.csv")
    assert window.error_box is not None
    qtbot.waitUntil(window.error_box.isVisible)
    assert "Nothing was written" in window.error_box.text()
    assert window.last_export is None
    window.error_box.close()


def test_clear_asks_first_then_clears_and_shows_the_empty_state(
    qtbot: QtBot, month: History
) -> None:
    cleared: list[int] = []
    window = make_window(qtbot, month, cleared=cleared)
    window.clear_button.click()
    box = window.clear_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert cleared == []  # nothing happens before the answer

    cancel = box.escapeButton()
    assert cancel is not None
    cancel.click()
    assert cleared == [] and month.has_events()

    window.clear_button.click()
    qtbot.waitUntil(box.isVisible)
    window.confirm_clear_button.click()
    assert cleared == [1]
    assert not month.has_events()
    assert window.today_page.is_empty_shown
    assert not window.clear_button.isEnabled()


def test_a_reloaded_catalog_maps_entries_to_its_areas(qtbot: QtBot, month: History) -> None:
    window = make_window(qtbot, month)
    show_tab(window, WEEK_TAB)
    assert "whole body" in window.week_page.areas_label.text().split("Not reached:")[0]
    window.set_catalog_areas({})  # every entry gone: all counted as "other"
    words = window.week_page.areas_label.text()
    assert words.startswith("Exercises done per body area: other (no longer in the catalog)")


def test_hovering_a_day_bar_explains_it_and_empty_space_says_nothing(
    qtbot: QtBot, month: History
) -> None:

    window = make_window(qtbot, month)
    show_tab(window, WEEK_TAB)
    chart = window.week_page.bars
    rect, tip = chart._columns[0]
    centre = rect.center().toPoint()
    QApplication.sendEvent(
        chart, QHelpEvent(QEvent.Type.ToolTip, centre, chart.mapToGlobal(centre))
    )
    assert QToolTip.isVisible() and QToolTip.text() == tip
    corner = QPoint(1, 1)
    QApplication.sendEvent(
        chart, QHelpEvent(QEvent.Type.ToolTip, corner, chart.mapToGlobal(corner))
    )
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)


# ---- the sitting still going on -----------------------------------------------------------

SAT_DOWN = NOW - timedelta(minutes=35)


def status_at(
    now: datetime, sitting_since: datetime | None = SAT_DOWN, mode: Mode = "running"
) -> Status:
    return Status(
        now=now.astimezone(UTC),
        mode=mode,
        next_prompt_at=None,
        paused_until=None,
        sitting_since=None if sitting_since is None else sitting_since.astimezone(UTC),
        interval_minutes=60,
        can_snooze=True,
    )


@pytest.fixture
def until_sat_down(tmp_path: Path) -> Iterator[History]:
    """A week of history whose today ends when the running stretch began."""
    with History(tmp_path / "history.sqlite3") as history:
        history.record_many(
            generate(
                TODAY - timedelta(days=6),
                TODAY,
                BERLIN,
                sorted(CATALOG_AREAS),
                seed=3,
                until=SAT_DOWN.astimezone(UTC),
            )
        )
        yield history


def window_with_status(
    qtbot: QtBot, history: History, status: list[Status], today: date = TODAY
) -> HistoryWindow:
    """``status[0]`` is what the app reports now; the test may replace it."""
    window = HistoryWindow(
        history,
        CATALOG_AREAS,
        lambda: BERLIN,
        lambda: today,
        lambda: None,
        status=lambda: status[0],
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    show_tab(window, TODAY_TAB)
    return window


def test_sitting_now_is_clipped_to_the_day_and_left_out_when_paused() -> None:
    start = datetime(2026, 3, 13, tzinfo=BERLIN).astimezone(UTC)
    end = start + timedelta(days=1)
    assert sitting_now(status_at(NOW), start, end) == Span(
        SAT_DOWN.astimezone(UTC), NOW.astimezone(UTC)
    )
    overnight = status_at(NOW, sitting_since=start - timedelta(hours=2))
    assert sitting_now(overnight, start, end) == Span(start, NOW.astimezone(UTC))
    assert sitting_now(status_at(NOW, mode="paused"), start, end) is None
    assert sitting_now(status_at(NOW, mode="paused_indefinitely"), start, end) is None
    assert sitting_now(status_at(NOW, sitting_since=None), start, end) is None
    assert sitting_now(status_at(end + timedelta(hours=9)), start, end) is None  # tomorrow
    assert sitting_now(None, start, end) is None


def test_today_draws_the_stretch_going_on_and_says_so(
    qtbot: QtBot, until_sat_down: History
) -> None:
    window = window_with_status(qtbot, until_sat_down, [status_at(NOW)])
    page = window.today_page
    chart = page.timeline
    assert chart.sitting_now == Span(SAT_DOWN.astimezone(UTC), NOW.astimezone(UTC))
    assert "Sitting for 35 min now, since 15:55." in chart.accessibleDescription()
    assert chart.accessibleDescription() == page.details.text()
    assert "Sitting since 15:55, 35 min so far" in chart.tooltips()
    # The axis reaches "now", not only the last recorded event.
    assert chart.axis_range()[1] >= NOW.astimezone(UTC)
    assert "Sitting now" in [label for _key, label in page.legend._items]


def test_the_stretch_going_on_is_hatched_unlike_a_finished_one(
    qtbot: QtBot, until_sat_down: History
) -> None:
    """Told apart by pattern, not by colour alone: a finished stretch is one flat fill,
    the one going on alternates light and dark."""
    window = window_with_status(qtbot, until_sat_down, [status_at(NOW)])
    chart = window.today_page.timeline
    image = chart.grab().toImage()
    ratio = image.devicePixelRatio()
    bars = {placed.text: placed.rect for placed in chart._placed}

    def shades(rect_text: str) -> set[int]:
        rect = bars[rect_text].adjusted(3, 3, -3, -3)  # inside the outline
        y = round(rect.center().y() * ratio)
        xs = range(round(rect.left() * ratio), round(rect.right() * ratio))
        return {image.pixelColor(x, y).lightness() for x in xs}

    running = next(text for text in bars if text.startswith("Sitting since"))
    finished = next(text for text in bars if text.startswith("Sitting ") and "–" in text)
    assert len(shades(finished)) <= 2
    lightness = shades(running)
    assert max(lightness) - min(lightness) > 40


def test_the_stretch_going_on_grows_while_the_window_is_open(
    qtbot: QtBot, until_sat_down: History
) -> None:
    status = [status_at(NOW)]
    window = window_with_status(qtbot, until_sat_down, status)
    assert window.minute_timer.isActive()
    status[0] = status_at(NOW + timedelta(minutes=10))
    window.minute_timer.timeout.emit()
    assert "Sitting for 45 min now" in window.today_page.details.text()
    window.hide()
    assert not window.minute_timer.isActive()


def test_no_stretch_going_on_when_paused_or_on_another_day(
    qtbot: QtBot, until_sat_down: History
) -> None:
    paused = window_with_status(qtbot, until_sat_down, [status_at(NOW, mode="paused")])
    assert paused.today_page.timeline.sitting_now is None
    assert "now" not in paused.today_page.details.text()
    yesterday = window_with_status(
        qtbot, until_sat_down, [status_at(NOW)], today=TODAY - timedelta(days=1)
    )
    assert yesterday.today_page.timeline.sitting_now is None


def test_before_the_first_prompt_the_stretch_going_on_is_shown(
    qtbot: QtBot, until_sat_down: History
) -> None:
    """A morning with nothing recorded yet: the chart shows the sitting since 09:05."""
    monday = TODAY + timedelta(days=3)
    morning = datetime.combine(monday, datetime.min.time(), tzinfo=BERLIN) + timedelta(
        hours=9, minutes=40
    )
    status = status_at(morning, sitting_since=morning - timedelta(minutes=35))
    window = window_with_status(qtbot, until_sat_down, [status], today=monday)
    page = window.today_page
    assert not page.is_empty_shown
    assert page.details.text() == "Sitting for 35 min now, since 09:05."
    assert page.summary.text() == "No breaks yet"


# ---- the exercises by name ----------------------------------------------------------------

TITLES = {"neck-turns": "Neck turns", "chin-tucks": "Chin tucks"}


def test_markers_and_the_list_name_the_exercise_or_fall_back_to_its_id(
    qtbot: QtBot, month: History
) -> None:
    window = HistoryWindow(
        month, CATALOG_AREAS, lambda: BERLIN, lambda: TODAY, lambda: None, titles=TITLES
    )
    qtbot.addWidget(window)
    window.show()
    show_tab(window, TODAY_TAB)
    rows = sql(
        month,
        """SELECT kind, entry_id, at_utc FROM events
           WHERE local_day = ? AND kind IN ('completed', 'skipped') ORDER BY at_utc""",
        TODAY.isoformat(),
    )
    assert rows, "the generated day needs exercises to name"
    expected = []
    for kind, entry_id, at in rows:
        assert isinstance(at, int)
        local = datetime.fromtimestamp(at, BERLIN)
        word = "Done" if kind == "completed" else "Skipped"
        name = TITLES.get(str(entry_id), str(entry_id))
        expected.append(f"{local:%H:%M}  {word}: {name}")
    page = window.today_page
    assert page.exercises.text().split("\n") == expected
    assert page.exercises.isVisible()

    tips = page.timeline.tooltips()
    done_tips = [tip for tip in tips if tip.startswith("Done at ")]
    assert len(done_tips) == sum(kind == "completed" for kind, _id, _at in rows)
    for tip in done_tips:
        name = tip.split(": ", 1)[1]
        assert name in TITLES.values() or name in CATALOG_AREAS  # a title, or the id
    assert any(tip.endswith(": Neck turns") or tip.endswith(": Chin tucks") for tip in tips)

    # A reloaded catalog (or another language) renames them at once.
    window.set_titles({entry: entry.upper() for entry in CATALOG_AREAS})
    assert all(line.split(": ", 1)[1].isupper() for line in page.exercises.text().split("\n"))


# ---- the privacy note reads in light and dark ------------------------------------------------


def dark_palette() -> QPalette:
    """A dark theme as desktops ship it: the disabled text is a dim grey."""
    return shared_dark_palette(placeholder="#5c5c5c", disabled_text="#5c5c5c")


@pytest.fixture
def switchable_palette(qapp: QApplication) -> Iterator[None]:
    light = QPalette(qapp.palette())
    yield
    QApplication.setPalette(light)


def ink_contrast(label: QLabel) -> float:
    """The contrast of the most contrasting pixel of the painted label with the window."""
    background = label.palette().color(QPalette.ColorRole.Window)
    image = label.grab().toImage()
    return max(
        contrast_ratio(image.pixelColor(x, y), background)
        for x in range(image.width())
        for y in range(image.height())
    )


def test_the_privacy_note_is_quiet_but_readable_in_light_and_dark(
    qtbot: QtBot, month: History, switchable_palette: None
) -> None:
    window = make_window(qtbot, month)
    note = window.privacy
    assert note.isEnabled()  # disabled text is unreadable on purpose, and "unavailable"
    for palette_name in ("light", "dark"):
        if palette_name == "dark":
            QApplication.setPalette(dark_palette())
            qtbot.waitUntil(lambda: is_dark(note.palette()))
        window_colour = window.palette().color(QPalette.ColorRole.Window)
        text_colour = window.palette().color(QPalette.ColorRole.WindowText)
        painted = note.text_colour()
        assert contrast_ratio(painted, window_colour) >= 4.5, (palette_name, painted.name())
        # Still a side note: quieter than the ordinary text.
        assert contrast_ratio(painted, window_colour) < contrast_ratio(text_colour, window_colour)
        assert ink_contrast(note) >= 4.5, palette_name


# ---- headings follow the system font ----------------------------------------------------------


@pytest.fixture
def restore_app_font(qapp: QApplication) -> Iterator[QFont]:
    font = QFont(qapp.font())
    yield font
    QApplication.setFont(font)


def test_headings_and_the_empty_state_grow_with_the_system_font(
    qtbot: QtBot, month: History, restore_app_font: QFont
) -> None:
    window = make_window(qtbot, month)
    show_tab(window, WEEK_TAB)
    empty = window.month_page.empty
    headings = [
        window.today_page.heading,
        window.week_page.heading,
        window.week_page.areas_heading,
        empty,
    ]
    base = restore_app_font.pointSizeF()
    for label in headings:
        assert label.font().pointSizeF() == pytest.approx(base * 1.15)
    summary = window.week_page.summary

    bigger = QFont(restore_app_font)
    bigger.setPointSizeF(base * 1.5)
    QApplication.setFont(bigger)
    qtbot.waitUntil(lambda: empty.font().pointSizeF() > base * 1.15)

    for label in headings:
        assert label.font().pointSizeF() == pytest.approx(base * 1.5 * 1.15)
    assert window.week_page.heading.font().bold() and summary.font().bold()
    assert summary.font().pointSizeF() == pytest.approx(base * 1.5)


def test_the_timeline_key_takes_as_many_rows_as_it_needs(
    qtbot: QtBot, month: History, restore_app_font: QFont
) -> None:
    """With a larger system font the key wraps onto another row, and grows to show it
    (it used to keep the height of two rows and cut the last items off)."""
    window = make_window(qtbot, month)
    legend = window.today_page.legend
    rows_before = legend.rows()
    bigger = QFont(restore_app_font)
    bigger.setPointSizeF(restore_app_font.pointSizeF() * 1.6)
    QApplication.setFont(bigger)
    qtbot.waitUntil(lambda: legend.rows() > rows_before)
    qtbot.waitUntil(lambda: legend.height() >= legend.heightForWidth(legend.width()))
    line = legend.fontMetrics().height()
    assert legend.height() >= legend.rows() * line
