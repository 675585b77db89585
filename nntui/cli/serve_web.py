"""textual-serve's server as ``nntui serve`` runs it: it owns every session it starts.

:class:`WebServer` is textual-serve's ``Server`` with its documented hooks
overridden (``initialize_logging``, ``on_startup``, ``on_shutdown``,
``request_exit``, ``serve``) and its two routes (``handle_index``,
``handle_websocket``) taken over:

* each websocket is one :class:`~nntui.cli.serve_session.Session`: an app in a
  process group of its own, with a state folder of its own (a fresh folder
  under the server's temporary one, which goes with the server);
* the websocket has a heartbeat: a browser that has gone without closing
  (asleep, off the network, frozen) stops answering and is dropped within
  ``HEARTBEAT * 1.5`` seconds, and its session ends like any other;
* at most ``max_sessions`` sessions run at once (counted until their apps have
  gone): the page, then the websocket, tell the next visitor that the server
  is full, in their browser's language when it is English or French;
* SIGTERM, SIGINT (Ctrl-C) or SIGHUP (its terminal closed) end every session
  together, then the server: within ``ENDS_WITHIN`` seconds, whatever the apps
  are doing. After SIGHUP the server's status is 129, as a shell expects;
* each session's app also leaves by itself when its pipe from the server
  closes (the server killed outright), taking its own folder with it
  (``nntui.app.lifetime``): no playground outlives its server.
"""

from __future__ import annotations

import asyncio
import html
import logging
import shutil
import signal
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.server import Server, to_int

from nntui.cli.serve_session import CLOSE_WAIT, Session, SessionService
from nntui.core.plural import counted
from nntui.core.text import visible
from nntui.i18n import LANGUAGES, language, set_language, t

HEARTBEAT = 10.0  # seconds between pings of a quiet websocket; no pong within half that drops it
REFUSED_FOR = 30.0  # seconds a turned-away tab shows why, before textual-serve's "Session ended."


class VisibleFormatter(logging.Formatter):
    """Text is text: a warning may quote what a visitor sent; each control character reaches
    the server's terminal as its visible stand-in (line breaks kept, for tracebacks)."""

    def format(self, record: logging.LogRecord) -> str:
        return "\n".join(visible(line) for line in super().format(record).split("\n"))


class WebServer(Server):
    """textual-serve's server that starts, counts and ends its sessions' apps."""

    def __init__(self, command: str, host: str, port: int, url: str, max_sessions: int) -> None:
        super().__init__(command, host=host, port=port, title="nntui", public_url=url)
        self.url = url
        self.max_sessions = max_sessions
        self.sessions: set[Session] = set()  # until their apps have gone
        self.turned_away: set[web.WebSocketResponse] = set()
        self.folder: Path | None = None  # the sessions' state folders are made in it
        self.exiting = False
        self.closing = False
        self.status = 0  # the exit status: 128 + SIGHUP after a hang-up

    # --- textual-serve's hooks -----------------------------------------------------------------

    def initialize_logging(self) -> None:  # problems only, on stderr; no banner, no access log
        handler = logging.StreamHandler()
        handler.setFormatter(VisibleFormatter("nntui serve: %(message)s"))
        logging.basicConfig(level=logging.WARNING, handlers=[handler])

    async def on_startup(self, app: web.Application) -> None:
        # textual-serve handles SIGINT and SIGTERM; a closed terminal (SIGHUP) must end the
        # sessions the same way, or its apps would run on, in sessions of their own.
        if hasattr(signal, "SIGHUP"):
            with suppress(NotImplementedError, RuntimeError):
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._hang_up)
        print(t("cli.serve.open", url=self.url), flush=True)

    def _hang_up(self) -> None:
        self.status = self.status or 128 + signal.SIGHUP
        self.request_exit()

    def request_exit(self) -> None:
        if not self.exiting:
            self.exiting = True
            super().request_exit()  # on to on_shutdown
        else:  # a second Ctrl-C while the sessions end: no more waiting, and nothing abandoned
            for session in list(self.sessions):
                session.kill_now()

    async def on_shutdown(self, app: web.Application) -> None:
        # Else aiohttp would wait for every websocket to close by itself.
        self.closing = True
        await asyncio.gather(
            *(session.end() for session in list(self.sessions)),
            *(websocket.close(code=WSCloseCode.GOING_AWAY) for websocket in list(self.turned_away)),
            return_exceptions=True,
        )

    def serve(self, debug: bool = False) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="nntui-serve-"))
        try:
            super().serve(debug)
        finally:  # however the server leaves: no app outlives it, no folder is left
            for session in list(self.sessions):
                session.kill_now()
            shutil.rmtree(self.folder, ignore_errors=True)

    # --- the routes ------------------------------------------------------------------------------

    async def handle_index(self, request: web.Request) -> Any:
        if self.full:
            return self._full_page(request)
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab's session, from its websocket opening to its app's end (replaces
        textual-serve's own, which gives no say in how the app starts or ends)."""
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT, timeout=CLOSE_WAIT)
        await websocket.prepare(request)
        if self.closing or self.folder is None:
            await websocket.close(code=WSCloseCode.GOING_AWAY)
            return websocket
        if self.full:
            await self._turn_away(websocket, request)
            return websocket
        session = Session(
            self.command,
            self.folder,
            websocket,
            self.sessions.discard,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.sessions.add(session)
        try:
            await session.start(
                to_int(request.query.get("width", "80"), 80), to_int(request.query.get("height", "24"), 24)
            )
            if not self.closing:
                await pass_browser_messages(websocket, session.service)
        except Exception as error:  # as textual-serve does: reported, and the session ends
            logging.getLogger("textual-serve").exception(error)
        finally:
            await session.end()
        return websocket

    # --- when full ---------------------------------------------------------------------------------

    @property
    def full(self) -> bool:
        return len(self.sessions) >= self.max_sessions

    def _full_words(self, request: web.Request) -> tuple[str, str, str]:
        """The language, title and message of "full", for this visitor."""
        chosen = visitor_language(request.headers.get("Accept-Language", ""))
        title, message = in_language(
            chosen,
            lambda: (
                t("cli.serve.full_title"),
                t("cli.serve.full", playgrounds=counted("cli.count.playground", self.max_sessions)),
            ),
        )
        return chosen, title, message

    def _full_page(self, request: web.Request) -> web.Response:
        chosen, title, message = self._full_words(request)
        page = (
            f'<!DOCTYPE html>\n<html lang="{chosen}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title)}</title>\n"
            "<style>body { background: #0c181f; color: #eee; font: 16px menlo, monospace;"
            " max-width: 40em; margin: 4em auto; padding: 0 1em; }</style>\n</head>\n"
            f"<body>\n<h1>{html.escape(title)}</h1>\n<p>{html.escape(message)}</p>\n</body>\n</html>\n"
        )
        return web.Response(status=503, text=page, content_type="text/html", headers={"Retry-After": "60"})

    async def _turn_away(self, websocket: web.WebSocketResponse, request: web.Request) -> None:
        """Say why in the page's terminal, for a while, then close."""
        _, _, message = self._full_words(request)
        self.turned_away.add(websocket)
        try:
            await websocket.send_bytes(f"\r\n  {message}\r\n".encode())
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(_until_closed(websocket), REFUSED_FOR)
        except Exception:  # noqa: BLE001 - the tab has gone: nothing to tell
            pass
        finally:
            self.turned_away.discard(websocket)
            with suppress(Exception):
                await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER)


async def pass_browser_messages(websocket: web.WebSocketResponse, service: SessionService) -> None:
    """What the page's terminal sends, to the app, until the websocket closes: keys, sizes, focus,
    and an answer to each ping. textual-serve's page speaks this protocol (the same loop as its
    Server's, which is private): a JSON list, its first item the message's type."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        envelope = message.json()
        if not isinstance(envelope, list) or not envelope:
            raise TypeError(f"not a message of textual-serve's page: {envelope!r}")  # logged; the session ends
        kind = envelope[0]
        if kind == "stdin":
            await service.send_bytes(envelope[1].encode("utf-8"))
        elif kind == "resize":
            await service.set_terminal_size(envelope[1]["width"], envelope[1]["height"])
        elif kind == "ping":
            await websocket.send_json(["pong", envelope[1]])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()


async def _until_closed(websocket: web.WebSocketResponse) -> None:
    async for _ in websocket:  # anything the tab sends is ignored
        pass


def visitor_language(accept_language: str) -> str:
    """The first of nntui's languages the browser asks for (its Accept-Language), else ours."""
    ranked = []
    for position, item in enumerate(accept_language.split(",")):
        tag, _, parameters = item.partition(";")
        weight = 1.0
        name, _, value = parameters.strip().partition("=")
        if name.strip() == "q":
            try:
                weight = float(value)
            except ValueError:
                weight = 0.0
        code = tag.strip().lower().split("-")[0]
        if code in LANGUAGES and weight > 0:
            ranked.append((-weight, position, code))
    return min(ranked)[2] if ranked else language()


def in_language(chosen: str, words: Callable[[], Any]) -> Any:
    """``words()`` said in ``chosen``; the server's own language is back after."""
    ours = language()
    set_language(chosen)
    try:
        return words()
    finally:
        set_language(ours)
