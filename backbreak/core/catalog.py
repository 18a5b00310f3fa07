"""The exercise catalog model: typed entries and their validation from parsed TOML.

Only the standard library. Reading files (bundled resources and the user's catalog folder)
lives in ``backbreak.platform.catalog_files``.

Catalog file format (UTF-8 TOML, one or more ``[[entry]]`` tables)::

    schema = 1

    [[entry]]
    id = "standing-hamstring-reach"       # stable, lowercase-kebab, unique
    title = "Standing hamstring reach"    # up to 80 characters
    kind = "stretch"                      # movement | stretch | posture | mobility | strength
    areas = ["hamstrings", "lower_back"]  # one or more of BODY_AREAS, no repeats
    duration = 60                         # seconds, 10–600; for sides = "each" the total
                                          # of both sides (the switch comes at half time)
    sides = "each"                        # "one" or "each"
    position = "standing"                 # standing | seated | floor (see POSITIONS)
    steps = ["...", "..."]                # 2–5 short steps, each up to 140 characters
    why = "One line on why it helps."     # up to 160 characters
    caution = "Stop if ..."               # optional, up to 200 characters
    needs = ["wall"]                      # optional, from NEEDS; empty/absent = office-friendly
    illustration = "standing-hamstring-reach.svg"   # an .svg file (see below)
    illustration_alt = "A person standing, ..."      # optional: what the picture shows,
                                          # read by screen readers (up to 160 characters)

``illustration`` is a relative name: for the bundled catalog, a file in the bundled
illustrations folder; for a user catalog file, a file next to that TOML file (the loader
also accepts the name of a bundled illustration). It may not be absolute or climb out with
``..``.

Unknown keys are reported (they are usually typos) but do not reject an entry; any other
bad field rejects that one entry, which is reported and skipped while the rest load.
``position`` came after the first catalogs were written: an entry without it still loads,
counted as "seated" (the cautious reading), and the omission is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

CATALOG_SCHEMA = 1

KINDS: tuple[str, ...] = ("movement", "stretch", "posture", "mobility", "strength")
"""movement = stand up / walk; posture = a posture check; the rest as named."""

BODY_AREAS: tuple[str, ...] = (
    "neck",
    "shoulders",
    "chest",
    "upper_back",
    "lower_back",
    "hip_flexors",
    "glutes",
    "hamstrings",
    "calves",
    "wrists",
    "eyes",
    "whole_body",
)

NEEDS: tuple[str, ...] = ("floor", "towel", "wall", "ball", "door", "space")
"""What an entry needs beyond a desk and a chair. Any of these = not office-friendly."""

SIDES: tuple[str, ...] = ("one", "each")

Sides = Literal["one", "each"]

POSITIONS: tuple[str, ...] = ("standing", "seated", "floor")
"""Where the steps put the body. "seated" includes moves that work sitting or standing:
they do not get anyone out of the chair. "floor" moves do (down to the floor and back up)."""

Position = Literal["standing", "seated", "floor"]

OUT_OF_CHAIR: frozenset[str] = frozenset({"standing", "floor"})
"""Positions that end a sitting stretch: a scheduled prompt offers only these (see
``backbreak.core.picker``)."""

MISSING_POSITION: Position = "seated"
"""What an entry without ``position`` counts as: the cautious reading, since a scheduled
prompt must never keep someone in the chair by mistake."""

MIN_DURATION_SECONDS = 10
MAX_DURATION_SECONDS = 600
MIN_STEPS = 2
MAX_STEPS = 5
MAX_ID_CHARS = 64
MAX_TITLE_CHARS = 80
MAX_STEP_CHARS = 140
MAX_WHY_CHARS = 160
MAX_CAUTION_CHARS = 200
MAX_ALT_CHARS = 160
"""The picture's text alternative (``illustration_alt``)."""

FILE_LEVEL = ""
"""``CatalogProblem.entry`` for problems about the whole file rather than one entry."""

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REQUIRED = ("id", "title", "kind", "areas", "duration", "sides", "steps", "why", "illustration")
_OPTIONAL = ("caution", "needs", "position", "illustration_alt")
_TOP_LEVEL_KEYS = ("schema", "entry")


@dataclass(frozen=True)
class Entry:
    """One stretch, posture check or movement, as shown in a prompt."""

    id: str
    title: str
    kind: str
    areas: tuple[str, ...]
    duration_seconds: int
    """Total hold time; for ``sides == "each"`` the switch comes at half of it."""
    sides: Sides
    steps: tuple[str, ...]
    why: str
    caution: str | None
    needs: tuple[str, ...]
    illustration: str
    """File name inside the catalog's illustrations folder, or an absolute path for user
    entries (resolved by the loader)."""
    source: str = "bundled"
    """Where the entry came from: "bundled" or the user file's path."""
    position: Position = MISSING_POSITION
    """Standing, seated or on the floor (see ``POSITIONS``)."""
    illustration_alt: str | None = None
    """What the picture shows, in words: its text alternative for screen readers."""

    @property
    def office_friendly(self) -> bool:
        return not self.needs

    @property
    def gets_you_up(self) -> bool:
        """True when doing it takes the person out of the chair (standing or floor)."""
        return self.position in OUT_OF_CHAIR


@dataclass(frozen=True)
class CatalogProblem:
    """A bad entry or field, named so the user can find and fix it."""

    file: str
    entry: str
    """The entry's id, ``"#3"`` (1-based position) when it has no usable id, or
    ``FILE_LEVEL`` for a problem with the whole file."""
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.entry == FILE_LEVEL else f"{self.file}: entry {self.entry!r}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class _FieldError(Exception):
    """Raised inside one entry's validation; caught per entry, never escapes the module."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _text(raw: Mapping[str, object], key: str, limit: int) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise _FieldError(key, "expected non-empty text")
    text = value.strip()
    if len(text) > limit:
        raise _FieldError(key, f"{len(text)} characters; keep it to {limit} or fewer")
    return text


def _choices(raw: object, key: str, allowed: tuple[str, ...], *, at_least: int) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise _FieldError(key, f"expected a list drawn from: {', '.join(allowed)}")
    unknown = [str(item) for item in raw if item not in allowed]
    if unknown:
        raise _FieldError(
            key, f"unknown value(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}"
        )
    if len(set(raw)) != len(raw):
        raise _FieldError(key, "a value is listed twice")
    if len(raw) < at_least:
        raise _FieldError(key, "list at least one")
    return tuple(str(item) for item in raw)


def _steps(raw: object) -> tuple[str, ...]:
    key = "steps"
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise _FieldError(key, "expected a list of short sentences")
    steps = tuple(str(item).strip() for item in raw)
    if not MIN_STEPS <= len(steps) <= MAX_STEPS:
        raise _FieldError(key, f"{len(steps)} steps; write {MIN_STEPS} to {MAX_STEPS}")
    for number, step in enumerate(steps, start=1):
        if not step:
            raise _FieldError(key, f"step {number} is empty")
        if len(step) > MAX_STEP_CHARS:
            raise _FieldError(
                key, f"step {number} has {len(step)} characters; keep it to {MAX_STEP_CHARS}"
            )
    return steps


def _duration(raw: object) -> int:
    # bool is an int subclass in Python; `duration = true` is a mistake, not 1 second.
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _FieldError("duration", "expected a whole number of seconds")
    if not MIN_DURATION_SECONDS <= raw <= MAX_DURATION_SECONDS:
        raise _FieldError(
            "duration",
            f"{raw} s is outside {MIN_DURATION_SECONDS}–{MAX_DURATION_SECONDS} seconds",
        )
    return raw


def _illustration(raw: object) -> str:
    key = "illustration"
    if not isinstance(raw, str) or not raw.strip():
        raise _FieldError(key, "expected the name of an .svg file")
    name = raw.strip()
    path = PurePosixPath(name.replace("\\", "/"))
    # Relative and inside the folder: a catalog file must not point anywhere on the disk.
    if path.is_absolute() or ":" in name or ".." in path.parts:
        raise _FieldError(key, "use a file name relative to the catalog, without '..'")
    if path.suffix.lower() != ".svg":
        raise _FieldError(key, "must be an .svg file")
    return path.as_posix()


def _entry_from(raw: Mapping[str, object], source: str) -> Entry:
    missing = [key for key in _REQUIRED if key not in raw]
    if missing:
        raise _FieldError(missing[0], "required field is missing")
    entry_id = raw["id"]
    if not isinstance(entry_id, str) or not _ID_RE.match(entry_id):
        raise _FieldError("id", "expected lowercase letters, digits and dashes, like 'neck-roll'")
    if len(entry_id) > MAX_ID_CHARS:
        raise _FieldError("id", f"keep it to {MAX_ID_CHARS} characters")
    kind = raw["kind"]
    if kind not in KINDS:
        raise _FieldError("kind", f"{kind!r} is not one of: {', '.join(KINDS)}")
    sides = raw["sides"]
    if sides not in SIDES:
        raise _FieldError("sides", f'{sides!r}: expected "one" or "each"')
    caution: str | None = None
    if "caution" in raw:
        caution = _text(raw, "caution", MAX_CAUTION_CHARS)
    illustration_alt: str | None = None
    if "illustration_alt" in raw:
        illustration_alt = _text(raw, "illustration_alt", MAX_ALT_CHARS)
    position = raw.get("position", MISSING_POSITION)
    if position not in POSITIONS:
        raise _FieldError("position", f"{position!r} is not one of: {', '.join(POSITIONS)}")
    return Entry(
        id=entry_id,
        title=_text(raw, "title", MAX_TITLE_CHARS),
        kind=str(kind),
        areas=_choices(raw["areas"], "areas", BODY_AREAS, at_least=1),
        duration_seconds=_duration(raw["duration"]),
        sides="each" if sides == "each" else "one",
        steps=_steps(raw["steps"]),
        why=_text(raw, "why", MAX_WHY_CHARS),
        caution=caution,
        needs=_choices(raw.get("needs", []), "needs", NEEDS, at_least=0),
        illustration=_illustration(raw["illustration"]),
        source=source,
        position=_position(position),
        illustration_alt=illustration_alt,
    )


def _position(value: object) -> Position:
    # Spelled out so mypy sees the Literal; the caller has checked it is in POSITIONS.
    if value == "standing":
        return "standing"
    if value == "floor":
        return "floor"
    return "seated"


def _label(raw: object, position: int) -> str:
    """How a problem names an entry: its id when it has a plausible one, else ``#n``."""
    if isinstance(raw, Mapping):
        entry_id = raw.get("id")
        if isinstance(entry_id, str) and entry_id.strip():
            return entry_id.strip()
    return f"#{position}"


def parse_catalog(
    doc: Mapping[str, object], file: str, *, source: str = "bundled"
) -> tuple[list[Entry], list[CatalogProblem]]:
    """Validate one parsed catalog file.

    Returns the good entries in file order and one problem per bad entry (or unknown key);
    never raises on user data. A missing or unsupported ``schema`` gives one problem and no
    entries, since the fields might mean something else in another version. ``file`` names
    the file in problems; ``source`` is stored on each entry.
    """
    problems: list[CatalogProblem] = []
    schema = doc.get("schema")
    if isinstance(schema, bool) or schema != CATALOG_SCHEMA:
        found = "it is missing" if "schema" not in doc else f"found {schema!r}"
        message = f"expected 'schema = {CATALOG_SCHEMA}' at the top of the file; {found}"
        return [], [CatalogProblem(file, FILE_LEVEL, "schema", message)]
    for key in doc:
        if key not in _TOP_LEVEL_KEYS:
            problems.append(
                CatalogProblem(file, FILE_LEVEL, key, "unknown key (entries go in [[entry]])")
            )
    raw_entries = doc.get("entry", [])
    if not isinstance(raw_entries, list):
        problems.append(
            CatalogProblem(file, FILE_LEVEL, "entry", "write entries as [[entry]] tables")
        )
        return [], problems

    entries: list[Entry] = []
    seen: set[str] = set()
    for position, raw in enumerate(raw_entries, start=1):
        label = _label(raw, position)
        if not isinstance(raw, Mapping):
            problems.append(CatalogProblem(file, label, "", "expected an [[entry]] table"))
            continue
        try:
            entry = _entry_from(raw, source)
        except _FieldError as bad:
            problems.append(CatalogProblem(file, label, bad.field, bad.message))
            continue
        if entry.id in seen:
            problems.append(
                CatalogProblem(file, label, "id", "used twice in this file; the first one counts")
            )
            continue
        seen.add(entry.id)
        entries.append(entry)
        if isinstance(raw, Mapping) and "position" not in raw:
            problems.append(
                CatalogProblem(
                    file,
                    label,
                    "position",
                    f'missing; counted as "{MISSING_POSITION}", so it is offered only on '
                    f'"Another one". Add position = "standing", "seated" or "floor"',
                )
            )
        for key in raw:
            if key not in _REQUIRED and key not in _OPTIONAL:
                problems.append(
                    CatalogProblem(file, label, str(key), "unknown field (ignored; a typo?)")
                )
    return entries, problems


def merge_catalogs(bundled: Iterable[Entry], user: Iterable[Entry]) -> list[Entry]:
    """The bundled entries with the user's layered on top.

    A user entry with a bundled id replaces it in place (the user's words win); other user
    entries are added after the bundled ones, in their order. Within ``user`` a later entry
    with the same id replaces an earlier one.
    """
    merged: dict[str, Entry] = {entry.id: entry for entry in bundled}
    for entry in user:
        merged[entry.id] = entry
    return list(merged.values())
