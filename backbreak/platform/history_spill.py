"""Events that could not be written to the history database, kept on disk until they are.

When the database cannot take a write (disk full, I/O error, another program holding its
lock), the event goes into memory and, if the disk allows, into a small append-only file
beside the database: one JSON line per event row, plus the latest cycle state. The next
write that works, or the next start, replays the file into the database and removes it,
so a restart in between loses nothing. Lines that cannot be read (a torn last line from a
crash) are skipped, never fatal.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from backbreak.platform.safe_files import read_regular_file

log = logging.getLogger(__name__)

SPILL_SUFFIX = ".pending"
# A day of events is a few dozen rows; this bounds what a damaged file can cost to read.
_MAX_SPILL_BYTES = 8 * 1024 * 1024
_ROW_LENGTH = 7


def spill_path_for(database: Path) -> Path:
    return database.with_name(database.name + SPILL_SUFFIX)


@dataclass
class SpilledData:
    rows: list[tuple[object, ...]] = field(default_factory=list)
    state: str | None = None
    checkins: list[tuple[str, int, int | None]] = field(default_factory=list)


def append(
    path: Path,
    rows: Sequence[tuple[object, ...]],
    state: str | None,
    checkins: Sequence[tuple[str, int, int | None]] = (),
) -> bool:
    """Append rows (and a state, and check-ins) to the spill file; False when even that
    failed."""
    lines = [json.dumps({"event": list(row)}) for row in rows]
    if state is not None:
        lines.append(json.dumps({"state": state}))
    lines += [json.dumps({"checkin": list(checkin)}) for checkin in checkins]
    if not lines:
        return True
    data = ("\n".join(lines) + "\n").encode("utf-8")
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError as error:
        log.error("could not keep unsaved history in %s either: %s", path, error)
        return False
    return True


def read(path: Path) -> SpilledData:
    """What the spill file holds; empty when there is none or it cannot be read."""
    try:
        raw = read_regular_file(path, _MAX_SPILL_BYTES)
    except FileNotFoundError:
        return SpilledData()
    except OSError as error:
        log.error("unsaved history in %s cannot be read: %s", path, error)
        return SpilledData()
    found = SpilledData()
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), 1):
        try:
            item = json.loads(line)
        except (ValueError, RecursionError):
            log.warning("%s line %d unreadable; skipped", path, number)
            continue
        if isinstance(item, dict) and isinstance(item.get("state"), str):
            found.state = item["state"]
        elif isinstance(item, dict) and _is_row(item.get("event")):
            found.rows.append(tuple(item["event"]))
        elif isinstance(item, dict) and _is_checkin(item.get("checkin")):
            day, at_utc, score = item["checkin"]
            found.checkins.append((day, at_utc, score))
        else:
            log.warning("%s line %d is not an event; skipped", path, number)
    return found


def _is_row(value: object) -> bool:
    if not isinstance(value, list) or len(value) != _ROW_LENGTH:
        return False
    kind, at_utc, local_day, offset, entry_id, seconds, sitting = value
    return (
        isinstance(kind, str)
        and isinstance(at_utc, int)
        and isinstance(local_day, str)
        and isinstance(offset, int)
        and (entry_id is None or isinstance(entry_id, str))
        and (seconds is None or isinstance(seconds, int))
        and (sitting is None or isinstance(sitting, int))
    )


def _is_checkin(value: object) -> bool:
    if not isinstance(value, list) or len(value) != 3:
        return False
    day, at_utc, score = value
    return (
        isinstance(day, str)
        and isinstance(at_utc, int)
        and not isinstance(at_utc, bool)
        and (
            score is None
            or (isinstance(score, int) and not isinstance(score, bool) and 0 <= score <= 10)
        )
    )


def remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        log.error("could not remove %s after saving its events: %s", path, error)
