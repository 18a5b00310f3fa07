"""Start only what the tray needs: an import budget for the start-up path.

The real start path (``backbreak run``) runs in a fresh interpreter up to the first turn
of the event loop, with the tray icon shown and the command socket listening; then the
modules it loaded are compared with a list of what must wait for first use. A list of
names, not a timing: each of these cost 10-80 ms of start-up (``python -X importtime``)
and memory for good, for windows most days never open.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

NOT_AT_START = (
    # Windows behind menu entries and shell commands, built on first use.
    "backbreak.ui.history_window",
    "backbreak.ui.charts",
    "backbreak.ui.settings_dialog",
    "backbreak.ui.exercises_page",
    "backbreak.ui.about",
    "backbreak.ui.diagnostics",
    # The welcome window: on the first start only (see the last test).
    "backbreak.ui.welcome",
    # The back check-in: at the end of a working day, or when asked for.
    "backbreak.ui.checkin",
    "backbreak.doctor",
    # Start at login and the menu entry: read or changed only from the settings dialog.
    "backbreak.platform.autostart",
    "backbreak.platform.desktop_file",
    # CSV export, from the History window.
    "backbreak.platform.export",
    # Illustrations are drawn on the first prompt.
    "PySide6.QtSvg",
)

_RUN_AND_LIST = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from backbreak.cli import main

loaded = []
real_exec = QApplication.exec

def exec_once_then_quit(*_args):
    # The tray is up and the socket listens: note what got imported, then quit.
    app = QApplication.instance()
    QTimer.singleShot(0, lambda: (loaded.extend(sys.modules), app.quit()))
    return real_exec()

QApplication.exec = exec_once_then_quit
code = main(["run", "--data-dir", sys.argv[1]])
print(json.dumps(sorted(loaded)))
sys.exit(code)
"""


def _modules_loaded_at_start(tmp_path: Path, *, first_start: bool = False) -> set[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        # Nothing of the user's desktop may be read or written.
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
    }
    if not first_start:
        # Any day but the first: the welcome window was shown once already.
        marker = tmp_path / "data" / "config" / "welcome-shown"
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    done = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(loaded, list)
    return set(loaded)


def test_the_budget_names_real_modules() -> None:
    # A renamed module would make the budget pass for nothing.
    missing = [name for name in NOT_AT_START if importlib.util.find_spec(name) is None]
    assert missing == []


def test_start_up_leaves_the_windows_and_tools_for_first_use(tmp_path: Path) -> None:
    loaded = _modules_loaded_at_start(tmp_path)
    # The start really got as far as the tray and the command socket.
    assert {"backbreak.tray_app", "backbreak.ui.tray", "backbreak.platform.instance"} <= loaded
    assert sorted(loaded.intersection(NOT_AT_START)) == []


def test_the_first_start_brings_the_welcome_window(tmp_path: Path) -> None:
    loaded = _modules_loaded_at_start(tmp_path, first_start=True)
    assert "backbreak.ui.welcome" in loaded
    assert "backbreak.ui.settings_dialog" not in loaded
