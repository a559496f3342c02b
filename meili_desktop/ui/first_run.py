"""First run: choose who uses this computer, and set the data folder up for that role.

A township is normally set up from the city's distribution package. Without one, the clerk
picks the county and township from the embedded division list, or types a market town
(集镇) that has no official code, and starts at once as a provisional township.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.errors import MeiliError
from meili_desktop.file_types import DISTRIBUTION_PACKAGE_EXTENSION
from meili_desktop.messages import describe
from meili_desktop.services.distribution import (
    DistributionImport,
    import_distribution_package,
    init_city,
)
from meili_desktop.services.identity import Identity, Role, load_identity
from meili_desktop.services.setup import (
    list_counties,
    list_townships,
    setup_provisional_township,
)
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.progress import JobProgressWidget
from meili_desktop.ui.township.value_editor import ERROR_STYLE
from meili_desktop.ui.workers import JobWorker

logger = logging.getLogger(__name__)

ROLE_ORDER = (Role.TOWNSHIP, Role.COUNTY, Role.CITY)
CITY_OFFICE_NAME = "杭州市美丽城镇办"
# The shortest passphrase accepted for office keys; Argon2id makes each guess slow.
MIN_PASSPHRASE_LENGTH = 8


class FirstRunDialog(QDialog):
    """Asks for the role in plain words and sets the data folder up.

    ``identity`` is the result after the dialog is accepted.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.store = store
        self.identity: Identity | None = None
        self.setWindowTitle(self.tr("Welcome to Beautiful Towns Reporting"))

        heading = QLabel(self.tr("Who will use this computer?"), self)
        heading_font = QFont(heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        heading.setFont(heading_font)

        self.role_buttons = QButtonGroup(self)
        roles = QVBoxLayout()
        descriptions = {
            Role.TOWNSHIP: (self.tr("Township (town or subdistrict) clerk"), self.tr(
                "Fill in the progress of your township's tasks each period, attach evidence "
                "and send report packages to the city office.")),
            Role.COUNTY: (self.tr("County (city, district) office"), self.tr(
                "Collect and review your townships' report packages and forward them to the "
                "city office.")),
            Role.CITY: (self.tr("City Beautiful Towns office"), self.tr(
                "Keep the task catalogue and targets, send distribution packages, merge the "
                "report packages and produce the summaries.")),
        }
        for index, role in enumerate(ROLE_ORDER):
            title, detail = descriptions[role]
            button = QRadioButton(title, self)
            button.setObjectName(f"role_{role.value}")
            self.role_buttons.addButton(button, index)
            note = QLabel(detail, self)
            note.setWordWrap(True)
            note.setIndent(24)
            note.setStyleSheet("color: #505050;")
            roles.addWidget(button)
            roles.addWidget(note)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._township_page())
        self.pages.addWidget(self._county_page())
        self.pages.addWidget(self._city_page())

        self.error_label = QLabel(self)
        self.error_label.setObjectName("firstRunError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.job_progress = JobProgressWidget(self)
        self.worker: JobWorker | None = None

        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(self.tr("Start"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("startButton")
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(roles)
        layout.addWidget(line)
        layout.addWidget(self.pages)
        layout.addWidget(self.error_label)
        layout.addWidget(self.job_progress)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.role_buttons.idToggled.connect(self._on_role)
        self.role_buttons.button(0).setChecked(True)
        self.setMinimumWidth(640)

    # --- pages ---------------------------------------------------------------------------

    def _township_page(self) -> QWidget:
        page = QWidget(self)
        package_box = QGroupBox(self.tr("With the city's distribution package (usual)"), page)
        self.package_button = QPushButton(self.tr("Open distribution package…"), package_box)
        self.package_button.setObjectName("openPackageButton")
        self.package_button.clicked.connect(lambda: self.choose_package())
        package_layout = QVBoxLayout(package_box)
        package_note = QLabel(self.tr(
            "The city office sends each township a distribution package (file ending in "
            "{extension}). It sets this computer up as your township.").format(
            extension=DISTRIBUTION_PACKAGE_EXTENSION), package_box)
        package_note.setWordWrap(True)
        package_layout.addWidget(package_note)
        package_layout.addWidget(self.package_button, 0, Qt.AlignmentFlag.AlignLeft)

        provisional_box = QGroupBox(self.tr("Without the package: start now"), page)
        self.county_combo = _combo(provisional_box, "countyCombo")
        self.town_combo = _combo(provisional_box, "townCombo")
        self.market_town_check = QCheckBox(self.tr("My market town (集镇) is not in the list"),
                                           provisional_box)
        self.market_town_check.setObjectName("marketTownCheck")
        self.market_town_edit = QLineEdit(provisional_box)
        self.market_town_edit.setObjectName("marketTownEdit")
        self.market_town_edit.setPlaceholderText(self.tr("Name of the market town"))
        self.market_town_edit.setMaxLength(100)
        self.market_town_edit.setEnabled(False)
        form = QFormLayout(provisional_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        provisional_note = QLabel(self.tr(
            "Pick your county and township. Your entries are kept when the package arrives "
            "and is opened later."), provisional_box)
        provisional_note.setWordWrap(True)
        form.addRow(provisional_note)
        form.addRow(self.tr("County"), self.county_combo)
        form.addRow(self.tr("Township"), self.town_combo)
        form.addRow(self.market_town_check)
        form.addRow(self.tr("Market town"), self.market_town_edit)

        for county in list_counties(self.store):
            self.county_combo.addItem(county.name, county.id)
        self.county_combo.currentIndexChanged.connect(self._fill_towns)
        self.market_town_check.toggled.connect(self._on_market_town)
        self._fill_towns()

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(package_box)
        layout.addWidget(provisional_box)
        return page

    def _passphrase_fields(self, page: QWidget, form: QFormLayout, prefix: str) -> None:
        """Add a passphrase and its repetition to ``form``, kept as ``self.<prefix>_...``."""
        first, second = QLineEdit(page), QLineEdit(page)
        for line, suffix in ((first, "Passphrase"), (second, "Repeat")):
            line.setEchoMode(QLineEdit.EchoMode.Password)
            line.setObjectName(f"{prefix}{suffix}")
        setattr(self, f"{prefix}_passphrase", first)
        setattr(self, f"{prefix}_repeat", second)
        form.addRow(self.tr("Passphrase of the keys"), first)
        form.addRow(self.tr("Repeat the passphrase"), second)

    def _county_page(self) -> QWidget:
        page = QWidget(self)
        label = QLabel(self.tr(
            "A county office is set up from the distribution package the city office wrote "
            "for the county. Choose a passphrase for the county's keys, then click Start "
            "and open the package."), page)
        label.setWordWrap(True)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(label)
        self._passphrase_fields(page, form, "county")
        return page

    def _city_page(self) -> QWidget:
        page = QWidget(self)
        label = QLabel(self.tr(
            "The office keeps the catalogue, periods and targets. The embedded 2020 task "
            "catalogue is set up to start with. The office's keys are created now and "
            "protected by the passphrase; keep it safe, it cannot be recovered."), page)
        label.setWordWrap(True)
        self.city_name_edit = QLineEdit(CITY_OFFICE_NAME, page)
        self.city_name_edit.setObjectName("cityNameEdit")
        self.suite_combo = _combo(page, "suiteCombo")
        self.suite_combo.addItem(self.tr("Standard (X25519, AES-256-GCM, Ed25519)"), "C1")
        self.suite_combo.addItem(self.tr("国密 (SM2, SM3, SM4)"), "G1")
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(label)
        form.addRow(self.tr("Office name"), self.city_name_edit)
        form.addRow(self.tr("Cipher suite"), self.suite_combo)
        self._passphrase_fields(page, form, "city")
        return page

    def _checked_passphrase(self, prefix: str) -> str | None:
        """Return the typed passphrase, or None after showing why it is not acceptable."""
        first = getattr(self, f"{prefix}_passphrase").text()
        second = getattr(self, f"{prefix}_repeat").text()
        if len(first) < MIN_PASSPHRASE_LENGTH:
            self._show_error(self.tr("The passphrase needs at least {count} characters.")
                             .format(count=MIN_PASSPHRASE_LENGTH))
            return None
        if first != second:
            self._show_error(self.tr("The two passphrases differ; type them again."))
            return None
        return first

    def _setup_city(self) -> Identity | None:
        passphrase = self._checked_passphrase("city")
        if passphrase is None:
            return None
        escrow = self.store.folder.root / "escrow-key.mlkey"
        setup = init_city(self.store, self.city_name_edit.text().strip() or CITY_OFFICE_NAME,
                          passphrase, escrow, suite_id=self.suite_combo.currentData())
        QMessageBox.information(self, self.tr("City office set up"), self.tr(
            "City signing key fingerprint:\n{fingerprint}\n\nThe offline escrow key was "
            "written to {escrow}. Copy it to a USB stick kept in a safe and delete it from "
            "this computer: with it and the passphrase, report packages can be opened even "
            "if this computer is lost.").format(fingerprint=setup.signing_fingerprint,
                                                escrow=setup.escrow_file))
        return setup.identity

    # --- actions -------------------------------------------------------------------------

    def selected_role(self) -> Role:
        return ROLE_ORDER[self.role_buttons.checkedId()]

    def start(self) -> None:
        """Set the data folder up with the choices made; stay open with the reason on error."""
        role = self.selected_role()
        try:
            if role is Role.TOWNSHIP:
                self.identity = self._setup_township()
            elif role is Role.COUNTY:
                passphrase = self._checked_passphrase("county")
                if passphrase is not None:
                    self.choose_package(passphrase)
                return
            else:
                self.identity = self._setup_city()
                if self.identity is None:
                    return
        except MeiliError as error:
            logger.info("first-run setup rejected: %s", error)
            self._show_error(describe(error))
            return
        logger.info("first-run setup done: %s", self.identity)
        self.accept()

    def choose_package(self, passphrase: str | None = None) -> JobWorker | None:
        """Ask for the distribution package and set the data folder up from it off the GUI
        thread; the dialog closes when the package was imported.

        A county's package needs ``passphrase`` to protect the county's new keys.
        """
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open distribution package"), "",
            self.tr("Distribution package (*{extension})").format(
                extension=DISTRIBUTION_PACKAGE_EXTENSION))
        if not name:
            return None
        path = Path(name)
        self._show_error("")
        self._set_busy(True)
        self.worker = JobWorker(
            lambda progress, cancel: import_distribution_package(
                self.store, path, progress, cancel, passphrase=passphrase),
            f"first-run import of {path.name}", self)
        self.worker.succeeded.connect(self._package_imported)
        self.worker.failed.connect(self._package_failed)
        self.worker.cancelled.connect(lambda: self._set_busy(False))
        self.job_progress.track(self.worker, self.tr("Reading the distribution package…"))
        self.worker.start()
        return self.worker

    def _set_busy(self, is_busy: bool) -> None:
        """Block the choices while a package is read; its cancel button stays usable."""
        for widget in (self.pages, self.buttons, *self.role_buttons.buttons()):
            widget.setEnabled(not is_busy)

    def _package_imported(self, imported: DistributionImport) -> None:
        self._set_busy(False)
        self.identity = load_identity(self.store)
        logger.info("first-run setup from a distribution package for %s", imported.unit_id)
        if imported.is_first_import:
            QMessageBox.information(self, self.tr("Distribution package imported"), self.tr(
                "This computer is set up for {unit}. The city's signing key was recorded:\n"
                "{fingerprint}\nCompare it with the fingerprint the city office gives you by "
                "phone.").format(unit=imported.unit_name,
                                 fingerprint=imported.city_fingerprint))
        self.accept()

    def _package_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, MeiliError):
            self._show_error(describe(error))
        else:
            self._show_error(self.tr("The package could not be read because of an unexpected "
                                     "error, which was written to the log file."))

    def _setup_township(self) -> Identity:
        county = self.county_combo.currentData() or ""
        if self.market_town_check.isChecked():
            return setup_provisional_township(self.store, county, self.market_town_edit.text(),
                                              is_market_town=True)
        return setup_provisional_township(self.store, county,
                                          self.town_combo.currentData() or "")

    def _fill_towns(self) -> None:
        self.town_combo.clear()
        county_id = self.county_combo.currentData()
        if county_id is None:
            return
        for town in list_townships(self.store, county_id):
            self.town_combo.addItem(town.name, town.id)

    def _on_market_town(self, checked: bool) -> None:
        self.town_combo.setEnabled(not checked)
        self.market_town_edit.setEnabled(checked)
        if checked:
            self.market_town_edit.setFocus()

    def _on_role(self, index: int, checked: bool) -> None:
        if checked:
            self.pages.setCurrentIndex(index)
            self._show_error("")

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))


def run_first_run(store: Store) -> Identity | None:
    """Show the first-run dialog; return the identity set up, or None when it was cancelled."""
    dialog = FirstRunDialog(store)
    dialog.exec()
    return dialog.identity


def _combo(parent: QWidget, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setMinimumContentsLength(12)
    return combo
