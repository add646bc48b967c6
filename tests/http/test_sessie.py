import time

from conftest import assert_problem, bearer, request, token


def test_without_token_is_401_with_challenge():
    r = request("GET", "/v1/sessie")
    assert_problem(r, 401)
    assert r.headers["www-authenticate"].startswith("Bearer")


def test_programma_session_runs_as_programma_in_the_database():
    exp = int(time.time()) + 900
    r = request("GET", "/v1/sessie", bearer(token(sub="analist-3", exp=exp)))
    assert r.status == 200, r.body
    body = r.json()
    assert body["sub"] == "analist-3"
    assert body["role"] == "programma"
    assert body["org"] is None
    assert body["verlooptOp"] == time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(exp))
    assert r.headers["cache-control"] == "private, no-store"


def test_aanleveraar_session_carries_its_org():
    r = request("GET", "/v1/sessie", bearer(token(role="aanleveraar", org="PT05")))
    assert r.status == 200, r.body
    assert r.json()["role"] == "aanleveraar"
    assert r.json()["org"] == "PT05"


def test_each_role_is_switched_to():
    for role in ("opdrachtgever", "onderzoeker"):
        r = request("GET", "/v1/sessie", bearer(token(role=role)))
        assert r.status == 200
        assert r.json()["role"] == role


def test_aud_as_array_is_accepted():
    from conftest import AUDIENCE
    r = request("GET", "/v1/sessie", bearer(token(aud=["other-api", AUDIENCE])))
    assert r.status == 200
