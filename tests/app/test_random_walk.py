"""A seeded random walk of key presses: shape and value edits, undo and redo,
the dialogs, the training view, the command palette, and renames to hostile names.

Whatever the order, the app must never raise, the network on screen must
always be one that saves and reloads identically, and no control character
from a typed name reaches the terminal.  Keys arrive in bursts, as from a held
key or a fast typist, without waiting for the screen in between: each burst
ends with one pause.  Every preset is walked, 20,000 keys in all.
"""

from __future__ import annotations

import random

import pytest
from textual import events
from textual.keys import _character_to_key

from nntui.app.app import NNTuiApp
from nntui.app.widgets.column_window import MAX_DRAWN_COLUMNS
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.core.fileformat import dumps_network, loads_network
from nntui.core.presets import preset_names

from .helpers import preset_app
from .hostile import ALPHABET, ESCAPES, MARKUP, assert_clean

pytestmark = pytest.mark.slow

KEYS = [
    "left",
    "right",
    "up",
    "down",
    "right_square_bracket",
    "left_square_bracket",
    "plus",
    "minus",
    "asterisk",
    "slash",
    "a",
    "n",
    "d",
    "N",
    "D",
    "D",
    "r",
    "R",
    "z",
    "Z",  # D twice: it is refused on the input and output layers
    "u",
    "u",
    "ctrl+r",
    "pagedown",
    "pageup",
    "s",
    "x",  # act only in the training view: one step, new weights
]
TRAINING_KEYS = 20  # keys of a short stretch in the training view, where an edit redraws every heatmap
# Dialogs opened and closed again, so their keys are part of the walk too.
DIALOGS = [
    ("f", "down", "enter"),
    ("enter", "escape"),
    ("c", "escape"),
    ("question_mark", "escape"),
    ("c", "enter"),
    ("C", "escape"),
    ("enter", "enter"),
    ("f", "escape", "escape"),
    ("space", "s", "space"),  # play (in the training view), a step refused while playing, pause
]
PALETTE_QUERIES = [
    "add layer",
    "undo",
    "redo",
    "preset: xor",
    "preset: layers",
    "randomize",
    "train",
    "zero",
    "theme",
    "step",
    "rename",
    "activation",
    "remove neuron",
]
PALETTE_ENDINGS = [("enter",), ("escape",), ("enter", "enter"), ("enter", "escape"), ("pagedown", "enter")]
PRESETS = preset_names()
BURSTS, BURST_KEYS = 40, 100
MIN_KEYS = 20_000 // len(PRESETS)  # keys a walk sends, at least
CHARACTERS = {
    "plus": "+",
    "minus": "-",
    "asterisk": "*",
    "slash": "/",
    "question_mark": "?",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "enter": "\r",
    "escape": "\x1b",
}


def _key(name: str) -> events.Key:
    character = CHARACTERS.get(name, name if len(name) == 1 else None)
    return events.Key(name, character)


def _typed(rng: random.Random) -> str:
    """A name to type: from the hostile alphabet, or a sample of markup or escapes."""
    if rng.random() < 0.3:
        return rng.choice(MARKUP + ESCAPES)
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12)))


class Walk:
    """Sends keys to ``app`` in bursts and counts them."""

    def __init__(self, app: NNTuiApp, pilot, rng: random.Random) -> None:
        self.app, self.pilot, self.rng = app, pilot, rng
        self.sent = 0

    def post(self, *keys: str) -> None:
        for key in keys:
            self.app.post_message(_key(key))
        self.sent += len(keys)

    def type(self, text: str) -> None:
        """Printable characters as keys, the rest (control characters, newlines) pasted."""
        for char in text:
            if char.isprintable():
                self.app.post_message(events.Key(_character_to_key(char), char))
            else:
                self.app.post_message(events.Paste(char))
        self.sent += len(text)

    async def burst(self) -> None:
        for _ in range(BURST_KEYS):
            self.post(*(self.rng.choice(DIALOGS) if self.rng.random() < 0.03 else (self.rng.choice(KEYS),)))
        await self.settle()

    async def training(self) -> None:
        """A short stretch in the training view: ctrl+t, keys (space, s, x among them), ctrl+t."""
        self.post("ctrl+t")
        for _ in range(TRAINING_KEYS):
            self.post(self.rng.choice([*KEYS, "space", "s", "x", "space", "s", "x"]))
        await self.settle()
        self.post("ctrl+t")
        await self.settle()

    async def rename(self) -> None:
        """c, C or F2, then a hostile name typed over the old one (selected), then Enter (or Escape)."""
        self.post(self.rng.choice(["c", "C", "f2"]))
        await self.settle()
        self.type(_typed(self.rng))
        self.post("enter" if self.rng.random() < 0.8 else "escape")
        await self.settle()

    async def palette(self) -> None:
        """ctrl+p, then a command typed, then Enter (twice, sometimes) or Escape."""
        self.post("ctrl+p")
        await self.settle()
        self.type(self.rng.choice(PALETTE_QUERIES))
        self.post(*self.rng.choice(PALETTE_ENDINGS))
        await self.settle()

    async def settle(self) -> None:
        await self.pilot.pause()
        if self.app.playground.training.playing:  # a burst ended playing: pause, or the walk is slow
            self.app.playground.training.play_pause()
            await self.pilot.pause()


@pytest.mark.parametrize("preset", PRESETS)
async def test_random_key_walk_never_raises_and_always_reloads(preset: str) -> None:
    rng = random.Random(PRESETS.index(preset))
    app = preset_app(preset)
    opened = [dumps_network(app.document.network)]  # each network the walk opened: undo stops there
    replace = app.document.replace

    def replaced(network, **where) -> None:
        opened.append(dumps_network(network))
        replace(network, **where)

    app.document.replace = replaced  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        walk = Walk(app, pilot, rng)
        for burst in range(BURSTS):
            await walk.burst()
            if rng.random() < 0.15:
                await walk.training()
            if rng.random() < 0.2:
                await walk.rename()
            if rng.random() < 0.1:
                await walk.palette()
            assert app.is_running
            text = dumps_network(app.document.network)
            assert dumps_network(loads_network(text)) == text
            if burst % 5 == 4:
                walk.post("escape", "escape")  # back to the playground
                await walk.settle()
                assert_clean(app)
                view = app.query_one(NetworkCanvas)
                assert len(view.columns) == min(len(app.document.network.layers) + 1, MAX_DRAWN_COLUMNS)
                assert view.selection == view.selection.clamped(app.document.network)
        assert walk.sent >= MIN_KEYS
        # Undoing everything gives back the network last opened exactly.
        while app.document.history.can_undo:
            app.playground.action_undo()
        assert dumps_network(app.document.network) == opened[-1]
