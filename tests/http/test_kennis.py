"""Knowledge over HTTP: the programme names the categories of the aard of
knowledge and links an assignment to them, to the results it serves and to
the decisions it informed; anyone reads the blind spots (totals only)."""
from conftest import assert_problem, bearer, post_json, request, token

PROGRAMMA = bearer(token(role="programma", sub="programmateam-kennis"))


def cell(dimensie, resultaat, categorie):
    r = request("GET", "/v1/blinde-vlekken?dimensie=%s&resultaat=%d&limit=1000" % (dimensie, resultaat))
    assert r.status == 200, r.body
    return next(x for x in r.json()["items"] if x["categorie"] == categorie)


def test_an_assignment_with_its_aard_results_and_decisions_shows_in_the_blind_spots():
    a = post_json("/v1/kennisaarden", {"code": "werkzame_elementen", "naam": "Werkzame elementen"}, PROGRAMMA)
    assert a.status == 201, a.body
    assert a.headers["location"] == "/v1/kennisaarden/werkzame_elementen"
    before = cell("aard", 6, "werkzame_elementen")
    assert before["aantal"] == 0 and before["leeg"] is True
    b = post_json("/v1/besluiten", {"orgaan": "AOG", "besluitDatum": "2025-06-01", "onderwerp": "Kennisagenda",
                                    "besluit": "Vastgesteld"}, PROGRAMMA)
    assert b.status == 201, b.body
    k = post_json("/v1/kennisopdrachten", {"titel": "Wat werkt in een veilig stelsel?", "horizon": 3,
                                           "gelaagdheid": "systemisch", "cyclusfase": "wegen",
                                           "makelaarsrol": "co_creeren", "aard": "werkzame_elementen",
                                           "resultaten": [6], "besluiten": [b.json()["id"]]}, PROGRAMMA)
    assert k.status == 201, k.body
    assert k.json()["aard"] == "werkzame_elementen" and k.json()["besluiten"] == [b.json()["id"]]
    after = cell("aard", 6, "werkzame_elementen")
    assert after["aantal"] == 1 and after["dun"] is True and after["leeg"] is False
    assert cell("horizon", 6, "3")["aantal"] >= 1


def test_the_blind_spots_are_public_and_filter_on_empty_and_thin():
    r = request("GET", "/v1/blinde-vlekken?blind=true&limit=1000")
    assert r.status == 200 and r.json()["items"]
    assert all(x["leeg"] or x["dun"] for x in r.json()["items"])
    assert {x["dimensie"] for x in request("GET", "/v1/blinde-vlekken?limit=1000").json()["items"]} == {
        "horizon", "gelaagdheid", "cyclusfase", "makelaarsrol", "aard"}
    assert_problem(request("GET", "/v1/blinde-vlekken?dimensie=kleur"), 400)
    # the categories themselves, like the registers, are for members
    assert_problem(request("GET", "/v1/kennisaarden"), 401)


def test_an_unknown_aard_or_decision_is_named():
    p = assert_problem(post_json("/v1/kennisopdrachten", {"titel": "X", "horizon": 1, "gelaagdheid": "tactisch",
                                                           "cyclusfase": "delen", "makelaarsrol": "vertalen",
                                                           "besluiten": [999999]}, PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/besluiten"]
    p = assert_problem(post_json("/v1/kennisopdrachten", {"titel": "X", "horizon": 1, "gelaagdheid": "tactisch",
                                                           "cyclusfase": "delen", "makelaarsrol": "vertalen",
                                                           "aard": "bestaat_niet"}, PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/aard"]
