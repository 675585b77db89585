"""A seeded random walk of key presses: shape and value edits, undo and redo.

Whatever the order, the app must never raise, and the network on screen must
always be one that saves and reloads identically.  Keys arrive in bursts, as
from a held key or a fast typist, without waiting for the screen in between.
"""

from __future__ import annotations

import random

import pytest
from textual import events

from nntui.app.widgets.network_view import NetworkView
from nntui.core.fileformat import dumps_network, loads_network

from .helpers import preset_app

pytestmark = pytest.mark.slow

KEYS = [
    "left", "right", "up", "down", "right_square_bracket", "left_square_bracket",
    "plus", "minus", "asterisk", "slash", "a",
    "n", "d", "N", "D", "r", "R", "z", "Z",
    "u", "u", "ctrl+r", "pagedown", "pageup",
]
# Dialogs opened and closed again, so their keys are part of the walk too.
DIALOGS = [("f", "down", "enter"), ("enter", "escape"), ("c", "escape"), ("question_mark", "escape")]
CHARACTERS = {
    "plus": "+", "minus": "-", "asterisk": "*", "slash": "/", "question_mark": "?",
    "right_square_bracket": "]", "left_square_bracket": "[", "enter": "\r", "escape": "\x1b",
}


def _key(name: str) -> events.Key:
    character = CHARACTERS.get(name, name if len(name) == 1 else None)
    return events.Key(name, character)


@pytest.mark.parametrize("seed", [1, 2])
async def test_random_key_walk_never_raises_and_always_reloads(seed: int) -> None:
    rng = random.Random(seed)
    app = preset_app("layers")
    async with app.run_test(size=(120, 36)) as pilot:
        for burst in range(100):
            for _ in range(10):
                keys = rng.choice(DIALOGS) if rng.random() < 0.03 else (rng.choice(KEYS),)
                for key in keys:
                    app.post_message(_key(key))
            await pilot.pause()
            text = dumps_network(app.document.network)
            assert dumps_network(loads_network(text)) == text
            if burst % 10 == 9:
                await pilot.press("escape", "escape")  # back to the playground
                view = app.query_one(NetworkView)
                assert len(view._views()) == len(app.document.network.layers) + 1
                assert view.selection == view.selection.clamped(app.document.network)
        # Undoing everything gives back the preset exactly.
        while app.document.history.can_undo:
            app.playground.action_undo()
        assert dumps_network(app.document.network) == dumps_network(preset_app("layers").document.network)
