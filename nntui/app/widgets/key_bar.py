"""The key bar: Textual's footer, with only the keys that fit whole.

Every key is shown as its key, a space, and its word, in every language.
When a narrow terminal or longer words leave too little room, the keys
least needed go first (``FOOTER_RANKS``, most needed first), the others
keep their order; `?` (help) lists every key, and always shows.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.dom import NoScreen
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer

# The footer's actions, most needed first: help and quit, training, then the cursor and editing keys.
FOOTER_RANKS = (
    "app.help",
    "app.quit_app",
    "toggle_training",
    "play_pause",
    "train_step",
    "step_setting('learning_rate',1)",
    "cycle_param(1)",
    "page_mistakes(1)",  # where ] pages, it does not cycle the weights: the two are never both shown
    "nudge(1)",
    "prompt_value",
    "undo",
    "save",
    "reset_weights",
    "step_setting('regularization_rate',1)",
    "cycle_activation",
)
KEY_MARGIN = 1  # the compact footer's space after each key


def key_width(key: Widget) -> int:
    """The cells a footer key takes: its key, a space, its word, and the margin after it."""
    display, word = str(getattr(key, "key_display", "")), str(getattr(key, "description", ""))
    return cell_len(display) + (1 + cell_len(word) if word else 0) + KEY_MARGIN


def fitting(keys: list[Widget], width: int) -> list[Widget]:
    """``keys`` in their order, without the least needed of them until the rest fit ``width``."""

    def rank(key: Widget) -> int:
        action = str(getattr(key, "action", ""))
        return FOOTER_RANKS.index(action) if action in FOOTER_RANKS else len(FOOTER_RANKS)

    kept = list(keys)
    by_need = sorted(keys, key=rank)  # stable: equal ranks keep the footer's order
    # The last key's margin may fall off the edge.
    while len(kept) > 1 and sum(key_width(key) for key in kept) - KEY_MARGIN > width:
        kept.remove(by_need.pop())
    return kept


class KeyBar(Footer):
    """The footer of the playground: the keys that fit whole, each with its word."""

    _width: int | None = None  # the width the keys were chosen for
    _built_for: tuple[object, ...] | None = None  # what the keys shown were built from

    def compose(self) -> ComposeResult:
        self._width = self.app.size.width  # the footer spans the screen
        yield from fitting(list(super().compose()), self._width)

    async def recompose(self) -> None:
        # Textual's footer builds its keys again whenever the bindings are looked at anew (after
        # most keys pressed); the same keys, words and states need no new widgets.
        wanted = self._keys_wanted()
        if wanted == self._built_for:
            return
        self._built_for = wanted
        await super().recompose()

    def _keys_wanted(self) -> tuple[object, ...]:
        """What the keys shown are built from: each binding shown, its state, and the room."""
        try:
            bindings = self.screen.active_bindings
        except NoScreen:  # not on a screen (yet, or any more): build as Textual does
            return (object(),)
        shown = tuple(
            (binding.key, binding.key_display, binding.description, binding.action, binding.group, enabled, tooltip)
            for _, binding, enabled, tooltip in bindings.values()
            if binding.show
        )
        return (self.screen, self.app.size.width, self.compact, self.show_command_palette, shown)

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self.refresh(recompose=True)
