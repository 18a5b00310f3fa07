"""``backbreak doctor``: what this machine offers us, whether it works, and what to do if not.

Each line is a ``DoctorLine``; ``run_doctor`` prints them (exit code 0 always: it is a
report, not a test) and the About page can show ``doctor_lines``. Every check is cheap
and read-only: nothing is installed, started or changed.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from backbreak.core.runaway import LOG_MARKER
from backbreak.platform.paths import Paths
from backbreak.platform.screen import Closable, screen_problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DoctorLine:
    topic: str
    ok: bool
    detail: str
    advice: str = ""
    """What the user can do about a "not available" line (empty when nothing is needed)."""


def _gui_app_ready() -> bool:
    """A QApplication to ask Qt with: the existing one, or a new one."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    existing = QCoreApplication.instance()
    if existing is not None:
        return isinstance(existing, QApplication)
    # Kept alive for the rest of the process on purpose: Qt objects made later need it.
    _made_apps.append(QApplication([sys.argv[0] if sys.argv else "backbreak"]))
    return True


_made_apps: list[object] = []
_screen_probes: list[Closable] = []


def check_tray(env: Mapping[str, str], platform: str) -> DoctorLine:
    topic = "Tray icon host"
    # Qt aborts the whole process when it cannot open the screen, so ask first.
    # Before this process's first QApplication, the test connection stays open for the one
    # made below (see screen_problem); in the running app (About ▸ Diagnostics) it closes.
    from PySide6.QtCore import QCoreApplication

    first = QCoreApplication.instance() is None
    no_screen = screen_problem(env, platform, keep_open=_screen_probes if first else None)
    if no_screen is not None:
        return DoctorLine(topic, False, no_screen.reason, no_screen.advice)
    if not _gui_app_ready():
        return DoctorLine(topic, False, "cannot check from this program", "")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QSystemTrayIcon

    qpa = QGuiApplication.platformName()
    if QSystemTrayIcon.isSystemTrayAvailable():
        return DoctorLine(topic, True, f"available (Qt platform {qpa}); {tray_protocol(qpa)}")
    desktop = env.get("XDG_CURRENT_DESKTOP", "").lower()
    if "gnome" in desktop:
        advice = (
            "GNOME has no tray by default: install and enable the "
            '"AppIndicator and KStatusNotifierItem Support" extension, then log in again.'
        )
    else:
        advice = (
            "Add a system tray (notification area) to your panel, or start a tray program "
            "such as stalonetray or trayer. Without one, backbreak still prompts on time."
        )
    return DoctorLine(topic, False, f"no system tray found (Qt platform {qpa})", advice)


def tray_protocol(qpa: str) -> str:
    """Which tray protocol Qt uses here, and for StatusNotifierItem whether the watcher
    lists backbreak's icon (XEmbed trays keep no such list)."""
    from backbreak.platform import sni

    if sni.watcher_running():
        if sni.backbreak_registered():
            return "StatusNotifierItem; backbreak's icon is registered"
        return "StatusNotifierItem; backbreak's icon is not registered (is it running?)"
    if qpa == "xcb":
        return "XEmbed (the icon sits in the tray's own window)"
    return "the platform's own tray"


def check_notifications() -> DoctorLine:
    topic = "Notification server"
    try:
        from backbreak.platform.notifier import FreedesktopNotifier

        notifier = FreedesktopNotifier()
    except ImportError as error:
        return DoctorLine(topic, False, f"D-Bus support missing ({error})", "")
    try:
        info = notifier.server_information()
        capabilities = notifier.capabilities() if info is not None else []
    finally:
        notifier.close()
    if info is None:
        return DoctorLine(
            topic,
            False,
            "no notification server answers on the session bus",
            "Start your desktop's notification service (or install one such as dunst). "
            "Prompts still open as windows; only the early heads-up is lost.",
        )
    name, vendor, version, spec = info
    caps = ", ".join(capabilities) or "none"
    return DoctorLine(
        topic, True, f"{name} {version} by {vendor} (spec {spec}); capabilities: {caps}"
    )


def check_idle(env: Mapping[str, str], platform: str) -> DoctorLine:
    from backbreak.platform.idle import NullIdleSource, pick_idle_source

    topic = "Idle time (natural breaks)"
    source = pick_idle_source(env, platform)
    try:
        reading = source.idle_seconds()
    finally:
        close = getattr(source, "close", None)
        if callable(close):
            close()
    if isinstance(source, NullIdleSource) or reading is None:
        advice = (
            "Away time is then counted only from screen lock and sleep. On X11, install "
            "the XScreenSaver library (Debian/Ubuntu: libxss1); on Wayland, GNOME and "
            "KDE on X11 answer, other compositors may not."
        )
        return DoctorLine(topic, False, "no idle-time source answers here", advice)
    return DoctorLine(topic, True, f"{source.name}; idle now {reading:.0f} s")


def check_session_events(env: Mapping[str, str], platform: str) -> DoctorLine:
    from backbreak.platform.session_events import SessionEvents

    topic = "Suspend and lock notices"
    events = SessionEvents(environ=env, platform=platform)
    events.start()
    detail = events.describe()
    events.deleteLater()
    if any("sleep" in source or "power" in source for source in events.sources):
        return DoctorLine(topic, True, detail)
    return DoctorLine(
        topic,
        False,
        detail,
        "Nothing to do: a clock check once a minute notices a sleep or a clock change "
        "instead, just up to a minute later.",
    )


def check_fullscreen(env: Mapping[str, str], platform: str) -> DoctorLine:
    from backbreak.platform.fullscreen import FullscreenDetector

    topic = "Full-screen detection"
    detector = FullscreenDetector(environ=env, platform=platform)
    try:
        answer = detector.is_fullscreen()
        detail = detector.describe()
    finally:
        detector.close()
    if answer is None:
        return DoctorLine(
            topic,
            False,
            detail,
            'Use "Pause → Meeting" from the tray before presenting or watching something.',
        )
    return DoctorLine(topic, True, f"{detail} (full screen now: {'yes' if answer else 'no'})")


def check_dnd(env: Mapping[str, str], platform: str) -> DoctorLine:
    from backbreak.platform.dnd import DndDetector

    topic = "Do Not Disturb detection"
    detector = DndDetector(environ=env, platform=platform)
    if detector.is_on() is None:
        return DoctorLine(
            topic,
            False,
            detector.describe(),
            'Use "Pause → Meeting" from the tray when you must not be interrupted.',
        )
    return DoctorLine(topic, True, detector.describe())


def check_calls(env: Mapping[str, str], platform: str, paths: Paths) -> list[DoctorLine]:
    """One line per call detector: microphone, camera, the user's program list."""
    from backbreak.platform.calls import pick_call_detectors
    from backbreak.platform.settings_store import load_settings

    detectors = pick_call_detectors(env, platform)
    settings = load_settings(paths.settings_file).settings
    detectors.programs.set_names(settings.hold_programs)
    advice = 'Use "Pause → Meeting" from the tray before a call.'
    lines = []
    for topic, detector, enabled in (
        ("Microphone in use (calls)", detectors.microphone, settings.hold_when_microphone),
        ("Camera in use (calls)", detectors.camera, settings.hold_when_camera),
    ):
        detail = detector.describe()
        if not enabled:
            detail += "; holding breaks for it is turned off in settings"
        lines.append(DoctorLine(topic, detector.in_use() is not None, detail, advice))
    lines.append(DoctorLine("Programs that hold breaks", True, detectors.programs.describe()))
    return lines


def check_speech(platform: str, which: Callable[[str], str | None] = shutil.which) -> DoctorLine:
    from backbreak.platform.speech import plyer_engine

    topic = "Speech engine (spoken cues)"
    engine = plyer_engine()
    if engine.speak is not None:
        return DoctorLine(topic, True, "available through plyer")
    advice = "Only needed for the voice setting."
    if platform.startswith("linux"):
        if which("espeak-ng") and not which("espeak"):
            advice = (
                "espeak-ng is installed but the espeak command is missing: install "
                "espeak-ng-espeak (Debian/Ubuntu). " + advice
            )
        else:
            advice = "Install espeak-ng and espeak-ng-espeak (Debian/Ubuntu). " + advice
    return DoctorLine(topic, False, engine.unavailable_reason or "not available", advice)


TAIL_BYTES = 256 * 1024
"""How much of the end of the log the wake-up check reads (the file rotates at 512 KiB)."""


def check_wakeups(log_file: Path) -> DoctorLine:
    """Whether the runaway guard has tripped lately (its one error line in the log)."""
    topic = "Wake-ups"
    try:
        with log_file.open("rb") as stream:
            stream.seek(max(0, stream.seek(0, os.SEEK_END) - TAIL_BYTES))
            tail = stream.read().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return DoctorLine(topic, True, "no log yet")
    except OSError as error:
        return DoctorLine(topic, True, f"could not read the log ({error.strerror or error})")
    tripped = [line for line in tail.splitlines() if LOG_MARKER in line]
    if not tripped:
        return DoctorLine(topic, True, "normal (the runaway guard has not tripped lately)")
    when = tripped[-1][:19]  # the log line's date and time
    return DoctorLine(
        topic,
        False,
        f"the runaway guard tripped at {when}: backbreak woke too often and slowed down",
        f"Please report it with the log file {log_file}: its error line holds the state "
        "that caused it. Any click in backbreak, or a restart, lifts the slow-down.",
    )


def check_paths(paths: Paths) -> list[DoctorLine]:
    lines = []
    for label, folder in (
        ("Settings folder", paths.config_dir),
        ("Data folder (history)", paths.data_dir),
        ("Log folder", paths.log_dir),
        ("Runtime folder (lock, socket)", paths.runtime_dir),
    ):
        lines.append(_folder_line(label, folder))
    return lines


def check_history_saved(paths: Paths) -> DoctorLine:
    """Whether events are waiting to be written (a full or locked disk kept them)."""
    from backbreak.platform import history_spill

    topic = "History saving"
    spill = history_spill.spill_path_for(paths.history_db)
    waiting = history_spill.read(spill)
    if not waiting.rows and waiting.state is None and not waiting.checkins:
        return DoctorLine(topic, True, "every break is saved")
    checkins = f" and {len(waiting.checkins)} check-in(s)" if waiting.checkins else ""
    return DoctorLine(
        topic,
        False,
        f"{len(waiting.rows)} event(s){checkins} wait to be saved (kept in {spill})",
        "Free some disk space, or close the program that holds the history file; "
        "backbreak saves them by itself once it can.",
    )


def _folder_line(label: str, folder: Path) -> DoctorLine:
    if not folder.exists():
        return DoctorLine(label, True, f"{folder} (created on first start)")
    if not os.access(folder, os.W_OK):
        return DoctorLine(
            label,
            False,
            f"{folder} is not writable",
            "Give your user write access to this folder, or start with --data-dir.",
        )
    return DoctorLine(label, True, str(folder))


def doctor_lines(
    paths: Paths, env: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> list[DoctorLine]:
    checks: list[Callable[[], DoctorLine]] = [
        lambda: check_tray(env, platform),
        check_notifications,
        lambda: check_idle(env, platform),
        lambda: check_session_events(env, platform),
        lambda: check_fullscreen(env, platform),
        lambda: check_dnd(env, platform),
        lambda: check_speech(platform),
    ]
    lines = []
    for check in checks:
        try:
            lines.append(check())
        except Exception as error:  # a report must finish even if one probe breaks
            log.exception("doctor check failed")
            lines.append(DoctorLine(check.__name__, False, f"the check itself failed: {error}"))
    try:
        lines += check_calls(env, platform, paths)
    except Exception as error:
        log.exception("doctor check failed")
        lines.append(DoctorLine("Calls", False, f"the check itself failed: {error}"))
    return [
        *lines,
        check_wakeups(paths.log_file),
        check_history_saved(paths),
        *check_paths(paths),
    ]


def format_line(line: DoctorLine) -> list[str]:
    mark = "ok " if line.ok else "-- "
    text = [f"[{mark}] {line.topic}: {line.detail}"]
    if not line.ok and line.advice:
        text.append(f"       What you can do: {line.advice}")
    return text


def run_doctor(paths: Paths, out: TextIO, env: Mapping[str, str] = os.environ) -> int:
    """Print the report to ``out``. Always 0: "not available" is information, not failure."""
    out.write("backbreak doctor: what this computer offers\n")
    for line in doctor_lines(paths, env):
        for text in format_line(line):
            out.write(text + "\n")
    return 0
