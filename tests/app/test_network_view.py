"""The network as a picture: links coloured by their weights, a layout that uses the screen.

Read from what the columns draw (the Line API's strips), as a learner sees it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import pytest
from rich.cells import cell_len
from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region
from textual.strip import Strip

from nntui.app.app import NNTuiApp
from nntui.app.palette import NEGATIVE, NEUTRAL, POSITIVE
from nntui.app.widgets.graph_layout import ColumnPlan
from nntui.app.widgets.links import BRAILLE, LEVEL, LEVEL_DASHED
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.app.widgets.network_column import HEADER_LINES, NetworkColumn
from nntui.core.shape import fresh_network

from .helpers import big_network, column_text, preset_app, repaints, selection, widget_text

LINK_CHARS = {LEVEL, LEVEL_DASHED}


def _is_link(char: str) -> bool:
    return char in LINK_CHARS or BRAILLE < ord(char) < BRAILLE + 256


@dataclass(frozen=True)
class Shown:
    """Column ``k`` as the canvas shows it."""

    canvas: NetworkCanvas
    k: int

    @property
    def view(self) -> NetworkColumn:
        return self.canvas.column_view(self.k)

    @property
    def plan(self) -> ColumnPlan:
        return self.view.plan

    @property
    def neuron_width(self) -> int:
        return self.view.neuron_width

    @property
    def region(self) -> Region:
        return self.canvas.column_region(self.k)


def _column(app: NNTuiApp, k: int) -> Shown:
    return Shown(app.query_one(NetworkCanvas), k)


def _cells(view: Shown, y: int) -> list[tuple[str, Segment]]:
    """Line ``y`` of a column as (character, its segment), one per cell, as the canvas draws it."""
    canvas, region = view.canvas, view.region
    x = region.x - canvas.scrollable_content_region.x
    strip = canvas.render_line(y).crop(x, x + view.view.width)
    return [(char, segment) for segment in strip for char in segment.text]


def _link_colours(view: Shown, row: int, reach: int = 12) -> list[tuple[int, int, int]]:
    """The colours of the link cells near the start of the links leaving body line ``row``:
    the first ``reach`` cells of the gap, on that line and the lines above and below it."""
    colours = []
    for line in (row - 1, row, row + 1):
        cells = _cells(view, HEADER_LINES + line)[view.neuron_width : view.neuron_width + reach]
        colours += [_rgb(segment.style.color) for char, segment in cells if _is_link(char)]
    return colours


def _rgb(colour: Color | None) -> tuple[int, int, int]:
    assert colour is not None
    triplet = colour.get_truecolor()
    return triplet.red, triplet.green, triplet.blue


def _strength(rgb: tuple[int, int, int], towards: tuple[int, int, int] = POSITIVE) -> float:
    """How far a colour is from the neutral grey towards ``towards`` (0 … 1)."""
    span = np.subtract(towards, NEUTRAL)
    return float(np.dot(np.subtract(rgb, NEUTRAL), span) / np.dot(span, span))


def _gap_text(view: Shown, body_line: int) -> str:
    return "".join(char for char, _ in _cells(view, HEADER_LINES + body_line)[view.neuron_width :])


async def test_potatoes_shows_three_links_coloured_by_the_weights_3_2_5_and_0_1() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = _column(app, 0)
        rows = view.plan.rows
        assert rows is not None and len(rows) == 3 and view.plan.links > 0
        strengths = []
        for row, label in zip(rows, ("+3.000", "+2.500", "+0.100")):
            assert _gap_text(view, row).startswith(label)  # each link carries its weight
            colours = _link_colours(view, row)
            assert colours, f"no link drawn from row {row}"
            strengths.append(_strength(colours[0]))
        assert strengths[0] > strengths[1] > strengths[2] > 0  # blue, brighter for a larger weight
        # The links reach the output: every line between the rows carries some of them.
        assert all(any(_is_link(c) for c in _gap_text(view, line)) for line in range(rows[0] + 1, rows[-1]))


async def test_pressing_plus_on_a_weight_redraws_its_link_at_once() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "right_square_bracket", "right_square_bracket")  # the saxophone's 0.1
        view = _column(app, 0)
        row = view.plan.rows[2]
        before_text, before = _gap_text(view, row), _strength(_link_colours(view, row)[0])
        await pilot.press(*["plus"] * 15)
        after_text, after = _gap_text(view, row), _strength(_link_colours(view, row)[0])
        assert before_text.startswith("+0.100") and after_text.startswith("+1.600")
        assert after > before


async def test_a_negative_weight_is_orange_and_dashed() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "right_square_bracket", "enter")  # peelings seen: level with the output
        await pilot.press("home", "ctrl+k", *"-3", "enter")
        view = _column(app, 0)
        row = view.plan.rows[1]
        colour = _link_colours(view, row)[0]
        assert _strength(colour, NEGATIVE) > 0.9 and _strength(colour, POSITIVE) < 0.5
        line = _gap_text(view, row)[7:-4]  # after its value, before the end where the links meet
        assert LEVEL_DASHED in line and LEVEL not in line
        assert " " in line.strip()  # gaps between the dashes: the sign reads without colour


async def test_clicking_a_link_selects_its_weight() -> None:
    app = preset_app("xor")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = _column(app, 0)
        sources, targets, gap = view.plan.rows, _column(app, 1).plan.rows, view.plan.links
        # x1 → h2: from the first input's row down to the second hidden neuron's.
        x = gap // 4  # a quarter of the way: clear of where it crosses x2 → h1
        y = round(sources[0] + (targets[1] - sources[0]) * (x + 0.5) / gap)
        at = view.region
        await pilot.click(offset=(at.x + view.neuron_width + x, at.y + HEADER_LINES + y))
        await pilot.pause()
        assert (selection(app).column, selection(app).neuron, selection(app).param) == (1, 1, 0)


async def test_the_selected_weights_link_carries_its_value() -> None:
    app = preset_app("xor")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "down", "right_square_bracket")  # h2's weight from x2: -20
        view = _column(app, 0)
        lines = [_gap_text(view, y) for y in range(view.plan.rows[-1] + 1)]
        assert sum("-20.00" in line for line in lines) == 1


async def test_names_are_shown_whole_when_they_fit() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        network = app.query_one(NetworkCanvas)
        assert "saxophone in the street" in column_text(network, 0)
        assert "potatoes baking" in column_text(network, 1)


def _file_app(sizes: list[int]) -> NNTuiApp:
    return NNTuiApp(fresh_network(sizes, np.random.default_rng(0)))


def _shown_whole(app: NNTuiApp, column: int) -> bool:
    network = app.query_one(NetworkCanvas)
    return network.scrollable_content_region.contains_region(network.column_region(column))


@pytest.mark.parametrize("sizes", [[2, 8, 8, 8, 8, 8, 8, 1], [2, 4, 4, 1]], ids=["2-8x6-1", "2-4-4-1"])
@pytest.mark.parametrize("training", [False, True], ids=["playground", "training view"])
async def test_networks_up_to_tensorflow_playgrounds_largest_fit_120_by_36(sizes: list[int], training: bool) -> None:
    app = _file_app(sizes)
    async with app.run_test(size=(120, 36)) as pilot:
        if training:
            await pilot.press("ctrl+t")
        await pilot.pause()
        network = app.query_one(NetworkCanvas)
        assert network.max_scroll_x == 0
        assert all(_shown_whole(app, k) for k in range(len(sizes)))
        assert all(network.column_view(k).plan.links > 0 for k in range(len(sizes) - 1))
        if training:
            assert network.maps is not None  # the heatmaps sit in the nodes


async def test_a_wider_network_scrolls_sideways_and_keeps_the_selection_in_sight() -> None:
    sizes = [2] + [8] * 12 + [1]
    app = _file_app(sizes)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        network = app.query_one(NetworkCanvas)
        assert network.max_scroll_x > 0
        for column in range(1, len(sizes)):
            await pilot.press("right")
            assert selection(app).column == column
            assert _shown_whole(app, column), f"column {column} out of sight"
        assert network.scroll_x > 0


async def test_large_layers_keep_a_matrix_and_the_header_says_so() -> None:
    app = NNTuiApp(big_network())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        network = app.query_one(NetworkCanvas)
        assert "matrix" in column_text(network, 0)
        assert network.column_view(0).plan.links == 0
        await pilot.press(*["pagedown"] * 20)  # row 200 of 784
        assert selection(app).neuron == 200
        assert "▶" in column_text(network, 0)  # scrolled to the selection


async def test_the_links_header_says_which_view_is_shown() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        header = column_text(app.query_one(NetworkCanvas), 0).splitlines()[:2]
        assert "→ output" in header[0] and "links, |w| up to 3" in header[1]


async def test_a_resize_lays_the_network_out_again() -> None:
    app = _file_app([2, 8, 8, 1])
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        wide = app.query_one(NetworkCanvas).column_view(0).plan
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        narrow = app.query_one(NetworkCanvas).column_view(0).plan
        assert narrow.links < wide.links
        assert all(_shown_whole(app, k) for k in range(4))


async def test_the_inspector_shows_whole_names_apart_from_their_numbers() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right")  # the output: one row per input
        text = widget_text(app.query_one("#inspector"))
        assert "saxophone in the street +1.000 × +0.100" in text
        assert "peelings seen " in text and "peelings seen+" not in text


def _drawn_now(canvas: NetworkCanvas) -> list[str]:
    """What the canvas shows now: its lines as cached since the last repaint, styles included."""
    size = canvas.size
    return [str(list(strip)) for strip in canvas.render_lines(Region(0, 0, size.width, size.height))]


@pytest.mark.slow  # 11–13 s: every key of a walk, each line checked against a fresh render
@pytest.mark.parametrize(
    "make", [lambda: preset_app("layers"), lambda: NNTuiApp(big_network())], ids=["layers", "784-128-10"]
)
async def test_only_changed_lines_are_repainted_and_none_is_left_stale(make) -> None:
    """Edits repaint a few lines of each column: what it shows always equals a full repaint."""
    app = make()
    rng = np.random.default_rng(3)
    keys = ["plus", "minus", "right", "left", "down", "up", "right_square_bracket", "pagedown", "z", "r", "u"]
    async with app.run_test(size=(120, 36)) as pilot:
        for key in rng.choice(keys, size=60):
            await pilot.press(str(key))
            canvas = app.query_one(NetworkCanvas)
            shown = _drawn_now(canvas)
            canvas.refresh()  # everything drawn again from the state
            assert _drawn_now(canvas) == shown, f"stale after {key!r}"


async def test_a_column_drawn_after_its_layer_went_and_before_the_view_knows_is_blank() -> None:
    # Seen in a random walk: the document's network lost a layer (changed in place), and the
    # compositor drew the last column before the network view removed it.
    app = NNTuiApp(fresh_network([2, 3, 3, 1], np.random.default_rng(0)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        canvas = app.query_one(NetworkCanvas)
        assert "output" in column_text(canvas, 3)
        network = app.document.network
        network.layers = network.layers[:1] + network.layers[2:]  # what Reshape does, in place
        assert column_text(canvas, 3).strip() == ""


async def test_a_column_drawn_after_it_lost_a_named_neuron_and_before_the_view_knows_is_blank() -> None:
    app = preset_app("xor")  # named hidden neurons h1, h2
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        canvas = app.query_one(NetworkCanvas)
        assert "h2" in column_text(canvas, 1)
        layer = app.document.network.layers[0]
        layer.weights, layer.bias, layer.neuron_names = layer.weights[:1], layer.bias[:1], ["h1"]
        lines = canvas.column_lines(1)
        assert "".join(lines).strip() == ""


async def test_the_mouse_wheel_scrolls_a_list_column_alone() -> None:
    app = NNTuiApp(big_network())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        canvas = app.query_one(NetworkCanvas)
        inputs, hidden = canvas.column_region(0), canvas.column_region(1)
        assert "x1 " in column_text(canvas, 0)
        hidden_before = column_text(canvas, 1)
        for _ in range(5):
            _wheel(canvas, inputs.x + 3, inputs.y + 10, down=True)
        await pilot.pause()
        text = column_text(canvas, 0)
        assert "x1 " not in text and "x11 " in text  # 5 turns of 2 lines
        assert column_text(canvas, 1) == hidden_before  # the hidden layer's list stays where it was
        _wheel(canvas, hidden.x + 3, hidden.y + 10, down=False)  # already at its top
        _wheel(canvas, inputs.x + 3, inputs.y + 10, down=False)
        await pilot.pause()
        assert "x9 " in column_text(canvas, 0) and "x8 " not in column_text(canvas, 0)
        assert column_text(canvas, 1) == hidden_before


def _wheel(canvas: NetworkCanvas, x: int, y: int, *, down: bool) -> None:
    """One turn of the mouse wheel at screen cell (x, y), as the terminal driver sends it."""
    kind = events.MouseScrollDown if down else events.MouseScrollUp
    region = canvas.region
    canvas.post_message(
        kind(canvas, x - region.x, y - region.y, 0, 1 if down else -1, 0, False, False, False, screen_x=x, screen_y=y)
    )


async def test_a_list_column_scrolls_to_where_its_scrollbar_is_clicked() -> None:
    app = NNTuiApp(big_network())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        canvas = app.query_one(NetworkCanvas)
        inputs = canvas.column_region(0)
        bar_x = inputs.right - 1  # the list's own scrollbar, its last cell
        await pilot.click(offset=(bar_x, inputs.bottom - 1))  # the bottom of the track
        assert "x784 " in column_text(canvas, 0)
        assert selection(app).column == 0 and selection(app).neuron == 0  # a scrollbar selects nothing
        await pilot.click(offset=(bar_x, inputs.y + HEADER_LINES))  # the top of the track
        assert "x1 " in column_text(canvas, 0)


@pytest.mark.parametrize(
    "make", [lambda: preset_app("potatoes"), lambda: NNTuiApp(big_network())], ids=["potatoes", "784"]
)
async def test_an_edit_repaints_a_few_lines_of_the_columns_it_changed(make) -> None:
    app = make()
    async with app.run_test(size=(140, 44)) as pilot:
        await pilot.press("right")  # the first weight of the next layer
        await pilot.press("plus", "plus", "plus")  # 784-128-10: the weight is the largest, 0.276 (scale 0.5)
        await pilot.pause()
        canvas = app.query_one(NetworkCanvas)
        whole = Region(0, 0, canvas.size.width, canvas.size.height)
        refreshed = repaints(canvas)  # a refresh without regions counts as the whole widget
        await pilot.press("plus")  # 0.376: the matrix keeps its scale, one cell of it changes
        await pilot.pause()
        assert refreshed, "the edit was not drawn"
        cells = sum(region.area for region in refreshed)
        assert cells < whole.area / 4, f"{cells} of {whole.area} cells repainted: {refreshed}"
        assert all(region.width < whole.width for region in refreshed)  # the columns changed, not lines across


async def test_an_edit_draws_no_header_line_again_and_a_move_draws_only_the_titles_that_change() -> None:
    app = preset_app("xor")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        canvas = app.query_one(NetworkCanvas)
        refreshed = repaints(canvas)
        await pilot.press("plus")  # an input's value: the titles and the links' scale stay as they were
        await pilot.pause()
        assert refreshed, "the edit was not drawn"
        assert all(region.y >= HEADER_LINES for region in refreshed), refreshed
        refreshed.clear()
        await pilot.press("right")  # the selected title moves from the inputs to hidden 1
        await pilot.pause()
        titles = [region for region in refreshed if region.y < HEADER_LINES and region.height == 1]
        left = canvas.scrollable_content_region.x
        assert [region.y for region in titles] == [0], titles  # the title line, once: not the subtitles
        (title,) = titles
        assert title.x == canvas.column_region(0).x - left  # from the inputs' title ...
        assert canvas.column_region(1).x - left < title.right <= canvas.column_region(2).x - left  # ... to hidden 1's


def _strip_cells(strip: Strip) -> list[tuple[str, Style | None]]:
    return [(character, segment.style) for segment in strip for character in segment.text]


@pytest.mark.parametrize("preset,keys", [("digits", ("c", "down", "right", "space")), ("xor", ("plus",))])
async def test_an_edit_sends_the_cells_that_changed_and_every_one_of_them(preset: str, keys: tuple[str, ...]) -> None:
    """A number that changed on a line of links repaints the number, not the line's links; a line
    is refreshed once, from its first changed cell to its last (Textual sends a refreshed region
    from the canvas's left edge: two on a line would send the cells left of the first twice); and
    the lines kept from before plus the cells repainted are the screen drawn anew."""
    app = preset_app(preset)
    async with app.run_test(size=(140, 44)) as pilot:
        await pilot.press(*keys[:-1])
        await pilot.pause()
        canvas = app.query_one(NetworkCanvas)
        height = canvas.size.height
        before = [_strip_cells(canvas.render_line(y)) for y in range(height)]
        refreshed = repaints(canvas)
        await pilot.press(keys[-1])
        await pilot.pause()
        kept = [_strip_cells(canvas.render_line(y)) for y in range(height)]
        refreshed = list(refreshed)  # the edit's, not the refresh below
        canvas.refresh()  # forget every line: the screen drawn from the state
        fresh = [_strip_cells(canvas.render_line(y)) for y in range(height)]
        assert kept == fresh
        changed = {(x, y) for y in range(height) for x, cell in enumerate(fresh[y]) if before[y][x : x + 1] != [cell]}
        assert changed, "the edit changed nothing on the canvas"
        covered = {
            (x, y)
            for region in refreshed
            for y in range(region.y, region.bottom)
            for x in range(region.x, region.right)
        }
        assert changed <= covered, sorted(changed - covered)[:10]
        lines = {y for _, y in changed}
        spans = {y: (min(x for x, at in changed if at == y), max(x for x, at in changed if at == y) + 1) for y in lines}
        assert sorted((region.y, region.x, region.right) for region in refreshed) == [
            (y, *spans[y]) for y in sorted(lines)
        ]


def _layers(count: int) -> NNTuiApp:
    return NNTuiApp(fresh_network([2, *[3] * count, 1], np.random.default_rng(0)))


@pytest.mark.parametrize(
    "app,size,keys",
    [
        (lambda: preset_app("digits"), (140, 44), ("right", "right", "down")),
        (lambda: preset_app("xor"), (200, 60), ("right", "down")),  # narrower than the canvas: centred
        (lambda: _layers(40), (120, 36), ("right",) * 20),  # layers left out on both sides, scrolled
    ],
    ids=["digits", "centred", "layers-left-out"],
)
async def test_every_line_is_as_wide_as_its_strip_says(
    app: Callable[[], NNTuiApp], size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    """A line's width is given to Textual, not measured: it must be the width of its cells."""
    async with app().run_test(size=size) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        canvas = pilot.app.query_one(NetworkCanvas)
        width = canvas.scrollable_content_region.width
        texts = []
        for x in sorted({0, canvas.max_scroll_x}):  # the line's start and its end in sight
            canvas.scroll_to(x=x, animate=False, immediate=True)
            for y in range(canvas.size.height):
                strip = canvas.render_line(y)
                assert (strip.cell_length, sum(cell_len(text) for text, _, _ in strip)) == (width, width), (x, y)
                texts.append(strip.text)
        assert any("more layers ▶" in text for text in texts) == (len(keys) == 20)


@pytest.mark.parametrize("preset", ["digits", "xor"])
async def test_neighbouring_cells_in_one_style_are_one_segment(preset: str) -> None:
    """The terminal is sent a style once for a run of cells in it, across columns too."""
    async with preset_app(preset).run_test(size=(140, 44)) as pilot:
        await pilot.press("right", "down")
        await pilot.pause()
        canvas = pilot.app.query_one(NetworkCanvas)
        for y in range(canvas.size.height):
            styles = [style for _, style, _ in canvas.render_line(y)]
            assert all(a != b for a, b in pairwise(styles)), y
