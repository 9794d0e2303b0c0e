"""One test CA and one SoftHSM2 token for the whole run (the PKCS#11 library is initialised once
per process), and the signed PDFs the tests read, each made once."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SEED

from . import signing


@pytest.fixture(scope="session")
def ca(tmp_path_factory):
    return signing.shared_token(tmp_path_factory)[0]


@pytest.fixture(scope="session")
def token(tmp_path_factory):
    return signing.shared_token(tmp_path_factory)[1]


@pytest.fixture(scope="session")
def draft_report():
    from kopsavilkums import exchange

    return exchange.read(SEED)


@pytest.fixture(scope="session")
def unsigned_pdf(draft_report):
    from kopsavilkums.convert.writing import format_by_key, render

    return render(draft_report, format_by_key("pdf"))


@pytest.fixture(scope="session")
def anna(token):
    return token.signer("Anna Ozola")


@pytest.fixture(scope="session")
def signed_pdf(unsigned_pdf, anna):
    return signing.sign(unsigned_pdf, anna)


@pytest.fixture(scope="session")
def twice_signed_pdf(signed_pdf, token):
    return signing.sign(signed_pdf, token.signer("Pēteris Kalniņš"), field="Signature2")


@pytest.fixture(scope="session")
def expired_signed_pdf(unsigned_pdf, token):
    return signing.sign(unsigned_pdf, token.signer("Vecais Sertifikāts", days=(-400, -1)))


#: The loopback timestamp authority's time: an hour ago, inside the signer's certificate's validity.
TSA_TIME = signing.NOW - dt.timedelta(hours=1)


@pytest.fixture(scope="session")
def timestamped_pdf(unsigned_pdf, anna, ca):
    with signing.loopback_tsa(ca, TSA_TIME) as url:
        return signing.sign(unsigned_pdf, anna, tsa_url=url)


@pytest.fixture(scope="session")
def document_timestamped_pdf(signed_pdf, ca):
    with signing.loopback_tsa(ca, TSA_TIME) as url:
        return signing.add_document_timestamp(signed_pdf, url)
