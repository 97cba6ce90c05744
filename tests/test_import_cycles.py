"""No import cycles between the modules of ``claims``.

Every module under ``src/claims`` is parsed with :mod:`ast` (nothing is imported), and every
``claims.*`` import counts, wherever it stands: at module level, inside a function, under
``if TYPE_CHECKING``. A package's ``__init__`` is a module of its own (``claims.report``).
``from X import name`` depends on ``X`` (whose ``__init__`` runs) and on ``X.name`` when that is
a module; ``import X.Y`` depends on ``X.Y``. A cycle means two layers know each other, so the
test names it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "claims"



def module_files() -> dict[str, Path]:
    """Dotted module name -> file, packages named by their ``__init__``."""
    modules: dict[str, Path] = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported(module: str, path: Path, modules: dict[str, Path]) -> Iterator[str]:
    """The ``claims`` modules one module imports, anywhere in its source."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules:
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            if base in modules:
                yield base
            for alias in node.names:
                if f"{base}.{alias.name}" in modules:
                    yield f"{base}.{alias.name}"


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    return {
        name: {target for target in imported(name, path, modules) if target != name}
        for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def path_through(graph: dict[str, set[str]], members: list[str]) -> list[str]:
    """One concrete cycle inside a component, for the message: a -> b -> ... -> a."""
    inside = set(members)
    start = members[0]
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & inside):
            if target == start:
                chain = [node]
                while chain[-1] != start:
                    chain.append(previous[chain[-1]])
                return [start, *reversed(chain[:-1]), start]
            if target not in previous:
                previous[target] = node
                queue.append(target)
    return members


def test_graph_sees_the_package() -> None:
    graph = import_graph()
    assert "claims.app" in graph and "claims.report" in graph
    assert "claims.models" in graph["claims.app"] or any(graph.values())


def test_no_import_cycles() -> None:
    graph = import_graph()
    found = list(cycles(graph))
    message = "\n".join(
        " -> ".join(path_through(graph, c)) + f"\n  ({', '.join(c)})" for c in found
    )
    assert not found, f"import cycles:\n{message}"


def test_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert path_through(graph, ["a", "b", "c"]) == ["a", "b", "c", "a"]
