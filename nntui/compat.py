"""Every private name of another library that nntui uses, and why: here, and nowhere else.

Each was checked against the versions named beside it; tests/test_compat.py fails,
naming the library and the name, when one disappears or changes its signature, and
tests/test_compat.py also fails when a private name of Textual, textual-serve or
argparse is used anywhere else in nntui.  pyproject.toml caps textual-serve below
its next major version, since its internals are used here.

Nothing is imported from Textual or textual-serve at run time: the commands that
never show a screen (``nntui eval``, ``nntui train``) import this module too.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # not at run time: `nntui eval` and `nntui train` load neither
    import asyncio

    from textual_serve.app_service import AppService

# --- argparse (checked with Python 3.11; the attribute is as old as argparse) -------------
# argparse decides which arguments starting with "-" are values, not options, by this
# attribute of the parser alone ("-1" and "-.5" by default; "-1e5", "-inf" read as an
# unknown option).  No public parameter says it: ``prefix_chars`` cannot leave "-" out of
# options and keep "--lr", and rewriting argv ("--lr=-inf") would need each option's arity,
# which argparse also keeps in private attributes.  Consulted while parsing only.
ARGPARSE_NEGATIVE_NUMBER = "_negative_number_matcher"


def numbers_are_values(parser: argparse.ArgumentParser, pattern: re.Pattern[str]) -> None:
    """Make ``parser`` read an argument that matches ``pattern`` as a value, never an option."""
    setattr(parser, ARGPARSE_NEGATIVE_NUMBER, pattern)


# --- Textual (checked with 8.2.8) -------------------------------------------------------
# Textual's input thread hands each key to the event loop as a coroutine of this private
# method. A key that comes while the loop closes is never run, and Python warns about it
# (or asyncio logs its task, destroyed pending) naming the method. Only its name is used:
# to recognise those reports and say nothing of them (nntui.app.lifetime.ignore_late_keys).
LATE_KEY_COROUTINE = "MessagePump._post_message"
LATE_KEY_WARNING = rf"coroutine '{re.escape(LATE_KEY_COROUTINE)}' was never awaited"
LATE_KEY_TASK = ("Task was destroyed but it is pending!", LATE_KEY_COROUTINE)


# Textual's command palette searches in a worker method of its own, ``_gather_commands``,
# started by its private ``_on_mount`` and by every keystroke; the search reads the palette's
# list first thing (``query_one(CommandList)``). A palette answered in a burst of keys (typed
# text, then Enter) can start one after its answer, which finds the list gone: NoMatches ends
# the app (a random key walk found it). No public hook says "no search now": nntui's palette
# wraps the method, on its own subclass, to skip a search once it has answered.
PALETTE_SEARCH = "_gather_commands"

Palette = TypeVar("Palette")


def searches_only_while(allowed: Callable[[Any], bool]) -> Callable[[type[Palette]], type[Palette]]:
    """A class decorator for a CommandPalette subclass: a search starts only while
    ``allowed(palette)``; otherwise the keystroke's search is skipped."""

    def decorate(cls: type[Palette]) -> type[Palette]:
        search = getattr(cls, PALETTE_SEARCH)

        def guarded(self: Palette, search_value: str) -> object:
            return search(self, search_value) if allowed(self) else None

        setattr(cls, PALETTE_SEARCH, guarded)  # on nntui's own subclass: CommandPalette is untouched
        return cls

    return decorate


# --- textual-serve (checked with 1.1.3; capped below 2 in pyproject.toml) -----------------
# textual-serve has no public way to choose how a session's app process starts:
# ``AppService.start`` calls the private ``_open_app_process``, which builds the app's
# environment with the private ``_build_environment`` (the web driver, the size, its colours),
# and keeps the process and its standard input in ``_process`` and ``_stdin``, which
# ``run``, ``stdin`` and ``stop`` read.  nntui serve needs its own start (a session of its
# own, ``exec``, a memory limit, a state folder): see nntui.cli.serve_session.
APP_SERVICE_OPEN = "_open_app_process"
APP_SERVICE_ENVIRONMENT = "_build_environment"
APP_SERVICE_PROCESS = ("_process", "_stdin")

Service = TypeVar("Service", bound="AppService")
Opener = Callable[[Any, int, int], Awaitable["asyncio.subprocess.Process"]]


def app_environment(service: AppService, width: int, height: int) -> dict[str, str]:
    """The environment textual-serve gives a session's app of ``width`` x ``height`` cells."""
    build: Callable[..., dict[str, str]] = getattr(service, APP_SERVICE_ENVIRONMENT)
    return build(width=width, height=height)


def starts_app_with(opener: Opener) -> Callable[[type[Service]], type[Service]]:
    """A class decorator: the AppService subclass starts its app with ``opener(service, width,
    height)`` (which returns the process, its standard input a pipe) instead of its own way."""

    def decorate(cls: type[Service]) -> type[Service]:
        async def open_app_process(self: Service, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
            process = await opener(self, width, height)
            for name, value in zip(APP_SERVICE_PROCESS, (process, process.stdin)):
                setattr(self, name, value)
            return process

        setattr(cls, APP_SERVICE_OPEN, open_app_process)  # on nntui's own subclass: AppService is untouched
        return cls

    return decorate
