"""The welcome window: shown on the first start only (and on ``backbreak welcome``).

It asks the few things that decide whether the first day goes well: working hours and
days, how often, office-friendly moves only, start at login; and it offers to try one
break now, so the person sees what a prompt looks like before the first one interrupts.
Closing it keeps the settings as they were; the app decides when it is shown.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.i18n import _
from backbreak.core.settings import INT_RANGES, Settings
from backbreak.ui.accessible import announce
from backbreak.ui.fonts import RelativeFonts
from backbreak.ui.names import WEEKDAY_NAMES
from backbreak.ui.theme import muted


def _to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class WelcomeDialog(QDialog):
    """Emits ``chosen(settings, try_now)`` when the person starts; nothing when closed."""

    chosen = Signal(object, bool)

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        start_at_login: bool | None = None,
    ) -> None:
        """``start_at_login`` is the system's state (None: this system can't tell)."""
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Welcome to backbreak"))
        self.setModal(False)

        heading = QLabel(self.tr("Stand up once in a while, move for a minute"))
        # A multiple of the system font, kept when it changes (see ui.fonts).
        self._fonts = RelativeFonts(self)
        self._fonts.set(heading, 1.3, bold=True)
        intro = QLabel(
            self.tr(
                "backbreak waits in the tray and, after a stretch of sitting, asks you to get "
                "up and do one short move. It waits while you type, present or are on a "
                "call, and time away from the desk counts as a break."
            )
        )
        intro.setWordWrap(True)

        self.interval = QSpinBox()
        allowed = INT_RANGES["interval_minutes"]
        self.interval.setRange(allowed.low, allowed.high)
        self.interval.setSingleStep(5)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setAccessibleName(self.tr("Remind me every"))
        self.interval.setValue(settings.interval_minutes)

        self.work_start = QTimeEdit(_to_qtime(settings.work_start))
        self.work_start.setDisplayFormat("HH:mm")
        self.work_start.setAccessibleName(self.tr("Working day starts at"))
        self.work_end = QTimeEdit(_to_qtime(settings.work_end))
        self.work_end.setDisplayFormat("HH:mm")
        self.work_end.setAccessibleName(self.tr("Working day ends at"))
        hours = QHBoxLayout()
        hours.addWidget(self.work_start)
        hours.addWidget(QLabel(self.tr("to")))
        hours.addWidget(self.work_end)
        hours.addStretch(1)

        self.days: dict[int, QCheckBox] = {}
        days = QHBoxLayout()
        for index, name in enumerate(WEEKDAY_NAMES):
            box = QCheckBox(_(name))
            box.setChecked(index in settings.working_days)
            box.toggled.connect(self._revalidate)
            self.days[index] = box
            days.addWidget(box)
        days.addStretch(1)

        form = QFormLayout()
        # Number boxes as wide as their numbers, not stretched across the window.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Remind me &every"), self.interval)
        form.addRow(self.tr("&Working hours"), hours)
        form.addRow(self.tr("Working days"), days)
        label = form.labelForField(hours)
        if isinstance(label, QLabel):
            label.setBuddy(self.work_start)

        # On by default here: a move that needs the floor, a towel or a ball is a poor
        # first impression in an office, and the full catalog is one tick away.
        self.office_friendly = QCheckBox(
            self.tr("&Office-friendly moves only (nothing that needs the floor, a towel or a ball)")
        )
        self.office_friendly.setChecked(True)
        self.start_at_login = QCheckBox(self.tr("Start backbreak when I &log in"))
        self.start_at_login.setChecked(
            settings.start_at_login if start_at_login is None else start_at_login
        )

        later = muted(QLabel(self.tr("All of this can be changed later in Settings.")))
        later.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        # No accessible name: the label's text, the problem itself, is what is read.

        self.try_now = QPushButton(self.tr("&Try one now"))
        self.try_now.setAccessibleName(self.tr("Save and show a break now"))
        self.start = QPushButton(self.tr("&Start"))
        self.start.setAccessibleName(self.tr("Save and start"))
        self.start.setDefault(True)
        # "Start" is the main way out, on the right where dialogs keep it; trying one
        # first is offered beside it.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.try_now)
        buttons.addWidget(self.start)
        self.try_now.clicked.connect(lambda: self._finish(try_now=True))
        self.start.clicked.connect(lambda: self._finish(try_now=False))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.office_friendly)
        layout.addWidget(self.start_at_login)
        layout.addSpacing(8)
        layout.addWidget(later)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.work_start.timeChanged.connect(self._revalidate)
        self.work_end.timeChanged.connect(self._revalidate)
        self.setMinimumWidth(560)
        self._revalidate()
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)

    def chosen_settings(self) -> Settings:
        """The settings as chosen here; everything the window doesn't ask stays as it was."""
        days = frozenset(index for index, box in self.days.items() if box.isChecked())
        return self._settings.replace(
            interval_minutes=self.interval.value(),
            work_start=_from_qtime(self.work_start.time()),
            work_end=_from_qtime(self.work_end.time()),
            working_days=days or self._settings.working_days,
            office_friendly_only=self.office_friendly.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
        )

    def problems(self) -> list[str]:
        found = []
        if self.work_start.time() == self.work_end.time():
            found.append(self.tr("The working day must start and end at different times."))
        if not any(box.isChecked() for box in self.days.values()):
            found.append(self.tr("Pick at least one working day."))
        return found

    def _revalidate(self) -> None:
        problems = self.problems()
        text = " ".join(problems)
        if text != self.problem.text():
            self.problem.setText(text)
            announce(self, text)  # the focus stays in the field being typed into
        self.problem.setVisible(bool(problems))
        self.start.setEnabled(not problems)
        self.try_now.setEnabled(not problems)

    def _finish(self, *, try_now: bool) -> None:
        if self.problems():
            return
        self.chosen.emit(self.chosen_settings(), try_now)
        self.accept()
