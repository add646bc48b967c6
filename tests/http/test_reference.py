"""The public reference collections: JSON and CSV, filters, pagination."""
import csv
import io
import urllib.parse

import pytest

from conftest import assert_problem, bearer, request, token

COLLECTIONS = {
    "/v1/perioden": 21 * 7,
    "/v1/gemeenten": 342,
    "/v1/regios": 12 + 42 + 25 + 25 + 4,   # and the comparison areas PTS0-PTS2, NLR0
    "/v1/proeftuinen": 11,
    "/v1/resultaten": 6,
    "/v1/actielijnen": 5,
}


def all_items(path, limit=1000, headers=None):
    """Follows next links; returns the items and the number of pages."""
    items, pages = [], 0
    url = path + ("&" if "?" in path else "?") + "limit=%d" % limit
    while url:
        r = request("GET", url, headers)
        assert r.status == 200, r.body
        body = r.json()
        assert set(body) == {"items", "next"}
        items += body["items"]
        pages += 1
        url = body["next"]
        assert pages < 500
    return items, pages


def csv_rows(r):
    assert r.content_type.startswith("text/csv")
    text = r.body.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("path,count", sorted(COLLECTIONS.items()))
def test_collection_has_every_item_with_code_and_naam(path, count):
    items, _ = all_items(path)
    assert len(items) == count
    codes = [i["code"] for i in items]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert all(i["code"] and i["naam"] for i in items)


def test_indicatoren_catalogue():
    items, _ = all_items("/v1/indicatoren")
    assert len(items) >= 20
    effect = [i for i in items if i["code"].startswith("EFF_")]
    assert effect and all(i["monitoringtype"] == "landelijk" for i in effect)
    for i in items:
        assert i["eenheid"] in ("aantal", "percentage", "dagen", "score", "euro")
        assert i["definitie"]


def test_pagination_walks_every_page_without_overlap():
    items, pages = all_items("/v1/regios?soort=jeugdregio", limit=10)
    assert pages == 5
    assert len(items) == 42 == len({i["code"] for i in items})
    assert all(i["soort"] == "jeugdregio" for i in items)


def test_next_keeps_filters_and_limit():
    body = request("GET", "/v1/regios?soort=veiligthuisregio&limit=5").json()
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(body["next"]).query)
    assert q["soort"] == ["veiligthuisregio"] and q["limit"] == ["5"] and q["cursor"]
    assert body["next"].startswith("/v1/regios?")


def test_gemeenten_of_a_region():
    items, _ = all_items("/v1/gemeenten?regio=JZ13")
    assert sorted(i["naam"] for i in items) == [
        "Aalsmeer", "Amstelveen", "Amsterdam", "Diemen", "Ouder-Amstel", "Uithoorn"]
    assert all(i["jeugdregio"] == "JZ13" and i["provincie"] == "PV27" for i in items)
    foodvalley, _ = all_items("/v1/gemeenten?regio=JZ21")
    assert {i["veiligThuisRegio"] for i in foodvalley} == {"VT05", "VT20"}
    pt, _ = all_items("/v1/gemeenten?regio=PT01")
    assert len(pt) == 6


def test_regios_by_kind():
    for soort, n in (("jeugdregio", 42), ("veiligthuisregio", 25), ("veiligheidsregio", 25), ("provincie", 12)):
        items, _ = all_items("/v1/regios?soort=" + soort)
        assert len(items) == n, soort
    jz13 = [i for i in all_items("/v1/regios?soort=jeugdregio")[0] if i["code"] == "JZ13"][0]
    assert jz13["aantalGemeenten"] == 6


def test_proeftuinen_with_their_gemeenten():
    items, _ = all_items("/v1/proeftuinen")
    pt01 = [i for i in items if i["code"] == "PT01"][0]
    assert pt01["tranche"] == 1 and pt01["startDatum"] == "2021-12-01"
    assert len(pt01["gemeenten"]) == 6 and "GM0363" in pt01["gemeenten"]
    assert [i["code"] for i in all_items("/v1/proeftuinen?tranche=2")[0]] == ["PT07", "PT08", "PT09", "PT10", "PT11"]


def test_perioden_filters():
    items, _ = all_items("/v1/perioden?soort=kwartaal&jaar=2025")
    assert [i["code"] for i in items] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert items[2]["beginDatum"] == "2025-07-01" and items[2]["eindDatum"] == "2025-09-30"


def test_indicator_item():
    code = all_items("/v1/indicatoren")[0][0]["code"]
    r = request("GET", "/v1/indicatoren/" + code)
    assert r.status == 200
    assert r.json()["code"] == code and r.json()["naam"]
    assert_problem(request("GET", "/v1/indicatoren/BESTAAT_NIET"), 404)
    assert_problem(request("GET", "/v1/indicatoren/" + code + "?x=1"), 400)


def test_csv_matches_json():
    json_items, _ = all_items("/v1/regios?soort=provincie")
    r = request("GET", "/v1/regios?soort=provincie&limit=1000", {"Accept": "text/csv"})
    assert r.status == 200
    assert r.body.startswith(b"\xef\xbb\xbf"), "BOM so that Excel reads UTF-8"
    rows = csv_rows(r)
    assert [row["code"] for row in rows] == [i["code"] for i in json_items]
    assert list(rows[0]) == ["code", "naam", "soort", "aantalGemeenten"]
    assert b"\r\n" in r.body


def test_csv_paginates_with_link_header():
    r = request("GET", "/v1/gemeenten?limit=100", {"Accept": "text/csv"})
    assert len(csv_rows(r)) == 100
    link = r.headers["link"]
    assert link.startswith("</v1/gemeenten?limit=100&cursor=") and link.endswith('>; rel="next"')
    last = request("GET", "/v1/gemeenten?limit=1000", {"Accept": "text/csv"})
    assert len(csv_rows(last)) == 342 and "link" not in last.headers


def test_csv_quotes_json_columns():
    r = request("GET", "/v1/proeftuinen", {"Accept": "text/csv"})
    rows = csv_rows(r)
    assert rows[0]["gemeenten"].startswith("[")


@pytest.mark.parametrize("query,names", [
    ("limit=0", ["limit"]),
    ("limit=1001", ["limit"]),
    ("limit=abc", ["limit"]),
    ("cursor=!!!", ["cursor"]),
    ("cursor=_w", ["cursor"]),          # base64url of a byte that is no UTF-8
    ("cursor=2099", ["cursor"]),
    ("soort=gemeente", ["soort"]),
    ("onbekend=1", ["onbekend"]),
    ("soort=x&limit=0&foo=1", ["soort", "foo", "limit"]),
    ("limit=5&limit=6", ["limit"]),
    ("soort=%ZZ", ["soort"]),
])
def test_bad_parameters_are_all_named(query, names):
    p = assert_problem(request("GET", "/v1/regios?" + query), 400)
    assert sorted(x["name"] for x in p["invalidParams"]) == sorted(names)


def test_regio_filter_must_be_an_area_code():
    p = assert_problem(request("GET", "/v1/gemeenten?regio=JZ13;DROP"), 400)
    assert p["invalidParams"][0]["name"] == "regio"


def test_not_acceptable():
    assert_problem(request("GET", "/v1/regios", {"Accept": "application/xml"}), 406)


def test_etag_on_collections():
    r = request("GET", "/v1/actielijnen")
    r2 = request("GET", "/v1/actielijnen", {"If-None-Match": r.headers["etag"]})
    assert r2.status == 304 and r2.body == b""
    assert request("GET", "/v1/actielijnen", {"If-None-Match": '"ander", ' + r.headers["etag"]}).status == 304
    assert request("GET", "/v1/actielijnen", {"If-None-Match": "*"}).status == 304, "any version (RFC 9110)"
    assert request("GET", "/v1/actielijnen", {"If-None-Match": '"ander"'}).status == 200


def test_every_role_reads_reference_data():
    for role, org in (("aanleveraar", "PT03"), ("programma", None), ("opdrachtgever", None), ("onderzoeker", None)):
        r = request("GET", "/v1/proeftuinen", bearer(token(role=role, org=org)))
        assert r.status == 200 and len(r.json()["items"]) == 11, role


def test_reference_writes_are_not_allowed():
    p = assert_problem(request("POST", "/v1/gemeenten", {"Content-Type": "application/json"}, b"{}"), 405)
    assert "GET" in p["detail"]
