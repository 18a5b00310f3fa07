"""When the end-of-day back check-in is asked, and how its answers are stored."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from backbreak.core.checkin import checkin_due
from backbreak.core.day_summary import end_of_day_at
from backbreak.core.settings import Settings, settings_from_mapping
from backbreak.platform.history import History

MON = date(2026, 11, 23)


def test_weekly_asks_the_first_time_then_a_week_later() -> None:
    assert checkin_due("weekly", MON, None)
    assert not checkin_due("weekly", MON + timedelta(days=6), MON)
    assert checkin_due("weekly", MON + timedelta(days=7), MON)
    assert checkin_due("weekly", MON + timedelta(days=12), MON)  # after a holiday


def test_daily_asks_once_a_day_and_off_never() -> None:
    assert checkin_due("daily", MON, MON - timedelta(days=1))
    assert not checkin_due("daily", MON, MON)
    assert not checkin_due("off", MON, None)


def test_weekly_is_the_default_and_the_setting_is_checked() -> None:
    assert Settings().back_checkin == "weekly"
    settings, problems = settings_from_mapping({"back_checkin": "daily"})
    assert settings.back_checkin == "daily" and problems == []
    settings, problems = settings_from_mapping({"back_checkin": "hourly"})
    assert settings.back_checkin == "weekly"
    assert [problem.key for problem in problems] == ["back_checkin"]


def test_the_day_end_comes_for_the_check_in_even_with_the_summary_off() -> None:
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    only_checkin = Settings(end_of_day_summary=False)
    assert end_of_day_at(MON, only_checkin, berlin) is not None
    neither = only_checkin.replace(back_checkin="off")
    assert end_of_day_at(MON, neither, berlin) is None


AT = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)


def test_answers_and_skips_are_stored_per_day(tmp_path: Path) -> None:
    with History(tmp_path / "history.sqlite3") as history:
        assert history.last_checkin_day() is None
        history.record_checkin(MON, AT, 4)
        history.record_checkin(MON + timedelta(days=1), AT + timedelta(days=1), None)
        history.record_checkin(MON, AT + timedelta(minutes=1), 3)  # changed their mind
        assert history.checkin_scores(MON, MON + timedelta(days=6)) == {MON: 3}
        assert history.last_checkin_day() == MON + timedelta(days=1)
        with pytest.raises(ValueError, match="0 to 10"):
            history.record_checkin(MON, AT, 11)
    with History(tmp_path / "history.sqlite3") as reopened:  # on disk, not in memory only
        assert reopened.checkin_scores(MON, MON) == {MON: 3}


def test_clearing_and_retention_take_the_check_ins_too(tmp_path: Path) -> None:
    with History(tmp_path / "history.sqlite3") as history:
        history.record_checkin(MON - timedelta(days=40), AT - timedelta(days=40), 6)
        history.record_checkin(MON, AT, 2)
        history.purge_older_than(MON - timedelta(days=30))
        assert history.checkin_scores(MON - timedelta(days=60), MON) == {MON: 2}
        history.clear()
        assert history.last_checkin_day() is None


def test_an_older_history_file_gets_the_check_in_table(tmp_path: Path) -> None:
    import sqlite3

    from backbreak.platform.history import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        for statements in MIGRATIONS[:2]:
            for statement in statements:
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 2")
        conn.execute(
            "INSERT INTO events (at_utc, local_day, utc_offset_minutes, kind) "
            "VALUES (0, '2026-11-23', 60, 'completed')"
        )
    conn.close()
    with History(path) as history:
        assert history.has_events()  # nothing lost on the way
        history.record_checkin(MON, AT, 5)
        assert history.checkin_scores(MON, MON) == {MON: 5}
