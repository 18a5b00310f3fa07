"""The settings schema: defaults, validation of each key, the changed-only mapping."""

from __future__ import annotations

from datetime import time

import pytest

from backbreak.core.settings import (
    SCHEMA_VERSION,
    Settings,
    changed_mapping,
    full_mapping,
    settings_from_mapping,
)


def test_defaults_match_the_product() -> None:
    s = Settings()
    assert s.interval_minutes == 60
    assert s.snooze_minutes == 10
    assert s.notice_seconds == 60
    assert s.working_days == frozenset(range(5))
    assert (s.work_start, s.work_end) == (time(9), time(18))
    assert s.working_hours_enabled


def test_good_values_are_taken() -> None:
    settings, problems = settings_from_mapping(
        {
            "schema_version": 1,
            "interval_minutes": 45,
            "work_start": "08:30",
            "working_days": ["Mon", "wed"],
            "enabled_kinds": ["stretch"],
            "voice": True,
            "hidden_entries": ["a", "b"],
        }
    )
    assert problems == []
    assert settings.interval_minutes == 45
    assert settings.work_start == time(8, 30)
    assert settings.working_days == frozenset({0, 2})
    assert settings.enabled_kinds == frozenset({"stretch"})
    assert settings.voice is True
    assert settings.hidden_entries == frozenset({"a", "b"})


@pytest.mark.parametrize(
    ("key", "raw", "needle"),
    [
        ("interval_minutes", 500, "outside the allowed range 5–240"),
        ("interval_minutes", True, "whole number"),
        ("interval_minutes", "60", "whole number"),
        ("snooze_minutes", 0, "outside"),
        ("sound", "yes", "true or false"),
        ("work_start", "9am", "24-hour time"),
        ("working_days", ["mon", "funday"], "funday"),
        ("working_days", [], "at least one"),
        ("enabled_kinds", ["yoga"], "yoga"),
        ("hidden_entries", "a", "list"),
        ("intervall_minutes", 30, "unknown setting"),
    ],
)
def test_a_bad_key_falls_back_to_its_default_and_is_named(
    key: str, raw: object, needle: str
) -> None:
    settings, problems = settings_from_mapping({key: raw, "snooze_limit": 5})
    assert [p.key for p in problems] == [key]
    assert needle in problems[0].message
    assert settings.snooze_limit == 5  # the good key beside the bad one is still taken
    if hasattr(Settings(), key):
        assert getattr(settings, key) == getattr(Settings(), key)


def test_same_start_and_end_is_refused() -> None:
    settings, problems = settings_from_mapping({"work_start": "10:00", "work_end": "10:00"})
    assert [p.key for p in problems] == ["work_end"]
    assert settings.work_start == time(9) and settings.work_end == time(18)


def test_changed_mapping_holds_only_changes_and_round_trips() -> None:
    custom = Settings(interval_minutes=30, working_days=frozenset({5, 6}), work_end=time(17))
    mapping = changed_mapping(custom)
    assert mapping == {
        "schema_version": SCHEMA_VERSION,
        "interval_minutes": 30,
        "work_end": "17:00",
        "working_days": ["sat", "sun"],
    }
    again, problems = settings_from_mapping(mapping)
    assert problems == [] and again == custom


def test_full_mapping_names_every_setting() -> None:
    mapping = full_mapping(Settings())
    assert mapping["work_start"] == "09:00"
    assert mapping["working_days"] == ["mon", "tue", "wed", "thu", "fri"]
    assert set(mapping) >= {"interval_minutes", "sound", "start_at_login"}


def test_hold_programs_are_read_cleaned_and_written_back_as_a_list() -> None:
    settings, problems = settings_from_mapping({"hold_programs": [" zoom ", "", "OBS", "Zoom"]})
    assert problems == []
    assert settings.hold_programs == ("zoom", "OBS")
    assert changed_mapping(settings)["hold_programs"] == ["zoom", "OBS"]
    assert Settings().hold_programs == ()  # empty by default
    assert Settings().hold_when_microphone and Settings().hold_when_camera


@pytest.mark.parametrize("raw", ["zoom", [1, 2], ["x" * 201]])
def test_a_bad_program_list_falls_back_to_empty_with_a_problem(raw: object) -> None:
    settings, problems = settings_from_mapping({"hold_programs": raw})
    assert settings.hold_programs == ()
    assert [problem.key for problem in problems] == ["hold_programs"]
