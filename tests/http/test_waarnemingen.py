"""GET /v1/waarnemingen: current values, peildatum, filters, roles, CSV."""
import csv
import io
import urllib.parse

from conftest import assert_problem, bearer, post_json, request, token
from test_aanleveringen import valid_answers

PT08 = bearer(token(role="aanleveraar", org="PT08"))
PROGRAMMA = bearer(token(role="programma"))


def items(query, who=PROGRAMMA):
    r = request("GET", "/v1/waarnemingen?" + query, who)
    assert r.status == 200, r.body
    return r.json()["items"]


def test_approval_is_a_new_revision_and_peildatum_shows_the_old_value():
    q = "gebied=PT08&indicator=BM_HUISHOUDENS_NIEUW&periode=2024-Q3"
    before = items(q)
    assert len(before) == 1 and before[0]["revisie"] == 1     # synthetic demo value

    r = post_json("/v1/aanleveringen", {"proeftuin": "PT08", "periode": "2024-Q3"}, PT08)
    ident = r.json()["id"]
    post_json("/v1/aanleveringen/%d/antwoorden" % ident,
              valid_answers(override={"huishoudens_nieuw": 41}), PT08, "PUT")
    moment = post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT08, "PATCH").json()["ingediendOp"]
    assert post_json("/v1/aanleveringen/%d" % ident, {"status": "goedgekeurd"}, PROGRAMMA, "PATCH").status == 200

    now = items(q)
    assert len(now) == 1
    assert now[0]["waarde"] == 41 and now[0]["revisie"] == 2 and now[0]["status"] == "voorlopig"
    assert now[0]["aanlevering"] == ident
    then = items(q + "&peildatum=" + urllib.parse.quote(moment))
    assert then == before, "figures as they stood before the approval"


def test_filters():
    rows = items("gebied=PT07&indicator=BM_KINDEREN&periodeVan=2024-Q1&periodeTot=2024-Q4")
    assert sorted(r["periode"] for r in rows) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    assert all(r["status"] == "definitief" for r in items("gebied=PT07&status=definitief&limit=50"))
    assert items("peildatum=2000-01-01") == []


def test_roles():
    assert all(r["gebied"] == "PT08" for r in items("limit=200", PT08))
    assert items("gebied=PT07", PT08) == []
    assert len(items("gebied=PT07&limit=5", bearer(token(role="opdrachtgever")))) == 5
    assert_problem(request("GET", "/v1/waarnemingen"), 401)


def test_bad_parameters():
    p = assert_problem(request("GET", "/v1/waarnemingen?gebied=XX1&periode=2025-Q5&peildatum=gisteren&foo=1",
                               PROGRAMMA), 400)
    assert sorted(x["name"] for x in p["invalidParams"]) == ["foo", "gebied", "peildatum", "periode"]


def test_csv_and_pages():
    r = request("GET", "/v1/waarnemingen?gebied=PT01&limit=10", dict(PROGRAMMA, Accept="text/csv"))
    rows = list(csv.DictReader(io.StringIO(r.body.decode("utf-8-sig"), newline="")))
    assert len(rows) == 10 and rows[0]["gebied"] == "PT01"
    assert 'rel="next"' in r.headers["link"]
