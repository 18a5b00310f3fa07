"""The small interfaces the break service talks through. Tests hand it fakes.

Adapters live in ``backbreak.platform`` (clock, scheduler, history, notifier) and
``backbreak.ui`` (the view); ``backbreak.app`` wires them together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo
from typing import Protocol

from backbreak.core.catalog import Entry
from backbreak.core.cycle import CycleState
from backbreak.core.history_model import HistoryEvent
from backbreak.core.status import Status


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware UTC wall-clock time."""
        ...

    def zone(self) -> tzinfo:
        """The user's local time zone (re-read: it can change while we run)."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (for sleep / clock-change detection)."""
        ...


class Waker(Protocol):
    """The scheduler port: at most one pending wake-up at a time."""

    def wake_at(self, when: datetime | None, callback: Callable[[], None]) -> None:
        """Call ``callback`` on the GUI thread at ``when`` (aware UTC); replaces any pending
        wake-up. None cancels."""
        ...


class HistoryPort(Protocol):
    def record(self, event: HistoryEvent) -> None: ...

    def load_state(self) -> CycleState: ...

    def save_state(self, state: CycleState) -> None: ...

    def entries_done_on(self, day: date) -> list[str]:
        """Entry ids completed on that local day, oldest first."""
        ...


class Notifier(Protocol):
    def notify(
        self,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]] = (),
        on_action: Callable[[str], None] | None = None,
    ) -> None:
        """Show a desktop notification. ``actions`` are (key, label) pairs; when the user
        picks one, ``on_action(key)`` runs on the GUI thread. Never raises: a failure is
        logged and the next backend is tried."""
        ...


class View(Protocol):
    def show_prompt(
        self, entry: Entry, can_snooze: bool, snooze_minutes: int, *, snoozed_times: int = 0
    ) -> None:
        """Show (or reuse and refresh) the prompt window with ``entry``. ``snoozed_times``
        (snoozes in a row so far) lets the window say why Snooze is gone at the limit."""
        ...

    def update_snooze(
        self, can_snooze: bool, snooze_minutes: int, *, snoozed_times: int = 0
    ) -> None:
        """Bring the open prompt's Snooze button up to date (settings changed)."""
        ...

    def close_prompt(self) -> None: ...

    def show_status(self, status: Status) -> None:
        """Refresh tray icon, tooltip and menu from a snapshot."""
        ...


class Presence(Protocol):
    """What the desktop says about the user right now (for holding a due prompt)."""

    def seconds_since_input(self) -> float | None:
        """Seconds since the last keyboard/mouse input; None when no idle source works."""
        ...

    def hold_reason(self) -> str | None:
        """Why a prompt should wait ("fullscreen" or "dnd"); None when it may show."""
        ...
