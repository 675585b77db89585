"""Exporting a network for use outside nntui: a NumPy ``.npz`` file or a PyTorch script.

``export_npz`` writes one array per weight matrix and bias vector, named
``layer1.weight``, ``layer1.bias``, ``layer2.weight``, ... with weights of
shape (n_out, n_in) as in PyTorch's ``nn.Linear``, plus ``input_values``
(float64) and the string arrays ``input_names``, ``activations`` and
``layer_names`` (one entry per layer, "" for an unnamed layer).  Optional
extras keep the round trip lossless: ``name`` (0-d string array),
``layerK.neuron_names`` for layers whose neurons are named, and
``features`` (ids such as ``x1^2``) with ``point`` when the inputs are
features of a point, and ``image_shape`` (rows, columns; int64) when they
are the pixels of a picture, row by row.  Nothing is
pickled, so ``np.load(path)`` reads the file with its default
``allow_pickle=False``; ``load_npz`` rebuilds the network.

``torch_snippet`` renders a short self-contained PyTorch script that builds
the same network as ``nn.Sequential`` in float64 and prints its output.

Both writers are atomic like :func:`nntui.core.fileformat.save_network`, and
both refuse a network holding NaN or infinity, as the network file does.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import numpy as np
from numpy.typing import NDArray

from nntui.core.activations import ACTIVATION_NAMES, LEAKY_SLOPE
from nntui.core.atomic import write_atomically
from nntui.core.features import Feature, FeatureError, parse_all
from nntui.core.fileformat import NetworkFileError
from nntui.core.locations import located, one_line, read_error_message
from nntui.core.network import DenseLayer, Network
from nntui.i18n import t

_LAYER_KEY = re.compile(r"layer(\d+)\.(weight|bias|neuron_names)")


class ExportError(NetworkFileError):
    """A network that cannot be exported, or an exported file that cannot be loaded."""


# --- NumPy ---------------------------------------------------------------------


def npz_arrays(network: Network) -> dict[str, NDArray[np.generic]]:
    """The arrays ``export_npz`` writes, by name (copies, safe to modify)."""
    _check_finite(network)
    arrays: dict[str, NDArray[np.generic]] = {
        "name": np.array(network.name, dtype=np.str_),
        "input_names": np.array(network.input_names, dtype=np.str_),
        "input_values": np.array(network.input_values, dtype=np.float64),
        "activations": np.array([layer.activation for layer in network.layers], dtype=np.str_),
        "layer_names": np.array([layer.name or "" for layer in network.layers], dtype=np.str_),
    }
    if network.features is not None and network.point is not None:
        arrays["features"] = np.array([f.id for f in network.features], dtype=np.str_)
        arrays["point"] = np.array(network.point, dtype=np.float64)
    if network.image_shape is not None:
        arrays["image_shape"] = np.array(network.image_shape, dtype=np.int64)
    for k, layer in enumerate(network.layers, start=1):
        arrays[f"layer{k}.weight"] = np.array(layer.weights, dtype=np.float64)
        arrays[f"layer{k}.bias"] = np.array(layer.bias, dtype=np.float64)
        if layer.neuron_names is not None:
            arrays[f"layer{k}.neuron_names"] = np.array(layer.neuron_names, dtype=np.str_)
    return arrays


def export_npz(network: Network, path: str | os.PathLike[str]) -> None:
    """Write ``network`` as an uncompressed ``.npz`` file at exactly ``path``.

    Atomic: if anything fails, an existing file at ``path`` is left untouched.
    Raises :class:`ExportError` for a network holding NaN or infinity and
    ``OSError`` for a file system problem.
    """
    arrays: dict[str, Any] = dict(npz_arrays(network))

    def write(handle: IO[bytes]) -> None:
        # Given a file object np.savez adds no ".npz" suffix to the name.
        np.savez(handle, **arrays)

    write_atomically(Path(path), write)


def load_npz(path: str | os.PathLike[str]) -> Network:
    """Rebuild a network from a file written by :func:`export_npz`.

    Raises :class:`ExportError` naming the file and the problem: a missing or
    malformed array, an unknown activation, shapes that do not chain.
    """
    label = one_line(str(path))
    try:
        loaded = np.load(path, allow_pickle=False)
    except OSError as error:
        raise ExportError(read_error_message(label, error, t("core.file.kind.npz"))) from None
    except (ValueError, EOFError, zipfile.BadZipFile):
        # np.load falls back to unpickling unknown content, which it refuses.
        raise ExportError(t("core.export.not_npz", label=label)) from None
    if not isinstance(loaded, np.lib.npyio.NpzFile):
        raise ExportError(t("core.export.single_npy", label=label))
    try:
        with loaded:
            arrays = {key: loaded[key] for key in loaded.files}
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as error:
        # Object arrays need pickle, which is off; a truncated member fails too.
        raise ExportError(t("core.export.unreadable_array", label=label, reason=error)) from None
    try:
        return network_from_arrays(arrays)
    except ExportError as error:
        raise ExportError(located(label, error)) from None


def network_from_arrays(arrays: Mapping[str, NDArray[np.generic]]) -> Network:
    """Build a network from arrays named as in :func:`export_npz`."""
    input_names = _strings(arrays, "input_names")
    input_values = _numbers(arrays, "input_values", 1)
    activations = _strings(arrays, "activations")
    layer_names = _strings(arrays, "layer_names")
    n_layers = len(activations)
    if not input_names:
        raise ExportError(t("core.export.no_inputs"))
    if not n_layers:
        raise ExportError(t("core.export.no_layers"))
    if len(input_values) != len(input_names):
        raise ExportError(t("core.export.input_values", count=len(input_values), names=len(input_names)))
    if len(layer_names) != n_layers:
        raise ExportError(t("core.export.layer_names", count=len(layer_names), layers=n_layers))
    for key in arrays:
        match = _LAYER_KEY.fullmatch(key)
        if match and not 1 <= int(match.group(1)) <= n_layers:
            raise ExportError(t("core.export.extra_layer", array=key, layers=n_layers))
    name = t("core.network.untitled")
    if "name" in arrays:
        name_array = arrays["name"]
        if name_array.dtype.kind != "U" or name_array.ndim != 0:
            raise ExportError(t("core.export.name"))
        name = str(name_array[()]) or t("core.network.untitled")

    layers: list[DenseLayer] = []
    previous = len(input_names)
    for k, activation in enumerate(activations, start=1):
        if activation not in ACTIVATION_NAMES:
            raise ExportError(
                t("core.export.unknown_activation", k=k, name=activation, valid=", ".join(ACTIVATION_NAMES))
            )
        weights = _numbers(arrays, f"layer{k}.weight", 2)
        bias = _numbers(arrays, f"layer{k}.bias", 1)
        n_out = weights.shape[0]
        if weights.shape[1] != previous or n_out == 0:
            raise ExportError(
                t("core.export.weight_shape", k=k, shape=weights.shape, n_out=max(n_out, 1), n_in=previous)
            )
        if bias.shape != (n_out,):
            raise ExportError(t("core.export.bias_shape", k=k, shape=bias.shape, n_out=n_out))
        neuron_names = None
        if f"layer{k}.neuron_names" in arrays:
            neuron_names = _strings(arrays, f"layer{k}.neuron_names")
            if len(neuron_names) != n_out:
                raise ExportError(t("core.export.neuron_names", k=k, count=len(neuron_names), n_out=n_out))
        title = layer_names[k - 1] or None
        layers.append(DenseLayer(weights, bias, activation, title, neuron_names))
        previous = n_out
    features, point = _features(arrays)
    image = _image_shape(arrays)
    try:
        return Network(input_names, input_values, layers, name, features, point, image)
    except ValueError as error:  # features that do not fit, a picture of another size
        raise ExportError(str(error)) from None


def _image_shape(arrays: Mapping[str, NDArray[np.generic]]) -> tuple[int, int] | None:
    """The optional ``image_shape`` array: two whole numbers (checked against the inputs by Network)."""
    if "image_shape" not in arrays:
        return None
    array = arrays["image_shape"]
    if array.dtype.kind not in "iu" or array.shape != (2,):
        raise ExportError(t("core.image.npz", shape=array.shape, dtype=array.dtype))
    rows, columns = (int(n) for n in array)
    return rows, columns


def _features(arrays: Mapping[str, NDArray[np.generic]]) -> tuple[tuple[Feature, ...] | None, Any]:
    """The optional ``features`` (ids) and ``point`` arrays: both or neither."""
    if "features" not in arrays and "point" not in arrays:
        return None, None
    try:
        features = parse_all(_strings(arrays, "features"))
    except FeatureError as error:
        raise ExportError(str(error)) from None
    return features, _numbers(arrays, "point", 1)


def _array(arrays: Mapping[str, NDArray[np.generic]], key: str) -> NDArray[np.generic]:
    try:
        return arrays[key]
    except KeyError:
        raise ExportError(t("core.export.missing", array=key)) from None


def _strings(arrays: Mapping[str, NDArray[np.generic]], key: str) -> list[str]:
    array = _array(arrays, key)
    if array.dtype.kind != "U" or array.ndim != 1:
        raise ExportError(t("core.export.not_strings", array=key, ndim=array.ndim, dtype=array.dtype))
    return [str(s) for s in array]


def _numbers(arrays: Mapping[str, NDArray[np.generic]], key: str, ndim: int) -> NDArray[np.float64]:
    array = _array(arrays, key)
    # Bool arrays are numbers to NumPy but almost surely a mistake here.
    if array.dtype.kind not in "iuf" or array.ndim != ndim:
        raise ExportError(t("core.export.not_numbers", array=key, expected=ndim, ndim=array.ndim, dtype=array.dtype))
    result = np.array(array, dtype=np.float64)
    if not np.all(np.isfinite(result)):
        raise ExportError(t("core.export.not_finite", array=key))
    return result


# --- PyTorch -------------------------------------------------------------------

_TORCH_MODULES: dict[str, str | None] = {
    "linear": None,  # nn.Linear is already linear: no module needed
    "sigmoid": "nn.Sigmoid()",
    "tanh": "nn.Tanh()",
    "relu": "nn.ReLU()",
    "leaky_relu": f"nn.LeakyReLU({LEAKY_SLOPE!r})",
    "softmax": "nn.Softmax(dim=-1)",
    "step": "Step()",
}


def _step_class() -> str:
    return (
        "class Step(nn.Module):\n"
        f'    """{t("core.export.torch.step_doc")}"""\n'
        "\n"
        "    def forward(self, z: torch.Tensor) -> torch.Tensor:\n"
        "        return (z >= 0).to(z.dtype)\n"
    )


def torch_snippet(network: Network) -> str:
    """A runnable PyTorch script that rebuilds ``network`` and prints its output.

    Floats are written with ``repr``, so the float64 model holds exactly the
    same weights; one ``nn.Linear`` per line, weights as nested lists.
    Raises :class:`ExportError` for a network holding NaN or infinity.
    """
    _check_finite(network)
    lines = [
        "# " + t("core.export.torch.network", name=_comment(network.name)),
        "# " + t("core.export.torch.inputs", names=", ".join(_comment(n) for n in network.input_names)),
        "# " + t("core.export.torch.exported"),
        "import torch",
        "from torch import nn",
        "",
    ]
    if any(layer.activation == "step" for layer in network.layers):
        lines += ["", _step_class(), ""]

    modules: list[str] = []
    linear_index: list[int] = []  # position of each layer's nn.Linear in the model
    for k, layer in enumerate(network.layers, start=1):
        linear_index.append(len(modules))
        title = _comment(network.layer_title(k))
        modules.append(f"nn.Linear({layer.n_in}, {layer.n_out}),  # {title}: {layer.activation}")
        module = _TORCH_MODULES[layer.activation]
        if module is not None:
            modules.append(f"{module},")
    lines.append("model = nn.Sequential(")
    lines += [f"    {m}" for m in modules]
    lines += [").double()", "", "with torch.no_grad():"]

    for k, layer in enumerate(network.layers):
        target = f"model[{linear_index[k]}]"
        rows = [f"        {_floats(row)}," for row in layer.weights.tolist()]
        lines.append(f"    {target}.weight.copy_(torch.tensor([")
        lines += rows
        lines.append("    ], dtype=torch.float64))")
        lines.append(f"    {target}.bias.copy_(torch.tensor({_floats(layer.bias.tolist())}, dtype=torch.float64))")

    if network.image_shape is not None:
        lines += _torch_image(network.input_values.tolist(), network.image_shape)
    elif network.features is None or network.point is None:
        lines += [
            "",
            f"x = torch.tensor({_floats(network.input_values.tolist())}, dtype=torch.float64)",
            "print(model(x))",
        ]
    else:
        lines += _torch_features(network.features, network.point.tolist())
    return "\n".join(lines) + "\n"


def _torch_image(values: list[float], shape: tuple[int, int]) -> list[str]:
    """The inputs are a picture's pixels: x written as its rows, then flattened (row by row)."""
    rows, columns = shape
    return [
        "",
        "# " + t("core.image.torch", rows=rows, columns=columns),
        "x = torch.tensor([",
        *(f"    {_floats(values[r * columns : (r + 1) * columns])}," for r in range(rows)),
        "], dtype=torch.float64).flatten()",
        "print(model(x))",
    ]


def _torch_feature(feature: Feature) -> str:
    a, b = f"p[..., {feature.first}]", f"p[..., {feature.second}]"
    return {"plain": a, "square": f"{a} ** 2", "product": f"{a} * {b}", "sine": f"torch.sin({a})"}[feature.kind]


def _torch_features(features: tuple[Feature, ...], point: list[float]) -> list[str]:
    """The inputs are features of a point: a function computes them, for one point or a batch."""
    return [
        "",
        "",
        "def features(p: torch.Tensor) -> torch.Tensor:",
        f'    """{t("core.export.torch.features", labels=", ".join(f.label for f in features))}"""',
        f"    return torch.stack([{', '.join(_torch_feature(f) for f in features)}], dim=-1)",
        "",
        "",
        f"point = torch.tensor({_floats(point)}, dtype=torch.float64)",
        "print(model(features(point)))",
    ]


def export_torch(network: Network, path: str | os.PathLike[str]) -> None:
    """Write :func:`torch_snippet` of ``network`` to ``path`` atomically."""
    data = torch_snippet(network).encode("utf-8")
    write_atomically(Path(path), lambda handle: handle.write(data))


def _floats(values: list[float]) -> str:
    # repr is the shortest text that parses back to the same float64.
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def _comment(text: str) -> str:
    """``text`` safe inside a ``#`` comment: a newline in a name would end it."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


# --- shared --------------------------------------------------------------------


def _check_finite(network: Network) -> None:
    if not np.all(np.isfinite(network.input_values)):
        raise ExportError(t("core.export.inputs_not_finite"))
    for k, layer in enumerate(network.layers, start=1):
        for key, values in (
            ("core.export.weights_not_finite", layer.weights),
            ("core.export.biases_not_finite", layer.bias),
        ):
            if not np.all(np.isfinite(values)):
                raise ExportError(t(key, k=k, layer=network.layer_title(k)))
