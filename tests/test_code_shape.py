"""The code keeps the shape the project promises: small functions and classes, no import cycles.

A function over 80 lines or a class over 250 lines needs its reason in its
docstring (a sentence with "long because"). Modules of a package never import
each other in a circle, at module level or inside functions.
"""

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGES = ("ingest", "datasette_news_archive")
LIMITS = {ast.FunctionDef: 80, ast.AsyncFunctionDef: 80, ast.ClassDef: 250}


def modules():
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_or_class_is_too_long_without_a_stated_reason(path):
    too_long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if type(node) in LIMITS
        and node.end_lineno - node.lineno + 1 > LIMITS[type(node)]
        and "long because" not in (ast.get_docstring(node) or "")
    ]
    assert too_long == []


def imports(path: Path) -> set[str]:
    """The modules of our packages that ``path`` imports, anywhere in it."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}")
                found.add(base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    ours = {module_name(p) for p in modules()}
    return {module for module in found if module in ours and module != name}


def test_no_module_imports_itself_through_others():
    graph = {module_name(path): imports(path) for path in modules()}
    packages = set(PACKAGES)

    def reaches(start, node, seen):
        for nxt in graph.get(node, ()):
            if nxt in packages:  # importing a package's __init__ for a name is not a cycle through it
                continue
            if nxt == start:
                return True
            if nxt not in seen:
                seen.add(nxt)
                if reaches(start, nxt, seen):
                    return True
        return False

    assert [module for module in graph if module not in packages and reaches(module, module, set())] == []
