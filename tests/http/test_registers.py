"""The programme's registers: list with filters, read with ETag, create
(idempotent with Idempotency-Key), update with If-Match; roles; bad input."""
import csv
import io
import json

import pytest

from conftest import assert_problem, at_once, bearer, post_json, request, sql, token

PROGRAMMA = bearer(token(role="programma", sub="programmateam-reg"))
OPDRACHTGEVER = bearer(token(role="opdrachtgever"))
PT01 = bearer(token(role="aanleveraar", org="PT01"))

CREATE = {
    "projecten": {"code": "AL1-P20", "actielijn": "AL1", "naam": "Testproject"},
    "producten": {"actielijn": "AL2", "naam": "Testproduct", "soort": "activiteit"},
    "acties": {"titel": "Samen kijken", "niveau": "professionals", "soort": "transitiebevorderend",
               "resultaten": [3, 5]},
    "mijlpalen": {"naam": "Testmijlpaal", "geplandDatum": "2027-06-30", "beslisorgaan": "BOG"},
    "besluiten": {"orgaan": "AOG", "besluitDatum": "2025-03-01", "onderwerp": "Test", "besluit": "Akkoord"},
    "kennisopdrachten": {"titel": "Wat werkt?", "horizon": 2, "gelaagdheid": "complex",
                         "cyclusfase": "delen", "makelaarsrol": "vertalen"},
    "begroting": {"jaar": 2026, "post": "Testpost", "begrootEuro": 125000.5},
    "basisbouwstenen": {"gemeente": "GM0014", "geldigVan": "2025-01-01", "bron": "test"},
    "rvt-varianten": {"code": "V9", "naam": "Testvariant"},
    "doelgroepdefinities": {"definitieVersie": 9, "naam": "Test", "criteria": "x", "geldigVanaf": "2025-01-01"},
    "doelgroepschattingen": {"definitie": 1, "gebied": "NL", "periode": "2024", "eenheid": "kinderen",
                             "waarde": 1000, "ondergrens": 800, "bovengrens": 1200, "methode": "test",
                             "bron": "test"},
}
CHANGE = {"projecten": {"status": "afgerond"}, "producten": {"status": "lopend"},
          "acties": {"status": "lopend", "resultaten": [4]}, "mijlpalen": {"status": "vertraagd"},
          "besluiten": {"besluit": "Akkoord met aanpassing"}, "kennisopdrachten": {"status": "afgerond"},
          "begroting": {"gerealiseerdEuro": 100000}, "rvt-varianten": {"isVoorkeur": True},
          "basisbouwstenen": {"geldigTot": "2026-01-01"},
          "doelgroepdefinities": {"status": "vastgesteld"}, "doelgroepschattingen": {"waarde": 1100}}


def key_of(item):
    return item.get("code", item.get("id"))


@pytest.mark.parametrize("resource", sorted(CREATE))
def test_create_read_update(resource):
    r = post_json("/v1/" + resource, CREATE[resource], PROGRAMMA)
    assert r.status == 201, r.body
    item = r.json()
    path = "/v1/%s/%s" % (resource, key_of(item))
    assert r.headers["location"] == path
    g = request("GET", path, PROGRAMMA)
    assert g.status == 200 and g.headers["etag"] == '"%s"' % item["versie"]

    # No If-Match: 428; a stale one: 412; the right one: 200 and a new version.
    assert_problem(post_json(path, CHANGE[resource], PROGRAMMA, "PATCH"), 428)
    assert_problem(post_json(path, CHANGE[resource], dict(PROGRAMMA, **{"If-Match": '"oud"'}), "PATCH"), 412)
    u = post_json(path, CHANGE[resource], dict(PROGRAMMA, **{"If-Match": g.headers["etag"]}), "PATCH")
    assert u.status == 200, u.body
    for k, v in CHANGE[resource].items():
        assert u.json()[k] == v
    assert u.json()["versie"] != item["versie"]
    assert_problem(post_json(path, CHANGE[resource], dict(PROGRAMMA, **{"If-Match": g.headers["etag"]}), "PATCH"), 412)

    items = request("GET", "/v1/%s?limit=1000" % resource, PROGRAMMA).json()["items"]
    assert key_of(item) in [key_of(i) for i in items]


def test_action_results_must_exist():
    p = assert_problem(post_json("/v1/acties", dict(CREATE["acties"], resultaten=[7]), PROGRAMMA), 400)
    assert p["invalidParams"][0]["name"] == "/resultaten"
    # projects serve results too (the helikopterblik), but only results that exist
    p = assert_problem(post_json("/v1/projecten", dict(CREATE["projecten"], code="AL1-P22", resultaten=[1],
                                                       indirecteResultaten=[9]), PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/indirecteResultaten"]


def test_idempotent_create():
    before = int(sql("SELECT count(*) FROM register.besluiten"))
    h = dict(PROGRAMMA, **{"Idempotency-Key": "besluit-2025-0001"})
    a = post_json("/v1/besluiten", CREATE["besluiten"], h)
    b = post_json("/v1/besluiten", CREATE["besluiten"], h)
    assert a.status == b.status == 201 and a.json() == b.json()
    assert int(sql("SELECT count(*) FROM register.besluiten")) == before + 1
    assert_problem(post_json("/v1/besluiten", CREATE["besluiten"],
                             dict(PROGRAMMA, **{"Idempotency-Key": "kort"})), 400)


def test_filters():
    items = request("GET", "/v1/acties?niveau=governance&soort=transitiebelemmerend", PROGRAMMA).json()["items"]
    assert items and all(i["niveau"] == "governance" and i["soort"] == "transitiebelemmerend" for i in items)
    assert all(p["actielijn"] == "AL4" for p in
               request("GET", "/v1/projecten?actielijn=AL4", PROGRAMMA).json()["items"])
    assert_problem(request("GET", "/v1/acties?niveau=iedereen", PROGRAMMA), 400)


def test_bad_input_names_every_field_and_changes_nothing():
    before = int(sql("SELECT count(*) FROM register.producten"))
    p = assert_problem(post_json("/v1/producten", {"id": 7, "naam": 3, "geplandDatum": "morgen",
                                                   "kleur": "rood", "versie": "x"}, PROGRAMMA), 400)
    assert sorted(x["name"] for x in p["invalidParams"]) == ["/geplandDatum", "/id", "/kleur", "/naam", "/versie"]
    p = assert_problem(post_json("/v1/producten", {"actielijn": "AL9", "naam": "x"}, PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "/actielijn", "reason": "bestaat niet"}]
    p = assert_problem(post_json("/v1/acties", {"titel": "Bel 06-12345678", "niveau": "governance",
                                                "soort": "dialoogvraag"}, PROGRAMMA), 400)
    assert "06-12345678" not in str(p)
    assert int(sql("SELECT count(*) FROM register.producten")) == before
    code = post_json("/v1/rvt-varianten", {"code": "V8", "naam": "x"}, PROGRAMMA)
    etag = request("GET", "/v1/rvt-varianten/V8", PROGRAMMA).headers["etag"]
    p = assert_problem(post_json("/v1/rvt-varianten/V8", {"code": "V7"}, dict(PROGRAMMA, **{"If-Match": etag}),
                                 "PATCH"), 400)
    assert p["invalidParams"][0]["name"] == "/code"
    assert code.status == 201


def test_required_fields_and_rules_are_named():
    before = int(sql("SELECT count(*) FROM register.acties"))
    p = assert_problem(post_json("/v1/acties", {"titel": "Wijkteams leren van elkaar"}, PROGRAMMA), 400)
    assert [(x["name"], x["reason"]) for x in p["invalidParams"]] == [
        ("/niveau", "verplicht veld ontbreekt"), ("/soort", "verplicht veld ontbreekt")]
    assert int(sql("SELECT count(*) FROM register.acties")) == before
    r = post_json("/v1/acties", {"titel": "Wijkteams leren van elkaar", "niveau": "professionals",
                                 "soort": "transitiebevorderend"}, PROGRAMMA)
    assert r.status == 201, r.body
    path = "/v1/acties/%d" % r.json()["id"]
    etag = request("GET", path, PROGRAMMA).headers["etag"]
    p = assert_problem(post_json(path, {"titel": None, "omschrijving": None}, dict(PROGRAMMA, **{"If-Match": etag}),
                                 "PATCH"), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/titel"], "an optional field may be emptied"
    p = assert_problem(post_json(path, {"status": None}, dict(PROGRAMMA, **{"If-Match": etag}), "PATCH"), 400)
    assert p["invalidParams"] == [{"name": "/status", "reason": "verplicht veld; mag niet leeg zijn"}], \
        "a field with a default may not be emptied either"
    assert request("GET", path, PROGRAMMA).json()["titel"] == "Wijkteams leren van elkaar"
    # a rule of the register: the field, and what it asks
    p = assert_problem(post_json("/v1/acties", {"titel": "x", "niveau": "wijk", "soort": "dialoogvraag"},
                                 PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "/niveau", "reason": "een van: governance, organisaties, professionals"}]
    p = assert_problem(post_json(path, {"startDatum": "2025-05-01", "eindDatum": "2025-01-01"},
                                 dict(PROGRAMMA, **{"If-Match": etag}), "PATCH"), 400)
    assert {x["name"] for x in p["invalidParams"]} == {"/startDatum", "/eindDatum"}
    assert "einddatum" in p["invalidParams"][0]["reason"]
    assert int(sql("SELECT count(*) FROM register.acties")) == before + 1
    # a key that exists already: a conflict that names its fields
    regel = {"jaar": 2028, "post": "Conflicttest", "begrootEuro": 1000}
    assert post_json("/v1/begroting", regel, PROGRAMMA).status == 201
    p = assert_problem(post_json("/v1/begroting", dict(regel, begrootEuro=2000), PROGRAMMA), 409)
    # the combination that exists: year, post and proeftuin (none: the programme as a whole)
    assert [x["name"] for x in p["invalidParams"]] == ["/jaar", "/post", "/proeftuin"]


def test_roles():
    assert request("GET", "/v1/acties?limit=1", OPDRACHTGEVER).status == 200
    assert_problem(post_json("/v1/acties", CREATE["acties"], OPDRACHTGEVER), 403)
    assert_problem(post_json("/v1/projecten", dict(CREATE["projecten"], code="AL1-P21"), PT01), 403)
    assert_problem(request("GET", "/v1/projecten"), 401)
    assert_problem(request("GET", "/v1/projecten/AL9-P99", PROGRAMMA), 404)
    assert_problem(request("GET", "/v1/registers"), 404)


def test_doelgroep_estimates_are_disclosure_controlled():
    """An estimate counts people: an opdrachtgever, and a proeftuin for
    another area, see it rounded to 5 and withheld below the threshold with
    its bounds, in a list (JSON, CSV) and as an item; its ETag tells nothing
    about a withheld estimate. The programme reads and writes it raw."""
    made = {}
    for gebied, waarde, onder, boven in (("GM0014", 7, 2, 12), ("GM0034", 1234, 8, 2002)):
        r = post_json("/v1/doelgroepschattingen", {
            "definitie": 1, "gebied": gebied, "periode": "2023", "eenheid": "gezinnen", "waarde": waarde,
            "ondergrens": onder, "bovengrens": boven, "methode": "test", "bron": "test"}, PROGRAMMA)
        assert r.status == 201, r.body
        assert (r.json()["waarde"], r.json()["geheimhouding"]) == (waarde, None)
        made[gebied] = r.json()["id"]
    small = "/v1/doelgroepschattingen/%d" % made["GM0014"]
    listing = "/v1/doelgroepschattingen?definitie=1&periode=2023&limit=100"

    def seen(who):
        return {x["gebied"]: (x["waarde"], x["ondergrens"], x["bovengrens"], x["geheimhouding"])
                for x in request("GET", listing, who).json()["items"] if x["id"] in made.values()}
    for who in (OPDRACHTGEVER, PT01):
        assert seen(who) == {"GM0014": (None, None, None, "geheim"), "GM0034": (1235, None, 2000, "afgerond")}
    assert seen(PROGRAMMA) == {"GM0014": (7, 2, 12, None), "GM0034": (1234, 8, 2002, None)}
    c = request("GET", listing, dict(OPDRACHTGEVER, Accept="text/csv"))
    table = {x["gebied"]: x for x in csv.DictReader(io.StringIO(c.body.decode("utf-8-sig"), newline=""))}
    assert (table["GM0014"]["waarde"], table["GM0014"]["geheimhouding"]) == ("", "geheim")
    assert table["GM0034"]["waarde"] == "1235"

    # The item and its ETag: a change of the withheld estimate leaves what
    # an opdrachtgever sees, its ETag included, as it was.
    before = request("GET", small, OPDRACHTGEVER)
    assert before.json()["waarde"] is None and before.json()["geheimhouding"] == "geheim"
    etag = request("GET", small, PROGRAMMA).headers["etag"]
    u = post_json(small, {"waarde": 8, "ondergrens": 3}, dict(PROGRAMMA, **{"If-Match": etag}), "PATCH")
    assert u.status == 200 and (u.json()["waarde"], u.json()["ondergrens"]) == (8, 3)
    after = request("GET", small, OPDRACHTGEVER)
    assert after.headers["etag"] == before.headers["etag"] and after.json() == before.json()
    assert request("GET", small, PROGRAMMA).headers["etag"] != etag

    # geheimhouding is not set by a client; an opdrachtgever may not write.
    p = assert_problem(post_json(small, {"geheimhouding": None}, dict(PROGRAMMA, **{"If-Match": etag}), "PATCH"),
                       400)
    assert [x["name"] for x in p["invalidParams"]] == ["/geheimhouding"]
    assert_problem(post_json(small, {"waarde": 500}, dict(OPDRACHTGEVER, **{"If-Match": after.headers["etag"]}),
                             "PATCH"), 403)
    assert sql("SELECT waarde FROM doelgroep.schattingen WHERE schatting_id = %d" % made["GM0014"]) == "8"


def test_an_idempotency_key_belongs_to_one_request():
    h = dict(PROGRAMMA, **{"Idempotency-Key": "besluit-2025-0002"})
    first = post_json("/v1/besluiten", dict(CREATE["besluiten"], onderwerp="Eerste"), h)
    assert first.status == 201
    before = int(sql("SELECT count(*) FROM register.besluiten"))
    p = assert_problem(post_json("/v1/besluiten", dict(CREATE["besluiten"], onderwerp="Tweede"), h), 422)
    assert p["invalidParams"] == [{"name": "Idempotency-Key",
                                   "reason": "al gebruikt voor een ander verzoek; kies een nieuwe sleutel"}]
    assert_problem(post_json("/v1/projecten", CREATE["projecten"], h), 422)
    assert int(sql("SELECT count(*) FROM register.besluiten")) == before
    # the same body, written otherwise, is the same request
    same = dict(CREATE["besluiten"], onderwerp="Eerste")
    again = post_json("/v1/besluiten", json.dumps(dict(reversed(list(same.items()))), indent=2), h)
    assert again.status == 201 and again.json() == first.json()


def results(k):
    """The k-th set of gewenste resultaten (k in 1..63, its bits)."""
    return [b + 1 for b in range(6) if k >> b & 1]


@pytest.mark.parametrize("resource,key,change", [
    ("projecten", "AL1-P1", lambda n: {"naam": "Schrijver %d" % n}),
    ("acties", None, lambda n: {"resultaten": results(n)}),      # only the links change
])
def test_one_winner_among_concurrent_writers(resource, key, change):
    """20 writers with one ETag, each changing the item to something else:
    exactly one wins, and the item is as the winner left it."""
    if key is None:
        key = request("GET", "/v1/%s?limit=1" % resource, PROGRAMMA).json()["items"][0]["id"]
    path = "/v1/%s/%s" % (resource, key)
    for round_ in range(3):
        cur = request("GET", path, PROGRAMMA)
        todo = [n for n in range(1 + 21 * round_, 22 + 21 * round_)
                if any(cur.json()[k] != v for k, v in change(n).items())][:20]
        h = dict(PROGRAMMA, **{"If-Match": cur.headers["etag"], "Content-Type": "application/json"})
        answers = at_once(20, "PATCH", path, lambda i: (h, json.dumps(change(todo[i])).encode()))
        assert sorted(r.status for r in answers) == [200] + [412] * 19
        winner = todo[[i for i, r in enumerate(answers) if r.status == 200][0]]
        now = request("GET", path, PROGRAMMA).json()
        for k, v in change(winner).items():
            assert now[k] == v


def test_amounts_are_stored_as_sent_or_refused():
    base = dict(CREATE["begroting"], post="Bedragen")
    p = assert_problem(post_json("/v1/begroting", dict(base, begrootEuro=12.345), PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "/begrootEuro", "reason": "ten hoogste 2 decimalen"}]
    p = assert_problem(post_json("/v1/begroting", dict(base, begrootEuro=1234567890123), PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "/begrootEuro", "reason": "ten hoogste 12 cijfers voor de komma"}]
    r = post_json("/v1/begroting", '{"jaar": 2027, "post": "Bedragen", "begrootEuro": 999999999999.99}', PROGRAMMA)
    assert r.status == 201, r.body
    assert sql("SELECT begroot_euro::text FROM register.begrotingsregels WHERE jaar = 2027 AND post = 'Bedragen'") \
        == "999999999999.99"
    assert b"999999999999.99" in r.body


def test_keys_of_any_allowed_length_reach_the_database():
    for path in ("/v1/projecten/" + "A" * 40, "/v1/producten/" + "9" * 40, "/v1/rvt-varianten/" + "V" * 40):
        assert_problem(request("GET", path, PROGRAMMA), 404)
        assert_problem(post_json(path, {"naam": "x"}, dict(PROGRAMMA, **{"If-Match": '"x"'}), "PATCH"), 404)


def test_estimates_are_stored_as_sent_and_bounded():
    base = dict(CREATE["doelgroepschattingen"], periode="2023", regime="met_toestemming")
    r = post_json("/v1/doelgroepschattingen", '{"definitie": 1, "gebied": "NL", "periode": "2023", '
                  '"regime": "met_toestemming", "eenheid": "kinderen", "waarde": 1234.5, '
                  '"ondergrens": 1000.25, "bovengrens": 1500.125, "methode": "test", "bron": "test"}', PROGRAMMA)
    assert r.status == 201, r.body
    assert sql("SELECT waarde || ' ' || ondergrens || ' ' || bovengrens FROM doelgroep.schattingen "
               "WHERE schatting_id = %d" % r.json()["id"]) == "1234.5 1000.25 1500.125"
    p = assert_problem(post_json("/v1/doelgroepschattingen", dict(base, regime="met_maatregel", waarde=30000000,
                                                                  bovengrens=None), PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/waarde"]


def test_a_text_too_long_to_look_up_is_named():
    """A text beyond what an index entry holds (some 2700 bytes) in a field
    of a key, after compression: named, not a 500."""
    import random
    import string
    rng = random.Random(19)
    text = "".join(rng.choice(string.ascii_letters) for _ in range(8000))
    p = assert_problem(post_json("/v1/begroting", dict(CREATE["begroting"], post=text), PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "/post", "reason": "te lang om op te zoeken: ten hoogste 2000 tekens"}]
