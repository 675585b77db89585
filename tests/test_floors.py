"""constraints/lowest.txt: each runtime floor of pyproject.toml pinned at that floor, and every
pin installable on the oldest Python pyproject.toml allows, where CI's lowest-versions job runs.

A pin no Python of that job can install fails the job at its install step, before any test:
the floors would go untested without a word. Whether a pin installs there is read from the
installed distribution's Requires-Python, for the pins installed here at their pinned version
(all of them in the environment the README's lowest-versions command makes).
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
LOWEST = ROOT / "constraints" / "lowest.txt"


def _runtime_dependencies() -> list[Requirement]:
    block = re.search(r"^dependencies = \[(.*?)^\]", PYPROJECT, re.MULTILINE | re.DOTALL)
    assert block, "pyproject.toml has no dependencies list"
    return [Requirement(text) for text in re.findall(r'^\s*"([^"]+)"', block.group(1), re.MULTILINE)]


def _oldest_python() -> Version:
    requires = re.search(r'^requires-python = "([^"]+)"', PYPROJECT, re.MULTILINE)
    assert requires, "pyproject.toml has no requires-python"
    return min(Version(spec.version) for spec in SpecifierSet(requires.group(1)) if spec.operator == ">=")


def _pins() -> dict[str, Version]:
    pins = {}
    for line in LOWEST.read_text(encoding="utf-8").splitlines():
        line = line.partition("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints/lowest.txt pins each version with ==: {line!r}"
            pins[canonicalize_name(name)] = Version(version)
    return pins


def test_each_runtime_floor_is_pinned_at_that_floor() -> None:
    pins = _pins()
    for requirement in _runtime_dependencies():
        floors = [Version(spec.version) for spec in requirement.specifier if spec.operator == ">="]
        assert floors, f"{requirement} has no floor in pyproject.toml"
        assert pins.get(canonicalize_name(requirement.name)) == floors[0], (
            f"constraints/lowest.txt must pin {requirement.name} at its floor {floors[0]}"
        )


def test_every_pin_installs_on_the_oldest_python() -> None:
    oldest = _oldest_python()
    checked, refused = [], []
    for name, version in _pins().items():
        try:
            installed = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if Version(installed.version) != version:
            continue
        checked.append(name)
        requires = installed.metadata.get("Requires-Python")
        if requires and not SpecifierSet(requires).contains(oldest):
            refused.append(f"{name}=={version} needs Python {requires}")
    if not checked:
        pytest.skip("no pin of constraints/lowest.txt is the version installed here")
    assert not refused, f"constraints/lowest.txt pins what Python {oldest} cannot install: " + "; ".join(refused)
