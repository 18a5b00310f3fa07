"""The running tray app: builds every adapter and connects widgets, service and commands.

Part of the composition root (``backbreak.app`` starts it); nothing else imports it.
"""

from __future__ import annotations

import logging
import random
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from backbreak import __version__
from backbreak.app import status_json
from backbreak.core.catalog import Entry
from backbreak.core.checkin import checkin_due
from backbreak.core.clockwatch import Finding, Slept
from backbreak.core.day_summary import DAY_SUMMARY_TITLE, day_summary_text, next_end_of_day
from backbreak.core.i18n import N_, _
from backbreak.core.pause import PauseRequest, PauseSpecError, parse_pause
from backbreak.core.retention import retention_cutoff
from backbreak.core.settings import Settings
from backbreak.platform.calls import pick_call_detectors
from backbreak.platform.catalog_files import LoadedCatalog, illustration_bytes, load_catalog
from backbreak.platform.clock import SystemClock
from backbreak.platform.dnd import DndDetector
from backbreak.platform.fullscreen import FullscreenDetector
from backbreak.platform.heartbeat import Heartbeat
from backbreak.platform.history import open_history
from backbreak.platform.i18n import current_language
from backbreak.platform.instance import CommandServer, InstanceGuard
from backbreak.platform.notifier import pick_notifier
from backbreak.platform.paths import Paths
from backbreak.platform.presence import PresenceMonitor
from backbreak.platform.scheduler import QtWaker
from backbreak.platform.session_events import SessionEvents
from backbreak.platform.settings_store import LoadedSettings, load_settings, save_settings
from backbreak.platform.signals import SignalWatcher
from backbreak.platform.sni import WatcherWatch
from backbreak.platform.sound import SoundPlayer
from backbreak.platform.speech import Speaker
from backbreak.platform.wall_timer import WallClockTimer
from backbreak.service import BreakService
from backbreak.ui.cues import CuePlayer
from backbreak.ui.memory import MemoryReleaser
from backbreak.ui.motion import MotionSetting
from backbreak.ui.prompt import PromptWindow
from backbreak.ui.texts import clock_text, status_text
from backbreak.ui.tray import TrayController
from backbreak.ui.view import QtView

# Start only what the tray needs: the windows behind menu entries (settings with its
# Exercises page, History with its charts, About with Diagnostics) and the autostart
# backends are imported when first opened; tests/gui/test_startup_imports.py keeps it so.
if TYPE_CHECKING:
    from backbreak.platform.autostart import Autostart
    from backbreak.ui.about import AboutDialog
    from backbreak.ui.history_window import HistoryWindow
    from backbreak.ui.settings_dialog import SettingsDialog
    from backbreak.ui.welcome import WelcomeDialog

log = logging.getLogger("backbreak.app")

UNSAVED_NOTE = N_("Breaks not saved yet: the history file cannot be written")
"""The tray tooltip's note while kept breaks cannot be written to the history file."""

TRAY_PAUSES: dict[str, PauseRequest] = {
    "30m": PauseRequest(minutes=30),
    "1h": PauseRequest(minutes=60),
    "2h": PauseRequest(minutes=120),
    "tomorrow": PauseRequest(until_tomorrow=True),
    "indefinitely": PauseRequest(indefinitely=True),
    "meeting-30m": PauseRequest(minutes=30, meeting=True),
    "meeting-60m": PauseRequest(minutes=60, meeting=True),
    "meeting-90m": PauseRequest(minutes=90, meeting=True),
}


def startup_messages(
    settings: LoadedSettings,
    history_message: str | None,
    catalog: LoadedCatalog,
    user_catalog_dir: Path,
) -> list[str]:
    """What the user must hear about broken files at start: bad settings (and where the
    original is kept), a history moved aside, entries of their own catalog that failed,
    and (said apart from those, since the entries do load) notes on entries that loaded
    with a fallback: no ``position``, a missing picture, an unknown field."""
    messages: list[str] = []
    if settings.problems:
        message = _("Some settings could not be used, so their defaults apply: {0}.").format(
            "; ".join(str(p) for p in settings.problems)
        )
        if settings.backup:
            message += " " + _("The file as it was is kept at {0}.").format(settings.backup)
        messages.append(message)
    if history_message:
        messages.append(history_message)
    user_folder = str(user_catalog_dir)
    user_problems = [p for p in catalog.problems if p.file.startswith(user_folder)]
    # A user entry's source is its file, as named in its problems.
    loaded = {(entry.source, entry.id) for entry in catalog.entries}
    failed = [p for p in user_problems if (p.file, p.entry) not in loaded]
    notes = [p for p in user_problems if (p.file, p.entry) in loaded]
    if failed:
        unloaded = (
            _(
                "1 entry in your catalog folder could not be loaded; run "
                "'backbreak catalog --validate FILE'. First: {1}"
            )
            if len(failed) == 1
            else _(
                "{0} entries in your catalog folder could not be loaded; run "
                "'backbreak catalog --validate FILE'. First: {1}"
            )
        )
        messages.append(unloaded.format(len(failed), failed[0]))
    if notes:
        noted = (
            _(
                "Your catalog folder has 1 note on an entry that still loads; run "
                "'backbreak catalog --validate FILE'. It says: {1}"
            )
            if len(notes) == 1
            else _(
                "Your catalog folder has {0} notes on entries that still load; run "
                "'backbreak catalog --validate FILE'. First: {1}"
            )
        )
        messages.append(noted.format(len(notes), notes[0]))
    return messages


class TrayApp(QObject):
    def __init__(self, app: QApplication, paths: Paths, guard: InstanceGuard) -> None:
        super().__init__()
        self._app = app
        self._paths = paths
        self._clock = SystemClock()

        # A first start: nothing of ours on disk yet (looked at before anything is written).
        self._first_start = not (
            paths.welcome_marker.exists()
            or paths.settings_file.exists()
            or paths.history_db.exists()
        )
        loaded = load_settings(paths.settings_file)
        self._settings_extra = loaded.extra
        self._history, history_message = open_history(paths.history_db)
        # load_catalog logs every problem itself; the user hears of their own files here.
        catalog = load_catalog(paths.user_catalog_dir, language=current_language())
        self._startup_messages = startup_messages(
            loaded, history_message, catalog, paths.user_catalog_dir
        )
        self._catalog_entries = catalog.entries
        self._catalog_areas = {entry.id: entry.areas for entry in catalog.entries}
        self._catalog_titles = {entry.id: entry.title for entry in catalog.entries}
        self._waker = QtWaker()
        # The heartbeat below refreshes the tray each minute; the tray needn't wake itself.
        self._tray = TrayController(history_enabled=True, minute_refresh=False)
        # A StatusNotifierItem watcher that restarts forgets the icon: show it again.
        self._sni_watch = WatcherWatch(self)
        self._notifier = pick_notifier(self._tray.show_message)
        self._history.on_problem = self._on_history_problem
        self._history_told_at_start = history_message is not None
        self._prompt = PromptWindow()
        # Caches filled while a window is open are emptied a little after it closes.
        self._memory = MemoryReleaser(self)
        self._memory.watch(self._prompt)
        self._prompt.set_tray_icon_area(self._tray.icon_area)
        self._motion = MotionSetting()
        self._apply_look(loaded.settings)
        self._speaker = Speaker()
        self._cues = CuePlayer(
            SoundPlayer(),
            self._speaker,
            sound_enabled=lambda: self._service.settings.sound,
            voice_enabled=lambda: self._service.settings.voice,
            parent=self,
        )
        self._view = QtView(
            self._prompt,
            self._tray,
            illustration_loader=self._illustration,
            zone=self._clock.zone,
            is_favourite=lambda entry_id: entry_id in self._service.settings.favourite_entries,
        )
        self._session_events = SessionEvents(self)
        self._presence = PresenceMonitor(
            self._clock.now,
            loaded.settings.away_minutes,
            session_events=self._session_events,
            fullscreen=FullscreenDetector(own_windows=self._own_windows),
            dnd=DndDetector(),
            calls=pick_call_detectors(),
            parent=self,
        )
        self._presence.set_hold_settings(loaded.settings)
        self._service = BreakService(
            presence=self._presence,
            settings=loaded.settings,
            catalog=catalog.entries,
            clock=self._clock,
            waker=self._waker,
            history=self._history,
            notifier=self._notifier,
            view=self._view,
            rng=random.Random(),
            on_settings_changed=self._settings_changed,
            check_clock=self._check_clocks,
        )
        self._autostart_backend: Autostart | None = None
        self._settings_dialog: SettingsDialog | None = None
        self._about: AboutDialog | None = None
        self._history_window: HistoryWindow | None = None
        self._welcome: WelcomeDialog | None = None
        self._checkin: QWidget | None = None
        self._day_end = WallClockTimer(self._clock.now, self._day_summary, self)
        self._day_end_day: date | None = None
        self._server = CommandServer(paths.socket_name, self._handle_command, guard, self)
        self._signals = SignalWatcher(lambda _signum: self._app.quit(), self)
        # One wake-up a minute watches the clocks (a finding re-arms the schedule),
        # keeps the tray's "in N min" current and brings back a stopped command socket.
        self._heartbeat = Heartbeat(
            self._clock.now, self._on_clock_findings, self, on_tick=self._on_minute
        )
        self._stopped = False
        self._connect()

    # ---- parts, for tests and diagnostics --------------------------------------------------

    @property
    def service(self) -> BreakService:
        return self._service

    @property
    def tray(self) -> TrayController:
        return self._tray

    @property
    def prompt(self) -> PromptWindow:
        return self._prompt

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        return self._settings_dialog

    def handle_command(self, command: str, args: dict[str, object]) -> dict[str, object]:
        """A shell command, as the command socket delivers it."""
        return self._handle_command(command, args)

    # ---- wiring ----------------------------------------------------------------------------

    def _connect(self) -> None:
        service = self._service
        self._prompt.done.connect(service.complete)
        self._prompt.snooze.connect(service.snooze)
        self._prompt.skip.connect(service.skip)
        self._prompt.another.connect(service.another)
        self._prompt.never_show.connect(self._never_show)
        self._prompt.favourite.connect(service.set_entry_favourite)
        self._prompt.cue_requested.connect(self._cues.handle)
        self._tray.break_now.connect(service.break_now)
        self._tray.show_break.connect(self._prompt.bring_back)
        self._sni_watch.lost.connect(self._tray.show_again)
        self._tray.pause_requested.connect(self._pause_from_tray)
        self._tray.resume_requested.connect(service.resume)
        self._tray.settings_requested.connect(self.open_settings)
        self._tray.history_requested.connect(self.open_history)
        self._presence.away.connect(self._on_away)
        self._presence.resumed.connect(self._heartbeat.beat)
        self._tray.about_requested.connect(self.open_about)
        self._tray.quit_requested.connect(self._app.quit)
        self._app.aboutToQuit.connect(self.shutdown)
        # Session logout: Qt asks to save; history is written on every event, so the only
        # thing left is the state, saved by shutdown().
        self._app.commitDataRequest.connect(lambda _manager: self._service.shutdown())

    def start(self) -> None:
        self._waker.start()
        self._service.start()
        self._heartbeat.start()
        self._session_events.start()
        self._presence.start()
        self._arm_day_end()
        self._purge_old_history()
        if not self._server.listen():
            log.warning("command socket unavailable; shell commands won't reach this instance")
        if self._history.problem is not None:
            # Kept events of an earlier session could not be written yet, or the file
            # cannot be opened: the start-up message says so, or this does.
            if self._history_told_at_start:
                self._tray.set_note(_(UNSAVED_NOTE))
            else:
                self._on_history_problem(self._history.problem)
        for message in self._startup_messages:
            log.warning("%s", message)
        if self._startup_messages:
            # One notification: servers that replace backbreak's previous notification
            # (dunst, notify-osd) would otherwise show only the last message.
            self._notifier.notify("backbreak", "\n\n".join(self._startup_messages))
        if self._first_start:
            self.open_welcome()
        log.info("backbreak %s started; next prompt %s", __version__, self._status_text())

    def shutdown(self) -> None:
        """End everything cleanly; safe to call twice (aboutToQuit and app.run_gui)."""
        if self._stopped:
            return
        self._stopped = True
        self._heartbeat.stop()
        self._presence.stop()
        self._day_end.arm(None)
        self._service.shutdown()
        self._waker.shutdown()
        self._server.close()
        for backend in self._notifier.backends:
            close = getattr(backend, "close", None)
            if callable(close):
                close()  # stops a notify-send still waiting for a click
        self._signals.close()
        self._speaker.shutdown()
        self._prompt.close()
        if self._checkin is not None:
            # Quitting is no answer: nothing is recorded, it is asked again next time.
            self._checkin.blockSignals(True)
            self._checkin.close()
        self._tray.hide()
        self._history.close()

    # ---- actions ---------------------------------------------------------------------------

    def _illustration(self, entry: Entry) -> bytes | None:
        try:
            return illustration_bytes(entry)
        except OSError as error:
            log.warning("illustration for %s unreadable: %s", entry.id, error)
            return None

    def _apply_look(self, settings: Settings) -> None:
        self._prompt.set_large_text(settings.large_prompt_text)
        self._motion.apply(settings.reduced_motion)

    def _settings_changed(self, settings: Settings) -> None:
        """New settings took effect in the service: apply them everywhere else, save."""
        self._apply_look(settings)
        self._presence.set_away_minutes(settings.away_minutes)
        self._presence.set_hold_settings(settings)
        self._arm_day_end()
        self._purge_old_history()
        try:
            save_settings(self._paths.settings_file, settings, extra=self._settings_extra)
        except OSError as error:
            log.error("could not save settings: %s", error)
            self._notifier.notify(
                "backbreak", _("Your settings could not be saved: {0}").format(error)
            )
        if self._settings_dialog is not None:
            self._settings_dialog.set_settings(settings)

    def _own_windows(self) -> list[int]:
        """Our own windows, which must never count as "a full-screen window in front"."""
        windows: list[QWidget | None] = [
            self._prompt,
            self._settings_dialog,
            self._about,
            self._history_window,
            self._welcome,
            self._checkin,
        ]
        return [int(window.winId()) for window in windows if window and window.isVisible()]

    def _on_away(self, start: object, end: object) -> None:
        if isinstance(start, datetime) and isinstance(end, datetime):
            self._service.away(start, end)

    def _check_clocks(self) -> None:
        """The heartbeat's clock check, run now: the service asks before every user
        intent, so a clock changed since the last beat is applied before the intent."""
        self._heartbeat.beat()

    def _on_minute(self) -> None:
        self._service.refresh_view()
        if not self._stopped:
            self._server.ensure_listening()
            self._history.retry()  # events a full or locked disk refused, written now

    def _on_history_problem(self, problem: str | None) -> None:
        """Breaks stopped being saved (told once, until they are saved again), or all kept
        breaks are saved now."""
        if problem is None:
            log.info("history: every kept event is saved now")
            self._tray.set_note(None)
            return
        log.warning("history: %s", problem)
        self._tray.set_note(_(UNSAVED_NOTE))
        self._notifier.notify(
            "backbreak",
            _(
                "Your breaks cannot be saved right now ({0}). They are kept and saved as "
                "soon as the history file can be written again."
            ).format(problem),
        )

    def _on_clock_findings(self, findings: list[Finding]) -> None:
        for finding in findings:
            if isinstance(finding, Slept):
                # The presence monitor merges sleep with idle and lock periods, so one
                # absence becomes one "away" row.
                self._presence.note_sleep(finding.start, finding.end)
            else:
                self._service.clock_jumped(finding.delta)
        self._service.refresh()
        self._arm_day_end()

    # ---- end of day and retention -----------------------------------------------------------

    def _arm_day_end(self) -> None:
        upcoming = next_end_of_day(self._clock.now(), self._service.settings, self._clock.zone())
        self._day_end_day, when = upcoming if upcoming else (None, None)
        self._day_end.arm(when)

    def _day_summary(self) -> None:
        day = self._day_end_day
        self._arm_day_end()
        if day is None:
            return
        [counts] = self._history.day_counts(day, day)
        if not (counts.prompted or counts.completed or counts.away):
            return  # nothing happened today (a day off the app didn't see): stay quiet
        if self._service.settings.end_of_day_summary:
            text = day_summary_text(
                counts, self._history.longest_sitting(day, day), counts.minutes_exercised
            )
            self._notifier.notify(
                _(DAY_SUMMARY_TITLE),
                text,
                actions=(("history", _("Show history")),),
                on_action=lambda _key: self.open_history(),
            )
        if checkin_due(self._service.settings.back_checkin, day, self._history.last_checkin_day()):
            self.open_checkin(day)
        self._purge_old_history()

    def open_checkin(self, day: date | None = None) -> None:
        """Ask "How does your back feel?" for ``day`` (today when not given)."""
        from backbreak.ui.checkin import CheckinWindow

        if self._checkin is not None:
            self._checkin.close()
        asked_for = day or self._clock.now().astimezone(self._clock.zone()).date()
        window = CheckinWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.answered.connect(lambda score: self._record_checkin(asked_for, score))
        window.destroyed.connect(lambda _object=None: self._forget_checkin(window))
        self._checkin = window
        window.show()
        window.raise_()

    def _forget_checkin(self, window: QWidget) -> None:
        if self._checkin is window:
            self._checkin = None

    @property
    def checkin(self) -> QWidget | None:
        return self._checkin

    def _record_checkin(self, day: date, score: object) -> None:
        value = score if isinstance(score, int) else None
        self._history.record_checkin(day, self._clock.now(), value)
        log.info("back check-in for %s: %s", day, "skipped" if value is None else value)

    def _purge_old_history(self) -> None:
        today = self._clock.now().astimezone(self._clock.zone()).date()
        cutoff = retention_cutoff(today, self._service.settings.history_retention_months)
        if cutoff is None:
            return
        try:
            removed = self._history.purge_older_than(cutoff)
        except sqlite3.Error as error:
            log.error("could not remove old history: %s", error)
            return
        if removed:
            log.info("removed %d history events from before %s", removed, cutoff)

    def _never_show(self, entry_id: str) -> None:
        self._service.set_entry_hidden(entry_id, True)
        self._service.another()

    def _pause_from_tray(self, key: str) -> None:
        request = TRAY_PAUSES.get(key)
        if request is not None:
            self._service.pause(request)

    def _autostart(self) -> Autostart:
        if self._autostart_backend is None:
            from backbreak.platform.autostart import pick_autostart

            self._autostart_backend = pick_autostart()
        return self._autostart_backend

    def open_settings(self) -> None:
        from backbreak.platform.autostart import read_state

        if self._settings_dialog is None:
            from backbreak.ui.settings_dialog import SettingsDialog

            self._settings_dialog = SettingsDialog(
                self._service.settings,
                entries=self._catalog_entries,
                illustration_loader=self._illustration,
            )
            self._settings_dialog.applied.connect(self._apply_settings)
            self._memory.watch(self._settings_dialog)
        else:
            self._settings_dialog.set_settings(self._service.settings)
        self._settings_dialog.set_voice_unavailable(self._speaker.unavailable_reason)
        # The system's answer, never the remembered flag: the user may have changed it in
        # the desktop's own startup settings.
        state = read_state(self._autostart())
        self._settings_dialog.set_autostart_state(state.enabled, state.note)
        self._settings_dialog.show()
        self._settings_dialog.raise_()
        self._settings_dialog.activateWindow()

    def _apply_settings(self, settings: object) -> None:
        from backbreak.platform.autostart import apply_start_at_login, read_state

        if not isinstance(settings, Settings):
            return
        current = read_state(self._autostart())
        if current.enabled is not None and settings.start_at_login != current.enabled:
            state = apply_start_at_login(self._autostart(), settings.start_at_login)
            if state.note:
                self._notifier.notify("backbreak", state.note)
            if self._settings_dialog is not None:
                self._settings_dialog.set_autostart_state(state.enabled, state.note)
        self._service.update_settings(settings)

    def open_welcome(self) -> None:
        """The welcome window: on the first start, and again only when asked for."""
        from backbreak.platform.autostart import read_state

        if self._welcome is not None and not self._welcome.isVisible():
            # A closed welcome holds the settings it was first shown with: starting from it
            # would undo every change made since. Asked for again, it starts afresh.
            self._welcome.deleteLater()
            self._welcome = None
        if self._welcome is None:
            from backbreak.ui.welcome import WelcomeDialog

            self._welcome = WelcomeDialog(
                self._service.settings, start_at_login=read_state(self._autostart()).enabled
            )
            self._welcome.chosen.connect(self._welcome_chosen)
            self._memory.watch(self._welcome)
        try:
            self._paths.welcome_marker.parent.mkdir(parents=True, exist_ok=True)
            self._paths.welcome_marker.touch()
        except OSError as error:
            # Not fatal: the worst case is the welcome once more on the next start.
            log.warning("could not note that the welcome was shown: %s", error)
        self._welcome.show()
        self._welcome.raise_()
        self._welcome.activateWindow()

    @property
    def welcome(self) -> WelcomeDialog | None:
        return self._welcome

    def _welcome_chosen(self, settings: object, try_now: bool) -> None:
        self._apply_settings(settings)
        if try_now:
            self._service.break_now()

    def open_history(self) -> None:
        if self._history_window is None:
            from backbreak.ui.history_window import HistoryWindow

            self._history_window = HistoryWindow(
                self._history,
                self._catalog_areas,
                self._clock.zone,
                lambda: self._clock.now().astimezone(self._clock.zone()).date(),
                on_clear=self._clear_history,
                next_break_text=self._status_text,
                status=self._service.status,
                titles=self._catalog_titles,
            )
            self._memory.watch(self._history_window)
        self._history_window.show()
        self._history_window.raise_()
        self._history_window.activateWindow()

    def _clear_history(self) -> None:
        try:
            removed = self._history.clear()
        except sqlite3.Error as error:
            log.error("could not clear history: %s", error)
            self._notifier.notify("backbreak", _("History could not be cleared: {0}").format(error))
            return
        log.info("history cleared by the user (%d events)", removed)

    def open_about(self) -> None:
        if self._about is None:
            from backbreak.doctor import doctor_lines
            from backbreak.ui.about import AboutDialog

            self._about = AboutDialog(
                {
                    _("Settings"): str(self._paths.settings_file),
                    _("History"): str(self._paths.history_db),
                    _("Your exercises"): str(self._paths.user_catalog_dir),
                    _("Log"): str(self._paths.log_file),
                },
                diagnostics=lambda: doctor_lines(self._paths),
            )
            self._memory.watch(self._about)
        self._about.show()
        self._about.raise_()

    def _status_text(self) -> str:
        return status_text(self._service.status(), self._clock.zone())

    # ---- shell commands --------------------------------------------------------------------

    def _launched_again(self) -> dict[str, object]:
        """Someone started backbreak again (e.g. from the applications menu): show that it
        is already running, where they will see it; an open break comes to the front."""
        text = self._status_text()
        if self._prompt.is_open:
            self._prompt.bring_back()
        else:
            self._notifier.notify("backbreak", _("backbreak is already running. {0}").format(text))
        return {"ok": True, "text": text}

    def _handle_command(self, command: str, args: dict[str, object]) -> dict[str, object]:
        service = self._service
        if command == "status":
            status = service.status()
            return {
                "ok": True,
                "text": status_text(status, self._clock.zone())
                + (f"\nHistory: {self._history.problem}" if self._history.problem else ""),
                "status": status_json(status, self._clock.zone()),
                "history_unsaved_events": self._history.unsaved_events,
                "history_problem": self._history.problem,
            }
        if command == "break-now":
            service.break_now()
            entry = service.current_entry
            return {"ok": True, "text": f"Prompt open: {entry.title}" if entry else "No prompt"}
        if command == "pause":
            try:
                request = parse_pause(
                    str(args.get("spec", "")), meeting=args.get("meeting") is True
                )
            except PauseSpecError as error:
                return {"ok": False, "error": str(error)}
            until = service.pause(request)
            text = (
                "Paused until you resume"
                if until is None
                else f"Paused until {clock_text(until, self._clock.zone(), self._clock.now())}"
            )
            return {"ok": True, "text": text}
        if command == "resume":
            service.resume()
            return {"ok": True, "text": self._status_text()}
        if command == "quit":
            # Reply first, then quit from the event loop so the reply reaches the caller.
            QTimer.singleShot(0, self._app.quit)
            return {"ok": True, "text": "backbreak is quitting"}
        if command == "launched-again":
            return self._launched_again()
        if command == "history":
            self.open_history()
            return {"ok": True, "text": "History window open"}
        if command == "checkin":
            self.open_checkin()
            return {"ok": True, "text": "Back check-in open"}
        if command == "welcome":
            self.open_welcome()
            return {"ok": True, "text": "Welcome window open"}
        return {"ok": False, "error": f"unknown command {command!r}"}
