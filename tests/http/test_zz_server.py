"""Runs last: whatever the suites did, no worker crashed or was killed by
the sandbox, and the log holds no token."""
from conftest import server_log


def test_no_worker_died():
    log = server_log()
    assert " gone" not in log, [l for l in log.splitlines() if " gone" in l]
    assert "sandbox violation" not in log
    assert "seccomp violation" not in log


def test_no_bearer_in_log():
    assert "Bearer ey" not in server_log()
    assert "eyJhbGciOi" not in server_log()
