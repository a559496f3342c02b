"""Messages for exporting, distributing and importing packages and for the city's keys."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "keys.no_city_keys": QT_TRANSLATE_NOOP(
        "Errors", "This data folder holds no {purpose} key of an office. A city office is set "
        "up with \"init city\", a county office with \"init county --package FILE\"; an "
        "office that was set up before restores its key backup."),
    "keys.escrow_suite_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The city's working key uses cipher suite {suite}, but the city's escrow key "
        "uses {escrow_suite}, so no report package can be encrypted. Ask the city office for "
        "a new distribution package that lists an escrow key of suite {suite}. The entries "
        "filled in are kept."),
    "keys.escrow_file_required": QT_TRANSLATE_NOOP(
        "Errors", "Changing the city's keys to cipher suite {suite} needs a new offline escrow "
        "key of that suite, because the current escrow key uses {escrow_suite}. Nothing was "
        "changed. Run the rotation again with --escrow-file FILE, naming a new file on the "
        "medium that is kept in the safe."),
    "keys.escrow_file_exists": QT_TRANSLATE_NOOP(
        "Errors", "{file} exists already, and it may hold the escrow key that opens older "
        "report packages. Nothing was changed. Choose a new file name with --escrow-file."),
    "keys.invalid_fingerprint": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a key fingerprint. A fingerprint is 40 digits in 8 "
        "groups of 5, as \"verify\" shows it."),
    "keys.not_found": QT_TRANSLATE_NOOP(
        "Errors", "No key with fingerprint {fingerprint} is stored for {unit}. The office "
        "registers a new key when it verifies or merges a package signed by it: run "
        "\"verify FILE\" on the package first. Check the digits with \"keys list\"."),
    "keys.not_found/other_unit": QT_TRANSLATE_NOOP(
        "Errors", "The key with fingerprint {fingerprint} is stored for {owner}, not for "
        "{unit}. A key belongs to one unit only, so it cannot be approved for {unit}. Nothing "
        "was changed; check which unit the fingerprint was read out for."),
    "keys.passphrase_missing": QT_TRANSLATE_NOOP(
        "Errors", "The city office's passphrase is needed. Give it with --passphrase-file F "
        "or run the command in a terminal to type it."),
    "keys.passphrase_file_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase file {file} is empty or not UTF-8 text. Put the passphrase "
        "on its first line."),
    "package.not_township": QT_TRANSLATE_NOOP(
        "Errors", "Only a township installation exports report packages; this one is set up "
        "as \"{role}\"."),
    "package.no_city_keys": QT_TRANSLATE_NOOP(
        "Errors", "This laptop has not imported the city's distribution package yet, so it "
        "cannot encrypt a report for the city. Import the distribution package (下发包) first; "
        "the entries already filled in are kept."),
    "package.nothing_to_export": QT_TRANSLATE_NOOP(
        "Errors", "No entry has been filled in for {periods}. Fill in at least one task "
        "before exporting."),
    "package.wrong_kind": QT_TRANSLATE_NOOP(
        "Errors", "{file} is a {kind}, but a {expected} is needed here. Check that the right "
        "file was chosen."),
    "package.unknown_unit": QT_TRANSLATE_NOOP(
        "Errors", "{file} comes from reporting unit {unit}, which this office does not know. "
        "Add the unit first, or check where the file came from. Nothing was imported."),
    "distribution.unknown_unit": QT_TRANSLATE_NOOP(
        "Errors", "No reporting unit {unit} is known here. Check the id, code or name."),
    "distribution.no_unit": QT_TRANSLATE_NOOP(
        "Errors", "Choose the units with --unit CODE (repeatable) or --all-townships."),
    "distribution.wrong_addressee": QT_TRANSLATE_NOOP(
        "Errors", "{file} is the distribution package of {package_unit}, but this laptop "
        "reports for {own_unit}. Nothing was changed. Import the package the city office "
        "wrote for {own_unit}. If this laptop should report for {package_unit} instead "
        "(the wrong township was chosen at setup), call the city office before going on."),
    "distribution.identity_change_unconfirmed": QT_TRANSLATE_NOOP(
        "Errors", "{file} is the distribution package of {package_unit}. This laptop "
        "reports as the provisional market town {own_unit}, which has no official code; "
        "importing the package makes it report for {package_unit} and moves the entries "
        "filled in to that township. Nothing was changed. Open the package in the window "
        "and confirm the change, or import it with the \"import\" command."),
    "distribution.not_for_office": QT_TRANSLATE_NOOP(
        "Errors", "This data folder belongs to an office (\"{role}\"); distribution packages "
        "are imported on township laptops."),
    "distribution.already_imported": QT_TRANSLATE_NOOP(
        "Errors", "{file} was imported before; nothing changed."),
    "distribution.unpinned_city_key": QT_TRANSLATE_NOOP(
        "Errors", "{file} is signed by a key with fingerprint {fingerprint}, which is not a "
        "key of the city office this laptop belongs to. Nothing was changed. Phone the city "
        "office and ask whether it sent this file; do not use a file it did not send. If "
        "the office has changed its keys, it must send a distribution package signed with "
        "its old key; if it cannot, this laptop must be set up again with the office's help."),
    "distribution.older": QT_TRANSLATE_NOOP(
        "Errors", "{file} is older (number {sequence}) than the distribution package already "
        "imported (number {latest}). Nothing was changed; use the newest package."),
    "distribution.county_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "{file} sets up a county office, whose keys need a passphrase. Run \"init "
        "county --package FILE\" in a terminal or give --passphrase-file F."),
    "receipt.not_sent_here": QT_TRANSLATE_NOOP(
        "Errors", "This receipt confirms report package {package} (number {sequence}), which "
        "was not exported on this laptop; it may belong to another laptop of the same "
        "township. Nothing was changed. Import the receipt on the laptop that exported the "
        "package."),
    "setup.county_package_missing": QT_TRANSLATE_NOOP(
        "Errors", "Give the county's distribution package with --package FILE; the city "
        "office writes it with \"distribute --unit COUNTY\"."),
    "bundle.not_county": QT_TRANSLATE_NOOP(
        "Errors", "Only a county office writes county bundles, and this data folder's role is: "
        "{role}. A county office is set up with \"init county --package FILE\" from the "
        "distribution package that the city office writes for the county."),
    "setup.city_name_missing": QT_TRANSLATE_NOOP(
        "Errors", "Give the office's name with --name, e.g. --name 杭州市美丽城镇办."),
}

# Names of the package kinds, for the ``kind`` and ``expected`` details of wrong-kind errors.
PACKAGE_KINDS: dict[str, str] = {
    "report": QT_TRANSLATE_NOOP("PackageKinds", "report package"),
    "distribution": QT_TRANSLATE_NOOP("PackageKinds", "distribution package"),
    "receipt": QT_TRANSLATE_NOOP("PackageKinds", "receipt"),
    "bundle": QT_TRANSLATE_NOOP("PackageKinds", "county bundle"),
}
# Names of the key purposes, for the ``purpose`` detail of keys.no_city_keys.
KEY_PURPOSES: dict[str, str] = {
    "signing": QT_TRANSLATE_NOOP("KeyPurposes", "signing"),
    "encryption": QT_TRANSLATE_NOOP("KeyPurposes", "encryption"),
    "escrow": QT_TRANSLATE_NOOP("KeyPurposes", "escrow"),
    "county": QT_TRANSLATE_NOOP("KeyPurposes", "county encryption"),
}
# Error codes whose ``kind`` and ``expected`` details are package kinds.
KIND_DETAIL_CODES = frozenset({"package.wrong_kind", "merge.wrong_kind",
                               "bundle.invalid_content"})

# Sentences for the ``reason`` detail of package.content_mismatch, by reason code.
CONTENT_REASONS: dict[str, str] = {
    "record_not_object": QT_TRANSLATE_NOOP("Errors", "a record is not a JSON object."),
    "missing_report_info": QT_TRANSLATE_NOOP("Errors", "the report's description is missing."),
    "missing_part": QT_TRANSLATE_NOOP("Errors", "a required part ({value}) is missing."),
    "unit_not_sender": QT_TRANSLATE_NOOP(
        "Errors", "it holds entries of unit {value}, which did not sign the package."),
    "unexpected_record": QT_TRANSLATE_NOOP("Errors", "it holds an unknown record \"{value}\"."),
    "entry_count": QT_TRANSLATE_NOOP(
        "Errors", "the number of entries does not match its description."),
    "invalid_unit_id": QT_TRANSLATE_NOOP("Errors", "the reporting unit is missing."),
    "invalid_unit_name": QT_TRANSLATE_NOOP("Errors", "the reporting unit's name is missing."),
    "invalid_catalogue_version": QT_TRANSLATE_NOOP(
        "Errors", "the catalogue version is missing."),
    "invalid_created_at": QT_TRANSLATE_NOOP(
        "Errors", "its creation time \"{value}\" is not a date."),
    "invalid_unit": QT_TRANSLATE_NOOP("Errors", "the addressed unit is missing."),
    "unit_not_addressee": QT_TRANSLATE_NOOP(
        "Errors", "its content is for unit {value}, not for the unit on its label."),
    "invalid_catalogue": QT_TRANSLATE_NOOP("Errors", "the catalogue is missing or damaged."),
    "invalid_periods": QT_TRANSLATE_NOOP("Errors", "the list of periods is damaged."),
    "invalid_targets": QT_TRANSLATE_NOOP("Errors", "the list of targets is damaged."),
    "invalid_target": QT_TRANSLATE_NOOP("Errors", "a target ({value}) is damaged."),
    "invalid_keys": QT_TRANSLATE_NOOP("Errors", "the list of the city's keys is damaged."),
    "invalid_city_key": QT_TRANSLATE_NOOP("Errors", "a city key ({value}) is damaged."),
    "city_key_fingerprint": QT_TRANSLATE_NOOP(
        "Errors", "a city key does not match its fingerprint {value}."),
    "too_many_comments": QT_TRANSLATE_NOOP("Errors", "it lists too many comments ({value})."),
    "no_city_key": QT_TRANSLATE_NOOP(
        "Errors", "this laptop has not imported the city's distribution package yet."),
    "receipt_records": QT_TRANSLATE_NOOP("Errors", "it is not a single receipt."),
    "invalid_laptop_key": QT_TRANSLATE_NOOP(
        "Errors", "it names an earlier key of the laptop ({value}) with a missing or invalid "
        "signature."),
}
