"""The import direction between layers: domain stays plain, only ui imports Qt widgets."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "meili_desktop"

QT_WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtCharts",
                     "PySide6.QtPrintSupport")

# layer -> prefixes its modules must not import
FORBIDDEN = {
    "domain": ("PySide6", "sqlalchemy", "alembic", "meili_desktop.store",
               "meili_desktop.exchange", "meili_desktop.reports", "meili_desktop.services",
               "meili_desktop.ui", "meili_desktop.cli", "openpyxl"),
    "store": (*QT_WIDGET_MODULES, "meili_desktop.ui", "meili_desktop.cli",
              "meili_desktop.services"),
    "exchange": ("PySide6", "meili_desktop.ui", "meili_desktop.cli"),
    "services": ("PySide6.QtWidgets", "meili_desktop.ui", "meili_desktop.cli"),
    "reports": ("PySide6.QtWidgets", "meili_desktop.ui", "meili_desktop.cli"),
    "cli": ("PySide6.QtWidgets", "PySide6.QtGui", "meili_desktop.ui"),
}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def layer_files() -> list[tuple[str, Path]]:
    files = []
    for layer in FORBIDDEN:
        folder = PACKAGE / layer
        if folder.is_dir():
            files.extend((layer, path) for path in sorted(folder.rglob("*.py")))
        elif (PACKAGE / f"{layer}.py").is_file():
            files.append((layer, PACKAGE / f"{layer}.py"))
    return files


@pytest.mark.parametrize(("layer", "path"), layer_files(),
                         ids=lambda value: value if isinstance(value, str) else value.name)
def test_layer_imports(layer: str, path: Path) -> None:
    for module in imported_modules(path):
        for forbidden in FORBIDDEN[layer]:
            assert not (module == forbidden or module.startswith(forbidden + ".")), \
                f"{path.relative_to(PACKAGE)} ({layer}) imports {module}"


def test_domain_imports_only_errors_of_ours() -> None:
    for path in sorted((PACKAGE / "domain").rglob("*.py")):
        for module in imported_modules(path):
            if module.startswith("meili_desktop"):
                assert module == "meili_desktop.errors" or module.startswith(
                    "meili_desktop.domain"), f"{path.name} imports {module}"
