"""Snapshots of the input features in the training view: a fresh network reading x1² and x2² of the
circle's points (the inputs' pictures are the features over the plane), in English and French.

Regenerate with `python -m pytest tests/app/test_features_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from nntui.app.widgets.feature_toggles import FeatureToggles
from nntui.i18n import set_language

from .helpers import preset_app

pytestmark = pytest.mark.snapshot

SIZE = (120, 36)


async def _squares_on_the_circle(pilot: Pilot) -> None:
    """The circle, new weights (x), x1 and x2 off and x1², x2² on, 300 steps, the toggles focused."""
    app = pilot.app
    await pilot.press("ctrl+t")
    app.playground.training.change_setting("dataset", "circle")
    await pilot.press("x")
    toggles = app.query_one(FeatureToggles)
    offered = toggles.offered
    for k in (2, 3, 0, 1):  # on: x1², x2²; off: x1, x2
        app.playground.training.toggle_feature(offered[k])
    app.document.training.run(300)
    app.document.training.measure()
    app.document.trained()
    app.clear_notifications()
    toggles.focus()
    await pilot.pause()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_training_view_with_input_features(snap_compare, language: str) -> None:
    set_language(language)
    assert snap_compare(preset_app("xor"), run_before=_squares_on_the_circle, terminal_size=SIZE)
