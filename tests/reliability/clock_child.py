"""Run by the clock tests in a child process whose clock libfaketime sets years off.

Usage: python -m tests.reliability.clock_child DATA_DIR OUT_FILE VALUE NARRATIVE

Sets task 13 of the township's 2021Q2 entry to VALUE and NARRATIVE, exports a report
package to OUT_FILE and prints what the package claims as JSON.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import set_entry_fields
from meili_desktop.services.identity import load_identity
from meili_desktop.services.packages import export_report_package
from meili_desktop.store.datafolder import open_store


def main(argv: list[str]) -> int:
    data_dir, out_file, value, narrative = Path(argv[0]), Path(argv[1]), argv[2], argv[3]
    store = open_store(data_dir)
    try:
        identity = load_identity(store)
        assert identity is not None and identity.unit_id is not None
        result = set_entry_fields(store, active_catalogue(store),
                                  EntryKey(identity.unit_id, 13, "2021Q2"),
                                  {"status": Status.IN_PROGRESS, "value": Decimal(value),
                                   "narrative": narrative})
        exported = export_report_package(store, out_file, ["2021Q2"])
    finally:
        store.dispose()
    json.dump({"clock": datetime.now(UTC).isoformat(), "revision": result.entry.revision,
               "sequence": exported.header.sequence,
               "created_at": exported.header.created_at}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
