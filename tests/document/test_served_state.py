"""A served session's state folder goes with it even when its server was killed outright (#22, fall 10).

``nntui serve`` makes one state folder per session in a folder of its own, and removes
both itself; killed with SIGKILL it cannot, so each session's app removes its own, and
the last one the server's. Never any other folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nntui.document.recovery import SERVE_FOLDER_VARIABLE, RecoveryStore, forget_served_state
from tests.factory import random_network


def test_a_served_session_forgets_its_own_folder_and_the_last_one_the_servers(tmp_path: Path) -> None:
    server = tmp_path / "nntui-serve-x"
    first, second = server / "session-1", server / "session-2"
    for folder in (first, second):
        RecoveryStore(folder).write(random_network([2, 2, 1]), None, "xor")
    assert forget_served_state({SERVE_FOLDER_VARIABLE: str(server), "NNTUI_STATE_DIR": str(first)})
    assert not first.exists() and second.is_dir()  # the other session's stays, and so the server's
    assert forget_served_state({SERVE_FOLDER_VARIABLE: str(server), "NNTUI_STATE_DIR": str(second)})
    assert not server.exists()


@pytest.mark.parametrize("state", ["elsewhere", "nntui-serve-x", ""], ids=["elsewhere", "the server's", "none"])
def test_only_a_folder_the_server_made_for_the_session_is_ever_forgotten(tmp_path: Path, state: str) -> None:
    server = tmp_path / "nntui-serve-x"
    (server / "session-1").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    environ = {SERVE_FOLDER_VARIABLE: str(server), "NNTUI_STATE_DIR": str(tmp_path / state) if state else ""}
    assert not forget_served_state(environ)
    assert not forget_served_state({"NNTUI_STATE_DIR": str(server / "session-1")})  # not served
    assert (server / "session-1").is_dir() and (tmp_path / "elsewhere").is_dir()
