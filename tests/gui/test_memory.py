"""Memory that goes back: a bounded pixmap cache, emptied after a watched window closes."""

from __future__ import annotations

import platform
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPixmap, QPixmapCache
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from backbreak.ui.memory import PIXMAP_CACHE_KIB, MemoryReleaser, glibc_trim


def _cached_pixmap(key: str) -> None:
    pixmap = QPixmap(64, 64)
    pixmap.fill(QColor("red"))
    assert QPixmapCache.insert(key, pixmap)


def _in_cache(key: str) -> bool:
    return QPixmapCache.find(key, QPixmap())


@pytest.fixture
def restore_cache_limit() -> Iterator[None]:
    limit = QPixmapCache.cacheLimit()
    yield
    QPixmapCache.setCacheLimit(limit)


def test_the_pixmap_cache_is_bounded(qtbot: QtBot, restore_cache_limit: None) -> None:
    QPixmapCache.setCacheLimit(10240)  # Qt's default
    MemoryReleaser(trim=lambda: None)
    assert QPixmapCache.cacheLimit() == PIXMAP_CACHE_KIB


def test_closing_a_watched_window_empties_the_cache_and_trims(
    qtbot: QtBot, restore_cache_limit: None
) -> None:
    trims: list[int] = []
    releaser = MemoryReleaser(trim=lambda: trims.append(1), delay_ms=10)
    window = QWidget()
    qtbot.addWidget(window)
    releaser.watch(window)
    window.show()
    _cached_pixmap("backbreak-test-style-piece")
    window.hide()
    qtbot.waitUntil(lambda: releaser.releases == 1, timeout=5000)
    assert trims == [1]
    assert not _in_cache("backbreak-test-style-piece")


def test_a_window_shown_again_before_the_delay_keeps_the_cache(
    qtbot: QtBot, restore_cache_limit: None
) -> None:
    # A short delay that would pass many times over during the wait below: only the Show
    # stopping the pending release keeps the cache (Qt timers fire only in the event loop,
    # so nothing can fire between hide() and show()).
    releaser = MemoryReleaser(trim=lambda: None, delay_ms=10)
    window = QWidget()
    qtbot.addWidget(window)
    releaser.watch(window)
    window.show()
    _cached_pixmap("backbreak-test-in-use")
    window.hide()
    window.show()  # the next prompt came at once: its pieces are in use again
    qtbot.wait(200)
    assert releaser.releases == 0
    assert _in_cache("backbreak-test-in-use")


def test_unwatched_windows_release_nothing(qtbot: QtBot, restore_cache_limit: None) -> None:
    releaser = MemoryReleaser(trim=lambda: None, delay_ms=10)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.hide()
    qtbot.wait(100)
    assert releaser.releases == 0


def test_glibc_trim_is_found_on_glibc() -> None:
    trim = glibc_trim()
    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert trim is not None
        trim()  # runs without raising
    else:
        assert trim is None
