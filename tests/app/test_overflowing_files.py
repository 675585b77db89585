"""A file whose forward pass overflows: `nntui eval` and the playground accept it and say the same
thing about it (eval has no number to print, so it exits 3; the playground shows dashes, not nan)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nntui.app.app import NNTuiApp
from nntui.app.widgets.outputs import OutputsPanel
from nntui.cli import main
from nntui.core.fileformat import load_network_file

from .helpers import widget_text

SIZE = (120, 36)


def _softmax_file(path: Path) -> Path:
    path.write_text(
        json.dumps(
            {
                "format": "nntui-network",
                "version": 1,
                "name": "huge",
                "inputs": [{"name": "x1", "value": 1.0}, {"name": "x2", "value": 1.0}],
                "layers": [{"activation": "softmax", "weights": [[1e308, 1e308], [-1e308, 1e308]], "bias": [0, 0]}],
            }
        )
    )
    return path


async def test_the_playground_opens_it_says_where_it_overflows_and_shows_no_nan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _softmax_file(tmp_path / "huge.json")
    assert main(["eval", str(path)]) == 3
    said = capsys.readouterr().err.strip().removeprefix("nntui: error: ")
    opened = load_network_file(path)
    app = NNTuiApp(opened.network, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(said.lower() in n.message.lower() for n in app._notifications), (
            said,
            [n.message for n in app._notifications],
        )
        outputs = widget_text(app.query_one(OutputsPanel))
        assert "nan" not in outputs and "inf" not in outputs and "█" not in outputs
        assert "overflow" in widget_text(app.query_one("#status"))
