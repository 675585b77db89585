"""Every panel on screen agrees with the state it is derived from, after every key.

A seeded walk of 2,000 keys (four walks of 500, which run side by side)
over the presets, the training view and its settings, challenges, the truth
table, the backward pass and the loss slice.  After each key, every visible
panel's text is read; then every view is derived again from the document
and the controllers' state (``refresh_views``, what the screen does after a
change), and read again.  A panel that showed anything else than what the
state gives, one left behind by a change that did not reach it, fails here.
The panels must also agree with each other: the status line with the
selected number, the challenge bar with the truth table, the data list with
the session's data.
"""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
from textual.css.query import NoMatches
from textual.pilot import Pilot
from textual.widget import Widget

from nntui.app.app import NNTuiApp
from nntui.app.playground import PlaygroundScreen
from nntui.app.widgets.challenge_bar import ChallengeBar
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.app.widgets.truth_table import TruthTablePanel
from nntui.core.challenges import CHALLENGES
from nntui.core.numbers import format_value
from nntui.core.truth import TruthTableError, truth_table

from .helpers import enter_text, preset_app, widget_text

pytestmark = pytest.mark.slow

# The network view is checked by what it was handed (_check_network): where its rows go is the
# layout's, which may place them again a frame later when a layout changes its height.
PANELS = [
    "#challenge",
    "#outputs",
    "#truth",
    "#inspector",
    "#backward",
    "#slice",
    "#training-panel",
    "#boundary",
    "#loss",
    "#metrics",
    "#status",
]
KEYS = [
    "left",
    "right",
    "up",
    "down",
    "right_square_bracket",
    "plus",
    "minus",
    "plus",
    "asterisk",
    "a",
    "u",
    "ctrl+r",
    "n",
    "d",
    "r",
    "z",
    "T",
    "T",
    "b",
    "b",
    "B",
    "B",
    "L",
    "L",
    "ctrl+t",
    "ctrl+t",
    "s",
    "s",
    "x",
    "full_stop",
    "comma",
    "greater_than_sign",
    "less_than_sign",
    "G",
    "ctrl+l",
]
WALKS, KEYS_PER_WALK = 4, 500
STARTS = ["potatoes", "xor", "layers", "and"]


async def _macro(pilot: Pilot, rng: random.Random, walked: list[str]) -> int:
    """A few keys that go through a dialog or a list; returns how many keys were sent."""
    choice = rng.randrange(6)
    walked.append(f"macro {choice}")
    if choice == 0:  # the truth table's range
        await pilot.press("v")
        if pilot.app.focused is not None and pilot.app.screen is not pilot.app.playground:
            await enter_text(pilot, rng.choice(["-1 1", "0 1", "0 2"]))
        return 2
    if choice == 1:  # the sample's target
        await pilot.press("y")
        if pilot.app.screen is not pilot.app.playground:
            await enter_text(pilot, rng.choice(["0", "1", "0.5"]))
        return 2
    if choice == 2:  # a challenge
        downs = ["down"] * rng.randrange(len(CHALLENGES))
        await pilot.press("g", *downs, "enter", "d")  # d: discard, when asked to save first
        return 3 + len(downs)
    if choice == 3:  # another preset, through the palette
        await pilot.press("ctrl+p")
        await enter_text(pilot, f"preset: {rng.choice(STARTS)}")
        await pilot.press("d")
        return 3
    if choice == 4:  # a list of the training panel: into it, a choice, out again
        await pilot.press("ctrl+t")
        tabs = ["tab"] * rng.randrange(1, 6)
        await pilot.press(*tabs, "enter", rng.choice(["down", "up"]), "enter", "escape")
        return len(tabs) + 5
    await pilot.press("tab", "space", "escape")  # a feature toggled, or play and pause
    return 3


async def _back_to_the_playground(pilot: Pilot) -> None:
    app = pilot.app
    for _ in range(5):
        if isinstance(app.screen, PlaygroundScreen):
            break
        await pilot.press("escape")
    assert isinstance(app.screen, PlaygroundScreen)
    if app.playground.training.playing:
        await pilot.press("space")


def _shown(app: NNTuiApp) -> dict[str, str]:
    """The text of every visible widget of each panel (a container draws none of its children's)."""
    texts = {}
    for selector in PANELS:
        # By id and a walk, not a CSS query: matching selectors against every node was a fifth of
        # the walk's time. The training view's widgets come with its first ctrl+t.
        try:
            panel = app.screen.get_widget_by_id(selector.removeprefix("#"))
        except NoMatches:
            continue
        if not panel.display:
            continue
        for widget in panel.walk_children(Widget, with_self=True):
            if widget.display and widget.visible and widget.region.area:
                texts[f"{selector} {widget!r} {id(widget)}"] = widget_text(widget)
    return texts


async def _still(pilot: Pilot) -> dict[str, str]:
    """What the panels show once the screen is still: drawn twice alike. (A widget may notice
    as it draws that its room changed, and be drawn again for it: a learner reads the screen
    after that frame.)"""
    shown = _shown(pilot.app)
    for _ in range(5):
        await pilot.pause()
        again = _shown(pilot.app)
        if again == shown:
            break
        shown = again
    return shown


def _check_network(app: NNTuiApp) -> None:
    """The network view was handed the document's network, its forward pass, the selection and,
    in the training view, the heatmaps of the network as it is."""
    doc, view = app.document, app.query_one(NetworkCanvas)
    assert view.network is doc.network and view.result is doc.result and view.selection == doc.selection
    maps = app.playground.training.maps()
    assert (view.maps is None) == (maps is None)
    if maps is not None:
        assert all(np.array_equal(a, b) for a, b in zip(view.maps, maps)), "stale heatmaps"


def _check_agreement(app: NNTuiApp, shown: dict[str, str]) -> None:
    """What panels say about each other: checked against the core, not against the screen's code."""
    doc = app.document
    ref = doc.selection.ref(doc.network)
    status = app.screen.query_one("#status")
    assert format_value(ref.get(doc.network)).strip() in widget_text(status), (widget_text(status), ref)
    learning = app.playground.learning
    if app.playground.training.active:  # hidden otherwise: it shows the settings when it opens
        settings = doc.training.settings
        dataset = app.screen.query_one("#dataset")
        assert dataset.value == settings.dataset, (dataset.value, settings.dataset)
    wanted = None if learning.challenge is None else learning.challenge.targets_for(doc.network)
    if learning.truth and app.screen.query_one(TruthTablePanel).region.area and wanted is not None:
        try:
            rows = truth_table(doc.network, low=learning.low, high=learning.high, targets=wanted)
        except TruthTableError:
            return
        right = sum(bool(row.ok) for row in rows)
        bar = widget_text(app.screen.query_one(ChallengeBar))
        counted = re.search(r"(\d+) of (\d+) rows right", bar)
        if counted is not None and "✓" not in bar:
            assert int(counted.group(1)) == right, (bar, right)


@pytest.mark.parametrize("walk", range(WALKS))
async def test_every_panel_shows_its_state_after_every_key(walk: int) -> None:
    rng = random.Random(walk)
    app = preset_app(STARTS[walk])
    walked: list[str] = []  # the keys so far, to name them when a panel is stale
    async with app.run_test(size=(120, 36)) as pilot:
        sent = 0
        while sent < KEYS_PER_WALK:
            if rng.random() < 0.08:
                sent += await _macro(pilot, rng, walked)
            else:
                key = rng.choice(KEYS)
                walked.append(key)
                await pilot.press(key)
                sent += 1
            await _back_to_the_playground(pilot)
            before = await _still(pilot)
            app.playground.refresh_views()
            await pilot.pause()
            after = _shown(app)
            for selector in before.keys() | after.keys():
                assert before.get(selector) == after.get(selector), f"{selector} was stale after {walked[-10:]}"
            _check_network(app)
            _check_agreement(app, after)
    assert app.return_code in (None, 0)
