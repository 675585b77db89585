"""Tests of the network file format v1 (nntui.core.fileformat) and the presets.

Bad files must fail with a single-line NetworkFileError naming the file and
the problem; good networks must survive save/load bit for bit; saving must
be atomic.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nntui.core import fileformat, reading
from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.fileformat import (
    NetworkFileError,
    dumps_network,
    load_network,
    loads_network,
    network_from_dict,
    network_to_dict,
    save_network,
)
from nntui.core.network import DenseLayer, Network
from nntui.core.presets import load_preset, preset_names

VALID = ", ".join(ACTIVATION_NAMES)
PRESETS_DIR = Path(fileformat.__file__).resolve().parent.parent / "presets"

# --- helpers -------------------------------------------------------------------


def _doc(**overrides: Any) -> dict[str, Any]:
    """A valid document (2 inputs → 4 hidden → 1 output), with keys replaced or removed.

    A value of ``...`` removes the key.
    """
    doc: dict[str, Any] = {
        "format": "nntui-network",
        "version": 1,
        "name": "test",
        "inputs": [{"name": "x1", "value": 0.0}, {"name": "x2", "value": 1.0}],
        "layers": [
            {
                "name": "first",
                "activation": "relu",
                "neurons": ["a", "b", "c", "d"],
                "weights": [[1, 2], [3, 4], [5, 6], [7, 8]],
                "bias": [0, 0, 0, 0],
            },
            {
                "name": "hidden",
                "activation": "sigmoid",
                "weights": [[1, 2, 3, 4]],
                "bias": [0.5],
            },
        ],
    }
    for key, value in overrides.items():
        if value is ...:
            del doc[key]
        else:
            doc[key] = value
    return doc


def _with_layer(k: int, **overrides: Any) -> dict[str, Any]:
    """A valid document whose layer ``k`` (1-based) has keys replaced (``...`` removes)."""
    doc = _doc()
    layer = doc["layers"][k - 1]
    for key, value in overrides.items():
        if value is ...:
            del layer[key]
        else:
            layer[key] = value
    return doc


def _with_input(i: int, **overrides: Any) -> dict[str, Any]:
    """A valid document whose input ``i`` (1-based) has keys replaced (``...`` removes)."""
    doc = _doc()
    item = doc["inputs"][i - 1]
    for key, value in overrides.items():
        if value is ...:
            del item[key]
        else:
            item[key] = value
    return doc


def _text(doc: dict[str, Any]) -> str:
    return json.dumps(doc)


def _load_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str | bytes) -> str:
    """Write ``content`` to ./net.json, load it, and return the single-line error message."""
    monkeypatch.chdir(tmp_path)
    path = Path("net.json")
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(NetworkFileError) as info:
        load_network("net.json")
    message = str(info.value)
    assert "\n" not in message
    return message


def _bits(array: np.ndarray) -> bytes:
    """The exact bytes of a float64 array (tells -0.0 from 0.0)."""
    assert array.dtype == np.float64
    return np.ascontiguousarray(array).tobytes()


def _assert_same_network(a: Network, b: Network) -> None:
    """Names, activations, shapes and every float bit-identical."""
    assert a.name == b.name
    assert a.input_names == b.input_names
    assert _bits(a.input_values) == _bits(b.input_values)
    assert len(a.layers) == len(b.layers)
    for la, lb in zip(a.layers, b.layers):
        assert la.name == lb.name
        assert la.activation == lb.activation
        assert la.neuron_names == lb.neuron_names
        assert la.weights.shape == lb.weights.shape
        assert _bits(la.weights) == _bits(lb.weights)
        assert la.bias.shape == lb.bias.shape
        assert _bits(la.bias) == _bits(lb.bias)


class _Boom(Exception):
    """Raised by the monkeypatched step."""


def _raiser(exc: BaseException) -> Callable[..., Any]:
    """A stand-in function that raises ``exc`` whatever it is called with."""

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise exc

    return fail


# --- bad files: the exact message ---------------------------------------------------

BAD_FILES: list[Any] = [
    # JSON syntax
    pytest.param(
        '{\n  "format": "nntui-network"\n  "version": 1\n}',
        "net.json: not valid JSON: Expecting ',' delimiter (line 3, column 3)",
        id="json-missing-comma",
    ),
    pytest.param(
        "",
        "net.json: not valid JSON: Expecting value (line 1, column 1)",
        id="json-empty-file",
    ),
    pytest.param(
        '{"format": "nntui-network", "version": 1, "inputs": [',
        "net.json: not valid JSON: Expecting value (line 1, column 54)",
        id="json-truncated",
    ),
    pytest.param(
        "{\"format\": 'nntui-network'}",
        "net.json: not valid JSON: Expecting value (line 1, column 12)",
        id="json-single-quotes",
    ),
    # top level
    pytest.param(
        "[1, 2]",
        "net.json: expected a JSON object at the top level, found a list",
        id="top-list",
    ),
    pytest.param(
        "3.5",
        "net.json: expected a JSON object at the top level, found the number 3.5",
        id="top-number",
    ),
    pytest.param(
        '"hello"',
        'net.json: expected a JSON object at the top level, found the text "hello"',
        id="top-string",
    ),
    pytest.param("null", "net.json: expected a JSON object at the top level, found null", id="top-null"),
    # format
    pytest.param(
        _text(_doc(format=...)),
        'net.json: not an nntui network file: expected "format": "nntui-network", found no "format" key',
        id="format-missing",
    ),
    pytest.param(
        _text(_doc(format="keras")),
        'net.json: not an nntui network file: expected "format": "nntui-network", found format "keras"',
        id="format-wrong",
    ),
    pytest.param(
        _text(_doc(format=None)),
        'net.json: not an nntui network file: expected "format": "nntui-network", found format null',
        id="format-null",
    ),
    # version
    pytest.param(
        _text(_doc(version=...)),
        'net.json: missing "version": this nntui reads version 1 or 2',
        id="version-missing",
    ),
    pytest.param(
        _text(_doc(version=3)),
        "net.json: unsupported format version 3: this nntui reads version 1 or 2",
        id="version-3",
    ),
    pytest.param(
        _text(_doc(version="1")),
        'net.json: unsupported format version "1": this nntui reads version 1 or 2',
        id="version-string",
    ),
    pytest.param(
        _text(_doc(version=True)),
        "net.json: unsupported format version true: this nntui reads version 1 or 2",
        id="version-true",
    ),
    # top-level keys
    pytest.param(
        _text(_doc(author="me")),
        'net.json: unknown key "author" (expected one of: format, version, name, inputs, layers)',
        id="top-unknown-key",
    ),
    pytest.param(
        _text(_doc(name=7)),
        'net.json: "name" must be a string, found the number 7',
        id="name-not-string",
    ),
    # inputs
    pytest.param(
        _text(_doc(inputs=...)),
        'net.json: missing "inputs": a network needs at least one input',
        id="inputs-missing",
    ),
    pytest.param(
        _text(_doc(inputs=[])),
        'net.json: "inputs" is empty: a network needs at least one input',
        id="inputs-empty",
    ),
    pytest.param(
        _text(_doc(inputs={"name": "x1"})),
        'net.json: "inputs" must be a list, found an object',
        id="inputs-not-list",
    ),
    pytest.param(
        _text(_doc(inputs=[{"name": "x1", "value": 0}, 5])),
        'net.json: input 2: expected an object like {"name": "x1", "value": 0}, found the number 5',
        id="input-not-object",
    ),
    pytest.param(
        _text(_with_input(2, name=...)),
        'net.json: input 2: missing "name"',
        id="input-missing-name",
    ),
    pytest.param(
        _text(_with_input(1, name="")),
        'net.json: input 1: "name" must not be empty',
        id="input-empty-name",
    ),
    pytest.param(
        _text(_with_input(1, name=["x"])),
        'net.json: input 1: "name" must be a string, found a list',
        id="input-name-not-string",
    ),
    pytest.param(
        _text(_with_input(2, value="1.0")),
        'net.json: input 2: "value" must be a number, found the text "1.0"',
        id="input-value-string",
    ),
    pytest.param(
        _text(_with_input(1, value=True)),
        'net.json: input 1: "value" must be a number, found true',
        id="input-value-bool",
    ),
    pytest.param(
        _text(_with_input(1, value=None)),
        'net.json: input 1: "value" must be a number, found null',
        id="input-value-null",
    ),
    pytest.param(
        _text(_with_input(1, label="a")),
        'net.json: input 1: unknown key "label" (expected one of: name, value)',
        id="input-unknown-key",
    ),
    # layers
    pytest.param(
        _text(_doc(layers=...)),
        'net.json: missing "layers": a network needs at least one layer',
        id="layers-missing",
    ),
    pytest.param(
        _text(_doc(layers=[])),
        'net.json: "layers" is empty: a network needs at least one layer',
        id="layers-empty",
    ),
    pytest.param(
        _text(_doc(layers="dense")),
        'net.json: "layers" must be a list, found the text "dense"',
        id="layers-not-list",
    ),
    pytest.param(
        _text(_doc(layers=[[1, 2]])),
        "net.json: layer 1: expected an object, found a list",
        id="layer-not-object",
    ),
    pytest.param(
        _text(_with_layer(2, name=3)),
        'net.json: layer 2: "name" must be a string, found the number 3',
        id="layer-name-not-string",
    ),
    pytest.param(
        _text(_with_layer(2, size=1)),
        'net.json: layer 2 ("hidden"): unknown key "size" (expected one of: name, activation, neurons, weights, bias)',
        id="layer-unknown-key",
    ),
    pytest.param(
        _text(_with_layer(1, activation=...)),
        f'net.json: layer 1 ("first"): missing "activation" (valid: {VALID})',
        id="activation-missing",
    ),
    pytest.param(
        _text(_with_layer(2, activation="gelu")),
        f'net.json: layer 2 ("hidden"): unknown activation "gelu" (valid: {VALID})',
        id="activation-unknown",
    ),
    pytest.param(
        _text(_with_layer(2, activation="Sigmoid")),
        f'net.json: layer 2 ("hidden"): unknown activation "Sigmoid" (valid: {VALID})',
        id="activation-wrong-case",
    ),
    pytest.param(
        _text(_with_layer(2, activation=1)),
        f'net.json: layer 2 ("hidden"): unknown activation 1 (valid: {VALID})',
        id="activation-number",
    ),
    # weights
    pytest.param(
        _text(_with_layer(2, weights=...)),
        'net.json: layer 2 ("hidden"): missing "weights"',
        id="weights-missing",
    ),
    pytest.param(
        _text(_with_layer(2, weights=[])),
        'net.json: layer 2 ("hidden"): "weights" must be a non-empty list of rows (one row per neuron), found a list',
        id="weights-empty",
    ),
    pytest.param(
        _text(_with_layer(2, weights=5)),
        'net.json: layer 2 ("hidden"): "weights" must be a non-empty list of rows '
        "(one row per neuron), found the number 5",
        id="weights-not-list",
    ),
    pytest.param(
        _text(_with_layer(2, weights=[1, 2, 3, 4])),
        'net.json: layer 2 ("hidden"): weights row 1 must be a list of 4 numbers, found the number 1',
        id="weights-flat",
    ),
    pytest.param(
        _text(_with_layer(2, weights=[[1, 2, 3]])),
        'net.json: layer 2 ("hidden"): weights row 1 has 3 values but the previous layer has 4 neurons',
        id="weights-row-short",  # the case required verbatim by the spec
    ),
    pytest.param(
        _text(_with_layer(1, weights=[[1, 2], [3, 4], [5, 6, 7], [8, 9]])),
        'net.json: layer 1 ("first"): weights row 3 has 3 values but the previous layer has 2 neurons',
        id="weights-row-3-long",
    ),
    pytest.param(
        _text(
            _doc(
                inputs=[{"name": "x", "value": 1}],
                layers=[{"activation": "linear", "weights": [[1, 2]]}],
            )
        ),
        "net.json: layer 1: weights row 1 has 2 values but the previous layer has 1 neuron",
        id="weights-row-singular-neuron",
    ),
    pytest.param(
        _text(_with_layer(2, weights=[[1, "2", 3, 4]])),
        'net.json: layer 2 ("hidden"): weights row 1 value 2 must be a number, found the text "2"',
        id="weight-string",
    ),
    pytest.param(
        _text(_with_layer(1, weights=[[1, 2], [3, 4], [5, 6], [7, False]])),
        'net.json: layer 1 ("first"): weights row 4 value 2 must be a number, found false',
        id="weight-bool",
    ),
    pytest.param(
        _text(_with_layer(2, weights=[[1, 2, None, 4]])),
        'net.json: layer 2 ("hidden"): weights row 1 value 3 must be a number, found null',
        id="weight-null",
    ),
    pytest.param(
        _text(_with_layer(2, weights=[[1, 2, [3], 4]])),
        'net.json: layer 2 ("hidden"): weights row 1 value 3 must be a number, found a list',
        id="weight-list",
    ),
    # bias
    pytest.param(
        _text(_with_layer(1, bias=[0, 0, 0])),
        'net.json: layer 1 ("first"): bias has 3 values but the layer has 4 neurons (one weights row each)',
        id="bias-short",
    ),
    pytest.param(
        _text(_with_layer(2, bias=[0, 0])),
        'net.json: layer 2 ("hidden"): bias has 2 values but the layer has 1 neuron (one weights row each)',
        id="bias-long-singular",
    ),
    pytest.param(
        _text(_with_layer(2, bias=0.5)),
        'net.json: layer 2 ("hidden"): "bias" must be a list of 1 numbers, found the number 0.5',
        id="bias-scalar",
    ),
    pytest.param(
        _text(_with_layer(2, bias=["0.5"])),
        'net.json: layer 2 ("hidden"): bias value 1 must be a number, found the text "0.5"',
        id="bias-string",
    ),
    pytest.param(
        _text(_with_layer(1, bias=[0, 0, True, 0])),
        'net.json: layer 1 ("first"): bias value 3 must be a number, found true',
        id="bias-bool",
    ),
    pytest.param(
        _text(_with_layer(2, bias=[None])),
        'net.json: layer 2 ("hidden"): bias value 1 must be a number, found null',
        id="bias-null",
    ),
    # neuron names
    pytest.param(
        _text(_with_layer(1, neurons=["a", "b", "c"])),
        'net.json: layer 1 ("first"): 3 neuron names but the layer has 4 neurons (one weights row each)',
        id="neurons-too-few",
    ),
    pytest.param(
        _text(_with_layer(2, neurons=["y", "z"])),
        'net.json: layer 2 ("hidden"): 2 neuron names but the layer has 1 neuron (one weights row each)',
        id="neurons-too-many",
    ),
    pytest.param(
        _text(_with_layer(1, neurons=["a", "b", 3, "d"])),
        'net.json: layer 1 ("first"): "neurons" must be a list of names (strings)',
        id="neurons-not-strings",
    ),
    pytest.param(
        _text(_with_layer(1, neurons="abcd")),
        'net.json: layer 1 ("first"): "neurons" must be a list of names (strings)',
        id="neurons-not-list",
    ),
]


@pytest.mark.parametrize(("content", "expected"), BAD_FILES)
def test_bad_file_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, expected: str) -> None:
    """Each bad file gives one NetworkFileError line naming the file and the problem."""
    assert _load_error(tmp_path, monkeypatch, content) == expected


def test_required_weights_row_message_verbatim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The message the spec quotes word for word, for layer 2 "hidden" after 4 neurons."""
    doc = _with_layer(2, weights=[[0.1, 0.2, 0.3]])
    assert len(doc["layers"][0]["weights"]) == 4
    message = _load_error(tmp_path, monkeypatch, json.dumps(doc, indent=2))
    assert message == ('net.json: layer 2 ("hidden"): weights row 1 has 3 values but the previous layer has 4 neurons')


# --- non-finite numbers -----------------------------------------------------------


def _with_raw_bias(literal: str) -> str:
    """The valid document with layer 2's bias written as the raw JSON ``literal``."""
    text = json.dumps(_with_layer(2, bias=["BIAS"]))
    return text.replace('"BIAS"', literal)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_literals_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, literal: str) -> None:
    """Python's json accepts NaN/Infinity; the loader must not."""
    message = _load_error(tmp_path, monkeypatch, _with_raw_bias(literal))
    assert message == f"net.json: {literal} is not allowed: every number must be finite"


@pytest.mark.parametrize("literal", ["1e999", "-1e999", "1" + "0" * 400])
def test_overflowing_numbers_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, literal: str) -> None:
    """Numbers that become ±inf as floats (or overflow float()) are rejected."""
    message = _load_error(tmp_path, monkeypatch, _with_raw_bias(literal))
    assert message == ('net.json: layer 2 ("hidden"): bias value 1 is too large: every number must be finite')


def test_overflowing_input_value_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1e999 as an input value names the input."""
    text = json.dumps(_with_input(2, value=12345)).replace("12345", "1e999")
    assert _load_error(tmp_path, monkeypatch, text) == (
        'net.json: input 2: "value" is too large: every number must be finite'
    )


def test_overflowing_weight_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """-1e999 as a weight names the layer, row and column."""
    text = json.dumps(_with_layer(2, weights=[[1, 2, 3, 12345]])).replace("12345", "-1e999")
    assert _load_error(tmp_path, monkeypatch, text) == (
        'net.json: layer 2 ("hidden"): weights row 1 value 4 is too large: every number must be finite'
    )


def test_integer_literal_with_very_many_digits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An integer longer than Python's int-parsing limit (4300 digits) is still a file error.

    json.loads raises a plain ValueError here, not a JSONDecodeError.
    """
    message = _load_error(tmp_path, monkeypatch, _with_raw_bias("1" * 5000))
    assert message.startswith("net.json: ")


def test_deeply_nested_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pathologically nested file (json.loads raises RecursionError) is still a file error."""
    message = _load_error(tmp_path, monkeypatch, "[" * 100_000)
    assert message.startswith("net.json: ")
    assert "nested too deeply" in message


def test_file_name_with_newline_gives_one_line(tmp_path: Path) -> None:
    """Even a file name holding a newline must not split the message over two lines."""
    path = tmp_path / "bad\nname.json"
    with pytest.raises(NetworkFileError) as info:
        load_network(path)
    message = str(info.value)
    assert "\n" not in message
    assert "name.json" in message and "no such file" in message


# --- the file itself --------------------------------------------------------------


def test_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(NetworkFileError) as info:
        load_network("missing.json")
    assert str(info.value) == "missing.json: no such file"


def test_directory_instead_of_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nets").mkdir()
    with pytest.raises(NetworkFileError) as info:
        load_network("nets")
    assert str(info.value) == "nets: is a directory, not a network file"


def test_full_path_is_named(tmp_path: Path) -> None:
    """With an absolute path the message names that path."""
    path = tmp_path / "gone.json"
    with pytest.raises(NetworkFileError) as info:
        load_network(path)
    assert str(info.value) == f"{path}: no such file"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        pytest.param(
            PermissionError(13, "Permission denied"),
            "net.json: permission denied",
            id="permission",
        ),
        pytest.param(
            OSError(5, "Input/output error"),
            "net.json: cannot be read (Input/output error)",
            id="io-error",
        ),
    ],
)
def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, expected: str) -> None:
    """Read errors other than missing/directory become one-line file errors.

    The read is made to fail by monkeypatching, since root can read any file.
    """
    monkeypatch.chdir(tmp_path)
    (tmp_path / "net.json").write_text(_text(_doc()), encoding="utf-8")
    monkeypatch.setattr(reading, "_read_at_most", _raiser(error))
    with pytest.raises(NetworkFileError) as info:
        load_network("net.json")
    assert str(info.value) == expected


@pytest.mark.parametrize(
    ("content", "byte"),
    [
        pytest.param(b"\xff\xfe{\x00}\x00", 0, id="utf16-bom"),
        pytest.param(b'{"name": "caf\xe9"}', 13, id="latin1"),
        pytest.param(b"\x89PNG\r\n\x1a\n", 0, id="binary"),
    ],
)
def test_undecodable_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, byte: int) -> None:
    message = _load_error(tmp_path, monkeypatch, content)
    assert message == f"net.json: not a text file (byte {byte} is not valid UTF-8)"


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    """Editors that write a UTF-8 BOM still produce loadable files."""
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + _text(_doc()).encode("utf-8"))
    assert load_network(path).sizes == [2, 4, 1]


def test_loads_network_default_label() -> None:
    """Without a label the text is called <network>."""
    with pytest.raises(NetworkFileError) as info:
        loads_network("[]")
    assert str(info.value) == "<network>: expected a JSON object at the top level, found a list"


def test_network_from_dict_uses_label() -> None:
    with pytest.raises(NetworkFileError) as info:
        network_from_dict(_doc(layers=[]), "clipboard")
    assert str(info.value) == 'clipboard: "layers" is empty: a network needs at least one layer'


def test_network_file_error_is_value_error() -> None:
    assert issubclass(NetworkFileError, ValueError)


# --- optional fields and defaults ----------------------------------------------------


def test_minimal_file_defaults() -> None:
    """name, input value, layer name, neurons and bias are optional."""
    network = loads_network(
        json.dumps(
            {
                "format": "nntui-network",
                "version": 1,
                "inputs": [{"name": "x"}],
                "layers": [{"activation": "linear", "weights": [[2], [3]]}],
            }
        )
    )
    assert network.name == "untitled"
    assert network.input_names == ["x"]
    assert _bits(network.input_values) == _bits(np.array([0.0]))
    layer = network.layers[0]
    assert layer.name is None
    assert layer.neuron_names is None
    assert _bits(layer.bias) == _bits(np.zeros(2))
    assert _bits(layer.weights) == _bits(np.array([[2.0], [3.0]]))


def test_spec_xor_example_loads_and_computes_xor() -> None:
    """The example in docs/format.md loads and computes XOR."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "format.md").read_text("utf-8")
    block = text.split("```json\n", 1)[1].split("```", 1)[0]
    network = loads_network(block, "format.md")
    assert network.name == "XOR by hand"
    assert network.layers[0].neuron_names == ["h1", "h2"]
    assert network.layers[1].neuron_names is None
    batch = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    out = network.forward(batch).outputs[:, 0]
    assert list(np.round(out).astype(int)) == [0, 1, 1, 0]


# --- round trips ---------------------------------------------------------------------

SPECIAL_FLOATS = [
    0.0,
    -0.0,
    5e-324,  # smallest subnormal
    -5e-324,
    2.2250738585072014e-308,  # smallest normal
    2.225073858507201e-308,  # largest subnormal
    1.7976931348623157e308,  # largest finite
    -1.7976931348623157e308,
    0.1,
    1 / 3,
    1e16,
    2.0**53 + 2,
]

finite_floats = st.one_of(
    st.sampled_from(SPECIAL_FLOATS),
    st.floats(allow_nan=False, allow_infinity=False, allow_subnormal=True),
)
names = st.text(min_size=1, max_size=12)


@st.composite
def networks(draw: st.DrawFn) -> Network:
    """Random valid networks of 1–3 layers with random finite floats and names."""
    n_inputs = draw(st.integers(1, 4))
    input_names = draw(st.lists(names, min_size=n_inputs, max_size=n_inputs))
    input_values = draw(st.lists(finite_floats, min_size=n_inputs, max_size=n_inputs))
    layers: list[DenseLayer] = []
    previous = n_inputs
    for _ in range(draw(st.integers(1, 3))):
        n_out = draw(st.integers(1, 4))
        weights = [draw(st.lists(finite_floats, min_size=previous, max_size=previous)) for _ in range(n_out)]
        bias = draw(st.lists(finite_floats, min_size=n_out, max_size=n_out))
        activation = draw(st.sampled_from(ACTIVATION_NAMES))
        layer_name = draw(st.none() | names)
        neuron_names = draw(st.none() | st.lists(names, min_size=n_out, max_size=n_out))
        layers.append(DenseLayer(np.array(weights), np.array(bias), activation, layer_name, neuron_names))
        previous = n_out
    return Network(input_names, np.array(input_values), layers, draw(names))


@pytest.mark.slow
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(network=networks())
def test_save_load_round_trip_is_bit_exact(network: Network, tmp_path: Path) -> None:
    """save_network then load_network gives the same names and bit-identical floats."""
    path = tmp_path / "round.json"
    save_network(network, path)
    _assert_same_network(network, load_network(path))


@settings(max_examples=150)
@given(network=networks())
def test_dumps_loads_dumps_is_identical_text(network: Network) -> None:
    """The text form is canonical: dump → load → dump gives the same characters."""
    text = dumps_network(network)
    again = loads_network(text)
    _assert_same_network(network, again)
    assert dumps_network(again) == text


@settings(max_examples=100)
@given(network=networks())
def test_network_to_dict_round_trip(network: Network) -> None:
    """network_to_dict then network_from_dict is exact too (no JSON text in between)."""
    _assert_same_network(network, network_from_dict(network_to_dict(network)))


@pytest.mark.parametrize("value", [pytest.param(v, id=repr(v)) for v in SPECIAL_FLOATS])
def test_special_float_round_trip(tmp_path: Path, value: float) -> None:
    """Each special float survives as weight, bias and input value, sign bit included."""
    network = Network(["x"], np.array([value]), [DenseLayer(np.array([[value]]), np.array([value]), "linear")])
    path = tmp_path / "special.json"
    save_network(network, path)
    _assert_same_network(network, load_network(path))


def test_saved_text_layout() -> None:
    """The saved form: indented objects, each list of numbers and each input on one line."""
    network = loads_network(
        '{"format": "nntui-network", "version": 1, "name": "n",'
        ' "inputs": [{"name": "x", "value": 0}],'
        ' "layers": [{"activation": "tanh", "weights": [[1], [-0.0]], "bias": [0.1, 2]}]}'
    )
    assert dumps_network(network) == (
        "{\n"
        '  "format": "nntui-network",\n'
        '  "version": 1,\n'
        '  "name": "n",\n'
        '  "inputs": [\n'
        '    {"name": "x", "value": 0.0}\n'
        "  ],\n"
        '  "layers": [\n'
        "    {\n"
        '      "activation": "tanh",\n'
        '      "weights": [\n'
        "        [1.0],\n"
        "        [-0.0]\n"
        "      ],\n"
        '      "bias": [0.1, 2.0]\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_non_ascii_names_are_written_as_utf8(tmp_path: Path) -> None:
    """Names are written unescaped in UTF-8 and read back the same."""
    network = Network(
        ["größe", "日本"],
        np.array([1.0, 2.0]),
        [DenseLayer(np.ones((1, 2)), np.zeros(1), "relu", "süß", ["ÿ"])],
        "Kartoffeln ✓",
    )
    path = tmp_path / "utf8.json"
    save_network(network, path)
    raw = path.read_bytes()
    assert "größe".encode() in raw and "✓".encode() in raw
    _assert_same_network(network, load_network(path))


# --- presets -------------------------------------------------------------------------


@pytest.mark.parametrize("name", preset_names())
def test_preset_dump_is_idempotent(name: str) -> None:
    """Loading a preset and dumping it is a fixed point of dump → load → dump."""
    text = dumps_network(load_preset(name))
    assert dumps_network(loads_network(text)) == text


@pytest.mark.parametrize("name", preset_names())
def test_preset_file_is_in_saved_form(name: str) -> None:
    """The shipped file is byte for byte what saving the loaded preset writes."""
    shipped = (PRESETS_DIR / f"{name}.json").read_text("utf-8")
    assert dumps_network(load_preset(name)) == shipped


def test_preset_names_in_teaching_order() -> None:
    names_found = preset_names()
    assert names_found[:5] == ["potatoes", "and", "or", "xor", "layers"]
    assert sorted(names_found) == sorted(p.stem for p in PRESETS_DIR.glob("*.json"))


def test_unknown_preset_lists_available() -> None:
    with pytest.raises(NetworkFileError) as info:
        load_preset("nand")
    message = str(info.value)
    assert "\n" not in message
    assert message == f'unknown preset "nand" (available: {", ".join(preset_names())})'
    for name in ("potatoes", "and", "or", "xor", "layers"):
        assert name in message


# --- atomic save ----------------------------------------------------------------------


@pytest.fixture
def xor() -> Network:
    return load_preset("xor")


def _old_file(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "net.json"
    original = b'{"old": "contents"}\n'
    path.write_bytes(original)
    return path, original


def test_save_replaces_existing_file(tmp_path: Path, xor: Network) -> None:
    path, _ = _old_file(tmp_path)
    save_network(xor, path)
    assert path.read_text("utf-8") == dumps_network(xor)
    _assert_same_network(xor, load_network(path))
    assert os.listdir(tmp_path) == ["net.json"]


def test_save_to_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xor: Network) -> None:
    """A bare file name saves into the current directory."""
    monkeypatch.chdir(tmp_path)
    save_network(xor, "plain.json")
    assert os.listdir(tmp_path) == ["plain.json"]
    _assert_same_network(xor, load_network("plain.json"))


def test_save_keeps_permissions_of_replaced_file(tmp_path: Path, xor: Network) -> None:
    path, _ = _old_file(tmp_path)
    path.chmod(0o600)
    save_network(xor, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_new_file_gets_umask_permissions(tmp_path: Path, xor: Network, umask_022: None) -> None:
    """Not mkstemp's private 0600: a new file gets 0666 minus the umask, like open()."""
    path = tmp_path / "new.json"
    save_network(xor, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize(
    ("target", "exc"),
    [
        pytest.param("json.dumps", _Boom("dumps"), id="json-dumps"),
        pytest.param("os.fsync", OSError(28, "No space left on device"), id="fsync-enospc"),
        pytest.param("os.chmod", PermissionError(1, "Operation not permitted"), id="chmod"),
        pytest.param("os.replace", OSError(18, "Invalid cross-device link"), id="replace"),
        pytest.param("os.replace", KeyboardInterrupt(), id="replace-ctrl-c"),
    ],
)
def test_failed_save_leaves_original_and_no_temp_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    xor: Network,
    target: str,
    exc: BaseException,
) -> None:
    """Whatever step fails, the old file is untouched and the temp file is removed."""
    path, original = _old_file(tmp_path)
    module_name, attr = target.split(".")
    module = {"json": fileformat.json, "os": fileformat.os}[module_name]
    monkeypatch.setattr(module, attr, _raiser(exc))
    with pytest.raises(type(exc)):
        save_network(xor, path)
    monkeypatch.undo()
    assert path.read_bytes() == original
    assert os.listdir(tmp_path) == ["net.json"]


def test_failed_write_midway_leaves_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xor: Network) -> None:
    """A write that fails after some bytes reached the temp file changes nothing."""
    path, original = _old_file(tmp_path)
    real_fdopen = os.fdopen

    class HalfWriter:
        """Wraps the temp file; writes half the text, then fails."""

        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            self.handle.write(text[: len(text) // 2])
            self.handle.flush()
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileformat.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    with pytest.raises(OSError, match="No space left"):
        save_network(xor, path)
    monkeypatch.undo()
    assert path.read_bytes() == original
    assert os.listdir(tmp_path) == ["net.json"]


def test_save_non_finite_network_refused(tmp_path: Path, xor: Network) -> None:
    """A NaN weight is refused with ValueError before anything is written."""
    path, original = _old_file(tmp_path)
    xor.layers[0].weights[0, 0] = np.nan
    with pytest.raises(ValueError):
        save_network(xor, path)
    assert path.read_bytes() == original
    assert os.listdir(tmp_path) == ["net.json"]


def test_save_into_missing_directory(tmp_path: Path, xor: Network) -> None:
    """A missing directory raises FileNotFoundError (an OSError) naming it; nothing is created."""
    target = tmp_path / "no" / "such" / "dir" / "net.json"
    with pytest.raises(FileNotFoundError) as info:
        save_network(xor, target)
    assert str(target.parent) in str(info.value)
    assert os.listdir(tmp_path) == []
