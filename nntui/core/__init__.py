"""The NumPy engine of nntui. Nothing in this package imports Textual."""

from nntui.core.activations import ACTIVATION_NAMES, ACTIVATIONS, Activation, get_activation
from nntui.core.fileformat import (
    NetworkFileError,
    load_network,
    loads_network,
    network_from_dict,
    network_to_dict,
    save_network,
)
from nntui.core.network import DenseLayer, ForwardResult, Network
from nntui.core.presets import DEFAULT_PRESET, load_preset, preset_names

__all__ = [
    "ACTIVATIONS",
    "ACTIVATION_NAMES",
    "DEFAULT_PRESET",
    "Activation",
    "DenseLayer",
    "ForwardResult",
    "Network",
    "NetworkFileError",
    "get_activation",
    "load_network",
    "load_preset",
    "loads_network",
    "network_from_dict",
    "network_to_dict",
    "preset_names",
    "save_network",
]
