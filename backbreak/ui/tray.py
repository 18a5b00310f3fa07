"""The tray icon and its menu: shows where the break cycle stands, reports what the user picks.

Wake-ups, on purpose few: the service calls ``update()`` whenever something changes; one
single-shot timer re-armed at each minute boundary refreshes the "in 23 min" text while a
countdown is on (the only periodic timer: one wake-up a minute, none while paused); and,
only when no system tray exists yet, a single-shot check with back-off (2 s doubling to
60 s) waits for one to appear. No animation: the icon is re-painted only when the ring
moves to its next sixteenth.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from backbreak import APP_NAME
from backbreak.core.i18n import N_, _
from backbreak.core.status import Status
from backbreak.ui.texts import fraction_elapsed, sitting_text, status_text
from backbreak.ui.tray_icon import IconStyle, TrayLook, quantise, tray_icon, tray_look

PAUSE_CHOICES: tuple[tuple[str, str], ...] = (
    ("30m", N_("30 minutes")),
    ("1h", N_("1 hour")),
    ("2h", N_("2 hours")),
    ("tomorrow", N_("Until tomorrow")),
    ("indefinitely", N_("Until I resume")),
)
"""(key sent in ``pause_requested``, menu label in English; shown through ``_()``)."""

MEETING_CHOICES: tuple[tuple[str, str], ...] = (
    ("meeting-30m", N_("30 minutes")),
    ("meeting-60m", N_("60 minutes")),
    ("meeting-90m", N_("90 minutes")),
)
"""A meeting holds prompts for its length, then gives one prompt when it ends."""

FIRST_TRAY_CHECK_MS = 2_000
LAST_TRAY_CHECK_MS = 60_000
MESSAGE_MS = 6_000


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _desktop_look() -> TrayLook:
    """Icon style and panel shade for this desktop and its current colour scheme."""
    return tray_look(sys.platform, os.environ, QGuiApplication.styleHints().colorScheme())


class TrayController(QObject):
    """Owns the ``QSystemTrayIcon`` and its ``QMenu``; emits one signal per menu choice."""

    break_now = Signal()
    show_break = Signal()
    """Bring the open prompt back (it may be minimized or behind other windows)."""
    pause_requested = Signal(str)
    """A key of ``PAUSE_CHOICES`` ("30m", "1h", "2h", "tomorrow", "indefinitely") or of
    ``MEETING_CHOICES`` ("meeting-30m", ...)."""
    resume_requested = Signal()
    settings_requested = Signal()
    history_requested = Signal()
    about_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        now: Callable[[], datetime] = _utc_now,
        dark_panel: bool | None = None,
        history_enabled: bool = False,
        minute_refresh: bool = True,
        icon_style: IconStyle | None = None,
    ) -> None:
        """``tray_available``, ``now``, ``dark_panel`` and ``icon_style`` are seams for
        tests; the app leaves them alone (None = follow the desktop and its colour scheme,
        see ``tray_icon.tray_look``)."""
        super().__init__(parent)
        self._tray_available = tray_available
        self._now = now
        self._dark_panel_override = dark_panel
        self._style_override = icon_style
        self._icon: QSystemTrayIcon | None = None
        self._status: Status | None = None
        self._zone: tzinfo | None = None
        self._icon_key: tuple[int | None, bool, bool, IconStyle] | None = None
        self._current_icon = tray_icon(None, False, self._dark_panel(), self.icon_style)
        self._tooltip = APP_NAME
        self._note: str | None = None

        self._menu = QMenu()
        self._build_menu(history_enabled)

        # The app turns this off when its clock heartbeat already wakes once a minute and
        # calls update(): one wake-up a minute instead of two.
        self._minute_refresh = minute_refresh
        self._minute_timer = QTimer(self)
        self._minute_timer.setSingleShot(True)
        # Precise: a coarse timer may fire up to 5 % early, waking twice per minute.
        self._minute_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._minute_timer.timeout.connect(self.refresh_from_clock)

        self._tray_check = QTimer(self)
        self._tray_check.setSingleShot(True)
        self._tray_delay_ms = FIRST_TRAY_CHECK_MS
        self._tray_check.timeout.connect(self._try_create_icon)

        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)
        self._try_create_icon()

    # ---- menu -----------------------------------------------------------------------------

    def _build_menu(self, history_enabled: bool) -> None:
        menu = self._menu
        menu.setAccessibleName(self.tr("backbreak menu"))
        menu.setToolTipsVisible(True)
        # The status as the menu's first line: some desktops (GNOME with AppIndicator) show
        # no tooltips, so this is where the user reads "Next break in 23 min" there.
        self.status_action = menu.addAction(APP_NAME)
        self.status_action.setEnabled(False)
        menu.addSeparator()
        self.break_now_action = menu.addAction(self.tr("Take a break now"))
        self.break_now_action.triggered.connect(self.break_now.emit)
        # Offered instead of "Take a break now" while a prompt is open: a minimized or
        # hidden-behind prompt must be reachable from the tray.
        self.show_break_action = menu.addAction(self.tr("Show the break"))
        self.show_break_action.triggered.connect(self.show_break.emit)
        self.show_break_action.setVisible(False)

        self.pause_menu = menu.addMenu(self.tr("Pause"))
        self.pause_actions: dict[str, QAction] = {}
        for key, label in PAUSE_CHOICES:
            action = self.pause_menu.addAction(_(label))
            action.triggered.connect(lambda _checked=False, k=key: self.pause_requested.emit(k))
            self.pause_actions[key] = action
        self.pause_menu.addSeparator()
        self.meeting_menu = self.pause_menu.addMenu(self.tr("Meeting (one break after it)"))
        for key, label in MEETING_CHOICES:
            action = self.meeting_menu.addAction(_(label))
            action.triggered.connect(lambda _checked=False, k=key: self.pause_requested.emit(k))
            self.pause_actions[key] = action
        self.resume_action = menu.addAction(self.tr("Resume"))
        self.resume_action.triggered.connect(self.resume_requested.emit)
        self.resume_action.setVisible(False)

        menu.addSeparator()
        self.settings_action = menu.addAction(self.tr("Settings…"))
        self.settings_action.triggered.connect(self.settings_requested.emit)
        self.history_action = menu.addAction(self.tr("History…"))
        self.history_action.triggered.connect(self.history_requested.emit)
        self.set_history_enabled(history_enabled)
        self.about_action = menu.addAction(self.tr("About backbreak"))
        self.about_action.triggered.connect(self.about_requested.emit)
        menu.addSeparator()
        self.quit_action = menu.addAction(self.tr("Quit"))
        self.quit_action.triggered.connect(self.quit_requested.emit)

    @property
    def minute_timer_active(self) -> bool:
        return self._minute_timer.isActive()

    @property
    def menu(self) -> QMenu:
        return self._menu

    def set_history_enabled(self, enabled: bool) -> None:
        self.history_action.setEnabled(enabled)
        self.history_action.setToolTip(
            "" if enabled else self.tr("The history window is not ready yet")
        )

    # ---- status ---------------------------------------------------------------------------

    def update(self, status: Status, zone: tzinfo) -> None:
        """Show ``status``: icon, tooltip, the menu's status line and enabled states.

        Cheap enough to call on every change: the icon is re-painted only when its
        progress step, pause state or panel shade changed.
        """
        self._status = status
        self._zone = zone
        paused = status.mode in ("paused", "paused_indefinitely")
        self.resume_action.setVisible(paused)
        prompt_open = status.mode == "prompt_open"
        self.break_now_action.setEnabled(not prompt_open)
        self.break_now_action.setVisible(not prompt_open)
        self.show_break_action.setVisible(prompt_open)
        self._show(status, zone)
        self._arm_minute_timer(status)

    @property
    def tooltip(self) -> str:
        """The status text currently shown (also when there is no tray to show it in)."""
        return self._tooltip

    def set_note(self, note: str | None) -> None:
        """A line under the status in the icon's tooltip (e.g. breaks not saved), or none."""
        self._note = note
        if self._icon is not None:
            self._icon.setToolTip(self.icon_tooltip)

    @property
    def icon_tooltip(self) -> str:
        """The tray icon's tooltip: the status, and the note if there is one."""
        text = f"{APP_NAME}: {self._tooltip}" if self._status else APP_NAME
        return f"{text}\n{self._note}" if self._note else text

    @property
    def current_icon(self) -> QIcon:
        return self._current_icon

    def _show(self, status: Status, zone: tzinfo) -> None:
        text = status_text(status, zone)
        if text != self._tooltip:
            self._tooltip = text
            self.status_action.setText(text)
            if self._icon is not None:
                self._icon.setToolTip(self.icon_tooltip)
        paused = status.mode in ("paused", "paused_indefinitely")
        fraction = fraction_elapsed(status)
        key = (quantise(fraction), paused, self._dark_panel(), self.icon_style)
        if key != self._icon_key:
            self._icon_key = key
            self._current_icon = tray_icon(fraction, paused, key[2], key[3])
            if self._icon is not None:
                self._icon.setIcon(self._current_icon)

    def _arm_minute_timer(self, status: Status) -> None:
        """Re-arm the one-a-minute text refresh, only while the text changes with time."""
        counting = status.mode in ("running", "no_prompt_due") and status.next_prompt_at
        if not counting or not self._minute_refresh:
            self._minute_timer.stop()
            return
        now = self._now()
        # Just past the next minute boundary, so "in 23 min" turns to "in 22 min" when
        # the panel clock changes, not up to a minute later.
        ms_into_minute = now.second * 1000 + now.microsecond // 1000
        self._minute_timer.start(60_000 - ms_into_minute + 50)

    def refresh_from_clock(self) -> None:
        """Re-tell the last status as of now (the minute timer's slot)."""
        if self._status is None or self._zone is None:
            return
        status = dataclasses.replace(self._status, now=self._now())
        self._status = status
        self._show(status, self._zone)
        self._arm_minute_timer(status)

    def _dark_panel(self) -> bool:
        if self._dark_panel_override is not None:
            return self._dark_panel_override
        return _desktop_look().dark_panel

    @property
    def icon_style(self) -> IconStyle:
        """The icon style: mono on macOS and GNOME, else color (unless a test fixed it)."""
        if self._style_override is not None:
            return self._style_override
        return _desktop_look().style

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        self._icon_key = None
        if self._status is not None and self._zone is not None:
            self._show(self._status, self._zone)

    # ---- the tray itself ------------------------------------------------------------------

    def icon_area(self) -> QRect | None:
        """The icon's place on screen; None where the tray host does not say (a
        StatusNotifierItem host places icons itself and tells nobody)."""
        if self._icon is None or not self._icon.isVisible():
            return None
        area = self._icon.geometry()
        return area if area.isValid() and not area.isEmpty() else None

    @property
    def tray_visible(self) -> bool:
        return self._icon is not None and self._icon.isVisible()

    def show_message(self, title: str, body: str) -> bool:
        """A tray balloon; False when there is no tray (the notifier then tries another
        way)."""
        if self._icon is None or not self._icon.isVisible():
            return False
        if not QSystemTrayIcon.supportsMessages():
            return False
        self._icon.showMessage(title, body, self._current_icon, MESSAGE_MS)
        return True

    def _try_create_icon(self) -> None:
        if self._icon is not None:
            return
        if not self._tray_available():
            # Desktops start the panel after the session's autostart apps: wait for it,
            # checking less and less often.
            self._tray_check.start(self._tray_delay_ms)
            self._tray_delay_ms = min(LAST_TRAY_CHECK_MS, self._tray_delay_ms * 2)
            return
        icon = QSystemTrayIcon(self._current_icon, self)
        icon.setContextMenu(self._menu)
        icon.setToolTip(self.icon_tooltip)
        icon.activated.connect(self._on_activated)
        self._icon = icon
        icon.show()

    def show_again(self) -> None:
        """Hide and show the icon: registers it afresh with a StatusNotifierItem watcher
        that lost it (see ``platform.sni``); an XEmbed tray just embeds it again."""
        if self._icon is None or not self._icon.isVisible():
            return
        self._icon.hide()
        self._icon.show()

    @property
    def next_tray_check_ms(self) -> int | None:
        """Interval of the pending "is there a tray yet?" check; None when none is pending."""
        return self._tray_check.interval() if self._tray_check.isActive() else None

    def check_tray_now(self) -> None:
        """Look for a tray at once (the pending check's slot; tests call it directly)."""
        self._tray_check.stop()
        self._try_create_icon()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason != QSystemTrayIcon.ActivationReason.Trigger:
            return
        if self._status is not None and self._status.mode == "prompt_open":
            self.show_break.emit()  # a click on the tray brings the open break back
            return
        body = self._tooltip
        if self._status is not None:
            sitting = sitting_text(self._status)
            if sitting:
                body = f"{body}\n{sitting}"
        self.show_message(APP_NAME, body)

    def hide(self) -> None:
        """Remove the icon from the tray (on quit, so no dead icon is left behind)."""
        self._tray_check.stop()
        self._minute_timer.stop()
        if self._icon is not None:
            self._icon.hide()
