import hashlib
import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import COMPLETE, SEED
from kopsavilkums import exchange
from kopsavilkums.exchange import ExchangeError
from kopsavilkums.report import BudgetRow, Indicator, Objective, Period, Report


def _doc(**report):
    return json.dumps({"format": "kopsavilkums", "version": 1, "report": report})


def test_the_seed_example_reads_with_every_official_row(seed_report):
    r = seed_report
    assert r.performer == 'Biedrība "Kurzemes NVO centrs"'
    assert r.period == Period(date(2019, 8, 12), date(2020, 10, 31))
    assert len(r.objectives) == 3 and len(r.indicators) == 8
    assert r.indicators[7].text.startswith("Sagatavošanās mazākumtautību festivālam nav notikusi")
    assert r.budget == [BudgetRow(2019, Decimal("31830.96"), Decimal("31830.96")), BudgetRow(2020)]


@pytest.mark.parametrize("path", [SEED, COMPLETE])
def test_examples_round_trip_exactly(path, tmp_path):
    report = exchange.read(path)
    out = tmp_path / "copy.json"
    exchange.write(report, out)
    again = exchange.read(out)
    assert exchange.to_document(again) == exchange.to_document(report)
    assert json.loads(out.read_text("utf-8")) == json.loads(path.read_text("utf-8"))


def test_reading_never_changes_the_file():
    before = hashlib.sha256(SEED.read_bytes()).hexdigest()
    exchange.read(SEED)
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == before


def test_missing_keys_are_empty():
    report = exchange.loads(_doc())
    assert report == Report(objectives=[], indicators=[])


@pytest.mark.parametrize(
    "text, where, says",
    [
        ("{", "", "not a valid JSON"),
        ("[]", "(document)", "should be an object"),
        ('{"format": "other", "version": 1}', "format", "not a Kopsavilkums"),
        ('{"format": "kopsavilkums", "version": 3}', "version", "newer Kopsavilkums"),
        ('{"format": "kopsavilkums", "version": "1"}', "version", "not a file version"),
        ('{"format": "kopsavilkums", "version": 1, "extra": 1}', "extra", "unknown key"),
        (_doc(colour="red"), "report.colour", "unknown key"),
        (_doc(title=5), "report.title", "should be text"),
        (_doc(objectives="one"), "report.objectives", "should be a list"),
        (_doc(period={"start": "12.08.2019"}), "report.period.start", "not a date"),
        (_doc(period={"start": "2019-02-30"}), "report.period.start", "not a date"),
        (
            _doc(budget=[{"year": 2019}, {"year": 2020, "planned": "12,3,4"}]),
            "report.budget[1].planned",
            '"12,3,4" is not an amount',
        ),
        (_doc(budget=[{"year": 2019, "planned": "1.234"}]), "report.budget[0].planned", "not an amount"),
        (_doc(budget=[{"year": 2019, "planned": 31830.96}]), "report.budget[0].planned", "not an amount"),
        (_doc(budget=[{"year": "2019"}]), "report.budget[0].year", "not a year"),
        (_doc(budget=[{"year": 2019}, {"year": 2019}]), "report.budget[1].year", "already in budget[0]"),
        (_doc(indicators=[{"text": "a", "id": "x"}]), "report.indicators[0].id", "unknown key"),
        (_doc(irregular_expenditure={"amount": "NaN"}), "report.irregular_expenditure.amount", "not an amount"),
        ('{"format": "kopsavilkums", "version": 1, "version": 1}', "", 'key "version" appears twice'),
        ('{"format": "kopsavilkums", "version": NaN}', "", "NaN is not allowed"),
        (
            '{"format": "kopsavilkums", "version": 1, "report": {"budget": [{"year": 2019, "planned": Infinity}]}}',
            "",
            "Infinity is not allowed",
        ),
        (_doc(title="\ud800"), "report.title", "invalid character"),
    ],
)
def test_bad_files_are_refused_with_the_place_named(text, where, says):
    with pytest.raises(ExchangeError) as caught:
        exchange.loads(text)
    assert caught.value.where == where
    assert says in str(caught.value)
    assert caught.value.message.lv  # shown to Latvian users too


def test_the_message_reads_like_the_guide():
    with pytest.raises(ExchangeError) as caught:
        exchange.loads(_doc(budget=[{"year": 2019}, {"year": 2020, "planned": "12,3,4"}]))
    assert str(caught.value) == 'report.budget[1].planned: "12,3,4" is not an amount'


def test_binary_and_huge_files_are_refused(tmp_path):
    with pytest.raises(ExchangeError, match="not UTF-8"):
        exchange.loads(b"\xff\xfe{")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (exchange.MAX_BYTES + 1))
    with pytest.raises(ExchangeError, match="larger than 20 MB"):
        exchange.read(big)
    with pytest.raises(ExchangeError, match="no such file"):
        exchange.read(tmp_path / "missing.json")
    with pytest.raises(ExchangeError, match="folder"):
        exchange.read(tmp_path)


def test_a_notepad_byte_order_mark_is_accepted():
    assert exchange.loads(b"\xef\xbb\xbf" + _doc(title="Ā").encode()).title == "Ā"


def test_deeply_nested_json_is_refused_not_crashed():
    with pytest.raises(ExchangeError):
        exchange.loads("[" * 100_000 + "]" * 100_000)


def test_an_older_version_goes_through_the_migrations(monkeypatch):
    def v0_to_v1(doc):
        doc = dict(doc, version=1)
        doc["report"] = {"title": doc["report"].pop("name")}
        return doc

    monkeypatch.setitem(exchange.MIGRATIONS, 0, v0_to_v1)
    monkeypatch.setattr(exchange, "MIN_VERSION", 0)
    report = exchange.from_document({"format": "kopsavilkums", "version": 0, "report": {"name": "Vecs"}})
    assert report.title == "Vecs"


def test_ids_are_kept_for_the_store_only(complete_report):
    doc = exchange.to_document(complete_report, ids=True)
    again = exchange.from_document(doc, ids=True)
    assert [o.id for o in again.objectives] == [o.id for o in complete_report.objectives]
    assert [i.id for i in again.indicators] == [i.id for i in complete_report.indicators]
    plain = exchange.to_document(complete_report)
    assert "id" not in plain["report"]["indicators"][0]


def test_a_write_that_fails_leaves_the_old_file(tmp_path, complete_report, monkeypatch):
    target = tmp_path / "draft.json"
    exchange.write(complete_report, target)
    before = target.read_bytes()

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(OSError):
        exchange.write(Report(title="new"), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["draft.json"]


text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
money = st.none() | st.decimals(min_value=0, max_value=Decimal("9999999.99"), places=2)
dates = st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
reports = st.builds(
    Report,
    title=text,
    task=text,
    performer=text,
    introduction=text,
    assessment=text,
    other_information=text,
    period=st.builds(Period, dates, dates),
    objectives=st.lists(st.builds(Objective, text), max_size=4),
    indicators=st.lists(st.builds(Indicator, text, text, text, text), max_size=4),
    budget=st.lists(
        st.builds(BudgetRow, st.integers(1990, 2100), money, money), max_size=4, unique_by=lambda b: b.year
    ),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(reports)
def test_any_report_round_trips_exactly(report):
    again = exchange.loads(exchange.dumps(report))
    assert exchange.to_document(again) == exchange.to_document(report)


def test_a_version_1_file_reads_as_version_2_with_the_defaults():
    v1 = json.dumps(
        {
            "format": "kopsavilkums",
            "version": 1,
            "report": {"signatory": {"name": "Anna"}, "indicators": [{"text": "A"}]},
        }
    )
    report = exchange.loads(v1)
    assert report.signatory.name == "Anna" and report.signatory.signing == "by_hand"
    assert report.indicators[0].carried_over is False
    assert exchange.to_document(report)["version"] == exchange.VERSION == 2


def test_version_2_keys_are_checked_and_a_flag_is_written_only_when_set():
    with pytest.raises(ExchangeError, match=r"report.signatory.signing"):
        exchange.loads(_doc(signatory={"signing": "fax"}))
    with pytest.raises(ExchangeError, match=r"report.indicators\[0\].carried_over"):
        exchange.loads(_doc(indicators=[{"text": "A", "carried_over": "yes"}]))
    report = exchange.loads(
        _doc(signatory={"signing": "e_signature"}, indicators=[{"text": "A", "carried_over": True}, {"text": "B"}])
    )
    assert report.signatory.e_signed
    written = exchange.to_document(report)["report"]["indicators"]
    assert written[0]["carried_over"] is True and "carried_over" not in written[1]
