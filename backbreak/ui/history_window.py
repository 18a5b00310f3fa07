"""The History window: today's timeline, the last week and month as charts, export, clear.

Non-modal and reused: the app keeps one instance and opens it with ``show()``; every show
(and every switch of tab) reads the figures again, so it is never stale. Only the tab on
screen is queried, and only through SQL aggregates (``History.day_counts``,
``entry_counts``, streaks) plus one day's events for the timeline: five years of history
open as fast as one week.

Each chart has its figures in words twice: as its accessible description (for screen
readers) and in a label under it (for everyone).

The sitting still going on is not in the history (a stretch is recorded by the break that
ends it), so the Today tab asks the app's status for it; while the window is open the tab
is read again every minute to keep that stretch growing up to "now".
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QDir, Qt, QTimer
from PySide6.QtGui import QAccessible, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.catalog import BODY_AREAS
from backbreak.core.day_summary import day_summary_text, elapsed_text
from backbreak.core.day_timeline import DayTimeline, Outcome, Span, day_timeline
from backbreak.core.i18n import N_, _
from backbreak.core.status import Status
from backbreak.platform.export import export_csv
from backbreak.platform.history import History
from backbreak.platform.stats import OTHER_AREA, DayCounts, StatsSummary, area_counts
from backbreak.ui.accessible import give_role
from backbreak.ui.charts import (
    OUTCOME_LABELS,
    AreaBarsChart,
    DayBar,
    DayBarsChart,
    DayBarsLegend,
    TimelineChart,
    TimelineLegend,
    day_label,
)
from backbreak.ui.fonts import RelativeFonts
from backbreak.ui.names import area_word, short_area_name
from backbreak.ui.plain_text import PlainLabel
from backbreak.ui.theme import MutedLabel

log = logging.getLogger(__name__)

TODAY_TAB, WEEK_TAB, MONTH_TAB = 0, 1, 2
WEEK_DAYS = 7
MONTH_DAYS = 30
REFRESH_MS = 60_000
"""While open, the Today tab is read again this often: the running stretch grows."""


def area_label(area: str) -> str:
    """``"lower_back"`` → ``"Lower back"``."""
    if area == OTHER_AREA:
        return _("Other (no longer in the catalog)")
    return short_area_name(area)


def _area_word(area: str) -> str:
    """``"lower_back"`` → ``"lower back"``, for use inside a sentence."""
    if area == OTHER_AREA:
        return _("other (no longer in the catalog)")
    return area_word(area)


def _count(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (translated formats such as ``"{0} days"``) filled with count."""
    return (one if count == 1 else many).format(count)


def _clock(moment: datetime, zone: tzinfo) -> str:
    local = moment.astimezone(zone)
    return f"{local.hour:02d}:{local.minute:02d}"


def sitting_now(status: Status | None, day_start: datetime, day_end: datetime) -> Span | None:
    """The sitting stretch still going on at ``status.now``, within the day shown.

    None when ``now`` lies outside ``[day_start, day_end)`` (the window shows another
    day), when nothing counts as sitting (paused: the tray says nothing of sitting then
    either), or when the stretch has not begun yet. A stretch begun the day before starts
    at midnight here, like the recorded ones.
    """
    if status is None or status.sitting_since is None:
        return None
    if status.mode in ("paused", "paused_indefinitely"):
        return None
    if not day_start <= status.now < day_end:
        return None
    start = max(status.sitting_since, day_start)
    return Span(start, status.now) if start < status.now else None


# ---- the figures in words (also what the tests compare with the database) ---------------


def timeline_description(timeline: DayTimeline, zone: tzinfo, running: Span | None = None) -> str:
    """Today's timeline in sentences, for the screen reader and the label under it;
    ``running`` is the sitting still going on now."""
    now_sentence = (
        _("Sitting for {0} now, since {1}.").format(
            elapsed_text(running.length.total_seconds()), _clock(running.start, zone)
        )
        if running is not None
        else ""
    )
    if timeline.is_empty:
        return now_sentence or _("Nothing recorded today yet.")
    outcomes: list[tuple[Outcome, str]] = [
        ("done", N_("{0} done")),
        ("snoozed", N_("{0} snoozed")),
        ("skipped", N_("{0} skipped")),
        ("paused", N_("{0} paused")),
        ("unanswered", N_("{0} not answered")),
    ]
    parts = [
        _(words).format(timeline.count(outcome))
        for outcome, words in outcomes
        if timeline.count(outcome)
    ]
    sentences = [_("Today so far: {0}.").format(", ".join(parts)) if parts else ""]
    if timeline.away:
        total = sum((span.length for span in timeline.away), timedelta(0))
        sentences.append(
            _("Away from the desk {0}, {1} in all.").format(
                _count(len(timeline.away), _("{0} time"), _("{0} times")),
                elapsed_text(total.total_seconds()),
            )
        )
    if timeline.longest is not None:
        longest = timeline.longest
        sentences.append(
            _("Longest sitting {0}, ending at {1}.").format(
                elapsed_text(longest.sat.total_seconds()), _clock(longest.end, zone)
            )
        )
    sentences.append(now_sentence)
    return " ".join(sentence for sentence in sentences if sentence)


def exercise_lines(timeline: DayTimeline, zone: tzinfo, titles: Mapping[str, str]) -> list[str]:
    """One line per exercise done or skipped today, in time order:
    ``"10:05  Done: Neck turns"``. An entry missing from ``titles`` (gone from the
    catalog) is named by its id."""
    return [
        _("{time}  {outcome}: {title}").format(
            time=_clock(marker.at, zone),
            outcome=_(OUTCOME_LABELS[marker.outcome]),
            title=titles.get(marker.entry_id, marker.entry_id),
        )
        for marker in timeline.markers
        if marker.outcome in ("done", "skipped") and marker.entry_id
    ]


def period_summary_text(summary: StatsSummary) -> str:
    """``"33 of 38 breaks done · completion rate 91 % · 1 h 1 min of stretching"``."""
    totals = summary.totals
    offered = max(totals.breaks, totals.completed)
    parts = [
        (_("{0} of 1 break done") if offered == 1 else _("{0} of {1} breaks done")).format(
            totals.completed, offered
        )
        if offered
        else _("No breaks offered")
    ]
    if summary.completion_rate is not None:
        parts.append(_("completion rate {0} %").format(round(summary.completion_rate * 100)))
    if totals.minutes_exercised > 0:
        parts.append(_("{0} of stretching").format(elapsed_text(totals.minutes_exercised * 60)))
    return " · ".join(parts)


def streak_text(summary: StatsSummary) -> str:
    days = (_("{0} day"), _("{0} days"))
    return _("Current streak {0} · best ever {1}").format(
        _count(summary.current_streak, *days), _count(summary.best_streak, *days)
    )


def bars_description(bars: Sequence[DayBar]) -> str:
    """Every day's figures, then the days without breaks, in words."""
    with_breaks = [bar for bar in bars if bar.offered or bar.done]
    sentences = [
        _("{0}: {1} of {2} done.").format(day_label(bar.day), bar.done, max(bar.offered, bar.done))
        for bar in with_breaks
    ]
    quiet = len(bars) - len(with_breaks)
    if quiet:
        sentences.append(_count(quiet, _("{0} day without breaks."), _("{0} days without breaks.")))
    backs = [bar for bar in bars if bar.back is not None]
    if backs:
        scores = ", ".join(f"{day_label(bar.day)} {bar.back}" for bar in backs)
        sentences.append(_("How your back felt (0 = no trouble, 10 = worst): {0}.").format(scores))
    return " ".join(sentences)


def bars_text(bars: Sequence[DayBar]) -> str:
    """The short version under the chart: busiest day and days with breaks."""
    with_breaks = [bar for bar in bars if bar.offered or bar.done]
    if not with_breaks:
        return _("No breaks on any of these days.")
    best = max(with_breaks, key=lambda bar: (bar.done, bar.day))
    return _("Breaks on {0} of {1} days; most done on {2} ({3} of {4}).").format(
        len(with_breaks),
        len(bars),
        day_label(best.day),
        best.done,
        max(best.offered, best.done),
    )


def areas_text(areas: Mapping[str, int]) -> str:
    """Which body areas got attention, and which none."""
    if not areas:
        return _("No exercises done in this period.")
    done = ", ".join(f"{_area_word(area)} {count}" for area, count in areas.items())
    missed = [_area_word(area) for area in BODY_AREAS if area not in areas]
    text = _("Exercises done per body area: {0}.").format(done)
    if missed:
        text += " " + _("Not reached: {0}.").format(", ".join(missed))
    return text


# ---- pages ---------------------------------------------------------------------------


def _wrapped_label() -> QLabel:
    # No accessible name: a label's is its text, the summary a screen reader must read.
    label = PlainLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


HEADING_SCALE = 1.15
"""Headings and the empty-state sentence, relative to the system font."""


def _empty_label() -> QLabel:
    label = PlainLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMargin(24)
    return label


class _Page(QStackedWidget):
    """A tab: its charts, or a friendly sentence when there is nothing to chart.

    Larger and bold text is set through the window's ``fonts``, not ``setFont`` with a
    fixed size, so it grows and shrinks with the system font while the window is open.
    """

    def __init__(self, content: QWidget, fonts: RelativeFonts) -> None:
        super().__init__()
        self.content = content
        # Scrolls instead of squeezing the charts on a small screen or with large fonts.
        # A Tab stop (keys scroll it), so each page names it after its tab.
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(content)
        self.empty = _empty_label()
        fonts.set(self.empty, HEADING_SCALE)
        self.addWidget(self.scroller)
        self.addWidget(self.empty)

    def show_content(self) -> None:
        self.setCurrentWidget(self.scroller)

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.setCurrentWidget(self.empty)

    @property
    def is_empty_shown(self) -> bool:
        return self.currentWidget() is self.empty


class TodayPage(_Page):
    def __init__(self, fonts: RelativeFonts) -> None:
        content = QWidget()
        super().__init__(content, fonts)
        self.scroller.setAccessibleName(self.tr("Today"))
        self.heading = _wrapped_label()
        fonts.set(self.heading, HEADING_SCALE, bold=True)
        self.summary = _wrapped_label()
        fonts.set(self.summary, bold=True)
        self.timeline = TimelineChart()
        self.timeline.setAccessibleName(self.tr("Today's timeline"))
        self.legend = TimelineLegend()
        self.details = _wrapped_label()
        self.exercises = _wrapped_label()
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.timeline)
        layout.addWidget(self.legend)
        layout.addWidget(self.details)
        layout.addWidget(self.exercises)
        layout.addStretch(1)


class PeriodPage(_Page):
    """The last ``days`` days: bars per day, the period's figures, body areas."""

    def __init__(self, days: int, fonts: RelativeFonts) -> None:
        content = QWidget()
        super().__init__(content, fonts)
        self.scroller.setAccessibleName(self.tr("Last {0} days").format(days))
        self.days = days
        self.heading = _wrapped_label()
        fonts.set(self.heading, HEADING_SCALE, bold=True)
        self.summary = _wrapped_label()
        fonts.set(self.summary, bold=True)
        self.streaks = _wrapped_label()
        self.streaks.setToolTip(
            self.tr(
                "A day counts towards a streak when at least one break was done and none "
                "was skipped. Days without prompts (weekends, days off) don't break it."
            )
        )
        self.bars = DayBarsChart()
        self.bars.setAccessibleName(self.tr("Breaks per day, last {0} days").format(days))
        self.bars_legend = DayBarsLegend()
        self.bars_label = _wrapped_label()
        self.areas_heading = PlainLabel(self.tr("Body areas that got attention"))
        fonts.set(self.areas_heading, HEADING_SCALE, bold=True)
        self.areas = AreaBarsChart()
        self.areas.setAccessibleName(self.tr("Exercises per body area, last {0} days").format(days))
        self.areas_label = _wrapped_label()
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.streaks)
        layout.addWidget(self.bars, 1)
        layout.addWidget(self.bars_legend)
        layout.addWidget(self.bars_label)
        layout.addSpacing(6)
        layout.addWidget(self.areas_heading)
        layout.addWidget(self.areas)
        layout.addWidget(self.areas_label)


@dataclass(frozen=True)
class _Export:
    """What the last export did, for the status line and tests."""

    path: Path
    count: int


class HistoryWindow(QWidget):
    """The History window. ``catalog_areas`` maps entry id → body areas; ``on_clear``
    deletes the history (the app's job: it also owns the running service) and is called
    only after the user confirmed. ``next_break_text``, if given, tells the empty state
    when the first prompt comes (e.g. "Next break in 23 min"). ``status``, if given, is
    the break cycle's snapshot now (``BreakService.status``): the Today tab draws the
    sitting stretch still going on from it. ``titles`` maps entry id → title, to name
    the exercises on the Today tab (an id without a title is shown as it is)."""

    def __init__(
        self,
        history: History,
        catalog_areas: Mapping[str, Sequence[str]],
        zone_provider: Callable[[], tzinfo],
        today_provider: Callable[[], date],
        on_clear: Callable[[], None],
        *,
        parent: QWidget | None = None,
        next_break_text: Callable[[], str | None] | None = None,
        status: Callable[[], Status | None] | None = None,
        titles: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        # Read as a named frame (its title), not as an unnamed "filler".
        self.setWindowTitle(self.tr("backbreak history"))
        give_role(HistoryWindow, QAccessible.Role.Window)
        self._history = history
        self._catalog_areas = dict(catalog_areas)
        self._zone = zone_provider
        self._today = today_provider
        self._on_clear = on_clear
        self._next_break_text = next_break_text
        self._status = status
        self._titles = dict(titles or {})
        self._file_dialog: QFileDialog | None = None
        self.clear_box: QMessageBox | None = None
        self.error_box: QMessageBox | None = None
        self.last_export: _Export | None = None

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("History periods"))
        self.fonts = RelativeFonts(self)
        self.today_page = TodayPage(self.fonts)
        self.week_page = PeriodPage(WEEK_DAYS, self.fonts)
        self.month_page = PeriodPage(MONTH_DAYS, self.fonts)
        self.tabs.addTab(self.today_page, self.tr("&Today"))
        self.tabs.addTab(self.week_page, self.tr("&Week"))
        self.tabs.addTab(self.month_page, self.tr("&Month"))
        self.tabs.currentChanged.connect(self._load_tab)

        self.status = _wrapped_label()
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export all history as a CSV file"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.clear_button = QPushButton(self.tr("C&lear history…"))
        self.clear_button.setAccessibleName(self.tr("Delete all recorded breaks"))
        self.clear_button.clicked.connect(self.ask_to_clear)
        close_button = QPushButton(self.tr("&Close"))
        close_button.setAccessibleName(self.tr("Close the history window"))
        close_button.clicked.connect(self.close)
        for button in (self.export_button, self.clear_button, close_button):
            button.setAutoDefault(False)
        self.privacy = MutedLabel(self.tr("Your history stays on this computer."))

        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.privacy, 1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.status.hide()
        self.resize(760, 760)

        # Only while shown, and only the Today tab reads anything: quiet when closed.
        self.minute_timer = QTimer(self)
        self.minute_timer.setInterval(REFRESH_MS)
        self.minute_timer.timeout.connect(self._refresh_today)

    def set_catalog_areas(self, catalog_areas: Mapping[str, Sequence[str]]) -> None:
        """The catalog was reloaded (user entries changed): map entries to areas anew."""
        self._catalog_areas = dict(catalog_areas)
        if self.isVisible():
            self.refresh()

    def set_titles(self, titles: Mapping[str, str]) -> None:
        """The catalog was reloaded or its language changed: name the exercises anew."""
        self._titles = dict(titles)
        if self.isVisible():
            self.refresh()

    # ---- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the figures of the tab on screen again (the others load when shown)."""
        self._load_tab(self.tabs.currentIndex())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        # Reopened from the tray hours later: show today's figures, not the old ones.
        self.refresh()
        self.minute_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        self.minute_timer.stop()
        super().hideEvent(event)

    def _refresh_today(self) -> None:
        # The week and month bars change with a finished break, not with the minutes.
        if self.tabs.currentIndex() == TODAY_TAB:
            self.refresh()

    def _load_tab(self, index: int) -> None:
        try:
            has_events = self._history.has_events()
            # Nothing to export or delete: say so by greying the buttons out.
            self.export_button.setEnabled(has_events)
            self.clear_button.setEnabled(has_events)
            if not has_events:
                self._show_no_history()
            elif index == TODAY_TAB:
                self._load_today()
            elif index == WEEK_TAB:
                self._load_period(self.week_page)
            elif index == MONTH_TAB:
                self._load_period(self.month_page)
        except sqlite3.Error as error:
            log.error("could not read the history: %s", error)
            page = self.tabs.widget(index)
            if isinstance(page, _Page):
                page.show_empty(self.tr("The history could not be read: {0}").format(error))

    def _first_prompt_text(self) -> str:
        upcoming = self._next_break_text() if self._next_break_text is not None else None
        when = f" {upcoming}." if upcoming else ""
        return self.tr(
            "No breaks yet — your first prompt comes after a stretch of sitting, and what "
            "you do with it will show up here.{0}"
        ).format(when)

    def _show_no_history(self) -> None:
        text = self._first_prompt_text()
        for page in (self.today_page, self.week_page, self.month_page):
            page.show_empty(text)

    def _load_today(self) -> None:
        page = self.today_page
        zone = self._zone()
        today = self._today()
        start = datetime.combine(today, time(0), tzinfo=zone).astimezone(UTC)
        end = datetime.combine(today + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
        timeline = day_timeline(self._history.events_between(start, end), start, end)
        running = sitting_now(self._status() if self._status is not None else None, start, end)
        # Before the day's first prompt the stretch going on is all there is to draw.
        if timeline.is_empty and running is None:
            upcoming = self._next_break_text() if self._next_break_text is not None else None
            page.show_empty(
                self.tr(
                    "Nothing recorded today yet.{0} Earlier days are under Week and Month."
                ).format(f" {upcoming}." if upcoming else "")
            )
            return
        [counts] = self._history.day_counts(today, today)
        longest = self._history.longest_sitting(today, today)
        page.heading.setText(self.tr("Today, {0}").format(day_label(today)))
        page.summary.setText(day_summary_text(counts, longest, counts.minutes_exercised))
        page.timeline.set_timeline(
            timeline, start, end, zone, sitting_now=running, titles=self._titles
        )
        words = timeline_description(timeline, zone, running)
        page.timeline.setAccessibleDescription(words)
        page.details.setText(words)
        lines = exercise_lines(timeline, zone, self._titles)
        page.exercises.setText("\n".join(lines))
        page.exercises.setVisible(bool(lines))
        page.show_content()

    def _load_period(self, page: PeriodPage) -> None:
        today = self._today()
        first = today - timedelta(days=page.days - 1)
        summary = self._history.summary(first, today, today)
        if summary.totals == DayCounts(first):  # not one event in the range
            page.show_empty(
                self.tr("No breaks in the last {0} days. {1}").format(
                    page.days, streak_text(summary)
                )
            )
            return
        backs = self._history.checkin_scores(first, today)
        bars = [
            DayBar(day.day, day.completed, day.breaks, backs.get(day.day)) for day in summary.days
        ]
        areas = area_counts(self._history.entry_counts(first, today), self._catalog_areas)
        page.heading.setText(
            self.tr("Last {0} days: {1} – {2}").format(
                page.days, day_label(first), day_label(today)
            )
        )
        page.summary.setText(period_summary_text(summary))
        page.streaks.setText(streak_text(summary))
        page.bars.set_bars(bars, today)
        page.bars_legend.set_show_back(bool(backs))
        page.bars.setAccessibleDescription(bars_description(bars))
        page.bars_label.setText(bars_text(bars))
        page.areas.set_areas([(area_label(area), count) for area, count in areas.items()])
        words = areas_text(areas)
        page.areas.setAccessibleDescription(words)
        page.areas_label.setText(words)
        page.show_content()

    # ---- export --------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        """Ask where to save (non-blocking: the dialog's ``fileSelected`` exports)."""
        if self._file_dialog is None:
            dialog = QFileDialog(self, self.tr("Export history as CSV"))
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setNameFilter(self.tr("CSV files (*.csv)"))
            dialog.setDefaultSuffix("csv")
            dialog.setDirectory(QDir.homePath())
            dialog.fileSelected.connect(self.export_to)
            self._file_dialog = dialog
        self._file_dialog.selectFile(f"backbreak-history-{self._today().isoformat()}.csv")
        self._file_dialog.open()

    def export_to(self, path: str | Path) -> None:
        """Write the CSV to ``path`` and say how it went."""
        target = Path(path)
        try:
            count = export_csv(self._history, target)
        except (OSError, sqlite3.Error) as error:
            log.error("export to %s failed: %s", target, error)
            self._show_error(
                self.tr("The history could not be exported"),
                self.tr("Nothing was written to {0}.\n\n{1}").format(target, error),
            )
            return
        self.last_export = _Export(target, count)
        events = _count(count, self.tr("{0} event"), self.tr("{0} events"))
        self.status.setText(self.tr("Saved {0} to {1}.").format(events, target))
        self.status.show()

    def _show_error(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.error_box = box
        box.open()

    # ---- clear ---------------------------------------------------------------------------

    def ask_to_clear(self) -> None:
        """Ask before deleting (non-blocking); only "Delete history" goes on."""
        if self.clear_box is None:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Clear history"))
            box.setText(self.tr("Delete every recorded break?"))
            box.setInformativeText(
                self.tr(
                    "Your charts, streaks and exports start again from nothing. Settings "
                    "are kept. This cannot be undone; export a CSV first to keep a copy."
                )
            )
            self.confirm_clear_button = box.addButton(
                self.tr("Delete history"), QMessageBox.ButtonRole.DestructiveRole
            )
            cancel = box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(cancel)
            box.setEscapeButton(cancel)
            box.buttonClicked.connect(self._clear_answered)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            self.clear_box = box
        self.clear_box.open()

    def _clear_answered(self, button: object) -> None:
        if button is self.confirm_clear_button:
            self.confirm_clear()

    def confirm_clear(self) -> None:
        """The user confirmed: clear through the app, then show the empty state."""
        try:
            self._on_clear()
        except (OSError, sqlite3.Error) as error:
            log.error("clearing the history failed: %s", error)
            self._show_error(self.tr("The history could not be cleared"), str(error))
        self.status.hide()
        self.refresh()


__all__ = [
    "MONTH_DAYS",
    "WEEK_DAYS",
    "HistoryWindow",
    "area_label",
    "areas_text",
    "bars_description",
    "bars_text",
    "exercise_lines",
    "period_summary_text",
    "sitting_now",
    "streak_text",
    "timeline_description",
]
