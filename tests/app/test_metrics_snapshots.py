"""Snapshots of the metrics panel: a confusion matrix, and a regression's R² and MSE, in English and French.

Regenerate with `python -m pytest tests/app/test_metrics_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from nntui.app.app import NNTuiApp
from nntui.core.presets import load_preset
from nntui.i18n import set_language

from .helpers import preset_app, train_on_circle

pytestmark = pytest.mark.snapshot

SIZE = (120, 36)


async def _regression_on_the_plane(pilot: Pilot) -> None:
    """A network that fits the plane (x), 300 steps: R² near 1, a small squared error."""
    app = pilot.app
    await pilot.press("ctrl+t")
    app.query_one("#dataset", Select).value = "plane"
    await pilot.pause()
    await pilot.press("x")
    for _ in range(3):
        app.document.training.run(100)
        app.document.training.measure()
    app.document.trained()
    app.clear_notifications()
    await pilot.pause()


def _three_classes(folder: Path) -> Path:
    """Three overlapping blobs of 40 points, one-hot in y1, y2, y3 (seeded): some answers are wrong."""
    rng = np.random.default_rng(1)
    rows = ["x1,x2,y1,y2,y3"]
    for k, centre in enumerate([(-0.4, -0.3), (0.4, -0.3), (0.0, 0.4)]):
        for x1, x2 in rng.normal(centre, 0.3, (40, 2)):
            rows.append(f"{x1:.4f},{x2:.4f}," + ",".join("1" if j == k else "0" for j in range(3)))
    path = folder / "blobs.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


async def _softmax_learned(pilot: Pilot) -> None:
    """x builds a softmax network for the three classes; 300 steps (the app opens on the training view)."""
    app = pilot.app
    await pilot.press("x")
    for _ in range(3):
        app.document.training.run(100)
    app.document.training.measure()
    app.document.trained()
    app.clear_notifications()
    await pilot.pause()


def test_a_softmax_confusion_matrix_beside_the_chart(snap_compare, tmp_path: Path) -> None:
    """Three classes, on a wide terminal: the matrices stand beside the loss chart."""
    app = NNTuiApp(load_preset("xor"), preset="xor", data=_three_classes(tmp_path))
    assert snap_compare(app, run_before=_softmax_learned, terminal_size=(200, 60))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_confusion_matrix(snap_compare, language: str) -> None:
    set_language(language)
    assert snap_compare(preset_app("xor"), run_before=train_on_circle, terminal_size=SIZE)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_regressions_r_squared(snap_compare, language: str) -> None:
    set_language(language)
    assert snap_compare(preset_app("xor"), run_before=_regression_on_the_plane, terminal_size=SIZE)
