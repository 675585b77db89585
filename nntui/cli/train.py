"""``nntui train``: train a network on a dataset or a CSV file, and save it.

The data and the trainer are built by nntui.document.session, as the
playground builds them, so the same options and seed give the same network,
bit for bit, as training in the playground.  A network file with training
settings (format version 2) gives the defaults: an option given overrides
one setting, so the playground's experiment reruns here as it ran there.
The file written holds the settings used, the steps done and the trainer's
state; a file's state is taken up when its settings are used as they are,
so training goes on exactly where the file's stopped.  No Textual is
imported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from nntui.cli.arguments import Parser
from nntui.cli.common import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OVERFLOW,
    UsageError,
    check_output,
    echoed,
    file_path,
    non_negative,
    number,
    open_network_file,
    positive,
    thousands,
    whole,
)
from nntui.cli.progress import Progress, loss_text, train_in_chunks
from nntui.i18n import t

if TYPE_CHECKING:
    from nntui.core.datasets import Dataset
    from nntui.core.training import Trainer
    from nntui.core.training.stopping import StoppedEarly
    from nntui.core.training_record import TrainingRecord
    from nntui.document.session import TrainingSettings

MAX_STEPS = 10_000_000
RULE_CHUNK = 100  # steps between two looks at the progress when the stop rule checks every step


def _default_noise() -> float:
    """The noise of a generated dataset when --noise is not given: make_dataset's own default."""
    import inspect

    from nntui.core.datasets import make_dataset

    default: float = inspect.signature(make_dataset).parameters["noise"].default
    return default


def _parser() -> Parser:
    from nntui.core.datasets import GENERATED_NAMES, MAX_NOISE
    from nntui.core.training import OPTIMIZER_NAMES, REGULARIZATION_NAMES, TrainingConfig
    from nntui.document.session import CSV_RATIO, GENERATED_RATIO, MAX_RATIO, MIN_RATIO

    d = TrainingConfig()  # the defaults
    parser = Parser(prog="nntui train", usage=t("cli.train.usage"), description=t("cli.train.description"))
    name = t("cli.metavar.name")
    add = parser.add_argument
    add("file", nargs="?", type=file_path, metavar=t("cli.metavar.file"), help=t("cli.help.file"))
    add("--preset", metavar=name, help=t("cli.help.preset"))
    data = parser.add_mutually_exclusive_group()  # the file's data when neither is given
    data.add_argument("--dataset", metavar=name, help=t("cli.help.dataset", names=", ".join(GENERATED_NAMES)))
    data.add_argument("--data", type=file_path, metavar=t("cli.metavar.csv"), help=t("cli.help.data"))
    add("--noise", type=_noise, metavar="N", help=t("cli.help.noise", high=MAX_NOISE, default=_default_noise()))
    add(
        "--ratio",
        type=_ratio,
        metavar="P",
        help=t("cli.help.ratio", low=MIN_RATIO, high=MAX_RATIO, generated=GENERATED_RATIO, csv=CSV_RATIO),
    )
    add("--data-seed", type=_seed, metavar="S", help=t("cli.help.data_seed"))
    add("--steps", type=_steps, required=True, metavar="N", help=t("cli.help.steps", high=thousands(MAX_STEPS)))
    # No argparse defaults: an option not given takes the file's setting, else TrainingConfig's.
    add("--lr", type=positive, metavar="R", help=t("cli.help.lr", default=d.learning_rate))
    add("--batch", type=_batch, metavar="B", help=t("cli.help.batch", default=d.batch_size))
    add("--optimizer", choices=OPTIMIZER_NAMES, help=t("cli.help.default", default=d.optimizer))
    add("--regularization", choices=REGULARIZATION_NAMES, help=t("cli.help.default", default=d.regularization))
    add(
        "--regularization-rate",
        type=non_negative,
        metavar="R",
        help=t("cli.help.default", default=d.regularization_rate),
    )
    add("--seed", type=_seed, metavar="S", help=t("cli.help.seed", default=d.seed))
    add("--stop-after", type=_stop_after, metavar="N", help=t("cli.help.stop_after"))
    add("-o", "--output", required=True, type=file_path, metavar=t("cli.metavar.out"), help=t("cli.help.output"))
    return parser.add_lang()


def _noise(text: str) -> float:
    from nntui.core.datasets import MAX_NOISE

    value = number(text)
    if not 0 <= value <= MAX_NOISE:
        raise argparse.ArgumentTypeError(t("cli.value.range", low=0, high=MAX_NOISE, value=echoed(text)))
    return value


def _ratio(text: str) -> int:
    from nntui.document.session import MAX_RATIO, MIN_RATIO

    return whole(text, MIN_RATIO, MAX_RATIO)


def _steps(text: str) -> int:
    return whole(text, 1, MAX_STEPS)


def _batch(text: str) -> int:
    from nntui.core.training_record import MAX_WHOLE  # what a file may hold: what is written opens again

    return whole(text, 1, MAX_WHOLE)


def _seed(text: str) -> int:
    from nntui.core.training_record import MAX_SEED  # what a file may hold: what is written opens again

    return whole(text, 0, MAX_SEED)


def _stop_after(text: str) -> int:
    from nntui.core.training_record import MAX_WHOLE

    return whole(text, 0, MAX_WHOLE)


# The options that set a TrainingConfig field, by field.
_CONFIG_OPTIONS = {
    "learning_rate": "lr",
    "batch_size": "batch",
    "optimizer": "optimizer",
    "regularization": "regularization",
    "regularization_rate": "regularization_rate",
    "seed": "seed",
}


def _settings(args: argparse.Namespace, base: TrainingSettings | None) -> TrainingSettings:
    """The data and hyper-parameters to train with: ``base`` (the file's, if it has some), then the options."""
    from dataclasses import replace

    data = _data_settings(args, base)
    # The split and the data seed: each option given, else the file's, else the data's own and --seed.
    ratio = args.ratio if args.ratio is not None else (base.ratio if base else None)
    data_seed = args.data_seed if args.data_seed is not None else (base.data_seed if base else None)
    stop_after = args.stop_after if args.stop_after is not None else (base.stop_after if base else 0)
    return replace(data, ratio=ratio, data_seed=data_seed, stop_after=stop_after)


def _data_settings(args: argparse.Namespace, base: TrainingSettings | None) -> TrainingSettings:
    """The data and the hyper-parameters the options and ``base`` choose, before the split."""
    from dataclasses import replace

    from nntui.core.datasets import DATASET_NAMES
    from nntui.core.training import TrainingConfig
    from nntui.document.experiment import uses_csv
    from nntui.document.session import CSV_DATASET, TrainingSettings

    if args.data is not None:
        if args.noise is not None:
            raise UsageError(t("cli.train.noise_with_data"))
        if not args.data:
            raise UsageError(t("cli.train.data_empty"))
    elif args.dataset is not None and args.dataset not in DATASET_NAMES:
        available = ", ".join(DATASET_NAMES)
        raise UsageError(t("cli.train.unknown_dataset", name=echoed(args.dataset), available=available))
    elif args.dataset is None and base is None:
        raise UsageError(t("cli.train.no_data"))
    elif args.dataset is None and base is not None and uses_csv(base) and args.noise is not None:
        raise UsageError(t("cli.train.noise_with_data"))  # the file's data is a CSV file
    given = {name: getattr(args, option) for name, option in _CONFIG_OPTIONS.items()}
    # Checked with the rest when the trainer is made.
    config = replace(
        base.config if base else TrainingConfig(), **{name: value for name, value in given.items() if value is not None}
    )
    if args.data is not None:
        return TrainingSettings(dataset=CSV_DATASET, noise=_default_noise(), config=config, data_file=args.data)
    if args.dataset is None:  # the file's data
        assert base is not None
        noise = base.noise if args.noise is None else args.noise
        return replace(base, noise=noise, config=config)
    # A dataset named: its noise is --noise, else the file's (when its data is generated too).
    kept = base.noise if base is not None and not uses_csv(base) else _default_noise()
    return TrainingSettings(dataset=args.dataset, noise=kept if args.noise is None else args.noise, config=config)


def _train(trainer: Trainer, dataset: Dataset, stop_after: int, steps: int, progress: Progress) -> StoppedEarly | None:
    """``steps`` steps, reported as they go; fewer when the stop rule ends them (then it says why)."""
    if not stop_after:
        train_in_chunks(trainer, steps, progress)
        return None
    from nntui.core.training.stopping import StoppedEarly
    from nntui.document.session import new_stop_rule

    rule = new_stop_rule(trainer, dataset, stop_after)  # as the playground's: it stops at the same step
    try:
        while trainer.steps_done < steps:
            rule.run(min(RULE_CHUNK, progress.next_stop(trainer.steps_done) - trainer.steps_done))
            progress.update(trainer.steps_done)
    except StoppedEarly as stop:
        progress.update(trainer.steps_done)
        return stop
    return None


def _go_on(trainer: Trainer, record: TrainingRecord | None, same_settings: bool, file: str | None) -> None:
    """Go on from where the file's training was, as the playground would; or say why training
    starts afresh (the optimiser's memory and the batch order from the seed)."""
    if record is None or (record.state is None and not record.steps):
        return  # never trained: afresh is where it is
    from nntui.core.text import safe
    from nntui.core.training import TrainingError

    reason = None
    if record.state is None:
        reason = t("cli.train.afresh_no_state", file=safe(str(file)))
    elif not same_settings:
        reason = t("cli.train.afresh_settings")
    else:
        try:
            trainer.restore(record.state)
        except TrainingError as error:  # not of this data: a CSV file changed since
            reason = str(error)
    if reason is not None:
        print(t("cli.train.afresh", reason=reason), file=sys.stderr)


def _training_data(settings: TrainingSettings) -> Dataset:
    """The data of ``settings``; a bad CSV file is a usage error."""
    from nntui.core.datasets import DataFileError
    from nntui.document.session import training_data

    try:
        data = training_data(settings)
    except DataFileError as error:
        raise UsageError(str(error)) from None
    if data.note:  # how the file was read (a column of labels), as the playground says it
        print(t("cli.train.data_note", note=data.note), file=sys.stderr)
    return data


def run(argv: list[str]) -> int:
    """Train, report the progress, save OUT.json and print a summary; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.file is None and args.preset is None:
        raise UsageError(t("cli.train.needs_network"))
    out = check_output(args.output)
    opened = open_network_file(args.file, args.preset)
    network = opened.network
    from nntui.core.fileformat import save_network
    from nntui.core.plural import counted
    from nntui.core.text import safe
    from nntui.core.training import DivergenceError, TrainingError, data_mismatch
    from nntui.document.experiment import record_from_settings, same_data, settings_from_record
    from nntui.document.session import new_trainer

    base = None if opened.training is None else settings_from_record(opened.training, Path(args.file))
    settings = _settings(args, base)
    dataset = _training_data(settings)

    # The steps go on from the file's on the same data, as the playground counts them.
    steps_before = opened.training.steps if opened.training and base and same_data(settings, base) else 0

    mismatch = data_mismatch(network, dataset)
    if mismatch:
        raise UsageError(mismatch)
    try:
        trainer = new_trainer(network, dataset, settings.config)
    except TrainingError as error:
        raise UsageError(str(error)) from None
    _go_on(trainer, opened.training, settings == base, args.file)
    progress = Progress(trainer, dataset, args.steps, sys.stderr.isatty())
    try:
        stopped = _train(trainer, dataset, settings.stop_after, args.steps, progress)
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
        save_network(
            network, out, record_from_settings(settings, steps_before + trainer.steps_done, out, trainer.state())
        )
    except OSError as error:
        message = t("cli.train.cannot_write", output=args.output, reason=error.strerror or error)
        raise UsageError(message, EXIT_FAILURE) from None

    if stopped is not None:  # in the steps the file counts, as the playground says it
        print(
            t(
                "cli.train.stopped_early",
                step=steps_before + stopped.step,
                patience=stopped.patience,
                loss=loss_text(stopped.best_loss),
                best=steps_before + stopped.best_step,
            )
        )
    train, test = progress.measure()
    accuracy = (
        ""
        if test.accuracy is None
        else t("cli.train.summary_accuracy", train=f"{train.accuracy:.3f}", test=f"{test.accuracy:.3f}")
    )
    print(
        t(
            "cli.train.summary",
            steps=counted("cli.count.step", trainer.steps_done),
            loss=loss_text(train.loss),
            test=loss_text(test.loss),
            accuracy=accuracy,
            output=safe(args.output),  # a file name may hold an escape sequence
        )
    )
    return 0
