"""Hostile files: special files, huge files, duplicate keys, huge values, and the loader's cost.

Every refusal is one line naming the file, and comes before the file is read
whole (a FIFO is never even opened: opening one blocks).
"""

from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from nntui.core import fileformat, reading
from nntui.core.datasets import DataFileError, load_csv
from nntui.core.fileformat import NetworkFileError, load_network, loads_network
from nntui.core.reading import MAX_FILE_BYTES
from tests.factory import random_network


def _doc(**overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "nntui-network",
        "version": 1,
        "name": "test",
        "inputs": [{"name": "x1", "value": 0.0}, {"name": "x2", "value": 1.0}],
        "layers": [
            {"name": "first", "activation": "relu", "weights": [[1, 2], [3, 4]], "bias": [0, 0]},
            {"name": "hidden", "activation": "linear", "weights": [[1, 2]], "bias": [0]},
        ],
    }
    doc.update(overrides)
    return {key: value for key, value in doc.items() if value is not ...}


def _network_error(path: Path | str) -> str:
    with pytest.raises(NetworkFileError) as raised:
        load_network(path)
    message = str(raised.value)
    assert "\n" not in message
    return message


def _csv_error(path: Path | str) -> str:
    with pytest.raises(DataFileError) as raised:
        load_csv(path)
    message = str(raised.value)
    assert "\n" not in message
    return message


# --- special files ----------------------------------------------------------------------


@pytest.mark.parametrize("read", [_network_error, _csv_error], ids=["network", "csv"])
def test_dev_zero_is_refused_without_being_read(read) -> None:
    assert read("/dev/zero") == "/dev/zero: is a device, not " + (
        "a network file" if read is _network_error else "a CSV file"
    )


@pytest.fixture
def fifo(tmp_path: Path):
    """A FIFO; should a loader open it, a writer comes after 5 s so the test fails instead of hanging."""
    path = tmp_path / "pipe.json"
    os.mkfifo(path)

    def rescue() -> None:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:  # nobody opened it: as it should be
            pass

    timer = threading.Timer(5.0, rescue)
    timer.start()
    yield path
    timer.cancel()


@pytest.mark.parametrize("read", [_network_error, _csv_error], ids=["network", "csv"])
def test_a_fifo_is_refused_without_being_opened(fifo: Path, read) -> None:
    assert read(fifo).startswith(f"{fifo}: is a named pipe (FIFO), not ")


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert _network_error(path) == f"{path}: is a socket, not a network file"


def test_a_directory_is_still_named_as_such(tmp_path: Path) -> None:
    assert _network_error(tmp_path) == f"{tmp_path}: is a directory, not a network file"
    assert _csv_error(tmp_path) == f"{tmp_path}: is a directory, not a CSV file"


# --- the size limit ---------------------------------------------------------------------------


@pytest.mark.parametrize("read", [_network_error, _csv_error], ids=["network", "csv"])
def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path, read, monkeypatch) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as file:
        file.truncate(128_000_000)  # sparse: 128 MB of zeros that take no room

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    kind = "a network file" if read is _network_error else "a CSV file"
    assert read(path) == f"{path}: is 128 MB, more than the 100 MB {kind} may have"


def test_the_limit_is_100_mb_and_a_file_at_the_limit_is_read(tmp_path: Path, monkeypatch) -> None:
    assert MAX_FILE_BYTES == 100_000_000
    text = json.dumps(_doc())
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", len(text.encode()))
    path = tmp_path / "net.json"
    path.write_text(text, encoding="utf-8")
    assert load_network(path).sizes == [2, 2, 1]
    path.write_text(text + " ", encoding="utf-8")
    assert "more than the" in _network_error(path)


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path, monkeypatch) -> None:
    """/proc files say they are empty; what is read is bounded all the same."""
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    path = tmp_path / "net.json"
    path.write_text("x" * 101, encoding="utf-8")
    real_stat = os.stat

    def says_empty(target: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        result = real_stat(target, *args, **kwargs)
        return os.stat_result((result.st_mode, *result[1:6], 0, *result[7:]))

    monkeypatch.setattr(reading.os, "stat", says_empty)
    assert _network_error(path).startswith(f"{path}: is ")
    assert "more than the" in _network_error(path)


# --- messages ------------------------------------------------------------------------------------


def test_a_missing_version_is_called_missing(tmp_path: Path) -> None:
    with pytest.raises(NetworkFileError) as raised:
        loads_network(json.dumps(_doc(version=...)), "net.json")
    assert str(raised.value) == 'net.json: missing "version": this nntui reads version 1 or 2'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '{"format": "nntui-network", "version": 1, "version": 1, "inputs": [], "layers": []}',
            'net.json: duplicate key "version"',
            id="top-level",
        ),
        pytest.param(
            json.dumps(_doc()).replace('"bias": [0]', '"bias": [0], "bias": [1]'),
            'net.json: layer 2 ("hidden"): duplicate key "bias"',
            id="layer",
        ),
        pytest.param(
            json.dumps(_doc()).replace('"value": 1.0', '"value": 1.0, "name": "x3"'),
            'net.json: input 2: duplicate key "name"',
            id="input",
        ),
    ],
)
def test_duplicate_keys_are_an_error_naming_the_key(text: str, expected: str) -> None:
    with pytest.raises(NetworkFileError) as raised:
        loads_network(text, "net.json")
    assert str(raised.value) == expected


LONG = "x" * 100_000


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(_doc(layers=[{"activation": LONG, "weights": [[1, 2]]}]), id="activation"),
        pytest.param(_doc(layers=[{"activation": [LONG], "weights": [[1, 2]]}]), id="activation-list"),
        pytest.param(_doc(layers=[{"name": LONG, "activation": "tanh", "weights": [[1]]}]), id="layer-name"),
        pytest.param(_doc(format=LONG), id="format"),
        pytest.param(_doc(version=LONG), id="version"),
        pytest.param({**_doc(), LONG: 1}, id="key"),
        pytest.param(_doc(name=10**4000), id="huge-integer"),
    ],
)
def test_echoed_values_are_shortened(doc: dict[str, Any]) -> None:
    with pytest.raises(NetworkFileError) as raised:
        loads_network(json.dumps(doc), "net.json")
    message = str(raised.value)
    assert len(message) < 300, message[:300]
    assert "…" in message


# --- the loader's cost -------------------------------------------------------------------------


def test_a_valid_file_costs_no_message_per_number(monkeypatch: pytest.MonkeyPatch) -> None:
    """The location of a number is put in words only for a bad one."""
    text = fileformat.dumps_network(random_network((5, 300, 200, 3), seed=3))  # 62,100 numbers
    calls = 0
    real_t = fileformat.t

    def counting(*args: Any, **kwargs: Any) -> str:
        nonlocal calls
        calls += 1
        return real_t(*args, **kwargs)

    monkeypatch.setattr(fileformat, "t", counting)
    loads_network(text)
    assert calls < 30  # a few per input and per layer, none per number


def test_numbers_load_exactly_as_python_reads_them() -> None:
    weights = [[2**53 + 1, 10**30, -0.0, 5e-324, 1.7976931348623157e308, 7]]
    doc = _doc(
        inputs=[{"name": "x", "value": 3}] * 6,
        layers=[{"activation": "linear", "weights": weights, "bias": [2**63 + 1]}],
    )
    network = loads_network(json.dumps(doc))
    assert network.layers[0].weights.tolist() == [[float(v) for v in weights[0]]]
    assert np.signbit(network.layers[0].weights[0, 2])
    assert network.layers[0].bias.tolist() == [float(2**63 + 1)]
    assert network.input_values.tolist() == [3.0] * 6


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ([1, 2, 3, "4"], 'value 4 must be a number, found the text "4"'),
        ([1, True, 3, 4], "value 2 must be a number, found true"),
        ([1, 2, None, 4], "value 3 must be a number, found null"),
        ([1, 2, 3, 1e999], "value 4 is too large"),
        ([10**400, 2, 3, 4], "value 1 is too large"),
    ],
)
def test_the_bad_number_of_a_big_layer_is_found(row: list[Any], expected: str) -> None:
    weights = [[0.5] * 4 for _ in range(999)] + [row]
    doc = _doc(
        inputs=[{"name": f"x{i}", "value": 0} for i in range(4)], layers=[{"activation": "linear", "weights": weights}]
    )
    text = json.dumps(doc).replace("Infinity", "1e999")
    with pytest.raises(NetworkFileError) as raised:
        loads_network(text, "net.json")
    assert str(raised.value).startswith(f"net.json: layer 1: weights row 1000 {expected}")


def test_a_name_with_a_lone_surrogate_is_saved_as_it_is_and_reads_back(tmp_path) -> None:
    """JSON allows "\\ud800", UTF-8 cannot encode it: saving once raised UnicodeEncodeError."""
    from nntui.core.fileformat import dumps_network, load_network, loads_network, save_network

    text = (
        '{"format": "nntui-network", "version": 1, "name": "bad \\ud800 name",'
        ' "inputs": [{"name": "a\\udfff", "value": 0}],'
        ' "layers": [{"activation": "sigmoid", "weights": [[1]], "bias": [0]}]}'
    )
    network = loads_network(text)
    assert network.name == "bad \ud800 name"
    saved = tmp_path / "net.json"
    save_network(network, saved)
    saved.read_bytes().decode("utf-8")  # valid UTF-8
    again = load_network(saved)
    assert again.name == network.name and again.input_names == ["a\udfff"]
    assert dumps_network(again) == dumps_network(network)
