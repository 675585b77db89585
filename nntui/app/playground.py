"""The playground screen: the network, its details, the training view.

The screen owns the playground's key bindings (``nntui.app.keys``), its
widgets and its controllers; the :class:`Document` owns the state.  A key
runs one of the actions below, which asks a controller to change the
document; the document tells the screen what changed, and the screen sends
the new state down to every widget in the same frame.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Header, Static

from nntui.app.borders import set_border
from nntui.app.controllers.data import DataController
from nntui.app.controllers.drawing import DrawingController
from nntui.app.controllers.edits import EditsController
from nntui.app.controllers.files import FilesController
from nntui.app.controllers.learning import LearningController
from nntui.app.controllers.tour import TourController
from nntui.app.controllers.training import TrainingController
from nntui.app.keys import CURSOR_ACTIONS, PICTURES, PLAYGROUND_KEYS, TRAINING_ONLY, footer_order, in_language
from nntui.app.status_line import status_line
from nntui.app.text import plain, safe
from nntui.app.training_widgets import TrainingWidgets
from nntui.app.widgets.backward_panel import BackwardPanel
from nntui.app.widgets.challenge_bar import ChallengeBar
from nntui.app.widgets.feature_toggles import FeatureToggles
from nntui.app.widgets.inspector import Inspector
from nntui.app.widgets.key_bar import KeyBar
from nntui.app.widgets.loss_slice_panel import LossSlicePanel
from nntui.app.widgets.mistakes_view import MistakesView
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.app.widgets.outputs import OutputsPanel
from nntui.app.widgets.tour_panel import TourPanel
from nntui.app.widgets.training_panel import TrainingPanel
from nntui.app.widgets.truth_table import TruthTablePanel
from nntui.document.document import Change, Document
from nntui.document.recovery import RecoveryStore
from nntui.document.selection import Selection
from nntui.i18n import t

MIN_WIDTH, MIN_HEIGHT = 60, 16
METRICS_HEIGHT = 34  # below it the metrics panel is hidden: the chart keeps its rows (accuracy, R² stay in the status)
WIDE = 160  # from it the metrics panel stands beside the loss chart, not under it


class PlaygroundScreen(Screen[None]):
    """One network to explore with the keyboard, and to train."""

    BINDINGS: ClassVar[list[BindingType]] = [*footer_order(PLAYGROUND_KEYS)]

    def __new__(cls, *args: object, **kwargs: object) -> PlaygroundScreen:
        return super().__new__(in_language(cls))  # bindings in the current language

    def __init__(self, document: Document, recovery: RecoveryStore, *, training_view: bool = False) -> None:
        """``training_view``: open on the training view (data was given to train on)."""
        super().__init__()
        self._open_training = training_view
        self.document = document
        self.files = FilesController(self, document, recovery)
        self.edits = EditsController(self, document)
        self.drawing = DrawingController(self, document)
        self._stale = False  # a controller's shown state changed since the views were last derived
        self.training_widgets = TrainingWidgets(self)  # the training view's, at its first ctrl+t
        self.training = TrainingController(self, document, self.views_stale)
        self.data = DataController(self, document, self.training)
        self.learning = LearningController(self, document, self.files, self.training, self.views_stale)
        self.tour = TourController(self, document, self.files, self.learning, self.training)
        document.add_listener(self._document_changed)

    # --- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        doc = self.document
        # The size classes from the start: set at the first resize instead, each one restyles
        # every widget on the screen.
        self._set_size_classes(self.app.size, update=False)
        yield Header(icon="◉")
        with Vertical(id="main"):
            yield TourPanel(id="tour")
            yield ChallengeBar(id="challenge")
            yield NetworkCanvas(doc.network, doc.result, id="network")
            with Horizontal(id="panels"):
                yield OutputsPanel(id="outputs")
                yield TruthTablePanel(id="truth")
                yield Inspector(id="inspector")
                yield BackwardPanel(id="backward")
                yield LossSlicePanel(id="slice")
            with Horizontal(id="training"):  # its widgets come with the first ctrl+t (training_widgets)
                yield Vertical(id="train-results")  # the metrics under the chart, or beside it on a wide screen
            yield Static(id="status")
        yield Static(id="too-small")
        yield KeyBar(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(NetworkCanvas).focus()
        self.refresh_views()
        if self._open_training:
            self.action_toggle_training()
            if self.document.training.dataset.note:  # the data given to train on: how it was read
                self.training.tell_data_note()

    def on_resize(self, event: Resize) -> None:
        if self.training.pictures:  # what fits beside the training panel (controllers/image_results.py)
            self.views_stale()
        size = event.size
        if self._set_size_classes(size):
            self.query_one("#too-small", Static).update(
                t("app.too_small", width=size.width, height=size.height, min_width=MIN_WIDTH, min_height=MIN_HEIGHT)
            )

    def _set_size_classes(self, size: Size, update: bool = True) -> bool:
        """The screen's classes for a terminal of ``size``; returns whether it is too small."""
        too_small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        self.set_class(too_small, "-too-small", update=update)
        self.set_class(size.height < METRICS_HEIGHT, "-short", update=update)
        self.set_class(size.width >= WIDE, "-wide", update=update)
        return too_small

    # --- the document, shown ----------------------------------------------------------------

    def _document_changed(self, change: Change) -> None:
        if not self.is_attached:  # shutting down
            return
        self.training.document_changed(change)  # before the views read its numbers
        self.learning.document_changed(change)  # so too its edit count and the last step's moves
        if change is Change.MOVED:
            view = self.query_one(NetworkCanvas)
            view.show(self.document.network, self.document.result, self.document.selection, view.maps)
            self.refresh_details()
        else:
            self.refresh_views()
        self.files.document_changed(change)

    def views_stale(self) -> None:
        """A controller's shown state changed (``nntui.app.shown``): every view is derived again
        once the message being handled is done, once however many changes it made."""
        if not self._stale:
            self._stale = True
            self.call_later(self._derive_if_stale)

    def _derive_if_stale(self) -> None:
        if self._stale and self.is_attached:
            self.refresh_views()

    def refresh_views(self) -> None:
        """Every view from the document's current state and the controllers', in the same frame."""
        self._stale = False
        self._show_classes()
        doc = self.document
        self.query_one(NetworkCanvas).show(doc.network, doc.result, doc.selection, self.training.maps())
        if not self.training.active:  # hidden behind the training panel otherwise
            self.query_one(OutputsPanel).show(doc.network, doc.result)
        if not self.training.picture_only:  # a frame of training shows the numbers at reading speed only
            self.refresh_details()
        self.training.show()

    def refresh_details(self) -> None:
        """The inspector, the title and the status line; then the tour's check."""
        doc = self.document
        if not self.training.active:  # hidden behind the training panel otherwise
            self.query_one(Inspector).show(doc.network, doc.result, doc.selection)
        modified = " " + t("app.document.modified") if doc.modified else ""
        # The Header shows the sub-title as it is (no markup); its characters made visible here.
        self.app.sub_title = f"{safe(doc.network.name)} — {safe(doc.label)}{modified}"
        line = status_line(self.document, self.size.width - 2)  # the line's padding
        self.query_one("#status", Static).update(plain(line), layout=False)  # one line, always
        self.learning.show(panels=not self.training.active)  # the challenge bar stays in the training view
        folded = () if self.training.active else self.learning.folded
        set_border(  # only when it changes: the whole network would be drawn again otherwise
            self.query_one(NetworkCanvas),
            subtitle=t("app.panels.folded", panels=", ".join(t(f"app.panels.{name}") for name in folded))
            if folded
            else "",
        )
        self.tour.check()

    def _show_classes(self) -> None:
        """The screen's classes, which say which panels the stylesheet shows, from the state."""
        learning = self.learning
        self.set_class(learning.challenge is not None, "-challenge")
        self.set_class(self.training.pictures, "-images")  # the training view of pictures (app.tcss)
        if self.has_class("-training") != self.training.active:
            self.set_class(self.training.active, "-training")
            self.refresh_bindings()  # the training view's own keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a dialog (help, a prompt, the palette) is over the playground, the
        # document stays still: a letter pressed there never edits the network.
        if not self.is_active and action not in CURSOR_ACTIONS:
            return False
        if action == "draw":  # on an input picture only (c renames a neuron elsewhere); a digit anywhere
            return self.drawing.allows(str(parameters[0]))
        if action in PICTURES or action == "cycle_param":  # [ and ] page the images read wrong there
            return self.training.pictures == (action in PICTURES)
        return action not in TRAINING_ONLY or self.training.active

    # --- the cursor ---------------------------------------------------------------------------

    def action_move_column(self, delta: int) -> None:
        doc = self.document
        doc.select(doc.selection.move_column(doc.network, delta))

    def action_move_neuron(self, delta: int) -> None:
        doc = self.document
        doc.select(doc.selection.move_neuron(doc.network, delta))

    def action_cycle_param(self, delta: int) -> None:
        doc = self.document
        doc.select(doc.selection.cycle_param(doc.network, delta))

    def action_change_step(self, direction: int) -> None:
        self.document.change_step(direction)

    @on(NetworkCanvas.NeuronClicked)
    def _neuron_clicked(self, message: NetworkCanvas.NeuronClicked) -> None:
        self.query_one(NetworkCanvas).focus()
        selection = self.document.selection
        if (message.column, message.neuron) != (selection.column, selection.neuron):
            self.document.select(Selection(message.column, message.neuron, 0))

    @on(NetworkCanvas.WeightClicked)
    def _weight_clicked(self, message: NetworkCanvas.WeightClicked) -> None:
        self.query_one(NetworkCanvas).focus()
        self.document.select(Selection(message.column, message.neuron, message.source))

    @on(NetworkCanvas.PixelPainted)
    def _pixel_painted(self, message: NetworkCanvas.PixelPainted) -> None:
        self.drawing.paint(message.pixel, start=message.start)

    def action_draw(self, what: str, value: float = 0.0) -> None:
        self.drawing.draw(what, value)

    # --- edits (nntui.app.controllers.edits) ---------------------------------------------------

    def action_nudge(self, direction: int) -> None:
        self.edits.nudge(direction)

    def action_prompt_value(self) -> None:
        self.edits.prompt_value()

    def action_cycle_activation(self) -> None:
        self.edits.cycle_activation()

    def action_choose_activation(self) -> None:
        self.edits.choose_activation()

    def action_undo(self) -> None:
        self.edits.undo()

    def action_redo(self) -> None:
        self.edits.redo()

    def action_add_neuron(self) -> None:
        self.edits.add_neuron()

    def action_remove_neuron(self) -> None:
        self.edits.remove_neuron()

    def action_insert_layer(self) -> None:
        self.edits.insert_layer()

    def action_remove_layer(self) -> None:
        self.edits.remove_layer()

    def action_rename_neuron(self) -> None:
        self.edits.rename_neuron()

    def action_rename_layer(self) -> None:
        self.edits.rename_layer()

    def action_randomize(self, whole_layer: bool) -> None:
        self.edits.randomize(whole_layer)

    def action_zero(self, whole_layer: bool) -> None:
        self.edits.zero(whole_layer)

    # --- files (nntui.app.controllers.files) ------------------------------------------------------

    def action_save(self) -> None:
        self.files.save_then()

    def action_save_as(self) -> None:
        self.files.save_as()

    def action_open(self) -> None:
        self.files.open()

    def action_open_preset(self, name: str) -> None:
        self.files.open_preset(name)

    def action_export(self) -> None:
        self.files.export()

    # --- training (nntui.app.controllers.training) -----------------------------------------------

    def action_toggle_training(self) -> None:
        self.training_widgets.build(self.document.training.settings)
        self.training.toggle()
        if not self.training.active:  # a control of the hidden panel would keep the keys
            self.query_one(NetworkCanvas).focus()

    def action_play_pause(self) -> None:
        self.training.play_pause()

    def action_train_step(self) -> None:
        self.training.step()

    def action_reset_weights(self) -> None:
        self.training.reset_weights()

    def action_toggle_log_scale(self) -> None:
        self.training.toggle_log_scale()

    def action_step_setting(self, name: str, direction: int) -> None:
        self.training.step_setting(name, direction)

    def action_regenerate_data(self) -> None:
        self.data.regenerate()

    def action_page_mistakes(self, delta: int) -> None:
        self.training.images.page(delta)

    def action_load_mistake(self) -> None:
        self.training.images.load()

    @on(MistakesView.Chosen)
    def _mistake_chosen(self, message: MistakesView.Chosen) -> None:
        self.training.images.load(message.sample)

    @on(TrainingPanel.SettingChanged)
    def _setting_changed(self, message: TrainingPanel.SettingChanged) -> None:
        self.training.change_setting(message.field, message.value)  # the focus stays: Escape leaves

    @on(FeatureToggles.Toggled)
    def _feature_toggled(self, message: FeatureToggles.Toggled) -> None:
        self.training.toggle_feature(message.feature)

    @on(TrainingPanel.Asked)
    def _panel_asked(self, message: TrainingPanel.Asked) -> None:
        self.query_one(NetworkCanvas).focus()  # where the keys go once the prompt is answered
        self.data.ask(message.what)

    # --- learning by doing (nntui.app.controllers.learning) ----------------------------------------

    def action_toggle_learning(self, panel: str) -> None:
        self.learning.toggle(panel)

    def action_truth_range(self) -> None:
        self.learning.choose_range()

    @on(TruthTablePanel.RowClicked)
    def _truth_row_clicked(self, message: TruthTablePanel.RowClicked) -> None:
        self.learning.use_row(message.row)

    def action_choose_challenge(self) -> None:
        self.learning.choose()

    def action_gradient_step(self) -> None:
        self.learning.step()

    def action_set_target(self) -> None:
        self.learning.set_target()

    # --- the guided tour (nntui.app.controllers.tour) ---------------------------------------------

    def action_tour(self) -> None:
        self.tour.toggle()
