from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from backbreak.core.history_model import HistoryEvent
from backbreak.platform.export import (
    CSV_COLUMNS,
    ExportFormatError,
    export_csv,
    read_csv_events,
    stats_json,
)
from backbreak.platform.history import History

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    with History(tmp_path / "history.sqlite3") as opened:
        yield opened


def local_event(kind: str, wall: datetime, fold: int = 0, **kw: object) -> HistoryEvent:
    """An event as the service records it: UTC time, local day and offset in Berlin."""
    local = wall.replace(tzinfo=BERLIN, fold=fold)
    offset = local.utcoffset()
    assert offset is not None
    return HistoryEvent(
        kind=kind,  # type: ignore[arg-type]
        at=local.astimezone(UTC),
        local_day=local.date(),
        utc_offset_minutes=int(offset.total_seconds() // 60),
        **kw,  # type: ignore[arg-type]
    )


# Around Berlin's change back to winter time, 25 October 2026 03:00 CEST → 02:00 CET.
DST_EVENTS = [
    local_event("prompted", datetime(2026, 10, 24, 10, 0), entry_id="neck-turns"),
    local_event(
        "completed",
        datetime(2026, 10, 24, 10, 2),
        entry_id="neck-turns",
        seconds=75,
        sitting_seconds=3700,
    ),
    local_event("paused", datetime(2026, 10, 24, 23, 30), seconds=None),
    local_event("resumed", datetime(2026, 10, 25, 1, 15)),
    # 02:30 happens twice that night: first in summer time, an hour later in winter time.
    local_event("prompted", datetime(2026, 10, 25, 2, 30), entry_id="chin-tucks"),
    local_event("snoozed", datetime(2026, 10, 25, 2, 30), fold=1, entry_id="chin-tucks"),
    local_event("away", datetime(2026, 10, 26, 9, 30), seconds=900, sitting_seconds=1200),
    local_event("skipped", datetime(2026, 10, 26, 11, 0), entry_id="chin-tucks"),
]


def test_csv_round_trips_every_event_once_across_a_dst_change(
    history: History, tmp_path: Path
) -> None:
    history.record_many(DST_EVENTS)
    target = tmp_path / "out.csv"
    assert export_csv(history, target) == len(DST_EVENTS)
    back = list(read_csv_events(target))
    assert back == DST_EVENTS
    assert Counter(back) == Counter(DST_EVENTS)  # each exactly once


def test_local_times_use_the_offset_of_their_own_day(history: History, tmp_path: Path) -> None:
    history.record_many(DST_EVENTS)
    target = tmp_path / "out.csv"
    export_csv(history, target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(CSV_COLUMNS)
    rows = [line.split(",") for line in lines[1:]]
    # Summer time before the change, winter time after; UTC written with Z.
    assert rows[0][:3] == ["2026-10-24T08:00:00Z", "2026-10-24T10:00:00+02:00", "2026-10-24"]
    assert rows[3][:3] == ["2026-10-24T23:15:00Z", "2026-10-25T01:15:00+02:00", "2026-10-25"]
    assert rows[4][:2] == ["2026-10-25T00:30:00Z", "2026-10-25T02:30:00+02:00"]
    assert rows[5][:2] == ["2026-10-25T01:30:00Z", "2026-10-25T02:30:00+01:00"]
    assert rows[6][:2] == ["2026-10-26T08:30:00Z", "2026-10-26T09:30:00+01:00"]
    assert rows[1][3:] == ["completed", "neck-turns", "75", "3700"]
    assert rows[2][3:] == ["paused", "", "", ""]


def test_export_of_an_empty_history_is_a_header(history: History, tmp_path: Path) -> None:
    target = tmp_path / "empty.csv"
    assert export_csv(history, target) == 0
    assert list(read_csv_events(target)) == []


def test_a_failed_export_leaves_the_old_file_and_no_temp(
    history: History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history.record_many(DST_EVENTS)
    target = tmp_path / "out.csv"
    target.write_text("earlier export\n", encoding="utf-8")

    def broken(batch_size: int = 1000) -> Iterator[HistoryEvent]:
        yield DST_EVENTS[0]
        raise OSError("disk full")

    monkeypatch.setattr(history, "iter_events", broken)
    with pytest.raises(OSError, match="disk full"):
        export_csv(history, target)
    assert target.read_text(encoding="utf-8") == "earlier export\n"
    leftovers = [path.name for path in tmp_path.iterdir() if "out.csv" in path.name]
    assert leftovers == ["out.csv"]


def test_export_streams_in_batches(
    history: History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows go to the file as they are read: the export never asks for a list of events."""
    history.record_many(DST_EVENTS)
    monkeypatch.setattr(history, "events_between", None)  # must not be used
    seen: list[int] = []
    real = history.iter_events

    def counting(batch_size: int = 1000) -> Iterator[HistoryEvent]:
        for event in real(batch_size):
            seen.append(1)
            yield event

    monkeypatch.setattr(history, "iter_events", counting)
    assert export_csv(history, tmp_path / "out.csv") == len(seen) == len(DST_EVENTS)


def test_reading_something_else_says_so(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ExportFormatError, match="not a backbreak history export"):
        list(read_csv_events(other))
    bad = tmp_path / "bad.csv"
    bad.write_text(",".join(CSV_COLUMNS) + "\nnot-a-time,x,2026-01-01,completed,,,\n")
    with pytest.raises(ExportFormatError, match="line 2"):
        list(read_csv_events(bad))


def test_stats_json_adds_entries_and_areas(history: History) -> None:
    history.record_many(DST_EVENTS)
    history.record(
        local_event("completed", datetime(2026, 10, 26, 14, 0), entry_id="gone", seconds=30)
    )
    areas = {"neck-turns": ("neck", "shoulders"), "chin-tucks": ("neck",)}
    data = stats_json(history, date(2026, 10, 20), date(2026, 10, 26), date(2026, 10, 26), areas)
    data = json.loads(json.dumps(data))
    assert data["entries"] == {"gone": 1, "neck-turns": 1}
    assert data["areas"] == {"neck": 1, "other": 1, "shoulders": 1}
    assert (data["completed"], data["skipped"], data["snoozed"]) == (2, 1, 1)
    assert data["breaks"] == 1  # two prompts, but the snoozed one comes back later
    assert data["longest_sitting_seconds"] == 3700
    assert len(data["days"]) == 7
