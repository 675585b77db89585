"""The experiment kept with the network: training settings to and from the file, and the
``nntui train`` line that reruns it.

The file's ``training`` object (:class:`~nntui.core.training_record.TrainingRecord`)
writes a CSV file's path relative to the network file's folder, so the two
can move together; the session holds it as a path that works from the
current folder.  Both the playground and ``nntui train`` read and write the
object through here, so they agree on what it means.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import replace
from pathlib import Path
from typing import Any

from nntui.core.datasets import DataFileError
from nntui.core.training.state import TrainerState
from nntui.core.training_record import TrainingRecord
from nntui.document.session import CSV_DATASET, TrainingSession, TrainingSettings

DEFAULT_COMMAND_STEPS = 1000  # the training command's --steps when none were taken since saving


# --- settings and the file's training object ---------------------------------------------


def settings_from_record(record: TrainingRecord, file: Path) -> TrainingSettings:
    """The settings ``record`` (read from the network file ``file``) describes."""
    split: dict[str, Any] = {"ratio": record.ratio, "data_seed": record.data_seed}
    split["stop_after"] = record.stop_after  # and the stop rule
    if record.csv is not None:
        data_file = str(Path(file).parent / record.csv)  # an absolute path stays as it is
        return TrainingSettings(dataset=CSV_DATASET, config=record.config, data_file=data_file, **split)
    return TrainingSettings(dataset=record.dataset, noise=record.noise, config=record.config, **split)


def record_from_settings(
    settings: TrainingSettings, steps: int, file: Path, state: TrainerState | None = None
) -> TrainingRecord:
    """The training object to write with the network into ``file`` (the split and the data seed
    when they were chosen: without them, the file means what it meant before they existed),
    with where training is (``state``), to go on exactly."""
    split: dict[str, Any] = {"ratio": settings.ratio, "data_seed": settings.data_seed}
    split["stop_after"] = settings.stop_after  # and the stop rule
    split["state"] = state
    if uses_csv(settings):
        assert settings.data_file is not None
        return TrainingRecord(
            csv=_relative(settings.data_file, Path(file).parent), config=settings.config, steps=steps, **split
        )
    return TrainingRecord(dataset=settings.dataset, noise=settings.noise, config=settings.config, steps=steps, **split)


def uses_csv(settings: TrainingSettings) -> bool:
    return settings.uses_csv


def same_data(a: TrainingSettings, b: TrainingSettings) -> bool:
    """True when ``a`` and ``b`` train on the same samples (the data seed draws and splits them)."""
    if uses_csv(a) or uses_csv(b):
        same_file = uses_csv(a) and uses_csv(b) and _same_path(a.data_file, b.data_file)
        return same_file and a.data_key()[2:] == b.data_key()[2:]
    return a.data_key() == b.data_key()


def restore(
    session: TrainingSession, record: TrainingRecord, file: Path, data: TrainingSettings | None = None
) -> str | None:
    """Give ``session`` the settings and the step count of ``record``, read from ``file``.

    ``data``: settings whose data is used instead of the file's (a CSV file
    given on the command line); the file's other settings are kept, and the
    steps count from 0 when the data is not the file's.  A CSV file that
    cannot be read (moved, changed) is read now: the session then trains on
    the default data, and the loader's message is returned.
    """
    settings = settings_from_record(record, file)
    steps = record.steps
    if data is not None:
        chosen = replace(settings, dataset=data.dataset, noise=data.noise, data_file=data.data_file)
        if not same_data(chosen, settings):
            steps = 0
            record = replace(record, state=None)  # a place in other batches
        settings = chosen
    session.change(settings)
    session.reset()
    problem = None
    if uses_csv(settings):
        try:
            session.dataset  # noqa: B018 - read now, so a missing file is said when it is opened
        except DataFileError as error:
            default = TrainingSettings()
            session.change(replace(settings, dataset=default.dataset, noise=default.noise, data_file=None))
            steps, problem = 0, str(error)
    session.steps = steps
    if problem is None:  # on the file's own data, training goes on from where the file says
        session.pending_state = state = record.state
        if state is not None and state.epoch:  # the epoch count goes on from there too
            session.samples = (state.epoch - 1) * state.samples + state.position
    return problem


def _relative(path: str, folder: Path) -> str:
    """``path`` (from the current folder) written from ``folder``, with forward slashes."""
    absolute = os.path.abspath(path)
    try:
        return Path(os.path.relpath(absolute, os.path.abspath(folder))).as_posix()
    except ValueError:  # on another drive (Windows): only the absolute path leads there
        return absolute


def _same_path(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and os.path.abspath(a) == os.path.abspath(b)


# --- the command line --------------------------------------------------------------------


def output_name(file: Path) -> Path:
    """Where the training command writes: beside ``file``, named NAME-trained.json."""
    return file.with_name(f"{file.stem}-trained.json")


def train_command(file: Path, settings: TrainingSettings, steps: int) -> list[str]:
    """The arguments of ``nntui train`` that train ``file`` with ``settings`` for ``steps`` steps.

    Every setting the command has an option for is written out, so the line
    means the same whatever training settings the file holds (the ratio and
    the data seed when they were chosen: the file saved from these settings
    then has none either); the momentum and the loss (no options) are the file's.  Numbers are written exactly
    (``repr``), so the command trains bit for bit as the playground does.
    """
    args = ["nntui", "train", _argument(str(file))]
    if uses_csv(settings):
        args += ["--data", _argument(str(settings.data_file))]
    else:
        args += ["--dataset", settings.dataset, "--noise", repr(float(settings.noise))]
    if settings.ratio is not None:  # else the data's own split, as in the file
        args += ["--ratio", str(settings.ratio)]
    if settings.data_seed is not None:  # else --seed, as in the file
        args += ["--data-seed", str(settings.data_seed)]
    c = settings.config
    args += [
        "--lr",
        repr(float(c.learning_rate)),
        "--batch",
        str(c.batch_size),
        "--optimizer",
        c.optimizer,
        "--regularization",
        c.regularization,
        "--regularization-rate",
        repr(float(c.regularization_rate)),
        "--seed",
        str(c.seed),
        "--stop-after",
        str(settings.stop_after),  # 0 (never) too: the file may have a rule
        "--steps",
        str(steps),
        "-o",
        _argument(str(output_name(file))),
    ]
    return args


def command_line(args: list[str]) -> str:
    """``args`` as one line for a POSIX shell, each quoted where it must be.

    Text is text: the line is shown and copied, so it holds no control character. An argument
    with one (a file named with an escape sequence, a newline, a bidi control) is written in
    ``$'…'`` quotes (bash, zsh, ksh; POSIX sh since 2024), each such character as the ``\\xHH``
    of its UTF-8 bytes, which the shell reads back exactly.
    """
    return " ".join(_quoted(arg) for arg in args)


def _quoted(arg: str) -> str:
    if arg.isprintable():  # the usual case: every character shows as itself
        return shlex.quote(arg)
    parts = []
    for char in arg:
        if char in "\\'":
            parts.append("\\" + char)
        elif char.isprintable():
            parts.append(char)
        else:  # surrogateescape: a file name's byte that is not UTF-8 is that byte again
            parts.append("".join(f"\\x{byte:02x}" for byte in char.encode("utf-8", "surrogateescape")))
    return "$'" + "".join(parts) + "'"


def _argument(path: str) -> str:
    # A file named "-x.json" would be read as an option.
    return f"./{path}" if path.startswith("-") else path
