"""Which panels the row under the network shows (logic only, no app)."""

from __future__ import annotations

from nntui.app.panel_row import arrange

NEEDS = {"outputs": 34, "inspector": 44, "truth": 23, "backward": 56, "slice": 36}


def test_with_nothing_asked_the_outputs_and_the_inspector_share_80_columns() -> None:
    row = arrange(80, NEEDS, ())
    assert row.shown == {"outputs", "inspector"} and row.folded == ()


def test_a_panel_shown_takes_the_place_of_those_it_replaces() -> None:
    assert arrange(200, NEEDS, ("truth",)).shown == {"truth", "inspector"}  # the table lists the outputs
    assert arrange(200, NEEDS, ("backward",)).shown == {"backward"}  # the inspector's neuron, from the loss


def test_where_they_do_not_fit_the_oldest_asked_steps_aside_and_is_named() -> None:
    row = arrange(80, NEEDS, ("truth", "backward", "slice"))
    assert row.shown == {"slice", "inspector"}  # backward stepped aside: the inspector is back
    assert row.folded == ("truth", "backward")
    row = arrange(120, NEEDS, ("truth", "backward", "slice"))
    assert row.shown == {"truth", "backward", "slice"} and row.folded == ()


def test_the_panel_asked_for_last_is_always_shown_even_alone_and_too_wide() -> None:
    row = arrange(40, NEEDS, ("slice", "backward"))
    assert row.shown == {"backward"} and row.folded == ("slice",)


def test_the_outputs_and_the_inspector_come_only_where_there_is_room() -> None:
    assert arrange(80, NEEDS, ("slice",)).shown == {"slice", "inspector"}  # 36 + 44, no room for 34 more
    assert arrange(120, NEEDS, ("slice",)).shown == {"slice", "inspector", "outputs"}
    # The outputs only where they leave the inspector its names whole (54 cells), or nothing is asked for.
    assert arrange(120, NEEDS, ("slice",), inspector_whole=54).shown == {"slice", "inspector"}
    assert arrange(80, NEEDS, (), inspector_whole=54).shown == {"outputs", "inspector"}
