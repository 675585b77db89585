"""Pilot tests of shape editing, activation choice, files, palette and recovery."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nntui.app.app import NNTuiApp
from nntui.app.screens.activation_chooser import ActivationChooser
from nntui.app.screens.name_prompt import NamePrompt
from nntui.app.screens.path_prompt import OpenPathPrompt, SavePathPrompt
from nntui.app.screens.quit_prompt import QuitPrompt
from nntui.app.screens.recovery_offer import RecoveryOffer
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.core.export import load_npz
from nntui.core.fileformat import dumps_network, load_network, load_network_file, save_network
from nntui.core.presets import load_preset
from nntui.document.recovery import RecoveryStore
from nntui.document.selection import Selection

from .helpers import CLEAR, column_text, enter_text, preset_app, selection, widget_text

SIZE = (120, 36)


def _columns(app: NNTuiApp) -> int:
    return len(app.query_one(NetworkCanvas).columns)


async def test_n_adds_an_input_and_u_removes_it() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        before = dumps_network(app.document.network)
        await pilot.press("n")
        assert app.document.network.sizes == [4, 1]
        assert app.document.network.input_names[1] == "x4"  # below the selected first input
        assert app.document.network.input_values[1] == 0.0  # so the output does not change
        assert selection(app) == Selection(0, 1, 0)
        assert "x4" in column_text(app.query_one(NetworkCanvas), 0)
        await pilot.press("u")
        assert dumps_network(app.document.network) == before
        await pilot.press("ctrl+r")
        assert app.document.network.sizes == [4, 1]


async def test_n_in_a_hidden_layer_adds_a_neuron_with_small_weights() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "n")
        assert app.document.network.sizes == [2, 3, 1]
        new_in = app.document.network.layers[0].weights[1]  # inserted after h1
        new_out = app.document.network.layers[1].weights[:, 1]
        assert np.all(np.abs(new_in) <= 1) and np.all(new_in != 0)
        assert np.all(np.abs(new_out) <= 1)
        assert app.document.network.layers[0].bias[1] == 0
        assert selection(app) == Selection(1, 1, 0)
        await pilot.press("u")
        assert app.document.network.sizes == [2, 2, 1]
        assert app.document.network.layers[0].weights.tolist() == load_preset("xor").layers[0].weights.tolist()


async def test_d_removes_a_neuron_and_refuses_the_last_one() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "d")
        assert app.document.network.sizes == [2, 1, 1]
        await pilot.press("d")
        assert app.document.network.sizes == [2, 1, 1]  # refused, with a message
        assert any("remove the whole layer" in n.message for n in app._notifications)
        await pilot.press("right", "d")  # the output layer's only neuron
        assert app.document.network.sizes == [2, 1, 1]
        assert any("output layer needs at least one neuron" in n.message for n in app._notifications)
        await pilot.press("left", "left", "d", "d")  # inputs: the last one stays
        assert app.document.network.sizes == [1, 1, 1]
        assert any("at least one input" in n.message for n in app._notifications)
        await pilot.press("u", "u", "u")
        assert dumps_network(app.document.network) == dumps_network(load_preset("xor"))


async def test_capital_n_inserts_a_hidden_layer_and_capital_d_removes_it() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("N")
        assert app.document.network.sizes == [3, 3, 1]
        assert _columns(app) == 3
        assert selection(app) == Selection(1, 0, 0)
        assert app.document.network.layer_title(1) == "hidden 1"
        assert not any("stays last" in n.message for n in app._notifications)
        await pilot.press("D")
        assert app.document.network.sizes == [3, 1]
        await pilot.pause()
        assert _columns(app) == 2
        await pilot.press("D")  # the output layer cannot go
        assert app.document.network.sizes == [3, 1]
        assert any("output layer cannot be removed" in n.message for n in app._notifications)
        await pilot.press("u")
        assert app.document.network.sizes == [3, 3, 1]
        assert _columns(app) == 3


async def test_inserting_after_the_output_goes_before_it() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "N")
        assert app.document.network.sizes == [3, 3, 1]
        assert app.document.network.layers[-1].name == "output"
        assert any("output layer stays last" in n.message for n in app._notifications)


async def test_removing_a_layer_of_another_size_redraws_the_next_weights() -> None:
    app = preset_app("layers")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right", "d")  # hidden 2 now has 3 neurons
        await pilot.press("D")
        assert app.document.network.sizes == [3, 4, 1]
        assert any("drawn afresh" in n.message for n in app._notifications)
        await pilot.press("u", "u")
        assert dumps_network(app.document.network) == dumps_network(load_preset("layers"))


@pytest.mark.slow
async def test_rename_a_neuron_an_input_and_a_layer() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, NamePrompt)
        await pilot.press(*CLEAR, *"rosemary", "enter")
        assert app.document.network.input_names[0] == "rosemary"
        await pilot.press("c", *CLEAR, *"saxophone in the street", "enter")
        assert isinstance(app.screen, NamePrompt)  # taken: the prompt stays open
        assert "already the name" in widget_text(app.screen.query_one("#error"))
        await pilot.press("escape", "right", "C", *CLEAR, *"oven", "enter")
        assert app.document.network.layer_title(1) == "oven"
        await pilot.press("f2", *CLEAR, "enter")
        assert isinstance(app.screen, NamePrompt)
        assert "cannot be empty" in widget_text(app.screen.query_one("#error"))
        await pilot.press("escape", "u", "u")
        assert app.document.network.input_names[0] == "herb smell"
        assert app.document.network.layer_title(1) == "output"


async def test_r_and_z_refill_a_neuron_or_a_layer() -> None:
    app = preset_app("layers")
    async with app.run_test(size=SIZE) as pilot:
        original = [layer.weights.copy() for layer in app.document.network.layers]
        await pilot.press("right", "z")
        weights = app.document.network.layers[0].weights
        assert np.all(weights[0] == 0) and app.document.network.layers[0].bias[0] == 0
        assert np.array_equal(weights[1:], original[0][1:])
        await pilot.press("Z")
        assert np.all(app.document.network.layers[0].weights == 0)
        await pilot.press("r")
        assert np.all(app.document.network.layers[0].weights[0] != 0)
        assert np.all(app.document.network.layers[0].weights[1:] == 0)
        await pilot.press("R")
        assert np.all(app.document.network.layers[0].weights != 0)
        await pilot.press("left", "r")  # inputs have no incoming weights
        assert any("inputs have no incoming weights" in n.message.lower() for n in app._notifications)
        await pilot.press("u", "u", "u", "u")
        assert np.array_equal(app.document.network.layers[0].weights, original[0])


async def test_new_weights_are_reproducible_from_the_seed() -> None:
    networks = []
    for _ in range(2):
        app = NNTuiApp(load_preset("xor"), preset="xor", seed=7)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("right", "n", "R")
            networks.append(dumps_network(app.document.network))
    assert networks[0] == networks[1]


async def test_f_chooses_the_activation_from_a_list_with_a_plot() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "f")
        assert isinstance(app.screen, ActivationChooser)
        assert "1 / (1 + e^-z)" in widget_text(app.screen.query_one("#formula"))
        assert any(0x2800 < ord(ch) <= 0x28FF for ch in widget_text(app.screen.query_one("#plot")))
        await pilot.press("down")  # sigmoid → tanh
        assert "tanh" in widget_text(app.screen.query_one("#formula"))
        await pilot.press("enter")
        assert app.document.network.layers[0].activation == "tanh"
        await pilot.press("f", "escape")
        assert app.document.network.layers[0].activation == "tanh"
        await pilot.press("u")
        assert app.document.network.layers[0].activation == "sigmoid"
        await pilot.press("left", "f")
        assert not isinstance(app.screen, ActivationChooser)


async def test_letters_in_a_dialog_never_edit_the_network() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark", "n", "d", "N", "z", "u")
        assert app.document.network.sizes == [3, 1]
        assert not app.document.history.can_undo


async def test_ctrl_o_opens_a_file(saved_xor: Path) -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, OpenPathPrompt)
        await enter_text(pilot, str(saved_xor))
        assert app.document.path == saved_xor
        assert app.document.network.name == "XOR by hand" or app.document.network.sizes == [2, 2, 1]
        assert app.document.network.sizes == [2, 2, 1]
        assert _columns(app) == 3
        assert selection(app) == Selection(0, 0, 0)
        assert not app.document.history.can_undo


@pytest.mark.slow
async def test_ctrl_o_with_a_bad_file_shows_the_loader_message(tmp_path: Path) -> None:
    bad = tmp_path / "net.json"
    bad.write_text('{"format": "nntui-network", "version": 1, "inputs": [')
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        before = dumps_network(app.document.network)
        await pilot.press("plus", "ctrl+o")
        assert isinstance(app.screen, QuitPrompt)  # unsaved changes come first
        await pilot.press("d")
        await enter_text(pilot, str(bad))
        assert isinstance(app.screen, OpenPathPrompt)
        message = widget_text(app.screen.query_one("#error"))
        assert "net.json: not valid JSON" in message
        await pilot.press("escape")
        assert dumps_network(app.document.network) != before  # the edit is still there
        assert app.document.history.modified


@pytest.mark.slow
async def test_opening_a_missing_file_says_so(tmp_path: Path) -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await enter_text(pilot, str(tmp_path / "nope.json"))
        assert "no such file" in widget_text(app.screen.query_one("#error"))


@pytest.mark.slow
async def test_f12_saves_as_a_new_file(saved_xor: Path, tmp_path: Path) -> None:
    app = NNTuiApp(load_network(saved_xor), path=saved_xor)
    target = tmp_path / "copy.json"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "f12")
        assert isinstance(app.screen, SavePathPrompt)
        await enter_text(pilot, str(target))
        assert app.document.path == target
        assert not app.document.history.modified
    assert load_network(target).input_values[0] == 0.1
    assert load_network(saved_xor).input_values[0] == 0.0  # the original is untouched


@pytest.mark.slow
async def test_ctrl_e_exports_npz_and_a_pytorch_script(tmp_path: Path) -> None:
    app = preset_app("layers")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        await enter_text(pilot, str(tmp_path / "net"))
        await pilot.press("ctrl+e")
        await enter_text(pilot, str(tmp_path / "net.py"))
    loaded = load_npz(tmp_path / "net.npz")
    assert np.array_equal(loaded.forward().outputs, load_preset("layers").forward().outputs)
    script = (tmp_path / "net.py").read_text()
    compile(script, "net.py", "exec")
    assert "nn.Sequential" in script


@pytest.mark.slow
async def test_palette_runs_actions_and_opens_presets() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"preset: xor")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.document.preset == "xor"
        assert app.document.network.sizes == [2, 2, 1]
        await pilot.press("ctrl+p", *"add layer")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.document.network.sizes == [2, 2, 2, 1]


async def test_unsaved_work_is_kept_for_recovery_and_cleared_on_quit(private_state_dir: Path, gone_pids) -> None:
    crashing, later_process = gone_pids(2)  # the process that leaves its copy is gone when read
    store = RecoveryStore(private_state_dir, pid=crashing)
    app = NNTuiApp(load_preset("xor"), preset="xor", recovery=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        app.write_recovery()  # what a crash or SIGTERM does
        assert store.own_file.exists()
        later = RecoveryStore(private_state_dir, pid=later_process)
        (found,) = later.pending()
        assert found.preset == "xor"
        assert found.network.input_values.tolist() == app.document.network.input_values.tolist()
        await pilot.press("q", "d")  # discard on purpose: nothing to recover
    assert not store.own_file.exists()


@pytest.mark.parametrize("choice", ["restore", "discard", "later"])
async def test_recovery_offer_at_start(private_state_dir: Path, choice: str, gone_pids) -> None:
    crashed = RecoveryStore(private_state_dir, pid=gone_pids(1)[0])
    work = load_preset("xor")
    work.input_values[:] = [1.0, 1.0]
    crashed.write(work, None, "xor")
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryOffer)
        await pilot.press({"restore": "r", "discard": "d", "later": "escape"}[choice])
        if choice == "restore":
            assert app.document.network.input_values.tolist() == [1.0, 1.0]
            assert app.document.preset == "xor"
            assert app.document.history.modified  # still to be saved
        else:
            assert app.document.network.sizes == [3, 1]
    assert crashed.own_file.exists() == (choice == "later")


@pytest.mark.slow
async def test_a_saved_shape_reloads_identically(tmp_path: Path) -> None:
    target = tmp_path / "shaped.json"
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("N", "n", "right", "C", *CLEAR, *"oven", "enter", "ctrl+s")
        await enter_text(pilot, str(target))
        shown = app.document.result.outputs.copy()
    again = load_network_file(target)
    assert again.training is not None  # the playground saves its training settings too
    assert dumps_network(again.network) == dumps_network(app.document.network)
    assert again.network.forward().outputs.tolist() == shown.tolist()
    save_network(again.network, tmp_path / "resaved.json", again.training)
    assert (tmp_path / "resaved.json").read_text() == target.read_text()


async def test_the_palette_quit_asks_about_unsaved_changes() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "ctrl+p", *"quit")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuitPrompt)
        await pilot.press("escape")
        assert app.is_running and app.document.history.modified
