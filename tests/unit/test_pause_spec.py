from __future__ import annotations

import pytest

from backbreak.core.pause import PauseRequest, PauseSpecError, parse_pause


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30m", PauseRequest(minutes=30)),
        ("45", PauseRequest(minutes=45)),
        ("1h", PauseRequest(minutes=60)),
        ("2h30m", PauseRequest(minutes=150)),
        (" 90min ", PauseRequest(minutes=90)),
        ("until-tomorrow", PauseRequest(until_tomorrow=True)),
        ("indefinitely", PauseRequest(indefinitely=True)),
    ],
)
def test_readable_specs(text: str, expected: PauseRequest) -> None:
    assert parse_pause(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "0m", "25h", "1h-", "-5"])
def test_unreadable_specs_say_what_is_accepted(text: str) -> None:
    with pytest.raises(PauseSpecError) as caught:
        parse_pause(text)
    assert "until-tomorrow" in str(caught.value) or "24 hours" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", PauseRequest(until_tomorrow=True)),
        ("until-resume", PauseRequest(indefinitely=True)),
        ("forever", PauseRequest(indefinitely=True)),
        ("20", PauseRequest(minutes=20)),
    ],
)
def test_aliases(text: str, expected: PauseRequest) -> None:
    assert parse_pause(text) == expected


def test_a_meeting_is_a_length() -> None:
    assert parse_pause("45m", meeting=True) == PauseRequest(minutes=45, meeting=True)


@pytest.mark.parametrize("text", ["indefinitely", "until-tomorrow", "tomorrow", "forever"])
def test_an_open_ended_meeting_is_refused(text: str) -> None:
    with pytest.raises(PauseSpecError, match="a meeting needs a length"):
        parse_pause(text, meeting=True)
