"""PyInstaller's entry script for the bundle: the same as the ``backbreak`` console script."""

from __future__ import annotations

import sys

from backbreak.app import main

if __name__ == "__main__":
    sys.exit(main())
