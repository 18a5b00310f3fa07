"""The catalog translation overlay: what it replaces, and what a bad overlay keeps English."""

from __future__ import annotations

from backbreak.core.catalog import Entry
from backbreak.core.catalog_i18n import apply_overlay, untranslated_fields

ENTRY = Entry(
    id="neck-side-tilt",
    title="Neck side tilt",
    kind="stretch",
    areas=("neck",),
    duration_seconds=60,
    sides="each",
    steps=("Sit tall.", "Tilt your head."),
    why="Eases the neck.",
    caution="Stop if dizzy.",
    needs=(),
    illustration="neck-side-tilt.svg",
)
OTHER = Entry(
    id="stand-up-and-walk",
    title="Stand up and walk",
    kind="movement",
    areas=("whole_body",),
    duration_seconds=120,
    sides="one",
    steps=("Stand up.", "Walk."),
    why="Any walk counts.",
    caution=None,
    needs=(),
    illustration="stand-up-and-walk.svg",
)
GERMAN = {
    "title": "Kopf zur Seite neigen",
    "steps": ["Sitz aufrecht.", "Neig den Kopf."],
    "why": "Entspannt den Nacken.",
    "caution": "Hör auf bei Schwindel.",
}


def overlay(entries: dict[str, object]) -> dict[str, object]:
    return {"schema": 1, "language": "de", "entry": entries}


def test_a_full_overlay_replaces_the_texts_and_nothing_else() -> None:
    [german, other], problems = apply_overlay([ENTRY, OTHER], overlay({ENTRY.id: GERMAN}), "de")
    assert problems == []
    assert german.title == "Kopf zur Seite neigen"
    assert german.steps == ("Sitz aufrecht.", "Neig den Kopf.")
    assert german.why == "Entspannt den Nacken."
    assert german.caution == "Hör auf bei Schwindel."
    assert (german.kind, german.duration_seconds, german.illustration) == (
        ENTRY.kind,
        ENTRY.duration_seconds,
        ENTRY.illustration,
    )
    assert other == OTHER  # not in the overlay: stays English
    assert untranslated_fields([ENTRY, OTHER], overlay({ENTRY.id: GERMAN})) == [
        "stand-up-and-walk.title",
        "stand-up-and-walk.steps",
        "stand-up-and-walk.why",
    ]


def test_a_bad_field_stays_english_and_is_reported() -> None:
    raw = {
        **GERMAN,
        "steps": ["Nur ein Schritt."],  # the English entry has two
        "why": "x" * 161,
        "titel": "Tippfehler",
    }
    [german], problems = apply_overlay([ENTRY], overlay({ENTRY.id: raw}), "de.toml")
    assert german.title == "Kopf zur Seite neigen"
    assert german.steps == ENTRY.steps
    assert german.why == ENTRY.why
    assert sorted(problem.field for problem in problems) == ["steps", "titel", "why"]
    assert all(problem.file == "de.toml" and problem.entry == ENTRY.id for problem in problems)


def test_unknown_ids_and_a_caution_the_entry_lacks_are_reported() -> None:
    entries = overlay({"no-such-entry": GERMAN, OTHER.id: {"caution": "Vorsicht."}})
    [english], problems = apply_overlay([OTHER], entries, "de.toml")
    assert english == OTHER
    assert {(problem.entry, problem.field) for problem in problems} == {
        ("no-such-entry", ""),
        (OTHER.id, "caution"),
    }


def test_a_wrong_schema_leaves_everything_english() -> None:
    doc = {"schema": 2, "entry": {ENTRY.id: GERMAN}}
    [entry], problems = apply_overlay([ENTRY], doc, "de.toml")
    assert entry == ENTRY
    assert [problem.field for problem in problems] == ["schema"]
