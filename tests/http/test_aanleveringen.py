"""The quarterly delivery through the API: the full round trip, another
proeftuin's 404s, role refusals, and every bad input refused harmlessly."""
import csv
import datetime
import io
import json

import pytest

from conftest import assert_problem, bearer, post_json, request, sql, token

PT07 = bearer(token(role="aanleveraar", org="PT07", sub="coordinator-pt07"))
PT08 = bearer(token(role="aanleveraar", org="PT08", sub="coordinator-pt08"))
PROGRAMMA = bearer(token(role="programma", sub="programmateam-1"))
OPDRACHTGEVER = bearer(token(role="opdrachtgever", sub="jenv-1"))


def valid_answers(vragenlijst=1, override=None):
    """An answer for every question, valid for its type and bounds."""
    vragen = request("GET", "/v1/vragenlijsten/%d" % vragenlijst).json()["vragen"]
    out = []
    for v in vragen:
        if v["type"] == "keuze":
            w = v["opties"][0]
        elif v["type"] == "tekst":
            w = "Het ging goed; zonder namen."
        elif v["type"] == "percentage":
            w = 50
        else:
            lo = v["min"] if v["min"] is not None else 0
            hi = v["max"] if v["max"] is not None else lo + 20
            w = int(lo + (hi - lo) // 2) if v["type"] in ("aantal", "schaal") else lo + 1
        out.append({"vraag": v["code"], "waarde": w})
    for a in out:
        if override and a["vraag"] in override:
            a["waarde"] = override[a["vraag"]]
    return out


def create(periode, who=PT07, proeftuin="PT07"):
    r = post_json("/v1/aanleveringen", {"proeftuin": proeftuin, "periode": periode}, who)
    assert r.status == 201, r.body
    return r.json()["id"]


def count(table="monitoring.aanleveringen", where="true"):
    return int(sql("SELECT count(*) FROM %s WHERE %s" % (table, where)))


def test_vragenlijsten():
    body = request("GET", "/v1/vragenlijsten").json()
    assert [l["actueel"] for l in body["items"]].count(True) == 1
    v1 = request("GET", "/v1/vragenlijsten/1").json()
    assert v1["versie"] == 1 and len(v1["vragen"]) > 10
    q = v1["vragen"][0]
    assert set(q) == {"code", "onderdeel", "tekst", "type", "verplicht", "min", "max", "opties", "indicator", "noemer"}
    assert_problem(request("GET", "/v1/vragenlijsten/999"), 404)


def test_full_round_trip():
    r = post_json("/v1/aanleveringen", {"proeftuin": "PT07", "periode": "2024-Q1"}, PT07)
    assert r.status == 201 and r.json()["status"] == "concept"
    ident = r.json()["id"]
    assert r.headers["location"] == "/v1/aanleveringen/%d" % ident

    answers = valid_answers(override={"huishoudens_nieuw": 37})
    r = post_json("/v1/aanleveringen/%d/antwoorden" % ident, answers, PT07, "PUT")
    assert r.status == 200, r.body
    stored = {a["vraag"]: a["waarde"] for a in r.json()["items"]}
    assert stored["huishoudens_nieuw"] == 37
    got = request("GET", "/v1/aanleveringen/%d/antwoorden" % ident, PT07).json()["items"]
    assert {a["vraag"]: a["waarde"] for a in got} == stored

    r = post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT07, "PATCH")
    assert r.status == 200 and r.json()["status"] == "ingediend" and r.json()["ingediendOp"]

    # The proeftuin cannot approve; the programme can.
    assert_problem(post_json("/v1/aanleveringen/%d" % ident, {"status": "goedgekeurd"}, PT07, "PATCH"), 403)
    before = count("monitoring.waarnemingen", "aanlevering_id = %d" % ident)
    r = post_json("/v1/aanleveringen/%d" % ident, {"status": "goedgekeurd"}, PROGRAMMA, "PATCH")
    assert r.status == 200 and r.json()["status"] == "goedgekeurd"

    # Numeric answers that feed an indicator became observations.
    assert before == 0
    assert sql("SELECT waarde FROM monitoring.waarnemingen WHERE aanlevering_id = %d "
               "AND indicator_code = 'BM_HUISHOUDENS_NIEUW'" % ident) == "37"
    assert sql("SELECT status FROM monitoring.waarnemingen WHERE aanlevering_id = %d LIMIT 1" % ident) == "voorlopig"
    assert count("monitoring.waarnemingen", "aanlevering_id = %d" % ident) >= 10

    # Locked: no more answers, no more status changes by the proeftuin.
    assert_problem(post_json("/v1/aanleveringen/%d/antwoorden" % ident, answers, PT07, "PUT"), 409)
    assert_problem(post_json("/v1/aanleveringen/%d" % ident, {"status": "concept"}, PT07, "PATCH"), 409)
    assert_problem(post_json("/v1/aanleveringen/%d" % ident,
                             {"status": "teruggestuurd", "toelichting": "toch niet"}, PROGRAMMA, "PATCH"), 409)

    # Ministries see the approved delivery.
    assert request("GET", "/v1/aanleveringen/%d" % ident, OPDRACHTGEVER).status == 200


def test_an_opdrachtgever_reads_the_counts_of_an_approved_delivery_disclosure_controlled():
    """An answer that counts is a figure about people, and so is an average
    or a percentage over a few: a ministry reading an approved delivery
    sees them as it sees the observations they became (7 withheld, 23 as
    25; a mean over 7 households or 4 respondents withheld), in JSON and
    CSV; other numbers and text as delivered. The proeftuin and the
    programme see what was delivered."""
    ident = create("2024-Q1", PT08, "PT08")
    answers = valid_answers(override={"huishoudens_nieuw": 7, "kinderen": 23, "ervaring_clienten_respondenten": 4,
                                      "doorlooptijd_start_dagen": 3, "huishoudens_afgesloten": 12,
                                      "percentage_veiligheid_hersteld": 75})
    assert post_json("/v1/aanleveringen/%d/antwoorden" % ident, answers, PT08, "PUT").status == 200
    assert post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT08, "PATCH").status == 200
    assert post_json("/v1/aanleveringen/%d" % ident, {"status": "goedgekeurd"}, PROGRAMMA, "PATCH").status == 200
    path = "/v1/aanleveringen/%d/antwoorden?limit=100" % ident

    seen = {a["vraag"]: (a["waarde"], a["geheimhouding"])
            for a in request("GET", path, OPDRACHTGEVER).json()["items"]}
    assert seen["huishoudens_nieuw"] == (None, "geheim")
    assert seen["ervaring_clienten_respondenten"] == (None, "geheim")
    assert seen["kinderen"] == (25, "afgerond")
    assert seen["doorlooptijd_start_dagen"] == (None, "geheim")      # over 7 households
    assert seen["ervaring_clienten_cijfer"] == (None, "geheim")      # over 4 respondents
    assert seen["percentage_veiligheid_hersteld"] == (75, None)      # over 12 households
    assert seen["voortgang_cijfer"] == ({a["vraag"]: a["waarde"] for a in answers}["voortgang_cijfer"], None)
    assert seen["wat_ging_goed"] == ("Het ging goed; zonder namen.", None)
    types = {v["code"]: v["type"] for v in request("GET", "/v1/vragenlijsten/1").json()["vragen"]}
    for vraag, (waarde, _) in seen.items():
        if types[vraag] == "aantal":
            assert waarde is None or (waarde >= 10 and waarde % 5 == 0), (vraag, waarde)
    table = {x["vraag"]: x for x in csv.DictReader(io.StringIO(
        request("GET", path, dict(OPDRACHTGEVER, Accept="text/csv")).body.decode("utf-8-sig"), newline=""))}
    assert (table["huishoudens_nieuw"]["waarde"], table["huishoudens_nieuw"]["geheimhouding"]) == ("", "geheim")
    assert (table["kinderen"]["waarde"], table["kinderen"]["geheimhouding"]) == ("25", "afgerond")

    for who in (PT08, PROGRAMMA):
        raw = {a["vraag"]: (a["waarde"], a["geheimhouding"]) for a in request("GET", path, who).json()["items"]}
        assert (raw["huishoudens_nieuw"], raw["kinderen"]) == ((7, None), (23, None))
        assert raw["doorlooptijd_start_dagen"] == (3, None)

    # The observations carry teller and noemer: the mean of 3 days over 7
    # households, 75 % of 12 households, and are withheld the same way.
    got = {w["indicator"]: w for w in request(
        "GET", "/v1/waarnemingen?gebied=PT08&periode=2024-Q1&limit=100", PROGRAMMA).json()["items"]}
    assert (got["BM_DOORLOOPTIJD_START"]["teller"], got["BM_DOORLOOPTIJD_START"]["noemer"]) == (21, 7)
    assert (got["BM_VEILIGHEID_HERSTELD"]["teller"], got["BM_VEILIGHEID_HERSTELD"]["noemer"]) == (9, 12)
    got = {w["indicator"]: w for w in request(
        "GET", "/v1/waarnemingen?gebied=PT08&periode=2024-Q1&limit=100", OPDRACHTGEVER).json()["items"]}
    assert (got["BM_DOORLOOPTIJD_START"]["waarde"], got["BM_DOORLOOPTIJD_START"]["geheimhouding"]) == (None, "geheim")
    assert got["BM_VEILIGHEID_HERSTELD"]["waarde"] == 75


def test_a_mean_needs_what_it_is_over_to_be_submitted():
    """A mark answered without its respondents (or with 0 of them) is
    refused on submission, naming the question to answer; the delivery stays
    a concept."""
    ident = create("2024-Q2", PT08, "PT08")
    answers = valid_answers(override={"ervaring_clienten_respondenten": 0})
    assert post_json("/v1/aanleveringen/%d/antwoorden" % ident, answers, PT08, "PUT").status == 200
    p = assert_problem(post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT08, "PATCH"), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["ervaring_clienten_respondenten"], p
    assert "ervaring_clienten_cijfer" in p["invalidParams"][0]["reason"]
    assert request("GET", "/v1/aanleveringen/%d" % ident, PT08).json()["status"] == "concept"
    answers = valid_answers(override={"ervaring_clienten_respondenten": 14})
    assert post_json("/v1/aanleveringen/%d/antwoorden" % ident, answers, PT08, "PUT").status == 200
    assert post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT08, "PATCH").status == 200


def test_send_back_and_resubmit():
    ident = create("2024-Q2")
    post_json("/v1/aanleveringen/%d/antwoorden" % ident, valid_answers(), PT07, "PUT")
    post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT07, "PATCH")
    p = assert_problem(post_json("/v1/aanleveringen/%d" % ident, {"status": "teruggestuurd"}, PROGRAMMA, "PATCH"), 400)
    assert "toelichting" in p["detail"]
    assert [x["name"] for x in p["invalidParams"]] == ["/toelichting"]
    r = post_json("/v1/aanleveringen/%d" % ident,
                  {"status": "teruggestuurd", "toelichting": "Graag de aantallen nakijken."}, PROGRAMMA, "PATCH")
    assert r.status == 200 and r.json()["toelichting"] == "Graag de aantallen nakijken."
    r = post_json("/v1/aanleveringen/%d/antwoorden" % ident, valid_answers(override={"kinderen": 5}), PT07, "PUT")
    assert r.status == 200
    assert post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT07, "PATCH").json()["status"] == "ingediend"


def test_illegal_transition_is_409():
    ident = create("2024-Q3")
    p = assert_problem(post_json("/v1/aanleveringen/%d" % ident, {"status": "goedgekeurd"}, PROGRAMMA, "PATCH"), 409)
    assert "concept" in p["detail"]


def test_required_answers_on_submit():
    ident = create("2024-Q4")
    p = assert_problem(post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT07, "PATCH"), 400)
    assert len(p["invalidParams"]) >= 3
    assert request("GET", "/v1/aanleveringen/%d" % ident, PT07).json()["status"] == "concept"


def test_the_running_quarter_is_submitted_once_it_is_over():
    today = datetime.datetime.now(datetime.timezone.utc).date()
    running = "%d-Q%d" % (today.year, (today.month - 1) // 3 + 1)
    ident = create(running)     # started and answered while it runs
    assert post_json("/v1/aanleveringen/%d/antwoorden" % ident, valid_answers(), PT07, "PUT").status == 200
    p = assert_problem(post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT07, "PATCH"), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["periode"], "its answers are complete"
    assert "loopt nog tot en met" in p["invalidParams"][0]["reason"]
    assert request("GET", "/v1/aanleveringen/%d" % ident, PT07).json()["status"] == "concept"


def test_outlier_is_flagged_on_submit():
    # PT07 has (synthetic demo) history for every basismonitoring indicator.
    ident = create("2026-Q3")
    answers = valid_answers(override={"huishoudens_nieuw": 4999})
    assert post_json("/v1/aanleveringen/%d/antwoorden" % ident, answers, PT07, "PUT").status == 200
    r = post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT07, "PATCH")
    assert r.status == 200
    flagged = {s["vraag"]: s for s in r.json()["signaleringen"]}
    assert "huishoudens_nieuw" in flagged and flagged["huishoudens_nieuw"]["zScore"] > 3.5
    # A warning, not a refusal: the programme can still approve.
    seen = request("GET", "/v1/aanleveringen/%d" % ident, PROGRAMMA).json()
    assert "huishoudens_nieuw" in {s["vraag"] for s in seen["signaleringen"]}


def test_another_proeftuin_gets_404():
    ident = create("2023-Q4")
    assert_problem(request("GET", "/v1/aanleveringen/%d" % ident, PT08), 404)
    assert_problem(request("GET", "/v1/aanleveringen/%d/antwoorden" % ident, PT08), 404)
    assert_problem(post_json("/v1/aanleveringen/%d/antwoorden" % ident, valid_answers(), PT08, "PUT"), 404)
    assert_problem(post_json("/v1/aanleveringen/%d" % ident, {"status": "ingediend"}, PT08, "PATCH"), 404)
    items = request("GET", "/v1/aanleveringen?limit=1000", PT08).json()["items"]
    assert all(i["proeftuin"] == "PT08" for i in items)


def test_list_filters_and_roles():
    create("2023-Q3")
    items = request("GET", "/v1/aanleveringen?proeftuin=PT07&periode=2023-Q3", PROGRAMMA).json()["items"]
    assert len(items) == 1 and items[0]["status"] == "concept"
    # Ministries see approved deliveries only.
    assert all(i["status"] == "goedgekeurd"
               for i in request("GET", "/v1/aanleveringen?limit=1000", OPDRACHTGEVER).json()["items"])
    assert_problem(request("GET", "/v1/aanleveringen"), 401)
    assert_problem(request("GET", "/v1/aanleveringen?status=klaar", PROGRAMMA), 400)


def test_refusals_for_roles():
    assert_problem(post_json("/v1/aanleveringen", {"proeftuin": "PT08", "periode": "2023-Q2"}, PT07), 403)
    assert_problem(post_json("/v1/aanleveringen", {"proeftuin": "PT07", "periode": "2023-Q2"}, OPDRACHTGEVER), 403)
    assert_problem(post_json("/v1/aanleveringen", {"proeftuin": "PT07", "periode": "2023-Q2"}, {}), 401)
    assert count(where="periode_code = '2023-Q2'") == 0


def test_duplicate_quarter_is_409():
    ident = create("2023-Q1")
    p = assert_problem(post_json("/v1/aanleveringen", {"proeftuin": "PT07", "periode": "2023-Q1"}, PT07), 409)
    assert p["detail"] == "er is al een aanlevering van PT07 voor 2023-Q1"
    assert p["invalidParams"][0]["name"] == "/periode"
    assert "/v1/aanleveringen/%d" % ident in p["invalidParams"][0]["reason"], "which one to go on with"


@pytest.mark.parametrize("body,status,names", [
    (b'{"proeftuin": "PT07", "periode": ', 400, ["body"]),
    (b'{"proeftuin": "PT07", "proeftuin": "PT07", "periode": "2022-Q1"}', 400, ["body"]),
    (b'[' * 40 + b']' * 40, 400, ["body"]),
    ({"proeftuin": 7, "periode": "2022-Q4"}, 400, ["/proeftuin"]),
    ({"proeftuin": "PT07"}, 400, ["/periode"]),
    ({"proeftuin": "PT07", "periode": "2022-Q4", "extra": True}, 400, ["/extra"]),
    ({"proeftuin": "PT99", "periode": "2022-Q9"}, 400, ["/proeftuin", "/periode"]),
    ({"proeftuin": "PT07", "periode": "2034-Q1"}, 400, ["/periode"]),
    ({"proeftuin": "PT07", "periode": "2022-Q2"}, 400, ["/periode"]),
    (b"x" * (1024 * 1024 + 10), 413, None),
], ids=["truncated", "duplicate-keys", "too-deep", "wrong-type", "missing", "unknown-field",
        "unknown-codes", "future-quarter", "before-start", "too-large"])
def test_bad_create_changes_nothing(body, status, names):
    before = count()
    attempts = count("audit.pogingen")
    r = post_json("/v1/aanleveringen", body, PT07)
    p = assert_problem(r, status)
    if names is not None and names:
        assert sorted(x["name"] for x in p["invalidParams"]) == sorted(names)
    assert count() == before
    if status == 400:
        assert count("audit.pogingen") == attempts + 1
        rid = r.headers["x-request-id"]
        assert sql("SELECT status || ' ' || role || ' ' || sub FROM audit.pogingen "
                   "WHERE request_id = '%s'" % rid) == "400 aanleveraar coordinator-pt07"


def test_wrong_content_type_is_415():
    r = request("POST", "/v1/aanleveringen", dict(PT07, **{"Content-Type": "text/plain"}), b"{}")
    assert_problem(r, 415)


@pytest.mark.parametrize("text,why", [
    ("bel 06-12345678 voor info", "telefoonnummer"),
    ("mail naar j.jansen@example.nl", "e-mailadres"),
    ("bsn 111222333 is bekend", "burgerservicenummer"),
])
def test_identifiers_in_text_are_refused_without_echo(text, why):
    ident = create("2025-Q" + str(1 + ["telefoonnummer", "e-mailadres", "burgerservicenummer"].index(why)))
    tekst = [v["code"] for v in request("GET", "/v1/vragenlijsten/1").json()["vragen"] if v["type"] == "tekst"][0]
    r = post_json("/v1/aanleveringen/%d/antwoorden" % ident, valid_answers(override={tekst: text}), PT07, "PUT")
    p = assert_problem(r, 400)
    assert any(why in x["reason"] and x["name"].endswith("/waarde") for x in p["invalidParams"])
    assert text not in r.body.decode() and text.split()[1] not in r.body.decode()
    assert count("monitoring.antwoorden", "aanlevering_id = %d" % ident) == 0


def test_answers_all_problems_at_once_and_nothing_stored():
    ident = create("2025-Q4")
    r = post_json("/v1/aanleveringen/%d/antwoorden" % ident, [
        {"vraag": "bestaat_niet", "waarde": 1},
        {"vraag": "huishoudens_nieuw", "waarde": -3},
        {"vraag": "huishoudens_nieuw", "waarde": 3},
        {"vraag": "kinderen", "waarde": "veel"},
        {"vraag": "kinderen"},
        {"waarde": 1},
        {"vraag": "volwassenen", "waarde": [1]},
    ], PT07, "PUT")
    p = assert_problem(r, 400)
    names = sorted(x["name"] for x in p["invalidParams"])
    assert names == ["/5/vraag", "/6/waarde"], names     # the envelope first
    r = post_json("/v1/aanleveringen/%d/antwoorden" % ident, [
        {"vraag": "bestaat_niet", "waarde": 1},
        {"vraag": "huishoudens_nieuw", "waarde": -3},
        {"vraag": "huishoudens_nieuw", "waarde": 3},
        {"vraag": "kinderen", "waarde": "veel"},
    ], PT07, "PUT")
    p = assert_problem(r, 400)
    assert sorted(x["name"] for x in p["invalidParams"]) == ["/0/vraag", "/1/waarde", "/2/vraag", "/3/waarde"]
    assert count("monitoring.antwoorden", "aanlevering_id = %d" % ident) == 0


def test_volledigheid():
    create("2022-Q4")
    rows = request("GET", "/v1/aanleveringen/volledigheid?periode=2024-Q1", PROGRAMMA).json()["items"]
    pt07 = [r for r in rows if r["proeftuin"] == "PT07"][0]
    assert pt07["geleverd"] is True and pt07["opTijd"] is False and pt07["deadline"] == "2024-05-12"
    assert len(rows) == 11
    own = request("GET", "/v1/aanleveringen/volledigheid?periode=2024-Q1", PT08).json()["items"]
    assert [r["proeftuin"] for r in own] == ["PT08"]
    p = assert_problem(request("GET", "/v1/aanleveringen/volledigheid", PROGRAMMA), 400)
    assert p["invalidParams"][0]["name"] == "periode"


def test_answers_are_stored_as_sent_and_held_to_the_bound():
    ident = create("2026-Q1")
    before = count("monitoring.antwoorden")
    p = assert_problem(post_json("/v1/aanleveringen/%d/antwoorden" % ident,
                                 valid_answers(override={"huishoudens_nieuw": 99999999}), PT07, "PUT"), 400)
    assert [x["name"] for x in p["invalidParams"]] == ["/5/waarde"]
    assert "20000000" in p["invalidParams"][0]["reason"]
    assert count("monitoring.antwoorden") == before
    body = json.dumps(valid_answers(override={"doorlooptijd_start_dagen": 0, "percentage_veiligheid_hersteld": 0}))
    body = body.replace('"doorlooptijd_start_dagen", "waarde": 0', '"doorlooptijd_start_dagen", "waarde": 12.3')
    body = body.replace('"percentage_veiligheid_hersteld", "waarde": 0',
                        '"percentage_veiligheid_hersteld", "waarde": 81.30000000000000000001')
    r = post_json("/v1/aanleveringen/%d/antwoorden" % ident, body, PT07, "PUT")
    assert r.status == 200, r.body
    got = sql("SELECT string_agg(vraag_code || '=' || waarde_getal::text, ' ' ORDER BY vraag_code) "
              "FROM monitoring.antwoorden WHERE aanlevering_id = %d AND vraag_code IN "
              "('doorlooptijd_start_dagen', 'percentage_veiligheid_hersteld')" % ident)
    assert got == "doorlooptijd_start_dagen=12.3 percentage_veiligheid_hersteld=81.30000000000000000001"
