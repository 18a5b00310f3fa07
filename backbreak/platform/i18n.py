"""Install the user's language: backbreak's own translation, Qt's, and the ``_()`` seam.

Called once by the app before any window is built (a widget translates its texts when it
is made). The shipped translations are ``resources/i18n/backbreak_<lang>.qm``, read through
``importlib.resources`` so they are found in a checkout, an installed wheel and a frozen
bundle alike; they are loaded from memory because a resource inside a zip has no path.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from backbreak import bundled
from backbreak.core.i18n import CONTEXT, set_translate

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
"""The language the source strings are written in: needs no translation file."""

QM_PREFIX = "backbreak_"

# The translators currently installed, kept so a second call replaces them instead of
# stacking (Qt asks the most recently installed translator first). QTranslator.load(bytes)
# does not copy the data: the bytes must live as long as the translator does.
_installed: list[tuple[QTranslator, bytes | None]] = []
_current = SOURCE_LANGUAGE


def current_language() -> str:
    """The code ``install_translator`` settled on ("en" before it was called)."""
    return _current


def shipped_languages() -> list[str]:
    """Language codes with a bundled ``.qm`` (``["de"]``), plus the source language."""
    folder = bundled.resource_root().joinpath("i18n")
    codes = {SOURCE_LANGUAGE}
    if folder.is_dir():
        for item in folder.iterdir():
            if item.name.startswith(QM_PREFIX) and item.name.endswith(".qm"):
                codes.add(item.name[len(QM_PREFIX) : -len(".qm")])
    return sorted(codes)


def _candidates(language: str) -> list[str]:
    """``"de_AT"`` → ``["de_AT", "de"]``; ``""`` → the system's UI languages in order."""
    locale = QLocale.system() if not language else QLocale(language)
    names = [language.replace("-", "_")] if language else []
    # uiLanguages: the user's preference list (e.g. de-Latn-AT, de-AT, de-Latn, de).
    names += [name.replace("-", "_") for name in locale.uiLanguages()]
    result: list[str] = []
    for name in names:
        for code in (name, name.split("_")[0]):
            if code and code not in result:
                result.append(code)
    return result


def _qm_bytes(code: str) -> bytes | None:
    item = bundled.resource_root().joinpath("i18n").joinpath(f"{QM_PREFIX}{code}.qm")
    try:
        return item.read_bytes() if item.is_file() else None
    except OSError as error:
        log.warning("translation %s unreadable: %s", item.name, error)
        return None


def _uninstall(app: QCoreApplication) -> None:
    for translator, _data in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def _install_qt_translation(app: QCoreApplication, code: str) -> None:
    """Qt's own strings (standard buttons such as Cancel, file dialogs) in ``code``."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    # Missing in slim installs and frozen bundles without Qt's translations: our own
    # texts are translated anyway; only Qt's standard buttons stay English.
    if translator.load(f"qtbase_{code}", folder):
        app.installTranslator(translator)
        _installed.append((translator, None))
    else:
        log.info("no Qt translation for %s in %s", code, folder)


def install_translator(app: QCoreApplication, language: str) -> str:
    """Translate the app into ``language`` ("" = the system's); returns the code used.

    "de", "de_DE" and a German system all give "de"; a language without a shipped
    translation gives "en" (the source texts). Safe to call again to switch language:
    only windows built afterwards show the new one.
    """
    global _current  # noqa: PLW0603 (one process-wide language)
    _uninstall(app)
    for code in _candidates(language):
        if code == SOURCE_LANGUAGE:
            break
        data = _qm_bytes(code)
        if data is None:
            continue
        translator = QTranslator(app)
        if not translator.load(data):
            log.warning("translation %s%s.qm is damaged; trying the next", QM_PREFIX, code)
            continue
        app.installTranslator(translator)
        _installed.append((translator, data))
        _install_qt_translation(app, code)
        set_translate(lambda text: QCoreApplication.translate(CONTEXT, text))
        log.info("language: %s (asked for %r)", code, language)
        _current = code
        return code
    set_translate(None)
    log.info("language: %s (asked for %r)", SOURCE_LANGUAGE, language)
    _current = SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


__all__ = ["SOURCE_LANGUAGE", "current_language", "install_translator", "shipped_languages"]
