"""The command palette (ctrl+p): every playground action, every preset.

Commands come from the playground's key table, so the palette, the footer
and the help screen always agree; Textual adds its own (theme, quit, keys).
One has no key: "Copy the training command" (nntui.app.screens.training_command).
They run on the screen the palette was opened on: the playground.

Textual's palette (8.2) fails on keys in a burst: a second Enter or an
Escape right after the first dismisses it twice, popping the playground
itself (ScreenStackError) and running the command twice; text typed before
the answer starts a search after it, whose list is gone (NoMatches); a page
key before its list is laid out raises KeyError.  :class:`GuardedPalette`,
the palette nntui.app.app opens, answers once and ignores what comes after,
through Textual's public ways: a dismiss that runs once, message handlers
that stop what comes after the answer before the base class's run, and its
own page bindings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, ClassVar

from textual import on
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Button, Input, OptionList

from nntui.app.keys import PLAYGROUND_KEYS, translated_list
from nntui.app.screens.training_command import show_training_command
from nntui.app.text import markup_safe, plain, safe
from nntui.compat import searches_only_while
from nntui.core.presets import preset_names
from nntui.document.document import Document
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
        document = getattr(screen, "document", None)  # the playground's
        if isinstance(document, Document):
            show = partial(show_training_command, screen, document)
            yield t("app.experiment.command"), show, t("app.experiment.command.help")
        for name in preset_names():
            run = partial(screen.run_action, f"open_preset({name!r})")
            shown = safe(name)
            yield t("app.palette.open_preset", name=shown), run, t("app.palette.open_preset.help", name=shown)

    # The palette reads a str prompt and help as markup: a prompt is given as
    # Content, the help (a str only) escaped.

    async def discover(self) -> Hits:
        for name, run, help_text in self._commands():
            yield DiscoveryHit(plain(name), run, help=markup_safe(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=markup_safe(help_text))


@searches_only_while(lambda palette: not palette.answered and palette.is_active)
class GuardedPalette(CommandPalette):
    """Textual's command palette, answering once (see the module's notes).

    It is dismissed once: a second Enter, a Button press, typed text or a chosen
    option that come after the answer (keys in a burst) are stopped before
    Textual's own handlers see them, so nothing runs twice and the screen below
    is never popped. A page key before the list is laid out does nothing.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page('page_down')", show=False),
        Binding("pageup", "page('page_up')", show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.answered = False

    def dismiss(self, result: None = None) -> AwaitComplete:
        if self.answered or not self.is_active:
            return AwaitComplete()  # answered already, or covered: the screen below stays
        self.answered = True
        # A search started by text typed just before the answer would read the list after
        # it is gone (NoMatches): it is cancelled with everything else this palette runs.
        self.workers.cancel_node(self)
        return super().dismiss(result)

    @on(Input.Changed)
    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    @on(Button.Pressed)
    def _after_the_answer(self, event: Message) -> None:
        if self.answered or not self.is_active:
            event.prevent_default()  # Textual's handlers (a base class's) do not run
            event.stop()

    def action_page(self, action: str) -> None:
        try:
            getattr(self.query_one(CommandList), f"action_{action}")()
        except (KeyError, NoMatches):  # before the list is laid out, or once it is gone
            pass
