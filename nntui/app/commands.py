"""The command palette (ctrl+p): every playground action, every preset.

Commands come from the playground's key table, so the palette, the footer
and the help screen always agree; Textual adds its own (theme, quit, keys).
They run on the screen the palette was opened on: the playground.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from nntui.app.keys import PLAYGROUND_KEYS, translated_list
from nntui.core.presets import preset_names
from nntui.i18n import t

# Keys that make poor commands (moving the cursor, or Textual's own quit and keys).
_SKIP = {"app.quit_app", "app.help", "move_column", "move_neuron", "cycle_param", "change_step"}


class NetworkCommands(Provider):
    """Playground actions and "Open preset: NAME" for every shipped example."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        screen = self.screen
        seen = set()
        for binding in translated_list(PLAYGROUND_KEYS):
            name = binding.action.split("(")[0]
            if name in _SKIP or binding.action in seen:
                continue
            seen.add(binding.action)
            key = binding.key_display or binding.key.split(",")[0]
            run = partial(screen.run_action, binding.action)
            yield binding.description, run, f"{binding.tooltip} ({key})"
        for name in preset_names():
            run = partial(screen.run_action, f"open_preset({name!r})")
            yield t("app.palette.open_preset", name=name), run, t("app.palette.open_preset.help", name=name)

    async def discover(self) -> Hits:
        for name, run, help_text in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
