"""Format version 2: the network file's optional ``training`` object (nntui.core.training_record).

Version 1 files still load; a file is written as version 2 only when it has
a training object; a bad training object gives one line that says where.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nntui.core.datasets import DATASET_NAMES
from nntui.core.fileformat import (
    NetworkFileError,
    dumps_network,
    load_network,
    load_network_file,
    loads_network,
    loads_network_file,
    network_file_from_dict,
    network_to_dict,
    save_network,
)
from nntui.core.presets import load_preset, preset_names
from nntui.core.training import LOSS_NAMES, OPTIMIZER_NAMES, REGULARIZATION_NAMES, TrainingConfig
from nntui.core.training_record import TrainingRecord
from nntui.i18n import set_language

RECORD = TrainingRecord(
    dataset="spiral",
    noise=0.15,
    config=TrainingConfig(
        learning_rate=0.003,
        batch_size=10,
        optimizer="momentum",
        momentum=0.5,
        regularization="l2",
        regularization_rate=0.001,
        loss="mse",
        seed=7,
    ),
    steps=1234,
)


def _v2(**training: Any) -> dict[str, Any]:
    """The xor preset as a version 2 document whose training object is ``training``."""
    doc = network_to_dict(load_preset("xor"), RECORD)
    doc["training"] = training
    return doc


def _error(doc: dict[str, Any] | str) -> str:
    with pytest.raises(NetworkFileError) as raised:
        loads_network_file(doc if isinstance(doc, str) else json.dumps(doc), "net.json")
    return str(raised.value)


# --- writing and reading back ---------------------------------------------------------------


def test_a_network_with_training_settings_is_written_as_version_2_and_read_back_exactly() -> None:
    xor = load_preset("xor")
    text = dumps_network(xor, RECORD)
    doc = json.loads(text)
    assert doc["version"] == 2
    assert doc["training"] == {
        "data": {"dataset": "spiral", "noise": 0.15},
        "learning_rate": 0.003,
        "batch_size": 10,
        "optimizer": "momentum",
        "momentum": 0.5,
        "regularization": "l2",
        "regularization_rate": 0.001,
        "loss": "mse",
        "seed": 7,
        "steps": 1234,
    }
    opened = loads_network_file(text)
    assert opened.training == RECORD
    assert dumps_network(opened.network, opened.training) == text  # canonical: the same bytes again
    assert dumps_network(opened.network) == dumps_network(xor)


def test_the_training_object_is_laid_out_one_setting_a_line() -> None:
    text = dumps_network(load_preset("and"), TrainingRecord(csv="data/points.csv"))
    assert text.endswith(
        '  "training": {\n'
        '    "data": {"csv": "data/points.csv"},\n'
        '    "learning_rate": 0.03,\n'
        '    "batch_size": 32,\n'
        '    "optimizer": "adam",\n'
        '    "momentum": 0.9,\n'
        '    "regularization": "none",\n'
        '    "regularization_rate": 0.0,\n'
        '    "loss": null,\n'
        '    "seed": 0,\n'
        '    "steps": 0\n'
        "  }\n"
        "}\n"
    )
    assert loads_network_file(text).training == TrainingRecord(csv="data/points.csv")


def test_a_network_without_training_settings_is_still_written_as_version_1(tmp_path) -> None:
    xor = load_preset("xor")
    assert json.loads(dumps_network(xor))["version"] == 1
    save_network(xor, tmp_path / "plain.json")
    assert json.loads((tmp_path / "plain.json").read_text("utf-8"))["version"] == 1
    assert load_network_file(tmp_path / "plain.json").training is None
    save_network(xor, tmp_path / "with.json", RECORD)
    assert load_network_file(tmp_path / "with.json").training == RECORD
    assert dumps_network(load_network(tmp_path / "with.json")) == dumps_network(xor)


@pytest.mark.parametrize("name", [name for name in preset_names() if name != "digits"])  # digits: an image, v2
def test_version_1_files_still_load_as_they_did(name: str) -> None:
    shipped = resources.files("nntui.presets").joinpath(f"{name}.json").read_text("utf-8")
    assert json.loads(shipped)["version"] == 1
    opened = loads_network_file(shipped, name)
    assert opened.training is None
    assert dumps_network(opened.network) == shipped


def test_version_2_without_a_training_object_loads() -> None:
    doc = network_to_dict(load_preset("xor"))
    doc["version"] = 2
    opened = network_file_from_dict(doc)
    assert opened.training is None
    assert dumps_network(opened.network) == dumps_network(load_preset("xor"))


def test_every_key_of_the_training_object_is_optional() -> None:
    assert network_file_from_dict(_v2()).training == TrainingRecord()
    assert network_file_from_dict(_v2(data={})).training == TrainingRecord()
    assert network_file_from_dict(_v2(data={"noise": 0.3}, steps=5)).training == TrainingRecord(noise=0.3, steps=5)
    # Numbers are numbers: 1 and 1.0 are the same learning rate.
    assert network_file_from_dict(_v2(learning_rate=1)).training.config.learning_rate == 1.0  # type: ignore[union-attr]


@given(
    dataset=st.sampled_from(DATASET_NAMES),
    noise=st.floats(0, 0.5),
    learning_rate=st.floats(min_value=5e-324, max_value=1e300),
    batch_size=st.integers(1, 10**6),
    optimizer=st.sampled_from(OPTIMIZER_NAMES),
    momentum=st.floats(0, 1, exclude_max=True),
    regularization=st.sampled_from(REGULARIZATION_NAMES),
    regularization_rate=st.floats(0, 1e300),
    loss=st.sampled_from((None, *LOSS_NAMES)),
    seed=st.integers(0, 2**64),
    steps=st.integers(0, 10**12),
    csv=st.none() | st.text(min_size=1, max_size=30),
)
def test_any_record_round_trips_bit_for_bit(**values: Any) -> None:
    config = TrainingConfig(
        **{
            k: values.pop(k)
            for k in (
                "learning_rate",
                "batch_size",
                "optimizer",
                "momentum",
                "regularization",
                "regularization_rate",
                "loss",
                "seed",
            )
        }
    )
    if values["csv"] is not None:
        values["dataset"], values["noise"] = "xor", 0.0  # a CSV file has no generated data
    record = TrainingRecord(config=config, **values)
    text = dumps_network(load_preset("or"), record)
    assert loads_network_file(text).training == record


# --- version 1 and 2 rules --------------------------------------------------------------------


def test_a_version_1_file_with_a_training_object_is_refused() -> None:
    doc = network_to_dict(load_preset("xor"), RECORD)
    doc["version"] = 1
    assert _error(doc) == 'net.json: "training" needs format version 2, but the file says "version": 1'


def test_a_training_key_twice_is_a_duplicate_in_any_version() -> None:
    text = dumps_network(load_preset("xor"), RECORD)
    twice = text.replace('  "training": {', '  "training": {},\n  "training": {', 1)
    assert _error(twice) == 'net.json: duplicate key "training"'
    assert _error(twice.replace('"version": 2', '"version": 1')) == 'net.json: duplicate key "training"'


def test_an_unknown_version_names_both_that_are_read() -> None:
    doc = network_to_dict(load_preset("xor"))
    doc["version"] = 3
    assert _error(doc) == "net.json: unsupported format version 3: this nntui reads version 1 or 2"
    doc["version"] = 2.0  # compared with ==, as version 1 always was
    assert loads_network(json.dumps(doc)).sizes == [2, 2, 1]


def test_an_unknown_top_level_key_lists_training_point_and_image_in_version_2_only() -> None:
    doc = network_to_dict(load_preset("xor"), RECORD)
    doc["author"] = "me"
    assert _error(doc) == (
        'net.json: unknown key "author" '
        "(expected one of: format, version, name, inputs, layers, training, point, image)"
    )


BAD_TRAINING = [
    pytest.param([], '"training" must be an object, found a list', id="not-object"),
    pytest.param(
        {"learnig_rate": 0.1},
        '"training": unknown key "learnig_rate" (expected one of: data, '
        "learning_rate, batch_size, optimizer, momentum, regularization, regularization_rate, loss, "
        "seed, steps, stop_after, state)",
        id="typo",
    ),
    pytest.param(
        {"data": "xor"},
        '"training", "data": expected an object such as {"dataset": "xor", '
        '"noise": 0} or {"csv": "points.csv"}, found the text "xor"',
        id="data-not-object",
    ),
    pytest.param(
        {"data": {"dataset": "moons"}},
        f'"training", "data": "dataset" must be one of {", ".join(DATASET_NAMES)}, found "moons"',
        id="unknown-dataset",
    ),
    pytest.param(
        {"data": {"dataset": None}},
        f'"training", "data": "dataset" must be one of {", ".join(DATASET_NAMES)}, found null',
        id="null-dataset",
    ),
    pytest.param(
        {"data": {"noise": 0.6}},
        '"training", "data": "noise" must be between 0 and 0.5, found the number 0.6',
        id="noise-high",
    ),
    pytest.param(
        {"data": {"noise": "0.1"}},
        '"training", "data": "noise" must be a number, found the text "0.1"',
        id="noise-text",
    ),
    pytest.param(
        {"data": {"csv": "a.csv", "dataset": "xor"}},
        '"training", "data": "csv" cannot go with "dataset": the data is a CSV file or a generated dataset, not both',
        id="csv-and-dataset",
    ),
    pytest.param(
        {"data": {"csv": ""}},
        '"training", "data": "csv" must be the path of a CSV file (a non-empty string), found the text ""',
        id="csv-empty",
    ),
    pytest.param(
        {"data": {"csv": 3}},
        '"training", "data": "csv" must be the path of a CSV file (a non-empty string), found the number 3',
        id="csv-number",
    ),
    pytest.param(
        {"learning_rate": 0}, '"training": "learning_rate" must be greater than 0, found the number 0', id="lr-zero"
    ),
    pytest.param(
        {"learning_rate": 10**400},
        '"training": "learning_rate" is too large: every number must be finite',
        id="lr-huge",
    ),
    pytest.param({"learning_rate": True}, '"training": "learning_rate" must be a number, found true', id="lr-bool"),
    pytest.param(
        {"batch_size": 0},
        '"training": "batch_size" must be a whole number of at least 1, found the number 0',
        id="batch-zero",
    ),
    pytest.param(
        {"batch_size": 32.0},
        '"training": "batch_size" must be a whole number of at least 1, found the number 32.0',
        id="batch-float",
    ),
    pytest.param(
        {"optimizer": "rmsprop"},
        '"training": "optimizer" must be one of sgd, momentum, adam, found "rmsprop"',
        id="optimizer",
    ),
    pytest.param(
        {"momentum": 1.0}, '"training": "momentum" must be at least 0 and below 1, found the number 1.0', id="momentum"
    ),
    pytest.param(
        {"regularization": "l3"},
        '"training": "regularization" must be one of none, l1, l2, found "l3"',
        id="regularization",
    ),
    pytest.param(
        {"regularization_rate": -0.5},
        '"training": "regularization_rate" must be at least 0, found the number -0.5',
        id="regularization-rate",
    ),
    pytest.param(
        {"loss": "hinge"},
        '"training": "loss" must be one of null, mse, binary_cross_entropy, cross_entropy, found "hinge"',
        id="loss",
    ),
    pytest.param(
        {"seed": -1}, '"training": "seed" must be a whole number of at least 0, found the number -1', id="seed"
    ),
    pytest.param(
        {"steps": "10"}, '"training": "steps" must be a whole number of at least 0, found the text "10"', id="steps"
    ),
]


@pytest.mark.parametrize(("training", "expected"), BAD_TRAINING)
def test_a_bad_training_object_says_where_and_what(training: Any, expected: str) -> None:
    doc = network_to_dict(load_preset("xor"), RECORD)
    doc["training"] = training
    assert _error(doc) == f"net.json: {expected}"


def test_a_key_twice_in_the_training_object_or_its_data_is_named() -> None:
    text = dumps_network(load_preset("xor"), RECORD)
    assert _error(text.replace('"steps": 1234', '"steps": 1, "steps": 2')) == (
        'net.json: "training": duplicate key "steps"'
    )
    assert _error(text.replace('"noise": 0.15', '"noise": 0.1, "noise": 0.2')) == (
        'net.json: "training", "data": duplicate key "noise"'
    )


def test_the_network_is_checked_before_its_training_object() -> None:
    doc = _v2(steps=-1)
    doc["layers"][0]["activation"] = "gelu"
    assert "unknown activation" in _error(doc)


def test_a_bad_training_object_is_said_in_french() -> None:
    set_language("fr")
    assert _error(_v2(batch_size=0)) == (
        'net.json : "training" : "batch_size" doit être un nombre entier d\'au moins 1, trouvé : le nombre 0'
    )
    doc = network_to_dict(load_preset("xor"), RECORD)
    doc["version"] = 1
    assert _error(doc) == ('net.json : "training" demande la version 2 du format, mais le fichier indique "version": 1')


def test_the_training_example_of_format_md_is_a_valid_training_object() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "format.md").read_text("utf-8")
    block = next(b.split("```", 1)[0] for b in text.split("```json\n")[1:] if b.startswith('"training"'))
    doc = network_to_dict(load_preset("xor"))
    doc["version"] = 2
    doc["training"] = json.loads("{" + block + "}")["training"]
    record = network_file_from_dict(doc).training
    assert record == TrainingRecord(
        dataset="spiral",
        noise=0.1,
        config=TrainingConfig(batch_size=10, regularization="l2", regularization_rate=0.001),
        steps=500,
        ratio=50,
        data_seed=0,
    )
