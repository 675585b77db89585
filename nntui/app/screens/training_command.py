"""The palette's "Copy the training command": the ``nntui train`` line of this experiment.

The line trains the document's file, as saved, with the training settings
shown and for the steps taken since it was saved (nntui.document.experiment
makes it).  It is shown in a dialog and copied with Textual's
``App.copy_to_clipboard``.  A network not yet in a file has no such line:
the dialog says to save it first.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, Static

from nntui.app.screens.dialog import Dialog
from nntui.app.text import plain, safe
from nntui.core.plural import counted
from nntui.document.document import Document
from nntui.document.experiment import DEFAULT_COMMAND_STEPS, command_line, output_name, train_command
from nntui.i18n import t


class TrainingCommand(Dialog[None]):
    """Shows the command (when there is one) and what it does; any of its keys closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q", "close", "app.experiment.close")]
    DEFAULT_CSS = """
    TrainingCommand {
        align: center middle;
    }
    TrainingCommand .prompt {
        width: 90;
    }
    TrainingCommand #command {
        margin: 1 0;
        padding: 0 1;
        background: $boost;
        text-style: bold;
    }
    """

    def __init__(self, command: str | None, notes: list[str]) -> None:
        super().__init__()
        self.command = command
        self.notes = notes

    @classmethod
    def of(cls, document: Document) -> TrainingCommand:
        """The dialog for ``document``'s file and current training settings."""
        path = document.path
        if path is None:
            return cls(None, [t("app.experiment.no_file")])
        steps = document.steps_since_saved
        notes: list[str] = []
        explain = t(
            "app.experiment.explain",
            file=safe(path.name),
            steps=counted("app.experiment.steps", steps or DEFAULT_COMMAND_STEPS),
            output=safe(output_name(path).name),
        )
        notes.append(explain)
        command = command_line(train_command(path, document.training.settings, steps or DEFAULT_COMMAND_STEPS))
        notes.append(t("app.experiment.since_saved") if steps else t("app.experiment.no_steps"))
        if document.modified:
            notes.append(t("app.experiment.unsaved"))
        return cls(command, notes)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt"):
            yield Label(t("app.experiment.title"), classes="prompt-title")
            yield Label(plain(self.notes[0]))
            if self.command is not None:
                # The whole line, however long: it is what is copied.
                yield Static(plain(self.command, None), id="command")
                for note in self.notes[1:]:
                    yield Label(plain(note), classes="prompt-hint")
                yield Label(t("app.experiment.copied"), classes="prompt-hint")
            yield Label(t("app.experiment.keys"), classes="prompt-keys")

    def action_close(self) -> None:
        self.answer(None)


def show_training_command(screen: Screen[Any], document: Document) -> None:
    """Pause training, then show the training command of ``document`` and copy it."""
    document.settle()  # the steps taken stay as shown
    dialog = TrainingCommand.of(document)
    if dialog.command is not None:
        screen.app.copy_to_clipboard(dialog.command)
    screen.app.push_screen(dialog)
