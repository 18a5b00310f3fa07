"""Translated catalog texts: an overlay of title, steps, why, caution and the picture's
description per entry id.

Only the standard library. The overlay files live beside the bundled catalog
(``resources/catalog/i18n/<language>.toml``) and are read by
``backbreak.platform.catalog_files``. Format (UTF-8 TOML)::

    schema = 1
    language = "de"

    [entry.neck-side-tilt]
    title = "Kopf zur Seite neigen"
    steps = ["...", "..."]      # as many steps as the English entry
    why = "..."
    caution = "..."             # only where the English entry has one
    illustration_alt = "..."    # the picture's description, where the entry has one

Everything else about an entry (kind, areas, duration, picture) comes from the catalog
itself. The same length limits apply as in the catalog. A field that is missing or bad
keeps its English text, so a half-finished translation never hides an exercise; bad fields
and unknown ids are reported.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from backbreak.core.catalog import (
    CATALOG_SCHEMA,
    FILE_LEVEL,
    MAX_ALT_CHARS,
    MAX_CAUTION_CHARS,
    MAX_STEP_CHARS,
    MAX_TITLE_CHARS,
    MAX_WHY_CHARS,
    CatalogProblem,
    Entry,
)

TEXT_FIELDS: tuple[str, ...] = ("title", "steps", "why", "caution", "illustration_alt")
"""The fields an overlay may translate."""

_LIMITS = {
    "title": MAX_TITLE_CHARS,
    "why": MAX_WHY_CHARS,
    "caution": MAX_CAUTION_CHARS,
    "illustration_alt": MAX_ALT_CHARS,
}


class _BadFieldError(Exception):
    pass


def _text(value: object, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _BadFieldError("expected non-empty text")
    text = value.strip()
    if len(text) > limit:
        raise _BadFieldError(f"{len(text)} characters; keep it to {limit} or fewer")
    return text


def _steps(value: object, english: tuple[str, ...]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _BadFieldError("expected a list of short sentences")
    steps = tuple(str(item).strip() for item in value)
    # A different count means the English steps changed since the translation was made.
    if len(steps) != len(english):
        raise _BadFieldError(f"{len(steps)} steps, but the entry has {len(english)}")
    for number, step in enumerate(steps, start=1):
        if not step:
            raise _BadFieldError(f"step {number} is empty")
        if len(step) > MAX_STEP_CHARS:
            raise _BadFieldError(
                f"step {number} has {len(step)} characters; keep it to {MAX_STEP_CHARS}"
            )
    return steps


def _translated(
    entry: Entry, raw: Mapping[str, object], file: str
) -> tuple[Entry, list[CatalogProblem]]:
    changes: dict[str, object] = {}
    problems: list[CatalogProblem] = []
    for key, value in raw.items():
        try:
            if key == "steps":
                changes["steps"] = _steps(value, entry.steps)
            elif key == "caution" and entry.caution is None:
                raise _BadFieldError("the entry has no caution to translate")
            elif key == "illustration_alt" and entry.illustration_alt is None:
                raise _BadFieldError("the entry has no picture description to translate")
            elif key in _LIMITS:
                changes[key] = _text(value, _LIMITS[key])
            else:
                raise _BadFieldError("unknown field (ignored; a typo?)")
        except _BadFieldError as bad:
            problems.append(CatalogProblem(file, entry.id, key, f"{bad}; the English text stays"))
    return dataclasses.replace(entry, **changes), problems  # type: ignore[arg-type]


def apply_overlay(
    entries: Sequence[Entry], doc: Mapping[str, object], file: str
) -> tuple[list[Entry], list[CatalogProblem]]:
    """``entries`` with the overlay's texts in place, plus what was wrong with the overlay.

    Never raises on the file's content: a wrong schema gives one problem and the entries
    unchanged; a bad field keeps that one field English.
    """
    schema = doc.get("schema")
    if isinstance(schema, bool) or schema != CATALOG_SCHEMA:
        message = f"expected 'schema = {CATALOG_SCHEMA}'; the translation is not used"
        return list(entries), [CatalogProblem(file, FILE_LEVEL, "schema", message)]
    raw_entries = doc.get("entry", {})
    if not isinstance(raw_entries, Mapping):
        message = "write translations as [entry.<id>] tables"
        return list(entries), [CatalogProblem(file, FILE_LEVEL, "entry", message)]
    problems: list[CatalogProblem] = []
    known = {entry.id for entry in entries}
    for entry_id in raw_entries:
        if entry_id not in known:
            problems.append(CatalogProblem(file, str(entry_id), "", "no catalog entry has this id"))
    result: list[Entry] = []
    for entry in entries:
        raw = raw_entries.get(entry.id)
        if raw is None:
            result.append(entry)
            continue
        if not isinstance(raw, Mapping):
            problems.append(CatalogProblem(file, entry.id, "", "expected an [entry.<id>] table"))
            result.append(entry)
            continue
        translated, entry_problems = _translated(entry, raw, file)
        problems.extend(entry_problems)
        result.append(translated)
    return result, problems


def untranslated_fields(entries: Sequence[Entry], doc: Mapping[str, object]) -> list[str]:
    """``"entry-id.field"`` for every text field the overlay leaves in English."""
    raw_entries = doc.get("entry", {})
    tables = raw_entries if isinstance(raw_entries, Mapping) else {}
    missing: list[str] = []
    for entry in entries:
        raw = tables.get(entry.id)
        fields = raw if isinstance(raw, Mapping) else {}
        for field in TEXT_FIELDS:
            if getattr(entry, field) is None:
                continue  # an optional text the entry does not have (caution, picture)
            if field not in fields:
                missing.append(f"{entry.id}.{field}")
    return missing


__all__ = ["TEXT_FIELDS", "apply_overlay", "untranslated_fields"]
