"""Canonical JSON bytes and a strict JSON parser for package headers, manifests and records.

Canonical form: UTF-8, object keys sorted by code point, no whitespace, non-ASCII characters
written as themselves, Python's ``json`` escapes for quotes, backslashes and control
characters, no NaN or infinities. Headers and manifests must also contain no floats, so the
bytes have one spelling and a parsed header re-encodes to exactly the bytes that were signed.

The parser rejects what a lenient one would silently accept: duplicate keys (the last would
win), NaN and infinities, invalid UTF-8, lone surrogates and nesting deep enough to exhaust
the interpreter's stack.
"""

from __future__ import annotations

import json
from typing import Any


class JsonRejected(ValueError):
    """The bytes are not strict JSON of the expected form."""


def canonical_json(value: Any) -> bytes:
    """Encode ``value`` as canonical JSON bytes.

    Raises:
        ValueError: the value contains NaN, an infinity or a lone surrogate.
    """
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)
    return text.encode("utf-8")


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # The dict is built in C, and a repeated key makes it smaller than the list of pairs.
    # The loop runs only to name the first repeated key.
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            raise JsonRejected(f"duplicate key {key[:40]!r}")
        seen.add(key)
    raise AssertionError("unreachable: the sizes differ only with a repeated key")


def _reject_constant(name: str) -> Any:
    raise JsonRejected(f"{name} is not allowed")


def _reject_float(text: str) -> Any:
    raise JsonRejected("numbers with a fraction or exponent are not allowed here")


# Built once: json.loads builds a decoder for every call that passes hooks, and packages
# carry a record per entry.
_DECODER = json.JSONDecoder(object_pairs_hook=_reject_duplicates,
                            parse_constant=_reject_constant)
_DECODER_WITHOUT_FLOATS = json.JSONDecoder(object_pairs_hook=_reject_duplicates,
                                           parse_constant=_reject_constant,
                                           parse_float=_reject_float)


def parse_strict(raw: bytes, *, allow_floats: bool = True) -> Any:
    """Parse JSON bytes strictly.

    Args:
        raw: UTF-8 encoded JSON text.
        allow_floats: False rejects every number with a fraction or an exponent.

    Raises:
        JsonRejected: the bytes are not strict JSON.
    """
    try:
        text = raw.decode("utf-8")
        # A byte order mark fails as JSON here too: the decoder expects a value at it.
        return (_DECODER if allow_floats else _DECODER_WITHOUT_FLOATS).decode(text)
    except JsonRejected:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise JsonRejected(type(error).__name__) from None


def parse_canonical(raw: bytes) -> Any:
    """Parse bytes that must be canonical JSON without floats.

    Raises:
        JsonRejected: the bytes are not strict JSON, or are not in canonical form.
    """
    value = parse_strict(raw, allow_floats=False)
    try:
        again = canonical_json(value)
    except (ValueError, RecursionError):
        raise JsonRejected("value cannot be re-encoded") from None
    if again != raw:
        raise JsonRejected("not in canonical form")
    return value
