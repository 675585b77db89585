"""How ``nntui train`` shows its progress while it trains.

On a terminal a bar is redrawn in place on stderr; otherwise (a pipe, a log
file) a line goes to stdout every 10%, so scripts can follow the loss.  The
training runs in chunks sized to report on time without slowing it down.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from nntui.core.numbers import format_number
from nntui.i18n import t

if TYPE_CHECKING:
    from nntui.core.datasets import Dataset
    from nntui.core.training import Evaluation, Trainer

REDRAW_SECONDS = 0.1  # the progress bar on a terminal changes at most 10 times a second


def loss_text(value: float) -> str:
    """A loss in 4 significant digits; never "-0".

    A loss is never below 0, but a sum of zeros can be -0.0: softmax over a
    single output is always 1, so its cross-entropy is -(y·log 1) = -0.0.
    Adding 0.0 turns -0.0 into 0.0 and leaves every other number as it is.
    """
    return format_number(value, ".4g")


class Progress:
    """A bar redrawn in place on stderr on a terminal; otherwise a line on stdout every 10%."""

    def __init__(self, trainer: Trainer, dataset: Dataset, steps: int, terminal: bool) -> None:
        self.trainer, self.dataset, self.steps, self.terminal = trainer, dataset, steps, terminal
        self.marks = set() if terminal else {max(1, steps * k // 10) for k in range(1, 11)}
        self.drawn_at = -REDRAW_SECONDS
        self.width = 0  # of the bar line on screen

    def next_stop(self, done: int) -> int:
        """Where the next chunk of training must end, to report on time."""
        return min([mark for mark in self.marks if mark > done], default=self.steps)

    def update(self, done: int) -> None:
        """Report ``done`` steps, if it is time to."""
        import time

        if not self.terminal:
            if done in self.marks:
                train, test = self.measure()
                accuracy = "" if test.accuracy is None else t("cli.train.line_accuracy", test=f"{test.accuracy:.3f}")
                line = t(
                    "cli.train.line",
                    done=done,
                    steps=self.steps,
                    loss=loss_text(train.loss),
                    test=loss_text(test.loss),
                    accuracy=accuracy,
                )
                print(line, flush=True)
            return
        now = time.monotonic()
        if now - self.drawn_at >= REDRAW_SECONDS or done == self.steps:
            self.drawn_at = now
            train, test = self.measure()
            filled = 20 * done // self.steps
            accuracy = "" if test.accuracy is None else t("cli.train.bar_accuracy", test=f"{100 * test.accuracy:.1f}")
            line = t(
                "cli.train.bar",
                done=done,
                steps=self.steps,
                bar="#" * filled + "." * (20 - filled),
                percent=100 * done // self.steps,
                loss=loss_text(train.loss),
                test=loss_text(test.loss),
                accuracy=accuracy,
            )
            padded, self.width = line.ljust(self.width), max(self.width, len(line))  # before a Ctrl-C
            sys.stderr.write("\r" + padded)
            sys.stderr.flush()

    def measure(self) -> tuple[Evaluation, Evaluation]:
        """The network's loss (and accuracy) on the training and on the test data."""
        import numpy as np

        from nntui.core.training import evaluate

        data, classification = self.dataset, self.dataset.kind == "classification"
        network = self.trainer.network
        with np.errstate(all="ignore"):
            return (
                evaluate(network, network.inputs_for(data.x_train), data.y_train, self.trainer.loss, classification),
                evaluate(network, network.inputs_for(data.x_test), data.y_test, self.trainer.loss, classification),
            )

    def close(self) -> None:
        """End the bar's line, so what follows starts on a line of its own."""
        if self.width:
            sys.stderr.write("\n")
            sys.stderr.flush()


def train_in_chunks(trainer: Trainer, steps: int, progress: Progress) -> None:
    """Run ``steps`` steps in chunks of about REDRAW_SECONDS, reporting after each."""
    import time

    chunk = 1
    while trainer.steps_done < steps:
        size = min(chunk, progress.next_stop(trainer.steps_done) - trainer.steps_done)
        start = time.perf_counter()
        trainer.run(size)
        elapsed = time.perf_counter() - start
        if elapsed < REDRAW_SECONDS / 4:
            chunk *= 2
        elif elapsed > REDRAW_SECONDS:
            chunk = max(1, chunk // 2)
        progress.update(trainer.steps_done)
