"""Generate realistic break history: a month for screenshots, five years for the bench.

Run: ``python tools/make_history.py DATA_DIR --days 30`` (or ``--years 5``), then
``backbreak --data-dir DATA_DIR`` shows it. The history goes to the file the app uses
under that folder; an existing file is only replaced with ``--replace``. The simulation
itself lives in ``tests/history_data.py`` so the tests and the bench share it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a source checkout

from backbreak.platform.history import History
from backbreak.platform.paths import resolve_paths
from tests.history_data import bundled_entry_ids, generate


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate realistic break history into a backbreak data folder."
    )
    parser.add_argument("data_dir", type=Path, help="folder to use as backbreak --data-dir")
    span = parser.add_mutually_exclusive_group()
    span.add_argument("--days", type=int, default=30, help="days of history (default 30)")
    span.add_argument("--years", type=int, help="years of history instead of days")
    parser.add_argument(
        "--until",
        type=datetime.fromisoformat,
        help="local time the history stops (default: now); its day is the last one",
    )
    parser.add_argument("--zone", default="Europe/Berlin", help="IANA time zone")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--replace", action="store_true", help="replace an existing history")
    args = parser.parse_args(argv)

    zone = ZoneInfo(args.zone)
    until = args.until.replace(tzinfo=zone) if args.until else datetime.now(zone)
    last_day = until.date()
    days = args.years * 365 if args.years else args.days
    first_day = last_day - timedelta(days=days - 1)
    target = resolve_paths(args.data_dir).history_db
    if target.exists():
        if not args.replace:
            print(f"{target} exists; add --replace to overwrite it", file=sys.stderr)
            return 1
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    events = list(
        generate(
            first_day,
            last_day,
            zone,
            bundled_entry_ids(),
            seed=args.seed,
            until=until.astimezone(UTC),
        )
    )
    with History(target) as history:
        history.record_many(events)
    print(f"{len(events):,} events from {first_day} to {last_day} written to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
