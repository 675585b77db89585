"""``nntui [FILE] [--preset NAME]``: the playground itself, the only command that loads Textual."""

from __future__ import annotations

from pathlib import Path

from nntui import __version__
from nntui.cli.arguments import Parser, RawFormatter
from nntui.cli.common import open_network_for_app
from nntui.i18n import t


def _parser() -> Parser:
    parser = Parser(
        prog="nntui",
        description=t("cli.main.description"),
        epilog=t("cli.main.epilog"),
        formatter_class=RawFormatter,
    )
    parser.add_argument("file", nargs="?", metavar=t("cli.metavar.file"), help=t("cli.help.file_to_open"))
    parser.add_argument("--preset", metavar=t("cli.metavar.name"), help=t("cli.help.preset_to_open"))
    parser.add_argument("--version", action="version", version=f"nntui {__version__}",
                        help=t("cli.argparse.version"))
    return parser.add_lang()


def run(argv: list[str]) -> int:
    """Open the playground on FILE or a preset; returns the app's exit status."""
    args = _parser().parse_args(argv)
    network = open_network_for_app(args.file, args.preset)
    # Imported here so the non-interactive commands (and --version) never load Textual.
    from nntui.app.app import NNTuiApp
    from nntui.core.presets import DEFAULT_PRESET

    preset = None if args.file is not None else (args.preset if args.preset is not None else DEFAULT_PRESET)
    app = NNTuiApp(network, path=Path(args.file) if args.file is not None else None, preset=preset)
    try:
        app.run()
    finally:
        if not app.clean_exit:
            app.write_recovery()  # a crash or a signal: keep any unsaved work
    return app.return_code or 0
