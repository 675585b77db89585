"""Where the network goes on screen (pure Python, no Textual)."""

from __future__ import annotations

import itertools

import pytest

from nntui.app.widgets.graph_layout import (
    GAP_MAX,
    LINK_LIMIT,
    MAX_SLOT,
    column_width,
    plan,
    spread_rows,
)


def _total(plans, sizes):
    after = [*sizes[1:], None]
    return sum(column_width(p, n) for p, n in zip(plans, after))


def test_potatoes_shows_full_names_spread_over_the_height_with_links() -> None:
    sizes, names = [3, 1], [23, 15]  # "saxophone in the street", "potatoes baking"
    plans = plan(sizes, names, 118, 22)
    assert [p.parts.name for p in plans] == names
    assert all(p.parts.value and p.parts.bar for p in plans)
    assert plans[0].links == GAP_MAX and plans[1].links == 0
    assert plans[0].rows is not None and plans[1].rows is not None
    inputs, output = plans[0].rows, plans[1].rows
    assert inputs == tuple(sorted(inputs)) and inputs[0] >= 0 and inputs[-1] < 22
    assert output[0] == inputs[1]  # the output in the middle, level with the middle input
    assert _total(plans, sizes) <= 118


@pytest.mark.parametrize("training, lines", [(False, 22), (True, 12)])
def test_tensorflow_playgrounds_largest_network_fits_120_columns(training: bool, lines: int) -> None:
    sizes = [2, 8, 8, 8, 8, 8, 8, 1]
    plans = plan(sizes, [2, 4, 4, 4, 4, 4, 4, 1], 118, lines, training=training)
    assert _total(plans, sizes) <= 118
    assert all(p.links > 0 for p in plans[:-1])  # every gap drawn as links
    assert all(p.rows is not None for p in plans)
    assert all(8 * p.row_height <= lines for p in plans)


def test_the_heatmaps_take_as_many_lines_as_the_height_allows() -> None:
    sizes = [2, 4, 4, 1]
    assert {p.row_height for p in plan(sizes, [2] * 4, 118, 22, training=True)} == {3}
    assert {p.row_height for p in plan(sizes, [2] * 4, 118, 10, training=True)} == {2}
    assert {p.row_height for p in plan(sizes, [2] * 4, 118, 5, training=True)} == {1}


def test_large_layers_are_lists_with_a_matrix_and_small_ones_stay_spread() -> None:
    sizes = [784, 128, 10]
    plans = plan(sizes, [4, 4, 3], 118, 17)
    assert plans[0].rows is None and plans[1].rows is None and plans[2].rows is not None
    assert all(p.links == 0 for p in plans)  # matrix strips


def test_a_layer_over_the_link_limit_gets_a_matrix_on_both_sides() -> None:
    sizes = [2, LINK_LIMIT + 1, 1]
    plans = plan(sizes, [2, 3, 1], 118, 40)
    assert [p.links for p in plans] == [0, 0, 0]
    sizes = [2, LINK_LIMIT, 1]
    assert all(p.links > 0 for p in plan(sizes, [2, 3, 1], 118, 40)[:-1])


def test_a_column_too_tall_for_the_height_is_a_list_and_its_gaps_a_matrix() -> None:
    plans = plan([2, 12, 1], [2, 3, 1], 118, 10)
    assert plans[1].rows is None
    assert plans[0].links == 0 and plans[1].links == 0


def test_names_are_shortened_only_when_the_full_ones_do_not_fit() -> None:
    sizes, names = [3, 1], [23, 15]
    wide = plan(sizes, names, 118, 22)
    narrow = plan(sizes, names, 60, 22)
    assert wide[0].parts.name == 23
    assert narrow[0].parts.name < 23 and _total(narrow, sizes) <= 60


def test_a_network_too_wide_for_the_screen_takes_the_smallest_nodes_and_scrolls() -> None:
    sizes = [2] + [8] * 12 + [1]
    plans = plan(sizes, [2] * len(sizes), 118, 22)
    assert all(not p.parts.bar and not p.parts.name for p in plans)
    assert _total(plans, sizes) > 118


@pytest.mark.parametrize("count, height, lines", [(1, 1, 1), (3, 1, 22), (8, 3, 24), (16, 1, 16), (5, 2, 40)])
def test_spread_rows_are_centred_apart_and_inside(count: int, height: int, lines: int) -> None:
    rows = spread_rows(count, height, lines)
    assert rows is not None and len(rows) == count
    assert rows[0] >= 0 and rows[-1] + height <= lines
    assert all(b - a >= height for a, b in itertools.pairwise(rows))
    assert all(b - a <= MAX_SLOT + 1 for a, b in itertools.pairwise(rows))
    above, below = rows[0], lines - rows[-1] - height
    assert abs(above - below) <= 2 + (lines - count * MAX_SLOT > 0)


def test_rows_that_do_not_fit_are_not_spread() -> None:
    assert spread_rows(9, 3, 24) is None
    assert spread_rows(0, 1, 10) is None
