"""Example networks shipped as JSON files in the ``nntui.presets`` package.

Each preset is a network file in English (``nntui/presets/NAME.json``).  Its
names in another language (the network's, the inputs', the layers' and the
neurons') are in ``nntui/presets/names/LANG.json``: for each preset,
``{"name": ..., "inputs": [...], "layers": [{"name": ..., "neurons": [...]}]}``
with one entry per input and per layer, in order.  :func:`load_preset` gives
the names of the current language; the numbers are the same in every language.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from nntui.core.fileformat import NetworkFileError, loads_network
from nntui.core.locations import shortened
from nntui.core.network import Network
from nntui.i18n import language, t

DEFAULT_PRESET = "potatoes"

# The order a learner meets them in; any other shipped file is listed after.
_TEACHING_ORDER = ("potatoes", "and", "or", "xor", "layers", "digits")


def preset_names() -> list[str]:
    """Names of the shipped presets, in teaching order."""
    found = {
        entry.name.removesuffix(".json")
        for entry in resources.files("nntui.presets").iterdir()
        if entry.name.endswith(".json") and entry.is_file()
    }
    ordered = [name for name in _TEACHING_ORDER if name in found]
    return ordered + sorted(found - set(ordered))


def load_preset(name: str) -> Network:
    """Load a shipped preset, named in the current language.

    An unknown name raises a message listing the valid ones.
    """
    if name not in preset_names():
        raise NetworkFileError(t("core.preset.unknown", name=shortened(name), available=", ".join(preset_names())))
    text = resources.files("nntui.presets").joinpath(f"{name}.json").read_text("utf-8")
    network = loads_network(text, t("core.preset.label", name=name))
    return _translated(network, translated_names(language()).get(name))


@cache
def translated_names(lang: str) -> dict[str, Any]:
    """The presets' names in ``lang`` as stored (empty for English, the files' own language)."""
    # One name per joinpath: Traversable's takes several only from Python 3.11.
    source = resources.files("nntui.presets").joinpath("names").joinpath(f"{lang}.json")
    if not source.is_file():
        return {}
    names: dict[str, Any] = json.loads(source.read_text("utf-8"))
    return names


def _translated(network: Network, names: dict[str, Any] | None) -> Network:
    """``network`` with the names of ``names``; a part that does not fit keeps its English."""
    if not names:
        return network
    network.name = names.get("name") or network.name
    inputs = names.get("inputs", [])
    if len(inputs) == network.n_inputs:
        network.input_names = list(inputs)
    layers = names.get("layers", [])
    if len(layers) == len(network.layers):
        for layer, entry in zip(network.layers, layers):
            layer.name = entry.get("name") or layer.name
            neurons = entry.get("neurons")
            if neurons is not None and len(neurons) == layer.n_out:
                layer.neuron_names = list(neurons)
    return network
