"""nntui.core.text: outside text made safe to show."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nntui.core.text import LIMIT, safe, shorten, visible


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain name", "plain name"),
        ("[bold red]x[/]", "[bold red]x[/]"),  # markup is not this module's business
        ("\x1b]0;PWNED\x07", "␛]0;PWNED␇"),
        ("\x1b[2J", "␛[2J"),
        ("a\nb\rc\td", "a␤b␍c␉d"),
        ("nul\x00 del\x7f", "nul␀ del␡"),
        ("\x9b2J", "\ufffd2J"),  # C1 CSI
        ("\u202eevil\u2066x\u2069", "\ufffdevil\ufffdx\ufffd"),  # bidi override and isolates
        ("a\u2028b", "a␤b"),
        ("\ud800", "\ufffd"),  # a lone surrogate
        ("10\u00a0000", "10\u00a0000"),  # a no-break space stays
        ("👨\u200d👩", "👨\u200d👩"),  # a zero-width joiner stays
        ("中文 é", "中文 é"),
    ],
)
def test_visible_shows_every_control_character(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_shorten_cuts_long_text_with_an_ellipsis() -> None:
    assert shorten("abc", 3) == "abc"
    assert shorten("abcd", 3) == "ab…"
    assert shorten("abcd", None) == "abcd"
    assert shorten("abcd", 0) == ""
    assert len(shorten("x" * 100_000)) == LIMIT


def test_safe_takes_anything_and_bounds_it() -> None:
    assert safe(OSError("no \x1b[2J")) == "no ␛[2J"
    assert safe("\x1b" * 100_000).endswith("␛…") and len(safe("\x1b" * 100_000)) == LIMIT


@given(st.text())
def test_visible_keeps_the_length_and_leaves_nothing_a_terminal_obeys(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert visible(shown) == shown
    for char in shown:
        assert unicodedata.category(char) not in ("Cc", "Cs", "Zl", "Zp"), repr(char)
        assert unicodedata.category(char) != "Cf" or char in "\u200c\u200d", repr(char)
    shown.encode("utf-8")  # no lone surrogate: a terminal can be written to
