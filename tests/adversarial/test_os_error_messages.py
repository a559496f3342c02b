"""Common operating-system errors are explained in the user's words, not the system's English.

The system's text (``strerror``) is English on a Chinese Windows too when Python formats it,
so a message such as "读写 X 失败（Is a directory）" does not help a clerk. Common errors get a variant
of ``io.failed`` with their own sentence.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.messages import describe
from meili_desktop.store.faults import IoFailedError, fault_from_os_error

CASES = [
    (OSError(errno.EISDIR, "Is a directory"), "is_directory"),
    (OSError(errno.ENAMETOOLONG, "File name too long"), "name_too_long"),
    (OSError(errno.EBUSY, "Device or resource busy"), "in_use"),
    (OSError(errno.EMFILE, "Too many open files"), "too_many_files"),
    (OSError(errno.EEXIST, "File exists"), "exists"),
    (OSError(errno.ENOTEMPTY, "Directory not empty"), "not_empty"),
]


@pytest.mark.parametrize(("error", "variant"), CASES)
def test_common_error_has_own_sentence(tmp_path: Path, error: OSError, variant: str) -> None:
    fault = fault_from_os_error(error, tmp_path / "上报包.mlrp")

    assert isinstance(fault, IoFailedError)
    assert fault.details["variant"] == variant
    assert error.strerror not in describe(fault)
    assert "上报包.mlrp" in describe(fault)


def test_windows_sharing_violation_in_use(tmp_path: Path) -> None:
    error = OSError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32  # type: ignore[attr-defined]

    fault = fault_from_os_error(error, tmp_path / "汇总.xlsx")

    assert fault.details.get("variant") == "in_use"


def test_rare_error_keeps_system_text(tmp_path: Path) -> None:
    fault = fault_from_os_error(OSError(errno.ELOOP, "Too many levels of symbolic links"),
                                tmp_path / "a")

    assert "variant" not in fault.details
    assert "Too many levels of symbolic links" in describe(fault)


def test_verify_folder_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "收件.mlrp"
    folder.mkdir()

    status = main(["--data-dir", str(tmp_path / "数据"), "--lang", "zh_CN", "verify",
                   str(folder)])

    err = capsys.readouterr().err
    assert status == IoFailedError.exit_code
    assert "是文件夹，不是文件" in err
    assert "Is a directory" not in err
