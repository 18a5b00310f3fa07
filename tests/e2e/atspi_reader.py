"""The screen reader's side of the accessibility tests: reads an application through AT-SPI
the way Orca does, and prints what it finds as JSON lines.

Runs under Debian's ``/usr/bin/python3`` (pyatspi is a Debian package for the system
Python, not a wheel), never imported by the tests themselves:

    python3 atspi_reader.py tree APP          the app's accessible tree, one object a line
    python3 atspi_reader.py listen APP        events from APP as they come, until killed

Each line is a JSON object. A tree line: depth, role, name, description, text (the Text
interface's contents, what a reader speaks for a label), states. An event line: type,
role and name of its source, detail1, and any_data as text (an announcement's words).
"""

from __future__ import annotations

import json
import signal
import sys
from typing import Any

import pyatspi  # type: ignore[import-not-found]

EVENTS = (
    "object:announcement",
    "window:create",
    "window:activate",
    "object:state-changed:showing",
    "object:state-changed:focused",
    "object:property-change:accessible-name",
    "object:text-changed:insert",
    "focus:",
)


def _text(obj: Any) -> str:
    try:
        text = obj.queryText()
    except NotImplementedError:
        return ""
    except Exception:
        return ""
    return str(text.getText(0, -1))


def _states(obj: Any) -> list[str]:
    try:
        return sorted(pyatspi.stateToString(s) for s in obj.getState().getStates())
    except Exception:
        return []


def _describe(obj: Any) -> dict[str, Any]:
    try:
        return {
            "role": obj.getRoleName(),
            "name": obj.name or "",
            "description": obj.description or "",
            "text": _text(obj),
            "states": _states(obj),
        }
    except Exception:
        return {"role": "", "name": "", "description": "", "text": "", "states": []}


def _application(name: str) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == name:
            return app
    return None


def _walk(obj: Any, depth: int) -> None:
    line = _describe(obj)
    line["depth"] = depth
    print(json.dumps(line), flush=True)
    try:
        children = list(obj)
    except Exception:
        return
    for child in children:
        if child is not None:
            _walk(child, depth + 1)


def tree(name: str) -> int:
    app = _application(name)
    if app is None:
        print(json.dumps({"error": f"no application {name!r} on the accessibility bus"}))
        return 1
    for window in app:
        if window is not None:
            _walk(window, 0)
    return 0


def listen(name: str) -> int:
    def on_event(event: Any) -> None:
        source = event.source
        try:
            app = source.getApplication().name if source is not None else ""
        except Exception:
            app = ""
        if app != name:
            return
        described = _describe(source)
        line = {
            "type": event.type,
            "role": described["role"],
            "name": described["name"],
            "detail1": event.detail1,
            "any_data": event.any_data if isinstance(event.any_data, str) else "",
        }
        print(json.dumps(line), flush=True)

    pyatspi.Registry.registerEventListener(on_event, *EVENTS)
    signal.signal(signal.SIGTERM, lambda *_: pyatspi.Registry.stop())
    print(json.dumps({"listening": True}), flush=True)
    pyatspi.Registry.start()
    return 0


if __name__ == "__main__":
    command, app_name = sys.argv[1], sys.argv[2]
    sys.exit(tree(app_name) if command == "tree" else listen(app_name))
