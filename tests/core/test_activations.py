"""Activation functions: extreme inputs, known values, derivatives, lookup."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from nntui.core.activations import (
    ACTIVATION_NAMES,
    ACTIVATIONS,
    Activation,
    get_activation,
    next_activation,
)

EXTREMES = np.array([-1e300, -1e5, -710.0, 0.0, 710.0, 1e5, 1e300])
ELEMENTWISE = [name for name in ACTIVATION_NAMES if ACTIVATIONS[name].elementwise]


def test_names_and_kinds() -> None:
    """All seven activations are registered; only softmax works on a whole layer."""
    assert set(ACTIVATION_NAMES) == {"linear", "sigmoid", "tanh", "relu", "leaky_relu", "step", "softmax"}
    assert set(ELEMENTWISE) == set(ACTIVATION_NAMES) - {"softmax"}
    for name, act in ACTIVATIONS.items():
        assert act.name == name
        assert act.formula.startswith("f(z)")


def _check_range(name: str, z: np.ndarray, a: np.ndarray) -> None:
    """The output range each activation promises, for inputs z."""
    assert np.all(np.isfinite(a)), (name, a)
    if name == "linear":
        np.testing.assert_array_equal(a, z)
    elif name == "sigmoid":
        assert np.all((a >= 0.0) & (a <= 1.0))
        # monotone, so extreme negatives go to 0 and extreme positives to 1
        assert np.all(np.diff(a[np.argsort(z)]) >= 0)
    elif name == "tanh":
        assert np.all((a >= -1.0) & (a <= 1.0))
    elif name == "relu":
        np.testing.assert_array_equal(a, np.where(z > 0, z, 0.0))
    elif name == "leaky_relu":
        np.testing.assert_array_equal(a, np.where(z >= 0, z, 0.01 * z))
    elif name == "step":
        np.testing.assert_array_equal(a, np.where(z >= 0, 1.0, 0.0))
    elif name == "softmax":
        assert np.all((a >= 0.0) & (a <= 1.0))
        np.testing.assert_allclose(a.sum(axis=-1), 1.0, rtol=0, atol=1e-12)
    else:  # pragma: no cover - a new activation needs a range here
        pytest.fail(f"no range known for {name}")


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_extremes_are_warning_free_and_in_range(name: str) -> None:
    """Huge |z| gives no RuntimeWarning, finite outputs and derivatives, in range."""
    act = get_activation(name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a = act(EXTREMES)
        d = act.derivative(EXTREMES)
        g = act.vjp(EXTREMES, np.ones_like(EXTREMES))
        singles = [float(act(np.array(z))) for z in EXTREMES]
    assert a.shape == d.shape == g.shape == EXTREMES.shape
    _check_range(name, EXTREMES, a)
    np.testing.assert_array_equal(a, singles)
    assert np.all(np.isfinite(d)) and np.all(np.isfinite(g))
    np.testing.assert_array_equal(g, d)


def test_sigmoid_and_tanh_saturate_at_extremes() -> None:
    """sigmoid and tanh reach exactly 0/±1 far out, and their slopes are 0 there."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = get_activation("sigmoid")(EXTREMES)
        t = get_activation("tanh")(EXTREMES)
        ds = get_activation("sigmoid").derivative(EXTREMES)
        dt = get_activation("tanh").derivative(EXTREMES)
    np.testing.assert_array_equal(s[[0, 1, 5, 6]], [0.0, 0.0, 1.0, 1.0])
    np.testing.assert_array_equal(t[[0, 1, 5, 6]], [-1.0, -1.0, 1.0, 1.0])
    np.testing.assert_array_equal(ds[[0, 1, 5, 6]], 0.0)
    np.testing.assert_array_equal(dt[[0, 1, 5, 6]], 0.0)
    # e^-710 is a subnormal: still positive, but below 1e-300
    assert 0.0 < s[2] < 1e-300
    assert s[3] == 0.5 and ds[3] == 0.25


@pytest.mark.parametrize(
    "z",
    [
        EXTREMES,
        EXTREMES[::-1],
        np.array([1e300, -1e300]),
        np.array([-710.0, 710.0, 0.0]),
        np.array([1e5]),
        np.array([-1e300]),
        np.array([0.0, 0.0, 0.0]),
        np.stack([EXTREMES, -EXTREMES, np.zeros(7)]),
    ],
    ids=["all", "reversed", "pm1e300", "pm710", "single-big", "single-small", "zeros", "batch"],
)
def test_softmax_extremes_are_warning_free_and_sum_to_one(z: np.ndarray) -> None:
    """softmax of extreme layers: no warning, finite, each row sums to 1, Jacobian finite."""
    act = get_activation("softmax")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a = act(z)
        jac = act.derivative(z)
        g = act.vjp(z, np.ones_like(z))
    assert a.shape == z.shape
    assert jac.shape == (*z.shape, z.shape[-1])
    _check_range("softmax", z, a)
    assert np.all(np.isfinite(jac)) and np.all(np.isfinite(g))
    # the largest z takes (a share of) all the mass; ties split it evenly
    top = z == z.max(axis=-1, keepdims=True)
    np.testing.assert_allclose(a, top / top.sum(axis=-1, keepdims=True), atol=1e-12)


# --- exact values ----------------------------------------------------------------


def _scalar(name: str, z: float) -> float:
    return float(get_activation(name)(np.array(z)))


def test_known_values() -> None:
    """A few values that follow straight from the definitions."""
    assert _scalar("sigmoid", 0.0) == 0.5
    assert _scalar("sigmoid", np.log(3.0)) == pytest.approx(0.75, rel=1e-15)
    assert _scalar("tanh", 0.0) == 0.0
    assert _scalar("step", 0.0) == 1.0
    assert _scalar("step", -1e-12) == 0.0
    assert _scalar("step", 1e-300) == 1.0
    assert _scalar("step", -0.0) == 1.0
    assert _scalar("leaky_relu", -2.0) == pytest.approx(-0.02, rel=1e-15)
    assert _scalar("leaky_relu", 3.5) == 3.5
    assert _scalar("relu", -3.0) == 0.0
    assert _scalar("relu", 2.25) == 2.25
    np.testing.assert_allclose(get_activation("softmax")(np.array([0.0, np.log(3.0)])), [0.25, 0.75], rtol=1e-15)


def test_linear_is_identity_and_copies() -> None:
    """linear returns z unchanged, as a new array the caller may modify."""
    z = np.array([[-3.5, 0.0, 1e300], [2.0, -1e-300, 7.25]])
    a = get_activation("linear")(z)
    np.testing.assert_array_equal(a, z)
    a[0, 0] = 99.0
    assert z[0, 0] == -3.5
    np.testing.assert_array_equal(get_activation("linear").derivative(z), np.ones_like(z))


def test_activation_accepts_lists_and_ints() -> None:
    """Plain Python sequences of ints are converted to float arrays."""
    a = get_activation("relu")([-1, 2, 3])
    assert a.dtype == np.float64
    np.testing.assert_array_equal(a, [0.0, 2.0, 3.0])


def test_kink_derivatives() -> None:
    """At z=0: relu' is 0, leaky_relu' is 1 (the z≥0 branch), step' is 0 everywhere."""
    z = np.array([-1.0, 0.0, 1.0])
    np.testing.assert_array_equal(get_activation("relu").derivative(z), [0.0, 0.0, 1.0])
    np.testing.assert_array_equal(get_activation("leaky_relu").derivative(z), [0.01, 1.0, 1.0])
    np.testing.assert_array_equal(get_activation("step").derivative(z), [0.0, 0.0, 0.0])


# --- derivatives against finite differences --------------------------------------


def _points_away_from_kinks(rng: np.random.Generator, n: int) -> np.ndarray:
    z = rng.uniform(-8.0, 8.0, size=n)
    return z[np.abs(z) > 0.05]


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_derivative_matches_central_difference(name: str) -> None:
    """f'(z) ≈ (f(z+h) − f(z−h)) / 2h at random points away from the kink at 0."""
    act = get_activation(name)
    rng = np.random.default_rng(1234)
    z = _points_away_from_kinks(rng, 400)
    h = 1e-6
    numeric = (act(z + h) - act(z - h)) / (2 * h)
    analytic = act.derivative(z)
    assert analytic.shape == z.shape
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_vjp_is_gradient_times_derivative(name: str) -> None:
    """For element-wise f, vjp(z, g) = g · f'(z), also for a batch."""
    act = get_activation(name)
    rng = np.random.default_rng(99)
    z = rng.uniform(-5.0, 5.0, size=(4, 6))
    g = rng.normal(size=(4, 6))
    np.testing.assert_allclose(act.vjp(z, g), g * act.derivative(z), rtol=1e-15, atol=0)


def _softmax_fd_jacobian(act: Activation, z: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Column k is (softmax(z + h e_k) − softmax(z − h e_k)) / 2h."""
    n = z.shape[0]
    jac = np.empty((n, n))
    for k in range(n):
        e = np.zeros(n)
        e[k] = h
        jac[:, k] = (act(z + e) - act(z - e)) / (2 * h)
    return jac


def test_softmax_jacobian_matches_finite_differences() -> None:
    """derivative(z)[j, k] = ∂softmax_j/∂z_k, checked numerically on random layers."""
    act = get_activation("softmax")
    rng = np.random.default_rng(5)
    for n in (1, 2, 3, 5, 8):
        for _ in range(10):
            z = rng.uniform(-4.0, 4.0, size=n)
            jac = act.derivative(z)
            assert jac.shape == (n, n)
            np.testing.assert_allclose(jac, _softmax_fd_jacobian(act, z), rtol=1e-6, atol=1e-9)
            np.testing.assert_allclose(jac, jac.T, atol=1e-15)  # softmax's Jacobian is symmetric
            np.testing.assert_allclose(jac.sum(axis=0), 0.0, atol=1e-15)  # outputs sum to 1


def test_softmax_batched_jacobian_matches_each_row() -> None:
    """For a batch (b, n) the Jacobian is (b, n, n), one per row."""
    act = get_activation("softmax")
    rng = np.random.default_rng(6)
    z = rng.uniform(-3.0, 3.0, size=(5, 4))
    jac = act.derivative(z)
    assert jac.shape == (5, 4, 4)
    for r in range(5):
        np.testing.assert_allclose(jac[r], act.derivative(z[r]), rtol=1e-15, atol=0)


def test_softmax_vjp_is_jacobian_transpose_times_vector() -> None:
    """vjp(z, v) = Jᵀ·v for single layers and batches, against the FD Jacobian."""
    act = get_activation("softmax")
    rng = np.random.default_rng(8)
    for n in (1, 2, 4, 7):
        for _ in range(10):
            z = rng.uniform(-4.0, 4.0, size=n)
            v = rng.normal(size=n)
            expected = _softmax_fd_jacobian(act, z).T @ v
            np.testing.assert_allclose(act.vjp(z, v), expected, rtol=1e-6, atol=1e-9)
    zb = rng.uniform(-4.0, 4.0, size=(6, 3))
    vb = rng.normal(size=(6, 3))
    got = act.vjp(zb, vb)
    assert got.shape == (6, 3)
    for r in range(6):
        np.testing.assert_allclose(got[r], act.derivative(zb[r]).T @ vb[r], rtol=1e-12, atol=1e-15)


# --- lookup and cycling ----------------------------------------------------------


def test_get_activation_known_names() -> None:
    """Each name returns its own Activation."""
    for name in ACTIVATION_NAMES:
        assert get_activation(name) is ACTIVATIONS[name]


@pytest.mark.parametrize("bad", ["", "Sigmoid", "soft max", "gelu"])
def test_get_activation_unknown_lists_valid_names(bad: str) -> None:
    """An unknown name raises ValueError quoting it and listing every valid name."""
    with pytest.raises(ValueError) as info:
        get_activation(bad)
    message = str(info.value)
    assert f'"{bad}"' in message
    assert "unknown activation" in message
    for name in ACTIVATION_NAMES:
        assert name in message


def test_next_activation_cycles_through_all() -> None:
    """From any start, next_activation visits every name once and then returns to it."""
    n = len(ACTIVATION_NAMES)
    for start in ACTIVATION_NAMES:
        seen = [start]
        name = start
        for _ in range(n - 1):
            name = next_activation(name)
            assert name != start
            seen.append(name)
        assert sorted(seen) == sorted(ACTIVATION_NAMES)
        assert next_activation(name) == start
