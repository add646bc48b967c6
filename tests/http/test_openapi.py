import json
import os

from conftest import ROOT, request


def test_served_as_kept_in_the_repository():
    r = request("GET", "/v1/openapi.json")
    assert r.status == 200
    assert r.content_type == "application/json"
    with open(os.path.join(ROOT, "api", "openapi.json"), "rb") as f:
        assert r.body == f.read()


def test_is_openapi_3_in_dutch_with_the_endpoints():
    doc = request("GET", "/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.0.")
    assert doc["info"]["version"] == "0.1.0"
    assert {"name", "email", "url"} <= set(doc["info"]["contact"])
    for path in ("/health", "/openapi.json", "/sessie"):
        assert path in doc["paths"], path
    assert all(s["url"].endswith("/v1") for s in doc["servers"])
    assert "Gezondheid" in doc["paths"]["/health"]["get"]["summary"]


def test_every_operation_documents_version_header_and_problems():
    doc = request("GET", "/v1/openapi.json").json()
    responses = doc["components"]["responses"]
    for path, item in doc["paths"].items():
        for method, op in item.items():
            assert "400" in op["responses"], (path, method)
            for code, resp in op["responses"].items():
                if "$ref" in resp:
                    resp = responses[resp["$ref"].split("/")[-1]]
                if code[0] in "23":
                    assert "API-Version" in resp["headers"], (path, method, code)
                else:
                    schema = resp["content"]["application/problem+json"]["schema"]
                    assert schema["$ref"].endswith("/Probleem")


def test_etag_and_if_none_match():
    r = request("GET", "/v1/openapi.json")
    etag = r.headers["etag"]
    r2 = request("GET", "/v1/openapi.json", {"If-None-Match": etag})
    assert r2.status == 304
    assert r2.body == b""
    assert r2.headers["api-version"] == "0.1.0"


def test_document_is_valid_json_with_unique_operation_ids():
    doc = request("GET", "/v1/openapi.json").json()
    ids = [op["operationId"] for item in doc["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))
    json.dumps(doc)


def test_every_route_is_documented_and_every_path_served():
    import re
    examples = {"periode": "2025-H2", "code": "AL1-P1"}

    def concrete_path(p):
        return re.sub(r"\{([^}]+)\}", lambda m: examples.get(m.group(1), "1"), p)
    routes = []
    with open(os.path.join(ROOT, "conf", "lakmoes.conf.in")) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "route" and parts[1] != "^/":
                routes.append(parts[1])
    doc = request("GET", "/v1/openapi.json").json()
    documented = {"/v1" + p for p in doc["paths"]}
    for route in routes:
        if route.startswith("^"):
            assert any(re.match(route, concrete_path(p)) for p in documented), route
        else:
            assert route in documented, route
    for path in documented:
        concrete = concrete_path(path)
        assert any(concrete == r or (r.startswith("^") and re.match(r, concrete)) for r in routes), path


def test_documented_collections_answer():
    doc = request("GET", "/v1/openapi.json").json()
    for path, item in doc["paths"].items():
        if "{" in path or "bearer" in json.dumps(item["get"].get("security", [])) and {} not in item["get"]["security"]:
            continue
        r = request("GET", "/v1" + path)
        assert r.status == 200, path
