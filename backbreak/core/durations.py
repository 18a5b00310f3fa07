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
