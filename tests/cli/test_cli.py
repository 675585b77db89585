"""Tests of the ``nntui`` command line (nntui/cli.py), run as real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import nntui
from nntui.core.fileformat import load_network
from nntui.core.network import Network
from nntui.core.presets import load_preset, preset_names

ERROR_PREFIX = "nntui: error: "
TIMEOUT = 30


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m nntui ARGS`` with no terminal attached and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "nntui", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def assert_usage_error(result: subprocess.CompletedProcess[str], status: int = 2) -> str:
    """Check the error contract and return the message after the prefix."""
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    assert result.returncode == status, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stderr.endswith("\n")
    assert lines[0].startswith(ERROR_PREFIX)
    return lines[0][len(ERROR_PREFIX) :]


def network_doc(
    inputs: list[tuple[str, float]],
    layers: list[dict[str, object]],
    name: str = "test net",
) -> dict[str, object]:
    """A version-1 network file document."""
    return {
        "format": "nntui-network",
        "version": 1,
        "name": name,
        "inputs": [{"name": n, "value": v} for n, v in inputs],
        "layers": layers,
    }


def write_json(path: Path, doc: object) -> Path:
    """Write ``doc`` as JSON to ``path`` and return the path."""
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def expected_eval(network: Network, x: list[float] | None) -> dict[str, object]:
    """The JSON document ``nntui eval`` should print, computed in-process."""
    result = network.forward(x)
    return {
        "outputs": result.outputs.tolist(),
        "layers": [
            {
                "name": network.layer_title(k + 1),
                "z": result.pre_activations[k].tolist(),
                "a": result.activations[k + 1].tolist(),
            }
            for k in range(len(network.layers))
        ],
    }


def parse_eval_stdout(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    """Check eval succeeded quietly and printed exactly one JSON object line."""
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.endswith("\n")
    assert len(result.stdout.splitlines()) == 1
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    return doc


# --- entry points --------------------------------------------------------------


def test_dunder_main_module_exists() -> None:
    """``nntui/__main__.py`` exists, so ``python -m nntui`` is a real entry point."""
    assert (Path(nntui.__file__).parent / "__main__.py").is_file()


def test_installed_console_script_works() -> None:
    """The ``nntui`` script installed next to the interpreter runs the CLI."""
    script = Path(sys.executable).parent / ("nntui.exe" if os.name == "nt" else "nntui")
    if not script.exists():
        pytest.skip(f"no console script at {script}")
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=TIMEOUT)
    assert version.returncode == 0
    assert version.stdout == f"nntui {nntui.__version__}\n"
    evaluated = subprocess.run(
        [str(script), "eval", "--preset", "xor", "--input", "1,0"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert parse_eval_stdout(evaluated) == expected_eval(load_preset("xor"), [1.0, 0.0])


# --- --version and presets -----------------------------------------------------


def test_version_matches_package() -> None:
    """``--version`` prints ``nntui <version>``, the same as the package metadata."""
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout == f"nntui {nntui.__version__}\n"
    assert metadata.version("nntui") == nntui.__version__


def test_presets_lists_every_name_in_order() -> None:
    """``presets`` prints one line per preset, the name first, in preset_names() order."""
    result = run_cli("presets")
    assert result.returncode == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    names = preset_names()
    assert names, "no presets shipped"
    assert len(lines) == len(names)
    assert [line.split()[0] for line in lines] == names


# --- eval ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "x"),
    [("1,0", [1.0, 0.0]), ("0,1", [0.0, 1.0]), ("1,1", [1.0, 1.0]), ("0,0", [0.0, 0.0])],
)
def test_eval_xor_preset_matches_forward_exactly(values: str, x: list[float]) -> None:
    """The printed JSON equals Network.forward bit for bit, and XOR is right."""
    doc = parse_eval_stdout(run_cli("eval", "--preset", "xor", "--input", values))
    assert set(doc) == {"outputs", "layers"}
    for layer in doc["layers"]:  # type: ignore[union-attr]
        assert set(layer) == {"name", "z", "a"}
    assert doc == expected_eval(load_preset("xor"), x)
    (output,) = doc["outputs"]  # type: ignore[misc]
    if x[0] != x[1]:
        assert output > 0.99
    else:
        assert output < 0.01


def test_eval_accepts_negative_first_input() -> None:
    """``--input -1,0`` is a value, not an unknown option."""
    doc = parse_eval_stdout(run_cli("eval", "--preset", "xor", "--input", "-1,0"))
    assert doc == expected_eval(load_preset("xor"), [-1.0, 0.0])


def test_eval_accepts_equals_form_and_spaces() -> None:
    """``--input=-0.5, 2`` is parsed with the spaces stripped."""
    doc = parse_eval_stdout(run_cli("eval", "--preset", "xor", "--input=-0.5, 2"))
    assert doc == expected_eval(load_preset("xor"), [-0.5, 2.0])


def test_eval_file_with_input(tmp_path: Path) -> None:
    """eval of a FILE uses the given --input and names layers from the file."""
    path = write_json(
        tmp_path / "lin.json",
        network_doc(
            [("a", 0.25), ("b", -3.5)],
            [
                {"name": "mid", "activation": "linear", "weights": [[2.0, 4.0], [1.0, -1.0]], "bias": [0.5, 0.0]},
                {"activation": "relu", "weights": [[1.0, 1.0]], "bias": [0.0]},
            ],
        ),
    )
    doc = parse_eval_stdout(run_cli("eval", str(path), "--input", "1,2"))
    assert doc == {
        "outputs": [9.5],
        "layers": [
            {"name": "mid", "z": [10.5, -1.0], "a": [10.5, -1.0]},
            {"name": "output", "z": [9.5], "a": [9.5]},
        ],
    }
    assert doc == expected_eval(load_network(path), [1.0, 2.0])


def test_eval_file_without_input_uses_stored_values(tmp_path: Path) -> None:
    """Without --input, eval runs on the input values stored in the file."""
    path = write_json(
        tmp_path / "stored.json",
        network_doc(
            [("a", 0.25), ("b", -3.5)],
            [{"activation": "linear", "weights": [[2.0, 4.0]], "bias": [0.5]}],
        ),
    )
    doc = parse_eval_stdout(run_cli("eval", "stored.json", cwd=tmp_path))
    # 0.5 + 2*0.25 + 4*(-3.5) = -13.0 exactly
    assert doc == {"outputs": [-13.0], "layers": [{"name": "output", "z": [-13.0], "a": [-13.0]}]}
    assert doc == expected_eval(load_network(path), None)


def test_eval_preset_without_input_uses_stored_values() -> None:
    """``eval --preset layers`` with no --input uses the preset's own inputs."""
    doc = parse_eval_stdout(run_cli("eval", "--preset", "layers"))
    assert doc == expected_eval(load_preset("layers"), None)


# --- errors ------------------------------------------------------------------------


@pytest.fixture
def error_files(tmp_path: Path) -> Path:
    """A directory holding broken network files for the error cases."""
    (tmp_path / "adir").mkdir()
    (tmp_path / "bad.json").write_text('{"format": "nntui-network", ', encoding="utf-8")
    write_json(
        tmp_path / "shape.json",
        network_doc(
            [("x1", 0.0), ("x2", 0.0)],
            [{"activation": "sigmoid", "weights": [[1.0, 2.0, 3.0]], "bias": [0.0]}],
        ),
    )
    (tmp_path / "nan.json").write_text(
        json.dumps(network_doc([("x", 0.0)], [{"activation": "linear", "weights": [[1.0]]}])).replace(
            '"value": 0.0', '"value": NaN'
        ),
        encoding="utf-8",
    )
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    write_json(
        tmp_path / "ok.json",
        network_doc([("x", 1.0)], [{"activation": "linear", "weights": [[1.0]]}]),
    )
    return tmp_path


_PRESETS_LISTED = "available: " + ", ".join(preset_names())

ERROR_CASES: list[tuple[str, list[str], list[str]]] = [
    # (id, argv, substrings the message must contain)
    ("too-few-inputs", ["eval", "--preset", "xor", "--input", "1"], ["1 value", "2 inputs"]),
    ("too-many-inputs", ["eval", "--preset", "xor", "--input", "1,0,1"], ["3 values", "2 inputs"]),
    ("not-numbers", ["eval", "--preset", "xor", "--input", "a,b"], ["value 1", '"a"', "not a number"]),
    ("second-not-number", ["eval", "--preset", "xor", "--input", "1,b"], ["value 2", '"b"']),
    ("nan", ["eval", "--preset", "xor", "--input", "nan,0"], ["NaN"]),
    ("inf", ["eval", "--preset", "xor", "--input", "0,inf"], ["value 2", "infinity"]),
    ("minus-inf", ["eval", "--preset", "xor", "--input", "-inf,0"], ["value 1", "infinity"]),
    ("1e999", ["eval", "--preset", "xor", "--input", "1e999,0"], ["1e999", "infinity"]),
    ("empty-value", ["eval", "--preset", "potatoes", "--input", "1,,2"], ["value 2", "empty"]),
    ("empty-value-wrong-count", ["eval", "--preset", "xor", "--input", "1,,2"], ["3 values"]),
    ("input-without-value", ["eval", "--preset", "xor", "--input"], ["--input", "expected one argument"]),
    ("missing-file", ["eval", "missing.json"], ["missing.json", "no such file"]),
    ("directory", ["eval", "adir"], ["adir", "is a directory"]),
    ("bad-json", ["eval", "bad.json"], ["bad.json", "not valid JSON"]),
    ("wrong-shape", ["eval", "shape.json"], ["shape.json", "weights row 1 has 3 values"]),
    ("nan-in-file", ["eval", "nan.json"], ["nan.json", "NaN is not allowed"]),
    ("not-utf8", ["eval", "binary.json"], ["binary.json", "not a text file"]),
    ("unknown-preset", ["eval", "--preset", "nope"], ['"nope"', _PRESETS_LISTED]),
    ("file-and-preset", ["eval", "ok.json", "--preset", "xor"], ["not both"]),
    ("neither", ["eval"], ["FILE", "--preset"]),
    ("neither-with-input", ["eval", "--input", "1,0"], ["FILE", "--preset"]),
    ("eval-unknown-option", ["eval", "--preset", "xor", "--bogus"], ["--bogus"]),
    ("presets-unknown-option", ["presets", "--bogus"], ["--bogus"]),
    ("presets-extra-argument", ["presets", "extra"], ["extra"]),
    ("unknown-option", ["--bogus"], ["--bogus"]),
    ("unknown-subcommand", ["frobnicate"], ["frobnicate"]),
    ("app-unknown-preset", ["--preset", "nope"], ['"nope"', _PRESETS_LISTED]),
    ("app-preset-without-name", ["--preset"], ["--preset", "expected one argument"]),
    ("app-missing-file", ["missing.json"], ["missing.json", "no such file"]),
    ("app-directory", ["adir"], ["adir", "is a directory"]),
    ("app-bad-json", ["bad.json"], ["bad.json", "not valid JSON"]),
    ("app-file-and-preset", ["ok.json", "--preset", "xor"], ["not both"]),
]


@pytest.mark.parametrize(("argv", "needles"), [pytest.param(a, n, id=i) for i, a, n in ERROR_CASES])
def test_errors_are_one_line_with_status_2(error_files: Path, argv: list[str], needles: list[str]) -> None:
    """Every user mistake: status 2, one 'nntui: error:' line, empty stdout, no traceback."""
    message = assert_usage_error(run_cli(*argv, cwd=error_files))
    for needle in needles:
        assert needle in message


def test_wrong_shape_message_names_absolute_file(error_files: Path) -> None:
    """The loader's message names the file exactly as it was given."""
    path = error_files / "shape.json"
    message = assert_usage_error(run_cli("eval", str(path)))
    assert message.startswith(f"{path}: ")


@pytest.mark.parametrize(
    ("stored", "argv_tail"),
    [
        pytest.param(1e300, [], id="stored-input"),
        pytest.param(0.0, ["--input", "1e300"], id="given-input"),
    ],
)
def test_overflow_exits_3(tmp_path: Path, stored: float, argv_tail: list[str]) -> None:
    """An output that overflows to inf: status 3, one error line, nothing on stdout."""
    write_json(
        tmp_path / "huge.json",
        network_doc(
            [("x", stored)],
            [
                {"name": "big", "activation": "linear", "neurons": ["n1"], "weights": [[1e300]], "bias": [0.0]},
                {"activation": "linear", "weights": [[1.0]], "bias": [0.0]},
            ],
        ),
    )
    message = assert_usage_error(run_cli("eval", "huge.json", *argv_tail, cwd=tmp_path), status=3)
    assert "overflow" in message
    assert '"big"' in message and '"n1"' in message


# --- no Textual for the non-interactive commands ----------------------------------

_PROBE = """
import contextlib, io, json, sys
{preload}
from nntui.cli import main
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    try:
        code = main({argv!r})
    except SystemExit as exit_:
        code = exit_.code
print(json.dumps({{"code": code, "textual": "textual" in sys.modules, "out": out.getvalue()}}))
"""


def probe(argv: list[str], preload: str = "") -> dict[str, object]:
    """Call nntui.cli.main(argv) in a fresh interpreter; report status and Textual import."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(argv=argv, preload=preload)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert isinstance(report, dict)
    return report


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        pytest.param(["--version"], 0, id="version"),
        pytest.param(["presets"], 0, id="presets"),
        pytest.param(["challenges"], 0, id="challenges"),
        pytest.param(["eval", "--preset", "xor", "--input", "1,0"], 0, id="eval"),
        pytest.param(["eval", "--preset", "xor", "--input", "x,0"], 2, id="eval-error"),
        pytest.param(["--preset", "nope"], 2, id="app-unknown-preset"),
    ],
)
def test_commands_do_not_import_textual(argv: list[str], code: int) -> None:
    """--version, presets, challenges and eval (and early app errors) never import Textual."""
    report = probe(argv)
    assert report["code"] == code
    assert report["textual"] is False
    if code == 0:
        assert report["out"]


def test_textual_probe_detects_import() -> None:
    """Control: the same probe reports Textual once nntui.app.app is imported."""
    report = probe(["--version"], preload="import nntui.app.app")
    assert report["code"] == 0
    assert report["textual"] is True


# --- robustness beyond argument mistakes -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[" * 100_000 + "]" * 100_000, id="deep-list"),
        pytest.param('{"format": ' + "[" * 5_000 + "]" * 5_000 + "}", id="deep-in-object"),
    ],
)
def test_deeply_nested_json_is_a_usage_error(tmp_path: Path, text: str) -> None:
    """A pathologically nested (but well-formed) JSON file is a bad file, not a crash."""
    (tmp_path / "deep.json").write_text(text, encoding="utf-8")
    message = assert_usage_error(run_cli("eval", "deep.json", cwd=tmp_path))
    assert message.startswith("deep.json: ")
    app_message = assert_usage_error(run_cli("deep.json", cwd=tmp_path))
    assert app_message.startswith("deep.json: ")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_eval_write_error_is_reported_without_traceback() -> None:
    """A failing stdout (disk full) gives a non-zero status and one error line."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run(
            [sys.executable, "-m", "nntui", "eval", "--preset", "xor", "--input", "1,0"],
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=TIMEOUT,
        )
    assert "Traceback" not in result.stderr
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(ERROR_PREFIX)
