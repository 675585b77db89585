"""The controls of the training view: data, hyper-parameters, and how it goes."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, Select, Static

from nntui.document.session import (
    BATCH_SIZES,
    CSV_DATASET,
    LEARNING_RATES,
    NOISE_LEVELS,
    REGULARIZATION_RATES,
    TrainingSettings,
)
from nntui.app.keys import in_language
from nntui.app.text import plain
from nntui.app.widgets.network_view import NetworkView
from nntui.core.datasets import DATASET_NAMES
from nntui.core.training import OPTIMIZER_NAMES, REGULARIZATION_NAMES
from nntui.i18n import t


def _numbers(values: tuple[float, ...]) -> list[tuple[str, float]]:
    return [(f"{v:g}", v) for v in values]


def _regularization(name: str) -> str:
    """How a regularization is listed: its name, but "none" in words."""
    return t("app.training.no_regularization") if name == "none" else name


# Each list's id → the setting it chooses (a TrainingSettings or TrainingConfig field).
FIELDS = {
    "dataset": "dataset",
    "noise": "noise",
    "learning_rate": "learning_rate",
    "batch_size": "batch_size",
    "optimizer": "optimizer",
    "regularization": "regularization",
    "regularization_rate": "regularization_rate",
}


class TrainingPanel(Vertical):
    """Lists to choose the data and the hyper-parameters; posts every change up.

    It shows the settings it is given and never keeps its own copy: the
    training session holds them.
    """

    BINDINGS = [Binding("escape", "leave", "app.key.leave_panel", show=False)]

    class SettingChanged(Message):
        """The learner chose ``value`` for the setting ``field``."""

        def __init__(self, field: str, value: object) -> None:
            super().__init__()
            self.field = field
            self.value = value

    def __new__(cls, *args: object, **kwargs: object) -> TrainingPanel:
        return super().__new__(in_language(cls))  # bindings in the current language

    def __init__(self, settings: TrainingSettings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.settings = settings  # what is shown at first; later values come in show()

    def compose(self) -> ComposeResult:
        s, c = self.settings, self.settings.config
        yield Static(id="train-status")
        with Grid(id="train-controls"):
            yield Label(t("app.training.data"))
            datasets: list[tuple[str | Content, str]] = [(n, n) for n in DATASET_NAMES]
            if s.data_file is not None:
                datasets.insert(0, (plain(Path(s.data_file).name), CSV_DATASET))
            yield Select(datasets, value=s.dataset, allow_blank=False, compact=True, id="dataset")
            yield Label(t("app.training.noise"))
            yield Select(_numbers(NOISE_LEVELS), value=s.noise, allow_blank=False, compact=True, id="noise")
            yield Label(t("app.training.learning_rate"))
            yield Select(_numbers(LEARNING_RATES), value=c.learning_rate, allow_blank=False, compact=True, id="learning_rate")
            yield Label(t("app.training.batch_size"))
            yield Select(_numbers(BATCH_SIZES), value=c.batch_size, allow_blank=False, compact=True, id="batch_size")
            yield Label(t("app.training.optimizer"))
            yield Select([(n, n) for n in OPTIMIZER_NAMES], value=c.optimizer, allow_blank=False, compact=True, id="optimizer")
            yield Label(t("app.training.regularization"))
            yield Select([(_regularization(n), n) for n in REGULARIZATION_NAMES], value=c.regularization,
                         allow_blank=False, compact=True, id="regularization")
            yield Label(t("app.training.regularization_rate"))
            yield Select(_numbers(REGULARIZATION_RATES), value=c.regularization_rate,
                         allow_blank=False, compact=True, id="regularization_rate")

    def action_leave(self) -> None:
        self.screen.focus_next(NetworkView)

    def show_status(self, text: str) -> None:
        """``text``'s lines, as they are: any outside value in them already made safe."""
        self.query_one("#train-status", Static).update(Content(text), layout=False)  # fixed height

    def show(self, settings: TrainingSettings) -> None:
        """Show ``settings`` in the lists (after they changed elsewhere)."""
        self.settings = settings
        for select_id, name in FIELDS.items():
            select = self.query_one(f"#{select_id}", Select)
            value = settings.setting(name)
            if select.value != value:
                with select.prevent(Select.Changed):
                    select.value = value

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        name = FIELDS[event.select.id or ""]
        if event.value != self.settings.setting(name):
            self.post_message(self.SettingChanged(name, event.value))
