"""Reading and editing freedesktop Desktop Entry files line by line, and quoting Exec.

A user may have edited an entry by hand (a changed Exec, a comment, a translation), so
edits change only the key they are about and keep every other line as it was; a
``configparser`` round trip would lowercase keys, drop comments and reorder lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

ENTRY_GROUP = "[Desktop Entry]"

# Desktop Entry spec, "The Exec key": an argument holding any of these must be quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
# Inside double quotes these four must be preceded by a backslash.
_ESCAPE_IN_QUOTES = set('"`$\\')
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z0-9-]+(?:\[[^\]]+\])?)\s*=\s?(?P<value>.*)$")


class DesktopFileError(ValueError):
    """The text is not a Desktop Entry file we can edit safely."""


# ---- Exec quoting --------------------------------------------------------------------------


def exec_value(argv: Sequence[str]) -> str:
    """The text to write after ``Exec=`` that runs ``argv`` exactly, per the spec."""
    if not argv:
        raise ValueError("an Exec line needs at least the program")
    quoted = " ".join(_quote_arg(arg) for arg in argv)
    # The string-type escape rule is applied on top of the quoting rule, so every
    # backslash the quoting produced is doubled once more in the file.
    return escape_string(quoted)


def _quote_arg(arg: str) -> str:
    arg = arg.replace("%", "%%")  # a lone % starts a field code (%f, %u ...)
    if arg and not any(char in _RESERVED for char in arg):
        return arg
    inner = "".join("\\" + char if char in _ESCAPE_IN_QUOTES else char for char in arg)
    return f'"{inner}"'


def escape_string(text: str) -> str:
    """``text`` as a string-type value (backslash, newline, tab and CR escaped)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def parse_exec(value: str) -> list[str]:
    """The argument list an Exec value stands for (the inverse of ``exec_value``)."""
    text = unescape_string(value)
    args: list[str] = []
    current: list[str] = []
    in_arg = False
    index = 0
    while index < len(text):
        char = text[index]
        if char == '"':
            in_arg = True
            index += 1
            while index < len(text) and text[index] != '"':
                if text[index] == "\\" and index + 1 < len(text):
                    index += 1
                current.append(text[index])
                index += 1
            if index >= len(text):
                raise DesktopFileError(f"unclosed quote in Exec value {value!r}")
        elif char == " ":
            if in_arg:
                args.append("".join(current))
                current, in_arg = [], False
        else:
            in_arg = True
            current.append(char)
        index += 1
    if in_arg:
        args.append("".join(current))
    return [arg.replace("%%", "%") for arg in args]


def unescape_string(value: str) -> str:
    """A string-type value with its ``\\s \\n \\t \\r \\\\`` escapes resolved."""
    replacements = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    out: list[str] = []
    index = 0
    while index < len(value):
        char = value[index]
        if char == "\\" and index + 1 < len(value) and value[index + 1] in replacements:
            out.append(replacements[value[index + 1]])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


# ---- line-preserving key edits -------------------------------------------------------------


def _entry_group(lines: Sequence[str]) -> tuple[int, int]:
    """(first line after ``[Desktop Entry]``, index of the next group header or the end)."""
    start = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if start is None:
            if stripped == ENTRY_GROUP:
                start = index + 1
        elif stripped.startswith("[") and stripped.endswith("]"):
            return start, index
    if start is None:
        raise DesktopFileError("no [Desktop Entry] group")
    return start, len(lines)


def _find_key(lines: Sequence[str], key: str) -> int | None:
    start, end = _entry_group(lines)
    for index in range(start, end):
        match = _KEY_LINE.match(lines[index].rstrip("\r\n"))
        if match and match["key"] == key:
            return index
    return None


def get_key(lines: Sequence[str], key: str) -> str | None:
    """The raw value of ``key`` in the ``[Desktop Entry]`` group, or None."""
    index = _find_key(lines, key)
    if index is None:
        return None
    match = _KEY_LINE.match(lines[index].rstrip("\r\n"))
    assert match is not None
    return match["value"].strip()


def is_true(value: str | None) -> bool:
    """A boolean value as desktop environments read it (``true``; old files wrote ``1``)."""
    return value is not None and value.strip() in ("true", "1")


def set_key(lines: Sequence[str], key: str, value: str) -> list[str]:
    """A copy of ``lines`` with ``key=value`` replacing the old line or added to the group."""
    result = list(lines)
    index = _find_key(result, key)
    if index is not None:
        result[index] = f"{key}={value}"
        return result
    start, end = _entry_group(result)
    # Insert after the group's last key line, so trailing blank lines/comments that
    # introduce the next group stay attached to it.
    insert_at = start
    for position in range(start, end):
        if result[position].strip() and not result[position].lstrip().startswith("#"):
            insert_at = position + 1
    result.insert(insert_at, f"{key}={value}")
    return result


def remove_key(lines: Sequence[str], key: str) -> list[str]:
    """A copy of ``lines`` without the ``key`` line (unchanged when the key is absent)."""
    result = list(lines)
    index = _find_key(result, key)
    if index is not None:
        del result[index]
    return result
