/*
 * Copyright (c) 2026 Lakmoes contributors
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */

/*
 * One transaction per request on Kore's asynchronous pgsql layer; a worker
 * never blocks on a query. The whole transaction goes out as one
 * simple-protocol message, so it costs one round trip:
 *
 *   BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY|READ WRITE;
 *   SELECT set_config('role', …, true), set_config('request.jwt.claims', …,
 *       true), set_config('lakmoes.request_id', …, true);
 *   <the route's one statement, its $n bound as literals by sqlbind.c>;
 *   COMMIT
 *
 * A researcher's read (role onderzoeker) also records itself, in the same
 * transaction, after the route's statement (DESIGN.md: every read is
 * logged): "SELECT audit.inzage(<method>, <path>, <query string>)", so the
 * transaction is READ WRITE for that role.
 *
 * The states, run by http_state_run():
 *   SETUP   take a pooled connection (queued while the pool is busy)
 *   SEND    build and send the message
 *   WAIT    read the results in order; the third is the route's, which
 *           row() renders
 *   END     ROLLBACK, only when a statement failed and left the
 *           transaction aborted
 *   FINISH  release the connection and answer
 *
 * Kore 4.1 releases a connection as soon as a statement is done
 * (kore_pgsql_continue in state DONE), which would hand it back in the middle
 * of the message. db_advance() therefore reads on without calling it in that
 * state. A connection only goes back to the pool idle, outside any
 * transaction, so no caller's role or claims can reach the next request.
 *
 * A write whose body goes to the database in parts (route->feed: a bulk
 * load) keeps its transaction open over several messages: the first is
 * BEGIN, the settings and the first part's statement; then one message
 * per part; the last is the route's statement and COMMIT. While the
 * database takes one part, the route reads and checks the next
 * (db_send), so the worker's and the database's work overlap and no more
 * than two parts are held at once. A part the route refuses (a broken row
 * in the body) rolls the transaction back and records the attempt, as
 * for a failed statement (db_end).
 *
 * A route may keep its statement prepared (tx.prepare; the monitors do):
 * then the message holds "EXECUTE lk_<hash>(<values>)" instead of the
 * statement, preceded by "PREPARE lk_<hash> AS <statement>" the first time
 * on that connection (<hash>: the text's XXH3, as for ETags in api.c). The
 * statement is specialised to the filters present (sqlbind_specialise), so
 * that PostgreSQL's generic plan is as good as a plan for the values and a
 * request skips parsing and planning: for the
 * sector monitor's time series at 32 connections 5,900 transactions/s
 * instead of 2,600 (pgbench, the whole message). What each connection has
 * prepared is kept per worker, by connection and backend (db_prepared),
 * from the moment the PREPARE is sent: a prepared statement outlives a
 * rolled-back transaction, and a request cancelled after its PREPARE ran
 * leaves it behind. A connection's first such message deallocates whatever
 * it may have. When PostgreSQL no longer has a statement or cannot use it
 * any more (a view changed its columns while the server ran), each
 * connection deallocates all its statements in its next message and the
 * read is tried once more.
 *
 * The extended protocol in pipeline mode (Bind/Execute of every statement,
 * one sync) would also skip parsing the EXECUTE and the settings. Measured
 * with pgbench on the time series, 32 clients, same minutes: 8,700-9,300
 * transactions/s against 7,200-8,000 for this message and 9,900-10,600
 * for the bare prepared SELECT (the pipeline and the bare SELECT as the
 * owner: pgbench prepares a pipeline's statements before any role is
 * set). Kore 4.1 sends with PQsendQuery and ends a read at the first NULL
 * result, so it would mean driving libpq here rather than through
 * kore_pgsql; not done for about 15% in the database.
 *
 * Admission to the pool is the module's own, first come first served. Kore
 * 4.1 queues a request when its pool is busy and wakes the first one when a
 * connection comes back, but the woken request only runs later in the event
 * loop; a request that arrived meanwhile takes the connection, and the woken
 * one goes to the back of the queue again (pgsql.c, pgsql_queue_add). At 32
 * connections some requests lost that race over and over: p50 15 ms, p99
 * 400-700 ms. Here at most pgsql_conn_max requests hold a place; the others
 * wait in line in arrival order, and a place that comes free is handed to
 * the first in line directly (db_leave), so Kore's own queue stays empty.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "lakmoes.h"

#define DB_ST_SETUP	0
#define DB_ST_SEND	1
#define DB_ST_WAIT	2
#define DB_ST_END	3
#define DB_ST_FINISH	4

#define DB_PHASE_NONE	0
#define DB_PHASE_SENT	1
#define DB_PHASE_END	2

/*
 * The route's statement is the third result: after BEGIN and set_config;
 * after a DEALLOCATE ALL and a PREPARE when the message has them.
 */
#define DB_RESULT_ROUTE	2

#define DB_ATTEMPTS_MAX	2

/*
 * Connections per worker whose statements are kept (db_prepared): well
 * above pgsql_conn_max (4), as broken connections leave records behind;
 * statements kept per connection.
 */
#define DB_CONNS_MAX	64
#define DB_PREPARED_MAX	64

/*
 * What one connection has prepared: the names (hashes) of its statements,
 * for the backend it had then. reset: deallocate all in the next message,
 * so that what is kept here is all there is.
 */
struct db_prepared {
	PGconn		*db;
	int		 pid;
	int		 reset;
	int		 n;
	u_int64_t	 names[DB_PREPARED_MAX];
};

static struct db_prepared	db_prepared[DB_CONNS_MAX];

static int	db_setup(struct http_request *);
static int	db_send(struct http_request *);
static int	db_wait(struct http_request *);
static int	db_end(struct http_request *);
static int	db_finish(struct http_request *);
static int	db_wait_done(struct http_request *, struct db_tx *);
static int	db_wait_error(struct http_request *, struct api_ctx *);
static void	db_advance(struct db_tx *);
static void	db_handle(void *, int);
static void	db_fail(struct api_ctx *, int, const char *);
static char	*db_message(struct api_ctx *, PGconn *);
static char	*db_feed_message(struct api_ctx *, PGconn *);
static int	db_settings(struct api_ctx *, PGconn *, char **, size_t *, size_t *);
static char	*db_attempt_message(struct api_ctx *, PGconn *);
static char	*db_escape(void *, const char *, size_t);
static void	 db_free_literal(void *);
static void	db_respond_failure(struct api_ctx *);
static void	db_keep_error(struct api_ctx *, PGresult *);
static char	*db_field(PGresult *, int);
static int	db_admit(struct api_ctx *);
static void	db_leave(struct db_tx *);
static void	db_conn_return(struct db_tx *);
static struct db_prepared *db_prepared_for(PGconn *);
static int	db_prepared_has(const struct db_prepared *, u_int64_t);
static int	db_statement(struct api_ctx *, PGconn *, struct sqlbind *,
		    char **, size_t *, size_t *);
static int	db_statement_lost(const struct db_tx *);
static void	db_statement_failed(struct db_tx *);

/* The line for the pool: who holds a place, who waits (db_admit). */
static TAILQ_HEAD(, db_tx)	db_line = TAILQ_HEAD_INITIALIZER(db_line);
/* the transactions that hold a connection, for db_handle */
static TAILQ_HEAD(, db_tx)	db_conns = TAILQ_HEAD_INITIALIZER(db_conns);
static u_int32_t		db_places_used;
static u_int32_t		db_waiting;

struct http_state db_states[] = {
	KORE_HTTP_STATE(db_setup),
	KORE_HTTP_STATE(db_send),
	KORE_HTTP_STATE(db_wait),
	KORE_HTTP_STATE(db_end),
	KORE_HTTP_STATE(db_finish),
};

const u_int8_t db_nstates = sizeof(db_states) / sizeof(db_states[0]);

/* Prepares ctx->tx for a (new) attempt; the request then enters SETUP. */
void
db_tx_init(struct api_ctx *ctx)
{
	struct db_tx	*tx = &ctx->tx;

	kore_pgsql_init(&tx->sql);
	kore_pgsql_bind_request(&tx->sql, ctx->req);
	tx->req = ctx->req;
	tx->phase = DB_PHASE_NONE;
	tx->result_no = 0;
	tx->route_result = DB_RESULT_ROUTE;
	tx->failure = DB_FAIL_NONE;
	tx->feeding = 0;
	tx->feed_failed = 0;
	tx->sqlstate[0] = '\0';
	db_tx_clear_error(tx);
	ctx->req->fsm_state = DB_ST_SETUP;
}

/*
 * Returns the connection to Kore's pool and the request's place to the line.
 * Safe to call more than once.
 */
void
db_tx_release(struct db_tx *tx)
{
	db_conn_return(tx);
	db_leave(tx);
}

/*
 * Returns the connection to Kore's pool in a clean state. Works around two
 * Kore 4.1 pool faults (KORE.md §3.6): a connection whose socket libpq
 * already closed (Kore would fatal() on epoll_ctl) and a broken connection
 * that would be handed out forever (reset here, bounded by connect_timeout).
 * A transaction still open (only when a request was aborted) is rolled back
 * synchronously before anyone else can get the connection.
 */
static void
db_conn_return(struct db_tx *tx)
{
	if (tx->connected) {
		TAILQ_REMOVE(&db_conns, tx, conns);
		tx->connected = 0;
	}
	db_pgsql_release(&tx->sql);
}

/*
 * db_conn_return for any kore_pgsql (pogingen.c's too): releases its
 * connection, repaired or rolled back as needed.
 */
void
db_pgsql_release(struct kore_pgsql *sql)
{
	PGconn		*db = NULL;
	PGresult	*res;

	if (sql->conn != NULL) {
		db = sql->conn->db;
		if ((sql->flags & KORE_PGSQL_SCHEDULED) && PQsocket(db) == -1)
			sql->flags &= ~KORE_PGSQL_SCHEDULED;
	}
	kore_pgsql_cleanup(sql);
	if (db == NULL)
		return;
	if (PQstatus(db) == CONNECTION_BAD) {
		PQreset(db);
		return;
	}
	if (PQtransactionStatus(db) != PQTRANS_IDLE) {
		kore_log(LOG_WARNING, "%s: rolling back an abandoned transaction", __func__);
		res = PQexec(db, "ROLLBACK");
		PQclear(res);
		if (PQtransactionStatus(db) != PQTRANS_IDLE)
			PQreset(db);
	}
}

/*
 * Sets *out to a JSON string for the text value at (row, col), or json_null()
 * for SQL NULL. Returns KORE_RESULT_ERROR when the value is not valid UTF-8.
 */
int
db_json_value(struct kore_pgsql *sql, int row, int col, json_t **out)
{
	if (PQgetisnull(sql->result, row, col)) {
		*out = json_null();
		return (KORE_RESULT_OK);
	}
	*out = json_stringn(kore_pgsql_getvalue(sql, row, col),
	    (size_t)kore_pgsql_getlength(sql, row, col));
	return (*out != NULL ? KORE_RESULT_OK : KORE_RESULT_ERROR);
}

static int
db_setup(struct http_request *req)
{
	struct api_ctx	*ctx = http_state_get(req);

	if (!ctx->tx.slot && !db_admit(ctx))
		return (ctx->tx.waiting ? HTTP_STATE_RETRY : HTTP_STATE_CONTINUE);
	if (!kore_pgsql_setup(&ctx->tx.sql, "db", KORE_PGSQL_ASYNC)) {
		if (ctx->tx.sql.state == KORE_PGSQL_STATE_INIT) {
			/* Pool busy: Kore queued us and wakes us up. */
			return (HTTP_STATE_RETRY);
		}
		db_fail(ctx, DB_FAIL_CONN, "setup");
		return (HTTP_STATE_CONTINUE);
	}
	ctx->tx.sql.conn->evt.handle = db_handle;
	if (!ctx->tx.connected) {
		TAILQ_INSERT_TAIL(&db_conns, &ctx->tx, conns);
		ctx->tx.connected = 1;
	}
	req->fsm_state = DB_ST_SEND;
	return (HTTP_STATE_CONTINUE);
}

/*
 * Gives the request a place in the pool when one is free and nobody waits;
 * otherwise puts it in line, asleep, and returns 0. A full line
 * (pgsql_queue_limit, as Kore's queue) fails the request with 503.
 */
static int
db_admit(struct api_ctx *ctx)
{
	struct db_tx	*tx = &ctx->tx;

	if (!tx->waiting) {
		if (pgsql_conn_max == 0 ||
		    (db_places_used < pgsql_conn_max && TAILQ_EMPTY(&db_line))) {
			db_places_used++;
			tx->slot = 1;
			return (1);
		}
		if (db_waiting >= pgsql_queue_limit) {
			db_fail(ctx, DB_FAIL_CONN, "too many requests waiting for the database");
			return (0);
		}
		TAILQ_INSERT_TAIL(&db_line, tx, line);
		tx->waiting = 1;
		db_waiting++;
	}
	http_request_sleep(tx->req);
	return (0);
}

/* Leaves the line, or hands the place held to the first in line. */
static void
db_leave(struct db_tx *tx)
{
	struct db_tx	*next;

	if (tx->waiting) {
		TAILQ_REMOVE(&db_line, tx, line);
		tx->waiting = 0;
		db_waiting--;
	}
	if (!tx->slot)
		return;
	tx->slot = 0;
	if ((next = TAILQ_FIRST(&db_line)) == NULL) {
		db_places_used--;
		return;
	}
	TAILQ_REMOVE(&db_line, next, line);
	next->waiting = 0;
	db_waiting--;
	next->slot = 1;
	http_request_wakeup(next->req);
}

/*
 * Sends the request's message: the whole transaction, or for a route fed
 * in parts the next message of its open transaction, after which the
 * route reads the part that comes next.
 */
static int
db_send(struct http_request *req)
{
	struct api_ctx	*ctx = http_state_get(req);
	struct db_tx	*tx = &ctx->tx;
	PGconn		*db = tx->sql.conn->db;
	char		*q;

	if (tx->phase == DB_PHASE_NONE && PQtransactionStatus(db) != PQTRANS_IDLE) {
		db_fail(ctx, DB_FAIL_CONN, "pooled connection not idle");
		return (HTTP_STATE_CONTINUE);
	}
	q = tx->phase == DB_PHASE_NONE ? db_message(ctx, db) : db_feed_message(ctx, db);
	if (q == NULL) {
		db_fail(ctx, DB_FAIL_RENDER, "binding the statement");
		return (HTTP_STATE_CONTINUE);
	}
	tx->phase = DB_PHASE_SENT;
	tx->result_no = 0;
	if (!kore_pgsql_query(&tx->sql, q)) {
		free(q);
		db_fail(ctx, DB_FAIL_CONN, "send");
		return (HTTP_STATE_CONTINUE);
	}
	free(q);
	if (tx->feeding && !ctx->route->feed(ctx))
		tx->feed_failed = 1;
	req->fsm_state = DB_ST_WAIT;
	return (HTTP_STATE_RETRY);
}

/*
 * After a failed statement: end the aborted transaction. A refused write is
 * recorded in audit.pogingen in the same message, in a transaction of its
 * own (without its payload).
 */
static int
db_end(struct http_request *req)
{
	struct api_ctx	*ctx = http_state_get(req);
	struct db_tx	*tx = &ctx->tx;
	char		*q;

	tx->phase = DB_PHASE_END;
	q = db_attempt_message(ctx, tx->sql.conn->db);
	if (!kore_pgsql_query(&tx->sql, q != NULL ? q : "ROLLBACK")) {
		free(q);
		db_fail(ctx, DB_FAIL_CONN, "rollback");
		return (HTTP_STATE_CONTINUE);
	}
	free(q);
	req->fsm_state = DB_ST_WAIT;
	return (HTTP_STATE_RETRY);
}

static int
db_wait(struct http_request *req)
{
	struct api_ctx	*ctx = http_state_get(req);
	struct db_tx	*tx = &ctx->tx;

	switch (tx->sql.state) {
	case KORE_PGSQL_STATE_WAIT:
		return (HTTP_STATE_RETRY);
	case KORE_PGSQL_STATE_RESULT:
		if (tx->phase == DB_PHASE_SENT && tx->result_no == tx->route_result &&
		    tx->failure == DB_FAIL_NONE &&
		    ctx->route->row != NULL && !ctx->route->row(ctx, &tx->sql)) {
			kore_log(LOG_ERR, "%s: %s: rendering failed", __func__, ctx->reqid);
			tx->failure = DB_FAIL_RENDER;
		}
		db_advance(tx);
		return (HTTP_STATE_CONTINUE);
	case KORE_PGSQL_STATE_ERROR:
		return (db_wait_error(req, ctx));
	case KORE_PGSQL_STATE_DONE:
		return (db_wait_done(req, tx));
	case KORE_PGSQL_STATE_NOTIFY:
		db_advance(tx);
		return (HTTP_STATE_CONTINUE);
	default:
		db_fail(ctx, DB_FAIL_CONN, "unexpected pgsql state");
		return (HTTP_STATE_CONTINUE);
	}
}

/*
 * A statement failed. Without a connection or a server result the
 * connection itself is gone; otherwise the first SQLSTATE is kept and the
 * remaining results are read so the transaction can be rolled back.
 */
static int
db_wait_error(struct http_request *req, struct api_ctx *ctx)
{
	struct db_tx	*tx = &ctx->tx;

	if (tx->sql.conn == NULL || tx->sql.result == NULL ||
	    PQstatus(tx->sql.conn->db) == CONNECTION_BAD) {
		db_fail(ctx, DB_FAIL_CONN, "connection lost");
		return (HTTP_STATE_CONTINUE);
	}
	if (tx->failure != DB_FAIL_SQL) {
		db_keep_error(ctx, tx->sql.result);
		db_statement_failed(tx);
	}
	db_advance(tx);
	return (HTTP_STATE_CONTINUE);
}

/*
 * DONE with a result is a finished command; without one the message is
 * answered. A failed statement leaves the transaction aborted: roll back.
 */
static int
db_wait_done(struct http_request *req, struct db_tx *tx)
{
	struct api_ctx	*ctx = http_state_get(req);

	if (tx->sql.result != NULL) {
		db_advance(tx);
		return (HTTP_STATE_CONTINUE);
	}
	if (tx->phase == DB_PHASE_SENT && tx->feeding && tx->failure == DB_FAIL_NONE) {
		/* a part was taken: the next, or the end when it could not be made */
		if (tx->feed_failed && ctx->refusal == NULL)
			tx->failure = DB_FAIL_RENDER;
		req->fsm_state = tx->feed_failed ? DB_ST_END : DB_ST_SEND;
	} else if (tx->phase == DB_PHASE_SENT &&
	    PQtransactionStatus(tx->sql.conn->db) != PQTRANS_IDLE) {
		req->fsm_state = DB_ST_END;
	} else {
		req->fsm_state = DB_ST_FINISH;
	}
	return (HTTP_STATE_CONTINUE);
}

/*
 * The connection's event handler in place of kore_pgsql_handle. Kore reads
 * the next result whenever the socket turns readable, also when the request
 * has not yet taken the one it holds; that one is then lost (and leaked) and
 * the message's results are miscounted. It happens: PostgreSQL sends an
 * error at once and the rest of the message (the ROLLBACK of the COMMIT)
 * after it, and a worker that spent Kore's 10 ms per round on other
 * requests (http_request_ms) runs the woken request only after the next
 * epoll round, which brings the rest: a refused load was answered 500,
 * and any statement's error could be lost so. So while a result waits for
 * db_wait the event is left: the data stays in the socket (the read is
 * edge-triggered but nothing is missed) and db_advance reads on with
 * kore_pgsql_continue once the result is taken. Errors and idle states go
 * to Kore as before.
 */
static void
db_handle(void *c, int err)
{
	struct pgsql_conn	*conn = c;
	struct db_tx		*tx;

	TAILQ_FOREACH(tx, &db_conns, conns) {
		if (tx->sql.conn == conn)
			break;
	}
	if (!err && tx != NULL) {
		switch (tx->sql.state) {
		case KORE_PGSQL_STATE_RESULT:
		case KORE_PGSQL_STATE_ERROR:
		case KORE_PGSQL_STATE_NOTIFY:
			return;
		case KORE_PGSQL_STATE_DONE:
			if (tx->sql.result != NULL)
				return;
			break;
		default:
			break;
		}
	}
	kore_pgsql_handle(c, err);
}

/*
 * Reads the next result of the current step. In state DONE Kore's own
 * kore_pgsql_continue() would release the connection mid-transaction, so
 * the finished command's result is dropped here and reading goes on.
 */
static void
db_advance(struct db_tx *tx)
{
	if (tx->sql.state == KORE_PGSQL_STATE_DONE) {
		PQclear(tx->sql.result);
		tx->sql.result = NULL;
		tx->sql.state = KORE_PGSQL_STATE_RESULT;
	}
	tx->result_no++;
	kore_pgsql_continue(&tx->sql);
}

static int
db_finish(struct http_request *req)
{
	struct api_ctx	*ctx = http_state_get(req);
	struct db_tx	*tx = &ctx->tx;

	db_tx_release(tx);

	/*
	 * A pooled connection that died while idle (a database restart) fails
	 * before any answer came back: a read is tried once more on another.
	 * A write is not: it may have committed before the connection broke.
	 */
	if (((tx->failure == DB_FAIL_CONN && tx->result_no == 0) || db_statement_lost(tx)) &&
	    ctx->route->readonly && ++tx->attempts < DB_ATTEMPTS_MAX) {
		db_tx_init(ctx);
		return (HTTP_STATE_CONTINUE);
	}
	if (ctx->refusal != NULL) {
		api_problem_json(ctx, ctx->refusal);
		ctx->refusal = NULL;
	} else if (tx->failure == DB_FAIL_NONE) {
		ctx->route->respond(ctx);
	} else {
		db_respond_failure(ctx);
	}
	return (HTTP_STATE_COMPLETE);
}

/*
 * Keeps what a client may learn of a failed statement: the SQLSTATE and,
 * for the warehouse's own LK states, its message and DETAIL (a JSON list of
 * problems). The log gets the SQLSTATE, table and constraint, never values:
 * a message can quote delivered text.
 */
static void
db_keep_error(struct api_ctx *ctx, PGresult *res)
{
	struct db_tx	*tx = &ctx->tx;
	const char	*state, *table, *constraint;

	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	table = PQresultErrorField(res, PG_DIAG_TABLE_NAME);
	constraint = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME);
	kore_strlcpy(tx->sqlstate, state != NULL ? state : "", sizeof(tx->sqlstate));
	if (!strncmp(tx->sqlstate, "LK", 2)) {
		tx->message = db_field(res, PG_DIAG_MESSAGE_PRIMARY);
		tx->detail = db_field(res, PG_DIAG_MESSAGE_DETAIL);
	} else if (constraint != NULL) {
		tx->constraint = strdup(constraint);
	}
	kore_log(LOG_NOTICE, "%s: %s: sqlstate %s table %s constraint %s", __func__,
	    ctx->reqid, tx->sqlstate, table != NULL ? table : "-",
	    constraint != NULL ? constraint : "-");
	tx->failure = DB_FAIL_SQL;
}

static char *
db_field(PGresult *res, int field)
{
	const char	*v = PQresultErrorField(res, field);

	return (v != NULL ? strdup(v) : NULL);
}

/* Releases the kept error texts. */
void
db_tx_clear_error(struct db_tx *tx)
{
	free(tx->message);
	free(tx->detail);
	free(tx->constraint);
	tx->message = tx->detail = tx->constraint = NULL;
}

/*
 * Answers a failed transaction: the status from the SQLSTATE table; for the
 * warehouse's own refusals their message and problems as invalidParams; for
 * a violated constraint its name.
 */
static void
db_respond_failure(struct api_ctx *ctx)
{
	const struct sqlstate_map	*m;
	struct db_tx			*tx = &ctx->tx;
	json_t				*p, *list, *item;
	json_error_t			 err;
	size_t				 i;

	switch (tx->failure) {
	case DB_FAIL_SQL:
		m = sqlstate_lookup(tx->sqlstate);
		if ((p = problem_new(m->status, tx->message != NULL ? tx->message : m->detail)) == NULL)
			break;
		if (tx->detail != NULL &&
		    (list = json_loads(tx->detail, JSON_REJECT_DUPLICATES, &err)) != NULL) {
			json_array_foreach(list, i, item) {
				if (json_is_string(json_object_get(item, "name")) &&
				    json_is_string(json_object_get(item, "reason")))
					(void)problem_add_invalid(p,
					    json_string_value(json_object_get(item, "name")),
					    json_string_value(json_object_get(item, "reason")));
			}
			json_decref(list);
		} else if (m->status == 400 && tx->constraint != NULL) {
			(void)problem_add_invalid(p, tx->constraint, m->detail);
		}
		api_problem_json(ctx, p);
		return;
	case DB_FAIL_CONN:
		api_problem(ctx, 503, "de database is tijdelijk niet bereikbaar; probeer het zo opnieuw");
		return;
	default:
		break;
	}
	api_problem(ctx, 500, "interne fout bij het opmaken van het antwoord");
}

/* Records a failure of the connection (logged, never sent) and finishes. */
static void
db_fail(struct api_ctx *ctx, int failure, const char *where)
{
	kore_log(LOG_NOTICE, "%s: %s: %s: %s", __func__, ctx->reqid, where,
	    ctx->tx.sql.error != NULL ? ctx->tx.sql.error : "no detail");
	ctx->tx.failure = failure;
	ctx->req->fsm_state = DB_ST_FINISH;
}

static char *
db_escape(void *conn, const char *s, size_t len)
{
	return (PQescapeLiteral(conn, s, len));
}

static void
db_free_literal(void *p)
{
	PQfreemem(p);
}

/*
 * Builds the request's whole transaction as one message. The role comes
 * from a fixed list, the claims were verified and re-serialized by jansson,
 * the request id is plain; like the route's parameters, all are quoted by
 * libpq (PQescapeLiteral). Returns a malloc()ed string or NULL.
 */
static char *
db_message(struct api_ctx *ctx, PGconn *db)
{
	struct sqlbind	 b = { 0, NULL, db_escape, db_free_literal, db };
	const char	*read[3];
	char		*q = NULL, query[1024];
	size_t		 len = 0, cap = 0, i;
	int		 logged = ctx->route->readonly && ctx->role != NULL &&
			    !strcmp(ctx->role, "onderzoeker");

	if (!db_settings(ctx, db, &q, &len, &cap))
		goto fail;
	if (ctx->route->feed != NULL && ctx->tx.feed_sql != NULL) {
		/* the first part; the transaction stays open for the rest */
		ctx->tx.feeding = 1;
		ctx->tx.route_result = -1;
		b.nparams = 1;
		b.params = &ctx->tx.feed_param;
		if (!sqlbind_append(&b, ctx->tx.feed_sql, &q, &len, &cap))
			goto fail;
		return (q);
	}
	b.nparams = ctx->tx.nparams;
	b.params = ctx->tx.params;
	if (!db_statement(ctx, db, &b, &q, &len, &cap))
		goto fail;
	if (logged) {
		/* the query string as sent, bytes outside printable ASCII as '?' */
		(void)kore_strlcpy(query, ctx->req->query_string != NULL ? ctx->req->query_string : "",
		    sizeof(query));
		for (i = 0; query[i] != '\0'; i++) {
			if ((unsigned char)query[i] < 0x20 || (unsigned char)query[i] > 0x7e)
				query[i] = '?';
		}
		read[0] = api_method_name(ctx->req->method);
		read[1] = ctx->req->path;
		read[2] = query;
		b.nparams = 3;
		b.params = read;
		if (!sqlbind_append(&b, "; SELECT audit.inzage($1, $2, $3)", &q, &len, &cap))
			goto fail;
	}
	b.nparams = 0;
	if (!sqlbind_append(&b, "; COMMIT", &q, &len, &cap))
		goto fail;
	return (q);
fail:
	free(q);
	return (NULL);
}

/*
 * BEGIN and the request's settings (role, claims, request id, statement
 * timeout), appended to *q. Returns 0 on failure.
 */
static int
db_settings(struct api_ctx *ctx, PGconn *db, char **q, size_t *len, size_t *cap)
{
	const char	*settings[4] = { ctx->role, ctx->claims_text, ctx->reqid,
			    ctx->route->timeout != NULL ? ctx->route->timeout : "15s" };
	struct sqlbind	 b = { 4, settings, db_escape, db_free_literal, db };
	int		 logged = ctx->route->readonly && ctx->role != NULL &&
			    !strcmp(ctx->role, "onderzoeker");

	return (sqlbind_append(&b, ctx->route->readonly && !logged ?
	    "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY; " :
	    "BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE; ", q, len, cap) &&
	    sqlbind_append(&b, "SELECT set_config('role', $1, true), "
	    "set_config('request.jwt.claims', $2, true), "
	    "set_config('lakmoes.request_id', $3, true), "
	    "set_config('statement_timeout', $4, true); ", q, len, cap));
}

/*
 * The next message of a transaction fed in parts: the next part's
 * statement, or after the last part the route's statement and COMMIT
 * (whose first result is then the route's). Returns a malloc()ed string or
 * NULL.
 */
static char *
db_feed_message(struct api_ctx *ctx, PGconn *db)
{
	struct db_tx	*tx = &ctx->tx;
	struct sqlbind	 b = { 1, &tx->feed_param, db_escape, db_free_literal, db };
	char		*q = NULL;
	size_t		 len = 0, cap = 0;

	if (tx->feed_sql != NULL) {
		if (!sqlbind_append(&b, tx->feed_sql, &q, &len, &cap))
			goto fail;
		return (q);
	}
	tx->feeding = 0;
	tx->route_result = 0;
	b.nparams = tx->nparams;
	b.params = tx->params;
	if (!sqlbind_append(&b, tx->query, &q, &len, &cap) ||
	    !sqlbind_append(&b, "; COMMIT", &q, &len, &cap))
		goto fail;
	return (q);
fail:
	free(q);
	return (NULL);
}

/*
 * For a refused write: "ROLLBACK; BEGIN; <settings>; SELECT audit.poging(…);
 * COMMIT", with the status of the failed statement or of the route's
 * refusal of a part of the body. Returns NULL for reads and other failures
 * (a plain ROLLBACK will do) or when the message cannot be made.
 */
static char *
db_attempt_message(struct api_ctx *ctx, PGconn *db)
{
	const char	*settings[7];
	struct sqlbind	 b = { 7, settings, db_escape, db_free_literal, db };
	char		*q = NULL, status[8], reason[32];
	size_t		 len = 0, cap = 0;

	if (ctx->route->readonly || (ctx->tx.failure != DB_FAIL_SQL && ctx->refusal == NULL))
		return (NULL);
	if (ctx->tx.failure == DB_FAIL_SQL) {
		(void)snprintf(status, sizeof(status), "%d", sqlstate_lookup(ctx->tx.sqlstate)->status);
		(void)snprintf(reason, sizeof(reason), "sqlstate %s", ctx->tx.sqlstate);
	} else {
		(void)snprintf(status, sizeof(status), "%d",
		    (int)json_integer_value(json_object_get(ctx->refusal, "status")));
		(void)kore_strlcpy(reason, "verzoek ongeldig", sizeof(reason));
	}
	settings[0] = ctx->role;
	settings[1] = ctx->claims_text;
	settings[2] = ctx->reqid;
	settings[3] = api_method_name(ctx->req->method);
	settings[4] = ctx->req->path;
	settings[5] = status;
	settings[6] = reason;
	if (!sqlbind_append(&b, "ROLLBACK; BEGIN; "
	    "SELECT set_config('role', $1, true), set_config('request.jwt.claims', $2, true), "
	    "set_config('lakmoes.request_id', $3, true); "
	    "SELECT audit.poging($4, $5, $6::integer, $7); COMMIT", &q, &len, &cap)) {
		free(q);
		return (NULL);
	}
	return (q);
}

/*
 * Appends the route's statement to the message: bound as literals, or, for
 * a route that keeps it prepared, as an EXECUTE of its specialised text,
 * with a PREPARE first when this connection does not have it yet (and a
 * DEALLOCATE ALL before that when db_prepared says so). Statements beyond
 * what a connection keeps go as literals.
 */
static int
db_statement(struct api_ctx *ctx, PGconn *db, struct sqlbind *b, char **q,
    size_t *len, size_t *cap)
{
	struct db_tx		*tx = &ctx->tx;
	struct db_prepared	*p;
	char			*text = NULL, name[24];
	size_t			 tlen = 0, tcap = 0;
	int			 order[DB_PARAMS_MAX], n, ok = 0;
	u_int64_t		 h;

	if (!tx->prepare)
		return (sqlbind_append(b, tx->query, q, len, cap));
	p = db_prepared_for(db);
	if (!sqlbind_specialise(b, tx->query, &text, &tlen, &tcap, order, &n))
		return (0);
	h = XXH3_64bits(text, tlen);
	(void)snprintf(name, sizeof(name), "lk_%016llx", (unsigned long long)h);
	if (p->reset) {
		if (!sqlbind_text(q, len, cap, "DEALLOCATE ALL; "))
			goto done;
		p->reset = 0;
		p->n = 0;
		tx->route_result++;
	}
	if (!db_prepared_has(p, h)) {
		if (p->n == DB_PREPARED_MAX) {
			ok = sqlbind_append(b, tx->query, q, len, cap);
			goto done;
		}
		if (!sqlbind_text(q, len, cap, "PREPARE ") ||
		    !sqlbind_text(q, len, cap, name) ||
		    !sqlbind_text(q, len, cap, " AS ") ||
		    !sqlbind_text(q, len, cap, text) ||
		    !sqlbind_text(q, len, cap, "; "))
			goto done;
		p->names[p->n++] = h;
		tx->route_result++;
	}
	ok = sqlbind_text(q, len, cap, "EXECUTE ") &&
	    sqlbind_text(q, len, cap, name) &&
	    sqlbind_arguments(b, order, n, q, len, cap);
done:
	free(text);
	return (ok);
}

/*
 * The connection's record of prepared statements. A new record, or one of
 * another backend (the connection was reset), starts by deallocating. Kore
 * frees a connection that broke without telling, so records of connections
 * long gone stay; when all are taken they are all forgotten, and the live
 * connections start over, deallocating first.
 */
static struct db_prepared *
db_prepared_for(PGconn *db)
{
	struct db_prepared	*p = NULL;
	size_t			 i;
	int			 pid = PQbackendPID(db);

	for (i = 0; i < DB_CONNS_MAX; i++) {
		if (db_prepared[i].db == db) {
			p = &db_prepared[i];
			break;
		}
		if (db_prepared[i].db == NULL && p == NULL)
			p = &db_prepared[i];
	}
	if (p == NULL) {
		memset(db_prepared, 0, sizeof(db_prepared));
		p = &db_prepared[0];
	}
	if (p->db != db || p->pid != pid) {
		p->db = db;
		p->pid = pid;
		p->n = 0;
		p->reset = 1;
	}
	return (p);
}

static int
db_prepared_has(const struct db_prepared *p, u_int64_t name)
{
	int	i;

	for (i = 0; i < p->n; i++) {
		if (p->names[i] == name)
			return (1);
	}
	return (0);
}

/*
 * Whether the message failed because PostgreSQL lost or could no longer
 * use a prepared statement: 26000 (it does not exist), 42P05 (it exists
 * already) or 0A000 (its plan must not change its result's type).
 */
static int
db_statement_lost(const struct db_tx *tx)
{
	return (tx->failure == DB_FAIL_SQL && tx->prepare &&
	    (strcmp(tx->sqlstate, "26000") == 0 || strcmp(tx->sqlstate, "42P05") == 0 ||
	    strcmp(tx->sqlstate, "0A000") == 0));
}

/*
 * After a failed statement: when a prepared statement was lost, every
 * connection of the worker deallocates its statements in its next message.
 * What made one unusable (a view that changed) mostly made them all
 * unusable, and the read is tried once more on whichever connection is free.
 */
static void
db_statement_failed(struct db_tx *tx)
{
	size_t	i;

	if (!db_statement_lost(tx))
		return;
	for (i = 0; i < DB_CONNS_MAX; i++)
		db_prepared[i].reset = 1;
}
