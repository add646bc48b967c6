"""The OpenAPI document as a contract on every response the suite receives.

conftest.request() hands each exchange to check(): when the request matches
a documented operation, its status must be documented for that operation
and a JSON body must validate against the documented schema, without
undocumented members (what a client generated from the document would not
know about); a JSON request the server accepted must validate against the
documented request body (else a generated client could not send it). So
every request of every test, its errors included, checks that the
document tells a dashboard developer the truth.

The document is OpenAPI 3.0; its schemas become JSON Schema (draft 4, which
3.0's keywords follow) by turning "nullable" into a null type, and objects
with properties are closed (additionalProperties false) unless they say
otherwise.
"""
import json
import os
import re
import urllib.parse

import jsonschema

DOCUMENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "api", "openapi.json")
_contract = None


def _to_json_schema(node):
    if isinstance(node, list):
        return [_to_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _to_json_schema(v) for k, v in node.items()}
    if "properties" in node and "additionalProperties" not in node:
        node["additionalProperties"] = False
    if node.pop("nullable", False):
        if "enum" in node and None not in node["enum"]:
            node["enum"] = node["enum"] + [None]
        if "type" in node:
            node["type"] = [node["type"], "null"]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


class Contract:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        self.components = _to_json_schema(doc["components"])
        self.validators = {}
        self.prefix = urllib.parse.urlsplit(doc["servers"][0]["url"]).path.rstrip("/")
        # literal paths before templated ones: /aanleveringen/volledigheid
        # is not /aanleveringen/{id}
        self.ops = []
        for p, item in sorted(doc["paths"].items(), key=lambda kv: kv[0].count("{")):
            rx = re.compile("^" + re.escape(self.prefix) +
                            re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(p)) + "$")
            self.ops.append((rx, p, item))

    def inline(self, node, seen=()):
        """node with each $ref replaced by what it refers to: validating
        a page of a thousand rows then resolves no reference per row."""
        if isinstance(node, list):
            return [self.inline(n, seen) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            ref = node["$ref"]
            assert ref not in seen, "recursive schema: " + ref
            target = self.components
            for part in ref.split("/")[2:]:
                target = target[part]
            return self.inline(target, seen + (ref,))
        return {k: self.inline(v, seen) for k, v in node.items()}

    def operation(self, method, path):
        path = path.split("?", 1)[0]
        for rx, p, item in self.ops:
            if rx.match(path):
                return p, item.get(method.lower())
        return None, None

    def response(self, resp):
        if "$ref" in resp:
            return self.components["responses"][resp["$ref"].split("/")[-1]]
        return resp

    def validate(self, schema, doc, where):
        validator = self.validators.get(id(schema))
        if validator is None:
            validator = self.validators[id(schema)] = jsonschema.Draft4Validator(
                self.inline(schema))
        return [f"{where} at /{'/'.join(str(x) for x in e.absolute_path)}: {e.message}"
                for e in validator.iter_errors(doc)][:5]

    def body_errors(self, content, content_type, body, where):
        """What in a body the documented content (media type: schema) does
        not allow."""
        media = (content_type or "").split(";", 1)[0].strip()
        if media not in content:
            return [f"{where} content type {media!r} is not documented "
                    f"(documented: {', '.join(sorted(content)) or 'no body'})"]
        if not media.endswith("json"):
            return []
        return self.validate(content[media]["schema"], json.loads(body), where)

    def request_errors(self, method, path, status, content_type, body):
        """What in a request the server accepted (2xx) the document does
        not allow: a client generated from it could not send it."""
        p, op = self.operation(method, path)
        if op is None or not 200 <= status < 300 or not body or "requestBody" not in op:
            return []
        return self.body_errors(op["requestBody"]["content"], content_type, body, f"{method} {p} request")

    def errors(self, method, path, status, content_type, body):
        """What in this response the document does not say; empty if all."""
        p, op = self.operation(method, path)
        if op is None:
            return []
        responses = op["responses"]
        resp = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") \
            or responses.get("default")
        if resp is None:
            return [f"{method} {p}: status {status} is not documented "
                    f"(documented: {', '.join(sorted(responses))})"]
        if not body:
            return []
        return self.body_errors(self.response(resp).get("content", {}), content_type, body,
                                f"{method} {p} {status}")


def check(method, path, request_type, request_body, status, content_type, body):
    global _contract
    if _contract is None:
        _contract = Contract(DOCUMENT)
    problems = _contract.request_errors(method, path, status, request_type, request_body) + \
        _contract.errors(method, path, status, content_type, body)
    assert not problems, "exchange not as documented in api/openapi.json:\n" + "\n".join(problems)
