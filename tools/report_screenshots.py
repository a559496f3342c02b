"""Render the report screenshots in docs/screenshots from a demo data folder.

Builds a temporary office data folder with every Hangzhou township and generated entries
for 2021Q1 and 2021Q2, then saves the summary page (by town and by task), the charts page
and the first page of the town report and city summary PDFs (through pdftoppm) as PNG.

Usage: QT_QPA_PLATFORM=offscreen python tools/report_screenshots.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from meili_desktop.domain.summary import Grouping  # noqa: E402
from meili_desktop.i18n import install_translators  # noqa: E402
from meili_desktop.services.printing import print_city_summary, print_town_report  # noqa: E402
from tests.reports.report_support import open_office_store, seed_demo_data  # noqa: E402


def settle(app: QApplication, milliseconds: int = 400) -> None:
    """Let background jobs finish and queued signals arrive."""
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


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translators(app, "zh_CN")
    from meili_desktop.ui.office.charts import ChartsPage
    from meili_desktop.ui.office.summary_page import SummaryPage

    with tempfile.TemporaryDirectory() as folder:
        store = open_office_store(Path(folder) / "office")
        seed_demo_data(store)
        page = SummaryPage(store)
        page.resize(1400, 760)
        page.show()
        wait_loaded(app, page)
        settle(app)
        page.grab().save(str(output / "summary-by-town.png"))
        page.grouping_combo.setCurrentIndex(page.grouping_combo.findData(Grouping.TASK.value))
        wait_loaded(app, page)
        settle(app)
        page.grab().save(str(output / "summary-by-task.png"))
        page.grouping_combo.setCurrentIndex(page.grouping_combo.findData(Grouping.COUNTY.value))
        wait_loaded(app, page)
        settle(app)
        page.grab().save(str(output / "summary-by-county.png"))

        charts = ChartsPage(store)
        charts.resize(1400, 820)
        charts.show()
        wait_loaded(app, charts)
        settle(app)
        charts.task_combo.setCurrentIndex(charts.task_combo.findData(13))
        settle(app)
        charts.grab().save(str(output / "charts.png"))

        print_town_report(store, Path(folder) / "town.pdf", "330110005", "2021Q2")
        print_city_summary(store, Path(folder) / "city.pdf", "2021Q2")
        for name in ("town", "city"):
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1",
                            "-singlefile", str(Path(folder) / f"{name}.pdf"),
                            str(output / f"{name}-report-page1")], check=True)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "2", "-l", "2", "-singlefile",
                        str(Path(folder) / "town.pdf"), str(output / "town-report-page2")],
                       check=True)
        page.close()
        charts.close()
        store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
