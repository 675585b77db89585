"""The benchmark runs end to end and writes a well-formed report (no timing is checked).

``python -m benchmarks --quick`` with tiny repetition counts: every section
runs (edit latency end to end and in process, training throughput, the training view end to
end and in process, start-up, loading a file), the
JSON report and the table are written, every ratio is a positive number.
The PyTorch comparison runs only when torch is available (this Python, or
NNTUI_BENCH_TORCH_PYTHON); otherwise the report says it was skipped.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
from pathlib import Path

import pytest

from benchmarks import run as benchmark

DIGITS = "digits, 64-16-10 (a stroke on the 8×8 picture)"

pytestmark = pytest.mark.slow


def _positive(value: object) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value) and value > 0


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """One quick run per test session: under pytest-xdist the first worker that needs it runs it
    (behind a lock in the folder the workers share) and the others read its report."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        output = tmp_path_factory.mktemp("benchmarks")
        return benchmark.run(["--quick", "--output", str(output)]), output
    import fcntl  # the slow tier runs on POSIX systems only (the benchmark's pseudo-terminals too)

    shared = tmp_path_factory.getbasetemp().parent
    output = shared / "benchmarks-quick"
    with open(shared / "benchmarks-quick.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (output / "latest.json").is_file():
            benchmark.run(["--quick", "--output", str(output)])
    return json.loads((output / "latest.json").read_text(encoding="utf-8")), output


def test_the_report_and_the_table_are_written(report: tuple[dict, Path]) -> None:
    _, output = report
    saved = json.loads((output / "latest.json").read_text(encoding="utf-8"))
    assert saved["schema"] == 1 and saved["quick"] is True
    sections = {"edit_latency", "edit_latency_end_to_end", "training_view", "training_view_end_to_end"}
    assert sections | {"training_throughput", "startup", "summary", "machine"} <= set(saved)
    table = (output / "latest.md").read_text(encoding="utf-8")
    assert "| Measurement | Result | Target | Met |" in table
    assert len(saved["summary"]) == table.count("\n| ") - 2  # a row per summary row (+ header, rule)
    for row in saved["summary"]:
        assert set(row) == {"measurement", "result", "target", "met"}
        assert row["met"] in (True, False, None)


def test_edit_latency_has_a_positive_ratio_per_network(report: tuple[dict, Path]) -> None:
    section = report[0]["edit_latency"]
    for reference in (section["reference"], section["full_screen_reference"]):  # one label; a full screen
        assert _positive(reference["median_ms"]) and _positive(reference["p95_ms"])
        assert reference["frames_missing"] == 0
    assert set(section["cases"]) == {"potatoes", "2-8-8-1 (8×8 hidden)", "784-128-10", DIGITS}
    for case in section["cases"].values():
        assert _positive(case["median_ms"]) and _positive(case["p95_ms"])
        assert _positive(case["ratio_median"]["median"]) and _positive(case["ratio_p95"])  # vs one label
        full = case["full_screen"]
        assert _positive(full["ratio_median"]["median"]) and _positive(full["ratio_p95"])
        assert case["frames_missing"] == 0  # every edit produced a screen update
        assert _positive(case["target"]["median"]) and _positive(case["target"]["p95"])
        assert case["met"] is (full["met_median"] and full["met_p95"])  # judged on both


def test_edit_latency_end_to_end_reads_a_screen_update_per_key_from_every_program(report: tuple[dict, Path]) -> None:
    section = report[0]["edit_latency_end_to_end"]
    for app in (section["reference"], section["full_screen_reference"], *section["cases"].values()):
        assert _positive(app["median_ms"]) and _positive(app["p95_ms"])
        assert app["screen_updates_per_edit"] >= 1  # the burst held a whole synchronized update
        assert _positive(app["kilobytes_per_edit"])
    assert set(section["cases"]) == {"potatoes", "2-8-8-1 (8×8 hidden)", "784-128-10", DIGITS}
    for case in section["cases"].values():
        for against in (case["full_screen"], case["one_label"]):
            assert _positive(against["ratio_median"]["median"]) and _positive(against["ratio_p95"])
        assert case["met"] is (case["full_screen"]["met_median"] and case["full_screen"]["met_p95"])


def test_the_training_view_end_to_end_draws_frames_a_terminal_reads(report: tuple[dict, Path]) -> None:
    section = report[0]["training_view_end_to_end"]
    assert _positive(section["picture_app"]["frames_per_second"])
    assert _positive(section["training_view"]["frames_per_second"])
    assert _positive(section["ratio"]["median"])
    steps = section["steps_per_second"]  # read from the screen: a short window on a slow machine may show one
    assert steps is None or steps >= 0
    assert isinstance(section["met"], bool)
    digits = section["digits"]  # the digits preset in the same rounds
    assert _positive(digits["training_view"]["frames_per_second"]) and _positive(digits["ratio"]["median"])
    assert digits["steps_per_second"] is None or digits["steps_per_second"] >= 0
    assert isinstance(digits["met"], bool)


def test_only_takes_sections_by_spaces_or_commas() -> None:
    parser = benchmark._parser()
    assert parser.parse_args(["--only", "latency-e2e,frames-e2e", "view"]).only == [
        ["latency-e2e", "frames-e2e"],
        ["view"],
    ]
    with pytest.raises(SystemExit):
        parser.parse_args(["--only", "latency,nothing"])


def test_the_full_screen_reference_changes_every_number_of_its_screen() -> None:
    from benchmarks.full_screen_app import LINES, NUMBERS_PER_LINE, screen_text

    def numbers(count: int) -> list[str]:
        return screen_text(count).split()

    before, after = numbers(0), numbers(1)
    assert len(before) == len(after) == LINES * NUMBERS_PER_LINE
    assert all(old != new for old, new in zip(before, after))
    assert max(len(line) for line in screen_text(0).splitlines()) <= 140  # fits the benchmark's screen


def test_training_throughput_compares_with_before_and_with_torch_when_present(report: tuple[dict, Path]) -> None:
    section = report[0]["training_throughput"]
    assert set(section["cases"]) == {
        "2-8-8-1",
        "2-8-8-8-8-8-8-1",
        "784-128-10",
        "64-16-10 (digits), Adam",
        "64-16-10 (digits), SGD",
    }
    torch_here = section["torch"]["available"]
    expected = importlib.util.find_spec("torch") is not None or bool(os.environ.get("NNTUI_BENCH_TORCH_PYTHON"))
    assert torch_here == expected
    for case in section["cases"].values():
        assert _positive(case["steps_per_second"]["nntui"]) and _positive(case["steps_per_second"]["before"])
        assert _positive(case["ratios"]["nntui / before"]["median"])
        assert isinstance(case["checks"]["bit_identical_to_before"], bool)
        if torch_here:
            assert _positive(case["ratios"]["best nntui / best torch"]["median"])
            # the same data, start weights and batches: PyTorch's weights after 3 steps are ours
            assert case["checks"]["torch_max_weight_difference"] < 1e-9
            assert isinstance(case["met"], bool)
        else:
            assert case["met"] is None and "PyTorch" in case["note"]
            assert not any("torch" in name for name in case["ratios"])


def test_the_training_view_trains_and_draws(report: tuple[dict, Path]) -> None:
    section = report[0]["training_view"]
    for run in ("as_shipped", "timer_at_60_per_second"):
        assert _positive(section[run]["steps_per_second"])
        assert section[run]["heatmap_frames_per_second"] >= 0
    assert _positive(section["frame_cost_paused"]["median_ms"])
    assert _positive(section["training_alone_steps_per_second"])
    assert _positive(section["picture_app"]["frames_per_second"])  # the reference drew
    assert _positive(section["nntui_train_steps_per_second"])
    for ratio in section["ratios"].values():
        assert ratio["median"] >= 0 and ratio["rounds"] >= 1
    assert isinstance(section["met"], bool) and isinstance(section["met_steps"], bool)


def test_startup_is_measured_and_the_commands_without_a_screen_skip_textual(report: tuple[dict, Path]) -> None:
    section = report[0]["startup"]
    assert _positive(section["nntui_seconds"]) and _positive(section["minimal_app_seconds"])
    assert _positive(section["ratio"]["median"])
    for name in ("nntui --version", "nntui eval --preset potatoes"):
        check = section["imports"][name]
        assert check["exit_status"] == 0
        assert check["textual_imported"] is False  # a real requirement, not a timing
    assert section["met"] is True


def test_loading_a_big_file_is_compared_with_json_loads(report: tuple[dict, Path]) -> None:
    section = report[0]["loading"]
    assert _positive(section["json_loads_seconds"]) and _positive(section["load_network_seconds"])
    assert _positive(section["ratio"]["median"])
    assert section["bit_identical"] is True  # what was loaded is what was saved
    assert isinstance(section["met"], bool)


def test_update_readme_replaces_only_the_table_between_the_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# x\n\nbefore\n{benchmark.README_BEGIN}\nold table\n{benchmark.README_END}\nafter\n", encoding="utf-8"
    )
    benchmark.update_readme(readme, "| new |\n")
    assert readme.read_text(encoding="utf-8") == (
        f"# x\n\nbefore\n{benchmark.README_BEGIN}\n| new |\n{benchmark.README_END}\nafter\n"
    )
    readme.write_text("no markers\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        benchmark.update_readme(readme, "| new |\n")
