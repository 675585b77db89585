"""The end-to-end tests' shared fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.serving import Server
from tests.e2e.test_tmux import Terminal


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here is of the ``e2e`` tier, so no module can forget the mark (two that start
    real servers once did, and ran in the quick tier)."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.e2e)


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
