"""Half-year progress reports: established once by the programme, public,
frozen exactly (content and hash unchanged after corrections), JSON and CSV."""
import csv
import datetime
import io
import json
import time

from conftest import assert_problem, bearer, patch_read, post_json, request, sql, token

PROGRAMMA = bearer(token(role="programma", sub="programmateam-kamer"))


def load(rows):
    r = request("POST", "/v1/waarnemingen", dict(PROGRAMMA, **{"Content-Type": "application/json"}),
                json.dumps(rows).encode())
    assert r.status == 201, r.body


def setup_module():
    for code, eenheid in (("TEST_KAMER", "aantal"), ("TEST_KAMER_KLEIN", "aantal")):
        r = post_json("/v1/indicatoren", {
            "code": code, "naam": "Testindicator voor de Kamer", "definitie": "test",
            "eenheid": eenheid, "soort": "outcome", "monitoringtype": "landelijk", "richting": "lager_beter",
            "validatiestatus": "gevalideerd", "validatieReden": "gevalideerd voor de test"}, PROGRAMMA)
        assert r.status == 201, r.body
    load([{"indicator": "TEST_KAMER", "gebied": "NL", "periode": p, "waarde": w, "status": "definitief",
           "bron": "CBS (test)"} for p, w in (("2024-H2", 1000), ("2025-H1", 1102), ("2025-H2", 1234))] +
         [{"indicator": "TEST_KAMER_KLEIN", "gebied": "NL", "periode": "2025-H2", "waarde": 7,
           "status": "voorlopig", "bron": "test"}])


def test_establish_read_and_frozen():
    r = post_json("/v1/voortgangsrapportages", {"periode": "2025-H2"}, PROGRAMMA)
    assert r.status == 201, r.body
    assert r.headers["location"] == "/v1/voortgangsrapportages/2025-H2"
    report = r.json()
    assert len(report["inhoudHash"]) == 64
    rows = {c["indicator"]: c for c in report["inhoud"]["cijfers"]}
    kamer = rows["TEST_KAMER"]
    assert kamer["waarde"] == 1235 and kamer["status"] == "definitief"     # rounded to 5
    assert kamer["vorigePeriode"] == {"periode": "2025-H1", "waarde": 1100}
    assert kamer["jaarEerder"] == {"periode": "2024-H2", "waarde": 1000}
    assert kamer["verschilJaarEerder"] == 235 and kamer["verschilJaarEerderProcent"] == 23.5
    assert rows["TEST_KAMER_KLEIN"]["waarde"] is None, "a small count is never published"
    assert rows["TEST_KAMER_KLEIN"]["geheimhouding"] == "geheim"
    assert report["inhoud"]["onthullingsdrempel"] == 10, "the threshold it was established under"
    # the transition monitor's half year, as published, in the report
    summary = report["inhoud"]["transitiemonitor"]
    parts = {x["onderdeel"] for x in summary}
    assert {"acties", "mijlpalen", "kennisopdrachten", "spreiding"} <= parts, parts
    assert all("id" not in x and "periode" not in x and "maat" in x for x in summary)
    for x in summary:
        if x["onderdeel"] == "effecten" and x["eenheid"] == "aantal" and x.get("waarde") is not None:
            assert x["waarde"] % 5 == 0, x

    assert_problem(post_json("/v1/voortgangsrapportages", {"periode": "2025-H2"}, PROGRAMMA), 409)

    # A correction afterwards changes the figures, never the report.
    load([{"indicator": "TEST_KAMER", "gebied": "NL", "periode": "2025-H2", "waarde": 1500,
           "status": "definitief", "bron": "CBS (correctie)"}])
    public = request("GET", "/v1/voortgangsrapportages/2025-H2")
    assert public.status == 200
    assert public.json() == report
    assert public.headers["etag"]
    listed = request("GET", "/v1/voortgangsrapportages").json()["items"]
    assert {"periode": "2025-H2", "vastgesteldOp": report["vastgesteldOp"],
            "inhoudHash": report["inhoudHash"]} in listed

    r = request("GET", "/v1/voortgangsrapportages/2025-H2", {"Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(r.body.decode("utf-8-sig"), newline="")))
    kamer = [x for x in rows if x["indicator"] == "TEST_KAMER"][0]
    assert kamer["waarde"] == "1235" and kamer["jaarEerderWaarde"] == "1000"
    assert kamer["geheimhouding"] == "afgerond"
    klein = [x for x in rows if x["indicator"] == "TEST_KAMER_KLEIN"][0]
    assert klein["waarde"] == "" and klein["geheimhouding"] == "geheim", "withheld, not missing"


def test_refusals():
    assert_problem(post_json("/v1/voortgangsrapportages", {"periode": "2025-H1"},
                             bearer(token(role="opdrachtgever"))), 403)
    assert_problem(post_json("/v1/voortgangsrapportages", {"periode": "2025-H1"}, {}), 401)
    p = assert_problem(post_json("/v1/voortgangsrapportages", {"periode": "2034-H1"}, PROGRAMMA), 400)
    assert p["invalidParams"][0]["name"] == "/periode"
    assert_problem(post_json("/v1/voortgangsrapportages", {"periode": "2025-Q1"}, PROGRAMMA), 400)
    assert_problem(request("GET", "/v1/voortgangsrapportages/2019-H1"), 404)
    assert_problem(request("GET", "/v1/voortgangsrapportages/2019-H1", {"Accept": "text/csv"}), 404)


def test_excel_has_the_same_numbers_as_the_json():
    import openpyxl
    report = request("GET", "/v1/voortgangsrapportages/2025-H2").json()
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    r = request("GET", "/v1/voortgangsrapportages/2025-H2", {"Accept": xlsx})
    assert r.status == 200, r.body[:300]
    assert r.content_type == xlsx
    assert 'filename="voortgangsrapportage-2025-H2.xlsx"' in r.headers["content-disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(r.body))
    assert wb.sheetnames == ["Cijfers", "Transitiemonitor", "Weggelaten", "Toelichting"]
    left_out = [dict(zip([c.value for c in wb["Weggelaten"][1]], row))
                for row in wb["Weggelaten"].iter_rows(min_row=2, values_only=True)]
    assert [(x["Indicator"], x["Reden"]) for x in left_out] == \
        [(x["indicator"], x["reden"]) for x in report["inhoud"]["weggelaten"]]
    sheet = wb["Cijfers"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Indicator", "Naam", "Eenheid", "Gebied", "Waarde"]
    col = {name: i for i, name in enumerate(header)}
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    for c in report["inhoud"]["cijfers"]:
        row = rows[c["indicator"]]
        assert row[col["Gebied"]] == c.get("gebied", "NL")
        assert row[col["Waarde"]] == c["waarde"]
        assert row[col["Waarde vorige periode"]] == c["vorigePeriode"]["waarde"]
        assert row[col["Waarde jaar eerder"]] == c["jaarEerder"]["waarde"]
        assert row[col["Geheimhouding"]] == c["geheimhouding"], "a withheld value is told from a missing one"
        assert row[col["Per 1.000"]] == c.get("per1000")
        assert row[col["Kwartalen geleverd"]] == c.get("kwartalenGeleverd")
    assert rows["TEST_KAMER_KLEIN"][col["Waarde"]] is None and rows["TEST_KAMER_KLEIN"][col["Geheimhouding"]] == "geheim"
    assert sheet["E2"].number_format in ("#,##0", "#,##0.0")
    transitie = wb["Transitiemonitor"]
    header = [c.value for c in transitie[1]]
    entries = report["inhoud"]["transitiemonitor"]
    assert entries, "the demo report has a transition monitor summary"
    rows = list(transitie.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(entries)
    for row, entry in zip(rows, entries):
        got = dict(zip(header, row))
        assert got["Onderdeel"] == entry["onderdeel"] and got["Maat"] == entry["maat"]
        assert got["Waarde"] == entry.get("waarde")
        assert got["Geheimhouding"] == entry.get("geheimhouding")
        assert got["Gewenst resultaat"] == entry.get("resultaat")
    toelichting = wb["Toelichting"]
    assert toelichting["B3"].value == report["inhoudHash"]
    explained = [c.value for c in toelichting["B"] if "Onthullingscontrole" in (c.value or "")]
    assert len(explained) == 1 and "minder dan 10 waarnemingen" in explained[0], explained


def test_excel_is_the_same_file_at_every_download_and_ready_to_print():
    import openpyxl
    from openpyxl.utils import get_column_letter
    path = "/v1/voortgangsrapportages/2025-H2"
    xlsx = {"Accept": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    report = request("GET", path).json()
    first = request("GET", path, xlsx)
    time.sleep(1.05 - time.time() % 1)      # into the next second: a file stamped at download would differ
    second = request("GET", path, xlsx)
    assert first.status == second.status == 200
    assert first.body == second.body, "an archived copy can be checked against the API"
    assert first.headers["etag"] == second.headers["etag"]
    assert request("GET", path, dict(xlsx, **{"If-None-Match": first.headers["etag"]})).status == 304
    wb = openpyxl.load_workbook(io.BytesIO(first.body))
    established = datetime.datetime.fromisoformat(report["vastgesteldOp"].replace("Z", "+00:00"))
    assert wb.properties.created == established.replace(microsecond=0, tzinfo=None)
    assert wb.properties.title == "Voortgangsrapportage 2025-H2"
    assert report["inhoudHash"] in wb.properties.description
    for name in ("Cijfers", "Transitiemonitor"):
        sheet = wb[name]
        assert sheet.max_row > 1, name
        assert sheet.freeze_panes == "A2", "the header stays in view"
        assert sheet.auto_filter.ref == "A1:%s%d" % (get_column_letter(sheet.max_column), sheet.max_row)
        assert sheet.print_title_rows == "$1:$1", "the header heads every printed page"
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9    # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0
        assert "Voortgangsrapportage 2025-H2" in sheet.oddFooter.left.text


def test_excel_of_a_report_without_figures_says_why():
    import openpyxl
    xlsx = {"Accept": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    validated = [i["code"] for i in request("GET", "/v1/indicatoren?limit=1000").json()["items"]
                 if i["monitoringtype"] == "landelijk" and i["validatiestatus"] == "gevalideerd"]
    assert validated, "setup_module validated some"
    try:
        for code in validated:
            r = patch_read("/v1/indicatoren/" + code, {"validatiestatus": "in_ontwikkeling",
                                                       "validatieReden": "even niet"}, PROGRAMMA)
            assert r.status == 200, r.body
        r = post_json("/v1/voortgangsrapportages", {"periode": "2023-H1"}, PROGRAMMA)
        assert r.status == 201, r.body
        assert r.json()["inhoud"]["cijfers"] == []
    finally:
        for code in validated:
            patch_read("/v1/indicatoren/" + code, {"validatiestatus": "gevalideerd", "validatieReden": "weer wel"},
                       PROGRAMMA)
    why = "Deze rapportage heeft geen cijfers"
    wb = openpyxl.load_workbook(io.BytesIO(request("GET", "/v1/voortgangsrapportages/2023-H1", xlsx).body))
    assert wb["Cijfers"].max_row == 1
    assert wb["Toelichting"]["B5"].value.startswith(why), "first of the explanation"
    full = openpyxl.load_workbook(io.BytesIO(request("GET", "/v1/voortgangsrapportages/2025-H2", xlsx).body))
    assert not any(why in (c.value or "") for c in full["Toelichting"]["B"])


def test_a_trial_run_shows_the_report_and_establishes_nothing():
    path = "/v1/voortgangsrapportages"
    trial = post_json(path + "?proefrun=true", {"periode": "2024-H1"}, PROGRAMMA)
    assert trial.status == 200, trial.body
    assert "location" not in trial.headers
    proef = trial.json()
    assert proef["vastgesteldOp"] is None and proef["inhoud"]["periode"] == "2024-H1"
    assert {c["indicator"] for c in proef["inhoud"]["cijfers"]} >= {"TEST_KAMER"}
    assert_problem(request("GET", path + "/2024-H1"), 404)
    assert post_json(path + "?proefrun=false", {"periode": "2024-H1"}, PROGRAMMA).status == 201
    echt = request("GET", path + "/2024-H1").json()
    assert echt["inhoud"] == proef["inhoud"] and echt["inhoudHash"] == proef["inhoudHash"], \
        "what the trial run showed is what was established"
    assert_problem(post_json(path + "?proefrun=true", {"periode": "2024-H1"}, PROGRAMMA), 409)
    p = assert_problem(post_json(path + "?proefrun=ja", {"periode": "2024-H2"}, PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "proefrun", "reason": "true of false"}]
    assert_problem(request("GET", path + "/2024-H2"), 404)


def test_a_write_refuses_query_parameters_it_does_not_know():
    # never ignored: a trial run asked of a write without one would do the real thing
    before = sql("SELECT count(*) FROM register.acties")
    p = assert_problem(post_json("/v1/acties?proefrun=true", {"titel": "x", "niveau": "governance",
                                                             "soort": "dialoogvraag"}, PROGRAMMA), 400)
    assert p["invalidParams"][0]["name"] == "proefrun"
    assert sql("SELECT count(*) FROM register.acties") == before
    p = assert_problem(post_json("/v1/voortgangsrapportages?concept=1", {"periode": "2024-H2"}, PROGRAMMA), 400)
    assert p["invalidParams"] == [{"name": "concept", "reason": "onbekende parameter; wel: proefrun"}]


def running_half_year():
    today = datetime.datetime.now(datetime.timezone.utc).date()
    half = 1 if today.month <= 6 else 2
    end = datetime.date(today.year, 6, 30) if half == 1 else datetime.date(today.year, 12, 31)
    return "%d-H%d" % (today.year, half), end


def test_a_half_year_is_established_once_it_is_over():
    periode, end = running_half_year()
    p = assert_problem(post_json("/v1/voortgangsrapportages", {"periode": periode}, PROGRAMMA), 409)
    assert p["invalidParams"] == [{"name": "/periode", "reason": "loopt nog tot en met " + end.strftime("%d-%m-%Y")}]
    assert "vaststellen kan vanaf " + (end + datetime.timedelta(days=1)).strftime("%d-%m-%Y") in p["detail"]
    assert_problem(request("GET", "/v1/voortgangsrapportages/" + periode), 404)
    # a trial run is possible at any time, and says the half year still runs
    r = post_json("/v1/voortgangsrapportages?proefrun=true", {"periode": periode}, PROGRAMMA)
    assert r.status == 200, r.body
    assert r.json()["inhoud"]["lopend"] is True
    assert "loopt nog tot en met " + end.strftime("%d-%m-%Y") in r.json()["inhoud"]["toelichting"]
    # an ended half year says nothing of the kind
    r = post_json("/v1/voortgangsrapportages?proefrun=true", {"periode": "2025-H1"}, PROGRAMMA)
    assert "lopend" not in r.json()["inhoud"] and "toelichting" not in r.json()["inhoud"]


def test_every_figure_rests_on_a_validated_national_indicator():
    """The transition monitor's effects included: a trial run for 2025-H1
    gave 0 figures and 35 effect rows from 7 indicators in development."""
    catalogue = {i["code"]: i for i in request("GET", "/v1/indicatoren?limit=1000").json()["items"]}
    ok = {c for c, i in catalogue.items() if i["monitoringtype"] == "landelijk" and i["validatiestatus"] == "gevalideerd"
          and i["thema"] != "bevolking"}
    r = post_json("/v1/voortgangsrapportages?proefrun=true", {"periode": "2025-H1"}, PROGRAMMA)
    inhoud = r.json()["inhoud"]
    assert {c["indicator"] for c in inhoud["cijfers"]} == ok
    for c in inhoud["cijfers"]:
        assert c["validatie"]["sinds"] == catalogue[c["indicator"]]["validatieOp"]
        assert c["validatie"]["reden"] == catalogue[c["indicator"]]["validatieReden"]
    effects = [t for t in inhoud["transitiemonitor"] if "indicator" in t]
    assert {t["indicator"] for t in effects} <= ok
    assert {t["onderdeel"] for t in inhoud["transitiemonitor"]} >= {"acties", "mijlpalen"}, "the rest stays"
    # what is left out is named, with the reason
    left_out = {x["indicator"]: x for x in inhoud["weggelaten"]}
    assert set(left_out) == set(catalogue) - ok
    unvalidated = [c for c, i in catalogue.items() if i["monitoringtype"] == "landelijk"
                   and i["validatiestatus"] == "in_ontwikkeling"]
    diagnostic = [c for c, i in catalogue.items() if i["monitoringtype"] == "diagnostisch"]
    assert unvalidated and diagnostic
    assert left_out[unvalidated[0]]["reden"].startswith("nog niet gevalideerd")
    assert left_out[diagnostic[0]]["reden"].startswith("diagnostisch")
    assert left_out["CBS_MINDERJARIGEN"]["reden"].startswith("bevolkingsgrondslag"), "validated, yet no figure"
    # the effect rows the demo has for the half year are of indicators left out
    everything = request("GET", "/v1/transitiemonitor?periode=2025-H1&limit=1000", PROGRAMMA).json()["items"]
    dropped = {t["indicator"] for t in everything if t.get("indicator")} - ok
    assert dropped and dropped <= set(left_out)
