"""Run a call that might block forever (a FIFO read) without hanging the test run."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# Generous: the call is expected to return at once; this only bounds a hang.
_LIMIT_SECONDS = 20.0


def returns_promptly(call: Callable[[], T]) -> T:
    """``call()``'s result; fails the test if it is still running after the limit."""
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(call())
        except BaseException as error:
            errors.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(_LIMIT_SECONDS)
    assert not worker.is_alive(), f"{call} blocked for {_LIMIT_SECONDS} s"
    if errors:
        raise errors[0]
    return results[0]
