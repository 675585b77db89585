"""The playground in French, and the app's messages all in the catalogue.

The language is chosen before the app is built (``set_language("fr")`` here,
``--lang fr`` or the locale for a learner); the suite's conftest puts English
back after each test.  Regenerate the French snapshots with
`python -m pytest tests/app/test_french.py --snapshot-update` and look at every
changed SVG before committing it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.widgets import Button, Footer, Label

import nntui.app
import nntui.document
from nntui.app.screens.help import HelpScreen
from nntui.app.screens.quit_prompt import QuitPrompt
from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.training import LOSS_NAMES
from nntui.i18n import messages_app, set_language, t
from nntui.i18n.catalogue import CATALOGUE

from .helpers import preset_app, train_on_circle, widget_text

SIZE = (80, 24)
APP_DIR = Path(nntui.app.__file__).parent
DOCUMENT_DIR = Path(nntui.document.__file__).parent  # the playground's state asks for app messages too

# Keys the app builds at run time: prefix → the names that complete it.
DYNAMIC_PREFIXES = {
    "app.activation.note.": ACTIVATION_NAMES,  # screens/activation_chooser.py: note()
    "app.loss_name.": LOSS_NAMES,  # widgets/backward_panel.py: _loss_words()
    "app.panels.": ("truth", "backward", "slice"),  # playground.py: the panels that stepped aside
    "app.slice.title.": ("weight", "bias", "input"),  # widgets/loss_slice_panel.py: by the parameter's kind
}
# Strings of the app that look like keys but are not.
NOT_KEYS = {"app.tcss", "app.quit_app", "app.help"}  # NNTuiApp.CSS_PATH; actions of the App
# A counted noun (nntui.core.plural.counted) is asked for by its base key: KEY.one, KEY.other.
PLURAL_FORMS = (".one", ".other")


# --- on screen ------------------------------------------------------------------


@pytest.mark.snapshot
def test_main_screen_in_french(snap_compare) -> None:
    set_language("fr")
    assert snap_compare(preset_app("potatoes"))


@pytest.mark.snapshot
def test_help_screen_in_french(snap_compare) -> None:
    set_language("fr")
    assert snap_compare(preset_app("potatoes"), press=["question_mark"], terminal_size=(100, 40))


@pytest.mark.snapshot
def test_training_view_in_french(snap_compare) -> None:
    """The smallest terminal the training view fits, where the French words are tightest."""
    set_language("fr")

    assert snap_compare(preset_app("xor"), run_before=train_on_circle, terminal_size=SIZE)


async def test_the_footer_speaks_french() -> None:
    set_language("fr")
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [key.description for key in app.query_one(Footer).query("FooterKey")]
        # At 80 columns the longer French words leave no room for f(z), the least needed key.
        assert shown == ["Poids", "Quitter", "Modifier", "Saisir", "Aide", "Annuler", "Enreg.", "Entraîner"]
        assert sum(key.outer_size.width + 1 for key in app.query("FooterKey")) <= SIZE[0]


async def test_a_notification_is_in_french() -> None:
    set_language("fr")
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        assert [n.message for n in app._notifications] == ["Rien à annuler."]
        await pilot.press("plus", "u")
        assert list(app._notifications)[-1].message.startswith("Annulé : ")


async def test_the_quit_prompt_is_in_french() -> None:
    set_language("fr")
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "q")
        assert isinstance(app.screen, QuitPrompt)
        labels = [str(label.render()) for label in app.screen.query(Label)]
        assert labels[0] == "Modifications non enregistrées"
        assert labels[1].endswith("Les enregistrer avant de quitter ?")
        buttons = [str(button.label) for button in app.screen.query(Button)]
        assert buttons == ["Enregistrer s", "Abandonner d", "Annuler Échap"]
        await pilot.press("escape")
        assert not isinstance(app.screen, QuitPrompt)


async def test_the_help_lists_keys_in_french() -> None:
    set_language("fr")
    app = preset_app("potatoes")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = widget_text(app.screen.query_one("#help-keys"))
        assert t("app.key.undo.help") == "annuler la dernière modification"
        assert "annuler la dernière modification" in keys
        assert "palette de commandes" in keys


def test_english_is_back_after_a_french_test() -> None:
    assert t("app.edit.nothing_to_undo") == "Nothing to undo."


# --- the catalogue and the code agree ------------------------------------------------


def _app_strings() -> dict[str, list[str]]:
    """Every key-like string constant in nntui/app/**/*.py and nntui/document → where it is."""
    found: dict[str, list[str]] = {}
    for path in sorted([*APP_DIR.rglob("*.py"), *DOCUMENT_DIR.rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if text.startswith("app.") and " " not in text and text not in NOT_KEYS:
                    found.setdefault(text, []).append(f"{path.relative_to(APP_DIR.parent)}:{node.lineno}")
    return found


def _literals(function: str) -> set[str]:
    """The first argument of every ``function("…")`` call written as a literal."""
    keys = set()
    for path in APP_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == function
                and node.args
            ):
                for part in ast.walk(node.args[0]):  # a literal, or either side of an if
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        keys.add(part.value)
    return keys


def _exists(key: str) -> bool:
    return key in CATALOGUE or all(key + form in CATALOGUE for form in PLURAL_FORMS)


def test_every_key_the_app_asks_for_exists() -> None:
    literals = _literals("t")
    assert literals, "no t(...) calls found"
    assert not sorted(k for k in literals if k not in CATALOGUE and k not in DYNAMIC_PREFIXES)
    counted = _literals("counted")
    assert not sorted(k for k in counted if not all(k + form in CATALOGUE for form in PLURAL_FORMS))
    missing = {key: where for key, where in _app_strings().items() if not _exists(key) and key not in DYNAMIC_PREFIXES}
    assert not missing, f"keys used but not in the catalogue: {missing}"


def test_every_app_message_is_used() -> None:
    used = set(_app_strings())
    assert set(DYNAMIC_PREFIXES) <= used, "a documented prefix is no longer used"
    dead = []
    for key in messages_app.MESSAGES:
        prefix = next((p for p in DYNAMIC_PREFIXES if key.startswith(p)), None)
        if prefix is not None:
            if key.removeprefix(prefix) not in DYNAMIC_PREFIXES[prefix]:
                dead.append(key)
        elif key not in used and not (key.endswith(PLURAL_FORMS) and key.rsplit(".", 1)[0] in used):
            dead.append(key)
    assert not dead, f"messages no code asks for: {dead}"


def test_every_activation_has_its_note() -> None:
    for prefix, names in DYNAMIC_PREFIXES.items():
        assert all(prefix + name in CATALOGUE for name in names)


def test_app_messages_are_app_keys_and_french_differs_where_it_should() -> None:
    assert all(key.startswith("app.") for key in messages_app.MESSAGES)
    # Only symbols and names may read the same in both languages.
    same = {key for key, (en, fr) in messages_app.MESSAGES.items() if en == fr}
    # A picture's size and a pixel's value are numbers and a name in both languages.
    assert same <= {"app.key.activation", "app.loss.test", "app.picture.size", "app.picture.pixel"}, same


# --- Textual's own palette commands ----------------------------------------------------


def _names(commands: object) -> list[str]:
    return [getattr(command.callback, "__name__", "?") for command in commands]  # type: ignore[attr-defined]


async def test_textuals_own_commands_are_in_french_and_are_textuals() -> None:
    """The palette's Theme, Quit, Keys… are worded by the catalogue, and they are the commands
    Textual itself offers on that screen (a Textual that adds one makes this fail)."""
    set_language("fr")
    app = preset_app("potatoes")
    async with app.run_test(size=(100, 40)) as pilot:
        for show_keys in (False, True):
            if show_keys:
                app.action_show_help_panel()
                await pilot.pause()
            screen = app.playground
            ours = list(app.get_system_commands(screen))
            textuals = list(super(type(app), app).get_system_commands(screen))
            assert _names(ours) == _names(textuals)
            words = {t(key) for key in messages_app.MESSAGES if key.startswith("app.system.")}
            for command in ours:
                assert command.title in words and command.help in words, command
            keys = next(command for command in ours if command.title == "Touches")
            expected = "app.system.keys.hide" if show_keys else "app.system.keys.show"
            assert keys.help == t(expected)
        await pilot.press("ctrl+p", *"Quitter")
        await pilot.pause(0.3)
        assert "Quitter l'application dès que possible" in widget_text(app.screen.query_one(CommandList))
