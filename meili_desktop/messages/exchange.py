"""Messages for package, key and cipher suite errors."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    # Reading a package file.
    "package.error": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} could not be processed. Nothing was changed; ask the "
        "sender to export it again."),
    "package.not_a_package": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not a package of this program (it may be a document, an archive "
        "or an empty file). Nothing was changed; choose the .mlrp or .mldp file that the program "
        "exported."),
    "package.not_a_package/office": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not a package of this program (it may be a document, an archive "
        "or an empty file). Nothing was changed; choose a report package (.mlrp) that a "
        "township exported or a county bundle (.mlcb) that a county office wrote."),
    "package.unsupported_version": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} has format version {found}, but this program reads "
        "version {supported}. Nothing was changed; install the newest version of the program."),
    "package.wrong_recipient": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} is addressed to another office: none of its recipient "
        "keys ({recipients}) is one of this office's keys. Nothing was changed; check that the "
        "township used the distribution package from this office."),
    "package.unknown_sender_key": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} is signed by a key of {unit} that this office has never "
        "seen (fingerprint {fingerprint}). Nothing was imported; confirm the fingerprint with "
        "the township by phone and approve the key, then import again."),
    "package.sender_key_pending": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} is signed by the key of {unit} with fingerprint "
        "{fingerprint}, which is waiting for approval. Nothing was imported; confirm the "
        "fingerprint with the township by phone, approve the key, then import again."),
    "package.key_of_other_unit": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} names {unit} as its sender, but it is signed by the key "
        "with fingerprint {fingerprint}, which this office stores for {owner}. A key belongs "
        "to one unit only, so the package impersonates {unit} and is rejected. Nothing was "
        "imported; ask {owner} and {unit} by phone where the file came from."),
    "package.sender_key_rejected": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} is signed by the key of {unit} with fingerprint "
        "{fingerprint}, which this office rejected or retired. Nothing was imported; ask the "
        "township to export again with its current key."),
    "package.bad_signature": QT_TRANSLATE_NOOP(
        "Errors", "The signature of the package {file} from {unit} is invalid: the "
        "file was changed after it was signed. Nothing was imported; ask the township to "
        "export again and send the whole file."),
    "package.corrupted": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} is damaged: some bytes were changed on the way. Nothing "
        "was imported; ask the sender to export again and send the whole file, for example "
        "on another USB stick."),
    "package.corrupted/signed_malformed": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} is malformed: its signatures are valid, so it arrived "
        "exactly as its sender wrote it, but part of its content is not valid data. It was "
        "made by a faulty or foreign program, so sending it again will not help. Nothing was "
        "imported; ask the sender to install the current version of this program and export "
        "again, and keep this file for the support contact."),
    "package.relabelled": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} claims to come from unit {sender}, but its content was "
        "made for another header: it was relabelled or altered after export. Nothing was "
        "imported; ask the township named in the package to export again."),
    "package.truncated": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} is incomplete: the file ends too early, which happens "
        "when a copy or download is interrupted. Nothing was imported; ask the sender to send "
        "the whole file again."),
    "package.trailing_data": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} has extra bytes after its end. Nothing was imported; "
        "ask the sender to send the original file again, not a renamed or joined copy."),
    "package.size_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} declares {declared} bytes for a part that has {actual} "
        "bytes. Nothing was imported; ask the sender to export again."),
    "package.unsafe_attachment_name": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} contains an attachment named \"{name}\" (invisible "
        "characters are shown as \\u codes), which tries to leave the data folder, uses a "
        "reserved device name or hides characters. This program never writes such names, so "
        "the file was not made by it or was altered. Nothing was imported; do not pass the "
        "file on, ask the sender by phone whether they sent it, and keep it for the support "
        "contact."),
    "package.too_large": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} exceeds a size limit: {size} where at most {limit} is "
        "allowed. Nothing was changed; split the attachments over several exports or make "
        "large files smaller."),
    "package.too_large/length_field": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} is damaged: its header declares a length of {size} "
        "bytes, which no package of this program has. Nothing was changed; ask the sender to "
        "send the whole file again, for example on another USB stick."),
    "package.attachment_changed": QT_TRANSLATE_NOOP(
        "Errors", "The attachment \"{name}\" changed on disk while the package {file} was "
        "being written, so no package was written. Close any program that edits the file and "
        "export again."),
    # Checks of the import pipeline.
    "package.replayed": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} was already imported. Nothing was changed."),
    "package.stale": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} has sequence number {sequence}, but a newer package "
        "(number {latest}) from the same sender was already imported. Nothing was changed; "
        "ask the township for its newest export if something is missing."),
    "package.content_mismatch/foreign_entries": QT_TRANSLATE_NOOP(
        "Errors", "The package {file} contains entries of reporting unit {value}, which did "
        "not sign it. A package may carry only its sender's own entries, so it was rejected "
        "and nothing was imported. Ask the sender by phone whether they sent it, and keep the "
        "file for the support contact."),
    "package.content_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The content of the package {file} does not fit this office's catalogue: "
        "{reason} Nothing was imported; send the township a current distribution package and "
        "ask it to export again."),
    # Keys.
    "key.wrong_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase is wrong. Nothing was changed; enter it again, paying "
        "attention to upper and lower case and the input method."),
    "key.invalid_file": QT_TRANSLATE_NOOP(
        "Errors", "The key file is not a key file or key backup of this program, or it is "
        "damaged. Nothing was changed; choose the right file or another copy of the backup."),
    "key.bad_rotation": QT_TRANSLATE_NOOP(
        "Errors", "The key change announcement is not signed by the city office's current "
        "key (fingerprint {fingerprint}). The new keys were not accepted; ask the city office "
        "for a distribution package made with its current key."),
    "suite.unavailable": QT_TRANSLATE_NOOP(
        "Errors", "The cipher suite {suite} is not available on this computer ({reason}). "
        "Nothing was changed; reinstall the program, and if this persists send the log file "
        "to the support contact."),
}
