"""Other programs' windows for end-to-end tests (a slide show in full screen)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tests.e2e.conftest import Desktop

# A window in its own process, as a slide show would be. Prints its X window id, then
# obeys "hide" / "quit" on stdin.
WINDOW = r"""
import sys
from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([])
window = QWidget()
window.setWindowTitle("slides")
if sys.argv[1] == "fullscreen":
    window.showFullScreen()
elif sys.argv[1] == "small":  # an ordinary window, e.g. the editor the user types into
    window.resize(400, 300)
    window.show()
else:  # sized to the screen by hand, without telling anyone it is "full screen"
    window.setGeometry(window.screen().geometry())
    window.show()
print(int(window.winId()), flush=True)


def command():
    line = sys.stdin.readline().strip()
    if line == "hide":
        window.hide()
        print("hidden", flush=True)
    else:
        app.quit()


notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(command)
app.exec()
"""


@contextmanager
def qt_window(desktop: Desktop, mode: str) -> Iterator[tuple[subprocess.Popen[str], int]]:
    env = {**desktop.env, "QT_QPA_PLATFORM": "xcb"}
    process = subprocess.Popen(
        [sys.executable, "-c", WINDOW, mode],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        window_id = int(process.stdout.readline())
        yield process, window_id
    finally:
        if process.poll() is None and process.stdin is not None:
            process.stdin.write("quit\n")
            process.stdin.flush()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
