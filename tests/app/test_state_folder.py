"""The playground with a state folder it cannot write to, or holding what it cannot read.

A state folder that is a regular file cannot be written even by root. The
recovery copy cannot be kept there: the learner is told, once, with the keys
that save the work elsewhere, and nothing about the folder ever ends the app
(#22, fall 7). Copies that cannot be read are said in one notice and not
offered (#22, fall 8).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from nntui.app.app import NNTuiApp
from nntui.app.controllers.files import RECOVERY_DELAY
from nntui.app.screens.recovery_offer import RecoveryOffer
from nntui.core.presets import load_preset
from nntui.document.recovery import RecoveryStore

SIZE = (100, 30)


@pytest.fixture
def blocked(tmp_path: Path) -> Path:
    """A state folder that is a regular file."""
    path = tmp_path / "state"
    path.write_text("not a folder\n")
    return path


def _app(state: Path) -> NNTuiApp:
    return NNTuiApp(load_preset("xor"), preset="xor", recovery=RecoveryStore(state))


def _notices(app: NNTuiApp) -> list[str]:
    return [str(n.message) for n in app._notifications if "recovery copy" in str(n.message)]


async def _first_notice(pilot: Pilot, app: NNTuiApp) -> str:
    """The notice about the recovery copy, polled for (it comes RECOVERY_DELAY after an edit)."""
    deadline = time.monotonic() + RECOVERY_DELAY + 10
    while not _notices(app):
        assert time.monotonic() < deadline, "the learner was never told"
        await pilot.pause(0.05)
    return _notices(app)[0]


async def test_a_recovery_copy_that_cannot_be_kept_is_said_once_with_the_keys_that_save(blocked: Path) -> None:
    app = _app(blocked)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        said = " ".join((await _first_notice(pilot, app)).split())
        assert str(blocked) in said
        assert "ctrl+s" in said and "F12" in said, said  # keys.py: save, save as
        await pilot.press("plus")
        app.playground.files.write_recovery()  # what the timer does a moment later: it fails again
        await pilot.pause()
        assert len(_notices(app)) == 1  # said once, not at every edit
        assert app.is_running
    assert blocked.read_text() == "not a folder\n"


@pytest.mark.parametrize("edit", [(), ("plus",)], ids=["unchanged", "changes let go"])
async def test_quitting_with_an_unwritable_state_folder_ends_cleanly(blocked: Path, edit: tuple[str, ...]) -> None:
    """Quitting removes the recovery copy; under a regular file there is none to remove
    (it used to raise NotADirectoryError from the quit)."""
    app = _app(blocked)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*edit, "q")
        if edit:
            await pilot.press("d")  # let the changes go
        await pilot.pause()
    assert app.return_code == 0 and app.clean_exit


async def test_copies_that_cannot_be_read_are_said_in_one_notice_and_the_good_one_offered(
    private_state_dir: Path, gone_pids: Callable[[int], list[int]]
) -> None:
    """A copy of 100,000 ``[`` used to end every start with RecursionError (#22, fall 8)."""
    own, deep, damaged, good = gone_pids(4)
    (private_state_dir / f"recovery-{deep}.json").write_text("[" * 100_000)
    (private_state_dir / f"recovery-{damaged}.json").write_text("not json {")
    RecoveryStore(private_state_dir, pid=good).write(load_preset("and"), None, "and")
    app = NNTuiApp(load_preset("xor"), preset="xor", recovery=RecoveryStore(private_state_dir, pid=own))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryOffer)  # the good copy is still offered
        (said,) = [" ".join(str(n.message).split()) for n in app._notifications]
        assert said.startswith("2 recovery copies cannot be read"), said
        assert f"recovery-{deep}.json: not a recovery copy: the JSON is nested too deeply" in said, said
        assert "(and 1 more)" in said
    assert (private_state_dir / f"recovery-{deep}.json").read_text() == "[" * 100_000  # left where it is


async def test_a_copy_that_cannot_be_deleted_is_said_and_the_next_one_offered(
    private_state_dir: Path, gone_pids: Callable[[int], list[int]]
) -> None:
    """Discard on a copy the folder will not let go (a read-only folder, for a learner who is not
    root) used to end the app with PermissionError; now a notice says it stays, and the next copy
    is offered."""
    own, first, second = gone_pids(3)
    RecoveryStore(private_state_dir, pid=first).write(load_preset("and"), None, "and")
    RecoveryStore(private_state_dir, pid=second).write(load_preset("or"), None, "or")
    app = NNTuiApp(load_preset("xor"), preset="xor", recovery=RecoveryStore(private_state_dir, pid=own))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        offer = app.screen
        assert isinstance(offer, RecoveryOffer)
        offered = offer.recovery.file
        offered.unlink()
        offered.mkdir()  # now a folder that unlink() refuses, even for root
        (offered / "x").write_text("")
        await pilot.press("d")  # Discard
        await pilot.pause()
        assert app.is_running
        said = [" ".join(str(n.message).split()) for n in app._notifications]
        assert any(offered.name in line and "could not be deleted" in line for line in said), said
        assert isinstance(app.screen, RecoveryOffer) and app.screen.recovery.file != offered  # the next one
