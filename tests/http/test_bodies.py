"""Request bodies and refusals before the caller is known: a body is read
only for a caller who may send it (api/conn.c), a 64 MiB load streams
through a worker without its memory growing with it, and a write refused
before authentication is counted in audit.weigeringen."""
import json
import os
import socket
import time
import urllib.parse

from conftest import (AUDIENCE, BASE, ISSUER, SECRET, STATE, Server, assert_problem, bearer, reset_peak,
                      request, rss_kb, sql, token, wait_for, workers)

PROGRAMMA = bearer(token(role="programma", sub="programmateam-bodies"))
ADDR = (urllib.parse.urlsplit(BASE).hostname, urllib.parse.urlsplit(BASE).port)


def raw(head, body=b"", read=True, addr=ADDR, timeout=5):
    """Sends a request's head and the given part of its body on a socket of
    its own; returns (status, headers text, socket) once the answer's head
    arrived, or (None, "", socket)."""
    s = socket.create_connection(addr, timeout=timeout)
    try:
        s.sendall(head.encode() + body)
    except OSError:
        pass        # the server answered and closed before all of it was sent
    if not read:
        return None, "", s
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        return None, "", s
    if not data:
        return None, "", s
    head_text = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    return int(head_text.split()[1]), head_text.lower(), s


def head(method, path, length, headers=None):
    h = "".join("%s: %s\r\n" % kv for kv in (headers or {}).items())
    return ("%s %s HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n"
            % (method, path, length, h))


def bodies_on_disk():
    d = os.path.join(STATE, "bodies")
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


def test_an_anonymous_body_is_refused_before_it_is_read():
    for method, path, status in (("POST", "/v1/health", 405), ("POST", "/v1/waarnemingen", 401),
                                 ("PATCH", "/v1/acties/1", 401)):
        t = time.time()
        st, hdrs, s = raw(head(method, path, 60_000_000))
        s.close()
        assert st == status, (path, st)
        assert "connection: close" in hdrs
        assert time.time() - t < 2, "answered before any body arrived"
    # a forged token is no token
    forged = token(secret="an-other-secret-that-is-long-enough-for-hs256")
    st, _, s = raw(head("POST", "/v1/waarnemingen", 60_000_000, {"Authorization": "Bearer " + forged}))
    s.close()
    assert st == 401


def test_an_anonymous_flood_holds_no_memory_and_no_disk():
    pids = workers()
    for p in pids:
        reset_peak(p)
    base = sum(rss_kb(p) for p in pids)
    socks = []
    for i in range(24):
        st, _, s = raw(head("POST", "/v1/health", 60_000_000), b"x" * 1_000_000, read=False)
        socks.append(s)
    answers = []
    for s in socks:
        s.settimeout(5)
        try:
            answers.append(s.recv(200).split(b" ")[1])
        except (socket.timeout, ConnectionError, IndexError):
            answers.append(b"-")
        s.close()
    assert answers.count(b"405") >= 20, answers
    peak = sum(rss_kb(p, "VmHWM") for p in pids)
    # 24 connections, 60 MB announced and 1 MB sent each: a few MiB in all
    assert peak - base < 8 * 1024, (base, peak)
    assert bodies_on_disk() == []


def test_too_many_large_bodies_at_once_wait_their_turn():
    """At most four large bodies per worker on disk at a time; the next
    caller gets 503 with Retry-After before sending it."""
    auth = {"Authorization": PROGRAMMA["Authorization"]}
    held = []
    for i in range(10):
        _, _, s = raw(head("POST", "/v1/waarnemingen", 30_000_000, auth), b"[" + b" " * 100_000, read=False)
        held.append(s)
        time.sleep(0.05)
    refused = 0
    for s in held:
        s.settimeout(0.5)
        try:
            got = s.recv(4096)
        except socket.timeout:
            got = b""
        if got.startswith(b"HTTP/1.1 503"):
            refused += 1
            assert b"retry-after: 5" in got.lower()
    assert refused >= 10 - 2 * 4, refused
    assert len(bodies_on_disk()) <= 2 * 4
    for s in held:
        s.close()
    assert wait_for(lambda: bodies_on_disk() == [], 10)


def test_every_request_on_a_connection_is_looked_at():
    """The second request on a kept-alive connection is read the same way."""
    s = socket.create_connection(ADDR, timeout=5)
    s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: test\r\n\r\n")
    first = b""
    while not first.endswith(b"}"):
        first += s.recv(4096)
    assert first.startswith(b"HTTP/1.1 200") and b"keep-alive" in first
    t = time.time()
    s.sendall(head("POST", "/v1/waarnemingen", 60_000_000).encode())
    second = s.recv(4096)
    assert second.startswith(b"HTTP/1.1 401") and time.time() - t < 2
    s.close()


def test_a_64_mib_load_streams_through_a_worker():
    """A load of 64 MiB is read a part at a time: the worker's memory does
    not grow with it (goal: at most 64 MB above idle), and it is all or
    nothing (the broken last row stores nothing)."""
    row = ('{"indicator": "BM_KINDEREN", "gebied": "GM0014", "periode": "2024-Q1", "waarde": 1, '
           '"status": "voorlopig", "bron": "%s"}')
    one = row % ("x" * 60)
    n = (64 * 1024 * 1024 - 200) // (len(one) + 1)
    last = (row % "laatste")[:-1] + ', "kleur": 1}'
    body = ("[" + ",".join([one] * (n - 1) + [last]) + "]").encode()
    assert 63 * 1024 * 1024 < len(body) <= 64 * 1024 * 1024
    pids = workers()
    for p in pids:
        reset_peak(p)
    idle = max(rss_kb(p) for p in pids)
    before = sql("SELECT count(*) FROM monitoring.waarnemingen")
    r = request("POST", "/v1/waarnemingen", dict(PROGRAMMA, **{"Content-Type": "application/json"}), body,
                timeout=120)
    p = assert_problem(r, 400)
    assert p["invalidParams"] == [{"name": "/%d/kleur" % (n - 1), "reason": "onbekend veld"}]
    assert sql("SELECT count(*) FROM monitoring.waarnemingen") == before
    peak = max(rss_kb(p, "VmHWM") for p in pids)
    assert peak - idle < 64 * 1024, (idle, peak)
    assert bodies_on_disk() == []


def test_refusals_before_authentication_are_counted():
    expired = token(sub="verlopen-schrijver", exp=int(time.time()) - 3600)
    forged = token(secret="an-other-secret-that-is-long-enough-for-hs256", sub="vervalst")
    before = int(sql("SELECT coalesce(sum(aantal), 0) FROM audit.weigeringen"))
    for _ in range(3):
        assert_problem(request("POST", "/v1/acties", {"Content-Type": "application/json"}, b"{}"), 401)
    assert_problem(request("POST", "/v1/acties", dict(bearer(expired), **{"Content-Type": "application/json"}),
                           b"{}"), 401)
    assert_problem(request("POST", "/v1/acties", dict(bearer(forged), **{"Content-Type": "application/json"}),
                           b"{}"), 401)
    assert_problem(request("DELETE", "/v1/health"), 405)
    assert_problem(request("POST", "/v1/acties?access_token=GEHEIME-WAARDE", {"Content-Type": "application/json"}, b"{}"),
                   400)
    many = {"X-Extra-%d" % i: "x" for i in range(24)}
    st, _, s = raw(head("POST", "/v1/acties", 2, many), b"{}")
    s.close()
    assert st == 431
    st, _, s = raw(head("POST", "/v1/waarnemingen", 70_000_000))     # Kore's own 413
    s.close()
    assert st == 413

    def counted():
        return int(sql("SELECT coalesce(sum(aantal), 0) FROM audit.weigeringen")) - before >= 9
    assert wait_for(counted, 10)
    rows = sql("SELECT string_agg(status || ' ' || route || ' ' || coalesce(sub, '-') || ' ' || aantal, '; ' "
               "ORDER BY status, route, sub) FROM audit.weigeringen WHERE minuut >= now() - interval '2 minutes'")
    for part in ("401 acties - ", "401 acties verlopen-schrijver 1", "405 health - 1", "400 acties - ",
                 "431 acties - ", "413 waarnemingen_root - "):
        assert part in rows, (part, rows)
    assert "vervalst" not in rows, "a forged token's subject is not believed"
    dump = sql("SELECT string_agg(to_jsonb(w)::text, ' ') FROM audit.weigeringen w")
    assert expired not in dump and forged.split(".")[1] not in dump and "GEHEIME-WAARDE" not in dump


def test_a_body_that_does_not_arrive_in_time_is_counted():
    s = Server({"LAKMOES_JWT_SECRET": SECRET, "LAKMOES_JWT_ISSUER": ISSUER, "LAKMOES_JWT_AUDIENCE": AUDIENCE},
               "bodytimeout", conf_extra="http_body_timeout\t2\n")
    try:
        assert s.up()
        before = int(sql("SELECT coalesce(sum(aantal), 0) FROM audit.weigeringen WHERE status = 408"))
        st, _, sock = raw(head("POST", "/v1/waarnemingen", 1_000_000, {"Authorization": PROGRAMMA["Authorization"]}),
                          b"[", read=True, addr=("127.0.0.1", s.port), timeout=6)
        sock.close()
        assert st == 408
        assert wait_for(lambda: int(sql("SELECT coalesce(sum(aantal), 0) FROM audit.weigeringen "
                                        "WHERE status = 408")) > before, 10)
    finally:
        s.stop()


def test_a_parameter_that_is_no_text_is_named():
    p = assert_problem(request("GET", "/v1/perioden?%FF=1"), 400)
    assert p["invalidParams"] == [{"name": "%FF", "reason": "ongeldige codering (%-escape, stuurteken of geen UTF-8)"}]
