"""The network file, format versions 1 and 2: JSON, described in docs/format.md.

Version 2 is version 1 with optional additions: a ``training`` object (the
settings the network is trained with, and the steps done:
nntui.core.training_record), input features (``point`` and each input's
``feature``) and ``image`` (the inputs are a picture's pixels).  A file is
written as version 2 when it has one of them, as version 1 otherwise, so a
file without them is read by every nntui.

Loading validates everything and raises :class:`NetworkFileError` with one
message that names the file and the exact problem.  Saving is atomic and
writes floats with ``repr`` precision, so a save/load round trip is exact.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.atomic import write_text_atomically
from nntui.core.features import MAX_COORDINATES, Feature, FeatureError, compute, coordinate_count, parse_all
from nntui.core.image import image_from_dict, image_to_dict
from nntui.core.jsonfields import Problem, check_keys, dump, finite_array, kind, number, optional_string, parse_json
from nntui.core.locations import located, one_line, shown
from nntui.core.network import DenseLayer, Network
from nntui.core.plural import counted
from nntui.core.reading import FileReadError, read_limited
from nntui.core.training_record import TrainingRecord, training_from_dict, training_to_dict
from nntui.i18n import t, whole_number

FORMAT_NAME = "nntui-network"
FORMAT_VERSION = 2  # the newest; a file without training settings is written as version 1
FORMAT_VERSIONS = (1, 2)
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone UTF-16 surrogates: legal in JSON, not in UTF-8

_TOP_KEYS = ("format", "version", "name", "inputs", "layers")
_TOP_KEYS_2 = (*_TOP_KEYS, "training", "point", "image")
_INPUT_KEYS = ("name", "value")
_INPUT_KEYS_2 = (*_INPUT_KEYS, "feature")
_LAYER_KEYS = ("name", "activation", "neurons", "weights", "bias")


class NetworkFileError(ValueError):
    """A network file (or dict) that cannot be loaded; the message says why."""


@dataclass(frozen=True)
class NetworkFile:
    """What a network file holds: the network, and its training settings when it has some."""

    network: Network
    training: TrainingRecord | None = None


# --- loading -----------------------------------------------------------------


def load_network(path: str | os.PathLike[str], label: str | None = None) -> Network:
    """The network of a network file (its training settings, if any, are checked and left out)."""
    return load_network_file(path, label).network


def loads_network(text: str | bytes, label: str = "<network>") -> Network:
    """The network of the JSON text of a network file."""
    return loads_network_file(text, label).network


def network_from_dict(data: Any, label: str = "<network>") -> Network:
    """The network of an already-parsed document."""
    return network_file_from_dict(data, label).network


def load_network_file(path: str | os.PathLike[str], label: str | None = None) -> NetworkFile:
    """Read and validate a network file; messages name it as ``label`` (default: the path).

    Only a regular file of at most ``reading.MAX_FILE_BYTES`` is read.
    """
    path = Path(path)
    label = one_line(str(path) if label is None else label)
    try:
        raw = read_limited(path, label, t("core.file.kind.network"))
    except FileReadError as error:
        raise NetworkFileError(str(error)) from None
    return loads_network_file(raw, label)


def loads_network_file(text: str | bytes, label: str = "<network>") -> NetworkFile:
    """Parse and validate the JSON text of a network file."""
    return network_file_from_dict(parse_document(text, label), label)


def parse_document(text: str | bytes, label: str, kind: str | None = None) -> Any:
    """The JSON of a file nntui reads (bytes: UTF-8, a BOM allowed), or NetworkFileError in one
    line naming ``label``: not text, not JSON, NaN, a number of too many digits, or nested too
    deeply. ``kind``, in words, is what the file should be (default: a network file)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise NetworkFileError(t("core.file.not_text", label=label, byte=error.start)) from None
    try:
        return parse_json(text)
    except json.JSONDecodeError as error:
        raise NetworkFileError(
            t("core.file.bad_json", label=label, reason=error.msg, line=error.lineno, column=error.colno)
        ) from None
    except Problem as problem:
        raise NetworkFileError(located(label, problem)) from None
    except RecursionError:  # the depth limit: Python's own, as json reaches it
        raise NetworkFileError(t("core.file.too_deep", label=label, kind=kind or t("core.file.kind.network"))) from None
    except ValueError:  # an integer literal of more than 4300 digits
        raise NetworkFileError(t("core.file.too_many_digits", label=label)) from None


def network_file_from_dict(data: Any, label: str = "<network>") -> NetworkFile:
    """Validate an already-parsed document and build the network and its training settings."""
    try:
        return _build(data)
    except Problem as problem:
        raise NetworkFileError(located(label, problem)) from None


def _build(data: Any) -> NetworkFile:
    if not isinstance(data, Mapping):
        raise Problem(t("core.file.top_level", found=kind(data)))
    fmt = data.get("format")
    if fmt != FORMAT_NAME:
        found = t("core.file.format_found", format=shown(fmt)) if "format" in data else t("core.file.no_format_key")
        raise Problem(t("core.file.not_nntui", format=FORMAT_NAME, found=found))
    version = data.get("version")
    if "version" not in data:
        raise Problem(t("core.file.no_version", version=t("core.record.versions")))
    # Compared with ==, as version 1 always was: 2.0 is 2, true is not.
    if isinstance(version, bool) or version not in FORMAT_VERSIONS:
        raise Problem(t("core.file.version", found=shown(version), version=t("core.record.versions")))
    if version == 1 and "training" in data and getattr(data, "repeated", None) is None:
        raise Problem(t("core.record.needs_version_2"))
    if version == 1 and "point" in data and getattr(data, "repeated", None) is None:
        raise Problem(t("core.features.needs_version_2"))
    if version == 1 and "image" in data and getattr(data, "repeated", None) is None:
        raise Problem(t("core.image.needs_version_2"))
    check_keys(data, _TOP_KEYS if version == 1 else _TOP_KEYS_2, "")
    name = optional_string(data, "name", "") or t("core.network.untitled")

    inputs = data.get("inputs")
    if not isinstance(inputs, list) or not inputs:
        raise Problem(_missing_list_message("inputs", inputs, data))
    input_names: list[str] = []
    input_values: list[float] = []
    feature_ids: list[object] = []
    for i, item in enumerate(inputs, start=1):
        where = t("core.file.at_input", index=i)
        if not isinstance(item, Mapping):
            raise Problem(t("core.file.input_not_object", where=where, found=kind(item)))
        check_keys(item, _INPUT_KEYS if version == 1 else _INPUT_KEYS_2, where)
        if "feature" in item:
            feature_ids.append(item["feature"])
        if "name" not in item:
            raise Problem(t("core.file.input_no_name", where=where))
        input_name = optional_string(item, "name", where)
        if not input_name:
            raise Problem(t("core.file.input_empty_name", where=where))
        input_names.append(input_name)
        input_values.append(number(item.get("value", 0.0), lambda where=where: f'{where}"value"'))

    layers_data = data.get("layers")
    if not isinstance(layers_data, list) or not layers_data:
        raise Problem(_missing_list_message("layers", layers_data, data))
    layers: list[DenseLayer] = []
    previous = len(input_names)
    for k, item in enumerate(layers_data, start=1):
        layer = _build_layer(item, k, previous)
        layers.append(layer)
        previous = layer.n_out
    features, point = _features(data, feature_ids, len(input_names))
    image = image_from_dict(data["image"], len(input_names), features is not None) if "image" in data else None
    network = Network(input_names, np.array(input_values), layers, name, features, point, image)
    shapes = [layer.weights.shape for layer in layers]  # a saved optimiser state must fit them
    training = training_from_dict(data["training"], shapes) if "training" in data else None
    return NetworkFile(network, training)


def _features(data: Mapping[str, Any], ids: list[object], inputs: int) -> tuple[tuple[Feature, ...] | None, Any]:
    """The inputs' features and the point they are computed from: every input has one, or none."""
    if not ids:
        if "point" in data:
            raise Problem(t("core.features.point_without"))
        return None, None
    if len(ids) != inputs:
        raise Problem(t("core.features.some_inputs", features=len(ids), inputs=inputs))
    try:
        features = parse_all(ids)
    except FeatureError as error:
        raise Problem(str(error)) from None
    values = data.get("point")
    if not isinstance(values, list):
        raise Problem(t("core.features.no_point", count=coordinate_count(features)))
    if len(values) < coordinate_count(features):
        raise Problem(t("core.features.point", values=len(values), count=coordinate_count(features)))
    if len(values) > MAX_COORDINATES:  # before reading them: a point of a million numbers is 5 MB
        raise Problem(t("core.features.point_too_long", values=whole_number(len(values)), most=MAX_COORDINATES))
    point = [number(v, lambda k=k: f'"point"[{k}]') for k, v in enumerate(values)]
    if not np.all(np.isfinite(compute(features, point))):  # x1² of 1e200 is no number either
        raise Problem(t("core.features.too_large"))
    return features, point


def _build_layer(item: Any, k: int, n_in: int) -> DenseLayer:
    where = t("core.file.at_layer", k=k)
    if not isinstance(item, Mapping):
        raise Problem(t("core.file.layer_not_object", where=where, found=kind(item)))
    layer_name = optional_string(item, "name", where)
    if layer_name:
        where = t("core.file.at_named_layer", k=k, name=shown(layer_name))
    check_keys(item, _LAYER_KEYS, where)

    valid = ", ".join(ACTIVATION_NAMES)
    if "activation" not in item:
        raise Problem(t("core.file.no_activation", where=where, valid=valid))
    activation = item["activation"]
    if activation not in ACTIVATION_NAMES:
        raise Problem(t("core.file.unknown_activation", where=where, name=shown(activation), valid=valid))

    if "weights" not in item:
        raise Problem(t("core.file.no_weights", where=where))
    weights = item["weights"]
    if not isinstance(weights, list) or not weights:
        raise Problem(t("core.file.weights_not_rows", where=where, found=kind(weights)))
    matrix = _weights(weights, n_in, where)
    n_out = len(weights)

    if "bias" in item:
        bias_data = item["bias"]
        if not isinstance(bias_data, list):
            raise Problem(t("core.file.bias_not_list", where=where, n_out=n_out, found=kind(bias_data)))
        if len(bias_data) != n_out:
            raise Problem(
                t(
                    "core.file.bias_length",
                    where=where,
                    count=len(bias_data),
                    neurons=counted("core.count.neuron", n_out),
                )
            )
        bias = finite_array(bias_data, n_out, bias_data)
        if bias is None:
            bias = np.array(
                [
                    number(v, lambda j=j: t("core.file.bias_value", where=where, index=j))
                    for j, v in enumerate(bias_data, 1)
                ]
            )
    else:
        bias = np.zeros(n_out)

    neuron_names: list[str] | None = None
    if "neurons" in item:
        names = item["neurons"]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise Problem(t("core.file.neurons_not_names", where=where))
        if len(names) != n_out:
            raise Problem(
                t(
                    "core.file.neurons_length",
                    where=where,
                    count=len(names),
                    neurons=counted("core.count.neuron", n_out),
                )
            )
        neuron_names = list(names)

    return DenseLayer(matrix, bias, activation, layer_name or None, neuron_names)


def _weights(rows: list[Any], n_in: int, where: str) -> np.ndarray:
    """The weights matrix of a layer; its first bad row or value, in reading order, is a Problem.

    A valid layer costs a few passes in C over its numbers: the location of
    a number is put in words only once a bad one is met.
    """
    if set(map(type, rows)) == {list} and set(map(len, rows)) == {n_in}:
        matrix = finite_array(chain.from_iterable(rows), len(rows) * n_in, chain.from_iterable(rows))
        if matrix is not None:
            return matrix.reshape(len(rows), n_in)
    checked: list[list[float]] = []
    for j, row in enumerate(rows, start=1):
        if not isinstance(row, list):
            raise Problem(t("core.file.row_not_list", where=where, row=j, n_in=n_in, found=kind(row)))
        if len(row) != n_in:
            raise Problem(
                t(
                    "core.file.row_length",
                    where=where,
                    row=j,
                    count=len(row),
                    neurons=counted("core.count.neuron", n_in),
                )
            )
        checked.append(
            [
                number(v, lambda j=j, i=i: t("core.file.weight_value", where=where, row=j, column=i))
                for i, v in enumerate(row, 1)
            ]
        )
    return np.array(checked, dtype=np.float64)


def _missing_list_message(key: str, value: Any, data: Mapping[str, Any]) -> str:
    # key is "inputs" or "layers"
    if key not in data:
        return t("core.file.missing_inputs" if key == "inputs" else "core.file.missing_layers")
    if isinstance(value, list):
        return t("core.file.empty_inputs" if key == "inputs" else "core.file.empty_layers")
    return t("core.file.not_list", field=key, found=kind(value))


# --- saving ------------------------------------------------------------------


def network_to_dict(network: Network, training: TrainingRecord | None = None) -> dict[str, Any]:
    """The JSON document of ``network`` (version 2 with ``training``, else 1), in plain Python numbers."""
    layers: list[dict[str, Any]] = []
    for layer in network.layers:
        entry: dict[str, Any] = {}
        if layer.name:
            entry["name"] = layer.name
        entry["activation"] = layer.activation
        if layer.neuron_names is not None:
            entry["neurons"] = list(layer.neuron_names)
        entry["weights"] = layer.weights.tolist()
        entry["bias"] = layer.bias.tolist()
        layers.append(entry)
    inputs: list[dict[str, Any]] = [
        {"name": n, "value": float(v)} for n, v in zip(network.input_names, network.input_values.tolist())
    ]
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": 1 if training is None and network.features is None and network.image_shape is None else 2,
        "name": network.name,
    }
    if network.image_shape is not None:
        document["image"] = image_to_dict(network.image_shape)
    if network.features is not None and network.point is not None:
        document["point"] = network.point.tolist()
        for entry, feature in zip(inputs, network.features):
            entry["feature"] = feature.id
    document["inputs"] = inputs
    document["layers"] = layers
    if training is not None:
        document["training"] = training_to_dict(training)
    return document


def dumps_network(network: Network, training: TrainingRecord | None = None) -> str:
    """JSON text of ``network`` (and ``training``): indented, each list of numbers on one line."""
    return _surrogates_escaped(dump(network_to_dict(network, training), 0) + "\n")


def _surrogates_escaped(text: str) -> str:
    """``text`` with every lone UTF-16 surrogate written as a JSON escape (\\udXXX).

    A file may name a neuron with one (JSON allows it, UTF-8 cannot encode it):
    escaped, the name is saved as it is and reads back the same."""
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def save_network(network: Network, path: str | os.PathLike[str], training: TrainingRecord | None = None) -> None:
    """Write ``network`` (and ``training``) to ``path`` atomically: a temporary file, then a rename.

    If anything fails the previous file at ``path`` is left untouched.
    Raises ``ValueError`` for a network holding NaN or infinity, ``OSError``
    for a file system problem.
    """
    write_text_atomically(path, dumps_network(network, training))
