"""The issue's case, with the keys: a file saved while training goes on in `nntui train` bit for bit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nntui.cli.train import run as train
from nntui.core.fileformat import load_network_file
from nntui.core.network import Network

from .helpers import enter_text, play_for, preset_app

SIZE = (120, 36)


def _same_weights(a: Network, b: Network) -> bool:
    return all(
        np.array_equal(x.weights, y.weights) and np.array_equal(x.bias, y.bias) for x, y in zip(a.layers, b.layers)
    )


@pytest.mark.slow  # two plays, each in a child process
@pytest.mark.parametrize(
    ("optimizer", "while_playing"),
    [("adam", False), ("adam", True), ("sgd", False)],
    ids=["adam-paused", "adam-saved-while-playing", "sgd-paused"],
)
async def test_a_file_saved_between_plays_goes_on_in_nntui_train_bit_for_bit(
    optimizer: str, while_playing: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ctrl+t, x, play, pause, save; play again, step, save as: `nntui train` from the first
    file for the steps between them gives the second's weights. Saving while playing pauses."""
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "x")
        app.playground.training.change_setting("optimizer", optimizer)
        await play_for(pilot, 300, pause=not while_playing)
        await pilot.press("ctrl+s")
        await enter_text(pilot, str(tmp_path / "first.json"))
        await pilot.pause()
        await play_for(pilot, 300)
        await pilot.press("s", "s", "s")  # and a few single steps
        await pilot.press("f12")
        await enter_text(pilot, str(tmp_path / "second.json"))
        await pilot.pause()
    first, second = (load_network_file(tmp_path / name) for name in ("first.json", "second.json"))
    steps = second.training.steps - first.training.steps
    assert steps >= 303
    assert train([str(tmp_path / "first.json"), "--steps", str(steps), "-o", str(tmp_path / "out.json")]) == 0
    assert "afresh" not in capsys.readouterr().err
    assert _same_weights(load_network_file(tmp_path / "out.json").network, second.network)
