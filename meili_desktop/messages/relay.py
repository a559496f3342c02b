"""Messages for the county's relay page and the city's import of county bundles."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "relay.original_changed": QT_TRANSLATE_NOOP(
        "Errors", "The kept file {file} is not the package {package_id} that was merged: it "
        "was replaced after the merge. Import the township's original package file again "
        "before forwarding it."),
}
