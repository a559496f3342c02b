"""Translation files: every entry finished, compiled files current, every error has a message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
sys.path.insert(0, str(ROOT / "tools"))

import i18n as i18n_tool  # noqa: E402 - the tools folder is not a package


def test_no_unfinished_entries() -> None:
    assert i18n_tool.unfinished_entries() == []


@pytest.mark.parametrize("ts_file", sorted(I18N.glob("*_zh_CN.ts")), ids=lambda p: p.name)
def test_qm_is_current(ts_file: Path, tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts_file), "-qm", str(compiled)], check=True)
    shipped = ts_file.with_suffix(".qm")
    assert shipped.exists(), f"{shipped.name} missing; run tools/i18n.py release"
    assert shipped.read_bytes() == compiled.read_bytes(), \
        f"{shipped.name} is stale; run tools/i18n.py release"


def error_classes() -> list[type]:
    import importlib
    import pkgutil

    import meili_desktop
    from meili_desktop.errors import MeiliError

    for module in pkgutil.walk_packages(meili_desktop.__path__, "meili_desktop."):
        if module.name.endswith(("__main__", ".app")):
            continue
        importlib.import_module(module.name)
    found: list[type] = []
    pending = [MeiliError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


def test_every_error_code_has_message() -> None:
    from meili_desktop.messages import known_codes

    codes = known_codes()
    missing = sorted({cls.code for cls in error_classes()} - codes - {"error"})
    assert missing == []
