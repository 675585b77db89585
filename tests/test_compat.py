"""The private names of other libraries that nntui uses: all in nntui/compat.py, all still there.

The first tests fail, naming the library and the name, when a new version of Textual,
textual-serve or Python's argparse drops or changes one of them (then nntui.compat needs
a new way, and pyproject.toml's bounds may need to move).  The last ones fail when a
private name of those libraries is used anywhere in nntui but nntui/compat.py.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import functools
import importlib
import inspect
import re
import sys
from pathlib import Path

import pytest
from textual.message_pump import MessagePump
from textual_serve.app_service import AppService

from nntui import compat

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nntui"
LIBRARIES = ("textual", "textual_serve", "argparse", "rich", "aiohttp")
# Names with a leading underscore that their library documents as public.
PUBLIC_UNDERSCORED = {"_replace", "_asdict", "_fields", "_make", "_field_defaults", "_exit"}


def _signature(function: object) -> list[tuple[str, object]]:
    return [(p.name, p.default) for p in inspect.signature(function).parameters.values()]  # type: ignore[arg-type]


def _says(what: str, found: object, expected: object) -> str:
    return f"{what} changed: {found!r}, checked against {expected!r}; see nntui/compat.py"


# --- argparse ----------------------------------------------------------------------------


def test_argparse_still_reads_the_negative_number_matcher() -> None:
    parser = argparse.ArgumentParser(exit_on_error=False)
    assert isinstance(getattr(parser, compat.ARGPARSE_NEGATIVE_NUMBER, None), re.Pattern), _says(
        "argparse.ArgumentParser." + compat.ARGPARSE_NEGATIVE_NUMBER, None, "a compiled pattern"
    )
    parser.add_argument("--x")
    with pytest.raises(argparse.ArgumentError):  # what the matcher is for: "-inf" reads as an option
        parser.parse_args(["--x", "-inf"])
    compat.numbers_are_values(parser, re.compile(r"^-(?:\.?\d|inf|nan)"))
    assert parser.parse_args(["--x", "-inf"]).x == "-inf", "argparse no longer consults the matcher"


# --- Textual -------------------------------------------------------------------------------


def test_textuals_late_key_coroutine_is_still_named_so() -> None:
    owner, name = compat.LATE_KEY_COROUTINE.split(".")
    assert owner == MessagePump.__name__
    method = getattr(MessagePump, name, None)
    assert inspect.iscoroutinefunction(method), _says(f"textual MessagePump.{name}", method, "a coroutine")
    assert re.search(compat.LATE_KEY_WARNING, f"coroutine '{method.__qualname__}' was never awaited")


def test_textuals_palette_still_searches_through_its_private_method() -> None:
    from textual.command import CommandPalette

    method = getattr(CommandPalette, compat.PALETTE_SEARCH, None)
    assert method is not None, _says(f"textual CommandPalette.{compat.PALETTE_SEARCH}", None, "a method")
    assert _signature(method) == [("self", inspect.Parameter.empty), ("search_value", inspect.Parameter.empty)], _says(
        f"textual CommandPalette.{compat.PALETTE_SEARCH}", _signature(method), "(self, search_value)"
    )
    source = inspect.getsource(CommandPalette)
    assert f"self.{compat.PALETTE_SEARCH}(" in source, "Textual's palette no longer starts its searches there"


async def test_an_answered_palette_starts_no_search() -> None:
    """The random key walk's crash: a search started after the answer found the list gone."""
    from nntui.app.commands import GuardedPalette
    from tests.app.helpers import preset_app

    app = preset_app("xor")
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, GuardedPalette)
        assert getattr(palette, compat.PALETTE_SEARCH)("x") is not None  # a worker, while it asks
        palette.dismiss()
        assert getattr(palette, compat.PALETTE_SEARCH)("x") is None  # none once it has answered
        await pilot.pause()
        assert app.is_running


# --- textual-serve -------------------------------------------------------------------------


def test_textual_serves_app_service_still_starts_through_its_private_method() -> None:
    opener = getattr(AppService, compat.APP_SERVICE_OPEN, None)
    assert inspect.iscoroutinefunction(opener), _says("AppService." + compat.APP_SERVICE_OPEN, opener, "a coroutine")
    assert _signature(opener) == [("self", inspect.Parameter.empty), ("width", 80), ("height", 24)], _says(
        "AppService." + compat.APP_SERVICE_OPEN, _signature(opener), "(self, width=80, height=24)"
    )
    assert compat.APP_SERVICE_OPEN in inspect.getsource(AppService.start), "AppService.start no longer calls it"
    build = getattr(AppService, compat.APP_SERVICE_ENVIRONMENT, None)
    assert build is not None and _signature(build) == [
        ("self", inspect.Parameter.empty),
        ("width", 80),
        ("height", 24),
    ], _says("AppService." + compat.APP_SERVICE_ENVIRONMENT, build, "(self, width=80, height=24)")
    for name in compat.APP_SERVICE_PROCESS:  # read by run(), stdin and stop()
        assert f"self.{name}" in inspect.getsource(AppService), _says("AppService." + name, None, "an attribute")


async def test_a_service_decorated_by_compat_starts_its_app_with_its_opener() -> None:
    async def noop(*_: object) -> None:
        return None

    async def opener(service: AppService, width: int, height: int) -> asyncio.subprocess.Process:
        environment = compat.app_environment(service, width, height)
        assert environment["COLUMNS"] == str(width) and "TEXTUAL_DRIVER" in environment
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            "import sys; sys.stdin.read()",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )

    @compat.starts_app_with(opener)
    class Service(AppService):
        pass

    from textual_serve.download_manager import DownloadManager

    service = Service("unused", write_bytes=noop, write_str=noop, close=noop, download_manager=DownloadManager())
    await service.start(90, 30)
    process = service._process
    assert process is not None and service.stdin is process.stdin
    service.stdin.close()  # the child reads end-of-file and leaves; run() sees its output end
    await service.stop()
    assert await process.wait() == 0
    assert getattr(AppService, compat.APP_SERVICE_OPEN) is not getattr(Service, compat.APP_SERVICE_OPEN)


# --- nowhere else ----------------------------------------------------------------------------


def _library_privates(cls: type) -> set[str]:
    """The private names the library classes among ``cls``'s bases define or set on self."""
    names: set[str] = set()
    for base in cls.__mro__[1:]:
        if base.__module__.split(".")[0] in LIBRARIES:
            names |= _privates_of(base)
    return names


@functools.cache
def _privates_of(base: type) -> frozenset[str]:
    """The private names one library class defines or sets on self (read once: many of nntui's
    classes share Textual's Widget, DOMNode and MessagePump, and reading their source is slow)."""
    names = {name for name in vars(base) if name.startswith("_") and not name.startswith("__")}
    try:
        names |= set(re.findall(r"self\.(_[a-z]\w*)", inspect.getsource(base)))
    except (OSError, TypeError):
        pass
    return frozenset(names)


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def private_uses(path: Path) -> list[str]:
    """Where ``path`` (a module of nntui) uses a private name of another library."""
    source = path.read_text("utf-8")
    tree = ast.parse(source, str(path))
    has_classes = any(isinstance(node, ast.ClassDef) for node in tree.body)
    module = importlib.import_module(_module_name(path)) if has_classes else None  # not __main__
    found = []

    def where(node: ast.AST, what: str) -> str:
        return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}: {what}"

    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and re.fullmatch(r"_[a-z]\w*", node.attr):
            receiver = node.value
            if isinstance(receiver, ast.Call) and ast.unparse(receiver.func) == "super":
                found.append(where(node, f"super().{node.attr}"))
            elif (
                not (isinstance(receiver, ast.Name) and receiver.id in ("self", "cls"))
                and node.attr not in PUBLIC_UNDERSCORED
            ):
                found.append(where(node, ast.unparse(node)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            for name in re.findall(r"\b[A-Z]\w*\._[a-z]\w*", node.value):  # "MessagePump._post_message"
                found.append(where(node, f"{name!r} in a string"))
        elif isinstance(node, ast.ClassDef):
            cls = getattr(module, node.name, None)
            if not isinstance(cls, type):
                continue
            private = _library_privates(cls)
            for child in ast.walk(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and child.name in private:
                    found.append(where(child, f"{node.name}.{child.name} overrides a library's private"))
                if isinstance(child, ast.Attribute) and child.attr in private and ast.unparse(child.value) == "self":
                    found.append(where(child, f"self.{child.attr} (a library's private) in {node.name}"))
    return found


def test_no_private_name_of_another_library_outside_compat() -> None:
    found = [use for path in sorted(PACKAGE.rglob("*.py")) if path.name != "compat.py" for use in private_uses(path)]
    assert not found, "private names of other libraries belong in nntui/compat.py:\n" + "\n".join(found)


def test_the_checker_finds_each_kind_of_private_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "nntui_probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "bad.py").write_text(
        "import argparse\n"
        "from textual_serve.app_service import AppService\n"
        "class S(AppService):\n"
        "    async def _open_app_process(self, width=80, height=24):\n"
        "        env = self._build_environment(width=width)\n"
        "        return await super()._open_app_process(width, height)\n"
        "def f(parser: argparse.ArgumentParser) -> None:\n"
        "    parser._positionals.title = 'x'\n"
        "WARNING = \"coroutine 'MessagePump._post_message' was never awaited\"\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    uses = "\n".join(private_uses(package / "bad.py"))
    for expected in (
        "S._open_app_process",
        "self._build_environment",
        "super()._open_app_process",
        "parser._positionals",
        "'MessagePump._post_message' in a string",
    ):
        assert expected in uses, uses
