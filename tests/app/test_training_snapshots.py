"""Snapshots of the training view's words and chart: a diagnosis, the loss in log scale, in English and French.

Regenerate with `python -m pytest tests/app/test_training_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from nntui.i18n import set_language

from .helpers import preset_app

pytestmark = pytest.mark.snapshot

SIZE = (120, 36)


async def _xor_preset_on_the_plane(pilot: Pilot) -> None:
    """The xor preset's sigmoid output and ±20 weights, on targets from −0.94 to 0.98 (the
    output followed the data's kind; u took the sigmoid back)."""
    await pilot.press("ctrl+t")
    pilot.app.query_one("#dataset", Select).value = "plane"
    await pilot.pause()
    await pilot.press("u")
    pilot.app.clear_notifications()  # the notice of the output that followed, undone since
    await pilot.pause()


async def _loss_fell_a_thousandfold(pilot: Pilot) -> None:
    """A new 2-4-4-1 network on xor, 3,000 steps at rate 0.1: the loss falls from 0.7 to about 1e-4."""
    app = pilot.app
    await pilot.press("ctrl+t", "x")
    app.query_one("#learning_rate", Select).value = 0.1
    await pilot.pause()
    for _ in range(30):
        app.document.training.run(100)
        app.document.training.measure()
    app.document.trained()
    app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_panel_with_a_diagnosis(snap_compare, language: str) -> None:
    set_language(language)
    assert snap_compare(preset_app("xor"), run_before=_xor_preset_on_the_plane, terminal_size=SIZE)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_loss_chart_in_log_scale(snap_compare, language: str) -> None:
    set_language(language)
    assert snap_compare(preset_app("potatoes"), run_before=_loss_fell_a_thousandfold, terminal_size=SIZE)
