"""Writes the countdown chimes, resources/sounds/{start,switch,end}.wav.

Synthesised here with the standard library so the sounds are our own and can be remade
byte for byte: soft sine bell tones (a quiet octave partial, a short fade in so there is
no click, an exponential decay and a fade out to true zero), mono 16-bit at 22.05 kHz,
peaking at about a quarter of full scale, each well under 0.6 s.

    start   one rising pair, E5 → A5: "go"
    switch  one falling pair, A5 → E5: "other side"
    end     three notes, C5 E5 G5 ringing out: "done"

Run: ``python tools/make_cues.py [OUT_DIR]`` (default: resources/sounds).
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050
PEAK = 0.25
"""Loudest sample as a fraction of full scale: a gentle cue, not an alarm."""
FADE_IN = 0.008
FADE_OUT = 0.06

Note = tuple[float, float, float]
"""(frequency in Hz, start in seconds, length in seconds)"""

CUES: dict[str, list[Note]] = {
    "start": [(659.26, 0.0, 0.30), (880.00, 0.14, 0.36)],
    "switch": [(880.00, 0.0, 0.30), (659.26, 0.14, 0.36)],
    "end": [(523.25, 0.0, 0.40), (659.26, 0.10, 0.40), (783.99, 0.20, 0.36)],
}


def _envelope(t: float, length: float) -> float:
    attack = min(1.0, t / FADE_IN)
    release = min(1.0, (length - t) / FADE_OUT)
    decay = math.exp(-5.0 * t / length)
    return max(0.0, attack * release * decay)


def render(notes: list[Note]) -> list[float]:
    """The summed notes as samples in [-1, 1], scaled so the loudest is ``PEAK``."""
    total = max(start + length for _, start, length in notes)
    samples = [0.0] * int(total * RATE)
    for frequency, start, length in notes:
        first = int(start * RATE)
        for i in range(int(length * RATE)):
            t = i / RATE
            tone = math.sin(2 * math.pi * frequency * t)
            tone += 0.2 * math.sin(2 * math.pi * 2 * frequency * t)  # soft bell partial
            samples[first + i] += _envelope(t, length) * tone
    loudest = max(abs(s) for s in samples) or 1.0
    return [s * PEAK / loudest for s in samples]


def write_wav(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", round(s * 32767)) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main(argv: list[str]) -> int:
    out_dir = (
        Path(argv[1])
        if len(argv) > 1
        else Path(__file__).resolve().parent.parent / "resources" / "sounds"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, notes in CUES.items():
        path = out_dir / f"{name}.wav"
        write_wav(path, render(notes))
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
