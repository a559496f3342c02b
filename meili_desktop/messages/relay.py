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
    "bundle.invalid_content": QT_TRANSLATE_NOOP(
        "Errors", "The county bundle {file} from {county} does not match its own list of "
        "township packages. The county office wrote the bundle wrong. "
        "Nothing from the bundle was merged; ask the county office to check the packages it "
        "forwards and to write the bundle again."),
    "bundle.invalid_content/missing_member": QT_TRANSLATE_NOOP(
        "Errors", "The county bundle {file} from {county} lists a township package that it "
        "does not carry. The county office wrote the bundle wrong. "
        "Nothing from the bundle was merged; ask the county office to check the packages it "
        "forwards and to write the bundle again."),
    "bundle.invalid_content/listed_twice": QT_TRANSLATE_NOOP(
        "Errors", "The county bundle {file} from {county} lists the township package "
        "{package} twice. The county office wrote the bundle wrong. "
        "Nothing from the bundle was merged; ask the county office to check the packages it "
        "forwards and to write the bundle again."),
    "bundle.invalid_content/unlisted_member": QT_TRANSLATE_NOOP(
        "Errors", "The county bundle {file} from {county} carries {count} files that its "
        "list of township packages does not name. The county office wrote the bundle wrong. "
        "Nothing from the bundle was merged; ask the county office to check the packages it "
        "forwards and to write the bundle again."),
    "bundle.invalid_content/unreadable_member": QT_TRANSLATE_NOOP(
        "Errors", "The county bundle {file} from {county} carries a file listed as the "
        "package of {unit} that is not a package of this program. The county office wrote "
        "the bundle wrong. "
        "Nothing from the bundle was merged; ask the county office to check the packages it "
        "forwards and to write the bundle again."),
    "bundle.invalid_content/not_report": QT_TRANSLATE_NOOP(
        "Errors", "The county bundle {file} from {county} carries a {kind} of {unit}, "
        "but a bundle may carry only the townships' report packages. The county office wrote "
        "the bundle wrong. "
        "Nothing from the bundle was merged; ask the county office to check the packages it "
        "forwards and to write the bundle again."),
    "bundle.invalid_content/wrong_sender": QT_TRANSLATE_NOOP(
        "Errors", "The county bundle {file} from {county} lists a package as coming from "
        "{listed}, but the package itself comes from {unit}. The county office wrote the "
        "bundle wrong. "
        "Nothing from the bundle was merged; ask the county office to check the packages it "
        "forwards and to write the bundle again."),
    "bundle.invalid_content/other_county": QT_TRANSLATE_NOOP(
        "Errors", "The county bundle {file} from {county} carries a package of {unit}, "
        "which is not a township of {county}. The county office wrote the bundle wrong: a "
        "county forwards only its own townships' packages. "
        "Nothing from the bundle was merged; ask the county office to check the packages it "
        "forwards and to write the bundle again."),
    "bundle.suite_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The city's keys use cipher suite {suite}, but the county's signing key "
        "uses {county_suite}, so no bundle was written. Import the city's latest "
        "distribution package with the county's passphrase, unlock the county's keys again "
        "and write the bundle again."),
}
