"""What a process costs, read from /proc (Linux only): CPU time, context switches, memory.

The figures are summed over the process and its descendants (a tray app normally has none;
backbreak's notifier may briefly run ``notify-send``), so a helper process can't hide cost.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_PROC = Path("/proc")
_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class CpuSample:
    """Cumulative counters at one moment; subtract two samples to get a window's cost."""

    cpu_seconds: float
    """utime + stime from /proc/PID/stat: counted in clock ticks (usually 10 ms)."""
    run_seconds: float
    """Time on a CPU from /proc/PID/task/*/schedstat: nanoseconds, so an idle minute's few
    milliseconds show up at all."""
    voluntary_switches: int
    involuntary_switches: int
    threads: int
    processes: int

    def __sub__(self, earlier: CpuSample) -> CpuSample:
        return CpuSample(
            cpu_seconds=self.cpu_seconds - earlier.cpu_seconds,
            run_seconds=self.run_seconds - earlier.run_seconds,
            voluntary_switches=self.voluntary_switches - earlier.voluntary_switches,
            involuntary_switches=self.involuntary_switches - earlier.involuntary_switches,
            threads=self.threads,
            processes=self.processes,
        )


@dataclass(frozen=True)
class MemorySample:
    rss_kib: int
    pss_kib: int
    processes: int
    uss_kib: int = 0
    """Pages no other process maps (Private_Clean + Private_Dirty): what only this app
    costs, unchanged by whatever else on the machine maps the same libraries."""


def _stat_fields(pid: int) -> list[str]:
    """/proc/PID/stat split after the command name, which may itself hold spaces and ')'.

    Index 0 is field 3 of proc(5) (state); so field N is at index N - 3.
    """
    text = (_PROC / str(pid) / "stat").read_text()
    return text[text.rindex(")") + 2 :].split()


def descendants(pid: int) -> list[int]:
    """``pid`` and every live process below it."""
    children: dict[int, list[int]] = {}
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int(_stat_fields(int(entry.name))[1])  # field 4: ppid
        except (OSError, ValueError, IndexError):
            continue  # exited while we looked
        children.setdefault(parent, []).append(int(entry.name))
    found = [pid]
    pending = [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def _status_numbers(path: Path, keys: tuple[str, ...]) -> dict[str, int]:
    values: dict[str, int] = {}
    for line in path.read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in keys:
            values[name] = int(rest.split()[0])
    return values


def cpu_sample(pid: int) -> CpuSample:
    """CPU time (user + system, all threads) and context switches of every thread.

    /proc/PID/status counts the main thread only, so the switches are summed over
    /proc/PID/task/*/status. Threads that already ended are not counted (a tray app's
    threads live as long as it does).
    """
    cpu = run = 0.0
    voluntary = involuntary = threads = 0
    pids = descendants(pid)
    for member in pids:
        try:
            fields = _stat_fields(member)
            cpu += (int(fields[11]) + int(fields[12])) / _TICKS_PER_SECOND  # utime, stime
            for task in (_PROC / str(member) / "task").iterdir():
                counts = _status_numbers(
                    task / "status", ("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")
                )
                run += int((task / "schedstat").read_text().split()[0]) / 1e9
                voluntary += counts.get("voluntary_ctxt_switches", 0)
                involuntary += counts.get("nonvoluntary_ctxt_switches", 0)
                threads += 1
        except OSError:
            continue  # a child ended between listing and reading
    return CpuSample(cpu, run, voluntary, involuntary, threads, len(pids))


def memory_sample(pid: int) -> MemorySample:
    """RSS, PSS (proportional set size: shared pages divided among their users) and USS
    (private pages only) in KiB, from /proc/PID/smaps_rollup."""
    rss = pss = uss = 0
    pids = descendants(pid)
    keys = ("Rss", "Pss", "Private_Clean", "Private_Dirty")
    for member in pids:
        try:
            counts = _status_numbers(_PROC / str(member) / "smaps_rollup", keys)
        except OSError:
            continue
        rss += counts.get("Rss", 0)
        pss += counts.get("Pss", 0)
        uss += counts.get("Private_Clean", 0) + counts.get("Private_Dirty", 0)
    return MemorySample(rss, pss, len(pids), uss)
