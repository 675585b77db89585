"""Which cells of a redrawn line changed: only those are sent to the terminal."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style

from nntui.app.widgets.line_diff import changed_cells

BLUE, ORANGE = Style(color="blue"), Style(color="#ff8800")


def test_the_same_cells_are_no_change_however_the_segments_are_cut() -> None:
    assert changed_cells([Segment("ab", BLUE)], [Segment("ab", BLUE)]) is None
    assert changed_cells([Segment("ab", BLUE)], [Segment("a", BLUE), Segment("b", BLUE)]) is None


def test_the_span_runs_from_the_first_to_the_last_cell_that_changed() -> None:
    old = [Segment("h1 ", None), Segment("0.25", BLUE), Segment(" ⣿⣿⣿", ORANGE)]
    new = [Segment("h1 ", None), Segment("0.75", BLUE), Segment(" ⣿⣿⣿", ORANGE)]
    assert changed_cells(old, new) == (5, 6)  # "0.25" → "0.75": the one digit
    recoloured = [Segment("h1 ", None), Segment("0.25", BLUE), Segment(" ⣿⣿⣿", BLUE)]
    assert changed_cells(old, recoloured) == (7, 11)  # the same text (and its space) in another colour


def test_another_width_changes_every_cell() -> None:
    assert changed_cells([Segment("abc")], [Segment("abcd")]) == (0, 4)


def test_a_wide_character_is_never_cut_in_two() -> None:
    old = [Segment("a"), Segment("日", BLUE), Segment("b")]
    new = [Segment("a"), Segment("日", ORANGE), Segment("b")]
    assert changed_cells(old, new) == (1, 3)
    assert changed_cells([Segment("a日b")], [Segment("a日c")]) == (3, 4)


def test_control_segments_take_no_cell() -> None:
    old = [Segment("ab"), Segment("", None, [(1,)])]  # type: ignore[list-item]
    assert changed_cells(old, [Segment("ax")]) == (1, 2)
