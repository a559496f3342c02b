"""Hostile evidence names in a real report package: shown as sent, written out Windows-safe.

A township laptop (tampered with, or an older release) names its evidence ``CON.jpg``,
``a:b*?"<>|.jpg``, with line breaks, trailing dots or 300 characters. The names travel in a
real signed and encrypted report package to the office, which keeps them for display without
line breaks or hidden characters and writes every file out under a name Windows accepts.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.domain.entries import EntryKey
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.services import entries
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.evidence_export import export_evidence
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store import entries_repo, keys_repo
from meili_desktop.store.datafolder import Store
from tests.services.package_chain import City, make_city, make_township

PERIOD = "2021Q2"
TASK = 13
# Name given by the clerk (or a tampered laptop) -> the name the office shows.
HOSTILE_NAMES = {
    "CON.jpg": "CON.jpg",
    "aux": "aux",
    "COM1.pdf": "COM1.pdf",
    "lpt9.docx": "lpt9.docx",
    'a:b*?"<>|.jpg': 'a:b*?"<>|.jpg',
    "现场\n照片\t二.jpg": "现场 照片 二.jpg",
    "bell\x07\x1b[31m.png": "bell[31m.png",
    "末尾有点. . .": "末尾有点. . .",
    "...": "...",
    "Photo.JPG": "Photo.JPG",
    "photo.jpg": "photo.jpg",
    "长" * 300 + ".pdf": "长" * 251 + ".pdf",
}
WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", re.IGNORECASE)


def is_windows_safe(name: str) -> bool:
    """Check a file name against Windows' rules, written out independently of the program."""
    return (bool(name) and len(name) <= 255
            and not any(character in name for character in '<>:"/\\|?*')
            and not any(unicodedata.category(character) == "Cc" for character in name)
            and not name.endswith((".", " "))
            and not WINDOWS_RESERVED.match(name.split(".")[0].strip() + ".x"))


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path / "office")
    yield made
    made.store.dispose()


@pytest.fixture
def township(city: City, tmp_path: Path) -> Iterator[tuple[Store, EntryKey, dict[str, str]]]:
    """A township whose entry carries one evidence file per hostile name.

    Returns the store, the entry's key and each hostile name's SHA-256.
    """
    store, unit_id = make_township(city, tmp_path)
    key = EntryKey(unit_id, TASK, PERIOD)
    entries.set_entry_fields(store, active_catalogue(store), key, {"narrative": "附佐证"})
    digests = {}
    for index, name in enumerate(HOSTILE_NAMES):
        source = tmp_path / f"evidence-{index}.bin"
        source.write_bytes(b"%PDF-" + os.urandom(2000))
        digests[name] = entries.attach_evidence(store, key, source, 5).entry.attachments[-1] \
            .sha256
        # A tampered laptop or an older release stores the name as it came.
        with store.session_factory.begin() as session:
            entries_repo.rename_attachment(session, key, digests[name], name, changed_by="test")
    yield store, key, digests
    store.dispose()


@pytest.fixture
def merged(city: City, township: tuple[Store, EntryKey, dict[str, str]],
           tmp_path: Path) -> tuple[EntryKey, dict[str, str]]:
    """Send the township's package to the office and merge it; return the key and digests."""
    store, key, digests = township
    package = export_report_package(store, tmp_path / "report.mlrp").path
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(city.store, package, city.unlocked)
    with city.store.session_factory.begin() as session:
        keys_repo.set_status(session, key.unit_id, raised.value.details["fingerprint"],
                             keys_repo.APPROVED)
    with read_incoming(city.store, package, city.unlocked) as opened:
        assert merge(city.store, opened.incoming).outcome == "merged"
    return key, digests


def test_office_shows_names_as_sent(city: City,
                                    merged: tuple[EntryKey, dict[str, str]]) -> None:
    key, digests = merged
    with city.store.session_factory() as session:
        entry = entries_repo.load_entry(session, key)
    assert entry is not None
    shown = {ref.sha256: ref.display_name for ref in entry.attachments}

    for name, expected in HOSTILE_NAMES.items():
        assert shown[digests[name]] == expected, repr(name)


def test_office_export_names_windows_safe(city: City, merged: tuple[EntryKey, dict[str, str]],
                                          tmp_path: Path) -> None:
    key, digests = merged
    by_digest = {digest: name for name, digest in digests.items()}

    result = export_evidence(city.store, key.unit_id, PERIOD, tmp_path / "导出")

    names = [item.path.name for item in result.files]
    assert len(names) == len(HOSTILE_NAMES)
    assert len({name.casefold() for name in names}) == len(names)
    for item in result.files:
        assert is_windows_safe(item.path.name), repr(item.path.name)
        assert len(item.path.name) <= 100
        assert item.path.name.startswith(f"{TASK}_")
        assert item.path.parent == result.folder
        digest = hashlib.sha256(item.path.read_bytes()).hexdigest()
        assert HOSTILE_NAMES[by_digest[digest]] == item.display_name
    assert all(is_windows_safe(part) for part in result.folder.relative_to(tmp_path).parts)


def test_office_export_command(city: City, merged: tuple[EntryKey, dict[str, str]],
                               tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key, _digests = merged
    root = city.store.folder.root
    city.store.dispose()

    status = main(["--data-dir", str(root), "--lang", "zh_CN", "evidence", "export", "--unit",
                   key.unit_id, "--period", PERIOD, "-o", str(tmp_path / "导出")])

    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert captured.out.count("另存为") == len(HOSTILE_NAMES)
    assert "个佐证材料导出到" in captured.out
    assert "“CON.jpg”另存为 13_CON.jpg" in captured.out


def test_township_view_copy_windows_safe(township: tuple[Store, EntryKey, dict[str, str]]
                                         ) -> None:
    store, _key, digests = township

    for name, digest in digests.items():
        copy = entries.evidence_copy_for_viewing(store, digest, name)

        assert is_windows_safe(copy.name), repr(name)
        assert copy.read_bytes()[:5] == b"%PDF-"


def test_township_cleans_name_when_storing(township: tuple[Store, EntryKey, dict[str, str]],
                                           tmp_path: Path) -> None:
    store, key, _digests = township
    source = tmp_path / "现场\n照片\u202egpj.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(500))

    attached = entries.attach_evidence(store, key, source, 5).entry.attachments[-1]
    renamed = entries.rename_evidence(store, key, attached.sha256, "CON\t新名称.jpg")

    assert attached.display_name == "现场 照片gpj.jpg"
    assert renamed.entry.attachments[-1].display_name == "CON 新名称.jpg"
