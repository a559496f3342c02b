"""Install the program's Qt translators; zh_CN is the shipped default, English the source."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from meili_desktop.paths import resource_path

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
SUPPORTED_LANGUAGES = ("zh_CN", "en")

# Translators must outlive the call that installs them, or Qt drops the translations.
_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> str:
    """Install our translations and Qt's own for ``language``; return the language in use.

    English needs no translator because the source strings are English. Every area's
    ``resources/i18n/<area>_<language>.qm`` is loaded.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    if language not in SUPPORTED_LANGUAGES:
        logger.warning("unsupported language %s, using %s", language, DEFAULT_LANGUAGE)
        language = DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return language

    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)

    for qm_file in sorted(resource_path("i18n").glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if not translator.load(str(qm_file)):
            logger.error("cannot load translation file %s", qm_file)
            continue
        app.installTranslator(translator)
        _installed.append(translator)
    return language
