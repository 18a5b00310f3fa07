"""Which tray icon style and panel shade each desktop gets (pure: no QApplication)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from backbreak.ui.tray_icon import TrayLook, tray_look

LIGHT, DARK, UNKNOWN = Qt.ColorScheme.Light, Qt.ColorScheme.Dark, Qt.ColorScheme.Unknown


@pytest.mark.parametrize("scheme", [LIGHT, DARK, UNKNOWN])
def test_macos_gets_a_black_template_image_whatever_the_scheme(scheme: Qt.ColorScheme) -> None:
    assert tray_look("darwin", {}, scheme) == TrayLook("mono", dark_panel=False)


@pytest.mark.parametrize("desktop", ["GNOME", "ubuntu:GNOME", "GNOME-Classic:GNOME", "gnome"])
@pytest.mark.parametrize("scheme", [LIGHT, DARK, UNKNOWN])
def test_gnome_gets_light_symbolic_icons_for_its_dark_top_bar(
    desktop: str, scheme: Qt.ColorScheme
) -> None:
    assert tray_look("linux", {"XDG_CURRENT_DESKTOP": desktop}, scheme) == TrayLook(
        "mono", dark_panel=True
    )


@pytest.mark.parametrize(
    ("desktop", "scheme", "dark"),
    [
        ("KDE", LIGHT, False),
        ("KDE", DARK, True),
        ("XFCE", UNKNOWN, True),
        ("", LIGHT, False),
    ],
)
def test_other_desktops_get_colour_on_a_panel_as_dark_as_the_scheme(
    desktop: str, scheme: Qt.ColorScheme, dark: bool
) -> None:
    env = {"XDG_CURRENT_DESKTOP": desktop} if desktop else {}
    assert tray_look("linux", env, scheme) == TrayLook("color", dark_panel=dark)


def test_windows_gets_colour() -> None:
    assert tray_look("win32", {"XDG_CURRENT_DESKTOP": "GNOME"}, LIGHT).style == "color"
