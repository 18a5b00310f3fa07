"""The history under a locked database, a full disk, an immutable file and hostile
content: events are kept and written later, the GUI thread never waits for seconds,
the user is told once, and a file that cannot be used is moved aside."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from backbreak.core.cycle import CycleState
from backbreak.core.history_model import EventKind, HistoryEvent
from backbreak.platform.history import History, open_history
from backbreak.platform.history_spill import spill_path_for

REPO = Path(__file__).resolve().parents[2]
AT = datetime.now(UTC).replace(microsecond=0)


def event(minutes: int, kind: EventKind = "prompted") -> HistoryEvent:
    at = AT + timedelta(minutes=minutes)
    return HistoryEvent(kind, at, at.date(), 0, entry_id="neck-turns")


def stored(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Another program holding the database's write lock (and, EXCLUSIVE in WAL mode
    being a write lock, readers still read)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def _need_root(what: str) -> None:
    if os.geteuid() != 0:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs as root so that {what} can be tried")
        pytest.skip(f"needs root for {what}")


# ---- another program holds the lock --------------------------------------------------------


def test_a_locked_database_keeps_events_tells_once_and_never_waits_long(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    told: list[str | None] = []
    history.on_problem = told.append
    with locked(path):
        started = time.monotonic()
        for minutes in range(3):
            history.record(event(minutes))
            history.save_state(CycleState(snoozes_in_row=minutes))
        # Six writes: with the old five-second busy timeout this took half a minute.
        assert time.monotonic() - started < 6 * 1.0
        assert history.unsaved_events == 3
        assert len(told) == 1 and told[0] is not None and "3 event" not in told[0]
        assert history.problem is not None and "3 event(s) not saved yet" in history.problem
        assert spill_path_for(path).exists()
    history.retry()
    assert told == [told[0], None]
    assert history.unsaved_events == 0 and history.problem is None
    assert stored(path) == 3
    assert history.load_state().snoozes_in_row == 2
    assert not spill_path_for(path).exists()
    history.close()


def test_events_kept_while_locked_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    with locked(path):
        history.record(event(0))
        history.record(event(1, "completed"))
        history.close()  # the app quits (or is killed) before the lock goes
    reopened, message = open_history(path)
    assert message is None
    assert [e.kind for e in reopened.iter_events()] == ["prompted", "completed"]
    assert not spill_path_for(path).exists()
    reopened.close()


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_database_locked_at_start_costs_no_wait_and_no_events(
    tmp_path: Path, journal: str
) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    if journal == "delete":
        # Another program switched the file out of WAL mode: its lock then stops readers
        # too, so the file cannot even be opened and a stand-in takes the events.
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA journal_mode = DELETE")
    with locked(path):
        started = time.monotonic()
        history, message = open_history(path)
        history.record(event(0))
        history.record(event(1))
        assert time.monotonic() - started < 5.0
        if journal == "delete":
            assert message is not None and "kept" in message
        assert history.unsaved_events == 2 and history.problem is not None
        assert len(list(history.iter_events())) == (2 if journal == "delete" else 0)
    history.retry()
    assert history.problem is None and stored(path) == 2
    history.record(event(2))
    assert stored(path) == 3
    history.close()


def test_a_stand_in_session_ending_before_the_lock_goes_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    with locked(path):
        history, message = open_history(path)
        assert message is not None
        history.record(event(0))
        history.close()
    reopened, message = open_history(path)
    assert message is None and stored(path) == 1
    reopened.close()


def test_a_stand_in_whose_spill_file_fails_still_writes_its_events_later(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    spill_path_for(path).mkdir()  # the spill file cannot be written: memory only
    day = AT.date()
    with locked(path):
        history, message = open_history(path)
        assert message is not None
        history.record(event(0))
        history.record(event(1, "completed"))
        history.save_state(CycleState(snoozes_in_row=2))
        history.record_checkin(day, AT, 6)
        assert history.problem is not None and "in memory only" in history.problem
    history.retry()
    assert history.problem is None and stored(path) == 2
    assert history.load_state().snoozes_in_row == 2
    assert history.checkin_scores(day, day) == {day: 6}
    history.close()


def test_a_check_in_made_while_locked_is_kept_across_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    day = AT.date()
    with locked(path):
        history.record_checkin(day, AT, 7)
        assert history.problem is not None
        history.close()
    with History(path) as reopened:
        assert reopened.checkin_scores(day, day) == {day: 7}
        assert reopened.problem is None


def test_a_check_in_made_while_locked_is_written_by_the_retry(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    day = AT.date()
    with History(path) as history:
        with locked(path):
            history.record_checkin(day, AT, None)  # a skip counts as asked
            history.record_checkin(day, AT, 4)  # a later answer the same day wins
        history.retry()
        assert history.problem is None
        assert history.checkin_scores(day, day) == {day: 4}
        assert history.last_checkin_day() == day


# ---- the disk is full, or the file immutable ----------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    _need_root("a small tmpfs")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"cannot mount a tmpfs: {done.stderr}")
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(descriptor, b"\0" * 4096)
    finally:
        os.close(descriptor)
    return filler


def test_a_full_disk_loses_nothing_once_space_comes_back(small_disk: Path) -> None:
    path = small_disk / "history.sqlite3"
    history = History(path)
    history.record(event(0))
    told: list[str | None] = []
    history.on_problem = told.append
    filler = _fill(small_disk)
    for minutes in range(1, 9):
        history.record(event(minutes))
        history.save_state(CycleState(snoozes_in_row=1))
    assert history.unsaved_events > 0 and len(told) == 1
    filler.unlink()
    history.retry()
    assert history.problem is None and told[-1] is None
    history.close()
    assert stored(path) == 9


def test_the_wal_stays_small_on_a_small_disk(small_disk: Path) -> None:
    path = small_disk / "history.sqlite3"
    with History(path) as history:
        for minutes in range(400):
            history.record(event(minutes))
            history.save_state(CycleState(snoozes_in_row=minutes % 3))
            wal = Path(f"{path}-wal")
            assert not wal.exists() or wal.stat().st_size <= 160 * 1024
        assert history.problem is None
    assert stored(path) == 400


def test_an_immutable_database_keeps_events_and_catches_up(tmp_path: Path) -> None:
    _need_root("chattr +i")
    path = tmp_path / "history.sqlite3"
    history = History(path)
    history.close()
    if subprocess.run(["chattr", "+i", str(path)], check=False).returncode != 0:
        if os.environ.get("CI"):
            pytest.fail("chattr +i does not work here")
        pytest.skip("chattr +i does not work on this file system")
    try:
        history, _message = open_history(path)
        for minutes in range(6):
            history.record(event(minutes))
        assert history.unsaved_events == 6
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    history.retry()
    assert history.unsaved_events == 0
    history.close()
    assert stored(path) == 6


# ---- valid SQLite, wrong content -----------------------------------------------------------


WRONG_CONTENT = {
    "unknown tables": ["CREATE TABLE photos (id INTEGER, data BLOB)"],
    "no state table": [
        "CREATE TABLE events (id INTEGER PRIMARY KEY, at_utc INTEGER NOT NULL,"
        " local_day TEXT NOT NULL, utc_offset_minutes INTEGER NOT NULL, kind TEXT NOT NULL,"
        " entry_id TEXT, seconds INTEGER, sitting_seconds INTEGER)",
        "PRAGMA user_version = 2",
    ],
    "events of another shape": [
        "CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)",
        "CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "PRAGMA user_version = 2",
    ],
}


@pytest.mark.parametrize("name", sorted(WRONG_CONTENT))
def test_a_database_of_another_shape_is_moved_aside_and_a_new_one_started(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / "history.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for statement in WRONG_CONTENT[name]:
            conn.execute(statement)
        conn.commit()
    original = path.read_bytes()
    history, message = open_history(path)
    assert message is not None and "history.sqlite3.bak" in message
    assert (tmp_path / "history.sqlite3.bak").read_bytes() == original
    history.record(event(0))
    assert history.problem is None and stored(path) == 1
    history.close()


def _with_rows(path: Path, rows: list[tuple[object, ...]]) -> None:
    History(path).close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.executemany(
            "INSERT INTO events (kind, at_utc, local_day, utc_offset_minutes, entry_id,"
            " seconds, sitting_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.commit()


BAD_ROWS: list[tuple[object, ...]] = [
    ("prompted", -62135596800 - 86400, "0001-01-01", 0, None, None, None),  # before year 1
    ("prompted", 253402300800 + 86400, "9999-12-31", 0, None, None, None),  # after 9999
    ("completed", 2**62, "2026-01-01", 0, "x", 30, None),
    ("completed", int(AT.timestamp()), "not a day", 0, "x", 30, None),
    ("completed", int(AT.timestamp()), "2026-02-30", 0, "x", 30, None),
    ("skipped", "soon", "2026-01-01", 0, None, None, None),
    ("away", int(AT.timestamp()), AT.date().isoformat(), 10**9, None, 60, None),
]


def test_rows_out_of_range_are_skipped_everywhere_they_are_read(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    good = ("completed", int(AT.timestamp()), AT.date().isoformat(), 0, "x", 30, 600)
    _with_rows(path, [*BAD_ROWS, good])
    with History(path) as history:
        assert [e.kind for e in history.iter_events()] == ["completed"]
        found = history.events_between(datetime(1970, 1, 2, tzinfo=UTC), AT + timedelta(1))
        assert [e.kind for e in found] == ["completed"]
        today = AT.date()
        history.summary(today - timedelta(days=30), today, today)
        history.current_streak(today)
        history.best_streak()


def test_stats_and_csv_export_survive_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "data" / "history.sqlite3"
    path.parent.mkdir(parents=True)
    _with_rows(path, BAD_ROWS)
    for args in (["stats", "--json"], ["stats", "--csv", str(tmp_path / "out.csv")]):
        done = subprocess.run(
            [sys.executable, "-m", "backbreak", *args, "--data-dir", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert (tmp_path / "out.csv").read_text().count("\n") == 1  # the header only


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+00:00", "1970-01-01T00:00:00"]
)
def test_a_saved_instant_out_of_range_falls_back_to_the_default(
    tmp_path: Path, moment: str
) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    state = {key: moment for key in ("sitting_since", "snoozed_until", "last_seen")}
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "INSERT INTO state (key, value) VALUES ('cycle_state', ?)", (json.dumps(state),)
        )
        conn.commit()
    with History(path) as history:
        loaded = history.load_state()
    for key in state:
        assert getattr(loaded, key) == getattr(CycleState(), key)


def test_the_day_of_a_bad_local_day_does_not_break_per_day_queries(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    _with_rows(path, [("completed", int(AT.timestamp()), "2026-13-45", 0, "x", 30, None)])
    with History(path) as history:
        assert history.entries_done_on(date(2026, 1, 1)) == []
        assert history.day_counts(AT.date(), AT.date())
