"""Hypothesis fuzzing of every parser that reads user data: settings, catalog files,
the IPC request, the stored cycle state, spilled events and command-line arguments.
Whatever comes in, the answer is a value or a reported problem, never an exception."""

from __future__ import annotations

import json
import sqlite3
import string
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from backbreak.cli import build_parser
from backbreak.core.catalog import parse_catalog
from backbreak.core.settings import settings_from_mapping
from backbreak.core.svg_safety import svg_problem
from backbreak.platform import history_spill
from backbreak.platform.catalog_files import validate_file
from backbreak.platform.history import History
from backbreak.platform.settings_store import load_settings, save_settings

FUZZ = hypothesis_settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# TOML-ish and JSON-ish values, including the shapes our parsers expect.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
toml_like_text = st.text(alphabet=string.printable + "äöü€\ufeff\x00[]{}=\"'#.", max_size=400)


def _toml_values() -> st.SearchStrategy[object]:
    toml_scalars = st.one_of(st.booleans(), st.integers(-(2**63), 2**63 - 1), st.text(max_size=20))
    return st.recursive(
        toml_scalars,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(min_size=1, max_size=10), inner, max_size=3)
        ),
        max_leaves=12,
    )


SETTING_KEYS = st.sampled_from(
    [
        "interval_minutes",
        "snooze_minutes",
        "work_start",
        "working_days",
        "enabled_kinds",
        "language",
        "hidden_entries",
        "schema_version",
        "sound",
        "unknown_key",
    ]
)


@FUZZ
@given(st.dictionaries(st.one_of(SETTING_KEYS, st.text(max_size=10)), values, max_size=8))
def test_settings_from_any_mapping(document: dict[str, object]) -> None:
    settings, problems = settings_from_mapping(document)
    assert all(isinstance(problem.key, str) and problem.message for problem in problems)
    assert settings.interval_minutes >= 1


@FUZZ
@given(raw=st.one_of(st.binary(max_size=400), toml_like_text.map(str.encode)))
def test_settings_file_of_any_bytes_loads_and_saves(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(raw)
    loaded = load_settings(path)
    save_settings(path, loaded.settings, loaded.extra)  # whatever was read can be written
    assert load_settings(path).settings == loaded.settings


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["schema", "entry", "other"]),
        st.one_of(
            values,
            st.lists(
                st.dictionaries(
                    st.sampled_from(
                        ["id", "title", "kind", "areas", "duration", "sides", "steps", "why",
                         "caution", "needs", "illustration", "extra"]
                    ),
                    values,
                ),
                max_size=3,
            ),
        ),
    )
)  # fmt: skip
def test_catalog_of_any_shape_is_entries_or_problems(document: dict[str, object]) -> None:
    entries, problems = parse_catalog(document, "fuzz.toml", source="fuzz.toml")
    assert all(entry.id for entry in entries)
    assert all(problem.file == "fuzz.toml" for problem in problems)


@FUZZ
@given(raw=st.one_of(st.binary(max_size=400), toml_like_text.map(str.encode)))
def test_catalog_file_of_any_bytes_is_validated(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(raw)
    for problem in validate_file(path):
        assert problem.message


@FUZZ
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_svg_check_of_any_bytes(raw: bytes) -> None:
    answer = svg_problem(raw)
    assert answer is None or isinstance(answer, str)


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=300),
        values.map(lambda value: json.dumps(value).encode()),
        st.builds(
            lambda cmd, args: json.dumps({"cmd": cmd, "args": args}).encode(), values, values
        ),
        st.integers(1, 30000).map(lambda depth: b"[" * depth + b"]" * depth),
    )
)
def test_ipc_request_of_any_bytes_gets_a_reply(line: bytes) -> None:
    pytest.importorskip("PySide6")
    from backbreak.platform.instance import _answer

    def handler(cmd: str, args: dict[str, object]) -> dict[str, object]:
        assert isinstance(cmd, str) and isinstance(args, dict)
        return {"ok": True}

    reply = _answer(line, handler)
    assert isinstance(reply.get("ok"), bool)
    json.dumps(reply)


@FUZZ
@given(
    st.one_of(
        st.text(max_size=200),
        values.map(json.dumps),
        st.dictionaries(
            st.sampled_from(
                ["sitting_since", "snoozed_until", "snoozes_in_row", "pause", "last_seen",
                 "prompt_open_since", "other"]
            ),
            st.one_of(values, st.datetimes().map(lambda moment: moment.isoformat())),
        ).map(json.dumps),
    )
)  # fmt: skip
def test_stored_state_of_any_text_loads(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("state") / "history.sqlite3"
    History(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("INSERT INTO state (key, value) VALUES ('cycle_state', ?)", (text,))
        conn.commit()
    with History(path) as history:
        history.load_state()


@FUZZ
@given(st.binary(max_size=600))
def test_spill_file_of_any_bytes_reads(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    path = tmp_path_factory.mktemp("spill") / "history.sqlite3.pending"
    path.write_bytes(raw)
    found = history_spill.read(path)
    assert all(len(row) == 7 for row in found.rows)


ARGUMENTS = st.one_of(
    st.sampled_from(
        ["stats", "catalog", "settings", "pause", "status", "--days", "--json", "--csv",
         "--validate", "--data-dir", "--meeting", "30m", "1h", "-1", "0", "9" * 40, "",
         "--version", "autostart", "on", "quit", "--verbose", "/proc", "~nobody-x/y"]
    ),
    st.text(max_size=12),
)  # fmt: skip


@FUZZ
@given(st.lists(ARGUMENTS, max_size=6))
def test_command_line_arguments_parse_or_exit_cleanly(argv: list[str]) -> None:
    parser = build_parser()
    try:
        parser.parse_args(argv)
    except SystemExit as stop:
        assert stop.code in (0, 2)
