"""Snapshots of the training view's data controls: several classes on the boundary, and the panel
with the split, the data seed, a typed batch size, the test points hidden and the output
discretised, in English and French.

Regenerate with `python -m pytest tests/app/test_training_controls_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from nntui.app.app import NNTuiApp
from nntui.core.presets import load_preset
from nntui.i18n import set_language

from .helpers import preset_app
from .test_training_controls import three_classes

pytestmark = pytest.mark.snapshot

SIZE = (120, 36)


async def _three_classes_learned(pilot: Pilot) -> None:
    """A new 2-4-4-3 softmax network, 400 steps on three blobs (the app opens on the training view)."""
    app = pilot.app
    await pilot.press("x")
    for _ in range(4):
        app.document.training.run(100)
    app.document.training.measure()
    app.document.trained()
    app.clear_notifications()  # "not trainable yet" (one output) was said before x
    await pilot.pause()


async def _every_new_control_changed(pilot: Pilot) -> None:
    """xor's data at 70% trained, the next data seed, batch 250, test points hidden, classes only."""
    app = pilot.app
    await pilot.press("ctrl+t", "x")
    training = app.playground.training
    for name, value in (("ratio", 70), ("batch_size", 250), ("show_test", False), ("discretize", True)):
        training.change_setting(name, value)
    await pilot.press("G")
    app.document.training.run(200)
    app.document.training.measure()
    app.document.trained()
    await pilot.pause()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_multi_class_boundary(snap_compare, language: str, tmp_path: Path) -> None:
    set_language(language)
    app = NNTuiApp(load_preset("xor"), preset="xor", data=three_classes(tmp_path))
    assert snap_compare(app, run_before=_three_classes_learned, terminal_size=SIZE)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_panel_with_the_data_controls(snap_compare, language: str) -> None:
    set_language(language)
    assert snap_compare(preset_app("xor"), run_before=_every_new_control_changed, terminal_size=SIZE)
