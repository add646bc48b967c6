"""The consultation structure as data and the budget per proeftuin over
HTTP: members read the bodies, decisions name one, the budget takes a
proeftuin and a kind of cost."""
from conftest import assert_problem, bearer, post_json, request, token

PROGRAMMA = bearer(token(role="programma", sub="programmateam-overleg"))


def test_members_read_the_bodies_of_the_plan():
    r = request("GET", "/v1/overlegorganen", bearer(token(role="opdrachtgever")))
    assert r.status == 200, r.body
    bodies = {x["code"]: x for x in r.json()["items"]}
    assert {"BPB", "BOG", "AOG", "AHO", "BO", "Tweede Kamer"} <= set(bodies)
    assert bodies["BOG"]["keerPerJaar"] == 4 and bodies["BOG"]["ring"] == "eerste"
    assert bodies["BPB"]["ring"] == "eerste_en_tweede"
    assert_problem(request("GET", "/v1/overlegorganen"), 401)


def test_a_decision_names_a_body_of_the_structure():
    ok = post_json("/v1/besluiten", {"orgaan": "BPB", "besluitDatum": "2025-11-20", "onderwerp": "Voortgang",
                                     "besluit": "Besproken met de eerste en tweede ring"}, PROGRAMMA)
    assert ok.status == 201, ok.body
    p = assert_problem(post_json("/v1/besluiten", {"orgaan": "Gemeenteraad", "besluitDatum": "2025-11-20",
                                                   "onderwerp": "X", "besluit": "Y"}, PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/orgaan"]
    r = request("GET", "/v1/besluiten?orgaan=BPB", PROGRAMMA)
    assert r.status == 200 and all(x["orgaan"] == "BPB" for x in r.json()["items"])


def test_the_budget_per_proeftuin_and_kind_of_cost():
    r = post_json("/v1/begroting", {"jaar": 2027, "post": "Proeftuinen", "proeftuin": "PT03",
                                    "kostensoort": "transformatie", "begrootEuro": 250000}, PROGRAMMA)
    assert r.status == 201, r.body
    assert r.json()["proeftuin"] == "PT03" and r.json()["kostensoort"] == "transformatie"
    p = assert_problem(post_json("/v1/begroting", {"jaar": 2027, "post": "Proeftuinen", "proeftuin": "PT03",
                                                   "kostensoort": "onderhoud", "begrootEuro": 1}, PROGRAMMA), 400)
    assert "/kostensoort" in [x["name"] for x in p["invalidParams"]]
