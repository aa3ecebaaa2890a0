"""The window's language: Qt translators for our strings and for Qt's own.

Source strings are English in the code; Russian comes from `resources/translations/
incident_log_ru.qm` (built from the `.ts` by `update.sh`), and Qt's own dialogs (file dialogs,
QMessageBox buttons, the print dialog) from `qtbase_ru.qm` in Qt's translations folder. The
translators live in a module-level list: a QTranslator that Python collects stops translating.
Enum values have their labels in `desktop.ui.labels`.
"""

from __future__ import annotations

import logging
from typing import Literal

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resource

Lang = Literal["ru", "en"]
LANGUAGES: tuple[Lang, ...] = ("ru", "en")
CATALOGUE = "incident_log"

log = logging.getLogger("incident_log.ui")

_translators: list[QTranslator] = []
_loaded: list[str] = []
_language: Lang = "en"


def system_language() -> Lang:
    """Russian when the system's UI language is Russian, else English (as cli.md says)."""
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def resolve_language(explicit: str | None, stored: str | None) -> Lang:
    """`--lang`, else the database's `language` setting, else the system's."""
    for choice in (explicit, stored):
        if choice in LANGUAGES:
            return choice  # type: ignore[return-value]
    return system_language()


def current_language() -> Lang:
    return _language


def loaded_catalogues() -> list[str]:
    """The catalogues the last `install()` loaded (the selftest checks the build shipped them)."""
    return list(_loaded)


def translations_dir() -> str:
    return str(resource("translations"))


def install(lang: str) -> list[str]:
    """Swap the application's translators for `lang`; returns the catalogues that loaded.

    Called again with another language it switches live: Qt sends LanguageChange to every
    widget, and the main window rebuilds itself.
    """
    global _language
    app = QCoreApplication.instance()
    for old in _translators:
        if app is not None:
            QCoreApplication.removeTranslator(old)
    _translators.clear()
    _loaded.clear()
    _language = "ru" if lang == "ru" else "en"
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia) if _language == "ru"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    loaded: list[str] = []
    if app is None:
        return loaded
    # English needs a catalogue too, for its plural forms ("1 day", "2 days").
    catalogues = [(f"{CATALOGUE}_{_language}", translations_dir())]
    if _language == "ru":
        catalogues.append(("qtbase_ru", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in catalogues:
        translator = QTranslator()
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            _translators.append(translator)
            loaded.append(name)
            _loaded.append(name)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return loaded
