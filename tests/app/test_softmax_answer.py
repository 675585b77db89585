"""A softmax output layer read as an answer: the outputs panel's percentages and bars with the
winner marked, and the inspector's e^z / Σ e^z with numbers that NumPy gives too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from nntui.app.app import NNTuiApp
from nntui.app.widgets.inspector import Inspector
from nntui.app.widgets.outputs import OutputsPanel
from nntui.core.fileformat import load_network_file
from nntui.core.network import Network
from nntui.core.numbers import format_value
from nntui.document.selection import Selection
from nntui.i18n import set_language

from .helpers import big_network, classes_network, enter_text, repaints, widget_text

SIZES = [(120, 36), (80, 24)]
ROW = re.compile(r"│ (\S+)\s+([<>]?)\s*(\d+\.\d)% ([ ▏▎▍▌▋▊▉█]*?)\s*(◀?) │")
VALUE = re.compile(r"│\s*([<>]?)\s*(\d+\.\d)% ([ ▏▎▍▌▋▊▉█]*?)\s*(◀?) │")  # under its name, three outputs or fewer
EIGHTHS = {c: i for i, c in enumerate(" ▏▎▍▌▋▊▉█")}


def _numpy_sums(network: Network) -> np.ndarray:
    """The output layer's z computed here with NumPy alone, not by nntui's forward pass."""
    a = np.asarray(network.input_values, dtype=float)
    for layer in network.layers[:-1]:
        a = np.tanh(layer.weights @ a + layer.bias)
    out = network.layers[-1]
    return np.asarray(out.weights @ a + out.bias)


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return np.asarray(e / e.sum())


def _bar_length(bar: str) -> float:
    """A bar's length in cells, from its block characters (eighths)."""
    return sum(EIGHTHS[c] for c in bar) / 8


def _rows(text: str) -> list[tuple[str, float, float, bool]]:
    """(name, percentage, bar length, marked) of each output row shown."""
    return [(m[1], float(m[3]), _bar_length(m[4]), m[5] == "◀") for m in ROW.finditer(text)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_ten_outputs_read_as_percentages_that_add_up_with_the_winner_marked(size: tuple[int, int]) -> None:
    network = classes_network()
    app = NNTuiApp(network)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        panel = app.query_one(OutputsPanel)
        text = widget_text(panel)
        rows = _rows(text)
        assert [name for name, *_ in rows] == [str(j) for j in range(10)], text
        p = _softmax(_numpy_sums(network))
        assert [shown for _, shown, _, _ in rows] == [round(100 * v, 1) for v in p]
        assert sum(shown for _, shown, _, _ in rows) == pytest.approx(100, abs=0.5)
        assert [name for name, _, _, marked in rows if marked] == ["7"] == [str(int(np.argmax(p)))]
        assert "answer: 7" in text and "Outputs (10): probabilities" in text
        # The bars are characters as long as the probabilities (the whole bar: 100 %), no colour needed.
        lengths = [length for *_, length, _ in rows]
        whole = lengths[7] / p[7]
        assert whole > 10
        assert lengths == pytest.approx(list(p * whole), abs=1 / 8)


async def test_three_outputs_show_each_name_above_its_percentage_in_french() -> None:
    set_language("fr")
    network = classes_network(classes=3, inputs=4, winner=1)
    async with NNTuiApp(network).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = widget_text(pilot.app.query_one(OutputsPanel))
        p = _softmax(_numpy_sums(network))
        values = [(float(m[2]), m[4] == "◀") for m in VALUE.finditer(text)]
        assert values == [(round(100 * v, 1), j == 1) for j, v in enumerate(p)], text
        assert "Sorties (3) : probabilités" in text and "réponse : 1" in text


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_inspector_writes_the_softmax_out_with_numbers_numpy_gives(
    size: tuple[int, int], language: str
) -> None:
    set_language(language)
    network = classes_network()
    z = _numpy_sums(network)
    app = NNTuiApp(network)
    async with app.run_test(size=size) as pilot:
        for j in (7, 2):
            app.document.select(Selection(2, j, 0))  # output j, its first weight
            await pilot.pause()
            text = widget_text(app.query_one(Inspector))
            over = "over the 10 neurons" if language == "en" else "sur les 10 neurones"
            assert re.search(rf"z = Σ xᵢ·wᵢ \+ b\s+= {re.escape(format_value(z[j], 6).strip())} ", text), text
            assert re.search(rf"│ e\^z\s+= {re.escape(format_value(np.exp(z[j]), 6).strip())} ", text), text
            total = format_value(np.exp(z).sum(), 6).strip()
            assert re.search(rf"│ Σ e\^z {over}\s+= {re.escape(total)} ", text), text
            y = format_value(_softmax(z)[j], 6).strip()
            assert re.search(rf"│ y = e\^z / Σ e\^z\s+= {re.escape(y)} ", text), text
            assert "m = " not in text  # e^z as it is: nothing shifted
            # Every line whole: nothing wrapped onto a line of its own, the last line shown.
            assert text.count("\n") == 11, text
            if size[0] >= 120:  # beside the numbers, in words
                words = "of the total: the y sum to 1" if language == "en" else "du total : les y font 1"
                assert f"{100 * _softmax(z)[j]:.1f}% {words}" in text


async def test_sums_too_large_for_e_to_the_z_are_written_shifted_by_the_largest() -> None:
    network = classes_network(classes=3, inputs=4, winner=1)
    network.layers[-1].bias[:] = [800.0, 799.0, 0.0]
    z = _numpy_sums(network)
    app = NNTuiApp(network)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "right", "down")
        await pilot.pause()
        text = widget_text(app.query_one(Inspector))
        m = z.max()
        assert re.search(rf"m = the largest z\s+= {re.escape(format_value(m, 6).strip())} ", text), text
        assert re.search(rf"e\^\(z−m\)\s+= {re.escape(format_value(np.exp(z[1] - m), 6).strip())} ", text)
        total = format_value(np.exp(z - m).sum(), 6)
        assert re.search(rf"Σ e\^\(z−m\) over the 3 neurons\s+= {re.escape(total)}", text)
        assert re.search(rf"y = e\^\(z−m\) / Σ e\^\(z−m\)\s+= {re.escape(format_value(_softmax(z)[1], 6))}", text)
        assert "all z − m: same y, no overflow" in text
        outputs = widget_text(app.query_one(OutputsPanel))
        p = _softmax(z)
        assert p[2] < 0.0005 and " <0.1%" in outputs and "answer: 0" in outputs


async def test_outputs_that_are_not_finite_show_dashes_and_why_and_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    layer = {"activation": "softmax", "weights": [[1e308, 1e308], [-1e308, 1e308], [0, 0]], "bias": [0, 0, 0]}
    inputs = [{"name": "x1", "value": 1.0}, {"name": "x2", "value": 1.0}]
    path.write_text(json.dumps({"format": "nntui-network", "version": 1, "inputs": inputs, "layers": [layer]}))
    app = NNTuiApp(load_network_file(path).network, path=path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "down")
        await pilot.pause()
        outputs = widget_text(app.query_one(OutputsPanel))
        assert outputs.count("—") >= 3 and "◀" not in outputs and "%" not in outputs.replace("— :", "")
        assert "— : not finite (overflow)" in outputs and "answer" not in outputs
        assert "nan" not in outputs and "inf" not in outputs and "█" not in outputs
        inspector = widget_text(app.query_one(Inspector))
        assert "— : a z is not finite (overflow)" in inspector and "nan" not in inspector


async def test_outputs_shown_equal_are_a_tie() -> None:
    network = classes_network(classes=4, inputs=3, winner=0)
    network.layers[-1].weights[:] = 0.0
    network.layers[-1].bias[:] = 0.0
    async with NNTuiApp(network).run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = widget_text(pilot.app.query_one(OutputsPanel))
        rows = _rows(text)
        assert [shown for _, shown, _, _ in rows] == [25.0] * 4 and all(marked for *_, marked in rows)
        assert "tie between 4" in text and "answer" not in text


async def test_an_edit_redraws_the_rows_whose_numbers_changed_and_the_answer_follows() -> None:
    app = NNTuiApp(classes_network())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "right", "down", "down", "left_square_bracket")  # output 2's bias
        await pilot.pause()
        panel = app.query_one(OutputsPanel)
        refreshed = repaints(panel)
        await pilot.press("asterisk")  # the step only: no output changes, nothing is drawn again
        assert refreshed == []
        await pilot.press("slash", "plus")  # the bias + 0.01: every probability moves, the answer stays
        await pilot.pause()
        assert len(refreshed) == 10 and all(region.height == 1 for region in refreshed), refreshed
        text = widget_text(panel)
        assert [name for name, _, _, marked in _rows(text) if marked] == ["7"] and "answer: 7" in text
        await pilot.press("enter")
        await enter_text(pilot, "5")  # the bias = 5: 2 wins
        await pilot.pause()
        text = widget_text(panel)
        p = _softmax(_numpy_sums(app.document.network))
        assert int(np.argmax(p)) == 2
        assert [name for name, _, _, marked in _rows(text) if marked] == ["2"] and "answer: 2" in text


async def test_another_activation_gives_the_values_back() -> None:
    app = NNTuiApp(classes_network(classes=4, inputs=3, winner=0))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "right", "a")  # softmax → the next activation of the list
        await pilot.pause()
        assert app.document.network.layers[-1].activation != "softmax"
        text = widget_text(app.query_one(OutputsPanel))
        assert "Outputs (4)" in text and "%" not in text and "◀" not in text and "answer" not in text
        inspector = widget_text(app.query_one(Inspector))
        assert "e^z" not in inspector and "y = " in inspector


async def test_at_80_columns_the_inspector_of_many_inputs_keeps_its_last_line() -> None:
    """The connections shown said on the formula's line, shorter where "] [ move" would wrap it
    onto a line of its own and push y = f(z) out of the panel (any activation)."""
    app = NNTuiApp(big_network())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")  # hidden 1, 784 inputs
        await pilot.pause()
        text = widget_text(app.query_one(Inspector))
        assert "y = relu(Σ xᵢ·wᵢ + b)  1–5 of 784 " in text and "move" not in text
        assert "y = relu(z)" in text, text
