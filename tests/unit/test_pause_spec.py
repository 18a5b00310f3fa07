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
