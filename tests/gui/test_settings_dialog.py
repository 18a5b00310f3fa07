"""The settings dialog: shows settings, validates as the user types, emits on Apply/OK."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from backbreak.core.settings import EXERCISE_KINDS, INT_RANGES, Settings
from backbreak.ui.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[SettingsDialog]:
    widget = SettingsDialog(Settings())
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def button(dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> QPushButton:
    found = dialog.buttons.button(which)
    assert found is not None
    return found


OK = QDialogButtonBox.StandardButton.Ok
APPLY = QDialogButtonBox.StandardButton.Apply
CANCEL = QDialogButtonBox.StandardButton.Cancel


def test_shows_the_defaults(dialog: SettingsDialog) -> None:
    defaults = Settings()
    assert dialog.interval.value() == defaults.interval_minutes == 60
    assert dialog.snooze_minutes.value() == defaults.snooze_minutes
    assert dialog.snooze_limit.value() == defaults.snooze_limit
    assert dialog.away_minutes.value() == defaults.away_minutes
    assert dialog.working_hours.isChecked()
    assert dialog.work_start.time() == QTime(9, 0)
    assert dialog.work_end.time() == QTime(18, 0)
    assert [i for i, box in dialog.days.items() if box.isChecked()] == [0, 1, 2, 3, 4]
    assert all(box.isChecked() for box in dialog.kinds.values())
    assert set(dialog.kinds) == set(EXERCISE_KINDS)
    assert not dialog.office_friendly.isChecked()
    assert dialog.notice_seconds.value() == defaults.notice_seconds
    assert dialog.sound.isChecked()
    assert not dialog.voice.isChecked()
    assert not dialog.start_at_login.isChecked()
    assert dialog.form_settings() == defaults
    assert button(dialog, OK).isEnabled()
    assert not button(dialog, APPLY).isEnabled()  # nothing changed yet
    assert dialog.problem.text() == ""


def test_spin_boxes_use_the_schema_ranges(dialog: SettingsDialog) -> None:
    for spin, key in [
        (dialog.interval, "interval_minutes"),
        (dialog.snooze_minutes, "snooze_minutes"),
        (dialog.snooze_limit, "snooze_limit"),
        (dialog.away_minutes, "away_minutes"),
        (dialog.notice_seconds, "notice_seconds"),
    ]:
        assert (spin.minimum(), spin.maximum()) == (INT_RANGES[key].low, INT_RANGES[key].high)
    assert dialog.snooze_limit.specialValueText() == "No limit"
    assert dialog.notice_seconds.specialValueText() == "Off"


def test_apply_emits_the_new_interval(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.interval.setValue(45)
    assert button(dialog, APPLY).isEnabled()
    with qtbot.waitSignal(dialog.applied, timeout=1000) as blocker:
        button(dialog, APPLY).click()
    assert blocker.args == [Settings(interval_minutes=45)]
    assert dialog.isVisible()  # Apply keeps the dialog open
    assert not button(dialog, APPLY).isEnabled()  # ...with nothing left to apply


def test_ok_emits_and_closes(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.working_hours.setChecked(False)
    dialog.days[5].setChecked(True)
    dialog.kinds["strength"].setChecked(False)
    dialog.work_start.setTime(QTime(8, 30))
    with qtbot.waitSignal(dialog.applied, timeout=1000) as blocker:
        button(dialog, OK).click()
    (settings,) = blocker.args
    assert isinstance(settings, Settings)
    assert settings.working_hours_enabled is False
    assert settings.working_days == frozenset({0, 1, 2, 3, 4, 5})
    assert "strength" not in settings.enabled_kinds
    assert settings.work_start == time(8, 30)
    assert not dialog.isVisible()


def test_start_equal_to_end_disables_ok_and_says_why(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.work_end.setTime(QTime(9, 0))
    assert not button(dialog, OK).isEnabled()
    assert not button(dialog, APPLY).isEnabled()
    assert "start and end" in dialog.problem.text()
    # Turning working hours off makes the times irrelevant, so the form is fine again.
    dialog.working_hours.setChecked(False)
    assert button(dialog, OK).isEnabled()
    assert dialog.problem.text() == ""


def test_no_working_day_or_no_kind_is_refused(dialog: SettingsDialog) -> None:
    for box in dialog.days.values():
        box.setChecked(False)
    assert not button(dialog, OK).isEnabled()
    assert "working day" in dialog.problem.text()
    dialog.days[2].setChecked(True)
    for box in dialog.kinds.values():
        box.setChecked(False)
    assert not button(dialog, OK).isEnabled()
    assert "kind of exercise" in dialog.problem.text()
    dialog.kinds["posture"].setChecked(True)
    assert button(dialog, OK).isEnabled()


def test_cancel_emits_nothing_and_forgets_the_edits(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.interval.setValue(90)
    with qtbot.assertNotEmitted(dialog.applied):
        button(dialog, CANCEL).click()
    assert not dialog.isVisible()
    assert dialog.interval.value() == 60


def test_set_settings_refreshes_the_form_and_keeps_unshown_fields(
    qtbot: QtBot, dialog: SettingsDialog
) -> None:
    stored = Settings(
        interval_minutes=30,
        work_start=time(7, 0),
        working_days=frozenset({6}),
        hidden_entries=frozenset({"plank"}),
        voice=True,
    )
    dialog.set_settings(stored)
    assert dialog.interval.value() == 30
    assert dialog.work_start.time() == QTime(7, 0)
    assert dialog.days[6].isChecked() and not dialog.days[0].isChecked()
    assert dialog.voice.isChecked()
    dialog.snooze_minutes.setValue(5)
    with qtbot.waitSignal(dialog.applied, timeout=1000) as blocker:
        button(dialog, APPLY).click()
    assert blocker.args == [stored.replace(snooze_minutes=5)]


def test_is_not_modal(dialog: SettingsDialog) -> None:
    assert not dialog.isModal()


def test_hidden_exercises_can_be_brought_back(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.set_settings(Settings(hidden_entries=frozenset({"plank", "bridge"})))
    assert dialog.unhide.isEnabled()
    assert "(2)" in dialog.unhide.text()
    dialog.unhide.click()
    assert not dialog.unhide.isEnabled()
    with qtbot.waitSignal(dialog.applied, timeout=1000) as blocker:
        button(dialog, APPLY).click()
    assert blocker.args == [Settings()]
