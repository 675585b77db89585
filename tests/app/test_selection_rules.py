"""The keyboard contract's movement rules, without a terminal."""

from __future__ import annotations

from nntui.core.edits import ParamRef
from nntui.core.presets import load_preset
from nntui.document.selection import Selection


def test_moving_between_layers_keeps_the_row_when_possible() -> None:
    net = load_preset("layers")  # 3-4-4-1
    sel = Selection(1, 3, 2)
    assert sel.move_column(net, 1) == Selection(2, 3, 0)
    assert sel.move_column(net, -1) == Selection(0, 2, 0)  # clamped to the 3 inputs
    assert Selection(2, 3).move_column(net, 1) == Selection(3, 0, 0)  # one output neuron
    assert Selection(3, 0).move_column(net, 1) == Selection(3, 0, 0)  # no layer beyond
    assert Selection(0, 1).move_column(net, -1) == Selection(0, 1, 0)


def test_moving_between_neurons_clamps_and_selects_the_first_weight() -> None:
    net = load_preset("layers")
    assert Selection(1, 0, 3).move_neuron(net, 1) == Selection(1, 1, 0)
    assert Selection(1, 0).move_neuron(net, -1) == Selection(1, 0, 0)
    assert Selection(1, 3).move_neuron(net, 10) == Selection(1, 3, 0)


def test_cycling_goes_through_every_weight_then_the_bias_and_wraps() -> None:
    net = load_preset("layers")  # hidden 1 has 3 incoming weights
    sel = Selection(1, 2)
    seen = []
    for _ in range(5):
        seen.append(sel.ref(net))
        sel = sel.cycle_param(net, 1)
    assert seen == [
        ParamRef.weight(0, 2, 0),
        ParamRef.weight(0, 2, 1),
        ParamRef.weight(0, 2, 2),
        ParamRef.bias(0, 2),
        ParamRef.weight(0, 2, 0),
    ]
    assert Selection(1, 2, 0).cycle_param(net, -1).ref(net) == ParamRef.bias(0, 2)


def test_an_input_neuron_selects_its_value() -> None:
    net = load_preset("potatoes")
    assert Selection(0, 2).ref(net) == ParamRef.input(2)
    assert Selection(0, 2).cycle_param(net, 1) == Selection(0, 2)


def test_select_ref_points_back_at_the_same_number() -> None:
    net = load_preset("layers")
    for ref in (ParamRef.input(1), ParamRef.weight(1, 3, 2), ParamRef.bias(2, 0)):
        assert Selection().select_ref(net, ref).ref(net) == ref
