"""The command line: parsing, and the commands that need no window.

Commands that talk to the running app (``break-now``, ``pause``, ``status`` ...) go over the
single-instance socket; the tray app itself starts in ``backbreak.gui``. Qt is imported
only by the commands that need it, so ``backbreak stats`` starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import NoReturn, TextIO

from backbreak import __version__
from backbreak.core.durations import exercise_time_text
from backbreak.core.pause import PauseSpecError, parse_pause
from backbreak.platform.paths import Paths, data_dir_problem, resolve_paths
from backbreak.platform.private_files import restrict_new_files

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 128 + 13  # 13 = SIGPIPE (not in Python's signal module on Windows)

SHELLS = ("bash", "zsh", "fish")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a wrong argument in one line (no usage dump, no traceback)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (try '{self.prog} --help')\n")


def _positive_days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--days takes a whole number, not {text!r}") from None
    if not 1 <= days <= 3660:
        raise argparse.ArgumentTypeError("--days takes a number from 1 to 3660")
    return days


def _data_dir(text: str) -> Path:
    problem = data_dir_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return Path(text)


def _pause_spec(text: str) -> str:
    try:
        parse_pause(text)
    except PauseSpecError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=_data_dir,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep settings, history, logs and the lock in DIR (also: BACKBREAK_DATA_DIR)",
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log debug details",
    )
    parser = _Parser(
        prog="backbreak",
        parents=[common],
        description=(
            "A tray app that asks you to stand up every hour and do one stretch or posture "
            "check. With no command it starts the tray app."
        ),
        epilog="Settings, history and logs live in your user folders; 'backbreak settings' "
        "shows where.",
    )
    parser.add_argument("--version", action="version", version=f"backbreak {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    commands.add_parser("run", parents=[common], help="start the tray app (the default)")

    stats = commands.add_parser("stats", parents=[common], help="show how your days went")
    stats.add_argument("--days", type=_positive_days, default=7, help="days to cover (7)")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.add_argument(
        "--csv",
        type=Path,
        metavar="FILE",
        help="write every event to FILE as CSV ('-': standard output)",
    )

    catalog = commands.add_parser(
        "catalog", parents=[common], help="list the exercises, or check a catalog file"
    )
    catalog.add_argument("--json", action="store_true", help="print JSON")
    catalog.add_argument(
        "--validate", type=Path, metavar="FILE", help="check a catalog TOML file and report"
    )

    settings = commands.add_parser(
        "settings", parents=[common], help="show the effective settings and file locations"
    )
    settings.add_argument("--json", action="store_true", help="print JSON")

    commands.add_parser("break-now", parents=[common], help="open a stand-up prompt now")
    pause = commands.add_parser("pause", parents=[common], help="pause reminders")
    pause.add_argument(
        "--meeting",
        action="store_true",
        help="a meeting: no prompts until it ends, then one prompt",
    )
    pause.add_argument(
        "spec",
        type=_pause_spec,
        metavar="LENGTH",
        help=(
            "30m, 1h, 2h30m or a number of minutes (20); until-tomorrow (also: tomorrow); "
            "indefinitely (also: until-resume, forever). A meeting takes a length only"
        ),
    )
    commands.add_parser("resume", parents=[common], help="resume reminders")
    status = commands.add_parser(
        "status", parents=[common], help="state, next prompt time and minutes sitting"
    )
    status.add_argument("--json", action="store_true", help="print JSON")
    commands.add_parser("history", parents=[common], help="open the History window")
    commands.add_parser(
        "welcome", parents=[common], help="show the first-start welcome window again"
    )
    commands.add_parser(
        "checkin", parents=[common], help='ask "How does your back feel?" now (0-10)'
    )
    commands.add_parser(
        "doctor", parents=[common], help="check what this desktop offers (tray, notifications…)"
    )
    autostart = commands.add_parser(
        "autostart", parents=[common], help="start backbreak when you log in: on, off or status"
    )
    autostart.add_argument("action", choices=("on", "off", "status"))
    desktop_entry = commands.add_parser(
        "install-desktop-entry",
        parents=[common],
        help="add backbreak to the applications menu (for pip/pipx installs)",
    )
    desktop_entry.add_argument(
        "--remove", action="store_true", help="remove the menu entry and icons again"
    )
    commands.add_parser("quit", parents=[common], help="quit the running app")
    completion = commands.add_parser(
        "completion",
        parents=[common],
        help="print the shell completion script for bash, zsh or fish",
    )
    completion.add_argument("shell", choices=SHELLS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _run(argv)
        # Inside the try: output still in the buffer meets a closed pipe here, not at exit.
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        return _output_closed()
    return code


def _output_closed() -> int:
    """The reader of our output went away (``backbreak catalog | head -1``): end quietly,
    as cat or ls do when SIGPIPE ends them (the shell sees 128 + SIGPIPE)."""
    # Python flushes stdout once more at exit and would print the error after all.
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass  # no real stdout file (a test's capture): nothing is flushed at exit
    finally:
        os.close(devnull)
    return EXIT_BROKEN_PIPE


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "pause":
        try:
            parse_pause(args.spec, meeting=args.meeting)
        except PauseSpecError as error:
            parser.error(f"pause: {error}")
    # Before any file is made: history, settings and log are nobody else's business.
    restrict_new_files()
    try:
        paths = resolve_paths(getattr(args, "data_dir", None))
    except ValueError as error:  # a bad $BACKBREAK_DATA_DIR
        parser.error(str(error))
    command = args.command or "run"
    try:
        if command == "run":
            from backbreak.app import run_gui

            return run_gui(paths, verbose=getattr(args, "verbose", False))
        if command == "completion":
            from backbreak.completion import script

            sys.stdout.write(script(parser, args.shell))
            return EXIT_OK
        if command == "stats":
            if args.csv is not None:
                return cmd_export(paths, args.csv, sys.stdout)
            return cmd_stats(paths, args.days, args.json, sys.stdout)
        if command == "doctor":
            from backbreak.doctor import run_doctor

            return run_doctor(paths, sys.stdout)
        if command == "autostart":
            return cmd_autostart(args.action, sys.stdout)
        if command == "install-desktop-entry":
            return cmd_desktop_entry(args.remove, sys.stdout)
        if command == "catalog":
            if args.validate is not None:
                return cmd_validate(args.validate, sys.stdout)
            return cmd_catalog(paths, args.json, sys.stdout)
        if command == "settings":
            return cmd_settings(paths, args.json, sys.stdout)
        return cmd_remote(paths, command, args, sys.stdout)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise  # our output's reader went away: main() ends quietly
    except OSError as error:
        # A folder we can't create or a file we can't read: say which, don't dump a trace.
        print(f"backbreak: {error}", file=sys.stderr)
        return EXIT_FAILURE


# ---- stats ---------------------------------------------------------------------------------


def cmd_stats(paths: Paths, days: int, as_json: bool, out: TextIO) -> int:
    from backbreak.core.day_summary import breaks_text
    from backbreak.platform.catalog_files import load_catalog
    from backbreak.platform.export import stats_json
    from backbreak.platform.history import open_history

    history, message = open_history(paths.history_db)
    if message:
        print(f"backbreak: {message}", file=sys.stderr)
    areas = {entry.id: entry.areas for entry in load_catalog(paths.user_catalog_dir).entries}
    with history:
        today = datetime.now().astimezone().date()
        data = stats_json(history, today - timedelta(days=days - 1), today, today, areas)
    if as_json:
        json.dump(data, out, indent=2, default=str)
        out.write("\n")
        return EXIT_OK
    rate = data.get("completion_rate")
    out.write(f"Last {days} day(s), {data['first_day']} to {data['last_day']}\n")
    out.write(
        f"  breaks done {data['completed']}, snoozed {data['snoozed']}, "
        f"skipped {data['skipped']}, away {data['away']}\n"
    )
    out.write(
        "  completion rate "
        + ("–" if rate is None else f"{float(str(rate)) * 100:.0f}%")
        + f", longest sitting {_minutes_text(int(str(data['longest_sitting_seconds'])))}\n"
    )
    out.write(f"  streak {data['current_streak']} day(s) now, best {data['best_streak']} day(s)\n")
    per_day = data.get("days")
    if isinstance(per_day, list):
        for day in per_day:
            if isinstance(day, dict) and (day.get("prompted") or day.get("completed")):
                # Breaks, not raw prompts (a snoozed prompt comes back as a new one): the
                # same count and words as the History window.
                done, offered = int(day["completed"]), int(day["breaks"])
                out.write(f"  {day['day']}: {breaks_text(done, offered)}\n")
    return EXIT_OK


def cmd_export(paths: Paths, file: Path, out: TextIO) -> int:
    import sqlite3

    from backbreak.platform.export import export_csv, write_csv
    from backbreak.platform.history import open_history

    history, message = open_history(paths.history_db)
    if message:
        print(f"backbreak: {message}", file=sys.stderr)
    with history:
        if str(file) == "-":
            # The CSV is the output: no "Wrote ..." line in it.
            try:
                write_csv(history, out)
            except sqlite3.Error as error:
                print(f"backbreak: could not read the history: {error}", file=sys.stderr)
                return EXIT_FAILURE
            return EXIT_OK
        try:
            count = export_csv(history, file)
        except (OSError, sqlite3.Error) as error:
            print(f"backbreak: could not write {file}: {error}", file=sys.stderr)
            return EXIT_FAILURE
    out.write(f"Wrote {count} events to {file}\n")
    return EXIT_OK


def _minutes_text(seconds: int) -> str:
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


# ---- catalog -------------------------------------------------------------------------------


def cmd_catalog(paths: Paths, as_json: bool, out: TextIO) -> int:
    from backbreak.platform.catalog_files import load_catalog

    loaded = load_catalog(paths.user_catalog_dir)
    for problem in loaded.problems:
        print(f"backbreak: catalog problem: {problem}", file=sys.stderr)
    if as_json:
        json.dump(
            [
                {
                    "id": entry.id,
                    "title": entry.title,
                    "kind": entry.kind,
                    "areas": list(entry.areas),
                    "duration_seconds": entry.duration_seconds,
                    "sides": entry.sides,
                    "position": entry.position,
                    "needs": list(entry.needs),
                    "source": entry.source,
                }
                for entry in loaded.entries
            ],
            out,
            indent=2,
        )
        out.write("\n")
        return EXIT_OK
    width = max((len(entry.id) for entry in loaded.entries), default=10)
    times = {
        entry.id: exercise_time_text(entry.duration_seconds, entry.sides)
        for entry in loaded.entries
    }
    time_width = max((len(text) for text in times.values()), default=10)
    for entry in loaded.entries:
        needs = f"  needs {', '.join(entry.needs)}" if entry.needs else ""
        out.write(
            f"{entry.id:<{width}}  {entry.kind:<8}  {entry.position:<8}  "
            f"{times[entry.id]:<{time_width}}  {entry.title} [{', '.join(entry.areas)}]{needs}\n"
        )
    out.write(f"{len(loaded.entries)} entries\n")
    return EXIT_OK


def cmd_validate(file: Path, out: TextIO) -> int:
    from backbreak.platform.catalog_files import validate_file

    if not file.is_file():
        print(f"backbreak: no such catalog file: {file}", file=sys.stderr)
        return EXIT_FAILURE
    problems = validate_file(file)
    for problem in problems:
        out.write(f"{problem}\n")
    if problems:
        out.write(f"{len(problems)} problem(s) found\n")
        return EXIT_FAILURE
    out.write(f"{file}: OK\n")
    return EXIT_OK


# ---- settings ------------------------------------------------------------------------------


def cmd_settings(paths: Paths, as_json: bool, out: TextIO) -> int:
    from backbreak.core.settings import full_mapping
    from backbreak.platform.settings_store import load_settings

    loaded = load_settings(paths.settings_file)
    locations = {
        "settings_file": str(paths.settings_file),
        "user_catalog_dir": str(paths.user_catalog_dir),
        "history_db": str(paths.history_db),
        "log_file": str(paths.log_file),
        "lock_file": str(paths.lock_file),
    }
    problems = [str(problem) for problem in loaded.problems]
    if as_json:
        json.dump(
            {
                "settings": full_mapping(loaded.settings),
                "paths": locations,
                "problems": problems,
                "backup": str(loaded.backup) if loaded.backup else None,
            },
            out,
            indent=2,
        )
        out.write("\n")
        return EXIT_OK
    for key, value in full_mapping(loaded.settings).items():
        out.write(f"{key} = {json.dumps(value)}\n")
    out.write("\nFiles:\n")
    for key, value in locations.items():
        out.write(f"  {key}: {value}\n")
    if problems:
        out.write("\nProblems in settings.toml (defaults used for these):\n")
        for problem in problems:
            out.write(f"  {problem}\n")
    if loaded.backup:
        out.write(f"The file as it was is kept at {loaded.backup}\n")
    return EXIT_OK


# ---- desktop integration -------------------------------------------------------------------


def cmd_autostart(action: str, out: TextIO) -> int:
    from backbreak.platform.autostart import apply_start_at_login, pick_autostart, read_state

    autostart = pick_autostart()
    # describe() is the whole sentence ("Start at login is off (login entry: ...)."): it is
    # printed as it is, never wrapped in a sentence of our own.
    if action == "status":
        state = read_state(autostart)
        sentence = autostart.describe()
        out.write(f"{sentence}\n")
        if state.note and state.note != sentence:
            out.write(f"{state.note}\n")
        return EXIT_OK
    wanted = action == "on"
    state = apply_start_at_login(autostart, wanted)
    if state.note:
        print(f"backbreak: {state.note}", file=sys.stderr)
    if state.enabled is not wanted:
        return EXIT_FAILURE
    out.write(f"{autostart.describe()}\n")
    return EXIT_OK


def cmd_desktop_entry(remove: bool, out: TextIO) -> int:
    from backbreak.completion import INSTALL_PATHS, script
    from backbreak.platform.desktop_entry import (
        DesktopEntryError,
        install_desktop_entry,
        uninstall_desktop_entry,
    )

    # Shell completion comes with the menu entry: both are what a package would install.
    parser = build_parser()
    completions = {
        relative: script(parser, shell).encode("utf-8") for shell, relative in INSTALL_PATHS.items()
    }
    try:
        if remove:
            changed = uninstall_desktop_entry(extra_files=completions)
        else:
            changed = install_desktop_entry(extra_files=completions)
    except DesktopEntryError as error:
        print(f"backbreak: {error}", file=sys.stderr)
        return EXIT_FAILURE
    verb = "Removed" if remove else "Installed"
    for path in changed:
        out.write(f"{verb} {path}\n")
    if not changed:
        out.write("Nothing to do.\n")
    return EXIT_OK


# ---- commands for the running app ----------------------------------------------------------


def cmd_remote(paths: Paths, command: str, args: argparse.Namespace, out: TextIO) -> int:
    # The standard-library client: talking to the running app must not load Qt.
    from backbreak.platform.command_client import send_command

    payload: dict[str, object] = {}
    if command == "pause":
        payload["spec"] = args.spec
        payload["meeting"] = args.meeting
    reply = send_command(paths.socket_name, command, payload)
    if reply is None:
        print("backbreak is not running (start it with 'backbreak')", file=sys.stderr)
        return EXIT_FAILURE
    if not reply.get("ok", False):
        print(
            f"backbreak: {reply.get('error', 'the running app refused the command')}",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    if command == "status":
        if getattr(args, "json", False):
            json.dump(reply.get("status", {}), out, indent=2)
            out.write("\n")
        else:
            out.write(f"{reply.get('text', '')}\n")
    elif reply.get("text"):
        out.write(f"{reply['text']}\n")
    return EXIT_OK
