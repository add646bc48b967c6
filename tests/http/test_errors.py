"""Every refusal is problem+json: unknown routes, trailing slashes, wrong
methods, oversized bodies and headers."""
import pytest

from conftest import assert_problem, bearer, request, token


def test_unknown_route():
    p = assert_problem(request("GET", "/v1/bestaat-niet"), 404)
    assert "openapi" in p["detail"]


def test_trailing_slash():
    p = assert_problem(request("GET", "/v1/health/"), 404)
    assert "slash" in p["detail"]


def test_outside_v1():
    assert_problem(request("GET", "/health"), 404)
    assert_problem(request("GET", "/index.html"), 404)
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



KEYED = [("/v1/indicatoren/" + "X" * 40, "PATCH"), ("/v1/aanleveringen/" + "9" * 18, "PATCH"),
         ("/v1/aanleveringen/%s/antwoorden" % ("9" * 18), "PUT"), ("/v1/vragenlijsten/" + "9" * 9, None),
         ("/v1/voortgangsrapportages/2099-H2", None)] + [
    ("/v1/%s/%s" % (r, ("Z" if r in ("projecten", "rvt-varianten") else "9") * 40), "PATCH")
    for r in ("projecten", "producten", "acties", "mijlpalen", "besluiten", "kennisopdrachten", "begroting",
              "basisbouwstenen", "rvt-varianten", "doelgroepdefinities", "doelgroepschattingen")]


@pytest.mark.parametrize("path,write", KEYED, ids=[p for p, _ in KEYED])
def test_the_longest_key_a_route_takes_reaches_the_database(path, write):
    """Every route with a key, with the longest key its pattern takes: the
    database looks for it whole (404: not there), never for a cut-off key."""
    who = bearer(token(role="programma"))
    assert_problem(request("GET", path, who), 404)
    if write is not None:
        h = dict(who, **{"Content-Type": "application/json", "If-Match": '"x"'})
        body = {"PUT": b"[]", "aanleveringen": b'{"status": "ingediend"}'}.get(
            write if write == "PUT" else path.split("/")[2], b'{"naam": "x"}')
        assert_problem(request(write, path, h, body), 404)
