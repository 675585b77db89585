"""Tests of the seeded datasets and CSV loading (nntui.core.datasets).

Generated sets must have the documented shapes, names, labels and split,
follow their rule exactly at noise 0, and depend on the seed alone.  Bad CSV
files must fail with one exact, single-line DataFileError.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nntui.core.datasets import (
    DATASET_DESCRIPTIONS,
    DATASET_NAMES,
    GENERATED_NAMES,
    DataFileError,
    Dataset,
    load_csv,
    make_dataset,
)
from nntui.core.datasets.csv import MAX_MAGNITUDE

CLASSIFICATION = ("circle", "xor", "gaussians", "spiral")
REGRESSION = ("plane", "multi_gaussian")
VALID = "circle, xor, gaussians, spiral, plane, multi_gaussian, digits"
R = 5 / 6  # the outer radius of circle and spiral (the playground's 5, / 6)

_FAST = settings(max_examples=40, deadline=None)


# --- helpers -------------------------------------------------------------------


def _all_x(d: Dataset) -> np.ndarray:
    """Training and test inputs together."""
    return np.concatenate([d.x_train, d.x_test])


def _all_y(d: Dataset) -> np.ndarray:
    """Training and test outputs together."""
    return np.concatenate([d.y_train, d.y_test])


def _expected_n_test(n: int, fraction: float) -> int:
    """round(n * fraction) with halves rounded up, kept within [1, n - 1]."""
    return min(max(math.floor(n * fraction + 0.5), 1), n - 1)


# --- the catalogue -------------------------------------------------------------


def test_names_and_descriptions() -> None:
    """Six generated sets in the documented order, then the digits, each with a one-sentence description."""
    assert GENERATED_NAMES == CLASSIFICATION + REGRESSION
    assert DATASET_NAMES[:-1] == GENERATED_NAMES
    assert DATASET_NAMES[-1] == "digits"
    assert set(DATASET_DESCRIPTIONS) == set(DATASET_NAMES)
    for text in DATASET_DESCRIPTIONS.values():
        assert text and "\n" not in text and text.endswith(".") and len(text) <= 80


@pytest.mark.parametrize("name", GENERATED_NAMES)
def test_shapes_names_and_kind(name: str) -> None:
    """Two inputs x1, x2, one output y, the right kind, a 50/50 split by default."""
    d = make_dataset(name, samples=101)
    kind = "classification" if name in CLASSIFICATION else "regression"
    assert (d.name, d.kind) == (name, kind)
    assert (d.input_names, d.output_names) == (("x1", "x2"), ("y",))
    assert (d.n_inputs, d.n_outputs) == (2, 1)
    assert d.x_train.shape == (50, 2) and d.y_train.shape == (50, 1)
    assert d.x_test.shape == (51, 2) and d.y_test.shape == (51, 1)
    for array in (d.x_train, d.y_train, d.x_test, d.y_test):
        assert array.dtype == np.float64
        assert np.all(np.isfinite(array))


@pytest.mark.parametrize("name", CLASSIFICATION)
@pytest.mark.parametrize("samples", [4, 5, 400, 1001])
def test_classes_are_balanced(name: str, samples: int) -> None:
    """Labels are 0/1, half of them (rounded down) 1; each split is near 50/50."""
    d = make_dataset(name, samples=samples)
    y = _all_y(d)
    assert set(np.unique(y)) <= {0.0, 1.0}
    assert int(y.sum()) == samples // 2
    if samples >= 400:
        for part in (d.y_train, d.y_test):
            assert abs(part.mean() - 0.5) <= 0.05  # within 10% of balance


@pytest.mark.parametrize("name", GENERATED_NAMES)
def test_inputs_within_unit_square(name: str) -> None:
    """Without noise every coordinate lies in [-1, 1]."""
    assert np.all(np.abs(_all_x(make_dataset(name, samples=2000))) <= 1.0)


# --- determinism -----------------------------------------------------------------


@pytest.mark.parametrize("name", GENERATED_NAMES)
def test_same_seed_same_data(name: str) -> None:
    """Equal arguments give bit-identical arrays; another seed gives other data."""
    a = make_dataset(name, samples=60, noise=0.2, seed=7)
    b = make_dataset(name, samples=60, noise=0.2, seed=7)
    c = make_dataset(name, samples=60, noise=0.2, seed=8)
    for field in ("x_train", "y_train", "x_test", "y_test"):
        assert np.array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.x_train, c.x_train)


def test_known_values() -> None:
    """The generation order is pinned: changing it silently changes everyone's data.

    circle draws the radii first (half in [0, R/2], half in [0.7R, R]), then
    the angles, from ``np.random.default_rng(seed)``.
    """
    x = _all_x(make_dataset("circle", samples=6, seed=0))
    rng = np.random.default_rng(0)
    radius = np.concatenate([rng.uniform(0, R / 2, 3), rng.uniform(0.7 * R, R, 3)])
    assert np.allclose(np.sort(np.hypot(x[:, 0], x[:, 1])), np.sort(radius), rtol=0, atol=1e-12)


@pytest.mark.parametrize("name", GENERATED_NAMES)
def test_noise_moves_the_same_points(name: str) -> None:
    """Noise jitters positions (classification) or targets (regression), nothing else.

    The clean points and the shuffle do not depend on the noise, so with the
    same seed the differences are exactly the noise, with the expected spread.
    """
    clean = make_dataset(name, samples=4000, seed=3)
    noisy = make_dataset(name, samples=4000, noise=0.4, seed=3)
    scale = {"spiral": 0.1}.get(name, 0.5) * 0.4
    if name in CLASSIFICATION:
        assert np.array_equal(_all_y(clean), _all_y(noisy))
        delta = _all_x(noisy) - _all_x(clean)
    else:
        assert np.array_equal(_all_x(clean), _all_x(noisy))
        delta = _all_y(noisy) - _all_y(clean)
    assert abs(delta.mean()) < 0.1 * scale
    assert delta.std() == pytest.approx(scale, rel=0.05)


# --- splits and bounds -------------------------------------------------------------


@pytest.mark.parametrize(
    ("samples", "fraction", "n_test"),
    [(400, 0.5, 200), (10, 0.25, 3), (10, 0.35, 4), (4, 0.001, 1), (4, 0.999, 3), (5, 0.5, 3)],
)
def test_split_sizes(samples: int, fraction: float, n_test: int) -> None:
    """round(samples * test_fraction) test samples, at least 1, at most samples - 1."""
    d = make_dataset("xor", samples=samples, test_fraction=fraction)
    assert (len(d.x_train), len(d.x_test)) == (samples - n_test, n_test)


@_FAST
@given(
    name=st.sampled_from(GENERATED_NAMES),
    samples=st.integers(4, 300),
    noise=st.floats(0.0, 0.5),
    fraction=st.floats(0.001, 0.999),
    seed=st.integers(0, 2**32),
)
def test_invariants(name: str, samples: int, noise: float, fraction: float, seed: int) -> None:
    """Any valid arguments: the split sizes, the labels and the bounds hold."""
    d = make_dataset(name, samples=samples, noise=noise, test_fraction=fraction, seed=seed)
    n_test = _expected_n_test(samples, fraction)
    assert (len(d.x_train), len(d.y_train)) == (samples - n_test,) * 2
    assert (len(d.x_test), len(d.y_test)) == (n_test,) * 2
    y = _all_y(d)
    if d.kind == "classification":
        assert set(np.unique(y)) <= {0.0, 1.0}
        assert int(y.sum()) == samples // 2
    else:
        assert np.all(np.abs(y) <= 1.0 + 6 * 0.25)
    x = _all_x(d)
    for k, (low, high) in enumerate(d.bounds):
        assert low < x[:, k].min() and x[:, k].max() < high


def test_bounds_have_a_ten_percent_margin() -> None:
    """(min - 10% of the span, max + 10% of the span) per input, over train and test."""
    d = Dataset(
        "t", "regression",
        np.array([[0.0, 5.0], [2.0, 1.0]]), np.array([[0.3], [0.1]]),
        np.array([[-1.0, 3.0]]), np.array([[0.2]]),
        ("a", "b"), ("y",),
    )  # fmt: skip
    (a_low, a_high), (b_low, b_high) = d.bounds
    assert [a_low, a_high, b_low, b_high] == pytest.approx([-1.3, 2.3, 0.6, 5.4])
    assert all(isinstance(v, float) for pair in d.bounds for v in pair)


def test_bounds_of_constant_and_huge_inputs() -> None:
    """A constant input still gets low < high; huge values stay finite."""
    big = 1.5e308
    d = Dataset(
        "t", "regression",
        np.array([[2.0, -big, 1e20], [2.0, big, 1e20]]), np.zeros((2, 1)),
        np.zeros((0, 3)) + 2.0, np.zeros((0, 1)),
        ("a", "b", "c"), ("y",),
    )  # fmt: skip
    (a_low, a_high), (b_low, b_high), (c_low, c_high) = d.bounds
    assert (a_low, a_high) == (1.0, 3.0)
    assert math.isfinite(b_low) and math.isfinite(b_high) and b_low < -big and b_high > big
    assert (c_low, c_high) == pytest.approx((0.9e20, 1.1e20))


# --- each dataset follows its rule at noise 0 --------------------------------------


@_FAST
@given(seed=st.integers(0, 2**32))
def test_circle_rule(seed: int) -> None:
    """Label 1 exactly inside radius 0.5: a disc of radius R/2, a ring from 0.7R to R."""
    d = make_dataset("circle", samples=300, seed=seed)
    x, y = _all_x(d), _all_y(d)[:, 0]
    r = np.hypot(x[:, 0], x[:, 1])
    assert np.array_equal(y, (r < 0.5).astype(float))
    assert np.all(r[y == 1] <= R / 2 + 1e-12)
    assert np.all((r[y == 0] >= 0.7 * R - 1e-12) & (r[y == 0] <= R + 1e-12))


@_FAST
@given(seed=st.integers(0, 2**32))
def test_xor_rule(seed: int) -> None:
    """Label 1 exactly where x1 and x2 have the same sign; points keep off the axes."""
    d = make_dataset("xor", samples=300, seed=seed)
    x, y = _all_x(d), _all_y(d)[:, 0]
    assert np.array_equal(y, (np.sign(x[:, 0]) == np.sign(x[:, 1])).astype(float))
    assert np.all(np.abs(x) >= 0.05 - 1e-12)


@_FAST
@given(seed=st.integers(0, 2**32))
def test_gaussians_rule(seed: int) -> None:
    """Two blobs around ±(1/3, 1/3), cut at 3 sd: label 1 exactly where x1 + x2 > 0."""
    d = make_dataset("gaussians", samples=300, seed=seed)
    x, y = _all_x(d), _all_y(d)[:, 0]
    assert np.array_equal(y, (x[:, 0] + x[:, 1] > 0).astype(float))
    center = np.where(y == 1, 1 / 3, -1 / 3)[:, None]
    distance = np.hypot(*(x - center).T)
    assert np.all(distance <= 3 * math.sqrt(0.5) / 6 + 1e-12)
    assert distance.std() > 0.03  # really spread, not a point


@_FAST
@given(seed=st.integers(0, 2**32))
def test_spiral_rule(seed: int) -> None:
    """Each point lies on its own arm, r = R·u at angle 3.5π·u (+π for label 0)."""
    d = make_dataset("spiral", samples=300, seed=seed)
    x, y = _all_x(d), _all_y(d)[:, 0]
    r = np.hypot(x[:, 0], x[:, 1])
    u = r / R
    for phase, label in ((0.0, 1.0), (math.pi, 0.0)):
        t = 3.5 * math.pi * u + phase
        on_arm = np.hypot(x[:, 0] - r * np.sin(t), x[:, 1] - r * np.cos(t)) < 1e-9
        assert np.array_equal(on_arm[r > 1e-6], (y == label)[r > 1e-6])
    assert r.max() <= R + 1e-12


@_FAST
@given(seed=st.integers(0, 2**32))
def test_plane_rule(seed: int) -> None:
    """y = (x1 + x2) / 2 over the square [-1, 1]²."""
    d = make_dataset("plane", samples=300, seed=seed)
    x, y = _all_x(d), _all_y(d)[:, 0]
    assert np.allclose(y, (x[:, 0] + x[:, 1]) / 2, rtol=0, atol=1e-15)
    assert np.all(np.abs(y) <= 1.0)


@_FAST
@given(seed=st.integers(0, 2**32))
def test_multi_gaussian_rule(seed: int) -> None:
    """Three bumps and three dips (sd 0.2) at the playground's centres, / 6."""
    d = make_dataset("multi_gaussian", samples=300, seed=seed)
    x, y = _all_x(d), _all_y(d)[:, 0]
    expected = np.zeros(len(x))
    for cx, sign in ((-2 / 3, 1), (0.0, -1), (2 / 3, 1)):
        for cy in (5 / 12, -5 / 12):
            s = sign if cy > 0 else -sign
            expected += s * np.exp(-((x[:, 0] - cx) ** 2 + (x[:, 1] - cy) ** 2) / 0.08)
    assert np.allclose(y, expected, rtol=0, atol=1e-12)
    assert np.all(np.abs(y) <= 1.0)


def test_multi_gaussian_reaches_both_signs() -> None:
    """The targets span about [-1, 1]."""
    y = _all_y(make_dataset("multi_gaussian", samples=2000))
    assert y.max() > 0.9 and y.min() < -0.9


def test_heavy_noise_breaks_the_circle_rule() -> None:
    """Noise 0.5 moves enough points across the boundary to matter."""
    d = make_dataset("circle", samples=1000, noise=0.5)
    x, y = _all_x(d), _all_y(d)[:, 0]
    wrong = np.mean(y != (np.hypot(x[:, 0], x[:, 1]) < 0.5))
    assert 0.05 < wrong < 0.4


# --- bad arguments -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "moons"}, f"unknown dataset 'moons' (valid: {VALID})"),
        ({"name": "Circle"}, f"unknown dataset 'Circle' (valid: {VALID})"),
        ({"samples": 3}, "samples must be a whole number from 4 to 100000, got 3"),
        ({"samples": 100_001}, "samples must be a whole number from 4 to 100000, got 100001"),
        ({"samples": 10.0}, "samples must be a whole number from 4 to 100000, got 10.0"),
        ({"samples": True}, "samples must be a whole number from 4 to 100000, got True"),
        ({"noise": -0.1}, "noise must be from 0 to 0.5, got -0.1"),
        ({"noise": 0.51}, "noise must be from 0 to 0.5, got 0.51"),
        ({"noise": math.nan}, "noise must be from 0 to 0.5, got nan"),
        ({"noise": "0.1"}, "noise must be from 0 to 0.5, got '0.1'"),
        ({"test_fraction": 0.0}, "test_fraction must be between 0 and 1 (both excluded), got 0.0"),
        ({"test_fraction": 1}, "test_fraction must be between 0 and 1 (both excluded), got 1"),
        ({"test_fraction": -0.5}, "test_fraction must be between 0 and 1 (both excluded), got -0.5"),
        ({"test_fraction": math.nan}, "test_fraction must be between 0 and 1 (both excluded), got nan"),
        ({"seed": -1}, "seed must be a whole number >= 0, got -1"),
        ({"seed": 1.5}, "seed must be a whole number >= 0, got 1.5"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], message: str) -> None:
    """Every bad argument raises ValueError saying what is allowed."""
    args: dict[str, object] = {"name": "circle", **kwargs}
    name = args.pop("name")
    with pytest.raises(ValueError) as info:
        make_dataset(name, **args)  # type: ignore[arg-type]
    assert str(info.value) == message


@pytest.mark.parametrize(
    "kwargs",
    [{"samples": 4}, {"samples": 100_000}, {"noise": 0.5}, {"noise": 0}, {"samples": np.int64(8)},
     {"seed": 2**70}],
)  # fmt: skip
def test_limits_are_accepted(kwargs: dict[str, object]) -> None:
    """The extremes of every range are valid."""
    d = make_dataset("spiral", **kwargs)  # type: ignore[arg-type]
    assert len(d.x_train) + len(d.x_test) == int(kwargs.get("samples", 400))  # type: ignore[call-overload]


# --- the Dataset class ----------------------------------------------------------------


def test_arrays_are_read_only_copies() -> None:
    """A dataset cannot be changed through its arrays or its fields."""
    x = np.array([[1.0], [2.0]])
    d = Dataset("t", "regression", x, [[0.5], [1.5]], [[3.0]], [[0.0]], ["a"], ["y"])  # type: ignore[arg-type]
    x[0, 0] = 99.0
    assert d.x_train[0, 0] == 1.0
    assert d.input_names == ("a",) and d.y_train.dtype == np.float64
    with pytest.raises(ValueError):
        d.x_train[0, 0] = 5.0
    with pytest.raises(AttributeError):
        d.name = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "clustering"}, "unknown dataset kind 'clustering' (valid: classification, regression)"),
        ({"x_train": np.zeros((2, 3))}, "x_train has shape (2, 3), expected (samples, 2)"),
        ({"y_test": np.zeros(1)}, "y_test has shape (1,), expected (samples, 1)"),
        ({"y_train": np.zeros((3, 1))}, "2/1 input rows but 3/1 output rows (train/test)"),
        ({"x_train": np.zeros((0, 2)), "y_train": np.zeros((0, 1))},
         "a dataset needs at least one training sample"),
        ({"x_test": np.array([[0.0, math.inf]])}, "x_test holds NaN or infinity"),
        ({"y_train": np.array([[0.0], [0.5]])}, "classification outputs must be 0 or 1"),
        ({"output_names": ()}, "a dataset needs at least one input and one output"),
    ],
)  # fmt: skip
def test_dataset_validation(changes: dict[str, object], message: str) -> None:
    """Inconsistent fields raise ValueError."""
    fields: dict[str, object] = {
        "name": "t",
        "kind": "classification",
        "x_train": np.zeros((2, 2)),
        "y_train": np.array([[0.0], [1.0]]),
        "x_test": np.zeros((1, 2)),
        "y_test": np.array([[1.0]]),
        "input_names": ("x1", "x2"),
        "output_names": ("y",),
    }
    fields.update(changes)
    with pytest.raises(ValueError) as info:
        Dataset(**fields)  # type: ignore[arg-type]
    assert str(info.value) == message


# --- CSV: good files -------------------------------------------------------------------


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Work in a temporary directory, so files can be named as a user types them."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def _write(name: str, content: str | bytes) -> str:
    """Write ``content`` (text is written as is, without newline translation)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    Path(name).write_bytes(data)
    return name


def _rows(d: Dataset) -> list[tuple[float, ...]]:
    """All samples as (inputs..., outputs...) rows, sorted."""
    return sorted(map(tuple, np.hstack([_all_x(d), _all_y(d)]).tolist()))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    values=st.lists(
        st.tuples(st.floats(-MAX_MAGNITUDE, MAX_MAGNITUDE), st.floats(-MAX_MAGNITUDE, MAX_MAGNITUDE)),
        min_size=2, max_size=30,
    )
)  # fmt: skip
def test_round_trip_is_exact(in_tmp: Path, values: list[tuple[float, float]]) -> None:
    """Every value written with repr comes back bit for bit, each row exactly once."""
    lines = ["index,a,y"] + [f"{i},{a!r},{y!r}" for i, (a, y) in enumerate(values)]
    d = load_csv(_write("data.csv", "\n".join(lines) + "\n"))
    x, y = _all_x(d), _all_y(d)
    order = np.argsort(x[:, 0])
    assert x[order, 0].tolist() == list(range(len(values)))
    assert x[order, 1].tolist() == [a for a, _ in values]
    assert y[order, 0].tolist() == [b for _, b in values]
    assert (d.input_names, d.output_names, d.name) == (("index", "a"), ("y",), "data.csv")


def test_good_file(in_tmp: Path) -> None:
    """Names, outputs y1/y2, the default 20% split, stripped names and quoted values."""
    lines = [" age , height ,y1, y2 "] + [f'{i},"{i / 4}",{i % 2},{i * 0.5}' for i in range(10)]
    d = load_csv(_write("people.csv", "\n".join(lines)))  # no final newline
    assert d.input_names == ("age", "height") and d.output_names == ("y1", "y2")
    assert (d.n_inputs, d.n_outputs, d.kind, d.name) == (2, 2, "regression", "people.csv")
    assert (len(d.x_train), len(d.x_test)) == (8, 2)
    assert _rows(d) == [(float(i), i / 4, float(i % 2), i * 0.5) for i in range(10)]


@pytest.mark.parametrize(
    ("outputs", "kind"),
    [
        (["0", "1", "1.0", "0.0", "1e0", "-0"], "classification"),
        (["0", "0", "0", "0", "0", "0"], "classification"),
        (["1", "1", "1", "1", "1", "1"], "classification"),
        (["0", "1", "1", "0", "0.5", "1"], "regression"),
        (["0", "1", "2", "0", "1", "1"], "classification"),  # labels of three classes
        (["0.0", "1.0", "2.0", "0.0", "1.0", "1.0"], "regression"),  # the same, written as numbers
        (["0", "1", "2", "0", "1", "1.5"], "regression"),
        (["-1", "1", "1", "-1", "1", "1"], "regression"),
        (["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], "regression"),  # too many to be classes
    ],
)
def test_kind_detection(in_tmp: Path, outputs: list[str], kind: str) -> None:
    """Classification when every output value is 0 or 1, or one column holds 3 to 10 labels."""
    text = "x,y\n" + "".join(f"{i},{v}\n" for i, v in enumerate(outputs))
    assert load_csv(_write("d.csv", text)).kind == kind


def test_one_column_of_labels_is_read_as_one_output_per_class_and_says_so(in_tmp: Path) -> None:
    text = "x,y\n" + "".join(f"{i},{i % 3}\n" for i in range(30))
    data = load_csv(_write("d.csv", text))
    assert data.kind == "classification" and data.output_names == ("y=0", "y=1", "y=2")
    x = np.concatenate([data.x_train, data.x_test])[:, 0]
    y = np.concatenate([data.y_train, data.y_test])
    assert np.array_equal(y, np.eye(3)[x.astype(int) % 3])  # one-hot, each row its label's class
    assert "3 classes (0, 1, 2)" in data.note and "(2.0)" in data.note
    as_numbers = load_csv(_write("n.csv", text.replace(",0\n", ",0.0\n")))
    assert as_numbers.kind == "regression" and as_numbers.note == ""


def test_kind_looks_at_every_output_column(in_tmp: Path) -> None:
    """One non-binary output column makes the whole set regression."""
    text = "x,y1,y2\n0,0,1\n1,1,0\n2,1,0.25\n"
    assert load_csv(_write("d.csv", text)).kind == "regression"
    assert load_csv(_write("e.csv", text.replace("0.25", "1"))).kind == "classification"


@pytest.mark.parametrize(
    "content",
    [
        b"\xef\xbb\xbfx1,x2,y\n1,2,0\n3,4,1\n",  # UTF-8 BOM
        b"x1,x2,y\r\n1,2,0\r\n3,4,1\r\n",  # Windows line endings
        b"x1,x2,y\r1,2,0\r3,4,1\r",  # old Mac line endings
        b"\n\n  \nx1,x2,y\n\n1,2,0\n   \n\n3,4,1\n\n\n",  # blank lines everywhere
        b"x1,x2,y\n1,2,0\n3,4,1",  # no final newline
        b'"x1","x2","y"\n" 1 ",2,"0"\n3,4e0,1.\n',  # quotes, spaces, other spellings
        b"\xef\xbb\xbfx1,x2,y\r\n\r\n1,2,0\r\n3,4,1\r\n\r\n",  # all of it
    ],
)
def test_tolerated_variations(in_tmp: Path, content: bytes) -> None:
    """BOM, CRLF, blank lines and the like all read as the same two rows."""
    d = load_csv(_write("d.csv", content), test_fraction=0.5)
    assert d.input_names == ("x1", "x2") and d.output_names == ("y",)
    assert _rows(d) == [(1.0, 2.0, 0.0), (3.0, 4.0, 1.0)]
    assert d.kind == "classification"


def test_split_is_seeded(in_tmp: Path) -> None:
    """The same seed picks the same test rows; other seeds other rows."""
    name = _write("d.csv", "x,y\n" + "".join(f"{i},{i}\n" for i in range(50)))
    tests = {seed: tuple(load_csv(name, seed=seed).x_test[:, 0]) for seed in range(5)}
    assert tests[0] == tuple(load_csv(name, seed=0).x_test[:, 0])
    assert len(set(tests.values())) == 5
    assert all(len(t) == 10 for t in tests.values())
    half = load_csv(name, test_fraction=0.5)
    assert (len(half.x_train), len(half.x_test)) == (25, 25)


def test_two_rows_split_one_and_one(in_tmp: Path) -> None:
    """The smallest file: one training and one test row, whatever the fraction."""
    for fraction in (0.01, 0.5, 0.99):
        d = load_csv(_write("d.csv", "x,y\n1,0\n2,1\n"), test_fraction=fraction)
        assert (len(d.x_train), len(d.x_test)) == (1, 1)


def test_path_objects_and_names_as_typed(in_tmp: Path) -> None:
    """A Path works; messages use the path as given, relative or not."""
    (in_tmp / "sub").mkdir()
    _write("sub/d.csv", "x,y\n1,0\n2,1\n")
    assert load_csv(Path("sub/d.csv")).name == "d.csv"
    with pytest.raises(DataFileError) as info:
        load_csv(Path("sub/../sub/none.csv"))
    assert str(info.value) == "sub/../sub/none.csv: no such file"


# --- CSV: bad files ---------------------------------------------------------------------


def _error(content: str | bytes, name: str = "data.csv") -> str:
    """The message of the DataFileError that loading ``content`` raises."""
    _write(name, content)
    with pytest.raises(DataFileError) as info:
        load_csv(name)
    message = str(info.value)
    assert "\n" not in message and "\r" not in message
    return message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "x1,x2,x3,y\n1,2,3,0\n1,2,3,0\n1,2,3,0\n1,2,3,0\n1,2,3,0\n1,2,abc,0\n",
            'data.csv: line 7, column 3 ("x3"): expected a number, found "abc"',
        ),
        ("x1,x2,y\n1,2,0\n1,2,1\n1,2\n", "data.csv: line 4: expected 3 values (x1, x2, y), found 2"),
        ("x1,x2,y\n1,2,0,\n", "data.csv: line 2: expected 3 values (x1, x2, y), found 4"),
        ("x1,x2,y\n1,2,\n", 'data.csv: line 2, column 3 ("y"): expected a number, found ""'),
        ("x1,x2,y\n1, ,0\n", 'data.csv: line 2, column 2 ("x2"): expected a number, found ""'),
        ("x1,x2,y\n\n\n1,2,0\n\n1,2,zz\n", 'data.csv: line 6, column 3 ("y"): expected a number, found "zz"'),
        ("a,b,c\n1,2,3\n", "data.csv: no output column: name the last column(s) y, y1, y2..."),
        ("x1,x2,Y\n1,2,3\n", "data.csv: no output column: name the last column(s) y, y1, y2..."),
        ("y,x1,x2\n1,2,3\n", 'data.csv: output column "y" must come after the input columns'),
        ("x1,y,x2\n1,2,3\n", 'data.csv: output column "y" must come after the input columns'),
        ("x1,y1,x2,y2\n1,2,3,4\n", 'data.csv: output column "y1" must come after the input columns'),
        ("y1,y2\n1,2\n", 'data.csv: no input column: every column name starts with "y", which marks an output'),
        ("", 'data.csv: empty file: expected a header line like "x1,x2,y", then data rows'),
        ("\n \n\r\n", 'data.csv: empty file: expected a header line like "x1,x2,y", then data rows'),
        ("\ufeff", 'data.csv: empty file: expected a header line like "x1,x2,y", then data rows'),
        ("x1,x2,y\n", "data.csv: no data rows after the header"),
        ("x1,x2,y\n\n\n", "data.csv: no data rows after the header"),
        ("x1,x2,y\n1,2,0\n", "data.csv: only 1 data row: need at least 2 to split into training and test data"),
        ("x1,x1,y\n1,2,0\n", 'data.csv: line 1: duplicate column name "x1" (columns 1 and 2)'),
        ("\nx1,x2,y, y \n1,2,0\n", 'data.csv: line 2: duplicate column name "y" (columns 3 and 4)'),
        ("x1,,y\n1,2,0\n", "data.csv: line 1, column 2: empty column name"),
        ("x1,x2,y,\n1,2,0,\n", "data.csv: line 1, column 4: empty column name"),
        ("x1;x2;y\n1;2;0\n", 'data.csv: line 1: one column named "x1;x2;y": separate the columns with commas'),
        ("x1\tx2\ty\n1\t2\t0\n", 'data.csv: line 1: one column named "x1\\tx2\\ty": separate the columns with commas'),
        ("x1,y\n1,0\n2,1e400\n", 'data.csv: line 3, column 2 ("y"): expected a finite number, found "1e400"'),
        (
            "x1,y\n1,0\n" + "9" * 40 + "x,1\n",
            'data.csv: line 3, column 1 ("x1"): expected a number, found "999999999999999999999..."',
        ),
        (
            'x1,y\n1,0\n"two\nlines",1\n',
            'data.csv: line 4, column 1 ("x1"): expected a number, found "two\\nlines"',
        ),
        (
            '"x\n1",y\n1,0\n2,1\n3\n',
            "data.csv: line 5: expected 2 values (x\\n1, y), found 1",
        ),
        (
            "a,b,c,d,e,f,g,h,i,y\n1,2\n",
            "data.csv: line 2: expected 10 values (a, b, c, d, ..., i, y), found 2",
        ),
    ],
)
def test_bad_file_messages(in_tmp: Path, content: str, message: str) -> None:
    """Each problem gives one exact line naming the file, the place and the problem."""
    assert _error(content) == message


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "Infinity", " nan "])
def test_non_finite_values(in_tmp: Path, text: str) -> None:
    """NaN and infinity are refused, quoting the value as written (trimmed)."""
    assert _error(f"x1,x2,y\n1,{text},0\n2,2,1\n") == (
        f'data.csv: line 2, column 2 ("x2"): expected a finite number, found "{text.strip()}"'
    )


def test_unreadable_files(in_tmp: Path) -> None:
    """Missing files, directories and non-UTF-8 bytes are named plainly."""
    with pytest.raises(DataFileError) as info:
        load_csv("missing.csv")
    assert str(info.value) == "missing.csv: no such file"
    os.mkdir("folder.csv")
    with pytest.raises(DataFileError) as info:
        load_csv("folder.csv")
    assert str(info.value) == "folder.csv: is a directory, not a CSV file"
    assert _error(b"x1,x2,y\n\xff,2,0\n") == "data.csv: not a text file (byte 8 is not valid UTF-8)"


def test_csv_module_errors(in_tmp: Path) -> None:
    """Errors of the csv module itself (a field beyond its size limit) become one line."""
    assert _error("x,y\n1,0\n" + "1" * 200_000 + ",1\n") == (
        "data.csv: line 3: not valid CSV (field larger than field limit (131072))"
    )


def test_file_names_with_newlines_stay_one_line(in_tmp: Path) -> None:
    """A file name containing a newline is shown escaped."""
    assert _error("x,y\n", name="a\nb.csv") == "a\\nb.csv: no data rows after the header"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"test_fraction": 1.0}, "test_fraction must be between 0 and 1 (both excluded), got 1.0"),
        ({"seed": -3}, "seed must be a whole number >= 0, got -3"),
    ],
)
def test_load_csv_bad_arguments(in_tmp: Path, kwargs: dict[str, float], message: str) -> None:
    """Bad arguments are a plain ValueError, raised before the file is read."""
    with pytest.raises(ValueError) as info:
        load_csv("missing.csv", **kwargs)  # type: ignore[arg-type]
    assert not isinstance(info.value, DataFileError)
    assert str(info.value) == message


@pytest.mark.parametrize("text", ["1e300", "-1e16", "1000000000000001"])
def test_numbers_beyond_a_million_billion_are_refused(in_tmp: Path, text: str) -> None:
    """Squared in the loss, 1e300 overflows: the file is refused at the cell, with what to do."""
    assert _error(f"x1,x2,y\n1,2,0\n2,2,{text}\n") == (
        f'data.csv: line 3, column 3 ("y"): {text} is too large (at most 1e15 either way); scale the column down'
    )


def test_numbers_up_to_a_million_billion_are_read(in_tmp: Path) -> None:
    Path("data.csv").write_text("x1,x2,y\n1,-1e15,0.5\n2,2,1e15\n3,1,2\n")
    data = load_csv("data.csv")
    assert data.y_train.max() == 1e15 or data.y_test.max() == 1e15
