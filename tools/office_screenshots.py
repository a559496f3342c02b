"""Render the office merge screenshots in docs/screenshots from a demo data folder.

Sets up a city office and three township laptops and exports real report packages, one of them
damaged on purpose. Saves the inbox, the key prompt, the merge preview, the conflict view, the
review page with a return comment, the completeness board and the audit log as PNG.

Usage: QT_QPA_PLATFORM=offscreen python tools/office_screenshots.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from meili_desktop.domain.merge import IncomingPackage  # noqa: E402
from meili_desktop.domain.periods import PeriodState  # noqa: E402
from meili_desktop.i18n import install_translators  # noqa: E402
from meili_desktop.services import key_approval, merge, review  # noqa: E402
from meili_desktop.services.packages import export_report_package  # noqa: E402
from meili_desktop.store import models  # noqa: E402
from meili_desktop.ui.workers import write_pool  # noqa: E402
from tests.services.merge_support import entry_record, make_package  # noqa: E402
from tests.services.package_chain import (  # noqa: E402
    PASSPHRASE,
    fill_entries,
    make_city,
    make_township,
)

PERIOD = "2021Q2"
# 五常街道 (余杭区) sends its data from two laptops, which gives the conflict to show.
TWO_LAPTOPS_TOWN = "330110005"
LAPTOP_ONE = "31415 92653 58979 32384 62643 38327 95028 84197"
LAPTOP_TWO = "27182 81828 45904 52353 60287 47135 26624 97757"


def laptop_package(fingerprint: str, entries: list[dict[str, Any]],
                   sequence: int) -> IncomingPackage:
    """Build a verified package of the two-laptop town, signed by the laptop ``fingerprint``."""
    package = make_package(entries, sender=TWO_LAPTOPS_TOWN, sequence=sequence)
    return replace(package, sender_fingerprint=fingerprint)


def settle(app: QApplication, milliseconds: int = 300) -> None:
    """Let background jobs finish and queued signals arrive."""
    for _round in range(3):
        write_pool().waitForDone(60000)
        QThreadPool.globalInstance().waitForDone(60000)
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()
        app.processEvents()


def wait_loaded(app: QApplication, page: QWidget) -> None:
    """Process events until ``page`` has shown the data of its latest request."""
    from meili_desktop.ui.office.page_loading import is_page_loading

    while is_page_loading(page):
        settle(app, 50)


def grab(app: QApplication, widget: QWidget, path: Path) -> None:
    wait_loaded(app, widget)
    settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translators(app, "zh_CN")
    from meili_desktop.ui.office.audit_page import AuditPage
    from meili_desktop.ui.office.completeness_page import CompletenessPage
    from meili_desktop.ui.office.conflicts_page import ConflictsPage
    from meili_desktop.ui.office.inbox_page import InboxPage
    from meili_desktop.ui.office.key_dialog import KeyDecisionDialog
    from meili_desktop.ui.office.preview_dialog import PreviewDialog
    from meili_desktop.ui.office.review_page import ReviewPage

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        city = make_city(root)
        files = []
        for county, town in (("临平区", "塘栖镇"), ("临平区", "崇贤街道"), ("余杭区", "良渚街道")):
            store, unit_id = make_township(city, root, county, town)
            fill_entries(store, unit_id, PERIOD)
            outbox = root / f"outbox-{unit_id}"
            outbox.mkdir()
            files.append(export_report_package(store, outbox).path)
            store.dispose()
        damaged = root / "崇贤街道_2021Q2_传输中断.mlrp"
        damaged.write_bytes(files[1].read_bytes()[:-900])
        files.insert(2, damaged)

        # The first township's key waits for the phone check; the others are known.
        key_prompts: list[KeyDecisionDialog] = []
        KeyDecisionDialog.exec = lambda dialog: key_prompts.append(dialog) or 0  # type: ignore
        inbox = InboxPage(city.store)
        inbox.key_session.unlock_with(PASSPHRASE)
        inbox.resize(1500, 420)
        inbox.show()
        inbox.add_paths(files)
        settle(app, 600)
        for row in inbox.rows:
            error = row.result.error if row.result else None
            if error is not None and error.code == "package.sender_key_pending" \
                    and row.path != files[0]:
                key_approval.approve_key(city.store, error.details["unit_id"],
                                         error.details["fingerprint"], actor="demo")
        for row in inbox.rows[1:]:
            inbox._check([row])
        settle(app, 600)
        inbox.select_row(2)
        grab(app, inbox, output / "office-inbox.png")
        key_prompts[0].show()
        grab(app, key_prompts[0], output / "office-key-approval.png")
        key_prompts[0].close()

        for ready in (inbox.rows[1], inbox.rows[3]):
            assert ready.result is not None and ready.result.opened is not None
            merge.merge(city.store, ready.result.opened.incoming)
        with city.store.session_factory.begin() as session:
            period = session.get(models.Period, PERIOD)
            assert period is not None
            period.due_date = date(2021, 7, 15)

        # The second laptop's second package meets every case the preview distinguishes.
        review.set_period_state(city.store, "2021Q1", PeriodState.LOCKED, actor="demo")
        town = TWO_LAPTOPS_TOWN
        merge.merge(city.store, laptop_package(LAPTOP_ONE, [
            entry_record(unit=town, task=13, revision=2, value="80", narrative="一号机填报"),
            entry_record(unit=town, task=10, revision=1, value="3"),
            entry_record(unit=town, task=12, revision=4, value="6"),
            entry_record(unit=town, task=19, revision=2, value="3.5"),
        ], sequence=1))
        merge.merge(city.store, laptop_package(LAPTOP_TWO, [
            entry_record(unit=town, task=12, revision=4, value="6"),
            entry_record(unit=town, task=19, revision=2, value="3.5"),
        ], sequence=1))
        second = laptop_package(LAPTOP_TWO, [
            entry_record(unit=town, task=13, revision=2, value="85", narrative="二号机填报"),
            entry_record(unit=town, task=10, revision=1, value="3"),
            entry_record(unit=town, task=12, revision=3, value="5"),
            entry_record(unit=town, task=19, revision=3, value="4.2"),
            entry_record(unit=town, task=27, revision=1, value="12.5"),
            entry_record(unit=town, task=20, revision=1, value="60", period="2021Q1"),
            entry_record(unit=town, task=99, revision=1, value="1"),
        ], sequence=2)
        dialog = PreviewDialog(city.store, second, merge.preview(city.store, second),
                               "五常街道", inbox._task_titles())
        dialog.show()
        grab(app, dialog, output / "office-preview.png")
        dialog.close()
        merge.merge(city.store, second)

        conflicts_page = ConflictsPage(city.store)
        conflicts_page.resize(1400, 560)
        conflicts_page.show()
        wait_loaded(app, conflicts_page)
        rows = {row.name: row for row in conflicts_page.field_rows if row.differs}
        rows["value"].choice.setCurrentIndex(rows["value"].choice.findData("township"))
        rows["narrative"].choice.setCurrentIndex(rows["narrative"].choice.findData("edit"))
        rows["narrative"].edit.setText("两台电脑合并：已完成 13 所学校改造")
        grab(app, conflicts_page, output / "office-conflict.png")

        review_page = ReviewPage(city.store)
        review_page.resize(1400, 700)
        review_page.show()
        wait_loaded(app, review_page)
        review_page.period_combo.setCurrentIndex(review_page.period_combo.findData(PERIOD))
        wait_loaded(app, review_page)
        reviewable = [index for index, row in enumerate(review_page.rows)
                      if not row.has_open_item]
        first = review_page.rows[reviewable[0]]
        review.return_entry(city.store, first.key, actor="demo",
                            comment="数值与佐证材料不符，请核实后重新上报")
        review.accept_entry(city.store, review_page.rows[reviewable[2]].key, actor="demo")
        review_page.reload()
        wait_loaded(app, review_page)
        review_page.table.selectRow(reviewable[1])
        review_page.comment.setPlainText("请补充 17 所学校的验收单")
        grab(app, review_page, output / "office-review.png")

        board = CompletenessPage(city.store)
        board.resize(1400, 640)
        board.show()
        wait_loaded(app, board)
        board.period_combo.setCurrentIndex(board.period_combo.findData(PERIOD))
        board.county_combo.setCurrentIndex(board.county_combo.findData("330110"))
        grab(app, board, output / "office-completeness.png")

        audit_page = AuditPage(city.store)
        audit_page.resize(1500, 600)
        audit_page.show()
        grab(app, audit_page, output / "office-audit.png")

        for widget in (inbox, conflicts_page, review_page, board, audit_page):
            widget.close()
        city.store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
