"""The experiment in the playground: ctrl+s keeps the training settings, opening brings them
back, and the palette's "Copy the training command" shows and copies the ``nntui train`` line."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from nntui.app.app import NNTuiApp
from nntui.app.playground import PlaygroundScreen
from nntui.app.screens.training_command import TrainingCommand
from nntui.core.fileformat import load_network, load_network_file, save_network
from nntui.core.presets import load_preset
from nntui.core.training import TrainingConfig
from nntui.core.training_record import TrainingRecord
from nntui.document.experiment import command_line, train_command
from nntui.i18n import set_language
from tests.app.helpers import enter_text, preset_app, widget_text

SIZE = (120, 36)


def _words(app: NNTuiApp) -> str:
    """The words of the dialog on top, wrapped lines joined: to find a sentence in."""
    return " ".join(" ".join(widget_text(label).split()) for label in app.screen.query("Label, Static"))


async def _palette(pilot, query: str) -> None:
    await pilot.press("ctrl+p", *query)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_palette_shows_the_training_command_and_copies_it(saved_xor: Path) -> None:
    app = NNTuiApp(load_network(saved_xor), path=saved_xor)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        app.query_one("#dataset", Select).value = "circle"
        await pilot.pause()
        await pilot.press(*["s"] * 6)
        await _palette(pilot, "training command")
        assert isinstance(app.screen, TrainingCommand)
        expected = command_line(train_command(saved_xor, app.document.training.settings, 6))
        assert app.clipboard == expected
        assert "--dataset circle" in expected and "--steps 6" in expected
        shown = _words(app)
        assert "Trains xor.json as saved, with the training settings shown, for 6 steps" in shown
        assert "Copied to the clipboard." in shown
        assert "changes not saved yet" in shown  # six steps are not in the file
        assert "".join(widget_text(app.screen.query_one("#command")).split()) == "".join(expected.split())
        await pilot.press("escape")
        assert isinstance(app.screen, PlaygroundScreen)


async def test_without_a_file_the_command_asks_to_save_first() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "training command")
        assert isinstance(app.screen, TrainingCommand)
        assert app.screen.command is None and not app.screen.query("#command")
        assert "Save it first (ctrl+s)" in _words(app)
        assert app.clipboard == ""
        await pilot.press("escape")
        assert isinstance(app.screen, PlaygroundScreen)


async def test_the_training_command_speaks_french(saved_xor: Path) -> None:
    set_language("fr")
    app = NNTuiApp(load_network(saved_xor), path=saved_xor)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "commande d'entraînement")
        assert isinstance(app.screen, TrainingCommand)
        shown = _words(app)
        assert "La commande d'entraînement" in shown and "Copiée dans le presse-papiers." in shown
        assert "pendant 1000 pas" in shown  # no step since it was opened: a start
        assert app.clipboard.startswith(f"nntui train {saved_xor} --dataset xor")


async def test_ctrl_s_keeps_the_settings_and_opening_the_file_brings_them_back(saved_xor: Path) -> None:
    app = NNTuiApp(load_network(saved_xor), path=saved_xor)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        app.query_one("#dataset", Select).value = "spiral"
        app.query_one("#learning_rate", Select).value = 0.1
        await pilot.pause()
        await pilot.press("s", "s", "s", "ctrl+s")
        await pilot.pause()
        record = load_network_file(saved_xor).training
        assert record is not None and record.dataset == "spiral" and record.steps == 3
        assert record.config.learning_rate == 0.1
        settings = app.document.training.settings

        app.playground.files.replace(load_preset("potatoes"), preset="potatoes")  # settings stay as they were
        app.playground.training.change_setting("dataset", "circle")
        await pilot.pause()
        await pilot.press("ctrl+t", "ctrl+t", "ctrl+o")
        await enter_text(pilot, str(saved_xor))
        await pilot.pause()
        assert isinstance(app.screen, PlaygroundScreen)
        assert app.document.path == saved_xor
        assert app.document.training.settings == settings and app.document.training.steps == 3
        assert app.query_one("#dataset", Select).value == "spiral"  # the panel shows them
        assert app.query_one("#learning_rate", Select).value == 0.1


async def test_starting_on_a_saved_experiment_shows_its_settings(saved_xor: Path) -> None:
    app = NNTuiApp(load_network(saved_xor), path=saved_xor)
    async with app.run_test(size=SIZE) as pilot:
        app.playground.training.change_setting("dataset", "gaussians")
        app.playground.training.change_setting("batch_size", 100)
        app.document.save()
    opened = load_network_file(saved_xor)
    again = NNTuiApp(opened.network, path=saved_xor, training=opened.training)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        assert again.query_one("#dataset", Select).value == "gaussians"
        assert again.query_one("#batch_size", Select).value == 100


async def test_a_saved_setting_the_lists_do_not_offer_still_opens(saved_xor: Path) -> None:
    # `nntui train --lr 0.05` writes a valid file whose learning rate the list does not have.
    record = TrainingRecord(config=TrainingConfig(learning_rate=0.05, batch_size=64))
    app = NNTuiApp(load_preset("xor"), path=saved_xor, training=record)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        assert app.query_one("#learning_rate", Select).value == 0.05
        assert app.document.training.settings.config.batch_size == 64


async def test_a_data_file_named_with_escape_codes_is_copied_as_text(tmp_path: Path) -> None:
    """The sweep's fall: the screen showed ␛, but the clipboard (OSC 52) carried the raw escapes.
    Now the copied line holds visible characters only, and the shell reads the name back."""
    name = "d\x1b]0;PWN\x07\x1b[2Jx.csv"
    (tmp_path / name).write_text("x1,x2,y\n0,0,0\n1,1,1\n0,1,1\n1,0,0\n")
    path = tmp_path / "net.json"
    save_network(load_preset("xor"), path, TrainingRecord(csv=name))
    opened = load_network_file(path)
    app = NNTuiApp(opened.network, path=path, training=opened.training)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "training command")
        assert isinstance(app.screen, TrainingCommand)
        copied = app.clipboard
        assert copied and copied.isprintable(), repr(copied)
        assert "/d\\x1b]0;PWN\\x07\\x1b[2Jx.csv'" in copied
        assert "".join(widget_text(app.screen.query_one("#command")).split()) == "".join(copied.split())


async def test_nothing_copied_reaches_the_clipboard_as_a_control_character() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE):
        app.copy_to_clipboard("a\x1b]52;c;cHduZWQ=\x07b")
        assert app.clipboard == "a␛]52;c;cHduZWQ=␇b"


async def test_a_saved_run_goes_on_in_the_playground_as_nntui_train_goes_on(tmp_path: Path) -> None:
    """The file's optimiser state and place in the batches are kept when the training view opens:
    opening it dropped them, so five steps there differed from ``nntui train F --steps 5``."""
    import subprocess
    import sys

    first, resumed = tmp_path / "first.json", tmp_path / "resumed.json"
    train = [sys.executable, "-m", "nntui", "train"]
    subprocess.run(
        [*train, "--preset", "xor", "--dataset", "xor", "--steps", "7", "-o", str(first)],
        check=True,
        capture_output=True,
    )
    subprocess.run([*train, str(first), "--steps", "5", "-o", str(resumed)], check=True, capture_output=True)
    opened = load_network_file(first)
    app = NNTuiApp(opened.network, path=first, training=opened.training)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", *["s"] * 5)
        assert app.document.training.steps == 12
        expected = load_network(resumed)
        for mine, theirs in zip(app.document.network.layers, expected.layers):
            assert mine.weights.tobytes() == theirs.weights.tobytes()
            assert mine.bias.tobytes() == theirs.bias.tobytes()
