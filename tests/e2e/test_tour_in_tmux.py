"""End to end: the guided tour, its training and digits chapters included, followed in a real
terminal in English and French."""

from __future__ import annotations

from pathlib import Path

import pytest

from nntui.i18n import set_language, t
from tests.app.test_tour import ANSWERS
from tests.e2e.test_tmux import NNTUI, Terminal, pytestmark  # noqa: F401 - its marks (tmux)

TMUX_KEYS = {"right": "Right", "left": "Left", "right_square_bracket": "]", "plus": "+", "minus": "-"}


def _words(text: str, count: int = 4) -> str:
    """The first words of a message: what fits on one line of the tour panel."""
    return " ".join(text.split()[:count])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_tour_and_its_training_chapter_in_a_terminal(lang: str, tmp_path: Path, terminal: Terminal) -> None:
    set_language(lang)
    terminal.start(f"cd {tmp_path} && LC_ALL=C.UTF-8 {NNTUI} --lang {lang}", 120, 36)
    terminal.wait_for(t("app.key.help"))
    terminal.wait_for("─" * 110)
    terminal.keys("t")
    terminal.wait_for(_words(t("app.tour.neuron")))
    for keys in ANSWERS:
        for key in keys:
            terminal.keys(TMUX_KEYS.get(key, key))
    terminal.wait_for(_words(t("app.tour.train_view")))
    terminal.keys("C-t")
    terminal.keys("x")
    terminal.wait_for(_words(t("app.tour.train_play")))
    terminal.keys("Space")
    terminal.wait_for(t("app.train.playing"))
    terminal.keys("Space")
    terminal.wait_for(_words(t("app.tour.train_feature")))
    terminal.keys("Tab", "Tab", "Tab", "Tab", "Tab", "Right", "Right", "Enter")
    terminal.wait_for(_words(t("app.tour.train_score")))
    terminal.keys("Space")
    terminal.wait_for(t("app.train.playing"))
    terminal.keys("Space")
    # The digits: leave the training view, clear the picture, draw a stroke of six pixels.
    terminal.wait_for(_words(t("app.tour.digits_draw")))
    terminal.keys("C-t", "c", "Right", "Right", "Right")
    for _ in range(6):
        terminal.keys("Down", "Space", "Space")
    terminal.wait_for(_words(t("app.tour.digits_gallery")))
    terminal.keys(*["Right"] * 5)  # past the picture's edge: a hidden neuron
    terminal.wait_for(_words(t("app.tour.digits_train")))
    terminal.keys("C-t")
    terminal.wait_for("0  1  2  3  4  5  6  7  8  9")  # the digits' confusion matrix: the view is open
    terminal.keys("Space")
    terminal.wait_for(t("app.train.playing"))
    terminal.keys("Space")
    terminal.wait_for(_words(t("app.tour.digits_mistakes")))
    terminal.keys("]", "i")  # a test image read wrong, into the picture
    terminal.wait_for(_words(t("app.tour.end")))
    terminal.keys("q")
    terminal.wait_for(t("app.quit.title"))  # the trained network is unsaved work
    terminal.keys("d")
    terminal.wait_until_gone()
