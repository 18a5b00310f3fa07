"""The repository's documents point only at files in the repository.

A relative path such as ``../shared/design/ARCHITECTURE.md`` leads out of a clone into
whatever happens to sit next to it on one developer's disk; in anyone else's clone it is a
dead link.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SKIPPED_DIRS = {".git", ".venv", "build", "dist", "node_modules"}
RELATIVE_PATH = re.compile(r"(?:\.\./)+[^\s`)\]\"'>]*")


def documents() -> list[Path]:
    return sorted(
        path
        for path in REPO.rglob("*.md")
        if not SKIPPED_DIRS.intersection(path.relative_to(REPO).parts)
    )


def test_there_are_documents_to_check() -> None:
    assert REPO / "README.md" in documents()


def test_no_document_points_outside_the_repository() -> None:
    outside = [
        f"{document.relative_to(REPO)}: {match.group(0)}"
        for document in documents()
        for match in RELATIVE_PATH.finditer(document.read_text(encoding="utf-8"))
        if not (document.parent / match.group(0)).resolve().is_relative_to(REPO)
    ]
    assert outside == []
