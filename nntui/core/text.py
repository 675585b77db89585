"""Outside text made safe to show: every character visible, long text shortened.

Names in a network file, typed values, CSV headers, paths, exception texts:
any of them may hold an escape sequence that would command the terminal (set
its title, write the clipboard, clear the screen), a newline or a carriage
return that would garble a row, or a right-to-left override that would
reorder what follows it.  :func:`visible` shows each such character as a
visible stand-in, one character for one, so lengths and cuts stay the same;
:func:`shorten` cuts a long text with "…"; :func:`safe` does both, and is
what every message and every screen uses for text it did not write itself.

Pure Python, shared by the app and the command line.  It knows nothing of
markup: the app never lets outside text be read as markup (nntui.app.text).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

LIMIT = 200  # characters of one outside string in a message
MESSAGE_LIMIT = 1000  # characters of a whole message that holds some

ELLIPSIS = "…"
REPLACEMENT = "\ufffd"  # �
NEWLINE = "\u2424"  # ␤

# C0 controls as the Unicode "control pictures": ␀ … ␛ (ESC) … ␟, and ␡ for DEL.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421", 0x0A: NEWLINE}
# Joiners that shape scripts and emoji; every other format character is hidden trouble.
_KEPT_FORMAT = {"\u200c", "\u200d"}


@lru_cache(maxsize=4096)
def _stand_in(char: str) -> str:
    """The visible stand-in of one character that is not printable (itself if harmless)."""
    code = ord(char)
    if code in _PICTURES:
        return _PICTURES[code]
    category = unicodedata.category(char)
    if category in ("Zl", "Zp"):  # line and paragraph separators
        return NEWLINE
    if category in ("Cc", "Cs") or (category == "Cf" and char not in _KEPT_FORMAT):
        # C1 controls (0x80-0x9f, CSI among them), lone surrogates (which no
        # terminal encoding can write), bidi overrides and isolates, and other
        # invisible format characters.
        return REPLACEMENT
    return char  # a space other than " ", a private-use or unassigned character


def visible(text: str) -> str:
    """``text`` with every control, escape or invisible format character as a visible one.

    ESC becomes ␛, a newline ␤, other C0 controls their picture (␀, ␇, ␍…),
    and C1 controls, bidi controls and lone surrogates U+FFFD.  One character
    stands for one, so ``len(visible(text)) == len(text)``.
    """
    if text.isprintable():  # the common case, in C
        return text
    return "".join(char if char.isprintable() else _stand_in(char) for char in text)


def shorten(text: str, limit: int | None = LIMIT) -> str:
    """``text`` cut to at most ``limit`` characters, ending in "…" when cut."""
    if limit is None or len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)] + ELLIPSIS if limit > 0 else ""


def safe(text: object, limit: int | None = LIMIT) -> str:
    """Any outside text (a name, a typed value, a path, an error) as it may be shown.

    ``str(text)`` shortened to ``limit`` characters (None: no limit), then
    made :func:`visible`.
    """
    return visible(shorten(str(text), limit))
