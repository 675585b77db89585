"""Which panels the row under the network shows: those asked for, as many as fit whole.

The row holds the outputs, the inspector and the learning panels (truth
table, backward pass, loss slice).  Each needs some cells for its numbers to
read whole; where they do not all fit (three panels on 80 columns), a panel
steps aside rather than be cut: the learning panels in the order they were
opened, the oldest first; the outputs and the inspector, which nobody asked
for, take the room that is left.  No Textual here: the learning controller
gives the needs and applies the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

OUTPUTS_WIDTH = 34  # the outputs panel's width (app.tcss)
# A learning panel shown takes these panels' place: the truth table lists the outputs, the
# backward pass is the inspector's neuron seen from the loss.
REPLACES = {"truth": ("outputs",), "backward": ("outputs", "inspector")}


@dataclass(frozen=True)
class Row:
    """The panels shown, and those asked for that stepped aside for want of room."""

    shown: frozenset[str]
    folded: tuple[str, ...]


def arrange(width: int, needs: dict[str, int], asked: tuple[str, ...], inspector_whole: int = 0) -> Row:
    """The panels of ``needs`` (name: cells) that fit in ``width``.

    ``asked`` are the learning panels in the order they were opened: as many
    as fit, the newest kept (the last one asked for always).  The inspector
    then comes where there is room, and the outputs where they leave the
    inspector ``inspector_whole`` cells (its names whole), or when nothing is
    asked for; neither comes where a panel shown takes its place (``REPLACES``).
    """
    asked = tuple(name for name in asked if name in needs)
    shown = list(asked)
    while len(shown) > 1 and sum(needs[name] for name in shown) > width:
        shown.pop(0)
    replaced = {other for name in shown for other in REPLACES.get(name, ())}
    if (
        "inspector" in needs
        and "inspector" not in replaced
        and sum(needs[n] for n in shown) + needs["inspector"] <= width
    ):
        shown.append("inspector")
    if "outputs" in needs and "outputs" not in replaced:
        wanted = max(needs.get("inspector", 0), inspector_whole) if "inspector" in shown else 0
        used = sum(needs[n] for n in shown if n != "inspector") + wanted
        if used + needs["outputs"] <= width or not asked:
            shown.append("outputs")
    return Row(frozenset(shown), tuple(name for name in asked if name not in shown))
