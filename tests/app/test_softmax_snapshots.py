"""Snapshots of a softmax output read as an answer: percentages, bars, the winner marked, and the
inspector's e^z / Σ e^z, at 120×36 and 80×24, in English and French, and without colour.

Regenerate with `python -m pytest tests/app/test_softmax_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

import pytest

from nntui.app.app import NNTuiApp
from nntui.i18n import set_language

from .helpers import classes_network

pytestmark = pytest.mark.snapshot

SIZES = [(120, 36), (80, 24)]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_ten_classes_with_the_winner_inspected(snap_compare, size: tuple[int, int], language: str) -> None:
    set_language(language)
    # Output 7, the answer, selected with its first weight.
    keys = ["right", "right", *["down"] * 7]
    assert snap_compare(NNTuiApp(classes_network()), press=keys, terminal_size=size)


def test_three_classes_without_colour(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR: the bars are blocks of eighths and the answer a ◀ and words, all characters."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = NNTuiApp(classes_network(classes=3, inputs=4, winner=1))
    assert snap_compare(app, press=["right", "right", "down"], terminal_size=(80, 24))
