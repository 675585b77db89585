"""Example networks shipped as JSON files in the ``nntui.presets`` package."""

from __future__ import annotations

from importlib import resources

from nntui.core.fileformat import NetworkFileError, loads_network
from nntui.core.network import Network

DEFAULT_PRESET = "potatoes"

# The order a learner meets them in; any other shipped file is listed after.
_TEACHING_ORDER = ("potatoes", "and", "or", "xor", "layers")


def preset_names() -> list[str]:
    """Names of the shipped presets, in teaching order."""
    found = {
        entry.name.removesuffix(".json")
        for entry in resources.files("nntui.presets").iterdir()
        if entry.name.endswith(".json")
    }
    ordered = [name for name in _TEACHING_ORDER if name in found]
    return ordered + sorted(found - set(ordered))


def load_preset(name: str) -> Network:
    """Load a shipped preset; an unknown name raises a message listing the valid ones."""
    if name not in preset_names():
        raise NetworkFileError(
            f'unknown preset "{name}" (available: {", ".join(preset_names())})'
        )
    text = resources.files("nntui.presets").joinpath(f"{name}.json").read_text("utf-8")
    return loads_network(text, f"preset {name}")
