"""The settings window: every setting, on tabbed pages, checked as the user types.

Non-modal and reused: the app keeps one instance, calls ``set_settings`` when the stored
settings change, and opens it with ``show()``. Nothing is saved here; ``applied`` carries the
new ``Settings`` to whoever stores them. Two things the dialog cannot know itself are told
to it: whether a speech engine exists (``set_voice_unavailable``) and whether start at login
is really on (``set_autostart_state``).

Pages: Schedule, Working hours, Exercises (with the catalog browser), Notifications and
sound, Startup and appearance, History and privacy. Ctrl+Tab / Ctrl+PgDown move between
them (QTabWidget does that), and each tab has an Alt mnemonic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import time

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.catalog import Entry
from backbreak.core.i18n import N_, _
from backbreak.core.settings import EXERCISE_KINDS, INT_RANGES, WEEKDAYS, Settings, clean_names
from backbreak.ui.accessible import announce
from backbreak.ui.exercises_page import ExercisesPage
from backbreak.ui.plain_text import PlainLabel
from backbreak.ui.theme import ErrorLabel, NoticeLabel, muted

KIND_LABELS: dict[str, str] = {
    "movement": N_("Moving about (stand up, walk a little)"),
    "stretch": N_("Stretches"),
    "posture": N_("Posture checks"),
    "mobility": N_("Mobility (gentle joint circles)"),
    "strength": N_("Light strength moves"),
}
"""Labels in English, marked for extraction; shown through ``_()``."""
DAY_LABELS: dict[str, str] = {
    "mon": N_("Mon"),
    "tue": N_("Tue"),
    "wed": N_("Wed"),
    "thu": N_("Thu"),
    "fri": N_("Fri"),
    "sat": N_("Sat"),
    "sun": N_("Sun"),
}
CHECKIN_CHOICES: tuple[tuple[str, str], ...] = (
    ("weekly", N_("Once a week")),
    ("daily", N_("Every working day")),
    ("off", N_("Never")),
)

LANGUAGES: tuple[tuple[str, str], ...] = (
    ("", N_("Same as the system")),
    ("en", N_("English")),
    ("de", N_("Deutsch (German)")),
)
"""Language choices offered in the combo box: (code, label). "" follows the system."""

_HINT_INDENT = 22
"""Lines up a hint under its check box's text rather than under the box itself."""


def _to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def _plain(text: str) -> str:
    """A label without its mnemonic marker: ``"S&nooze"`` → ``"Snooze"``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _no_illustration(_entry: Entry) -> bytes | None:
    return None


class SettingsDialog(QDialog):
    """Edit a ``Settings``; OK and Apply emit ``applied(Settings)``, Cancel emits nothing."""

    applied = Signal(object)

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        entries: Sequence[Entry] = (),
        illustration_loader: Callable[[Entry], bytes | None] = _no_illustration,
    ) -> None:
        """``entries`` is the whole catalog for the Exercises page; ``illustration_loader``
        gives an entry's picture (called only for rows the user scrolls to, once each)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("backbreak settings"))
        self.setModal(False)
        self._settings = settings
        self._entries = tuple(entries)
        self._loading = False
        self._autostart_known: bool | None = None
        """The system's start-at-login state as last told, shown instead of the stored flag."""
        self._build(illustration_loader)
        self.set_settings(settings)

    # ---- construction helpers -------------------------------------------------------------

    def _spin(self, key: str, suffix: str, accessible_name: str) -> QSpinBox:
        allowed = INT_RANGES[key]
        spin = QSpinBox()
        spin.setRange(allowed.low, allowed.high)
        spin.setSuffix(suffix)
        spin.setAccessibleName(accessible_name)
        spin.valueChanged.connect(self._revalidate)
        return spin

    def _check(self, text: str, accessible_name: str | None = None) -> QCheckBox:
        box = QCheckBox(text)
        box.setAccessibleName(accessible_name or _plain(text))
        box.toggled.connect(self._revalidate)
        return box

    def _hint(self, text: str, indent: int = 0, *, wrap: bool = True) -> QLabel:
        """Secondary text under a control, in the theme's placeholder colour (readable in
        dark themes, unlike a disabled label's text). ``wrap=False`` for a short hint in a
        form's field column, which is only as wide as the number box above it."""
        label = muted(PlainLabel(text))
        label.setWordWrap(wrap)
        label.setIndent(indent)
        return label

    @staticmethod
    def _form(group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        # Number boxes as wide as their numbers, not stretched across the page.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        return form

    @staticmethod
    def _page(*parts: QWidget | QLayout) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addStretch(1)
        return page

    # ---- pages ----------------------------------------------------------------------------

    def _schedule_page(self) -> QWidget:
        minutes = self.tr(" min")
        self.interval = self._spin("interval_minutes", minutes, self.tr("Remind me every"))
        self.snooze_minutes = self._spin("snooze_minutes", minutes, self.tr("Snooze for"))
        self.snooze_limit = self._spin("snooze_limit", "", self.tr("Snoozes in a row"))
        # 0 means "no limit"; saying so in the box beats a footnote.
        self.snooze_limit.setSpecialValueText(self.tr("No limit"))
        self.away_minutes = self._spin(
            "away_minutes", minutes, self.tr("Time away that counts as a break")
        )
        breaks = QGroupBox(self.tr("Breaks"))
        form = self._form(breaks)
        form.addRow(self.tr("Remind me &every"), self.interval)
        form.addRow(self.tr("Snooze &for"), self.snooze_minutes)
        form.addRow(self.tr("Snoozes allowed in a &row"), self.snooze_limit)
        form.addRow(self.tr("Away this &long counts as a break"), self.away_minutes)

        self.typing_wait = self._spin(
            "typing_wait_seconds",
            self.tr(" s"),
            self.tr("When a break is due, wait this long for a pause in typing"),
        )
        self.typing_wait.setSpecialValueText(self.tr("Show at once"))
        self.typing_wait.setSingleStep(15)
        self.hold_fullscreen = self._check(
            self.tr("Hold breaks while a full-screen window is in fr&ont"),
            self.tr("Hold breaks while a full-screen window is in front"),
        )
        self.hold_dnd = self._check(
            self.tr("Hold breaks while Do Not &Disturb is on"),
        )
        self.hold_microphone = self._check(
            self.tr("Hold breaks while the &microphone is in use (a call)"),
        )
        self.hold_camera = self._check(self.tr("Hold breaks while the c&amera is in use"))
        self.hold_programs = QLineEdit()
        self.hold_programs.setAccessibleName(self.tr("Programs that hold breaks"))
        self.hold_programs.setPlaceholderText(self.tr("for example: zoom, obs"))
        self.hold_programs.textChanged.connect(self._revalidate)
        polite = QGroupBox(self.tr("Don't interrupt"))
        polite_form = self._form(polite)
        polite_form.addRow(self.tr("Wait for a pause in &typing, up to"), self.typing_wait)
        polite_form.addRow(
            "",
            self._hint(
                self.tr("If you keep typing, the break comes anyway. 0 = show at once."),
                wrap=False,
            ),
        )
        polite_form.addRow(self.hold_fullscreen)
        polite_form.addRow(
            self._hint(self.tr("Slides, videos and games run on; the break waits."), _HINT_INDENT)
        )
        polite_form.addRow(self.hold_dnd)
        polite_form.addRow(self.hold_microphone)
        polite_form.addRow(self.hold_camera)
        polite_form.addRow(self._hint(self.tr("One break comes when the call ends."), _HINT_INDENT))
        programs = QFormLayout()
        programs.addRow(self.tr("&Programs that hold breaks"), self.hold_programs)
        polite_form.addRow(programs)
        polite_form.addRow(
            self._hint(
                self.tr(
                    "Program or window class names, separated by commas: a break waits while "
                    "one runs or is in front."
                ),
                _HINT_INDENT,
            )
        )
        return self._page(breaks, polite)

    def _hours_page(self) -> QWidget:
        self.working_hours = self._check(self.tr("&Only remind me during working hours"))
        self.work_start = QTimeEdit()
        self.work_end = QTimeEdit()
        for edit, name in (
            (self.work_start, self.tr("Work starts")),
            (self.work_end, self.tr("Work ends")),
        ):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
            edit.timeChanged.connect(self._revalidate)
        self.days: dict[int, QCheckBox] = {}
        days_row = QHBoxLayout()
        for index, day in enumerate(WEEKDAYS):
            name = _(DAY_LABELS[day])
            box = self._check(name, self.tr("Work on {0}").format(name))
            self.days[index] = box
            days_row.addWidget(box)
        days_row.addStretch(1)
        hours_row = QHBoxLayout()
        from_label = PlainLabel(self.tr("&From"))
        from_label.setBuddy(self.work_start)
        to_label = PlainLabel(self.tr("&to"))
        to_label.setBuddy(self.work_end)
        hours_row.addWidget(from_label)
        hours_row.addWidget(self.work_start)
        hours_row.addWidget(to_label)
        hours_row.addWidget(self.work_end)
        hours_row.addStretch(1)
        self.working_hours.toggled.connect(self._update_hours_enabled)
        hours = QGroupBox(self.tr("Working hours"))
        layout = QVBoxLayout(hours)
        layout.addWidget(self.working_hours)
        layout.addWidget(
            self._hint(self.tr("Turned off, breaks come at any hour on every day."), _HINT_INDENT)
        )
        layout.addLayout(hours_row)
        layout.addLayout(days_row)
        return self._page(hours)

    def _exercises_page(self, illustration_loader: Callable[[Entry], bytes | None]) -> QWidget:
        self.kinds: dict[str, QCheckBox] = {}
        include = QGroupBox(self.tr("Kinds of exercise to include"))
        grid = QGridLayout(include)
        for position, kind in enumerate(EXERCISE_KINDS):
            box = self._check(_(KIND_LABELS.get(kind, kind)))
            box.toggled.connect(self._update_offer_rules)
            self.kinds[kind] = box
            grid.addWidget(box, position // 3, position % 3)
        self.office_friendly = self._check(self.tr("O&ffice-friendly only"))
        self.office_friendly.toggled.connect(self._update_offer_rules)
        # A check box label never wraps, so the explanation sits in a label of its own.
        office_hint = self._hint(
            self.tr("Leaves out moves that need the floor, a wall, a towel or a ball.")
        )
        self.office_friendly.setAccessibleDescription(office_hint.text())
        office_row = QHBoxLayout()
        office_row.addWidget(self.office_friendly)
        office_row.addWidget(office_hint, 1)
        grid.addLayout(office_row, 2, 0, 1, 3)

        self.exercises = ExercisesPage(self._entries, illustration_loader)
        self.exercises.changed.connect(self._revalidate)
        # The way back from the prompt's "Never show this" lives on the catalog page.
        self.unhide: QPushButton = self.exercises.unhide
        catalog = QGroupBox(self.tr("The exercises"))
        catalog_layout = QVBoxLayout(catalog)
        catalog_layout.addWidget(self.exercises)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(include)
        layout.addWidget(catalog, 1)
        return page

    def _notifications_page(self) -> QWidget:
        self.notice_seconds = self._spin(
            "notice_seconds", self.tr(" s"), self.tr("Heads-up before a break, in seconds")
        )
        self.notice_seconds.setSpecialValueText(self.tr("Off"))
        self.notice_seconds.setSingleStep(15)
        self.end_of_day_summary = self._check(
            self.tr("End-of-&day summary: how many breaks you took today")
        )
        notices = QGroupBox(self.tr("Notifications"))
        notices_form = self._form(notices)
        notices_form.addRow(self.tr("Heads-up &before a break"), self.notice_seconds)
        notices_form.addRow("", self._hint(self.tr("A desktop notification. 0 = off."), wrap=False))
        notices_form.addRow(self.end_of_day_summary)
        self.back_checkin = QComboBox()
        self.back_checkin.setAccessibleName(
            self.tr("Ask how your back feels at the end of the day")
        )
        for code, label in CHECKIN_CHOICES:
            self.back_checkin.addItem(_(label), code)
        self.back_checkin.currentIndexChanged.connect(self._revalidate)
        notices_form.addRow(self.tr("As&k how my back feels"), self.back_checkin)
        notices_form.addRow(
            "",
            self._hint(
                self.tr("One tap, 0–10, at the end of a working day; shown in History."),
                wrap=False,
            ),
        )

        self.sound = self._check(self.tr("Play a s&oft chime (start, switch sides, done)"))
        self.voice = self._check(self.tr("Speak short &cues (switch sides, done)"))
        # Palette-painted, so it suits a dark theme and follows a switch to one.
        self.voice_notice = NoticeLabel("caution")
        self.voice_notice.hide()
        sound = QGroupBox(self.tr("Sound during the countdown"))
        sound_layout = QVBoxLayout(sound)
        sound_layout.addWidget(self.sound)
        sound_layout.addWidget(self.voice)
        sound_layout.addWidget(self.voice_notice)
        return self._page(notices, sound)

    def _startup_page(self) -> QWidget:
        self.start_at_login = self._check(self.tr("Start backbreak when I &log in"))
        self.autostart_note = self._hint("", _HINT_INDENT)
        self.autostart_note.hide()
        startup = QGroupBox(self.tr("Startup"))
        startup_layout = QVBoxLayout(startup)
        startup_layout.addWidget(self.start_at_login)
        startup_layout.addWidget(self.autostart_note)

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, label in LANGUAGES:
            self.language.addItem(_(label), code)
        self.language.currentIndexChanged.connect(self._revalidate)
        self.large_prompt_text = self._check(self.tr("Larger &text in the break window"))
        self.reduced_motion = self._check(self.tr("Reduce &motion (no animations)"))
        appearance = QGroupBox(self.tr("Appearance"))
        appearance_form = self._form(appearance)
        appearance_form.addRow(self.tr("Lan&guage"), self.language)
        appearance_form.addRow(
            "", self._hint(self.tr("A new language is used after backbreak restarts."), wrap=False)
        )
        appearance_form.addRow(self.large_prompt_text)
        appearance_form.addRow(self.reduced_motion)
        return self._page(startup, appearance)

    def _history_page(self) -> QWidget:
        self.history_retention = self._spin(
            "history_retention_months",
            self.tr(" months"),
            self.tr("Delete break history older than, in months"),
        )
        self.history_retention.setSpecialValueText(self.tr("Keep forever"))
        history = QGroupBox(self.tr("Break history"))
        form = self._form(history)
        form.addRow(self.tr("&Delete history older than"), self.history_retention)
        form.addRow("", self._hint(self.tr("0 = keep it all."), wrap=False))
        form.addRow(
            self._hint(
                self.tr(
                    "Your break history stays on this computer; backbreak sends nothing anywhere."
                )
            )
        )
        return self._page(history)

    def _build(self, illustration_loader: Callable[[Entry], bytes | None]) -> None:
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.tabs.setDocumentMode(True)
        pages = (
            (self._schedule_page(), self.tr("&Schedule")),
            (self._hours_page(), self.tr("&Working hours")),
            (self._exercises_page(illustration_loader), self.tr("E&xercises")),
            (self._notifications_page(), self.tr("&Notifications && sound")),
            (self._startup_page(), self.tr("Start&up && appearance")),
            (self._history_page(), self.tr("&History && privacy")),
        )
        for page, title in pages:
            self.tabs.addTab(page, title)
        # QTabWidget answers Ctrl+Tab itself but not Ctrl+PgDown/PgUp, which many users
        # expect (browsers, KDE, GNOME). As window shortcuts they also work from a spin
        # box, which would otherwise take PgDown as "ten steps down".
        for key, step in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
            shortcut = QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), self)
            shortcut.activated.connect(lambda step=step: self._turn_page(step))

        self.problem = ErrorLabel()
        self.problem.setWordWrap(True)
        # No accessible name: the label's text (the problem itself) is what a screen
        # reader reads; a fixed name hid it. New problems are also announced, since the
        # focus stays in the field being typed into.
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        for which, name in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("OK: apply and close")),
            (QDialogButtonBox.StandardButton.Apply, self.tr("Apply the changes")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("Cancel: forget the changes")),
        ):
            self.buttons.button(which).setAccessibleName(name)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._on_button)

        # The problem text sits beside the buttons with room for two lines kept free, so
        # the dialog never jumps when a problem comes and goes.
        self.problem.setMinimumHeight(2 * self.problem.fontMetrics().lineSpacing())
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.resize(960, 640)

    # ---- public API -----------------------------------------------------------------------

    def set_settings(self, settings: Settings) -> None:
        """Show ``settings`` in the form (dropping any unapplied edits)."""
        if self._autostart_known is not None:
            # The system is the truth for start at login; "unchanged" means "as it is".
            settings = settings.replace(start_at_login=self._autostart_known)
        self._settings = settings
        self._loading = True
        try:
            self.interval.setValue(settings.interval_minutes)
            self.snooze_minutes.setValue(settings.snooze_minutes)
            self.snooze_limit.setValue(settings.snooze_limit)
            self.away_minutes.setValue(settings.away_minutes)
            self.typing_wait.setValue(settings.typing_wait_seconds)
            self.hold_fullscreen.setChecked(settings.hold_when_fullscreen)
            self.hold_dnd.setChecked(settings.hold_when_dnd)
            self.hold_microphone.setChecked(settings.hold_when_microphone)
            self.hold_camera.setChecked(settings.hold_when_camera)
            self.hold_programs.setText(", ".join(settings.hold_programs))
            self.working_hours.setChecked(settings.working_hours_enabled)
            self.work_start.setTime(_to_qtime(settings.work_start))
            self.work_end.setTime(_to_qtime(settings.work_end))
            for index, box in self.days.items():
                box.setChecked(index in settings.working_days)
            for kind, box in self.kinds.items():
                box.setChecked(kind in settings.enabled_kinds)
            self.office_friendly.setChecked(settings.office_friendly_only)
            self.exercises.set_marks(settings.hidden_entries, settings.favourite_entries)
            self.notice_seconds.setValue(settings.notice_seconds)
            self.end_of_day_summary.setChecked(settings.end_of_day_summary)
            index = self.back_checkin.findData(settings.back_checkin)
            self.back_checkin.setCurrentIndex(max(0, index))
            self.sound.setChecked(settings.sound)
            self.voice.setChecked(settings.voice)
            self.start_at_login.setChecked(settings.start_at_login)
            self._select_language(settings.language)
            self.large_prompt_text.setChecked(settings.large_prompt_text)
            self.reduced_motion.setChecked(settings.reduced_motion)
            self.history_retention.setValue(settings.history_retention_months)
        finally:
            self._loading = False
        self._update_hours_enabled(settings.working_hours_enabled)
        self._update_offer_rules()
        self._revalidate()

    def form_settings(self) -> Settings:
        """The settings as currently entered (may be invalid; see ``problems()``).

        Built field by field from the form rather than copied from the stored settings, so
        a setting without a control here comes back as its default and the round-trip test
        notices.
        """
        days = frozenset(index for index, box in self.days.items() if box.isChecked())
        kinds = frozenset(kind for kind, box in self.kinds.items() if box.isChecked())
        return Settings(
            interval_minutes=self.interval.value(),
            snooze_minutes=self.snooze_minutes.value(),
            snooze_limit=self.snooze_limit.value(),
            notice_seconds=self.notice_seconds.value(),
            working_hours_enabled=self.working_hours.isChecked(),
            work_start=_from_qtime(self.work_start.time()),
            work_end=_from_qtime(self.work_end.time()),
            # An empty set cannot be saved; keep the old days while hours are off.
            working_days=days or self._settings.working_days,
            away_minutes=self.away_minutes.value(),
            enabled_kinds=kinds,
            office_friendly_only=self.office_friendly.isChecked(),
            sound=self.sound.isChecked(),
            voice=self.voice.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
            typing_wait_seconds=self.typing_wait.value(),
            hold_when_fullscreen=self.hold_fullscreen.isChecked(),
            hold_when_dnd=self.hold_dnd.isChecked(),
            hold_when_microphone=self.hold_microphone.isChecked(),
            hold_when_camera=self.hold_camera.isChecked(),
            hold_programs=clean_names(self.hold_programs.text().split(",")),
            end_of_day_summary=self.end_of_day_summary.isChecked(),
            back_checkin=str(self.back_checkin.currentData()),
            history_retention_months=self.history_retention.value(),
            language=str(self.language.currentData()),
            large_prompt_text=self.large_prompt_text.isChecked(),
            reduced_motion=self.reduced_motion.isChecked(),
            hidden_entries=self.exercises.hidden_entries(),
            favourite_entries=self.exercises.favourite_entries(),
        )

    def problems(self) -> list[str]:
        """What stops the form from being applied, in words for the user."""
        found: list[str] = []
        if self.working_hours.isChecked():
            if self.work_start.time() == self.work_end.time():
                found.append(self.tr("Working hours must start and end at different times."))
            if not any(box.isChecked() for box in self.days.values()):
                found.append(self.tr("Pick at least one working day, or turn working hours off."))
        if not any(box.isChecked() for box in self.kinds.values()):
            found.append(self.tr("Keep at least one kind of exercise."))
        elif self._entries and not self._any_entry_offered():
            found.append(
                self.tr(
                    "No exercise is left to show: tick one on the Exercises page, or turn"
                    " on another kind."
                )
            )
        return found

    def set_voice_unavailable(self, reason: str | None) -> None:
        """With a reason, spoken cues can't work here: say why and disable the check box
        (its tick stays as the user set it, for when an engine is installed)."""
        self.voice.setEnabled(reason is None)
        self.voice_notice.setText(reason or "")
        self.voice_notice.setVisible(reason is not None)
        self.voice.setAccessibleDescription(reason or "")

    def set_autostart_state(self, enabled: bool | None, note: str | None = None) -> None:
        """Show whether backbreak really starts at login, as read from the system.

        ``enabled=None``: unknown or unsupported here; the check box is disabled and
        ``note`` says why. A known state replaces the stored flag in the form (also in
        later ``set_settings`` calls) and does not count as an unapplied change.
        """
        self._autostart_known = enabled
        self.start_at_login.setEnabled(enabled is not None)
        self.autostart_note.setText(note or "")
        self.autostart_note.setVisible(bool(note))
        self.start_at_login.setAccessibleDescription(note or "")
        if enabled is not None:
            # Other unapplied edits stay as the user left them.
            self._settings = self._settings.replace(start_at_login=enabled)
            self._loading = True
            try:
                self.start_at_login.setChecked(enabled)
            finally:
                self._loading = False
        self._revalidate()

    # ---- behaviour ------------------------------------------------------------------------

    def _any_entry_offered(self) -> bool:
        # The picker's hard rules only: office-friendly is a preference it drops when
        # nothing else is left, so it can't empty the choice on its own.
        kinds = {kind for kind, box in self.kinds.items() if box.isChecked()}
        hidden = self.exercises.hidden_entries()
        return any(entry.kind in kinds and entry.id not in hidden for entry in self._entries)

    def _turn_page(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _select_language(self, code: str) -> None:
        index = self.language.findData(code)
        if index < 0:
            # A code set in the file that the list doesn't offer: keep it, show it as is.
            self.language.addItem(code, code)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)

    def _update_hours_enabled(self, enabled: bool) -> None:
        self.work_start.setEnabled(enabled)
        self.work_end.setEnabled(enabled)
        for box in self.days.values():
            box.setEnabled(enabled)

    def _update_offer_rules(self) -> None:
        kinds = frozenset(kind for kind, box in self.kinds.items() if box.isChecked())
        self.exercises.set_offer_rules(kinds, self.office_friendly.isChecked())

    def _revalidate(self) -> None:
        if self._loading:
            return
        found = self.problems()
        text = "\n".join(found)
        if text != self.problem.text():
            self.problem.setText(text)
            announce(self, text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        ok.setEnabled(not found)
        # Apply only when there is something new to apply.
        apply.setEnabled(not found and self.form_settings() != self._settings)

    def _on_button(self, button: QAbstractButton) -> None:
        if button is self.buttons.button(QDialogButtonBox.StandardButton.Apply):
            self._apply()

    def _apply(self) -> bool:
        if self.problems():
            return False
        settings = self.form_settings()
        self._settings = settings
        self._revalidate()
        self.applied.emit(settings)
        return True

    def _ok(self) -> None:
        if self._apply():
            self.accept()

    def reject(self) -> None:
        """Cancel: forget the edits so the next ``show()`` starts from the stored values."""
        self.set_settings(self._settings)
        super().reject()
