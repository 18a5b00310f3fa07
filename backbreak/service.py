"""BreakService: owns the break-cycle state and turns ticks and clicks into effects.

It talks to the world only through the ports in ``backbreak.ports``; the rules themselves
are the pure functions in ``backbreak.core.cycle``. The scheduler is never the source of
truth: after every event the next wake-up is recomputed from the saved state and the clock.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from backbreak.core import cycle
from backbreak.core.catalog import Entry
from backbreak.core.history_model import EventKind, HistoryEvent
from backbreak.core.hold import HOLD_REASONS, RecheckAt, decide
from backbreak.core.i18n import _
from backbreak.core.pause import PauseRequest
from backbreak.core.picker import PickContext, pick
from backbreak.core.runaway import BACKOFF, LIMIT, LOG_MARKER, WakeGuard
from backbreak.core.settings import Settings
from backbreak.core.status import Status
from backbreak.core.workhours import next_work_start
from backbreak.ports import Clock, HistoryPort, Notifier, Presence, View, Waker

log = logging.getLogger("backbreak.service")

DUE_TOLERANCE = timedelta(seconds=1)
"""Timers may fire a few milliseconds early; a wake-up this close to the due time counts."""


@dataclass
class _Hold:
    """A due prompt that is waiting: for a full-screen window or DND to go, or for a
    pause in typing."""

    held_since: datetime | None = None
    """When a full-screen/DND hold began."""
    reason: str | None = None
    """Why the prompt waits right now (for the status); None when it doesn't."""
    showable_since: datetime | None = None
    """When the prompt could first have shown: its due time, or the end of a hold."""
    quiet_notice_sent: bool = False


@dataclass
class _Day:
    """What was shown today, for the picker's spread over body areas and kinds."""

    day: date | None = None
    shown: list[str] = field(default_factory=list)


class BreakService:
    def __init__(
        self,
        *,
        settings: Settings,
        catalog: Sequence[Entry],
        clock: Clock,
        waker: Waker,
        history: HistoryPort,
        notifier: Notifier,
        view: View,
        rng: random.Random | None = None,
        on_settings_changed: Callable[[Settings], None] | None = None,
        presence: Presence | None = None,
        check_clock: Callable[[], None] | None = None,
    ) -> None:
        """``check_clock`` compares the clocks now (the heartbeat's check, which reports a
        clock change through ``clock_jumped``). It runs before every user intent, so a
        clock set back since the last minute check is applied to the old state before
        the intent stamps a new instant, never to the new instant as well."""
        self._settings = settings
        self._catalog = list(catalog)
        self._clock = clock
        self._waker = waker
        self._history = history
        self._notifier = notifier
        self._view = view
        self._rng = rng or random.Random()
        self._on_settings_changed = on_settings_changed
        self._presence = presence
        self._check_clock = check_clock or (lambda: None)
        self._hold = _Hold()
        self._state = cycle.CycleState()
        self._current: Entry | None = None
        self._offered: tuple[bool, int, int] | None = None
        """What the open window's Snooze button offers (``_snooze_offer``)."""
        self._prompt_shown_at: datetime | None = None
        self._noticed_for: datetime | None = None
        self._announced: Entry | None = None
        """The exercise the heads-up notice named: the next fresh prompt shows it."""
        self._today = _Day()
        self._guard = WakeGuard()
        self._wanted_wake: datetime | None = None
        """The wake-up the rules asked for, before the runaway guard held it back."""

    # ---- read-only views -------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def state(self) -> cycle.CycleState:
        return self._state

    @property
    def current_entry(self) -> Entry | None:
        return self._current

    def status(self) -> Status:
        now = self._clock.now()
        status = cycle.status(self._state, self._settings, now, self._clock.zone())
        return replace(
            status, held_reason=self._hold.reason, wake_guard_tripped=self._guard.tripped
        )

    # ---- life cycle ------------------------------------------------------------------------

    def start(self) -> None:
        self._state = self._history.load_state()
        self._apply(cycle.Started())

    def shutdown(self) -> None:
        """Save the state; the pending wake-up dies with the process."""
        self._arm(None)
        self._history.save_state(self._state)

    # ---- user intents ----------------------------------------------------------------------

    def break_now(self) -> None:
        self._user_intent()
        self._show_prompt(exclude_areas=(), fresh=True)

    def complete(self) -> None:
        if self._current is None:
            return
        self._user_intent()
        now = self._clock.now()
        spent = self._seconds_since(self._prompt_shown_at, now)
        self._record(
            "completed",
            now,
            entry_id=self._current.id,
            seconds=min(spent, self._current.duration_seconds * 3) if spent else None,
            sitting_seconds=self._sitting_seconds(now),
        )
        self._apply(cycle.Completed())
        self._close_prompt()

    def snooze(self) -> None:
        """Snooze the open prompt; once the snooze limit is reached a snooze counts as a
        skip."""
        if self._current is None:
            return
        self._user_intent()
        if self._snooze(self._current.id):
            self._close_prompt()
        else:
            self._skip(self._current.id)

    def _snooze(self, entry_id: str | None) -> bool:
        """The one snooze path (prompt and heads-up notice): False, and nothing done, once
        the snooze limit is reached."""
        if not cycle.can_snooze(self._state, self._settings):
            return False
        minutes = self._settings.snooze_minutes
        self._record("snoozed", self._clock.now(), entry_id=entry_id, seconds=minutes * 60)
        self._apply(cycle.Snoozed(minutes))
        return True

    def skip(self) -> None:
        if self._current is None:
            return
        self._user_intent()
        self._skip(self._current.id)

    def _skip(self, entry_id: str) -> None:
        """Skip the open prompt, the user intent already noted (``skip`` and a snooze past
        the limit)."""
        self._record("skipped", self._clock.now(), entry_id=entry_id)
        self._apply(cycle.Skipped())
        self._close_prompt()

    def another(self) -> None:
        """Swap the open prompt's entry for one from a different body area."""
        if self._current is None:
            self.break_now()
            return
        self._user_intent()
        self._record("another", self._clock.now(), entry_id=self._current.id)
        self._show_prompt(exclude_areas=self._current.areas, fresh=False)

    def pause(self, request: PauseRequest) -> datetime | None:
        """Pause reminders; returns when they resume (None = until the user resumes)."""
        self._user_intent()
        now = self._clock.now()
        until: datetime | None
        if request.minutes is not None:
            until = now + timedelta(minutes=request.minutes)
        elif request.until_tomorrow:
            until = next_work_start(now + timedelta(minutes=1), self._settings, self._clock.zone())
        else:
            until = None
        seconds = None if until is None else int((until - now).total_seconds())
        self._record("paused", now, seconds=seconds)
        self._announced = None  # a pause postpones the break the notice spoke of
        self._apply(cycle.Paused(until, meeting=request.meeting))
        self._close_prompt()
        return until

    def resume(self) -> None:
        self._user_intent()
        if self._state.pause is None:
            self._reschedule()
            return
        self._record("resumed", self._clock.now())
        self._apply(cycle.Resumed())
        self._sync_snooze_offer()  # a window opened during the pause may now snooze again

    def set_entry_hidden(self, entry_id: str, hidden: bool = True) -> None:
        ids = _with_member(self._settings.hidden_entries, entry_id, hidden)
        self.update_settings(self._settings.replace(hidden_entries=ids))

    def set_entry_favourite(self, entry_id: str, favourite: bool) -> None:
        ids = _with_member(self._settings.favourite_entries, entry_id, favourite)
        self.update_settings(self._settings.replace(favourite_entries=ids))

    def update_settings(self, settings: Settings) -> None:
        if settings == self._settings:
            return
        self._guard.note_input()
        self._settings = settings
        if self._on_settings_changed is not None:
            self._on_settings_changed(settings)
        self._sync_snooze_offer()
        self._reschedule()

    # ---- what the world tells us -----------------------------------------------------------

    def away(self, start: datetime, end: datetime) -> None:
        """The user was away (idle, locked, asleep). Long enough, it counts as a break."""
        length = end - start
        if length >= timedelta(minutes=self._settings.away_minutes):
            self._announced = None  # that break is taken; the next notice names its own
            self._record(
                "away",
                end,
                seconds=int(length.total_seconds()),
                sitting_seconds=self._sitting_seconds(start),
            )
        self._apply(cycle.Away(start, end))
        self._sync_snooze_offer()  # a time away starts the snooze count afresh

    def clock_jumped(self, delta: timedelta) -> None:
        log.info("wall clock moved by %s; recomputing the schedule", delta)
        self._apply(cycle.ClockJumped(delta))

    def refresh(self) -> None:
        """Recompute the schedule (after resume, unlock, time-zone change)."""
        self._reschedule()

    def refresh_view(self) -> None:
        """Redraw the status as of now (the minute heartbeat), leaving the schedule alone."""
        self._view.show_status(self.status())

    # ---- internals -------------------------------------------------------------------------

    def _user_intent(self) -> None:
        """Before the user's click or command is applied: it is user input (the runaway
        guard counts afresh), and a clock change since the last check is applied first."""
        self._guard.note_input()
        self._check_clock()

    def _arm(self, when: datetime | None) -> None:
        """The one place a wake-up is armed, so the runaway guard sees every one."""
        self._wanted_wake = when
        self._waker.wake_at(self._guard.hold_back(when, self._clock.now()), self._on_wake)

    def _apply(self, event: cycle.Event) -> None:
        """Apply an event to the state, save it at once, and re-arm the wake-up."""
        now = self._clock.now()
        self._state = cycle.apply(self._state, event, self._settings, now)
        self._history.save_state(self._state)
        self._hold = _Hold()
        self._reschedule()

    def _record(
        self,
        kind: EventKind,
        at: datetime,
        *,
        entry_id: str | None = None,
        seconds: int | None = None,
        sitting_seconds: int | None = None,
    ) -> None:
        local = at.astimezone(self._clock.zone())
        offset = local.utcoffset() or timedelta(0)
        event = HistoryEvent(
            kind=kind,
            at=at,
            local_day=local.date(),
            utc_offset_minutes=int(offset.total_seconds() // 60),
            entry_id=entry_id,
            seconds=seconds,
            sitting_seconds=sitting_seconds,
        )
        try:
            self._history.record(event)
        except Exception:
            # History is precious but the schedule matters more: a full disk must not
            # stop the reminders. The failure is in the log for the user to see.
            log.exception("could not record %s in history", kind)

    def _sitting_seconds(self, at: datetime) -> int | None:
        since = self._state.sitting_since
        if since is None or since > at:
            return None
        return int((at - since).total_seconds())

    @staticmethod
    def _seconds_since(start: datetime | None, now: datetime) -> int:
        if start is None or start > now:
            return 0
        return int((now - start).total_seconds())

    def _pick(self, exclude_areas: Sequence[str], *, fresh: bool) -> Entry | None:
        """``fresh``: a new stand-up prompt (scheduled or "break now"), which gets the
        person out of the chair; False for "Another one", which may offer a seated move."""
        now = self._clock.now()
        today = now.astimezone(self._clock.zone()).date()
        if self._today.day != today:
            self._today = _Day(day=today)
        settings = self._settings
        context = PickContext(
            enabled_kinds=settings.enabled_kinds,
            office_friendly_only=settings.office_friendly_only,
            hidden_ids=settings.hidden_entries,
            favourite_ids=settings.favourite_entries,
            done_today=tuple(self._history.entries_done_on(today)),
            shown_today=tuple(self._today.shown),
            last_entry_id=self._current.id if self._current else self._last_shown(),
            exclude_areas=frozenset(exclude_areas),
            sitting_minutes=_minutes(self._sitting_seconds(now)),
            out_of_chair=fresh,
        )
        return pick(self._catalog, context, self._rng)

    def _still_offered(self, entry: Entry) -> bool:
        """False when settings changed since ``entry`` was announced rule it out: its kind
        turned off or the entry hidden. Office-friendly is left alone: it is a preference
        the picker loosens when nothing else is left, so an entry announced despite it
        must not be swapped for another at the prompt."""
        settings = self._settings
        return (
            entry in self._catalog
            and entry.kind in settings.enabled_kinds
            and entry.id not in settings.hidden_entries
        )

    def _last_shown(self) -> str | None:
        return self._today.shown[-1] if self._today.shown else None

    def _show_prompt(self, exclude_areas: Sequence[str], *, fresh: bool) -> None:
        announced, self._announced = self._announced, None
        if fresh and announced is not None and self._still_offered(announced):
            entry: Entry | None = announced
        else:
            entry = self._pick(exclude_areas, fresh=fresh)
        if entry is None:
            self._notifier.notify(
                _("Time to stand up"),
                _("No exercise is enabled in settings, but a short walk always counts."),
            )
            log.warning("no catalog entry passes the current filters")
            return
        now = self._clock.now()
        self._current = entry
        self._prompt_shown_at = now
        self._today.shown.append(entry.id)
        self._record("prompted", now, entry_id=entry.id)
        self._apply(cycle.PromptShown())
        self._offered = self._snooze_offer()
        can_snooze, minutes, snoozed = self._offered
        self._view.show_prompt(entry, can_snooze, minutes, snoozed_times=snoozed)

    def _snooze_offer(self) -> tuple[bool, int, int]:
        """What the window's Snooze button offers: (can snooze, minutes, snoozes in a row)."""
        state, settings = self._state, self._settings
        return cycle.can_snooze(state, settings), settings.snooze_minutes, state.snoozes_in_row

    def _sync_snooze_offer(self) -> None:
        """Keep the open window's Snooze button true: its length follows the settings, and
        whether it shows follows the limit (a time away starts the snooze count afresh)."""
        if self._current is None:
            return
        offer = self._snooze_offer()
        if offer == self._offered:
            return
        self._offered = offer
        can_snooze, minutes, snoozed = offer
        self._view.update_snooze(can_snooze, minutes, snoozed_times=snoozed)

    def _close_prompt(self) -> None:
        self._current = None
        self._prompt_shown_at = None
        self._view.close_prompt()

    def _reschedule(self) -> None:
        """Arm the single wake-up for the next notice or prompt, and refresh the view."""
        now = self._clock.now()
        zone = self._clock.zone()
        due = cycle.next_prompt_at(self._state, self._settings, now, zone)
        wake = due
        notice = timedelta(seconds=self._settings.notice_seconds)
        if (
            due is not None
            and notice
            and self._state.prompt_open_since is None
            and self._noticed_for != due
            and due - notice > now
        ):
            wake = due - notice
        self._arm(wake)
        self._view.show_status(self.status())

    def _on_wake(self) -> None:
        if self._guard.note_wake(self._clock.monotonic()):
            # Defence in depth: whatever rule is wrong, it must not become a busy loop or
            # a history flood. Logged once, with what is needed to find the rule.
            log.error(
                "%s more than %d wake-ups within a minute with no user input; "
                "waking at most every %s until the user does something. "
                "now=%s wanted wake-up=%s state=%r settings=%r",
                LOG_MARKER,
                LIMIT,
                BACKOFF,
                self._clock.now().isoformat(),
                None if self._wanted_wake is None else self._wanted_wake.isoformat(),
                self._state,
                self._settings,
            )
            self._arm(self._wanted_wake)
            self._view.show_status(self.status())
            return
        # A wall-clock timer fires at once when the clock is set forward: apply the change
        # before acting on it, or a prompt comes an hour early until the minute check.
        self._check_clock()
        now = self._clock.now()
        due = cycle.next_prompt_at(self._state, self._settings, now, self._clock.zone())
        if due is not None and due <= now + DUE_TOLERANCE:
            if not self._should_hold(due, now):
                self._show_prompt(exclude_areas=(), fresh=True)
            return
        notice = timedelta(seconds=self._settings.notice_seconds)
        if due is not None and notice and due - notice <= now + DUE_TOLERANCE:
            self._send_notice(due)
        self._reschedule()

    def _should_hold(self, due: datetime, now: datetime) -> bool:
        """Don't interrupt: hold a due prompt behind a full-screen window or DND, or
        briefly while the user types (rules in ``core.hold``). True = re-armed to look
        again; False = show it now."""
        presence = self._presence
        if presence is None or self._state.prompt_open_since is not None:
            # Re-nudging a window that is already open interrupts nothing new.
            return False
        hold = self._hold
        if hold.showable_since is None and hold.held_since is None:
            # next_prompt_at never lies in the past, so "due" moves with the clock while
            # we wait; the typing limit counts from the first time it fell due.
            hold.showable_since = due
        since_input = presence.seconds_since_input()
        decision = decide(
            hold.showable_since or due,
            now,
            since_input,
            presence.hold_reason(),
            held_since=hold.held_since,
            settings=self._settings,
            quiet_notice_sent=hold.quiet_notice_sent,
        )
        if isinstance(decision, RecheckAt) and decision.reason in HOLD_REASONS:
            if hold.held_since is None:
                hold.held_since = now
                log.info("prompt held: %s", decision.reason)
            hold.reason = decision.reason
            if decision.notify_quietly:
                hold.quiet_notice_sent = True
                self._notifier.notify(_("Stand-up break waiting"), _held_notice(decision.reason))
            self._arm(decision.when)
            self._view.show_status(self.status())
            return True
        if hold.held_since is not None:
            # The hold just ended: the typing wait starts now, not at the old due time.
            hold.held_since = None
            hold.showable_since = now
            decision = decide(now, now, since_input, None, held_since=None, settings=self._settings)
        if isinstance(decision, RecheckAt):
            # Waiting for a pause in typing: the user is typing, which is user input.
            self._guard.note_input()
            hold.reason = decision.reason
            self._arm(decision.when)
            self._view.show_status(self.status())
            return True
        self._hold = _Hold()
        return False

    def _send_notice(self, due: datetime) -> None:
        """The heads-up before a prompt. It names the exercise, picked now, so the person
        can finish what they are doing and get ready for it; the prompt then shows that
        one (unless settings changed meanwhile and leave it out)."""
        self._noticed_for = due
        seconds = max(1, round((due - self._clock.now()).total_seconds()))
        when = _("1 minute") if 45 <= seconds <= 90 else _lead_text(seconds)
        actions = [("start", _("Start now"))]
        if cycle.can_snooze(self._state, self._settings):
            actions.append(("snooze", _("Snooze")))
        if self._announced is None or not self._still_offered(self._announced):
            # A notice again (after a snooze) names the same exercise as before.
            self._announced = self._pick((), fresh=True)
        body = (
            _("Stand-up break in {0}.").format(when)
            if self._announced is None
            else _("In {0}: {1}").format(when, self._announced.title)
        )
        self._notifier.notify(
            _("Stand-up break soon"),
            body,
            actions=tuple(actions),
            on_action=self._on_notice_action,
        )

    def _on_notice_action(self, key: str) -> None:
        if key == "start":
            self.break_now()
        elif key == "snooze":
            self._user_intent()
            # An old notice can still be pressed while its prompt is open: then it snoozes
            # that prompt, window and all.
            entry_id = None if self._current is None else self._current.id
            if not self._snooze(entry_id):
                # A notice can be pressed again after the limit was reached: the break
                # comes when it is due.
                log.info("snooze from the notice refused: the snooze limit is reached")
                self._reschedule()
            elif self._current is not None:
                self._close_prompt()


def _held_notice(reason: str) -> str:
    # A call never asks for this notice (core.hold): nothing pops up during a call.
    if reason == "program":
        return _("Your break will show when the program on your list closes.")
    return _("Your break will show when the full-screen window or Do Not Disturb ends.")


def _lead_text(seconds: int) -> str:
    if seconds < 60:
        return _("{0} seconds").format(seconds)
    minutes = round(seconds / 60)
    return _("1 minute") if minutes == 1 else _("{0} minutes").format(minutes)


def _with_member(ids: frozenset[str], member: str, present: bool) -> frozenset[str]:
    return ids | {member} if present else ids - {member}


def _minutes(seconds: int | None) -> float | None:
    return None if seconds is None else seconds / 60
