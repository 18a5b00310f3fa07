"""The settings schema: defaults, allowed ranges, and validation from a plain mapping.

Only the standard library: the TOML reading and writing lives in
``backbreak.platform.settings_store``. Validation never raises on user data; it returns the
settings it could build (defaults for every bad key) plus a list of problems to show.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from backbreak.core.checkin import CHECKIN_CADENCES

SCHEMA_VERSION = 1

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names as written in settings.toml; index = ``date.weekday()``."""

EXERCISE_KINDS: tuple[str, ...] = ("movement", "stretch", "posture", "mobility", "strength")


@dataclass(frozen=True)
class Settings:
    """Every user setting with its product default. Times are local wall-clock times."""

    interval_minutes: int = 60
    snooze_minutes: int = 10
    snooze_limit: int = 3
    """Snoozes in a row before the prompt stops offering snooze; 0 means no limit."""
    notice_seconds: int = 60
    """Pre-prompt desktop notification lead time; 0 turns it off."""
    working_hours_enabled: bool = True
    """False means "any time": prompts on every day at every hour."""
    work_start: time = time(9, 0)
    work_end: time = time(18, 0)
    working_days: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    away_minutes: int = 5
    """Away from the computer at least this long counts as a break taken."""
    enabled_kinds: frozenset[str] = frozenset(EXERCISE_KINDS)
    office_friendly_only: bool = False
    """Leave out entries that need the floor, a towel, a wall or a ball."""
    sound: bool = True
    voice: bool = False
    start_at_login: bool = False
    typing_wait_seconds: int = 120
    """When a prompt is due, wait up to this long for a pause in typing; 0 = show at once."""
    hold_when_fullscreen: bool = True
    """Hold prompts while a full-screen window (slides, video, a game) is in front."""
    hold_when_dnd: bool = True
    """Hold prompts while the desktop's Do Not Disturb is on."""
    hold_when_microphone: bool = True
    """Hold prompts while another program records from the microphone (a call)."""
    hold_when_camera: bool = True
    """Hold prompts while another program has the camera open (a video call)."""
    hold_programs: tuple[str, ...] = ()
    """Programs (process names or window classes) that hold prompts while they run or
    are in front."""
    end_of_day_summary: bool = True
    back_checkin: str = "weekly"
    """Ask "How does your back feel?" at the end of the day: "off", "weekly" or "daily"
    (why weekly: ``backbreak.core.checkin``)."""
    history_retention_months: int = 0
    """Delete history older than this many months; 0 keeps everything."""
    language: str = ""
    """UI language code such as "de"; empty follows the system."""
    large_prompt_text: bool = False
    reduced_motion: bool = False
    hidden_entries: frozenset[str] = frozenset()
    """Catalog ids the user marked "never show"."""
    favourite_entries: frozenset[str] = frozenset()
    """Catalog ids the user marked as favourites (picked more often)."""

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the settings file, said so a person can fix it."""

    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


@dataclass(frozen=True)
class _IntRange:
    low: int
    high: int


INT_RANGES: dict[str, _IntRange] = {
    "interval_minutes": _IntRange(5, 240),
    "snooze_minutes": _IntRange(1, 60),
    "snooze_limit": _IntRange(0, 10),
    "notice_seconds": _IntRange(0, 600),
    "away_minutes": _IntRange(1, 60),
    "typing_wait_seconds": _IntRange(0, 600),
    "history_retention_months": _IntRange(0, 120),
}
BOOL_KEYS = (
    "working_hours_enabled",
    "hold_when_fullscreen",
    "hold_when_dnd",
    "hold_when_microphone",
    "hold_when_camera",
    "end_of_day_summary",
    "large_prompt_text",
    "reduced_motion",
    "office_friendly_only",
    "sound",
    "voice",
    "start_at_login",
)
TIME_KEYS = ("work_start", "work_end")
ID_SET_KEYS = ("hidden_entries", "favourite_entries")
NAME_LIST_KEYS = ("hold_programs",)
CHOICE_KEYS: dict[str, tuple[str, ...]] = {"back_checkin": CHECKIN_CADENCES}
MAX_NAME_LENGTH = 200
_LANGUAGE_RE = re.compile(r"^([a-z]{2,3}([_-][A-Za-z]{2})?)?$")
_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass
class _Builder:
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def bad(self, key: str, message: str) -> None:
        self.problems.append(Problem(key, message))


def parse_time(text: str) -> time | None:
    """``"09:00"`` → ``time(9, 0)``; None when it isn't a 24-hour HH:MM time."""
    match = _TIME_RE.match(text.strip())
    if match is None:
        return None
    return time(int(match.group(1)), int(match.group(2)))


def format_time(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def _check_int(builder: _Builder, key: str, raw: object) -> None:
    allowed = INT_RANGES[key]
    # bool is an int subclass in Python; `interval_minutes = true` is a mistake, not 1.
    if isinstance(raw, bool) or not isinstance(raw, int):
        builder.bad(key, f"expected a whole number from {allowed.low} to {allowed.high}")
    elif not allowed.low <= raw <= allowed.high:
        builder.bad(key, f"{raw} is outside the allowed range {allowed.low}–{allowed.high}")
    else:
        builder.values[key] = raw


def _check_days(builder: _Builder, raw: object) -> None:
    key = "working_days"
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        builder.bad(key, 'expected a list of day names such as ["mon", "tue"]')
        return
    names = [str(item).strip().lower()[:3] for item in raw]
    unknown = [item for item, name in zip(raw, names, strict=True) if name not in WEEKDAYS]
    if unknown:
        builder.bad(key, f"unknown day name(s): {', '.join(map(str, unknown))}")
    elif not names:
        builder.bad(key, "at least one working day is needed (turn working hours off instead)")
    else:
        builder.values[key] = frozenset(WEEKDAYS.index(name) for name in names)


def _check_kinds(builder: _Builder, raw: object) -> None:
    key = "enabled_kinds"
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        builder.bad(key, f"expected a list drawn from {', '.join(EXERCISE_KINDS)}")
        return
    unknown = [item for item in raw if item not in EXERCISE_KINDS]
    if unknown:
        builder.bad(key, f"unknown kind(s): {', '.join(map(str, unknown))}")
    elif not raw:
        builder.bad(key, "at least one kind of exercise must stay enabled")
    else:
        builder.values[key] = frozenset(raw)


def clean_names(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Program names as the user typed them: trimmed, empty ones and repeats dropped."""
    seen: dict[str, str] = {}
    for name in names:
        stripped = name.strip()
        if stripped and stripped.lower() not in seen:
            seen[stripped.lower()] = stripped
    return tuple(seen.values())


def _check_names(builder: _Builder, key: str, raw: object) -> None:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        builder.bad(key, 'expected a list of program names such as ["zoom", "obs"]')
        return
    too_long = [item for item in raw if len(item) > MAX_NAME_LENGTH]
    if too_long:
        builder.bad(key, f"a program name is longer than {MAX_NAME_LENGTH} characters")
        return
    builder.values[key] = clean_names(raw)


def settings_from_mapping(data: Mapping[str, object]) -> tuple[Settings, list[Problem]]:
    """Build settings from a parsed TOML document.

    Good keys are taken, bad keys fall back to their default and are reported, unknown
    keys are reported (and left in the file by the store, never silently dropped).
    """
    builder = _Builder()
    known = {f.name for f in dataclasses.fields(Settings)} | {"schema_version"}
    for key, raw in data.items():
        if key not in known:
            builder.bad(key, "unknown setting (ignored; check the spelling)")
        elif key == "schema_version":
            if raw != SCHEMA_VERSION:
                builder.bad(key, f"expected {SCHEMA_VERSION}, found {raw!r}; read as version 1")
        elif key in INT_RANGES:
            _check_int(builder, key, raw)
        elif key in BOOL_KEYS:
            if isinstance(raw, bool):
                builder.values[key] = raw
            else:
                builder.bad(key, "expected true or false")
        elif key in TIME_KEYS:
            parsed = parse_time(raw) if isinstance(raw, str) else None
            if parsed is None:
                builder.bad(key, 'expected a 24-hour time such as "09:00"')
            else:
                builder.values[key] = parsed
        elif key == "working_days":
            _check_days(builder, raw)
        elif key == "enabled_kinds":
            _check_kinds(builder, raw)
        elif key == "language":
            if isinstance(raw, str) and _LANGUAGE_RE.match(raw):
                builder.values[key] = raw
            else:
                builder.bad(key, 'expected a language code such as "de" or "" for the system')
        elif key in CHOICE_KEYS:
            if raw in CHOICE_KEYS[key]:
                builder.values[key] = raw
            else:
                builder.bad(key, f"expected one of {', '.join(CHOICE_KEYS[key])}")
        elif key in NAME_LIST_KEYS:
            _check_names(builder, key, raw)
        elif key in ID_SET_KEYS:
            if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
                builder.values[key] = frozenset(raw)
            else:
                builder.bad(key, "expected a list of catalog entry ids")
    settings = Settings(**builder.values)
    if settings.work_start == settings.work_end:
        builder.bad("work_end", "the working day cannot start and end at the same time")
        settings = settings.replace(work_start=Settings.work_start, work_end=Settings.work_end)
    return settings, builder.problems


def _to_toml_value(key: str, value: object) -> object:
    if key in TIME_KEYS and isinstance(value, time):
        return format_time(value)
    if key == "working_days" and isinstance(value, frozenset):
        return [WEEKDAYS[index] for index in sorted(value)]
    if key == "enabled_kinds" and isinstance(value, frozenset):
        return [kind for kind in EXERCISE_KINDS if kind in value]
    if key in ID_SET_KEYS and isinstance(value, frozenset):
        return sorted(value)
    if key in NAME_LIST_KEYS and isinstance(value, tuple):
        return list(value)
    return value


def changed_mapping(settings: Settings) -> dict[str, object]:
    """The TOML document for ``settings``: only what differs from the defaults."""
    defaults = Settings()
    out: dict[str, object] = {"schema_version": SCHEMA_VERSION}
    for f in dataclasses.fields(Settings):
        value = getattr(settings, f.name)
        if value != getattr(defaults, f.name):
            out[f.name] = _to_toml_value(f.name, value)
    return out


def full_mapping(settings: Settings) -> dict[str, object]:
    """Every setting, in TOML/JSON-friendly values (for ``backbreak settings``)."""
    return {
        f.name: _to_toml_value(f.name, getattr(settings, f.name))
        for f in dataclasses.fields(Settings)
    }
