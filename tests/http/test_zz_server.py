"""Runs last: whatever the suites did, no worker crashed or was killed by
the sandbox, the log holds no token, and the database's log no delivered
text."""
import uuid

from conftest import assert_problem, bearer, database_log, post_json, server_log, token


def test_no_worker_died():
    log = server_log()
    assert " gone" not in log, [l for l in log.splitlines() if " gone" in l]
    assert "sandbox violation" not in log
    assert "seccomp violation" not in log


def test_no_bearer_in_log():
    assert "Bearer ey" not in server_log()
    assert "eyJhbGciOi" not in server_log()


def test_refused_text_never_reaches_the_database_log():
    # A refused delivery: the e-mail address it is refused for must not be
    # copied into the log with the failed statement.
    marker = "logcontrole-%s@example.nl" % uuid.uuid4().hex[:12]
    r = post_json("/v1/waarnemingen", [{"indicator": "BM_KINDEREN", "gebied": "GM0363", "periode": "2025-Q1",
                                        "waarde": 40, "status": "voorlopig", "bron": "bron " + marker}],
                  bearer(token(role="programma")))
    assert_problem(r, 400)
    log = database_log()
    assert "niets is opgeslagen" in log, "the refusal itself is logged, so this is the live log"
    assert marker not in log
    assert "request.jwt.claims" not in log
