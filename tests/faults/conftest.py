"""The fault-injection suite drives Qt parts too: no real display needed."""

from __future__ import annotations

import os

# Must be set before the first QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
