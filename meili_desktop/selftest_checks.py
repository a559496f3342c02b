"""The checks of ``--self-test``, each a function that raises on failure and returns a detail.

They run in order on one :class:`SelfTestWork`: a temporary folder with a township data
folder and a city office data folder, so that a package can travel from one to the other.
The checks use the same services as the program, so a file or module missing from a frozen
build fails here.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from meili_desktop.domain.entries import EntryKey
from meili_desktop.exchange.keys import KdfParameters
from meili_desktop.paths import alembic_script_path, resource_path
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.migrate import current_revision, head_revision

logger = logging.getLogger(__name__)

# A translated string of Qt's own qtbase catalogue, used to check that it was loaded.
QT_SAMPLE = ("QPlatformTheme", "Cancel")
# The city office's passphrase in the temporary data folder, which is deleted afterwards.
CITY_PASSPHRASE = "自检 口令 2021"
SELF_TEST_NARRATIVE = "自检：已完成 50%"
# The temporary keys protect nothing, so cheap passphrase hashing keeps the self-test quick
# while still running the Argon2id and PBKDF2 code of the bundle.
SELF_TEST_KDF = KdfParameters(memory_kib=8 * 1024, passes=1, lanes=1, pbkdf2_iterations=10_000)


class CheckFailed(Exception):
    """A check found a problem; the message is a short English description for the log."""


@dataclass
class SelfTestWork:
    """The temporary folders and open stores the checks share."""

    root: Path
    language: str
    stores: dict[str, Store] = field(default_factory=dict)
    entry_key: EntryKey | None = None
    city_keys: Any = None  # services.keys.UnlockedCityKeys once the city is set up

    def close(self) -> None:
        """Close every database, so the folder can be deleted (Windows keeps open files)."""
        for store in self.stores.values():
            store.dispose()
        self.stores.clear()


def check_bundled_files(work: SelfTestWork) -> str:
    """Check that every file the program reads at run time is present."""
    from meili_desktop.services.catalogue import embedded_catalogue_path
    from meili_desktop.store.units_repo import default_divisions_path

    required = [
        embedded_catalogue_path(),
        default_divisions_path(),
        resource_path("icons", "app.png"),
        resource_path("icons", "app.ico"),
        alembic_script_path() / "env.py",
    ]
    missing = [str(path) for path in required if not path.is_file()]
    migrations = sorted((alembic_script_path() / "versions").glob("*.py"))
    if not migrations:
        missing.append(str(alembic_script_path() / "versions" / "*.py"))
    if work.language != "en" and not list(resource_path("i18n").glob(f"*_{work.language}.qm")):
        missing.append(str(resource_path("i18n") / f"*_{work.language}.qm"))
    if missing:
        raise CheckFailed("missing: " + ", ".join(missing))
    return f"{len(required) + len(migrations)}"


def check_translations(work: SelfTestWork) -> str:
    """Check that our translations and Qt's qtbase translation are installed."""
    if work.language == "en":
        return "en"
    ours = QCoreApplication.translate("SelfTest", "Self-test passed.")
    if ours == "Self-test passed.":
        raise CheckFailed(f"no {work.language} translation of the program's own texts")
    qt_text = QCoreApplication.translate(*QT_SAMPLE)
    if qt_text == QT_SAMPLE[1]:
        raise CheckFailed(f"Qt's qtbase_{work.language}.qm is not loaded")
    return work.language


def check_database(work: SelfTestWork) -> str:
    """Create both data folders under a path with Chinese characters and spaces, migrated."""
    head = head_revision()
    for role, folder_name in (("township", "乡镇 数据"), ("city", "市 美丽城镇办")):
        store = open_store(work.root / folder_name)
        work.stores[role] = store
        revision = current_revision(store.engine)
        if revision != head:
            raise CheckFailed(f"{role} database at revision {revision}, expected {head}")
    return head


def check_cipher_suites(work: SelfTestWork) -> str:
    """Run the known-answer tests of every cipher suite; all must pass in a release."""
    from meili_desktop.exchange.suites import run_self_tests

    results = run_self_tests()
    failures = {suite: reason for suite, reason in results.items() if reason is not None}
    if failures:
        raise CheckFailed("; ".join(f"{suite}: {reason}" for suite, reason in failures.items()))
    return ", ".join(results)


def check_setup_and_evidence(work: SelfTestWork) -> str:
    """Set up the city office with its keys and a provisional township with an entry and evidence."""
    from meili_desktop.services import keys as key_service
    from meili_desktop.services.catalogue import ensure_default_catalogue
    from meili_desktop.services.distribution import init_city
    from meili_desktop.services.entries import attach_evidence, reported_tasks, set_entry_fields
    from meili_desktop.services.setup import setup_provisional_township
    from meili_desktop.store import units_repo

    city = work.stores["city"]
    setup = init_city(city, "自检 市美丽城镇办", CITY_PASSPHRASE, work.root / "托管 密钥.mlkey",
                      kdf=SELF_TEST_KDF)
    work.city_keys = key_service.unlock_city_keys(city, setup.identity.unit_id or "",
                                                  CITY_PASSPHRASE)

    township = work.stores["township"]
    catalogue = ensure_default_catalogue(township)
    with township.session_factory() as session:
        town = units_repo.list_townships(session)[0]
        county = units_repo.get_unit(session, town.parent_id or "")
        if county is None:
            raise CheckFailed(f"township {town.id} has no county")
        county_name = county.name
    identity = setup_provisional_township(township, county_name, town.name)
    assert identity.unit_id is not None

    task = reported_tasks(catalogue)[0]
    key = EntryKey(identity.unit_id, task.number, _first_open_period(township))
    set_entry_fields(township, catalogue, key, {"narrative": SELF_TEST_NARRATIVE})
    evidence = work.root / "佐证 照片.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#2E9E5B"))
    if not image.save(str(evidence), "PNG"):
        raise CheckFailed("cannot write a PNG file (Qt image plugins missing?)")
    if not attach_evidence(township, key, evidence, max_mb=5).is_changed:
        raise CheckFailed("attaching evidence changed nothing")
    work.entry_key = key
    return f"{key.unit_id} {key.task_number} {key.period_code}"


def check_package_round_trip(work: SelfTestWork) -> str:
    """Send a distribution package to the township and a report package back, then merge it.

    The office approves the township's new key as a clerk would after comparing fingerprints
    and merges the package. It must then hold the entry and its evidence. A second merge must
    change nothing, and a damaged copy must be rejected without leaving files behind.
    """
    from meili_desktop.exchange.errors import ExchangeError, PendingSenderKeyError
    from meili_desktop.services.distribution import (
        build_distribution_package,
        import_distribution_package,
    )
    from meili_desktop.services.key_approval import approve_key
    from meili_desktop.services.merge import merge
    from meili_desktop.services.packages import export_report_package, read_incoming
    from meili_desktop.store import entries_repo

    city, township, key = work.stores["city"], work.stores["township"], work.entry_key
    assert key is not None
    exchange_dir = work.root / "交换 文件夹"
    exchange_dir.mkdir()
    build_distribution_package(city, work.city_keys, key.unit_id, exchange_dir)
    distribution_file = next(exchange_dir.glob("*.mldp"))
    import_distribution_package(township, distribution_file)
    report = export_report_package(township, exchange_dir)

    try:
        read_incoming(city, report.path, work.city_keys).discard()
    except PendingSenderKeyError:
        approve_key(city, key.unit_id, report.header.sender_fingerprint, actor="self-test")
    else:
        raise CheckFailed("the office accepted a township key it had never approved")
    with read_incoming(city, report.path, work.city_keys) as opened:
        first = merge(city, opened.incoming)
    with read_incoming(city, report.path, work.city_keys) as opened:
        second = merge(city, opened.incoming)
    if (first.outcome, second.outcome) != ("merged", "duplicate"):
        raise CheckFailed(f"merges gave {first.outcome} then {second.outcome}")

    with city.session_factory() as session:
        merged = entries_repo.list_entries(session, key.unit_id, key.period_code)
    entry = merged.get(key.task_number)
    if entry is None or entry.narrative != SELF_TEST_NARRATIVE or len(entry.attachments) != 1:
        raise CheckFailed(f"after the merge the office has {entry!r}, expected the entry with "
                          "its narrative and one evidence file")

    damaged = exchange_dir / f"损坏 {report.path.name}"
    data = bytearray(report.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    try:
        read_incoming(city, damaged, work.city_keys).discard()
    except ExchangeError:
        pass
    else:
        raise CheckFailed("the office accepted a damaged report package")
    # Only files count: this process's own temporary folder stays, empty, until it ends.
    if any(path.is_file() for path in city.folder.temp_dir.rglob("*")):
        raise CheckFailed(f"a rejected package left files in {city.folder.temp_dir}")
    return f"{report.path.name} entries={report.entry_count} files={report.attachment_count}"


def check_reports(work: SelfTestWork) -> str:
    """Write the office's summary workbook and the PDF city summary from the merged entry."""
    from meili_desktop.services.printing import print_city_summary
    from meili_desktop.services.reports import export_summary

    city, key = work.stores["city"], work.entry_key
    assert key is not None
    workbook = work.root / "汇总 报表.xlsx"
    rows = export_summary(city, workbook, [key.period_code], include_details=False)
    if rows < 1 or not workbook.read_bytes().startswith(b"PK"):
        raise CheckFailed(f"the summary workbook {workbook} has {rows} rows")
    pdf = work.root / "汇总 报表.pdf"
    pages = print_city_summary(city, pdf, key.period_code)
    if pages < 1 or not pdf.read_bytes().startswith(b"%PDF"):
        raise CheckFailed(f"the PDF summary {pdf} has {pages} pages")
    return f"xlsx rows={rows}, pdf pages={pages}"


def check_payload_round_trip(work: SelfTestWork) -> str:
    """Encrypt and sign a payload with every suite, read it back and reject a damaged copy.

    Packages use the default suite, so this is where the other suites (国密 included) run.
    """
    from meili_desktop.exchange.errors import CorruptedError
    from meili_desktop.exchange.stream import (
        ChunkSealer,
        StreamReader,
        StreamWriter,
        decrypt_to_temp_file,
    )
    from meili_desktop.exchange.suites import available_suites, get_suite

    # Three chunks and a partial one, so the final-chunk handling runs.
    payload = os.urandom(3 * 64 * 1024 + 1000)
    temp_dir = work.root / "payload"
    temp_dir.mkdir()
    for suite_id in available_suites():
        suite = get_suite(suite_id)
        signer = suite.generate_signing_key()
        recipient = suite.generate_encryption_key()
        header_hash = suite.hash(f"self-test header {suite_id}".encode())
        file_key = os.urandom(32)
        wrapped = suite.wrap_key(recipient.public_key, file_key, header_hash)
        signature = suite.sign(signer.private_key, header_hash)

        sealed = io.BytesIO()
        writer = StreamWriter(sealed, ChunkSealer(suite, header_hash, file_key), len(payload))
        writer.write(payload)
        writer.close()

        if not suite.verify(signer.public_key, header_hash, signature):
            raise CheckFailed(f"{suite_id}: signature does not verify")
        opened_key = suite.unwrap_key(recipient.private_key, wrapped, header_hash)
        sealer = ChunkSealer(suite, header_hash, opened_key)
        plain_file = decrypt_to_temp_file(
            StreamReader(io.BytesIO(sealed.getvalue()), sealer, len(payload)), temp_dir)
        try:
            if plain_file.read_bytes() != payload:
                raise CheckFailed(f"{suite_id}: decrypted payload differs")
        finally:
            plain_file.unlink()

        damaged = bytearray(sealed.getvalue())
        damaged[len(damaged) // 2] ^= 0x01
        try:
            decrypt_to_temp_file(StreamReader(io.BytesIO(bytes(damaged)), sealer, len(payload)),
                                 temp_dir)
        except CorruptedError:
            pass
        else:
            raise CheckFailed(f"{suite_id}: a damaged payload was accepted")
        if any(temp_dir.iterdir()):
            raise CheckFailed(f"{suite_id}: a rejected payload left files in {temp_dir}")
    return ", ".join(available_suites())


def check_main_windows(work: SelfTestWork) -> str:
    """Build and render the township and the office main window without showing them."""
    from meili_desktop.app import build_main_window

    sizes = []
    for role in ("township", "city"):
        window = build_main_window(work.stores[role])
        if window is None:
            raise CheckFailed(f"no main window for the {role} data folder")
        sizes.append(_render_hidden(window))
    return ", ".join(sizes)


def _render_hidden(window: QWidget) -> str:
    """Show ``window`` off screen with all its pages built, let it paint, then close it."""
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.show()
    # The office window builds a page when its tab is first shown. Building them all imports
    # every page module (QtCharts among them), as a clerk's clicks would.
    pages = getattr(window, "pages", None)
    if isinstance(pages, Mapping):
        for name in pages:
            pages[name]
    QApplication.processEvents()
    pixmap = window.grab()
    name = type(window).__name__
    if pixmap.isNull() or pixmap.width() < 100 or pixmap.height() < 100:
        raise CheckFailed(f"{name} rendered as {pixmap.width()}x{pixmap.height()}")
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return f"{name} {pixmap.width()}x{pixmap.height()}"


def _first_open_period(store: Store) -> str:
    from meili_desktop.domain.periods import PeriodState
    from meili_desktop.services.entries import list_periods

    for period in list_periods(store):
        if period.state is PeriodState.OPEN:
            return period.code
    raise CheckFailed("no open reporting period")


def check_single_instance(work: SelfTestWork) -> str:
    """Take a data folder's instance lock and socket, and see a second claim refused."""
    from meili_desktop.single_instance import SingleInstance

    folder = work.stores["township"].folder.root
    first = SingleInstance(folder)
    second = SingleInstance(folder)
    try:
        if not first.acquire():
            raise CheckFailed(f"cannot take the instance lock in {folder}")
        if not first.is_listening:
            raise CheckFailed(f"cannot listen on the local socket {first.server_name}")
        if second.acquire():
            raise CheckFailed("a second instance took the same data folder")
    finally:
        second.release()
        first.release()
    return first.server_name
