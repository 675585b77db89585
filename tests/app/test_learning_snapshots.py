"""Snapshots of the learning tools, in English and French.

Regenerate with `python -m pytest tests/app/test_learning_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from nntui.core.challenges import CHALLENGES
from nntui.i18n import set_language

from .helpers import CLEAR, preset_app

pytestmark = pytest.mark.snapshot

SIZE = (120, 36)


def test_truth_table_of_the_potatoes_neuron(snap_compare) -> None:
    assert snap_compare(preset_app("potatoes"), press=["T"], terminal_size=SIZE)


async def _one_gradient_step(pilot: Pilot) -> None:
    await pilot.press("right", "right_square_bracket", "B")
    pilot.app.clear_notifications()  # the toast would hide the panel's last rows


def test_backward_pass_after_a_gradient_step(snap_compare) -> None:
    assert snap_compare(preset_app("potatoes"), run_before=_one_gradient_step, terminal_size=SIZE)


def test_loss_slice_of_a_weight(snap_compare) -> None:
    assert snap_compare(preset_app("potatoes"), press=["right", "L"], terminal_size=SIZE)


async def _and_challenge_half_solved(pilot: Pilot) -> None:
    await pilot.press("g")
    ids = [c.id for c in CHALLENGES]
    pilot.app.screen.query_one(OptionList).highlighted = next(
        n for n, i in enumerate(ids) if "and" in i and "step" in i
    )
    await pilot.press("enter", "right", "enter", *CLEAR, "1", "enter")
    await pilot.pause()


def test_the_and_challenge_half_solved(snap_compare) -> None:
    assert snap_compare(preset_app("potatoes"), run_before=_and_challenge_half_solved, terminal_size=SIZE)


def test_the_challenge_list(snap_compare) -> None:
    assert snap_compare(preset_app("potatoes"), press=["g"], terminal_size=SIZE)


def test_truth_table_and_backward_pass_in_french(snap_compare) -> None:
    set_language("fr")
    assert snap_compare(preset_app("potatoes"), press=["T", "right", "b"], terminal_size=SIZE)


# --- a school terminal: 80×24 ---------------------------------------------------------


async def _truth_table_then_a_step(pilot: Pilot) -> None:
    await pilot.press("right", "T", "b", "B")
    pilot.app.clear_notifications()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_truth_table_beside_a_gradient_step_at_80x24(snap_compare, lang: str) -> None:
    """x1 x2 x3 │ y beside every gradient and move, whole."""
    set_language(lang)
    assert snap_compare(preset_app("potatoes"), run_before=_truth_table_then_a_step, terminal_size=(80, 24))


def test_three_panels_at_80x24_the_first_steps_aside_and_the_frame_says_so(snap_compare) -> None:
    assert snap_compare(preset_app("potatoes"), press=["right", "T", "b", "L"], terminal_size=(80, 24))
