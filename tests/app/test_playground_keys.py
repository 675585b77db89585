"""Pilot tests of the playground's keyboard contract, key by key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nntui.app.app import NNTuiApp
from nntui.app.keys import PLAYGROUND_KEYS, translated_list
from nntui.app.screens.help import HelpScreen
from nntui.app.screens.path_prompt import SavePathPrompt
from nntui.app.screens.quit_prompt import QuitPrompt
from nntui.app.screens.value_prompt import ValuePrompt
from nntui.app.widgets.inspector import Inspector
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.app.widgets.outputs import OutputsPanel
from nntui.core.edits import ParamRef
from nntui.core.fileformat import load_network
from nntui.core.numbers import format_value
from nntui.core.presets import load_preset
from nntui.document.selection import Selection

from .helpers import CLEAR, column_text, preset_app, selection, widget_text

SIZE = (100, 30)


async def test_focus_starts_on_the_network_with_the_first_input_selected() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE):
        assert isinstance(app.focused, NetworkCanvas)
        assert selection(app) == Selection(0, 0, 0)
        assert "▶herb smell" in column_text(app.query_one(NetworkCanvas), 0)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["right"], Selection(1, 0, 0)),
        (["l"], Selection(1, 0, 0)),
        (["right", "right"], Selection(2, 0, 0)),
        (["right", "right", "right", "right"], Selection(3, 0, 0)),  # clamped at the output
        (["down", "down", "right"], Selection(1, 2, 0)),  # keeps the row
        (["down", "down", "right", "right", "right"], Selection(3, 0, 0)),  # one output: row clamped
        (["down", "down", "right", "left"], Selection(0, 2, 0)),
        (["right", "h"], Selection(0, 0, 0)),
        (["left"], Selection(0, 0, 0)),
        (["down"], Selection(0, 1, 0)),
        (["j", "j", "j", "j"], Selection(0, 2, 0)),  # clamped at the last input
        (["down", "up"], Selection(0, 0, 0)),
        (["down", "k"], Selection(0, 0, 0)),
        (["right", "down", "down", "down"], Selection(1, 3, 0)),
        (["right", "pagedown"], Selection(1, 3, 0)),
    ],
)
async def test_arrow_and_vi_keys_move_the_selection(keys: list[str], expected: Selection) -> None:
    app = preset_app("layers")  # 3-4-4-1
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        assert selection(app) == expected


async def test_brackets_cycle_incoming_weights_then_the_bias() -> None:
    app = preset_app("layers")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "down")  # hidden 1, neuron a2: first weight selected
        net = app.document.network
        assert selection(app).ref(net) == ParamRef.weight(0, 1, 0)
        refs = []
        for _ in range(4):
            await pilot.press("right_square_bracket")
            refs.append(selection(app).ref(net))
        assert refs == [
            ParamRef.weight(0, 1, 1),
            ParamRef.weight(0, 1, 2),
            ParamRef.bias(0, 1),
            ParamRef.weight(0, 1, 0),  # wraps
        ]
        await pilot.press("left_square_bracket")
        assert selection(app).ref(net) == ParamRef.bias(0, 1)
        inspector = widget_text(app.query_one(Inspector))
        assert "▶ bias b" in inspector


@pytest.mark.parametrize(("key", "sign"), [("plus", 1), ("equals_sign", 1), ("minus", -1)])
async def test_plus_and_minus_change_the_selected_value_and_recompute(key: str, sign: int) -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")  # the output neuron: its first weight (herb smell)
        before = app.document.network.layers[0].weights[0, 0]
        await pilot.press(key)
        after = app.document.network.layers[0].weights[0, 0]
        assert after == pytest.approx(before + sign * 0.1)
        expected = load_preset("potatoes")
        expected.layers[0].weights[0, 0] = after
        y = float(expected.forward().outputs[0])
        assert float(app.document.result.outputs[0]) == y
        # Every visible number follows: outputs panel, column, inspector, status.
        assert format_value(y, 7).strip() in widget_text(app.query_one(OutputsPanel))
        assert format_value(y).strip() in column_text(app.query_one(NetworkCanvas), 1)
        assert format_value(after, 6) in widget_text(app.query_one(Inspector))
        assert format_value(after, 6) in column_text(app.query_one(NetworkCanvas), 0)


async def test_plus_on_an_input_changes_the_input_value() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "plus", "plus", "plus")
        assert app.document.network.input_values[1] == 0.3  # no float noise such as 0.30000000000000004
        assert "+0.300" in column_text(app.query_one(NetworkCanvas), 0)


async def test_step_keys_change_the_step_within_bounds() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("asterisk")
        assert app.document.step == 1.0
        await pilot.press("plus")
        assert app.document.network.input_values[0] == 2.0
        await pilot.press("slash", "slash", "slash", "slash", "slash", "slash")
        assert app.document.step == 0.001  # the smallest step
        await pilot.press("minus")
        assert app.document.network.input_values[0] == 1.999
        assert "step 0.001" in widget_text(app.query_one("#status"))


@pytest.mark.parametrize("key", ["enter", "e"])
async def test_enter_prompts_for_an_exact_value(key: str) -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right_square_bracket", "right_square_bracket")  # saxophone
        await pilot.press(key)
        assert isinstance(app.screen, ValuePrompt)
        await pilot.press(*CLEAR, *"-2.5", "enter")
        assert not isinstance(app.screen, ValuePrompt)
        assert app.document.network.layers[0].weights[0, 2] == -2.5
        assert "-2.500" in widget_text(app.query_one(Inspector))


async def test_escape_cancels_the_prompt_and_changes_nothing() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *CLEAR, *"42", "escape")
        assert not isinstance(app.screen, ValuePrompt)
        assert app.document.network.input_values[0] == 1.0
        assert not app.document.history.modified


@pytest.mark.parametrize("text", ["abc", "nan", "1e999", "", "inf", "1..2"])
async def test_a_bad_entry_shows_an_error_and_changes_nothing(text: str) -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *CLEAR, *text, "enter")
        prompt = app.screen
        assert isinstance(prompt, ValuePrompt)  # still open, so nothing typed is lost
        error = " ".join(widget_text(prompt.query_one("#error")).split())
        assert "✗" in error and "Nothing was changed" in error
        assert app.document.network.input_values[0] == 1.0
        # Correcting the text clears the error and applies.
        await pilot.press(*CLEAR, *"0.25", "enter")
        assert app.document.network.input_values[0] == 0.25


@pytest.mark.parametrize(("undo", "redo"), [("u", "ctrl+r"), ("ctrl+z", "ctrl+y")])
async def test_undo_and_redo_every_value_edit(undo: str, redo: str) -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        original = float(app.document.result.outputs[0])
        await pilot.press("plus", "right", "minus", "minus")
        edited = app.document.network.copy()
        await pilot.press(undo, undo, undo)
        assert app.document.network.input_values[0] == 1.0
        assert app.document.network.layers[0].weights[0, 0] == 3.0
        assert float(app.document.result.outputs[0]) == original
        assert not app.document.history.modified
        assert selection(app) == Selection(0, 0, 0)  # the cursor shows what was undone
        await pilot.press(undo)  # nothing left: no crash, no change
        await pilot.press(redo, redo, redo)
        assert app.document.network.input_values[0] == edited.input_values[0]
        assert app.document.network.layers[0].weights[0, 0] == edited.layers[0].weights[0, 0]
        assert app.document.history.modified


async def test_a_cycles_the_activation_of_the_selected_layer_and_is_undoable() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")  # an input neuron: nothing to change
        assert [layer.activation for layer in app.document.network.layers] == ["sigmoid", "sigmoid"]
        await pilot.press("right", "right", "a")
        assert app.document.network.layers[1].activation == "tanh"
        assert "f = tanh" in column_text(app.query_one(NetworkCanvas), 2)
        assert "y = tanh(" in widget_text(app.query_one(Inspector))
        expected = load_preset("xor")
        expected.layers[1].activation = "tanh"
        assert float(app.document.result.outputs[0]) == float(expected.forward().outputs[0])
        await pilot.press("u")
        assert app.document.network.layers[1].activation == "sigmoid"


async def test_clicking_selects_a_neuron_or_a_weight() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # laid out for the terminal's size
        canvas = app.query_one(NetworkCanvas)
        view, at = canvas.column_view(0), canvas.column_region(0)
        rows, header = view.plan.rows, 2  # the inputs are spread over the height, below two header lines
        await pilot.click(offset=(at.x + 3, at.y + header + rows[2]))  # the third input
        assert selection(app) == Selection(0, 2, 0)
        await pilot.click(offset=(at.x + view.neuron_width + 10, at.y + header + rows[1]))  # the link from input 2
        assert selection(app) == Selection(1, 0, 1)
        assert selection(app).ref(app.document.network) == ParamRef.weight(0, 0, 1)
        output, at = canvas.column_view(1), canvas.column_region(1)
        await pilot.click(offset=(at.x + 3, at.y + header + output.plan.rows[0]))
        assert selection(app) == Selection(1, 0, 1)  # same neuron: the weight stays selected


async def test_ctrl_s_saves_to_the_opened_file(saved_xor: Path) -> None:
    app = NNTuiApp(load_network(saved_xor), path=saved_xor)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        assert "modified" in app.sub_title
        await pilot.press("ctrl+s")
        assert not app.document.history.modified
        assert "modified" not in app.sub_title
    saved = load_network(saved_xor)
    assert saved.input_values.tolist() == [0.1, 1.0]
    assert json.loads(saved_xor.read_text())["format"] == "nntui-network"


async def test_ctrl_s_from_a_preset_asks_for_a_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "ctrl+s")
        assert isinstance(app.screen, SavePathPrompt)
        await pilot.press(*CLEAR, *"mine", "enter")
        assert not isinstance(app.screen, SavePathPrompt)
        assert app.document.path == tmp_path / "mine.json"
        assert not app.document.history.modified
    assert load_network(tmp_path / "mine.json").input_values[0] == 1.1


@pytest.mark.slow
async def test_the_save_prompt_refuses_bad_paths_and_asks_before_replacing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken.json").write_text("keep me")
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", *CLEAR, *"missing/dir/x.json", "enter")
        prompt = app.screen
        assert isinstance(prompt, SavePathPrompt)
        assert "does not exist" in widget_text(prompt.query_one("#error"))
        await pilot.press(*CLEAR, "enter")
        assert "type a file name" in widget_text(prompt.query_one("#error"))
        await pilot.press(*"taken.json", "enter")
        assert "press Enter again" in widget_text(prompt.query_one("#error"))
        assert (tmp_path / "taken.json").read_text() == "keep me"
        await pilot.press("enter")
        assert not isinstance(app.screen, SavePathPrompt)
    assert load_network(tmp_path / "taken.json").name == "Potatoes are baking"


async def test_a_failed_save_keeps_the_changes_and_says_why(tmp_path: Path) -> None:
    target = tmp_path / "gone" / "net.json"
    app = NNTuiApp(load_preset("potatoes"), path=target)  # its folder does not exist
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "ctrl+s")
        assert app.document.history.modified
        assert app.document.network.input_values[0] == 1.1
        assert any("Could not save" in n.message for n in app._notifications)


async def test_q_quits_at_once_when_nothing_changed() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        assert app.return_code == 0
        assert not app.is_running


async def test_q_with_changes_asks_and_escape_cancels() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "q")
        assert isinstance(app.screen, QuitPrompt)
        await pilot.press("escape")
        assert not isinstance(app.screen, QuitPrompt)
        assert app.is_running
        assert app.document.network.input_values[0] == 1.1


async def test_q_then_discard_quits_without_saving(saved_xor: Path) -> None:
    app = NNTuiApp(load_network(saved_xor), path=saved_xor)
    before = saved_xor.read_text()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "q", "d")
        assert not app.is_running
    assert saved_xor.read_text() == before


async def test_q_then_save_writes_the_file_and_quits(saved_xor: Path) -> None:
    app = NNTuiApp(load_network(saved_xor), path=saved_xor)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "ctrl+q", "s")
        assert not app.is_running
    assert load_network(saved_xor).input_values[0] == 0.1


async def test_q_then_save_from_a_preset_asks_for_a_path_first(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = preset_app("and")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("minus", "q", "s")
        assert isinstance(app.screen, SavePathPrompt)
        await pilot.press("enter")  # accept the suggested and.json
        assert not app.is_running
    assert load_network(tmp_path / "and.json").input_values[0] == 0.9


async def test_question_mark_opens_help_listing_every_key() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = widget_text(app.screen.query_one("#help-keys"))
        for binding in translated_list(PLAYGROUND_KEYS):
            assert binding.tooltip and binding.tooltip in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_a_tiny_terminal_says_so_and_still_quits() -> None:
    app = preset_app("layers")
    async with app.run_test(size=(40, 12)) as pilot:
        message = widget_text(app.query_one("#too-small"))
        assert "too small" in message and "40×12" in message
        await pilot.press("plus")  # keys still work, nothing crashes
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not app.screen.has_class("-too-small")
        assert app.query_one("#network").display
        await pilot.press("u", "q")
        assert not app.is_running


async def test_overflow_is_reported_not_shown_as_a_number() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *CLEAR, *"1e300", "enter")
        await pilot.press("right", "a", "a", "a")  # sigmoid → tanh → relu → leaky_relu
        await pilot.press("enter", *CLEAR, *"1e300", "enter")
        assert not app.document.result.is_finite()
        assert "overflow" in widget_text(app.query_one("#status"))
        outputs = widget_text(app.query_one(OutputsPanel))
        assert "—" in outputs and "inf" not in outputs and "nan" not in outputs  # the status says why


async def test_a_burst_of_keys_counts_every_key() -> None:
    """A held + delivers keys faster than messages are handled: each must count."""
    from textual import events

    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(5):
            app.post_message(events.Key("plus", "+"))
        app.post_message(events.Key("j", "j"))
        app.post_message(events.Key("minus", "-"))
        await pilot.pause()
        assert app.document.network.input_values.tolist() == [1.5, -0.1, 1.0]
        assert len(app.document.history._done) == 6


async def test_the_inspector_resized_between_a_reshape_and_the_next_frame_does_not_crash() -> None:
    """The random key walk found it: a layer removed in place, then a resize of the inspector before
    the screen showed the new network, read the old selection's layer (IndexError)."""
    app = preset_app("layers")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "right", "right")  # the output layer: column 3
        inspector = app.query_one(Inspector)
        doc = app.document
        doc.network.layers.pop()  # a reshape changes the network in place, before the views are told
        inspector.on_resize()  # as a layout would, in between
        await pilot.pause()
        assert app.is_running
