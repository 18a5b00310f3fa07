"""The break prompt: one exercise, its steps, a hold countdown and what the user decides.

It appears without taking keyboard focus (the user may be mid-sentence) and no keystroke
typed elsewhere can dismiss it: it has no default button, and Esc counts only once the user
has activated the window. It holds no domain state; every decision leaves as a signal.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMargins,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAccessible,
    QCloseEvent,
    QCursor,
    QGuiApplication,
    QKeyEvent,
    QMoveEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.catalog import Entry
from backbreak.core.durations import exercise_time_text
from backbreak.ui.accessible import announce, give_role
from backbreak.ui.fonts import RelativeFonts
from backbreak.ui.illustration import render_illustration
from backbreak.ui.placement import (
    DEFAULT_CORNER,
    Corner,
    clamp_into,
    corner_origin,
    keep_corner,
    nearest_corner,
)
from backbreak.ui.plain_text import PlainLabel, html_list
from backbreak.ui.texts import illustration_text
from backbreak.ui.theme import NoticeLabel, muted

ILLUSTRATION_SIZE = QSize(240, 160)
SCREEN_MARGIN = 24
"""Gap between the window and the screen edge / panel, in device-independent pixels."""

AUTO_DONE_SECONDS = 5
"""After the countdown ends, the window counts the break as done and closes after this
many seconds, with Undo until then: a person who walked off to stretch comes back to a
closed window and a break in history, and a mis-timed end can still be taken back."""

LARGE_TEXT_SCALE = 1.35
"""How much bigger the exercise text gets with the "larger text" option."""


def format_countdown(seconds: int) -> str:
    """``75`` → ``"1:15"``."""
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


class PromptWindow(QWidget):
    """A small always-on-top dialog window showing one catalog entry.

    Reused: ``show_entry`` on a visible window replaces its content, it never stacks, and
    brings a minimized window back. Placed by the rule in ``ui.placement``.
    """

    done = Signal()
    snooze = Signal()
    skip = Signal()
    another = Signal()
    never_show = Signal(str)
    favourite = Signal(str, bool)
    cue_requested = Signal(str)
    """"start", "switch" or "end": the service may speak or play a sound for each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A dialog, not a Tool window: window managers leave utility windows out of the
        # taskbar and Alt+Tab (xfwm4 marks them skip-taskbar and skip-pager), and a
        # keyboard-only user must be able to reach the prompt.
        self.setWindowFlags(
            Qt.WindowType.Dialog
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        # Appear without taking focus from whatever the user is typing into. Deliberately
        # NOT Qt.WindowDoesNotAcceptFocus: that would also stop a click from activating the
        # window and make the prompt unusable from the keyboard.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        # A screen reader names the window by its title and reads it as a dialog; a new
        # exercise announces itself (see show_entry), since the window takes no focus.
        self.setWindowTitle(self.tr("Time to stand up"))
        give_role(PromptWindow, QAccessible.Role.Dialog)

        self._entry: Entry | None = None
        self._illustration: bytes | None = None
        self._total_seconds = 0
        self._remaining = 0
        self._switch_at: int | None = None
        self._finished = False
        self._closing_in: int | None = None
        """Seconds until a finished countdown counts as done; None when not closing."""
        self._closed_as_done = False
        """Closing the window reports Done rather than Snooze (decided as it closed, see
        ``_dismissal``). A flag, not the signal: a SignalInstance kept on the window
        would tie the Python wrapper to itself beyond the window's life."""
        self._open = False
        """True while an entry is up for the user to decide on; closing it then = snooze."""
        self._tray_icon_area: Callable[[], QRect | None] = lambda: None
        self._corner: Corner = DEFAULT_CORNER
        self._frame_margins = QMargins()
        """The window manager's frame around the window, as last seen (none before the
        first show: it is only known once the window manager has framed the window)."""
        self._placed_with: QMargins | None = None
        """The frame margins the last automatic placement assumed; None once placed with
        the real ones (or moved by the user), so only the first framing re-places."""

        # One-second ticks only while the countdown runs: an idle prompt wakes nobody up.
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)

        # Qt 6 closes every window when the app quits; that close must not read as "the user
        # closed the prompt" (a snooze). closeEvent can't tell the two apart, so it reports
        # on the next event-loop pass, which never comes for a quit: the loop has ended and
        # aboutToQuit has set this flag before anyone processes events again.
        self._app_quitting = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_about_to_quit)
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._watch_screen)
            app.screenRemoved.connect(self._on_screen_removed)
            for screen in app.screens():
                self._watch_screen(screen)

        self._build()

    # ---- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        # No accessible names on the labels: a label's accessible name is its text, which
        # is what a screen reader must read ("Exercise" or "Steps" in its place hid it).
        # Names only where the text alone would not do: buttons, and the illustration,
        # which has no text (its description comes with the entry).
        # Sizes as multiples of the system font, kept when it changes (see ui.fonts).
        self._fonts = RelativeFonts(self)
        self._title = PlainLabel()
        self._title.setWordWrap(True)
        self._fonts.set(self._title, 1.35, bold=True, enlarge=True)

        # Filled in per entry: the total for both sides and one side's share.
        self._badge = NoticeLabel("info")
        self._fonts.set(self._badge, enlarge=True)
        self._badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(self._badge, 0, Qt.AlignmentFlag.AlignTop)

        self._picture = PlainLabel()
        self._picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._picture.setMinimumHeight(ILLUSTRATION_SIZE.height())

        self._steps = PlainLabel()
        self._steps.setWordWrap(True)
        self._steps.setTextFormat(Qt.TextFormat.RichText)
        self._fonts.set(self._steps, enlarge=True)

        # Secondary text: the theme's placeholder colour, also after a light/dark switch.
        self._why = muted(PlainLabel())
        self._why.setWordWrap(True)
        self._fonts.set(self._why, 0.9, enlarge=True)

        # Painted from the palette: "Careful:" says it in words, the tint only draws the eye.
        self._caution = NoticeLabel("caution")
        self._fonts.set(self._caution, enlarge=True)

        self._clock = PlainLabel()
        self._fonts.set(self._clock, 1.8, bold=True, enlarge=True)
        self._phase = PlainLabel()
        self._phase.setTextFormat(Qt.TextFormat.PlainText)
        self._phase.setWordWrap(True)
        self._fonts.set(self._phase, enlarge=True)
        self._start = self._button(self.tr("S&tart"), self.tr("Start the countdown"))
        self._start.clicked.connect(self._toggle_countdown)
        # Takes Start's place while a finished countdown is about to count as done.
        self._undo = self._button(
            self.tr("&Undo"), self.tr("Undo: do not count it as done, keep the window open")
        )
        self._undo.clicked.connect(self._undo_auto_done)
        self._undo.hide()

        self._countdown_row = QFrame()
        countdown = QHBoxLayout(self._countdown_row)
        countdown.setContentsMargins(0, 0, 0, 0)
        countdown.addWidget(self._clock)
        countdown.addWidget(self._phase, 1)
        countdown.addWidget(self._start)
        countdown.addWidget(self._undo)

        self._done = self._button(self.tr("&Done"), self.tr("Done: I did it"))
        self._snooze = self._button(self.tr("S&nooze"), self.tr("Snooze"))
        self._skip = self._button(self.tr("S&kip"), self.tr("Skip this break"))
        self._another = self._button(self.tr("&Another one"), self.tr("Show another exercise"))
        self._done.clicked.connect(lambda: self._decide(self.done))
        self._snooze.clicked.connect(lambda: self._decide(self.snooze))
        self._skip.clicked.connect(lambda: self._decide(self.skip))
        self._another.clicked.connect(self._ask_another)

        decisions = QHBoxLayout()
        for button in (self._done, self._snooze, self._skip, self._another):
            decisions.addWidget(button)
        # Shown instead of Snooze once the snooze limit is reached: the reason, in words.
        self._snooze_spent = PlainLabel()
        self._snooze_spent.setWordWrap(True)
        self._snooze_spent.hide()

        self._never = QToolButton()
        self._never.setText(self.tr("Never show this"))
        self._never.setAccessibleName(self.tr("Never show this exercise again"))
        self._never.setAutoRaise(True)
        self._never.clicked.connect(self._emit_never)
        self._favourite = QToolButton()
        self._favourite.setCheckable(True)
        self._favourite.setAutoRaise(True)
        self._favourite.setAccessibleName(self.tr("Favourite"))
        self._favourite.toggled.connect(self._emit_favourite)
        self._set_favourite_text(False)
        extras = QHBoxLayout()
        extras.addWidget(self._favourite)
        extras.addStretch(1)
        extras.addWidget(self._never)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self._picture)
        layout.addWidget(self._steps)
        layout.addWidget(self._caution)
        layout.addWidget(self._why)
        layout.addWidget(self._countdown_row)
        layout.addLayout(decisions)
        layout.addWidget(self._snooze_spent)
        layout.addLayout(extras)
        self.setMinimumWidth(380)
        self.setMaximumWidth(460)

        # Tab order: countdown first (harmless if a stray key lands on it), then the
        # decisions, then the small extras. The window's first focus goes to Start too.
        order = [
            self._start,
            self._undo,
            self._done,
            self._snooze,
            self._skip,
            self._another,
            self._favourite,
            self._never,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        # Stable names for tests and for accessibility tools that address widgets by name.
        names = {
            "title": self._title,
            "badge": self._badge,
            "illustration": self._picture,
            "steps": self._steps,
            "why": self._why,
            "caution": self._caution,
            "countdown_clock": self._clock,
            "countdown_status": self._phase,
            "start": self._start,
            "undo": self._undo,
            "done": self._done,
            "snooze": self._snooze,
            "snooze_spent": self._snooze_spent,
            "skip": self._skip,
            "another": self._another,
            "favourite": self._favourite,
            "never_show": self._never,
        }
        for name, widget in names.items():
            widget.setObjectName(name)

    def _button(self, text: str, accessible_name: str) -> QPushButton:
        button = QPushButton(text)
        # No default button: Enter typed into another window must never answer the prompt.
        button.setAutoDefault(False)
        button.setDefault(False)
        button.setAccessibleName(accessible_name)
        return button

    # ---- public API -----------------------------------------------------------------------

    def show_entry(
        self,
        entry: Entry,
        illustration: bytes | None,
        can_snooze: bool,
        snooze_minutes: int,
        *,
        favourite: bool = False,
        snoozed_times: int = 0,
    ) -> None:
        """Show ``entry`` (reusing this window if it is up) with a fresh countdown.
        ``snoozed_times``: snoozes in a row so far, named when no more are allowed."""
        # Where the window is before the new content resizes it (showing or hiding parts
        # re-runs the layout, which may grow the window at once, downwards).
        was = self.frameGeometry()
        self._entry = entry
        self._title.setText(entry.title)
        sides_time = exercise_time_text(entry.duration_seconds, entry.sides)
        self._badge.setText(sides_time)
        self._badge.setVisible(entry.sides == "each")
        self._set_illustration(illustration)
        # The picture's text alternative: the entry's own description of it.
        self._picture.setAccessibleName(illustration_text(entry))
        self._steps.setText(html_list(entry.steps))
        self._why.setText(entry.why)
        self._why.setVisible(bool(entry.why))
        self._caution.setText(self.tr("Careful: {0}").format(entry.caution or ""))
        self._caution.setVisible(bool(entry.caution))
        self.set_snooze(can_snooze, snooze_minutes, snoozed_times)
        self._favourite.blockSignals(True)
        self._favourite.setChecked(favourite)
        self._favourite.blockSignals(False)
        self._set_favourite_text(favourite)
        self._reset_countdown(entry)
        self._open = True
        self._start.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.isVisible() and not self.isMinimized():
            self._refit_keeping_corner(was)
        else:
            self._fit_to_content()
            self._place()
            self._unminimize()
            self.show()
        # No raise_(): the window stays on top anyway, and raising may activate it.
        # Spoken by a screen reader whatever has the focus: the window takes none.
        announce(
            self,
            self.tr("{0}: {1}, {2}").format(self.windowTitle(), entry.title, sides_time),
            assertive=True,
        )

    def set_snooze(self, can_snooze: bool, snooze_minutes: int, snoozed_times: int = 0) -> None:
        """The Snooze button: its length, and whether snoozing is still allowed. Once it
        is not, a line takes its place and says why, so the button does not just vanish."""
        self._snooze.setText(self.tr("S&nooze {0} min").format(snooze_minutes))
        self._snooze.setAccessibleName(self.tr("Snooze for {0} minutes").format(snooze_minutes))
        self._snooze.setVisible(can_snooze)
        self._snooze.setEnabled(can_snooze)
        if snoozed_times == 1:
            reason = self.tr("Snoozed once — time to move")
        elif snoozed_times > 1:
            reason = self.tr("Snoozed {0} times — time to move").format(snoozed_times)
        else:
            reason = self.tr("No snoozing this time — time to move")
        self._snooze_spent.setText(reason)
        self._snooze_spent.setVisible(not can_snooze)

    def update_snooze(self, can_snooze: bool, snooze_minutes: int, snoozed_times: int = 0) -> None:
        """``set_snooze`` on an open window (the settings changed, a time away gave Snooze
        back): the window refits, since the line that replaces the button can add height."""
        was = self.frameGeometry()
        self.set_snooze(can_snooze, snooze_minutes, snoozed_times)
        if self.isVisible():
            self._refit_keeping_corner(was)

    def bring_back(self) -> None:
        """The user asked for the open prompt (the tray's "Show the break"): un-minimize,
        put it back on a screen if it is off every one, raise and activate it."""
        if not self._open:
            return
        if self.isMinimized() or not self.isVisible():
            self._place()
            self._unminimize()
            self.show()
        else:
            self._follow_screens()
        self.raise_()
        self.activateWindow()

    def set_tray_icon_area(self, area: Callable[[], QRect | None]) -> None:
        """Where the tray icon is on screen (None when unknown): placement picks the
        corner nearest it (see ``ui.placement``)."""
        self._tray_icon_area = area

    @property
    def is_open(self) -> bool:
        """An entry is up for the user to decide on (shown, or minimized by the user)."""
        return self._open

    @property
    def corner(self) -> Corner:
        """The screen corner the window was last placed in."""
        return self._corner

    def close_prompt(self) -> None:
        """Hide without reporting anything (the service already knows the outcome)."""
        self._open = False
        self._stop_timer()
        self.hide()

    def tick(self) -> None:
        """One second of countdown: the timer's slot (tests call it directly)."""
        if self._closing_in is not None:
            self._tick_closing()
            return
        if self._remaining <= 0:
            self._stop_timer()
            return
        self._remaining -= 1
        if self._switch_at is not None and self._remaining == self._switch_at:
            self._set_phase(self.tr("Switch sides"), strong=True)
            self._cue("switch")
        if self._remaining == 0:
            self._finish_countdown()
        self._clock.setText(format_countdown(self._remaining))

    @property
    def countdown_running(self) -> bool:
        return self._timer.isActive()

    def set_large_text(self, large: bool) -> None:
        """The "larger text in the break window" setting: the exercise's title, steps,
        notes and countdown at ``LARGE_TEXT_SCALE`` times their size (buttons keep the
        system size). Takes effect at once, also on an open prompt."""
        was = self.frameGeometry()
        self._fonts.set_enlargement(LARGE_TEXT_SCALE if large else 1.0)
        if self.isVisible():
            self._refit_keeping_corner(was)

    @property
    def large_text(self) -> bool:
        return self._fonts.enlargement > 1.0

    # ---- countdown ------------------------------------------------------------------------

    def _reset_countdown(self, entry: Entry) -> None:
        self._stop_timer()
        self._total_seconds = max(0, entry.duration_seconds)
        self._remaining = self._total_seconds
        self._finished = False
        self._show_undo(False)
        half = self._total_seconds // 2
        self._switch_at = half if entry.sides == "each" and half > 0 else None
        self._countdown_row.setVisible(self._total_seconds > 0)
        self._clock.setText(format_countdown(self._remaining))
        if entry.sides == "each":
            self._set_phase(self.tr("Start when ready; switch sides halfway"))
        else:
            self._set_phase(self.tr("Start when you are ready"))
        self._start.setText(self.tr("S&tart"))
        self._start.setAccessibleName(self.tr("Start the countdown"))

    def _set_phase(self, text: str, strong: bool = False) -> None:
        self._fonts.set(self._phase, bold=strong, enlarge=True)
        self._phase.setText(text)

    @property
    def countdown_status(self) -> str:
        """The line beside the countdown, e.g. "Switch sides" (for tests and screen readers)."""
        return self._phase.text()

    @property
    def countdown_clock(self) -> str:
        return self._clock.text()

    def _toggle_countdown(self) -> None:
        if self._timer.isActive():
            self._stop_timer()
            self._start.setText(self.tr("&Resume"))
            self._start.setAccessibleName(self.tr("Resume the countdown"))
            return
        if (self._finished or self._remaining <= 0) and self._entry is not None:
            self._reset_countdown(self._entry)
        if self._remaining == self._total_seconds:
            self._set_phase(
                self.tr("First side") if self._switch_at is not None else self.tr("Keep going")
            )
            self._cue("start")
        self._timer.start()
        self._start.setText(self.tr("&Pause"))
        self._start.setAccessibleName(self.tr("Pause the countdown"))

    def _finish_countdown(self) -> None:
        # The timer keeps its one-second beat for the few seconds before the window
        # reports "done"; nothing is recorded until then, so Undo leaves no trace.
        self._finished = True
        self._start.setText(self.tr("S&tart again"))
        self._start.setAccessibleName(self.tr("Start the countdown again"))
        self._closing_in = AUTO_DONE_SECONDS
        self._show_closing()
        self._show_undo(True)
        self._cue("end")

    def _tick_closing(self) -> None:
        assert self._closing_in is not None
        self._closing_in -= 1
        if self._closing_in > 0:
            self._show_closing()
            return
        self._decide(self.done)

    def _show_closing(self) -> None:
        self._set_phase(
            self.tr("Done — nice work. Counted; closing in {0} s").format(self._closing_in),
            strong=True,
        )

    def _undo_auto_done(self) -> None:
        """Keep the window open and count nothing: the user decides with the buttons."""
        self._stop_timer()
        self._set_phase(self.tr("Not counted. Press Done once you have finished"))
        self._start.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_undo(self, shown: bool) -> None:
        if not shown:
            self._closing_in = None
        self._undo.setVisible(shown)
        self._start.setVisible(not shown)

    @property
    def closing_in(self) -> int | None:
        """Seconds until a finished countdown counts as done (None: not closing)."""
        return self._closing_in

    def _stop_timer(self) -> None:
        self._timer.stop()
        if self._closing_in is not None:
            # Whatever stops the beat (Undo, another decision, the window closing) also
            # stops the automatic Done.
            self._show_undo(False)

    def _cue(self, kind: str) -> None:
        # The window makes no sound itself: whoever listens (the app's CuePlayer) decides,
        # from the user's settings, whether to chime and whether to speak.
        self.cue_requested.emit(kind)
        if kind in ("switch", "end"):
            # A screen reader hears the switch and the end (the status line says which),
            # not every tick: the clock's text changes each second but is not announced.
            announce(self, self._phase.text(), assertive=kind == "switch")

    # ---- decisions ------------------------------------------------------------------------

    def _decide(self, signal: SignalInstance) -> None:
        # Hide right away so the click feels answered; the service may show the window
        # again (e.g. when it refuses a snooze).
        self.close_prompt()
        signal.emit()

    def _ask_another(self) -> None:
        # The window stays up for the new exercise; a finished countdown's automatic Done
        # belonged to the old one, and is undone as Undo would (a new exercise then resets
        # the line; if none comes, the line no longer says "Counted").
        if self._closing_in is not None:
            self._undo_auto_done()
        self.another.emit()

    def _emit_never(self) -> None:
        if self._entry is not None:
            self.never_show.emit(self._entry.id)

    def _emit_favourite(self, checked: bool) -> None:
        self._set_favourite_text(checked)
        if self._entry is not None:
            self.favourite.emit(self._entry.id, checked)

    def _set_favourite_text(self, checked: bool) -> None:
        self._favourite.setText(
            self.tr("★ Favourite") if checked else self.tr("☆ Add to favourites")
        )

    # ---- Qt events ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        # Key events only reach an active window, so Esc typed elsewhere never lands here.
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            event.accept()
            self._decide(self._dismissal())
            return
        super().keyPressEvent(event)

    def _dismissal(self) -> SignalInstance:
        """What Esc (and, in closeEvent, closing the window) means: "not now" (a snooze),
        except while a finished countdown is counting down to Done, when it only hurries
        that along."""
        return self.done if self._closing_in is not None else self.snooze

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        was_open = self._open
        self._closed_as_done = self._closing_in is not None
        self._open = False
        self._stop_timer()
        super().closeEvent(event)
        if was_open:
            QTimer.singleShot(0, self, self._report_closed)

    def _report_closed(self) -> None:
        # Closing from the title bar is "not now", never "skip". Unless the window was
        # shown again meanwhile, or the app is quitting.
        if not self._app_quitting and not self._open:
            (self.done if self._closed_as_done else self.snooze).emit()

    def _on_about_to_quit(self) -> None:
        self._app_quitting = True

    def event(self, event: QEvent) -> bool:
        # Qt delivers this one to event(), not changeEvent().
        if event.type() == QEvent.Type.DevicePixelRatioChange and self._illustration:
            # Moved to a screen with another scale: redraw the picture for its pixels.
            self._set_illustration(self._illustration)
        return super().event(event)

    # ---- placement and pictures -----------------------------------------------------------

    def _margins(self) -> QMargins:
        """The frame's margins around the client area, as last known."""
        frame, inner = self.frameGeometry(), self.geometry()
        margins = QMargins(
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            frame.right() - inner.right(),
            frame.bottom() - inner.bottom(),
        )
        if not margins.isNull():
            self._frame_margins = margins
        return self._frame_margins

    def _frame_size(self) -> QSize:
        return self.size().grownBy(self._margins())

    def _refit_keeping_corner(self, old: QRect) -> None:
        """Fit the new content, keeping the corner the frame ``old`` had there (the user
        may have moved the window), so new content grows away from the screen edge
        instead of past it."""
        # Frame geometry throughout: move() places the frame, so reading the client area
        # here would make the window creep by the frame's size on every new exercise.
        self._fit_to_content()
        frame = QRect(keep_corner(old, self._frame_size(), self._corner), self._frame_size())
        screen = self._screen_showing(frame)
        if screen is None:
            self._place()
            return
        self.move(clamp_into(screen.availableGeometry(), frame))

    def _screen_showing(self, frame: QRect) -> QScreen | None:
        return QGuiApplication.screenAt(frame.center())

    def _fit_to_content(self) -> None:
        """As tall as the wrapped text needs, up to the screen's height.

        Not ``adjustSize()``: it caps a window at 2/3 of the screen, which on a laptop
        screen (or with large text) squeezes a long exercise until its lines overlap.
        """
        # New text or fonts leave layout requests queued (the countdown row's own layout
        # among them); measured before they run, the window comes out a line short.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        width = min(max(self.sizeHint().width(), self.minimumWidth()), self.maximumWidth())
        layout = self.layout()
        height = (
            layout.totalHeightForWidth(width)
            if layout is not None and layout.hasHeightForWidth()
            else self.sizeHint().height()
        )
        # Never below the minimum the layout gives the window: the window manager
        # enforces that one (WM_NORMAL_HINTS) after we placed the window, growing it
        # downwards past the corner it was placed in.
        height = max(height, self.minimumHeight())
        screen = self.screen()
        if screen is not None:
            frame = self._margins()
            room = screen.availableGeometry().height() - 2 * SCREEN_MARGIN
            height = min(height, room - frame.top() - frame.bottom())
        self.resize(width, height)

    def _place(self) -> None:
        """Into the corner nearest the tray, on the screen with the mouse pointer (where
        the user is looking); the rule is in ``ui.placement``."""
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        self._corner = nearest_corner(screen.geometry(), self._tray_icon_area())
        margins = self._margins()
        frame = self.size().grownBy(margins)
        self.move(corner_origin(screen.availableGeometry(), frame, self._corner, SCREEN_MARGIN))
        self._placed_with = margins

    def _unminimize(self) -> None:
        """Clear the minimized state, so the next show() maps the window afresh.

        Hidden first: un-iconifying a window asks the window manager to activate it
        (openbox does, on the map request), which would take the keyboard from what the
        user is typing; a withdrawn window shown again is placed like a new one, without
        focus (WA_ShowWithoutActivating)."""
        if self.isMinimized():
            self.hide()
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)

    # Slots are bound methods, not lambdas: Qt disconnects them when the window goes.
    def _watch_screen(self, screen: QScreen) -> None:
        screen.availableGeometryChanged.connect(self._on_screen_area_changed)
        screen.geometryChanged.connect(self._on_screen_area_changed)

    def _on_screen_area_changed(self, _area: QRect) -> None:
        self._follow_screens()

    def _on_screen_removed(self, _screen: QScreen) -> None:
        # Looked at on the next pass: while screenRemoved is emitted, the screen is still
        # in the list (and screenAt() still finds it).
        QTimer.singleShot(0, self, self._follow_screens)

    def _follow_screens(self) -> None:
        """A screen went away or shrank: put a prompt that is no longer wholly on one
        back inside the screen it is mostly on, or re-place it if it is on none."""
        if not self.isVisible() or self.isMinimized():
            return
        frame = self.frameGeometry()
        screen = self._screen_showing(frame)
        if screen is None:
            self._place()
        elif not screen.availableGeometry().contains(frame):
            self.move(clamp_into(screen.availableGeometry(), frame))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._place_again_if_framed()

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 (Qt API)
        super().moveEvent(event)
        self._place_again_if_framed()

    def _place_again_if_framed(self) -> None:
        # The window manager framed the window after it was placed (at show, or with the
        # move it makes then): only now are the title bar and borders known, so place it
        # once more with them, keeping the frame clear of panels. A user's drag keeps the
        # same frame and is left alone.
        if self._placed_with is not None and self.isVisible():
            margins = self._margins()
            if margins != self._placed_with:
                self._place()
            elif not margins.isNull():
                self._placed_with = None

    def _set_illustration(self, data: bytes | None) -> None:
        self._illustration = data
        pixmap = (
            render_illustration(data, ILLUSTRATION_SIZE, self.devicePixelRatioF()) if data else None
        )
        if pixmap is None:
            self._picture.clear()
            self._picture.hide()
            return
        self._picture.setPixmap(pixmap)
        self._picture.show()
