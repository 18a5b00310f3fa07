"""The translation seam for text made outside Qt widgets (tray status, day summary, charts).

Core and other pure-Python modules build sentences that the GUI shows; they must stay
importable without Qt (the CLI and the unit tests use them with no QApplication). So they
call ``_("English text")`` from here, which translates through a process-wide function: the
identity until ``backbreak.platform.i18n.install_translator`` points it at Qt's
``QCoreApplication.translate("", text)``. The CLI never installs a translator and stays
English.

Two markers, both recognised by ``pyside6-lupdate`` through
``-tr-function-alias QT_TR_NOOP+=_,QT_TR_NOOP+=N_`` (see resources/i18n/README.md), so
every literal passed to them lands in the ``.ts`` file under the empty context ``""``:

- ``_("text")`` translates now;
- ``N_("text")`` only marks a literal for extraction (a table of labels built at import
  time) and returns it unchanged; translate it with ``_(label)`` where it is shown.

Only literals are extracted: write ``_("Next break in {0}").format(when)``, never
``_(f"...")`` or ``_(variable)`` (except a variable holding an ``N_`` marked literal).
"""

from __future__ import annotations

from collections.abc import Callable

CONTEXT = ""
"""The Qt translation context of every ``_()`` / ``N_()`` string."""

Translate = Callable[[str], str]


def _identity(text: str) -> str:
    return text


_translate: Translate = _identity


def set_translate(translate: Translate | None) -> None:
    """Route ``_()`` through ``translate``; None restores the identity (English)."""
    global _translate  # noqa: PLW0603 (one process-wide language, set at start-up)
    _translate = translate if translate is not None else _identity


def _(text: str) -> str:
    """``text`` in the user's language (unchanged until a translator is installed)."""
    return _translate(text)


def N_(text: str) -> str:  # noqa: N802 (the customary name of gettext's no-op marker)
    """Mark ``text`` for extraction without translating it yet."""
    return text


__all__ = ["CONTEXT", "N_", "Translate", "_", "set_translate"]
