"""The message catalogue: every key in both languages, with the same blanks to fill."""

from __future__ import annotations

import re
import string

import pytest

from nntui.i18n import LANGUAGES, detect_language, language, set_language, t
from nntui.i18n.catalogue import CATALOGUE


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_exists_in_both_languages_with_the_same_fields(key: str) -> None:
    english, french = CATALOGUE[key]
    assert english.strip() and french.strip(), f"{key} is missing a language"
    assert _fields(english) == _fields(french), f"{key}: the blanks differ"


def test_keys_name_their_part() -> None:
    assert all(re.fullmatch(r"(app|cli|core)\.[a-z0-9_.]+", key) for key in CATALOGUE)


def test_t_fills_in_values_in_the_current_language() -> None:
    key = next(k for k, (en, _) in CATALOGUE.items() if _fields(en))
    values = dict.fromkeys(_fields(CATALOGUE[key][0]), "X")
    assert t(key, **values) == CATALOGUE[key][0].format(**values)
    set_language("fr")
    assert language() == "fr"
    assert t(key, **values) == CATALOGUE[key][1].format(**values)


def test_unknown_language_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="en, fr"):
        set_language("de")
    assert language() == "en"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "fr_BE.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),  # LC_ALL wins
        ({"LC_ALL": "", "LC_MESSAGES": "fr_FR", "LANG": "en_US"}, "fr"),
    ],
)
def test_the_language_comes_from_the_locale(environ: dict[str, str], expected: str) -> None:
    assert detect_language(environ) == expected
    assert expected in LANGUAGES
