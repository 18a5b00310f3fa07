"""``QtView``: the service's ``View`` port, drawn with the prompt window and the tray."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo

from backbreak.core.catalog import Entry
from backbreak.core.status import Status
from backbreak.ui.prompt import PromptWindow
from backbreak.ui.tray import TrayController

log = logging.getLogger(__name__)


def _local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None  # astimezone() always yields an aware datetime
    return zone


class QtView:
    """Implements ``backbreak.ports.View`` by delegating to the two widgets."""

    def __init__(
        self,
        prompt: PromptWindow,
        tray: TrayController,
        illustration_loader: Callable[[Entry], bytes | None],
        *,
        zone: Callable[[], tzinfo] = _local_zone,
        is_favourite: Callable[[str], bool] = lambda _entry_id: False,
    ) -> None:
        """``zone`` gives the user's time zone for clock times in the tray (re-asked on
        every status, since it can change while the app runs); ``is_favourite`` sets the
        prompt's Favourite toggle (e.g. ``lambda i: i in settings.favourite_entries``)."""
        self._prompt = prompt
        self._tray = tray
        self._load_illustration = illustration_loader
        self._zone = zone
        self._is_favourite = is_favourite

    def show_prompt(
        self, entry: Entry, can_snooze: bool, snooze_minutes: int, *, snoozed_times: int = 0
    ) -> None:
        try:
            illustration = self._load_illustration(entry)
        except OSError:
            # A missing or unreadable picture must not cost the user the prompt itself.
            log.warning("Could not load the illustration for %r", entry.id, exc_info=True)
            illustration = None
        self._prompt.show_entry(
            entry,
            illustration,
            can_snooze,
            snooze_minutes,
            favourite=self._is_favourite(entry.id),
            snoozed_times=snoozed_times,
        )

    def update_snooze(
        self, can_snooze: bool, snooze_minutes: int, *, snoozed_times: int = 0
    ) -> None:
        self._prompt.update_snooze(can_snooze, snooze_minutes, snoozed_times)

    def close_prompt(self) -> None:
        self._prompt.close_prompt()

    def show_status(self, status: Status) -> None:
        self._tray.update(status, self._zone())
