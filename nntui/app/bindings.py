"""Key bindings whose descriptions speak the current language.

Bindings are declared on classes, as Textual wants, with message keys as
their description and tooltip; each instance swaps in the translated
bindings when it is created, after the language has been chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from nntui.i18n import has, t


def translated(binding: Binding) -> Binding:
    """``binding`` with its description and tooltip looked up when they are message keys."""
    description = t(binding.description) if has(binding.description) else binding.description
    tooltip = t(binding.tooltip) if binding.tooltip and has(binding.tooltip) else binding.tooltip
    return replace(binding, description=description, tooltip=tooltip)


def translate_bindings(node: DOMNode) -> None:
    """Give ``node`` its class's bindings in the current language."""
    # _bindings is where Textual keeps a node's own copy of its merged bindings.
    node._bindings = BindingsMap(translated(b) for _, b in node._bindings)


def translated_list(bindings: Iterable[Binding | tuple[str, ...]]) -> list[Binding]:
    """Class-level BINDINGS as translated Binding objects (for help and the palette)."""
    return [translated(b) for b in bindings if isinstance(b, Binding)]
