"""Hostile and odd catalog files: the loader and ``catalog --validate`` refuse what they
must, never hang, never crash, and keep the rest of the catalog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backbreak.core.catalog import FILE_LEVEL, Entry
from backbreak.core.svg_safety import MAX_ELEMENTS, svg_problem
from backbreak.platform.catalog_files import (
    GENERIC_ILLUSTRATION,
    illustration_bytes,
    load_catalog,
    validate_file,
)
from tests.faults.blocking import returns_promptly

SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def entry_toml(entry_id: str, illustration: str) -> str:
    return f"""schema = 1
[[entry]]
id = "{entry_id}"
title = "A title"
kind = "stretch"
areas = ["neck"]
duration = 30
sides = "one"
position = "standing"
steps = ["First this.", "Then that."]
why = "It helps."
illustration = "{illustration}"
"""


def svg(body: str) -> bytes:
    return f"<svg {SVG_NS} width='10' height='10'>{body}</svg>".encode()


# Every way an SVG can name something outside itself that QtSvg or an XML parser follows.
OUTSIDE_REFERENCES = {
    "image href": svg('<image href="/etc/hostname" width="10" height="10"/>'),
    "image xlink:href": svg('<image xlink:href="file:///etc/hostname"/>'),
    "relative image": svg('<image xlink:href="secret.png"/>'),
    "use of another file": svg('<use xlink:href="other.svg#shape"/>'),
    "fill url": svg('<rect fill="url(other.svg#grad)" width="5" height="5"/>'),
    "style url": svg("<rect style=\"fill: url('/tmp/x.svg#g')\"/>"),
    "style element": svg("<style>rect { fill: url(http://example.org/a#b) }</style>"),
    "style import": svg("<style>@import 'other.css';</style>"),
    "external entity": b'<!DOCTYPE svg [<!ENTITY x SYSTEM "/etc/hostname">]><svg>&x;</svg>',
    "stylesheet": b'<?xml-stylesheet href="a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
}


@pytest.mark.parametrize("name", sorted(OUTSIDE_REFERENCES))
def test_an_svg_naming_anything_outside_itself_is_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / "pic.svg").write_bytes(OUTSIDE_REFERENCES[name])
    toml = tmp_path / "mine.toml"
    toml.write_text(entry_toml("mine", "pic.svg"))

    problems = validate_file(toml)
    assert [p.field for p in problems] == ["illustration"], problems
    loaded = load_catalog(tmp_path)
    assert loaded.by_id()["mine"].illustration == GENERIC_ILLUSTRATION
    assert svg_problem(OUTSIDE_REFERENCES[name]) is not None


def test_inside_references_and_data_urls_are_fine() -> None:
    inside = svg(
        '<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="5" height="5"/>'
        '<use href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>'
    )
    assert svg_problem(inside) is None


def test_every_bundled_illustration_passes_the_check() -> None:
    from backbreak import bundled

    folder = bundled.illustrations_dir()
    pictures = [item for item in folder.iterdir() if item.name.endswith(".svg")]
    assert pictures
    for picture in pictures:
        assert svg_problem(picture.read_bytes()) is None, picture.name


def test_a_picture_swapped_for_a_hostile_one_after_loading_is_not_drawn(
    tmp_path: Path,
) -> None:
    picture = tmp_path / "pic.svg"
    picture.write_bytes(svg('<rect width="5" height="5"/>'))
    (tmp_path / "mine.toml").write_text(entry_toml("mine", "pic.svg"))
    entry = load_catalog(tmp_path).by_id()["mine"]
    assert entry.illustration == str(picture)
    picture.write_bytes(OUTSIDE_REFERENCES["image href"])
    drawn = illustration_bytes(entry)
    assert b"/etc/hostname" not in drawn and drawn.lstrip().startswith(b"<svg")


def test_a_huge_svg_is_refused_before_it_is_drawn(tmp_path: Path) -> None:
    many = svg("<g/>" * (MAX_ELEMENTS + 1))
    assert "elements" in (svg_problem(many) or "")
    (tmp_path / "big.svg").write_bytes(b"<svg>" + b" " * (3 * 1024 * 1024) + b"</svg>")
    (tmp_path / "mine.toml").write_text(entry_toml("mine", "big.svg"))
    problems = validate_file(tmp_path / "mine.toml")
    assert any("too large" in p.message for p in problems), problems


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_where_a_file_should_be_never_blocks(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pic.svg")
    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "mine.toml").write_text(entry_toml("mine", "pic.svg"))

    loaded = returns_promptly(lambda: load_catalog(tmp_path))
    assert loaded.by_id()["mine"].illustration == GENERIC_ILLUSTRATION
    problems = returns_promptly(lambda: validate_file(tmp_path / "fifo.toml"))
    assert [p.entry for p in problems] == [FILE_LEVEL]
    fifo_entry = Entry(
        id="x", title="x", kind="stretch", areas=("neck",), duration_seconds=30, sides="one",
        steps=("a",), why="b", caution=None, needs=(), illustration=str(tmp_path / "pic.svg"),
    )  # fmt: skip
    drawn = returns_promptly(lambda: illustration_bytes(fifo_entry))
    assert drawn.lstrip().startswith(b"<svg")


def test_a_device_where_a_catalog_file_should_be_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    problems = returns_promptly(lambda: validate_file(tmp_path / "zero.toml"))
    assert [p.entry for p in problems] == [FILE_LEVEL]
    assert "not a regular file" in problems[0].message


def test_deeply_nested_toml_is_one_problem_and_the_rest_loads(tmp_path: Path) -> None:
    (tmp_path / "deep.toml").write_text("x = " + "[" * 1000 + "]" * 1000 + "\n")
    (tmp_path / "mine.toml").write_text(entry_toml("mine", "generic.svg"))
    loaded = load_catalog(tmp_path)
    assert "mine" in loaded.by_id()
    assert [p.entry for p in loaded.problems if "deep.toml" in p.file] == [FILE_LEVEL]
    assert validate_file(tmp_path / "deep.toml")[0].message == "nested too deeply to read"
