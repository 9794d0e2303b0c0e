"""Benchmark: one draft save, our store against TinyDB's default JSONStorage, in the same run.

    python tests/benchmarks/bench_store.py [--dir FOLDER] [--sizes 10,100,1000,5000]

For each store size (drafts of the seed's size) it times one save of one draft, end to end:
turning the report into its record, the locked read-modify-write, the durable write (fsync of
file and folder), the generation bookkeeping and the rolling backup with its rotation rule for ours; ``table.update`` for TinyDB's default storage
(which re-reads the file with ``json.load``, rewrites it in place with ``json.dump`` and never
fsyncs — it is the *faster-by-skipping-safety* baseline). Then it times opening a store and
listing its drafts. Prints a Markdown table: median and p95 per size and the speed-up.

Targets (issue 3): p95 ≤ 50 ms and ≥ 5× the default at 1,000 drafts; open-and-list of 1,000
drafts < 150 ms. Run it on the disk users have; FOLDER defaults to the system's temp folder.
"""

from __future__ import annotations

import argparse
import math
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB

from kopsavilkums import exchange
from kopsavilkums.report import new_id
from kopsavilkums.store import DraftStore, migrations, records
from kopsavilkums.store.storage import SafeJSONStorage

SEED = (
    Path(__file__).resolve().parents[2] / "resources" / "examples" / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
)


def samples_for(size: int, default: bool) -> int:
    if default:
        return {10: 50, 100: 50, 1000: 20}.get(size, 8)
    return {5000: 30}.get(size, 60)


def build_tables(size: int) -> tuple[dict, list[str]]:
    report = exchange.read(SEED)
    when = records.now()
    ids = [new_id() for _ in range(size)]
    drafts = {draft_id: records.new_record(report, when) for draft_id in ids}
    return {
        migrations.META_TABLE: {migrations.META_ID: {"schema": migrations.SCHEMA_VERSION}},
        migrations.DRAFTS_TABLE: drafts,
    }, ids


def timed(action: Callable[[int], None], count: int) -> list[float]:
    times = []
    for index in range(count):
        start = time.perf_counter()
        action(index)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def bench_ours(folder: Path, tables: dict, ids: list[str]) -> list[float]:
    path = folder / "ours" / "drafts.json"
    SafeJSONStorage(path).write(tables)
    report = exchange.read(SEED)
    with DraftStore(path) as store:

        def save(index: int) -> None:
            report.title = f"redakcija {index}"
            store.save(report, ids[index * 7919 % len(ids)])

        return timed(save, samples_for(len(ids), default=False))


def bench_default(folder: Path, tables: dict, ids: list[str]) -> list[float]:
    path = folder / "default" / "drafts.json"
    path.parent.mkdir(parents=True)
    report = exchange.read(SEED)
    with TinyDB(path, encoding="utf-8") as db:
        db.storage.write(tables)
        table = db.table(migrations.DRAFTS_TABLE, cache_size=0)
        table.document_id_class = str

        def save(index: int) -> None:
            report.title = f"redakcija {index}"
            draft_id = ids[index * 7919 % len(ids)]
            current = table.get(doc_id=draft_id)
            table.update(records.updated_record(current, report, records.now()), doc_ids=[draft_id])

        return timed(save, samples_for(len(ids), default=True))


def bench_open_and_list(folder: Path, size: int) -> tuple[list[float], list[float]]:
    ours = folder / "ours" / "drafts.json"
    default = folder / "default" / "drafts.json"

    def open_ours(_: int) -> None:
        with DraftStore(ours) as store:
            assert len(store.list()) == size

    def open_default(_: int) -> None:
        with TinyDB(default, encoding="utf-8") as db:
            table = db.table(migrations.DRAFTS_TABLE)
            table.document_id_class = str
            assert len(table.all()) == size

    return timed(open_ours, 15), timed(open_default, 15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to measure (default: temp)")
    parser.add_argument("--sizes", default="10,100,1000,5000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    print("| drafts | file MB | ours median ms | ours p95 ms | default median ms | default p95 ms | p95 speed-up |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    listing = {}
    for size in sizes:
        with tempfile.TemporaryDirectory(dir=args.dir, prefix="bench-store-") as name:
            folder = Path(name)
            tables, ids = build_tables(size)
            ours = bench_ours(folder, tables, ids)
            default = bench_default(folder, tables, ids)
            megabytes = (folder / "ours" / "drafts.json").stat().st_size / 1e6
            print(
                f"| {size:,} | {megabytes:.1f} | {statistics.median(ours):.1f} | {p95(ours):.1f} | "
                f"{statistics.median(default):.1f} | {p95(default):.1f} | {p95(default) / p95(ours):.1f}× |",
                flush=True,
            )
            if size == 1000:
                listing[size] = bench_open_and_list(folder, size)
    for size, (ours, default) in listing.items():
        print()
        print(f"| open and list {size:,} drafts | median ms | p95 ms |")
        print("|---|---:|---:|")
        print(f"| ours (DraftStore + list) | {statistics.median(ours):.1f} | {p95(ours):.1f} |")
        print(f"| default (TinyDB + all) | {statistics.median(default):.1f} | {p95(default):.1f} |")


if __name__ == "__main__":
    main()
