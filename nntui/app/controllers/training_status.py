"""What the training panel's status says: playing or not, the steps and the epoch, the accuracy or
R², why the stop rule stopped, why the network cannot learn the data."""

from __future__ import annotations

from nntui.app.text import MESSAGE_LIMIT, safe
from nntui.core.numbers import format_number
from nntui.document.session import TrainingSession
from nntui.i18n import t, whole_number


def status_lines(session: TrainingSession, playing: bool, problem: str | None) -> list[str]:
    """The status's lines for ``session`` as it is; ``problem``: why the network does not fit the data."""
    last = session.history[-1] if session.history else None
    stopped = None if playing else session.stopped  # by the stop rule
    state = t("app.train.playing") if playing else t("app.train.stopped") if stopped else t("app.train.paused")
    lines = [t("app.train.state", state=state, steps=whole_number(session.steps), epoch=whole_number(session.epoch))]
    if playing and session.steps_per_second:
        lines[0] += f" · {whole_number(round(session.steps_per_second))}/s"
    if last is not None and last.test.accuracy is not None:
        lines.append(t("app.train.accuracy", train=f"{last.train.accuracy:.1%}", test=f"{last.test.accuracy:.1%}"))
    train_r2, test_r2 = (m.r2 for m in session.metrics) if session.metrics is not None else (None, None)
    if last is not None and train_r2 is not None and test_r2 is not None:  # regression
        lines.append(t("app.metrics.r2_line", train=format_number(train_r2, ".3f"), test=format_number(test_r2, ".3f")))
    if stopped is not None:
        lines.append(
            t(
                "app.train.stopped_early",
                patience=whole_number(stopped.patience),
                loss=format_number(stopped.best_loss, ".4g"),
                best=whole_number(stopped.best_step),
            )
        )
    if problem:
        lines.append(t("app.train.problem", problem=safe(problem, MESSAGE_LIMIT)))
    return lines
