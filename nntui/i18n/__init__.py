"""Every word nntui shows, in English and in French.

One catalogue of keyed messages (``nntui/i18n/messages_*.py``); code asks for
``t("key", name=value)`` and never holds the words itself.  The language is
chosen once, at start (``--lang``, else the environment's locale), before the
app is built.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from nntui.i18n.catalogue import CATALOGUE

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"

_current = DEFAULT_LANGUAGE


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment's locale asks for: French for fr_*, else English."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(variable, "")
        if value:
            return "fr" if value.lower().startswith("fr") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Use ``language`` from now on; ValueError for one nntui does not speak."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f'unknown language "{language}" (valid: {", ".join(LANGUAGES)})')
    _current = language


def language() -> str:
    return _current


def t(key: str, **values: object) -> str:
    """The message ``key`` in the current language, with ``values`` filled in."""
    english, french = CATALOGUE[key]
    text = french if _current == "fr" else english
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in CATALOGUE


def whole_number(n: int) -> str:
    """A whole number with its thousands apart as the language writes them: 12,345 or 12 345."""
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if _current == "fr" else text  # a no-break space
