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
