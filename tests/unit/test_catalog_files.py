"""Loading catalog files: bundled and user folders, one bad file never spoiling the rest."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from backbreak import bundled
from backbreak.core.catalog import FILE_LEVEL, Entry
from backbreak.platform.catalog_files import (
    GENERIC_ILLUSTRATION,
    illustration_bytes,
    load_catalog,
    validate_file,
)

GENERIC_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><title>generic</title></svg>'
OWN_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><title>own</title></svg>'


def entry_toml(entry_id: str, illustration: str = "pic.svg", title: str = "A title") -> str:
    return f"""
[[entry]]
id = "{entry_id}"
title = "{title}"
kind = "stretch"
areas = ["neck"]
duration = 30
sides = "one"
position = "standing"
steps = ["First this.", "Then that."]
why = "It helps."
illustration = "{illustration}"
"""


def catalog_toml(*entries: str) -> str:
    return "schema = 1\n" + "".join(entries)


@pytest.fixture
def fake_bundle(tmp_path: Path) -> tuple[Path, Path]:
    """A bundled catalog folder with one good file and an illustrations folder."""
    catalog = tmp_path / "bundle" / "catalog"
    illustrations = tmp_path / "bundle" / "illustrations"
    catalog.mkdir(parents=True)
    illustrations.mkdir()
    (illustrations / "pic.svg").write_bytes(b"<svg/>")
    (illustrations / GENERIC_ILLUSTRATION).write_bytes(GENERIC_SVG)
    (catalog / "a.toml").write_text(
        catalog_toml(entry_toml("bundled-one"), entry_toml("bundled-two")), encoding="utf-8"
    )
    return catalog, illustrations


def load(user_dir: Path | None, bundle: tuple[Path, Path]) -> tuple[list[Entry], list[str]]:
    loaded = load_catalog(user_dir, bundled_catalog=bundle[0], bundled_illustrations=bundle[1])
    return loaded.entries, [str(problem) for problem in loaded.problems]


# --- the real bundled catalog -------------------------------------------------------------


def test_the_bundled_catalog_loads_without_problems() -> None:
    loaded = load_catalog(None)
    assert loaded.problems == []
    assert len(loaded.entries) >= 10
    assert len(loaded.by_id()) == len(loaded.entries)
    assert {entry.source for entry in loaded.entries} == {"bundled"}


def test_every_bundled_illustration_is_an_svg_document() -> None:
    for entry in load_catalog(None).entries:
        root = ET.fromstring(illustration_bytes(entry))
        assert root.tag == "{http://www.w3.org/2000/svg}svg", entry.id


def test_the_generic_illustration_ships() -> None:
    assert bundled.illustrations_dir().joinpath(GENERIC_ILLUSTRATION).is_file()
    assert bundled.icons_dir().is_dir()


# --- bundled files, each standing alone ---------------------------------------------------


def test_a_broken_bundled_file_is_one_problem_and_the_rest_load(
    fake_bundle: tuple[Path, Path],
) -> None:
    (fake_bundle[0] / "b.toml").write_text("schema = 1\n[[entry]\nid = ", encoding="utf-8")
    (fake_bundle[0] / "c.toml").write_text(catalog_toml(entry_toml("third")), encoding="utf-8")
    (fake_bundle[0] / "notes.txt").write_text("not a catalog", encoding="utf-8")
    entries, problems = load(None, fake_bundle)
    assert [e.id for e in entries] == ["bundled-one", "bundled-two", "third"]
    assert len(problems) == 1
    assert problems[0].startswith("bundled catalog/b.toml: not valid TOML")


def test_a_bundled_id_repeated_in_another_file_keeps_the_first(
    fake_bundle: tuple[Path, Path],
) -> None:
    (fake_bundle[0] / "b.toml").write_text(
        catalog_toml(entry_toml("bundled-one", title="Again")), encoding="utf-8"
    )
    entries, problems = load(None, fake_bundle)
    assert [(e.id, e.title) for e in entries] == [
        ("bundled-one", "A title"),
        ("bundled-two", "A title"),
    ]
    assert problems == [
        "bundled catalog/b.toml: entry 'bundled-one': id: already defined in "
        "bundled catalog/a.toml; this one is ignored"
    ]


def test_a_missing_bundled_illustration_is_reported_and_replaced(
    fake_bundle: tuple[Path, Path],
) -> None:
    (fake_bundle[1] / "pic.svg").unlink()
    entries, problems = load(None, fake_bundle)
    assert [e.illustration for e in entries] == [GENERIC_ILLUSTRATION] * 2
    assert len(problems) == 2
    assert all(": illustration: pic.svg is not in the bundled" in p for p in problems)


def test_a_missing_bundled_folder_is_reported(tmp_path: Path) -> None:
    loaded = load_catalog(
        None, bundled_catalog=tmp_path / "nowhere", bundled_illustrations=tmp_path
    )
    assert loaded.entries == []
    assert [p.entry for p in loaded.problems] == [FILE_LEVEL]


# --- user files ---------------------------------------------------------------------------


def test_no_user_folder_or_an_absent_one_means_bundled_only(
    fake_bundle: tuple[Path, Path], tmp_path: Path
) -> None:
    assert load(None, fake_bundle) == load(tmp_path / "absent", fake_bundle)
    entries, problems = load(tmp_path / "absent", fake_bundle)
    assert len(entries) == 2
    assert problems == []


def test_user_entries_add_and_override_with_pictures_beside_the_file(
    fake_bundle: tuple[Path, Path], tmp_path: Path
) -> None:
    user = tmp_path / "user"
    (user / "art").mkdir(parents=True)
    (user / "art" / "mine.svg").write_bytes(OWN_SVG)
    (user / "mine.toml").write_text(
        catalog_toml(
            entry_toml("bundled-two", illustration="art/mine.svg", title="My version"),
            entry_toml("my-own", illustration="pic.svg"),
        ),
        encoding="utf-8",
    )
    entries, problems = load(user, fake_bundle)
    assert problems == []
    by_id = {e.id: e for e in entries}
    assert [e.id for e in entries] == ["bundled-one", "bundled-two", "my-own"]
    override = by_id["bundled-two"]
    assert override.title == "My version"
    assert override.source == str(user / "mine.toml")
    assert Path(override.illustration).is_absolute()
    assert Path(override.illustration) == (user / "art" / "mine.svg").absolute()
    assert illustration_bytes(override, bundled_illustrations=fake_bundle[1]) == OWN_SVG
    # No pic.svg beside the user file: the bundled picture of that name is used.
    assert by_id["my-own"].illustration == "pic.svg"
    assert illustration_bytes(by_id["my-own"], bundled_illustrations=fake_bundle[1]) == b"<svg/>"


def test_a_missing_user_illustration_keeps_the_entry_with_the_generic_picture(
    fake_bundle: tuple[Path, Path], tmp_path: Path
) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.toml").write_text(
        catalog_toml(entry_toml("my-own", illustration="gone.svg")), encoding="utf-8"
    )
    entries, problems = load(user, fake_bundle)
    mine = {e.id: e for e in entries}["my-own"]
    assert mine.illustration == GENERIC_ILLUSTRATION
    assert illustration_bytes(mine, bundled_illustrations=fake_bundle[1]) == GENERIC_SVG
    assert len(problems) == 1
    assert "entry 'my-own': illustration:" in problems[0]
    assert "gone.svg not found" in problems[0]


def test_each_user_file_stands_alone(fake_bundle: tuple[Path, Path], tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "1-broken.toml").write_text("schema = = 1", encoding="utf-8")
    (user / "2-latin1.toml").write_bytes("schema = 1\n# caf\xe9\n".encode("latin-1"))
    (user / "3-bad-entry.toml").write_text(
        catalog_toml(entry_toml("x", title=""), entry_toml("kept")), encoding="utf-8"
    )
    bom = "\ufeff" + catalog_toml(entry_toml("from-notepad"))
    (user / "4-bom.toml").write_text(bom, encoding="utf-8")
    (user / "5-dup.toml").write_text(catalog_toml(entry_toml("kept")), encoding="utf-8")
    entries, problems = load(user, fake_bundle)
    assert [e.id for e in entries] == ["bundled-one", "bundled-two", "kept", "from-notepad"]
    assert len(problems) == 4
    assert problems[0].startswith(f"{user / '1-broken.toml'}: not valid TOML")
    assert problems[1] == f"{user / '2-latin1.toml'}: the file is not UTF-8 text"
    assert problems[2].startswith(f"{user / '3-bad-entry.toml'}: entry 'x': title:")
    assert problems[3].startswith(f"{user / '5-dup.toml'}: entry 'kept': id: already defined")


# --- illustration_bytes fallbacks ---------------------------------------------------------


def test_an_illustration_deleted_after_loading_falls_back(
    fake_bundle: tuple[Path, Path], tmp_path: Path
) -> None:
    own = tmp_path / "own.svg"
    own.write_bytes(OWN_SVG)
    entries, _ = load(None, fake_bundle)
    user_entry = dataclasses.replace(entries[0], illustration=str(own))
    assert illustration_bytes(user_entry, bundled_illustrations=fake_bundle[1]) == OWN_SVG
    own.unlink()
    assert illustration_bytes(user_entry, bundled_illustrations=fake_bundle[1]) == GENERIC_SVG
    (fake_bundle[1] / GENERIC_ILLUSTRATION).unlink()
    last_resort = illustration_bytes(user_entry, bundled_illustrations=fake_bundle[1])
    assert ET.fromstring(last_resort).tag == "{http://www.w3.org/2000/svg}svg"


# --- validate_file ------------------------------------------------------------------------


def test_validate_a_good_file(fake_bundle: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "own.svg").write_bytes(OWN_SVG)
    path = tmp_path / "mine.toml"
    path.write_text(
        catalog_toml(entry_toml("a", illustration="own.svg"), entry_toml("b")), encoding="utf-8"
    )
    assert validate_file(path, bundled_illustrations=fake_bundle[1]) == []


def test_validate_reports_fields_and_missing_pictures(
    fake_bundle: tuple[Path, Path], tmp_path: Path
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        catalog_toml(entry_toml("a", illustration="nope.svg"), entry_toml("B")), encoding="utf-8"
    )
    problems = validate_file(path, bundled_illustrations=fake_bundle[1])
    assert [(p.file, p.entry, p.field) for p in problems] == [
        (str(path), "B", "id"),
        (str(path), "a", "illustration"),
    ]


def test_validate_an_unreadable_file(tmp_path: Path) -> None:
    problems = validate_file(tmp_path / "missing.toml")
    assert len(problems) == 1
    assert problems[0].message.startswith("cannot read the file")
    (tmp_path / "syntax.toml").write_text("[[entry", encoding="utf-8")
    assert [p.message[:15] for p in validate_file(tmp_path / "syntax.toml")] == ["not valid TOML:"]


def test_validate_accepts_the_bundled_catalog_files() -> None:
    catalog = bundled.catalog_dir()
    assert isinstance(catalog, Path), "tests run from a checkout or an unzipped install"
    files = sorted(catalog.glob("*.toml"))
    assert files
    for path in files:
        assert validate_file(path) == [], path
