"""Maintain the Qt Linguist translation files in resources/i18n.

Each area of the program keeps its own ``<area>_zh_CN.ts``:

    python tools/i18n.py update AREA PATH...   extract strings from .py files or folders
    python tools/i18n.py fill AREA FILE.tsv    set translations from "source<TAB>translation" lines
    python tools/i18n.py release               compile every .ts into .qm
    python tools/i18n.py check                 list unfinished or obsolete entries; exit 1 if any

qtbase_extra_zh_CN.ts is kept by hand: it translates Qt's own texts that PySide6's
qtbase_zh_CN.qm leaves in English, so never run ``update`` on it.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGE = "zh_CN"
BIN_DIR = Path(sys.executable).parent


def ts_path(area: str) -> Path:
    return I18N_DIR / f"{area}_{LANGUAGE}.ts"


def python_sources(paths: list[str]) -> list[str]:
    files: list[str] = []
    for item in paths:
        path = (ROOT / item) if not Path(item).is_absolute() else Path(item)
        if path.is_dir():
            files.extend(str(found) for found in sorted(path.rglob("*.py")))
        else:
            files.append(str(path))
    return files


def update(area: str, paths: list[str]) -> None:
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    command = [str(BIN_DIR / "pyside6-lupdate"), *python_sources(paths), "-no-obsolete",
               "-source-language", "en", "-target-language", LANGUAGE, "-ts", str(ts_path(area))]
    subprocess.run(command, check=True)


def fill(area: str, tsv_file: str) -> None:
    translations: dict[str, str] = {}
    for line in Path(tsv_file).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        source, _, translation = line.partition("\t")
        translations[source.replace("\\n", "\n")] = translation.replace("\\n", "\n")
    tree = ElementTree.parse(ts_path(area))
    missing = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        element = message.find("translation")
        if element is None:
            continue
        if source in translations:
            element.text = translations[source]
            element.attrib.pop("type", None)
        elif element.get("type") == "unfinished":
            missing += 1
    tree.write(ts_path(area), encoding="utf-8", xml_declaration=True)
    print(f"{ts_path(area).name}: {missing} entries still unfinished")


def release() -> None:
    for ts_file in sorted(I18N_DIR.glob(f"*_{LANGUAGE}.ts")):
        qm_file = ts_file.with_suffix(".qm")
        subprocess.run([str(BIN_DIR / "pyside6-lrelease"), "-silent", str(ts_file),
                        "-qm", str(qm_file)], check=True)


def unfinished_entries() -> list[str]:
    """Return "file: source" for every entry that is unfinished, obsolete or vanished."""
    problems: list[str] = []
    for ts_file in sorted(I18N_DIR.glob(f"*_{LANGUAGE}.ts")):
        for message in ElementTree.parse(ts_file).iter("message"):
            element = message.find("translation")
            kind = None if element is None else element.get("type")
            if element is None or kind in {"unfinished", "obsolete", "vanished"} or \
                    not (element.text or "").strip():
                problems.append(f"{ts_file.name}: {message.findtext('source')}")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "update":
        update(rest[0], rest[1:])
    elif command == "fill":
        fill(rest[0], rest[1])
    elif command == "release":
        release()
    elif command == "check":
        problems = unfinished_entries()
        print("\n".join(problems))
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
