"""Exporting to NumPy .npz and to a PyTorch script (nntui.core.export).

The PyTorch tests run the generated script only where torch is importable;
torch is never a dependency of nntui.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import stat
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.export import (
    ExportError,
    export_npz,
    export_torch,
    load_npz,
    npz_arrays,
    torch_snippet,
)
from nntui.core.fileformat import NetworkFileError
from nntui.core.network import DenseLayer, Network
from nntui.core.presets import load_preset, preset_names
from tests.factory import random_network

PRESETS = preset_names()


def all_activations_network() -> Network:
    """One layer per activation, with named and unnamed layers and neurons.

    Step's inputs are kept well away from 0 so a rounding difference between
    NumPy and PyTorch cannot flip it, except one neuron whose z is exactly 0
    (step(0) is 1).
    """
    rng = np.random.default_rng(7)
    layers = []
    n_in = 3
    for k, activation in enumerate(ACTIVATION_NAMES):
        n_out = 4 if k % 2 == 0 else 3
        weights = rng.normal(0.0, 0.8, size=(n_out, n_in))
        bias = rng.normal(0.0, 0.3, size=n_out)
        if activation == "step":
            weights = np.zeros((n_out, n_in))
            weights[1:, 0] = 0.123456789
            bias = np.array([0.0, -2.5, 0.25, -1.75][:n_out])  # neuron 0: z is exactly 0
        named = k % 2 == 0
        layers.append(
            DenseLayer(
                weights,
                bias,
                activation,
                f"{activation} layer" if named else None,
                [f"{activation}{j}" for j in range(n_out)] if named else None,
            )
        )
        n_in = n_out
    return Network(["x1", "x2", "x3"], np.array([0.3, -1.2, 2.0 / 3.0]), layers, "every activation")


def case(name: str) -> Network:
    return all_activations_network() if name == "all" else load_preset(name)


def assert_same_network(a: Network, b: Network) -> None:
    assert b.name == a.name
    assert b.input_names == a.input_names
    assert b.input_values.tobytes() == a.input_values.tobytes()
    assert len(b.layers) == len(a.layers)
    for la, lb in zip(a.layers, b.layers):
        assert lb.activation == la.activation
        assert lb.name == la.name
        assert lb.neuron_names == la.neuron_names
        assert lb.weights.dtype == np.float64 and lb.weights.shape == la.weights.shape
        assert lb.weights.tobytes() == la.weights.tobytes()
        assert lb.bias.tobytes() == la.bias.tobytes()


def files_in(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


# --- npz -----------------------------------------------------------------------


@pytest.mark.parametrize("name", [*PRESETS, "all"])
def test_npz_holds_the_network_arrays_bit_for_bit(tmp_path: Path, name: str) -> None:
    network = case(name)
    path = tmp_path / "net.npz"
    export_npz(network, path)
    with np.load(path) as data:  # default allow_pickle=False: nothing pickled
        n = len(network.layers)
        expected_keys = {"input_names", "input_values", "activations", "layer_names"}
        for k in range(1, n + 1):
            expected_keys |= {f"layer{k}.weight", f"layer{k}.bias"}
        assert expected_keys <= set(data.files)
        for k, layer in enumerate(network.layers, start=1):
            weight = data[f"layer{k}.weight"]
            bias = data[f"layer{k}.bias"]
            assert weight.dtype == np.float64 and weight.shape == (layer.n_out, layer.n_in)
            assert weight.tobytes() == layer.weights.tobytes()
            assert bias.dtype == np.float64 and bias.tobytes() == layer.bias.tobytes()
        assert data["input_values"].dtype == np.float64
        assert data["input_values"].tobytes() == network.input_values.tobytes()
        assert data["input_names"].tolist() == network.input_names
        assert data["activations"].tolist() == [layer.activation for layer in network.layers]
        assert data["layer_names"].tolist() == [layer.name or "" for layer in network.layers]


@pytest.mark.parametrize("name", [*PRESETS, "all"])
def test_load_npz_rebuilds_an_identical_network(tmp_path: Path, name: str) -> None:
    network = case(name)
    path = tmp_path / "net.npz"
    export_npz(network, path)
    loaded = load_npz(path)
    assert_same_network(network, loaded)
    batch = np.random.default_rng(1).normal(0.0, 2.0, size=(16, network.n_inputs))
    for x in (None, batch):
        np.testing.assert_array_equal(loaded.forward(x).outputs, network.forward(x).outputs)


def test_npz_round_trip_of_a_large_random_network(tmp_path: Path) -> None:
    network = random_network((784, 128, 10), output_activation="softmax", seed=3)
    path = tmp_path / "mnist-sized.npz"
    export_npz(network, path)
    with np.load(path) as data:
        assert data["layer1.weight"].shape == (128, 784)
        assert data["layer2.weight"].shape == (10, 128)
        assert data["layer_names"].tolist() == ["", ""]
    loaded = load_npz(path)
    assert_same_network(network, loaded)
    np.testing.assert_array_equal(loaded.forward().outputs, network.forward().outputs)


@pytest.mark.parametrize("filename", ["weights", "weights.bin", "net.npz.bak", "weights.NPZ"])
def test_npz_lands_at_the_exact_path_without_an_npz_suffix(tmp_path: Path, filename: str) -> None:
    path = tmp_path / filename
    export_npz(load_preset("xor"), str(path))
    assert files_in(tmp_path) == [filename]
    assert_same_network(load_preset("xor"), load_npz(str(path)))


def test_npz_written_in_the_current_directory_with_a_bare_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    export_npz(load_preset("or"), "or-gate")
    assert files_in(tmp_path) == ["or-gate"]
    assert_same_network(load_preset("or"), load_npz("or-gate"))


def test_npz_replaces_an_existing_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "net.npz"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    export_npz(load_preset("and"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert_same_network(load_preset("and"), load_npz(path))
    assert files_in(tmp_path) == ["net.npz"]


def test_a_write_failing_midway_leaves_no_temp_file_and_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "net.npz"
    path.write_bytes(b"precious")

    def half_written_savez(file: Any, *args: Any, **kwargs: Any) -> None:
        file.write(b"PK partial zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", half_written_savez)
    with pytest.raises(OSError, match="No space left"):
        export_npz(load_preset("xor"), path)
    assert path.read_bytes() == b"precious"
    assert files_in(tmp_path) == ["net.npz"]


@pytest.mark.parametrize("writer", [export_npz, export_torch])
def test_a_failing_rename_leaves_no_temp_file_and_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: Any
) -> None:
    path = tmp_path / "out"
    path.write_bytes(b"precious")

    def failing_replace(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(PermissionError):
        writer(load_preset("layers"), path)
    assert path.read_bytes() == b"precious"
    assert files_in(tmp_path) == ["out"]


@pytest.mark.parametrize("writer", [export_npz, export_torch])
def test_a_network_holding_nan_or_infinity_is_refused_before_writing(tmp_path: Path, writer: Any) -> None:
    network = load_preset("layers")
    network.layers[1].weights[2, 3] = np.inf
    path = tmp_path / "out"
    with pytest.raises(ExportError, match=r'layer 2 \("hidden 2"\) weights hold NaN or infinity'):
        writer(network, path)
    assert files_in(tmp_path) == []


def test_export_error_is_a_network_file_error_and_a_value_error() -> None:
    assert issubclass(ExportError, NetworkFileError)
    assert issubclass(ExportError, ValueError)


def write_arrays(path: Path, arrays: dict[str, Any]) -> Path:
    with open(path, "wb") as handle:
        np.savez(handle, **arrays)
    return path


@pytest.mark.parametrize(
    "key",
    ["input_names", "input_values", "activations", "layer_names", "layer2.weight", "layer1.bias"],
)
def test_a_missing_array_is_named_in_the_error(tmp_path: Path, key: str) -> None:
    arrays = npz_arrays(load_preset("xor"))
    del arrays[key]
    path = write_arrays(tmp_path / "broken.npz", arrays)
    with pytest.raises(ExportError, match=f'broken.npz: missing array "{key}"'):
        load_npz(path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"activations": np.array(["sigmoid", "swish"])}, 'layer 2: unknown activation "swish"'),
        (
            {"layer1.weight": np.zeros((2, 3))},
            r'"layer1.weight" has shape \(2, 3\), expected \(2, 2\)',
        ),
        ({"layer2.bias": np.zeros(2)}, r'"layer2.bias" has shape \(2,\), expected \(1,\)'),
        ({"layer1.bias": np.array([0.0, np.nan])}, '"layer1.bias" holds NaN or infinity'),
        ({"input_values": np.zeros(3)}, '"input_values" has 3 values for 2 input names'),
        ({"input_names": np.array([1, 2])}, '"input_names" must be a 1-d array of strings'),
        ({"layer_names": np.array(["only one"])}, '"layer_names" has 1 entries'),
        (
            {"layer3.weight": np.zeros((1, 1))},
            '"layer3.weight" is present but "activations" lists 2',
        ),
        ({"layer1.neuron_names": np.array(["a"])}, '"layer1.neuron_names" has 1 names for 2'),
    ],
)
def test_a_malformed_file_gets_a_clear_error(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    arrays: dict[str, Any] = dict(npz_arrays(load_preset("xor")))
    arrays.update(change)
    path = write_arrays(tmp_path / "bad.npz", arrays)
    with pytest.raises(ExportError, match=message):
        load_npz(path)


def test_files_that_are_not_an_exported_network(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such file"):
        load_npz(tmp_path / "missing.npz")
    export_npz(load_preset("xor"), tmp_path / "ok.npz")
    text = tmp_path / "net.json"
    text.write_text('{"format": "nntui-network"}')
    with pytest.raises(ExportError, match=r"not an \.npz file"):
        load_npz(text)
    cut = (tmp_path / "ok.npz").read_bytes()[:200]
    for name, content in (("empty.npz", b""), ("cut.npz", cut)):
        (tmp_path / name).write_bytes(content)
        with pytest.raises(ExportError, match=f"{name}: "):
            load_npz(tmp_path / name)
    single = tmp_path / "single.npy"
    np.save(single, np.zeros(3))
    with pytest.raises(ExportError, match=r"single \.npy array"):
        load_npz(single)
    pickled = write_arrays(tmp_path / "pickled.npz", {"input_names": np.array([object()])})
    with pytest.raises(ExportError, match="cannot be read"):
        load_npz(pickled)


def test_the_network_name_and_neuron_names_are_optional_extras(tmp_path: Path) -> None:
    network = load_preset("layers")
    arrays = npz_arrays(network)
    del arrays["name"]
    for k in range(1, len(network.layers) + 1):
        del arrays[f"layer{k}.neuron_names"]
    loaded = load_npz(write_arrays(tmp_path / "plain.npz", arrays))
    assert loaded.name == "untitled"
    assert all(layer.neuron_names is None for layer in loaded.layers)
    np.testing.assert_array_equal(loaded.forward().outputs, network.forward().outputs)


# --- PyTorch snippet -----------------------------------------------------------


@pytest.mark.parametrize("name", [*PRESETS, "all"])
def test_torch_snippet_is_valid_python(name: str) -> None:
    network = case(name)
    snippet = torch_snippet(network)
    tree = ast.parse(snippet)
    compile(tree, f"<{name}>", "exec")
    imports = [ast.unparse(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert imports == ["import torch", "from torch import nn"]  # self-contained
    assert snippet.count("nn.Linear(") == len(network.layers)
    assert network.name in snippet.splitlines()[0]
    assert ", ".join(network.input_names) in snippet
    assert snippet.rstrip().endswith("print(model(x))")
    uses_step = any(layer.activation == "step" for layer in network.layers)
    assert ("class Step(nn.Module)" in snippet) == uses_step


def test_torch_snippet_of_a_large_random_network_compiles() -> None:
    network = random_network((784, 128, 10), seed=5)
    snippet = torch_snippet(network)
    compile(snippet, "<784-128-10>", "exec")
    assert repr(float(network.layers[0].weights[127, 783])) in snippet


def test_torch_snippet_maps_every_activation_to_its_module() -> None:
    snippet = torch_snippet(all_activations_network())
    for module in (
        "nn.Sigmoid()",
        "nn.Tanh()",
        "nn.ReLU()",
        "nn.LeakyReLU(0.01)",
        "nn.Softmax(dim=-1)",
        "Step()",
    ):
        assert f"    {module}," in snippet
    # linear needs no module: 7 layers, 6 activation modules
    body = snippet.split("model = nn.Sequential(")[1].split(").double()")[0]
    assert len([line for line in body.splitlines() if line.strip()]) == 7 + 6


def test_torch_snippet_writes_floats_exactly() -> None:
    network = load_preset("layers")
    network.layers[1].weights[2, 1] = 0.1 + 0.2  # 0.30000000000000004
    network.layers[0].bias[3] = 1.0 / 3.0
    network.input_values[1] = -1e-300
    snippet = torch_snippet(network)
    assert "0.30000000000000004" in snippet
    assert repr(1.0 / 3.0) in snippet
    assert "x = torch.tensor([1.0, -1e-300, -1.0], dtype=torch.float64)" in snippet
    # The weight row is written as a nested list, one row per line.
    row = "[" + ", ".join(repr(v) for v in network.layers[1].weights[2].tolist()) + "],"
    assert f"        {row}" in snippet.splitlines()


def test_names_cannot_break_out_of_the_comment_header() -> None:
    def code_only(snippet: str) -> str:
        return ast.unparse(ast.parse(snippet))  # drops the comments

    network = load_preset("xor")
    clean = code_only(torch_snippet(network))
    network.name = "evil\nimport os; os.remove('x')"
    network.input_names[0] = "a\rb"
    network.layers[0].name = "l1\u2028print('hi')"
    snippet = torch_snippet(network)
    assert code_only(snippet) == clean
    assert "# nntui network: evil\\nimport os" in snippet


def test_export_torch_writes_the_snippet(tmp_path: Path) -> None:
    network = all_activations_network()
    path = tmp_path / "model"
    export_torch(network, path)
    assert path.read_text("utf-8") == torch_snippet(network)
    assert files_in(tmp_path) == ["model"]


# --- running the snippet (only where torch is installed) -----------------------


def run_snippet(snippet: str) -> tuple[dict[str, Any], str]:
    namespace: dict[str, Any] = {"__name__": "__nntui_export__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(snippet, "<snippet>", "exec"), namespace)
    return namespace, out.getvalue()


@pytest.mark.parametrize("name", [*PRESETS, "all"])
def test_torch_model_matches_the_network(name: str) -> None:
    torch = pytest.importorskip("torch")
    network = case(name)
    namespace, printed = run_snippet(torch_snippet(network))
    model = namespace["model"]
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    assert len(linears) == len(network.layers)
    for linear, layer in zip(linears, network.layers):
        assert linear.weight.dtype == torch.float64
        assert linear.weight.detach().numpy().tobytes() == layer.weights.tobytes()
        assert linear.bias.detach().numpy().tobytes() == layer.bias.tobytes()

    x = namespace["x"]
    assert x.detach().numpy().tobytes() == network.input_values.tobytes()
    batch = np.random.default_rng(2).normal(0.0, 2.0, size=(32, network.n_inputs))
    # Compare every layer's activation, not just the output: a later step or
    # softmax could otherwise hide a wrong activation module before it.
    ends = [*[i for i, m in enumerate(model) if isinstance(m, torch.nn.Linear)][1:], len(model)]
    with torch.no_grad():
        for inputs in (x, torch.tensor(batch, dtype=torch.float64)):
            expected = network.forward(inputs.numpy()).activations
            for k, end in enumerate(ends, start=1):
                got = model[:end](inputs).numpy()
                np.testing.assert_allclose(got, expected[k], rtol=1e-12, atol=1e-15)
    assert printed.startswith("tensor(")
    assert "float64" in printed


def test_torch_script_runs_as_written(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    import subprocess
    import sys

    network = all_activations_network()
    path = tmp_path / "model.py"
    export_torch(network, path)
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.startswith("tensor(")
    printed = result.stdout.split("[", 1)[1].split("]", 1)[0]
    values = np.array([float(v) for v in printed.split(",")])
    np.testing.assert_allclose(values, network.forward().outputs, rtol=1e-3, atol=1e-4)
