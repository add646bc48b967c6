"""The server rides out a PostgreSQL stop and restart and a SIGHUP reload
without being restarted itself."""
import os
import signal
import socket
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from conftest import BASE, STATE, assert_problem, bearer, db, request, sql, token, wait_for


def health_status():
    return request("GET", "/v1/health").status


def test_health_503_while_database_is_down_then_200_by_itself():
    assert health_status() == 200
    db("stop")
    try:
        r = request("GET", "/v1/health")
        assert_problem(r, 503)
        assert r.headers["retry-after"] == "5"
        # Both workers, whatever connections they pooled, answer 503.
        assert all(health_status() == 503 for _ in range(6))
    finally:
        db("start")
    assert wait_for(lambda: health_status() == 200, 20)
    # Once back, every worker serves again: no request fails.
    assert all(health_status() == 200 for _ in range(10))


def test_restart_while_connections_are_pooled():
    for _ in range(6):
        assert request("GET", "/v1/sessie", bearer(token())).status == 200
    db("restart")
    # Stale pooled connections are replaced on the next request.
    statuses = [request("GET", "/v1/sessie", bearer(token())).status for _ in range(10)]
    assert statuses.count(200) >= 8, statuses
    assert statuses[-3:] == [200, 200, 200], statuses


def test_a_view_that_changes_under_prepared_statements():
    """The monitors keep their statements prepared per connection (api/db.c).
    When the view they read changes its columns while the server runs (a
    repeatable migration applied), PostgreSQL refuses the old statements;
    the server prepares them again and answers with the new columns, never
    with an error."""
    path = "/v1/sectormonitor?gebied=NL&limit=1"

    def columns():
        # a column renamed on purpose is not in the document
        r = request("GET", path, documented=False)
        assert r.status == 200, r.body
        return set(r.json()["items"][0])

    for _ in range(16):
        assert "bron" in columns()
    sql("ALTER VIEW api.sectormonitor RENAME COLUMN bron TO herkomst")
    try:
        for _ in range(16):
            assert "herkomst" in columns()
    finally:
        sql("ALTER VIEW api.sectormonitor RENAME COLUMN herkomst TO bron")
    for _ in range(16):
        assert "bron" in columns()


def test_key_survives_sighup_reload():
    with open(os.path.join(STATE, "kore.pid")) as f:
        pid = int(f.read().strip())
    os.kill(pid, signal.SIGHUP)
    time.sleep(1.5)
    assert wait_for(lambda: request("GET", "/v1/sessie", bearer(token())).status == 200, 10)
    # A reload must not leave the workers without a key (libjwt would then
    # accept anything): forged tokens are still refused.
    for _ in range(4):
        assert_problem(request("GET", "/v1/sessie", bearer(token(secret="y" * 40))), 401)


def test_more_clients_than_connections_are_served_in_turn():
    """Each worker has pgsql_conn_max (4) database connections; further
    requests wait in line (api/db.c). Clients that hang up while waiting or
    while their query runs must not keep a place: afterwards as many clients
    as before are all answered (a lost place would leave them waiting until
    the client's timeout)."""
    path = "/v1/sectormonitor?limit=1000"

    def served(n):
        with ThreadPoolExecutor(24) as pool:
            return list(pool.map(lambda _: request("GET", path).status, range(n)))

    assert served(48) == [200] * 48
    u = urllib.parse.urlsplit(BASE)
    for _ in range(3):
        gone = []
        for _ in range(64):
            s = socket.create_connection((u.hostname, u.port), timeout=5)
            s.sendall(("GET %s HTTP/1.1\r\nHost: test\r\n\r\n" % path).encode())
            gone.append(s)
        for s in gone:
            s.close()
    assert served(48) == [200] * 48


def test_timestamps_are_utc_whatever_the_databases_time_zone():
    """A database of one's own may run in another time zone and date style;
    the API's sessions do not (V023): timestamps stay "…Z", dates ISO, and a
    report's Excel file is still made (it is stamped with the report's
    establishment)."""
    name = sql("SELECT current_database()")
    reports = request("GET", "/v1/voortgangsrapportages").json()["items"]
    assert reports, "test_rapportages established some"
    sql("ALTER DATABASE %s SET timezone = 'Pacific/Auckland'" % name)
    sql("ALTER DATABASE %s SET datestyle = 'SQL, DMY'" % name)
    try:
        db("restart")
        assert wait_for(lambda: health_status() == 200, 20)
        for _ in range(4):      # every worker, on a new connection
            items = request("GET", "/v1/voortgangsrapportages").json()["items"]
            assert items == reports
        perioden = request("GET", "/v1/perioden?limit=1").json()["items"]
        assert perioden[0]["beginDatum"][4] == "-", perioden
        xlsx = {"Accept": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        assert request("GET", "/v1/voortgangsrapportages/" + reports[0]["periode"], xlsx).status == 200
    finally:
        sql("ALTER DATABASE %s RESET timezone" % name)
        sql("ALTER DATABASE %s RESET datestyle" % name)
        db("restart")
        assert wait_for(lambda: health_status() == 200, 20)
