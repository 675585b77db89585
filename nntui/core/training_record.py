"""The ``training`` object of a version 2 network file: the experiment stored with the network.

A :class:`TrainingRecord` holds the data (a generated dataset and its noise,
or a CSV file's path as written in the file; the percent trained on and the
seed of the points, when the file says), the hyper-parameters (a
:class:`~nntui.core.training.config.TrainingConfig`) and the steps done.
Reading is as strict as the rest of the file: every key is optional (a
missing one takes the default), an unknown key, a key written twice or a bad
value is a :class:`~nntui.core.jsonfields.Problem` that says where it is.
What a relative CSV path is relative to is the reader's business
(nntui.document.experiment: the network file's folder).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from nntui.core.datasets import DATASET_NAMES, MAX_NOISE
from nntui.core.jsonfields import Problem, check_keys, finite_array, kind, number
from nntui.core.locations import shown
from nntui.core.training.config import LOSS_NAMES, OPTIMIZER_NAMES, REGULARIZATION_NAMES, TrainingConfig
from nntui.core.training.state import Moments, TrainerState
from nntui.i18n import t

TRAINING_KEYS = (
    "data",
    "learning_rate",
    "batch_size",
    "optimizer",
    "momentum",
    "regularization",
    "regularization_rate",
    "loss",
    "seed",
    "steps",
    "stop_after",
    "state",
)
STATE_KEYS = ("step", "epoch", "position", "samples", "first_moment", "second_moment")
DATA_KEYS = ("dataset", "noise", "csv", "ratio", "seed")
MIN_RATIO, MAX_RATIO = 10, 90  # percent of the samples trained on

# The largest whole number a file may hold (steps, batch size, stop rule, a state's counts):
# 2**53, the largest a float holds exactly, as JSON readers elsewhere do. A seed only seeds:
# up to 2**64, the seeds of 64 bits that are common.
MAX_WHOLE = 2**53
MAX_SEED = 2**64


@dataclass(frozen=True)
class TrainingRecord:
    """The training settings kept in a network file, and the steps the network has been trained."""

    dataset: str = "xor"  # a name from DATASET_NAMES; not used when ``csv`` is set
    noise: float = 0.0
    csv: str | None = None  # a CSV file, as its path is written in the file
    config: TrainingConfig = field(default_factory=TrainingConfig)
    steps: int = 0  # training steps since the weights were last drawn at random
    ratio: int | None = None  # percent of the samples trained on; None: the data's own split
    data_seed: int | None = None  # the seed of the data's points and split; None: ``config.seed``
    stop_after: int = 0  # stop when the test loss has not improved for this many steps; 0: never
    state: TrainerState | None = None  # where training is, to go on exactly; None: it starts afresh


# --- reading -----------------------------------------------------------------------


def training_from_dict(item: Any, shapes: list[tuple[int, int]] | None = None) -> TrainingRecord:
    """The record of a file's ``training`` value (Problem, with its place, when it is bad);
    ``shapes``: the network's layers, (neurons, inputs) each, which a saved state must fit."""
    where = t("core.record.at_training")
    if not isinstance(item, Mapping):
        raise Problem(t("core.record.not_object", found=kind(item)))
    check_keys(item, TRAINING_KEYS, where)
    dataset, noise, csv, ratio, data_seed = _data(item.get("data", {}))
    d = TrainingConfig()
    config = TrainingConfig(
        learning_rate=_positive(item, "learning_rate", d.learning_rate, where),
        batch_size=_whole(item, "batch_size", d.batch_size, 1, where),
        # arg-type: _choice gives a str, checked to be one of the names the Literal lists.
        optimizer=_choice(item, "optimizer", d.optimizer, OPTIMIZER_NAMES, where),  # type: ignore[arg-type]
        momentum=_momentum(item, d.momentum, where),
        # arg-type: the same, for the regularization's Literal.
        regularization=_choice(item, "regularization", d.regularization, REGULARIZATION_NAMES, where),  # type: ignore[arg-type]
        regularization_rate=_at_least_zero(item, "regularization_rate", d.regularization_rate, where),
        loss=_loss(item, where),
        seed=_whole(item, "seed", d.seed, 0, where, MAX_SEED),
    )
    state = _state(item["state"], config.optimizer, shapes or []) if "state" in item else None
    return TrainingRecord(
        dataset,
        noise,
        csv,
        config,
        _whole(item, "steps", 0, 0, where),
        ratio,
        data_seed,
        _whole(item, "stop_after", 0, 0, where),
        state,
    )


def _state(item: Any, optimizer: str, shapes: list[tuple[int, int]]) -> TrainerState:
    """The ``state`` object: the optimiser's memory and the place in the batches."""
    where = t("core.record.at_state")
    if not isinstance(item, Mapping):
        raise Problem(t("core.record.state_not_object", found=kind(item)))
    check_keys(item, STATE_KEYS, where)
    for key in STATE_KEYS[:4]:
        if key not in item:
            raise Problem(t("core.record.state_missing", where=where, field=key))
    samples = _whole(item, "samples", 1, 1, where)
    position = _whole(item, "position", 0, 0, where)
    if position > samples:
        raise Problem(t("core.record.state_position", where=where, position=position, samples=samples))
    needs = {"sgd": (), "momentum": ("first_moment",), "adam": ("first_moment", "second_moment")}[optimizer]
    for key in ("first_moment", "second_moment"):
        if (key in item) != (key in needs):
            raise Problem(t("core.record.state_moment", where=where, field=key, optimizer=optimizer))
    first, second = (
        _moments(item[key], shapes, f'{where}"{key}"') if key in item else None
        for key in ("first_moment", "second_moment")
    )
    return TrainerState(
        _whole(item, "step", 0, 0, where), _whole(item, "epoch", 0, 0, where), position, samples, first, second
    )


def _moments(item: Any, shapes: list[tuple[int, int]], where: str) -> Moments:
    """One moment of every layer, each a ``{"weights": rows, "bias": list}`` of the layer's shape."""
    if not isinstance(item, list) or len(item) != len(shapes):
        raise Problem(t("core.record.state_layers", where=where, layers=len(shapes), found=kind(item)))
    moments = []
    for k, (layer, (n_out, n_in)) in enumerate(zip(item, shapes), start=1):
        at = f"{where}[{k}]"
        if not isinstance(layer, Mapping):
            raise Problem(t("core.record.state_layer", where=at, found=kind(layer)))
        check_keys(layer, ("weights", "bias"), at)
        weights, bias = layer.get("weights"), layer.get("bias")
        if not (
            isinstance(weights, list)
            and len(weights) == n_out
            and all(isinstance(row, list) and len(row) == n_in for row in weights)
            and isinstance(bias, list)
            and len(bias) == n_out
        ):
            raise Problem(t("core.record.state_layer_shape", where=at, rows=n_out, columns=n_in))
        # A few passes in C over a valid layer; each number is looked at only when one is bad.
        flat = finite_array(chain.from_iterable(weights), n_out * n_in, chain.from_iterable(weights))
        column = finite_array(bias, n_out, bias)
        if flat is None or column is None:
            for value in chain(chain.from_iterable(weights), bias):
                number(value, lambda at=at: at)  # raises, saying where
        assert flat is not None and column is not None
        moments.append((flat.reshape(n_out, n_in), column))
    return tuple(moments)


def _data(item: Any) -> tuple[str, float, str | None, int | None, int | None]:
    where = t("core.record.at_data")
    if not isinstance(item, Mapping):
        raise Problem(t("core.record.data_not_object", where=where, found=kind(item)))
    check_keys(item, DATA_KEYS, where)
    return (*_source(item, where), _ratio(item, where), _whole(item, "seed", None, 0, where, MAX_SEED))


def _ratio(item: Mapping[str, Any], where: str) -> int | None:
    value = item.get("ratio")
    if value is None and "ratio" not in item:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_RATIO <= value <= MAX_RATIO:
        raise Problem(t("core.record.ratio", where=where, low=MIN_RATIO, high=MAX_RATIO, found=kind(value)))
    return value


def _source(item: Mapping[str, Any], where: str) -> tuple[str, float, str | None]:
    if "csv" in item:
        for other in ("dataset", "noise"):
            if other in item:
                raise Problem(t("core.record.csv_and", where=where, field=other))
        csv = item["csv"]
        if not isinstance(csv, str) or not csv:
            raise Problem(t("core.record.csv_path", where=where, found=kind(csv)))
        return "xor", 0.0, csv
    dataset = item.get("dataset", "xor")
    if dataset not in DATASET_NAMES:
        raise Problem(
            t("core.record.one_of", where=where, field="dataset", valid=", ".join(DATASET_NAMES), found=shown(dataset))
        )
    noise = number(item.get("noise", 0.0), lambda: f'{where}"noise"')
    if not 0 <= noise <= MAX_NOISE:
        raise Problem(t("core.record.noise", where=where, high=MAX_NOISE, found=kind(item["noise"])))
    return dataset, noise, None


def _positive(item: Mapping[str, Any], key: str, default: float, where: str) -> float:
    value = number(item.get(key, default), lambda: f'{where}"{key}"')
    if value <= 0:
        raise Problem(t("core.record.positive", where=where, field=key, found=kind(item[key])))
    return value


def _at_least_zero(item: Mapping[str, Any], key: str, default: float, where: str) -> float:
    value = number(item.get(key, default), lambda: f'{where}"{key}"')
    if value < 0:
        raise Problem(t("core.record.at_least", where=where, field=key, low=0, found=kind(item[key])))
    return value


def _momentum(item: Mapping[str, Any], default: float, where: str) -> float:
    value = number(item.get("momentum", default), lambda: f'{where}"momentum"')
    if not 0 <= value < 1:
        raise Problem(t("core.record.momentum", where=where, found=kind(item["momentum"])))
    return value


def _whole(item: Mapping[str, Any], key: str, default: Any, low: int, where: str, high: int = 0) -> Any:
    """A whole number from ``low`` to ``high`` (MAX_WHOLE unless given), or ``default`` when the
    key is missing."""
    high = high or MAX_WHOLE
    if key not in item:
        return default
    value = item[key]
    # A JSON integer: 32.0 or true is not one.
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise Problem(t("core.record.whole", where=where, field=key, low=low, found=kind(value)))
    if value > high:  # 10**400 would overflow every float it meets (a batch's share, a chart's axis)
        raise Problem(
            t("core.record.whole_too_large", where=where, field=key, high=f"{high:,}", digits=len(str(value)))
        )
    return value


def _choice(item: Mapping[str, Any], key: str, default: str, valid: tuple[str, ...], where: str) -> str:
    value = item.get(key, default)
    if value not in valid:
        raise Problem(t("core.record.one_of", where=where, field=key, valid=", ".join(valid), found=shown(value)))
    return str(value)


def _loss(item: Mapping[str, Any], where: str) -> str | None:
    value = item.get("loss")
    if value is not None and value not in LOSS_NAMES:
        valid = ", ".join(("null", *LOSS_NAMES))
        raise Problem(t("core.record.one_of", where=where, field="loss", valid=valid, found=shown(value)))
    return value


# --- writing -----------------------------------------------------------------------


def _count(value: int) -> int:
    """A count as a file holds it: the writers never write what the readers refuse. Training on
    from a file at MAX_WHOLE steps counts past it; no float tells those counts apart."""
    return min(int(value), MAX_WHOLE)


def training_to_dict(record: TrainingRecord) -> dict[str, Any]:
    """The ``training`` object of ``record``, every key written, in plain Python numbers."""
    c = record.config
    data: dict[str, Any] = (
        {"csv": record.csv} if record.csv is not None else {"dataset": record.dataset, "noise": float(record.noise)}
    )
    if record.ratio is not None:
        data["ratio"] = int(record.ratio)
    if record.data_seed is not None:
        data["seed"] = int(record.data_seed)
    return {
        "data": data,
        "learning_rate": float(c.learning_rate),
        "batch_size": _count(c.batch_size),
        "optimizer": c.optimizer,
        "momentum": float(c.momentum),
        "regularization": c.regularization,
        "regularization_rate": float(c.regularization_rate),
        "loss": c.loss,
        "seed": int(c.seed),
        "steps": _count(record.steps),
        **({"stop_after": _count(record.stop_after)} if record.stop_after else {}),  # written when the rule is on
        **({"state": state_to_dict(record.state)} if record.state is not None else {}),
    }


def state_to_dict(state: TrainerState) -> dict[str, Any]:
    """The ``state`` object, its moments per layer as the layers' own weights and bias."""

    def moments(values: Moments) -> list[dict[str, Any]]:
        return [{"weights": w.tolist(), "bias": b.tolist()} for w, b in values]

    return {
        "step": _count(state.step),
        "epoch": _count(state.epoch),
        "position": _count(state.position),
        "samples": _count(state.samples),
        **({"first_moment": moments(state.first)} if state.first is not None else {}),
        **({"second_moment": moments(state.second)} if state.second is not None else {}),
    }
