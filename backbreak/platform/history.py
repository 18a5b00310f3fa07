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
from backbreak.platform import history_spill, stats

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

# What a file must hold after migrating, table by table (the columns this version reads);
# a file without them is not a backbreak history and is moved aside like a damaged one.
# Each table with the schema version that brought it.
_EXPECTED_COLUMNS: dict[str, tuple[int, set[str]]] = {
    "events": (
        1,
        {
            "id",
            "at_utc",
            "local_day",
            "utc_offset_minutes",
            "kind",
            "entry_id",
            "seconds",
            "sitting_seconds",
        },
    ),
    "state": (1, {"key", "value"}),
    "checkins": (3, {"local_day", "at_utc", "score"}),
}

# How long a write waits for another program's lock. Writes run on the GUI thread: a
# short wait, then the event is kept (in memory and in the spill file) and written later.
BUSY_TIMEOUT_S = 0.25
# Checkpoint the WAL every 16 pages (64 KiB) and cut it back to 64 KiB afterwards: by
# default it grows to 4 MiB, which filled a small disk after a few events.
_WAL_AUTOCHECKPOINT_PAGES = 16
_JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024

# Saved instants further than this from the wall clock are damage (year 1, year 9999),
# not history: they would overflow date arithmetic or hold the next prompt for ever.
_PLAUSIBLE = timedelta(days=3660)
# Saved counters beyond this are damage too.
_MAX_SAVED_INT = 10**9

ProblemListener = typing.Callable[[str | None], None]
Checkin = tuple[str, int, int | None]
"""A check-in row: local day (ISO), instant (epoch seconds), score or None (skipped)."""
_INSERT_CHECKIN = "INSERT OR REPLACE INTO checkins (local_day, at_utc, score) VALUES (?, ?, ?)"

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
        self.on_problem: ProblemListener | None = None
        """Called with a sentence when writes start failing, and with None once
        everything kept is written (the app tells the user, once)."""
        self._problem: str | None = None
        self._pending_rows: list[tuple[object, ...]] = []
        self._pending_state: str | None = None
        # Check-ins kept like events, by day (a later answer for a day replaces one kept).
        self._pending_checkins: dict[str, Checkin] = {}
        self._spill: Path | None = (
            None if self.path is None else history_spill.spill_path_for(self.path)
        )
        self._stand_in_for: Path | None = None
        # A stand-in's rows the spill file could not take: only memory has them.
        self._memory_only_rows: list[tuple[object, ...]] = []
        # isolation_level=None: autocommit, so each record/save is its own transaction and
        # is on disk when the call returns; multi-statement work uses explicit BEGIN.
        self._conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
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
        self._take_spilled()

    @classmethod
    def in_memory(cls) -> History:
        return cls(MEMORY)

    @classmethod
    def stand_in(cls, path: Path) -> History:
        """An in-memory history standing in for ``path`` while it cannot be opened (locked
        by another program, a full or failing disk): events are kept in the spill file
        beside it, and every later write tries to open the real file again."""
        history = cls(MEMORY)
        history._stand_in_for = path
        history._spill = history_spill.spill_path_for(path)
        return history

    # ---- writes that failed --------------------------------------------------------------

    @property
    def unsaved_events(self) -> int:
        """Events recorded but not (yet) in the database file."""
        return len(self._pending_rows)

    @property
    def problem(self) -> str | None:
        """Why events are not being saved right now, or None."""
        return self._problem

    def retry(self) -> None:
        """Write what is kept, if anything (call it now and then, e.g. once a minute)."""
        if (
            self._pending_rows
            or self._pending_state is not None
            or self._pending_checkins
            or self._stand_in_for
        ):
            self._save([], None, try_now=True)
        if self._problem is not None and self._stand_in_for is None:
            # SQLite opened a file it could not write (immutable, read-only) read-only and
            # stays that way; a new connection sees the file as it is now.
            self._reconnect()
            self._save([], None, try_now=True)

    def _reconnect(self) -> None:
        assert self.path is not None
        old = self._conn
        try:
            self._conn = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None
            )
            self._prepare()
        except (sqlite3.Error, HistoryError) as error:
            log.info("history file %s still cannot be reopened: %s", self.path, error)
            self._conn.close()
            self._conn = old
            return
        old.close()

    def _take_spilled(self) -> None:
        """At start: events an earlier session could not write are written now."""
        if self._spill is None:
            return
        spilled = history_spill.read(self._spill)
        if not spilled.rows and spilled.state is None and not spilled.checkins:
            history_spill.remove(self._spill)
            return
        log.info("writing %d events kept from an earlier session", len(spilled.rows))
        self._pending_rows = spilled.rows
        self._pending_state = spilled.state
        self._pending_checkins = {checkin[0]: checkin for checkin in spilled.checkins}
        self._save([], None, spill_new=False, try_now=True)

    def _save(
        self,
        rows: list[tuple[object, ...]],
        state: str | None,
        *,
        spill_new: bool = True,
        try_now: bool | None = None,
        checkins: Sequence[Checkin] = (),
    ) -> None:
        """Write ``rows`` and ``state`` after whatever is kept. While writes are failing,
        new ones are only kept (no waiting on a locked file for every event) until
        ``retry`` (``try_now=True``) finds the file writable again."""
        if try_now is None:
            try_now = self._problem is None
        if self._stand_in_for is not None and not (try_now and self._open_real_file()):
            self._keep_in_stand_in(rows, state, checkins)
            return
        self._pending_rows += rows
        if state is not None:
            self._pending_state = state
        self._pending_checkins.update((checkin[0], checkin) for checkin in checkins)
        if not try_now:
            if spill_new and self._spill is not None:
                history_spill.append(self._spill, rows, state, checkins)
            self._set_problem(self.last_error or "earlier writes failed")
            return
        errors: list[str] = []
        if self._pending_rows:
            try:
                with self._transaction():
                    self._conn.executemany(_INSERT_EVENT, self._pending_rows)
                self._pending_rows = []
            except sqlite3.Error as error:
                errors.append(str(error))
        if self._pending_state is not None:
            try:
                self._conn.execute(
                    "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
                    (_CYCLE_STATE_KEY, self._pending_state),
                )
                self._pending_state = None
            except sqlite3.Error as error:
                errors.append(str(error))
        if self._pending_checkins:
            try:
                with self._transaction():
                    self._conn.executemany(_INSERT_CHECKIN, list(self._pending_checkins.values()))
                self._pending_checkins = {}
            except sqlite3.Error as error:
                errors.append(str(error))
        if errors:
            self.last_error = errors[0]
            log.error("could not write to the history database %s: %s", self.path, errors[0])
            if spill_new and self._spill is not None:
                history_spill.append(self._spill, rows, state, checkins)
            self._set_problem(errors[0])
            return
        if self._spill is not None and self._spill.exists():
            history_spill.remove(self._spill)
        self._set_problem(None)

    def _keep_in_stand_in(
        self, rows: list[tuple[object, ...]], state: str | None, checkins: Sequence[Checkin]
    ) -> None:
        # The memory database serves this session's History window and stats; the spill
        # file carries the events over to the real file (here or at the next start).
        with contextlib.suppress(sqlite3.Error):
            if rows:
                self._conn.executemany(_INSERT_EVENT, rows)
            if state is not None:
                self._conn.execute(
                    "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
                    (_CYCLE_STATE_KEY, state),
                )
            self._conn.executemany(_INSERT_CHECKIN, checkins)
        assert self._spill is not None
        saved_to_disk = history_spill.append(self._spill, rows, state, checkins)
        self._pending_rows += rows
        if not saved_to_disk:
            self._memory_only_rows += rows
        # The session's latest state and check-ins are newer than anything spilled; kept
        # here, they reach the real file even when the spill file could not take them.
        if state is not None:
            self._pending_state = state
        self._pending_checkins.update((checkin[0], checkin) for checkin in checkins)
        where = "kept beside it" if saved_to_disk else "kept in memory only"
        self._set_problem(f"the history file {self._stand_in_for} cannot be opened ({where})")

    def _open_real_file(self) -> bool:
        assert self._stand_in_for is not None
        try:
            real = History(self._stand_in_for)  # replays the spill file: every kept event
        except (sqlite3.Error, HistoryError, OSError):
            return False
        log.info("history file %s can be opened again", self._stand_in_for)
        self._conn.close()
        self._conn, real._conn = real._conn, self._conn
        self.path, self._spill = real.path, real._spill
        # The real file replayed the spill file; what only memory holds is added to it.
        self._pending_rows = real._pending_rows + self._memory_only_rows
        self._memory_only_rows = []
        if self._pending_state is None:
            self._pending_state = real._pending_state
        self._pending_checkins = real._pending_checkins | self._pending_checkins
        self._stand_in_for = None
        return True

    def _set_problem(self, error: str | None) -> None:
        if error is not None:
            error = f"{error}; {self.unsaved_events} event(s) not saved yet"
        changed = (error is None) != (self._problem is None)
        self._problem = error
        if changed and self.on_problem is not None:
            self.on_problem(error)

    def _prepare(self) -> None:
        (version,) = self._conn.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(version)
        if version > 0:
            problems = [row[0] for row in self._conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise CorruptHistoryError("; ".join(map(str, problems[:3])))
        # Before anything below writes to the file: one that is moved aside must be moved
        # aside exactly as it was.
        self._check_shape(version)
        if version == 0:
            # A new file has no tables; one with tables but no version is some other
            # program's database, not ours to add tables to.
            tables = [row[0] for row in self._conn.execute("SELECT name FROM sqlite_master")]
            if tables:
                raise CorruptHistoryError(f"not a backbreak history (it holds {tables[:3]})")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute(f"PRAGMA wal_autocheckpoint = {_WAL_AUTOCHECKPOINT_PAGES}")
        self._conn.execute(f"PRAGMA journal_size_limit = {_JOURNAL_SIZE_LIMIT_BYTES}")
        # FULL in WAL mode syncs on every commit; we write a handful of rows an hour, so
        # the cost is nothing and a power cut cannot lose a committed event.
        self._conn.execute("PRAGMA synchronous = FULL")
        # Clearing history is a privacy promise: deleted rows are overwritten in the file
        # instead of lingering in free pages until something reuses them.
        self._conn.execute("PRAGMA secure_delete = ON")
        if version != SCHEMA_VERSION:
            self._migrate(version)
            self._check_shape(SCHEMA_VERSION)

    def _check_shape(self, version: int) -> None:
        """The tables a file of ``version`` must have, with the columns this one reads."""
        for table, (since, expected) in _EXPECTED_COLUMNS.items():
            if since > version:
                continue
            found = {row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")}
            # A later migration may add columns; the ones this version reads must be there.
            if not expected <= found:
                raise CorruptHistoryError(
                    f"table {table} is {'missing' if not found else 'of another shape'}"
                )

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
        self._save([_event_row(event)], None)

    def record_many(self, events: Iterable[HistoryEvent]) -> None:
        """Append many events in one transaction (imports, tests, benchmarks)."""
        self._save([_event_row(event) for event in events], None)

    def save_state(self, state: CycleState) -> None:
        self._save([], json.dumps(_encode(state), sort_keys=True))

    def record_checkin(self, day: date, at: datetime, score: int | None) -> None:
        """The back check-in for ``day``: 0–10, or None when skipped (so it counts as
        asked). A second answer the same day replaces the first."""
        if score is not None and not 0 <= score <= 10:
            raise ValueError(f"a check-in score is 0 to 10, not {score}")
        self._save([], None, checkins=[(day.isoformat(), _epoch_seconds(at), score)])

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
        # Locked by another program, a full or failing disk: keep this session's events
        # beside the file and write them once it can be opened.
        return History.stand_in(path), (
            f"The history file {path} could not be opened ({error}). Your breaks are kept "
            "and saved as soon as it can be opened again."
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
    for row in rows:
        event = _event_from_row(row)
        if event is not None:
            yield event


def _event_from_row(row: Sequence[Any]) -> HistoryEvent | None:
    """The event in ``row``; None for one a newer version wrote (an unknown kind) or one
    that is damaged (an instant out of range, a bad day, a wrong type): the History window,
    stats and export go on without it."""
    kind, at_utc, local_day, offset, entry_id, seconds, sitting = row
    if kind not in EVENT_KINDS:
        return None
    try:
        if not all(isinstance(v, int) for v in (at_utc, offset)):
            raise TypeError("not a whole number")
        if not all(v is None or isinstance(v, int) for v in (seconds, sitting)):
            raise TypeError("not a whole number")
        if not (entry_id is None or isinstance(entry_id, str)) or not isinstance(local_day, str):
            raise TypeError("not text")
        if abs(offset) > 24 * 60:
            raise ValueError(f"UTC offset {offset} min")
        return HistoryEvent(
            kind=cast(EventKind, kind),
            at=_EPOCH + timedelta(seconds=at_utc),
            local_day=date.fromisoformat(local_day),
            utc_offset_minutes=offset,
            entry_id=entry_id,
            seconds=seconds,
            sitting_seconds=sitting,
        )
    except (TypeError, ValueError, OverflowError) as error:
        log.warning("history row %r skipped: %s", tuple(row), error)
        return None


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
        try:
            moment = moment.astimezone(UTC)
            off_by = abs(moment - datetime.now(UTC))
        except OverflowError as error:  # year 1 or 9999 with an offset
            raise _UnreadableError(str(error)) from error
        if off_by > _PLAUSIBLE:
            raise _UnreadableError(f"{raw} is too far from now")
        return moment
    if hint is bool:
        if not isinstance(raw, bool):
            raise _UnreadableError(f"expected true/false, found {raw!r}")
        return raw
    if hint is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise _UnreadableError(f"expected a whole number, found {raw!r}")
        if abs(raw) > _MAX_SAVED_INT:
            raise _UnreadableError(f"{raw} is out of range")
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
