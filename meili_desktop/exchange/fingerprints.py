"""Key fingerprints that a clerk can read out over the phone.

A fingerprint is 40 decimal digits in 8 groups of 5, e.g. ``"01234 56789 ..."``. The digits are
the suite hash (SHA-256 for C1, SM3 for G1) of ``"meili-key-fingerprint\\0" || suite id ||
"\\0" || public key``, read as a big-endian integer, reduced modulo 10^40 and zero-padded. 40
digits carry about 133 bits, so finding another key with the same fingerprint is infeasible.
The fingerprint is also the key id that package headers use.
"""

from __future__ import annotations

import re
import unicodedata

from meili_desktop.exchange.suites import get_suite

GROUPS = 8
GROUP_DIGITS = 5
_DIGITS = GROUPS * GROUP_DIGITS
_LABEL = b"meili-key-fingerprint\x00"


def fingerprint(suite_id: str, public_key: bytes) -> str:
    """Return the fingerprint of a public key of ``suite_id``.

    Raises:
        SuiteUnavailableError: the suite is unknown or disabled.
    """
    suite = get_suite(suite_id)
    digest = suite.hash(_LABEL + suite_id.encode("ascii") + b"\x00" + public_key)
    digits = str(int.from_bytes(digest, "big") % 10**_DIGITS).zfill(_DIGITS)
    return " ".join(digits[start:start + GROUP_DIGITS] for start in range(0, _DIGITS,
                                                                           GROUP_DIGITS))


def normalize_fingerprint(text: str) -> str | None:
    """Return the canonical form of a fingerprint typed by a person, or None if it is not one.

    Full-width digits and separators are read as their ASCII forms (Unicode NFKC), and any
    separators (spaces, hyphens and dashes, dots, commas, colons, 、) between the digits are
    accepted.
    """
    digits = re.sub(r"[\s\-_.,:、\u2010-\u2015\u2212]", "",
                    unicodedata.normalize("NFKC", text))
    if len(digits) != _DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return " ".join(digits[start:start + GROUP_DIGITS] for start in range(0, _DIGITS,
                                                                           GROUP_DIGITS))
