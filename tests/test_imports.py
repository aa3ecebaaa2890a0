"""The import graph: words come from the domain, never sideways from `reports`.

Read from the source with `ast` (every `import`, at the top or inside a function), so a module
that imports lazily is caught as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "desktop"

# What a caller outside `desktop.reports` may use of it: building a report and checking where it
# goes. Words (labels, money, dates) are `desktop.domain.words`.
REPORT_ENTRY_POINTS = {"desktop.reports", "desktop.reports.service", "desktop.reports.destination"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Each module of `desktop` with the modules it imports (relative imports resolved)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    target = ".".join([*base, node.module] if node.module else base)
                else:
                    target = node.module or ""
                found.add(target)
                # `from ..reports import format` names a module, not an attribute
                found.update(f"{target}.{alias.name}" for alias in node.names
                             if (PACKAGE.parent / Path(*f"{target}.{alias.name}".split("."))).with_suffix(".py").exists())
        graph[name] = found
    return graph


def test_the_graph_is_read() -> None:
    graph = imports()
    assert "desktop.domain.words" in graph["desktop.ui.labels"]
    assert "desktop.domain.words" in graph["desktop.reports.claim_sheet"]  # a relative-free import
    assert "desktop.reports.service" in graph["desktop.cli"]  # a lazy one, inside a function


def test_no_module_outside_reports_imports_reports_for_words() -> None:
    sideways = {
        (module, target)
        for module, targets in imports().items() if not module.startswith("desktop.reports")
        for target in targets if target.startswith("desktop.reports") and target not in REPORT_ENTRY_POINTS
    }
    assert sideways == set()


def test_words_have_one_home_without_qt() -> None:
    graph = imports()
    assert not any(t.startswith("PySide6") for t in graph["desktop.domain.words"])
    tables = sorted(str(p.relative_to(PACKAGE.parent)) for p in PACKAGE.rglob("*.py")
                    if "ENUM_LABELS:" in p.read_text(encoding="utf-8") or '"EnumLabel"' in p.read_text(encoding="utf-8"))
    assert tables == [str(Path("desktop", "domain", "words.py"))]


def test_only_storage_imports_a_backend_or_sql() -> None:
    """Above storage a log is a `Location` and a `LogStore`: no module outside `desktop.storage`
    imports a backend package (`desktop.storage.sqlite`), sqlite3, sqlite_utils or psycopg."""
    backend = ("desktop.storage.sqlite", "desktop.storage.postgres", "sqlite3", "sqlite_utils", "psycopg")
    outside = {
        (module, target)
        for module, targets in imports().items() if not module.startswith("desktop.storage")
        for target in targets if target.startswith(backend)
    }
    assert outside == set()


def test_layers_point_one_way() -> None:
    """domain imports neither storage nor anything above it; storage imports nothing above it."""
    above = {"desktop.domain": ("desktop.storage", "desktop.exchange", "desktop.reports", "desktop.ui", "desktop.cli", "PySide6"),
             "desktop.storage": ("desktop.exchange", "desktop.reports", "desktop.ui", "desktop.cli", "PySide6")}
    wrong = {
        (module, target)
        for module, targets in imports().items()
        for layer, forbidden in above.items() if module.startswith(layer)
        for target in targets if target.startswith(forbidden)
    }
    assert wrong == set()
