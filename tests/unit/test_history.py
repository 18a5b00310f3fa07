from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backbreak.core.cycle import CycleState, Pause
from backbreak.core.history_model import HistoryEvent
from backbreak.platform import history as history_module
from backbreak.platform.history import SCHEMA_VERSION, History, open_history
from backbreak.ports import HistoryPort

T0 = datetime(2024, 3, 11, 9, 30, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def history(db_path: Path) -> Iterator[History]:
    opened, message = open_history(db_path)
    assert message is None
    with opened:
        yield opened


def event(
    kind: str = "completed", at: datetime = T0, entry_id: str | None = None, **kw: int
) -> HistoryEvent:
    return HistoryEvent(
        kind=kind,  # type: ignore[arg-type]
        at=at,
        local_day=at.date(),
        utc_offset_minutes=60,
        entry_id=entry_id,
        **kw,
    )


def raw_connection(path: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(path))


def test_history_satisfies_the_port(history: History) -> None:
    port: HistoryPort = history
    assert port is history


def test_new_file_has_schema_wal_tables_and_indexes(history: History, db_path: Path) -> None:
    with raw_connection(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"events", "state", "events_by_day_kind", "events_by_time"} <= names


def test_events_round_trip_with_aware_utc_times(history: History) -> None:
    recorded = [
        event("prompted", T0),
        event(
            "completed", T0 + timedelta(minutes=2), "neck-roll", seconds=45, sitting_seconds=3600
        ),
        event("paused", T0 + timedelta(hours=1)),
    ]
    for item in recorded:
        history.record(item)
    found = history.events_between(T0, T0 + timedelta(hours=2))
    assert found == recorded
    assert all(item.at.tzinfo is not None and item.at.utcoffset() == timedelta(0) for item in found)


def test_events_between_is_half_open(history: History) -> None:
    history.record(event("prompted", T0))
    history.record(event("prompted", T0 + timedelta(hours=1)))
    assert [e.at for e in history.events_between(T0, T0 + timedelta(hours=1))] == [T0]


def test_non_utc_aware_times_are_stored_as_the_same_instant(history: History) -> None:
    local = T0.astimezone(timezone(timedelta(hours=-5)))
    history.record(event("prompted", local))
    [found] = history.events_between(T0, T0 + timedelta(seconds=1))
    assert found.at == T0 and found.at.tzinfo == UTC


def test_naive_time_is_refused(history: History) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        history.record(event("prompted", datetime(2024, 3, 11, 9, 30)))


def test_each_record_is_committed_at_once(history: History, db_path: Path) -> None:
    history.record(event("prompted"))
    # A second connection sees it while the first is still open: nothing waits for close().
    with raw_connection(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 1


def test_entries_done_on_lists_completed_entries_of_that_day_oldest_first(
    history: History,
) -> None:
    history.record(event("completed", T0 + timedelta(hours=2), "b"))
    history.record(event("completed", T0, "a"))
    history.record(event("skipped", T0, "c"))
    history.record(event("completed", T0 + timedelta(days=1), "d"))
    history.record(event("completed", T0 + timedelta(hours=3)))  # no entry id
    assert history.entries_done_on(T0.date()) == ["a", "b"]
    assert history.entries_done_on(date(2020, 1, 1)) == []


def test_iter_events_yields_everything_in_order_across_batches(history: History) -> None:
    recorded = [event("prompted", T0 + timedelta(minutes=n)) for n in range(7)]
    history.record_many(reversed(recorded))
    assert list(history.iter_events(batch_size=3)) == recorded


def test_abandoned_export_after_close_is_quiet(db_path: Path) -> None:
    opened = History(db_path)
    opened.record_many([event("prompted"), event("skipped")])
    export = opened.iter_events(batch_size=1)
    next(export)
    opened.close()
    export.close()  # runs the generator's cleanup against a closed connection: no error
    assert list(export) == []


def test_rows_of_unknown_kind_are_left_out(history: History, db_path: Path) -> None:
    history.record(event("prompted"))
    with raw_connection(db_path) as conn, conn:
        conn.execute(
            "INSERT INTO events (at_utc, local_day, utc_offset_minutes, kind)"
            " VALUES (?, '2024-03-11', 0, 'levitated')",
            (int(T0.timestamp()),),
        )
    assert [e.kind for e in history.iter_events()] == ["prompted"]


def test_state_defaults_when_nothing_was_saved(history: History) -> None:
    assert history.load_state() == CycleState()


def test_state_round_trip_with_every_field(history: History) -> None:
    state = CycleState(
        sitting_since=T0,
        snoozed_until=T0 + timedelta(minutes=10),
        snoozes_in_row=2,
        pause=Pause(until=T0 + timedelta(hours=1), meeting=True),
        prompt_open_since=T0 + timedelta(minutes=1),
        last_seen=T0 + timedelta(minutes=3),
    )
    history.save_state(state)
    assert history.load_state() == state
    history.save_state(CycleState(pause=Pause(until=None)))
    assert history.load_state() == CycleState(pause=Pause(until=None))


def test_state_survives_reopening(db_path: Path) -> None:
    state = CycleState(sitting_since=T0, snoozes_in_row=1)
    with History(db_path) as first:
        first.save_state(state)
    with History(db_path) as second:
        assert second.load_state() == state


def _store_raw_state(db_path: Path, text: str) -> None:
    with raw_connection(db_path) as conn, conn:
        conn.execute("INSERT OR REPLACE INTO state (key, value) VALUES ('cycle_state', ?)", (text,))


def test_state_tolerates_missing_unknown_and_bad_keys(history: History, db_path: Path) -> None:
    saved = {
        "sitting_since": "2024-03-11T09:30:00+00:00",
        "snoozes_in_row": "three",  # bad → default
        "pause": {"meeting": True},  # missing required "until" → no pause
        "last_seen": "2024-03-11T10:00:00",  # naive: we only ever write UTC
        "prompt_open_since": "yesterday",  # bad → default
        "from_the_future": [1, 2],  # unknown → ignored
    }
    _store_raw_state(db_path, json.dumps(saved))
    assert history.load_state() == CycleState(
        sitting_since=T0, last_seen=datetime(2024, 3, 11, 10, 0, tzinfo=UTC)
    )


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "null"])
def test_unreadable_state_gives_defaults(history: History, db_path: Path, text: str) -> None:
    _store_raw_state(db_path, text)
    assert history.load_state() == CycleState()


def test_failed_write_is_logged_not_raised(
    history: History, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with raw_connection(db_path) as conn, conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'no'); END"
        )
    history.record(event("prompted"))
    assert history.last_error == "no"
    assert "could not write" in caplog.text
    assert history.unsaved_events == 1  # kept, to be written later
    history.save_state(CycleState(snoozes_in_row=1))  # kept too while writes fail
    history.retry()  # the state goes in although events are still refused
    assert history.load_state().snoozes_in_row == 1
    assert history.unsaved_events == 1


def test_open_history_creates_the_folder(tmp_path: Path) -> None:
    opened, message = open_history(tmp_path / "new" / "history.sqlite3")
    opened.close()
    assert message is None
    assert (tmp_path / "new" / "history.sqlite3").is_file()


def test_memory_history_works(tmp_path: Path) -> None:
    with History.in_memory() as memory:
        assert memory.path is None
        memory.record(event("prompted"))
        assert len(list(memory.iter_events())) == 1
    assert list(tmp_path.iterdir()) == []


# ---- opening damaged, foreign and newer files ------------------------------------------


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_garbage_file_is_moved_aside_and_a_fresh_history_started(db_path: Path) -> None:
    garbage = b"this is not a database\x00" * 200
    db_path.write_bytes(garbage)
    opened, message = open_history(db_path)
    with opened:
        backup = db_path.with_name("history.sqlite3.bak")
        assert backup.read_bytes() == garbage
        assert message is not None and str(backup) in message
        assert opened.path == db_path
        opened.record(event("prompted"))
        assert len(list(opened.iter_events())) == 1


def test_truncated_database_is_moved_aside_keeping_earlier_backups(db_path: Path) -> None:
    with History(db_path) as full:
        full.record_many(
            event("completed", T0 + timedelta(minutes=n), f"e{n}", seconds=30) for n in range(5000)
        )
    content = db_path.read_bytes()
    db_path.write_bytes(content[: len(content) // 2])
    earlier = db_path.with_name("history.sqlite3.bak")
    earlier.write_bytes(b"an earlier backup")

    opened, message = open_history(db_path)
    with opened:
        assert message is not None and "history.sqlite3.bak.1" in message
        assert earlier.read_bytes() == b"an earlier backup"
        assert (
            db_path.with_name("history.sqlite3.bak.1").read_bytes() == content[: len(content) // 2]
        )
        assert list(opened.iter_events()) == []


def test_wal_companions_move_with_the_file_to_a_free_backup_name(db_path: Path) -> None:
    # SQLite itself discards a WAL it cannot read when the failed connection closes, so
    # the renaming is checked directly: companions keep their pairing with the backup.
    for end, content in (("", b"main"), ("-wal", b"wal"), ("-shm", b"shm")):
        Path(f"{db_path}{end}").write_bytes(content)
    Path(f"{db_path}.bak-wal").write_bytes(b"an older backup's wal")
    backup = history_module._move_aside(db_path)
    assert backup == db_path.with_name("history.sqlite3.bak.1")
    assert backup.read_bytes() == b"main"
    assert Path(f"{backup}-wal").read_bytes() == b"wal"
    assert Path(f"{backup}-shm").read_bytes() == b"shm"
    assert Path(f"{db_path}.bak-wal").read_bytes() == b"an older backup's wal"
    assert not db_path.exists()


def test_newer_schema_is_left_untouched_and_memory_used(db_path: Path) -> None:
    with raw_connection(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db_path.read_bytes()
    opened, message = open_history(db_path)
    with opened:
        assert opened.path is None
        assert message is not None and "newer version" in message
        opened.record(event("prompted"))  # the app keeps running
    assert db_path.read_bytes() == before
    assert _names(db_path.parent) == ["history.sqlite3"]


def test_unopenable_path_falls_back_to_memory_without_renaming(db_path: Path) -> None:
    db_path.mkdir()  # a folder where the file should be
    opened, message = open_history(db_path)
    with opened:
        assert opened.path is None
        assert message is not None and str(db_path) in message
    assert db_path.is_dir()


def test_migrations_run_in_order_from_the_stored_version(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with History(db_path) as v1:
        v1.record(event("prompted"))
    newer = (*history_module.MIGRATIONS, ("ALTER TABLE events ADD COLUMN note TEXT",))
    monkeypatch.setattr(history_module, "MIGRATIONS", newer)
    monkeypatch.setattr(history_module, "SCHEMA_VERSION", len(newer))
    with History(db_path) as upgraded:
        assert len(list(upgraded.iter_events())) == 1  # data kept
    with raw_connection(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(newer)
        columns = [row[1] for row in conn.execute("PRAGMA table_info(events)")]
    assert columns[-1] == "note"


def test_failed_migration_rolls_back(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    History(db_path).close()
    broken = (*history_module.MIGRATIONS, ("CREATE TABLE extra (x)", "NOT SQL AT ALL"))
    monkeypatch.setattr(history_module, "MIGRATIONS", broken)
    monkeypatch.setattr(history_module, "SCHEMA_VERSION", len(broken))
    with pytest.raises(sqlite3.OperationalError):
        History(db_path)
    with raw_connection(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "extra" not in tables


# ---- clearing, retention, the window's queries ----------------------------------------


def test_clear_deletes_every_event_but_keeps_the_state(history: History) -> None:
    history.save_state(CycleState(pause=Pause(until=T0 + timedelta(hours=1))))
    history.record_many([event("prompted"), event("completed", entry_id="neck-roll")])
    assert history.has_events()
    assert history.clear() == 2
    assert not history.has_events()
    assert list(history.iter_events()) == []
    assert history.load_state().pause == Pause(until=T0 + timedelta(hours=1))


def test_cleared_history_leaves_no_trace_in_the_files(history: History, db_path: Path) -> None:
    secret = "a-very-recognisable-entry-id"
    history.record_many([event("completed", T0 + timedelta(minutes=n), secret) for n in range(50)])
    history.clear()
    for companion in ("", "-wal"):
        file = Path(f"{db_path}{companion}")
        if file.exists():
            assert secret.encode() not in file.read_bytes()


def test_purge_deletes_days_before_the_cutoff_only(history: History) -> None:
    days = [T0 - timedelta(days=n) for n in (40, 31, 30, 1)]
    history.record_many(event("completed", moment) for moment in days)
    cutoff = (T0 - timedelta(days=30)).date()
    assert history.purge_older_than(cutoff) == 2
    assert [item.local_day for item in history.iter_events()] == [
        cutoff,
        (T0 - timedelta(days=1)).date(),
    ]
    assert history.purge_older_than(cutoff) == 0


def test_purge_and_clear_work_on_an_in_memory_history() -> None:
    with History.in_memory() as memory:
        memory.record(event("prompted"))
        assert memory.purge_older_than(T0.date() + timedelta(days=1)) == 1
        memory.record(event("prompted"))
        assert memory.clear() == 1


def _plan(db_path: Path, sql: str, params: tuple[object, ...]) -> str:
    with raw_connection(db_path) as conn:
        return " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_the_per_day_and_per_entry_queries_use_indexes(
    history: History, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Catch every statement the window's queries run and check SQLite's plan for each:
    a full table scan over years of history would make the window slow."""
    history.record_many([event("completed", T0, "neck-roll"), event("prompted", T0)])
    seen: list[tuple[str, tuple[object, ...]]] = []
    from backbreak.platform import stats

    real_day_counts, real_entry_counts = stats.day_counts, stats.entry_counts

    class Spy:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
            seen.append((sql, params))
            return self.conn.execute(sql, params)

    first, last = date(2024, 3, 1), date(2024, 3, 31)
    with raw_connection(db_path) as conn:
        real_day_counts(Spy(conn), first, last)  # type: ignore[arg-type]
        real_entry_counts(Spy(conn), first, last)  # type: ignore[arg-type]
    per_day, per_entry = (_plan(db_path, sql, params) for sql, params in seen)
    assert "USING INDEX events_by_day_kind" in per_day, per_day
    assert "COVERING INDEX events_by_kind_day_entry" in per_entry, per_entry
    assert "SCAN events" not in per_day + per_entry
    today = _plan(db_path, "SELECT * FROM events WHERE at_utc >= ? AND at_utc < ?", (0, 1))
    assert "USING INDEX events_by_time" in today


def test_version_1_files_gain_the_entry_index(db_path: Path) -> None:
    with raw_connection(db_path) as conn:
        for statement in history_module.MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
    with History(db_path):
        pass
    with raw_connection(db_path) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "events_by_kind_day_entry" in names
