"""The Exercises page: the catalog with pictures, filters, and hide / favourite marks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from backbreak.core.catalog import BODY_AREAS, KINDS, NEEDS, Entry, Position
from backbreak.ui.exercises_page import (
    COLUMN_EXERCISE,
    COLUMN_FAVOURITE,
    COLUMN_TIME,
    ExercisesPage,
    time_text,
)
from backbreak.ui.names import AREA_NAMES, KIND_NAMES, NEED_NAMES

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">'
    b'<rect width="240" height="240" fill="#3d7ea6"/></svg>'
)


def make_entry(
    entry_id: str,
    kind: str = "stretch",
    areas: tuple[str, ...] = ("neck",),
    *,
    title: str | None = None,
    duration: int = 60,
    sides: str = "one",
    needs: tuple[str, ...] = (),
    position: Position = "seated",
) -> Entry:
    return Entry(
        id=entry_id,
        title=title or entry_id.replace("-", " ").capitalize(),
        kind=kind,
        areas=areas,
        duration_seconds=duration,
        sides="each" if sides == "each" else "one",
        steps=("Sit tall.", "Breathe out slowly."),
        why="Loosens what a day at the desk tightens.",
        caution="Stop if it hurts.",
        needs=needs,
        illustration=f"{entry_id}.svg",
        position=position,
    )


NECK = make_entry("neck-tilt", "stretch", ("neck",), title="Neck tilt", sides="each")
WALK = make_entry(
    "walk-to-window",
    "movement",
    ("whole_body",),
    title="Walk to the window",
    position="standing",
)
SHOULDERS = make_entry("shoulder-rolls", "mobility", ("shoulders", "neck"), title="Shoulder rolls")
PLANK = make_entry(
    "desk-plank",
    "strength",
    ("whole_body",),
    title="Desk plank",
    needs=("floor",),
    position="floor",
)
ENTRIES = [NECK, WALK, SHOULDERS, PLANK]


class CountingLoader:
    """Hands out the same picture and remembers whom it was asked for."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, entry: Entry) -> bytes | None:
        self.asked.append(entry.id)
        return SVG


@pytest.fixture
def page(qtbot: QtBot) -> Iterator[ExercisesPage]:
    widget = ExercisesPage(ENTRIES, CountingLoader())
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    yield widget


def test_lists_the_whole_catalog_in_catalog_order(page: ExercisesPage) -> None:
    assert page.listed_ids() == [entry.id for entry in ENTRIES]
    assert page.count.text() == "4 exercises"
    model = page.model
    assert model.data(model.index(0, COLUMN_EXERCISE)) == "Neck tilt"
    assert model.data(model.index(0, COLUMN_TIME)) == "1 min in all\n30 s per side"
    assert model.data(model.index(1, COLUMN_TIME)) == "1 min"


def test_every_kind_area_and_need_has_a_name() -> None:
    assert set(KIND_NAMES) == set(KINDS)
    assert set(AREA_NAMES) == set(BODY_AREAS)
    assert set(NEED_NAMES) == set(NEEDS)


@pytest.mark.parametrize(
    ("seconds", "sides", "text"),
    [
        (45, "one", "45 s"),
        (90, "one", "1 min 30 s"),
        (120, "each", "2 min in all, 1 min per side"),
        (90, "each", "1 min 30 s in all, 45 s per side"),
    ],
)
def test_time_text(seconds: int, sides: str, text: str) -> None:
    assert time_text(make_entry("x", duration=seconds, sides=sides)) == text


def test_the_position_filter_lists_what_gets_you_up_apart_from_seated_moves(
    page: ExercisesPage,
) -> None:
    page.position_filter.setCurrentIndex(page.position_filter.findData("standing"))
    assert page.listed_ids() == ["walk-to-window"]
    page.position_filter.setCurrentIndex(page.position_filter.findData("floor"))
    assert page.listed_ids() == ["desk-plank"]
    page.position_filter.setCurrentIndex(page.position_filter.findData("seated"))
    assert page.listed_ids() == ["neck-tilt", "shoulder-rolls"]
    page.position_filter.setCurrentIndex(0)  # any position
    assert len(page.listed_ids()) == 4
    page.select("desk-plank")
    assert "On the floor" in page.preview_meta.text()


def test_kind_area_and_text_filters_narrow_the_list(page: ExercisesPage) -> None:
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("mobility"))
    assert page.listed_ids() == ["shoulder-rolls"]
    assert page.count.text() == "Listing 1 of 4 exercises"
    page.kind_filter.setCurrentIndex(0)  # all kinds
    page.area_filter.setCurrentIndex(page.area_filter.findData("neck"))
    assert page.listed_ids() == ["neck-tilt", "shoulder-rolls"]  # both list the neck
    page.text_filter.setText("ROLLS")
    assert page.listed_ids() == ["shoulder-rolls"]
    page.text_filter.setText("plank")
    assert page.listed_ids() == []  # the plank works the whole body, not the neck
    page.area_filter.setCurrentIndex(0)
    assert page.listed_ids() == ["desk-plank"]
    page.text_filter.clear()
    assert len(page.listed_ids()) == 4


def test_unchecking_a_row_hides_the_entry(qtbot: QtBot, page: ExercisesPage) -> None:
    model = page.proxy
    index = model.index(1, COLUMN_EXERCISE)
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    with qtbot.waitSignal(page.changed, timeout=1000):
        assert model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert page.hidden_entries() == {"walk-to-window"}
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "(1)" in page.unhide.text() and page.unhide.isEnabled()


def test_clicking_the_check_box_hides_and_shows(page: ExercisesPage) -> None:
    index = page.proxy.index(0, COLUMN_EXERCISE)
    page.table.scrollTo(index)
    rect = page.table.visualRect(index)
    # The check box is the first thing in the cell, about 12 px in; click its middle.
    point = rect.topLeft()
    point.setX(point.x() + 12)
    point.setY(rect.center().y())
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert page.hidden_entries() == {"neck-tilt"}
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert page.hidden_entries() == frozenset()


def test_space_toggles_show_and_star_toggles_favourite(page: ExercisesPage) -> None:
    page.table.setFocus()
    assert page.select("shoulder-rolls")
    # Keyboard focus on another column of the row: Space still means "show in prompts".
    page.table.setCurrentIndex(page.table.currentIndex().siblingAtColumn(COLUMN_TIME))
    QTest.keyClick(page.table, Qt.Key.Key_Space)
    assert page.hidden_entries() == {"shoulder-rolls"}
    QTest.keyClick(page.table, Qt.Key.Key_Space)
    assert page.hidden_entries() == frozenset()
    QTest.keyClick(page.table, Qt.Key.Key_Asterisk)
    assert page.favourite_entries() == {"shoulder-rolls"}
    QTest.keyClick(page.table, Qt.Key.Key_Down)
    assert page.current_entry() == PLANK  # arrow keys move through the list


def test_clicking_the_star_toggles_the_favourite(page: ExercisesPage) -> None:
    index = page.proxy.index(1, COLUMN_FAVOURITE)
    assert page.proxy.data(index) == "☆"
    point = page.table.visualRect(index).center()
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert page.favourite_entries() == {"walk-to-window"}
    assert page.proxy.data(index) == "★"
    assert page.proxy.data(index, Qt.ItemDataRole.AccessibleTextRole) == "Favourite"
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert page.favourite_entries() == frozenset()


def test_marks_for_entries_the_catalog_lacks_are_kept(page: ExercisesPage) -> None:
    page.set_marks(frozenset({"gone-user-entry", "neck-tilt"}), frozenset({"gone-too"}))
    page.set_shown("walk-to-window", False)
    page.set_favourite("neck-tilt", True)
    assert page.hidden_entries() == {"gone-user-entry", "neck-tilt", "walk-to-window"}
    assert page.favourite_entries() == {"gone-too", "neck-tilt"}
    page.unhide.click()
    assert page.hidden_entries() == frozenset()
    assert not page.unhide.isEnabled()


def test_status_filter_lists_hidden_and_favourites(page: ExercisesPage) -> None:
    page.set_marks(frozenset({"desk-plank"}), frozenset({"neck-tilt"}))
    page.status_filter.setCurrentIndex(page.status_filter.findData("hidden"))
    assert page.listed_ids() == ["desk-plank"]
    page.set_shown("desk-plank", True)
    assert page.listed_ids() == []  # shown again, so it leaves the "Hidden" list
    page.status_filter.setCurrentIndex(page.status_filter.findData("favourites"))
    assert page.listed_ids() == ["neck-tilt"]


def test_selecting_a_row_previews_picture_and_steps(page: ExercisesPage) -> None:
    assert page.preview_empty.isVisible()
    assert page.select("neck-tilt")
    assert not page.preview_empty.isVisible()
    assert page.preview_title.text() == "Neck tilt"
    assert "1 min in all, 30 s per side" in page.preview_meta.text()
    assert "Breathe out slowly." in page.preview_steps.text()
    assert "Stop if it hurts." in page.preview_note.text()
    assert not page.preview_picture.pixmap().isNull()
    # The preview's own check box and star edit the same marks as the list.
    page.preview_shown.click()
    assert page.hidden_entries() == {"neck-tilt"}
    page.preview_favourite.click()
    assert page.favourite_entries() == {"neck-tilt"}
    assert "★" in page.preview_favourite.text()


def test_rows_left_out_by_kind_or_office_rule_say_why(page: ExercisesPage) -> None:
    page.set_offer_rules(frozenset(KINDS) - {"mobility"}, office_only=True)
    model = page.model
    tip = Qt.ItemDataRole.ToolTipRole
    assert "kind" in str(model.data(model.index(2, COLUMN_EXERCISE), tip))
    assert "floor space" in str(model.data(model.index(3, COLUMN_EXERCISE), tip))
    assert "Untick" in str(model.data(model.index(0, COLUMN_EXERCISE), tip))
    assert page.select("desk-plank")
    assert "office-friendly" in page.preview_note.text()


def test_pictures_are_drawn_only_for_rows_on_screen_and_only_once(qtbot: QtBot) -> None:
    entries = [make_entry(f"entry-{number:02d}") for number in range(60)]
    loader = CountingLoader()
    page = ExercisesPage(entries, loader)
    qtbot.addWidget(page)
    assert loader.asked == []  # building the page draws nothing
    page.resize(800, 400)
    page.show()
    qtbot.waitUntil(lambda: len(loader.asked) > 0)
    first_screen = list(loader.asked)
    assert len(first_screen) < 20  # a screenful, not the catalog
    assert len(set(first_screen)) == len(first_screen)  # each drawn once, then cached
    page.table.viewport().repaint()
    assert loader.asked == first_screen
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: "entry-59" in loader.asked)
    assert len(set(loader.asked)) == len(loader.asked)


def test_a_broken_or_missing_picture_leaves_the_row_usable(qtbot: QtBot) -> None:
    def loader(entry: Entry) -> bytes | None:
        if entry.id == "neck-tilt":
            raise FileNotFoundError(entry.illustration)
        return b"not a picture" if entry.id == "walk-to-window" else None

    page = ExercisesPage(ENTRIES, loader)
    qtbot.addWidget(page)
    for row in range(3):
        icon = page.model.data(
            page.model.index(row, COLUMN_EXERCISE), Qt.ItemDataRole.DecorationRole
        )
        assert isinstance(icon, QIcon) and not icon.isNull()  # a blank tile keeps rows aligned
    assert page.select("neck-tilt")
    assert page.preview_title.text() == "Neck tilt"
    assert not page.preview_picture.isVisibleTo(page)


def test_every_control_has_an_accessible_name(page: ExercisesPage) -> None:
    page.select("neck-tilt")
    for widget in (
        page.text_filter,
        page.kind_filter,
        page.area_filter,
        page.position_filter,
        page.status_filter,
        page.table,
        page.unhide,
        page.preview_shown,
        page.preview_favourite,
    ):
        assert widget.accessibleName(), widget
    labels = [label for label in page.findChildren(QLabel) if label.buddy() is not None]
    assert [label.buddy() for label in labels] == [page.text_filter]


@pytest.fixture
def restore_app_font(qapp: QApplication) -> Iterator[QFont]:
    font = QFont(qapp.font())
    yield font
    QApplication.setFont(font)


def test_the_preview_title_grows_with_the_system_font(
    qtbot: QtBot, page: ExercisesPage, restore_app_font: QFont
) -> None:
    title = page.preview_title
    base = restore_app_font.pointSizeF()
    assert title.font().pointSizeF() == pytest.approx(base * 1.15)
    bigger = QFont(restore_app_font)
    bigger.setPointSizeF(base * 1.5)
    QApplication.setFont(bigger)
    qtbot.waitUntil(lambda: title.font().pointSizeF() > base * 1.15)
    assert title.font().pointSizeF() == pytest.approx(base * 1.5 * 1.15)
    assert title.font().bold()
