"""GET /v1/waarnemingen: current values, peildatum, filters, roles, CSV."""
import csv
import json
import io
import urllib.parse

import pytest

from conftest import assert_problem, bearer, post_json, request, sql, token
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


def load(body, ctype="application/json", query="", who=PROGRAMMA):
    data = body.encode() if isinstance(body, str) else body
    return request("POST", "/v1/waarnemingen" + query, dict(who, **{"Content-Type": ctype}), data)


def count_obs(where):
    from conftest import sql
    return int(sql("SELECT count(*) FROM monitoring.waarnemingen WHERE " + where))


CSV = ("indicator;gebied;periode;waarde;teller;noemer;status;bron\r\n"
       "EFF_TERUGVAL;NL;2023;12,5;25;200;voorlopig;CBS-reeks test\r\n"
       "EFF_UITHUISPLAATSINGEN;NL;2023;1234;;;definitief;CBS-reeks test\r\n")


def test_csv_load_dry_run_revisions_and_unchanged():
    before = count_obs("bron = 'CBS-reeks test'")
    r = load(CSV, "text/csv", "?proefrun=true")
    assert r.status == 200 and r.json() == {"nieuw": 2, "herzien": 0, "ongewijzigd": 0, "isProefrun": True}
    assert count_obs("bron = 'CBS-reeks test'") == before, "a dry run stores nothing"
    r = load(CSV, "text/csv")
    assert r.status == 201 and r.json()["nieuw"] == 2
    assert load(CSV, "text/csv").json() == {"nieuw": 0, "herzien": 0, "ongewijzigd": 2, "isProefrun": False}
    r = load(CSV.replace("12,5;25", "13;26"), "text/csv")
    assert r.json() == {"nieuw": 0, "herzien": 1, "ongewijzigd": 1, "isProefrun": False}
    rows = items("gebied=NL&periode=2023&indicator=EFF_TERUGVAL")
    assert rows[0]["waarde"] == 13 and rows[0]["revisie"] == 2 and rows[0]["teller"] == 26


def test_json_load():
    r = load(json.dumps([{"indicator": "EFF_ERNSTIGE_BEDREIGING", "gebied": "NL", "periode": "2022",
                          "waarde": 5000, "status": "definitief", "bron": "test"}]))
    assert r.status == 201 and r.json()["nieuw"] == 1


def test_one_bad_row_stores_nothing_and_every_problem_is_named():
    before = count_obs("true")
    rows = [{"indicator": "EFF_ERNSTIGE_BEDREIGING", "gebied": "NL", "periode": "2021", "waarde": 1,
             "status": "voorlopig", "bron": "ok"}] * 1 + [
        {"indicator": "ONBEKEND", "gebied": "GM9999", "periode": "2021-Q5", "waarde": "veel",
         "status": "concept", "bron": ""},
        {"indicator": "EFF_TERUGVAL", "gebied": "NL", "periode": "2034", "waarde": 120,
         "status": "voorlopig", "bron": "bel 0612345678"},
    ]
    p = assert_problem(load(json.dumps(rows)), 400)
    names = {x["name"] for x in p["invalidParams"]}
    assert {"/1/indicator", "/1/gebied", "/1/periode", "/1/waarde", "/1/status", "/1/bron",
            "/2/periode", "/2/waarde", "/2/bron"} <= names
    assert "0612345678" not in json.dumps(p)
    assert count_obs("true") == before


@pytest.mark.parametrize("body,names", [
    ("indicator,gebied,periode,waarde,status\nX,NL,2023,1,voorlopig\n", ["bron"]),
    ("indicator,gebied,periode,waarde,status,bron,kleur\nX,NL,2023,1,voorlopig,b,rood\n", ["kolom 7"]),
    ("indicator,gebied,periode,waarde,status,bron\nEFF_TERUGVAL,NL,2023\n", ["regel 2"]),
    ("indicator,gebied,periode,waarde,status,bron\nEFF_TERUGVAL,NL,2023,\"1,voorlopig,b\n", ["body"]),
    ("indicator,gebied,periode,waarde,status,bron\nEFF_TERUGVAL,NL,2023,x,voorlopig,b\n", ["regel 2/waarde"]),
], ids=["missing-column", "unknown-column", "short-row", "open-quote", "not-a-number"])
def test_bad_csv(body, names):
    before = count_obs("true")
    p = assert_problem(load(body, "text/csv"), 400)
    assert sorted(x["name"] for x in p["invalidParams"]) == names
    assert count_obs("true") == before


def test_load_is_for_the_programme_only():
    assert_problem(load(CSV, "text/csv", who=PT08), 403)
    assert_problem(load(CSV, "text/csv", who=bearer(token(role="opdrachtgever"))), 403)
    assert_problem(load(CSV, "text/csv", who={}), 401)
    assert_problem(load("[]", query="?proefrun=ja"), 400)
    assert_problem(load("[]"), 400)


def test_disclosure_control_for_controlled_roles():
    # A small count and a large one, loaded by the programme.
    rows = [{"indicator": "EFF_UITHUISPLAATSINGEN", "gebied": "GM0363", "periode": "2021", "waarde": 7,
             "status": "definitief", "bron": "test"},
            {"indicator": "EFF_UITHUISPLAATSINGEN", "gebied": "GM0518", "periode": "2021", "waarde": 1234,
             "status": "definitief", "bron": "test"},
            {"indicator": "EFF_TERUGVAL", "gebied": "GM0363", "periode": "2021", "waarde": 50,
             "teller": 4, "noemer": 8, "status": "definitief", "bron": "test"}]
    assert load(json.dumps(rows)).status == 201
    q = "periode=2021&indicator=%s&gebied=%s"

    raw = items(q % ("EFF_UITHUISPLAATSINGEN", "GM0363"))[0]
    assert raw["waarde"] == 7 and raw["geheimhouding"] is None
    assert items(q % ("EFF_TERUGVAL", "GM0363"))[0]["noemer"] == 8

    for role in ("opdrachtgever",):
        who = bearer(token(role=role))
        small = items(q % ("EFF_UITHUISPLAATSINGEN", "GM0363"), who)[0]
        assert small["waarde"] is None and small["geheimhouding"] == "geheim"
        large = items(q % ("EFF_UITHUISPLAATSINGEN", "GM0518"), who)[0]
        assert large["waarde"] == 1235 and large["geheimhouding"] == "afgerond"
        ratio = items(q % ("EFF_TERUGVAL", "GM0363"), who)[0]
        assert ratio["waarde"] is None and ratio["teller"] is None and ratio["noemer"] is None
        # The CSV path shows the same.
        r = request("GET", "/v1/waarnemingen?" + q % ("EFF_UITHUISPLAATSINGEN", "GM0363"),
                    dict(who, Accept="text/csv"))
        row = list(csv.DictReader(io.StringIO(r.body.decode("utf-8-sig"), newline="")))[0]
        assert row["waarde"] == "" and row["geheimhouding"] == "geheim"
    assert items(q % ("EFF_UITHUISPLAATSINGEN", "GM0363"), bearer(token(role="onderzoeker")))[0]["waarde"] == 7


def test_every_read_by_a_researcher_is_logged():
    """DESIGN.md: the onderzoeker sees raw figures, and every read is logged
    (audit.inzage, V024): who, when, what; a refused read read nothing."""
    onderzoeker = bearer(token(role="onderzoeker", sub="onderzoeker-42"))

    def logged(reqid):
        return sql("SELECT coalesce(string_agg(sub || ' ' || methode || ' ' || pad || ' ' || coalesce(query, ''), "
                   "'|'), '') FROM audit.inzage WHERE request_id = '%s'" % reqid)

    r = request("GET", "/v1/waarnemingen?gebied=GM0363&limit=2", dict(onderzoeker, **{"X-Request-Id": "inzage-0001"}))
    assert r.status == 200
    assert logged("inzage-0001") == "onderzoeker-42 GET /v1/waarnemingen gebied=GM0363&limit=2"
    # the monitors' prepared statements, and CSV, too
    r = request("GET", "/v1/sectormonitor?gebied=NL&limit=1",
                dict(onderzoeker, **{"X-Request-Id": "inzage-0002", "Accept": "text/csv"}))
    assert r.status == 200
    assert logged("inzage-0002") == "onderzoeker-42 GET /v1/sectormonitor gebied=NL&limit=1"
    # a refused read read nothing; other roles are not logged here
    assert_problem(request("GET", "/v1/waarnemingen?gebied=%FF", dict(onderzoeker, **{"X-Request-Id": "inzage-0003"})),
                   400)
    assert logged("inzage-0003") == ""
    assert request("GET", "/v1/waarnemingen?limit=1", dict(PROGRAMMA, **{"X-Request-Id": "inzage-0004"})).status == 200
    assert logged("inzage-0004") == ""
