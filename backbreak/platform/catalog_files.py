"""Load the exercise catalog from disk: the bundled files, then the user's folder.

Every ``*.toml`` in the bundled catalog folder is loaded (sorted by name), then every
``*.toml`` in the user's catalog folder. Each file stands alone: a TOML syntax error in one
file is one problem naming that file and the others still load; a bad entry is reported
and skipped (see ``backbreak.core.catalog`` for the format). User entries add new ids or
replace bundled entries with the same id.

Translations: with a ``language``, the bundled entries take their title, steps, why and
caution from ``i18n/<language>.toml`` in the bundled catalog folder when that file exists
(``backbreak.core.catalog_i18n``); a missing text stays English. The user's own entries
are their own words and are never overlaid.

Illustrations: a bundled entry names a file in the bundled illustrations folder. A user
entry names a file relative to its own TOML file (stored on the entry as an absolute path),
or, when no such file exists there, the name of a bundled illustration. A missing picture
is reported and the entry keeps working with the generic illustration.
"""

from __future__ import annotations

import dataclasses
import logging
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from backbreak import bundled
from backbreak.core.catalog import (
    FILE_LEVEL,
    CatalogProblem,
    Entry,
    merge_catalogs,
    parse_catalog,
)
from backbreak.core.catalog_i18n import apply_overlay
from backbreak.core.svg_safety import svg_problem
from backbreak.platform.safe_files import (
    CATALOG_MAX_BYTES,
    ILLUSTRATION_MAX_BYTES,
    read_regular_file,
)

log = logging.getLogger(__name__)

GENERIC_ILLUSTRATION = "generic.svg"
"""The bundled picture shown when an entry's own illustration can't be found."""

# Used only if even the bundled generic picture is unreadable (a broken install): an empty
# drawing keeps the prompt window working instead of raising.
_EMPTY_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200"></svg>'


@dataclass(frozen=True)
class LoadedCatalog:
    """The usable entries plus everything that was wrong on the way."""

    entries: list[Entry]
    problems: list[CatalogProblem]

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


def _read_toml(
    read: Callable[[], bytes], label: str, problems: list[CatalogProblem]
) -> dict[str, object] | None:
    try:
        # utf-8-sig: editors on Windows like to start files with a byte-order mark.
        return tomllib.loads(read().decode("utf-8-sig"))
    except OSError as error:
        problems.append(CatalogProblem(label, FILE_LEVEL, "", f"cannot read the file: {error}"))
    except UnicodeDecodeError:
        problems.append(CatalogProblem(label, FILE_LEVEL, "", "the file is not UTF-8 text"))
    except tomllib.TOMLDecodeError as error:
        problems.append(CatalogProblem(label, FILE_LEVEL, "", f"not valid TOML: {error}"))
    except RecursionError:
        # tomllib recurses once per nesting level; a few hundred levels exhaust the stack.
        problems.append(CatalogProblem(label, FILE_LEVEL, "", "nested too deeply to read"))
    return None


def read_illustration(path: Path) -> bytes:
    """The bytes of a user's picture file, if it is safe to draw.

    Raises OSError (``UnsafeFileError`` included) with the reason otherwise: not a regular
    file, too large, or an SVG that refers to other files or is too big to draw.
    """
    data = read_regular_file(path, ILLUSTRATION_MAX_BYTES)
    if data.lstrip()[:1] == b"<":
        problem = svg_problem(data)
        if problem is not None:
            raise OSError(f"{path} is not used: {problem}")
    return data


def _drop_repeated_ids(
    entries: Iterable[Entry], label: str, seen: dict[str, str], problems: list[CatalogProblem]
) -> list[Entry]:
    """Entries whose id no earlier file of the same origin used (first file wins)."""
    kept: list[Entry] = []
    for entry in entries:
        if entry.id in seen:
            problems.append(
                CatalogProblem(
                    label,
                    entry.id,
                    "id",
                    f"already defined in {seen[entry.id]}; this one is ignored",
                )
            )
            continue
        seen[entry.id] = label
        kept.append(entry)
    return kept


def _with_bundled_illustration(
    entry: Entry, label: str, illustrations: Traversable, problems: list[CatalogProblem]
) -> Entry:
    if illustrations.joinpath(entry.illustration).is_file():
        return entry
    problems.append(
        CatalogProblem(
            label,
            entry.id,
            "illustration",
            f"{entry.illustration} is not in the bundled illustrations; showing a generic one",
        )
    )
    return dataclasses.replace(entry, illustration=GENERIC_ILLUSTRATION)


def _with_user_illustration(
    entry: Entry,
    folder: Path,
    label: str,
    illustrations: Traversable,
    problems: list[CatalogProblem],
) -> Entry:
    beside_file = folder / entry.illustration
    if beside_file.exists():
        try:
            read_illustration(beside_file)
        except OSError as error:
            problems.append(
                CatalogProblem(
                    label, entry.id, "illustration", f"{error}; showing a generic illustration"
                )
            )
            return dataclasses.replace(entry, illustration=GENERIC_ILLUSTRATION)
        return dataclasses.replace(entry, illustration=str(beside_file.absolute()))
    if illustrations.joinpath(entry.illustration).is_file():
        return entry  # the user reused a bundled picture by name
    problems.append(
        CatalogProblem(
            label,
            entry.id,
            "illustration",
            f"{beside_file} not found; showing a generic illustration",
        )
    )
    return dataclasses.replace(entry, illustration=GENERIC_ILLUSTRATION)


def _toml_files(folder: Traversable) -> list[Traversable]:
    return sorted(
        (item for item in folder.iterdir() if item.name.endswith(".toml") and item.is_file()),
        key=lambda item: item.name,
    )


def _load_bundled(
    catalog: Traversable, illustrations: Traversable, problems: list[CatalogProblem]
) -> list[Entry]:
    if not catalog.is_dir():
        problems.append(
            CatalogProblem("bundled catalog", FILE_LEVEL, "", "folder not found (broken install?)")
        )
        return []
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for file in _toml_files(catalog):
        label = f"bundled catalog/{file.name}"
        doc = _read_toml(file.read_bytes, label, problems)
        if doc is None:
            continue
        parsed, file_problems = parse_catalog(doc, label)
        problems.extend(file_problems)
        for entry in _drop_repeated_ids(parsed, label, seen, problems):
            entries.append(_with_bundled_illustration(entry, label, illustrations, problems))
    return entries


def _load_user_file(
    path: Path, illustrations: Traversable, problems: list[CatalogProblem]
) -> list[Entry]:
    label = str(path)
    doc = _read_toml(lambda: read_regular_file(path, CATALOG_MAX_BYTES), label, problems)
    if doc is None:
        return []
    parsed, file_problems = parse_catalog(doc, label, source=label)
    problems.extend(file_problems)
    return [
        _with_user_illustration(entry, path.parent, label, illustrations, problems)
        for entry in parsed
    ]


def _load_user(
    user_dir: Path, illustrations: Traversable, problems: list[CatalogProblem]
) -> list[Entry]:
    if not user_dir.exists():
        return []  # the usual case: the user never added a catalog of their own
    try:
        files = sorted(path for path in user_dir.glob("*.toml") if path.is_file())
    except OSError as error:
        problems.append(CatalogProblem(str(user_dir), FILE_LEVEL, "", f"cannot list: {error}"))
        return []
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for path in files:
        parsed = _load_user_file(path, illustrations, problems)
        entries.extend(_drop_repeated_ids(parsed, str(path), seen, problems))
    return entries


def translation_file(catalog: Traversable, language: str) -> Traversable | None:
    """The overlay for ``language`` ("de_AT" falls back to "de"); None when none ships."""
    for code in dict.fromkeys((language, language.split("_", maxsplit=1)[0])):
        if code:
            # One segment per joinpath: a namespace package's MultiplexedPath (a frozen app)
            # takes only one on Python 3.11.
            item = catalog.joinpath("i18n").joinpath(f"{code}.toml")
            if item.is_file():
                return item
    return None


def _translate_bundled(
    entries: list[Entry], catalog: Traversable, language: str, problems: list[CatalogProblem]
) -> list[Entry]:
    overlay = translation_file(catalog, language) if language else None
    if overlay is None:
        return entries
    label = f"bundled catalog/i18n/{overlay.name}"
    doc = _read_toml(overlay.read_bytes, label, problems)
    if doc is None:
        return entries
    translated, overlay_problems = apply_overlay(entries, doc, label)
    problems.extend(overlay_problems)
    return translated


def load_catalog(
    user_dir: Path | None,
    *,
    language: str = "",
    bundled_catalog: Traversable | None = None,
    bundled_illustrations: Traversable | None = None,
) -> LoadedCatalog:
    """Load the bundled catalog and, if given, the user's ``*.toml`` files on top.

    ``language`` (e.g. "de", as returned by ``platform.i18n.install_translator``) shows
    the bundled entries in that language where a translation ships; "" or "en" keeps
    them English. Never raises on bad files: every problem is returned (and logged). The
    keyword arguments point at other bundled folders (tests).
    """
    catalog = bundled_catalog if bundled_catalog is not None else bundled.catalog_dir()
    illustrations = (
        bundled_illustrations if bundled_illustrations is not None else bundled.illustrations_dir()
    )
    problems: list[CatalogProblem] = []
    bundled_entries = _translate_bundled(
        _load_bundled(catalog, illustrations, problems), catalog, language, problems
    )
    user_entries = _load_user(user_dir, illustrations, problems) if user_dir is not None else []
    for problem in problems:
        log.warning("catalog: %s", problem)
    return LoadedCatalog(merge_catalogs(bundled_entries, user_entries), problems)


def validate_file(
    path: Path, *, bundled_illustrations: Traversable | None = None
) -> list[CatalogProblem]:
    """Everything wrong with one catalog file, checked as the loader would check a user file
    (for ``backbreak catalog --validate FILE``). An empty list means the file is fine."""
    illustrations = (
        bundled_illustrations if bundled_illustrations is not None else bundled.illustrations_dir()
    )
    problems: list[CatalogProblem] = []
    _load_user_file(path, illustrations, problems)
    return problems


def illustration_bytes(entry: Entry, *, bundled_illustrations: Traversable | None = None) -> bytes:
    """The SVG for ``entry``; the generic picture if its file has gone since loading."""
    illustrations = (
        bundled_illustrations if bundled_illustrations is not None else bundled.illustrations_dir()
    )
    own = Path(entry.illustration)
    try:
        if own.is_absolute():
            # Checked when the catalog was loaded, but the file may have changed since.
            return read_illustration(own)
        return illustrations.joinpath(entry.illustration).read_bytes()
    except OSError as error:
        log.warning("illustration for %s unreadable (%s); using the generic one", entry.id, error)
    try:
        return illustrations.joinpath(GENERIC_ILLUSTRATION).read_bytes()
    except OSError as error:
        log.error("generic illustration unreadable (%s); showing nothing", error)
        return _EMPTY_SVG
