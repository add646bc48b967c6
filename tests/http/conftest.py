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

import contract

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


def request(method, path, headers=None, body=None, documented=True, timeout=20):
    """One request on a fresh connection; returns a Response. Unless the
    test changes the server on purpose (documented=False), the response
    must be as api/openapi.json documents it (contract.py)."""
    u = urllib.parse.urlsplit(BASE)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        resp = Response(r.status, r.getheaders(), r.read())
    finally:
        conn.close()
    if documented:
        request_type = {k.lower(): v for k, v in (headers or {}).items()}.get("content-type")
        contract.check(method, path, request_type, body, resp.status, resp.content_type, resp.body)
    return resp


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


def database_log():
    """The test cluster's PostgreSQL log (scripts/db.sh)."""
    with open(os.path.join(STATE, "pg", "log", "postgres.log"), encoding="utf-8", errors="replace") as f:
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


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A second Kore server with its own environment (same module and
    database), for configurations the main server does not use."""

    def __init__(self, env, name, conf_extra=""):
        self.port = free_port()
        self.dir = os.path.join(STATE, name)
        os.makedirs(self.dir, exist_ok=True)
        with open(os.path.join(ROOT, "conf", "lakmoes.conf.in")) as f:
            conf = (f.read().replace("@BIND@", "127.0.0.1")
                    .replace("@PORT@", str(self.port))
                    .replace("@MODULE@", os.path.join(ROOT, "lakmoes.so"))
                    .replace("@PIDFILE@", os.path.join(self.dir, "kore.pid"))
                    .replace("@BODYDIR@", os.path.join(self.dir, "bodies")))
        conf += conf_extra
        self.conf = os.path.join(self.dir, "lakmoes.conf")
        with open(self.conf, "w") as f:
            f.write(conf)
        full = {k: v for k, v in os.environ.items() if not k.startswith("LAKMOES_JWT_")}
        full.update(env)
        full["TZ"] = "UTC0"
        self.log = open(os.path.join(self.dir, "kore.log"), "w")
        self.proc = subprocess.Popen(["stdbuf", "-oL", "kore", "-c", self.conf, "-f", "-n", "-r"],
                                     env=full, stdout=self.log, stderr=subprocess.STDOUT)

    def request(self, method, path, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            conn.request(method, path, headers=headers or {})
            r = conn.getresponse()
            return Response(r.status, r.getheaders(), r.read())
        finally:
            conn.close()

    def up(self):
        def ok():
            try:
                return self.request("GET", "/v1/health").status == 200
            except OSError:
                return False
        return wait_for(ok, 15)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)
        self.log.close()

    def output(self):
        with open(os.path.join(self.dir, "kore.log"), errors="replace") as f:
            return f.read()


def sql(query):
    """One value from the test database, as the owner (for checking what
    the API did, never for setting it up behind its back; test_resilience
    also changes a view with it, as a migration would)."""
    with open(os.path.join(STATE, "database.url")) as f:
        url = f.read().strip()
    out = subprocess.run(["psql", url, "-X", "-At", "-c", query], check=True,
                         capture_output=True, text=True).stdout.strip()
    return out


def post_json(path, body, headers, method="POST"):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    if isinstance(data, str):
        data = data.encode()
    h = {"Content-Type": "application/json"}
    h.update(headers)
    return request(method, path, h, data)


def patch_read(path, body, headers):
    """A PATCH as a client makes it: with If-Match, the ETag of a GET of the
    item just before (none when the item does not exist)."""
    etag = request("GET", path, headers).headers.get("etag")
    h = dict(headers)
    if etag is not None:
        h["If-Match"] = etag
    return post_json(path, body, h, "PATCH")


def at_once(n, method, path, headers_and_body):
    """n requests sent together (threads, a connection each, released at
    once); headers_and_body(i) gives request i's headers and body. Returns
    the responses, request i's at i."""
    import concurrent.futures
    import threading
    start = threading.Barrier(n)

    def one(i):
        headers, body = headers_and_body(i)
        start.wait()
        return request(method, path, headers, body)
    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def workers():
    """The pids of the test server's Kore workers."""
    with open(os.path.join(STATE, "kore.pid")) as f:
        parent = int(f.read().strip())
    found = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    stat = f.read()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) == parent:
                found.append(int(d))
    return found


def rss_kb(pid, field="VmRSS"):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak(pid):
    """Resets the process's peak RSS (VmHWM) to its current RSS."""
    with open("/proc/%d/clear_refs" % pid, "w") as f:
        f.write("5")

