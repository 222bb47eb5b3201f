"""The codec stays a plain library: no Django, no other part of egov (the app will wrap it)."""

from __future__ import annotations

import ast
from pathlib import Path

CODEC = Path(__file__).resolve().parents[1] / "edxml"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_codec_imports_neither_django_nor_the_rest_of_egov():
    modules = sorted(CODEC.glob("*.py"))
    assert len(modules) > 5

    offending = {
        f"{path.name}: {name}"
        for path in modules
        for name in _imports(path)
        if name.split(".")[0] == "django" or name.startswith("egov")
    }

    assert offending == set()
