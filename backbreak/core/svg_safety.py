"""Is an SVG self-contained and small enough to draw?

An SVG may name other files (``<image href="/home/…">``, ``url(file.svg#x)`` in a style,
an external entity in a DOCTYPE, an ``xml-stylesheet``); Qt would load them, so a shared
catalog could make backbreak read (and show) any local file, or block on a FIFO. Only
references into the same document (``#id``) and ``data:`` URLs are allowed. The element
count and nesting are bounded so a 400,000-element picture is refused before Qt builds it.

``svg_problem`` streams the bytes through expat once; it never builds a tree.
"""

from __future__ import annotations

import re
from xml.parsers import expat

MAX_ELEMENTS = 20_000
MAX_DEPTH = 200

_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_LINK_ATTRIBUTES = frozenset({"href", "src"})


class _RefusedError(Exception):
    pass


def _is_inside(reference: str) -> bool:
    reference = reference.strip()
    return reference == "" or reference.startswith("#") or reference.lower().startswith("data:")


def _check_css(text: str) -> None:
    if "@import" in text.lower():
        raise _RefusedError("its style imports another file")
    for reference in _URL.findall(text):
        if not _is_inside(reference):
            raise _RefusedError(f"its style refers to {reference!r} outside the picture")


def svg_problem(data: bytes) -> str | None:
    """Why ``data`` must not be drawn, or None when it is a self-contained SVG."""
    parser = expat.ParserCreate(namespace_separator=" ")
    counts = {"elements": 0, "depth": 0, "style": 0}
    style_text: list[str] = []

    def local(name: str) -> str:
        return name.rsplit(" ", 1)[-1]

    def start(name: str, attributes: dict[str, str]) -> None:
        counts["elements"] += 1
        counts["depth"] += 1
        if counts["elements"] > MAX_ELEMENTS:
            raise _RefusedError(f"it has more than {MAX_ELEMENTS} elements")
        if counts["depth"] > MAX_DEPTH:
            raise _RefusedError(f"it is nested more than {MAX_DEPTH} levels deep")
        if local(name) == "style":
            counts["style"] += 1
        for key, value in attributes.items():
            if local(key) in _LINK_ATTRIBUTES and not _is_inside(value):
                where = value.strip()
                raise _RefusedError(f"<{local(name)}> refers to {where!r} outside the picture")
            if local(key) == "style" or "url(" in value.lower():
                _check_css(value)

    def end(name: str) -> None:
        counts["depth"] -= 1
        if local(name) == "style":
            counts["style"] -= 1
            _check_css("".join(style_text))
            style_text.clear()

    def text(content: str) -> None:
        if counts["style"]:
            style_text.append(content)

    def doctype(*_args: object) -> None:
        # Entities (internal ones can multiply text, external ones read files) and
        # external DTDs have no place in a picture.
        raise _RefusedError("it declares a DOCTYPE")

    def instruction(target: str, _data: str) -> None:
        if target.lower() == "xml-stylesheet":
            raise _RefusedError("it links a style sheet")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except _RefusedError as refused:
        return str(refused)
    except expat.ExpatError as error:
        return f"it is not valid XML ({expat.errors.messages.get(error.code, error)})"
    except RecursionError:
        return f"it is nested more than {MAX_DEPTH} levels deep"
    if counts["elements"] == 0:
        return "it has no elements"
    return None
