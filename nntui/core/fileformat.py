"""The network file, format version 1: JSON, described in docs/format.md.

Loading validates everything and raises :class:`NetworkFileError` with one
message that names the file and the exact problem.  Saving is atomic and
writes floats with ``repr`` precision, so a save/load round trip is exact.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterable, Mapping
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.atomic import write_text_atomically
from nntui.core.locations import located, one_line, quoted, shortened, shown
from nntui.core.network import DenseLayer, Network
from nntui.core.plural import counted
from nntui.core.reading import FileReadError, read_limited
from nntui.i18n import t

FORMAT_NAME = "nntui-network"
FORMAT_VERSION = 1

_TOP_KEYS = ("format", "version", "name", "inputs", "layers")
_INPUT_KEYS = ("name", "value")
_LAYER_KEYS = ("name", "activation", "neurons", "weights", "bias")


class NetworkFileError(ValueError):
    """A network file (or dict) that cannot be loaded; the message says why."""


class _Problem(Exception):
    """Internal: a problem found at some place in the document."""


# --- loading -----------------------------------------------------------------


def load_network(path: str | os.PathLike[str], label: str | None = None) -> Network:
    """Read and validate a network file; messages name it as ``label`` (default: the path).

    Only a regular file of at most ``reading.MAX_FILE_BYTES`` is read.
    """
    path = Path(path)
    label = one_line(str(path) if label is None else label)
    try:
        raw = read_limited(path, label, t("core.file.kind.network"))
    except FileReadError as error:
        raise NetworkFileError(str(error)) from None
    return loads_network(raw, label)


def loads_network(text: str | bytes, label: str = "<network>") -> Network:
    """Parse and validate the JSON text of a network file."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise NetworkFileError(t("core.file.not_text", label=label, byte=error.start)) from None
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_Object.of)
    except json.JSONDecodeError as error:
        raise NetworkFileError(
            t("core.file.bad_json", label=label, reason=error.msg, line=error.lineno, column=error.colno)
        ) from None
    except _Problem as problem:
        raise NetworkFileError(located(label, problem)) from None
    except RecursionError:
        raise NetworkFileError(t("core.file.too_deep", label=label)) from None
    except ValueError:  # an integer literal of more than 4300 digits
        raise NetworkFileError(t("core.file.too_many_digits", label=label)) from None
    return network_from_dict(data, label)


def _reject_constant(name: str) -> float:
    raise _Problem(t("core.file.constant", name=name))


class _Object(dict):  # type: ignore[type-arg]
    """A JSON object as read; ``repeated`` is its first key written twice, if any.

    A repeated key is reported where the object is checked, so the message
    says which input or layer it is in.
    """

    repeated: str | None = None

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> _Object:
        result = cls(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    result.repeated = key
                    break
                seen.add(key)
        return result


def network_from_dict(data: Any, label: str = "<network>") -> Network:
    """Validate an already-parsed document and build the network."""
    try:
        return _build(data)
    except _Problem as problem:
        raise NetworkFileError(located(label, problem)) from None


def _build(data: Any) -> Network:
    if not isinstance(data, Mapping):
        raise _Problem(t("core.file.top_level", found=_kind(data)))
    fmt = data.get("format")
    if fmt != FORMAT_NAME:
        if "format" not in data:
            found = t("core.file.no_format_key")
        else:
            found = t("core.file.format_found", format=shown(fmt))
        raise _Problem(t("core.file.not_nntui", format=FORMAT_NAME, found=found))
    version = data.get("version")
    if "version" not in data:
        raise _Problem(t("core.file.no_version", version=FORMAT_VERSION))
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise _Problem(t("core.file.version", found=shown(version), version=FORMAT_VERSION))
    _check_keys(data, _TOP_KEYS, "")
    name = _optional_string(data, "name", "") or t("core.network.untitled")

    inputs = data.get("inputs")
    if not isinstance(inputs, list) or not inputs:
        raise _Problem(_missing_list_message("inputs", inputs, data))
    input_names: list[str] = []
    input_values: list[float] = []
    for i, item in enumerate(inputs, start=1):
        where = t("core.file.at_input", index=i)
        if not isinstance(item, Mapping):
            raise _Problem(t("core.file.input_not_object", where=where, found=_kind(item)))
        _check_keys(item, _INPUT_KEYS, where)
        if "name" not in item:
            raise _Problem(t("core.file.input_no_name", where=where))
        input_name = _optional_string(item, "name", where)
        if not input_name:
            raise _Problem(t("core.file.input_empty_name", where=where))
        input_names.append(input_name)
        input_values.append(_number(item.get("value", 0.0), lambda: f'{where}"value"'))

    layers_data = data.get("layers")
    if not isinstance(layers_data, list) or not layers_data:
        raise _Problem(_missing_list_message("layers", layers_data, data))
    layers: list[DenseLayer] = []
    previous = len(input_names)
    for k, item in enumerate(layers_data, start=1):
        layer = _build_layer(item, k, previous)
        layers.append(layer)
        previous = layer.n_out
    return Network(input_names, np.array(input_values), layers, name)


def _build_layer(item: Any, k: int, n_in: int) -> DenseLayer:
    where = t("core.file.at_layer", k=k)
    if not isinstance(item, Mapping):
        raise _Problem(t("core.file.layer_not_object", where=where, found=_kind(item)))
    layer_name = _optional_string(item, "name", where)
    if layer_name:
        where = t("core.file.at_named_layer", k=k, name=shown(layer_name))
    _check_keys(item, _LAYER_KEYS, where)

    valid = ", ".join(ACTIVATION_NAMES)
    if "activation" not in item:
        raise _Problem(t("core.file.no_activation", where=where, valid=valid))
    activation = item["activation"]
    if activation not in ACTIVATION_NAMES:
        raise _Problem(
            t("core.file.unknown_activation", where=where, name=shown(activation), valid=valid)
        )

    if "weights" not in item:
        raise _Problem(t("core.file.no_weights", where=where))
    weights = item["weights"]
    if not isinstance(weights, list) or not weights:
        raise _Problem(t("core.file.weights_not_rows", where=where, found=_kind(weights)))
    matrix = _weights(weights, n_in, where)
    n_out = len(weights)

    if "bias" in item:
        bias_data = item["bias"]
        if not isinstance(bias_data, list):
            raise _Problem(t("core.file.bias_not_list", where=where, n_out=n_out, found=_kind(bias_data)))
        if len(bias_data) != n_out:
            raise _Problem(
                t(
                    "core.file.bias_length",
                    where=where,
                    count=len(bias_data),
                    neurons=counted("core.count.neuron", n_out),
                )
            )
        bias = _finite_array(bias_data, n_out, bias_data)
        if bias is None:
            bias = np.array([
                _number(v, lambda j=j: t("core.file.bias_value", where=where, index=j))
                for j, v in enumerate(bias_data, 1)
            ])
    else:
        bias = np.zeros(n_out)

    neuron_names: list[str] | None = None
    if "neurons" in item:
        names = item["neurons"]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise _Problem(t("core.file.neurons_not_names", where=where))
        if len(names) != n_out:
            raise _Problem(
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
    """The weights matrix of a layer; its first bad row or value, in reading order, is a _Problem.

    A valid layer costs a few passes in C over its numbers: the location of
    a number is put in words only once a bad one is met.
    """
    if set(map(type, rows)) == {list} and set(map(len, rows)) == {n_in}:
        matrix = _finite_array(chain.from_iterable(rows), len(rows) * n_in, chain.from_iterable(rows))
        if matrix is not None:
            return matrix.reshape(len(rows), n_in)
    checked: list[list[float]] = []
    for j, row in enumerate(rows, start=1):
        if not isinstance(row, list):
            raise _Problem(t("core.file.row_not_list", where=where, row=j, n_in=n_in, found=_kind(row)))
        if len(row) != n_in:
            raise _Problem(
                t(
                    "core.file.row_length",
                    where=where,
                    row=j,
                    count=len(row),
                    neurons=counted("core.count.neuron", n_in),
                )
            )
        checked.append([
            _number(v, lambda j=j, i=i: t("core.file.weight_value", where=where, row=j, column=i))
            for i, v in enumerate(row, 1)
        ])
    return np.array(checked, dtype=np.float64)


_NUMBER_TYPES = frozenset((int, float))  # what json.loads makes of a number (bool is not one)


def _finite_array(values: Iterable[Any], count: int, again: Iterable[Any]) -> np.ndarray | None:
    """The ``count`` ``values`` as float64 if each is a finite JSON number, else None.

    ``again`` goes over the same values, for the check of their types: NumPy
    would take "2", true or null for numbers.
    """
    if not set(map(type, again)) <= _NUMBER_TYPES:
        return None
    try:
        array = np.fromiter(values, dtype=np.float64, count=count)
    except (OverflowError, ValueError, TypeError):  # an integer too large for a float
        return None
    return array if bool(np.isfinite(array).all()) else None


def _check_keys(item: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    repeated = getattr(item, "repeated", None)
    if repeated is not None:
        raise _Problem(t("core.file.duplicate_key", where=where, field=shown(repeated)))
    for key in item:
        if key not in allowed:
            raise _Problem(
                t("core.file.unknown_key", where=where, field=shown(key), allowed=", ".join(allowed))
            )


def _optional_string(item: Mapping[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise _Problem(t("core.file.not_string", where=where, field=key, found=_kind(value)))
    return value


def _number(value: Any, where: Callable[[], str]) -> float:
    """``value`` as a finite float; ``where`` puts its place in words, only if it is not one."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Problem(t("core.file.not_number", where=where(), found=_kind(value)))
    try:
        result = float(value)
    except OverflowError:
        result = math.inf
    if not math.isfinite(result):
        raise _Problem(t("core.file.too_large", where=where()))
    return result


def _missing_list_message(key: str, value: Any, data: Mapping[str, Any]) -> str:
    # key is "inputs" or "layers"
    if key not in data:
        return t("core.file.missing_inputs" if key == "inputs" else "core.file.missing_layers")
    if isinstance(value, list):
        return t("core.file.empty_inputs" if key == "inputs" else "core.file.empty_layers")
    return t("core.file.not_list", field=key, found=_kind(value))


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return t("core.file.found.number", value=shortened(repr(value)))
    if isinstance(value, str):
        return t("core.file.found.text", text=quoted(value, 20))
    if isinstance(value, list):
        return t("core.file.found.list")
    if isinstance(value, Mapping):
        return t("core.file.found.object")
    return type(value).__name__


# --- saving ------------------------------------------------------------------


def network_to_dict(network: Network) -> dict[str, Any]:
    """The JSON document of ``network``, with plain Python floats."""
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
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "name": network.name,
        "inputs": [
            {"name": n, "value": float(v)}
            for n, v in zip(network.input_names, network.input_values.tolist())
        ],
        "layers": layers,
    }


def dumps_network(network: Network) -> str:
    """JSON text of ``network``: indented, each list of numbers on one line."""
    return _dump(network_to_dict(network), 0) + "\n"


def _dump(value: Any, depth: int) -> str:
    pad = "  " * depth
    inner = "  " * (depth + 1)
    if isinstance(value, dict):
        if all(not isinstance(v, (dict, list)) for v in value.values()):
            return json.dumps(value, ensure_ascii=False, allow_nan=False)
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dump(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            # json.dumps writes floats with repr(), which round-trips exactly.
            return json.dumps(value, ensure_ascii=False, allow_nan=False)
        items = [inner + _dump(v, depth + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def save_network(network: Network, path: str | os.PathLike[str]) -> None:
    """Write ``network`` to ``path`` atomically: a temporary file, then a rename.

    If anything fails the previous file at ``path`` is left untouched.
    Raises ``ValueError`` for a network holding NaN or infinity, ``OSError``
    for a file system problem.
    """
    write_text_atomically(path, dumps_network(network))
