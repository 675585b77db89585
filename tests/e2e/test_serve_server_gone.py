"""``nntui serve``'s playgrounds never outlive their server (#22, fall 10).

A closed terminal (SIGHUP) ends the server as SIGTERM does: every session ends and
every folder goes. A server killed outright (SIGKILL) cannot end anything: each
playground sees its pipe from the server close, leaves, and takes its own session
folder with it (the last one the server's folder too).

The real program in a subprocess, sessions over a websocket (tests/e2e/serving.py).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys

import pytest

from tests.e2e.serving import GONE_WITHIN, Server, await_until, describe, open_session, start

aiohttp = pytest.importorskip("aiohttp")  # textual-serve's own dependency

pytestmark = [
    pytest.mark.skipif(not os.path.exists("/proc/self/environ"), reason="needs /proc to find the apps"),
]


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGHUP")
async def test_a_hang_up_ends_every_session_and_folder_as_sigterm_does(servers: list[Server]) -> None:
    server = await asyncio.to_thread(start, servers)
    async with aiohttp.ClientSession() as client:
        sessions = [await open_session(client, server) for _ in range(2)]
        assert len(server.sessions()) == 2
        elapsed, left = await asyncio.to_thread(server.stop, signal.SIGHUP)
        assert not left, f"left after {elapsed:.1f} s:\n{describe(left)}"
        assert len(sessions) == 2
    server.process.communicate(timeout=5)
    assert server.process.returncode == 128 + signal.SIGHUP  # as a shell expects of a hang-up
    assert list(server.temporary.iterdir()) == []  # the server's folder, the sessions' in it


async def test_the_playgrounds_of_a_killed_server_end_and_take_their_folders(servers: list[Server]) -> None:
    server = await asyncio.to_thread(start, servers)
    async with aiohttp.ClientSession() as client:
        sessions = [await open_session(client, server) for _ in range(2)]
        apps = server.apps()
        assert len(server.sessions()) == 2
        assert len(list(server.temporary.iterdir())) == 1  # the server's folder
        server.process.kill()  # nothing can end the sessions for it
        server.process.wait(timeout=5)
        gone = await await_until(lambda: not server.apps(), GONE_WITHIN)
        assert gone, f"the server's playgrounds outlived it:\n{describe(server.apps())}"
        assert apps and len(sessions) == 2
        assert await await_until(lambda: not list(server.temporary.iterdir()), GONE_WITHIN), [
            str(path) for path in server.temporary.rglob("*")
        ]
