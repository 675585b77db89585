"""The learning panels are readable whole on the terminals newcomers use (80×24 and 120×36),
in English and French: every output of the truth table, and after a gradient step every
gradient as δ × a = ∂L/∂w with its move old → new."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from nntui.app.app import NNTuiApp
from nntui.app.controllers.learning import WHY_AFTER
from nntui.app.widgets.backward_panel import BackwardPanel
from nntui.app.widgets.challenge_bar import ChallengeBar
from nntui.app.widgets.loss_slice_panel import LossSlicePanel
from nntui.app.widgets.truth_table import TruthTablePanel
from nntui.core.challenges import CHALLENGES
from nntui.core.presets import load_preset
from nntui.i18n import set_language, t

from .helpers import preset_app, widget_text

NUMBER = r"[+-]\d+\.\d{3}"
SIZES = [(80, 24), (120, 36)]


def _on_screen(app, widget) -> None:
    assert widget.display
    assert widget.region.width > 0 and widget.region.right <= app.size.width, (widget.region, app.size)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_truth_table_shows_every_output_whole(size: tuple[int, int], lang: str) -> None:
    set_language(lang)
    app = preset_app("potatoes")
    async with app.run_test(size=size) as pilot:
        await pilot.press("T")
        panel = app.query_one(TruthTablePanel)
        _on_screen(app, panel)
        rows = [line for line in widget_text(panel).splitlines() if re.search(rf"│\s+{NUMBER}\s*│$", line)]
        assert len(rows) == 8, widget_text(panel)


@pytest.mark.parametrize("names", [("温度", "湿度"), ("température extérieure", "湿度 relative")])
async def test_wide_characters_in_names_keep_the_truth_tables_columns_straight(names: tuple[str, str]) -> None:
    """A name of wide characters (two cells each) is measured in cells, not characters: every
    line of the table is as wide as the others, and its column as wide as its values."""
    network = load_preset("and")
    network.input_names = list(names)
    app = NNTuiApp(network)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("T")
        panel = app.query_one(TruthTablePanel)
        lines = [line for line in widget_text(panel).splitlines() if line.startswith("│")]
        assert len({cell_len(line) for line in lines}) == 1, "\n".join(lines)
        bars = {tuple(i for i, char in enumerate(_cells(line)) if char == "│") for line in lines}
        assert len(bars) == 1, "\n".join(lines)  # the inputs' │ and the border in the same columns


def _cells(line: str) -> list[str]:
    """The characters of ``line`` one per cell (a wide one, then a stand-in for its second cell)."""
    return [part for char in line for part in ([char, ""] if cell_len(char) == 2 else [char])]


def _gradient_lines(text: str) -> list[str]:
    # "▶ peelings seen -0.246 × +0.000 = +0.000  +2.500 → +2.500", or the bias's "∂L/∂b = …  old → new"
    return [
        line
        for line in text.splitlines()
        if re.search(rf"(× {NUMBER} = {NUMBER}|∂L/∂b = {NUMBER})  {NUMBER} → {NUMBER}\s*│$", line)
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    ("size", "keys"),
    [
        ((80, 24), ["right", "b", "B"]),
        ((120, 36), ["right", "b", "B"]),
        ((120, 36), ["T", "right", "b", "B"]),  # beside the truth table
        ((80, 24), ["T", "right", "b", "B"]),
        ((120, 36), ["T", "right", "b", "L", "B"]),  # beside the truth table and the loss slice
    ],
)
async def test_a_gradient_step_shows_every_factor_and_move_whole(
    size: tuple[int, int], keys: list[str], lang: str
) -> None:
    set_language(lang)
    app = preset_app("potatoes")
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        app.clear_notifications()
        await pilot.pause()
        panel = app.query_one(BackwardPanel)
        _on_screen(app, panel)
        text = widget_text(panel)
        assert len(_gradient_lines(text)) == 4, text  # three weights and the bias
        assert re.search(rf"(target|cible) {NUMBER}", text), text
        assert app.playground.learning.folded == ()  # every panel asked for is there beside it


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_xor_with_one_neuron_says_why_after_the_learner_tries(lang: str) -> None:
    set_language(lang)
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        app.playground.learning.open("xor_one_neuron")
        await pilot.pause()
        await pilot.press("right")
        why = " ".join(t(_challenge("xor_one_neuron").why_impossible).split())
        for _ in range(WHY_AFTER - 1):
            await pilot.press("plus")
        await pilot.pause()
        assert why not in _bar(app)  # the learner tries first
        await pilot.press("plus")
        await pilot.pause()  # the bar grows a line: laid out again
        assert app.playground.learning.edits == WHY_AFTER, app.playground.learning.edits
        assert why in _bar(app)


async def test_the_loss_slice_follows_every_edit() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "L")
        panel = app.query_one(LossSlicePanel)
        before = widget_text(panel)
        assert "+3.000" in before
        await pilot.press("plus")  # the herb smell weight, 3.0 → 3.1
        after = widget_text(panel)
        assert "+3.100" in after and after != before


def _challenge(id: str):
    return next(c for c in CHALLENGES if c.id == id)


def _bar(app) -> str:
    return " ".join(widget_text(app.query_one("#challenge")).split())


async def test_an_edit_after_a_gradient_step_clears_its_moves_at_once() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "b", "B")
        panel = app.query_one(BackwardPanel)
        assert "→" in widget_text(panel)
        await pilot.press("plus")  # by hand now: the old → new of the step are no longer true
        await pilot.pause()
        assert "→" not in widget_text(panel)


def _printed(token: str) -> tuple[float, float]:
    """A number as printed and half a unit of its last digit: what rounding may have moved it."""
    mantissa, _, exponent = token.partition("e")
    decimals = len(mantissa.partition(".")[2])
    unit = 10.0 ** (-decimals + (int(exponent) if exponent else 0))
    return float(token), unit / 2


TOKEN = r"[+-]\d+(?:\.\d+)?(?:e[+-]?\d+)?"
WEIGHT_ROW = re.compile(rf"({TOKEN}) × ({TOKEN}) = ({TOKEN})\s+({TOKEN}) → ({TOKEN})")
BIAS_ROW = re.compile(rf"∂L/∂b = ({TOKEN})\s+({TOKEN}) → ({TOKEN})")


@pytest.mark.parametrize("rate", [1.0, 0.03])
async def test_a_gradient_step_reads_as_one_story(rate: float) -> None:
    """Each row after B: the gradient the step used, and old → new = old − η·g as printed."""
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        app.playground.training.change_setting("learning_rate", rate)
        await pilot.press("right", "b")
        used = widget_text(app.query_one(BackwardPanel))  # the gradients at the weights before the step
        await pilot.press("B")
        await pilot.pause()
        text = widget_text(app.query_one(BackwardPanel))
        assert f"η = {rate:g}" in text
        weights, bias = WEIGHT_ROW.findall(text), BIAS_ROW.findall(text)
        assert len(weights) == 3 and len(bias) == 1, text
        for d, a, g, old, new in weights:
            (d, dr), (a, ar), (g, gr), (old, oldr), (new, newr) = map(_printed, (d, a, g, old, new))
            assert abs(d * a - g) <= dr * abs(a) + ar * abs(d) + dr * ar + gr, text
            assert abs(old - rate * g - new) <= oldr + rate * gr + newr, text
        for g, old, new in bias:
            (g, gr), (old, oldr), (new, newr) = map(_printed, (g, old, new))
            assert abs(old - rate * g - new) <= oldr + rate * gr + newr, text
        # The factors are those of the pass before the step, as the panel showed them then.
        before = [row[:3] for row in re.findall(rf"({TOKEN}) × ({TOKEN}) = ({TOKEN})", used)]
        assert [row[:3] for row in weights] == before
        loss_before = re.search(rf"L = ({TOKEN})", used).group(1)
        assert re.search(rf"L = {re.escape(loss_before)} → {TOKEN}", text), text  # and what the step made of it
        await pilot.press("b", "b")  # asked for again: the gradients at the new weights
        await pilot.pause()
        again = widget_text(app.query_one(BackwardPanel))
        assert "→" not in again and again != used


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("keys", [["T"], ["L"], ["T", "L"]])
async def test_the_inspector_beside_the_learning_panels_keeps_its_z_and_y_rows(
    size: tuple[int, int], lang: str, keys: list[str]
) -> None:
    """Beside the truth table or the loss slice, the inspector shows every row of its formula,
    each on one line, or steps aside (it used to lose z and y at 80×24, its rows wrapped)."""
    set_language(lang)
    app = preset_app("potatoes")
    async with app.run_test(size=size) as pilot:
        await pilot.press("right", *keys)
        inspector = app.query_one("#inspector")
        if not inspector.display:
            assert size == (80, 24) and keys == ["T", "L"], "the inspector stepped aside where it had room"
            return
        text = widget_text(inspector)
        assert re.search(rf"z = .*= {NUMBER}", text) and re.search(rf"y = .*= {NUMBER}", text), text
        assert len(text.splitlines()) == 2 + 8, text  # the border, and one line per row


def _layouts(widget) -> list[bool]:
    """From now on, whether each refresh of ``widget`` asked for a layout of the screen."""
    asked: list[bool] = []
    refresh = widget.refresh

    def recorded(*regions, **kwargs):
        asked.append(bool(kwargs.get("layout")))
        return refresh(*regions, **kwargs)

    widget.refresh = recorded
    return asked


async def test_the_challenge_bar_and_the_slice_lay_the_screen_out_only_when_their_height_changes() -> None:
    """Shown again after every edit: the same words draw nothing, new words of as many lines draw in
    place (Textual's update laid the whole screen out at each edit while a challenge was open)."""
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        app.playground.learning.open("and_sigmoid")
        await pilot.press("right", "L")  # a weight, and its loss slice
        bar, slice_panel = app.query_one(ChallengeBar), app.query_one(LossSlicePanel)
        seen = set()
        for _ in range(12):
            words, lines = widget_text(bar), bar.size.height
            bar_layouts, slice_layouts = _layouts(bar), _layouts(slice_panel)
            await pilot.press("minus")
            await pilot.pause()
            assert slice_layouts and not any(slice_layouts)  # a new curve, as many lines: drawn in place
            if widget_text(bar) == words:
                assert not bar_layouts  # the same words: not even drawn again
                seen.add("same")
            elif bar.size.height == lines:
                assert bar_layouts and not any(bar_layouts)  # other words, as many lines: in place
                seen.add("other")
        assert seen == {"same", "other"}
