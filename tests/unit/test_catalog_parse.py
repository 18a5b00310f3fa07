"""parse_catalog and merge_catalogs: every field rule, with good entries surviving bad ones."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from backbreak.core.catalog import (
    FILE_LEVEL,
    CatalogProblem,
    Entry,
    merge_catalogs,
    parse_catalog,
)


def good(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": "standing-hamstring-reach",
        "title": "Standing hamstring reach",
        "kind": "stretch",
        "areas": ["hamstrings", "lower_back"],
        "duration": 60,
        "sides": "each",
        "position": "standing",
        "steps": ["Put a heel on a low step.", "Hinge forward from the hips."],
        "why": "Loose hamstrings take strain off the lower back.",
        "caution": "Stop if it pulls behind the knee.",
        "needs": [],
        "illustration": "standing-hamstring-reach.svg",
    }
    entry.update(changes)
    return {key: value for key, value in entry.items() if value is not None}


def parse_one(entry: dict[str, Any]) -> tuple[list[Entry], list[CatalogProblem]]:
    return parse_catalog({"schema": 1, "entry": [entry]}, "test.toml")


def test_a_good_entry_becomes_a_typed_entry() -> None:
    entries, problems = parse_one(good())
    assert problems == []
    assert entries == [
        Entry(
            id="standing-hamstring-reach",
            title="Standing hamstring reach",
            kind="stretch",
            areas=("hamstrings", "lower_back"),
            duration_seconds=60,
            sides="each",
            steps=("Put a heel on a low step.", "Hinge forward from the hips."),
            why="Loose hamstrings take strain off the lower back.",
            caution="Stop if it pulls behind the knee.",
            needs=(),
            illustration="standing-hamstring-reach.svg",
            position="standing",
        )
    ]
    assert entries[0].office_friendly
    assert entries[0].gets_you_up


def test_the_documented_example_parses() -> None:
    text = """
schema = 1
[[entry]]
id = "standing-hamstring-reach"
title = "Standing hamstring reach"
kind = "stretch"
areas = ["hamstrings", "lower_back"]
duration = 60
sides = "each"
position = "standing"
steps = ["Heel on a step.", "Lean from the hips."]
why = "One line on why it helps."
needs = ["wall"]
illustration = "standing-hamstring-reach.svg"
"""
    entries, problems = parse_catalog(tomllib.loads(text), "doc.toml", source="/x/doc.toml")
    assert problems == []
    assert entries[0].caution is None
    assert entries[0].needs == ("wall",)
    assert not entries[0].office_friendly
    assert entries[0].source == "/x/doc.toml"


@pytest.mark.parametrize("schema", [None, 2, "1", True])
def test_missing_or_unknown_schema_is_one_problem_and_no_entries(schema: object) -> None:
    doc: dict[str, object] = {"entry": [good()]}
    if schema is not None:
        doc["schema"] = schema
    entries, problems = parse_catalog(doc, "old.toml")
    assert entries == []
    assert len(problems) == 1
    assert (problems[0].file, problems[0].entry, problems[0].field) == (
        "old.toml",
        FILE_LEVEL,
        "schema",
    )


BAD_FIELDS: list[tuple[str, object]] = [
    ("id", "Has Spaces"),
    ("id", "trailing-"),
    ("id", 7),
    ("id", "x" * 65),
    ("title", ""),
    ("title", "   "),
    ("title", "t" * 81),
    ("title", 3),
    ("kind", "yoga"),
    ("areas", []),
    ("areas", ["elbows"]),
    ("areas", "neck"),
    ("areas", ["neck", "neck"]),
    ("duration", 9),
    ("duration", 601),
    ("duration", 60.0),
    ("duration", True),
    ("duration", "60"),
    ("sides", "both"),
    ("steps", ["Only one."]),
    ("steps", ["a", "b", "c", "d", "e", "f"]),
    ("steps", ["Fine.", ""]),
    ("steps", ["Fine.", "s" * 141]),
    ("steps", "Do it."),
    ("why", "w" * 161),
    ("caution", ""),
    ("caution", "c" * 201),
    ("needs", ["chair"]),
    ("needs", "wall"),
    ("illustration", "picture.png"),
    ("illustration", "/etc/passwd.svg"),
    ("illustration", "../outside.svg"),
    ("illustration", "C:\\pics\\x.svg"),
    ("illustration", ""),
]


@pytest.mark.parametrize(("field", "value"), BAD_FIELDS)
def test_a_bad_field_rejects_only_that_entry(field: str, value: object) -> None:
    neighbour = good(id="neighbour")
    entries, problems = parse_catalog(
        {"schema": 1, "entry": [good(**{field: value}), neighbour]}, "f.toml"
    )
    assert [entry.id for entry in entries] == ["neighbour"]
    assert len(problems) == 1
    problem = problems[0]
    assert problem.field == field
    assert problem.file == "f.toml"
    assert problem.message


@pytest.mark.parametrize(
    "field", ["id", "title", "kind", "areas", "duration", "sides", "steps", "why", "illustration"]
)
def test_required_fields(field: str) -> None:
    entries, problems = parse_one(good(**{field: None}))
    assert entries == []
    assert [(p.field, p.message) for p in problems] == [(field, "required field is missing")]


def test_optional_fields_may_be_left_out() -> None:
    entries, problems = parse_one(good(caution=None, needs=None))
    assert problems == []
    assert entries[0].caution is None
    assert entries[0].needs == ()


@pytest.mark.parametrize(
    ("position", "gets_you_up"), [("standing", True), ("floor", True), ("seated", False)]
)
def test_position_says_whether_the_entry_gets_you_out_of_the_chair(
    position: str, gets_you_up: bool
) -> None:
    entries, problems = parse_one(good(position=position))
    assert problems == []
    assert entries[0].position == position
    assert entries[0].gets_you_up is gets_you_up


@pytest.mark.parametrize("position", ["sitting", "Standing", 1, ["standing"], True])
def test_an_unknown_position_rejects_the_entry(position: object) -> None:
    entries, problems = parse_one(good(position=position))
    assert entries == []
    assert [(p.field, p.message) for p in problems] == [
        ("position", f"{position!r} is not one of: standing, seated, floor")
    ]


def test_a_missing_position_still_loads_as_seated_and_says_so() -> None:
    # Catalogs written before the field existed keep working, cautiously: a seated entry
    # is never a scheduled prompt, and the problem tells the author how to fix that.
    entries, problems = parse_one(good(position=None))
    assert [entry.id for entry in entries] == ["standing-hamstring-reach"]
    assert entries[0].position == "seated"
    assert not entries[0].gets_you_up
    assert [(p.field, p.entry) for p in problems] == [("position", "standing-hamstring-reach")]
    assert 'Add position = "standing", "seated" or "floor"' in problems[0].message


def test_a_problem_names_the_entry_by_id_or_position() -> None:
    entries, problems = parse_catalog(
        {"schema": 1, "entry": [good(id="first"), good(id=None), good(id="third", kind="nap")]},
        "f.toml",
    )
    assert [entry.id for entry in entries] == ["first"]
    assert [(p.entry, p.field) for p in problems] == [("#2", "id"), ("third", "kind")]
    assert str(problems[1]) == "f.toml: entry 'third': kind: 'nap' is not one of: " + (
        "movement, stretch, posture, mobility, strength"
    )


def test_duplicate_ids_in_a_file_keep_the_first() -> None:
    entries, problems = parse_catalog(
        {"schema": 1, "entry": [good(title="First"), good(title="Second")]}, "f.toml"
    )
    assert [entry.title for entry in entries] == ["First"]
    assert [(p.entry, p.field) for p in problems] == [("standing-hamstring-reach", "id")]


def test_unknown_keys_are_reported_but_do_not_reject_the_entry() -> None:
    entries, problems = parse_catalog(
        {"schema": 1, "entries": [], "entry": [good(cation="x")]}, "f"
    )
    assert len(entries) == 1
    assert {(p.entry, p.field) for p in problems} == {
        (FILE_LEVEL, "entries"),
        ("standing-hamstring-reach", "cation"),
    }


def test_text_is_trimmed_and_illustration_slashes_normalised() -> None:
    entries, _ = parse_one(good(title="  Reach  ", illustration="pics\\reach.svg"))
    assert entries[0].title == "Reach"
    assert entries[0].illustration == "pics/reach.svg"


def test_entry_must_be_a_list_of_tables() -> None:
    entries, problems = parse_catalog({"schema": 1, "entry": {"id": "x"}}, "f")
    assert entries == []
    assert [p.field for p in problems] == ["entry"]
    entries, problems = parse_catalog({"schema": 1, "entry": ["text", good()]}, "f")
    assert len(entries) == 1
    assert [p.entry for p in problems] == ["#1"]


def test_a_file_without_entries_is_fine() -> None:
    assert parse_catalog({"schema": 1}, "f") == ([], [])


def test_file_level_problem_text() -> None:
    problem = CatalogProblem("f.toml", FILE_LEVEL, "schema", "expected 1")
    assert str(problem) == "f.toml: schema: expected 1"


def entry(entry_id: str, title: str) -> Entry:
    entries, _ = parse_one(good(id=entry_id, title=title))
    return entries[0]


def test_merge_overrides_by_id_in_place_and_appends_new_ids() -> None:
    bundled = [entry("a", "A"), entry("b", "B"), entry("c", "C")]
    user = [entry("b", "Mine"), entry("z", "Z"), entry("z", "Z again")]
    merged = merge_catalogs(bundled, user)
    assert [(e.id, e.title) for e in merged] == [
        ("a", "A"),
        ("b", "Mine"),
        ("c", "C"),
        ("z", "Z again"),
    ]
