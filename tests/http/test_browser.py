"""The API in a browser: CORS on every route (preflight, reads, problems),
Cache-Control and Vary, content negotiation with quality values, gzip with
an ETag per encoding, and a deployment that narrows CORS to its origins."""
import gzip
import json
import os

import pytest

from conftest import Server, assert_problem, bearer, post_json, request, sql, token

ORIGIN = {"Origin": "http://localhost:3000"}
PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=60"
EXPOSED = {"etag", "link", "api-version", "x-request-id", "content-disposition", "retry-after", "content-crs"}
PROGRAMMA = bearer(token(role="programma", sub="browser-test"))
PAGE = "/v1/sectormonitor?indicator=BM_KINDEREN&limit=200"


def exposed(r):
    return {h.strip().lower() for h in r.headers.get("access-control-expose-headers", "").split(",")}


def test_preflight_allows_the_methods_and_headers_a_dashboard_sends():
    r = request("OPTIONS", "/v1/sectormonitor", dict(ORIGIN, **{
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization, if-none-match"}), documented=False)
    assert r.status == 204, r.body
    assert r.headers["access-control-allow-origin"] == "*"
    assert "GET" in r.headers["access-control-allow-methods"].split(", ")
    allowed = {h.strip().lower() for h in r.headers["access-control-allow-headers"].split(",")}
    assert allowed >= {"authorization", "content-type", "if-match", "if-none-match", "idempotency-key"}
    assert int(r.headers["access-control-max-age"]) > 0
    # a write route's preflight names its write methods
    r = request("OPTIONS", "/v1/acties", dict(ORIGIN, **{"Access-Control-Request-Method": "POST"}),
                documented=False)
    assert r.status == 204
    assert "POST" in r.headers["access-control-allow-methods"]


def test_reads_and_problems_carry_cors_headers_only_for_a_browser():
    r = request("GET", "/v1/indicatoren", ORIGIN)
    assert r.status == 200
    assert r.headers["access-control-allow-origin"] == "*"
    assert exposed(r) >= EXPOSED
    # an error must reach the app too, not be hidden by the browser
    p = request("GET", "/v1/indicatoren/BESTAAT_NIET", ORIGIN)
    assert_problem(p, 404)
    assert p.headers["access-control-allow-origin"] == "*"
    assert exposed(p) >= EXPOSED
    bad = request("GET", "/v1/sessie", dict(ORIGIN, Authorization="Bearer x.y.z"))
    assert_problem(bad, 401)
    assert bad.headers["access-control-allow-origin"] == "*"
    # no Origin, no CORS headers
    assert "access-control-allow-origin" not in request("GET", "/v1/indicatoren").headers


def test_cache_control_public_private_and_never_stored():
    r = request("GET", "/v1/indicatoren")
    assert r.headers["cache-control"] == PUBLIC_CACHE
    vary = {v.strip().lower() for v in r.headers["vary"].split(",")}
    assert vary >= {"accept", "accept-encoding", "origin", "authorization"}
    # revalidated by its ETag: a 304 says the same
    n = request("GET", "/v1/indicatoren", {"If-None-Match": r.headers["etag"]})
    assert n.status == 304 and n.headers["cache-control"] == PUBLIC_CACHE
    # read with a token: the caller's own view, never in a shared cache or on disk
    assert request("GET", "/v1/indicatoren", PROGRAMMA).headers["cache-control"] == "private, no-store"
    assert request("GET", "/v1/sessie", PROGRAMMA).headers["cache-control"] == "private, no-store"
    # errors and writes are never stored; a probe neither
    assert request("GET", "/v1/bestaat-niet").headers["cache-control"] == "no-store"
    w = post_json("/v1/acties", {"titel": "Cachetoets", "niveau": "professionals",
                                 "soort": "transitiebevorderend"}, PROGRAMMA)
    assert w.status == 201, w.body
    assert w.headers["cache-control"] == "no-store"
    assert request("GET", "/v1/health").headers["cache-control"] == "no-store"
    assert request("GET", "/v1/openapi.json").headers["cache-control"] == "public, max-age=300"


@pytest.mark.parametrize("accept,want", [
    ("text/csv;q=0.5, application/json;q=0.9", "application/json"),
    ("application/json;q=0.5, text/csv;q=0.9", "text/csv"),
    ("text/*", "text/csv"),
    ("*/*", "application/json"),
    ("*/*;q=0.1, text/csv", "text/csv"),
    ("application/json;q=0, */*", "text/csv"),
])
def test_accept_with_quality_values(accept, want):
    r = request("GET", "/v1/indicatoren", {"Accept": accept})
    assert r.status == 200, r.body
    assert r.content_type.startswith(want), (accept, r.content_type)


def test_nothing_acceptable_is_406_naming_what_is():
    p = assert_problem(request("GET", "/v1/indicatoren", {"Accept": "image/png, text/csv;q=0"}), 406)
    assert "application/json" in p["detail"] and "text/csv" in p["detail"]


def test_gzip_when_accepted_same_content_own_etag():
    plain = request("GET", PAGE)
    assert plain.status == 200 and len(plain.body) > 1024
    assert "content-encoding" not in plain.headers
    z = request("GET", PAGE, {"Accept-Encoding": "gzip, deflate, br"}, documented=False)
    assert z.status == 200
    assert z.headers["content-encoding"] == "gzip"
    assert int(z.headers["content-length"]) == len(z.body) < len(plain.body) / 3
    assert json.loads(gzip.decompress(z.body)) == plain.json()
    assert z.headers["etag"] == plain.headers["etag"][:-1] + '-gz"'
    # each encoding revalidates against its own ETag
    assert request("GET", PAGE, {"Accept-Encoding": "gzip", "If-None-Match": z.headers["etag"]},
                   documented=False).status == 304
    assert request("GET", PAGE, {"Accept-Encoding": "gzip", "If-None-Match": plain.headers["etag"]},
                   documented=False).status == 200
    assert request("GET", PAGE, {"If-None-Match": plain.headers["etag"]}).status == 304
    # CSV too; refused by q=0; small bodies and Excel are sent as they are
    c = request("GET", PAGE, {"Accept": "text/csv", "Accept-Encoding": "gzip"}, documented=False)
    assert c.headers["content-encoding"] == "gzip"
    assert gzip.decompress(c.body) == request("GET", PAGE, {"Accept": "text/csv"}).body
    assert "content-encoding" not in request("GET", PAGE, {"Accept-Encoding": "gzip;q=0"}).headers
    small = request("GET", "/v1/health", {"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers
    x = request("GET", PAGE, {"Accept-Encoding": "gzip", "Accept":
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
                documented=False)
    assert x.status == 200 and "content-encoding" not in x.headers and x.body[:2] == b"PK"


def test_head_gzipped_announces_the_gzipped_length():
    g = request("GET", PAGE, {"Accept-Encoding": "gzip"}, documented=False)
    h = request("HEAD", PAGE, {"Accept-Encoding": "gzip"}, documented=False)
    assert h.status == 200 and h.body == b""
    assert h.headers["content-encoding"] == "gzip"
    assert h.headers["content-length"] == g.headers["content-length"]


def test_a_version_read_gzipped_is_the_version_to_write_to():
    r = post_json("/v1/acties", {"titel": "Gzip en If-Match, " + "lang " * 300, "niveau": "governance",
                                 "soort": "transitiebevorderend"}, PROGRAMMA)
    assert r.status == 201, r.body
    path = r.headers["location"]
    g = request("GET", path, dict(PROGRAMMA, **{"Accept-Encoding": "gzip"}), documented=False)
    assert g.headers["content-encoding"] == "gzip" and g.headers["etag"].endswith('-gz"')
    u = post_json(path, {"status": "lopend"}, dict(PROGRAMMA, **{"If-Match": g.headers["etag"]}), "PATCH")
    assert u.status == 200, u.body
    # and the old one, gzipped or not, is stale
    p = post_json(path, {"status": "afgerond"}, dict(PROGRAMMA, **{"If-Match": g.headers["etag"]}), "PATCH")
    assert_problem(p, 412)


@pytest.fixture(scope="module")
def narrowed():
    env = {k: v for k, v in os.environ.items() if k.startswith("LAKMOES_JWT_")}
    env["LAKMOES_CORS_ORIGINS"] = "https://dashboard.example.nl, http://localhost:3000"
    env["LAKMOES_GZIP_LEVEL"] = "0"
    s = Server(env, "cors")
    assert s.up(), s.output()
    yield s
    s.stop()


def test_a_deployment_narrows_cors_to_its_origins(narrowed):
    ok = narrowed.request("GET", "/v1/indicatoren", {"Origin": "https://dashboard.example.nl"})
    assert ok.headers["access-control-allow-origin"] == "https://dashboard.example.nl"
    other = narrowed.request("GET", "/v1/indicatoren", {"Origin": "https://elders.example.com"})
    assert other.status == 200 and "access-control-allow-origin" not in other.headers
    pre = narrowed.request("OPTIONS", "/v1/indicatoren", {"Origin": "http://localhost:3000",
                                                          "Access-Control-Request-Method": "GET"})
    assert pre.status == 204 and pre.headers["access-control-allow-origin"] == "http://localhost:3000"


def test_a_deployment_leaves_compression_to_its_proxy(narrowed):
    r = narrowed.request("GET", PAGE, {"Accept-Encoding": "gzip"})
    assert r.status == 200 and len(r.body) > 1024 and "content-encoding" not in r.headers


def test_sector_monitor_by_area_kind_and_by_several_areas():
    ind, per = sql("SELECT indicator_code || ' ' || periode_code FROM mart.sectormonitor "
                   "WHERE gebied_soort = 'jeugdregio' GROUP BY indicator_code, periode_code "
                   "ORDER BY count(*) DESC, 1 LIMIT 1").split()
    want = int(sql("SELECT count(*) FROM mart.sectormonitor WHERE indicator_code = '%s' "
                   "AND gebied_soort = 'jeugdregio' AND periode_code = '%s'" % (ind, per)))
    assert want == 42
    q = "/v1/sectormonitor?indicator=%s&periode=%s" % (ind, per)
    r = request("GET", q + "&gebiedSoort=jeugdregio&limit=100")
    assert r.status == 200, r.body
    items = r.json()["items"]
    assert len(items) == want and {x["gebiedSoort"] for x in items} == {"jeugdregio"}
    r = request("GET", q + "&gebied=NL,JZ01,GM0363")
    assert sorted(x["gebied"] for x in r.json()["items"]) == ["GM0363", "JZ01", "NL"]
    p = assert_problem(request("GET", "/v1/sectormonitor?gebied=NL,XX01"), 400)
    assert p["invalidParams"][0]["name"] == "gebied"
    assert_problem(request("GET", "/v1/sectormonitor?gebied=" + ",".join(["NL"] * 51)), 400)
    p = assert_problem(request("GET", "/v1/sectormonitor?gebiedSoort=wijk"), 400)
    assert p["invalidParams"][0]["name"] == "gebiedSoort"


GEO = {"Accept": "application/geo+json"}
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"


def in_nl(lon, lat):
    return 3.0 <= lon <= 7.5 and 50.5 <= lat <= 53.8


def positions(coords):
    if isinstance(coords[0], (int, float)):
        yield coords
    else:
        for c in coords:
            yield from positions(c)


def test_a_map_of_jeugdregios_from_two_calls():
    r = request("GET", "/v1/regios?soort=jeugdregio", GEO)
    assert r.status == 200, r.body
    assert r.content_type == "application/geo+json"
    assert r.headers["content-crs"] == CRS84
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 42
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["id"] == f["properties"]["code"]
        assert f["properties"]["soort"] == "jeugdregio" and f["properties"]["gemeenten"]
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        # longitude before latitude, inside the Netherlands
        assert all(in_nl(*p) for p in positions(f["geometry"]["coordinates"]))
    jz13 = next(f for f in fc["features"] if f["id"] == "JZ13")
    assert "GM0363" in jz13["properties"]["gemeenten"]
    # the second call: every row of the sector monitor finds its feature
    ind, per = sql("SELECT indicator_code || ' ' || periode_code FROM mart.sectormonitor "
                   "WHERE gebied_soort = 'jeugdregio' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").split()
    rows = request("GET", "/v1/sectormonitor?gebiedSoort=jeugdregio&indicator=%s&periode=%s&limit=100"
                   % (ind, per)).json()["items"]
    assert {x["gebied"] for x in rows} == {f["id"] for f in fc["features"]}


def test_veilig_thuis_regios_one_region_and_gemeenten_as_geojson():
    vt = request("GET", "/v1/regios?soort=veiligthuisregio", GEO).json()["features"]
    assert len(vt) == 25 and all(f["geometry"] for f in vt)
    f = request("GET", "/v1/regios/JZ13", GEO)
    assert f.status == 200 and f.content_type == "application/geo+json"
    assert f.headers["content-crs"] == CRS84
    assert f.json()["type"] == "Feature" and f.json()["id"] == "JZ13"
    j = request("GET", "/v1/regios/JZ13")
    assert j.status == 200 and j.json()["code"] == "JZ13" and j.json()["soort"] == "jeugdregio"
    assert_problem(request("GET", "/v1/regios/JZ99", GEO), 404)
    assert_problem(request("GET", "/v1/regios/JZ13", {"Accept": "text/csv"}), 406)
    p = assert_problem(request("GET", "/v1/regios?soort=jeugdregio",
                               dict(GEO, **{"Accept-Crs": "http://www.opengis.net/def/crs/EPSG/0/28992"})), 406)
    assert "CRS84" in p["detail"]
    # no boundary for a comparison area: a feature without geometry
    pts = request("GET", "/v1/regios/PTS0", GEO).json()
    assert pts["geometry"] is None and len(pts["properties"]["gemeenten"]) > 11
    g = request("GET", "/v1/gemeenten?regio=JZ13", GEO)
    assert g.headers["content-crs"] == CRS84
    gm = g.json()["features"]
    assert {f["id"] for f in gm} == set(jz13_members())
    assert all(f["geometry"]["type"] == "Point" and in_nl(*f["geometry"]["coordinates"]) for f in gm)
    assert all(f["properties"]["jeugdregio"] == "JZ13" for f in gm)
    # and the whole country pages as any collection
    page = request("GET", "/v1/gemeenten?limit=300", GEO)
    assert len(page.json()["features"]) == 300 and 'rel="next"' in page.headers["link"]


def jz13_members():
    return request("GET", "/v1/regios/JZ13", GEO).json()["properties"]["gemeenten"]


def test_the_dashboard_and_its_assets_are_served_by_the_api():
    page = request("GET", "/", documented=False)
    assert page.status == 200 and page.content_type == "text/html; charset=utf-8"
    assert b'lang="nl"' in page.body and b"/app.js" in page.body
    assert page.headers["cache-control"] == "public, no-cache"
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert request("GET", "/", {"If-None-Match": page.headers["etag"]}, documented=False).status == 304
    js = request("GET", "/vendor/plot.umd.min.js", {"Accept-Encoding": "gzip"}, documented=False)
    assert js.status == 200 and js.content_type.startswith("text/javascript")
    assert js.headers["content-encoding"] == "gzip" and js.headers["cache-control"] == "public, max-age=3600"
    for path in ("/app.js", "/lakmoes.css", "/vendor/d3.min.js", "/vendor/utrecht.css", "/docs", "/docs.js",
                 "/vendor/swagger-ui-bundle.js", "/vendor/swagger-ui.css"):
        assert request("GET", path, documented=False).status == 200, path
    assert_problem(request("GET", "/vendor/anders.js", documented=False), 404)
    assert_problem(request("GET", "/?x=1", documented=False), 400)
    assert_problem(request("POST", "/", documented=False), 405)
