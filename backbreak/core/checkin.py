"""The end-of-day back check-in: when to ask "How does your back feel?".

Pure rules. The question comes at the end of a working day on which something happened,
with one tap for an answer (0 = no trouble, 10 = as bad as it gets) or a skip. It is asked
**once a week** by default: often enough that a month shows a trend beside the breaks
done, rarely enough that it never turns into a chore that people click away without
reading. "daily" is there for someone tracking closely; "off" never asks. A skip counts
as asked, so a "not now" is not followed by the same question the next evening.
"""

from __future__ import annotations

from datetime import date

CHECKIN_CADENCES: tuple[str, ...] = ("off", "weekly", "daily")
WEEK_DAYS = 7
SCORES = range(11)
"""0–10: the usual numeric pain scale (0 = no trouble at all)."""


def checkin_due(cadence: str, day: date, last_asked: date | None) -> bool:
    """Whether to ask at the end of ``day``, given the day it was last asked (answered or
    skipped)."""
    if cadence == "off":
        return False
    if last_asked is None:
        return True
    if cadence == "daily":
        return last_asked < day
    return (day - last_asked).days >= WEEK_DAYS
