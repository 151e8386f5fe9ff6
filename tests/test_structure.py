"""The package's shape: no import cycles, no imports inside functions, no function longer than a screen,
and one registered check per kind of data file."""

from __future__ import annotations

import ast
from pathlib import Path

from edition import records as r
from edition.load import DATA_FILES
from edition.paths import ROOT
from edition.validate import EDITION_CHECKS, TEXT_CHECKS

PACKAGE = ROOT / "scripts" / "edition"
# About a screen: a function longer than this does several things and should be split.
MAX_FUNCTION_LINES = 60


def modules(package: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of a package (a sub-package is named by its __init__)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's own modules that a module imports at its top level."""
    is_package = path.name == "__init__.py"
    out = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names if alias.name in known}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            if base in known and node.module:
                out.add(base)
            # `from package import module` imports the module itself.
            out |= {f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in known}
    out.discard(name)
    return out


def import_graph(package: Path) -> dict[str, set[str]]:
    found = modules(package)
    return {name: imported_modules(name, path, set(found)) for name, path in found.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, each as the modules along it (found by depth-first search)."""
    found, done = [], set()

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            found.append(trail[trail.index(node) :] + [node])
            return
        if node in done:
            return
        for target in sorted(graph.get(node, ())):
            visit(target, trail + [node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])
    return found


def nested_imports(path: Path) -> list[str]:
    """Imports that are not at a module's top level (inside a function, class or block)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    return [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in top
    ]


def long_functions(path: Path, limit: int) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > limit
    ]


def test_no_import_cycles():
    assert cycles(import_graph(PACKAGE)) == []


def test_no_imports_inside_functions():
    assert [spot for path in modules(PACKAGE).values() for spot in nested_imports(path)] == []


def test_no_function_longer_than_a_screen():
    assert [f for path in modules(PACKAGE).values() for f in long_functions(path, MAX_FUNCTION_LINES)] == []


def test_the_checks_find_what_they_look_for(tmp_path):
    """The three checks above on a package made to break each rule."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("from .sub import c\n")
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "c.py").write_text("from ..a import x\n\n\ndef f():\n    import json\n" + "    pass\n" * 70)
    assert cycles(import_graph(package)) == [["pkg.a", "pkg.b", "pkg.sub.c", "pkg.a"]]
    assert nested_imports(package / "sub" / "c.py") == ["c.py:5"]
    assert long_functions(package / "sub" / "c.py", MAX_FUNCTION_LINES) == ["c.py:4 f (72 lines)"]


def test_every_kind_of_data_file_has_exactly_one_check():
    kinds = set(DATA_FILES.values()) | {r.Section}
    assert set(TEXT_CHECKS) | set(EDITION_CHECKS) == kinds
    assert set(TEXT_CHECKS) & set(EDITION_CHECKS) == set()
