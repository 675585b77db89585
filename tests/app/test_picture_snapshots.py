"""Snapshots of the digits' input picture drawn on, and of the first layer's weights as pictures,
at 120×36 and 80×24, in English and French.

Regenerate with `python -m pytest tests/app/test_picture_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

import pytest

from nntui.i18n import set_language

from .helpers import preset_app

pytestmark = pytest.mark.snapshot

SIZES = [(120, 36), (80, 24)]
# Clear the picture, then draw a stroke down the middle with the keys: ink twice (full) on each pixel.
DRAWN = ["c", "right", "right", "right", *[k for _ in range(6) for k in ("down", "space", "space")]]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_stroke_drawn_with_the_keys(snap_compare, size: tuple[int, int], language: str) -> None:
    set_language(language)
    assert snap_compare(preset_app("digits"), press=DRAWN, terminal_size=size)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_hidden_neuron_selected_in_the_weights_gallery(snap_compare, language: str) -> None:
    """h12 selected (right of the first row's last pixel is h8, then four down): its name is marked in the gallery."""
    set_language(language)
    keys = [*["right"] * 8, *["down"] * 4]
    assert snap_compare(preset_app("digits"), press=keys, terminal_size=(120, 36))
