"""``nntui [FILE] [--preset NAME]``: the playground itself, the only command that loads Textual."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nntui import __version__
from nntui.cli.arguments import Parser, RawFormatter
from nntui.cli.common import UsageError, file_path, open_network_for_app
from nntui.cli.environment import check_playground
from nntui.i18n import t


def _parser() -> Parser:
    parser = Parser(
        prog="nntui",
        description=t("cli.main.description"),
        epilog=t("cli.main.epilog"),
        formatter_class=RawFormatter,
    )
    parser.add_argument(
        "file", nargs="?", type=file_path, metavar=t("cli.metavar.file"), help=t("cli.help.file_to_open")
    )
    parser.add_argument("--preset", metavar=t("cli.metavar.name"), help=t("cli.help.preset_to_open"))
    parser.add_argument("--data", type=file_path, metavar=t("cli.metavar.csv"), help=t("cli.help.data_in_playground"))
    parser.add_argument("--version", action="version", version=f"nntui {__version__}", help=t("cli.argparse.version"))
    return parser.add_lang()


def run(argv: list[str]) -> int:
    """Open the playground on FILE or a preset; returns the app's exit status."""
    args = _parser().parse_args(argv)
    check_playground()  # an old Textual, TERM=dumb, no UTF-8: one line, before Textual is imported
    opened = open_network_for_app(args.file, args.preset)
    data = _checked_data(args.data)
    # Imported here so the non-interactive commands (and --version) never load Textual.
    from nntui.app.app import NNTuiApp
    from nntui.app.lifetime import ignore_late_keys
    from nntui.core.presets import DEFAULT_PRESET
    from nntui.document.recovery import forget_served_state

    _size_from_the_terminal()
    preset = None if args.file is not None else (args.preset if args.preset is not None else DEFAULT_PRESET)
    app = NNTuiApp(
        opened.network,
        path=Path(args.file) if args.file is not None else None,
        preset=preset,
        data=data,
        training=opened.training,
    )
    ignore_late_keys()
    try:
        app.run()
    finally:
        if app.lifetime.orphaned:  # under nntui serve, whose server has gone: nobody comes back
            forget_served_state()
        elif not app.clean_exit:
            problem = app.write_recovery()  # a crash or a signal: keep any unsaved work
            if problem is not None:
                _say(t("cli.launch.work_lost", message=problem))
    return app.return_code or 0


def _say(line: str) -> None:
    """``line`` on stderr, one line whatever it quotes; nothing if the terminal has gone."""
    from nntui.core.text import MESSAGE_LIMIT, safe

    try:
        print(safe(line, MESSAGE_LIMIT), file=sys.stderr, flush=True)
    except (OSError, ValueError):  # a terminal that hung up (SIGHUP), a closed stderr: no one to tell
        pass


def _size_from_the_terminal() -> None:
    """A shell may export COLUMNS and LINES, the size of its window when it set them: Textual
    would take them over the terminal's own size, and keep them when the window is resized.
    Under `nntui serve` (Textual's web driver) they are the browser's size, and stay."""
    if "TEXTUAL_DRIVER" not in os.environ:
        os.environ.pop("COLUMNS", None)
        os.environ.pop("LINES", None)


def _checked_data(name: str | None) -> Path | None:
    """The CSV file of --data, read once now so a bad one is said before the screen opens."""
    if name is None:
        return None
    if not name:
        raise UsageError(t("cli.train.data_empty"))
    from nntui.core.datasets import DataFileError, load_csv

    try:
        load_csv(name)
    except DataFileError as error:
        raise UsageError(str(error)) from None
    return Path(name)
