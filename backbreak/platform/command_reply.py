"""Reading the running app's answer to a command: its first line, a JSON object.

Both clients (the standard-library one of the command line and Qt's, used on Windows) read
a reply the same way, so a broken or foreign server gets the same message from either.
"""

from __future__ import annotations

import json


def parse_reply(received: bytes) -> dict[str, object]:
    """The reply in the first line of what the server sent, or an error reply."""
    if b"\n" not in received:
        return {"ok": False, "error": "no reply from the running instance"}
    try:
        reply = json.loads(received.split(b"\n", 1)[0].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # As the server reads requests (instance._answer): ValueError is also a number with
        # more digits than Python converts, RecursionError arrays nested thousands deep.
        return {"ok": False, "error": "unreadable reply from the running instance"}
    if not isinstance(reply, dict):
        return {"ok": False, "error": "unreadable reply from the running instance"}
    return reply
