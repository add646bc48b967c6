"""Shared helpers for the HTTP suite.

scripts/test.sh starts a real Kore server on a real (throw-away) cluster and
passes its address in LAKMOES_TEST_URL, its state directory (database,
server log, pid file) in LAKMOES_TEST_STATE, and the JWT settings in the
usual LAKMOES_JWT_* variables.
"""
import http.client
import json
import os
import subprocess
import time
import urllib.parse

import jwt
import pytest

BASE = os.environ.get("LAKMOES_TEST_URL", "http://127.0.0.1:8080")
STATE = os.environ.get("LAKMOES_TEST_STATE", "")
ROOT = os.environ.get("LAKMOES_TEST_ROOT", "")
SECRET = os.environ.get("LAKMOES_JWT_SECRET", "")
ISSUER = os.environ.get("LAKMOES_JWT_ISSUER", "")
AUDIENCE = os.environ.get("LAKMOES_JWT_AUDIENCE", "")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body

    def json(self):
        return json.loads(self.body)

    @property
    def content_type(self):
        return self.headers.get("content-type", "")


def request(method, path, headers=None, body=None):
    """One request on a fresh connection; returns a Response."""
    u = urllib.parse.urlsplit(BASE)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=20)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return Response(r.status, r.getheaders(), r.read())
    finally:
        conn.close()


def claims(**over):
    now = int(time.time())
    c = {"iss": ISSUER, "aud": AUDIENCE, "sub": "tester", "role": "programma",
         "iat": now, "exp": now + 600}
    c.update(over)
    return {k: v for k, v in c.items() if v is not None}


def token(secret=None, algorithm="HS256", headers=None, **over):
    return jwt.encode(claims(**over), secret or SECRET, algorithm=algorithm,
                      headers=headers)


def bearer(tok):
    return {"Authorization": "Bearer " + tok}


def assert_problem(r, status):
    """A problem+json (RFC 9457) with the given status and the ADR members."""
    assert r.status == status, (r.status, r.body)
    assert r.content_type == "application/problem+json", r.content_type
    p = r.json()
    assert p["status"] == status
    assert isinstance(p["title"], str) and p["title"]
    assert isinstance(p["detail"], str) and p["detail"]
    assert r.headers.get("api-version") == "0.1.0"
    assert r.headers.get("x-request-id")
    for word in ("SQL", "pgsql", "libpq", "relation", "syntax error", "FATAL"):
        assert word not in p["detail"], p["detail"]
    return p


def server_log():
    with open(os.path.join(STATE, "kore.log"), encoding="utf-8", errors="replace") as f:
        return f.read()


def db(cmd):
    subprocess.run([os.path.join(ROOT, "scripts", "db.sh"), cmd, STATE],
                   check=True, capture_output=True)


def wait_for(predicate, seconds=20.0):
    end = time.time() + seconds
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def programma():
    return bearer(token())
