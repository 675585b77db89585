"""The challenges on the handwritten digits: teach a network to read them, fool a trained one by
one pixel. Judged on the network alone; solved as a learner would in tests/app/test_digits_challenges.py."""

from __future__ import annotations

import numpy as np

from nntui.core.challenges import Verdict, challenge
from nntui.core.challenges.digits import (
    FOOL_CONFIDENCE,
    FOOL_DIGIT,
    digits_data,
    network_to_fool,
    one_pixel_changes,
)
from nntui.core.network import Network
from nntui.core.presets import load_preset
from nntui.core.training import Trainer, TrainingConfig, evaluate
from nntui.i18n import set_language


def _fooled() -> Network:
    """The start network with the first one-pixel change that makes it read another digit."""
    network = challenge("digits_one_pixel").start()
    pictures, _ = one_pixel_changes(network.input_values)
    fooled = np.argmax(network.forward(pictures).outputs, axis=1) != FOOL_DIGIT
    network.input_values = pictures[int(np.argmax(fooled))]
    return network


def test_teach_it_to_read_starts_as_the_preset_and_is_judged_on_the_test_images() -> None:
    entry = challenge("digits_teach")
    assert entry.dataset == "digits" and entry.targets is None
    start = entry.start()
    preset = load_preset("digits")
    for layer, shipped in zip(start.layers, preset.layers):
        assert np.array_equal(layer.weights, shipped.weights)
    data = digits_data()
    accuracy = evaluate(start, data.x_test, data.y_test).accuracy
    assert entry.check(start) == Verdict(False, f"{100 * accuracy:.1f}% of the test images right (90% wanted)")
    set_language("fr")
    assert entry.check(start).detail.endswith(" % des images de test justes (90 % voulus)")


def test_teach_it_to_read_is_not_solved_short_of_90_percent() -> None:
    entry = challenge("digits_teach")
    data = digits_data()
    network = entry.start()
    trainer = Trainer(network, data.x_train, data.y_train, TrainingConfig(learning_rate=0.001))
    while (accuracy := evaluate(network, data.x_test, data.y_test).accuracy) < 0.85:  # type: ignore[operator]
        trainer.run(10)
    assert accuracy < 0.9  # close, not there
    assert not entry.check(network).solved
    trainer.run(500)
    assert evaluate(network, data.x_test, data.y_test).accuracy >= 0.9  # type: ignore[operator]
    assert entry.check(network).solved
    assert entry.check(load_preset("xor")) == Verdict(False, "the digits data has 64 inputs but the network has 2")


def test_the_network_to_fool_reads_its_picture_as_a_7_and_is_trained() -> None:
    network = challenge("digits_one_pixel").start()
    reading = network.forward().outputs
    assert int(np.argmax(reading)) == FOOL_DIGIT and reading[FOOL_DIGIT] >= FOOL_CONFIDENCE
    data = digits_data()
    assert evaluate(network, data.x_test, data.y_test).accuracy > 0.95  # type: ignore[operator]
    assert any(np.array_equal(network.input_values, picture) for picture in data.x_test[data.y_test[:, 7] == 1])
    assert challenge("digits_one_pixel").check(network).detail.startswith("it reads 7 (99.")


def test_fool_it_by_one_pixel_is_solved_by_exactly_the_one_pixel_changes_that_fool_it() -> None:
    entry = challenge("digits_one_pixel")
    start = entry.start()
    pictures, pixels = one_pixel_changes(start.input_values)
    fooling = 0
    for picture, pixel in zip(pictures, pixels):
        network = start.copy()
        network.input_values = picture
        verdict = entry.check(network)
        fooled = int(np.argmax(network.forward().outputs)) != FOOL_DIGIT
        assert verdict.solved is fooled, (pixel, verdict.detail)
        assert verdict.detail.startswith(f"{start.input_names[pixel]} changed, and ")
        fooling += fooled
    assert fooling >= 3  # more than one way: a learner finds one


def test_fool_it_by_one_pixel_wants_one_pixel_and_the_trained_weights() -> None:
    entry = challenge("digits_one_pixel")
    solution = _fooled()
    assert entry.check(solution).solved
    two = solution.copy()
    changed = int(np.flatnonzero(two.input_values != entry.start().input_values)[0])
    other = (changed + 27) % 64
    two.input_values[other] = 1.0 - two.input_values[other]
    verdict = entry.check(two)
    assert not verdict.solved and verdict.detail.startswith("2 pixels changed, and only one may be")
    start = entry.start()
    start.layers[-1].bias[FOOL_DIGIT] -= 50.0  # reads another digit, by the weights
    assert int(np.argmax(start.forward().outputs)) != FOOL_DIGIT
    verdict = entry.check(start)
    assert not verdict.solved and "weights must stay as trained" in verdict.detail
    retrained = solution.copy()
    retrained.layers[0].activation = "relu"
    assert not entry.check(retrained).solved
    nan = solution.copy()
    nan.input_values[changed] = float("nan")
    assert entry.check(nan).detail == "the network gives no answer: its outputs are not numbers"
    set_language("fr")
    assert "changé, et il lit maintenant" in entry.check(solution).detail
    assert entry.start().name == "Trompez-le d'un pixel"
    assert network_to_fool().sizes == [64, 16, 10]
