"""What the store knows about the states its file went through, and the rules built on it.

Every write of the drafts file raises its **generation**, a counter kept in the file's ``meta``
document (``{"schema": 1, "generation": 42, "removed": {...}}``) and in the name of the backup
taken of it (``drafts-000042.json``), so the newest backup is the last saved state. Drafts the
program removed on purpose (purged from the trash: the only way it removes one) are listed under
``removed`` (draft id → the generation that removed them; the last :data:`REMOVED_KEPT` of them),
so that a removal by the program — in another window, too — is never taken for a loss.

A file **went back** from a reference state (the newest usable backup, or the state this process
last read or wrote) when it lacks a draft the reference holds — by id, or at a lower revision —
that it does not list as removed, or when it is of an earlier generation and its drafts differ
(an older copy that only lost a status or trash change). The store keeps such a file aside and
restores the reference, just as it does with a damaged file.

Backup rotation keeps the newest ``keep`` backups, and beyond them every backup that is the
last to hold some draft the current file lacks: a draft id present in an old backup, absent
from the current file (or there at a lower revision) and not listed as removed, keeps the
newest backup holding it at its highest revision from being deleted. A draft purged on purpose
is listed as removed, so the backups holding it rotate away as usual — that is what purging
means. Everything else a backup holds is in the current file, at least as new.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kopsavilkums.messages import Message
from kopsavilkums.store import migrations

#: draft id → (revision, status, trashed): what tells two states of the drafts apart cheaply
Summary = dict[str, tuple[int, Any, bool]]
REMOVED_KEPT = 1000


@dataclass(frozen=True)
class State:
    """One state of the drafts file, as far as the rules need it."""

    generation: int = 0
    drafts: Summary = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, tables: Mapping[str, Any] | None) -> State:
        meta = _meta(tables)
        generation = meta.get("generation")
        return cls(generation if type(generation) is int and generation > 0 else 0, summarize(tables), _removed(meta))


def summarize(tables: Mapping[str, Any] | None) -> Summary:
    drafts = tables.get(migrations.DRAFTS_TABLE) if isinstance(tables, Mapping) else None
    if not isinstance(drafts, dict):
        return {}
    summary: Summary = {}
    for draft_id, record in drafts.items():
        if isinstance(record, dict):
            revision = record.get("revision")
            summary[draft_id] = (
                revision if type(revision) is int else 0,
                record.get("status"),
                record.get("trashed") is True,
            )
    return summary


def missing(current: State, reference: Summary) -> list[str]:
    """Drafts of ``reference`` that ``current`` lacks or holds at a lower revision, unless it
    lists them as removed on purpose."""
    held, removed = current.drafts, current.removed
    return [
        draft_id
        for draft_id, (revision, _, _) in reference.items()
        if draft_id not in removed and (draft_id not in held or held[draft_id][0] < revision)
    ]


def went_back(current: State, reference: State) -> Message | None:
    """Why ``current`` is behind ``reference`` (None: it is not)."""
    lost = missing(current, reference.drafts)
    if lost:
        count, total = len(lost), len(reference.drafts)
        return Message(
            lv=f"tajā trūka saglabātu melnrakstu vai to jaunāko versiju ({count} no {total})",
            en=f"it lacked saved drafts or their latest revisions ({count} of {total})",
        )
    if current.generation < reference.generation and current.drafts != reference.drafts:
        return Message(lv="tajā bija agrāks melnrakstu stāvoklis", en="it held an earlier state of the drafts")
    return None


def next_meta(tables: Mapping[str, Any], base: Summary, generation: int) -> dict[str, Any]:
    """The meta document of ``tables``, about to be written as ``generation``: drafts of
    ``base`` (the state they were made from) that are no longer there are listed as removed."""
    meta = dict(_meta(tables))
    removed = _removed(meta)
    drafts = tables.get(migrations.DRAFTS_TABLE) or {}
    for draft_id in [draft_id for draft_id in base if draft_id not in drafts]:
        removed.pop(draft_id, None)  # re-inserted at the end: the newest removals are kept
        removed[draft_id] = generation
    if len(removed) > REMOVED_KEPT:
        removed = dict(list(removed.items())[-REMOVED_KEPT:])
    meta["generation"] = generation
    if removed:
        meta["removed"] = removed
    else:
        meta.pop("removed", None)
    return meta


def must_keep(old: Summary, newer: Iterable[Summary], current: State) -> bool:
    """Whether a backup holding ``old`` is the last to hold a draft ``current`` lacks, given the
    backups that stay (``newer``, summarised lazily: only read if something is missing)."""
    lacking = missing(current, old)
    if not lacking:
        return False
    still = set(lacking)
    for summary in newer:
        still = {d for d in still if not (d in summary and summary[d][0] >= old[d][0])}
        if not still:
            return False
    return True


def _meta(tables: Mapping[str, Any] | None) -> dict[str, Any]:
    meta = (tables or {}).get(migrations.META_TABLE) if isinstance(tables, Mapping) else None
    document = meta.get(migrations.META_ID) if isinstance(meta, dict) else None
    return document if isinstance(document, dict) else {}


def _removed(meta: dict[str, Any]) -> dict[str, int]:
    removed = meta.get("removed")
    return {k: v for k, v in removed.items() if type(v) is int} if isinstance(removed, dict) else {}
