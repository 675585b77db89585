"""Architecture rules, checked on every test run.

* The import contracts in pyproject.toml (``[tool.importlinter]``): core and
  document know nothing of Textual, Rich, the app or the CLI; core does not
  import document; cli > app > document > core > i18n; no cycles between the
  subpackages of nntui.app.  ``lint-imports`` runs the same contracts by hand.
* No import cycle anywhere in nntui, between modules: imports under
  ``if TYPE_CHECKING:`` and inside functions count, and so does importing a
  package whose ``__init__`` imports the importer back.
* No module over 400 lines (the message catalogues ``nntui/i18n/messages_*.py``
  are data), and no mixins: no class named ``...Mixin``, no class with more
  than one base class defined in nntui.

The three last rules are checked on the import graph that grimp (import-linter's
own graph builder) makes, and on the source with ``ast``.  The small tests at the
end show each checker reporting a made-up violation.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
PACKAGE = "nntui"
MAX_LINES = 400
DATA_MODULES = "i18n/messages_*.py"  # the message catalogues, relative to nntui/


# ---------------------------------------------------------------- import-linter


def _contract_ids() -> list[str]:
    from importlinter.api import read_configuration

    return [contract["id"] for contract in read_configuration(str(PYPROJECT))["contracts_options"]]


def lint_imports(*args: str) -> subprocess.CompletedProcess[str]:
    """import-linter's command line, in this Python (``python -m importlinter.cli`` does nothing),
    in the project's folder, where 2.15 and 2.17 alike read pyproject.toml (the config file as an
    argument is positional in 2.17, ``--config`` in 2.15, the newest that Python 3.10 installs)."""
    command = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
    return subprocess.run(
        [sys.executable, "-c", command, "--no-cache", "--no-logo", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("contract", _contract_ids())
def test_import_contract(contract: str) -> None:
    result = lint_imports("--contract", contract)
    if result.returncode != 0:
        report = result.stdout + result.stderr
        pytest.fail(f"import-linter: contract {contract!r} is broken\n{report}", pytrace=False)


# ---------------------------------------------------------------- import cycles


def build_graph(package: str = PACKAGE) -> grimp.ImportGraph:
    # grimp counts `if TYPE_CHECKING:` imports unless told not to; say it anyway.
    # cache_dir=None: no .grimp_cache folder in the work tree.
    return grimp.build_graph(package, exclude_type_checking_imports=False, cache_dir=None)


def strongly_connected_components(graph: grimp.ImportGraph) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that import each other, sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    successors = {module: sorted(graph.find_modules_directly_imported_by(module)) for module in graph.modules}

    for start in sorted(successors):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(successors[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in successors:
                    continue
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors[child])))
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                components.append(sorted(component))
    return sorted(components)


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components of more than one module (or a module importing itself)."""
    return [
        component
        for component in strongly_connected_components(graph)
        if len(component) > 1 or component[0] in graph.find_modules_directly_imported_by(component[0])
    ]


def _import_kinds(path: Path) -> dict[int, str]:
    """Line of each import statement nested in TYPE_CHECKING or a function → how it is nested."""
    kinds: dict[int, str] = {}

    def visit(node: ast.AST, kind: str) -> None:
        for child in ast.iter_child_nodes(node):
            child_kind = kind
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                child_kind = "in a function"
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                child_kind = "if TYPE_CHECKING"
            if isinstance(child, (ast.Import, ast.ImportFrom)) and kind:
                for line in range(child.lineno, (child.end_lineno or child.lineno) + 1):
                    kinds[line] = kind
            visit(child, child_kind)

    try:
        visit(ast.parse(path.read_text("utf-8"), str(path)), "")
    except (OSError, SyntaxError):
        pass
    return kinds


def _module_path(module: str, package_dir: Path) -> Path:
    relative = Path(*module.split(".")[1:])
    package_init = package_dir / relative / "__init__.py"
    return package_init if package_init.exists() else (package_dir / relative).with_suffix(".py")


def describe_cycle(graph: grimp.ImportGraph, component: list[str], package_dir: Path) -> str:
    members = set(component)
    lines = [f"cycle between {len(component)} modules: {', '.join(component)}"]
    for importer in component:
        path = _module_path(importer, package_dir)
        kinds = _import_kinds(path)
        for imported in sorted(graph.find_modules_directly_imported_by(importer) & members):
            for detail in graph.get_import_details(importer=importer, imported=imported):
                line = detail["line_number"]
                where = f"{path.relative_to(package_dir.parent)}:{line}"
                kind = f" [{kinds[line]}]" if line in kinds else ""
                code = detail["line_contents"].strip()
                lines.append(f"    {importer} -> {imported}  ({where}{kind}: {code})")
    return "\n".join(lines)


def _package_dir(package: str) -> Path:
    module = sys.modules.get(package) or __import__(package)
    return Path(module.__file__).parent


def test_no_import_cycles() -> None:
    graph = build_graph()
    package_dir = _package_dir(PACKAGE)
    cycles = import_cycles(graph)
    if cycles:
        report = "\n".join(describe_cycle(graph, component, package_dir) for component in cycles)
        pytest.fail(f"{len(cycles)} import cycle(s) in {PACKAGE}:\n{report}", pytrace=False)


# ---------------------------------------------------------------- module size and mixins


def python_files(package_dir: Path) -> list[Path]:
    return sorted(path for path in package_dir.rglob("*.py") if "__pycache__" not in path.parts)


def oversized_modules(package_dir: Path, limit: int = MAX_LINES) -> list[str]:
    found = []
    for path in python_files(package_dir):
        if path.relative_to(package_dir).match(DATA_MODULES):
            continue
        count = len(path.read_text("utf-8").splitlines())
        if count > limit:
            found.append(f"{path.relative_to(package_dir.parent)}: {count} lines (limit {limit})")
    return found


def _module_name(path: Path, package_dir: Path) -> str:
    parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _origins(tree: ast.Module, module: str, is_package: bool) -> dict[str, str]:
    """Each name bound by an import (anywhere in the module) → the module it comes from."""
    origins: dict[str, str] = {}
    here = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    origins[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    origins[top] = top
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            for alias in node.names:
                origins[alias.asname or alias.name] = f"{source}.{alias.name}"
    return origins


def _root_name(expression: ast.expr) -> str | None:
    while isinstance(expression, (ast.Attribute, ast.Subscript, ast.Call)):
        expression = expression.value if not isinstance(expression, ast.Call) else expression.func
    return expression.id if isinstance(expression, ast.Name) else None


def mixins(package_dir: Path) -> list[str]:
    """Classes named ...Mixin, and classes with more than one base class defined in the package."""
    package = package_dir.name
    found = []
    for path in python_files(package_dir):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        module = _module_name(path, package_dir)
        origins = _origins(tree, module, path.name == "__init__.py")
        local_classes = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
        where = path.relative_to(package_dir.parent)
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            if node.name.endswith("Mixin"):
                found.append(f"{where}:{node.lineno}: class {node.name} is a mixin (its name ends in Mixin)")
            own_bases = []
            for base in node.bases:
                root = _root_name(base)
                origin = origins.get(root or "", "")
                if root in local_classes or origin == package or origin.startswith(package + "."):
                    own_bases.append(ast.unparse(base))
            if len(own_bases) > 1:
                found.append(
                    f"{where}:{node.lineno}: class {node.name} composes {len(own_bases)} {package} classes "
                    f"({', '.join(own_bases)}): a mixin composition"
                )
    return found


def test_no_module_is_over_400_lines() -> None:
    found = oversized_modules(_package_dir(PACKAGE))
    if found:
        pytest.fail(f"modules over {MAX_LINES} lines (split them):\n  " + "\n  ".join(found), pytrace=False)


def test_no_mixins() -> None:
    found = mixins(_package_dir(PACKAGE))
    if found:
        pytest.fail("mixins (compose objects instead):\n  " + "\n  ".join(found), pytrace=False)


def test_i18n_imports_nothing_else_from_nntui() -> None:
    graph = build_graph()
    found = [
        f"{importer} -> {imported}"
        for importer in sorted(graph.find_children("nntui.i18n") | {"nntui.i18n"})
        for imported in sorted(graph.find_modules_directly_imported_by(importer))
        if imported != "nntui.i18n" and not imported.startswith("nntui.i18n.")
    ]
    if found:
        message = "nntui.i18n is used by every layer and must import nothing else from nntui:\n  "
        pytest.fail(message + "\n  ".join(found), pytrace=False)


# ---------------------------------------------------------------- silenced checks say why

SILENCE = re.compile(r"#\s*(?:type:\s*ignore|noqa)\b(\[[^\]]*\]|:\s*[A-Z]+\d+(?:\s*,\s*[A-Z]+\d+)*)?(.*)")


def unexplained_silences(directory: Path) -> list[str]:
    """Each ``# type: ignore`` or ``# noqa`` under ``directory`` without its code, or without a
    reason after it on its line or in a comment on the line above (the README's "Developing")."""
    found = []
    for path in sorted(directory.rglob("*.py")):
        lines = path.read_text("utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            match = SILENCE.search(line)
            if not match:
                continue
            code, after = match.group(1), match.group(2).strip(" #-—:")
            above = lines[number - 2].strip() if number > 1 else ""
            if not code or not (after or above.startswith("#")):
                found.append(f"{path.relative_to(directory.parent)}:{number}: {line.strip()}")
    return found


def test_each_silenced_check_in_nntui_says_why() -> None:
    found = unexplained_silences(_package_dir(PACKAGE))
    if found:
        pytest.fail("a check silenced without its code or a reason:\n  " + "\n  ".join(found), pytrace=False)


# ---------------------------------------------------------------- the checkers catch what they should


def _write_package(root: Path, name: str, files: dict[str, str]) -> Path:
    for relative, source in files.items():
        path = root / name / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), "utf-8")
    return root / name


@pytest.fixture
def made_up_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterable[Path]:
    name = "archcheck_made_up"
    package_dir = _write_package(
        tmp_path,
        name,
        {
            "__init__.py": "",
            "clean.py": "import json\n",
            # A subpackage whose __init__ re-exports a module that imports the package back.
            "ui/__init__.py": "from archcheck_made_up.ui.panel import Panel\n",
            "ui/panel.py": "from archcheck_made_up.ui import helpers\n"
            "from archcheck_made_up import ui\n\nclass Panel:\n    pass\n",
            "ui/helpers.py": "",
            # Two modules that import each other, one of them only for type checking.
            "a.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from archcheck_made_up.b import B\n",
            "b.py": "from archcheck_made_up.a import *\n\nclass B:\n    pass\n",
            "mixed.py": """\
                from archcheck_made_up.b import B
                from archcheck_made_up import ui
                from json import JSONDecoder

                class SavingMixin:
                    pass

                class Composed(B, ui.Panel):
                    pass

                class Fine(B, JSONDecoder):
                    pass
                """,
            "long.py": "x = 1\n" * (MAX_LINES + 1),
            "i18n/messages_long.py": "x = 1\n" * (MAX_LINES + 1),
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield package_dir
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]


def test_the_cycle_check_finds_type_checking_and_package_init_cycles(made_up_package: Path) -> None:
    graph = build_graph(made_up_package.name)
    cycles = import_cycles(graph)
    assert cycles == [
        ["archcheck_made_up.a", "archcheck_made_up.b"],
        ["archcheck_made_up.ui", "archcheck_made_up.ui.panel"],
    ]
    report = describe_cycle(graph, cycles[0], made_up_package)
    assert "archcheck_made_up/a.py:4 [if TYPE_CHECKING]" in report


def test_the_size_and_mixin_checks_name_the_offenders(made_up_package: Path) -> None:
    too_long = f"archcheck_made_up/long.py: {MAX_LINES + 1} lines (limit {MAX_LINES})"
    assert oversized_modules(made_up_package) == [too_long]
    found = mixins(made_up_package)
    assert len(found) == 2
    assert "mixed.py:5: class SavingMixin" in found[0]
    assert "mixed.py:8: class Composed composes 2" in found[1]


def test_the_silence_check_names_each_unexplained_one(tmp_path: Path) -> None:
    package = _write_package(
        tmp_path,
        "silenced",
        {
            "m.py": """\
                a = f()  # type: ignore[misc]
                b = f()  # type: ignore
                c = f()  # noqa
                d = f()  # type: ignore[misc]  # why: f is untyped
                # arg-type: f takes anything
                e = f()  # type: ignore[arg-type]
                g = f()  # noqa: E731 - a named lambda reads better here
                """
        },
    )
    assert [line.split(": ", 1)[0] for line in unexplained_silences(package)] == [
        "silenced/m.py:1",
        "silenced/m.py:2",
        "silenced/m.py:3",
    ]
