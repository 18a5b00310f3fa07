"""Render the app icon (resources/icons/backbreak.svg) into every file a desktop needs.

Writes, from the one SVG:
- resources/desktop/hicolor/<N>x<N>/apps/<app id>.png for the hicolor theme sizes, and
  resources/desktop/hicolor/scalable/apps/<app id>.svg (a copy); these ship in the wheel
  for ``backbreak install-desktop-entry`` and the Flatpak build;
- packaging/icons/backbreak.ico (Windows) and packaging/icons/backbreak.icns (macOS) for
  the PyInstaller bundles.

Run it again after changing the SVG: ``python packaging/make_icons.py``. Qt's SVG renderer
draws the PNGs (the app draws its icon with the same renderer, so they match what the tray
shows); the .ico and .icns containers are written here in plain Python, because Qt's
writers store one image per file and those formats want several sizes in one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP_ID = "io.github.backbreak.Backbreak"
SOURCE_SVG = REPO / "resources" / "icons" / "backbreak.svg"
HICOLOR_DIR = REPO / "resources" / "desktop" / "hicolor"
BUNDLE_ICON_DIR = REPO / "packaging" / "icons"

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's icns element types that hold PNG data, with the pixel size each one holds.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16 pt @2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32 pt @2x
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),  # 128 pt @2x
    (b"ic09", 512),
    (b"ic14", 512),  # 256 pt @2x
    (b"ic10", 1024),  # 512 pt @2x
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` x ``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        # QPainter on a QImage needs a GUI application for fonts and colour handling;
        # the offscreen platform makes this work on a build machine without a display.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep_alive.append(QGuiApplication(sys.argv[:1]))
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise SystemExit(f"make_icons: Qt could not encode a PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


_keep_alive: list[object] = []


def ico_bytes(pngs: Sequence[tuple[int, bytes]]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size (Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    for size, png in pngs:
        side = 0 if size >= 256 else size  # the byte 0 stands for 256 pixels
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(png for _size, png in pngs)


def icns_bytes(elements: Iterable[tuple[bytes, bytes]]) -> bytes:
    """A macOS .icns: big-endian ``icns`` header, then (type, length, PNG) elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(svg: Path, hicolor_dir: Path, bundle_dir: Path) -> list[Path]:
    """Write every icon file; returns the paths written."""
    cache: dict[int, bytes] = {}

    def png(size: int) -> bytes:
        if size not in cache:
            cache[size] = render_png(svg, size)
        return cache[size]

    written: list[Path] = []
    for size in HICOLOR_SIZES:
        target = hicolor_dir / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png(size))
        written.append(target)
    scalable = hicolor_dir / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)

    bundle_dir.mkdir(parents=True, exist_ok=True)
    ico = bundle_dir / "backbreak.ico"
    ico.write_bytes(ico_bytes([(size, png(size)) for size in ICO_SIZES]))
    icns = bundle_dir / "backbreak.icns"
    icns.write_bytes(icns_bytes((kind, png(size)) for kind, size in ICNS_TYPES))
    written += [ico, icns]
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--svg", type=Path, default=SOURCE_SVG)
    parser.add_argument("--hicolor-dir", type=Path, default=HICOLOR_DIR)
    parser.add_argument("--bundle-dir", type=Path, default=BUNDLE_ICON_DIR)
    args = parser.parse_args(argv)
    for path in make_icons(args.svg, args.hicolor_dir, args.bundle_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
