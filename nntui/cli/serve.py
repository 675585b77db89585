"""``nntui serve``: the playground in a web browser, one app per tab, through textual-serve.

textual-serve (and with it Textual) is imported only once the arguments, the
network and the address have been checked, so mistakes are reported at once,
on the terminal, not in the browser. The server itself is in ``serve_web``,
each tab's session in ``serve_session``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from nntui.cli.arguments import Parser
from nntui.cli.common import EXIT_FAILURE, UsageError, file_path, open_network_for_app, whole
from nntui.cli.environment import check_textual
from nntui.i18n import language, t

if TYPE_CHECKING:
    from nntui.cli.serve_web import WebServer

DEFAULT_PORT = 8000
LOOPBACK = "127.0.0.1"
DEFAULT_MAX_SESSIONS = 8  # each tab's app takes about 60 MB
MOST_SESSIONS = 100


def _parser() -> Parser:
    parser = Parser(prog="nntui serve", description=t("cli.serve.description"))
    parser.add_argument(
        "file", nargs="?", type=file_path, metavar=t("cli.metavar.file"), help=t("cli.help.file_to_open")
    )
    parser.add_argument("--preset", metavar=t("cli.metavar.name"), help=t("cli.help.preset_to_open"))
    parser.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, metavar="N", help=t("cli.help.port", default=DEFAULT_PORT)
    )
    parser.add_argument(
        "--host", default=LOOPBACK, metavar=t("cli.metavar.address"), help=t("cli.help.host", default=LOOPBACK)
    )
    parser.add_argument(
        "--max-sessions",
        type=_max_sessions,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=t("cli.help.max_sessions", high=MOST_SESSIONS, default=DEFAULT_MAX_SESSIONS),
    )
    return parser.add_lang()


def _port(text: str) -> int:
    return whole(text, 1, 65535)


def _max_sessions(text: str) -> int:
    return whole(text, 1, MOST_SESSIONS)


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
        ip = ipaddress.ip_address(str(address[0]).split("%")[0])  # an IP address for AF_INET(6)
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
    """Serve until Ctrl-C, SIGTERM or SIGHUP; returns the exit status (129 after SIGHUP)."""
    import shlex

    args = _parser().parse_args(argv)
    check_textual()  # each tab runs the playground: an old Textual is said here, not in the browser
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
    server = _web_server(shlex.join(command), args.host, args.port, url, max_sessions=args.max_sessions)
    try:
        server.serve()
    except OSError as error:  # e.g. another program took the port since the check
        raise UsageError(
            t("cli.serve.cannot_listen", host=args.host, port=args.port, reason=error.strerror or error),
            EXIT_FAILURE,
        ) from None
    return server.status


def _web_server(command: str, host: str, port: int, url: str, max_sessions: int) -> WebServer:
    """textual-serve's server, quiet, that owns its sessions' apps (see serve_web)."""
    try:
        import textual_serve.server  # noqa: F401 - only to know it is there
    except ImportError:
        raise UsageError(t("cli.serve.needs_textual_serve"), EXIT_FAILURE) from None
    from nntui.cli.serve_web import WebServer

    return WebServer(command, host, port, url, max_sessions)
