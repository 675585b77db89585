"""Saving never destroys what is not a file, never silently overwrites another's change,
and restoring a second recovery copy never loses the first."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
from textual.widgets import Label

from nntui.app.app import NNTuiApp
from nntui.app.screens.overwrite_prompt import OverwritePrompt
from nntui.app.screens.path_prompt import SavePathPrompt
from nntui.app.screens.quit_prompt import QuitPrompt
from nntui.app.screens.recovery_offer import RecoveryOffer
from nntui.core.fileformat import dumps_network, load_network, save_network
from nntui.core.presets import load_preset
from nntui.core.shape import fresh_network
from nntui.document.recovery import RecoveryStore

from .helpers import enter_text, preset_app, widget_text

SIZE = (100, 30)


async def test_save_as_onto_a_fifo_is_refused_in_the_prompt(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    fifo = folder / "pipe.json"
    os.mkfifo(fifo)
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await enter_text(pilot, str(fifo))
        await pilot.press("enter")
        assert isinstance(app.screen, SavePathPrompt)  # not replaced, not even after a second Enter
        assert "not a regular file" in " ".join(widget_text(app.screen.query_one("#error")).split())
        await pilot.press("escape")
    assert fifo.is_fifo() and os.listdir(folder) == ["pipe.json"]


async def test_save_as_and_open_with_a_name_the_system_cannot_take_say_why_in_the_prompt(tmp_path: Path) -> None:
    """A name over 255 bytes, or with a NUL (pasted): one line in the prompt, the app goes on (a
    long name used to end it with OSError from the prompt's first look at the disk)."""
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        for key, name, said in [
            ("f12", "n" * 300 + ".json", "more than 255"),
            ("f12", "a\x00b.json", "NUL"),
            ("ctrl+o", "n" * 300 + ".json", "more than 255"),
        ]:
            await pilot.press(key)
            await enter_text(pilot, name)
            assert app.is_running and not isinstance(app.screen, type(app.playground))
            assert said in " ".join(widget_text(app.screen.query_one("#error")).split())
            await pilot.press("escape")
    assert os.listdir(Path.cwd()) == []  # nothing written (the tests run in a folder of their own)


def _opened(tmp_path: Path) -> tuple[NNTuiApp, Path]:
    path = tmp_path / "shared.json"
    save_network(load_preset("xor"), path)
    return NNTuiApp(load_network(path), path=path), path


def _changed_elsewhere(path: Path) -> None:
    """What a second playground saving the same file does."""
    other = load_network(path)
    other.input_values[:] = [0.25, 0.75]
    save_network(other, path)


async def test_saving_over_a_file_changed_elsewhere_asks_first(tmp_path: Path) -> None:
    app, path = _opened(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")  # x1: 0 → 0.1
        _changed_elsewhere(path)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OverwritePrompt)
        assert any("shared.json was changed on disk" in str(label.render()) for label in app.screen.query(Label))
        await pilot.press("escape")  # cancel: the other change stays
        assert load_network(path).input_values.tolist() == [0.25, 0.75] and app.document.modified
        await pilot.press("ctrl+s", "o")  # overwrite, on purpose
        await pilot.pause()
        assert load_network(path).input_values.tolist() == [0.1, 1.0] and not app.document.modified
        await pilot.press("plus", "ctrl+s")  # our own last save is no conflict
        await pilot.pause()
        assert not isinstance(app.screen, OverwritePrompt) and not app.document.modified


async def test_a_file_changed_elsewhere_can_be_kept_by_saving_under_another_name(tmp_path: Path) -> None:
    app, path = _opened(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        _changed_elsewhere(path)
        await pilot.press("ctrl+s", "a")
        assert isinstance(app.screen, SavePathPrompt)
        await enter_text(pilot, str(tmp_path / "mine.json"))
        await pilot.pause()
    assert load_network(path).input_values.tolist() == [0.25, 0.75]
    assert load_network(tmp_path / "mine.json").input_values.tolist() == [0.1, 1.0]


def _crashed_copies(state: Path, pids: list[int]) -> tuple[RecoveryStore, RecoveryStore]:
    first, second = RecoveryStore(state, pid=pids[0]), RecoveryStore(state, pid=pids[1])
    one, two = load_preset("xor"), load_preset("and")
    one.input_values[:] = [0.5, 0.5]
    two.input_values[:] = [0.7, 0.7]
    first.write(one, None, "xor")
    second.write(two, None, "and")
    return first, second


async def test_restoring_a_second_copy_asks_and_cancel_keeps_it_for_later(private_state_dir: Path, gone_pids) -> None:
    # Two crashed processes, this playground (gone too when its copy is read) and a later one.
    first_pid, second_pid, own_pid, later_pid = gone_pids(4)
    _first, _second = _crashed_copies(private_state_dir, [first_pid, second_pid])
    own = RecoveryStore(private_state_dir, pid=own_pid)
    app = NNTuiApp(load_preset("potatoes"), preset="potatoes", recovery=own)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryOffer)
        await pilot.press("r")  # the newest copy
        restored = app.document.network.input_values.tolist()
        assert isinstance(app.screen, RecoveryOffer)  # the other one is offered next
        await pilot.press("r")
        assert isinstance(app.screen, QuitPrompt)  # the first restored work is not replaced silently
        await pilot.press("escape")
        await pilot.pause()
        assert app.document.network.input_values.tolist() == restored
        # The first copy is now this process's own, until its work is saved or let go.
        assert own.own_file.exists()
        left = [r.network.input_values.tolist() for r in RecoveryStore(private_state_dir, pid=later_pid).pending()]
        assert sorted(left) == sorted([[0.5, 0.5], [0.7, 0.7]])


async def test_a_restored_copy_is_removed_once_its_work_is_saved(
    private_state_dir: Path, tmp_path: Path, gone_pids
) -> None:
    crashed_pid, own_pid = gone_pids(2)
    crashed = RecoveryStore(private_state_dir, pid=crashed_pid)
    work = load_preset("xor")
    work.input_values[:] = [1.0, 1.0]
    crashed.write(work, None, "xor")
    own = RecoveryStore(private_state_dir, pid=own_pid)
    app = NNTuiApp(load_preset("potatoes"), preset="potatoes", recovery=own)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert not crashed.own_file.exists() and own.own_file.exists()  # moved, not deleted
        await pilot.press("ctrl+s")
        await enter_text(pilot, str(tmp_path / "kept.json"))
        await pilot.pause()
        app.playground.files.write_recovery()  # what the timer does a second after the save
        assert not own.own_file.exists()
    assert load_network(tmp_path / "kept.json").input_values.tolist() == [1.0, 1.0]


async def test_a_network_from_no_file_is_named_by_its_own_name_when_asked_to_save() -> None:
    app = NNTuiApp(fresh_network([2, 1], np.random.default_rng(0), name="my net"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("plus", "q")
        assert isinstance(app.screen, QuitPrompt)
        said = " ".join(" ".join(widget_text(label).split()) for label in app.screen.query(Label))
        assert 'The network "my net" has changes that are not saved' in said


async def test_restored_work_keeps_its_training_settings_and_its_csv_data(
    private_state_dir: Path, tmp_path: Path, gone_pids
) -> None:
    ring = tmp_path / "ring.csv"
    ring.write_text("x1,x2,y\n" + "".join(f"{np.cos(k):.4f},{np.sin(k):.4f},{k % 2}\n" for k in range(40)))
    crashed = NNTuiApp(load_preset("xor"), preset="xor", data=ring, recovery=RecoveryStore(private_state_dir))
    async with crashed.run_test(size=SIZE) as pilot:  # on the training view: data was given
        crashed.playground.training.change_setting("learning_rate", 0.3)
        crashed.playground.training.change_setting("optimizer", "momentum")
        await pilot.press("s", "s", "s")
        crashed.write_recovery()
        settings, steps, weights = (
            crashed.document.training.settings,
            crashed.document.training.steps,
            dumps_network(crashed.document.network),
        )
    copy = next(private_state_dir.glob("recovery-*.json"))
    [gone] = gone_pids(1)
    copy.rename(private_state_dir / f"recovery-{gone}.json")  # as left by a process that is gone

    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryOffer)
        await pilot.press("r")
        await pilot.pause()
        assert dumps_network(app.document.network) == weights
        restored = app.document.training.settings
        assert (restored.config.learning_rate, restored.config.optimizer) == (0.3, "momentum")
        assert Path(restored.data_file or "").resolve() == ring.resolve()
        assert app.document.training.steps == steps == 3
        assert (restored.ratio, restored.data_seed) == (settings.ratio, settings.data_seed)


async def test_opening_a_file_whose_csv_path_no_system_can_take_says_so_and_goes_on(tmp_path: Path) -> None:
    """ctrl+o on a network file naming its CSV data "a<NUL>b.csv": the network opens on the
    default data and a notice says why (the app used to end in a traceback)."""
    save_network(load_preset("xor"), tmp_path / "net.json")
    document = json.loads((tmp_path / "net.json").read_text())
    document.update(version=2, training={"data": {"csv": "a\x00b.csv"}})
    (tmp_path / "net.json").write_text(json.dumps(document))
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await enter_text(pilot, str(tmp_path / "net.json"))
        await pilot.pause()
        assert app.is_running and app.document.path == tmp_path / "net.json"
        assert app.document.training.settings.data_file is None  # the default data instead
        assert any("NUL" in str(n.message) for n in app._notifications)
