"""The history database: one row per event plus the saved break-cycle state (sqlite3).

Every write commits at once (autocommit, WAL, synchronous=FULL): the app runs for weeks
and a crash or power cut must not take the last hours with it. The file's schema version
is ``PRAGMA user_version``; ``MIGRATIONS`` brings older files up to date.

``open_history`` is the entry point for the app: a damaged file is moved aside and a new
one started, a file from a newer backbreak is left untouched and this session runs on an
in-memory database; either way the user gets a message and the app keeps running.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import sqlite3
import types
import typing
from collections.abc import Generator, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from backbreak.core.cycle import CycleState
from backbreak.core.history_model import EVENT_KINDS, EventKind, HistoryEvent
from backbreak.platform import stats

log = logging.getLogger(__name__)

MEMORY = ":memory:"

# Each migration is the list of statements taking the file from version N to N + 1; they
# run in one transaction together with the user_version bump. To change the schema, append
# a tuple here (never edit a released one) and SCHEMA_VERSION follows.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 0 -> 1
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            at_utc INTEGER NOT NULL,
            local_day TEXT NOT NULL,
            utc_offset_minutes INTEGER NOT NULL,
            kind TEXT NOT NULL,
            entry_id TEXT,
            seconds INTEGER,
            sitting_seconds INTEGER
        )
        """,
        "CREATE INDEX events_by_day_kind ON events (local_day, kind)",
        "CREATE INDEX events_by_time ON events (at_utc)",
        "CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
    (  # 1 -> 2
        # Per-entry counts for the History window's body areas (kind = 'completed' AND
        # local_day BETWEEN … GROUP BY entry_id) read this index alone, never the table.
        "CREATE INDEX events_by_kind_day_entry ON events (kind, local_day, entry_id)",
    ),
    (  # 2 -> 3
        # The end-of-day back check-in: one row per local day; score NULL = skipped.
        """
        CREATE TABLE checkins (
            local_day TEXT PRIMARY KEY,
            at_utc INTEGER NOT NULL,
            score INTEGER CHECK (score BETWEEN 0 AND 10)
        )
        """,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

_CYCLE_STATE_KEY = "cycle_state"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EVENT_COLUMNS = "kind, at_utc, local_day, utc_offset_minutes, entry_id, seconds, sitting_seconds"
_INSERT_EVENT = f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"


class HistoryError(Exception):
    """The history file cannot be used as it is."""


class CorruptHistoryError(HistoryError):
    """The file is not an SQLite database or is damaged."""


class NewerSchemaError(HistoryError):
    """The file was written by a newer backbreak; we must not touch it."""

    def __init__(self, found: int) -> None:
        super().__init__(f"schema version {found}, this version knows up to {SCHEMA_VERSION}")
        self.found = found


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        # Extended result codes keep the primary code in the low byte.
        return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


class History:
    """Events and cycle state in one SQLite file (or in memory with ``":memory:"``).

    Raises ``CorruptHistoryError``, ``NewerSchemaError`` or ``sqlite3.Error`` when the file
    cannot be opened; use ``open_history`` for the forgiving version. After opening, a
    failed write is logged and remembered in ``last_error`` instead of raised: losing
    one event is better than stopping the reminders.
    """

    def __init__(self, path: Path | str) -> None:
        self.path: Path | None = None if str(path) == MEMORY else Path(path)
        self.last_error: str | None = None
        # isolation_level=None: autocommit, so each record/save is its own transaction and
        # is on disk when the call returns; multi-statement work uses explicit BEGIN.
        self._conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
        try:
            self._prepare()
        except sqlite3.DatabaseError as error:
            self._conn.close()
            if _is_corruption(error):
                raise CorruptHistoryError(str(error)) from error
            raise
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def in_memory(cls) -> History:
        return cls(MEMORY)

    def _prepare(self) -> None:
        (version,) = self._conn.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(version)
        if version > 0:
            problems = [row[0] for row in self._conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise CorruptHistoryError("; ".join(map(str, problems[:3])))
        self._conn.execute("PRAGMA journal_mode = WAL")
        # FULL in WAL mode syncs on every commit; we write a handful of rows an hour, so
        # the cost is nothing and a power cut cannot lose a committed event.
        self._conn.execute("PRAGMA synchronous = FULL")
        # Clearing history is a privacy promise: deleted rows are overwritten in the file
        # instead of lingering in free pages until something reuses them.
        self._conn.execute("PRAGMA secure_delete = ON")
        self._migrate(version)

    def _migrate(self, from_version: int) -> None:
        for version in range(from_version, SCHEMA_VERSION):
            with self._transaction():
                for statement in MIGRATIONS[version]:
                    self._conn.execute(statement)
                # PRAGMA takes no parameters; version is our own int.
                self._conn.execute(f"PRAGMA user_version = {version + 1}")
            log.info("history schema migrated to version %d", version + 1)

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn)

    # ---- writing --------------------------------------------------------------------

    def record(self, event: HistoryEvent) -> None:
        """Append one event; committed before returning."""
        row = _event_row(event)
        self._write(lambda: self._conn.execute(_INSERT_EVENT, row))

    def record_many(self, events: Iterable[HistoryEvent]) -> None:
        """Append many events in one transaction (imports, tests, benchmarks)."""
        rows = [_event_row(event) for event in events]

        def insert() -> None:
            with self._transaction():
                self._conn.executemany(_INSERT_EVENT, rows)

        self._write(insert)

    def save_state(self, state: CycleState) -> None:
        text = json.dumps(_encode(state), sort_keys=True)
        self._write(
            lambda: self._conn.execute(
                "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
                (_CYCLE_STATE_KEY, text),
            )
        )

    def record_checkin(self, day: date, at: datetime, score: int | None) -> None:
        """The back check-in for ``day``: 0–10, or None when skipped (so it counts as
        asked). A second answer the same day replaces the first."""
        if score is not None and not 0 <= score <= 10:
            raise ValueError(f"a check-in score is 0 to 10, not {score}")
        self._write(
            lambda: self._conn.execute(
                "INSERT OR REPLACE INTO checkins (local_day, at_utc, score) VALUES (?, ?, ?)",
                (day.isoformat(), _epoch_seconds(at), score),
            )
        )

    def clear(self) -> int:
        """Delete every event (the cycle state stays); returns how many were deleted.

        Unlike ``record``, a failure raises: the user asked for this and must be told if it
        did not happen.
        """
        with self._transaction():
            deleted = self._conn.execute("DELETE FROM events").rowcount
            self._conn.execute("DELETE FROM checkins")
        self._scrub()
        return int(deleted)

    def purge_older_than(self, cutoff_day: date) -> int:
        """Delete events of local days before ``cutoff_day`` (the retention setting);
        returns how many were deleted. Raises on failure, like ``clear``."""
        with self._transaction():
            deleted = self._conn.execute(
                "DELETE FROM events WHERE local_day < ?", (cutoff_day.isoformat(),)
            ).rowcount
            checkins = self._conn.execute(
                "DELETE FROM checkins WHERE local_day < ?", (cutoff_day.isoformat(),)
            ).rowcount
        if deleted or checkins:
            self._scrub()
        return int(deleted)

    def _scrub(self) -> None:
        """Leave no copy of deleted rows on disk: the WAL still holds the old pages until
        a checkpoint, and VACUUM rebuilds the file without the freed pages."""
        if self.path is None:
            return
        self._conn.execute("VACUUM")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _write(self, action: typing.Callable[[], object]) -> None:
        try:
            action()
        except sqlite3.Error as error:
            self.last_error = str(error)
            log.error("could not write to the history database %s: %s", self.path, error)

    # ---- reading --------------------------------------------------------------------

    def load_state(self) -> CycleState:
        """The saved cycle state; defaults for anything missing or unreadable."""
        row = self._conn.execute(
            "SELECT value FROM state WHERE key = ?", (_CYCLE_STATE_KEY,)
        ).fetchone()
        if row is None:
            return CycleState()
        try:
            raw = json.loads(row[0])
        except (TypeError, ValueError) as error:
            log.warning("saved cycle state unreadable (%s); starting fresh", error)
            return CycleState()
        if not isinstance(raw, dict):
            log.warning("saved cycle state is not an object; starting fresh")
            return CycleState()
        return cast(CycleState, _decode_dataclass(CycleState, raw))

    def entries_done_on(self, day: date) -> list[str]:
        """Entry ids completed on that local day, oldest first."""
        rows = self._conn.execute(
            """
            SELECT entry_id FROM events
            WHERE local_day = ? AND kind = 'completed' AND entry_id IS NOT NULL
            ORDER BY at_utc, id
            """,
            (day.isoformat(),),
        )
        return [str(entry_id) for (entry_id,) in rows]

    def events_between(self, start_utc: datetime, end_utc: datetime) -> list[HistoryEvent]:
        """Events with ``start_utc <= at < end_utc``, oldest first."""
        rows = self._conn.execute(
            f"""
            SELECT {_EVENT_COLUMNS} FROM events
            WHERE at_utc >= ? AND at_utc < ? ORDER BY at_utc, id
            """,
            (_epoch_seconds(start_utc), _epoch_seconds(end_utc)),
        )
        return list(_events_from_rows(rows))

    def iter_events(self, batch_size: int = 1000) -> Generator[HistoryEvent, None, None]:
        """Every event, oldest first, read in batches (for export)."""
        cursor = self._conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY at_utc, id")
        try:
            while batch := cursor.fetchmany(batch_size):
                yield from _events_from_rows(batch)
        finally:
            # An export abandoned half-way may be collected after close(); the cursor
            # then went with the connection.
            with contextlib.suppress(sqlite3.ProgrammingError):
                cursor.close()

    def checkin_scores(self, first_day: date, last_day: date) -> dict[date, int]:
        """Answered check-ins (skips left out) of the days in the range."""
        rows = self._conn.execute(
            "SELECT local_day, score FROM checkins WHERE local_day BETWEEN ? AND ? "
            "AND score IS NOT NULL",
            (first_day.isoformat(), last_day.isoformat()),
        )
        return {date.fromisoformat(day): int(score) for day, score in rows}

    def last_checkin_day(self) -> date | None:
        """The last day the check-in was asked (answered or skipped)."""
        (day,) = self._conn.execute("SELECT MAX(local_day) FROM checkins").fetchone()
        return None if day is None else date.fromisoformat(day)

    def has_events(self) -> bool:
        """Whether anything at all was ever recorded (the History window's empty state)."""
        (found,) = self._conn.execute("SELECT EXISTS (SELECT 1 FROM events)").fetchone()
        return bool(found)

    # ---- statistics (see backbreak.platform.stats) ----------------------------------

    def entry_counts(self, first_day: date, last_day: date) -> dict[str, int]:
        return stats.entry_counts(self._conn, first_day, last_day)

    def day_counts(self, first_day: date, last_day: date) -> list[stats.DayCounts]:
        return stats.day_counts(self._conn, first_day, last_day)

    def completion_rate(self, first_day: date, last_day: date) -> float | None:
        return stats.completion_rate(self._conn, first_day, last_day)

    def longest_sitting(self, first_day: date, last_day: date) -> timedelta:
        return stats.longest_sitting(self._conn, first_day, last_day)

    def current_streak(self, today: date) -> int:
        return stats.current_streak(self._conn, today)

    def best_streak(self) -> int:
        return stats.best_streak(self._conn)

    def summary(self, first_day: date, last_day: date, today: date) -> stats.StatsSummary:
        return stats.summary(self._conn, first_day, last_day, today)

    # ---- lifetime -------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        self._conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error (autocommit connection)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if exc_type is None:
            self._conn.execute("COMMIT")
        else:
            self._conn.execute("ROLLBACK")


# ---- opening with recovery ----------------------------------------------------------


def open_history(path: Path) -> tuple[History, str | None]:
    """Open the history at ``path``, recovering instead of failing.

    Returns the history and, when something had to be done about the file, a sentence for
    the user. A damaged file (and its -wal/-shm) is renamed to ``<name>.bak`` (or the next
    free ``.bak.N``) and a new one started. A file from a newer backbreak, or one that
    cannot be opened at all, is left alone and this session's history is kept in memory.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return History(path), None
    except NewerSchemaError as error:
        return History.in_memory(), (
            f"The history file {path} was written by a newer version of backbreak "
            f"({error}). It was left untouched; this session's breaks will not be saved "
            "until backbreak is updated."
        )
    except CorruptHistoryError as error:
        log.error("history file %s is damaged: %s", path, error)
        try:
            backup = _move_aside(path)
            fresh = History(path)
        except (HistoryError, sqlite3.Error, OSError) as second:
            return History.in_memory(), (
                f"The history file {path} is damaged and could not be replaced ({second}). "
                "This session's breaks will not be saved."
            )
        return fresh, (
            f"The history file was damaged and could not be read. It was moved to "
            f"{backup} and a new, empty history was started."
        )
    except (sqlite3.Error, OSError) as error:
        return History.in_memory(), (
            f"The history file {path} could not be opened ({error}). "
            "This session's breaks will not be saved."
        )


def _move_aside(path: Path) -> Path:
    """Rename ``path`` and its WAL companions to the first free ``.bak[.N]`` name.

    The companions get the backup's name plus ``-wal``/``-shm`` so SQLite tools opening the
    backup still see any data that had not been checkpointed yet.
    """
    companions = ("", "-wal", "-shm")
    for number in range(1000):
        suffix = ".bak" if number == 0 else f".bak.{number}"
        backup = path.with_name(path.name + suffix)
        if any(Path(f"{backup}{end}").exists() for end in companions):
            continue
        for end in companions:
            source = Path(f"{path}{end}")
            if source.exists():
                source.rename(f"{backup}{end}")
        return backup
    raise OSError(f"too many backups of {path} already")


# ---- row and JSON conversion --------------------------------------------------------


def _epoch_seconds(moment: datetime) -> int:
    if moment.tzinfo is None:
        # A naive time would silently be read as local time by timestamp(): a bug upstream.
        raise ValueError(f"history times must be timezone-aware, got {moment!r}")
    return (moment - _EPOCH) // timedelta(seconds=1)


def _event_row(event: HistoryEvent) -> tuple[object, ...]:
    return (
        event.kind,
        _epoch_seconds(event.at),
        event.local_day.isoformat(),
        event.utc_offset_minutes,
        event.entry_id,
        event.seconds,
        event.sitting_seconds,
    )


def _events_from_rows(rows: Iterable[Sequence[Any]]) -> Iterator[HistoryEvent]:
    for kind, at_utc, local_day, offset, entry_id, seconds, sitting in rows:
        if kind not in EVENT_KINDS:
            # Written by a newer version; an export from this one simply leaves it out.
            continue
        yield HistoryEvent(
            kind=cast(EventKind, kind),
            at=_EPOCH + timedelta(seconds=at_utc),
            local_day=date.fromisoformat(local_day),
            utc_offset_minutes=offset,
            entry_id=entry_id,
            seconds=seconds,
            sitting_seconds=sitting,
        )


def _encode(value: object) -> object:
    """CycleState (and nested dataclasses) → JSON values; datetimes as ISO 8601 UTC."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


class _UnreadableError(ValueError):
    pass


def _decode_dataclass(cls: type[Any], raw: dict[str, Any]) -> object:
    """Build ``cls`` from ``raw`` field by field: a missing or bad field keeps its default,
    unknown keys are ignored (a newer version may have written them)."""
    hints = typing.get_type_hints(cls)
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        if f.name not in raw:
            continue
        try:
            values[f.name] = _decode(hints[f.name], raw[f.name])
        except _UnreadableError as error:
            log.warning("saved %s.%s unreadable (%s); using default", cls.__name__, f.name, error)
    try:
        return cls(**values)
    except TypeError as error:  # a required field was missing or unreadable
        raise _UnreadableError(str(error)) from error


def _decode(hint: Any, raw: object) -> object:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        options = typing.get_args(hint)
        if raw is None and type(None) in options:
            return None
        for option in options:
            if option is type(None):
                continue
            try:
                return _decode(option, raw)
            except _UnreadableError:
                continue
        raise _UnreadableError(f"{raw!r} does not fit {hint}")
    if hint is datetime:
        if not isinstance(raw, str):
            raise _UnreadableError(f"expected a time, found {raw!r}")
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError as error:
            raise _UnreadableError(str(error)) from error
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # we always write UTC
        return moment.astimezone(UTC)
    if hint is bool:
        if not isinstance(raw, bool):
            raise _UnreadableError(f"expected true/false, found {raw!r}")
        return raw
    if hint is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise _UnreadableError(f"expected a whole number, found {raw!r}")
        return raw
    if hint is str:
        if not isinstance(raw, str):
            raise _UnreadableError(f"expected text, found {raw!r}")
        return raw
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(raw, dict):
            raise _UnreadableError(f"expected an object, found {raw!r}")
        return _decode_dataclass(hint, raw)
    raise _UnreadableError(f"no decoder for {hint}")
