"""The training view's data: a CSV file chosen, a batch size typed, new points.

The panel asks (``TrainingPanel.Asked``); the prompts check the answer
(nntui.app.screens.data_prompts), so a bad CSV file or a bad number changes
nothing; a good answer becomes a setting through the training controller,
which measures the network on the new data at once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nntui.app.controllers.training import TrainingController
from nntui.app.screens.data_prompts import BatchPrompt, CsvPrompt
from nntui.core.datasets import Dataset
from nntui.document.document import Document
from nntui.document.session import CSV_DATASET

if TYPE_CHECKING:
    from textual.screen import Screen


class DataController:
    """Opens the data prompts and applies their answers."""

    def __init__(self, screen: Screen[Any], document: Document, training: TrainingController) -> None:
        self.screen = screen
        self.document = document
        self.training = training

    def ask(self, what: str) -> None:
        """``what`` the panel asked for: "csv", "batch" or "regenerate"."""
        {"csv": self.choose_csv, "batch": self.type_batch, "regenerate": self.regenerate}[what]()

    def choose_csv(self) -> None:
        current = self.document.training.settings.data_file or ""
        self.screen.app.push_screen(CsvPrompt(current), self._csv_chosen)

    def _csv_chosen(self, answer: tuple[Path, Dataset] | None) -> None:
        if answer is None:
            return
        path, _ = answer  # read by the prompt: it loads (the session reads it again, split as chosen)
        settings = self.document.training.settings
        self.training.change_settings(replace(settings, dataset=CSV_DATASET, data_file=str(path)))

    def type_batch(self) -> None:
        current = self.document.training.settings.config.batch_size
        self.screen.app.push_screen(BatchPrompt(current), self._batch_typed)

    def _batch_typed(self, size: int | None) -> None:
        if size is not None:
            self.training.change_setting("batch_size", size)

    def regenerate(self) -> None:
        """New points: the data drawn again from the next data seed."""
        seed = self.document.training.settings.effective_data_seed
        self.training.change_setting("data_seed", seed + 1)
