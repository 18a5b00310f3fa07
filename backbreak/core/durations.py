"""Whole minutes said as people read them: "23 min", "1 h", "1 h 5 min"."""

from __future__ import annotations

from backbreak.core.i18n import _


def hours_minutes_text(minutes: int) -> str:
    """``23`` → ``"23 min"``, ``60`` → ``"1 h"``, ``65`` → ``"1 h 5 min"``. How to round to
    whole minutes is the caller's business (countdowns round up, look-backs to nearest)."""
    hours, minutes = divmod(minutes, 60)
    if hours == 0:
        return _("{0} min").format(minutes)
    if minutes == 0:
        return _("{0} h").format(hours)
    return _("{0} h {1} min").format(hours, minutes)


def seconds_text(seconds: int) -> str:
    """``45`` → ``"45 s"``, ``60`` → ``"1 min"``, ``90`` → ``"1 min 30 s"``."""
    minutes, seconds = divmod(seconds, 60)
    if minutes and seconds:
        return _("{0} min {1} s").format(minutes, seconds)
    if minutes:
        return _("{0} min").format(minutes)
    return _("{0} s").format(seconds)


def exercise_time_text(seconds: int, sides: str, separator: str = ", ") -> str:
    """How long an exercise takes, said the same way everywhere (prompt, Exercises page,
    ``backbreak catalog``): ``"45 s"``; for a move done on each side the catalog's duration
    is the total for both, so it says so and gives the share of one side:
    ``"2 min in all, 1 min per side"`` (the switch comes at half time)."""
    total = seconds_text(seconds)
    if sides != "each":
        return total
    return separator.join(
        (_("{0} in all").format(total), _("{0} per side").format(seconds_text(seconds // 2)))
    )
