"""Outside text on the screen: never read as markup, never a control character.

Names from a network file, typed values, paths, CSV headers and error texts
go through :func:`nntui.core.text.safe` (control characters made visible,
long text shortened) and reach Textual as :class:`~textual.content.Content`
or a Rich ``Text``, which are never parsed as markup.  Where Textual only
takes a str and reads it as markup, :func:`markup_safe` escapes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from textual.content import Content
from textual.markup import escape

from nntui.core.text import ELLIPSIS, LIMIT, MESSAGE_LIMIT, safe, visible

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.widget import Widget

__all__ = ["LIMIT", "MESSAGE_LIMIT", "fit", "markup_safe", "notify", "plain", "safe"]


def capitalised(text: str) -> str:
    """A message from the core (which writes them to follow "error: ") as a sentence of its own."""
    return f"{text[:1].upper()}{text[1:]}"


def fit(text: str, width: int) -> str:
    """``text`` cut (with …) or padded to exactly ``width`` cells, every character visible.

    Names come from files: a control character is drawn as its visible
    stand-in (never sent to the terminal), and a wide one counts two cells.
    """
    if width <= 0:
        return ""
    enough = 2 * width + 2  # characters enough for ``width`` cells, and one more to know it is cut
    shown = visible(text[:enough])
    if len(text) > enough or cell_len(shown) > width:
        return set_cell_size(shown, width - 1) + ELLIPSIS
    return set_cell_size(shown, width)


def plain(text: object, limit: int | None = MESSAGE_LIMIT) -> Content:
    """``text`` to show as it is: no markup, every character visible."""
    return Content(safe(text, limit))


def markup_safe(text: object, limit: int | None = MESSAGE_LIMIT) -> str:
    """``text`` for a place that reads markup: every character visible, brackets escaped."""
    return escape(safe(text, limit))


def notify(
    node: Widget,
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """A notification whose words are shown as they are (values in it already :func:`safe`)."""
    node.notify(
        safe(message, MESSAGE_LIMIT), title=safe(title, LIMIT), severity=severity, timeout=timeout, markup=False
    )
