"""What the network gets right, train and test: confusion matrices for classes, R² and squared error for numbers.

It draws the :class:`~nntui.core.training.metrics.Metrics` it is handed:
the training session measures them with the losses, so they are never older
than the numbers beside them.  A confusion matrix's rows are the targets'
classes and its columns the network's answers (→0, →1, …): right answers on
the diagonal, in green; wrong ones off it, in red.  The train and test
matrices stand side by side when the width allows; otherwise (many classes)
the test matrix alone.
"""

from __future__ import annotations

import math

import numpy as np
from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from nntui.app.borders import set_border
from nntui.app.text import fit
from nntui.core.numbers import NOT_A_VALUE, format_number
from nntui.core.training.metrics import Counts, Metrics
from nntui.i18n import t, whole_number

RIGHT_COLOUR = "#5fd787"  # answers on the diagonal
WRONG_COLOUR = "#ff6b6b"  # answers off it
LABEL_WIDTH = 10  # cells at most for a class's name
GAP = 2  # cells between the train and test blocks
WIDE = 10_000  # a width that never wraps: the panel's natural width
MAX_MATRIX_CLASSES = 12  # more classes than this get a list of the most frequent wrong answers
MOST_CONFUSED = 6  # lines of that list


def class_labels(names: tuple[str, ...], count: int) -> list[str]:
    """A short name per class: 0 and 1 for one output, the outputs' names (numbered) for several."""
    if len(names) != count:
        return [str(i) for i in range(count)]
    return [fit(f"{i} {name}", LABEL_WIDTH).rstrip() for i, name in enumerate(names)]


def _number(value: float | None, digits: str) -> str:
    return NOT_A_VALUE if value is None else format_number(value, digits)


def confusion_lines(train: Counts, test: Counts, labels: list[str], width: int) -> list[Text]:
    """The train and test matrices side by side when ``width`` allows, else the test matrix alone;
    past MAX_MATRIX_CLASSES, the test's most frequent wrong answers (a matrix of a thousand classes
    is a million numbers to draw on every change, and no screen shows it)."""
    if len(labels) > MAX_MATRIX_CLASSES:
        return confused_lines(test, labels)
    names = [t("app.metrics.train"), t("app.metrics.test")]
    count = len(labels)
    digits = max(len(str(int(m.max(initial=0)))) for m in (train, test))
    answers = len(f"→{count - 1}")
    # Each column is one space and ``cell`` cells; a block is wide enough for a space and its name.
    cell = max(digits, answers, -(-(max(cell_len(n) for n in names) + 1) // count) - 1)
    label = max(cell_len(text) for text in labels)
    blocks = list(zip(names, (train, test)))
    if label + 2 * count * (cell + 1) + GAP <= width:
        return _rows(blocks, labels, label, cell)
    return _rows(blocks[1:], labels, label, cell)  # many classes: the one that tells how it generalises


def confused_lines(counts: Counts, labels: list[str]) -> list[Text]:
    """The MOST_CONFUSED largest counts off the diagonal, largest first: target → answer, times."""
    wrong = np.array(counts, dtype=np.int64)
    np.fill_diagonal(wrong, 0)
    flat = wrong.ravel()
    nonzero = np.flatnonzero(flat)  # at most one per sample: far fewer than the K² cells
    found = min(MOST_CONFUSED, len(nonzero))
    top = nonzero[np.argpartition(flat[nonzero], -found)[-found:]] if found else nonzero
    lines = [Text(t("app.metrics.many_classes", count=whole_number(len(labels)), most=MAX_MATRIX_CLASSES), style="dim")]
    if not found:
        lines.append(Text(t("app.metrics.none_wrong"), style=RIGHT_COLOUR))
    width = max(cell_len(label) for label in labels)
    for index in sorted(top.tolist(), key=lambda i: (-flat[i], i)):
        target, answer = divmod(index, len(labels))
        lines.append(
            Text.assemble(
                (fit(labels[target], width), "dim"),
                " → ",
                (fit(labels[answer], width), "dim"),
                (f" {int(flat[index]):>6}×", WRONG_COLOUR),
            )
        )
    return lines


def _rows(blocks: list[tuple[str, Counts]], labels: list[str], label: int, cell: int) -> list[Text]:
    """The blocks' names, the answers' classes, then one row per target class."""
    block = len(labels) * (cell + 1)
    header, answers = Text(" " * label), Text(" " * label, style="dim")
    rows = [Text(fit(name, label), style="dim") for name in labels]
    for i, (name, counts) in enumerate(blocks):
        gap = " " * GAP if i else ""
        header.append(gap + " " + fit(name, block - 1), style="bold")
        answers.append(gap + "".join(f"{'→' + str(j):>{cell + 1}}" for j in range(len(labels))))
        for row, line in enumerate(rows):
            line.append(gap)
            for column, value in enumerate(counts[row]):
                style = "dim" if value == 0 else RIGHT_COLOUR if row == column else WRONG_COLOUR
                line.append(f"{int(value):>{cell + 1}}", style=style)
    return [header, answers, *rows]


def regression_lines(train: Metrics, test: Metrics) -> list[Text]:
    """R² and the mean squared error, train and test, in columns."""
    rows = [
        ("", t("app.metrics.train"), t("app.metrics.test")),
        (t("app.metrics.r2"), _number(train.r2, ".3f"), _number(test.r2, ".3f")),
        (t("app.metrics.mse"), _number(train.mse, ".4g"), _number(test.mse, ".4g")),
    ]
    first = max(cell_len(row[0]) for row in rows)
    widths = [max(cell_len(row[i]) for row in rows) + GAP for i in (1, 2)]
    lines = []
    for i, (name, left, right) in enumerate(rows):
        line = Text(name + " " * (first - cell_len(name)), style="dim")
        line.append(f"{left:>{widths[0]}}{right:>{widths[1]}}", style="bold" if i == 0 else "")
        lines.append(line)
    # What the dashes mean: a squared error too large to compute, else an R² with nothing to
    # divide by (the targets' spread is 0, or too small for a float).
    if not all(math.isfinite(m.mse) for m in (train, test) if m.mse is not None):
        lines.append(Text(t("app.metrics.not_finite"), style="bold red"))
    elif any(m.r2 is None or not math.isfinite(m.r2) for m in (train, test) if m.mse is not None):
        lines.append(Text(t("app.metrics.r2_undefined"), style="dim"))
    return lines


class MetricsPanel(Widget):
    """The confusion matrices (classification) or R² and MSE (regression), train and test.

    Hidden (class ``-empty``) while there is nothing measured to show.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._metrics: tuple[Metrics, Metrics] | None = None
        self._labels: list[str] = []
        self._class_names: tuple[str, ...] = ()
        self._shown: list[Text] = []  # the lines last shown, at the panel's natural width
        self._made: dict[int, list[Text]] = {}  # the lines of these metrics, by width
        self._held: tuple[int, int] | None = None  # while training: the width and lines it keeps at least
        self.add_class("-empty")

    def show(
        self, metrics: tuple[Metrics, Metrics] | None, class_names: tuple[str, ...] = (), *, steady: bool = False
    ) -> None:
        """``metrics`` of the train and test data, or None; ``class_names``: the outputs' names.

        ``steady`` (while training): the panel keeps at least the size it has, so that a
        number one digit wider is no new layout of the screen; not steady, its own size again.
        """
        before = self._shown
        if metrics is not self._metrics or class_names != self._class_names:
            self._made = {}
        self._metrics, self._class_names = metrics, class_names
        train = metrics[0] if metrics else None
        confusion = train.confusion if train else None
        self._labels = [] if confusion is None else class_labels(class_names, len(confusion))
        self.set_class(metrics is None, "-empty")
        if train is not None:
            title = t("app.metrics.confusion") if train.classification else t("app.metrics.title")
            subtitle = t("app.metrics.rows") if train.classification else ""
            set_border(self, title=title, subtitle=subtitle)  # shown every frame: only when it changes
        after = self._shown = self._lines(WIDE)
        held_before, laid_out = self._held, (_width(before), len(before))
        if steady:  # the size it has (held, or laid out for the lines before), or more
            kept = held_before or laid_out
            self._held = (max(kept[0], _width(after)), max(kept[1], len(after)))
        else:
            self._held = None
        if after == before and self._held == held_before:  # shown every frame while training: only changes
            return
        # A new layout only when its size may change.
        if steady:
            same_size = self._held == (held_before or laid_out)
        else:
            same_size = (
                held_before is None
                and len(before) == len(after)
                and all(cell_len(a.plain) == cell_len(b.plain) for a, b in zip(before, after))
            )
        self.refresh(layout=not same_size)

    def _lines(self, width: int) -> list[Text]:
        """The lines at ``width``, made once per metrics and width (the layout asks several times)."""
        if width not in self._made:
            self._made[width] = self._make_lines(width)
        return self._made[width]

    def _make_lines(self, width: int) -> list[Text]:
        if self._metrics is None:
            return []
        train, test = self._metrics
        if train.confusion is not None and test.confusion is not None:
            return confusion_lines(train.confusion, test.confusion, self._labels, width)
        return regression_lines(train, test)

    def render(self) -> Text:
        return Text("\n").join(self._lines(self.size.width))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max(_width(self._lines(WIDE)), self._held[0] if self._held else 0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self._lines(width)), self._held[1] if self._held else 0)


def _width(lines: list[Text]) -> int:
    return max((cell_len(line.plain) for line in lines), default=0)
