"""Hostile text for the playground: names and typed values that look like markup,
carry terminal escape sequences or control characters, or are very long.

``screen_lines`` reads what the terminal would receive: the text of every
segment of the composited screen (dialogs and toasts included), so a test
can check that an outside string shows as its safe form and that no ESC or
other control character from the data reaches the terminal.
"""

from __future__ import annotations

import re

from textual.app import App
from textual.strip import Strip

from nntui.core.network import Network
from nntui.core.presets import load_preset

# Markup that Textual would parse, or choke on.
MARKUP = [
    "[x=",
    "[x=1",
    "[/]",
    "a[b=c",
    "[bold red]x[/]",
    "[link=https://example.com]x[/link]",
    "[b]",
    "[@click=app.quit]q[/]",
]
# Sequences that command a terminal, and characters that garble a row.
ESCAPES = [
    "\x1b]0;PWNED\x07",  # OSC 0: the window title
    "\x1b]52;c;cHduZWQ=\x07",  # OSC 52: the clipboard
    "\x1b[2J",  # clear the screen
    "\x1b[31mred",  # a colour
    "\x9b2J",  # the same, with a C1 CSI
    "a\nb",
    "a\rb",
    "tab\there",
    "bell\x07",
    "nul\x00",
    "del\x7f",
    "\u202eevil",  # right-to-left override
    "\u2066iso\u2069",
    "rlm\u200f",
    "line\u2028sep",
    "\ud800",  # a lone surrogate, legal in a JSON file
]
# Characters a hostile alphabet draws from.
ALPHABET = "[]=/\\:@#ab xy\x1b\x07\x00\x9b\n\r\t\u202e\u200f\u2066\u2069\u2028é中"

# Any C0 or C1 control (what a terminal obeys), and the bidi controls.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]")


def named(network: Network, names: list[str]) -> Network:
    """``network`` (a copy) with its name, layers, neurons and inputs named from ``names``, in turn."""
    new = network.copy()
    pool = iter(names * (1 + 64 // max(len(names), 1)))
    new.name = next(pool)
    new.input_names = [next(pool) + f"·{i}" for i in range(len(new.input_names))]
    for layer in new.layers:
        layer.name = next(pool)
        layer.neuron_names = [next(pool) + f"·{j}" for j in range(layer.n_out)]
    return new


def hostile_network(names: list[str], preset: str = "layers") -> Network:
    return named(load_preset(preset), names)


def screen_lines(app: App[object]) -> list[str]:
    """The screen as the terminal gets it: the text of each row, without the styles."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    # A row is one Strip in older Textual (6.3, the floor), a list of Strips in newer (8.2).
    rows = [[line] if isinstance(line, Strip) else line for line in update.strips]
    return ["".join(segment.text for strip in row for segment in strip) for row in rows]


def assert_clean(app: App[object]) -> str:
    """No control character in any segment of the screen; returns the screen's text."""
    lines = screen_lines(app)
    for line in lines:
        found = CONTROL.search(line)
        assert found is None, f"{found.group()!r} reaches the terminal: {line!r}"
    return "\n".join(lines)
