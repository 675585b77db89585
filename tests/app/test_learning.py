"""Learning by doing, with the keyboard: the truth table, a challenge solved by typed weights,
the backward pass with real numbers, one gradient step, the loss slice."""

from __future__ import annotations

import re

import numpy as np
from textual.widgets import OptionList

from nntui.app.screens.challenge_chooser import ChallengeChooser
from nntui.app.widgets.backward_panel import BackwardPanel
from nntui.app.widgets.loss_slice_panel import LossSlicePanel
from nntui.app.widgets.truth_table import TruthTablePanel
from nntui.core.backward import backward, gradient_step
from nntui.core.challenges import CHALLENGES
from nntui.document.progress import SolvedStore
from nntui.i18n import t

from .helpers import CLEAR, preset_app, widget_text

SIZE = (140, 44)


async def test_shift_t_shows_the_truth_table_of_the_potatoes_neuron() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        assert not app.query_one(TruthTablePanel).display
        await pilot.press("T")
        panel = app.query_one(TruthTablePanel)
        text = widget_text(panel)
        assert panel.display and "Truth table" in text
        rows = [line for line in text.splitlines() if "│" in line and ("0" in line or "1" in line)]
        assert len(rows) == 8  # herbs × peelings × saxophone, low or high
        assert "herb smell"[:6] in text
        await pilot.press("plus", "plus")  # an input changes: the row under ▶ follows
        await pilot.press("T")
        assert not app.query_one(TruthTablePanel).display


def _and_challenge():
    return next(c for c in CHALLENGES if "and" in c.id and "step" in c.id)


async def test_the_and_challenge_is_solved_by_typed_weights_and_kept(private_state_dir) -> None:
    chosen = _and_challenge()
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, ChallengeChooser)
        app.screen.query_one(OptionList).highlighted = [c.id for c in CHALLENGES].index(chosen.id)
        await pilot.press("enter")
        await pilot.pause()
        assert app.playground.learning.challenge is chosen
        assert app.query_one("#challenge").display and app.query_one(TruthTablePanel).display
        assert not app.playground.learning.solved
        # w1 = 1, w2 = 1, bias = -1.5, each typed with Enter.
        await pilot.press("right")
        for value in ("1", "1", "-1.5"):
            await pilot.press("enter", *CLEAR, *value, "enter", "right_square_bracket")
        await pilot.pause()
        assert app.playground.learning.solved
        assert chosen.id in SolvedStore(private_state_dir).solved()
        assert any(t("app.challenge.solved_title") == n.title for n in app._notifications)
        assert "✓" in widget_text(app.query_one("#challenge"))


async def test_the_next_challenge_after_solving_one_opens_without_asking_to_save(private_state_dir) -> None:
    """The work of a solved challenge is kept as solved: moving on asked to save it."""
    from nntui.app.screens.quit_prompt import QuitPrompt

    chosen = _and_challenge()
    following = CHALLENGES[[c.id for c in CHALLENGES].index(chosen.id) + 1]
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        app.playground.learning.open(chosen.id)
        await pilot.press("right")
        for value in ("1", "1", "-1.5"):
            await pilot.press("enter", *CLEAR, *value, "enter", "right_square_bracket")
        await pilot.pause()
        assert app.playground.learning.solved and app.document.modified
        await pilot.press("g")
        app.screen.query_one(OptionList).highlighted = [c.id for c in CHALLENGES].index(following.id)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, QuitPrompt)
        assert app.playground.learning.challenge is following
        # Unsolved, the work is the learner's: leaving it still asks.
        await pilot.press("plus", "g")
        app.screen.query_one(OptionList).highlighted = [c.id for c in CHALLENGES].index(chosen.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuitPrompt)


async def test_b_shows_each_gradient_as_two_factors_and_their_product() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "b")
        panel = app.query_one(BackwardPanel)
        assert panel.display and not app.query_one("#inspector").display
        network = app.document.network
        x, target = app.playground.learning.sample()
        expected = backward(network, x, target)
        delta, a, g = expected.weight_gradient(0, 0, 0)
        text = widget_text(panel)
        assert "δ" in text and f"{g:+.3f}"[:5] in text.replace(" ", "")
        assert abs(delta * a - g) < 1e-12


async def test_shift_b_moves_every_weight_by_minus_eta_g_in_one_undo_step() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        before = app.document.network.copy()
        x, target = app.playground.learning.sample()
        rate = app.document.training.settings.config.learning_rate
        expected, moves = gradient_step(before, x, target, rate)
        await pilot.press("B")
        assert np.array_equal(app.document.network.layers[0].weights, expected.layers[0].weights)
        for _ref, old, gradient, new in moves:
            assert new == old - rate * gradient
        assert app.query_one(BackwardPanel).display  # the step is shown
        assert "→" in widget_text(app.query_one(BackwardPanel))
        await pilot.press("u")
        assert np.array_equal(app.document.network.layers[0].weights, before.layers[0].weights)


async def test_the_step_shown_is_gone_after_the_next_edit_and_an_edit_without_one_marks_no_view_stale() -> None:
    """The views are derived from every edit anyway: marking them stale for a step not shown would only
    have them derived again, for nothing, after each stroke on a picture."""
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "B")
        learning = app.playground.learning
        assert learning.step_taken is not None
        await pilot.press("plus")
        assert learning.step_taken is None
        assert "→" not in widget_text(app.query_one(BackwardPanel))
        stale: list[None] = []
        marked = learning.views_stale
        learning.views_stale = lambda: (stale.append(None), marked())[1]
        await pilot.press("plus")
        assert stale == []


async def test_shift_l_plots_the_loss_against_the_selected_weight() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")
        assert "Select a weight" in widget_text(app.query_one(LossSlicePanel))
        await pilot.press("right")
        text = widget_text(app.query_one(LossSlicePanel))
        assert "∂L/∂w" in text and "Loss against this weight" in text  # named whole in the status line
        assert "herb smell → potatoes baking" in widget_text(app.query_one("#status"))
        axis = [
            float(line.split()[1])
            for line in text.splitlines()[1:-1]  # the plot's rows: Braille
            if re.match(r"│\s+-?[\d.]+ [\u2800-\u28ff]", line)
        ]
        assert min(axis) >= 0, axis  # a loss is never below 0: nor is its axis


async def test_v_sets_the_low_and_high_values_and_refuses_bad_ones() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", *CLEAR, *"1 0", "enter")
        assert "below the high one" in " ".join(widget_text(app.screen.query_one("#error")).split())
        await pilot.press(*CLEAR, *"-1, 1", "enter")
        await pilot.pause()
        panel = app.query_one(TruthTablePanel)
        assert panel.display and "-1" in widget_text(panel)
        assert (app.playground.learning.low, app.playground.learning.high) == (-1.0, 1.0)


async def test_clicking_a_row_makes_its_inputs_the_sample_in_one_undo_step() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("T")
        panel = app.query_one(TruthTablePanel)
        await pilot.click(panel, offset=(6, 1 + 1 + 6))  # border, header, then row 7: 1 1 0
        assert app.document.network.input_values.tolist() == [1.0, 1.0, 0.0]
        assert "▶" in next(line for line in widget_text(panel).splitlines() if "0.971" in line)
        await pilot.press("u")
        assert app.document.network.input_values.tolist() == [1.0, 0.0, 1.0]


async def test_the_truth_table_and_the_challenge_bar_count_the_same_rows() -> None:
    """Challenge 7 with weights 1, 1 and bias -0.5, then v -1 1: the table said 1/4 right while
    the bar said 3 of 4. A challenge is on inputs 0 and 1: its table keeps them."""
    from nntui.core.edits import ParamRef, SetValue

    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        app.playground.learning.low, app.playground.learning.high = -1.0, 1.0  # chosen before
        app.playground.learning.open("xor_one_neuron")
        await pilot.pause()
        assert (app.playground.learning.low, app.playground.learning.high) == (0.0, 1.0)
        doc = app.document
        for ref, value in (
            (ParamRef.weight(0, 0, 0), 1.0),
            (ParamRef.weight(0, 0, 1), 1.0),
            (ParamRef.bias(0, 0), -0.5),
        ):
            doc.apply(SetValue(ref, ref.get(doc.network), value))
        await pilot.press("v")
        await pilot.pause()
        assert app.screen is app.playground  # no prompt: the notice says why
        assert any("0 and 1" in str(n.message) for n in app._notifications)
        table = " ".join(widget_text(app.query_one(TruthTablePanel)).split())
        bar = " ".join(widget_text(app.query_one("#challenge")).split())
        assert "3/4" in table and "3 of 4" in bar, (table, bar)


async def test_a_challenge_network_given_another_shape_keeps_every_panel_showing() -> None:
    """An input or an output added in a truth-table challenge: its rows no longer fit the
    network. The table shows the outputs without targets, the backward pass takes the
    learner's target, and the bar says which shape the challenge wants (it used to crash)."""
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        app.playground.learning.open("and_step")
        await pilot.press("b", "L")
        await pilot.press("n")  # a third input (the cursor starts on the inputs)
        assert app.document.network.n_inputs == 3
        await pilot.pause()
        table = widget_text(app.query_one(TruthTablePanel))
        assert len([line for line in table.splitlines() if "│" in line and "1" in line]) >= 4, table
        assert "2-1" in widget_text(app.query_one("#challenge"))  # the shape it wants
        assert "δ" in widget_text(app.query_one(BackwardPanel))
        await pilot.press("d", "d")  # one input left: AND has no second one to read
        assert app.document.network.n_inputs == 1
        await pilot.pause()
        assert "δ" in widget_text(app.query_one(BackwardPanel))
        await pilot.press("u", "u", "u", "right", "right", "n")  # back to two inputs, then a second output
        assert app.document.network.sizes[-1] == 2
        await pilot.pause()
        assert "δ" in widget_text(app.query_one(BackwardPanel))
        await pilot.press("B")  # a gradient step towards the learner's target
        assert app.is_running


async def test_the_challenge_bar_follows_the_network_in_the_training_view() -> None:
    """The bar stays on screen in the training view: new weights there are judged at once."""
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        app.playground.learning.open("nand")
        await pilot.press("ctrl+t")
        for _ in range(3):
            await pilot.press("x")  # new random weights: a new count of right rows
            verdict = app.playground.learning.challenge.check(app.document.network)
            assert verdict.detail in widget_text(app.query_one("#challenge")).replace("\n", " ")


async def test_a_training_challenge_opens_on_the_data_it_is_judged_on() -> None:
    """The spiral challenge opened from the potatoes trained on xor, the data the playground had:
    the bar judged the spiral while the training view showed another accuracy."""
    from nntui.core.challenges.checks import spiral_data

    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        app.document.training.change_setting("learning_rate", 0.3)
        app.playground.learning.open("spiral")
        await pilot.pause()
        session = app.document.training
        assert session.settings.dataset == "spiral"
        assert session.settings.config.learning_rate == 0.03  # a challenge starts from the defaults
        np.testing.assert_array_equal(session.dataset.x_test, spiral_data().x_test)
        assert session.compatible() is None
