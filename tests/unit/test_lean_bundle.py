"""The Linux bundle's diet (packaging/lean_bundle.py): what it leaves out, and that Qt still
finds what it needs in the slimmed ICU data.

The bundle itself is not built here (a minute of PyInstaller; packaging/README.md says how
it was built and checked under Xvfb); these tests pin the rules it is built by.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def _load_lean_bundle() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lean_bundle", PACKAGING / "lean_bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lean_bundle = _load_lean_bundle()
QT = "PySide6/Qt/"


def entry(name: str, kind: str = "BINARY") -> tuple[str, str, str]:
    return (name, f"/src/{name}", kind)


# A small world: the xcb plugin needs QtGui (which needs QtCore and ICU); the GTK 3 theme
# needs GTK, which needs Pango, which needs HarfBuzz, which QtGui doesn't.
NEEDS = {
    "libqxcb.so": ["libQt6Gui.so.6", "libxcb-cursor.so.0"],
    "libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
    "libqjpeg.so": ["libjpeg.so.62"],
    "libgtk-3.so.0": ["libpango-1.0.so.0"],
    "libpango-1.0.so.0": ["libharfbuzz.so.0"],
    "libQt6Gui.so.6": ["libQt6Core.so.6"],
    "libQt6Core.so.6": ["libicuuc.so.73", "libglib-2.0.so.0"],
    "libicuuc.so.73": ["libicudata.so.73"],
    "QtGui.abi3.so": ["libQt6Gui.so.6"],
}


def needed(source: str) -> Iterable[str]:
    return NEEDS.get(os.path.basename(source), [])


def test_lean_drops_unused_plugins_what_only_they_needed_and_foreign_translations() -> None:
    binaries = [
        entry(f"{QT}plugins/platforms/libqxcb.so"),
        entry(f"{QT}plugins/platformthemes/libqgtk3.so"),
        entry(f"{QT}plugins/imageformats/libqjpeg.so"),
        entry(f"{QT}plugins/imageformats/libqsvg.so"),
        entry(f"{QT}plugins/generic/libqevdevmouseplugin.so"),
        entry("PySide6/QtGui.abi3.so", "EXTENSION"),
        entry(f"{QT}lib/libQt6Gui.so.6"),
        entry(f"{QT}lib/libQt6Core.so.6"),
        entry(f"{QT}lib/libicuuc.so.73"),
        entry(f"{QT}lib/libicudata.so.73"),
        entry("libxcb-cursor.so.0"),
        entry("libglib-2.0.so.0"),
        entry("libgtk-3.so.0"),
        entry("libpango-1.0.so.0"),
        entry("libharfbuzz.so.0"),
        entry("libjpeg.so.62"),
        entry("libpython3.11.so.1.0"),
    ]
    datas = [
        entry(f"{QT}translations/qtbase_de.qm", "DATA"),
        entry(f"{QT}translations/qtbase_fr.qm", "DATA"),
        entry(f"{QT}translations/qt_help_de.qm", "DATA"),
        entry("backbreak/resources/i18n/backbreak_de.qm", "DATA"),
    ]
    kept_binaries, kept_datas, left_out = lean_bundle.lean(binaries, datas, ["de"], needed)
    kept = {name for name, _, _ in kept_binaries} | {name for name, _, _ in kept_datas}
    assert set(left_out) == {
        f"{QT}plugins/platformthemes/libqgtk3.so",
        f"{QT}plugins/imageformats/libqjpeg.so",
        f"{QT}plugins/generic/libqevdevmouseplugin.so",
        "libgtk-3.so.0",
        "libpango-1.0.so.0",
        "libharfbuzz.so.0",
        "libjpeg.so.62",
        f"{QT}translations/qtbase_fr.qm",
        f"{QT}translations/qt_help_de.qm",
    }
    assert kept.isdisjoint(left_out)
    # Loaded by name, never linked: the bootloader's libpython and the plugins we keep.
    assert "libpython3.11.so.1.0" in kept
    assert f"{QT}plugins/imageformats/libqsvg.so" in kept
    assert "libxcb-cursor.so.0" in kept and f"{QT}lib/libicudata.so.73" in kept


def test_the_plugins_a_desktop_session_needs_stay() -> None:
    for plugin in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platformthemes/libqxdgdesktopportal.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",
        "xcbglintegrations/libqxcb-glx-integration.so",
        "wayland-shell-integration/libxdg-shell.so",
    ):
        assert not lean_bundle.excluded_plugin(f"{QT}plugins/{plugin}"), plugin


def test_icu_keeps_core_data_and_our_languages_only() -> None:
    items = [
        "root.res",
        "pool.res",
        "res_index.res",
        "uts46.nrm",
        "unames.icu",
        "cnvalias.icu",
        "zoneinfo64.res",
        "de.res",
        "de_CH.res",
        "en_GB.res",
        "fr.res",
        "es_.res",
        "ibm-943_P15A-2003.cnv",
        "coll/root.res",
        "coll/ucadata.icu",
        "coll/de.res",
        "coll/sv.res",
        "zone/pool.res",
        "zone/fr_CA.res",
        "brkitr/thaidict.dict",
        "translit/Latin_ASCII.res",
    ]
    dropped = lean_bundle.icu_items_to_drop(items, ["de", "en"])
    assert dropped == [
        "fr.res",
        "es_.res",
        "ibm-943_P15A-2003.cnv",
        "coll/sv.res",
        "zone/fr_CA.res",
        "translit/Latin_ASCII.res",
    ]


# ---- the slimmed ICU data, used by the Qt we run on ---------------------------------------

PROBE = """
import json
from PySide6.QtCore import QByteArray, QCollator, QLocale, QTimeZone, QUrl

german = QCollator(QLocale("de_DE"))
words = sorted(["Zebra", "Öl", "Ofen", "apfel", "Äpfel"], key=german.sortKey)
berlin = QTimeZone(b"Europe/Berlin")
json.dump(
    {
        "maps": [line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line],
        "sorted": words,
        "upper": QLocale("de_DE").toUpper("straße"),
        "turkish_upper": QLocale("tr_TR").toUpper("i"),
        "idna": QUrl.fromAce(QByteArray(b"xn--mnchen-3ya.de")),
        "zone": berlin.displayName(
            QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("de_DE")
        ),
    },
    __import__("sys").stdout,
)
"""


def tool(name: str, package: str) -> None:
    if shutil.which(name) is not None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{name} is missing in CI: install the Debian package {package}")
    pytest.skip(f"{name} is not installed (Debian package {package})")


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's ICU")
def test_slim_icu_data_still_serves_what_qt_asks_of_it(tmp_path: Path) -> None:
    tool("icupkg", "icu-devtools")
    for name in ("objcopy", "as", "ld"):
        tool(name, "binutils")
    import PySide6

    (original,) = (Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*")
    slim = lean_bundle.slim_icu_data(original, tmp_path / "icu", ["de", "en"])
    assert slim.name == original.name
    assert slim.stat().st_size < original.stat().st_size / 3

    # The same soname, preloaded: Qt's ICU links to it instead of the wheel's full copy.
    env = {**os.environ, "LD_PRELOAD": str(slim), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report["maps"]) == {str(slim)}
    assert report["sorted"] == ["apfel", "Äpfel", "Ofen", "Öl", "Zebra"]
    assert report["upper"] == "STRASSE"
    assert report["turkish_upper"] == "İ"
    assert report["idna"] == "münchen.de"
    assert report["zone"] == "Mitteleuropäische Normalzeit"
