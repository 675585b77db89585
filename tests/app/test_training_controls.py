"""Pilot tests of the training view's data controls (issue 15): a CSV file chosen in the data list,
several classes on the boundary, the train/test ratio, new points (G), a batch size typed, the test
points hidden and the output discretised; after each, the numbers are those of the new data at once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from textual.widgets import Input, Select

from nntui.app.app import NNTuiApp
from nntui.app.heatmap import LEVELS
from nntui.app.screens.data_prompts import BatchPrompt, CsvPrompt
from nntui.app.widgets.boundary_view import DISCRETE_LEVEL, BoundaryView
from nntui.core.fileformat import dumps_network

from .helpers import CLEAR, preset_app, widget_text

SIZE = (140, 44)


def three_classes(folder: Path, name: str = "blobs.csv") -> Path:
    """Three blobs of 30 points each, one class per blob, one-hot in y1, y2, y3 (seeded)."""
    rng = np.random.default_rng(0)
    rows = ["x1,x2,y1,y2,y3"]
    for k, (cx, cy) in enumerate([(-0.6, -0.4), (0.6, -0.4), (0.0, 0.6)]):
        for x1, x2 in rng.normal((cx, cy), 0.15, (30, 2)):
            onehot = ",".join("1" if j == k else "0" for j in range(3))
            rows.append(f"{x1:.4f},{x2:.4f},{onehot}")
    path = folder / name
    path.write_text("\n".join(rows) + "\n")
    return path


async def _choose_csv(pilot, text: str) -> None:
    pilot.app.query_one("#dataset", Select).value = "csv…"
    await pilot.pause()
    assert isinstance(pilot.app.screen, CsvPrompt)
    await pilot.press(*CLEAR)
    pilot.app.screen.query_one(Input).insert_text_at_cursor(text)
    await pilot.press("enter")
    await pilot.pause()


def _status(app: NNTuiApp) -> str:
    return widget_text(app.query_one("#train-status"))


async def test_a_bad_csv_file_says_its_line_and_column_and_changes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,y\n0.1,0.2,1\n0.3,oops,0\n")
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "s")
        before = app.document.training.settings
        await _choose_csv(pilot, str(bad))
        assert isinstance(app.screen, CsvPrompt)  # still open, with the loader's words
        error = widget_text(app.screen.query_one("#error"))
        assert "line 3, column 2" in error and "oops" in error
        await pilot.press("escape")
        assert app.document.training.settings == before and app.document.training.steps == 1
        assert app.query_one("#dataset", Select).value == "xor"


async def test_a_good_csv_file_becomes_the_data_and_the_list_names_it(tmp_path: Path) -> None:
    csv = tmp_path / "points.csv"
    csv.write_text("x1,x2,y\n" + "".join(f"{k / 10},{(k % 3) / 3},{k % 2}\n" for k in range(20)))
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "s")
        await _choose_csv(pilot, str(csv))
        session = app.document.training
        assert session.dataset.name == "points.csv" and session.steps == 0
        select = app.query_one("#dataset", Select)
        assert select.value == "csv" and "points.csv" in widget_text(select.query_one("SelectCurrent #label"))
        assert f"{session.history[-1].train.accuracy:.1%}" in _status(app)  # measured at once


async def test_the_list_names_each_csv_file_as_it_is_chosen(tmp_path: Path) -> None:
    """It lagged one file behind: the second file's warning beside the first file's name."""
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        for name in ("first.csv", "second.csv", "third.csv"):
            csv = tmp_path / name
            csv.write_text("x1,x2,y\n" + "".join(f"{k / 10},{(k % 3) / 3},{k % 2}\n" for k in range(20 + len(name))))
            await _choose_csv(pilot, str(csv))
            await pilot.pause()
            assert app.document.training.dataset.name == name
            label = widget_text(app.query_one("#dataset", Select).query_one("SelectCurrent #label"))
            assert name in label, (name, label)


async def test_several_classes_are_drawn_each_in_its_colour_and_mark(tmp_path: Path) -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await _choose_csv(pilot, str(three_classes(tmp_path)))
        await pilot.press("x")  # a 2-4-4-3 network with a softmax output
        assert app.document.network.layers[-1].activation == "softmax"
        for _ in range(4):
            app.document.training.run(100)
        app.document.training.measure()
        app.document.trained()
        await pilot.pause()
        view = app.query_one(BoundaryView)
        assert view._codes is not None
        winners = set((view._codes // 5).ravel().tolist())
        assert winners == {0, 1, 2}  # every class wins somewhere
        marks = {mark for line in view._points.values() for mark, _ in line.values()}
        assert {"●", "▲", "■"} <= marks and {"○", "△", "□"} & marks  # filled train, hollow test
        legend = str(view.border_subtitle)
        assert "● y1" in legend and "▲ y2" in legend and "■ y3" in legend


async def test_the_ratio_splits_the_data_and_the_numbers_follow_at_once() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "x", *["s"] * 5)
        app.query_one("#ratio", Select).value = 80
        await pilot.pause()
        session = app.document.training
        assert len(session.dataset.x_train) == 320 and session.steps == 0
        point = session.history[-1]
        assert point.step == 0 and f"{point.test.accuracy:.1%}" in _status(app)


async def test_g_draws_new_points_from_the_next_data_seed() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")  # only in the training view
        assert app.document.training.settings.effective_data_seed == 0
        await pilot.press("ctrl+t", "x")
        before = app.document.training.dataset.x_train.copy()
        network = dumps_network(app.document.network)
        await pilot.press("G")
        session = app.document.training
        assert session.settings.data_seed == 1 and not np.array_equal(session.dataset.x_train, before)
        assert dumps_network(app.document.network) == network  # the same network, new points
        assert session.history and "1 ·" in widget_text(app.query_one("#data_seed"))
        app.query_one("#data_seed").press()
        await pilot.pause()
        assert session.settings.data_seed == 2


async def test_any_batch_size_from_1_to_500_can_be_typed() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        batch = app.query_one("#batch_size", Select)
        for text, problem in (("abc", "not a whole number"), ("0", "from 1 to 500"), ("501", "from 1 to 500")):
            batch.value = -1  # "other…"
            await pilot.pause()
            assert isinstance(app.screen, BatchPrompt)
            await pilot.press(*CLEAR, *text, "enter")
            assert problem in widget_text(app.screen.query_one("#error"))
            await pilot.press("escape")
            assert app.document.training.settings.config.batch_size == 32 and batch.value == 32
        batch.value = -1
        await pilot.pause()
        await pilot.press(*CLEAR, "2", "5", "0", "enter")
        assert app.document.training.settings.config.batch_size == 250 and batch.value == 250
        await pilot.press("s")
        assert app.document.training.trainer.config.batch_size == 250


async def test_test_points_can_be_hidden_and_the_output_discretised() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "x")
        app.document.training.run(500)
        app.document.training.measure()
        app.document.trained()
        await pilot.pause()
        view = app.query_one(BoundaryView)
        marks = lambda: {m for line in view._points.values() for m, _ in line.values()}  # noqa: E731
        assert marks() == {"●", "○"} and len(np.unique(view._levels)) > 3
        trainer, steps = app.document.training.trainer, app.document.training.steps
        app.query_one("#show_test", Select).value = False
        app.query_one("#discretize", Select).value = True
        await pilot.pause()
        assert marks() == {"●"}
        assert set(np.unique(view._levels).tolist()) <= {-DISCRETE_LEVEL, 0, DISCRETE_LEVEL} and DISCRETE_LEVEL < LEVELS
        assert app.document.training.trainer is trainer and app.document.training.steps == steps


async def test_a_column_of_labels_is_read_as_classes_and_the_learner_is_told(tmp_path: Path) -> None:
    """y holding 0, 1, 2 (whole numbers): three classes, one output each, a notice saying so and
    how to keep numbers; the output follows (softmax), the boundary names y=0, y=1, y=2."""
    labels = tmp_path / "labels.csv"
    rng = np.random.default_rng(0)
    rows = [f"{x1:.3f},{x2:.3f},{k}" for k in range(3) for x1, x2 in rng.normal(k - 1, 0.2, (20, 2))]
    labels.write_text("x1,x2,y\n" + "\n".join(rows) + "\n")
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await _choose_csv(pilot, str(labels))
        session = app.document.training
        assert session.dataset.kind == "classification" and session.dataset.output_names == ("y=0", "y=1", "y=2")
        told = [str(n.message) for n in app._notifications]
        assert any("3 classes (0, 1, 2)" in m and "decimal point" in m for m in told), told
        await pilot.press("x")  # a network for the data: three softmax outputs
        assert app.document.network.sizes[-1] == 3 and app.document.network.layers[-1].activation == "softmax"
        assert "y=2" in str(app.query_one(BoundaryView).border_subtitle)
