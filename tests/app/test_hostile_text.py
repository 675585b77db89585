"""Hostile text: what comes from outside (a file, the keyboard) is shown as text.

Names that look like markup, typed values with brackets, escape sequences
in a network file: none may crash the app, be read as markup, or reach the
terminal raw.  And keys in fast bursts in the command palette and the
dialogs never pop the playground or query a dialog that is gone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from nntui.app.app import NNTuiApp
from nntui.app.screens.path_prompt import OpenPathPrompt
from nntui.app.screens.recovery_offer import RecoveryOffer
from nntui.app.screens.value_prompt import ValuePrompt
from nntui.core.fileformat import load_network, save_network
from nntui.core.presets import load_preset
from nntui.core.text import safe
from nntui.document.recovery import RecoveryStore

from .helpers import CLEAR, preset_app
from .hostile import ESCAPES, MARKUP, assert_clean, hostile_network

SIZE = (120, 36)


def _from_file(tmp_path: Path, names: list[str], file_name: str = "net.json") -> tuple[Path, NNTuiApp]:
    """An app on a network file whose names are ``names`` (legal in the file format)."""
    path = tmp_path / file_name
    save_network(hostile_network(names), path)
    return path, NNTuiApp(load_network(path), path=path)


def _burst(app: NNTuiApp, *keys: str) -> None:
    """Keys in one burst, as from a fast typist: none waits for the screen."""
    characters = {"enter": "\r", "escape": "\x1b", "pagedown": None, "pageup": None}
    for key in keys:
        app.post_message(events.Key(key, characters.get(key, key if len(key) == 1 else None)))


# --- markup ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["[x=1", "[/]", "a[b=c", "[bold red]x[/]"])
async def test_a_typed_value_that_looks_like_markup_is_refused_as_typed(text: str) -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *CLEAR, *text, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ValuePrompt)
        assert text in assert_clean(app)  # in the error line, not read as markup
        assert app.document.history.modified is False


async def test_a_network_whose_names_look_like_markup_shows_them_as_written(tmp_path: Path) -> None:
    _, app = _from_file(tmp_path, MARKUP)
    network = app.document.network
    async with app.run_test(size=SIZE) as pilot:
        for key in ["right", "down", "right", "down", "right", "left", "up", "left", "left"]:
            await pilot.press(key)
            screen = assert_clean(app)
            sel = app.document.selection
            name = network.neuron_name(sel.column, sel.neuron)
            assert f"· {name} (" in screen  # the inspector's title
        assert "[bold red]x" in screen  # not a bold red x
        assert f"{network.name} — net.json" in screen  # the header


@pytest.mark.parametrize(
    ("keys", "renamed"),
    [
        (["c"], lambda net: net.input_names[0]),
        (["right", "c"], lambda net: net.neuron_name(1, 0)),
        (["right", "C"], lambda net: net.layer_title(1)),
    ],
)
async def test_renaming_to_markup_keeps_the_name_as_typed(keys: list[str], renamed) -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys, *CLEAR, *"[/]", "enter")
        await pilot.pause()
        assert renamed(app.document.network) == "[/]"
        assert "[/]" in assert_clean(app)
        await pilot.press(keys[-1])  # the prompt's title names it
        await pilot.pause()
        assert "[/]" in assert_clean(app)


async def test_a_file_whose_error_quotes_markup_keeps_the_open_prompt(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "[").mkdir()
    (tmp_path / "[" / "]").write_text("{not json")
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", *CLEAR, *"[/]", "enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenPathPrompt)
        assert "[/]" in assert_clean(app)


async def test_a_file_name_that_looks_like_markup_is_announced_whole(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    save_network(load_preset("xor"), tmp_path / "[b].json")
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+o", *CLEAR, *"[b].json", "enter")
        await pilot.pause()
        await pilot.pause(0.2)  # the toast is shown a moment later
        assert [n.message for n in app._notifications] == ["Opened [b].json"]
        assert "Opened [b].json" in assert_clean(app)


async def test_a_recovery_copy_with_hostile_names_is_offered_and_restored(private_state_dir: Path, gone_pids) -> None:
    crashed_pid, own_pid = gone_pids(2)
    # Once, renaming to "[/]" crashed, and so did restoring the copy that crash left, each time adding one more.
    crashed = RecoveryStore(private_state_dir, pid=crashed_pid)
    work = hostile_network(MARKUP + ESCAPES)
    crashed.write(work, Path("[/]\x1b]0;T\x07.json"), None)
    own = RecoveryStore(private_state_dir, pid=own_pid)
    app = NNTuiApp(load_preset("potatoes"), preset="potatoes", recovery=own)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryOffer)
        screen = assert_clean(app)
        assert safe(work.name)[:8] in screen and "[/]␛]0;T␇.json" in screen
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, RecoveryOffer)
        assert app.document.network.layer_title(1) == work.layer_title(1)
        for key in ["right", "down", "right"]:  # the inspector's border title names each
            await pilot.press(key)
            sel = app.document.selection
            assert safe(work.neuron_name(sel.column, sel.neuron))[:8] in assert_clean(app)
    assert app.return_code in (0, None)
    assert sorted(private_state_dir.glob("recovery-*.json")) == [own.own_file]  # moved, no copy added


# --- escape sequences and control characters ---------------------------------------------


async def test_escape_sequences_in_a_file_never_reach_the_terminal(tmp_path: Path) -> None:
    _, app = _from_file(tmp_path, [text for text in ESCAPES if text != "\ud800"])  # not saved: see below
    network = app.document.network
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = assert_clean(app)
        assert "␛]0;PWNED␇" in screen  # the network's name, in the header, visible
        for key in ["right", "down", "down", "right", "down", "right", "left", "left", "left", "up"]:
            await pilot.press(key)
            screen = assert_clean(app)
            sel = app.document.selection
            assert safe(network.neuron_name(sel.column, sel.neuron)) in screen  # the inspector's title
        for dialog in (["c"], ["enter"], ["f"], ["ctrl+t"], ["question_mark"]):
            await pilot.press(*dialog)
            await pilot.pause()
            assert_clean(app)
            await pilot.press("escape" if dialog != ["ctrl+t"] else "ctrl+t")


async def test_renaming_a_name_with_escapes_shows_it_and_keeps_it_unless_changed(tmp_path: Path) -> None:
    _, app = _from_file(tmp_path, ["\x1b[2Jclear\nline"])
    before = app.document.network.input_names[0]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert "␛[2Jclear␤line·0" in assert_clean(app)
        await pilot.press("enter")  # the name as shown, unchanged: the name as it was
        await pilot.pause()
        assert app.document.network.input_names[0] == before


async def test_a_very_long_name_is_shortened_in_messages(tmp_path: Path) -> None:
    long_name = "x" * 100_000
    _, app = _from_file(tmp_path, [long_name])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "d")  # "remove neuron": undoable, announced by undo
        await pilot.press("u")
        await pilot.pause()
        assert app._notifications
        assert all(len(n.message) < 1_000 for n in app._notifications)
        assert "…" in list(app._notifications)[-1].message


# --- keys in bursts: the palette and the dialogs -------------------------------------------


@pytest.mark.parametrize("command", ["add layer", "undo", "preset: xor", "save", "theme", "train", "quit"])
async def test_enter_twice_in_the_palette_runs_the_command_once(command: str) -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *command)
        await pilot.pause(0.3)
        _burst(app, "enter", "enter")
        await pilot.pause()
        await pilot.pause(0.1)
        assert app.screen_stack[0] is app.playground
        if command == "add layer":
            assert app.document.network.sizes == [3, 3, 1]  # one layer more, not two


@pytest.mark.parametrize(
    "keys",
    [
        ("ctrl+p", "pagedown"),
        ("ctrl+p", "pageup"),
        ("ctrl+p", "x", "pagedown"),
        ("ctrl+p", "enter", "escape"),
        ("ctrl+p", "escape", "escape"),
        ("ctrl+p", "escape", "ctrl+p", "escape"),
        # text typed after the answer: no search starts on a list that has gone
        ("ctrl+p", "u", "n", "d", "o", "enter", "x", "y"),
        ("ctrl+p", "x", "escape", "y", "z"),
    ],
)
async def test_keys_in_a_burst_in_the_palette_never_crash(keys: tuple[str, ...]) -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        _burst(app, *keys)
        await pilot.pause()
        await pilot.pause(0.3)
        assert app.screen_stack[0] is app.playground


@pytest.mark.parametrize("dialog", ["c", "ctrl+e", "f12", "enter", "f", "question_mark"])
async def test_a_dialog_asked_for_as_the_app_quits_does_not_crash(dialog: str) -> None:
    app = preset_app("layers")
    async with app.run_test(size=SIZE) as pilot:
        _burst(app, "right", "q", dialog)  # nothing changed: q quits at once
        await pilot.pause()
    assert app.return_code == 0


async def test_a_lone_surrogate_in_a_name_is_shown_as_a_replacement_character() -> None:
    # Legal in a JSON file ("\ud800"), and no terminal encoding can write it.
    app = NNTuiApp(hostile_network(["\ud800", "a\ud800b"]))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        for key in ["right", "down", "right", "c", "escape", "u"]:
            await pilot.press(key)
            assert "a�b" in assert_clean(app) or "�" in assert_clean(app)
