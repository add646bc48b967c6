"""Writing the indicator catalogue and targets: programma only, code
immutable, sensible defaults, every problem named, nothing half-stored."""
import json
import subprocess

import pytest

from conftest import assert_problem, at_once, bearer, patch_read, post_json, request, sql, token

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

    r = patch_read("/v1/indicatoren/TEST_WACHTTIJD", {"validatiestatus": "gevalideerd",
                                                      "validatieReden": "werkgroep: definitie getoetst"}, PROGRAMMA)
    assert r.status == 200 and r.json()["validatiestatus"] == "gevalideerd"
    assert r.json()["naam"] == NEW["naam"], "fields not sent stay as they were"
    assert sql("SELECT count(*) FROM audit.changes WHERE table_name = 'monitoring.indicatoren' "
               "AND row_key ->> 'indicator_code' = 'TEST_WACHTTIJD'") == "2"


def test_validation_is_a_decision_on_record():
    code = "TEST_VALIDATIE"
    member = bearer(token(role="opdrachtgever"))
    who = bearer(token(role="programma", sub="analist-7"))
    r = post_json("/v1/indicatoren", dict(NEW, code=code), who)
    assert r.status == 201, r.body
    assert r.json()["validatieReden"] == "opgenomen in de catalogus" and r.json()["validatieBesluit"] is None
    created = r.json()["validatieOp"]
    # a change of status without a reason changes nothing
    p = assert_problem(patch_read("/v1/indicatoren/" + code, {"validatiestatus": "gevalideerd"}, who), 400)
    assert p["invalidParams"][0]["name"] == "/validatieReden"
    assert request("GET", "/v1/indicatoren/" + code).json()["validatiestatus"] == "in_ontwikkeling"
    # a reason or besluit without a change of status, an unknown besluit: named
    p = assert_problem(patch_read("/v1/indicatoren/" + code, {"naam": "x", "validatieReden": "waarom"}, who), 400)
    assert p["invalidParams"] == [{"name": "/validatieReden", "reason": "alleen bij een andere validatiestatus"}]
    p = assert_problem(patch_read("/v1/indicatoren/" + code, {"validatiestatus": "gevalideerd", "validatieReden": "x",
                                                             "validatieBesluit": 999999}, who), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/validatieBesluit"]
    p = assert_problem(patch_read("/v1/indicatoren/" + code, {"validatiestatus": "gevalideerd",
                                                             "validatieReden": "mail a.b@example.nl"}, who), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/validatieReden"]
    # with the reason and the besluit it rests on
    besluit = post_json("/v1/besluiten", {"orgaan": "BOG", "besluitDatum": "2025-06-01",
                                          "onderwerp": "validatie", "besluit": "indicator gevalideerd"}, PROGRAMMA)
    assert besluit.status == 201, besluit.body
    nr = besluit.json()["id"]
    r = patch_read("/v1/indicatoren/" + code, {"validatiestatus": "gevalideerd", "validatieBesluit": nr,
                                               "validatieReden": "kwaliteit vastgesteld"}, who)
    assert r.status == 200, r.body
    public = request("GET", "/v1/indicatoren/" + code).json()
    assert public["validatiestatus"] == "gevalideerd" and public["validatieReden"] == "kwaliteit vastgesteld"
    assert public["validatieBesluit"] == nr and public["validatieOp"] > created
    # other changes keep the decision
    r = patch_read("/v1/indicatoren/" + code, {"naam": "Andere naam"}, who)
    assert r.json()["validatieOp"] == public["validatieOp"] and r.json()["validatieBesluit"] == nr
    # the history: members read who decided what, when and why
    history = request("GET", "/v1/validatiebesluiten?indicator=" + code, member).json()["items"]
    assert [(h["van"], h["naar"], h["reden"], h["besluit"]) for h in history] == [
        (None, "in_ontwikkeling", "opgenomen in de catalogus", None),
        ("in_ontwikkeling", "gevalideerd", "kwaliteit vastgesteld", nr)]
    assert history[1]["door"] == "analist-7" and history[1]["rol"] == "programma"
    assert history[1]["beslotenOp"] == public["validatieOp"]
    assert_problem(request("GET", "/v1/validatiebesluiten?indicator=" + code), 401)
    assert_problem(request("GET", "/v1/validatiebesluiten?naar=goed", member), 400)
    assert all(h["naar"] == "gevalideerd" for h in
               request("GET", "/v1/validatiebesluiten?naar=gevalideerd", member).json()["items"])
    # never rewritten, not even by the owner
    with pytest.raises(subprocess.CalledProcessError) as refused:
        sql("UPDATE monitoring.validatiebesluiten SET reden = 'x'")
    assert "nooit overschreven" in refused.value.stderr
    # a new entry that is validated from the start needs a reason too
    p = assert_problem(post_json("/v1/indicatoren", dict(NEW, code="TEST_DIRECT", validatiestatus="gevalideerd"),
                                 who), 400)
    assert p["invalidParams"][0]["name"] == "/validatieReden"
    assert request("GET", "/v1/indicatoren/TEST_DIRECT").status == 404


def test_code_never_changes():
    post_json("/v1/indicatoren", dict(NEW, code="TEST_VAST"), PROGRAMMA)
    p = assert_problem(patch_read("/v1/indicatoren/TEST_VAST", {"code": "TEST_ANDERS"}, PROGRAMMA), 400)
    assert p["invalidParams"][0]["name"] == "/code"
    assert request("GET", "/v1/indicatoren/TEST_VAST").status == 200
    assert_problem(patch_read("/v1/indicatoren/BESTAAT_NIET", {"naam": "x"}, PROGRAMMA), 404)


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
    p = assert_problem(patch_read("/v1/indicatoren/BM_KINDEREN", {"naam": None, "richting": None}, PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/naam", "/richting"]
    p = assert_problem(patch_read("/v1/indicatoren/BM_KINDEREN", {"resultaat": 77}, PROGRAMMA), 400)
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


def entry(code, **over):
    return dict(NEW, code=code, **over)


def test_each_indicator_has_a_bound():
    r = post_json("/v1/indicatoren", entry("TEST_GRENS", eenheid="aantal", bovengrens=500), PROGRAMMA)
    assert r.status == 201, r.body
    assert (r.json()["bovengrens"], r.json()["geldendeBovengrens"]) == (500, 500)
    row = {"indicator": "TEST_GRENS", "gebied": "GM0014", "periode": "2024", "status": "voorlopig", "bron": "x"}
    load = lambda w: post_json("/v1/waarnemingen", [dict(row, waarde=w)], PROGRAMMA)
    p = assert_problem(load(501), 400)
    assert p["invalidParams"] == [{"name": "/0/waarde", "reason": "hoger dan de bovengrens van deze indicator (500)"}]
    assert load(500).status == 201
    # empty: the unit's bound (counts: the population's order)
    r = patch_read("/v1/indicatoren/TEST_GRENS", {"bovengrens": None}, PROGRAMMA)
    assert r.status == 200 and (r.json()["bovengrens"], r.json()["geldendeBovengrens"]) == (None, 20000000)
    assert load(501).status == 201
    assert request("GET", "/v1/indicatoren/EFF_TERUGVAL").json()["geldendeBovengrens"] == 100
    for bound, field in ((0, "/bovengrens"), ("veel", "/bovengrens"), (1e15, "/bovengrens")):
        p = assert_problem(post_json("/v1/indicatoren", entry("TEST_GRENS2", bovengrens=bound), PROGRAMMA), 400)
        assert [x["name"] for x in p["invalidParams"]] == [field], bound
    p = assert_problem(post_json("/v1/indicatoren", entry("TEST_GRENS2", eenheid="percentage", bovengrens=150),
                                 PROGRAMMA), 400)
    assert "hoogstens 100" in json.dumps(p)
    assert request("GET", "/v1/indicatoren/TEST_GRENS2").status == 404


def test_targets_refuse_the_impossible_and_show_what_they_hold():
    before = sql("SELECT count(*) FROM monitoring.streefwaarden")
    doc = {"indicator": "EFF_UITHUISPLAATSINGEN", "gebied": "NL", "jaar": 2031, "soort": "streefwaarde",
           "besluit": "test"}
    p = assert_problem(post_json("/v1/streefwaarden", dict(doc, waarde=1e308), PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "/waarde", "reason": "hoger dan de bovengrens van deze indicator (20000000)"}]
    assert sql("SELECT count(*) FROM monitoring.streefwaarden") == before, "nothing committed"
    # the largest value the table can hold, with every digit, in the answer
    r = post_json("/v1/indicatoren", entry("TEST_EURO", eenheid="euro", bovengrens=999999999999999), PROGRAMMA)
    assert r.status == 201, r.body
    big = b'{"indicator": "TEST_EURO", "gebied": "NL", "jaar": 2031, "soort": "streefwaarde", ' \
          b'"besluit": "test", "waarde": 999999999999998.123456789012345678}'
    r = post_json("/v1/streefwaarden", big, PROGRAMMA)
    assert r.status == 201, r.body
    assert b'"waarde":999999999999998.123456789012345678' in r.body.replace(b" ", b"")
    got = request("GET", "/v1/streefwaarden?indicator=TEST_EURO", PROGRAMMA)
    assert got.status == 200 and b"999999999999998.123456789012345678" in got.body


def test_if_match_on_the_catalogue():
    path = "/v1/indicatoren/BM_KINDEREN"
    assert_problem(post_json(path, {"bron": "basismonitoring"}, PROGRAMMA, "PATCH"), 428)
    assert_problem(post_json(path, {"bron": "basismonitoring"}, dict(PROGRAMMA, **{"If-Match": '"oud"'}), "PATCH"),
                   412)
    etag = request("GET", path).headers["etag"]
    assert post_json(path, {"bron": "basismonitoring"}, dict(PROGRAMMA, **{"If-Match": etag}), "PATCH").status == 200
    assert_problem(post_json(path, {"bron": "nog eens"}, dict(PROGRAMMA, **{"If-Match": etag}), "PATCH"), 412)


def test_one_winner_among_concurrent_catalogue_writers():
    path = "/v1/indicatoren/BM_VOLWASSENEN"
    etag = request("GET", path).headers["etag"]
    bodies = [json.dumps({"bron": "schrijver %d" % i}).encode() for i in range(20)]
    answers = at_once(20, "PATCH", path, lambda i: (dict(PROGRAMMA, **{"If-Match": etag,
                                                                      "Content-Type": "application/json"}),
                                                     bodies[i]))
    won = [i for i, r in enumerate(answers) if r.status == 200]
    assert len(won) == 1, [r.status for r in answers]
    assert sorted(r.status for r in answers) == [200] + [412] * 19
    assert request("GET", path).json()["bron"] == "schrijver %d" % won[0]


def test_the_longest_code_reaches_the_database():
    code = "T" + "X" * 39
    r = post_json("/v1/indicatoren", entry(code), PROGRAMMA)
    assert r.status == 201 and r.headers["location"] == "/v1/indicatoren/" + code
    assert request("GET", "/v1/indicatoren/" + code).json()["code"] == code
    assert patch_read("/v1/indicatoren/" + code, {"naam": "Lang"}, PROGRAMMA).status == 200
    assert patch_read("/v1/indicatoren/EFF_BESCHERMINGSMAATREGELEN", {"bron": "CBS"}, PROGRAMMA).status == 200
    assert_problem(post_json("/v1/indicatoren/" + code + "X", {"naam": "x"}, PROGRAMMA, "PATCH"), 404)


def test_numbers_too_large_for_their_column_are_named():
    doc = {"indicator": "EFF_TERUGVAL", "gebied": "NL", "jaar": 1000000000000, "soort": "streefwaarde",
           "waarde": 10, "besluit": "test"}
    p = assert_problem(post_json("/v1/streefwaarden", doc, PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/jaar"]
    p = assert_problem(patch_read("/v1/indicatoren/BM_KINDEREN", {"resultaat": 1000000000000}, PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "/resultaat", "reason": "het nummer van een gewenst resultaat (1-6)"}]
    p = assert_problem(post_json("/v1/indicatoren", entry("TEST_GROOT", resultaat=2.5), PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/resultaat"]


def test_each_indicator_states_how_its_quarters_make_a_half_year():
    catalogue = {i["code"]: i for i in request("GET", "/v1/indicatoren?limit=1000").json()["items"]}
    # from the definitions: new households flow in, running ones are a stock
    assert catalogue["BM_HUISHOUDENS_NIEUW"]["tijdregel"] == "stroom"
    assert catalogue["BM_HUISHOUDENS_LOPEND"]["tijdregel"] == "stand"
    assert catalogue["BM_VEILIGHEID_HERSTELD"]["tijdregel"] == "ratio"
    assert catalogue["BM_DOORLOOPTIJD_TRAJECT"]["tijdregel"] == "gemiddelde"
    # a new entry gets what its unit suggests, or what it states
    r = post_json("/v1/indicatoren", dict(NEW, code="TEST_TIJD_DAGEN"), PROGRAMMA)
    assert r.status == 201 and r.json()["tijdregel"] == "gemiddelde", r.body
    r = post_json("/v1/indicatoren", dict(NEW, code="TEST_TIJD_STAND", eenheid="aantal", aggregatie="som",
                                          tijdregel="stand"), PROGRAMMA)
    assert r.status == 201 and r.json()["tijdregel"] == "stand", r.body
    # the rule must fit the unit: days are not summed, a count has no noemer
    p = assert_problem(post_json("/v1/indicatoren", dict(NEW, code="TEST_TIJD_X", tijdregel="stroom"), PROGRAMMA), 400)
    assert "/tijdregel" in [x["name"] for x in p["invalidParams"]], p
    assert "alleen aantallen en bedragen tellen op" in p["invalidParams"][0]["reason"]
    p = assert_problem(patch_read("/v1/indicatoren/TEST_TIJD_STAND", {"tijdregel": "ratio"}, PROGRAMMA), 400)
    assert "/tijdregel" in [x["name"] for x in p["invalidParams"]], p
    p = assert_problem(patch_read("/v1/indicatoren/TEST_TIJD_STAND", {"tijdregel": "jaarlijks"}, PROGRAMMA), 400)
    assert p["invalidParams"][0] == {"name": "/tijdregel", "reason": "kies uit: stroom, stand, ratio, gemiddelde, geen"}
    assert patch_read("/v1/indicatoren/TEST_TIJD_STAND", {"tijdregel": "stroom"}, PROGRAMMA).json()["tijdregel"] \
        == "stroom"
