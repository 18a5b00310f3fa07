"""Statistics over the history database, computed in SQL.

Every query aggregates inside SQLite (GROUP BY local_day and friends) so a history of
years costs milliseconds and never loads event rows into Python. Functions take the open
connection; ``History`` offers them as methods.

Streak rules: a day *qualifies* when at least one break was completed and none was
skipped. Days without any prompted, completed or skipped event (weekends, holidays, days
off) are neutral: they neither count nor break a streak. Any other day breaks it, except
today, which is still in progress: today counts once it qualifies and breaks the streak
only with a skip.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "OTHER_AREA",
    "DayCounts",
    "StatsSummary",
    "area_counts",
    "best_streak",
    "completion_rate",
    "current_streak",
    "day_counts",
    "entry_counts",
    "longest_sitting",
    "summary",
]


@dataclass(frozen=True)
class DayCounts:
    """Events of one local day (or, in ``StatsSummary.totals``, of the whole range)."""

    day: date
    prompted: int = 0
    completed: int = 0
    snoozed: int = 0
    skipped: int = 0
    away: int = 0
    minutes_exercised: float = 0.0
    """Sum of the time spent on completed exercises, in minutes."""
    breaks: int = 0
    """Breaks offered: prompts that were answered for good. A prompt snoozed or swapped
    for another exercise comes back as a new prompt, so counting ``prompted`` would make
    "done 1 of 4" out of one break that was snoozed three times."""

    def to_json_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "prompted": self.prompted,
            "completed": self.completed,
            "snoozed": self.snoozed,
            "skipped": self.skipped,
            "away": self.away,
            "minutes_exercised": round(self.minutes_exercised, 2),
            "breaks": self.breaks,
        }


@dataclass(frozen=True)
class StatsSummary:
    first_day: date
    last_day: date
    today: date
    days: tuple[DayCounts, ...]
    totals: DayCounts
    """Sums over ``days``; its ``day`` is ``first_day``."""
    completion_rate: float | None
    longest_sitting: timedelta
    current_streak: int
    best_streak: int

    def to_json_dict(self) -> dict[str, object]:
        """Plain JSON values, for ``backbreak stats --json``: the range's totals at the top
        level, then the per-day counts."""
        totals = self.totals.to_json_dict()
        del totals["day"]
        return {
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "today": self.today.isoformat(),
            **totals,
            "completion_rate": self.completion_rate,
            "longest_sitting_seconds": int(self.longest_sitting.total_seconds()),
            "current_streak": self.current_streak,
            "best_streak": self.best_streak,
            "days": [day.to_json_dict() for day in self.days],
        }


def day_counts(conn: sqlite3.Connection, first_day: date, last_day: date) -> list[DayCounts]:
    """One item per day from ``first_day`` to ``last_day`` inclusive, zero-filled."""
    if last_day < first_day:
        return []
    rows = conn.execute(
        """
        SELECT local_day,
               SUM(kind = 'prompted'), SUM(kind = 'completed'), SUM(kind = 'snoozed'),
               SUM(kind = 'skipped'), SUM(kind = 'away'),
               TOTAL(CASE WHEN kind = 'completed' THEN seconds END),
               SUM(kind = 'prompted') - SUM(kind = 'another')
                   - SUM(kind = 'snoozed' AND entry_id IS NOT NULL)
        FROM events
        WHERE local_day BETWEEN ? AND ?
        GROUP BY local_day
        """,
        (first_day.isoformat(), last_day.isoformat()),
    ).fetchall()
    found = {
        # max(0, …): a prompt snoozed just before midnight comes back on the next day.
        day: DayCounts(date.fromisoformat(day), p, c, sn, sk, aw, seconds / 60, max(0, br))
        for day, p, c, sn, sk, aw, seconds, br in rows
    }
    span = (last_day - first_day).days + 1
    days = (first_day + timedelta(days=offset) for offset in range(span))
    return [found.get(day.isoformat(), DayCounts(day)) for day in days]


def completion_rate(conn: sqlite3.Connection, first_day: date, last_day: date) -> float | None:
    """Breaks done / breaks offered in the range; None when no break was offered.

    Offered, not answered: a prompt left open until the user walked away counts as not
    done, so the rate agrees with the "N of M breaks done" shown beside it."""
    days = day_counts(conn, first_day, last_day)
    return _rate(sum(day.completed for day in days), sum(day.breaks for day in days))


def _rate(completed: int, breaks: int) -> float | None:
    # min(): a break done from the pre-prompt notice has no prompt of its own.
    return None if breaks == 0 else min(1.0, completed / breaks)


def longest_sitting(conn: sqlite3.Connection, first_day: date, last_day: date) -> timedelta:
    """The longest time sat before a completed break or an away period in the range."""
    (longest,) = conn.execute(
        """
        SELECT MAX(sitting_seconds) FROM events
        WHERE local_day BETWEEN ? AND ? AND kind IN ('completed', 'away')
        """,
        (first_day.isoformat(), last_day.isoformat()),
    ).fetchone()
    return timedelta(seconds=int(longest or 0))


def entry_counts(conn: sqlite3.Connection, first_day: date, last_day: date) -> dict[str, int]:
    """How often each catalog entry was completed in the range, most done first.

    Counted in SQL (GROUP BY entry_id over the covering ``events_by_kind_day_entry``
    index): years of history cost one index range scan and a few dozen result rows.
    """
    rows = conn.execute(
        """
        SELECT entry_id, COUNT(*) AS times FROM events
        WHERE kind = 'completed' AND local_day BETWEEN ? AND ? AND entry_id IS NOT NULL
        GROUP BY entry_id
        ORDER BY times DESC, entry_id
        """,
        (first_day.isoformat(), last_day.isoformat()),
    )
    return {str(entry_id): int(times) for entry_id, times in rows}


OTHER_AREA = "other"
"""Where entries that are no longer in the catalog (a deleted user entry) are counted."""


def area_counts(
    entries: Mapping[str, int], catalog_areas: Mapping[str, Sequence[str]]
) -> dict[str, int]:
    """Completions per body area, most first; an entry for two areas counts for both.

    ``entries`` is ``entry_counts``' result, ``catalog_areas`` maps entry id → areas.
    """
    totals: dict[str, int] = {}
    for entry_id, times in entries.items():
        for area in catalog_areas.get(entry_id) or (OTHER_AREA,):
            totals[area] = totals.get(area, 0) + times
    return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


# One row per non-neutral day up to :last with whether it qualifies and whether it had a
# skip. Only needs the (local_day, kind) index, which covers it.
_STREAK_DAYS = """
    days AS (
        SELECT local_day,
               SUM(kind = 'completed') >= 1 AND SUM(kind = 'skipped') = 0 AS qualifies,
               SUM(kind = 'skipped') > 0 AS has_skip
        FROM events
        WHERE kind IN ('prompted', 'completed', 'skipped') AND local_day <= :last
        GROUP BY local_day
    )
"""


def current_streak(conn: sqlite3.Connection, today: date) -> int:
    """Qualifying days in a row up to today (today only once it qualifies)."""
    (streak,) = conn.execute(
        f"""
        WITH {_STREAK_DAYS}
        SELECT COUNT(*) FROM days
        WHERE qualifies AND local_day > COALESCE(
            (SELECT MAX(local_day) FROM days
             WHERE NOT qualifies AND (local_day < :last OR has_skip)),
            '')
        """,
        {"last": today.isoformat()},
    ).fetchone()
    return int(streak)


def best_streak(conn: sqlite3.Connection) -> int:
    """The longest run of qualifying days ever (gaps-and-islands over the day rows)."""
    (best,) = conn.execute(
        f"""
        WITH {_STREAK_DAYS},
        runs AS (
            SELECT qualifies,
                   SUM(NOT qualifies) OVER (ORDER BY local_day ROWS UNBOUNDED PRECEDING) AS run
            FROM days
        )
        SELECT COALESCE(MAX(length), 0)
        FROM (SELECT COUNT(*) AS length FROM runs WHERE qualifies GROUP BY run)
        """,
        {"last": "9999-12-31"},
    ).fetchone()
    return int(best)


def summary(conn: sqlite3.Connection, first_day: date, last_day: date, today: date) -> StatsSummary:
    days = day_counts(conn, first_day, last_day)
    totals = DayCounts(
        first_day,
        prompted=sum(day.prompted for day in days),
        completed=sum(day.completed for day in days),
        snoozed=sum(day.snoozed for day in days),
        skipped=sum(day.skipped for day in days),
        away=sum(day.away for day in days),
        minutes_exercised=sum(day.minutes_exercised for day in days),
        breaks=sum(day.breaks for day in days),
    )
    return StatsSummary(
        first_day=first_day,
        last_day=last_day,
        today=today,
        days=tuple(days),
        totals=totals,
        completion_rate=_rate(totals.completed, totals.breaks),
        longest_sitting=longest_sitting(conn, first_day, last_day),
        current_streak=current_streak(conn, today),
        best_streak=best_streak(conn),
    )
