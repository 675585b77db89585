"""The challenges, in the order a learner meets them."""

from __future__ import annotations

from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.challenges.checks import (
    logic_start,
    loud_saxophone,
    never_check,
    potatoes,
    saxophone_check,
    spiral_check,
    spiral_start,
    truth_check,
)
from nntui.core.challenges.digits import fool_check, fool_start, teach_check, teach_start
from nntui.core.challenges.model import Challenge
from nntui.core.datasets import DIGITS
from nntui.i18n import t

# The first "AND" is built with a step neuron, the activation that makes the
# cut visible; should nntui ever lose it, it falls back to the sigmoid.
STEP = "step" if "step" in ACTIVATION_NAMES else "sigmoid"


def _and(bits: tuple[bool, ...]) -> tuple[float, ...]:
    return (float(bits[0] and bits[1]),)


def _or(bits: tuple[bool, ...]) -> tuple[float, ...]:
    return (float(bits[0] or bits[1]),)


def _nand(bits: tuple[bool, ...]) -> tuple[float, ...]:
    return (float(not (bits[0] and bits[1])),)


def _xor(bits: tuple[bool, ...]) -> tuple[float, ...]:
    return (float(bits[0] != bits[1]),)


def _herbs_and_peelings(bits: tuple[bool, ...]) -> tuple[float, ...]:
    """Potatoes: yes with herbs and peelings, whatever the saxophone (the third input)."""
    return (float(bits[0] and bits[1]),)


CHALLENGES: tuple[Challenge, ...] = (
    Challenge(
        "potatoes_saxophone",
        "core.challenge.potatoes_saxophone.title",
        "core.challenge.potatoes_saxophone.goal",
        "core.challenge.potatoes_saxophone.hint",
        loud_saxophone,
        saxophone_check,
        None,
        None,
    ),
    Challenge(
        "potatoes_both",
        "core.challenge.potatoes_both.title",
        "core.challenge.potatoes_both.goal",
        "core.challenge.potatoes_both.hint",
        potatoes,
        truth_check(_herbs_and_peelings, [3, 1]),
        _herbs_and_peelings,
        None,
    ),
    Challenge(
        "and_step",
        "core.challenge.and_step.title",
        "core.challenge.and_step.goal",
        "core.challenge.and_step.hint",
        logic_start("core.challenge.and_step.title", "core.challenge.output.and", [2, 1], STEP),
        truth_check(_and, [2, 1], STEP),
        _and,
        None,
    ),
    Challenge(
        "and_sigmoid",
        "core.challenge.and_sigmoid.title",
        "core.challenge.and_sigmoid.goal",
        "core.challenge.and_sigmoid.hint",
        logic_start("core.challenge.and_sigmoid.title", "core.challenge.output.and", [2, 1], "sigmoid"),
        truth_check(_and, [2, 1], "sigmoid"),
        _and,
        None,
    ),
    Challenge(
        "or",
        "core.challenge.or.title",
        "core.challenge.or.goal",
        "core.challenge.or.hint",
        logic_start("core.challenge.or.title", "core.challenge.output.or", [2, 1], "sigmoid"),
        truth_check(_or, [2, 1]),
        _or,
        None,
    ),
    Challenge(
        "nand",
        "core.challenge.nand.title",
        "core.challenge.nand.goal",
        "core.challenge.nand.hint",
        logic_start("core.challenge.nand.title", "core.challenge.output.nand", [2, 1], "sigmoid"),
        truth_check(_nand, [2, 1]),
        _nand,
        None,
    ),
    Challenge(
        "xor_one_neuron",
        "core.challenge.xor_one_neuron.title",
        "core.challenge.xor_one_neuron.goal",
        "core.challenge.xor_one_neuron.hint",
        logic_start("core.challenge.xor_one_neuron.title", "core.challenge.output.xor", [2, 1], "sigmoid"),
        never_check(_xor, [2, 1]),
        _xor,
        "core.challenge.xor_one_neuron.why_impossible",
    ),
    Challenge(
        "xor_hidden",
        "core.challenge.xor_hidden.title",
        "core.challenge.xor_hidden.goal",
        "core.challenge.xor_hidden.hint",
        logic_start("core.challenge.xor_hidden.title", "core.challenge.output.xor", [2, 2, 1], "sigmoid"),
        truth_check(_xor, [2, 2, 1]),
        _xor,
        None,
    ),
    Challenge(
        "nonlinearity",
        "core.challenge.nonlinearity.title",
        "core.challenge.nonlinearity.goal",
        "core.challenge.nonlinearity.hint",
        logic_start("core.challenge.nonlinearity.title", "core.challenge.output.xor", [2, 2, 1], "linear"),
        truth_check(_xor, [2, 2, 1]),
        _xor,
        None,
    ),
    Challenge(
        "spiral",
        "core.challenge.spiral.title",
        "core.challenge.spiral.goal",
        "core.challenge.spiral.hint",
        spiral_start,
        spiral_check,
        None,
        None,
        dataset="spiral",
    ),
    Challenge(
        "digits_teach",
        "core.challenge.digits_teach.title",
        "core.challenge.digits_teach.goal",
        "core.challenge.digits_teach.hint",
        teach_start,
        teach_check,
        None,
        None,
        dataset=DIGITS,
    ),
    Challenge(
        "digits_one_pixel",
        "core.challenge.digits_one_pixel.title",
        "core.challenge.digits_one_pixel.goal",
        "core.challenge.digits_one_pixel.hint",
        fool_start,
        fool_check,
        None,
        None,
    ),
)

_BY_ID = {entry.id: entry for entry in CHALLENGES}


def challenge(id: str) -> Challenge:
    """The challenge called ``id``; ValueError listing the valid ids for an unknown one."""
    try:
        return _BY_ID[id]
    except KeyError:
        raise ValueError(
            t("core.challenge.unknown", id=id, valid=", ".join(entry.id for entry in CHALLENGES))
        ) from None
