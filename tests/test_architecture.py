"""The shape of the code: imports run one way.

Read from the source with `ast` (nothing is imported): a module's imports are those that run when
it is imported (its body and class bodies, not function bodies, where an import that must wait
for a cycle or the app registry is allowed and commented).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "accounts",
    "notifications",
    "practices",
    "volunteers",
    "matching",
    "privacy",
    "outreach",
    "api",
    "opendata",
    "skillup",
)

# Which apps each app may import at module level: the arrows of the house, one way. skillup is
# both the floor (shared helpers every app uses: errors, admin pieces, workflow tables) and the
# roof (settings, URLs, the dashboard), so it is checked module by module below.
MAY_IMPORT = {
    "notifications": set(),
    "accounts": {"notifications"},
    "practices": {"accounts", "notifications"},
    "volunteers": {"accounts", "notifications", "matching"},
    "matching": {"accounts", "notifications", "volunteers"},
    "privacy": {"accounts", "notifications", "practices", "volunteers", "matching"},
    "outreach": {"accounts", "notifications", "practices", "volunteers", "matching"},
    # the open-data API and datasets read what the public pages show; no app imports them
    "api": {"accounts", "notifications", "practices", "volunteers", "matching"},
    "opendata": {"accounts", "notifications", "practices", "volunteers", "matching"},
}
# skillup modules that assemble the apps (everything else in skillup imports no app)
SKILLUP_ROOF = {
    "skillup.views",
    "skillup.urls",
    "skillup.management.commands.seed_demo",
    "skillup.overview",
    "skillup.overview_views",
}


def _modules() -> dict[str, Path]:
    found = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts or "settings" in parts:
                continue
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _import_time_nodes(tree: ast.AST):
    """Import statements that run on import: not inside a function."""
    stack = list(ast.iter_child_nodes(tree))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _edges(modules: dict[str, Path]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in _import_time_nodes(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                bases = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                bases = [f"{base}.{alias.name}" for alias in node.names] + [base]
            for target in bases:
                # the longest known module named by the import (a name inside it otherwise)
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    targets.add(target)
        edges[name] = targets
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_modules_import_each_other_in_a_circle():
    edges = _edges(_modules())

    assert _cycles(edges) == []


def test_the_cycle_finder_sees_a_circle():
    edges = {"a.x": {"b.y"}, "b.y": {"c.z"}, "c.z": {"a.x"}, "d": {"a.x"}}

    assert _cycles(edges) == [["a.x", "b.y", "c.z"]]


def test_relative_imports_resolve_from_a_package_and_from_its_modules(tmp_path):
    """`from . import x` in a package's __init__ is relative to the package itself; in a module,
    to the module's package; `..` goes one package up; an import in a function is not counted."""
    files = {
        "pkg/__init__.py": "from . import b\nfrom .sub import c\n",
        "pkg/b.py": "from .sub.c import X\n\ndef later():\n    from . import sub\n",
        "pkg/sub/__init__.py": "from .. import b\n",
        "pkg/sub/c.py": "from ..b import Y\nimport pkg.sub\n",
    }
    modules = {}
    for relative, source in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
        parts = Path(relative).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path

    assert _edges(modules) == {
        "pkg": {"pkg.b", "pkg.sub", "pkg.sub.c"},
        "pkg.b": {"pkg.sub.c"},
        "pkg.sub": {"pkg", "pkg.b"},
        "pkg.sub.c": {"pkg.b", "pkg.sub"},
    }


def test_apps_import_only_the_apps_below_them():
    edges = _edges(_modules())
    wrong = sorted(
        (module, target)
        for module, targets in edges.items()
        for target in targets
        if (app := module.split(".")[0]) in MAY_IMPORT
        and (other := target.split(".")[0]) != app
        and other != "skillup"
        and other not in MAY_IMPORT[app]
    )

    assert wrong == []


def test_skillup_imports_apps_only_where_it_assembles_them():
    edges = _edges(_modules())
    wrong = sorted(
        (module, target)
        for module, targets in edges.items()
        if module.startswith("skillup") and module not in SKILLUP_ROOF
        for target in targets
        if target.split(".")[0] in MAY_IMPORT
    )

    assert wrong == []


def test_every_scheduled_task_is_one_a_worker_finds():
    """Beat sends tasks by name: each name in CELERY_BEAT_SCHEDULE is a task that a worker
    registers when it starts (Celery's autodiscovery of the installed apps' tasks modules)."""
    from celery import current_app
    from django.conf import settings

    current_app.loader.import_default_modules()  # what a worker does at start
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert scheduled - set(current_app.tasks) == set()
    assert {"skillup.count_overview", "outreach.sweep"} <= scheduled
