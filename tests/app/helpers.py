"""Reading what the playground shows, for assertions on real screen text."""

from __future__ import annotations

import asyncio

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from nntui.app.app import NNTuiApp
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.core.network import Network
from nntui.core.presets import load_preset
from nntui.document.selection import Selection
from tests.factory import random_network

# Keys that empty a text Input: to the start, then delete everything right of it.
CLEAR = ("home", "ctrl+k")


async def enter_text(pilot: Pilot, text: str) -> None:
    """Put ``text`` in the focused prompt's field, then press Enter.

    For a test that is not about typing: Pilot waits for the app after every key, so typing
    a 65-character path key by key costs seconds. Typing itself is tested where it matters.
    """
    field = pilot.app.focused
    assert isinstance(field, Input), f"no text field has the focus: {field!r}"
    field.value = text
    field.cursor_position = len(text)
    await pilot.press("enter")


def big_network() -> Network:
    """The 784-128-10 network of the scale tests: seeded, so snapshots are stable."""
    return random_network((784, 128, 10), activation="relu", output_activation="softmax", seed=1)


def classes_network(classes: int = 10, inputs: int = 16, winner: int = 7) -> Network:
    """A network of ``inputs``-12 (tanh) and a softmax of ``classes`` outputs named 0, 1 …, seeded;
    the output ``winner``'s bias raised so it answers clearly."""
    network = random_network((inputs, 12, classes), activation="tanh", output_activation="softmax", seed=5)
    network.layers[-1].neuron_names = [str(j) for j in range(classes)]
    network.layers[-1].bias[winner] = 2.0
    return network


def preset_app(name: str = "potatoes") -> NNTuiApp:
    return NNTuiApp(load_preset(name), preset=name)


def widget_text(widget: Widget) -> str:
    """The text a widget currently draws, border included, one line per row."""
    size = widget.outer_size
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, size.width, size.height)))


def column_text(canvas: NetworkCanvas, column: int) -> str:
    """The text column ``column`` of the network shows now, one line per row."""
    return "\n".join(canvas.column_lines(column))


def repaints(widget: Widget) -> list[Region]:
    """From now on, every region ``widget`` is asked to repaint (a refresh without regions: all of it)."""
    repainted: list[Region] = []
    refresh = widget.refresh
    whole = Region(0, 0, widget.size.width, widget.size.height)

    def recorded(*regions: Region, **kwargs: bool) -> Widget:
        repainted.extend(regions or [whole])
        return refresh(*regions, **kwargs)

    widget.refresh = recorded  # type: ignore[method-assign]
    return repainted


def selection(app: NNTuiApp) -> Selection:
    return app.query_one(NetworkCanvas).selection


async def train_on_circle(pilot: Pilot) -> None:
    """xor widened to 2-4-1, then 300 training steps on the circle data, drawn (seed 0)."""
    app = pilot.app
    await pilot.press("right", "n", "n", "ctrl+t")
    app.query_one("#dataset").value = "circle"
    await pilot.pause()
    for _ in range(3):
        app.document.training.run(100)
        app.document.training.measure()
    app.document.trained()  # what the view shows after training steps
    await pilot.pause()


async def wait_for_steps(app: NNTuiApp, at_least: int, timeout: float = 10.0) -> None:
    """Until the session has taken ``at_least`` steps (polled), or fail after ``timeout`` s."""
    deadline = asyncio.get_running_loop().time() + timeout
    while app.document.training.steps < at_least:
        assert asyncio.get_running_loop().time() < deadline, "training did not advance"
        await asyncio.sleep(0.02)


async def play_for(pilot: Pilot, steps: int, pause: bool = True) -> None:
    """Play until at least ``steps`` more steps are taken, then pause (or go on playing)."""
    app = pilot.app
    await pilot.press("space")
    await wait_for_steps(app, app.document.training.steps + steps, timeout=20.0)
    if pause:
        await pilot.press("space")
    await pilot.pause()
