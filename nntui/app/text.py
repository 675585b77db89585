"""Outside text on the screen: never read as markup, never a control character.

Names from a network file, typed values, paths, CSV headers and error texts
go through :func:`nntui.core.text.safe` (control characters made visible,
long text shortened) and reach Textual as :class:`~textual.content.Content`
or a Rich ``Text``, which are never parsed as markup.  Where Textual only
takes a str and reads it as markup, :func:`markup_safe` escapes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.markup import escape

from nntui.core.text import LIMIT, MESSAGE_LIMIT, safe

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.widget import Widget

__all__ = ["LIMIT", "MESSAGE_LIMIT", "markup_safe", "notify", "plain", "safe"]


def plain(text: object, limit: int | None = MESSAGE_LIMIT) -> Content:
    """``text`` to show as it is: no markup, every character visible."""
    return Content(safe(text, limit))


def markup_safe(text: object, limit: int | None = MESSAGE_LIMIT) -> str:
    """``text`` for a place that reads markup: every character visible, brackets escaped."""
    return escape(safe(text, limit))


def notify(node: Widget, message: str, *, title: str = "", severity: SeverityLevel = "information",
           timeout: float | None = None) -> None:
    """A notification whose words are shown as they are (values in it already :func:`safe`)."""
    node.notify(safe(message, MESSAGE_LIMIT), title=safe(title, LIMIT), severity=severity,
                timeout=timeout, markup=False)
