"""The input features' toggles: x1, x2, x1², x2², x1·x2, sin x1, sin x2, as in TensorFlow Playground.

One widget, one Tab stop: ← and → move between the features, Enter
toggles one, a click toggles the one under the pointer.  It shows what it is
given and posts :class:`FeatureToggles.Toggled` up; the network (through an
undoable edit) decides what is on.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from nntui.app.keys import in_language
from nntui.core.features import Feature

ON, OFF = "■", "□"  # on and off read without colour too
GAP = 2  # cells between two toggles


class FeatureToggles(Widget, can_focus=True):
    """The features offered for the data's points; those the network reads are on."""

    DEFAULT_CSS = """
    FeatureToggles { height: auto; width: 1fr; }
    FeatureToggles > .feature-toggles--on { color: $accent; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"feature-toggles--on"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "app.key.feature_previous", show=False),
        Binding("right", "move(1)", "app.key.feature_next", show=False),
        Binding("enter", "toggle_feature", "app.key.feature_toggle", show=False),  # space plays, everywhere
    ]

    cursor = reactive(0)

    class Toggled(Message):
        """The learner asked to turn ``feature`` on or off."""

        def __init__(self, feature: Feature) -> None:
            super().__init__()
            self.feature = feature

    def __new__(cls, *args: object, **kwargs: object) -> FeatureToggles:
        return super().__new__(in_language(cls))  # bindings in the current language

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.offered: tuple[Feature, ...] = ()
        self.active: frozenset[Feature] = frozenset()

    def show(self, offered: tuple[Feature, ...], active: frozenset[Feature]) -> None:
        """Show ``offered``, those in ``active`` on; nothing is done when nothing changed."""
        if (offered, active) == (self.offered, self.active):
            return
        layout = offered != self.offered
        self.offered, self.active = offered, active
        self.cursor = min(self.cursor, max(len(offered) - 1, 0))
        self.refresh(layout=layout)

    def places(self, width: int) -> list[tuple[int, int, int]]:
        """Where each toggle goes: (line, first cell, last cell + 1), wrapped at ``width``."""
        places: list[tuple[int, int, int]] = []
        line = x = 0
        for feature in self.offered:
            size = 2 + len(feature.label)
            if x and x + size > width:
                line, x = line + 1, 0
            places.append((line, x, x + size))
            x += size + GAP
        return places

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        places = self.places(width)
        return places[-1][0] + 1 if places else 1

    def render(self) -> Content:
        on = self.get_visual_style("feature-toggles--on", partial=True)
        cursor = Style(reverse=True)  # the focused toggle, as a list's highlighted line
        lines: list[Content] = []
        for feature, (line, x, _) in zip(self.offered, self.places(self.content_size.width)):
            if line == len(lines):
                lines.append(Content(""))
            text = Content(f"{ON if feature in self.active else OFF} {feature.label}")
            if feature in self.active:
                text = text.stylize(on)
            if self.has_focus and feature == self.offered[self.cursor]:
                text = text.stylize(cursor)
            lines[line] = lines[line] + Content(" " * (x - lines[line].cell_length)) + text
        return Content("\n").join(lines)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def watch_cursor(self) -> None:
        self.refresh()

    def action_move(self, delta: int) -> None:
        if self.offered:
            self.cursor = (self.cursor + delta) % len(self.offered)

    def action_toggle_feature(self) -> None:  # not "toggle": DOMNode's action_toggle(attribute)
        if self.offered:
            self.post_message(self.Toggled(self.offered[self.cursor]))

    def on_click(self, event: events.Click) -> None:
        for k, (line, first, last) in enumerate(self.places(self.content_size.width)):
            if event.y == line and first <= event.x < last:
                self.cursor = k
                self.post_message(self.Toggled(self.offered[k]))
                return
