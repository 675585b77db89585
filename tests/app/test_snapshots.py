"""Snapshot tests: the screens a learner sees, compared with reviewed SVGs.

Regenerate with `python -m pytest tests/app/test_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

import json
import tempfile
import time
from importlib import metadata
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from nntui.app.app import NNTuiApp
from nntui.cli.environment import too_old
from nntui.core.presets import load_preset, preset_names
from nntui.document.recovery import RecoveryStore

from .helpers import CLEAR, big_network, preset_app, train_on_circle

pytestmark = pytest.mark.snapshot

# Layer 2 ("hidden") takes 4 inputs, but its second row has 3 weights.
BAD_SHAPE_FILE = """{"format": "nntui-network", "version": 1,
 "inputs": [{"name": "a", "value": 0}, {"name": "b", "value": 0}],
 "layers": [
  {"activation": "relu", "weights": [[1, 1], [1, 1], [1, 1], [1, 1]]},
  {"name": "hidden", "activation": "relu", "weights": [[1, 1, 1, 1], [1, 1, 1]]},
  {"activation": "sigmoid", "weights": [[1, 1]]}]}
"""


def _press_then_steady_cursor(*keys: str):
    """Press ``keys``, then stop any text cursor blinking so the picture is stable."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.press(*keys)
        for text_input in pilot.app.screen.query(Input):
            text_input.cursor_blink = False
        await pilot.pause()

    return run_before


def test_default_screen(snap_compare) -> None:
    assert snap_compare(preset_app("potatoes"))


@pytest.mark.parametrize("name", preset_names())
def test_each_preset(snap_compare, name: str) -> None:
    assert snap_compare(preset_app(name), terminal_size=(120, 30))


def test_inspector_on_a_hidden_neuron(snap_compare) -> None:
    # hidden 1, neuron a3, its second weight selected.
    keys = ["right", "down", "down", "right_square_bracket"]
    assert snap_compare(preset_app("layers"), press=keys, terminal_size=(120, 30))


def test_output_neuron_after_edits(snap_compare) -> None:
    keys = ["right", "plus", "plus", "right_square_bracket", "right_square_bracket", "minus"]
    assert snap_compare(preset_app("potatoes"), press=keys)


def test_help_screen(snap_compare) -> None:
    assert snap_compare(preset_app("potatoes"), press=["question_mark"], terminal_size=(100, 40))


def test_bad_entry_error(snap_compare) -> None:
    keys = ("right", "enter", *CLEAR, *"abc", "enter")
    assert snap_compare(preset_app("potatoes"), run_before=_press_then_steady_cursor(*keys))


def test_quit_prompt(snap_compare) -> None:
    assert snap_compare(preset_app("potatoes"), press=["plus", "q"])


def test_save_path_prompt(snap_compare, monkeypatch) -> None:
    monkeypatch.chdir("/")  # the prompt shows the folder it saves in
    assert snap_compare(preset_app("xor"), run_before=_press_then_steady_cursor("plus", "ctrl+s"))


def test_big_784_128_10_network(snap_compare) -> None:
    # Into the hidden layer, far down its 128 neurons, on a weight from deep in the inputs.
    keys = ["right", *["pagedown"] * 5, *["right_square_bracket"] * 3]
    app = NNTuiApp(big_network(), preset=None)
    assert snap_compare(app, press=keys, terminal_size=(120, 34))


def test_tiny_terminal(snap_compare) -> None:
    assert snap_compare(preset_app("layers"), terminal_size=(40, 12))


def test_activation_chooser(snap_compare) -> None:
    # hidden 1 of xor, chooser opened, moved down to tanh.
    assert snap_compare(preset_app("xor"), press=["right", "f", "down"], terminal_size=(100, 30))


def test_open_dialog_with_a_bad_file(snap_compare, monkeypatch) -> None:
    # A fixed folder, because the dialog shows where it looks.
    folder = Path(tempfile.gettempdir()) / "nntui-snapshots"
    folder.mkdir(exist_ok=True)
    (folder / "net.json").write_text(BAD_SHAPE_FILE)
    monkeypatch.chdir(folder)
    keys = ("ctrl+o", *"net.json", "enter")
    assert snap_compare(preset_app("potatoes"), run_before=_press_then_steady_cursor(*keys))


def test_recovery_offer(snap_compare, monkeypatch, private_state_dir: Path, gone_pids) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    crashed = RecoveryStore(private_state_dir, pid=gone_pids(1)[0])
    crashed.write(load_preset("layers"), Path("/home/learner/my-layers.json"), None)
    document = json.loads(crashed.own_file.read_text())
    document["saved_at"] = "2026-11-24T09:30:00+00:00"
    crashed.own_file.write_text(json.dumps(document))
    assert snap_compare(preset_app("potatoes"))


# Textual draws its own command palette differently before 8.2.5 (the SVG was recorded with 8.2.8);
# at older Textual within the supported range, down to the floor, this one screen is not ours to compare.
PALETTE_DRAWN_SINCE = "8.2.5"


@pytest.mark.skipif(
    too_old(metadata.version("textual"), PALETTE_DRAWN_SINCE),
    reason=f"Textual's command palette is drawn as recorded from Textual {PALETTE_DRAWN_SINCE} on",
)
def test_command_palette(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("ctrl+p", *"preset")
        await pilot.pause(0.3)
        for text_input in pilot.app.screen.query(Input):
            text_input.cursor_blink = False
        await pilot.pause()

    assert snap_compare(preset_app("potatoes"), run_before=run_before, terminal_size=(100, 30))


def test_network_built_by_hand(snap_compare) -> None:
    # From potatoes: a hidden layer of 3 plus one neuron, renamed, then a second layer.
    keys = ["N", "n", "C", *CLEAR, *"features", "enter", "N"]
    assert snap_compare(preset_app("potatoes"), press=keys, terminal_size=(120, 30))


def test_training_view_after_fixed_steps(snap_compare) -> None:
    """The xor preset, widened to 2-4-1, after 300 steps on the circle data (seed 0)."""

    assert snap_compare(preset_app("xor"), run_before=train_on_circle, terminal_size=(140, 44))


def test_tour_step_on_the_inspector(snap_compare) -> None:
    assert snap_compare(preset_app("potatoes"), press=["t", "right"], terminal_size=(100, 32))
