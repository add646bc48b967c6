"""Every refusal is problem+json: unknown routes, trailing slashes, wrong
methods, oversized bodies and headers."""
from conftest import assert_problem, request


def test_unknown_route():
    p = assert_problem(request("GET", "/v1/bestaat-niet"), 404)
    assert "openapi" in p["detail"]


def test_trailing_slash():
    p = assert_problem(request("GET", "/v1/health/"), 404)
    assert "slash" in p["detail"]


def test_outside_v1():
    assert_problem(request("GET", "/health"), 404)
    assert_problem(request("GET", "/"), 404)
    assert_problem(request("GET", "/v2/health"), 404)


def test_wrong_method_lists_what_is_allowed():
    for m in ("POST", "PUT", "PATCH", "DELETE"):
        r = request(m, "/v1/health", {"Content-Type": "application/json"}, b"{}" if m != "DELETE" else None)
        p = assert_problem(r, 405)
        assert r.headers["allow"] == "GET, HEAD, OPTIONS"
        assert m in p["detail"]


def test_options_answers_allow():
    r = request("OPTIONS", "/v1/sessie")
    assert r.status == 204
    assert r.headers["allow"] == "GET, HEAD, OPTIONS"


def test_oversized_body_is_413_and_audited():
    from conftest import bearer, sql, token
    before = int(sql("SELECT count(*) FROM audit.pogingen WHERE status = 413"))
    body = b"x" * (2 * 1024 * 1024)
    r = request("POST", "/v1/aanleveringen",
                dict(bearer(token(sub="groot")), **{"Content-Type": "application/json"}), body)
    p = assert_problem(r, 413)
    assert "1048576" in p["detail"]
    assert int(sql("SELECT count(*) FROM audit.pogingen WHERE status = 413")) == before + 1


def test_body_on_a_read_route_is_405():
    r = request("POST", "/v1/sessie", {"Content-Type": "application/json"}, b"x" * (2 * 1024 * 1024))
    assert_problem(r, 405)


def test_too_many_headers_is_431():
    headers = {"X-Extra-%02d" % i: "v" for i in range(24)}
    r = request("GET", "/v1/health", headers)
    assert_problem(r, 431)


def test_too_large_headers_is_431():
    r = request("GET", "/v1/health", {"X-Big": "a" * 9000})
    assert_problem(r, 431)


def test_normal_header_count_is_fine():
    headers = {"X-Extra-%02d" % i: "v" for i in range(10)}
    assert request("GET", "/v1/health", headers).status == 200
