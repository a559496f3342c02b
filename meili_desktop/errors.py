"""The project's base exception.

Expected failures carry a stable ``code`` and the data that explains them (file, row, field,
value). Front ends look the code up in :mod:`meili_desktop.messages` to build a translated
sentence, so no finished user text is stored in an exception.
"""

from __future__ import annotations

from typing import Any, ClassVar


class MeiliError(Exception):
    """Base class of every expected failure.

    Attributes:
        code: stable reason code, also the key of the message template.
        exit_code: process exit status the CLI uses for this failure.
        details: named values that fill the message template.
    """

    code: ClassVar[str] = "error"
    exit_code: ClassVar[int] = 1

    def __init__(self, code: str | None = None, /, **details: Any) -> None:
        if code is not None:
            self.code = code  # type: ignore[misc]
        self.details = details
        super().__init__(self.code, details)

    def __str__(self) -> str:
        if not self.details:
            return self.code
        pairs = ", ".join(f"{key}={value!r}" for key, value in self.details.items())
        return f"{self.code}: {pairs}"


class CancelledError(MeiliError):
    """A job stopped because the user asked it to; front ends treat it as a normal outcome."""

    code = "cancelled"
    exit_code = 130
