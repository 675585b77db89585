"""Networks whose inputs are a picture (``Network.image_shape``): the checks, the edits that keep or
drop it, the network file's ``image`` object, the exports and the digits preset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from nntui.core import shape
from nntui.core.datasets import DIGIT_NAMES, IMAGE_SHAPE, PIXEL_NAMES
from nntui.core.edits import History, Reshape
from nntui.core.export import ExportError, export_npz, load_npz, network_from_arrays, npz_arrays, torch_snippet
from nntui.core.features import parse_all
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
from nntui.core.presets import load_preset, translated_names
from nntui.document.session import TrainingSession
from nntui.i18n import set_language


def _picture(rows: int = 2, columns: int = 3) -> Network:
    """A network reading a picture of rows × columns pixels, 2 hidden neurons, 2 outputs."""
    n = rows * columns
    rng = np.random.default_rng(1)
    layers = [DenseLayer(rng.normal(size=(2, n)), np.zeros(2), "tanh"), DenseLayer(rng.normal(size=(2, 2)), [0, 0])]
    names = [f"r{k // columns}c{k % columns}" for k in range(n)]
    return Network(names, np.linspace(0, 1, n), layers, "picture", image_shape=(rows, columns))


def _error(doc: dict[str, Any]) -> str:
    with pytest.raises(NetworkFileError) as info:
        network_from_dict(doc, "net.json")
    message = str(info.value)
    assert "\n" not in message
    return message


# --- the network ------------------------------------------------------------------------------


def test_a_network_keeps_its_picture_and_its_copies_too() -> None:
    net = _picture()
    assert net.image_shape == (2, 3)
    assert net.copy().image_shape == (2, 3)
    assert Network(["a", "b"], [0, 0], [DenseLayer(np.ones((1, 2)), [0])]).image_shape is None  # by default


@pytest.mark.parametrize(
    ("image", "message"),
    [
        ((2, 2), "an image of 2 × 2 pixels needs 4 inputs, not 6"),
        ((6, 6), "an image of 6 × 6 pixels needs 36 inputs, not 6"),
        ((0, 6), "an image's shape is (rows, columns), two whole numbers of at least 1, not (0, 6)"),
        ((2.0, 3), "an image's shape is (rows, columns), two whole numbers of at least 1, not (2.0, 3)"),
        ((True, 6), "an image's shape is (rows, columns), two whole numbers of at least 1, not (True, 6)"),
        ((6,), "an image's shape is (rows, columns), two whole numbers of at least 1, not (6,)"),
    ],
)
def test_a_picture_that_does_not_fit_the_inputs_is_refused(image: Any, message: str) -> None:
    net = _picture()
    with pytest.raises(ValueError) as info:
        Network(net.input_names, net.input_values, net.layers, image_shape=image)
    assert str(info.value) == message


def test_a_picture_is_not_features_of_a_point() -> None:
    layers = [DenseLayer(np.ones((1, 2)), [0.0])]
    with pytest.raises(ValueError, match=r"^the inputs of an image are its pixels, not features of a point$"):
        Network(["x1", "x2"], [0, 0], layers, features=parse_all(["x1", "x2"]), point=[0, 0], image_shape=(1, 2))


# --- the edits ----------------------------------------------------------------------------------


def test_edits_that_keep_the_inputs_keep_the_picture() -> None:
    net, rng = _picture(), np.random.default_rng(0)
    for edited in (
        shape.add_neuron(net, 1, 0, rng),
        shape.remove_neuron(net, 1, 0),
        shape.insert_layer(net, 1, rng),
        shape.rename_neuron(net, 0, 0, "corner"),
        shape.rename_layer(net, 1, "seen"),
        shape.rename_network(net, "other"),
        shape.randomize(net, 1, rng),
        shape.randomize_all(net, rng),
        shape.zero(net, 2),
    ):
        assert edited.image_shape == (2, 3)


def test_adding_or_removing_an_input_drops_the_picture_and_undo_brings_it_back() -> None:
    net, rng = _picture(), np.random.default_rng(0)
    added = shape.add_neuron(net, 0, 6, rng)
    removed = shape.remove_neuron(net, 0, 0)
    assert (added.n_inputs, added.image_shape) == (7, None)
    assert (removed.n_inputs, removed.image_shape) == (5, None)
    assert net.image_shape == (2, 3)  # the argument is untouched
    history = History(net)
    history.apply(Reshape.of(net, added, "add an input"))
    assert net.image_shape is None and net.n_inputs == 7
    history.undo()
    assert net.image_shape == (2, 3) and net.n_inputs == 6
    history.redo()
    assert net.image_shape is None


def test_a_feature_toggled_on_a_small_picture_drops_it() -> None:
    net = _picture(1, 2)
    toggled = shape.toggle_feature(net, parse_all(["x1^2"])[0], np.random.default_rng(0))
    assert toggled.image_shape is None and toggled.features is not None


def test_a_fresh_network_may_read_a_picture() -> None:
    fresh = shape.fresh_network([64, 4, 10], np.random.default_rng(0), image_shape=IMAGE_SHAPE)
    assert fresh.image_shape == (8, 8)
    with pytest.raises(ValueError, match="needs 64 inputs, not 2"):
        shape.fresh_network([2, 1], np.random.default_rng(0), image_shape=IMAGE_SHAPE)


# --- the network file ---------------------------------------------------------------------------


def test_the_file_round_trip_keeps_the_picture(tmp_path: Path) -> None:
    net = _picture()
    text = dumps_network(net)
    lines = text.splitlines()
    assert lines[2:5] == ['  "version": 2,', '  "name": "picture",', '  "image": {"rows": 2, "columns": 3},']
    save_network(net, tmp_path / "p.json")
    again = load_network(tmp_path / "p.json")
    assert again.image_shape == (2, 3)
    assert dumps_network(again) == text  # canonical


def test_a_file_without_a_picture_stays_version_1_and_old_files_open() -> None:
    doc = network_to_dict(load_preset("xor"))
    assert doc["version"] == 1 and "image" not in doc
    assert network_from_dict(doc).image_shape is None
    doc["version"] = 2
    assert network_from_dict(doc).image_shape is None


def _picture_doc(**image: Any) -> dict[str, Any]:
    doc = network_to_dict(_picture())
    doc["image"] = image
    return doc


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("8x8", '"image" must be an object such as {"rows": 8, "columns": 8}, found the text "8x8"'),
        ([2, 3], '"image" must be an object such as {"rows": 8, "columns": 8}, found a list'),
        ({"rows": 2}, '"image": missing "columns": an image has "rows" and "columns"'),
        ({"rows": 2, "columns": 3, "depth": 1}, '"image": unknown key "depth" (expected one of: rows, columns)'),
        (
            {"rows": 0, "columns": 3},
            '"image": "rows" must be a whole number from 1 to 6 (the inputs), found the number 0',
        ),
        (
            {"rows": 2.0, "columns": 3},
            '"image": "rows" must be a whole number from 1 to 6 (the inputs), found the number 2.0',
        ),
        (
            {"rows": 2, "columns": True},
            '"image": "columns" must be a whole number from 1 to 6 (the inputs), found true',
        ),
        (
            {"rows": 2, "columns": "3"},
            '"image": "columns" must be a whole number from 1 to 6 (the inputs), found the text "3"',
        ),
        ({"rows": 2, "columns": 2}, '"image" of 2 × 2 pixels needs 4 inputs, but the file has 6'),
    ],
)
def test_a_bad_image_object_is_refused_in_one_line(image: Any, expected: str) -> None:
    doc = network_to_dict(_picture())
    doc["image"] = image
    assert _error(doc) == f"net.json: {expected}"


def test_a_huge_side_is_cut_short_in_the_message() -> None:
    doc = network_to_dict(_picture())
    doc["image"] = {"rows": 2, "columns": 10**400}
    message = _error(doc)
    assert message.startswith('net.json: "image": "columns" must be a whole number from 1 to 6 (the inputs), found')
    assert message.endswith("…") and len(message) < 200


def test_image_needs_version_2_and_no_features() -> None:
    doc = network_to_dict(_picture())
    doc["version"] = 1
    assert _error(doc) == 'net.json: "image" needs format version 2, but the file says "version": 1'
    with_features = network_to_dict(load_preset("xor"))
    with_features["version"] = 2
    with_features["point"] = [0.0, 1.0]
    for entry, feature in zip(with_features["inputs"], ("x1", "x2")):
        entry["feature"] = feature
    with_features["image"] = {"rows": 1, "columns": 2}
    assert _error(with_features) == (
        'net.json: "image" cannot go with input features: the inputs of an image are its pixels'
    )


def test_a_duplicate_image_key_is_said_as_such() -> None:
    text = dumps_network(_picture()).replace('"image": {"rows": 2, "columns": 3}', '"image": {"rows": 2, "rows": 2}')
    with pytest.raises(NetworkFileError, match='"image": duplicate key "rows"'):
        loads_network(text, "net.json")


# --- the exports --------------------------------------------------------------------------------


def test_the_npz_export_keeps_the_picture(tmp_path: Path) -> None:
    net = _picture()
    assert npz_arrays(net)["image_shape"].tolist() == [2, 3]
    export_npz(net, tmp_path / "p.npz")
    again = load_npz(tmp_path / "p.npz")
    assert again.image_shape == (2, 3)
    assert dumps_network(again) == dumps_network(net)
    assert "image_shape" not in npz_arrays(load_preset("xor"))


@pytest.mark.parametrize(
    ("array", "message"),
    [
        (
            np.array([2.0, 3.0]),
            '"image_shape" must hold two whole numbers (rows, columns), found shape (2,) of float64',
        ),
        (np.array([6]), '"image_shape" must hold two whole numbers (rows, columns), found shape (1,) of int64'),
        (np.array([2, 2]), "an image of 2 × 2 pixels needs 4 inputs, not 6"),
        (np.array([-2, -3]), "an image's shape is (rows, columns), two whole numbers of at least 1, not (-2, -3)"),
    ],
)
def test_a_bad_image_shape_array_is_refused(array: np.ndarray, message: str) -> None:
    arrays = {**npz_arrays(_picture()), "image_shape": array}
    with pytest.raises(ExportError) as info:
        network_from_arrays(arrays)
    assert str(info.value) == message


def test_the_torch_script_writes_the_picture_as_its_rows() -> None:
    script = torch_snippet(_picture())
    compile(script, "picture.py", "exec")
    assert "# The inputs are an image of 2 × 3 pixels, row by row: x is written as its rows." in script
    assert "    [0.0, 0.2, 0.4]," in script and "    [0.6000000000000001, 0.8, 1.0]," in script
    assert "], dtype=torch.float64).flatten()" in script


# --- the digits preset -------------------------------------------------------------------------


def test_the_digits_preset() -> None:
    net = load_preset("digits")
    assert net.sizes == [64, 16, 10] and net.image_shape == (8, 8)
    assert net.input_names == list(PIXEL_NAMES)
    assert [layer.activation for layer in net.layers] == ["tanh", "softmax"]
    assert net.layers[1].neuron_names == list(DIGIT_NAMES)
    # Untrained: the weights of a fresh network of seed 0, to 3 decimals, and no bias.
    fresh = shape.fresh_network([64, 16, 10], np.random.default_rng(0), output_activation="softmax")
    for layer, drawn in zip(net.layers, fresh.layers):
        assert np.array_equal(layer.weights, np.round(drawn.weights, 3))
        assert not layer.bias.any()
    outputs = net.forward().outputs  # the data's first image: near even odds, untrained
    assert outputs.sum() == pytest.approx(1.0) and outputs.max() < 0.2


def test_the_digits_preset_in_french() -> None:
    names = translated_names("fr")["digits"]
    assert names["inputs"] == list(PIXEL_NAMES)
    set_language("fr")
    net = load_preset("digits")
    assert net.name == "Chiffres écrits à la main"
    assert net.layer_title(1) == "cachée" and net.layer_title(2) == "sortie"
    assert net.image_shape == (8, 8)


def test_the_digits_preset_trains_on_the_digits_by_default() -> None:
    assert TrainingSession(load_preset("digits")).settings.dataset == "digits"
    assert TrainingSession(load_preset("xor")).settings.dataset == "xor"
    assert TrainingSession(_picture()).settings.dataset == "xor"  # not the digits' picture


def test_the_preset_file_says_image_after_the_name() -> None:
    doc = json.loads(dumps_network(load_preset("digits")))
    assert list(doc)[:5] == ["format", "version", "name", "image", "inputs"]
    assert doc["image"] == {"rows": 8, "columns": 8}
