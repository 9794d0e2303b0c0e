import hashlib
import json
import os
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import COMPLETE, SEED
from kopsavilkums import exchange
from kopsavilkums.exchange import ExchangeError
from kopsavilkums.report import BudgetRow, Indicator, Objective, Period, Report
from restricted import allow_others, as_other_user, shared_folder


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
        exchange.loads(b"{\xff}")
    with pytest.raises(ExchangeError, match="saved as UTF-16; save it as UTF-8"):
        exchange.loads("\ufeff{}".encode("utf-16"))
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


# ------------------------------------------------------------------ hostile files (issue #10, item 4)

_BIG = "9" * 5000  # Python's int() refuses more than 4,300 digits with a ValueError


@pytest.mark.parametrize(
    "text, where, says",
    [
        ('{"format": "kopsavilkums", "version": ' + _BIG + "}", "version", ": " + "9" * 57 + "… is not a file version"),
        (
            '{"format": "kopsavilkums", "version": -' + _BIG + "}",
            "version",
            ": -" + "9" * 56 + "… is not a file version",
        ),
        (_doc(budget=[{"year": 1}]).replace('"year": 1', '"year": ' + _BIG), "report.budget[0].year", "is not a year"),
        (_doc(title=1).replace('"title": 1', '"title": ' + _BIG), "report.title", "should be text"),
        (_doc(budget=[{"year": 2019, "planned": 1}]).replace("1}", _BIG + "}"), "report.budget[0].planned", "9…"),
        ('{"format": "kopsavilkums", "version": 1e999999}', "version", "1e999999 is not a file version"),
        (_doc(title=1).replace('"title": 1', '"title": -1e999999'), "report.title", "-1e999999 should be text"),
        ('{"format": "kopsavilkums", "version": 1.0}', "version", "1.0 is not a file version"),
        (_doc(budget=[{"year": 2019, "planned": 31830.96}]), "report.budget[0].planned", "31830.96 is not an amount"),
        (_doc(budget=[{"year": 2019, "planned": "١٢٣"}]), "report.budget[0].planned", "not an amount"),
        (_doc(budget=[{"year": 2019, "planned": "１２３"}]), "report.budget[0].planned", "not an amount"),
        (_doc(budget=[{"year": 2019, "planned": "12.00\n"}]), "report.budget[0].planned", "not an amount"),
        (_doc(budget=[{"year": 2019, "planned": "\u0661.00"}]), "report.budget[0].planned", "not an amount"),
        (_doc(period={"start": "٢٠١٩-٠٨-١٢"}), "report.period.start", "not a date"),
        (_doc(period={"start": "２０１９-08-12"}), "report.period.start", "not a date"),
        (_doc(period={"start": "2019-08-12\n"}), "report.period.start", "not a date"),
        (_doc(signatory={"date": "2019-08-1\u0662"}), "report.signatory.date", "not a date"),
        (_doc(objectives=[""] * 10_001), "report.objectives", "at most 10000"),
        (_doc(indicators=[{}] * 10_001), "report.indicators", "at most 10000"),
        ('{"format": "kopsavilkums", "version": 1, "a\\nb": 1}', '"a\\nb"', "unknown key"),
        (_doc(**{"x\u2028y": 1}), 'report."x\\u2028y"', "unknown key"),
        ('{"a\\nb": 1, "a\\nb": 2}', "", 'the key "a\\nb" appears twice'),
    ],
)
def test_hostile_values_are_refused_with_the_place_named(text, where, says):
    with pytest.raises(ExchangeError) as caught:
        exchange.loads(text)
    assert caught.value.where == where
    assert says in str(caught.value)
    assert len(str(caught.value).splitlines()) == 1 and len(caught.value.localized("lv").splitlines()) == 1


def test_the_most_rows_a_file_may_hold_are_read():
    report = exchange.loads(_doc(objectives=["a"] * exchange.MAX_ROWS, indicators=[{}] * exchange.MAX_ROWS))
    assert len(report.objectives) == len(report.indicators) == exchange.MAX_ROWS == 10_000


@pytest.mark.parametrize(
    "data, says",
    [
        (b"", "the file is empty"),
        (b" \n\t ", "the file is empty"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested too deeply"),
        ("\ufeff{}".encode("utf-16"), "saved as UTF-16"),
        (b'{"title": "\xff"}', "not UTF-8 text (byte 11)"),
        (b'{"title": "\xed\xa0\x80"}', "not UTF-8 text"),  # a surrogate encoded in UTF-8
        (b'{"title": "a\x00b"}', "a text holds a control character (such as a NUL byte or a line end)"),
        (b'{"title": "a", }', "a key in double quotes was expected"),
        (b'{"title": "a" "b": 1}', "a comma is missing (line 1, column 15)"),
        (b'{"title": "a}', "a text has no closing quote"),
        (b"{} {}", "something follows the end of the document"),
        (b'"\\q"', "an invalid \\ sequence"),
    ],
)
def test_unreadable_json_says_what_is_wrong(data, says):
    with pytest.raises(ExchangeError) as caught:
        exchange.loads(data)
    assert says in str(caught.value)
    assert caught.value.localized("lv") != str(caught.value)


def test_json_line_and_column_are_latvian_in_latvian():
    with pytest.raises(ExchangeError) as caught:
        exchange.loads(b'{"title": "a" "b": 1}')
    assert caught.value.localized("lv") == "nav derīgs JSON fails: trūkst komata (1. rinda, 15. zīme)"


def test_a_lone_surrogate_escape_is_refused():
    with pytest.raises(ExchangeError, match="invalid character"):
        exchange.loads(_doc(title="X").replace('"X"', '"\\ud800"'))


def test_numbers_of_any_length_cost_no_time():
    """A 20 MB number is refused as fast as a short one: never converted (quadratic in length)."""
    huge = '{"format": "kopsavilkums", "version": ' + "9" * (exchange.MAX_BYTES - 100) + "}"
    with pytest.raises(ExchangeError, match="not a file version"):
        exchange.loads(huge)


# ------------------------------------------------------------------ what a "file" can be (item 4, 5)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    import threading

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "draft.kopsavilkums.json"
    os.mkfifo(fifo)
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(_error_of(exchange.read, fifo)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # let the blocked open go before failing, so the test run can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a named pipe blocked")
    assert outcome == ["draft.kopsavilkums.json is a named pipe, not a regular file"]


def _error_of(call, *args):
    try:
        call(*args)
    except ExchangeError as exc:
        return str(exc)
    return "no error"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(device):
    from pathlib import Path

    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    with pytest.raises(ExchangeError, match="is a device, not a regular file"):
        exchange.read(device)


def test_a_socket_is_refused(tmp_path):
    import socket

    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(ExchangeError, match="is a socket, not a regular file"):
            exchange.read(path)


def test_links_that_loop_or_lead_nowhere_and_odd_names(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(ExchangeError, match="a cannot be read: its symbolic links go round in a loop"):
        exchange.read(tmp_path / "a")
    (tmp_path / "nowhere").symlink_to(tmp_path / "missing")
    with pytest.raises(ExchangeError, match="nowhere: no such file"):
        exchange.read(tmp_path / "nowhere")
    with pytest.raises(ExchangeError, match="not a valid file name"):
        exchange.read(str(tmp_path / "nul\x00.json"))
    (tmp_path / "file").write_text("")
    with pytest.raises(ExchangeError, match="no such file"):
        exchange.read(tmp_path / "file" / "under-a-file.json")
    with pytest.raises(ExchangeError) as caught:
        exchange.read(tmp_path / "line\nbreak\x1b[31m.json")
    assert str(caught.value) == "line\\u000abreak\\u001b[31m.json: no such file"


def test_a_file_without_read_permission():
    with shared_folder() as folder:
        secret = folder / "secret.kopsavilkums.json"
        secret.write_bytes(COMPLETE.read_bytes())
        allow_others(secret, 0)
        assert as_other_user(_error_of, exchange.read, secret) == (
            "secret.kopsavilkums.json cannot be read: no permission to read it"
        )


def test_a_file_just_over_the_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(exchange.MAX_BYTES + 1)  # sparse: the size alone refuses it
    with pytest.raises(ExchangeError, match="larger than 20 MB"):
        exchange.read(big)
    exactly = tmp_path / "exactly.json"
    exactly.write_bytes(_doc(title="x" * (exchange.MAX_BYTES - 100)).encode().ljust(exchange.MAX_BYTES))
    assert len(exchange.read(exactly).title) == exchange.MAX_BYTES - 100


# ------------------------------------------------------------------ nothing but ExchangeError, ever

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["2019-08-12", "31830.96", "kopsavilkums", "", "NaN"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


def _only_exchange_errors(data):
    try:
        exchange.loads(data)
    except ExchangeError as exc:
        assert exc.message.lv and len(str(exc).splitlines()) == 1
    # anything else propagates and fails the test


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_random_bytes_raise_nothing_but_exchange_error(data):
    _only_exchange_errors(data)
    _only_exchange_errors(b'{"format": "kopsavilkums", "version": 1, "report": ' + data + b"}")


_REPORT_PATHS = [
    ("version",),
    ("report",),
    ("report", "title"),
    ("report", "period"),
    ("report", "period", "start"),
    ("report", "objectives"),
    ("report", "objectives", 0),
    ("report", "indicators"),
    ("report", "indicators", 0),
    ("report", "indicators", 0, "planned"),
    ("report", "budget"),
    ("report", "budget", 0),
    ("report", "budget", 0, "year"),
    ("report", "budget", 0, "planned"),
    ("report", "irregular_expenditure"),
    ("report", "irregular_expenditure", "amount"),
    ("report", "signatory"),
    ("report", "signatory", "date"),
    ("report", "prepared_by", "email"),
]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_REPORT_PATHS), json_values, st.sampled_from(["", "9" * 5000, "-1e999999", "1.5"]))
def test_any_value_anywhere_in_a_real_draft_raises_nothing_but_exchange_error(path, value, number):
    document = json.loads(COMPLETE.read_text("utf-8"))
    place = document
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = value
    text = json.dumps(document, ensure_ascii=False)
    _only_exchange_errors(text)
    _only_exchange_errors(text.encode("utf-8", "surrogatepass"))
    if number:  # a number no json.dumps would write, in the same place
        place[path[-1]] = "@@"
        _only_exchange_errors(json.dumps(document).replace('"@@"', number))
