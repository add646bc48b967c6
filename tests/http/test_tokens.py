"""Every token attack gets 401 problem+json, and the server stays up."""
import base64
import hashlib
import hmac
import json
import os
import time

import pytest

from conftest import ROOT, SECRET, assert_problem, bearer, claims, request, token


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def raw(header, payload, key=None):
    """header.payload.signature by hand; HMAC-SHA256 with key, else empty."""
    head = b64(json.dumps(header).encode()) + "." + b64(payload.encode())
    sig = b""
    if key is not None:
        sig = hmac.new(key, head.encode(), hashlib.sha256).digest()
    return head + "." + b64(sig)


def rsa_key():
    with open(os.path.join(ROOT, "tests", "unit", "keys", "rsa.pem"), "rb") as f:
        return f.read()


now = int(time.time())

ATTACKS = {
    "expired": lambda: token(exp=now - 3600, iat=now - 7200),
    "forged with another secret": lambda: token(secret="x" * 40),
    "tampered payload": lambda: (lambda t: t.split(".")[0] + "." +
        b64(json.dumps(claims(role="programma", sub="admin")).encode()) + "." +
        t.split(".")[2])(token(role="onderzoeker")),
    "wrong issuer": lambda: token(iss="https://evil.invalid"),
    "wrong audience": lambda: token(aud="another-api"),
    "alg none": lambda: raw({"alg": "none", "typ": "JWT"}, json.dumps(claims())),
    "alg none with signature": lambda: raw({"alg": "none"}, json.dumps(claims()), SECRET.encode()),
    "RS256 instead of HS256": lambda: token(secret=rsa_key(), algorithm="RS256"),
    "HS512 instead of HS256": lambda: token(algorithm="HS512"),
    "lower-case alg": lambda: raw({"alg": "hs256", "typ": "JWT"}, json.dumps(claims()), SECRET.encode()),
    "missing exp": lambda: token(exp=None),
    "exp as string": lambda: token(exp=str(now + 600)),
    "nbf in the future": lambda: token(nbf=now + 3600),
    "unknown role": lambda: token(role="lakmoes_owner"),
    "role publiek in a token": lambda: token(role="publiek"),
    "aanleveraar without org": lambda: token(role="aanleveraar"),
    "missing sub": lambda: token(sub=None),
    "duplicate role claim": lambda: raw(
        {"alg": "HS256", "typ": "JWT"},
        '{"iss":"%s","aud":"%s","sub":"x","role":"aanleveraar","org":"PT01",'
        '"exp":%d,"role":"programma"}' % (claims()["iss"], claims()["aud"], now + 600),
        SECRET.encode()),
    "typ other than JWT": lambda: token(headers={"typ": "at+jwt"}),
    "not a JWT": lambda: "abc.def",
    "oversized token": lambda: token(sub="x" * 5000),
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_is_refused(name):
    r = request("GET", "/v1/sessie", bearer(ATTACKS[name]()))
    p = assert_problem(r, 401)
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert "error=\"invalid_token\"" in r.headers["www-authenticate"], name
    assert "eyJ" not in p["detail"], "a token must never be echoed"


def test_basic_auth_is_refused():
    r = request("GET", "/v1/sessie", {"Authorization": "Basic dXNlcjpwYXNz"})
    assert_problem(r, 401)


def test_token_in_query_string_is_refused():
    r = request("GET", "/v1/sessie?access_token=" + token())
    p = assert_problem(r, 400)
    assert p["invalidParams"][0]["name"] == "access_token"
    r = request("GET", "/v1/health?token=" + token())
    assert_problem(r, 400)


def test_valid_token_still_works_after_all_attacks():
    r = request("GET", "/v1/sessie", bearer(token()))
    assert r.status == 200
    assert request("GET", "/v1/health").status == 200


def test_tokens_never_reach_the_log():
    from conftest import server_log
    t = token(sub="log-probe")
    request("GET", "/v1/sessie", bearer(t))
    request("GET", "/v1/sessie", bearer(t[:-4] + "AAAA"))
    log = server_log()
    assert t.split(".")[1] not in log
    assert t.split(".")[2][:20] not in log
