"""The shipped German translation is complete, compiled, and covers every string in the code.

Fails on: a string added to the code without a German translation (found both by our own
scan of the source and by pyside6-lupdate itself), an unfinished or stale message in the
.ts, a .qm that was not rebuilt after the .ts changed, a translation that lost a
placeholder, and a catalog entry or field without German text.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from backbreak.core.catalog_i18n import TEXT_FIELDS, apply_overlay, untranslated_fields
from backbreak.platform.catalog_files import load_catalog

REPO = Path(__file__).resolve().parents[2]


def _load_tool() -> ModuleType:
    # tools/ is not a package (mypy checks it as loose scripts): load the file itself, so the
    # test runs lupdate/lrelease exactly as the refresh tool does.
    spec = importlib.util.spec_from_file_location(
        "update_translations", REPO / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _load_tool()


def source_files(repo: Path) -> list[Path]:
    files: list[Path] = TOOL.source_files(repo)
    return files


TS = REPO / "resources" / "i18n" / "backbreak_de.ts"
QM = TS.with_suffix(".qm")
CATALOG_DE = REPO / "resources" / "catalog" / "i18n" / "de.toml"

Key = tuple[str, str]
"""(context, source text)"""


def ts_messages(path: Path) -> dict[Key, ET.Element]:
    """Every <message> of a .ts file by (context, source)."""
    messages: dict[Key, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def translation(message: ET.Element) -> ET.Element:
    found = message.find("translation")
    assert found is not None
    return found


MESSAGES = ts_messages(TS)


def translated() -> dict[Key, str]:
    return {
        key: translation(message).text or ""
        for key, message in MESSAGES.items()
        if translation(message).get("type") is None and translation(message).text
    }


# ---- the .ts itself ------------------------------------------------------------------


def test_the_ts_holds_a_few_hundred_messages() -> None:
    # A truncated or empty file would pass the checks below without meaning anything.
    assert len(MESSAGES) > 300
    assert ET.parse(TS).getroot().get("language") == "de"


def test_every_message_is_translated_and_current() -> None:
    bad = [
        f"{context or '<free>'}: {source!r} ({translation(message).get('type') or 'empty'})"
        for (context, source), message in MESSAGES.items()
        if translation(message).get("type") is not None or not translation(message).text
    ]
    assert bad == []


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def test_translations_keep_placeholders_and_mnemonics() -> None:
    problems = []
    for (context, source), text in translated().items():
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} → {text!r}: placeholders differ")
        if _mnemonics(source) != _mnemonics(text):
            problems.append(f"{context}: {source!r} → {text!r}: mnemonic (&) differs")
        if source.endswith("\n\n{1}") != text.endswith("\n\n{1}"):
            problems.append(f"{context}: {source!r}: line breaks differ")
    assert problems == []


def test_the_translations_are_german_not_copies() -> None:
    # Some words are the same in both languages ("Jan", "Start"), but not most of them.
    texts = translated()
    same = [key for key, text in texts.items() if text == key[1]]
    assert len(same) < len(texts) / 20, same


# ---- every string in the code has a translation -------------------------------------


def _string(node: ast.expr) -> str | None:
    """The value of a literal, including implicitly concatenated ones."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _Marked(ast.NodeVisitor):
    """Finds the literals our code marks for translation, with the context Qt looks in."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: list[tuple[Key, int]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        args = node.args
        if isinstance(func, ast.Name) and func.id in ("_", "N_") and args:
            text = _string(args[0])
            if text is not None:
                self.found.append((("", text), node.lineno))
        elif isinstance(func, ast.Attribute) and func.attr == "tr" and args and self.classes:
            if isinstance(func.value, ast.Name) and func.value.id == "self":
                text = _string(args[0])
                if text is not None:
                    self.found.append(((self.classes[-1], text), node.lineno))
        elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(args) >= 2:
            context, text = _string(args[0]), _string(args[1])
            if context is not None and text is not None:
                self.found.append(((context, text), node.lineno))
        self.generic_visit(node)


def marked_strings() -> Iterator[tuple[Path, int, Key]]:
    for path in source_files(REPO):
        finder = _Marked()
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for key, line in finder.found:
            yield path.relative_to(REPO), line, key


def test_the_scan_finds_strings_of_each_kind() -> None:
    keys = {key for _path, _line, key in marked_strings()}
    assert ("PromptWindow", "S&nooze") in keys  # self.tr
    assert ("", "Next break in {0}") in keys  # _()
    assert ("", "30 minutes") in keys  # N_()


def test_every_marked_string_in_the_code_has_a_german_translation() -> None:
    done = translated()
    missing = [
        f"{path}:{line}: {context or '<free>'}: {text!r}"
        for path, line, (context, text) in marked_strings()
        if (context, text) not in done
    ]
    assert missing == [], "run tools/update_translations.py and translate:\n" + "\n".join(missing)


def _tool(name: str) -> str:
    # The one the refresh tool runs: next to sys.executable, so the tests need no PATH.
    found = shutil.which(TOOL.pyside_tool(name))
    # Both tools come with PySide6-Essentials; their absence is a broken setup, not a skip.
    assert found is not None, f"{name} is not installed (it ships with PySide6)"
    return str(found)


def test_the_pyside_tools_are_those_of_this_python_without_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A venv that is not activated is not on PATH; its PySide6 tools are still found."""
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: nothing found by PATH
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    assert TOOL.lrelease_command(TS, QM)[0] == str(beside)
    assert TOOL.lupdate_command([], TS)[0] == str(beside.with_name("pyside6-lupdate"))
    assert beside.is_file()


def test_lupdate_finds_nothing_untranslated(tmp_path: Path) -> None:
    """What lupdate itself extracts (the tool the README tells people to run)."""
    _tool("pyside6-lupdate")
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    subprocess.run(
        TOOL.lupdate_command(source_files(REPO), fresh),
        check=True,
        cwd=REPO,
        capture_output=True,
        timeout=120,
    )
    extracted = ts_messages(fresh)
    assert len(extracted) > 300
    missing = [
        f"{context or '<free>'}: {source!r}"
        for (context, source), message in extracted.items()
        if translation(message).get("type") is not None or not translation(message).text
    ]
    assert missing == [], "run tools/update_translations.py and translate:\n" + "\n".join(missing)


def test_the_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    _tool("pyside6-lrelease")
    rebuilt = tmp_path / QM.name
    subprocess.run(TOOL.lrelease_command(TS, rebuilt), check=True, capture_output=True, timeout=60)
    assert QM.read_bytes() == rebuilt.read_bytes(), "run tools/update_translations.py --release"


# ---- the catalog ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog_de() -> dict[str, object]:
    return tomllib.loads(CATALOG_DE.read_text(encoding="utf-8"))


def test_the_catalog_overlay_covers_every_entry_and_field(catalog_de: dict[str, object]) -> None:
    english = load_catalog(None).entries
    assert len(english) >= 50
    assert untranslated_fields(english, catalog_de) == []


def test_the_catalog_overlay_applies_without_a_problem(catalog_de: dict[str, object]) -> None:
    english = load_catalog(None).entries
    german, problems = apply_overlay(english, catalog_de, CATALOG_DE.name)
    assert [str(problem) for problem in problems] == []
    for before, after in zip(english, german, strict=True):
        assert after.id == before.id
        for field in TEXT_FIELDS:
            if getattr(before, field) is not None:
                assert getattr(after, field) != getattr(before, field), (before.id, field)


def test_load_catalog_in_german_and_english() -> None:
    german = load_catalog(None, language="de")
    assert german.problems == []
    by_id = german.by_id()
    assert by_id["neck-side-tilt"].title == "Kopf zur Seite neigen"
    # Regional variants use the language's file; other languages stay English.
    assert load_catalog(None, language="de_AT").by_id()["neck-side-tilt"].title == (
        "Kopf zur Seite neigen"
    )
    for code in ("", "en", "fr"):
        assert load_catalog(None, language=code).by_id()["neck-side-tilt"].title == (
            "Neck side tilt"
        )
