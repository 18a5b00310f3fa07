"""An exercise picture's text alternative: the catalog's ``illustration_alt``, translated by
the language overlay, and what a screen reader gets when an entry has none."""

from __future__ import annotations

import dataclasses

from backbreak.core.catalog import MAX_ALT_CHARS, parse_catalog
from backbreak.core.catalog_i18n import apply_overlay, untranslated_fields
from backbreak.platform.catalog_files import load_catalog
from backbreak.ui.texts import illustration_text
from tests.unit.test_catalog_parse import good, parse_one

ALT = "A person standing, one heel forward, leaning from the hips."


def test_the_description_is_read_from_the_catalog() -> None:
    entries, problems = parse_one(good(illustration_alt=f"  {ALT} "))
    assert problems == []
    assert entries[0].illustration_alt == ALT
    assert illustration_text(entries[0]) == ALT


def test_an_entry_without_one_is_named_by_its_title() -> None:
    entries, problems = parse_one(good())
    assert problems == []
    assert entries[0].illustration_alt is None
    assert illustration_text(entries[0]) == "Picture: Standing hamstring reach"


def test_a_too_long_or_empty_description_rejects_the_entry_with_a_reason() -> None:
    for bad in ("x" * (MAX_ALT_CHARS + 1), "   "):
        entries, problems = parse_one(good(illustration_alt=bad))
        assert entries == []
        assert [p.field for p in problems] == ["illustration_alt"]


def test_the_overlay_translates_the_description() -> None:
    [entry], _ = parse_catalog({"schema": 1, "entry": [good(illustration_alt=ALT)]}, "x.toml")
    german = "Eine Person steht, eine Ferse vorn."
    doc = {"schema": 1, "entry": {entry.id: {"illustration_alt": german}}}
    [translated], problems = apply_overlay([entry], doc, "de.toml")
    assert problems == []
    assert translated.illustration_alt == german
    assert f"{entry.id}.illustration_alt" not in untranslated_fields([entry], doc)
    # An entry without a description has nothing to translate.
    plain = dataclasses.replace(entry, illustration_alt=None)
    _, problems = apply_overlay([plain], doc, "de.toml")
    assert [p.field for p in problems] == ["illustration_alt"]
    assert f"{entry.id}.illustration_alt" not in untranslated_fields([plain], {"schema": 1})


def test_every_bundled_picture_is_described_in_english_and_german() -> None:
    english = load_catalog(None).entries
    german = {entry.id: entry for entry in load_catalog(None, language="de").entries}
    assert english
    for entry in english:
        assert entry.illustration_alt, entry.id
        translated = german[entry.id].illustration_alt
        assert translated and translated != entry.illustration_alt, entry.id
