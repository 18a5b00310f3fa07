"""The composition root: the only module that knows every part and wires them together."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

# Types only: `backbreak status` and friends start by importing this module.
if TYPE_CHECKING:
    from backbreak.core.status import Status
    from backbreak.platform.instance import InstanceGuard
    from backbreak.platform.paths import Paths

log = logging.getLogger("backbreak.app")

BROKEN_QT_BINDINGS = frozenset({"6.12.0"})
"""PySide6 releases that drop a reference to None on every call (see pyproject.toml)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point (``backbreak``)."""
    from backbreak.cli import main as cli_main

    return cli_main(argv)


def status_json(status: Status, zone: tzinfo) -> dict[str, object]:
    """A status snapshot as JSON for ``backbreak status --json``."""

    def stamp(moment: datetime | None) -> str | None:
        return None if moment is None else moment.astimezone(zone).isoformat(timespec="seconds")

    return {
        "mode": status.mode,
        "next_prompt_at": stamp(status.next_prompt_at),
        "seconds_to_next": None
        if status.seconds_to_next is None
        else round(status.seconds_to_next),
        "paused_until": stamp(status.paused_until),
        "sitting_since": stamp(status.sitting_since),
        "minutes_sitting": status.minutes_sitting,
        "interval_minutes": status.interval_minutes,
        "can_snooze": status.can_snooze,
        "held_reason": status.held_reason,
        "outside_working_hours": status.outside_working_hours,
        "wake_guard_tripped": status.wake_guard_tripped,
    }


def run_gui(paths: Paths, verbose: bool = False) -> int:
    """Start the tray app, or hand over to the one already running."""
    from backbreak.platform.logging_setup import setup_logging
    from backbreak.platform.paths import ensure_dirs

    ensure_dirs(paths)
    setup_logging(paths.log_file, verbose)

    import PySide6
    from PySide6.QtWidgets import QApplication

    if PySide6.__version__ in BROKEN_QT_BINDINGS:
        # Fail at once with a fix, rather than crash hours later with "none_dealloc".
        print(
            f"backbreak: PySide6 {PySide6.__version__} has a reference-counting bug that "
            "crashes long-running apps; install a working release with "
            "'pip install \"PySide6-Essentials<6.12\"'",
            file=sys.stderr,
        )
        return 1

    from backbreak.platform.instance import InstanceGuard
    from backbreak.platform.launch import APP_ID
    from backbreak.tray_app import TrayApp

    guard = InstanceGuard(paths.lock_file)
    if not guard.acquire():
        return _report_other_instance(guard, paths)

    from backbreak.platform.screen import Closable, describe, screen_problem

    probe: list[Closable] = []
    no_screen = screen_problem(os.environ, sys.platform, keep_open=probe)
    if no_screen is not None:
        # Qt would abort with its raw xcb message (exit 134): say what doctor says instead.
        guard.release()
        print(describe(no_screen), file=sys.stderr)
        return 1

    app = QApplication(sys.argv[:1])
    for connection in probe:  # only now: Qt holds its own connection to the X server
        connection.close()
    app.setApplicationName("backbreak")
    # The desktop entry's id: GNOME/Wayland match windows to the menu entry and icon by it.
    app.setDesktopFileName(APP_ID)
    # The prompt and dialogs come and go; closing them must never end the tray app.
    app.setQuitOnLastWindowClosed(False)
    # Before any window exists: widgets translate their texts when they are built.
    from backbreak.platform.i18n import install_translator
    from backbreak.platform.settings_store import load_settings

    install_translator(app, load_settings(paths.settings_file).settings.language)
    try:
        tray_app = TrayApp(app, paths, guard)
        tray_app.start()
        code = app.exec()
        tray_app.shutdown()
    finally:
        guard.release()
    log.info("backbreak stopped (exit %d)", code)
    return code


def _report_other_instance(guard: InstanceGuard, paths: Paths) -> int:
    """Why this start stops: "already running" only when the running instance answers
    (exit 0); a lock that cannot be taken or an owner that does not answer is an error
    (exit 1), so a script or autostart never believes in an instance that isn't there."""
    from backbreak.platform.command_client import send_command

    if guard.problem is not None:
        print(f"backbreak: cannot start: {guard.problem}", file=sys.stderr)
        return 1
    # The running one shows itself (a notification, or the open break): a start from the
    # applications menu has no terminal to print to.
    reply = send_command(paths.socket_name, "launched-again", {})
    if reply is not None and reply.get("ok") is not True:
        reply = send_command(paths.socket_name, "status", {})  # an older running version
    if reply is not None and reply.get("ok") is True:
        text = reply.get("text")
        print("backbreak is already running" + (f": {text}" if isinstance(text, str) else "."))
        return 0
    why = "it does not answer" if reply is None else str(reply.get("error", "no reply"))
    pid = guard.owner_pid()
    print(
        f"backbreak: cannot start: the lock file {paths.lock_file} is held"
        + (f" by process {pid}" if pid is not None else "")
        + f", but no running backbreak answered ({why}). If backbreak is not running, "
        "end that process or remove the lock file.",
        file=sys.stderr,
    )
    return 1
