"""The figures issue 14 found unreadable, checked by geometry in the generated SVGs.

Feet that float above the floor, a plank lying flat and a "tilted" head drawn upright are
facts about coordinates, so they are tested as such (tests/gui renders the files for real;
tools/render_sheet.py is for looking at them).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ILLUSTRATIONS = Path(__file__).resolve().parents[2] / "resources" / "illustrations"
SVG = "{http://www.w3.org/2000/svg}"
FIGURE = "#3d7ea6"
FLOOR_Y = 222.0
"""The centre of the floor line in every scene that has one."""

Point = tuple[float, float]


def _points(text: str) -> list[Point]:
    pairs = re.findall(r"(-?[\d.]+),(-?[\d.]+)", text)
    return [(float(x), float(y)) for x, y in pairs]


def figure_strokes(name: str) -> list[tuple[list[Point], float]]:
    """Every stroke of the person: (points, stroke width)."""
    root = ET.parse(ILLUSTRATIONS / f"{name}.svg").getroot()
    strokes: list[tuple[list[Point], float]] = []
    for element in root.iter():
        if element.get("stroke") != FIGURE or element.get("fill") == FIGURE:
            continue
        width = float(element.get("stroke-width", "0"))
        if element.tag == f"{SVG}polyline":
            strokes.append((_points(element.get("points", "")), width))
        elif element.tag == f"{SVG}path":
            strokes.append((_points(element.get("d", "")), width))
    assert strokes, name
    return strokes


def lowest_edge(name: str) -> float:
    return max(y + width / 2 for points, width in figure_strokes(name) for _, y in points)


@pytest.mark.parametrize("name", ["plank", "desk-incline-plank", "desk-push-ups"])
def test_the_feet_stand_on_the_floor(name: str) -> None:
    # The sole sits on the floor line's centre, as for every standing figure.
    assert abs(lowest_edge(name) - FLOOR_Y) <= 1.5


def test_the_plank_is_held_up_on_the_forearms_not_lying_flat() -> None:
    root = ET.parse(ILLUSTRATIONS / "plank.svg").getroot()
    torsos = [e for e in root.iter(f"{SVG}path") if e.get("stroke") == FIGURE]
    assert len(torsos) == 1
    hip, _control, neck = _points(torsos[0].get("d", ""))
    # Both ends of the trunk clearly above the floor, the shoulders higher than the hips.
    assert FLOOR_Y - hip[1] >= 20
    assert neck[1] < hip[1]


def test_the_neck_side_tilt_tilts_the_head() -> None:
    # The head is the one thick round-capped stroke (an upright oval); it leans over.
    heads = [points for points, width in figure_strokes("neck-side-tilt") if width > 25]
    assert len(heads) == 1
    (x0, y0), (x1, y1) = heads[0][0], heads[0][-1]
    lean = math.degrees(math.atan2(abs(x1 - x0), abs(y1 - y0)))
    assert 20 <= lean <= 45
