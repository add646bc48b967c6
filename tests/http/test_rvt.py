"""The RVT variants over HTTP: scores per criterion, weightings as
decisions (concept, established, then fixed), design choices, and the
ranking under one weighting beside another."""
from conftest import assert_problem, bearer, post_json, request, token

PROGRAMMA = bearer(token(role="programma", sub="programmateam-rvt"))
CRITERIA = ["doelen_programma", "toekomstbestendigheid", "uitvoerbaarheid", "bestuurbaarheid", "kwaliteit",
            "doelmatigheid"]


def test_variants_scored_and_ranked_under_two_weightings():
    for code, naam in (("V41", "Centraal aangestuurd"), ("V42", "Regionaal aangestuurd")):
        r = post_json("/v1/rvt-varianten", {"code": code, "naam": naam,
                                            "ontwerpkeuzes": {"aansturing": naam.split()[0].lower(),
                                                              "regio_indeling": "42 jeugdregio's"}}, PROGRAMMA)
        assert r.status == 201, r.body
        assert r.json()["ontwerpkeuzes"]["regio_indeling"] == "42 jeugdregio's"
    for v, sterk in (("V41", "uitvoerbaarheid"), ("V42", "kwaliteit")):
        for c in CRITERIA:
            s = post_json("/v1/rvt-scores", {"variant": v, "criterium": c, "score": 5 if c == sterk else 3,
                                             "toelichting": "toets"}, PROGRAMMA)
            assert s.status == 201, s.body
    w = post_json("/v1/rvt-wegingen", {"naam": "Kwaliteit voorop", "gewichten": dict(
        {c: 1 for c in CRITERIA}, kwaliteit=5)}, PROGRAMMA)
    assert w.status == 201, w.body
    assert w.json()["status"] == "concept" and w.json()["gewichten"]["kwaliteit"] == 5
    wid = w.json()["id"]
    r = request("GET", "/v1/rvt-rangorde?weging=%d&vergelijkMet=1&limit=1000" % wid, PROGRAMMA)
    assert r.status == 200, r.body
    rows = {x["variant"]: x for x in r.json()["items"]}
    assert rows["V42"]["totaal"] == 4.0 and rows["V41"]["totaal"] == 3.2
    assert rows["V42"]["rang"] < rows["V41"]["rang"]
    assert rows["V41"]["vergelijkMet"] == 1 and rows["V41"]["totaalVergelijk"] == rows["V42"]["totaalVergelijk"]
    assert rows["V42"]["verschuiving"] >= 0 and rows["V41"]["verschuiving"] <= 0


def test_an_established_weighting_never_changes():
    w = post_json("/v1/rvt-wegingen", {"naam": "Vast", "gewichten": {c: 1 for c in CRITERIA}}, PROGRAMMA)
    path = "/v1/rvt-wegingen/%d" % w.json()["id"]
    b = post_json("/v1/besluiten", {"orgaan": "BOG", "besluitDatum": "2026-03-01", "onderwerp": "Weging",
                                    "besluit": "Vastgesteld"}, PROGRAMMA)
    g = request("GET", path, PROGRAMMA)
    p = assert_problem(post_json(path, {"status": "vastgesteld"}, dict(PROGRAMMA, **{"If-Match": g.headers["etag"]}),
                                 "PATCH"), 400)
    assert "/besluit" in [x["name"] for x in p["invalidParams"]] or "/status" in [x["name"] for x in p["invalidParams"]]
    u = post_json(path, {"status": "vastgesteld", "besluit": b.json()["id"], "gewichten": dict(
        {c: 1 for c in CRITERIA}, doelmatigheid=2)}, dict(PROGRAMMA, **{"If-Match": g.headers["etag"]}), "PATCH")
    assert u.status == 200, u.body
    assert u.json()["status"] == "vastgesteld" and u.json()["gewichten"]["doelmatigheid"] == 2
    p = assert_problem(post_json(path, {"gewichten": {c: 1 for c in CRITERIA}},
                                 dict(PROGRAMMA, **{"If-Match": u.headers["etag"]}), "PATCH"), 409)
    assert [x["name"] for x in p["invalidParams"]] == ["/gewichten"]
    p = assert_problem(post_json("/v1/rvt-wegingen", {"naam": "Fout", "gewichten": {"kleur": 1}}, PROGRAMMA), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/gewichten"]


def test_the_ranking_is_for_members_and_needs_a_weighting():
    assert_problem(request("GET", "/v1/rvt-rangorde?weging=1"), 401)
    p = assert_problem(request("GET", "/v1/rvt-rangorde", PROGRAMMA), 400)
    assert p["invalidParams"][0]["name"] == "weging"
