"""The helikopterblik over HTTP: the programme links projects, products,
actions and knowledge assignments to the results they serve, directly or
indirectly, with the envelope every register write has (If-Match, named
fields); the public reads the volume per result in the transition
monitor, with what is not linked yet and the thinnest result named."""
import datetime

from conftest import assert_problem, bearer, post_json, request, token

PROGRAMMA = bearer(token(role="programma", sub="programmateam-heli"))


def half_year():
    d = datetime.date.today()
    return "%d-H%d" % (d.year, 1 if d.month <= 6 else 2)


def rows(**filters):
    q = "&".join("%s=%s" % kv for kv in filters.items())
    r = request("GET", "/v1/transitiemonitor?onderdeel=helikopterblik&periode=%s&limit=1000&%s" % (half_year(), q))
    assert r.status == 200, r.body
    return r.json()["items"]


def volume(resultaat, groep, maat):
    return sum(x["waarde"] for x in rows() if x["resultaat"] == resultaat and x["groep"] == groep
               and x["maat"] == maat)


def test_a_project_serves_results_directly_and_indirectly():
    path = "/v1/projecten/AL1-P3"
    before = volume(4, "projecten", "direct"), volume(6, "projecten", "indirect")
    g = request("GET", path, PROGRAMMA)
    assert g.status == 200 and g.json()["resultaten"] == [] and g.json()["indirecteResultaten"] == []
    u = post_json(path, {"resultaten": [4], "indirecteResultaten": [6]},
                  dict(PROGRAMMA, **{"If-Match": g.headers["etag"]}), "PATCH")
    assert u.status == 200, u.body
    assert u.json()["resultaten"] == [4] and u.json()["indirecteResultaten"] == [6]
    assert u.json()["versie"] != g.json()["versie"]
    # the public monitor follows in the same transaction
    assert (volume(4, "projecten", "direct"), volume(6, "projecten", "indirect")) == (before[0] + 1, before[1] + 1)
    # a result is served one way: moving 6 to direct takes it out of the indirect list
    u2 = post_json(path, {"resultaten": [4, 6]}, dict(PROGRAMMA, **{"If-Match": u.headers["etag"]}), "PATCH")
    assert u2.status == 200 and u2.json()["resultaten"] == [4, 6] and u2.json()["indirecteResultaten"] == []


def test_links_are_validated_and_named():
    g = request("GET", "/v1/projecten/AL1-P4", PROGRAMMA)
    etag = dict(PROGRAMMA, **{"If-Match": g.headers["etag"]})
    p = assert_problem(post_json("/v1/projecten/AL1-P4", {"resultaten": [2], "indirecteResultaten": [2]}, etag,
                                 "PATCH"), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/indirecteResultaten"]
    p = assert_problem(post_json("/v1/projecten/AL1-P4", {"indirecteResultaten": [7, "x"]}, etag, "PATCH"), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/indirecteResultaten"]
    # nothing changed
    assert request("GET", "/v1/projecten/AL1-P4", PROGRAMMA).headers["etag"] == g.headers["etag"]
    # only the programme links
    assert_problem(post_json("/v1/projecten/AL1-P4", {"resultaten": [2]},
                             dict(bearer(token(role="opdrachtgever")), **{"If-Match": g.headers["etag"]}),
                             "PATCH"), 403)


def test_a_new_product_and_action_with_their_results():
    r = post_json("/v1/producten", {"actielijn": "AL2", "naam": "Helikopterproduct", "resultaten": [6],
                                    "indirecteResultaten": [4]}, PROGRAMMA)
    assert r.status == 201, r.body
    assert r.json()["resultaten"] == [6] and r.json()["indirecteResultaten"] == [4]
    a = post_json("/v1/acties", {"titel": "Helikopteractie", "niveau": "governance", "soort": "transitiebevorderend",
                                 "indirecteResultaten": [5]}, PROGRAMMA)
    assert a.status == 201, a.body
    assert a.json()["resultaten"] == [] and a.json()["indirecteResultaten"] == [5]


def test_the_public_helikopterblik_names_what_is_not_linked_and_the_thinnest_result():
    items = rows()
    assert items and all(x["onderdeel"] == "helikopterblik" for x in items)
    assert {x["groep"] for x in items if x["maat"] != "minste_volume"} == {"projecten", "producten", "acties",
                                                                          "kennisopdrachten"}
    unlinked = [x for x in items if x["maat"] == "niet_gekoppeld"]
    assert unlinked and all(x["resultaat"] is None for x in unlinked)
    assert sum(x["waarde"] for x in unlinked if x["groep"] == "projecten") > 0
    thinnest = [x for x in items if x["maat"] == "minste_volume"]
    assert thinnest
    volumes = {}
    for x in items:
        if x["maat"] in ("direct", "indirect"):
            volumes[x["resultaat"]] = volumes.get(x["resultaat"], 0) + x["waarde"]
    least = min(volumes.values())
    assert {x["resultaat"] for x in thinnest} == {k for k, v in volumes.items() if v == least}
    assert all(x["waarde"] == least for x in thinnest)
    # actions by level
    assert {x["niveau"] for x in items if x["groep"] == "acties"} == {"governance", "organisaties", "professionals"}
