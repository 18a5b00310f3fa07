"""backbreak.core stays standard-library only: no GUI, scheduler or OS adapters sneak in.

The import-linter contracts (pyproject.toml, ``lint-imports``) forbid the packages they
name, in the import statements they can read. This probe checks what they cannot: what
importing core really loads at run time (``importlib`` calls included), against the
standard library as a whole, so a third-party package nobody thought to list is caught
too. Checked in a fresh interpreter, because this test session itself may already have
imported PySide6 and friends for other tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Every module under backbreak/core, found by walking the package, so a module added later
# is covered without anyone remembering to list it here. What the interpreter loaded before
# (site hooks, editable-install finders) is not core's doing and is left out.
PROBE = """
import importlib, json, pkgutil, sys
before = set(sys.modules)
import backbreak.core
names = sorted(
    info.name
    for info in pkgutil.walk_packages(backbreak.core.__path__, prefix="backbreak.core.")
)
for name in names:
    importlib.import_module(name)
allowed = set(sys.stdlib_module_names) | {"backbreak"}
loaded = sorted({m.split(".")[0] for m in set(sys.modules) - before} - allowed)
print(json.dumps({"modules": names, "forbidden": loaded}))
"""


def run_probe(code: str) -> dict[str, list[str]]:
    """Run ``code`` in a fresh interpreter from the checkout; return its JSON report."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, list[str]] = json.loads(result.stdout)
    return report


def test_core_imports_nothing_outside_the_standard_library() -> None:
    report = run_probe(PROBE)
    # The walk really found the core modules (an empty walk would prove nothing).
    for expected in (
        "backbreak.core.cycle",
        "backbreak.core.settings",
        "backbreak.core.catalog",
        "backbreak.core.status",
        "backbreak.core.history_model",
        "backbreak.core.workhours",
    ):
        assert expected in report["modules"]
    assert report["forbidden"] == []


def test_the_probe_would_notice_a_forbidden_import() -> None:
    # The same probe after importing one of them: the guard is able to fail.
    probe = PROBE.replace("import backbreak.core\n", "import backbreak.core, platformdirs\n")
    assert probe != PROBE
    assert run_probe(probe)["forbidden"] == ["platformdirs"]
