"""Every key of the playground in one table, and bindings in the current language.

Textual wants key bindings declared on classes (``BINDINGS``) and merges them
once, when the class is created.  Our descriptions and tooltips are message
keys, and the language is chosen after import (at start, or per test), so a
node class with translated bindings is instantiated as a subclass made for
the current language (:func:`in_language`), whose ``BINDINGS`` are the
translated copies.  This uses only Textual's public class attributes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import TypeVar, cast

from textual.binding import Binding

from nntui.core.image import INK_STEP
from nntui.i18n import has, language, t

N = TypeVar("N", bound=type)


def _key(
    keys: str,
    action: str,
    description: str,
    tooltip: str,
    *,
    display: str | None = None,
    show: bool = True,
    priority: bool = False,
) -> Binding:
    """One row of a key table; ``description`` (the footer's word) and ``tooltip`` are message keys."""
    return Binding(keys, action, description, key_display=display, show=show, priority=priority, tooltip=tooltip)


# The playground's keys, in the help screen's order.  "app." actions are the
# App's (quitting, help); the rest are PlaygroundScreen's.
PLAYGROUND_KEYS: list[Binding] = [
    _key("left,h", "move_column(-1)", "app.key.prev_layer", "app.key.prev_layer.help", show=False),
    _key("right,l", "move_column(1)", "app.key.next_layer", "app.key.next_layer.help", show=False),
    _key("up,k", "move_neuron(-1)", "app.key.prev_neuron", "app.key.prev_neuron.help", show=False),
    _key("down,j", "move_neuron(1)", "app.key.next_neuron", "app.key.next_neuron.help", show=False),
    _key("pageup", "move_neuron(-10)", "app.key.up_10", "app.key.up_10.help", show=False),
    _key("pagedown", "move_neuron(10)", "app.key.down_10", "app.key.down_10.help", show=False),
    _key("right_square_bracket", "cycle_param(1)", "app.key.next_weight", "app.key.next_weight.help", display="]"),
    _key(
        "left_square_bracket",
        "cycle_param(-1)",
        "app.key.prev_weight",
        "app.key.prev_weight.help",
        display="[",
        show=False,
    ),
    # In the training view of pictures, [ and ] page through the test images read wrong instead.
    _key("right_square_bracket", "page_mistakes(1)", "app.key.next_mistake", "app.key.next_mistake.help", display="]"),
    _key(
        "left_square_bracket",
        "page_mistakes(-1)",
        "app.key.prev_mistake",
        "app.key.prev_mistake.help",
        display="[",
        show=False,
    ),
    _key("i", "load_mistake", "app.key.load_mistake", "app.key.load_mistake.help", show=False),
    _key("asterisk", "change_step(1)", "app.key.step_up", "app.key.step_up.help", display="*", show=False),
    _key("slash", "change_step(-1)", "app.key.step_down", "app.key.step_down.help", display="/", show=False),
    _key("plus,equals_sign", "nudge(1)", "app.key.change", "app.key.change.help", display="+/-"),
    _key("minus", "nudge(-1)", "app.key.minus", "app.key.minus.help", display="-", show=False),
    _key("enter,e", "prompt_value", "app.key.type", "app.key.type.help", display="⏎"),
    _key("a", "cycle_activation", "app.key.activation", "app.key.activation.help"),
    _key("question_mark,f1", "app.help", "app.key.help", "app.key.help.help", display="?"),
    _key("u,ctrl+z", "undo", "app.key.undo", "app.key.undo.help", display="u"),
    _key("ctrl+r,ctrl+y", "redo", "app.key.redo", "app.key.redo.help", display="^r", show=False),
    _key("ctrl+s", "save", "app.key.save", "app.key.save.help", display="^s"),
    _key("q,ctrl+q", "app.quit_app", "app.key.quit", "app.key.quit.help", display="q"),
    _key("n", "add_neuron", "app.key.add", "app.key.add.help", show=False),
    _key("d,delete", "remove_neuron", "app.key.remove", "app.key.remove.help", display="d", show=False),
    _key("N", "insert_layer", "app.key.add_layer", "app.key.add_layer.help", show=False),
    _key("D", "remove_layer", "app.key.remove_layer", "app.key.remove_layer.help", show=False),
    # On an input picture (a network whose inputs are an image), c clears it; elsewhere it renames.
    _key("c", "draw('clear')", "app.key.clear_picture", "app.key.clear_picture.help", show=False),
    _key("c,f2", "rename_neuron", "app.key.rename", "app.key.rename.help", show=False),
    _key("C", "rename_layer", "app.key.rename_layer", "app.key.rename_layer.help", show=False),
    _key("r", "randomize(False)", "app.key.randomize_neuron", "app.key.randomize_neuron.help", show=False),
    _key("R", "randomize(True)", "app.key.randomize_layer", "app.key.randomize_layer.help", show=False),
    _key("z", "zero(False)", "app.key.zero_neuron", "app.key.zero_neuron.help", show=False),
    _key("Z", "zero(True)", "app.key.zero_layer", "app.key.zero_layer.help", show=False),
    _key("f", "choose_activation", "app.key.choose_activation", "app.key.choose_activation.help", show=False),
    _key("ctrl+o", "open", "app.key.open", "app.key.open.help", show=False),
    _key("f12,ctrl+shift+s", "save_as", "app.key.save_as", "app.key.save_as.help", display="F12", show=False),
    _key("ctrl+e", "export", "app.key.export", "app.key.export.help", show=False),
    # A priority binding too: a space right behind it (one write) is looked at once the view is open.
    # Textual checks priority keys as they arrive, the others after the focused widget has seen them.
    _key("ctrl+t,f5", "toggle_training", "app.key.train", "app.key.train.help", display="^t", priority=True),
    # A priority binding: space plays and pauses even when a list has focus.
    _key("space", "play_pause", "app.key.play_pause", "app.key.play_pause.help", display="␣", priority=True),
    # Outside the training view, on an input picture: space adds ink, backspace takes it away.
    _key("space", f"draw('ink',{INK_STEP:g})", "app.key.ink", "app.key.ink.help", display="␣", show=False),
    _key("backspace", f"draw('ink',{-INK_STEP:g})", "app.key.erase", "app.key.erase.help", display="⌫", show=False),
    *[
        _key(str(d), f"draw('digit',{d})", "app.key.digit", "app.key.digit.help", display="0-9", show=False)
        for d in range(10)
    ],
    _key("s", "train_step", "app.key.step", "app.key.step.help"),
    _key("x", "reset_weights", "app.key.reset", "app.key.reset.help"),
    _key("full_stop", "step_setting('learning_rate',1)", "app.key.rate", "app.key.rate_up.help", display=",/."),
    _key(
        "comma",
        "step_setting('learning_rate',-1)",
        "app.key.rate_down",
        "app.key.rate_down.help",
        display=",",
        show=False,
    ),
    _key(
        "greater_than_sign",
        "step_setting('regularization_rate',1)",
        "app.key.reg_rate",
        "app.key.reg_up.help",
        display="</>",
    ),
    _key(
        "less_than_sign",
        "step_setting('regularization_rate',-1)",
        "app.key.reg_down",
        "app.key.reg_down.help",
        display="<",
        show=False,
    ),
    _key("G", "regenerate_data", "app.key.regenerate", "app.key.regenerate.help", show=False),
    _key("ctrl+l", "toggle_log_scale", "app.key.log_scale", "app.key.log_scale.help", display="^l", show=False),
    _key("t", "tour", "app.key.tour", "app.key.tour.help", show=False),
    # Not in the footer: at 80 columns it is full (the French footer fits to 2 columns).
    _key("T", "toggle_learning('truth')", "app.key.truth", "app.key.truth.help", show=False),
    _key("v", "truth_range", "app.key.truth_range", "app.key.truth_range.help", show=False),
    _key("g", "choose_challenge", "app.key.challenge", "app.key.challenge.help", show=False),
    _key("b", "toggle_learning('backward')", "app.key.backward", "app.key.backward.help", show=False),
    _key("B", "gradient_step", "app.key.gradient_step", "app.key.gradient_step.help", show=False),
    _key("y", "set_target", "app.key.target", "app.key.target.help", show=False),
    _key("L", "toggle_learning('slice')", "app.key.slice", "app.key.slice.help", show=False),
]
TRAINING_ONLY = frozenset(
    {"play_pause", "train_step", "reset_weights", "toggle_log_scale", "regenerate_data", "step_setting"}
)
PICTURES = frozenset({"page_mistakes", "load_mistake"})  # keys of the training view of pictures
CURSOR_ACTIONS = ("move_column", "move_neuron", "cycle_param", "change_step")


def footer_order(keys: list[Binding]) -> list[Binding]:
    """``keys`` as the footer shows them: the cursor's, then Quit, then the rest."""
    cursor = [b for b in keys if b.action.startswith(CURSOR_ACTIONS)]
    quitting = [b for b in keys if b.action == "app.quit_app"]
    return cursor + quitting + [b for b in keys if b not in cursor and b not in quitting]


def translated(binding: Binding) -> Binding:
    """``binding`` with its description and tooltip looked up when they are message keys."""
    description = t(binding.description) if has(binding.description) else binding.description
    tooltip = t(binding.tooltip) if binding.tooltip and has(binding.tooltip) else binding.tooltip
    return replace(binding, description=description, tooltip=tooltip)


def translated_list(bindings: Iterable[object]) -> list[Binding]:
    """Class-level BINDINGS as translated Binding objects (for help and the palette)."""
    return [translated(b) for b in bindings if isinstance(b, Binding)]


def in_language(cls: N) -> N:
    """``cls``, or its subclass for the current language when it has translatable bindings."""
    if cls.__dict__.get("_nntui_language") is not None:
        return cls  # already made for a language
    # type() makes a subclass of cls, which mypy cannot see through @cache and type().
    return cast(N, _subclass(cls, language()))


@cache
def _subclass(cls: type, lang: str) -> type:
    bindings = [b for base in reversed(cls.__mro__) for b in base.__dict__.get("BINDINGS", [])]
    namespace = {
        "BINDINGS": translated_list(bindings),
        "_nntui_language": lang,
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
    }
    return type(cls.__name__, (cls,), namespace)
