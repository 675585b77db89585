"""New words for a Static: the screen is laid out again only when its height may change.

Textual's ``Static.update`` lays the whole screen out at every call, in case
the new content takes another number of lines.  A panel shown again after
every edit (the challenge's bar, the loss slice) mostly says the same, or
the same number of lines; :func:`show_text` skips the first and draws the
second in place.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.text import Text
from textual.content import Content
from textual.widgets import Static

_shown: WeakKeyDictionary[Static, Text] = WeakKeyDictionary()  # what each Static shows, by show_text


def show_text(static: Static, text: Text) -> None:
    """``text`` in ``static`` (every update of it goes through here): nothing when it shows that
    already; a layout only when the number of lines it wraps to at its width changes."""
    before = _shown.get(static)
    if before is not None and before == text:
        return
    _shown[static] = text
    width = static.content_region.width
    same_height = before is not None and width > 0 and _lines(before, width) == _lines(text, width)
    static.update(text, layout=not same_height)


def _lines(text: Text, width: int) -> int:
    return len(Content.from_rich_text(text).wrap(width))
