"""install_translator: windows built after it speak German ("de") or English ("en")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from backbreak.core.settings import Settings
from backbreak.core.status import Status
from backbreak.platform.catalog_files import load_catalog
from backbreak.platform.i18n import current_language, install_translator, shipped_languages
from backbreak.ui.prompt import PromptWindow
from backbreak.ui.settings_dialog import SettingsDialog
from backbreak.ui.texts import status_text
from backbreak.ui.tray import TrayController


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    # The language is process-wide: leave English behind for every other test.
    yield qapp
    install_translator(qapp, "en")


def tray_texts(qtbot: QtBot) -> list[str]:
    tray = TrayController(tray_available=lambda: False, minute_refresh=False)
    texts = [action.text() for action in tray.menu.actions() if action.text()]
    texts += [action.text() for action in tray.pause_menu.actions() if action.text()]
    return texts


def prompt_buttons(qtbot: QtBot) -> dict[str, str]:
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    entry = load_catalog(None, language=current_language()).by_id()["neck-side-tilt"]
    prompt.show_entry(entry, None, can_snooze=True, snooze_minutes=10)
    buttons = {button.objectName(): button.text() for button in prompt.findChildren(QPushButton)}
    buttons["title"] = prompt.windowTitle()
    buttons["entry"] = entry.title
    return buttons


def settings_texts(qtbot: QtBot) -> list[str]:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    [box] = dialog.findChildren(QDialogButtonBox)
    return [dialog.windowTitle(), *tabs, *(button.text() for button in box.buttons())]


def status_line() -> str:
    now = datetime(2025, 3, 3, 9, 37, tzinfo=UTC)
    status = Status(
        mode="running",
        now=now,
        next_prompt_at=now + timedelta(minutes=23),
        paused_until=None,
        sitting_since=now - timedelta(minutes=37),
        interval_minutes=60,
        can_snooze=True,
    )
    return status_text(status, UTC)


def test_german_is_shipped_and_resolved(app: QApplication) -> None:
    assert shipped_languages() == ["de", "en"]
    assert install_translator(app, "de") == "de"
    assert current_language() == "de"
    assert install_translator(app, "de_AT") == "de"
    assert install_translator(app, "fr") == "en"
    assert install_translator(app, "en") == "en"
    assert current_language() == "en"


def test_windows_built_after_installing_german_speak_german(
    app: QApplication, qtbot: QtBot
) -> None:
    install_translator(app, "de")

    prompt = prompt_buttons(qtbot)
    assert prompt["title"] == "Zeit aufzustehen"
    assert prompt["entry"] == "Kopf zur Seite neigen"
    assert prompt["done"] == "&Erledigt"
    assert prompt["snooze"] == "&Später (10 Min.)"
    assert prompt["skip"] == "&Überspringen"
    assert prompt["another"] == "Eine a&ndere"

    tray = tray_texts(qtbot)
    for text in ("Jetzt Pause machen", "Pausieren", "Einstellungen …", "Beenden", "30 Minuten"):
        assert text in tray

    settings = settings_texts(qtbot)
    assert settings[0] == "backbreak – Einstellungen"
    assert "&Zeitplan" in settings
    assert "&Verlauf && Datenschutz" in settings
    # Qt's own standard buttons come from the qtbase translation.
    assert "Abbrechen" in [text.replace("&", "") for text in settings]

    assert status_line() == "Nächste Pause in 23 Min."
    assert QCoreApplication.translate("PromptWindow", "S&kip") == "&Überspringen"


def test_english_after_switching_back(app: QApplication, qtbot: QtBot) -> None:
    install_translator(app, "de")
    install_translator(app, "en")

    prompt = prompt_buttons(qtbot)
    assert prompt["title"] == "Time to stand up"
    assert prompt["entry"] == "Neck side tilt"
    assert prompt["done"] == "&Done"
    assert prompt["skip"] == "S&kip"

    tray = tray_texts(qtbot)
    assert "Take a break now" in tray
    assert "Quit" in tray

    settings = settings_texts(qtbot)
    assert settings[0] == "backbreak settings"
    assert "&Schedule" in settings
    assert "Cancel" in [text.replace("&", "") for text in settings]

    assert status_line() == "Next break in 23 min"
