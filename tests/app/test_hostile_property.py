"""Property: whatever the names and the typed text, every screen shows them as text.

Names of the network, its layers, neurons and inputs, a CSV file's name and
headers, and text pasted into the prompts are drawn from an alphabet rich in
markup (``[ ] = / \\ :``), escape sequences, control characters, bidi marks,
and from very long strings.  On the playground, the inspector, every prompt
(value, name, path), the activation chooser, the help, the training view and
a notification: no exception, the text visible (its safe form on screen),
and no control character from the data among the segments the terminal gets.
"""

from __future__ import annotations

import asyncio
import csv
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events

from nntui.app.app import NNTuiApp
from nntui.app.screens.quit_prompt import QuitPrompt
from nntui.app.screens.text_prompt import TextPrompt
from nntui.core.text import safe, visible
from nntui.document.recovery import RecoveryStore

from .hostile import ALPHABET, ESCAPES, MARKUP, assert_clean, hostile_network
from .test_random_walk import CHARACTERS

SIZE = (120, 36)
SHOWN = 5  # characters of a name's safe form looked for on screen: any place shows that many

names = st.one_of(
    st.text(st.sampled_from(ALPHABET), min_size=1, max_size=16),
    st.sampled_from(MARKUP + ESCAPES),
    st.sampled_from(["[" * 300, "\x1b[2J" * 700, "y" * 100_000]),  # very long
)
typed = st.one_of(st.text(st.sampled_from(ALPHABET), min_size=1, max_size=24), st.sampled_from(MARKUP + ESCAPES))


def _write_csv(folder: Path, file_name: str, headers: list[str]) -> Path:
    path = folder / (visible(file_name).replace("/", "∕")[:40] + ".csv")  # a file name cannot hold "/" or NUL
    with path.open("w", newline="", encoding="utf-8", errors="replace") as file:  # "?" for a lone surrogate
        writer = csv.writer(file)
        writer.writerow([*(f"x{h}·{i}" for i, h in enumerate(headers)), "y"])  # "y…" names an output
        writer.writerows([[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]] * 5)
    return path


def _shown(text: str) -> str:
    """What of ``text`` any place on screen shows: the start of its safe form, without edge spaces."""
    return safe(text)[:SHOWN].strip()


async def _keys(pilot, *keys: str) -> None:
    """``keys`` in one burst, then one pause (as fast as a typist, and quicker than Pilot.press)."""
    for key in keys:
        pilot.app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))
    await pilot.pause()


async def _paste(pilot, text: str) -> None:
    """``text`` pasted into the prompt's empty Input: how control characters can arrive there."""
    field = pilot.app.screen.query_one("#text")
    field.value = ""
    field.post_message(events.Paste(text))
    await pilot.pause()


async def _visit(app: NNTuiApp, typed_text: str) -> None:
    """Every screen of the playground, checked after each step."""
    network = app.document.network
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = assert_clean(app)
        assert _shown(network.name) in screen  # the header
        await _keys(pilot, "right")
        screen = assert_clean(app)
        assert _shown(network.neuron_name(1, 0)) in screen  # the inspector, the column
        assert _shown(network.layer_title(1)) in screen
        for opening, shown in (
            ("enter", None),
            ("c", network.neuron_name(1, 0)),
            ("C", network.layer_title(1)),
            ("ctrl+o", None),
        ):
            await _keys(pilot, opening)
            if isinstance(app.screen, QuitPrompt):  # ctrl+o asks about the changes first
                assert_clean(app)
                await _keys(pilot, "d")
            assert isinstance(app.screen, TextPrompt), (opening, app.screen_stack)
            screen = assert_clean(app)
            if shown is not None:
                assert _shown(shown) in screen  # the prompt's title
            await _paste(pilot, typed_text)
            line = typed_text.splitlines()[0] if typed_text.splitlines() else ""
            assert visible(line)[-SHOWN:].strip() in assert_clean(app)  # as typed, in the Input
            await _keys(pilot, "enter")  # applied, or refused with a message quoting it
            assert_clean(app)
            if isinstance(app.screen, TextPrompt):
                await _keys(pilot, "escape")
        for opening in ("f", "question_mark"):  # the activation chooser, the help
            await _keys(pilot, opening)
            assert_clean(app)
            await _keys(pilot, "escape")
        await _keys(pilot, "d", "u")  # a notification naming a neuron ("Undid: remove …")
        await pilot.pause(0.1)  # the toast is shown a moment later
        assert_clean(app)
        assert any(_shown(app.document.network.neuron_name(1, 0)) in n.message for n in app._notifications)
        if not app.playground.training.active:  # it opens on the training view: data was given
            await _keys(pilot, "ctrl+t")
        assert_clean(app)
        await _keys(pilot, "s", "x")
        await _keys(pilot, "space", "space")
        assert_clean(app)


def run_visit(names_drawn: list[str], typed_text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:  # each example its own (hypothesis shares tmp_path)
        data = _write_csv(Path(folder), names_drawn[0], [names_drawn[0], names_drawn[-1]])
        store = RecoveryStore(Path(folder) / "state")
        asyncio.run(_visit(NNTuiApp(hostile_network(names_drawn), data=data, recovery=store), typed_text))


@pytest.mark.slow  # every screen of the playground, visited with hostile names
async def test_hostile_names_and_text_on_every_screen(tmp_path: Path) -> None:
    """The deterministic version: every markup and escape sample at once."""
    await _visit(
        NNTuiApp(hostile_network(MARKUP + ESCAPES), data=_write_csv(tmp_path, ESCAPES[0], ESCAPES[:2])),
        "\x1b]0;PWNED\x07[/]",
    )


@pytest.mark.slow
@settings(max_examples=12, deadline=None)
@given(names_drawn=st.lists(names, min_size=1, max_size=8), typed_text=typed)
def test_any_names_and_text_on_every_screen(names_drawn: list[str], typed_text: str) -> None:
    run_visit(names_drawn, typed_text)
