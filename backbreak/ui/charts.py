"""The History window's charts, drawn with QPainter: a day timeline, bars per day, areas.

Colours come from the widget's palette (text, mid, highlight) so the charts read in light
and dark themes alike; the few fixed outcome colours are mid-tones that show on both.
Nothing is told by colour alone: each prompt outcome has its own marker shape, done and
offered bars differ by fill, and the longest sitting stretch carries a label. The words
for screen readers (accessible name and description) are set by the window, which also
shows them as text under each chart.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from backbreak.core.day_summary import elapsed_text
from backbreak.core.day_timeline import OUTCOMES, DayTimeline, Outcome, Span
from backbreak.core.i18n import N_, _
from backbreak.ui.names import month_name, weekday_name
from backbreak.ui.plain_text import tooltip_html

OUTCOME_COLOURS: dict[Outcome, str] = {
    "done": "#2f9e44",
    "snoozed": "#e8a317",
    "skipped": "#e03131",
    "away": "#4c8bf5",
    "paused": "#868e96",
    "unanswered": "",  # drawn hollow in the text colour
}
# The words in English, marked for extraction; shown through _() (backbreak.core.i18n).
OUTCOME_LABELS: dict[Outcome, str] = {
    "done": N_("Done"),
    "snoozed": N_("Snoozed"),
    "skipped": N_("Skipped"),
    "away": N_("Away"),
    "paused": N_("Paused"),
    "unanswered": N_("No answer"),
}


def day_label(day: date) -> str:
    """``"Tue 10 Mar"`` (our own names, like ``ui.texts``, in the app's language)."""
    return _("{weekday} {day} {month}").format(
        weekday=weekday_name(day), day=day.day, month=month_name(day)
    )


def _day_month(day: date) -> str:
    """``"10 Mar"``."""
    return _("{day} {month}").format(day=day.day, month=month_name(day))


def _role(widget: QWidget, role: QPalette.ColorRole, alpha: int = 255) -> QColor:
    colour = QColor(widget.palette().color(role))
    colour.setAlpha(alpha)
    return colour


def paint_marker(
    painter: QPainter, outcome: Outcome, centre: QPointF, size: float, text: QColor
) -> None:
    """One outcome's marker: circle (done), triangle (snoozed), cross (skipped), square
    (away), pause bars (paused), hollow diamond (no answer)."""
    half = size / 2
    x, y = centre.x(), centre.y()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(OUTCOME_COLOURS[outcome]) if OUTCOME_COLOURS[outcome] else text
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    if outcome == "done":
        painter.drawEllipse(centre, half, half)
    elif outcome == "snoozed":
        # Points to the right: "later".
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x - half, y - half), QPointF(x + half, y), QPointF(x - half, y + half)]
            )
        )
    elif outcome == "skipped":
        pen = QPen(colour, max(2.0, size / 4))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        inner = half * 0.8
        painter.drawLine(QPointF(x - inner, y - inner), QPointF(x + inner, y + inner))
        painter.drawLine(QPointF(x - inner, y + inner), QPointF(x + inner, y - inner))
    elif outcome == "away":
        painter.drawRect(QRectF(x - half * 0.85, y - half * 0.85, size * 0.85, size * 0.85))
    elif outcome == "paused":
        bar = size * 0.3
        painter.drawRect(QRectF(x - half * 0.85, y - half, bar, size))
        painter.drawRect(QRectF(x + half * 0.85 - bar, y - half, bar, size))
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 1.6))
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, y - half),
                    QPointF(x + half, y),
                    QPointF(x, y + half),
                    QPointF(x - half, y),
                ]
            )
        )
    painter.restore()


@dataclass(frozen=True)
class _Placed:
    """A marker where it was drawn, for tooltips."""

    rect: QRectF
    text: str


def paint_sitting_now(painter: QPainter, rect: QRectF, text: QColor) -> None:
    """The stretch still going on: a faint fill crossed by hatching, with a dashed
    outline, so it differs from the finished (solid) stretches by more than colour."""
    painter.save()
    fill = QColor(text)
    fill.setAlpha(35)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 3, 3)
    hatch = QColor(text)
    hatch.setAlpha(130)
    painter.setBrush(QBrush(hatch, Qt.BrushStyle.FDiagPattern))
    painter.drawRoundedRect(rect, 3, 3)
    outline = QPen(hatch, 1.2, Qt.PenStyle.DashLine)
    painter.setPen(outline)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect.adjusted(0.6, 0.6, -0.6, -0.6), 3, 3)
    painter.restore()


class TimelineChart(QWidget):
    """One day: sitting stretches as bars, time away and pauses as hatched bands, each
    prompt's outcome as a marker under the bars, the longest stretch labelled; the
    sitting still going on now (if the day shown is today) hatched up to a "now" line."""

    MARKER_SIZE = 11.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timeline: DayTimeline | None = None
        self._sitting_now: Span | None = None
        self._titles: dict[str, str] = {}
        self._zone: tzinfo = UTC
        self._day_start = datetime(1970, 1, 1, tzinfo=UTC)
        self._day_end = self._day_start + timedelta(days=1)
        self._placed: list[_Placed] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(420)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        line = self.fontMetrics().height()
        # Label, bar, three marker rows, axis labels: what _paint lays out.
        height = line + 6 + max(18.0, line * 1.2) + 6 + 3 * self.MARKER_SIZE + 4 + 4 + line + 4
        return QSize(640, math.ceil(height))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(420, self.sizeHint().height())

    def set_timeline(
        self,
        timeline: DayTimeline,
        day_start: datetime,
        day_end: datetime,
        zone: tzinfo,
        *,
        sitting_now: Span | None = None,
        titles: Mapping[str, str] | None = None,
    ) -> None:
        """Draw ``timeline``; ``sitting_now`` is the stretch still going on (its end is
        "now"); ``titles`` (entry id → title) names the exercises in the tooltips."""
        self._timeline = timeline
        self._sitting_now = sitting_now
        self._titles = dict(titles or {})
        self._day_start, self._day_end, self._zone = day_start, day_end, zone
        self.update()

    @property
    def sitting_now(self) -> Span | None:
        return self._sitting_now

    def tooltips(self) -> list[str]:
        """Every tooltip as last painted, bars first, then markers (for tests)."""
        return [placed.text for placed in self._placed]

    # ---- geometry ----------------------------------------------------------------------

    def axis_range(self) -> tuple[datetime, datetime]:
        """Whole local hours around everything drawn, at least four hours, within the day."""
        timeline = self._timeline
        moments: list[datetime] = []
        if timeline is not None:
            for span in (*timeline.stretches, *timeline.away, *timeline.paused):
                moments += [span.start, span.end]
            moments += [marker.at for marker in timeline.markers]
        if self._sitting_now is not None:
            moments += [self._sitting_now.start, self._sitting_now.end]
        if not moments:
            start = self._day_start + timedelta(hours=9)
            return start, start + timedelta(hours=9)
        first = self._floor_hour(min(moments))
        last = self._floor_hour(max(moments))
        if last < max(moments):
            last += timedelta(hours=1)
        if last - first < timedelta(hours=4):
            last = first + timedelta(hours=4)
        return max(first, self._day_start), min(last, self._day_end)

    def _floor_hour(self, moment: datetime) -> datetime:
        local = moment.astimezone(self._zone)
        return local.replace(minute=0, second=0, microsecond=0).astimezone(UTC)

    # ---- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._placed = []
        metrics = self.fontMetrics()
        line = metrics.height()
        text = _role(self, QPalette.ColorRole.WindowText)
        faint = _role(self, QPalette.ColorRole.WindowText, 70)
        # Room for half an hour label at each end.
        half_label = metrics.horizontalAdvance("00:00") / 2 + 4
        left, right = half_label, self.width() - half_label
        label_top = 2.0
        bar_top = label_top + line + 6
        bar_height = max(18.0, line * 1.2)
        marker_top = bar_top + bar_height + 6
        axis_y = marker_top + 3 * self.MARKER_SIZE + 4
        first, last = self.axis_range()
        total = max((last - first).total_seconds(), 1.0)

        def x_of(moment: datetime) -> float:
            share = (moment - first).total_seconds() / total
            return left + (right - left) * min(1.0, max(0.0, share))

        # Hour grid and labels.
        span_hours = total / 3600
        step = 1 if span_hours <= 10 else 2
        painter.setPen(QPen(faint, 1))
        tick = first
        while tick <= last:
            local = tick.astimezone(self._zone)
            if local.hour % step == 0:
                x = x_of(tick)
                painter.drawLine(QPointF(x, bar_top - 2), QPointF(x, axis_y + 3))
                label = f"{local.hour:02d}:00"
                width = metrics.horizontalAdvance(label)
                painter.setPen(text)
                painter.drawText(
                    QRectF(x - width / 2 - 2, axis_y + 4, width + 4, line),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )
                painter.setPen(QPen(faint, 1))
            tick += timedelta(hours=1)
        painter.drawLine(QPointF(left, axis_y), QPointF(right, axis_y))

        timeline = self._timeline
        if timeline is None:
            return

        # Pauses and time away: hatched bands behind the bars.
        for spans, colour in (
            (timeline.paused, QColor(OUTCOME_COLOURS["paused"])),
            (timeline.away, QColor(OUTCOME_COLOURS["away"])),
        ):
            for span in spans:
                x0, x1 = x_of(span.start), x_of(span.end)
                rect = QRectF(x0, bar_top, max(2.0, x1 - x0), bar_height)
                painter.setPen(Qt.PenStyle.NoPen)
                fill = QColor(colour)
                fill.setAlpha(60)
                painter.setBrush(fill)
                painter.drawRect(rect)
                painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
                painter.drawRect(rect)

        # Sitting stretches; the longest in the highlight colour, outlined and labelled.
        sitting = _role(self, QPalette.ColorRole.WindowText, 90)
        highlight = _role(self, QPalette.ColorRole.Highlight)
        for stretch in timeline.stretches:
            x0, x1 = x_of(stretch.start), x_of(stretch.end)
            rect = QRectF(x0, bar_top, max(3.0, x1 - x0 - 1), bar_height)
            longest = stretch is timeline.longest
            painter.setPen(QPen(text, 1.5) if longest else Qt.PenStyle.NoPen)
            painter.setBrush(highlight if longest else sitting)
            painter.drawRoundedRect(rect, 3, 3)
            self._placed.append(
                _Placed(
                    rect,
                    _("Sitting {0}–{1} ({2})").format(
                        self._clock(stretch.start),
                        self._clock(stretch.end),
                        elapsed_text(stretch.sat.total_seconds()),
                    ),
                )
            )
        running = self._sitting_now
        if running is not None:
            x0, x1 = x_of(running.start), x_of(running.end)
            rect = QRectF(x0, bar_top, max(3.0, x1 - x0), bar_height)
            paint_sitting_now(painter, rect, text)
            # "Now": the open end of the stretch, reaching down over the marker rows.
            painter.setPen(QPen(text, 1.5))
            painter.drawLine(QPointF(x1, bar_top - 3), QPointF(x1, axis_y))
            self._placed.append(
                _Placed(
                    rect,
                    _("Sitting since {0}, {1} so far").format(
                        self._clock(running.start),
                        elapsed_text(running.length.total_seconds()),
                    ),
                )
            )
        longest_label: QRectF | None = None
        if timeline.longest is not None:
            stretch = timeline.longest
            label = _("Longest sitting: {0}").format(elapsed_text(stretch.sat.total_seconds()))
            font = QFont(self.font())
            font.setBold(True)
            painter.setFont(font)
            width = painter.fontMetrics().horizontalAdvance(label) + 4
            middle = (x_of(stretch.start) + x_of(stretch.end)) / 2
            x = min(max(left, middle - width / 2), right - width)
            painter.setPen(text)
            longest_label = QRectF(x, label_top, width, line)
            painter.drawText(longest_label, Qt.AlignmentFlag.AlignCenter, label)
            painter.setFont(self.font())
        if running is not None:
            # "now" over its line, unless the longest stretch's label is there already.
            label = _("now")
            width = metrics.horizontalAdvance(label) + 4
            x = min(max(0.0, x_of(running.end) - width / 2), self.width() - width)
            now_label = QRectF(x, label_top, width, line)
            if longest_label is None or not now_label.intersects(
                longest_label.adjusted(-4, 0, 4, 0)
            ):
                painter.setPen(text)
                painter.drawText(now_label, Qt.AlignmentFlag.AlignCenter, label)

        # Markers, staggered into up to three rows when they would touch.
        size = self.MARKER_SIZE
        row_ends = [-math.inf, -math.inf, -math.inf]
        for marker in timeline.markers:
            x = x_of(marker.at)
            row = next((r for r, end in enumerate(row_ends) if x - end > size + 1), 0)
            row_ends[row] = x
            centre = QPointF(x, marker_top + size / 2 + row * size)
            paint_marker(painter, marker.outcome, centre, size, text)
            what = _(OUTCOME_LABELS[marker.outcome])
            at = self._clock(marker.at)
            if marker.entry_id:
                # The title the prompt showed; the bare id only for an entry that is no
                # longer in the catalog.
                title = self._titles.get(marker.entry_id, marker.entry_id)
                tip = _("{0} at {1}: {2}").format(what, at, title)
            else:
                tip = _("{0} at {1}").format(what, at)
            self._placed.append(
                _Placed(QRectF(x - size / 2, centre.y() - size / 2, size, size), tip)
            )

    def _clock(self, moment: datetime) -> str:
        local = moment.astimezone(self._zone)
        return f"{local.hour:02d}:{local.minute:02d}"

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent):
            point = QPointF(event.pos())
            # Markers were placed after the bars: the topmost thing wins.
            tip = next(
                (
                    placed.text
                    for placed in reversed(self._placed)
                    if placed.rect.adjusted(-2, -2, 2, 2).contains(point)
                ),
                None,
            )
            return _show_tip(self, event, tip)
        return super().event(event)


def _show_tip(widget: QWidget, event: QHelpEvent, tip: str | None) -> bool:
    """Answer a tooltip request: ``tip`` at the pointer, or none over empty space."""
    if tip is None:
        QToolTip.hideText()
        event.ignore()
    else:
        QToolTip.showText(event.globalPos(), tooltip_html(tip), widget)
    return True


class TimelineLegend(QWidget):
    """The key to the timeline: each marker shape with its word, and the bar kinds,
    wrapped into as many rows as the width needs (its height follows the width)."""

    ROW_GAP = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # A narrow window, a larger font or longer words (German) need more rows.
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._items: list[tuple[str, str]] = [(o, _(OUTCOME_LABELS[o])) for o in OUTCOMES]
        self._items += [
            ("sitting", self.tr("Sitting")),
            ("longest", self.tr("Longest sitting")),
            ("sitting_now", self.tr("Sitting now")),
        ]
        self._items += [
            ("away_band", self.tr("Time away")),
            ("paused_band", self.tr("Paused time")),
        ]
        self.setAccessibleName(self.tr("Timeline key"))
        self.setAccessibleDescription(
            self.tr(
                "Done is a filled circle, snoozed a triangle, skipped a cross, away a "
                "square, paused two bars, no answer a hollow diamond. Grey bars are time "
                "sitting; the longest is highlighted and labelled. A hatched bar with a "
                "dashed outline, ending at a line, is the sitting still going on now."
            )
        )

    def _swatch(self) -> float:
        """The size of a marker or bar sample: grows with the font, like the words."""
        return max(10.0, round(self.fontMetrics().height() * 0.58))

    def _places(self, width: int) -> list[tuple[str, str, float, float]]:
        """(key, label, x, y) of every item when the legend is ``width`` wide."""
        metrics = self.fontMetrics()
        line = metrics.height()
        places = []
        x, y = 12.0, 2.0
        for key, label in self._items:
            item = self._swatch() * 1.3 + 5 + metrics.horizontalAdvance(label) + 14
            if x > 12.0 and x + item > width - 8:
                x, y = 12.0, y + line + self.ROW_GAP
            places.append((key, label, x, y))
            x += item
        return places

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        last_row = max(y for _key, _label, _x, y in self._places(width))
        return math.ceil(last_row + self.fontMetrics().height() + 6)

    def rows(self) -> int:
        """How many rows the items take at the current width (for tests)."""
        return len({y for _key, _label, _x, y in self._places(self.width())})

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(640, self.heightForWidth(max(self.width(), 320)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(200, self.heightForWidth(max(self.width(), 200)))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            metrics = self.fontMetrics()
            line = metrics.height()
            text = _role(self, QPalette.ColorRole.WindowText)
            size = self._swatch()
            for key, label, x, y in self._places(self.width()):
                width = metrics.horizontalAdvance(label) + 4
                centre = QPointF(x + size * 0.65, y + line / 2)
                if key in OUTCOMES:
                    paint_marker(painter, key, centre, size, text)
                else:
                    rect = QRectF(x, y + (line - size) / 2, size * 1.3, size)
                    painter.setPen(Qt.PenStyle.NoPen)
                    if key == "sitting":
                        painter.setBrush(_role(self, QPalette.ColorRole.WindowText, 90))
                        painter.drawRoundedRect(rect, 2, 2)
                    elif key == "longest":
                        painter.setPen(QPen(text, 1.2))
                        painter.setBrush(_role(self, QPalette.ColorRole.Highlight))
                        painter.drawRoundedRect(rect, 2, 2)
                    elif key == "sitting_now":
                        paint_sitting_now(painter, rect, text)
                    else:
                        colour = QColor(OUTCOME_COLOURS["away" if key == "away_band" else "paused"])
                        painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
                        painter.setPen(QPen(colour, 1))
                        painter.drawRect(rect)
                painter.setPen(text)
                painter.drawText(
                    QRectF(x + size * 1.3 + 5, y, width, line),
                    Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
        finally:
            painter.end()


@dataclass(frozen=True)
class DayBar:
    day: date
    done: int
    offered: int
    back: int | None = None
    """That day's back check-in, 0 (no trouble) to 10; None when not answered."""


BACK_SCALE_TOP = 10


def paint_back_mark(painter: QPainter, center: QPointF, color: QColor, size: float) -> None:
    """A diamond: a shape of its own, so it never reads as part of a bar."""
    half = size / 2
    painter.setPen(QPen(color, 1.2))
    painter.setBrush(color)
    painter.drawPolygon(
        QPolygonF(
            [
                QPointF(center.x(), center.y() - half),
                QPointF(center.x() + half, center.y()),
                QPointF(center.x(), center.y() + half),
                QPointF(center.x() - half, center.y()),
            ]
        )
    )


class DayBarsChart(QWidget):
    """One column per day: an outlined bar for breaks offered, a filled bar for those
    done inside it; today's label in bold. With seven days the figures are written on
    the bars; with a month, every Monday is labelled and figures are in tooltips.
    Answered back check-ins are diamonds on their own 0–10 scale at the right, joined by a
    dashed line, so how the back felt sits beside the breaks done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[DayBar] = []
        self._today: date | None = None
        self._columns: list[tuple[QRectF, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 200)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(640, 220)

    def set_bars(self, bars: Sequence[DayBar], today: date) -> None:
        self._bars = list(bars)
        self._today = today
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._columns = []
        if not self._bars:
            return
        metrics = self.fontMetrics()
        line = metrics.height()
        text = _role(self, QPalette.ColorRole.WindowText)
        faint = _role(self, QPalette.ColorRole.WindowText, 60)
        highlight = _role(self, QPalette.ColorRole.Highlight)
        few = len(self._bars) <= 10
        gutter = float(metrics.horizontalAdvance("88") + 10)
        with_back = any(bar.back is not None for bar in self._bars)
        left, right = gutter, self.width() - (gutter if with_back else 10.0)
        top = line + 4.0
        bottom = self.height() - (2 * line if few else line) - 8.0
        peak = max(max(bar.offered, bar.done) for bar in self._bars)
        scale_top = max(4, peak + peak % 2)  # even, so the middle grid line is whole

        def y_of(value: float) -> float:
            return bottom - (bottom - top) * value / scale_top

        # Grid: zero, half and the top value, labelled on the left.
        for value in sorted({0, scale_top // 2, scale_top}):
            y = y_of(value)
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - line / 2, gutter - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )

        if with_back:
            # The check-in's own scale, on the right: 0 at the bottom, 10 at the top.
            painter.setPen(text)
            for value in (0, BACK_SCALE_TOP // 2, BACK_SCALE_TOP):
                y = bottom - (bottom - top) * value / BACK_SCALE_TOP
                painter.drawText(
                    QRectF(right + 6, y - line / 2, gutter - 6, line),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    str(value),
                )

        slot = (right - left) / len(self._bars)
        width = max(3.0, slot * 0.62)
        bold = QFont(self.font())
        bold.setBold(True)
        for index, bar in enumerate(self._bars):
            x = left + slot * index + (slot - width) / 2
            offered = max(bar.offered, bar.done)
            if offered:
                rect = QRectF(x, y_of(offered), width, bottom - y_of(offered))
                fill = QColor(text)
                fill.setAlpha(28)
                painter.setBrush(fill)
                painter.setPen(QPen(_role(self, QPalette.ColorRole.WindowText, 150), 1.2))
                painter.drawRect(rect)
            if bar.done:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(highlight)
                painter.drawRect(QRectF(x, y_of(bar.done), width, bottom - y_of(bar.done)))
            column = QRectF(left + slot * index, top, slot, bottom - top)
            tip = self.tr("{0}: {1} of {2} breaks done").format(
                day_label(bar.day), bar.done, offered
            )
            if bar.back is not None:
                tip += "\n" + self.tr("Back: {0} of 10").format(bar.back)
            self._columns.append((column, tip))
            if few and offered:
                painter.setPen(text)
                painter.drawText(
                    QRectF(x - 12, y_of(offered) - line - 1, width + 24, line),
                    Qt.AlignmentFlag.AlignCenter,
                    f"{bar.done}/{offered}",
                )
            is_today = bar.day == self._today
            painter.setFont(bold if is_today else self.font())
            painter.setPen(text)
            label_rect = QRectF(left + slot * index - 20, bottom + 4, slot + 40, line)
            # Keep the last label inside the widget instead of cut off at the edge.
            overflow = label_rect.right() - self.width() + 2
            if overflow > 0:
                label_rect.translate(-overflow, 0)
            if few:
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, weekday_name(bar.day))
                painter.drawText(
                    label_rect.translated(0, line),
                    Qt.AlignmentFlag.AlignCenter,
                    _day_month(bar.day),
                )
            elif bar.day.weekday() == 0 or is_today:
                painter.drawText(
                    label_rect,
                    Qt.AlignmentFlag.AlignCenter,
                    _day_month(bar.day),
                )
            painter.setFont(self.font())
        painter.setPen(QPen(text, 1))
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        if with_back:
            self._paint_back(painter, left, slot, top, bottom)

    def _paint_back(
        self, painter: QPainter, left: float, slot: float, top: float, bottom: float
    ) -> None:
        text = _role(self, QPalette.ColorRole.WindowText)
        points = [
            QPointF(
                left + slot * (index + 0.5),
                bottom - (bottom - top) * bar.back / BACK_SCALE_TOP,
            )
            for index, bar in enumerate(self._bars)
            if bar.back is not None
        ]
        line = QPen(text, 1.2, Qt.PenStyle.DashLine)
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for start, end in itertools.pairwise(points):
            painter.drawLine(start, end)
        size = max(7.0, min(12.0, slot * 0.4))
        for point in points:
            paint_back_mark(painter, point, text, size)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent):
            point = QPointF(event.pos())
            tip = next((tip for rect, tip in self._columns if rect.contains(point)), None)
            return _show_tip(self, event, tip)
        return super().event(event)


class DayBarsLegend(QWidget):
    """Key to the bars: filled = done, outlined = offered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Fixed height: next to the stretching bar chart it would otherwise be squeezed
        # to nothing.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())
        self.setAccessibleName(self.tr("Bar chart key"))
        self.setAccessibleDescription(
            self.tr("Filled bars are breaks done; outlined bars are breaks offered.")
        )

        self._show_back = False

    def set_show_back(self, show: bool) -> None:
        """Name the check-in diamonds too (only when the chart has some)."""
        self._show_back = show
        self.update()

    @property
    def shows_back(self) -> bool:
        return self._show_back

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(320, self.fontMetrics().height() + 6)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        try:
            metrics = self.fontMetrics()
            line = metrics.height()
            text = _role(self, QPalette.ColorRole.WindowText)
            x = 12.0
            for filled, label in ((True, self.tr("Done")), (False, self.tr("Breaks offered"))):
                rect = QRectF(x, line / 2 - 5 + 2, 13, 10)
                if filled:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(_role(self, QPalette.ColorRole.Highlight))
                else:
                    fill = QColor(text)
                    fill.setAlpha(28)
                    painter.setBrush(fill)
                    painter.setPen(QPen(_role(self, QPalette.ColorRole.WindowText, 150), 1.2))
                painter.drawRect(rect)
                painter.setPen(text)
                width = metrics.horizontalAdvance(label) + 4
                painter.drawText(
                    QRectF(x + 18, 2, width, line), Qt.AlignmentFlag.AlignVCenter, label
                )
                x += 18 + width + 16
            if self._show_back:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                paint_back_mark(painter, QPointF(x + 6, line / 2 + 2), text, 10)
                painter.setPen(text)
                label = self.tr("Back check-in (0–10, scale on the right)")
                painter.drawText(
                    QRectF(x + 18, 2, metrics.horizontalAdvance(label) + 4, line),
                    Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
        finally:
            painter.end()


class AreaBarsChart(QWidget):
    """Completions per body area as horizontal bars, most first, with the count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._areas: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_areas(self, areas: Sequence[tuple[str, int]]) -> None:
        """(label, count) pairs in the order to draw."""
        self._areas = list(areas)
        self.updateGeometry()
        self.update()

    def _row(self) -> float:
        return self.fontMetrics().height() + 5.0

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(480, int(self._row() * max(1, len(self._areas)) + 4))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if not self._areas:
                return
            metrics = self.fontMetrics()
            row = self._row()
            text = _role(self, QPalette.ColorRole.WindowText)
            highlight = _role(self, QPalette.ColorRole.Highlight)
            label_width = max(metrics.horizontalAdvance(label) for label, _ in self._areas) + 24
            count_width = metrics.horizontalAdvance("8888") + 8
            left = 12.0 + label_width
            room = max(10.0, self.width() - left - count_width - 12)
            peak = max(count for _, count in self._areas) or 1
            for index, (label, count) in enumerate(self._areas):
                y = 2 + index * row
                painter.setPen(text)
                painter.drawText(
                    QRectF(12, y, label_width - 8, row),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    label,
                )
                length = room * count / peak
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(highlight)
                path = QPainterPath()
                path.addRoundedRect(QRectF(left, y + 3, max(2.0, length), row - 7), 2, 2)
                painter.drawPath(path)
                painter.setPen(text)
                painter.drawText(
                    QRectF(left + length + 6, y, count_width, row),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    str(count),
                )
        finally:
            painter.end()


__all__ = [
    "OUTCOME_COLOURS",
    "OUTCOME_LABELS",
    "AreaBarsChart",
    "DayBar",
    "DayBarsChart",
    "DayBarsLegend",
    "TimelineChart",
    "TimelineLegend",
    "day_label",
    "paint_marker",
    "paint_sitting_now",
]
