"""Draw an exercise illustration (SVG, or a PNG/JPEG from a user catalog) into a pixmap.

Shared by the prompt window and the settings dialog's exercise list, so a picture looks
the same in both places.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap


def render_illustration(data: bytes, size: QSize, ratio: float = 1.0) -> QPixmap | None:
    """``data`` drawn to fit inside ``size`` (device-independent pixels), keeping its shape.

    ``ratio`` is the screen's device pixel ratio, so the picture is sharp on HiDPI screens.
    None when the data is neither a valid SVG nor a picture Qt can read.
    """
    target = size * ratio
    if data.lstrip()[:1] == b"<":
        # Imported on the first picture, not at start: the tray shows none, and QtSvg
        # loads its own library.
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return None
        scaled = renderer.defaultSize().scaled(target, Qt.AspectRatioMode.KeepAspectRatio)
        if scaled.isEmpty():
            return None
        pixmap = QPixmap(scaled)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            renderer.render(painter)
        finally:
            painter.end()
    else:
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            return None
        pixmap = pixmap.scaled(
            target,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    pixmap.setDevicePixelRatio(ratio)
    return pixmap
