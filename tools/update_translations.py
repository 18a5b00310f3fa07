"""Refresh the translation files from the code: pyside6-lupdate, then pyside6-lrelease.

    python tools/update_translations.py            # every shipped language
    python tools/update_translations.py --release  # only recompile the .qm files

``lupdate`` scans every ``backbreak/**/*.py`` for ``self.tr("...")``,
``QCoreApplication.translate("Context", "...")`` and, through function aliases, the
``_("...")`` / ``N_("...")`` markers of ``backbreak.core.i18n`` (context ``""``). New
strings land in ``resources/i18n/backbreak_<lang>.ts`` as unfinished (translate them in
Qt Linguist or a text editor), strings gone from the code are dropped, existing
translations are kept. ``lrelease`` then compiles each ``.ts`` into the ``.qm`` the app
loads. ``tests/unit/test_translations.py`` fails until both are done.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
I18N_DIR = REPO / "resources" / "i18n"
SOURCE_LANGUAGE = "en"

LUPDATE_OPTIONS = [
    # _() translates and N_() only marks; both behave like QT_TR_NOOP for extraction,
    # which files their strings under the empty context, the one core.i18n translates in.
    "-tr-function-alias",
    "QT_TR_NOOP+=_,QT_TR_NOOP+=N_",
    # No file names or line numbers: the .ts would change with every edit anywhere.
    "-locations",
    "none",
    "-no-obsolete",
    "-source-language",
    SOURCE_LANGUAGE,
]


def source_files(repo: Path = REPO) -> list[Path]:
    """Every Python file whose strings may be shown to the user."""
    return sorted((repo / "backbreak").rglob("*.py"))


def ts_files() -> list[Path]:
    return sorted(I18N_DIR.glob("backbreak_*.ts"))


def language_of(ts: Path) -> str:
    return ts.stem.removeprefix("backbreak_")


def pyside_tool(name: str) -> str:
    """The PySide6 tool ``name`` of the Python running this script: pip puts it next to
    ``sys.executable``, and a venv that is not activated is not on PATH (where another
    PySide6's tool, of another Qt version, may be). PATH only when it is not there."""
    beside = Path(sys.executable).with_name(name)
    if beside.is_file():
        return str(beside)
    return shutil.which(name) or name


def lupdate_command(sources: list[Path], ts: Path) -> list[str]:
    return [
        pyside_tool("pyside6-lupdate"),
        *LUPDATE_OPTIONS,
        "-target-language",
        language_of(ts),
        *(str(path) for path in sources),
        "-ts",
        str(ts),
    ]


def lrelease_command(ts: Path, qm: Path) -> list[str]:
    return [pyside_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only run lrelease")
    args = parser.parse_args(argv)
    for tool in ("pyside6-lupdate", "pyside6-lrelease"):
        if shutil.which(pyside_tool(tool)) is None:
            print(f"{tool} not found; it comes with PySide6", file=sys.stderr)
            return 1
    for ts in ts_files():
        if not args.release:
            subprocess.run(lupdate_command(source_files(), ts), check=True, cwd=REPO)
        subprocess.run(lrelease_command(ts, ts.with_suffix(".qm")), check=True, cwd=REPO)
        print(f"{ts.relative_to(REPO)} → {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
