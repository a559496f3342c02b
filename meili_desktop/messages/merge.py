"""Messages for merging, review, receipts, county relay and key decisions at the office."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    # Merging a verified report package.
    "merge.invalid_record": QT_TRANSLATE_NOOP(
        "Errors", "Entry number {index} in the package has an unreadable field \"{field}\" "
        "({value}). Nothing from this package was merged; ask the township to update the "
        "program and export again."),
    "merge.invalid_content": QT_TRANSLATE_NOOP(
        "Errors", "The value {value} is not valid for the field \"{field}\". Nothing was "
        "changed; enter a plain number such as 85 or 12.5, or a valid status."),
    "merge.malformed_entry": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the entry for task {task} ({period}) has malformed content in "
        "\"{field}\" ({value}). "
        "The package's signatures are valid, so it arrived as its sender wrote it, but this "
        "program never writes such an entry: the sender's program is faulty or not this "
        "program. Nothing from this package was merged; ask the township to install the "
        "current version of the program and export again."),
    "merge.malformed_entry/invalid_status": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the entry for task {task} ({period}) has an invalid status "
        "({value}). "
        "The package's signatures are valid, so it arrived as its sender wrote it, but this "
        "program never writes such an entry: the sender's program is faulty or not this "
        "program. Nothing from this package was merged; ask the township to install the "
        "current version of the program and export again."),
    "merge.malformed_entry/invalid_value": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the entry for task {task} ({period}) has no valid number in "
        "\"{field}\" ({value}); a number has at most 12 digits before and 6 after the "
        "decimal point, and a denominator is not 0. "
        "The package's signatures are valid, so it arrived as its sender wrote it, but this "
        "program never writes such an entry: the sender's program is faulty or not this "
        "program. Nothing from this package was merged; ask the township to install the "
        "current version of the program and export again."),
    "merge.malformed_entry/text_too_long": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the entry for task {task} ({period}) has more than {limit} "
        "characters in \"{field}\", the most a package may carry. "
        "The package's signatures are valid, so it arrived as its sender wrote it, but this "
        "program never writes such an entry: the sender's program is faulty or not this "
        "program. Nothing from this package was merged; ask the township to install the "
        "current version of the program and export again."),
    "merge.malformed_entry/not_text": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the entry for task {task} ({period}) has a value that is not text "
        "in \"{field}\" ({value}). "
        "The package's signatures are valid, so it arrived as its sender wrote it, but this "
        "program never writes such an entry: the sender's program is faulty or not this "
        "program. Nothing from this package was merged; ask the township to install the "
        "current version of the program and export again."),
    "merge.malformed_entry/invalid_time": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the entry for task {task} ({period}) has an unreadable edit time "
        "({value}); an edit time is ISO 8601 text such as 2021-06-30T08:00:00+08:00. "
        "The package's signatures are valid, so it arrived as its sender wrote it, but this "
        "program never writes such an entry: the sender's program is faulty or not this "
        "program. Nothing from this package was merged; ask the township to install the "
        "current version of the program and export again."),
    "merge.malformed_entry/control_character": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the entry for task {task} ({period}) has a control character such "
        "as NUL in \"{field}\" ({value}). "
        "The package's signatures are valid, so it arrived as its sender wrote it, but this "
        "program never writes such an entry: the sender's program is faulty or not this "
        "program. Nothing from this package was merged; ask the township to install the "
        "current version of the program and export again."),
    "merge.malformed_entry/invalid_attachment": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the entry for task {task} ({period}) has an unreadable list of "
        "evidence files. "
        "The package's signatures are valid, so it arrived as its sender wrote it, but this "
        "program never writes such an entry: the sender's program is faulty or not this "
        "program. Nothing from this package was merged; ask the township to install the "
        "current version of the program and export again."),
    "merge.malformed_entry/missing_attachment": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the entry for task {task} ({period}) names the evidence file "
        "{value}, which the package does not carry. "
        "The package's signatures are valid, so it arrived as its sender wrote it, but this "
        "program never writes such an entry: the sender's program is faulty or not this "
        "program. Nothing from this package was merged; ask the township to install the "
        "current version of the program and export again."),
    "merge.duplicate_entry": QT_TRANSLATE_NOOP(
        "Errors", "The package lists task {task} of unit {unit} for {period} twice. Nothing "
        "from this package was merged; ask the township to export again."),
    "merge.replay": QT_TRANSLATE_NOOP(
        "Errors", "Package {package_id} from unit {sender} reuses the package id, or the "
        "sequence number {sequence} of its laptop's key {fingerprint}, of a package merged "
        "before, with different content. It may be a replayed or forged copy. Nothing was "
        "merged; ask the township to export a new package and keep this file for checking."),
    "merge.wrong_kind": QT_TRANSLATE_NOOP(
        "Errors", "Package {package_id} is a {kind}; only report packages from townships "
        "can be merged. Nothing was changed."),
    "merge.no_catalogue": QT_TRANSLATE_NOOP(
        "Errors", "No task catalogue is active, so entries cannot be checked. Nothing was "
        "merged; set up or import the catalogue first."),
    "merge.too_many_entries": QT_TRANSLATE_NOOP(
        "Errors", "The package {package_id} from {sender} carries {count} entries, but a unit "
        "reports at most one entry per task and period: {tasks} tasks in {periods} periods, "
        "so at most {limit} with room for tasks of a newer catalogue. Nothing from this "
        "package was merged. Ask the sender to check its data and program version and to "
        "export the package again."),
    "merge.blocked_attachment": QT_TRANSLATE_NOOP(
        "Errors", "The evidence file \"{name}\" for task {task} of unit {unit} ({period}) is "
        "a program or script. Nothing from this package was merged; ask the township to "
        "attach photos or documents only and export again."),
    "merge.attachment_changed": QT_TRANSLATE_NOOP(
        "Errors", "The evidence file \"{name}\" changed on the disk after the package was "
        "verified. Nothing was merged; add the package again."),
    "merge.busy": QT_TRANSLATE_NOOP(
        "Errors", "Another merge kept the database busy for more than {seconds} seconds. "
        "Nothing was merged; try again when the other clerk's merge has finished."),
    "merge.no_files": QT_TRANSLATE_NOOP(
        "Errors", "No report package or county bundle was found in {paths}. Give package "
        "files (.mlrp or .mlcb) or a folder that contains them."),
    # Conflicts and held entries.
    "merge.decision_missing": QT_TRANSLATE_NOOP(
        "Errors", "The field \"{field}\" differs between the office and the township, but no "
        "choice was made for it. Nothing was changed; choose the office value, the township "
        "value or enter a value."),
    "merge.decision_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The field \"{field}\" cannot be set that way. Nothing was changed; keep "
        "the office's or take the township's evidence files."),
    "merge.item_not_found": QT_TRANSLATE_NOOP(
        "Errors", "Item {item} no longer exists. Refresh the list."),
    "merge.item_closed": QT_TRANSLATE_NOOP(
        "Errors", "Item {item} was already decided, perhaps by another clerk. Nothing was "
        "changed; refresh the list."),
    "merge.period_locked": QT_TRANSLATE_NOOP(
        "Errors", "Period {period} is locked, so its entries cannot change. Nothing was "
        "changed; open the period first if the change is really needed."),
    "merge.still_held": QT_TRANSLATE_NOOP(
        "Errors", "Item {item} still cannot be applied ({reason}). Nothing was changed; fix "
        "the cause first (for example open the period) or discard the item."),
    "merge.not_a_conflict": QT_TRANSLATE_NOOP(
        "Errors", "Item {item} is a held entry, not a conflict; release or discard it "
        "instead."),
    # Review.
    "review.comment_required": QT_TRANSLATE_NOOP(
        "Errors", "Returning an entry needs a comment that tells the township what to fix. "
        "Nothing was changed; write the comment and return the entry again."),
    "review.comment_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The comment has {length} characters; at most {maximum} are allowed. "
        "Nothing was changed; shorten the comment."),
    "review.entry_not_found": QT_TRANSLATE_NOOP(
        "Errors", "The office has no entry for task {task} of unit {unit} in {period}. "
        "Nothing was changed; check the unit, task and period."),
    "review.entry_changed": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} of unit {unit} in {period} changed while you reviewed it "
        "(revision {expected} is now {revision}). Nothing was changed; review the new "
        "revision."),
    "review.open_conflict": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} of unit {unit} in {period} has an open conflict. Nothing was "
        "changed; resolve the conflict first, then review the entry."),
    "review.period_locked": QT_TRANSLATE_NOOP(
        "Errors", "Period {period} is locked, so its entries can no longer be reviewed. "
        "Nothing was changed; open the period first if the review must change."),
    "review.period_not_found": QT_TRANSLATE_NOOP(
        "Errors", "There is no reporting period {period}. Nothing was changed; check the "
        "period code, such as 2021Q2."),
    # Receipts.
    "receipt.not_merged": QT_TRANSLATE_NOOP(
        "Errors", "Package {package_id} was never merged here, so there is no receipt for it. "
        "Merge the package first."),
    "receipt.invalid": QT_TRANSLATE_NOOP(
        "Errors", "The receipt is damaged or from another program (field \"{field}\"). "
        "Nothing was changed; ask the office to send the receipt again."),
    "receipt.wrong_unit": QT_TRANSLATE_NOOP(
        "Errors", "The receipt is for unit {unit}, but this laptop reports for {own}. Nothing "
        "was changed; import the receipt on that unit's laptop."),
    # County relay.
    "relay.invalid_package_id": QT_TRANSLATE_NOOP(
        "Errors", "The package id \"{package_id}\" cannot be used as a file name. Nothing was "
        "kept; report the package file to the city office."),
    "relay.nothing_to_forward": QT_TRANSLATE_NOOP(
        "Errors", "None of the {count} chosen packages is waiting to be forwarded: they were "
        "forwarded before. Nothing was changed."),
    # Key decisions.
    "keys.cannot_decide": QT_TRANSLATE_NOOP(
        "Errors", "The key {fingerprint} of unit {unit} is {status} and cannot be approved or "
        "rejected any more. Nothing was changed."),
}

# Codes whose ``field`` detail is an entry content field, shown by its translated label.
ENTRY_FIELD_DETAIL_CODES = frozenset({"merge.malformed_entry", "entry.control_character"})
