"""The network's outputs, shown large: the answer the learner is watching."""

from __future__ import annotations

import numpy as np
from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from nntui.app import palette
from nntui.app.text import safe
from nntui.core.network import ForwardResult, Network
from nntui.core.numbers import format_value
from nntui.i18n import t

BAR_WIDTH = 18
BIG = 3  # up to this many outputs get two lines each: name, then value and bar


class OutputsPanel(Static):
    """Every output neuron with its value and a bar."""

    _count = -1

    def show(self, network: Network, result: ForwardResult) -> None:
        k = len(network.layers)
        outputs = result.outputs.tolist()
        finite = [abs(v) for v in outputs if np.isfinite(v)]
        scale = max([1.0, *finite])
        lines: list[Text] = []
        for j, value in enumerate(outputs):
            style = palette.value_style(value, scale, bold=True)
            name = safe(network.neuron_name(k, j))
            number = Text(format_value(value, 7), style=style)
            if len(outputs) <= BIG:
                lines.append(Text(name, style="bold", overflow="ellipsis", no_wrap=True))
                lines.append(Text.assemble(number, " ", (palette.bar(value, scale, BAR_WIDTH), style)))
            else:
                lines.append(
                    Text.assemble((name[:10].ljust(11), "bold"), number, " ", (palette.bar(value, scale, 8), style))
                )
        self.border_title = t("app.outputs.one") if len(outputs) == 1 else t("app.outputs.many", count=len(outputs))
        # A new layout only when the number of outputs changed; new numbers need none.
        layout, self._count = len(outputs) != self._count, len(outputs)
        self.update(Group(*lines), layout=layout)
