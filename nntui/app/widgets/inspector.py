"""The inspector: the selected neuron's formula with its real numbers.

A neuron of a softmax layer has its y written out too: e^z, the sum of the
layer's e^z and their quotient, with words beside them where there is room.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group
from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Region
from textual.widgets import Static

from nntui.app import palette
from nntui.app.borders import set_border
from nntui.app.probabilities import SoftmaxParts, percent, softmax_parts
from nntui.app.text import fit, plain, safe
from nntui.core.network import ForwardResult, Network
from nntui.core.numbers import format_value
from nntui.document.selection import Selection
from nntui.i18n import t

WINDOW = 5  # incoming connections listed around the selected one
NAME_WIDTH = 13  # the name column at least; wider when the names are and the panel has room
NUMBERS = 1 + 6 + 3 + 6 + 3 + 6  # right of a name: a space, xᵢ, " × ", wᵢ, " = ", xᵢ·wᵢ


def needed_width(network: Network, selection: Selection, whole: bool = False) -> int:
    """The inspector's width for its numbers whole beside names of NAME_WIDTH, or with ``whole``
    beside its names whole (border and padding included): what the panels beside it leave it."""
    k = selection.column
    if not whole or k == 0:
        return 4 + 2 + NAME_WIDTH + NUMBERS
    return 4 + 2 + max(NAME_WIDTH, _longest_name(network, k - 1)) + NUMBERS


_longest_names: dict[tuple[object, ...], int] = {}


def _longest_name(network: Network, k: int) -> int:
    """Cells of the longest name in column ``k``, remembered while its names stay the same: the
    panel row asks on every edit, and a 784-neuron layer's names take milliseconds to measure."""
    names = network.input_names if k == 0 else network.layers[k - 1].neuron_names
    size = len(network.input_names) if k == 0 else network.layers[k - 1].n_out
    key = (k, len(network.layers), size, None if names is None else tuple(names))
    found = _longest_names.get(key)
    if found is None:
        if len(_longest_names) > 64:  # a handful of networks in a session: never a leak
            _longest_names.clear()
        found = max((cell_len(safe(network.neuron_name(k, i))) for i in range(size)), default=0)
        _longest_names[key] = found
    return found


def _num(value: float, *, selected: bool = False) -> Text:
    style = palette.value_style(value, 1.0, bold=selected, reverse=selected)
    return Text(format_value(value, 6), style=style)


def _name(text: str, width: int, *, selected: bool = False) -> Text:
    """The name in a column of ``width`` cells (shortened with … if longer), then a space."""
    return Text(fit(text, width) + " ", style="bold" if selected else "")


def _still_matches(network: Network, result: ForwardResult, selection: Selection) -> bool:
    """Whether ``result`` and ``selection`` still fit ``network``, which edits change in place."""
    sizes = network.sizes
    return (
        len(result.activations) == len(sizes)
        and all(len(values) == size for values, size in zip(result.activations, sizes))
        and selection.column < len(sizes)
        and selection.neuron < sizes[selection.column]
    )


class Inspector(Static):
    """y = f(Σ xᵢ·wᵢ + b) for the selected neuron, one line per connection."""

    _shape: object = None  # what decides the height: which neuron, how many inputs
    _shown: tuple[Network, ForwardResult, Selection] | None = None
    _lines: tuple[Text, ...] = ()  # what it says, one Text a line (or more, where a Text wraps)
    _drawn: list[tuple[object, ...]] | None = None  # what each of those says: drawn again only when it changes

    def on_resize(self) -> None:
        # The name column follows the room there is. A network reshaped in place since it was shown
        # (the screen shows the new one next) is not drawn with the old selection and numbers.
        if self._shown is not None and _still_matches(*self._shown):
            self._shape = None
            self.show(*self._shown)

    def show(self, network: Network, result: ForwardResult, selection: Selection) -> None:
        self._shown = (network, result, selection)
        k, j = selection.column, selection.neuron
        title = t("app.inspector.title", name=safe(network.neuron_name(k, j)), layer=safe(network.layer_title(k)))
        set_border(self, title=plain(title))  # only when it changes: each assignment repaints the panel
        # A new layout only when the height may change; new numbers need none.
        softmax = k > 0 and network.layers[k - 1].activation == "softmax"
        shifted = softmax and softmax_parts(result.pre_activations[k - 1], j).shifted
        shape = (k, j, network.sizes[max(k - 1, 0)], selection.param, softmax, shifted)
        layout, self._shape = shape != self._shape, shape
        lines = self._input_view(network, j) if k == 0 else self._neuron_view(network, result, selection)
        # A change that leaves the text as it was (a weight of a later layer, the step of + and -) draws
        # nothing again; one that changes some numbers, only their rows (the terminal is sent those).
        drawn = [_text_key(line) for line in lines]
        before, self._drawn, self._lines = self._drawn, drawn, tuple(lines)
        rows = None if layout or before is None else _changed_rows(before, drawn, self.size.width)
        if rows is None:
            self.refresh(layout=layout)
        elif rows:
            self.refresh(*(Region(0, y, self.size.width, 1) for y in rows))

    def render(self) -> RenderResult:
        return Group(*self._lines)

    def _input_view(self, network: Network, i: int) -> list[Text]:
        value = Text.assemble(
            t("app.inspector.input_value") + " x = ", _num(float(network.input_values[i]), selected=True)
        )
        explanation = t("app.inspector.input_explanation")
        if network.features is not None and network.point is not None:  # computed from the point
            point = ", ".join(f"x{n + 1} = {format_value(float(v), 6).strip()}" for n, v in enumerate(network.point))
            value.append(" " + t("app.inspector.feature", feature=network.features[i].label, point=point))
            explanation = t("app.inspector.feature_explanation", coordinate=f"x{network.knob(i) + 1}")
        return [
            Text.assemble(
                (t("app.inspector.input_neuron") + " ", "bold"), (safe(network.input_names[i]), "bold underline")
            ),
            value,
            Text(""),
            Text(explanation, style="dim"),
        ]

    def _neuron_view(self, network: Network, result: ForwardResult, selection: Selection) -> list[Text]:
        k, j = selection.column, selection.neuron
        layer = network.layers[k - 1]
        x = result.activations[k - 1]
        terms = network.contributions(k - 1, x)[j]
        f = layer.activation
        source = selection.weight_source(network)
        parts = softmax_parts(result.pre_activations[k - 1], j) if f == "softmax" else None
        # The softmax's lines take the place of some incoming connections: the panel's height stays.
        window = WINDOW if parts is None else WINDOW - (3 if parts.shifted else 2)

        n_in = layer.n_in
        focus = source if source is not None else n_in - 1
        first = max(0, min(focus - window // 2, n_in - window))
        last = min(n_in, first + window)
        formula = f"y = {f}(Σ xᵢ·wᵢ + b)"
        shown = ""
        if last - first < n_in:
            shown = "  " + t("app.inspector.window", first=first + 1, last=last, count=n_in)
            if 0 < self.content_size.width < cell_len(formula + shown):  # on one line, or it hides the last
                shown = "  " + t("app.inspector.window_short", first=first + 1, last=last, count=n_in)
        width = self._name_width([network.neuron_name(k - 1, i) for i in range(first, last)])
        lines: list[Text] = [
            Text.assemble((formula, "bold"), (shown, "dim")),
            Text("  " + fit(t("app.inspector.from"), width) + "     xᵢ" + "      wᵢ" + "   xᵢ·wᵢ", style="dim"),
        ]
        for i in range(first, last):
            chosen = i == source
            lines.append(
                Text.assemble(
                    "▶ " if chosen else "  ",
                    _name(network.neuron_name(k - 1, i), width, selected=chosen),
                    _num(float(x[i])),
                    " × ",
                    _num(float(layer.weights[j, i]), selected=chosen),
                    " = ",
                    _num(float(terms[i])),
                )
            )
        bias_chosen = source is None
        lines.append(
            Text.assemble(
                "▶ " if bias_chosen else "  ",
                _name(t("app.inspector.bias") + " b", width, selected=bias_chosen),
                " " * 6,  # no xᵢ: the bias lines up with the weights
                " + ",
                _num(float(layer.bias[j]), selected=bias_chosen),
            )
        )
        z = float(result.pre_activations[k - 1][j])
        y = float(result.activations[k][j])
        equals = 2 + width + NUMBERS - 6 - 3  # where " = " stands in the rows above
        lines.append(Text.assemble("z = Σ xᵢ·wᵢ + b".ljust(equals), " = ", _num(z)))
        if parts is None:
            lines.append(Text.assemble(f"y = {f}(z)".ljust(equals), " = ", _num(y, selected=True)))
        else:
            lines.extend(self._softmax_lines(parts, y, equals))
        return lines

    def _softmax_lines(self, parts: SoftmaxParts, y: float, equals: int) -> list[Text]:
        """y = e^z / Σ e^z over the layer, each part with its number (e^(z − m), m the largest z,
        when e^z would leave the range of numbers), and words beside them where they fit whole."""
        e = "e^(z−m)" if parts.shifted else "e^z"
        count = parts.count
        rows: list[tuple[str, float, str]] = []  # label, number, words
        finite = parts.finite  # else dashes, and beside the sum what happened
        if parts.shifted:
            rows.append((t("app.inspector.softmax.largest"), parts.shift, t("app.inspector.softmax.shift_words")))
        power = "z − m" if parts.shifted else "z"
        rows.append((e, parts.exp, t("app.inspector.softmax.exp_words", power=power) if finite else ""))
        total = t("app.inspector.softmax.total", sum=f"Σ {e}", count=count)
        words = t("app.inspector.softmax.total_words" if finite else "app.inspector.softmax.not_finite")
        rows.append((total, parts.total, words))
        words = t("app.inspector.softmax.y_words", percent=percent(y, count).strip())
        rows.append((f"y = {e} / Σ {e}", y, words if finite else ""))
        room = self.content_size.width - (equals + 3 + 6) - 2  # right of the numbers
        lines = []
        for n, (label, value, words) in enumerate(rows):
            line = Text.assemble(fit(label, equals), " = ", _num(value, selected=n == len(rows) - 1))
            if words and cell_len(words) <= room:
                line.append("  " + words, style="dim")
            line.no_wrap = True
            lines.append(line)
        return lines

    def _name_width(self, names: list[str]) -> int:
        """Wide enough for the longest name shown, as far as the panel's width allows."""
        longest = max((cell_len(safe(name)) for name in names), default=0)
        room = self.content_size.width - 2 - NUMBERS
        return max(NAME_WIDTH, min(longest, room))


def _text_key(text: Text) -> tuple[object, ...]:
    """What a line of the inspector shows: its characters, their styles and how it is laid out."""
    return (text.plain, tuple(text.spans), text.style, text.justify, text.overflow, text.no_wrap, text.end)


def _changed_rows(before: list[tuple[object, ...]], now: list[tuple[object, ...]], width: int) -> list[int] | None:
    """The rows of the panel whose Text changed, each on one row of ``width`` cells before and now;
    None when that is not sure (another number of lines, a Text that wraps above or in a change)."""
    if len(before) != len(now):
        return None
    rows: list[int] = []
    row: int | None = 0  # the row of the Text in hand; None below a Text that may take more than one
    for old, new in zip(before, now):
        one = _one_row(old, width) and _one_row(new, width)
        if old != new:
            if row is None or not one:
                return None
            rows.append(row)
        row = row + 1 if row is not None and one else None
    return rows


def _one_row(key: tuple[object, ...], width: int) -> bool:
    """Whether the Text of ``key`` (see :func:`_text_key`) is drawn on one row of ``width`` cells."""
    plain, end = key[0], key[-1]
    assert isinstance(plain, str)
    return end == "\n" and "\n" not in plain and "\t" not in plain and cell_len(plain) <= width
