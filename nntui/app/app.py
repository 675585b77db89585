"""The nntui app: one playground screen over one document, and what is global.

The :class:`~nntui.document.document.Document` holds the state of the open
network; :class:`~nntui.app.playground.PlaygroundScreen` shows it and owns
the playground's keys and controllers.  The app itself only wires them
together and keeps what belongs to the whole program: quitting (with the
unsaved-work prompt), help, the command palette in the current language,
themes, and leaving tidily on a signal.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import ThemeProvider

from nntui.app import collector
from nntui.app.commands import GuardedPalette, NetworkCommands
from nntui.app.keys import PLAYGROUND_KEYS, translated_list
from nntui.app.lifetime import Lifetime
from nntui.app.playground import PlaygroundScreen
from nntui.app.screens.help import HelpScreen
from nntui.core.network import Network
from nntui.core.text import visible
from nntui.core.training_record import TrainingRecord
from nntui.document.document import Document
from nntui.document.recovery import RecoveryStore, forget_served_state
from nntui.document.session import CSV_DATASET, TrainingSettings
from nntui.i18n import language, t


class NNTuiApp(App[int]):
    """A terminal playground for a small feed-forward network."""

    CSS_PATH = "app.tcss"
    TITLE = "nntui"
    COMMANDS = App.COMMANDS | {NetworkCommands}

    def __init__(
        self,
        network: Network,
        path: Path | None = None,
        preset: str | None = None,
        *,
        seed: int = 0,
        recovery: RecoveryStore | None = None,
        data: Path | None = None,
        training: TrainingRecord | None = None,
    ) -> None:
        """``data``: a CSV file (already checked by the CLI) to train on instead of xor, or instead
        of the data of ``training``, the training settings of the file at ``path``."""
        super().__init__()
        settings = TrainingSettings(dataset=CSV_DATASET, data_file=str(data)) if data else None
        self.document = Document(network, path=path, preset=preset, settings=settings, training=training, seed=seed)
        self.recovery = recovery or RecoveryStore()
        # Data named on the command line: the playground opens on the training view, to train on it.
        self.playground = PlaygroundScreen(self.document, self.recovery, training_view=data is not None)
        self.clean_exit = False
        self.lifetime = Lifetime(
            save=self.write_recovery,
            rescue=self._rescue_work,
            leave=lambda status: self.exit(return_code=status),
            forget=forget_served_state,
        )
        self.add_class(f"-lang-{language()}")  # app.tcss makes room for longer words

    def get_default_screen(self) -> Screen[Any]:
        return self.playground

    def on_mount(self) -> None:
        if not self.is_headless:  # a real terminal; never in tests' run_test
            self.lifetime.install()
        self.playground.files.tell_problems()  # the file's training data could not be read, or it overflows
        found = self.recovery.look()
        self.playground.files.tell_unreadable(found.unreadable)
        self.playground.files.offer_recovery(found.copies)
        self.call_after_refresh(collector.started)  # the first screen drawn: start-up is over

    def copy_to_clipboard(self, text: str) -> None:
        """Text is text: what reaches the terminal's clipboard (OSC 52) holds no control
        character, whoever copies it; each shows as its visible stand-in, as on the screen."""
        super().copy_to_clipboard(visible(text))

    def on_unmount(self) -> None:
        self.lifetime.uninstall()
        self.playground.training.close()  # its child process ends with the app
        collector.ended()

    # --- leaving ------------------------------------------------------------------------

    def action_quit_app(self) -> None:
        self.playground.files.unless_unsaved(t("app.quit.before_quitting"), self.quit_cleanly)

    async def action_quit(self) -> None:
        # Textual's own quit (ctrl+q, the palette's "Quit") must ask about unsaved work too.
        self.action_quit_app()

    def quit_cleanly(self) -> None:
        """Leave on the learner's request: no recovery copy is kept."""
        self.clean_exit = True
        try:
            self.recovery.clear()
        except OSError:  # a read-only folder: the copy stays, offered next time; quitting goes on
            pass
        if self.playground.training_widgets.pending:  # the training view, asked for just before
            self.call_later(self._exit_once_mounted)
        else:
            self.exit(0)

    async def _exit_once_mounted(self) -> None:
        await self.playground.training_widgets.mounted()
        self.exit(0)

    def write_recovery(self) -> str | None:
        """Keep unsaved work in a recovery copy now (a crash, a signal), trained weights included;
        returns why it could not be written, or None. Tells nothing: the app is leaving, or gone."""
        self.document.settle()
        return self.playground.files.write_recovery(tell=False)

    def _rescue_work(self) -> None:
        """The recovery copy from another thread, while the screen's loop is stuck."""
        self.document.settle(tell=False)  # stops training; no widget is touched
        self.playground.files.write_recovery(tell=False)

    # --- help -------------------------------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_help()))

    def key_help(self) -> list[tuple[str, str]]:
        """Every key of the playground, from the bindings themselves."""
        rows: list[tuple[str, str]] = []
        for binding in translated_list(PLAYGROUND_KEYS):
            text = binding.tooltip or binding.description
            if rows and rows[-1][1] == text:  # a key each for the same thing (the digits): one row
                rows[-1] = (binding.key_display or rows[-1][0], text)
                continue
            keys = [key.strip() for key in binding.key.split(",")]
            shown = " ".join(self.get_key_display(Binding(key, binding.action)) for key in keys)
            rows.append((shown, text))
        rows.append(("ctrl+p", t("app.help.palette")))
        rows.append((t("app.help.mouse_key"), t("app.help.mouse")))
        return rows

    # --- the command palette, in the current language ------------------------------------------

    def action_command_palette(self) -> None:
        # arg-type: Textual types is_open's app as App[object], and App is invariant in its result type.
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(GuardedPalette(id="--command-palette", placeholder=t("app.palette.placeholder")))

    def search_themes(self) -> None:
        self.push_screen(GuardedPalette(providers=[ThemeProvider], placeholder=t("app.palette.themes")))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own commands (theme, quit, keys…), worded by the catalogue: the ones its
        App.get_system_commands offers on ``screen``, through the same public actions.
        (tests/app/test_french.py fails if a Textual offers others.)"""
        yield SystemCommand(t("app.system.theme"), t("app.system.theme.help"), self.action_change_theme)
        yield SystemCommand(t("app.system.quit"), t("app.system.quit.help"), self.action_quit)
        if screen.query("HelpPanel"):
            yield SystemCommand(t("app.system.keys"), t("app.system.keys.hide"), self.action_hide_help_panel)
        else:
            yield SystemCommand(t("app.system.keys"), t("app.system.keys.show"), self.action_show_help_panel)
        if screen.maximized is not None:
            yield SystemCommand(t("app.system.minimize"), t("app.system.minimize.help"), screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(t("app.system.maximize"), t("app.system.maximize.help"), screen.action_maximize)
        yield SystemCommand(
            t("app.system.screenshot"),
            t("app.system.screenshot.help"),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )
