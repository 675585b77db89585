"""The challenges on the handwritten digits: teach a network to read them, then fool it by one pixel.

* "Teach it to read" starts from the ``digits`` preset (random weights) and
  is judged on the test images of ``make_dataset("digits", seed=0)``: the
  data the training view trains on by default, so the bar and the training
  view give the same accuracy.
* "Fool it by one pixel" starts from that preset trained for
  :data:`FOOL_STEPS` steps, showing a test picture of a 7 it reads as 7 with
  at least :data:`FOOL_CONFIDENCE`.  It is judged on the network alone: the
  weights as trained, the picture the start picture but for exactly one
  pixel, and the answer (the most likely digit) another one.  The start
  picture is chosen so that a change a learner makes with the drawing keys
  (blank, full, half the ink more or less) does it: solvable by construction.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from nntui.core.challenges.checks import accuracy_on_test, decimal, shape_problem
from nntui.core.challenges.model import Verdict
from nntui.core.datasets import DIGITS, Dataset, make_dataset
from nntui.core.image import FULL_INK, INK_STEP
from nntui.core.network import Network
from nntui.core.presets import load_preset
from nntui.core.training import Trainer, TrainingConfig
from nntui.i18n import t

TEACH_ACCURACY = 0.90
FOOL_DIGIT = 7
FOOL_STEPS = 1000  # default settings: about 97% of the test images right, in a tenth of a second
FOOL_CONFIDENCE = 0.99
SAME_INK = 1e-9  # a pixel within this of the start picture's ink is unchanged


@cache
def digits_data() -> Dataset:
    """The digits the challenges are judged on (read-only arrays: safe to share)."""
    return make_dataset(DIGITS, seed=0)


# --- teach it to read ------------------------------------------------------------------------


def teach_start() -> Network:
    """The digits preset as shipped: random weights, which read almost every picture wrong."""
    network = load_preset(DIGITS)
    network.name = t("core.challenge.digits_teach.title")
    return network


def teach_check(network: Network) -> Verdict:
    """Solved at 90% of the test images right."""
    accuracy = accuracy_on_test(network, digits_data())
    if isinstance(accuracy, str):
        return Verdict(False, accuracy)
    detail = t(
        "core.challenge.verdict.digits_teach",
        accuracy=decimal(100 * accuracy, 1),
        goal=decimal(100 * TEACH_ACCURACY, 0),
    )
    return Verdict(accuracy >= TEACH_ACCURACY, detail)


# --- fool it by one pixel ----------------------------------------------------------------------


def one_pixel_changes(picture: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every picture one change of one pixel away that the drawing keys make: blank, full ink, or
    half the ink more or less (within 0…1); as (pictures (n, pixels), the pixel each changed)."""
    pictures, pixels = [], []
    for k, ink in enumerate(picture):
        steps = {0.0, FULL_INK, min(ink + INK_STEP, FULL_INK), max(ink - INK_STEP, 0.0)}
        for value in sorted(steps - {float(ink)}):
            changed = picture.copy()
            changed[k] = value
            pictures.append(changed)
            pixels.append(k)
    return np.array(pictures), np.array(pixels)


def _picture_to_fool(network: Network, data: Dataset) -> np.ndarray:
    """The test picture of FOOL_DIGIT read as it with FOOL_CONFIDENCE or more that the most
    one-pixel changes make read as another digit (the first of them)."""
    best, most = None, 0
    for row in np.flatnonzero(data.y_test[:, FOOL_DIGIT] == 1.0):
        picture = data.x_test[row]
        reading = network.forward(picture).outputs
        if int(np.argmax(reading)) != FOOL_DIGIT or reading[FOOL_DIGIT] < FOOL_CONFIDENCE:
            continue
        changed, _ = one_pixel_changes(picture)
        fooled = int(np.sum(np.argmax(network.forward(changed).outputs, axis=1) != FOOL_DIGIT))
        if fooled > most:
            best, most = picture, fooled
    if best is None:  # the tests make sure it never is
        raise RuntimeError(f"no picture of a {FOOL_DIGIT} that one pixel changes")
    return np.array(best)


@cache
def network_to_fool() -> Network:
    """The preset trained on the digits, showing the picture to change (shared: never changed)."""
    data = digits_data()
    network = load_preset(DIGITS)
    Trainer(network, data.x_train, data.y_train, TrainingConfig()).run(FOOL_STEPS)
    network.input_values = _picture_to_fool(network, data)
    return network


def fool_start() -> Network:
    """A fresh copy of :func:`network_to_fool`, with the preset's names in the current language."""
    network = load_preset(DIGITS)
    trained = network_to_fool()
    for layer, taught in zip(network.layers, trained.layers):
        layer.weights, layer.bias = taught.weights.copy(), taught.bias.copy()
    network.input_values = trained.input_values.copy()
    network.name = t("core.challenge.digits_one_pixel.title")
    return network


def _weights_kept(network: Network, trained: Network) -> bool:
    return all(
        layer.activation == taught.activation
        and np.array_equal(layer.weights, taught.weights)
        and np.array_equal(layer.bias, taught.bias)
        for layer, taught in zip(network.layers, trained.layers)
    )


def fool_check(network: Network) -> Verdict:
    """Solved when exactly one pixel differs from the start picture and the network, its weights
    as trained, reads another digit than FOOL_DIGIT."""
    trained = network_to_fool()
    problem = shape_problem(network, trained.sizes)
    if problem is not None:
        return Verdict(False, problem)
    if not _weights_kept(network, trained):
        return Verdict(False, t("core.challenge.verdict.weights_kept"))
    with np.errstate(invalid="ignore"):
        changed = np.flatnonzero(~(np.abs(network.input_values - trained.input_values) <= SAME_INK))
    reading = network.forward().outputs
    if not np.all(np.isfinite(reading)):
        return Verdict(False, t("core.challenge.verdict.no_reading"))
    answer = int(np.argmax(reading))
    read = {"digit": network.neuron_name(len(network.layers), answer), "share": decimal(100 * reading[answer], 1)}
    if changed.size == 0:
        return Verdict(False, t("core.challenge.verdict.fool_unchanged", **read))
    if changed.size > 1:
        return Verdict(False, t("core.challenge.verdict.fool_too_many", count=int(changed.size), **read))
    pixel = network.input_names[int(changed[0])]
    if answer == FOOL_DIGIT:
        return Verdict(False, t("core.challenge.verdict.fool_still", pixel=pixel, **read))
    return Verdict(True, t("core.challenge.verdict.fooled", pixel=pixel, **read))
