"""The training view's prompts: a CSV file to train on, and a batch size typed.

Each one checks what is typed before it answers: a CSV file is loaded here
(its message, with the line and column, keeps the dialog open), a batch
size is a whole number from 1 to MAX_BATCH.  So a bad answer changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from nntui.app.screens.path_prompt import resolve_path
from nntui.app.screens.text_prompt import TextPrompt
from nntui.app.text import safe
from nntui.core.datasets import Dataset, load_csv
from nntui.document.session import MAX_BATCH
from nntui.i18n import t


class CsvPrompt(TextPrompt[tuple[Path, Dataset]]):
    """Returns the CSV file's path and its data, or None when cancelled."""

    def __init__(self, suggestion: str = "", cwd: Path | None = None) -> None:
        self.cwd = cwd or Path.cwd()
        super().__init__(
            t("app.data.csv_title"),
            suggestion,
            hint=t("app.data.csv_hint", folder=safe(self.cwd)),
            keys=t("app.data.csv_keys"),
            select_on_focus=False,
        )

    def parse(self, text: str) -> tuple[Path, Dataset]:
        path = resolve_path(text, self.cwd)
        # DataFileError is a ValueError: its one line (file, line, column) is shown here.
        return path, load_csv(path)


def parse_batch(text: str) -> int:
    """A batch size from 1 to MAX_BATCH; ValueError saying what is wrong."""
    stripped = text.strip()
    if not stripped:
        raise ValueError(t("app.data.batch_hint", high=MAX_BATCH))
    try:
        value = int(stripped)
    except ValueError:
        raise ValueError(t("app.data.batch_not_whole", text=safe(repr(stripped), 40))) from None
    if not 1 <= value <= MAX_BATCH:
        raise ValueError(t("app.data.batch_range", high=MAX_BATCH, value=value))
    return value


class BatchPrompt(TextPrompt[int]):
    """Returns the batch size typed, or None when cancelled."""

    def __init__(self, current: int) -> None:
        super().__init__(t("app.data.batch_title"), str(current), hint=t("app.data.batch_hint", high=MAX_BATCH))

    def parse(self, text: str) -> int:
        return parse_batch(text)
