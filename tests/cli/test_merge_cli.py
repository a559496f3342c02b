"""The ``merge``, ``keys``, ``review`` and ``period`` commands at the office.

Package files here contain the JSON of an already verified package. The tests replace only the
opener that would verify and decrypt a real file, so everything after verification is real.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from meili_desktop.cli import main
from meili_desktop.cli import merge as merge_cli
from meili_desktop.cli.context import CliContext
from meili_desktop.domain.merge import IncomingPackage
from meili_desktop.exchange.errors import CorruptedError
from meili_desktop.store import keys_repo, models
from meili_desktop.store.datafolder import open_store
from tests.services.merge_support import (
    COUNT_TASK,
    PERCENT_TASK,
    PERIOD,
    TOWN_A,
    entry_record,
    make_package,
    open_office_store,
)

FINGERPRINT = "12345 67890 13579 24680 11111 22222 33333 44444"


class OfficeCli:
    """Run commands in-process on an office data folder and keep their output."""

    def __init__(self, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                 capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir = data_dir
        self.capsys = capsys
        self.out = io.StringIO()
        original = CliContext.from_args

        def from_args(args: object) -> CliContext:
            context = original(args)  # type: ignore[arg-type]
            context.out = self.out
            return context

        monkeypatch.setattr(CliContext, "from_args", staticmethod(from_args))
        monkeypatch.setattr(merge_cli, "_verified_opener", lambda store, args: open_fake)

    def __call__(self, *arguments: str) -> tuple[int, str, str]:
        self.out.seek(0)
        self.out.truncate()
        self.capsys.readouterr()
        status = main(["--data-dir", str(self.data_dir), "--lang", "en", *arguments])
        return status, self.out.getvalue(), self.capsys.readouterr().err


def write_package(path: Path, package: IncomingPackage) -> Path:
    document = {"package_id": package.package_id, "sender": package.sender_unit_id,
                "sequence": package.sequence, "header_hash": package.header_hash,
                "entries": list(package.entries)}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def open_fake(path: Path) -> tuple[IncomingPackage, Callable[[], None]]:
    """Stand in for the verifying reader: a file that is not our JSON is damaged."""
    try:
        document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CorruptedError(file=path.name) from None
    package = make_package(document["entries"], sender=document["sender"],
                           sequence=document["sequence"], package_id=document["package_id"],
                           header_hash=document["header_hash"])
    return package, lambda: None


@pytest.fixture
def office(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> OfficeCli:
    open_office_store(data_dir).dispose()
    return OfficeCli(data_dir, monkeypatch, capsys)


def test_merge_json_counts(office: OfficeCli, tmp_path: Path) -> None:
    good = write_package(tmp_path / "五常街道_2021Q2.mlrp", make_package(
        [entry_record(), entry_record(task=COUNT_TASK, value="3"), entry_record(task=99)]))
    damaged = tmp_path / "damaged.mlrp"
    damaged.write_bytes(b"\x00\xff not a package")

    status, out, _err = office("merge", "--json", str(good), str(damaged))

    first, second = (json.loads(line) for line in out.splitlines())
    assert status == CorruptedError.exit_code
    assert first["outcome"] == "merged"
    assert (first["new"], first["held"], first["conflict"]) == (2, 1, 0)
    assert first["rejected"] is None
    assert second["outcome"] == "rejected"
    assert second["rejected"]["code"] == "package.corrupted"
    assert second["rejected"]["reason"]


def test_merge_twice_says_nothing_changed(office: OfficeCli, tmp_path: Path) -> None:
    package = write_package(tmp_path / "a.mlrp", make_package([entry_record()]))
    office("merge", str(package))

    status, out, _err = office("merge", str(package))

    assert status == 0
    assert "was merged before; nothing changed" in out


def test_dry_run_writes_nothing(office: OfficeCli, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_package(folder / "a.mlrp", make_package([entry_record()]))
    (folder / "notes.txt").write_text("not a package", encoding="utf-8")

    status, out, _err = office("merge", "--dry-run", str(folder))

    assert status == 0
    assert out.count("\n") == 1
    assert "would merge: 1 new" in out
    opened = open_store(office.data_dir)
    with opened.session_factory() as session:
        assert session.scalars(select(models.Entry)).all() == []
    opened.dispose()


def test_replay_rejected_exit_status(office: OfficeCli, tmp_path: Path) -> None:
    office("merge", str(write_package(tmp_path / "a.mlrp", make_package([entry_record()],
                                                                           sequence=3))))
    forged = write_package(tmp_path / "b.mlrp", make_package([entry_record(revision=5)],
                                                             sequence=3))

    status, out, _err = office("merge", str(forged))

    assert status == 7
    assert "rejected" in out


def test_merge_without_files_fails(office: OfficeCli, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()

    status, _out, err = office("merge", str(empty))

    assert status == 2
    assert "No report package or county bundle was found" in err


def add_pending_key(data_dir: Path) -> None:
    store = open_store(data_dir)
    with store.session_factory.begin() as session:
        keys_repo.add_key(session, fingerprint=FINGERPRINT, owner_unit_id=TOWN_A,
                          purpose="signing", suite="C1", public_key=b"\x02" * 32,
                          status=keys_repo.PENDING)
    store.dispose()


def test_keys_approve_by_name(office: OfficeCli) -> None:
    add_pending_key(office.data_dir)

    status, listed, _err = office("keys", "list", "--json")
    approve_status, out, _err = office("keys", "approve", "五常街道",
                                       FINGERPRINT.replace(" ", ""))
    again_status, again, _err = office("keys", "approve", TOWN_A, *FINGERPRINT.split())

    assert status == 0
    assert json.loads(listed)[0]["status"] == "pending"
    assert approve_status == 0
    assert "approved" in out
    assert again_status == 0
    assert "already" in again


def test_keys_wrong_fingerprint(office: OfficeCli) -> None:
    add_pending_key(office.data_dir)

    status, _out, err = office("keys", "approve", TOWN_A, "12345 67890 13579 24680 11111 "
                                                           "22222 33333 44445")

    assert status == keys_repo.KeyNotFoundError.exit_code
    assert err


def test_review_return_and_lock(office: OfficeCli, tmp_path: Path) -> None:
    office("merge", str(write_package(tmp_path / "a.mlrp", make_package([entry_record()]))))

    no_comment, _out, err = office("review", "return", "--unit", TOWN_A, "--task",
                                   str(PERCENT_TASK), "--period", PERIOD)
    returned, out, _err = office("review", "return", "--unit", TOWN_A, "--task",
                                 str(PERCENT_TASK), "--period", "2021q2",
                                 "--comment", "请补充佐证材料")
    locked, lock_out, _err = office("period", "lock", PERIOD)
    after_lock, _out, lock_err = office("review", "accept", "--unit", TOWN_A, "--task",
                                        str(PERCENT_TASK), "--period", PERIOD)

    assert no_comment == 2
    assert "needs a comment" in err
    assert returned == 0
    assert "Returned task 13" in out
    assert locked == 0
    assert "is now locked" in lock_out
    assert after_lock == 4
    assert "locked" in lock_err


def test_merge_text_mentions_clock(office: OfficeCli, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def open_future(path: Path) -> tuple[IncomingPackage, Callable[[], None]]:
        package, discard = open_fake(path)
        return IncomingPackage(**{**package.__dict__,
                                  "claimed_created_at": datetime(2999, 1, 1)}), discard

    monkeypatch.setattr(merge_cli, "_verified_opener", lambda store, args: open_future)
    package = write_package(tmp_path / "a.mlrp", make_package([entry_record()]))

    status, out, _err = office("merge", str(package))

    assert status == 0
    assert "clock looks wrong" in out
