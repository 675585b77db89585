"""Shared helpers for the playground's Pilot and snapshot tests."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from nntui.core.fileformat import save_network
from nntui.core.presets import load_preset


@pytest.fixture
def saved_xor(tmp_path: Path) -> Path:
    """The xor preset written to a file in a temporary folder."""
    path = tmp_path / "xor.json"
    save_network(load_preset("xor"), path)
    return path


@pytest.fixture(autouse=True)
def in_a_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run every playground test in its own folder: a file saved under a suggested name
    (a random key walk pressing ctrl+s and Enter) never lands in the repository."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tiers from what a test is, so no module can forget: every async test here
    drives the app through Pilot (``pilot``), every test taking ``snap_compare`` compares a
    screen with its SVG (``snapshot``). The others here are logic without Textual's loop."""
    here = Path(__file__).parent
    for item in items:
        if here not in item.path.parents:
            continue
        if inspect.iscoroutinefunction(getattr(item, "function", None)):
            item.add_marker(pytest.mark.pilot)
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.snapshot)
