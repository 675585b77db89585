"""The end-to-end tests' shared fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.e2e.serving import Server
from tests.e2e.test_tmux import Terminal


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    """A private tmux server for the test (tests.e2e.test_tmux.Terminal), killed afterwards."""
    term = Terminal(f"nntui-e2e-{os.getpid()}")
    yield term
    term.tmux("kill-server")


@pytest.fixture
def servers() -> Iterator[list[Server]]:
    """The ``nntui serve`` servers a test starts (tests.e2e.serving.start); whatever they left
    running is killed afterwards."""
    started: list[Server] = []
    yield started
    for server in started:
        server.kill()
