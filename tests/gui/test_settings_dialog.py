"""The settings dialog: shows settings, validates as the user types, emits on Apply/OK."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from backbreak.core.catalog import Entry
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


# ---- every setting, round trip ----------------------------------------------------------

CATALOG = [
    Entry(
        id=f"entry-{kind}",
        title=f"A {kind} move",
        kind=kind,
        areas=("neck",),
        duration_seconds=30,
        sides="one",
        steps=("One.", "Two."),
        why="Because.",
        caution=None,
        needs=("wall",) if kind == "strength" else (),
        illustration="x.svg",
    )
    for kind in EXERCISE_KINDS
]


def unlike_the_default(name: str, default: object) -> object:
    """A value for setting ``name`` that differs from its default and is valid."""
    if name in INT_RANGES:
        allowed = INT_RANGES[name]
        assert isinstance(default, int)
        return allowed.low + 1 if default != allowed.low + 1 else allowed.low + 2
    if isinstance(default, bool):
        return not default
    if isinstance(default, time):
        return time(7, 45) if default != time(7, 45) else time(6, 15)
    custom: dict[str, object] = {
        "working_days": frozenset({1, 5, 6}),
        "enabled_kinds": frozenset({"stretch", "posture"}),
        "language": "de",
        "hidden_entries": frozenset({"entry-movement", "an-id-no-longer-in-the-catalog"}),
        "favourite_entries": frozenset({"entry-stretch"}),
        "hold_programs": ("zoom", "OBS Studio"),
        "back_checkin": "daily",
    }
    if name in custom:
        return custom[name]
    raise AssertionError(f"teach this test (and the dialog) about the new setting {name!r}")


def custom_settings() -> Settings:
    defaults = Settings()
    values = {
        field.name: unlike_the_default(field.name, getattr(defaults, field.name))
        for field in dataclasses.fields(Settings)
    }
    custom = Settings().replace(**values)
    for field in dataclasses.fields(Settings):
        assert getattr(custom, field.name) != getattr(defaults, field.name), field.name
    return custom


@pytest.fixture
def full_dialog(qtbot: QtBot) -> Iterator[SettingsDialog]:
    widget = SettingsDialog(Settings(), entries=CATALOG)
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def test_every_setting_round_trips_through_the_form(full_dialog: SettingsDialog) -> None:
    # form_settings() builds a fresh Settings from the widgets, so a setting the dialog
    # has no control for comes back as its default and fails here.
    custom = custom_settings()
    full_dialog.set_settings(custom)
    assert full_dialog.form_settings() == custom
    assert not button(full_dialog, APPLY).isEnabled()  # nothing edited
    full_dialog.set_settings(Settings())
    assert full_dialog.form_settings() == Settings()


def test_every_setting_round_trips_with_a_state_only_the_widgets_hold(
    qtbot: QtBot, full_dialog: SettingsDialog
) -> None:
    # The same, read from a second dialog that was only ever shown the custom values.
    custom = custom_settings()
    second = SettingsDialog(custom, entries=CATALOG)
    qtbot.addWidget(second)
    second.interval.setValue(custom.interval_minutes + 1)
    with qtbot.waitSignal(second.applied, timeout=1000) as blocker:
        button(second, APPLY).click()
    assert blocker.args == [custom.replace(interval_minutes=custom.interval_minutes + 1)]


def test_new_settings_have_their_controls(full_dialog: SettingsDialog) -> None:
    dialog = full_dialog
    assert dialog.typing_wait.specialValueText() == "Show at once"
    assert (dialog.typing_wait.minimum(), dialog.typing_wait.maximum()) == (0, 600)
    assert dialog.history_retention.specialValueText() == "Keep forever"
    assert (dialog.history_retention.minimum(), dialog.history_retention.maximum()) == (0, 120)
    codes = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert codes[:3] == ["", "en", "de"]
    assert dialog.language.currentData() == ""
    dialog.typing_wait.setValue(0)
    dialog.hold_fullscreen.setChecked(False)
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    assert dialog.form_settings() == Settings(
        typing_wait_seconds=0, hold_when_fullscreen=False, language="de"
    )
    page_text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "after backbreak restarts" in page_text


def test_a_language_code_the_list_lacks_is_kept(full_dialog: SettingsDialog) -> None:
    full_dialog.set_settings(Settings(language="pt_BR"))
    assert full_dialog.language.currentText() == "pt_BR"
    assert full_dialog.form_settings().language == "pt_BR"


def test_unchecking_an_exercise_lands_in_applied_hidden_entries(
    qtbot: QtBot, full_dialog: SettingsDialog
) -> None:
    page = full_dialog.exercises
    assert page.listed_ids() == [entry.id for entry in CATALOG]
    page.set_shown("entry-mobility", False)
    page.set_favourite("entry-posture", True)
    assert button(full_dialog, APPLY).isEnabled()
    with qtbot.waitSignal(full_dialog.applied, timeout=1000) as blocker:
        button(full_dialog, APPLY).click()
    (settings,) = blocker.args
    assert settings.hidden_entries == {"entry-mobility"}
    assert settings.favourite_entries == {"entry-posture"}


def test_cancel_forgets_exercise_marks(full_dialog: SettingsDialog) -> None:
    full_dialog.exercises.set_shown("entry-stretch", False)
    button(full_dialog, CANCEL).click()
    assert full_dialog.exercises.hidden_entries() == frozenset()


def test_hiding_every_exercise_that_could_come_up_is_refused(full_dialog: SettingsDialog) -> None:
    for kind, box in full_dialog.kinds.items():
        box.setChecked(kind == "strength")
    # The only strength entry needs a wall; office-friendly is a preference the picker
    # drops when nothing else is left, so it alone doesn't empty the choice.
    full_dialog.office_friendly.setChecked(True)
    assert button(full_dialog, OK).isEnabled()
    full_dialog.exercises.set_shown("entry-strength", False)
    assert not button(full_dialog, OK).isEnabled()
    assert "No exercise is left" in full_dialog.problem.text()
    full_dialog.exercises.set_shown("entry-strength", True)
    assert button(full_dialog, OK).isEnabled()
    assert full_dialog.problem.text() == ""


def test_voice_notice_disables_the_box_and_keeps_the_choice(full_dialog: SettingsDialog) -> None:
    dialog = full_dialog
    assert dialog.voice.text() == "Speak short &cues (switch sides, done)"
    dialog.set_settings(Settings(voice=True))
    reason = "No speech engine found; install espeak-ng to hear spoken cues."
    dialog.set_voice_unavailable(reason)
    dialog.tabs.setCurrentIndex(dialog.tabs.indexOf(page_of(dialog, dialog.voice)))
    assert not dialog.voice.isEnabled()
    assert dialog.voice.isChecked()  # the user's choice stays for when an engine exists
    assert dialog.voice_notice.isVisible() and dialog.voice_notice.text() == reason
    assert dialog.form_settings().voice is True
    dialog.set_voice_unavailable(None)
    assert dialog.voice.isEnabled()
    assert not dialog.voice_notice.isVisible()


def test_autostart_unknown_disables_the_box_with_a_note(full_dialog: SettingsDialog) -> None:
    dialog = full_dialog
    dialog.set_settings(Settings(start_at_login=True))
    dialog.set_autostart_state(None, "Start at login isn't supported on this desktop.")
    dialog.tabs.setCurrentIndex(dialog.tabs.indexOf(page_of(dialog, dialog.start_at_login)))
    assert not dialog.start_at_login.isEnabled()
    assert dialog.autostart_note.isVisible()
    assert "isn't supported" in dialog.autostart_note.text()
    assert dialog.form_settings().start_at_login is True  # the stored wish is kept


def test_autostart_shows_the_real_state_not_the_stored_flag(
    qtbot: QtBot, full_dialog: SettingsDialog
) -> None:
    dialog = full_dialog
    dialog.set_autostart_state(True, "Starts from ~/.config/autostart/backbreak.desktop")
    assert dialog.start_at_login.isEnabled() and dialog.start_at_login.isChecked()
    assert not button(dialog, APPLY).isEnabled()  # the system's state is no user edit
    dialog.set_settings(Settings(start_at_login=False))  # stored flag out of step
    assert dialog.start_at_login.isChecked()
    dialog.start_at_login.setChecked(False)
    with qtbot.waitSignal(dialog.applied, timeout=1000) as blocker:
        button(dialog, APPLY).click()
    assert blocker.args == [Settings(start_at_login=False)]


# ---- keyboard and accessibility ---------------------------------------------------------


def page_of(dialog: SettingsDialog, widget: QWidget) -> QWidget:
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        if page is not None and page.isAncestorOf(widget):
            return page
    raise AssertionError(f"{widget} is on no page")


def test_pages_are_the_promised_ones(full_dialog: SettingsDialog) -> None:
    titles = [
        full_dialog.tabs.tabText(i).replace("&&", "+").replace("&", "")
        for i in range(full_dialog.tabs.count())
    ]
    assert titles == [
        "Schedule",
        "Working hours",
        "Exercises",
        "Notifications + sound",
        "Startup + appearance",
        "History + privacy",
    ]


@pytest.mark.parametrize("modifier_key", [Qt.Key.Key_Tab, Qt.Key.Key_PageDown])
def test_ctrl_tab_and_ctrl_page_down_turn_the_page(
    qtbot: QtBot, full_dialog: SettingsDialog, modifier_key: Qt.Key
) -> None:
    full_dialog.activateWindow()
    full_dialog.interval.setFocus()
    qtbot.waitUntil(full_dialog.interval.hasFocus)
    QTest.keyClick(full_dialog.interval, modifier_key, Qt.KeyboardModifier.ControlModifier)
    assert full_dialog.tabs.currentIndex() == 1
    assert full_dialog.interval.value() == 60  # the spin box did not take PgDown


def test_ctrl_page_up_turns_back_and_wraps(qtbot: QtBot, full_dialog: SettingsDialog) -> None:
    full_dialog.activateWindow()
    full_dialog.interval.setFocus()
    qtbot.waitUntil(full_dialog.interval.hasFocus)
    QTest.keyClick(full_dialog.interval, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert full_dialog.tabs.currentIndex() == full_dialog.tabs.count() - 1


CONTROL_TYPES = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView)


def visible_controls(dialog: SettingsDialog) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in CONTROL_TYPES:
        for widget in dialog.findChildren(kind):
            # Parts of a compound widget (a spin box's line edit, a table's header, the
            # tab bar's scroll arrows) are named through their owner.
            owner = widget.parentWidget()
            if isinstance(owner, QAbstractSpinBox | QComboBox | QTabBar):
                continue
            if isinstance(widget, QHeaderView) or not widget.isVisible():
                continue
            found.append(widget)
    return found


def test_every_control_on_every_page_has_an_accessible_name(
    full_dialog: SettingsDialog,
) -> None:
    full_dialog.set_voice_unavailable("no engine")
    seen = 0
    for index in range(full_dialog.tabs.count()):
        full_dialog.tabs.setCurrentIndex(index)
        full_dialog.exercises.select("entry-stretch")
        for widget in visible_controls(full_dialog):
            assert widget.accessibleName(), f"{type(widget).__name__} {widget.objectName()}"
            seen += 1
    assert seen > 40


def mnemonic(text: str) -> str | None:
    position = text.replace("&&", "").find("&")
    return text.replace("&&", "")[position + 1].lower() if position >= 0 else None


def test_mnemonics_do_not_clash_on_any_page(full_dialog: SettingsDialog) -> None:
    tabs = full_dialog.tabs
    tab_keys = [mnemonic(tabs.tabText(i)) for i in range(tabs.count())]
    assert None not in tab_keys and len(set(tab_keys)) == len(tab_keys)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        full_dialog.exercises.select("entry-stretch")
        texts = [
            button.text()
            for button in full_dialog.findChildren(QAbstractButton)
            if button.isVisible()
        ]
        texts += [
            label.text()
            for label in full_dialog.findChildren(QLabel)
            if label.isVisible() and label.buddy() is not None
        ]
        keys = [key for key in map(mnemonic, texts) if key is not None] + tab_keys
        clashes = {key for key in keys if keys.count(key) > 1}
        assert not clashes, f"page {tabs.tabText(index)!r}: {clashes}"


def test_program_list_is_typed_with_commas_and_cleaned(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.hold_microphone.isChecked() and dialog.hold_camera.isChecked()
    assert dialog.hold_programs.text() == ""
    dialog.hold_programs.setText(" zoom,, obs , Zoom ,")
    assert dialog.form_settings().hold_programs == ("zoom", "obs")
    dialog.hold_microphone.setChecked(False)
    assert dialog.form_settings().hold_when_microphone is False
