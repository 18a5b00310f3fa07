"""Looks native: colours follow the palette (and a live light/dark switch), the tray icon
comes in colour and mono at every size and at @2x, pictures are drawn for the screen's
pixel ratio."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from backbreak.core.settings import Settings
from backbreak.ui.illustration import render_illustration
from backbreak.ui.prompt import PromptWindow
from backbreak.ui.settings_dialog import SettingsDialog
from backbreak.ui.theme import ErrorLabel, NoticeLabel, is_dark
from backbreak.ui.tray import TrayController
from backbreak.ui.tray_icon import ICON_SIZES, render_tray_icon, tray_icon
from tests.gui.palettes import dark_palette
from tests.gui.test_prompt import SVG, make_entry

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

STATES = [(None, False), (0.0, False), (0.5, False), (1.0, False), (0.5, True)]


@pytest.fixture
def switchable_palette(qapp: QApplication) -> Iterator[None]:
    """The test may switch the application palette; put the light one back after."""
    light = QPalette(qapp.palette())
    yield
    QApplication.setPalette(light)


def switch_to_dark(qtbot: QtBot, widget: QWidget) -> None:
    """What a desktop does when the user picks a dark theme: a new application palette
    (Qt hands it to each widget through posted events)."""
    QApplication.setPalette(dark_palette())
    qtbot.waitUntil(lambda: is_dark(widget.palette()))


def pixel(label: QLabel, x: int, y: int) -> QColor:
    image = label.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(round(x * ratio), round(y * ratio))


# ---- the prompt's caution box and hints switch with the palette ---------------------------


def test_caution_box_and_badge_repaint_in_the_dark_palette(
    qtbot: QtBot, switchable_palette: None
) -> None:
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    prompt.show_entry(make_entry(), SVG, True, 10)
    caution = prompt.findChild(NoticeLabel, "caution")
    badge = prompt.findChild(NoticeLabel, "badge")
    assert caution is not None and badge is not None
    # Inside the box, clear of the bar and the text: the box's own background.
    light_box = pixel(caution, caution.width() - 3, 2)
    light_badge = pixel(badge, badge.width() // 2, 1)
    assert light_box.lightnessF() > 0.6

    switch_to_dark(qtbot, caution)

    dark_box = pixel(caution, caution.width() - 3, 2)
    assert dark_box.lightnessF() < 0.4, dark_box.name()
    assert pixel(badge, badge.width() // 2, 1) != light_badge
    # The text keeps the window text colour: light on the dark box.
    assert caution.palette().color(QPalette.ColorRole.WindowText).lightnessF() > 0.8
    prompt.close_prompt()


def test_secondary_text_follows_the_palette(qtbot: QtBot, switchable_palette: None) -> None:
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    why = prompt.findChild(QLabel, "why")
    assert why is not None
    role = why.foregroundRole()
    assert role == QPalette.ColorRole.PlaceholderText
    before = why.palette().color(role)
    switch_to_dark(qtbot, why)
    assert why.palette().color(role) == QColor("#a0a0a0") != before


def test_settings_notice_and_problem_text_switch_with_the_palette(
    qtbot: QtBot, switchable_palette: None
) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert isinstance(dialog.voice_notice, NoticeLabel)
    assert isinstance(dialog.problem, ErrorLabel)
    light_red = dialog.problem.palette().color(QPalette.ColorRole.WindowText)
    light_notice = dialog.voice_notice.colours()[0]
    switch_to_dark(qtbot, dialog.problem)
    dark_red = dialog.problem.palette().color(QPalette.ColorRole.WindowText)
    assert dark_red != light_red
    assert dark_red.lightnessF() > light_red.lightnessF()  # readable on a dark window
    assert dialog.voice_notice.colours()[0].lightnessF() < light_notice.lightnessF()


# ---- tray icons ------------------------------------------------------------------------------


def ink(image: QImage) -> set[tuple[int, int, int]]:
    """Every colour (ignoring transparency) drawn in the image."""
    return {
        (c.red(), c.green(), c.blue())
        for y in range(image.height())
        for x in range(image.width())
        if (c := image.pixelColor(x, y)).alpha() > 0
    }


@pytest.mark.parametrize("dark", [True, False])
@pytest.mark.parametrize("size", ICON_SIZES)
def test_mono_icon_uses_one_colour_and_every_state_differs_by_shape(size: int, dark: bool) -> None:
    images = []
    for fraction, paused in STATES:
        image = render_tray_icon(fraction, paused, size, dark, style="mono").toImage()
        assert ink(image) == {(255, 255, 255) if dark else (0, 0, 0)}
        images.append(image)
    # One colour, so the states differ by where (and how opaque) the ink is.
    assert len({bytes(image.constBits()) for image in images}) == len(images)


def test_due_and_idle_differ_by_more_than_colour() -> None:
    """Same colour everywhere: the due icon must still differ from the idle one."""
    idle = render_tray_icon(None, False, 32, True).toImage()
    due = render_tray_icon(1.0, False, 32, True).toImage()

    def opaque(image: QImage) -> int:
        return sum(
            image.pixelColor(x, y).alpha() > 0
            for y in range(image.height())
            for x in range(image.width())
        )

    assert opaque(due) > opaque(idle)  # the larger centre dot


def test_black_mono_icon_is_a_macos_template_and_white_is_not() -> None:
    assert tray_icon(0.5, False, dark_panel=False, style="mono").isMask()
    assert not tray_icon(0.5, False, dark_panel=True, style="mono").isMask()
    assert not tray_icon(0.5, False, dark_panel=False, style="color").isMask()


@pytest.mark.parametrize("style", ["color", "mono"])
def test_hidpi_pixmaps_have_twice_the_pixels_and_the_same_drawing(style: str) -> None:
    icon = tray_icon(0.5, False, dark_panel=True, style="mono" if style == "mono" else "color")
    for size in (16, 22, 32):
        crisp = icon.pixmap(QSize(size, size), 2.0)
        assert crisp.devicePixelRatio() == 2.0
        assert (crisp.width(), crisp.height()) == (2 * size, 2 * size)
    sharp = render_tray_icon(0.5, False, 16, True, ratio=2.0)
    assert sharp.deviceIndependentSize().toSize() == QSize(16, 16)
    # Drawn at 32 real pixels, not a blown-up 16 px icon: edges have in-between alphas
    # at the finer scale that a 2x nearest-neighbour scale-up could not have.
    plain = render_tray_icon(0.5, False, 16, True).toImage().scaled(32, 32)
    assert sharp.toImage() != plain


def test_tray_controller_draws_mono_when_told(qtbot: QtBot) -> None:
    controller = TrayController(tray_available=lambda: False, icon_style="mono", dark_panel=True)
    assert controller.icon_style == "mono"
    assert ink(controller.current_icon.pixmap(QSize(22, 22)).toImage()) == {(255, 255, 255)}


@pytest.mark.parametrize(("desktop", "style"), [("ubuntu:GNOME", "mono"), ("KDE", "color")])
def test_tray_controller_picks_the_style_from_the_desktop(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, desktop: str, style: str
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", desktop)
    controller = TrayController(tray_available=lambda: False)
    assert controller.icon_style == style


# ---- pictures for the screen's pixel density ----------------------------------------------


def test_illustrations_are_drawn_with_the_pixels_of_the_screen() -> None:
    single = render_illustration(SVG, QSize(240, 160), 1.0)
    double = render_illustration(SVG, QSize(240, 160), 2.0)
    assert single is not None and double is not None
    assert double.devicePixelRatio() == 2.0
    assert double.deviceIndependentSize() == single.deviceIndependentSize()
    assert double.width() == 2 * single.width()


def test_prompt_redraws_its_illustration_when_moved_to_a_hidpi_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[float] = []

    def spy(data: bytes, size: QSize, ratio: float = 1.0) -> QPixmap | None:
        asked.append(ratio)
        return render_illustration(data, size, ratio)

    monkeypatch.setattr("backbreak.ui.prompt.render_illustration", spy)
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    prompt.show_entry(make_entry(), SVG, True, 10)
    assert asked == [prompt.devicePixelRatioF()]

    # The window moves to a double-density screen: Qt tells it with this event.
    monkeypatch.setattr(prompt, "devicePixelRatioF", lambda: 2.0)
    QApplication.sendEvent(prompt, QEvent(QEvent.Type.DevicePixelRatioChange))
    assert asked[-1] == 2.0
    prompt.close_prompt()
