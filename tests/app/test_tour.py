"""The guided tour can be followed to its end with the keyboard alone."""

from __future__ import annotations

import pytest

from nntui.app.controllers.tour import HIGHLIGHT, STEPS
from nntui.app.screens.quit_prompt import QuitPrompt
from nntui.app.widgets.tour_panel import TourPanel
from nntui.i18n import set_language, t

from .helpers import play_for, preset_app, widget_text


def _step(message: str) -> int:
    """The index of the tour's step that says ``message``."""
    return next(n for n, step in enumerate(STEPS) if step.message == message)


async def _start_at(pilot, first: int) -> None:
    """The tour started, then at step ``first`` (the steps before it are other tests')."""
    await pilot.press("t")
    pilot.app.playground.tour._begin_step(first)
    await pilot.pause()


SIZE = (120, 36)

# What a learner presses to finish each step, as the step's own words ask.
ANSWERS = [
    ["right"],
    ["right_square_bracket", "right_square_bracket"],
    ["plus"] * 4,
    ["right_square_bracket", "right_square_bracket", *["minus"] * 10],
    ["a"],
    ["T"],
    ["b", "B", "b"],
    ["right"],
    ["right", "right"],
    ["left", "left", "left", "plus"],
]


@pytest.mark.slow
async def test_the_tour_can_be_followed_to_its_end() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert app.playground.tour.step == 0 and app.document.preset == "potatoes"  # the tour brings its example
        panel = app.query_one(TourPanel)
        for index, keys in enumerate(ANSWERS):
            step = STEPS[index]
            assert app.playground.tour.step == index
            assert t(step.message)[:40] in widget_text(panel).replace("\n", " ")
            assert app.query_one(step.target).has_class(HIGHLIGHT)
            await pilot.press(*keys)
        # Then the training chapter (its own test below), which ends the tour.
        assert STEPS[app.playground.tour.step].message == "app.tour.train_view"
        assert app.document.preset == "layers"
        await pilot.press("t")  # closes it
        assert app.playground.tour.step is None
        assert not panel.display and not app.query(f".{HIGHLIGHT}")


async def test_a_step_waits_until_the_learner_does_the_thing() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "down", "plus", "minus")
        assert app.playground.tour.step == 0  # still waiting for →
        await pilot.press("right")
        assert app.playground.tour.step == 1


async def test_the_gradient_step_waits_until_b_has_shown_a_step_and_is_closed() -> None:
    """Pressing b used to move on at once, to another network: the learner never saw δ nor tried B."""
    gradient = _step("app.tour.gradient")
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        app.playground.tour._begin_step(gradient)  # the steps before are the test above's
        await pilot.press("right", "b")
        assert app.playground.tour.step == gradient and "δ" in widget_text(app.query_one("#backward"))
        await pilot.press("b", "b")  # closed and opened again without a step: still here
        assert app.playground.tour.step == gradient
        await pilot.press("B")
        assert app.playground.tour.step == gradient and app.document.preset == "potatoes"  # the step's numbers stay
        assert "→" in widget_text(app.query_one("#backward"))
        await pilot.press("b")
        assert app.playground.tour.step == gradient + 1 and app.document.preset == "layers"


async def test_the_tour_asks_before_leaving_unsaved_work() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "t")
        assert isinstance(app.screen, QuitPrompt)
        await pilot.press("escape")
        assert app.playground.tour.step is None and app.document.preset == "xor" and app.document.history.modified


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_the_training_chapter_plays_turns_on_a_feature_and_reads_the_test_score(lang: str) -> None:
    set_language(lang)
    first = _step("app.tour.train_view")
    app = preset_app("layers")
    async with app.run_test(size=SIZE) as pilot:
        await _start_at(pilot, first)
        panel = app.query_one(TourPanel)
        assert t("app.tour.train_view")[:30] in widget_text(panel).replace("\n", " ")
        await pilot.press("ctrl+t")
        assert app.playground.tour.step == first  # the layers network does not fit the data yet
        await pilot.press("x")
        assert app.playground.tour.step == first + 1
        await play_for(pilot, 200)
        assert app.playground.tour.step == first + 2
        await pilot.press(*["tab"] * 5, "right", "right", "enter")  # the input features: x1²
        await pilot.pause()
        assert app.playground.tour.step == first + 3, app.focused
        await play_for(pilot, 200)
        assert STEPS[app.playground.tour.step].message == "app.tour.digits_draw"  # the pictures' chapter
        assert app.document.training.history[-1].test.accuracy is not None  # the score the step speaks of


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_the_digits_chapter_draws_selects_trains_and_loads_a_mistake(lang: str) -> None:
    set_language(lang)
    first = _step("app.tour.digits_draw")
    app = preset_app("layers")
    async with app.run_test(size=SIZE) as pilot:
        await _start_at(pilot, first)
        assert app.document.preset == "digits" and app.document.training.settings.dataset == "digits"
        assert t("app.tour.digits_draw")[:30] in widget_text(app.query_one(TourPanel)).replace("\n", " ")
        await pilot.press("c", "right", "right", "right")
        for _ in range(5):  # a stroke down the middle, five pixels: not yet a picture of one's own
            await pilot.press("down", "space", "space")
        assert app.playground.tour.step == first
        await pilot.press("down", "space", "space")
        assert app.playground.tour.step == first + 1
        await pilot.press(*["right"] * 5)  # past the picture's right edge: a hidden neuron
        assert app.playground.tour.step == first + 2
        await pilot.press("ctrl+t")
        await play_for(pilot, 300)
        assert app.playground.tour.step == first + 3
        await pilot.press("right_square_bracket", "i")  # the first test image read wrong, into the picture
        assert app.playground.tour.step == len(STEPS) - 1


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_step_of_the_tour_reads_whole(lang: str, size: tuple[int, int]) -> None:
    set_language(lang)
    app = preset_app("layers")
    async with app.run_test(size=size) as pilot:
        await pilot.press("t")
        for index, step in enumerate(STEPS):
            app.playground.tour._begin_step(index)
            await pilot.pause()
            lines = [line for line in widget_text(app.query_one(TourPanel)).splitlines() if line[:1] not in "┏┗"]
            shown = " ".join(" ".join(line.strip("┃ ").split()) for line in lines)
            assert " ".join(t(step.message).split()) in shown, (step.message, shown)
