"""The e2e watcher that fails a test on an unexpected ERROR line or traceback of the app:
it must see each kind of problem, and only those (no desktop needed)."""

from __future__ import annotations

import re

from tests.e2e.conftest import log_records, stray_tracebacks, unexpected_log_lines

LOG = """\
2026-11-30 00:10:01,123 INFO    backbreak.app: backbreak started
2026-11-30 00:10:02,456 WARNING backbreak.platform.notifier: no notification server
2026-11-30 00:10:03,789 ERROR   backbreak.platform.history: could not write the history
Traceback (most recent call last):
  File "history.py", line 10, in write
    connection.execute(sql)
sqlite3.OperationalError: database is locked
2026-11-30 00:10:04,000 INFO    backbreak.app: backbreak stopped (exit 0)
"""

SLOT_EXCEPTION = """\
Traceback (most recent call last):
  File "tray_app.py", line 5, in _on_timer
    self.service.tick()
ValueError: bad

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "tray_app.py", line 7, in _on_timer
    raise RuntimeError("worse")
RuntimeError: worse
"""

LOGGED_ON_CONSOLE = """\
backbreak: ERROR: could not write the history
Traceback (most recent call last):
  File "history.py", line 10, in write
    connection.execute(sql)
sqlite3.OperationalError: database is locked
backbreak: WARNING: no notification server
"""


def test_a_record_keeps_its_traceback_lines() -> None:
    records = log_records(LOG)
    assert [level for level, _ in records] == ["INFO", "WARNING", "ERROR", "INFO"]
    assert "database is locked" in records[2][1]


def test_an_error_record_is_unexpected_unless_a_pattern_allows_it() -> None:
    found = unexpected_log_lines(LOG, "", [])
    assert len(found) == 1 and "could not write the history" in found[0]
    assert "database is locked" in found[0]
    assert unexpected_log_lines(LOG, "", [re.compile("could not write the history")]) == []
    assert len(unexpected_log_lines(LOG, "", [re.compile("something else")])) == 1


def test_warnings_and_info_are_not_problems() -> None:
    quiet = "\n".join(line for line in LOG.splitlines()[:2])
    assert unexpected_log_lines(quiet, "backbreak: WARNING: no notification server\n", []) == []


def test_an_exception_escaping_into_qt_is_found_in_the_output_with_its_chain() -> None:
    found = stray_tracebacks("Qt says hello\n" + SLOT_EXCEPTION + "after\n")
    assert len(found) == 1
    assert "ValueError: bad" in found[0] and "RuntimeError: worse" in found[0]
    assert "after" not in found[0]


def test_a_logged_exception_on_the_console_is_left_to_the_log_file() -> None:
    assert stray_tracebacks(LOGGED_ON_CONSOLE, LOG) == []
    assert len(stray_tracebacks(LOGGED_ON_CONSOLE + SLOT_EXCEPTION, LOG)) == 1
    assert len(stray_tracebacks(LOGGED_ON_CONSOLE, "")) == 1  # the log file lost it


def test_a_fatal_python_error_is_a_problem() -> None:
    found = unexpected_log_lines("", "Fatal Python error: Segmentation fault\n", [])
    assert found and found[0].startswith("Fatal Python error")
