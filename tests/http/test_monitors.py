"""The two monitors: /v1/sectormonitor and /v1/transitiemonitor, public,
JSON, CSV and Excel, keyset pages, ETag, filters; refreshed by a load in the same
request; disclosure control per caller; the basisbouwstenen register feeds
the transition monitor."""
import csv
import io
import json
import subprocess
import urllib.parse

import pytest

from conftest import assert_problem, bearer, post_json, request, sql, token

PROGRAMMA = bearer(token(role="programma", sub="programmateam-monitor"))
PT01 = bearer(token(role="aanleveraar", org="PT01"))
PT03 = bearer(token(role="aanleveraar", org="PT03"))
OPDRACHTGEVER = bearer(token(role="opdrachtgever"))

# Two gemeenten in proeftuin PT01 (Amstelveen, Diemen), two outside
# (Delfzijl-area Eemsdelta GM1979, Het Hogeland GM1966), two half years.
VALUES = {("GM0362", "2024-H2"): 40, ("GM0384", "2024-H2"): 6, ("GM1979", "2024-H2"): 22,
          ("GM1966", "2024-H2"): 9, ("GM0362", "2025-H1"): 33, ("GM0384", "2025-H1"): 4,
          ("GM1979", "2025-H1"): 18, ("GM1966", "2025-H1"): 12}


def load(rows):
    r = request("POST", "/v1/waarnemingen", dict(PROGRAMMA, **{"Content-Type": "application/json"}),
                json.dumps(rows).encode())
    assert r.status == 201, r.body


def setup_module():
    r = post_json("/v1/indicatoren", {
        "code": "TEST_MONITOR", "naam": "Testindicator voor de monitors", "definitie": "test",
        "eenheid": "aantal", "soort": "outcome", "monitoringtype": "landelijk", "richting": "lager_beter",
        "validatiestatus": "gevalideerd", "validatieReden": "test", "thema": "effect_terugval"}, PROGRAMMA)
    assert r.status == 201, r.body
    assert r.json()["thema"] == "effect_terugval"
    load([{"indicator": "TEST_MONITOR", "gebied": g, "periode": p, "waarde": w, "status": "definitief",
           "bron": "test"} for (g, p), w in VALUES.items()])


def rows(path, headers=None):
    r = request("GET", path, headers or {})
    assert r.status == 200, r.body
    return {x["id"]: x for x in r.json()["items"]}


def test_sector_monitor_public_with_disclosure():
    got = rows("/v1/sectormonitor?indicator=TEST_MONITOR&periode=2025-H1")
    nl = got["TEST_MONITOR/2025-H1/NL"]
    # 33 + 4 + 18 + 12 = 67, published as 65; 2024-H2: 40 + 6 + 22 + 9 = 77 → 75
    assert (nl["waarde"], nl["geheimhouding"], nl["geaggregeerd"]) == (65, "afgerond", True)
    assert (nl["ledenGeleverd"], nl["ledenTotaal"]) == (4, 342)
    assert (nl["vorigePeriode"], nl["vorigeWaarde"], nl["verschilVorigePeriode"]) == ("2024-H2", 75, -10)
    assert nl["indicator"] == "TEST_MONITOR" and nl["thema"] == "effect_terugval"
    assert nl["teller"] is None and nl["noemer"] is None
    diemen = got["TEST_MONITOR/2025-H1/GM0384"]
    assert (diemen["waarde"], diemen["geheimhouding"], diemen["rang"]) == (None, "geheim", None)
    assert got["TEST_MONITOR/2025-H1/PT01"]["waarde"] == 35          # 33 + 4 = 37 → 35
    for x in got.values():
        assert x["waarde"] is None or (x["waarde"] >= 10 and x["waarde"] % 5 == 0), x


def test_sector_monitor_raw_for_the_programme_and_the_own_proeftuin():
    raw = rows("/v1/sectormonitor?indicator=TEST_MONITOR&periode=2025-H1", PROGRAMMA)
    assert raw["TEST_MONITOR/2025-H1/NL"]["waarde"] == 67
    assert raw["TEST_MONITOR/2025-H1/GM0384"]["waarde"] == 4
    assert raw["TEST_MONITOR/2025-H1/GM0384"]["rang"] == 1          # lowest is best
    own = rows("/v1/sectormonitor?indicator=TEST_MONITOR&gebied=PT01", PT01)
    assert own["TEST_MONITOR/2025-H1/PT01"]["waarde"] == 37
    for other in (PT03, OPDRACHTGEVER):
        seen = rows("/v1/sectormonitor?indicator=TEST_MONITOR&gebied=PT01", other)
        assert seen["TEST_MONITOR/2025-H1/PT01"]["waarde"] == 35


def test_prepared_statements_keep_each_callers_disclosure():
    """The monitors' statements stay prepared on the server's connections
    (api/db.c), planned once for every caller: each caller must still get
    its own disclosure control. Enough rounds that each connection runs
    each statement more than five times, when PostgreSQL may switch to a
    generic plan; callers alternate; two filter combinations."""
    own = "/v1/sectormonitor?indicator=TEST_MONITOR&periode=2025-H1&gebied=PT01"
    small = "/v1/sectormonitor?indicator=TEST_MONITOR&gebied=GM0384"
    for _ in range(25):
        for headers, want_own, want_small in ((PROGRAMMA, 37, (4, None)), ({}, 35, (None, "geheim")),
                                              (PT01, 37, (None, "geheim")), (PT03, 35, (None, "geheim")),
                                              (OPDRACHTGEVER, 35, (None, "geheim"))):
            assert rows(own, headers)["TEST_MONITOR/2025-H1/PT01"]["waarde"] == want_own
            got = rows(small, headers)["TEST_MONITOR/2025-H1/GM0384"]
            assert (got["waarde"], got["geheimhouding"]) == want_small


def test_sector_monitor_pages_etag_and_csv():
    path = "/v1/sectormonitor?indicator=TEST_MONITOR&limit=3"
    ids, nxt = [], path
    while nxt:
        r = request("GET", nxt)
        assert r.status == 200
        page = r.json()
        assert len(page["items"]) <= 3
        ids += [x["id"] for x in page["items"]]
        nxt = page["next"]
        if nxt:
            nxt = nxt[nxt.index("/v1/"):] if "/v1/" in nxt else nxt
    whole = request("GET", "/v1/sectormonitor?indicator=TEST_MONITOR&limit=500").json()["items"]
    assert ids == [x["id"] for x in whole] and len(ids) == len(set(ids)) > 6
    assert ids == sorted(ids)

    r = request("GET", "/v1/sectormonitor?indicator=TEST_MONITOR&gebied=NL")
    assert r.headers["etag"]
    assert request("GET", "/v1/sectormonitor?indicator=TEST_MONITOR&gebied=NL",
                   {"If-None-Match": r.headers["etag"]}).status == 304

    c = request("GET", "/v1/sectormonitor?indicator=TEST_MONITOR&periode=2025-H1", {"Accept": "text/csv"})
    assert c.status == 200 and c.content_type.startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(c.body.decode("utf-8-sig"), newline="")))
    byid = {x["id"]: x for x in table}
    assert byid["TEST_MONITOR/2025-H1/NL"]["waarde"] == "65"
    assert byid["TEST_MONITOR/2025-H1/GM0384"]["waarde"] == ""
    assert all(x["teller"] == "" for x in table)


XLSX = {"Accept": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def sheet_rows(r):
    import openpyxl
    ws = openpyxl.load_workbook(io.BytesIO(r.body)).active
    rows = list(ws.iter_rows(values_only=True))
    return ws, [dict(zip(rows[0], row)) for row in rows[1:]]


def test_the_monitors_as_excel_are_the_json_pages():
    for path in ("/v1/sectormonitor?indicator=TEST_MONITOR&limit=4",
                 "/v1/transitiemonitor?periode=2025-H1&limit=30"):
        page = request("GET", path).json()
        r = request("GET", path, XLSX)
        assert r.status == 200, r.body[:200]
        assert r.content_type == XLSX["Accept"]
        assert r.headers["content-disposition"].endswith('.xlsx"')
        ws, rows = sheet_rows(r)
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
        assert rows == page["items"], "every column, as the JSON has it, for a public caller"
        assert r.headers["link"] == '<%s>; rel="next"' % page["next"]
    # numbers are number cells; a withheld count is an empty cell with its reason
    _, rows = sheet_rows(request("GET", "/v1/sectormonitor?indicator=TEST_MONITOR&periode=2025-H1", XLSX))
    byid = {x["id"]: x for x in rows}
    assert byid["TEST_MONITOR/2025-H1/NL"]["waarde"] == 65
    assert byid["TEST_MONITOR/2025-H1/GM0384"]["waarde"] is None
    assert byid["TEST_MONITOR/2025-H1/GM0384"]["geheimhouding"] == "geheim"
    # the same figures give the same file
    a = request("GET", "/v1/sectormonitor?indicator=TEST_MONITOR&gebied=NL", XLSX)
    assert request("GET", "/v1/sectormonitor?indicator=TEST_MONITOR&gebied=NL",
                   dict(XLSX, **{"If-None-Match": a.headers["etag"]})).status == 304
    # only where a person would open it in Excel
    assert_problem(request("GET", "/v1/perioden", XLSX), 406)


def test_a_small_baseline_is_withheld_in_json_and_csv():
    """A nulmeting is a measurement: for a caller who does not see the area
    raw a small one is withheld and a larger one rounded, as the values
    are, in the monitor (the public) and in /v1/streefwaarden (members); a
    streefwaarde (a decision) is shown as decided; the programme sees both
    raw."""
    for gebied, soort, jaar, waarde in (("GM0384", "nulmeting", 2024, 7), ("GM1979", "nulmeting", 2024, 23),
                                        ("GM1979", "streefwaarde", 2026, 8)):
        r = post_json("/v1/streefwaarden", {"indicator": "TEST_MONITOR", "gebied": gebied, "jaar": jaar,
                                            "soort": soort, "waarde": waarde, "besluit": "test"}, PROGRAMMA)
        assert r.status == 201, r.body
    path = "/v1/sectormonitor?indicator=TEST_MONITOR&periode=2025-H1"
    public, raw = rows(path), rows(path, PROGRAMMA)
    assert public["TEST_MONITOR/2025-H1/GM0384"]["nulmeting"] is None
    assert (public["TEST_MONITOR/2025-H1/GM1979"]["nulmeting"],
            public["TEST_MONITOR/2025-H1/GM1979"]["streefwaarde"]) == (25, 8)
    assert (raw["TEST_MONITOR/2025-H1/GM0384"]["nulmeting"], raw["TEST_MONITOR/2025-H1/GM1979"]["nulmeting"]) \
        == (7, 23)
    c = request("GET", path, {"Accept": "text/csv"})
    byid = {x["id"]: x for x in csv.DictReader(io.StringIO(c.body.decode("utf-8-sig"), newline=""))}
    assert (byid["TEST_MONITOR/2025-H1/GM0384"]["nulmeting"], byid["TEST_MONITOR/2025-H1/GM1979"]["nulmeting"]) \
        == ("", "25")

    # /v1/streefwaarden shows them the same way to a member who does not
    # see those areas raw: an opdrachtgever, another proeftuin.
    sw = "/v1/streefwaarden?indicator=TEST_MONITOR&limit=100"
    for who in (OPDRACHTGEVER, PT03):
        got = {x["sleutel"]: (x["waarde"], x["geheimhouding"]) for x in request("GET", sw, who).json()["items"]}
        assert got == {"TEST_MONITOR/GM0384/2024/nulmeting": (None, "geheim"),
                       "TEST_MONITOR/GM1979/2024/nulmeting": (25, "afgerond"),
                       "TEST_MONITOR/GM1979/2026/streefwaarde": (8, None)}
    got = {x["sleutel"]: (x["waarde"], x["geheimhouding"]) for x in request("GET", sw, PROGRAMMA).json()["items"]}
    assert sorted(got.values()) == [(7, None), (8, None), (23, None)]
    c = request("GET", sw, dict(OPDRACHTGEVER, Accept="text/csv"))
    byid = {x["sleutel"]: x for x in csv.DictReader(io.StringIO(c.body.decode("utf-8-sig"), newline=""))}
    assert (byid["TEST_MONITOR/GM0384/2024/nulmeting"]["waarde"],
            byid["TEST_MONITOR/GM0384/2024/nulmeting"]["geheimhouding"]) == ("", "geheim")
    assert byid["TEST_MONITOR/GM1979/2024/nulmeting"]["waarde"] == "25"


def test_sector_monitor_bad_filters():
    for q, name in (("thema=veiligheid", "thema"), ("periode=2025-Q5", "periode"), ("gebied=XX01", "gebied"),
                    ("onbekend=1", "onbekend")):
        p = assert_problem(request("GET", "/v1/sectormonitor?" + q), 400)
        assert any(x["name"] == name for x in p["invalidParams"]), p
    assert_problem(request("POST", "/v1/sectormonitor", PROGRAMMA, b"{}"), 405)


def test_a_load_refreshes_the_monitors_at_once():
    load([{"indicator": "TEST_MONITOR", "gebied": "GM1966", "periode": "2025-H1", "waarde": 32,
           "status": "definitief", "bron": "test (correctie)"}])
    nl = rows("/v1/sectormonitor?indicator=TEST_MONITOR&gebied=NL&periode=2025-H1", PROGRAMMA)
    assert nl["TEST_MONITOR/2025-H1/NL"]["waarde"] == 87
    eff = rows("/v1/transitiemonitor?periode=2025-H1&onderdeel=effecten", PROGRAMMA)
    assert eff["2025-H1/effecten/TEST_MONITOR/overig/niveau"]["waarde"] == 50       # 18 + 32
    assert eff["2025-H1/effecten/TEST_MONITOR/proeftuinen/niveau"]["waarde"] == 37  # 33 + 4
    # counts of areas of different size are not compared: without a population basis no difference
    assert "2025-H1/effecten/TEST_MONITOR/verschil" not in eff, eff.keys()
    assert eff["2025-H1/effecten/TEST_MONITOR/proeftuinen/trend"]["waarde"] == -9   # 37 - 46


def test_transition_monitor_public_json_and_csv():
    got = rows("/v1/transitiemonitor?periode=2025-H1&limit=500")
    parts = {x["onderdeel"] for x in got.values()}
    assert parts >= {"effecten", "acties", "mijlpalen", "kennisopdrachten", "spreiding"}
    assert all(x["periode"] == "2025-H1" for x in got.values())
    pt = got["2025-H1/spreiding/1/gemeenten"]
    assert pt["groep"] == "proeftuinen" and pt["waarde"] > 0
    blind = [x for x in got.values() if x["maat"] == "blinde_vlek"]
    assert len(blind) == 6 and all(x["waarde"] in (0, 1) for x in blind)
    # effects are disclosure-controlled for the public, registers are not
    for x in got.values():
        if x["onderdeel"] == "effecten" and x["eenheid"] == "aantal" and x["waarde"] is not None:
            assert x["waarde"] % 5 == 0, x
    c = request("GET", "/v1/transitiemonitor?periode=2025-H1&onderdeel=acties", {"Accept": "text/csv"})
    table = list(csv.DictReader(io.StringIO(c.body.decode("utf-8-sig"), newline="")))
    assert len(table) == 7 * 3 * 3 and {x["onderdeel"] for x in table} == {"acties"}
    p = assert_problem(request("GET", "/v1/transitiemonitor?periode=2025-Q1"), 400)
    assert p["invalidParams"][0]["name"] == "periode"


def test_basisbouwstenen_feed_the_spread():
    def spread():
        return rows("/v1/transitiemonitor?periode=2026-H1&onderdeel=spreiding")[
            "2026-H1/spreiding/2/gemeenten"]["waarde"]
    before = spread()
    r = post_json("/v1/basisbouwstenen", {"gemeente": "GM1966", "geldigVan": "2026-01-01",
                                          "bron": "convenant (test)"}, PROGRAMMA)
    assert r.status == 201, r.body
    assert spread() == before + 1
    assert_problem(post_json("/v1/basisbouwstenen", {"gemeente": "GM1966", "geldigVan": "2026-03-01",
                                                     "bron": "dubbel"}, PROGRAMMA), 409)
    assert_problem(post_json("/v1/basisbouwstenen", {"gemeente": "NL", "geldigVan": "2026-03-01",
                                                     "bron": "x"}, PROGRAMMA), 400)
    assert_problem(post_json("/v1/basisbouwstenen", {"gemeente": "GM0363", "geldigVan": "2026-03-01",
                                                     "bron": "x"}, OPDRACHTGEVER), 403)
    assert spread() == before + 1


def test_every_stored_value_renders_in_every_format():
    """Text a spreadsheet would run or cannot hold as it is, and the largest
    number the table holds: JSON, CSV and Excel all answer, with the text as
    stored and CSV's formula guard on every start Excel runs."""
    texts = {"GM0014": "\r=1+1", "GM0034": "\t=2+2", "GM0037": "@SUM(A1)", "GM0047": "x\u0001y",
             "GM0050": "-3+4", "GM0059": "+5"}
    r = post_json("/v1/indicatoren", {"code": "TEST_RENDER", "naam": "Weergave", "definitie": "test",
                                      "eenheid": "euro", "soort": "output", "monitoringtype": "diagnostisch",
                                      "richting": "neutraal", "validatiestatus": "in_ontwikkeling",
                                      "bovengrens": 999999999999999}, PROGRAMMA)
    assert r.status == 201, r.body
    # the number as text: Python's JSON would send the double's shortest form (…998.9)
    rows = [json.dumps({"indicator": "TEST_RENDER", "gebied": g, "periode": "2024-H1", "waarde": 0,
                        "status": "voorlopig", "bron": t}).replace('"waarde": 0', '"waarde": 999999999999998.99')
            for g, t in texts.items()]
    r = request("POST", "/v1/waarnemingen", dict(PROGRAMMA, **{"Content-Type": "application/json"}),
                ("[" + ",".join(rows) + "]").encode())
    assert r.status == 201, r.body
    path = "/v1/sectormonitor?indicator=TEST_RENDER&periode=2024-H1&limit=1000"
    page = request("GET", path, PROGRAMMA)
    assert page.status == 200
    got = {x["gebied"]: x for x in page.json()["items"]}
    for g, t in texts.items():
        assert got[g]["bron"] == t and got[g]["waarde"] == 999999999999998.99
    assert b"999999999999998.99" in page.body
    c = request("GET", path, dict(PROGRAMMA, Accept="text/csv"))
    assert c.status == 200
    rows = {x["gebied"]: x for x in csv.DictReader(io.StringIO(c.body.decode("utf-8-sig"), newline=""))}
    for g, t in texts.items():
        assert rows[g]["bron"] == ("'" + t if t[0] in "=+-@\t\r" else t), (g, rows[g]["bron"])
        assert rows[g]["waarde"] == "999999999999998.99"
    x = request("GET", path, dict(PROGRAMMA, **XLSX))
    assert x.status == 200, x.body[:200]
    _, sheet = sheet_rows(x)
    cells = {row["gebied"]: row for row in sheet}
    for g, t in texts.items():
        # Excel's own escape for a control character (ECMA-376 ST_Xstring: _x000D_),
        # which Excel reads back as the character; openpyxl shows it as written
        assert cells[g]["bron"] == t.replace("\r", "_x000D_").replace("\u0001", "_x0001_"), g
        assert cells[g]["waarde"] == 999999999999998.99


def test_a_figure_stored_before_the_bounds_still_renders():
    """V025 bounds new figures; one stored before (1e400 households were
    accepted then) stays, and every output shows it: JSON and CSV with its
    digits, Excel as text (no cell holds it as a number)."""
    huge = "1" + "0" * 400
    # as a database from before V025: without the check, and without the triggers that
    # would check the bound (in one transaction: the constraint is back at its end)
    sql("ALTER TABLE monitoring.waarnemingen DROP CONSTRAINT waarnemingen_waarde_begrensd; "
        "SET session_replication_role = replica; "
        "INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, revisie, waarde, status, bron) "
        "VALUES ('BM_KINDEREN', 'GM0060', '2019', 1, 1e400, 'definitief', 'van voor de grenzen'); "
        "INSERT INTO mart.actueel (indicator_code, gebied_code, periode_code, revisie, waarde, status, bron, recorded_at) "
        "VALUES ('BM_KINDEREN', 'GM0060', '2019', 1, 1e400, 'definitief', 'van voor de grenzen', now()); "
        "SET session_replication_role = origin; "
        "ALTER TABLE monitoring.waarnemingen ADD CONSTRAINT waarnemingen_waarde_begrensd "
        "CHECK (abs(waarde) < 1e15) NOT VALID; "
        "COMMENT ON CONSTRAINT waarnemingen_waarde_begrensd ON monitoring.waarnemingen "
        "IS 'hoogstens 15 cijfers voor de komma'; "
        "SELECT mart.sectormonitor_verversen(ARRAY['BM_KINDEREN'], ARRAY['2019'])")
    page = request("GET", "/v1/waarnemingen?indicator=BM_KINDEREN&gebied=GM0060&periode=2019", PROGRAMMA)
    assert page.status == 200 and ('"waarde":%s' % huge).encode() in page.body
    path = "/v1/sectormonitor?indicator=BM_KINDEREN&periode=2019&gebied=GM0060"
    assert request("GET", path, PROGRAMMA).status == 200
    c = request("GET", path, dict(PROGRAMMA, Accept="text/csv"))
    assert c.status == 200 and huge.encode() in c.body
    x = request("GET", path, dict(PROGRAMMA, **XLSX))
    assert x.status == 200, x.body[:300]
    _, sheet = sheet_rows(x)
    assert sheet[0]["waarde"] == huge
    # and the public page, where it is rounded and withheld as any other
    assert request("GET", path).status == 200
    assert request("GET", path, XLSX).status == 200


def test_monitor_rows_say_whether_their_figure_is_for_accountability():
    rows = request("GET", "/v1/sectormonitor?gebied=NL&limit=1000").json()["items"]
    catalogue = {i["code"]: i for i in request("GET", "/v1/indicatoren?limit=1000").json()["items"]}
    assert rows
    for row in rows:
        assert row["validatiestatus"] == catalogue[row["indicator"]]["validatiestatus"]
        assert row["monitoringtype"] == catalogue[row["indicator"]]["monitoringtype"]
    validated = request("GET", "/v1/sectormonitor?gebied=NL&validatiestatus=gevalideerd&monitoringtype=landelijk"
                               "&limit=1000").json()["items"]
    assert validated and {r["indicator"] for r in validated} == \
        {r["indicator"] for r in rows if r["validatiestatus"] == "gevalideerd" and r["monitoringtype"] == "landelijk"}
    assert len(validated) < len(rows)
    r = request("GET", "/v1/sectormonitor?gebied=NL&validatiestatus=gevalideerd", {"Accept": "text/csv"})
    header = r.body.decode("utf-8-sig").splitlines()[0].split(",")
    assert "validatiestatus" in header and "monitoringtype" in header
    assert sql("SELECT count(*) FROM bi.sectormonitor WHERE validatiestatus IS NULL OR monitoringtype IS NULL") == "0"
    p = assert_problem(request("GET", "/v1/sectormonitor?validatiestatus=ja"), 400)
    assert p["invalidParams"][0]["name"] == "validatiestatus"


def test_a_target_relative_to_a_baseline():
    """'een aanmerkelijke vermindering' (programme plan §1.2): a target as a
    change in percent against a baseline; what it aims at follows from the
    baseline, and for a caller who does not see the area raw from the
    published baseline only (a withheld baseline withholds the target)."""
    def target(gebied, doc):
        return post_json("/v1/streefwaarden", dict({"indicator": "TEST_MONITOR", "gebied": gebied,
                                                    "besluit": "BOG 2024: een kwart minder"}, **doc), PROGRAMMA)
    # refused, each naming its field: no baseline yet, a baseline cannot be relative, a change beyond -100%
    p = assert_problem(target("GM0362", {"jaar": 2030, "soort": "streefwaarde", "vorm": "relatief", "basisjaar": 2023,
                                         "waarde": -25}), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/basisjaar"]
    p = assert_problem(target("GM0362", {"jaar": 2023, "soort": "nulmeting", "vorm": "relatief", "basisjaar": 2020,
                                         "waarde": 10}), 400)
    assert "/vorm" in [x["name"] for x in p["invalidParams"]]
    assert target("GM0362", {"jaar": 2023, "soort": "nulmeting", "waarde": 41}).status == 201
    for bad, field in (({"waarde": -120}, "/waarde"), ({"basisjaar": 2031}, "/basisjaar"),
                       ({"vorm": "procent"}, "/vorm")):
        doc = dict({"jaar": 2030, "soort": "streefwaarde", "vorm": "relatief", "basisjaar": 2023, "waarde": -25}, **bad)
        p = assert_problem(target("GM0362", doc), 400)
        assert field in [x["name"] for x in p["invalidParams"]], p
    r = target("GM0362", {"jaar": 2030, "soort": "streefwaarde", "vorm": "relatief", "basisjaar": 2023, "waarde": -25})
    assert r.status == 201, r.body
    got = r.json()
    assert (got["vorm"], got["basisjaar"], got["waarde"], got["doelwaarde"]) == ("relatief", 2023, -25, 30.75)
    # the monitor: the target and the distance to it, raw for the programme,
    # from the published baseline (41 -> 40) for everyone else
    path = "/v1/sectormonitor?indicator=TEST_MONITOR&periode=2025-H1&gebied=GM0362"
    raw = rows(path, PROGRAMMA)["TEST_MONITOR/2025-H1/GM0362"]
    public = rows(path)["TEST_MONITOR/2025-H1/GM0362"]
    assert (raw["streefwaarde"], raw["streefvorm"], raw["streefjaar"]) == (30.75, "relatief", 2030)
    assert raw["afstandTotStreefwaarde"] == 30.75 - raw["waarde"]
    assert (public["streefwaarde"], public["streefvorm"]) == (30, "relatief")
    # (a value withheld, here by secondary suppression, leaves no distance to work it out from)
    assert public["afstandTotStreefwaarde"] == (None if public["waarde"] is None else 30 - public["waarde"])
    # a small baseline is withheld, and so is a relative target on it, however large the change
    assert target("GM0384", {"jaar": 2028, "soort": "streefwaarde", "vorm": "relatief", "basisjaar": 2024,
                             "waarde": 1000}).status == 201
    path = "/v1/sectormonitor?indicator=TEST_MONITOR&periode=2025-H1&gebied=GM0384"
    assert rows(path, PROGRAMMA)["TEST_MONITOR/2025-H1/GM0384"]["streefwaarde"] == 77
    assert rows(path)["TEST_MONITOR/2025-H1/GM0384"]["streefwaarde"] is None
    got = {x["sleutel"]: x["doelwaarde"] for x in
           request("GET", "/v1/streefwaarden?indicator=TEST_MONITOR&gebied=GM0384", OPDRACHTGEVER).json()["items"]}
    assert got["TEST_MONITOR/GM0384/2028/streefwaarde"] is None
    # a baseline a relative target rests on stays
    with pytest.raises(subprocess.CalledProcessError):
        sql("DELETE FROM monitoring.streefwaarden WHERE indicator_code = 'TEST_MONITOR' AND gebied_code = 'GM0362' "
            "AND soort = 'nulmeting'")


def test_half_years_and_years_from_quarters_by_the_indicators_rule():
    """The basismonitoring arrives per quarter, the report is per half year:
    a flow sums its quarters, a stand takes the last, a ratio divides the
    summed tellers by the summed noemers, a mean weighs by its noemer; a
    period with a quarter missing is incomplete (no value, its coverage
    said), and a value delivered for the half year itself wins."""
    for code, eenheid, aggregatie, regel in (("TEST_KW_NIEUW", "aantal", "som", None),
                                             ("TEST_KW_LOPEND", "aantal", "som", "stand"),
                                             ("TEST_KW_PCT", "percentage", "ratio", None),
                                             ("TEST_KW_DAGEN", "dagen", "ratio", None)):
        doc = {"code": code, "naam": "Kwartaaltest", "definitie": "test", "eenheid": eenheid, "soort": "output",
               "monitoringtype": "landelijk", "richting": "neutraal", "aggregatie": aggregatie,
               "validatiestatus": "in_ontwikkeling"}
        if regel:
            doc["tijdregel"] = regel
        assert post_json("/v1/indicatoren", doc, PROGRAMMA).status == 201

    def row(ind, periode, gebied="PT05"):
        return {"indicator": ind, "gebied": gebied, "periode": periode, "status": "definitief", "bron": "kwartaal"}
    load([dict(row("TEST_KW_NIEUW", q), waarde=w) for q, w in (("2024-Q1", 10), ("2024-Q2", 15), ("2024-Q3", 20))] +
         [dict(row("TEST_KW_LOPEND", q), waarde=w) for q, w in (("2024-Q1", 30), ("2024-Q2", 35))] +
         [dict(row("TEST_KW_PCT", q), waarde=w, teller=t, noemer=n)
          for q, w, t, n in (("2024-Q1", 25, 10, 40), ("2024-Q2", 50, 30, 60))] +
         [dict(row("TEST_KW_DAGEN", q), waarde=w, teller=w * n, noemer=n)
          for q, w, n in (("2024-Q1", 10, 4), ("2024-Q2", 20, 6))] +
         [dict(row("TEST_KW_NIEUW", q, "PT06"), waarde=w) for q, w in (("2024-Q1", 50), ("2024-Q2", 50), ("2024-H1", 120))])

    def monitor(ind, gebied="PT05"):
        got = request("GET", "/v1/sectormonitor?indicator=%s&gebied=%s&limit=100" % (ind, gebied), PROGRAMMA)
        return {x["periode"]: x for x in got.json()["items"]}
    nieuw = monitor("TEST_KW_NIEUW")
    h1, h2, jaar = nieuw["2024-H1"], nieuw["2024-H2"], nieuw["2024"]
    assert (h1["waarde"], h1["kwartalenGeleverd"], h1["kwartalenTotaal"]) == (25, 2, 2)
    assert h1["bron"] == "kwartaal; afgeleid uit 2 van 2 kwartalen (stroom)", "the quarters' source, and how"
    assert (h2["waarde"], h2["kwartalenGeleverd"], h2["kwartalenTotaal"]) == (None, 1, 2), "incomplete, not lower"
    assert h2["rang"] is None and h2["bron"] == "kwartaal; onvolledig: 1 van 2 kwartalen"
    assert (jaar["waarde"], jaar["kwartalenGeleverd"], jaar["kwartalenTotaal"]) == (None, 3, 4)
    assert nieuw["2024-Q1"]["kwartalenTotaal"] is None, "a quarter is as delivered"
    assert monitor("TEST_KW_LOPEND")["2024-H1"]["waarde"] == 35, "a stand is its last quarter"
    pct = monitor("TEST_KW_PCT")["2024-H1"]
    assert (pct["waarde"], pct["teller"], pct["noemer"]) == (40, 40, 100), "summed tellers over summed noemers"
    assert monitor("TEST_KW_DAGEN")["2024-H1"]["waarde"] == 16, "(10 x 4 + 20 x 6) / 10"
    direct = monitor("TEST_KW_NIEUW", "PT06")["2024-H1"]
    assert (direct["waarde"], direct["kwartalenTotaal"]) == (120, None), "a delivered half year wins"
    # a later quarter completes the half year at once, in the loader's own request
    load([dict(row("TEST_KW_NIEUW", "2024-Q4"), waarde=5)])
    nieuw = monitor("TEST_KW_NIEUW")
    assert (nieuw["2024-H2"]["waarde"], nieuw["2024"]["waarde"]) == (25, 50)
    # the public sees the derived value controlled like any other (rounded counts, small ones withheld)
    public = {x["periode"]: x for x in request("GET", "/v1/sectormonitor?indicator=TEST_KW_NIEUW&gebied=PT05").json()["items"]}
    assert public["2024"]["waarde"] == 50
    # H1 (25) is published rounded, or withheld: Q4 (5) is withheld, and with H2, Q3 and the year published
    # it would follow by subtraction (secondary suppression); never shown otherwise
    assert (public["2024-H1"]["waarde"], public["2024-H1"]["geheimhouding"]) in ((25, "afgerond"), (None, "geheim"))
    assert (public["2024-Q4"]["waarde"], public["2024-Q4"]["geheimhouding"]) == (None, "geheim")
    shown = [public[p]["waarde"] for p in ("2024-Q3", "2024-H2") if public[p]["waarde"] is not None]
    assert len(shown) < 2, "Q3 and H2 both published give Q4 = H2 - Q3"
    assert sql("SELECT count(*) FROM bi.sectormonitor WHERE indicator_code = 'TEST_KW_NIEUW' "
               "AND kwartalen_totaal IS NOT NULL AND gebied_code IN ('PT05', 'PT06')") == "4"


def test_a_derived_stand_or_mean_is_controlled_and_in_its_unit():
    """A percentage as a stand keeps its last quarter's noemer, so a small
    one is withheld in the half year too; a mean of percentages stays in
    percent (two quarters at 50 % are 50, not 5000)."""
    for code, regel in (("TEST_KW_PCT_STAND", "stand"), ("TEST_KW_PCT_GEM", "gemiddelde")):
        assert post_json("/v1/indicatoren", {
            "code": code, "naam": "Kwartaaltest", "definitie": "test", "eenheid": "percentage", "soort": "output",
            "monitoringtype": "landelijk", "richting": "neutraal", "aggregatie": "ratio", "tijdregel": regel,
            "validatiestatus": "in_ontwikkeling"}, PROGRAMMA).status == 201
    load([{"indicator": "TEST_KW_PCT_STAND", "gebied": "PT07", "periode": q, "waarde": 50, "teller": 2, "noemer": 4,
           "status": "definitief", "bron": "k"} for q in ("2024-Q1", "2024-Q2")] +
         [{"indicator": "TEST_KW_PCT_GEM", "gebied": "PT07", "periode": q, "waarde": 50, "teller": 10, "noemer": 20,
           "status": "definitief", "bron": "k"} for q in ("2024-Q1", "2024-Q2")])
    path = "/v1/sectormonitor?indicator=%s&gebied=PT07&periode=2024-H1"
    raw = request("GET", path % "TEST_KW_PCT_STAND", PROGRAMMA).json()["items"][0]
    assert (raw["waarde"], raw["teller"], raw["noemer"]) == (50, 2, 4)
    public = request("GET", path % "TEST_KW_PCT_STAND").json()["items"][0]
    assert (public["waarde"], public["geheimhouding"]) == (None, "geheim"), "withheld as its quarters are"
    mean = request("GET", path % "TEST_KW_PCT_GEM", PROGRAMMA).json()["items"][0]
    assert (mean["waarde"], mean["teller"], mean["noemer"]) == (50, 20, 40)
