"""One stored draft: the record in the ``drafts`` table and what the list shows of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from kopsavilkums import exchange
from kopsavilkums.messages import Message
from kopsavilkums.report import Period, Report
from kopsavilkums.store import migrations
from kopsavilkums.store.errors import CorruptFile, StoreError
from kopsavilkums.store.storage import check_tables

STATUSES = ("draft", "submitted")


@dataclass(frozen=True)
class DraftInfo:
    id: str
    title: str
    performer: str
    period: Period
    created: datetime
    modified: datetime
    status: str
    revision: int
    trashed: bool
    #: The signed copy kept with the draft: who signed it and when (None: none kept).
    signed_by: str | None = None
    signed_at: datetime | None = None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_record(report: Report, when: str) -> dict[str, Any]:
    return {
        "report": exchange.to_document(report, ids=True),
        "created": when,
        "modified": when,
        "revision": 1,
        "status": "draft",
        "trashed": False,
        "trashed_at": None,
    }


def updated_record(current: dict[str, Any], report: Report, when: str) -> dict[str, Any]:
    """The next revision; created, status and trash state stay as they are."""
    return dict(current, report=exchange.to_document(report, ids=True), modified=when, revision=current["revision"] + 1)


def report_of(draft_id: str, record: dict[str, Any]) -> Report:
    try:
        return exchange.from_document(record["report"], ids=True)
    except exchange.ExchangeError as exc:
        raise StoreError(
            Message(
                lv=f"melnraksts {draft_id} ir bojāts un to nevar atvērt ({exc.localized('lv')})",
                en=f"the draft {draft_id} is damaged and cannot be opened ({exc.localized('en')})",
            )
        ) from None


def info_of(draft_id: str, record: dict[str, Any]) -> DraftInfo:
    body = record["report"].get("report") or {}
    period = body.get("period") or {}
    return DraftInfo(
        id=draft_id,
        title=_text(body.get("title")),
        performer=_text(body.get("performer")),
        period=Period(_day(period.get("start")), _day(period.get("end"))),
        created=datetime.fromisoformat(record["created"]),
        modified=datetime.fromisoformat(record["modified"]),
        status=record["status"],
        revision=record["revision"],
        trashed=record["trashed"],
        **_signed_info(record.get("signed")),
    )


def signed_record(signed: dict[str, Any] | None) -> dict[str, Any] | None:
    """The ``signed`` entry if it has the right shape (None otherwise: a record is data)."""
    if (
        isinstance(signed, dict)
        and isinstance(signed.get("sha256"), str)
        and isinstance(signed.get("signer"), str)
        and isinstance(signed.get("signed_at"), str | None)
    ):
        return signed
    return None


def _signed_info(signed: Any) -> dict[str, Any]:
    signed = signed_record(signed)
    if signed is None:
        return {}
    try:
        when = datetime.fromisoformat(signed["signed_at"]) if signed["signed_at"] else None
    except ValueError:
        when = None
    return {"signed_by": signed["signer"], "signed_at": when}


def check_database(tables: Any) -> None:
    """The storage's shape check: a file whose drafts cannot even be listed is damaged.

    Records of another schema are left to the migrations (or to the refusal of a newer one).
    """
    check_tables(tables)
    schema = migrations.schema_of(tables)
    if schema is None and (tables.get(migrations.META_TABLE) or tables.get(migrations.DRAFTS_TABLE)):
        raise CorruptFile(
            Message(lv="tajā nav norādīta krātuves shēma", en="it does not say which store schema it has")
        )
    if schema != migrations.SCHEMA_VERSION:
        return
    for draft_id, record in tables.get(migrations.DRAFTS_TABLE, {}).items():
        if not _record_is_sound(record):
            raise CorruptFile(
                Message(
                    lv=f"melnrakstam {draft_id} ir nepareiza uzbūve", en=f"the draft {draft_id} has the wrong shape"
                )
            )


def _record_is_sound(record: dict[str, Any]) -> bool:
    try:
        info_of("", record)
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
    return (
        isinstance(record["revision"], int)
        and record["status"] in STATUSES
        and isinstance(record["trashed"], bool)
        and isinstance(record["report"], dict)
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None
