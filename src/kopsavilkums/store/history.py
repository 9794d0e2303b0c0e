"""What the store knows about the states its file went through, and the rules built on it.

Every write of the drafts file raises its **generation**, a counter kept in the file's ``meta``
document (``{"schema": 1, "generation": 42, "removed": {...}}``) and in the name of the backup
taken of it (``drafts-000042.json``), so the newest backup is the last saved state. Drafts the
program removed on purpose (purged from the trash: the only way it removes one) are listed under
``removed`` (draft id → the generation that removed them; the last :data:`REMOVED_KEPT` of them),
so that a removal by the program — in another window, too — is never taken for a loss.

A **version** of a draft is its revision and modification time (the same revision saved on two
computers syncing one folder is two versions). A file **went back** from a reference state (the
newest usable backup, or the state this process last read or wrote, if not older than the file)
when it lacks the version of a draft the reference holds — the draft is not there, or at a lower
revision, or as another version of the same revision — and does not list it as removed, or
when it is of an earlier generation and its drafts differ (an older copy that only lost a status
or trash change). The store keeps such a file aside and puts back the reference, together with
what only that file held (:func:`merge`: drafts only it has, newer revisions; both versions of
a revision saved on two computers), as a generation newer than either — so that two computers
syncing one folder end up with everything, rather than taking each other's file for an older
copy over and over.

Backup rotation keeps the newest ``keep`` backups, and beyond them every backup that is the
last to hold the version of a draft that the current file lacks (in the sense above) and does
not list as removed: that draft keeps the newest backup holding its latest version from being
deleted. A draft purged on purpose is listed as removed, so the backups holding it rotate away
as usual — that is what purging means. Everything else a backup holds is in the current file,
in that version or a later one.
"""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kopsavilkums.messages import Message
from kopsavilkums.report import new_id
from kopsavilkums.store import migrations

#: draft id → (revision, modified, status, trashed): what tells two states of the drafts apart
#: cheaply. Revision and modified time together name one version of a draft, also across two
#: computers that each saved the same revision of it.
Summary = dict[str, tuple[int, Any, Any, bool]]
REMOVED_KEPT = 1000
_VERSION = operator.itemgetter("revision", "modified", "status", "trashed")


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
        if isinstance(generation, bool) or not (isinstance(generation, int) and 0 < generation < 2**53):
            generation = 0  # none, or not a count (a hostile huge one counts as none)
        return cls(generation, summarize(tables), _removed(meta))


def summarize(tables: Mapping[str, Any] | None) -> Summary:
    drafts = tables.get(migrations.DRAFTS_TABLE) if isinstance(tables, Mapping) else None
    if not isinstance(drafts, dict):
        return {}
    if migrations.schema_of(dict(tables or {})) == migrations.SCHEMA_VERSION:
        # Every record of this schema has these fields with these types (records.check_database
        # saw to it), so the quick way is safe: this runs at every save.
        with contextlib.suppress(KeyError, TypeError):
            return {draft_id: _VERSION(record) for draft_id, record in drafts.items()}
    summary: Summary = {}
    for draft_id, record in drafts.items():
        if isinstance(record, dict):
            revision = record.get("revision")
            summary[draft_id] = (
                revision if type(revision) is int else 0,
                record.get("modified"),
                record.get("status"),
                record.get("trashed") is True,
            )
    return summary


def missing(current: State, reference: Summary) -> list[str]:
    """Drafts of ``reference`` whose version ``current`` lacks — it does not have them, has an
    older revision, or another version of the same revision — unless it lists them as removed
    on purpose."""
    held, removed = current.drafts, current.removed
    differing = [draft_id for draft_id, version in reference.items() if held.get(draft_id) != version]
    return [
        draft_id
        for draft_id in differing
        if draft_id not in removed and not _covers(held.get(draft_id), reference[draft_id])
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
    for draft_id in base.keys() - drafts.keys():
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


def merge(reference: Mapping[str, Any], replacing: Mapping[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    """What a repair puts back: ``reference`` (the newest good state), plus what only the file
    that replaced it holds — a draft it alone has (unless ``reference`` purged it) or has at a
    higher revision; a draft both have at the same revision with different content (two
    computers syncing one folder) is kept twice, the replacing one's under a new id. For a file
    that only went back this adds nothing; for two diverging copies it keeps both sides, so that
    neither computer finds the other's result behind its own. Returns the tables and the ids
    taken from ``replacing``."""
    drafts = dict(reference.get(migrations.DRAFTS_TABLE) or {})
    meta = _meta(reference)
    removed = _removed(meta)
    theirs = replacing.get(migrations.DRAFTS_TABLE) if isinstance(replacing, Mapping) else None
    if not isinstance(theirs, dict) or migrations.schema_of(dict(replacing or {})) != migrations.schema_of(
        dict(reference)
    ):
        theirs = {}
    taken = []
    for draft_id, record in theirs.items():
        mine = drafts.get(draft_id)
        if draft_id in removed and mine is None:
            continue
        if mine is None or _revision(record) > _revision(mine):
            drafts[draft_id] = record
            taken.append(draft_id)
        elif _revision(record) == _revision(mine) and record.get("report") != mine.get("report"):
            # Ours stays under the id as the next revision, so that a window holding either
            # version meets a conflict when it saves, rather than overwriting the other.
            drafts[draft_id] = {**mine, "revision": _revision(mine) + 1}
            copy_id = new_id()
            while copy_id in drafts or copy_id in theirs:
                copy_id = new_id()
            drafts[copy_id] = record
            taken.append(copy_id)
    removed.update((k, v) for k, v in _removed(_meta(replacing)).items() if k not in drafts and k not in removed)
    meta = {**meta, "removed": removed} if removed else meta
    tables = {**reference, migrations.DRAFTS_TABLE: drafts}
    tables[migrations.META_TABLE] = {**(reference.get(migrations.META_TABLE) or {}), migrations.META_ID: meta}
    return tables, taken


def must_keep(old: Summary, newer: Iterable[Summary], current: State) -> bool:
    """Whether a backup holding ``old`` is the last to hold a draft ``current`` lacks, given the
    backups that stay (``newer``, summarised lazily: only read if something is missing)."""
    lacking = missing(current, old)
    if not lacking:
        return False
    still = set(lacking)
    for summary in newer:
        still = {d for d in still if not _covers(summary.get(d), old[d])}
        if not still:
            return False
    return True


def _covers(have: tuple[int, Any, Any, bool] | None, want: tuple[int, Any, Any, bool]) -> bool:
    """Whether the version ``have`` of a draft is ``want`` or later."""
    return have is not None and (have[0] > want[0] or (have[0] == want[0] and have[1] == want[1]))


def _meta(tables: Mapping[str, Any] | None) -> dict[str, Any]:
    meta = (tables or {}).get(migrations.META_TABLE) if isinstance(tables, Mapping) else None
    document = meta.get(migrations.META_ID) if isinstance(meta, dict) else None
    return document if isinstance(document, dict) else {}


def _revision(record: Any) -> int:
    revision = record.get("revision") if isinstance(record, dict) else None
    return revision if type(revision) is int else 0


def _removed(meta: dict[str, Any]) -> dict[str, int]:
    removed = meta.get("removed")
    return {k: v for k, v in removed.items() if type(v) is int} if isinstance(removed, dict) else {}
