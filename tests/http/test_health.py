from conftest import assert_problem, request, server_log, wait_for


def test_health_ok():
    r = request("GET", "/v1/health")
    assert r.status == 200
    assert r.content_type == "application/json"
    assert r.json() == {"status": "ok", "database": "ok"}
    assert r.headers["api-version"] == "0.1.0"


def test_health_head_has_no_body():
    r = request("HEAD", "/v1/health")
    assert r.status == 200
    assert r.body == b""
    assert r.headers["api-version"] == "0.1.0"


def test_request_id_is_in_the_access_log():
    r = request("GET", "/v1/health")
    rid = r.headers["x-request-id"]
    assert len(rid) == 32
    assert wait_for(lambda: f"access {rid} publiek GET /v1/health 200" in server_log(), 5)


def test_callers_request_id_is_kept():
    r = request("GET", "/v1/health", {"X-Request-Id": "gateway-1234-abcd"})
    assert r.headers["x-request-id"] == "gateway-1234-abcd"
    r = request("GET", "/v1/health", {"X-Request-Id": "bad id; with <junk>"})
    assert len(r.headers["x-request-id"]) == 32


def test_health_with_bad_token_is_refused():
    assert_problem(request("GET", "/v1/health", {"Authorization": "Bearer nonsense"}), 401)
