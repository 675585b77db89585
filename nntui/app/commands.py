"""The command palette (ctrl+p): every playground action, every preset.

Commands come from the playground's key table, so the palette, the footer
and the help screen always agree; Textual adds its own (theme, quit, keys).
They run on the screen the palette was opened on: the playground.

Textual's palette (8.2) fails on keys in a burst: a second Enter or an
Escape right after the first dismisses it twice, popping the playground
itself (ScreenStackError) and running the command twice; text typed before
the answer starts a search after it, whose list is gone (NoMatches); a page
key before its list is laid out raises KeyError.  :func:`guard_palette`
makes each palette opened answer once and ignore what comes after; the
playground applies it to every palette opened (they are Textual's, made in
nntui.app.app, so the guard is put on each one, not on a subclass).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList

from nntui.app.keys import PLAYGROUND_KEYS, translated_list
from nntui.app.text import markup_safe, plain, safe
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


# What a palette's input and list tell it; ignored once it has answered.
_AFTER_ANSWER = (Input.Changed, Input.Submitted, OptionList.OptionSelected, Button.Pressed)


def _nothing() -> None:
    pass


def guard_palette(screen: Screen) -> None:
    """If ``screen`` is a command palette: make it answer once, and survive early page keys."""
    if not isinstance(screen, CommandPalette) or vars(screen).get("_nntui_guarded"):
        return
    palette = screen
    palette._nntui_guarded = True  # type: ignore[attr-defined]
    dismiss, command_list, gather = palette.dismiss, palette._action_command_list, palette._gather_commands

    def dismiss_once(result: object = None) -> AwaitComplete:
        if not palette.is_active:
            # Answered already (or covered): popping now would pop the screen below, and
            # the palette runs its selected command right after: make that one do nothing.
            selected = palette._selected_command
            if selected is not None:
                palette._selected_command = replace(selected, command=_nothing)
            return AwaitComplete()
        palette.disable_messages(*_AFTER_ANSWER)  # keys typed after the answer start nothing
        return dismiss(result)

    def page_when_laid_out(action: str) -> None:
        try:
            command_list(action)
        except KeyError:  # a page key before the list is laid out (OptionList._move_page)
            pass

    def gather_while_open(search_value: str) -> None:
        if palette.is_active:  # text typed before the answer, read after it: its list is gone
            gather(search_value)

    palette.dismiss = dismiss_once  # type: ignore[method-assign]
    palette._action_command_list = page_when_laid_out  # type: ignore[method-assign]
    palette._gather_commands = gather_while_open  # type: ignore[method-assign]
