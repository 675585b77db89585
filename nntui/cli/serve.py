"""``nntui serve``: the playground in a web browser, one app per tab, through textual-serve.

textual-serve (and with it Textual) is imported only once the arguments, the
network and the address have been checked, so mistakes are reported at once,
on the terminal, not in the browser.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from nntui.cli.arguments import Parser
from nntui.cli.common import EXIT_FAILURE, UsageError, open_network_for_app, whole
from nntui.i18n import language, t

if TYPE_CHECKING:
    from textual_serve.server import Server

DEFAULT_PORT = 8000
LOOPBACK = "127.0.0.1"


def _parser() -> Parser:
    parser = Parser(prog="nntui serve", description=t("cli.serve.description"))
    parser.add_argument("file", nargs="?", metavar=t("cli.metavar.file"), help=t("cli.help.file_to_open"))
    parser.add_argument("--preset", metavar=t("cli.metavar.name"), help=t("cli.help.preset_to_open"))
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, metavar="N",
                        help=t("cli.help.port", default=DEFAULT_PORT))
    parser.add_argument("--host", default=LOOPBACK, metavar=t("cli.metavar.address"),
                        help=t("cli.help.host", default=LOOPBACK))
    return parser.add_lang()


def _port(text: str) -> int:
    return whole(text, 1, 65535)


def _check_listen(host: str, port: int) -> bool:
    """Bind every address of ``host`` once, as the server will; True if all are loopback."""
    import errno
    import ipaddress
    import socket

    if not host:
        raise UsageError(t("cli.serve.host_empty"))
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise UsageError(t("cli.serve.bad_host", host=host, reason=error.strerror)) from None
    loopback = True
    for family, kind, proto, _, address in addresses:
        ip = ipaddress.ip_address(address[0].split("%")[0])
        if ip.is_unspecified:
            raise UsageError(t("cli.serve.every_address", host=host))
        loopback = loopback and ip.is_loopback
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            try:
                probe.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    raise UsageError(t("cli.serve.port_in_use", port=port, host=host)) from None
                raise UsageError(
                    t("cli.serve.cannot_listen", host=host, port=port, reason=error.strerror or error)
                ) from None
    return loopback


def run(argv: list[str]) -> int:
    """Serve until Ctrl-C; returns the exit status."""
    import shlex

    args = _parser().parse_args(argv)
    open_network_for_app(args.file, args.preset)  # a bad FILE or preset is reported now, not in the browser
    loopback = _check_listen(args.host, args.port)
    command = [sys.executable, "-m", "nntui", "--lang", language()]  # each session speaks ours
    if args.preset is not None:
        command += ["--preset", args.preset]
    if args.file is not None:
        command += ["--", args.file]  # even a file named "-x.json" or "eval"
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown_host}:{args.port}"
    if not loopback:
        print(t("cli.serve.warning", host=args.host), file=sys.stderr)
    # textual-serve runs the command through the shell, once per browser tab.
    server = _web_server(shlex.join(command), args.host, args.port, url)
    try:
        server.serve()
    except OSError as error:  # e.g. another program took the port since the check
        raise UsageError(
            t("cli.serve.cannot_listen", host=args.host, port=args.port, reason=error.strerror or error),
            EXIT_FAILURE,
        ) from None
    return 0


def _web_server(command: str, host: str, port: int, url: str) -> Server:
    """textual-serve's server, quiet, that stops every browser tab's app on Ctrl-C."""
    import asyncio
    import logging

    try:
        from textual_serve.server import Server
    except ImportError:
        raise UsageError(t("cli.serve.needs_textual_serve"), EXIT_FAILURE) from None

    class WebServer(Server):
        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title="nntui", public_url=url)
            self.websockets: set[Any] = set()  # one per open browser tab
            self.apps: set[asyncio.Future[Any]] = set()  # each app's exit, until it has exited

        def initialize_logging(self) -> None:  # problems only, on stderr; no banner, no access log
            logging.basicConfig(level=logging.WARNING, format="nntui serve: %(message)s")

        async def on_startup(self, app: Any) -> None:
            print(t("cli.serve.open", url=url), flush=True)

        async def _process_messages(self, websocket: Any, app_service: Any) -> None:
            process = getattr(app_service, "_process", None)
            if process is not None:
                exited = asyncio.ensure_future(process.wait())
                self.apps.add(exited)
                exited.add_done_callback(self.apps.discard)
            self.websockets.add(websocket)
            try:
                await super()._process_messages(websocket, app_service)
            finally:
                self.websockets.discard(websocket)

        async def on_shutdown(self, app: Any) -> None:
            # Else the server would wait for every tab to close, and exit before the
            # apps do. A closed tab's session tells its app to quit (its unsaved work
            # is kept as a recovery copy); wait for them all.
            await asyncio.gather(*(websocket.close() for websocket in list(self.websockets)))
            if self.apps:
                await asyncio.wait(list(self.apps), timeout=10)

    return WebServer()
