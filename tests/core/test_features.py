"""Input features (x1², x1·x2, sin x1 …): the network's inputs computed from a point."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from nntui.core import shape
from nntui.core.datasets import make_dataset
from nntui.core.edits import History, ParamRef, SetValue
from nntui.core.export import network_from_arrays, npz_arrays, torch_snippet
from nntui.core.features import FeatureError, available, compute, parse, parse_all
from nntui.core.fileformat import NetworkFileError, dumps_network, loads_network_file, network_to_dict
from nntui.core.network import Network
from nntui.core.planes import layer_maps
from nntui.core.presets import load_preset
from nntui.core.training import TrainingConfig, evaluate
from nntui.core.truth import TruthTableError, truth_table
from nntui.document.session import new_trainer
from tests.cli.test_cli import run_cli

TF_PLAYGROUND = ["x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2"]


def featured(*ids: str, point: tuple[float, ...] = (0.5, -2.0)) -> Network:
    """The xor preset with ``ids`` toggled on, at ``point``."""
    network = load_preset("xor")
    network.input_values[:] = point
    rng = np.random.default_rng(1)
    for feature in ids:
        network = shape.toggle_feature(network, parse(feature), rng)
    return network


# --- the features themselves ---------------------------------------------------------


def test_the_toggles_offered_for_plane_points_are_tensorflow_playgrounds() -> None:
    assert [f.label for f in available(2)] == TF_PLAYGROUND
    assert [f.id for f in available(2)] == ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]
    assert len(available(3)) == 3 + 3 + 3 + 3  # x, x², the three products, sin


def test_features_compute_from_one_point_and_from_a_batch() -> None:
    features = parse_all(["x1", "x2^2", "x1*x2", "sin(x1)"])
    assert compute(features, [0.5, -2.0]).tolist() == [0.5, 4.0, -1.0, np.sin(0.5)]
    batch = np.array([[0.5, -2.0], [3.0, 1.0]])
    assert compute(features, batch).tolist() == [[0.5, 4.0, -1.0, np.sin(0.5)], [3.0, 1.0, 3.0, np.sin(3.0)]]


@pytest.mark.parametrize("bad", ["x0", "x1*x1", "x2*x1", "sin(x)", "x10", "cos(x1)", "X1", 3, None, " x1"])
def test_an_unknown_feature_is_refused_in_words(bad: object) -> None:
    with pytest.raises(FeatureError, match="unknown input feature"):
        parse(bad)


def test_a_feature_listed_twice_is_refused() -> None:
    with pytest.raises(FeatureError, match="x1\\^2 is there twice"):
        parse_all(["x1^2", "x2", "x1^2"])


# --- toggling: an edit of the network ------------------------------------------------------


def test_a_toggled_feature_takes_its_place_and_keeps_every_other_weight() -> None:
    plain = featured(point=(0.5, -2.0))
    network = featured("sin(x2)", "x1^2")
    assert network.input_names == ["x1", "x2", "x1²", "sin x2"]  # in the toggles' order
    assert network.input_values.tolist() == [0.5, -2.0, 0.25, np.sin(-2.0)]
    first = network.layers[0].weights
    assert first.shape == (2, 4)
    assert first[:, :2].tolist() == plain.layers[0].weights.tolist()  # the inputs' own weights unchanged
    assert np.all(first[:, 2:] != 0) and np.all(np.abs(first[:, 2:]) < 1)  # small random, like a new neuron's
    assert network.layers[1:][0].weights.tolist() == plain.layers[1].weights.tolist()


def test_toggling_every_feature_off_again_gives_back_the_same_network() -> None:
    before = featured(point=(0.5, -2.0))
    network = featured("x1*x2", "sin(x1)")
    rng = np.random.default_rng(2)
    for feature in ("sin(x1)", "x1*x2"):
        network = shape.toggle_feature(network, parse(feature), rng)
    assert network.features is None and network.point is None
    assert dumps_network(network) == dumps_network(before)


def test_a_plain_input_toggled_off_leaves_a_network_of_features_on_the_same_point() -> None:
    """x1 off on plain inputs (the xor preset as it opens): x2 is left, read from the point
    (it used to fail an assertion and end the app)."""
    network = shape.toggle_feature(featured(point=(0.5, -2.0)), parse("x1"), np.random.default_rng(0))
    assert [f.id for f in network.features or ()] == ["x2"]
    assert network.point is not None and network.point.tolist() == [0.5, -2.0]
    assert network.input_values.tolist() == [-2.0]
    again = shape.toggle_feature(network, parse("x1"), np.random.default_rng(0))
    assert again.features is None and again.input_names == ["x1", "x2"]


def test_the_last_input_cannot_be_toggled_off_and_hand_added_inputs_are_refused() -> None:
    network = featured("x1^2")
    rng = np.random.default_rng(0)
    network = shape.toggle_feature(shape.toggle_feature(network, parse("x1"), rng), parse("x2"), rng)
    assert [f.id for f in network.features or ()] == ["x1^2"]
    assert network.coordinates == 2  # the point keeps both coordinates of the data
    with pytest.raises(shape.ShapeError, match="this is the last one"):
        shape.toggle_feature(network, parse("x1^2"), rng)
    with pytest.raises(shape.ShapeError, match="turn one on in the training view"):
        shape.add_neuron(network, 0, 0, rng)
    with pytest.raises(shape.ShapeError, match="coordinate the points do not have"):
        shape.toggle_feature(network, parse("x3"), rng)


def test_removing_an_input_by_hand_removes_its_feature() -> None:
    network = shape.remove_neuron(featured("x1^2", "sin(x2)"), 0, 2)
    assert [f.id for f in network.features or ()] == ["x1", "x2", "sin(x2)"]
    assert network.layers[0].weights.shape == (2, 3)


def test_changing_a_computed_input_moves_its_coordinate_and_every_input_follows_undoably() -> None:
    network = featured("x1^2", "sin(x1)")
    history = History(network)
    ref = ParamRef.input(2)  # x1²: its knob is x1
    assert ref.get(network) == 0.5
    assert ref.describe(network) == "x1 (input x1² follows it)"
    history.apply(SetValue(ref, 0.5, 3.0))
    assert network.point is not None and network.point.tolist() == [3.0, -2.0]
    assert network.input_values.tolist() == [3.0, -2.0, 9.0, np.sin(3.0)]
    history.undo()
    assert network.input_values.tolist() == [0.5, -2.0, 0.25, np.sin(0.5)]


def test_a_network_of_features_has_no_truth_table() -> None:
    with pytest.raises(TruthTableError, match="features of a point"):
        truth_table(featured("x1^2"))


# --- the file, the exports, nntui eval ----------------------------------------------------


def test_the_file_keeps_the_point_and_each_inputs_feature_exactly() -> None:
    network = featured("x2^2", "x1*x2", point=(0.1, 1 / 3))
    text = dumps_network(network)
    document = json.loads(text)
    assert document["version"] == 2
    assert document["point"] == [0.1, 1 / 3]
    assert [item["feature"] for item in document["inputs"]] == ["x1", "x2", "x2^2", "x1*x2"]
    again = loads_network_file(text).network
    assert dumps_network(again) == text
    assert again.forward().outputs.tolist() == network.forward().outputs.tolist()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["inputs"][1].pop("feature"), '3 of 4 inputs have a "feature": all or none must'),
        (lambda d: d.pop("point"), '"point" must list its 2 coordinates'),
        (lambda d: d.update(point=[1.0]), '"point" has 1 numbers, but the features read 2'),
        (lambda d: d.update(point=[1.0, "a"]), '"point"\\[1\\]'),
        (lambda d: d["inputs"][3].update(feature="x1*x1"), "unknown input feature 'x1\\*x1'"),
        (lambda d: d["inputs"][3].update(feature="x2^2"), "x2\\^2 is there twice"),
        (lambda d: d.update(version=1), '"version": 2'),
        (lambda d: d.update(point=[1.0, 1e200]), "too large to compute"),  # x2² overflows
        # The sweep's 5 MB point of a million zeros: the playground took 30 s a key
        (lambda d: d.update(point=[0.0] * 1_000_000), '"point" has 1,000,000 numbers: at most 9'),
        (lambda d: d.update(point=[0.0] * 10), '"point" has 10 numbers: at most 9'),
        (lambda d: [i.pop("feature") for i in d["inputs"]], '"point" is there but no input has a "feature"'),
    ],
)
def test_a_file_with_bad_features_is_refused_with_one_line(change, message: str) -> None:  # type: ignore[no-untyped-def]
    document = network_to_dict(featured("x2^2", "x1*x2"))
    change(document)
    with pytest.raises(NetworkFileError, match=message):
        loads_network_file(json.dumps(document), "net.json")


def test_a_point_of_nine_coordinates_is_read() -> None:
    document = network_to_dict(featured("x2^2", "x1*x2"))
    document["point"] = [0.5, -2.0, *[1.0] * 7]
    assert loads_network_file(json.dumps(document), "net.json").network.coordinates == 9


def test_the_npz_export_round_trips_the_features() -> None:
    network = featured("x1^2", "sin(x2)")
    again = network_from_arrays(npz_arrays(network))
    assert again.features == network.features
    assert dumps_network(again) == dumps_network(network)


def test_the_pytorch_script_computes_the_features_of_the_point() -> None:
    snippet = torch_snippet(featured("x1^2", "x1*x2", "sin(x2)"))
    assert "def features(p: torch.Tensor)" in snippet
    assert "torch.stack([p[..., 0], p[..., 1], p[..., 0] ** 2, p[..., 0] * p[..., 1], torch.sin(p[..., 1])]" in snippet
    assert snippet.rstrip().endswith("print(model(features(point)))")


def test_the_pytorch_script_gives_the_same_outputs_for_a_batch_of_points() -> None:
    torch = pytest.importorskip("torch")
    network = featured("x1^2", "x1*x2", "sin(x2)")
    namespace: dict[str, object] = {"__name__": "__nntui_export__"}
    exec(compile(torch_snippet(network), "<snippet>", "exec"), namespace)  # our own output
    points = np.random.default_rng(3).normal(size=(16, 2))
    with torch.no_grad():
        got = namespace["model"](namespace["features"](torch.tensor(points)))  # type: ignore[operator]
    np.testing.assert_allclose(got.numpy(), network.forward(network.inputs_for(points)).outputs, rtol=1e-12)


def test_eval_reads_the_point_and_the_network_reads_its_features(tmp_path: Path) -> None:
    network = featured("x1^2", "sin(x2)")
    (tmp_path / "net.json").write_text(dumps_network(network), "utf-8")
    result = run_cli("eval", "net.json", "--input", "1.5,-0.25", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = network.forward(network.inputs_for([1.5, -0.25])).outputs.tolist()
    assert json.loads(result.stdout)["outputs"] == expected
    wrong = run_cli("eval", "net.json", "--input", "1,2,1,0", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "--input has 4 values but the network reads a point of 2 coordinates" in wrong.stderr


# --- what features are for -----------------------------------------------------------------


def test_the_input_pictures_are_the_features_over_the_plane() -> None:
    network = featured("x1^2")
    bounds = ((-1.0, 1.0), (-1.0, 1.0))
    maps = layer_maps(network, bounds, 4, 2)
    assert maps[0].shape == (3, 2, 4)
    np.testing.assert_allclose(maps[0][2], maps[0][0] ** 2)


def test_one_neuron_on_x1_squared_and_x2_squared_learns_the_circle_a_plain_one_cannot() -> None:
    data = make_dataset("circle", noise=0.0, seed=0)
    config = TrainingConfig(learning_rate=0.1, batch_size=10, optimizer="adam", seed=0)

    def accuracy(network: Network) -> float:
        new_trainer(network, data, config).run(1500)
        result = evaluate(network, network.inputs_for(data.x_test), data.y_test)
        return result.accuracy or 0.0

    rng = np.random.default_rng(0)
    plain = shape.fresh_network([2, 1], rng)
    squares = shape.toggle_feature(shape.toggle_feature(plain, parse("x1^2"), rng), parse("x2^2"), rng)
    squares = shape.toggle_feature(shape.toggle_feature(squares, parse("x1"), rng), parse("x2"), rng)
    assert [f.label for f in squares.features or ()] == ["x1²", "x2²"]
    assert accuracy(squares) > 0.95
    assert accuracy(plain) < 0.8
