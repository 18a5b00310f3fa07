"""History out of the app: every event as CSV, and the window's figures as JSON.

The CSV carries each event's UTC time and its local time *as it was then* (from the
offset stored with the event, not today's zone), so an export stays right across DST
changes and travel. Rows are streamed from ``History.iter_events``; years of history never
sit in memory at once. The file is written next to its destination and renamed over it,
so a failed export leaves any earlier file untouched.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO

from backbreak.core.history_model import EVENT_KINDS, HistoryEvent
from backbreak.platform.history import History
from backbreak.platform.stats import area_counts

CSV_COLUMNS: tuple[str, ...] = (
    "utc_time",
    "local_time",
    "local_day",
    "kind",
    "entry_id",
    "seconds",
    "sitting_seconds",
)


class ExportFormatError(ValueError):
    """A CSV file that is not one of our exports (``read_csv_events``)."""


def export_csv(history: History, path: Path) -> int:
    """Write every event to ``path`` as CSV (oldest first); returns the number of events.

    Raises ``OSError`` when the file cannot be written and ``sqlite3.Error`` when the
    history cannot be read; in both cases ``path`` is left as it was.
    """
    path = Path(path)
    # Not a with-block: the temp file must outlive the handle to be renamed (or removed).
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115
        "w",
        encoding="utf-8",
        newline="",
        dir=path.parent,
        prefix=f".{path.name}.",
        suffix=".tmp",
        delete=False,
    )
    temp = Path(handle.name)
    try:
        with handle:
            count = write_csv(history, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return count


def write_csv(history: History, out: IO[str]) -> int:
    """Write every event to the open text stream ``out`` (``stats --csv -``: standard
    output); returns the number of events. A file stream needs ``newline=""``."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for event in history.iter_events():
        writer.writerow(_csv_row(event))
        count += 1
    return count


def _csv_row(event: HistoryEvent) -> tuple[str, ...]:
    local = event.at.astimezone(timezone(timedelta(minutes=event.utc_offset_minutes)))
    return (
        event.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        local.isoformat(timespec="seconds"),
        event.local_day.isoformat(),
        event.kind,
        event.entry_id or "",
        "" if event.seconds is None else str(event.seconds),
        "" if event.sitting_seconds is None else str(event.sitting_seconds),
    )


def read_csv_events(path: Path) -> Iterator[HistoryEvent]:
    """The events of a file written by ``export_csv``, in file order.

    Raises ``ExportFormatError`` naming the line when a row does not read back.
    """
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(header) != CSV_COLUMNS:
            raise ExportFormatError(f"{path}: not a backbreak history export (header {header})")
        for line, row in enumerate(reader, start=2):
            try:
                yield _event_from_row(row)
            except (ValueError, TypeError) as error:
                raise ExportFormatError(f"{path}, line {line}: {error}") from error


def _event_from_row(row: Sequence[str]) -> HistoryEvent:
    utc_text, local_text, day_text, kind, entry_id, seconds, sitting = row
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    at = datetime.fromisoformat(utc_text).astimezone(UTC)
    offset = datetime.fromisoformat(local_text).utcoffset()
    if offset is None:
        raise ValueError(f"local time {local_text!r} has no UTC offset")
    return HistoryEvent(
        kind=kind,
        at=at,
        local_day=date.fromisoformat(day_text),
        utc_offset_minutes=int(offset.total_seconds() // 60),
        entry_id=entry_id or None,
        seconds=int(seconds) if seconds else None,
        sitting_seconds=int(sitting) if sitting else None,
    )


def stats_json(
    history: History,
    first_day: date,
    last_day: date,
    today: date,
    catalog_areas: Mapping[str, Sequence[str]],
) -> dict[str, object]:
    """The figures the History window shows for a range, as plain JSON values: the
    summary (totals, breaks, completion rate, longest sitting, streaks, per-day counts)
    plus completions per entry and per body area."""
    data = history.summary(first_day, last_day, today).to_json_dict()
    entries = history.entry_counts(first_day, last_day)
    data["entries"] = entries
    data["areas"] = area_counts(entries, catalog_areas)
    return data


__all__ = [
    "CSV_COLUMNS",
    "ExportFormatError",
    "export_csv",
    "read_csv_events",
    "stats_json",
]
