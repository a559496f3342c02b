"""Real .xlsx files made hostile: far cells, huge texts, zip bombs and thousands of parts.

Each function copies a workbook that an importer accepts and changes its zip archive the way
a damaged or malicious file would, so that only the change decides the outcome.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

MEGABYTE = 1024 * 1024
SHEET_PART = "xl/worksheets/sheet1.xml"
SHARED_STRINGS_PART = "xl/sharedStrings.xml"


def rewrite(seed: Path, target: Path,
            change: Callable[[list[tuple[str, bytes]]], list[tuple[str, bytes]]]) -> Path:
    """Write ``seed``'s members, as ``change`` returns them, into a new zip at ``target``."""
    with zipfile.ZipFile(seed) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in change(members):
            archive.writestr(name, data)
    target.write_bytes(output.getvalue())
    return target


def _edit_sheet(members: list[tuple[str, bytes]],
                edit: Callable[[str], str]) -> list[tuple[str, bytes]]:
    return [(name, edit(data.decode("utf-8")).encode("utf-8") if name == SHEET_PART else data)
            for name, data in members]


def _append_row(sheet_xml: str, row_xml: str) -> str:
    if "</sheetData>" in sheet_xml:
        return sheet_xml.replace("</sheetData>", row_xml + "</sheetData>", 1)
    return sheet_xml.replace("<sheetData/>", f"<sheetData>{row_xml}</sheetData>", 1)


def far_cell(seed: Path, target: Path, reference: str = "XFD1048576") -> Path:
    """Add one empty cell with a style at ``reference``, as "format whole sheet" leaves."""
    row = "".join(character for character in reference if character.isdigit())
    cell = f'<row r="{row}"><c r="{reference}" s="0"/></row>'
    return rewrite(seed, target, lambda members: _edit_sheet(
        members, lambda xml: _append_row(xml, cell)))


def far_cell_in_binary_name(seed: Path, target: Path) -> Path:
    """Add a far cell as :func:`far_cell` does, in a sheet part renamed ``sheet1.bin``.

    openpyxl finds the sheet through the workbook's relationships, whatever its name.
    """
    renamed = "xl/worksheets/sheet1.bin"

    def change(members: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        changed = []
        for name, data in members:
            if name == SHEET_PART:
                name = renamed
                data = _append_row(data.decode("utf-8"),
                                   '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
                                   ).encode("utf-8")
            elif name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                data = data.replace(b"worksheets/sheet1.xml", b"worksheets/sheet1.bin")
            changed.append((name, data))
        return changed

    return rewrite(seed, target, change)


def wide_cell(seed: Path, target: Path) -> Path:
    """Add a value in the last column (XFD), which Excel allows and no table uses."""
    def edit(xml: str) -> str:
        # Row 80 is free in every seed, so the new row does not clash with an existing one,
        # and lies within the rows a template may use (down to row 87 for 34 tasks).
        return _append_row(xml, '<row r="80"><c r="XFD80" t="n"><v>1</v></c></row>')

    return rewrite(seed, target, lambda members: _edit_sheet(members, edit))


def long_cell(seed: Path, target: Path, characters: int = 40_000) -> Path:
    """Add an inline string of ``characters`` characters, more than Excel lets a cell hold."""
    text = "长" * characters
    cell = f'<row r="80"><c r="A80" t="inlineStr"><is><t>{text}</t></is></c></row>'
    return rewrite(seed, target, lambda members: _edit_sheet(
        members, lambda xml: _append_row(xml, cell)))


def huge_shared_strings(seed: Path, target: Path, size_mb: int = 50) -> Path:
    """Give the workbook a shared-strings table of about ``size_mb`` MB of short texts.

    An existing table keeps its strings first, so every cell still finds its text. A
    workbook without one (openpyxl writes inline strings) gets the part, its content type
    and its relationship, so that openpyxl would load it.
    """
    def change(members: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        names = {name for name, _data in members}
        changed = []
        for name, data in members:
            if name == SHARED_STRINGS_PART:
                data = _padded_table(data.decode("utf-8"), size_mb * MEGABYTE)
            elif name == "[Content_Types].xml" and SHARED_STRINGS_PART not in names:
                data = data.replace(b"</Types>", _SHARED_STRINGS_TYPE + b"</Types>")
            elif name == "xl/_rels/workbook.xml.rels" and SHARED_STRINGS_PART not in names:
                data = data.replace(b"</Relationships>",
                                    _SHARED_STRINGS_RELATIONSHIP + b"</Relationships>")
            changed.append((name, data))
        if SHARED_STRINGS_PART not in names:
            changed.append((SHARED_STRINGS_PART, _padded_table(_EMPTY_TABLE, size_mb * MEGABYTE)))
        return changed

    return rewrite(seed, target, change)


_EMPTY_TABLE = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                '</sst>')
_SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
_SHARED_STRINGS_RELATIONSHIP = (
    b'<Relationship Id="rIdHostileStrings" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')


def _padded_table(table: str, size: int) -> bytes:
    entry = "<si><t>填充文本 padding</t></si>"
    count = size // len(entry.encode("utf-8"))
    closing = table.rindex("</sst>")
    return (table[:closing] + entry * count + "</sst>").encode("utf-8")


def zip_bomb(seed: Path, target: Path, size_mb: int = 300) -> Path:
    """Add a member of ``size_mb`` MB of zeros, which compresses to about a thousandth."""
    return rewrite(seed, target, lambda members: [
        *members, ("xl/media/image1.bin", bytes(size_mb * MEGABYTE))])


def lying_zip_bomb(seed: Path, target: Path, size_mb: int = 300) -> Path:
    """Add an XML member that inflates to ``size_mb`` MB but whose headers claim 1 KB."""
    path = rewrite(seed, target, lambda members: [
        *members, ("xl/bomb.xml", b"<a>" + b" " * (size_mb * MEGABYTE) + b"</a>")])
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo("xl/bomb.xml").header_offset
    claimed = (1024).to_bytes(4, "little")
    # The uncompressed size sits at offset 22 of the local header and 24 of the member's
    # central directory entry, whose name starts at offset 46.
    data[local + 22:local + 26] = claimed
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:
        name_length = int.from_bytes(data[entry + 28:entry + 30], "little")
        if data[entry + 46:entry + 46 + name_length] == b"xl/bomb.xml":
            data[entry + 24:entry + 28] = claimed
            break
        entry = data.find(b"PK\x01\x02", entry + 4)
    path.write_bytes(bytes(data))
    return path


def many_parts(seed: Path, target: Path, count: int = 3_000) -> Path:
    """Add ``count`` tiny members, as no workbook has."""
    return rewrite(seed, target, lambda members: [
        *members, *((f"xl/extra/part{index}.bin", b"x") for index in range(count))])


def whole_sheet_dimension(seed: Path, target: Path) -> Path:
    """Claim ``A1:XFD1048576`` in the sheet's dimension, as some converters write."""
    def edit(xml: str) -> str:
        start = xml.find("<dimension ")
        if start >= 0:
            end = xml.index("/>", start) + 2
            return xml[:start] + '<dimension ref="A1:XFD1048576"/>' + xml[end:]
        return xml.replace("<sheetData", '<dimension ref="A1:XFD1048576"/><sheetData', 1)

    return rewrite(seed, target, lambda members: _edit_sheet(members, edit))
