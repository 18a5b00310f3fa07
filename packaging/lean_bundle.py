"""What the Linux one-folder bundle leaves out of PySide6's collection, and why.

PyInstaller's PySide6 hooks collect every Qt plugin of the modules we import and every
library those plugins link, whether or not a Qt widgets tray app ever loads them: the GTK 3
platform theme alone drags in Pango, Cairo, ATK, GdkPixbuf and GIO. ``backbreak.spec`` calls
``lean`` on the analysis' lists; packaging/README.md has the sizes before and after.

Only for Linux: the Windows and macOS bundles could not be built and checked here.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

TocEntry = tuple[str, str, str]
"""PyInstaller's (name in the bundle, source path, type code)."""

QT_DIR = "PySide6/Qt/"

EXCLUDED_QT_PLUGINS: dict[str, str] = {
    # The GTK 3 theme loads the system's GTK 3 (not bundled) against the bundle's own GLib,
    # Pango and Cairo. backbreak draws its own light and dark palettes; the kept
    # xdg-desktop-portal theme tells Qt the desktop's colour scheme.
    "platformthemes/libqgtk3.so": "GTK 3 theme",
    # Illustrations and icons are SVG (the svg plugins stay) and PNG (built into QtGui).
    "imageformats/libqjpeg.so": "JPEG",
    "imageformats/libqtiff.so": "TIFF",
    "imageformats/libqwebp.so": "WebP",
    "imageformats/libqgif.so": "GIF",
    "imageformats/libqico.so": "Windows icons",
    "imageformats/libqicns.so": "macOS icons",
    "imageformats/libqtga.so": "TGA",
    "imageformats/libqwbmp.so": "WBMP",
    "imageformats/libqpdf.so": "PDF",
    # A tray app runs in a desktop session: X11 (xcb) or Wayland. These are for kiosks,
    # framebuffers, VNC servers and tests.
    "platforms/libqeglfs.so": "EGLFS",
    "platforms/libqlinuxfb.so": "framebuffer",
    "platforms/libqvnc.so": "VNC server",
    "platforms/libqvkkhrdisplay.so": "Vulkan display",
    "platforms/libqminimal.so": "minimal",
    "platforms/libqminimalegl.so": "minimal EGL",
    "platforms/libqoffscreen.so": "offscreen",
    "egldeviceintegrations/*": "EGLFS devices",
    "generic/*": "evdev/tslib input without a window system",
    # Nothing asks Qt about the network or opens a TLS connection: the only socket is the
    # local command socket.
    "networkinformation/*": "network information",
    "tls/*": "TLS",
}
"""Plugin paths under ``PySide6/Qt/plugins/`` (fnmatch patterns) and what they are."""


def _plugin(name: str) -> str | None:
    marker = f"{QT_DIR}plugins/"
    return name.split(marker, 1)[1] if marker in name else None


def excluded_plugin(name: str) -> bool:
    plugin = _plugin(name)
    return plugin is not None and any(
        fnmatch.fnmatchcase(plugin, pattern) for pattern in EXCLUDED_QT_PLUGINS
    )


def kept_translation(name: str, languages: Iterable[str]) -> bool:
    """Qt's own translations: only qtbase for the languages backbreak speaks (it loads
    ``qtbase_<code>``; the rest are for Qt Help, Designer and the like, or other languages)."""
    if not name.startswith(f"{QT_DIR}translations/"):
        return True
    return os.path.basename(name) in {f"qtbase_{code}.qm" for code in languages}


def unneeded_libraries(
    binaries: list[TocEntry], needed: Callable[[str], Iterable[str]]
) -> set[str]:
    """Names of shared libraries that nothing left in ``binaries`` links against.

    Roots are what gets loaded by name: Python extension modules, Qt plugins and libpython
    (the bootloader's). Everything a root needs, directly or through another library, stays;
    ``needed(source)`` gives a binary's DT_NEEDED library names.
    """
    by_basename = {os.path.basename(name): (name, source) for name, source, _ in binaries}
    roots = [
        (name, source)
        for name, source, kind in binaries
        if kind == "EXTENSION"
        or _plugin(name) is not None
        or os.path.basename(name).startswith("libpython")
    ]
    reached = {name for name, _ in roots}
    stack = list(roots)
    while stack:
        _, source = stack.pop()
        for library in needed(source):
            found = by_basename.get(os.path.basename(library))
            if found is not None and found[0] not in reached:
                reached.add(found[0])
                stack.append(found)
    return {name for name, _, _ in binaries if name not in reached}


def lean(
    binaries: list[TocEntry],
    datas: list[TocEntry],
    languages: Iterable[str],
    needed: Callable[[str], Iterable[str]],
) -> tuple[list[TocEntry], list[TocEntry], list[str]]:
    """The binaries and data to bundle, and the names left out (for the build log)."""
    languages = list(languages)
    kept_binaries = [entry for entry in binaries if not excluded_plugin(entry[0])]
    orphans = unneeded_libraries(kept_binaries, needed)
    kept_binaries = [entry for entry in kept_binaries if entry[0] not in orphans]
    kept_datas = [entry for entry in datas if kept_translation(entry[0], languages)]
    left_out = sorted(
        {name for name, _, _ in binaries} - {name for name, _, _ in kept_binaries}
        | {name for name, _, _ in datas} - {name for name, _, _ in kept_datas}
    )
    return kept_binaries, kept_datas, left_out


# ---- ICU's data ----------------------------------------------------------------------------
#
# QtCore links ICU, whose data library (libicudata, 31 MB) carries locale data for every
# language, legacy text encodings, transliteration and more. Qt takes from it only case
# mapping, normalisation, IDNA, time-zone names and collation (QCollator); backbreak uses no
# QCollator and no legacy encoding. The bundle keeps ICU's core data and the locales of the
# languages backbreak speaks (other locales fall back to ICU's root rules), and drops the
# encoding tables and transliteration. The slimmer data is put back into a library with the
# same soname and symbol, built with binutils (which PyInstaller needs on Linux anyway) and
# icupkg (Debian package icu-devtools).

ICU_LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]*)*\.res$")
ICU_DATA_LIBRARY = re.compile(r"^libicudata\.so\.(\d+)$")
ICU_TREE_FILES = {"root", "pool", "res_index"}
"""Named like locales, but every tree's own: the fallback, the shared strings, the index."""


def icu_items_to_drop(items: Iterable[str], languages: Iterable[str]) -> list[str]:
    """The items of an ICU data package (``icupkg -l``) the bundle leaves out."""
    languages = set(languages)

    def drop(item: str) -> bool:
        folder, _, name = item.rpartition("/")
        if folder == "translit" or name.endswith(".cnv"):
            return True
        stem = name.removesuffix(".res")
        if stem in ICU_TREE_FILES or not ICU_LOCALE_ITEM.match(name):
            return False
        return stem.split("_")[0] not in languages

    return [item for item in items if drop(item)]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(name)
    return found


def slim_icu_data(library: Path, workdir: Path, languages: Iterable[str]) -> Path:
    """A copy of ICU's data library ``library`` with only the data backbreak needs.

    Raises ``OSError`` (a tool missing, a tool failing) or ``ValueError`` (not ICU data).
    """
    match = ICU_DATA_LIBRARY.match(library.name)
    if match is None:
        raise ValueError(f"{library.name} is not ICU's data library")
    version = match.group(1)
    package = f"icudt{version}{'l' if sys.byteorder == 'little' else 'b'}"
    workdir.mkdir(parents=True, exist_ok=True)
    full = workdir / "full" / f"{package}.dat"
    slim = workdir / "slim" / f"{package}.dat"
    full.parent.mkdir(exist_ok=True)
    slim.parent.mkdir(exist_ok=True)

    def run(*argv: str) -> str:
        return subprocess.run(argv, check=True, capture_output=True, text=True).stdout

    # The library is the data and nothing else: one read-only section.
    run(_tool("objcopy"), "-O", "binary", "--only-section=.rodata", str(library), str(full))
    if full.read_bytes()[2:4] != b"\xda\x27":
        raise ValueError(f"{library} holds no ICU data package")
    items = run(_tool("icupkg"), "-l", str(full)).split()
    drop_list = workdir / "drop.txt"
    drop_list.write_text("\n".join(icu_items_to_drop(items, languages)) + "\n", encoding="utf-8")
    # icupkg refuses to drop an item another kept item depends on: the result is complete.
    run(_tool("icupkg"), "-r", str(drop_list), str(full), str(slim))
    source = workdir / "icudata.S"
    symbol = f"icudt{version}_dat"
    source.write_text(
        "\n".join(
            [
                "    .section .rodata",
                f"    .global {symbol}",
                f"    .type {symbol}, @object",
                "    .balign 16",
                f"{symbol}:",
                f'    .incbin "{slim}"',
                f"    .size {symbol}, . - {symbol}",
                '    .section .note.GNU-stack,"",@progbits',
                "",
            ]
        ),
        encoding="utf-8",
    )
    objects = workdir / "icudata.o"
    result = workdir / library.name
    run(_tool("as"), "-o", str(objects), str(source))
    run(_tool("ld"), "-shared", "-soname", library.name, "-o", str(result), str(objects))
    return result
