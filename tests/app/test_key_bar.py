"""The key bar: each key beside its word, in both languages, and only keys that fit whole."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Footer

from nntui.app.keys import PICTURES, PLAYGROUND_KEYS, TRAINING_ONLY, footer_order, in_language
from nntui.app.playground import PlaygroundScreen
from nntui.app.widgets.key_bar import FOOTER_RANKS, fitting, key_width
from nntui.i18n import set_language, t

from .helpers import preset_app, widget_text


class Key:
    """What the key bar reads of a footer key."""

    def __init__(self, key_display: str, description: str, action: str) -> None:
        self.key_display, self.description, self.action = key_display, description, action


def test_keys_go_least_needed_first_and_the_rest_keep_their_order() -> None:
    keys = [
        Key("]", "Weight", "cycle_param(1)"),
        Key("q", "Quit", "app.quit_app"),
        Key("a", "f(z)", "cycle_activation"),
        Key("?", "Help", "app.help"),
    ]
    assert sum(key_width(k) for k in keys) - 1 == len("] Weight q Quit a f(z) ? Help")
    assert fitting(keys, 29) == keys
    assert [k.key_display for k in fitting(keys, 28)] == ["]", "q", "?"]
    assert [k.key_display for k in fitting(keys, 14)] == ["q", "?"]
    assert [k.key_display for k in fitting(keys, 1)] == ["?"]  # help always shows


def test_every_shown_key_has_a_rank() -> None:
    shown = {b.action for b in PLAYGROUND_KEYS if b.show}
    assert shown == set(FOOTER_RANKS)


def _drawn(keys: list, width: int) -> str:
    """The footer's row as drawn: each key's text where it stands."""
    row = [" "] * width
    for key in keys:
        text = widget_text(key)
        assert key.region.right <= width, f"{text!r} runs off the screen"
        row[key.region.x : key.region.right] = text
    return "".join(row).rstrip()


async def _laid_out_keys(app, needed: list[str]) -> list:
    """The bar's keys once laid out: the bar recomposes after a change of bindings, a moment
    later (on a loaded machine the keys were read before they had a place). Polled."""
    deadline = asyncio.get_running_loop().time() + 10
    while True:
        await asyncio.sleep(0.02)
        keys = list(app.screen.query_one(Footer).query("FooterKey"))
        if keys and all(key.region.width for key in keys) and set(needed) <= {key.action for key in keys}:
            return keys
        assert asyncio.get_running_loop().time() < deadline, f"the key bar never showed {needed} laid out"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_each_key_stands_apart_from_its_word_and_all_fit(lang: str, size: tuple[int, int]) -> None:
    set_language(lang)
    app = preset_app("xor")
    async with app.run_test(size=size) as pilot:
        for training in (False, True):
            if training:
                await pilot.press("ctrl+t")
            needed = ["app.help", "app.quit_app", "toggle_training"] + (
                ["play_pause", "train_step"] if training else []
            )
            keys = await _laid_out_keys(app, needed)
            line = _drawn(keys, size[0])
            for key in keys:
                assert f"{key.key_display} {key.description}" in line, (lang, size, training, line)
            actions = [key.action for key in keys]
            assert set(needed) <= set(actions), (lang, size, training, line)
            if size[0] >= 120 and not (training and lang == "fr"):  # room for every key
                expected = [
                    b.action
                    for b in footer_order(in_language(PlaygroundScreen).BINDINGS)
                    if b.show
                    and (training or b.action.partition("(")[0] not in TRAINING_ONLY)
                    and b.action.partition("(")[0] not in PICTURES  # xor's data are no pictures
                ]
                assert actions == expected, line
            assert t("app.key.help") in line


async def test_the_keys_are_built_again_only_when_what_they_show_changes() -> None:
    """Textual's footer rebuilds its keys whenever the bindings are looked at anew, after most keys
    pressed; the key bar keeps them while the same keys, words and states are wanted."""
    app = preset_app("potatoes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "plus")  # a weight, changed
        keys = await _laid_out_keys(app, ["app.help"])
        await pilot.press("plus", "minus", "down")
        await pilot.pause()
        assert await _laid_out_keys(app, ["app.help"]) == keys  # the same widgets
        await pilot.press("ctrl+t")  # other keys: built again
        rebuilt = await _laid_out_keys(app, ["play_pause"])
        assert all(key not in keys for key in rebuilt)
        await pilot.press("tab")  # into the settings: a list takes some keys (⏎ opens it)
        rebuilt = await _laid_out_keys(app, ["play_pause"])
        await pilot.press("tab", "tab")  # from one setting to the next: the focus moves, the keys stay
        await pilot.pause()
        assert await _laid_out_keys(app, ["play_pause"]) == rebuilt
        await pilot.press("escape")
        await pilot.press("ctrl+t")
        back = await _laid_out_keys(app, ["app.help"])
        assert "play_pause" not in {key.action for key in back}
        assert [(key.key_display, key.description) for key in back] == [
            (key.key_display, key.description) for key in keys
        ]
