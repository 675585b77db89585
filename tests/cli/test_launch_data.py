"""`nntui --data FILE.csv`: the playground trains on your own data; a bad file is said before any screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import assert_usage_error, run_cli


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("a,b,y\n0,0,zero\n", 'line 2, column 3 ("y"): expected a number, found "zero"'),
        (None, "no such file"),
    ],
)
def test_a_bad_csv_is_refused_with_its_line_and_column(tmp_path: Path, content: str | None, expected: str) -> None:
    data = tmp_path / "points.csv"
    if content is not None:
        data.write_text(content, encoding="utf-8")
    message = assert_usage_error(run_cli("--preset", "xor", "--data", str(data), cwd=tmp_path))
    assert expected in message and "points.csv" in message


def test_data_is_listed_in_the_help(tmp_path: Path) -> None:
    result = run_cli("--help", cwd=tmp_path)
    assert result.returncode == 0 and "--data" in result.stdout
