"""Border titles set only when they change.

Textual repaints a whole widget each time its ``border_title`` or
``border_subtitle`` is assigned, even to the same text: views derived on
every edit or training frame would repaint all their lines for nothing.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual.widget import Widget

_KEEP = object()
_shown: WeakKeyDictionary[Widget, tuple[object, object]] = WeakKeyDictionary()


def set_border(widget: Widget, title: object = _KEEP, subtitle: object = _KEEP) -> None:
    """Give ``widget`` this border title and subtitle (markup strings or None); left out: kept."""
    old_title, old_subtitle = _shown.get(widget, (_KEEP, _KEEP))
    if title is not _KEEP and title != old_title:
        # assignment: an object only for the _KEEP default; given, a markup string or None.
        widget.border_title = title  # type: ignore[assignment]
        old_title = title
    if subtitle is not _KEEP and subtitle != old_subtitle:
        widget.border_subtitle = subtitle  # type: ignore[assignment]  # why: as the title's
        old_subtitle = subtitle
    _shown[widget] = (old_title, old_subtitle)
