"""What a CLI command works on: the data folder, opened on first use."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from meili_desktop.places import default_data_dir
from meili_desktop.services.backups import make_daily_backup_if_due
from meili_desktop.services.bundle_cleanup import clean_bundle_folders_on_open
from meili_desktop.store.datafolder import Store, open_store


@dataclass
class CliContext:
    """The data folder and output streams of one CLI run."""

    data_dir: Path
    database_url: str | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _store: Store | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
        return cls(data_dir=data_dir, database_url=args.database_url)

    def store(self) -> Store:
        """Open (creating and migrating if needed) the data folder's database."""
        if self._store is None:
            self._store = open_store(self.data_dir, self.database_url)
            make_daily_backup_if_due(self._store)
            clean_bundle_folders_on_open(self._store)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()
            self._store = None
