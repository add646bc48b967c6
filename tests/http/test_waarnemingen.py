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


def load(body, ctype="application/json", query="", who=PROGRAMMA, timeout=20):
    data = body.encode() if isinstance(body, str) else body
    return request("POST", "/v1/waarnemingen" + query, dict(who, **{"Content-Type": ctype}), data, timeout=timeout)


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
            # Aalsmeer, in every area Amsterdam is in: withheld with it (secondary suppression), so that
            # NL less Den Haag does not give Amsterdam's 7
            {"indicator": "EFF_UITHUISPLAATSINGEN", "gebied": "GM0358", "periode": "2021", "waarde": 50,
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
        partner = items(q % ("EFF_UITHUISPLAATSINGEN", "GM0358"), who)[0]
        assert partner["waarde"] is None and partner["geheimhouding"] == "geheim"
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


def stored(indicator, gebied, periode):
    """The current revision's waarde, teller and noemer as PostgreSQL holds them."""
    return sql("SELECT waarde::text || '|' || coalesce(teller::text, '-') || '|' || coalesce(noemer::text, '-') "
               "FROM monitoring.waarnemingen WHERE indicator_code = '%s' AND gebied_code = '%s' "
               "AND periode_code = '%s' ORDER BY revisie DESC LIMIT 1" % (indicator, gebied, periode))


def test_numbers_arrive_as_the_digits_sent():
    # JSON: no double on the way (12.3 was stored as 12.300000000000001)
    body = ('[{"indicator": "EFF_TERUGVAL", "gebied": "GM0014", "periode": "2024", "waarde": 12.3, '
            '"teller": 81.3, "noemer": 100, "status": "voorlopig", "bron": "exact"},'
            '{"indicator": "EFF_TIJDIGHEID", "gebied": "GM0014", "periode": "2024", '
            '"waarde": 0.1234567890123456789, "teller": 12345.00001, "noemer": 3, '
            '"status": "voorlopig", "bron": "exact"},'
            '{"indicator": "EFF_UITHUISPLAATSINGEN", "gebied": "GM0014", "periode": "2024", "waarde": 1E+2, '
            '"status": "voorlopig", "bron": "exact"}]')
    assert load(body).status == 201
    assert stored("EFF_TERUGVAL", "GM0014", "2024") == "12.3|81.3|100"
    assert stored("EFF_TIJDIGHEID", "GM0014", "2024") == "0.1234567890123456789|12345.00001|3"
    assert stored("EFF_UITHUISPLAATSINGEN", "GM0014", "2024") == "100|-|-"
    # CSV: the digits as written; only the form changes (decimal comma, "+", ".5")
    csv_body = ("indicator,gebied,periode,waarde,teller,noemer,status,bron\n"
                "EFF_TERUGVAL,GM0034,2024,0.1,81.30,100,voorlopig,exact\n"
                "EFF_TIJDIGHEID,GM0034,2024,+.5,007,3,voorlopig,exact\n")
    assert load(csv_body, "text/csv").status == 201
    assert stored("EFF_TERUGVAL", "GM0034", "2024") == "0.1|81.30|100"
    assert stored("EFF_TIJDIGHEID", "GM0034", "2024") == "0.5|7|3"
    semi = ("indicator;gebied;periode;waarde;teller;noemer;status;bron\n"
            "EFF_TERUGVAL;GM0037;2024;33,3333333333333333333;1;3;voorlopig;exact\n")
    assert load(semi, "text/csv").status == 201
    assert stored("EFF_TERUGVAL", "GM0037", "2024") == "33.3333333333333333333|1|3"
    # and an item shows them as stored: the page's JSON text is PostgreSQL's
    r = request("GET", "/v1/waarnemingen?indicator=EFF_TIJDIGHEID&gebied=GM0014&periode=2024", PROGRAMMA)
    assert b'"waarde":0.1234567890123456789' in r.body


def test_the_impossible_is_refused_with_its_bound():
    before = count_obs("true")
    p = assert_problem(load("indicator,gebied,periode,waarde,status,bron\n"
                            "BM_KINDEREN,GM0014,2024,99999999999999999999999,voorlopig,x\n", "text/csv"), 400)
    assert p["invalidParams"] == [{"name": "regel 2/waarde",
                                   "reason": "hoger dan de bovengrens van deze indicator (20000000)"}]
    row = {"indicator": "BM_KINDEREN", "gebied": "GM0014", "periode": "2024", "status": "voorlopig", "bron": "x"}
    p = assert_problem(load(json.dumps([dict(row, waarde=1e308)])), 400)
    assert p["invalidParams"][0]["name"] == "/0/waarde" and "20000000" in p["invalidParams"][0]["reason"]
    p = assert_problem(load('[' + json.dumps(row)[:-1] + ', "waarde": 1e400}]'), 400)
    assert p["invalidParams"][0]["name"] == "/0/waarde" and "te groot" in p["invalidParams"][0]["reason"]
    p = assert_problem(load('[' + json.dumps(row)[:-1] + ', "waarde": 1e-99999}]'), 400)
    assert p["invalidParams"][0]["name"] == "/0/waarde" and "buiten bereik" in p["invalidParams"][0]["reason"]
    p = assert_problem(load(json.dumps([dict(row, indicator="EFF_TERUGVAL", waarde=50, teller=5e7, noemer=1e8)])),
                       400)
    assert p["invalidParams"][0]["name"] == "/0/teller"
    for spelling in ("NaN", "Infinity", "-Infinity", "1e999", "1e-99999", "0x10", "1_000", ".e5", "-.", "5.",
                     "1e", "--1", "1 2"):
        p = assert_problem(load("indicator,gebied,periode,waarde,status,bron\nBM_KINDEREN,GM0014,2024,%s,voorlopig,x\n"
                                % spelling, "text/csv"), 400)
        assert p["invalidParams"][0]["name"] == "regel 2/waarde", spelling
    assert count_obs("true") == before


def test_a_nul_byte_in_csv_is_refused_by_row_and_field():
    before = count_obs("true")
    body = b"indicator,gebied,periode,waarde,status,bron\nBM_KINDEREN,GM0014,2024,12\x0034,voorlopig,bron met\x00staart\n"
    p = assert_problem(load(body, "text/csv"), 400)
    assert p["invalidParams"] == [{"name": "regel 2/waarde", "reason": "een NUL-teken is niet toegestaan"},
                                  {"name": "regel 2/bron", "reason": "een NUL-teken is niet toegestaan"}]
    assert count_obs("true") == before


def big_load(n_gemeenten, indicator, last=None, fmt="csv"):
    """Rows for indicator: gemeenten × every quarter that has begun; last
    replaces the last row."""
    gm = sql("SELECT string_agg(gebied_code, ',' ORDER BY gebied_code) FROM ref.gebieden "
             "WHERE soort = 'gemeente'").split(",")[:n_gemeenten]
    qs = sql("SELECT string_agg(periode_code, ',' ORDER BY periode_code) FROM ref.perioden "
             "WHERE soort = 'kwartaal' AND begin_date <= current_date").split(",")
    bron = "grote lading in delen naar de database gestuurd " * 2
    rows = [(indicator, g, q, str(i % 997), "voorlopig", bron) for i, (g, q) in
            enumerate((g, q) for g in gm for q in qs)]
    if last is not None:
        rows[-1] = last
    if fmt == "csv":
        return ("indicator,gebied,periode,waarde,status,bron\n" +
                "".join(",".join(r) + "\n" for r in rows)).encode(), len(rows)
    keys = ("indicator", "gebied", "periode", "waarde", "status", "bron")
    return json.dumps([dict(zip(keys, r[:3] + (int(r[3]) if r[3].isdigit() else r[3],) + r[4:]))
                       for r in rows]).encode(), len(rows)


def test_a_load_in_parts_is_all_or_nothing():
    r = post_json("/v1/indicatoren", {"code": "TEST_LADING", "naam": "Grote lading", "definitie": "test",
                                      "eenheid": "aantal", "soort": "output", "monitoringtype": "diagnostisch",
                                      "richting": "neutraal", "validatiestatus": "in_ontwikkeling"}, PROGRAMMA)
    assert r.status == 201, r.body
    # (ten years of every gemeente: the refresh, secondary suppression of every year included, takes a while)
    # more than one part (1 MiB each): a bad last row, found by the database, stores nothing
    body, n = big_load(342, "TEST_LADING", ("TEST_LADING", "GM9999", "2024-Q1", "1", "voorlopig", "x"))
    assert len(body) > 2 * 1024 * 1024
    p = assert_problem(load(body, "text/csv", timeout=600), 400)
    assert p["invalidParams"] == [{"name": "regel %d/gebied" % (n + 1), "reason": "onbekend gebied"}]
    assert count_obs("indicator_code = 'TEST_LADING'") == 0
    # one found while reading the body, in JSON, after parts went to the database
    body, n = big_load(342, "TEST_LADING", ("TEST_LADING", "GM0014", "2024-Q1", "1", "voorlopig", "x", "extra"),
                       "json")
    body = body[:-2] + b', "kleur": "rood"}]'
    p = assert_problem(load(body, timeout=600), 400)
    assert p["invalidParams"] == [{"name": "/%d/kleur" % (n - 1), "reason": "onbekend veld"}]
    assert count_obs("indicator_code = 'TEST_LADING'") == 0
    assert sql("SELECT status || ' ' || reden FROM audit.pogingen WHERE pad = '/v1/waarnemingen' "
               "ORDER BY poging_id DESC LIMIT 1") == "400 verzoek ongeldig"
    # and the whole of it, in parts
    body, n = big_load(342, "TEST_LADING")
    r = load(body, "text/csv", timeout=600)
    assert r.status == 201, r.body
    assert r.json() == {"nieuw": n, "herzien": 0, "ongewijzigd": 0, "isProefrun": False}
    assert count_obs("indicator_code = 'TEST_LADING'") == n


def test_what_the_fuzzer_found_in_loads():
    row = {"indicator": "BM_KINDEREN", "gebied": "GM0014", "periode": "2016", "waarde": 1, "status": "voorlopig",
           "bron": "x"}
    before = count_obs("true")
    # a row names its own place: a client's "_plek" is an unknown field
    p = assert_problem(load(json.dumps([dict(row, _plek="iets anders", waarde=-1)])), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/0/_plek"]
    # a NUL byte is no white space, between rows or after them
    for body in (b"[" + json.dumps(row).encode() + b"]\x00",
                 b"[" + json.dumps(row).encode() + b",\x00" + json.dumps(dict(row, periode="2017")).encode() + b"]"):
        assert_problem(load(body), 400)
    # a NUL byte in the header is no column name
    p = assert_problem(load(b"indicator,gebied,periode,waarde,status,bron\x00\nBM_KINDEREN,GM0014,2016,1,voorlopig,x\n",
                            "text/csv"), 400)
    assert p["invalidParams"][0]["name"] == "kolom 6"
    # one media type, not a list of them
    assert_problem(load(json.dumps([row]), "application/json, text/csv"), 415)
    assert_problem(load(json.dumps([row]), "application/jsonx"), 415)
    assert count_obs("true") == before
    # CR alone ends a line, also for telling the separator
    r = load(b"indicator;gebied;periode;waarde;status;bron\rBM_KINDEREN;GM0014;2016;1;voorlopig;a, b\r", "text/csv")
    assert r.status == 201, r.body


def test_every_answer_is_its_own_while_the_worker_is_busy():
    """Kore reads a connection's next result when its socket turns readable,
    also when the request has not yet taken the one before. PostgreSQL sends
    an error at once and the rest of the message after it: with the worker
    busy past Kore's 10 ms per round (parsing large bodies), a refused load
    lost its error and was answered 500 without a count (a refused PATCH
    could have been answered as a success). Small loads next to large dry
    runs must each get their own answer."""
    import threading
    big, n = big_load(342, "BM_KINDEREN")
    gm = sql("SELECT string_agg(gebied_code, ',' ORDER BY gebied_code) FROM ref.gebieden "
             "WHERE soort = 'gemeente'").split(",")
    wrong = []
    done = threading.Event()

    def large():
        while not done.is_set():
            r = load(big, "text/csv", "?proefrun=true")
            if r.status != 200 or sum(r.json()[k] for k in ("nieuw", "herzien", "ongewijzigd")) != n:
                wrong.append(("large", r.status, r.body[:200]))

    def small(k):
        for i in range(40):
            row = {"indicator": "EFF_ERNSTIGE_BEDREIGING", "gebied": gm[k * 40 + i], "periode": "2021",
                   "waarde": i, "status": "voorlopig", "bron": "druk"}
            r = load(json.dumps([row]))
            if r.status != 201 or r.json() != {"nieuw": 1, "herzien": 0, "ongewijzigd": 0, "isProefrun": False}:
                wrong.append(("good", r.status, r.body[:200]))
            # a period only the database knows is wrong: its error comes first
            r = load(json.dumps([dict(row, periode="1e3")]))
            if r.status != 400 or r.json().get("invalidParams") != [
                    {"name": "/0/periode", "reason": "onbekende periode (JJJJ, JJJJ-Hn of JJJJ-Qn)"}]:
                wrong.append(("refused", r.status, r.body[:200]))

    bulk = [threading.Thread(target=large) for _ in range(2)]
    workers = [threading.Thread(target=small, args=(k,)) for k in range(6)]
    for t in bulk + workers:
        t.start()
    for t in workers:
        t.join()
    done.set()
    for t in bulk:
        t.join()
    assert wrong == []
    assert count_obs("bron = 'druk'") == 240
