"""The review comments a township received from the office in a distribution package."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from meili_desktop.store import package_repo
from meili_desktop.store.datafolder import Store


@dataclass(frozen=True)
class ReceivedComment:
    """A review comment from the office on one task and period.

    ``action`` is ``return``, ``accept`` or ``note``; ``created_at`` is naive UTC.
    """

    task_number: int
    period_code: str
    action: str
    text: str
    author: str
    created_at: datetime


def comments_in_package(store: Store, package_id: str) -> list[ReceivedComment]:
    """Return the comments that the distribution package ``package_id`` added, by period and
    task."""
    with store.session_factory() as session:
        documents = package_repo.comments_delivered_in(session, package_id)
    return [ReceivedComment(int(item["task_number"]), str(item["period"]), str(item["action"]),
                            str(item["text"]), str(item["author"]),
                            datetime.fromisoformat(item["created_at"]))
            for item in documents]
