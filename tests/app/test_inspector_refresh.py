"""The inspector is drawn again only when what it says changes: each redraw repaints the whole panel."""

from __future__ import annotations

from nntui.app.widgets.inspector import Inspector

from .helpers import preset_app, repaints, widget_text


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


async def test_a_change_of_the_inspectors_numbers_draws_them() -> None:
    app = preset_app("xor")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        inspector = app.query_one(Inspector)
        before = widget_text(inspector)
        refreshed = repaints(inspector)
        await pilot.press("plus")  # the selected input's value
        await pilot.pause()
        assert refreshed, "the new value was not drawn"
        assert widget_text(inspector) != before
