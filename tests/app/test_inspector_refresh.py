"""The inspector draws again only what changed: the rows whose numbers moved, nothing when its text stayed."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.strip import Strip

from nntui.app.widgets.inspector import Inspector

from .helpers import preset_app, repaints, widget_text


def _drawn(inspector: Inspector) -> list[Strip]:
    size = inspector.outer_size
    return inspector.render_lines(Region(0, 0, size.width, size.height))


async def test_a_change_that_leaves_the_inspectors_text_as_it_was_does_not_draw_it_again() -> None:
    app = preset_app("xor")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        inspector = app.query_one(Inspector)
        before, step = widget_text(inspector), app.document.step
        refreshed = repaints(inspector)
        await pilot.press("asterisk")  # a larger step for + and -: the screen's views are shown again
        await pilot.pause()
        assert app.document.step > step
        assert widget_text(inspector) == before
        assert refreshed == [], refreshed


@pytest.mark.parametrize(
    "keys,rows",
    [
        ((), {"value x"}),  # an input: its value
        (("plus", "right", "down"), {"▶ x1", "z = "}),  # x1 = 0.1, a hidden neuron: its weight from x1 and z
    ],
    ids=["input", "neuron"],
)
async def test_a_change_of_its_numbers_draws_their_rows_alone_as_a_whole_redraw_would(
    keys: tuple[str, ...], rows: set[str]
) -> None:
    app = preset_app("xor")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        inspector = app.query_one(Inspector)
        before = widget_text(inspector).splitlines()[1:]  # under the border's top
        refreshed = repaints(inspector)
        await pilot.press("plus")
        await pilot.pause()
        after, refreshed = _drawn(inspector), list(refreshed)  # the change's, not the refresh below
        inspector.refresh()  # every row drawn again from what it says
        assert after == _drawn(inspector)
        changed = {y for y, (old, new) in enumerate(zip(before, widget_text(inspector).splitlines()[1:])) if old != new}
        assert {y for region in refreshed for y in range(region.y, region.bottom)} == changed
        assert all(region.height == 1 for region in refreshed)
        texts = [before[y] for y in sorted(changed)]
        assert all(any(word in text for text in texts) for word in rows), texts
