"""The back check-in window, and its answers on the Week chart."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from backbreak.ui.charts import DayBar, DayBarsChart, DayBarsLegend
from backbreak.ui.checkin import CheckinWindow
from backbreak.ui.history_window import bars_description

MON = date(2026, 11, 23)


def test_one_tap_answers_and_closes(qtbot: QtBot) -> None:
    window = CheckinWindow()
    qtbot.addWidget(window)
    window.show()
    answers: list[object] = []
    window.answered.connect(answers.append)
    assert [button.text() for button in window.scores] == [str(n) for n in range(11)]
    window.scores[7].click()
    assert answers == [7]
    assert not window.isVisible()


def test_skip_and_closing_are_both_a_skip_said_once(qtbot: QtBot) -> None:
    for finish in ("skip", "close"):
        window = CheckinWindow()
        qtbot.addWidget(window)
        window.show()
        answers: list[object] = []
        window.answered.connect(answers.append)
        if finish == "skip":
            window.skip.click()
        else:
            window.close()
        window.close()
        assert answers == [None], finish


def test_the_chart_shows_check_ins_beside_the_bars(qtbot: QtBot) -> None:
    bars = [
        DayBar(MON + timedelta(days=n), done=n, offered=5, back=back)
        for n, back in enumerate([6, None, 4, None, 2, None, None])
    ]
    chart = DayBarsChart()
    qtbot.addWidget(chart)
    chart.resize(640, 240)
    chart.set_bars(bars, MON + timedelta(days=6))
    image = chart.grab().toImage()  # paints, so the tooltips are known
    assert not image.isNull()
    tips = [tip for _rect, tip in chart._columns]
    assert tips[0].endswith("Back: 6 of 10")
    assert "Back" not in tips[1]
    legend = DayBarsLegend()
    qtbot.addWidget(legend)
    assert not legend.shows_back
    legend.set_show_back(True)
    assert legend.shows_back
    words = bars_description(bars)
    assert "How your back felt (0 = no trouble, 10 = worst):" in words
    assert words.count("Mon") >= 1 and "6" in words


def test_the_diamonds_are_really_painted(qtbot: QtBot) -> None:
    def painted(back: int | None) -> bytes:
        chart = DayBarsChart()
        qtbot.addWidget(chart)
        chart.resize(640, 240)
        chart.set_bars([DayBar(MON, 2, 4, back), DayBar(MON + timedelta(1), 3, 4, back)], MON)
        image = chart.grab().toImage()
        return bytes(image.constBits())

    assert painted(5) != painted(None)
    assert painted(5) != painted(9)  # the height follows the answer


def test_the_question_follows_a_change_of_the_system_font(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QLabel

    window = CheckinWindow()
    qtbot.addWidget(window)
    [question] = [
        label for label in window.findChildren(QLabel) if label.text() == "How does your back feel?"
    ]
    bigger = QFont(window.font())
    bigger.setPointSizeF(20.0)
    window.setFont(bigger)  # what a new application font does to the window
    assert question.font().pointSizeF() == 26.0  # still 1.3 times the window's font
    assert question.font().bold()
