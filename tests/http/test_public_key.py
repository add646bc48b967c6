"""Production key set-up: LAKMOES_JWT_PUBLIC_KEY as a file path (read by the
parent, kept for the workers), RS256 only, surviving a SIGHUP reload; and a
server that refuses to start with an unusable configuration."""
import os
import signal
import subprocess
import time

import jwt
import pytest

from conftest import ROOT, Server, assert_problem, bearer, claims, wait_for
from test_tokens import b64, raw

KEYS = os.path.join(ROOT, "tests", "unit", "keys")


def read(name):
    with open(os.path.join(KEYS, name), "rb") as f:
        return f.read()


@pytest.fixture(scope="module")
def rs256():
    s = Server({"LAKMOES_JWT_PUBLIC_KEY": os.path.join(KEYS, "rsa.pub.pem"),
                "LAKMOES_JWT_ALG": "RS256",
                "LAKMOES_JWT_ISSUER": "https://idp.test",
                "LAKMOES_JWT_AUDIENCE": "lakmoes-prod"}, "rs256")
    assert s.up(), s.output()
    yield s
    s.stop()


def rs_claims(**over):
    c = claims(iss="https://idp.test", aud="lakmoes-prod")
    c.update(over)
    return c


def test_rs256_token_is_accepted(rs256):
    t = jwt.encode(rs_claims(), read("rsa.pem"), algorithm="RS256")
    r = rs256.request("GET", "/v1/sessie", bearer(t))
    assert r.status == 200, r.body
    assert r.json()["role"] == "programma"


def test_algorithm_confusion_is_refused(rs256):
    forged = raw({"alg": "HS256", "typ": "JWT"}, __import__("json").dumps(rs_claims()),
                 read("rsa.pub.pem"))
    assert_problem(rs256.request("GET", "/v1/sessie", bearer(forged)), 401)


def test_other_rsa_key_and_hs256_are_refused(rs256):
    other = jwt.encode(rs_claims(), read("rsa-other.pem"), algorithm="RS256")
    assert_problem(rs256.request("GET", "/v1/sessie", bearer(other)), 401)
    hs = jwt.encode(rs_claims(), "s" * 40, algorithm="HS256")
    assert_problem(rs256.request("GET", "/v1/sessie", bearer(hs)), 401)


def test_public_key_survives_reload(rs256):
    with open(os.path.join(rs256.dir, "kore.pid")) as f:
        os.kill(int(f.read()), signal.SIGHUP)
    time.sleep(1.5)
    t = jwt.encode(rs_claims(), read("rsa.pem"), algorithm="RS256")
    assert wait_for(lambda: rs256.request("GET", "/v1/sessie", bearer(t)).status == 200, 10)
    other = jwt.encode(rs_claims(), read("rsa-other.pem"), algorithm="RS256")
    assert_problem(rs256.request("GET", "/v1/sessie", bearer(other)), 401)


@pytest.mark.parametrize("env,why", [
    ({"LAKMOES_JWT_SECRET": "short", "LAKMOES_JWT_ISSUER": "i", "LAKMOES_JWT_AUDIENCE": "a"},
     "at least 32 bytes"),
    ({"LAKMOES_JWT_ISSUER": "i", "LAKMOES_JWT_AUDIENCE": "a"}, "exactly one"),
    ({"LAKMOES_JWT_SECRET": "s" * 40, "LAKMOES_JWT_AUDIENCE": "a"}, "ISSUER"),
    ({"LAKMOES_JWT_PUBLIC_KEY": "/nonexistent.pem", "LAKMOES_JWT_ISSUER": "i",
      "LAKMOES_JWT_AUDIENCE": "a"}, "cannot read"),
    ({"LAKMOES_JWT_PUBLIC_KEY": os.path.join(KEYS, "rsa.pub.pem"), "LAKMOES_JWT_ALG": "HS256",
      "LAKMOES_JWT_ISSUER": "i", "LAKMOES_JWT_AUDIENCE": "a"}, "RS256 or ES256"),
    ({"LAKMOES_JWT_SECRET": "s" * 40, "LAKMOES_JWT_ISSUER": "i", "LAKMOES_JWT_AUDIENCE": "a",
      "LAKMOES_GZIP_LEVEL": "snel"}, "LAKMOES_GZIP_LEVEL"),
])
def test_bad_configuration_stops_the_server(env, why):
    s = Server(env, "badconf")
    try:
        s.proc.wait(15)
    except subprocess.TimeoutExpired:
        s.stop()
        pytest.fail("server started with a bad configuration")
    assert s.proc.returncode != 0
    assert why in s.output()
