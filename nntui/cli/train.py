"""``nntui train``: train a network on a dataset or a CSV file, and save it.

The data and the trainer are built by nntui.document.session, as the
playground builds them, so the same options and seed give the same network,
bit for bit, as training in the playground.  No Textual is imported.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from nntui.cli.arguments import Parser
from nntui.cli.common import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OVERFLOW,
    UsageError,
    check_output,
    echoed,
    non_negative,
    number,
    open_network,
    positive,
    thousands,
    whole,
)
from nntui.cli.progress import Progress, loss_text, train_in_chunks
from nntui.i18n import t

if TYPE_CHECKING:
    from nntui.core.datasets import Dataset
    from nntui.document.session import TrainingSettings

MAX_STEPS = 10_000_000


def _default_noise() -> float:
    """The noise of a generated dataset when --noise is not given: make_dataset's own default."""
    import inspect

    from nntui.core.datasets import make_dataset

    default: float = inspect.signature(make_dataset).parameters["noise"].default
    return default


def _parser() -> Parser:
    from nntui.core.datasets import DATASET_NAMES, MAX_NOISE
    from nntui.core.training import OPTIMIZER_NAMES, REGULARIZATION_NAMES, TrainingConfig

    d = TrainingConfig()  # the defaults
    parser = Parser(prog="nntui train", usage=t("cli.train.usage"), description=t("cli.train.description"))
    name = t("cli.metavar.name")
    add = parser.add_argument
    add("file", nargs="?", metavar=t("cli.metavar.file"), help=t("cli.help.file"))
    add("--preset", metavar=name, help=t("cli.help.preset"))
    data = parser.add_mutually_exclusive_group(required=True)
    data.add_argument("--dataset", metavar=name, help=t("cli.help.dataset", names=", ".join(DATASET_NAMES)))
    data.add_argument("--data", metavar=t("cli.metavar.csv"), help=t("cli.help.data"))
    add("--noise", type=_noise, metavar="N", help=t("cli.help.noise", high=MAX_NOISE, default=_default_noise()))
    add("--steps", type=_steps, required=True, metavar="N",
        help=t("cli.help.steps", high=thousands(MAX_STEPS)))
    add("--lr", type=positive, default=d.learning_rate, metavar="R",
        help=t("cli.help.lr", default=d.learning_rate))
    add("--batch", type=_batch, default=d.batch_size, metavar="B",
        help=t("cli.help.batch", default=d.batch_size))
    add("--optimizer", choices=OPTIMIZER_NAMES, default=d.optimizer,
        help=t("cli.help.default", default=d.optimizer))
    add("--regularization", choices=REGULARIZATION_NAMES, default=d.regularization,
        help=t("cli.help.default", default=d.regularization))
    add("--regularization-rate", type=non_negative, default=d.regularization_rate, metavar="R",
        help=t("cli.help.default", default=d.regularization_rate))
    add("--seed", type=_seed, default=d.seed, metavar="S", help=t("cli.help.seed", default=d.seed))
    add("-o", "--output", required=True, metavar=t("cli.metavar.out"), help=t("cli.help.output"))
    return parser.add_lang()


def _noise(text: str) -> float:
    from nntui.core.datasets import MAX_NOISE

    value = number(text)
    if not 0 <= value <= MAX_NOISE:
        raise argparse.ArgumentTypeError(t("cli.value.range", low=0, high=MAX_NOISE, value=echoed(text)))
    return value


def _steps(text: str) -> int:
    return whole(text, 1, MAX_STEPS)


def _batch(text: str) -> int:
    return whole(text, 1)


def _seed(text: str) -> int:
    return whole(text, 0)


def _settings(args: argparse.Namespace) -> TrainingSettings:
    """The data and hyper-parameters the options choose, as the playground holds them."""
    from nntui.core.datasets import DATASET_NAMES
    from nntui.core.training import TrainingConfig, TrainingError
    from nntui.document.session import CSV_DATASET, TrainingSettings

    if args.data is not None:
        if args.noise is not None:
            raise UsageError(t("cli.train.noise_with_data"))
        if not args.data:
            raise UsageError(t("cli.train.data_empty"))
    elif args.dataset not in DATASET_NAMES:
        available = ", ".join(DATASET_NAMES)
        raise UsageError(t("cli.train.unknown_dataset", name=echoed(args.dataset), available=available))
    try:
        config = TrainingConfig(
            learning_rate=args.lr,
            batch_size=args.batch,
            optimizer=args.optimizer,
            regularization=args.regularization,
            regularization_rate=args.regularization_rate,
            seed=args.seed,
        )
    except TrainingError as error:
        raise UsageError(str(error)) from None
    if args.data is not None:
        return TrainingSettings(dataset=CSV_DATASET, noise=_default_noise(), config=config, data_file=args.data)
    noise = _default_noise() if args.noise is None else args.noise
    return TrainingSettings(dataset=args.dataset, noise=noise, config=config)


def _training_data(settings: TrainingSettings) -> Dataset:
    """The data of ``settings``; a bad CSV file is a usage error."""
    from nntui.core.datasets import DataFileError
    from nntui.document.session import training_data

    try:
        return training_data(settings)
    except DataFileError as error:
        raise UsageError(str(error)) from None


def run(argv: list[str]) -> int:
    """Train, report the progress, save OUT.json and print a summary; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.file is None and args.preset is None:
        raise UsageError(t("cli.train.needs_network"))
    out = check_output(args.output)
    network = open_network(args.file, args.preset)
    settings = _settings(args)
    dataset = _training_data(settings)
    from nntui.core.fileformat import save_network
    from nntui.core.plural import counted
    from nntui.core.text import safe
    from nntui.core.training import DivergenceError, TrainingError, data_mismatch
    from nntui.document.session import new_trainer

    mismatch = data_mismatch(network, dataset)
    if mismatch:
        raise UsageError(mismatch)
    try:
        trainer = new_trainer(network, dataset, settings.config)
    except TrainingError as error:
        raise UsageError(str(error)) from None
    progress = Progress(trainer, dataset, args.steps, sys.stderr.isatty())
    try:
        train_in_chunks(trainer, args.steps, progress)
    except DivergenceError:
        raise UsageError(
            t("cli.train.diverged", step=trainer.steps_done + 1, output=args.output), EXIT_OVERFLOW
        ) from None
    except KeyboardInterrupt:
        raise UsageError(
            t("cli.train.interrupted", step=trainer.steps_done, steps=args.steps, output=args.output),
            EXIT_INTERRUPTED,
        ) from None
    finally:
        progress.close()
    try:
        save_network(network, out)
    except OSError as error:
        message = t("cli.train.cannot_write", output=args.output, reason=error.strerror or error)
        raise UsageError(message, EXIT_FAILURE) from None

    train, test = progress.measure()
    accuracy = (
        ""
        if test.accuracy is None
        else t("cli.train.summary_accuracy", train=f"{train.accuracy:.3f}", test=f"{test.accuracy:.3f}")
    )
    print(
        t(
            "cli.train.summary",
            steps=counted("cli.count.step", args.steps),
            loss=loss_text(train.loss),
            test=loss_text(test.loss),
            accuracy=accuracy,
            output=safe(args.output),  # a file name may hold an escape sequence
        )
    )
    return 0
