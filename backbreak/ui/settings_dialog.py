"""The settings window: every setting on one page, checked as the user types.

Non-modal and reused: the app keeps one instance, calls ``set_settings`` when the stored
settings change, and opens it with ``show()``. Nothing is saved here; ``applied`` carries the
new ``Settings`` to whoever stores them.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.settings import EXERCISE_KINDS, INT_RANGES, WEEKDAYS, Settings

KIND_LABELS: dict[str, str] = {
    "movement": "Moving about (stand up, walk a little)",
    "stretch": "Stretches",
    "posture": "Posture checks",
    "mobility": "Mobility (gentle joint circles)",
    "strength": "Light strength moves",
}
DAY_LABELS: dict[str, str] = {
    "mon": "Mon",
    "tue": "Tue",
    "wed": "Wed",
    "thu": "Thu",
    "fri": "Fri",
    "sat": "Sat",
    "sun": "Sun",
}
_ERROR_STYLE = "QLabel { color: #b3261e; }"


def _to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class SettingsDialog(QDialog):
    """Edit a ``Settings``; OK and Apply emit ``applied(Settings)``, Cancel emits nothing."""

    applied = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("backbreak settings"))
        self.setModal(False)
        self._settings = settings
        self._loading = False
        self._unhidden = False
        """The user asked to bring back every "never show" exercise (applied on OK/Apply)."""
        self._build()
        self.set_settings(settings)

    # ---- construction ---------------------------------------------------------------------

    def _spin(self, key: str, suffix: str, accessible_name: str) -> QSpinBox:
        allowed = INT_RANGES[key]
        spin = QSpinBox()
        spin.setRange(allowed.low, allowed.high)
        spin.setSuffix(suffix)
        spin.setAccessibleName(accessible_name)
        spin.valueChanged.connect(self._revalidate)
        return spin

    def _check(self, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.toggled.connect(self._revalidate)
        return box

    def _build(self) -> None:
        minutes = self.tr(" min")

        self.interval = self._spin("interval_minutes", minutes, self.tr("Remind me every"))
        self.snooze_minutes = self._spin("snooze_minutes", minutes, self.tr("Snooze for"))
        self.snooze_limit = self._spin("snooze_limit", "", self.tr("Snoozes in a row"))
        # 0 means "no limit"; saying so in the box beats a footnote.
        self.snooze_limit.setSpecialValueText(self.tr("No limit"))
        self.away_minutes = self._spin(
            "away_minutes", minutes, self.tr("Time away that counts as a break")
        )
        schedule = QGroupBox(self.tr("Schedule"))
        schedule_form = QFormLayout(schedule)
        schedule_form.addRow(self.tr("Remind me &every"), self.interval)
        schedule_form.addRow(self.tr("S&nooze for"), self.snooze_minutes)
        schedule_form.addRow(self.tr("Snoozes allowed in a &row"), self.snooze_limit)
        schedule_form.addRow(self.tr("&Away this long counts as a break"), self.away_minutes)

        self.working_hours = self._check(self.tr("&Only remind me during working hours"))
        self.work_start = QTimeEdit()
        self.work_end = QTimeEdit()
        for edit, name in ((self.work_start, "Work starts"), (self.work_end, "Work ends")):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(self.tr(name))
            edit.timeChanged.connect(self._revalidate)
        self.days: dict[int, QCheckBox] = {}
        days_row = QHBoxLayout()
        for index, day in enumerate(WEEKDAYS):
            box = self._check(self.tr(DAY_LABELS[day]))
            box.setAccessibleName(self.tr("Work on {0}").format(self.tr(DAY_LABELS[day])))
            self.days[index] = box
            days_row.addWidget(box)
        days_row.addStretch(1)
        hours_row = QHBoxLayout()
        from_label = QLabel(self.tr("&From"))
        from_label.setBuddy(self.work_start)
        to_label = QLabel(self.tr("&to"))
        to_label.setBuddy(self.work_end)
        hours_row.addWidget(from_label)
        hours_row.addWidget(self.work_start)
        hours_row.addWidget(to_label)
        hours_row.addWidget(self.work_end)
        hours_row.addStretch(1)
        self.working_hours.toggled.connect(self._update_hours_enabled)
        hours = QGroupBox(self.tr("Working hours"))
        hours_layout = QVBoxLayout(hours)
        hours_layout.addWidget(self.working_hours)
        hours_layout.addLayout(hours_row)
        hours_layout.addLayout(days_row)

        self.kinds: dict[str, QCheckBox] = {}
        exercises = QGroupBox(self.tr("Exercises"))
        exercises_layout = QVBoxLayout(exercises)
        for kind in EXERCISE_KINDS:
            box = self._check(self.tr(KIND_LABELS.get(kind, kind)))
            self.kinds[kind] = box
            exercises_layout.addWidget(box)
        self.office_friendly = self._check(self.tr("O&ffice-friendly only"))
        # A check box label never wraps, so the explanation sits in a label of its own.
        office_hint = QLabel(
            self.tr("Leaves out moves that need the floor, a wall, a towel or a ball.")
        )
        office_hint.setWordWrap(True)
        office_hint.setIndent(22)
        self.office_friendly.setAccessibleDescription(office_hint.text())
        exercises_layout.addWidget(self.office_friendly)
        exercises_layout.addWidget(office_hint)
        # The way back from the prompt's "Never show this".
        self.unhide = QPushButton()
        self.unhide.setAutoDefault(False)
        self.unhide.clicked.connect(self._unhide_all)
        unhide_row = QHBoxLayout()
        unhide_row.addWidget(self.unhide)
        unhide_row.addStretch(1)
        exercises_layout.addLayout(unhide_row)
        exercises_layout.addStretch(1)

        self.notice_seconds = self._spin(
            "notice_seconds", self.tr(" s"), self.tr("Heads-up before a break, in seconds")
        )
        self.notice_seconds.setSpecialValueText(self.tr("Off"))
        self.notice_seconds.setSingleStep(15)
        self.sound = self._check(self.tr("Play a soft &sound"))
        self.voice = self._check(self.tr("Read the steps out &loud"))
        notifications = QGroupBox(self.tr("Notifications and sound"))
        notifications_form = QFormLayout(notifications)
        notifications_form.addRow(self.tr("&Heads-up before a break"), self.notice_seconds)
        notice_hint = QLabel(self.tr("0 = off"))
        notice_hint.setEnabled(False)
        notifications_form.addRow("", notice_hint)
        notifications_form.addRow(self.sound)
        notifications_form.addRow(self.voice)

        self.start_at_login = self._check(self.tr("Start backbreak when I &log in"))
        startup = QGroupBox(self.tr("Startup"))
        startup_layout = QVBoxLayout(startup)
        startup_layout.addWidget(self.start_at_login)

        self.problem = QLabel()
        self.problem.setStyleSheet(_ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with these settings"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._on_button)

        grid = QGridLayout()
        grid.addWidget(schedule, 0, 0)
        grid.addWidget(hours, 1, 0)
        grid.addWidget(exercises, 0, 1)
        grid.addWidget(notifications, 1, 1)
        grid.addWidget(startup, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        # The problem text sits beside the buttons with room for two lines kept free, so
        # the dialog never jumps or squeezes its groups when a problem comes and goes.
        self.problem.setMinimumHeight(2 * self.problem.fontMetrics().lineSpacing())
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(bottom)

    # ---- public API -----------------------------------------------------------------------

    def set_settings(self, settings: Settings) -> None:
        """Show ``settings`` in the form (dropping any unapplied edits)."""
        self._settings = settings
        self._loading = True
        try:
            self.interval.setValue(settings.interval_minutes)
            self.snooze_minutes.setValue(settings.snooze_minutes)
            self.snooze_limit.setValue(settings.snooze_limit)
            self.away_minutes.setValue(settings.away_minutes)
            self.working_hours.setChecked(settings.working_hours_enabled)
            self.work_start.setTime(_to_qtime(settings.work_start))
            self.work_end.setTime(_to_qtime(settings.work_end))
            for index, box in self.days.items():
                box.setChecked(index in settings.working_days)
            for kind, box in self.kinds.items():
                box.setChecked(kind in settings.enabled_kinds)
            self.office_friendly.setChecked(settings.office_friendly_only)
            self.notice_seconds.setValue(settings.notice_seconds)
            self.sound.setChecked(settings.sound)
            self.voice.setChecked(settings.voice)
            self.start_at_login.setChecked(settings.start_at_login)
            self._unhidden = False
            self._update_unhide_button()
        finally:
            self._loading = False
        self._update_hours_enabled(settings.working_hours_enabled)
        self._revalidate()

    def form_settings(self) -> Settings:
        """The settings as currently entered (may be invalid; see ``problems()``)."""
        days = frozenset(index for index, box in self.days.items() if box.isChecked())
        kinds = frozenset(kind for kind, box in self.kinds.items() if box.isChecked())
        return self._settings.replace(
            interval_minutes=self.interval.value(),
            snooze_minutes=self.snooze_minutes.value(),
            snooze_limit=self.snooze_limit.value(),
            away_minutes=self.away_minutes.value(),
            working_hours_enabled=self.working_hours.isChecked(),
            work_start=_from_qtime(self.work_start.time()),
            work_end=_from_qtime(self.work_end.time()),
            # An empty set cannot be saved; keep the old days while hours are off.
            working_days=days or self._settings.working_days,
            enabled_kinds=kinds,
            office_friendly_only=self.office_friendly.isChecked(),
            notice_seconds=self.notice_seconds.value(),
            sound=self.sound.isChecked(),
            voice=self.voice.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
            hidden_entries=frozenset() if self._unhidden else self._settings.hidden_entries,
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
        return found

    # ---- behaviour ------------------------------------------------------------------------

    def _unhide_all(self) -> None:
        self._unhidden = True
        self._update_unhide_button()
        self._revalidate()

    def _update_unhide_button(self) -> None:
        count = 0 if self._unhidden else len(self._settings.hidden_entries)
        self.unhide.setText(self.tr("Show hidden exercises again ({0})").format(count))
        self.unhide.setAccessibleName(self.tr("Show hidden exercises again"))
        self.unhide.setEnabled(count > 0)

    def _update_hours_enabled(self, enabled: bool) -> None:
        self.work_start.setEnabled(enabled)
        self.work_end.setEnabled(enabled)
        for box in self.days.values():
            box.setEnabled(enabled)

    def _revalidate(self) -> None:
        if self._loading:
            return
        found = self.problems()
        self.problem.setText("\n".join(found))
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
