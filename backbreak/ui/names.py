"""Names shown for catalog kinds, body areas, needs, weekdays and months.

Plain English here, marked for extraction with ``N_()`` and translated where shown with
``_()`` (``backbreak.core.i18n``), so this module stays free of Qt and the CLI's texts can
use it too. One table per idea: the catalog browser, the history charts and the status
texts all name things the same way.
"""

from __future__ import annotations

from datetime import date

from backbreak.core.i18n import N_, _

KIND_NAMES: dict[str, str] = {
    "movement": N_("Moving about"),
    "stretch": N_("Stretch"),
    "posture": N_("Posture check"),
    "mobility": N_("Mobility"),
    "strength": N_("Light strength"),
}
AREA_NAMES: dict[str, str] = {
    "neck": N_("Neck"),
    "shoulders": N_("Shoulders"),
    "chest": N_("Chest"),
    "upper_back": N_("Upper back"),
    "lower_back": N_("Lower back"),
    "hip_flexors": N_("Hip flexors"),
    "glutes": N_("Glutes"),
    "hamstrings": N_("Hamstrings"),
    "calves": N_("Calves"),
    "wrists": N_("Wrists and forearms"),
    "eyes": N_("Eyes"),
    "whole_body": N_("Whole body"),
}
SHORT_AREA_NAMES: dict[str, str] = {"wrists": N_("Wrists")}
"""Where a chart label needs a shorter name than ``AREA_NAMES``."""
AREA_WORDS: dict[str, str] = {
    "neck": N_("neck"),
    "shoulders": N_("shoulders"),
    "chest": N_("chest"),
    "upper_back": N_("upper back"),
    "lower_back": N_("lower back"),
    "hip_flexors": N_("hip flexors"),
    "glutes": N_("glutes"),
    "hamstrings": N_("hamstrings"),
    "calves": N_("calves"),
    "wrists": N_("wrists"),
    "eyes": N_("eyes"),
    "whole_body": N_("whole body"),
}
"""Body areas as words inside a sentence (lower case in English, capitalised nouns in
German): a list of its own, because only a translator knows the case."""
NEED_NAMES: dict[str, str] = {
    "floor": N_("floor space"),
    "towel": N_("a towel"),
    "wall": N_("a wall"),
    "ball": N_("a ball"),
    "door": N_("a doorway"),
    "space": N_("room to move"),
}
POSITION_NAMES: dict[str, str] = {
    "standing": N_("Standing"),
    "seated": N_("Seated"),
    "floor": N_("On the floor"),
}
WEEKDAY_NAMES = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
"""Our own abbreviations rather than strftime's: Qt sets the C locale from the
environment at start-up, and the tray and the CLI must read the same."""
MONTH_NAMES = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def kind_name(kind: str) -> str:
    return _(KIND_NAMES.get(kind, kind))


def area_name(area: str) -> str:
    """``"lower_back"`` → ``"Lower back"``."""
    return _(AREA_NAMES.get(area, area.replace("_", " ").capitalize()))


def short_area_name(area: str) -> str:
    return _(SHORT_AREA_NAMES[area]) if area in SHORT_AREA_NAMES else area_name(area)


def area_word(area: str) -> str:
    """``"lower_back"`` → ``"lower back"``, for use inside a sentence."""
    return _(AREA_WORDS.get(area, area.replace("_", " ")))


def position_name(position: str) -> str:
    return _(POSITION_NAMES.get(position, position))


def need_name(need: str) -> str:
    return _(NEED_NAMES.get(need, need))


def weekday_name(day: date) -> str:
    return _(WEEKDAY_NAMES[day.weekday()])


def month_name(day: date) -> str:
    return _(MONTH_NAMES[day.month - 1])
