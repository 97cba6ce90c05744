"""The layout of ``claims.nlp`` (issue #14): stage packages that import only shared modules and
earlier stages, no import cycle, no import of another module's private name, and a code
fingerprint of the cached stage that covers the subpackages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import claims.nlp
from claims.cache_stage import source_fingerprint

NLP = Path(claims.nlp.__file__).resolve().parent
STAGES = ("sentences", "quotes", "cues", "indirect", "speakers")  # pipeline order


def _module(path: Path) -> str:
    parts = ("claims", "nlp", *path.relative_to(NLP).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, list[tuple[str, str]]]:
    """Every module's imports of claims.nlp, module-level, local and TYPE_CHECKING alike, as
    (module, name) pairs; ``import x`` gives (x, "")."""
    found: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(NLP.rglob("*.py")):
        pairs: list[tuple[str, str]] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("claims.nlp"):
                pairs.extend((node.module or "", alias.name) for alias in node.names)
            elif isinstance(node, ast.Import):
                pairs.extend((a.name, "") for a in node.names if a.name.startswith("claims.nlp"))
        found[_module(path)] = pairs
    return found


def _target(modules: set[str], module: str, name: str) -> str:
    """The module an import loads: ``from claims.nlp import extensions`` loads a submodule."""
    return f"{module}.{name}" if f"{module}.{name}" in modules else module


def test_no_module_of_claims_nlp_is_part_of_an_import_cycle() -> None:
    imports = _imports()
    modules = set(imports)
    graph = {m: {_target(modules, t, n) for t, n in pairs} - {m} for m, pairs in imports.items()}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError("import cycle: " + " -> ".join([*path, module]))
        if module in done or module not in graph:
            return
        for target in sorted(graph[module]):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_no_module_imports_a_private_name() -> None:
    private = [
        f"{m} imports {t}.{n}"
        for m, pairs in _imports().items()
        for t, n in pairs
        if n.startswith("_") and n != "__future__"
    ]
    assert private == []


def test_a_stage_imports_only_shared_modules_and_earlier_stages() -> None:
    upward = []
    for module, pairs in _imports().items():
        parts = module.split(".")
        own = parts[2] if len(parts) > 3 else None  # claims.nlp.<stage>.<module>
        if parts[-1] in ("pipeline", "extract"):
            continue  # the pipeline puts the stages together
        for target, _ in pairs:
            stage = target.split(".")[2] if target.count(".") >= 2 else None
            if stage in STAGES and (own not in STAGES or STAGES.index(stage) > STAGES.index(own)):
                upward.append(f"{module} imports {target}")
    assert upward == []


def test_the_code_fingerprint_covers_the_stage_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    names = {p.relative_to(NLP).as_posix() for p in NLP.rglob("*.py")}
    assert "speakers/component.py" in names and "sentences/segment.py" in names
    source_fingerprint.cache_clear()
    before = source_fingerprint(("nlp",))
    edited = NLP / "speakers" / "component.py"
    read_bytes = Path.read_bytes

    def read(path: Path) -> bytes:  # an edit of a module inside a stage package
        return read_bytes(path) + (b"\n" if path == edited else b"")

    monkeypatch.setattr(Path, "read_bytes", read)
    source_fingerprint.cache_clear()
    try:
        assert source_fingerprint(("nlp",)) != before
    finally:
        source_fingerprint.cache_clear()
