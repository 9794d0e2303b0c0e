"""The store's own schema version, separate from the draft file format's version.

The data file holds a ``meta`` table whose document ``"1"`` says ``{"schema": N}`` (and the
file's generation and the drafts removed on purpose: see ``history.py``; older files without
them are read as generation 0). Opening a
store of an older schema first copies the file aside (``<stem>-backups/<stem>-before-schema-N-…``,
never rotated away), then runs ``MIGRATIONS[N]``, ``MIGRATIONS[N + 1]``, … on the raw tables and
writes the result once. A store of a newer schema is refused untouched.

Schema 1 (the first): table ``drafts``, one document per draft keyed by its id::

    {"report": <a draft file document with row ids, of the version the program that saved it
                writes (docs/file-format.md); read through exchange's migrations>,
     "created": ISO-8601 UTC,
     "modified": ISO-8601 UTC, "revision": int, "status": "draft" | "submitted",
     "trashed": bool, "trashed_at": ISO-8601 UTC | null}

A record may also hold ``"signed": {"sha256": hex, "signer": str, "signed_at": ISO-8601 | null,
"timestamped": bool}``, the signed copy kept with it (``signed_copies.py``). The key is optional —
absent means none — so it needs no new schema: a program of schema 1 that knows nothing of it
still opens the store and keeps the key through its saves (``updated_record`` copies the record).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
META_TABLE = "meta"
META_ID = "1"
DRAFTS_TABLE = "drafts"

#: ``MIGRATIONS[n]`` turns schema-``n`` tables into schema ``n + 1``; it may change its argument.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def schema_of(tables: dict[str, Any] | None) -> int | None:
    """The schema a file says it has; ``None`` when it says none (a store never written)."""
    schema = (tables or {}).get(META_TABLE, {}).get(META_ID, {}).get("schema")
    return schema if isinstance(schema, int) and not isinstance(schema, bool) and schema >= 1 else None


def migrate(tables: dict[str, Any], from_schema: int) -> dict[str, Any]:
    for schema in range(from_schema, SCHEMA_VERSION):
        tables = MIGRATIONS[schema](tables)
    tables.setdefault(META_TABLE, {}).setdefault(META_ID, {})["schema"] = SCHEMA_VERSION
    return tables
