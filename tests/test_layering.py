"""The project's modules form layers: no import cycle (imports inside functions included, since
they only hide a cycle), and the store neither prints nor reads command-line options."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "parley"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imported(name: str, path: Path) -> set[str]:
    """Every project module ``name`` imports, at the top or inside a function. Importing
    ``a.b.c`` runs the packages ``a.b`` and ``a`` first: they count, unless they contain the
    importer (a package's ``__init__`` importing its own modules is how packages are built)."""
    base = name if _is_package(name) else name.rpartition(".")[0]
    targets: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and _type_checking(block.test)
                   for stmt in block.body for n in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in typing_only:  # annotations only: never imported at run time
            continue
        if isinstance(node, ast.Import):
            targets |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base.split(".")[: len(base.split(".")) - node.level + 1]
                module = ".".join(anchor + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for a in node.names:
                sub = f"{module}.{a.name}"
                targets.add(sub if sub in MODULES else module)
    out = set()
    for t in targets:
        while t and t not in MODULES:  # an attribute path: the module that holds it
            t = t.rpartition(".")[0]
        if not t or t == name:
            continue
        out.add(t)
        parent = t.rpartition(".")[0]
        while parent and not (name == parent or name.startswith(parent + ".")):
            out.add(parent)
            parent = parent.rpartition(".")[0]
    return out


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _path(graph: dict[str, set[str]], start: str, members: set[str]) -> list[str]:
    """One cycle through ``start`` inside ``members``, for the failure message."""
    prev: dict[str, str] = {}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & members):
            if w == start:
                chain = [v]
                while chain[-1] != start:
                    chain.append(prev[chain[-1]])
                return [start, *reversed(chain[:-1]), start]
            if w not in prev:
                prev[w] = v
                queue.append(w)
    return [start]


def test_the_import_walk_sees_what_it_must():
    graph = {name: _imported(name, path) for name, path in MODULES.items()}
    # a top-level import, an import inside a function, a package's __init__ reached through a submodule
    assert "parley.store.models" in graph["parley.store.blocks"]
    assert "parley.kb" in graph["parley.store.blocks"]
    assert any("parley.resolve.officials" in graph[m] for m in MODULES if m.startswith("parley.kb."))
    # a made-up cycle is found, with its path
    toy = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(toy) == [["a", "b", "c"]] and _path(toy, "a", {"a", "b", "c"}) == ["a", "b", "c", "a"]


def test_no_import_cycle_among_the_projects_modules():
    graph = {name: _imported(name, path) for name, path in MODULES.items()}
    cycles = _cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(_path(graph, c[0], set(c))) for c in cycles)


def test_the_store_neither_prints_nor_reads_command_line_options():
    offending = []
    for name, path in MODULES.items():
        if not name.startswith(f"{PACKAGE}.store"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if any(m.split(".")[0] in ("typer", "click", "argparse", "rich") for m in mods):
                    offending.append(f"{name} imports {', '.join(mods)}")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("print", "input"):
                offending.append(f"{name} calls {node.func.id}() on line {node.lineno}")
    assert not offending, "\n".join(offending)


def test_the_api_and_the_pages_are_adapters_over_one_read_layer():
    """api/ and web/ build no query (no SQLAlchemy construct, no table model) and import each
    other nowhere: both render the views of parley.store.read."""
    graph = {name: _imported(name, path) for name, path in MODULES.items()}
    offending = []
    for name, path in MODULES.items():
        layer = name.split(".")[1] if name.count(".") >= 1 else ""
        if layer not in ("api", "web"):
            continue
        other = "web" if layer == "api" else "api"
        offending += [f"{name} imports {t}" for t in graph[name] if t.startswith(f"{PACKAGE}.{other}")]
        offending += [f"{name} imports {t}" for t in graph[name] if t == f"{PACKAGE}.store.models"]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                built = [a.name for a in node.names if a.name not in ("Connection", "Engine")]
                if built:
                    offending.append(f"{name} imports {', '.join(built)} from {node.module}")
    assert not offending, "\n".join(offending)
