"""Reduced motion turns Qt's menu, combo and tooltip animations off, and back to the
desktop's choice when the setting is off again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from backbreak.ui.motion import MOTION_EFFECTS, MotionSetting


@pytest.fixture
def effects(qapp: QApplication) -> Iterator[None]:
    saved = {effect: QApplication.isEffectEnabled(effect) for effect in MOTION_EFFECTS}
    general = QApplication.isEffectEnabled(Qt.UIEffect.UI_General)
    yield
    QApplication.setEffectEnabled(Qt.UIEffect.UI_General, general)
    for effect, enabled in saved.items():
        QApplication.setEffectEnabled(effect, enabled)


def test_reduced_motion_turns_effects_off_and_back_to_the_desktop_choice(effects: None) -> None:
    # A desktop that animates menus and combo lists but does not fade tooltips.
    QApplication.setEffectEnabled(Qt.UIEffect.UI_General, True)
    desktop = {effect: effect != Qt.UIEffect.UI_FadeTooltip for effect in MOTION_EFFECTS}
    for effect, enabled in desktop.items():
        QApplication.setEffectEnabled(effect, enabled)
    motion = MotionSetting()

    motion.apply(reduced=True)
    assert not any(QApplication.isEffectEnabled(effect) for effect in MOTION_EFFECTS)

    motion.apply(reduced=False)
    assert {effect: QApplication.isEffectEnabled(effect) for effect in MOTION_EFFECTS} == desktop
