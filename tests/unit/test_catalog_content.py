"""The bundled catalog's CONTENT: coverage, limits, and one valid illustration per entry.

The format rules themselves are tested in test_catalog_parse.py; here we check that what we
ship is complete and consistent: enough entries of every kind and body area, mostly
office-friendly, the moves the catalog promises, and illustrations drawn in the agreed,
QtSvg-safe style. No Qt here: SVGs are checked as XML (tests/gui renders them for real).
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from backbreak.core.catalog import BODY_AREAS, KINDS, NEEDS, POSITIONS, parse_catalog
from backbreak.platform.catalog_files import GENERIC_ILLUSTRATION

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "resources" / "catalog" / "catalog.toml"
ILLUSTRATIONS = ROOT / "resources" / "illustrations"
NOT_OURS = {"generic.svg"}
"""The fallback picture belongs to the loader, not to any catalog entry."""

SVG_NS = "{http://www.w3.org/2000/svg}"
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PALETTE = {"#3d7ea6", "#8a8f98", "#e07a3f", "none"}
"""Figure, props, accent: every colour an illustration may use."""
ALLOWED_ELEMENTS = {
    "svg",
    "title",
    "desc",
    "g",
    "path",
    "line",
    "polyline",
    "polygon",
    "circle",
    "ellipse",
    "rect",
}
"""SVG Tiny 1.2 shapes QtSvg draws; no text, style sheets, scripts, images or filters."""

REQUIRED_IDS = {
    # Moves the catalog promises from the background reading...
    "towel-hamstring-stretch",
    "kneeling-hip-flexor-stretch",
    "standing-lunge-hip-flexor-stretch",
    "doorway-pec-stretch",
    "chair-back-thoracic-extension",
    "tennis-ball-upper-back-release",
    "glute-bridge",
    "plank",
    "towel-row-door",
    "leg-swings",
    "deep-squat-hold",
    "chin-over-shoulders-check",
    "feet-flat-check",
    "stand-up-and-walk",
    # ...and the classic desk moves.
    "neck-side-tilt",
    "chin-tucks",
    "shoulder-rolls",
    "upper-trap-stretch",
    "seated-figure-four-stretch",
    "seated-spinal-twist",
    "standing-cat-cow",
    "wrist-flexor-stretch",
    "wrist-extensor-stretch",
    "prayer-stretch",
    "calf-raises",
    "heel-drop-calf-stretch",
    "wall-angels",
    "desk-push-ups",
    "chair-squats",
    "marching-in-place",
    "stairs-walk",
    "water-refill-walk",
    "overhead-side-reach",
    "scapular-squeezes",
    "look-far-20-20-20",
    "monitor-height-and-distance-check",
    "breathing-check",
}


def _entries() -> list[dict[str, Any]]:
    with CATALOG.open("rb") as handle:
        doc = tomllib.load(handle)
    entries = doc["entry"]
    assert isinstance(entries, list)
    return entries


ENTRIES = _entries()
IDS = [entry["id"] for entry in ENTRIES]


def test_file_declares_schema_1() -> None:
    with CATALOG.open("rb") as handle:
        assert tomllib.load(handle)["schema"] == 1


def test_the_core_parser_accepts_every_entry_without_a_problem() -> None:
    with CATALOG.open("rb") as handle:
        doc = tomllib.load(handle)
    entries, problems = parse_catalog(doc, "catalog.toml")
    assert [str(problem) for problem in problems] == []
    assert [entry.id for entry in entries] == IDS


def test_at_least_44_entries() -> None:
    assert len(ENTRIES) >= 44


def test_ids_are_unique_kebab_case() -> None:
    assert len(set(IDS)) == len(IDS), [i for i, n in Counter(IDS).items() if n > 1]
    assert [i for i in IDS if not KEBAB.match(i)] == []


def test_promised_moves_are_all_there() -> None:
    assert REQUIRED_IDS - set(IDS) == set()


def test_every_kind_is_covered_and_stretches_lead() -> None:
    kinds = Counter(entry["kind"] for entry in ENTRIES)
    assert set(kinds) == set(KINDS)
    for kind in ("movement", "posture", "mobility", "strength"):
        assert kinds[kind] >= 5, kind
    assert kinds["stretch"] == max(kinds.values())


def test_every_body_area_is_in_at_least_three_entries() -> None:
    counts = Counter(area for entry in ENTRIES for area in entry["areas"])
    assert {area: counts[area] for area in BODY_AREAS if counts[area] < 3} == {}
    assert set(counts) <= set(BODY_AREAS)


def test_most_entries_are_office_friendly() -> None:
    office = [entry["id"] for entry in ENTRIES if not entry.get("needs")]
    assert len(office) >= 30


def test_needs_use_the_known_words() -> None:
    for entry in ENTRIES:
        assert set(entry.get("needs", [])) <= set(NEEDS), entry["id"]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_text_fields_fit_the_limits(entry: dict[str, Any]) -> None:
    assert 2 <= len(entry["steps"]) <= 5
    assert all(0 < len(step) <= 140 for step in entry["steps"])
    assert 0 < len(entry["why"]) <= 160
    assert 0 < len(entry["title"]) <= 80
    assert len(entry.get("caution", "")) <= 200
    assert 10 <= entry["duration"] <= 600
    assert entry["sides"] in ("one", "each")


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_two_sided_moves_split_evenly(entry: dict[str, Any]) -> None:
    # The prompt switches sides at half time; an odd total would give uneven halves.
    if entry["sides"] == "each":
        assert entry["duration"] % 2 == 0


def test_moves_loading_the_neck_lower_back_or_wrists_carry_a_caution() -> None:
    risky = {"neck", "lower_back", "wrists"}
    missing = [
        entry["id"]
        for entry in ENTRIES
        if entry["kind"] in ("stretch", "mobility", "strength")
        and risky & set(entry["areas"])
        and not entry.get("caution")
    ]
    assert missing == []


def test_towel_hamstring_stretch_holds_about_two_minutes_a_side() -> None:
    entry = next(entry for entry in ENTRIES if entry["id"] == "towel-hamstring-stretch")
    assert entry["sides"] == "each"
    assert entry["duration"] >= 200


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_illustration_is_named_after_the_entry_and_exists(entry: dict[str, Any]) -> None:
    assert entry["illustration"] == f"{entry['id']}.svg"
    assert (ILLUSTRATIONS / entry["illustration"]).is_file()


def test_no_illustration_without_an_entry() -> None:
    used = {entry["illustration"] for entry in ENTRIES}
    on_disk = {path.name for path in ILLUSTRATIONS.glob("*.svg")}
    assert on_disk - used - NOT_OURS == set()


# Every picture we ship, the fallback included: it is drawn by the same script and is shown
# in the same prompt window, so it follows the same rules.
SHIPPED_SVGS = sorted({entry["illustration"] for entry in ENTRIES} | NOT_OURS)


def test_the_fallback_checked_here_is_the_one_the_loader_shows() -> None:
    assert {GENERIC_ILLUSTRATION} == NOT_OURS


@pytest.mark.parametrize("name", SHIPPED_SVGS)
def test_illustration_is_a_plain_240_svg_in_the_palette(name: str) -> None:
    path = ILLUSTRATIONS / name
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 240 240"
    colours: set[str] = set()
    shapes = 0
    for element in root.iter():
        name = element.tag.removeprefix(SVG_NS)
        assert name in ALLOWED_ELEMENTS, f"{path.name}: <{name}>"
        assert "style" not in element.attrib, path.name
        assert not any("href" in key for key in element.attrib), path.name
        colours |= {element.attrib[key] for key in ("fill", "stroke") if key in element.attrib}
        shapes += name not in ("svg", "title", "desc", "g")
    assert colours <= PALETTE, f"{path.name}: {colours - PALETTE}"
    assert "#3d7ea6" in colours, f"{path.name} shows no figure"
    assert shapes >= 5, path.name


def test_every_entry_says_where_it_puts_the_body() -> None:
    missing = [entry["id"] for entry in ENTRIES if entry.get("position") not in POSITIONS]
    assert missing == []


def test_floor_moves_and_the_floor_need_go_together() -> None:
    # A floor move that did not say it needs the floor would pass the office-friendly filter.
    for entry in ENTRIES:
        assert (entry["position"] == "floor") == ("floor" in entry.get("needs", [])), entry["id"]


def test_moves_whose_steps_keep_you_seated_are_not_called_standing() -> None:
    for entry in ENTRIES:
        first = entry["steps"][0]
        if first.startswith(("Sit ", "Scoot ", "Slide your hips")) or "chair" in first:
            assert entry["position"] == "seated" or first.startswith("Stand"), entry["id"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_an_office_friendly_move_that_gets_you_up(kind: str) -> None:
    # So a scheduled prompt can be a standing one whichever kinds the user leaves on, also
    # with "office-friendly only" (see the picker's rule 0).
    ids = [
        entry["id"]
        for entry in ENTRIES
        if entry["kind"] == kind and entry["position"] == "standing" and not entry.get("needs")
    ]
    assert ids != []
