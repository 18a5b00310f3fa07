"""The packaging files agree with each other, pass the freedesktop validators and ship.

desktop-file-validate (desktop-file-utils) and appstreamcli (appstream) run when present;
in CI (``CI`` set) their absence is a failure, so the checks can't quietly stop running.
"""

from __future__ import annotations

import ast
import fnmatch
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import backbreak
from backbreak.platform import desktop_file
from backbreak.platform.launch import APP_ID

REPO = Path(__file__).resolve().parents[2]
DESKTOP_DIR = REPO / "resources" / "desktop"
DESKTOP = DESKTOP_DIR / f"{APP_ID}.desktop"
METAINFO = DESKTOP_DIR / f"{APP_ID}.metainfo.xml"
HICOLOR = DESKTOP_DIR / "hicolor"
PACKAGING = REPO / "packaging"
FLATPAK_MANIFEST = PACKAGING / "flatpak" / f"{APP_ID}.json"
SPEC = PACKAGING / "backbreak.spec"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
RAW_URL_PREFIX = "https://raw.githubusercontent.com/backbreak/backbreak/main/"


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is not None:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is missing in CI: install the Debian package {package}")
    pytest.skip(f"{name} is not installed (Debian package {package})")


def run(argv: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, check=False, capture_output=True, text=True, cwd=cwd)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# ---- validators ----------------------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = run([tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # warnings and hints count too


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = run([tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)])
    assert result.returncode == 0, result.stdout + result.stderr
    # Errors (E:) and warnings (W:) both fail; infos (I:) such as a tag newer than the
    # installed appstream knows are allowed.
    assert not re.search(r"^[EW]: ", result.stdout, re.MULTILINE), result.stdout


def test_metainfo_passes_appstream_util_validate_strict() -> None:
    # appstream-glib's checker, which software centres built on it use; stricter on style
    # than appstreamcli (a screenshot caption of at most 50 characters, translations of
    # name, summary and description, an update contact, no tags it does not know).
    validator = tool("appstream-util", "appstream-util")
    result = run([validator, "validate-strict", "--nonet", str(METAINFO)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_flatpak_manifest_parses_without_unknown_properties(tmp_path: Path) -> None:
    # Missing: skipped on a developer's machine (the JSON checks below still run), a
    # failure under CI, which installs it (scripts/test.sh).
    builder = tool("flatpak-builder", "flatpak-builder")
    # flatpak-builder leaves a .flatpak-builder folder in its working folder.
    result = run([builder, "--show-manifest", str(FLATPAK_MANIFEST)], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


# ---- one id everywhere ---------------------------------------------------------------------


def test_desktop_file_uses_the_app_id_and_our_command() -> None:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert desktop_file.get_key(lines, "Icon") == APP_ID
    assert desktop_file.get_key(lines, "Exec") == "backbreak"
    assert desktop_file.get_key(lines, "TryExec") == "backbreak"


def test_metainfo_ids_release_and_screenshots_match_the_repository() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "backbreak"
    releases = root.findall("releases/release")
    assert releases, "release notes are required"
    assert releases[0].get("version") == backbreak.__version__, "newest release first"
    assert all(release.find("description") is not None for release in releases)
    images = [image.text or "" for image in root.findall("screenshots/screenshot/image")]
    assert images
    for url in images:
        assert url.startswith(RAW_URL_PREFIX), url
        local = REPO / url.removeprefix(RAW_URL_PREFIX)
        assert local.is_file(), f"screenshot {url} has no file {local} in the repository"
        assert png_size(local.read_bytes())[0] >= 200


def test_flatpak_manifest_installs_the_shipped_files() -> None:
    manifest = json.loads(FLATPAK_MANIFEST.read_text(encoding="utf-8"))
    assert manifest["id"] == APP_ID
    assert manifest["command"] == "backbreak"
    assert "--talk-name=org.kde.StatusNotifierWatcher" in manifest["finish-args"]
    commands = " ".join(
        command for module in manifest["modules"] for command in module["build-commands"]
    )
    for path in (DESKTOP, METAINFO, HICOLOR):
        assert str(path.relative_to(REPO)) in commands
    assert f"install -Dm644 LICENSE ${{FLATPAK_DEST}}/share/licenses/{APP_ID}/LICENSE" in commands
    for module in manifest["modules"]:
        for source in module["sources"]:
            if source["type"] == "dir" and source["path"] != "wheelhouse":
                assert (FLATPAK_MANIFEST.parent / source["path"]).resolve() == REPO


# ---- licence -------------------------------------------------------------------------------

# SHA-256 of the GPL version 3 text as the FSF publishes it (gpl-3.0.txt), which Debian
# ships as /usr/share/common-licenses/GPL-3 (package base-files).
GPL3_SHA256 = "3972dc9744f6499f0f9b2dbf76696f2ae7ad8af9b23dde66d6af86c9dfb36986"
DEBIAN_GPL3 = Path("/usr/share/common-licenses/GPL-3")


def test_license_file_is_the_full_gpl3_text() -> None:
    text = (REPO / "LICENSE").read_bytes()
    assert text.startswith(b"                    GNU GENERAL PUBLIC LICENSE\n")
    assert b"Version 3, 29 June 2007" in text[:200]
    assert b"END OF TERMS AND CONDITIONS" in text
    assert hashlib.sha256(text).hexdigest() == GPL3_SHA256
    if DEBIAN_GPL3.is_file():
        assert text == DEBIAN_GPL3.read_bytes()


def test_every_place_names_the_same_spdx_licence() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # PEP 639: an SPDX expression and the files; the old table form stops building in 2027.
    assert project["license"] == "GPL-3.0-or-later"
    assert project["license-files"] == ["LICENSE"]
    # setuptools refuses "License ::" classifiers next to an SPDX expression.
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    assert ET.parse(METAINFO).getroot().findtext("project_license") == project["license"]


def test_pyinstaller_bundle_ships_the_licence() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert 'LICENSE = PACKAGING.parent / "LICENSE"' in spec
    assert 'datas += [(str(LICENSE), ".")]' in spec
    assert 'shutil.copy2(LICENSE, Path(DISTPATH) / "backbreak" / "LICENSE")' in spec


def test_other_places_use_the_same_app_id() -> None:
    for path in (PACKAGING / "make_icons.py", SPEC):
        assert f'APP_ID = "{APP_ID}"' in path.read_text(encoding="utf-8"), path


# ---- icons ---------------------------------------------------------------------------------


def test_hicolor_pngs_have_their_sizes_and_the_svg_is_the_app_icon() -> None:
    for size in HICOLOR_SIZES:
        png = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png.read_bytes()) == (size, size), png
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    source = REPO / "resources" / "icons" / "backbreak.svg"
    assert scalable.read_bytes() == source.read_bytes(), "run packaging/make_icons.py"


def test_windows_ico_holds_png_images_up_to_256() -> None:
    data = (PACKAGING / "icons" / "backbreak.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _colors, _res, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        real = png_size(data[offset : offset + length])
        assert real == (width or 256, height or 256)
        sizes.append(real[0])
    assert {16, 32, 48, 256} <= set(sizes)


def test_macos_icns_holds_every_retina_size() -> None:
    data = (PACKAGING / "icons" / "backbreak.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found: dict[bytes, int] = {}
    offset = 8
    while offset < len(data):
        kind = data[offset : offset + 4]
        length = struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        found[kind] = png_size(data[offset + 8 : offset + length])[0]
        offset += length
    assert offset == len(data)
    assert found[b"ic10"] == 1024
    assert found[b"ic09"] == 512
    assert found[b"ic07"] == 128
    assert found[b"icp4"] == 16


def test_make_icons_writes_every_file_from_the_svg(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "make_icons.py"),
            "--hicolor-dir",
            str(tmp_path / "hicolor"),
            "--bundle-dir",
            str(tmp_path / "bundle"),
        ],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    for size in HICOLOR_SIZES:
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        data = png.read_bytes()
        assert png_size(data) == (size, size)
    big = (tmp_path / "hicolor" / "512x512" / "apps" / f"{APP_ID}.png").read_bytes()
    assert len(big) > 5000, "the icon was drawn, not left transparent"
    assert (tmp_path / "bundle" / "backbreak.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (tmp_path / "bundle" / "backbreak.icns").read_bytes()[:4] == b"icns"


# ---- shipped in the wheel, bundled by PyInstaller ------------------------------------------


def test_every_desktop_resource_matches_a_package_data_glob() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["backbreak.resources"]
    resources = REPO / "resources"
    for path in DESKTOP_DIR.rglob("*"):
        if path.is_file():
            relative = path.relative_to(resources).as_posix()
            assert any(fnmatch.fnmatch(relative, pattern) for pattern in globs), relative


def _apscheduler_modules_imported_by_backbreak() -> set[str]:
    modules: set[str] = set()
    for source in (REPO / "backbreak").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("apscheduler"):
                modules.add(node.module or "")
    return modules


def test_pyinstaller_spec_names_what_a_frozen_app_cannot_find_by_itself() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    # Loaded only by name (importlib.resources), so the import scan can't see it.
    assert '"backbreak.resources",' in spec
    assert 'collect_data_files("backbreak.resources"' in spec
    assert 'copy_metadata("APScheduler")' in spec
    for module in _apscheduler_modules_imported_by_backbreak() - {
        "apscheduler.jobstores.base",
        "apscheduler.schedulers.base",
    }:
        assert f'"{module}"' in spec, f"{module} is not a hidden import of the spec"
    for module in ("plyer.platforms.linux.notification", "plyer.platforms.win.notification"):
        assert f'"{module}"' in spec
    assert '"backbreak.ico"' in spec
    assert '"backbreak.icns"' in spec
