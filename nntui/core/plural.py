"""Counted nouns in the current language: "1 neuron", "2 neurons"; "0 neurone" in French.

A counted noun is two catalogue keys, ``<key>.one`` and ``<key>.other``, each
with a ``{count}`` blank; :func:`counted` picks the one the language's rule asks
for.  Pure Python, no NumPy: the CLI uses it too.
"""

from __future__ import annotations

from nntui.i18n import language, t


def counted(key: str, count: int, **values: object) -> str:
    """``<key>.one`` or ``<key>.other`` filled with ``count`` (and ``values``)."""
    singular = count in (0, 1) if language() == "fr" else count == 1
    return t(f"{key}.one" if singular else f"{key}.other", count=count, **values)
