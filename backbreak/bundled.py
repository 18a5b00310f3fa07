"""Where the files shipped with backbreak live: catalog TOML, illustrations, icons.

The repository keeps them in a top-level ``resources/`` folder; pyproject.toml maps that
folder to the package ``backbreak.resources`` in the wheel (and in any install), so an
installed backbreak finds them through ``importlib.resources``. Running straight from a
source checkout without installing, that package does not exist and we fall back to the
checkout's folder.
"""

from __future__ import annotations

import importlib.resources
from importlib.resources.abc import Traversable
from pathlib import Path

RESOURCE_PACKAGE = "backbreak.resources"
CHECKOUT_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_root() -> Traversable:
    """The root of the shipped resources (a ``Traversable``; a zip member when zipped)."""
    try:
        return importlib.resources.files(RESOURCE_PACKAGE)
    except ModuleNotFoundError:
        # Source tree without install: `backbreak/resources` does not exist, only the
        # top-level resources/ next to the package.
        return CHECKOUT_RESOURCES


def catalog_dir() -> Traversable:
    """The folder of bundled catalog files (every ``*.toml`` in it is loaded)."""
    return resource_root().joinpath("catalog")


def illustrations_dir() -> Traversable:
    """The folder of bundled illustrations (``*.svg``)."""
    return resource_root().joinpath("illustrations")


def icons_dir() -> Traversable:
    """The folder of the tray and application icons."""
    return resource_root().joinpath("icons")
