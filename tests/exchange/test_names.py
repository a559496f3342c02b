"""Tests of attachment display name cleaning."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meili_desktop.exchange.names import MAX_NAME_CHARS, clean_display_name, is_clean_display_name


@pytest.mark.parametrize(("name", "cleaned"), [
    ("报告 2021.pdf", "报告 2021.pdf"),
    ("../x", "x"),
    ("C:/x", "x"),
    ("C:x", "C_x"),
    ("..\\..\\evil.exe", "evil.exe"),
    ("CON", "_CON"),
    ("con.txt", "_con.txt"),
    ("LPT9.doc", "_LPT9.doc"),
    ("a.txt:ads", "a.txt_ads"),
    ("photo\u202egpj.exe", "photogpj.exe"),
    ("name. . ", "name"),
    ("..", "attachment"),
    ("", "attachment"),
    ("a\x00b", "ab"),
])
def test_clean_display_name(name: str, cleaned: str) -> None:
    assert clean_display_name(name) == cleaned


def test_long_name_keeps_extension() -> None:
    cleaned = clean_display_name("很长" * 100 + ".xlsx")
    assert len(cleaned) == MAX_NAME_CHARS
    assert cleaned.endswith(".xlsx")


@given(st.text())
def test_cleaning_is_idempotent(name: str) -> None:
    cleaned = clean_display_name(name)
    assert clean_display_name(cleaned) == cleaned
    assert is_clean_display_name(cleaned)
    assert "/" not in cleaned
    assert "\\" not in cleaned
    assert ":" not in cleaned
    assert 0 < len(cleaned) <= MAX_NAME_CHARS


def test_non_string_is_not_clean() -> None:
    assert not is_clean_display_name(None)
