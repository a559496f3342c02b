"""Which laptops of a township the office has taken an entry's versions from.

A township may report from several laptops, and each laptop numbers its own revisions from 1.
Revisions of two laptops therefore cannot be compared, and the office distinguishes laptops by
the fingerprint of the signing key that signed their packages. For every stored entry it keeps
one :class:`LaptopVersion` per laptop key: the highest revision taken in from that laptop (merged,
or kept in a conflict for the office to decide) and whether that version equals the stored
content. A laptop whose version equals the stored content may edit it further, because its next
revision then derives from what the office holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LaptopVersion:
    """The newest version of an entry taken in from one laptop key.

    ``matches`` is True while that version's content equals the office's stored content.
    """

    revision: int
    matches: bool


LaptopVersions = Mapping[str, LaptopVersion]


def versions_from_json(data: Any) -> dict[str, LaptopVersion]:
    """Read the stored form ``{fingerprint: {"revision": 3, "matches": true}}``.

    Items that do not have that shape are skipped, so a damaged column only loses the
    bookkeeping of one laptop and the merge falls back to treating it as unseen.
    """
    if not isinstance(data, Mapping):
        return {}
    versions: dict[str, LaptopVersion] = {}
    for fingerprint, item in data.items():
        if not isinstance(fingerprint, str) or not isinstance(item, Mapping):
            continue
        revision = item.get("revision")
        if not isinstance(revision, int) or isinstance(revision, bool):
            continue
        versions[fingerprint] = LaptopVersion(revision, bool(item.get("matches")))
    return versions


def versions_to_json(versions: LaptopVersions) -> dict[str, dict[str, Any]]:
    """Return the stored form of ``versions``, keys sorted for stable output."""
    return {fingerprint: {"revision": version.revision, "matches": version.matches}
            for fingerprint, version in sorted(versions.items())}


def highest_revision(versions: LaptopVersions, keys: Iterable[str], *,
                     matching_only: bool = False) -> int | None:
    """Return the highest revision taken in from any of one laptop's ``keys``.

    Args:
        versions: the entry's laptop versions.
        keys: the fingerprints of one laptop (its current key and earlier keys it proved).
        matching_only: count only versions that equal the stored content.

    Returns:
        The revision, or None when no version of these keys qualifies.
    """
    revisions = [versions[key].revision for key in keys if key in versions
                 and (versions[key].matches or not matching_only)]
    return max(revisions, default=None)


def record_version(versions: LaptopVersions, fingerprint: str, revision: int, *,
                   matches: bool, is_content_changed: bool) -> dict[str, LaptopVersion]:
    """Return the laptop versions after the office took in one laptop's version.

    Args:
        versions: the entry's laptop versions before.
        fingerprint: the key that signed the incoming version; empty when unknown, in which
            case only the other laptops' ``matches`` flags are updated.
        revision: the incoming version's revision; a lower revision never replaces a higher
            one already recorded for the key.
        matches: whether the incoming version equals the stored content afterwards.
        is_content_changed: whether the stored content changed, which makes every other
            laptop's version differ from it.
    """
    updated = {key: LaptopVersion(version.revision,
                                  version.matches and not is_content_changed)
               for key, version in versions.items()}
    if fingerprint:
        previous = versions.get(fingerprint)
        highest = revision if previous is None else max(previous.revision, revision)
        updated[fingerprint] = LaptopVersion(highest, matches)
    return updated
