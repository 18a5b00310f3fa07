"""The history retention setting as a date: events of days before it are deleted."""

from __future__ import annotations

import calendar
from datetime import date


def retention_cutoff(today: date, months: int) -> date | None:
    """The first local day to keep when keeping ``months`` months; None keeps everything
    (``months == 0``, the default).

    Months are calendar months: on 31 May, keeping 3 months keeps from 28/29 February
    (the same day of the month, or that month's last day when it is shorter).
    """
    if months <= 0:
        return None
    month_index = today.year * 12 + (today.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(today.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


__all__ = ["retention_cutoff"]
