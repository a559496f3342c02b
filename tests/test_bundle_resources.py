"""The bundle recipe: every file the program reads at run time exists and build_exe.spec ships it.

The spec is executed with recording stand-ins for PyInstaller's build steps (Analysis, PYZ,
EXE, COLLECT), so the test sees exactly the data files, hidden imports and excludes that a
real build gets, without building.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "meili_desktop"
sys.path.insert(0, str(ROOT / "tools"))

import version_info  # noqa: E402 - the tools folder is not a package


class BuildStep:
    """Records the arguments of one PyInstaller build step."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs
        self.datas = list(kwargs.get("datas", []))
        self.binaries: list[tuple[str, str, str]] = []
        self.scripts: list[Any] = []
        self.pure: list[Any] = []


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    namespace: dict[str, Any] = {
        "SPECPATH": str(ROOT), "workpath": str(tmp_path_factory.mktemp("work")),
        "Analysis": BuildStep, "PYZ": BuildStep, "EXE": BuildStep, "COLLECT": BuildStep,
        "__file__": str(ROOT / "build_exe.spec"),
    }
    source = (ROOT / "build_exe.spec").read_text(encoding="utf-8")
    exec(compile(source, "build_exe.spec", "exec"), namespace)  # noqa: S102 - our own recipe
    return namespace


def shipped_files(spec: dict[str, Any]) -> set[str]:
    """Return the bundle-relative paths of the data files the spec passes to Analysis."""
    shipped = set()
    for source, destination in spec["a"].kwargs["datas"]:
        shipped.add(f"{destination}/{Path(source).name}".replace("\\", "/"))
    return shipped


def _module_constants(tree: ast.Module) -> dict[str, tuple[str, ...]]:
    constants: dict[str, tuple[str, ...]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name):
            value = node.value
            if isinstance(value, ast.Tuple) and all(
                    isinstance(item, ast.Constant) and isinstance(item.value, str)
                    for item in value.elts):
                constants[node.targets[0].id] = tuple(item.value for item in value.elts)
    return constants


def resource_calls() -> list[tuple[str, str | None]]:
    """Return (module:line, path under resources/) for every ``resource_path(...)`` call.

    The path is None when an argument is computed, because this test can resolve only string
    literals and module-level tuples of them.
    """
    calls: list[tuple[str, str | None]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = _module_constants(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "resource_path"):
                continue
            parts: list[str] | None = []
            for argument in node.args:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    parts.append(argument.value)
                elif isinstance(argument, ast.Starred) and isinstance(argument.value, ast.Name) \
                        and argument.value.id in constants:
                    parts.extend(constants[argument.value.id])
                else:
                    parts = None
                    break
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            calls.append((where, None if parts is None else "/".join(parts)))
    return calls


def resource_references() -> list[tuple[str, str]]:
    return [(where, reference) for where, reference in resource_calls() if reference is not None]


def test_resource_arguments_literal() -> None:
    computed = [where for where, reference in resource_calls() if reference is None]

    assert computed == [], "resource_path arguments must be literals this test can check"


def test_resource_references_found() -> None:
    referenced = {reference for _module, reference in resource_references()}

    assert "catalogue/catalogue-2020.json" in referenced
    assert "i18n" in referenced


@pytest.mark.parametrize(("module", "reference"), resource_references())
def test_referenced_resource_exists(module: str, reference: str) -> None:
    assert (ROOT / "resources" / reference).exists(), f"{module} reads resources/{reference}"


@pytest.mark.parametrize(("module", "reference"), resource_references())
def test_referenced_resource_shipped(spec: dict[str, Any], module: str, reference: str) -> None:
    target = ROOT / "resources" / reference
    files = sorted(target.glob("*.qm")) if reference == "i18n" else \
        sorted(item for item in target.rglob("*") if item.is_file()) if target.is_dir() else \
        [target]
    shipped = shipped_files(spec)

    assert files, f"resources/{reference} is empty"
    for file in files:
        relative = file.relative_to(ROOT).as_posix()
        assert relative in shipped, f"{module} reads {relative}, which the spec does not ship"


def test_divisions_shipped(spec: dict[str, Any]) -> None:
    assert "resources/divisions/hangzhou-divisions.csv" in shipped_files(spec)


def test_alembic_scripts_shipped(spec: dict[str, Any]) -> None:
    shipped = shipped_files(spec)
    migrations = sorted((ROOT / "db" / "versions").glob("*.py"))

    assert "db/env.py" in shipped
    assert migrations
    for migration in migrations:
        assert migration.relative_to(ROOT).as_posix() in shipped


def test_every_translation_shipped(spec: dict[str, Any]) -> None:
    shipped = shipped_files(spec)
    compiled = sorted((ROOT / "resources" / "i18n").glob("*.qm"))

    assert compiled
    for qm_file in compiled:
        assert qm_file.relative_to(ROOT).as_posix() in shipped
    assert not any(name.endswith(".ts") for name in shipped)


def test_every_module_hidden_imported(spec: dict[str, Any]) -> None:
    hidden = set(spec["a"].kwargs["hiddenimports"])

    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        assert module in hidden, f"{module} missing from the hidden imports"


def test_migration_imports_hidden(spec: dict[str, Any]) -> None:
    hidden = set(spec["a"].kwargs["hiddenimports"])

    assert {"alembic", "sqlalchemy"} <= hidden
    assert "meili_desktop.store.models" in hidden
    assert "sqlalchemy.dialects.postgresql.psycopg" in hidden


def imported_modules() -> set[str]:
    names = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return names


def test_no_used_module_excluded(spec: dict[str, Any]) -> None:
    excluded = set(spec["a"].kwargs["excludes"])

    for module in sorted(imported_modules()):
        for name in excluded:
            assert not (module == name or module.startswith(name + ".")), \
                f"the program imports {module}, but build_exe.spec excludes {name}"


@pytest.mark.parametrize(("destination", "is_unused"), [
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6/Qt/translations/qtwebengine_zh_CN.qm", True),
    ("PySide6\\translations\\qtbase_zh_CN.qm", False),
    ("PySide6\\translations\\qt_help_de.qm", True),
    ("PySide6\\plugins\\tls\\qschannelbackend.dll", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", False),
    ("PySide6\\plugins\\imageformats\\qpdf.dll", True),
    ("PySide6\\Qt6Pdf.dll", True),
    ("PySide6\\Qt6Widgets.dll", False),
    ("resources/i18n/desktop_zh_CN.qm", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
    ("PySide6/Qt6Quick.dll", True),
    ("PySide6/opengl32sw.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", False),
    ("PySide6/Qt/lib/libQt6Charts.so.6", False),
])
def test_unused_qt_files_filter(spec: dict[str, Any], destination: str, is_unused: bool) -> None:
    assert spec["_is_unused"](destination) is is_unused


def test_executable_named_and_windowed(spec: dict[str, Any]) -> None:
    exe = spec["exe"].kwargs

    assert exe["name"] == "MeiliDesktop"
    assert exe["console"] is False
    assert exe["icon"].endswith("app.ico")
    assert spec["coll"].kwargs["name"] == "MeiliDesktop"


def test_console_executable_beside(spec: dict[str, Any]) -> None:
    cli = spec["exe_cli"].kwargs

    assert cli["name"] == "meili-desktop"
    assert cli["console"] is True
    assert spec["exe_cli"] in spec["coll"].args


def test_version_files_written(spec: dict[str, Any]) -> None:
    text = Path(spec["version_file"]).read_text(encoding="utf-8")
    cli_text = Path(spec["cli_version_file"]).read_text(encoding="utf-8")

    assert "美丽城镇填报" in text
    assert "MeiliDesktop.exe" in text
    assert "美丽城镇填报（命令行）" in cli_text
    assert "meili-desktop.exe" in cli_text


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)), ("2.0", (2, 0, 0, 0)),
    ("1.4.0rc2", (1, 4, 0, 0)), ("3", (3, 0, 0, 0)),
])
def test_version_tuple(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_info.version_tuple(version) == numbers


@pytest.mark.parametrize("version", ["dev", "", "1.70000"])
def test_version_tuple_rejects(version: str) -> None:
    with pytest.raises(ValueError):
        version_info.version_tuple(version)


def test_version_info_is_python_expression() -> None:
    text = version_info.render_version_info("1.2.3")
    tree = ast.parse(text, mode="eval")
    strings = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)}

    assert isinstance(tree.body, ast.Call)
    assert isinstance(tree.body.func, ast.Name)
    assert tree.body.func.id == "VSVersionInfo"
    assert {"美丽城镇填报", "1.2.3", "MeiliDesktop.exe", "080404B0"} <= strings


def test_version_read_from_package() -> None:
    from meili_desktop import __version__

    assert version_info.read_version() == __version__


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icon_file_sizes() -> None:
    data = (ROOT / "resources" / "icons" / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    sizes = []
    for index in range(count):
        width, height, _colors, _zero, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index:22 + 16 * index])
        image = data[offset:offset + length]
        expected = width or 256
        assert png_size(image) == (expected, (height or 256))
        sizes.append(expected)

    assert (reserved, kind) == (0, 1)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_png_icon_size() -> None:
    data = (ROOT / "resources" / "icons" / "app.png").read_bytes()

    assert png_size(data) == (256, 256)
