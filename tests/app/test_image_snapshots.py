"""Snapshots of the training view of pictures (#25): the digits' confusion matrix and the test images
read wrong, at 120×36 (side by side, with the loss chart) and at 80×24 (in turn), in English and French.

Regenerate with `python -m pytest tests/app/test_image_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from nntui.i18n import set_language

from .helpers import preset_app

pytestmark = pytest.mark.snapshot

SIZES = {"120x36": (120, 36), "80x24": (80, 24)}


async def _trained(pilot: Pilot) -> None:
    """The digits preset's training view after 200 steps (seeded: the same counts every run)."""
    app = pilot.app
    await pilot.press("ctrl+t")
    app.document.training.run(200)
    app.document.training.measure()
    app.document.trained()
    await pilot.pause()


async def _trained_then_next(pilot: Pilot) -> None:
    await _trained(pilot)
    await pilot.press("right_square_bracket")
    await pilot.pause()


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_matrix_of_the_digits(snap_compare, language: str, size: str) -> None:
    set_language(language)
    assert snap_compare(preset_app("digits"), run_before=_trained, terminal_size=SIZES[size])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_image_read_wrong_at_80_columns(snap_compare, language: str) -> None:
    set_language(language)
    assert snap_compare(preset_app("digits"), run_before=_trained_then_next, terminal_size=SIZES["80x24"])
