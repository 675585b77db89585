"""Hostile text at the command line: names and file names never command the terminal.

A name in a network file or a file name may hold an escape sequence (OSC 0
sets the window title, ESC[2J clears the screen) or a newline.  Messages
show them as visible characters on one line; the JSON of ``nntui eval`` keeps
them exact (JSON escapes them).
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.test_cli import assert_usage_error, network_doc, parse_eval_stdout, run_cli, write_json

TITLE = "\x1b]0;PWNED\x07"
CLEAR = "\x1b[2J"
# Any C0 control but the final newline, any C1 control, the bidi overrides and isolates.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _clean(text: str) -> None:
    found = CONTROL.search(text)
    assert found is None, f"{found.group()!r} reaches the terminal: {text!r}"


def test_a_file_name_with_escapes_is_shown_visibly_in_the_error(tmp_path: Path) -> None:
    message = assert_usage_error(run_cli("eval", f"{TITLE}{CLEAR}\nmissing\u202e.json", cwd=tmp_path))
    _clean(message)
    assert "␛]0;PWNED␇␛[2J" in message and "missing�.json" in message


def test_names_with_escapes_are_shown_visibly_in_the_overflow_message(tmp_path: Path) -> None:
    write_json(
        tmp_path / "huge.json",
        network_doc(
            [("x", 1e300)],
            [
                {
                    "name": TITLE,
                    "activation": "linear",
                    "neurons": [f"n{CLEAR}\x9b1"],
                    "weights": [[1e300]],
                    "bias": [0.0],
                },
                {"activation": "linear", "weights": [[1.0]], "bias": [0.0]},
            ],
            name=CLEAR,
        ),
    )
    result = run_cli("eval", "huge.json", cwd=tmp_path)
    message = assert_usage_error(result, status=3)
    _clean(result.stderr)
    assert "␛]0;PWNED␇" in message and "n␛[2J�1" in message


def test_eval_json_keeps_the_names_exact(tmp_path: Path) -> None:
    write_json(
        tmp_path / "net.json",
        network_doc(
            [("x", 1.0)],
            [{"name": TITLE + "\n" + CLEAR, "activation": "linear", "weights": [[1.0]], "bias": [0.0]}],
        ),
    )
    result = run_cli("eval", "net.json", cwd=tmp_path)
    _clean(result.stdout)
    assert parse_eval_stdout(result)["layers"][0]["name"] == TITLE + "\n" + CLEAR


def test_train_names_its_output_visibly(tmp_path: Path) -> None:
    out = f"out{CLEAR}.json"
    result = run_cli("train", "--preset", "xor", "--dataset", "xor", "--steps", "5", "-o", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    _clean(result.stdout)
    assert "out␛[2J.json" in result.stdout
    assert (tmp_path / out).exists()


def test_a_very_long_file_name_gives_a_short_message(tmp_path: Path) -> None:
    message = assert_usage_error(run_cli("eval", "x" * 5000 + ".json", cwd=tmp_path))
    assert len(message) <= 1000 and "x…" in message  # the name shortened, then why
