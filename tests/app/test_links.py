"""The links between two layers as Braille lines (pure NumPy, no Textual)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from nntui.app.widgets.link_gap import LinkGap
from nntui.app.widgets.links import (
    BRAILLE,
    LEVEL,
    LEVEL_DASHED,
    RANK_NEURON,
    RANK_PLAIN,
    RANK_WEIGHT,
    draw_links,
    nearest_link,
)
from nntui.core.shape import fresh_network
from nntui.document.selection import Selection


def _drawn(chars: np.ndarray) -> np.ndarray:
    return chars != " "


def _dots(chars: np.ndarray) -> int:
    """How many Braille dots (a level line's cell counts as two)."""
    total = 0
    for char in chars.ravel():
        if char in (LEVEL, LEVEL_DASHED):
            total += 2
        elif char != " ":
            total += bin(ord(char) - BRAILLE).count("1")
    return total


def _one(weight: float, source: int, target: int, width: int = 12, height: int = 8):
    return draw_links(
        np.array([source]), np.array([target]), np.array([[weight]]), np.zeros((1, 1), dtype=np.int64), width, height
    )


def test_a_level_positive_link_is_a_solid_box_drawing_line_on_its_row() -> None:
    picture = _one(2.0, 3, 3)
    assert "".join(picture.chars[3]) == LEVEL * 12
    assert (picture.owner[3] == 0).all()
    assert not _drawn(np.delete(picture.chars, 3, axis=0)).any()


def test_a_negative_link_is_dashed_so_its_sign_reads_without_colour() -> None:
    row = "".join(_one(-2.0, 3, 3).chars[3])
    assert LEVEL_DASHED in row and " " in row.strip()  # dashes with gaps
    assert LEVEL not in row


def test_a_zero_weight_is_faint_fewer_dots_than_any_other() -> None:
    solid, dashed, zero = (_dots(_one(w, 0, 7, 12, 8).chars) for w in (1.0, -1.0, 0.0))
    assert zero < dashed < solid


def test_a_sloped_link_is_continuous_from_its_source_row_to_its_target_row() -> None:
    picture = _one(1.0, 0, 7, width=10, height=8)
    rows = np.flatnonzero(_drawn(picture.chars).any(axis=1))
    assert rows.tolist() == list(range(8))  # no row skipped on the way down
    assert _drawn(picture.chars[0, :2]).any() and _drawn(picture.chars[7, -2:]).any()
    assert all(BRAILLE <= ord(c) < BRAILLE + 256 for c in picture.chars[_drawn(picture.chars)])


def test_where_links_cross_the_cell_belongs_to_the_selected_weight_then_the_largest() -> None:
    # Two links crossing in an X: source 0 → target 1 (row 7) and source 1 (row 7) → target 0.
    weights = np.array([[1.0, 0.5], [0.2, 0.9]])  # (targets, sources); links are target*2 + source
    sources, targets = np.array([0, 7]), np.array([0, 7])
    down, up = 2, 1  # (target 1, source 0), |w| 0.2; (target 0, source 1), |w| 0.5
    alone = []
    for link in (down, up, 0, 3):  # the cells each link passes (the others at 0 draw fewer dots, and lose)
        only = np.zeros_like(weights)
        only.flat[link] = weights.flat[link]
        alone.append(draw_links(sources, targets, only, np.zeros((2, 2), dtype=np.int64), 10, 8).owner == link)
    both = alone[0] & alone[1] & ~alone[2] & ~alone[3]  # where only the X's two lines pass
    assert both.any()
    plain = np.full((2, 2), RANK_PLAIN)
    assert set(draw_links(sources, targets, weights, plain, 10, 8).owner[both]) == {up}  # the larger |w|
    ranks = plain.copy()
    ranks[1, 0] = RANK_WEIGHT
    assert set(draw_links(sources, targets, weights, ranks, 10, 8).owner[both]) == {down}  # the selected


def test_a_line_is_given_as_runs_of_one_owner() -> None:
    weights = np.array([[1.0, -1.0]])
    picture = draw_links(np.array([0, 4]), np.array([2]), weights, np.full((1, 2), RANK_NEURON), 8, 5)
    for y in range(5):
        runs = picture.line(y)
        assert "".join(text for text, _ in runs) == "".join(picture.chars[y])
        assert all(a[1] != b[1] for a, b in itertools.pairwise(runs))


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf, 1e308])
def test_numbers_that_are_not_finite_still_draw(bad: float) -> None:
    picture = _one(bad, 1, 6)
    assert _drawn(picture.chars).any()


def test_empty_or_tiny_gaps_draw_nothing_and_do_not_fail() -> None:
    for width, height in ((0, 5), (5, 0), (1, 1)):
        picture = _one(1.0, 0, 0, width, height)
        assert picture.chars.shape == (height, width)


def test_the_link_nearest_a_click_is_found() -> None:
    sources, targets = np.array([0, 10]), np.array([0, 10])
    assert nearest_link(sources, targets, 20, 1, 0) == (0, 0)  # level line at the top
    assert nearest_link(sources, targets, 20, 18, 1) == (0, 1)  # 10 → 0 near its end
    assert nearest_link(sources, targets, 20, 2, 10) == (1, 1)


@pytest.mark.parametrize("seed", range(6))
def test_a_gap_shown_again_after_training_steps_looks_as_one_drawn_afresh(seed: int) -> None:
    """The gap keeps its picture while the signs and the order of the links stay: what it shows
    must be what a new gap draws from the same weights, step after step."""
    rng = np.random.default_rng(seed)
    network = fresh_network([4, 5, 1], rng)
    selection = Selection(1, int(rng.integers(5)), int(rng.integers(4)))
    sources, targets = (2, 7, 12, 17), (1, 5, 9, 13, 17)
    kept = LinkGap()
    for step in range(30):
        layer = network.layers[0]
        layer.weights = layer.weights + rng.normal(scale=0.02 if step % 7 else 0.5, size=layer.weights.shape)
        if step == 11:
            layer.weights[0, 0] = np.nan
        kept.show(network, 0, selection, sources, targets, 24, 20)
        fresh = LinkGap()
        fresh.show(network, 0, selection, sources, targets, 24, 20)
        assert [kept.line(y) for y in range(20)] == [fresh.line(y) for y in range(20)], f"step {step}"
