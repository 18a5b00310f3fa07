"""The exercise catalog model: typed entries and their validation from parsed TOML.

Only the standard library. Reading files (bundled resources and the user's catalog folder)
lives in ``backbreak.platform.catalog_files``.
"""

from __future__ import annotations

from dataclasses import dataclass
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

Sides = Literal["one", "each"]


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

    @property
    def office_friendly(self) -> bool:
        return not self.needs


@dataclass(frozen=True)
class CatalogProblem:
    """A bad entry or field, named so the user can find and fix it."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: entry {self.entry!r}: {self.field}: {self.message}"
