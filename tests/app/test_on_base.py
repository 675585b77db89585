"""Segments put on a widget's style: each cell's style as Rich would sum it, neighbours in one style one segment."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style

from nntui.app.palette import OnBase, joined

BASE = Style(color="white", bgcolor="#121212")
BLUE, BOLD = Style(color="blue"), Style(bold=True)


def _cells(segments: list[Segment]) -> list[tuple[str, Style | None]]:
    return [(character, style) for text, style, _ in segments for character in text]


def test_each_cell_has_the_style_rich_gives_it_on_the_base() -> None:
    segments = [Segment("▶ ", None), Segment("h1 ", Style()), Segment("+0.50", BLUE), Segment(" ", None)]
    applied, width = OnBase(BASE).apply(segments)
    assert _cells(applied) == _cells(list(Segment.apply_style(segments, BASE)))
    assert width == 11


def test_neighbours_in_the_same_style_are_one_segment_so_the_terminal_is_sent_it_once() -> None:
    on_base = OnBase(BASE)
    applied, _ = on_base.apply([Segment("▶", None), Segment(" h1 ", None), Segment("+0.5", BLUE), Segment("0", BLUE)])
    assert applied == [Segment("▶ h1 ", BASE), Segment("+0.50", BASE + BLUE)]
    applied, _ = on_base.apply([Segment("a", BOLD), Segment("b", BLUE), Segment("c", BOLD)])
    assert [segment.text for segment in applied] == ["a", "b", "c"]  # apart: not one


def test_joined_makes_one_segment_of_neighbours_in_the_same_style() -> None:
    on_base = OnBase(BASE)
    left, _ = on_base.apply([Segment("a", BLUE), Segment(" ", None)])
    right, _ = on_base.apply([Segment("  ", None), Segment("b", BLUE)])
    assert joined(left + right) == [Segment("a", BASE + BLUE), Segment("   ", BASE), Segment("b", BASE + BLUE)]
