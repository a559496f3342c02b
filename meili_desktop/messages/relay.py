"""Messages for the county's relay page and the city's import of county bundles."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "relay.original_changed": QT_TRANSLATE_NOOP(
        "Errors", "The kept file {file} is not the package {package_id} that was merged: it "
        "was replaced after the merge. Import the township's original package file again "
        "before forwarding it."),
    "distribution.county_suite_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "{file} announces the city's new keys of cipher suite {suite}, but the "
        "county's keys use {county_suite}. The county needs new keys of suite {suite}, "
        "protected by its passphrase. Nothing was imported; run \"init county --package "
        "FILE\" in a terminal, or give --passphrase-file F, with the county's passphrase."),
    "bundle.suite_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The city's keys use cipher suite {suite}, but the county's signing key "
        "uses {county_suite}, so no bundle was written. Import the city's latest "
        "distribution package with the county's passphrase, unlock the county's keys again "
        "and write the bundle again."),
}
