"""The Chinese user guide: every picture it shows exists, and every step has one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
GUIDE = DOCS / "user-guide.md"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")
# Sections about installing, checking the installation and the file types need no picture.
SECTIONS_WITHOUT_PICTURE = {"1. 安装与启动", "12. 检查安装是否完整", "附录：数据包文件类型"}


def sections() -> dict[str, str]:
    parts = re.split(r"^## ", GUIDE.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    return {part.splitlines()[0].strip(): part for part in parts}


@pytest.mark.parametrize("target", IMAGE.findall(GUIDE.read_text(encoding="utf-8")))
def test_picture_exists(target: str) -> None:
    assert (DOCS / target).is_file(), f"user-guide.md shows {target}, which is missing"


@pytest.mark.parametrize("title", sorted(set(sections()) - SECTIONS_WITHOUT_PICTURE))
def test_section_has_picture(title: str) -> None:
    assert IMAGE.search(sections()[title]), f"section {title} has no screenshot"


def test_no_picture_unused() -> None:
    shown = {Path(target).name for target in IMAGE.findall(GUIDE.read_text(encoding="utf-8"))}
    guide_pictures = {path.name for path in (DOCS / "screenshots").glob("guide-*.png")}

    assert guide_pictures <= shown
