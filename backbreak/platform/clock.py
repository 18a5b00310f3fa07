"""The real clock: UTC wall time, the user's zone and a monotonic counter."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_LOCALTIME = Path("/etc/localtime")
_DEBIAN_TIMEZONE = Path("/etc/timezone")


class SystemClock:
    """Implements ``backbreak.ports.Clock`` on the operating system's clocks."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def zone(self) -> tzinfo:
        # ``datetime.now().astimezone().tzinfo`` is a fixed offset (e.g. UTC+02:00) that
        # is only right until the next DST change: working hours computed with it would
        # drift by an hour for half the year. A named zone (Europe/Berlin) knows the
        # rules, so look for the zone's name first and keep the fixed offset as the last
        # resort. Re-read on every call because the user may change zone while we run.
        named = _named_local_zone()
        fixed = datetime.now().astimezone().tzinfo
        if named is not None:
            # Trust the name only if it agrees with what libc uses right now; a stale
            # symlink or a TZ value libc reads differently must not shift the hours.
            probe = datetime.now(UTC)
            if (
                fixed is None
                or probe.astimezone(named).utcoffset() == probe.astimezone(fixed).utcoffset()
            ):
                return named
        return fixed if fixed is not None else UTC

    def monotonic(self) -> float:
        return time.monotonic()


def _named_local_zone() -> ZoneInfo | None:
    """The IANA name of the local zone, from TZ or the system files (no tzlocal)."""
    tz_env = os.environ.get("TZ")
    if tz_env:
        # POSIX allows a leading colon ("TZ=:Europe/Paris").
        zone = _zone_from_key(tz_env.removeprefix(":"))
        if zone is not None:
            return zone
    try:
        target = os.readlink(_LOCALTIME)
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        zone = _zone_from_key(target.rsplit("zoneinfo/", 1)[1])
        if zone is not None:
            return zone
    try:
        key = _DEBIAN_TIMEZONE.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return _zone_from_key(key)


def _zone_from_key(key: str) -> ZoneInfo | None:
    if not key or key.startswith("/"):
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
