"""The controls of the training view: data, hyper-parameters, and how it goes.

Its words come first and are never cut: the status and the diagnosis take
the lines they need, wrapped to the panel's width, and the lists below
scroll when too little height is left for them.  While training they keep
the lines they have (fewer words leave blank lines): a new number is never
a new layout of the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Label, OptionList, Select, Static

from nntui.app.keys import in_language
from nntui.app.text import plain
from nntui.app.widgets.feature_toggles import FeatureToggles
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.core.datasets import DATASET_NAMES
from nntui.core.features import Feature
from nntui.core.training import OPTIMIZER_NAMES, REGULARIZATION_NAMES
from nntui.document.session import (
    BATCH_SIZES,
    CSV_DATASET,
    LEARNING_RATES,
    NOISE_LEVELS,
    RATIOS,
    REGULARIZATION_RATES,
    STOP_AFTER_STEPS,
    TrainingSettings,
)
from nntui.i18n import t, whole_number


def _numbers(values: tuple[float, ...], current: float | None = None) -> list[tuple[str, float]]:
    """A list's numbers, with ``current`` among them (in order) when a file or the command line
    set one the list does not offer: every valid setting shows, and stays chosen."""
    if current is not None and current not in values:
        values = tuple(sorted((*values, current)))
    return [(f"{v:g}", v) for v in values]


def _list(options: Sequence[tuple[str | Content, Any]], value: object, select_id: str) -> Select[Any]:
    """One of the panel's lists: ``options`` as (words, value), ``value`` chosen, never blank."""
    return Select(options, value=value, allow_blank=False, compact=True, id=select_id)


def _regularization(name: str) -> str:
    """How a regularization is listed: its name, but "none" in words."""
    return t("app.training.no_regularization") if name == "none" else name


# The lists of numbers, by setting: a value outside them is added when it is the current one.
NUMBER_LISTS = {
    "ratio": RATIOS,
    "noise": NOISE_LEVELS,
    "learning_rate": LEARNING_RATES,
    "batch_size": BATCH_SIZES,
    "regularization_rate": REGULARIZATION_RATES,
    "stop_after": STOP_AFTER_STEPS,
}

MIN_LIST_ROWS = 3  # rows the lists keep when a second paragraph of diagnosis would take them
MIN_ROWS_UNDER_WARNING = 2  # rows the lists keep under the first: it is cut rather than take them

# Each list's id → the setting it chooses (a TrainingSettings or TrainingConfig field).
FIELDS = {
    "dataset": "dataset",
    "ratio": "ratio",
    "noise": "noise",
    "learning_rate": "learning_rate",
    "batch_size": "batch_size",
    "optimizer": "optimizer",
    "regularization": "regularization",
    "regularization_rate": "regularization_rate",
    "stop_after": "stop_after",
    "show_test": "show_test",
    "discretize": "discretize",
}
# Entries that ask for more than a value: a CSV file's path, a batch size typed.
ASK_CSV = "csv…"
ASK_BATCH = -1


def _datasets(data_file: str | None) -> list[tuple[str | Content, str]]:
    """The data list: the CSV file in use (by its name), the generated sets, then "CSV file…"."""
    datasets: list[tuple[str | Content, str]] = [(n, n) for n in DATASET_NAMES]
    if data_file is not None:
        datasets.insert(0, (plain(Path(data_file).name), CSV_DATASET))
    return [*datasets, (t("app.data.csv_entry"), ASK_CSV)]


def _batches(current: int) -> list[tuple[str, int]]:
    # list-item: _numbers gives floats; the batch sizes in it are whole (Select compares 32 == 32.0).
    return [*_numbers(BATCH_SIZES, current), (t("app.data.other_batch"), ASK_BATCH)]  # type: ignore[list-item]


def _ratios(current: int) -> list[tuple[str, int]]:
    return [(t("app.data.ratio_value", percent=f"{v:g}"), int(v)) for _, v in _numbers(RATIOS, current)]


def _stops(current: int) -> list[tuple[str, int]]:
    """The stop rule's choices: never, or after N steps without a better test loss."""
    return [
        (t("app.training.stop_steps", steps=whole_number(int(v))) if v else t("app.training.stop_never"), int(v))
        for _, v in _numbers(STOP_AFTER_STEPS, current)
    ]


def _seed_label(seed: int) -> str:
    return t("app.data.regenerate", seed=seed)


class TrainingPanel(Vertical):
    """Lists to choose the data and the hyper-parameters; posts every change up.

    It shows the settings it is given and never keeps its own copy: the
    training session holds them. It may be shown things before its lists
    are mounted: it keeps the last of each and shows them once mounted.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "app.key.leave_panel", show=False)]

    class SettingChanged(Message):
        """The learner chose ``value`` for the setting ``field``."""

        def __init__(self, field: str, value: object) -> None:
            super().__init__()
            self.field = field
            self.value = value

    class Asked(Message):
        """The learner asked for ``what``: "csv" (a file to train on), "batch" (a size to type),
        "regenerate" (new points)."""

        def __init__(self, what: str) -> None:
            super().__init__()
            self.what = what

    def __new__(cls, *args: object, **kwargs: object) -> TrainingPanel:
        return super().__new__(in_language(cls))  # bindings in the current language

    def __init__(self, settings: TrainingSettings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.settings = settings  # what is shown at first; later values come in show()
        self._shown: dict[str, Content] = {}  # the words each Static shows, by selector
        self._status = ""
        self._diagnosis: list[str] = []
        self._steady = False  # training: the words keep the lines they have
        self._held: dict[str, int] = {}  # the lines each Static keeps while steady, by selector
        self._listed_file = settings.data_file  # the CSV file the data list names
        self._features: tuple[tuple[Feature, ...], frozenset[Feature]] = ((), frozenset())
        self._composed = False  # set on mount: the lists and words exist
        # Each list's first Changed echoes the value it was composed with: not the learner's choice.
        self._echoes: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        s, c = self.settings, self.settings.config
        self._echoes = {select_id: s.setting(name) for select_id, name in FIELDS.items()}
        yield Static(id="train-status")
        yield Static(id="train-diagnosis")
        with VerticalScroll(id="train-scroll", can_focus=False):
            with Grid(classes="train-controls"):
                yield Label(t("app.training.data"))
                yield _list(_datasets(s.data_file), s.dataset, "dataset")
                yield Label(t("app.data.ratio"))
                yield _list(_ratios(s.effective_ratio), s.effective_ratio, "ratio")
                yield Label(t("app.training.noise"))
                yield _list(_numbers(NOISE_LEVELS, s.noise), s.noise, "noise")
                yield Label(t("app.data.seed"))
                yield Button(_seed_label(s.effective_data_seed), compact=True, id="data_seed")
            # The inputs the network reads of each point: with the data, as TensorFlow Playground shows them.
            yield Label(t("app.features.title"), id="features-label")
            yield FeatureToggles(id="features")
            with Grid(classes="train-controls"):
                yield Label(t("app.training.learning_rate"))
                yield _list(_numbers(LEARNING_RATES, c.learning_rate), c.learning_rate, "learning_rate")
                yield Label(t("app.training.batch_size"))
                yield _list(_batches(c.batch_size), c.batch_size, "batch_size")
                yield Label(t("app.training.optimizer"))
                yield _list([(n, n) for n in OPTIMIZER_NAMES], c.optimizer, "optimizer")
                yield Label(t("app.training.regularization"))
                yield _list([(_regularization(n), n) for n in REGULARIZATION_NAMES], c.regularization, "regularization")
                yield Label(t("app.training.regularization_rate"))
                yield _list(
                    _numbers(REGULARIZATION_RATES, c.regularization_rate), c.regularization_rate, "regularization_rate"
                )
                yield Label(t("app.training.stop_after"))
                yield _list(_stops(s.stop_after), s.stop_after, "stop_after")
                # What the boundary picture shows: no setting of a training view of pictures (app.tcss).
                yield Label(t("app.data.test_points"), id="show_test-label")
                yield _list([(t("app.data.shown"), True), (t("app.data.hidden"), False)], s.show_test, "show_test")
                yield Label(t("app.data.output"), id="discretize-label")
                yield _list([(t("app.data.shades"), False), (t("app.data.discrete"), True)], s.discretize, "discretize")

    def on_mount(self) -> None:
        if not self.is_attached:  # the app quit as the panel was mounted (ctrl+t then q at once): nothing to show
            return
        self._composed = True
        self.show(self.settings)  # those shown since compose (a setting changed meanwhile)
        self._show_words()
        self.show_features(*self._features)

    def on_key(self, event: events.Key) -> None:
        """An open list stops at its ends: Down on its last value stays there (Textual's lists
        go round, and the learning rate after 10 would be 0.00001)."""
        focused = self.app.focused
        if isinstance(focused, OptionList) and event.key in ("down", "up"):
            end = focused.option_count - 1 if event.key == "down" else 0
            if focused.highlighted == end:
                event.prevent_default()  # before the list's own binding moves it
                event.stop()

    def action_leave(self) -> None:
        self.screen.focus_next(NetworkCanvas)

    def show_status(self, text: str, diagnosis: list[str] | None = None, *, steady: bool = False) -> None:
        """``text``'s lines and the ``diagnosis``'s paragraphs, as they are: outside values already made safe.

        ``steady`` (while training): each keeps at least the lines it has, so that the
        screen's layout stays as it is; shown not steady, each takes the lines it needs again.

        The diagnosis is most pressing first; the first paragraph is always
        shown (cut, if it would leave the lists fewer than MIN_ROWS_UNDER_WARNING
        rows), the next ones while they leave the lists MIN_LIST_ROWS rows.
        """
        self._status, self._diagnosis = text, [f"⚠ {finding}" for finding in diagnosis or []]
        self._steady = steady
        if self._composed:
            self._show_words()

    def on_resize(self) -> None:
        if self._composed:
            self._show_words()  # as many paragraphs as the new height holds

    def _show_words(self) -> None:
        self._update("#train-status", Content(self._status))
        found = self._fitting()
        diagnosis = self.query_one("#train-diagnosis", Static)
        diagnosis.display = bool(found) or (self._steady and diagnosis.display)  # its lines kept, blank
        shown = "\n".join(found)
        # Cut to leave the lists their rows: the whole text where the mouse rests on it.
        whole = "\n".join(self._diagnosis)
        diagnosis.tooltip = whole if shown != whole else None
        self._update("#train-diagnosis", Content(shown))

    def _fitting(self) -> list[str]:
        """The diagnosis's paragraphs that fit above MIN_LIST_ROWS rows of the lists: the first
        always, cut at a line's end with … if it is longer than the room, the next ones whole."""
        width, height = self.content_region.width, self.content_region.height
        if width <= 0 or not self._diagnosis:
            return self._diagnosis[:1]
        wrapped = [Content(text).wrap(width) for text in [self._status, *self._diagnosis]]
        room = height - len(wrapped[0]) - 1 - MIN_LIST_ROWS  # the lists' top margin, then their rows
        first, first_room = wrapped[1], room + MIN_LIST_ROWS - MIN_ROWS_UNDER_WARNING
        if len(first) > max(first_room, 1):  # the warning would push the controls out of view
            kept = [line.plain.rstrip() for line in first[: max(first_room, 1)]]
            kept[-1] = kept[-1][: max(0, width - 1)].rstrip() + "…"
            return ["\n".join(kept)]
        count, used = 1, len(first)
        while count < len(self._diagnosis) and used + len(wrapped[count + 1]) <= room:
            used += len(wrapped[count + 1])
            count += 1
        return self._diagnosis[:count]

    def _update(self, selector: str, content: Content) -> None:
        """Show ``content``; the layout is done again only when its number of lines changes.

        The status changes at every frame while training: a new layout each
        time would cost the whole screen's.
        """
        static = self.query_one(selector, Static)
        before, width = self._shown.get(selector), static.size.width
        if not self._steady and self._held.pop(selector, None) is not None:
            static.styles.min_height = None  # training paused: the lines it needs again
        if before is not None and before.plain == content.plain:
            return
        self._shown[selector] = content
        if self._steady and width > 0:
            held, rows = self._held.get(selector, static.size.height), len(content.wrap(width))
            if rows > held:  # more lines than it has: the one layout, kept from then on
                static.styles.min_height = self._held[selector] = rows
            else:
                self._held[selector] = held
                static.styles.min_height = held  # unchanged when it is the same: no layout
            static.update(content, layout=rows > held)
            return
        same_height = before is not None and width > 0 and len(before.wrap(width)) == len(content.wrap(width))
        static.update(content, layout=not same_height)

    def show(self, settings: TrainingSettings) -> None:
        """Show ``settings`` in the lists (after they changed elsewhere)."""
        self.settings = settings
        if not self._composed:  # compose lists them
            self._listed_file = settings.data_file
            return
        self.query_one("#data_seed", Button).label = _seed_label(settings.effective_data_seed)
        if settings.data_file != self._listed_file:  # another CSV file: the list names it
            self._listed_file = settings.data_file
            datasets = self.query_one("#dataset", Select)
            with datasets.prevent(Select.Changed):
                datasets.set_options(_datasets(settings.data_file))
                # set_options chose the first entry, the new file: its value is the old one's
                # ("csv"), so the list would go on naming the old file. Another value first
                # makes the list draw the new name.
                datasets.value = DATASET_NAMES[0]
                datasets.value = settings.dataset
        for select_id, name in FIELDS.items():
            select = self.query_one(f"#{select_id}", Select)
            value = settings.setting(name)
            if select.value != value:
                with select.prevent(Select.Changed):
                    if name in NUMBER_LISTS and value not in NUMBER_LISTS[name]:
                        select.set_options(self._options(name, value))  # a value the list lacks
                    select.value = value

    def show_features(self, offered: tuple[Feature, ...], active: frozenset[Feature]) -> None:
        """The input features the data's points offer; ``active`` are the network's inputs. Hidden
        when none are offered (the data are a picture's pixels)."""
        self._features = (offered, active)
        if self._composed:
            self.query_one(FeatureToggles).show(offered, active)
            for widget in (self.query_one(FeatureToggles), self.query_one("#features-label")):
                widget.display = bool(offered)  # none for a picture's pixels: nor their title

    @staticmethod
    def _options(name: str, value: object) -> Sequence[tuple[str, object]]:
        # settings.setting gives an object; the one named here is the number each list is built from.
        if name == "ratio":
            return _ratios(cast(int, value))
        if name == "batch_size":
            return _batches(cast(int, value))
        if name == "stop_after":
            return _stops(cast(int, value))
        return _numbers(NUMBER_LISTS[name], cast(float, value))

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        if self._echoes.pop(event.select.id or "", None) == event.value:
            return  # the list's own start, perhaps behind a setting changed meanwhile
        name = FIELDS[event.select.id or ""]
        asked = {("dataset", ASK_CSV): "csv", ("batch_size", ASK_BATCH): "batch"}.get((name, event.value))
        if asked is not None:
            with event.select.prevent(Select.Changed):  # the list shows the setting until the answer
                # assignment: Select.Changed is not generic, so its select's value type is unbound.
                event.select.value = self.settings.setting(name)  # type: ignore[assignment]
            self.post_message(self.Asked(asked))
        elif event.value != self.settings.setting(name):
            self.post_message(self.SettingChanged(name, event.value))

    @on(Button.Pressed, "#data_seed")
    def _regenerate(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Asked("regenerate"))
