import json
import os

import contract
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
                if parts[2] == "web_get":
                    # the dashboard's pages are not the API's: never under /v1
                    assert not parts[1].lstrip("^").startswith("/v1"), parts[1]
                    continue
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


def test_the_contract_check_refuses_what_the_document_does_not_say():
    """Every response of this suite is checked against the document
    (conftest.request, contract.py); that check must be able to fail."""
    c = contract.Contract(contract.DOCUMENT)
    path = "/v1/perioden?limit=1"
    r = request("GET", path)
    assert c.errors("GET", path, 200, r.content_type, r.body) == []

    def errors(change, status=200):
        page = r.json()
        change(page["items"][0])
        return " ".join(c.errors("GET", path, status, "application/json",
                                 json.dumps(page).encode()))
    assert "'onbekend' was unexpected" in errors(lambda p: p.update(onbekend=1))
    assert "not of type 'integer'" in errors(lambda p: p.update(jaar="2025"))
    assert "None is not of type 'string'" in errors(lambda p: p.update(naam=None))
    assert "'maand' is not one of" in errors(lambda p: p.update(soort="maand"))
    assert "'code' is a required property" in errors(lambda p: p.pop("code"))
    assert "status 418 is not documented" in errors(lambda p: None, 418)
    assert "'text/html' is not documented" in " ".join(
        c.errors("GET", path, 200, "text/html", b"<p>"))
    # a request the server accepted must be one the document allows
    post = "/v1/voortgangsrapportages"
    assert c.request_errors("POST", post, 201, "application/json", b'{"periode": "2025-H2"}') == []
    assert "'extra' was unexpected" in " ".join(c.request_errors(
        "POST", post, 201, "application/json", b'{"periode": "2025-H2", "extra": 1}'))
    assert "request content type 'text/plain'" in " ".join(c.request_errors(
        "POST", post, 201, "text/plain", b"2025-H2"))
    # nullable in the document: null is allowed
    assert errors(lambda p: None) == "" and c.errors(
        "GET", path, 200, "application/json", b'{"items": [], "next": null}') == []
