"""Writing the indicator catalogue and targets: programma only, code
immutable, sensible defaults, every problem named, nothing half-stored."""
from conftest import assert_problem, bearer, post_json, request, sql, token

PROGRAMMA = bearer(token(role="programma"))
PT01 = bearer(token(role="aanleveraar", org="PT01"))

NEW = {"code": "TEST_WACHTTIJD", "naam": "Wachttijd tot eerste gesprek",
       "definitie": "Gemiddeld aantal dagen tussen melding en eerste gesprek.",
       "eenheid": "dagen", "soort": "proces", "monitoringtype": "diagnostisch",
       "richting": "lager_beter", "validatiestatus": "in_ontwikkeling"}


def test_create_with_defaults_then_change():
    r = post_json("/v1/indicatoren", NEW, PROGRAMMA)
    assert r.status == 201, r.body
    assert r.headers["location"] == "/v1/indicatoren/TEST_WACHTTIJD"
    body = r.json()
    assert body["meetwijze"] == "kwantitatief" and body["aggregatie"] == "ratio"
    assert request("GET", "/v1/indicatoren/TEST_WACHTTIJD").json()["naam"] == NEW["naam"]
    assert_problem(post_json("/v1/indicatoren", NEW, PROGRAMMA), 409)

    r = post_json("/v1/indicatoren/TEST_WACHTTIJD", {"validatiestatus": "gevalideerd"}, PROGRAMMA, "PATCH")
    assert r.status == 200 and r.json()["validatiestatus"] == "gevalideerd"
    assert r.json()["naam"] == NEW["naam"], "fields not sent stay as they were"
    assert sql("SELECT count(*) FROM audit.changes WHERE table_name = 'monitoring.indicatoren' "
               "AND row_key ->> 'indicator_code' = 'TEST_WACHTTIJD'") == "2"


def test_code_never_changes():
    post_json("/v1/indicatoren", dict(NEW, code="TEST_VAST"), PROGRAMMA)
    p = assert_problem(post_json("/v1/indicatoren/TEST_VAST", {"code": "TEST_ANDERS"}, PROGRAMMA, "PATCH"), 400)
    assert p["invalidParams"][0]["name"] == "/code"
    assert request("GET", "/v1/indicatoren/TEST_VAST").status == 200
    assert_problem(post_json("/v1/indicatoren/BESTAAT_NIET", {"naam": "x"}, PROGRAMMA, "PATCH"), 404)


def test_bad_entries_name_every_problem():
    before = sql("SELECT count(*) FROM monitoring.indicatoren")
    p = assert_problem(post_json("/v1/indicatoren", {"code": "x"}, PROGRAMMA), 400)
    assert {"/naam", "/definitie", "/eenheid", "/soort", "/monitoringtype", "/richting",
            "/validatiestatus"} <= {x["name"] for x in p["invalidParams"]}
    p = assert_problem(post_json("/v1/indicatoren", dict(NEW, code="lowercase", eenheid="kilo",
                                                         richting="omhoog"), PROGRAMMA), 400)
    assert sorted(x["name"] for x in p["invalidParams"]) == ["/code", "/eenheid", "/richting"]
    p = assert_problem(post_json("/v1/indicatoren", dict(NEW, code="TEST_LEEG", naam=None), PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "/naam", "reason": "verplicht veld ontbreekt"}]
    p = assert_problem(post_json("/v1/indicatoren", dict(NEW, code="TEST_LEEG", resultaat=77), PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "/resultaat", "reason": "bestaat niet"}]
    p = assert_problem(post_json("/v1/indicatoren", dict(NEW, code="TEST_LEEG", aggregatie="som"), PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/eenheid", "/aggregatie"]
    assert "optellen" in p["invalidParams"][0]["reason"], "what the rule asks, not its name"
    assert sql("SELECT count(*) FROM monitoring.indicatoren") == before
    # a change that empties a required field, or refers to no result, names the field
    p = assert_problem(post_json("/v1/indicatoren/BM_KINDEREN", {"naam": None, "richting": None}, PROGRAMMA,
                                 "PATCH"), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/naam", "/richting"]
    p = assert_problem(post_json("/v1/indicatoren/BM_KINDEREN", {"resultaat": 77}, PROGRAMMA, "PATCH"), 400)
    assert p["invalidParams"] == [{"name": "/resultaat", "reason": "bestaat niet"}]
    assert request("GET", "/v1/indicatoren/BM_KINDEREN").json()["naam"] == "Ondersteunde kinderen"
    # no personal identifiers in the catalogue's text; the identifier is never echoed
    p = assert_problem(post_json("/v1/indicatoren", dict(NEW, code="TEST_PII", naam="Vragen: j.jansen@example.nl",
                                                         bron="bel 06-12345678"), PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/bron", "/naam"]
    assert "example.nl" not in str(p) and "12345678" not in str(p)
    assert request("GET", "/v1/indicatoren/TEST_PII").status == 404


def test_only_the_programme_writes_the_catalogue():
    assert_problem(post_json("/v1/indicatoren", dict(NEW, code="TEST_PT"), PT01), 403)
    assert_problem(post_json("/v1/indicatoren", dict(NEW, code="TEST_PT"), {}), 401)
    assert request("GET", "/v1/indicatoren/TEST_PT").status == 404


def test_streefwaarden():
    doc = {"indicator": "EFF_TERUGVAL", "gebied": "NL", "jaar": 2030, "soort": "streefwaarde",
           "waarde": 10.5, "besluit": "BOG 2025-06 (test)"}
    r = post_json("/v1/streefwaarden", doc, PROGRAMMA)
    assert r.status == 201, r.body
    assert_problem(post_json("/v1/streefwaarden", doc, PROGRAMMA), 409)
    items = request("GET", "/v1/streefwaarden?indicator=EFF_TERUGVAL&jaar=2030", PROGRAMMA).json()["items"]
    assert [(i["gebied"], i["waarde"]) for i in items] == [("NL", 10.5)]
    p = assert_problem(post_json("/v1/streefwaarden", dict(doc, jaar=2031, waarde=120), PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "/waarde", "reason": "een percentage ligt tussen 0 en 100"}]
    p = assert_problem(post_json("/v1/streefwaarden", dict(doc, gebied="XX", waarde="veel"), PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/waarde"]
    p = assert_problem(post_json("/v1/streefwaarden", dict(doc, jaar=2031, besluit="  "), PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/besluit"]
    p = assert_problem(post_json("/v1/streefwaarden", dict(doc, jaar=2031, besluit="akkoord, bsn 111222333"),
                                 PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/besluit"] and "111222333" not in str(p)
    assert_problem(post_json("/v1/streefwaarden", dict(doc, jaar=2032), PT01), 403)
    assert_problem(request("GET", "/v1/streefwaarden"), 401)
