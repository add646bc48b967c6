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
 * A request's body is read only when the caller may send it. Kore 4.1
 * reads a whole body (up to its one global http_body_max) before any
 * authentication or handler runs (http.c: http_header_recv, then
 * http_process_request), so an anonymous client could make a worker hold
 * 64 MiB per connection. The API therefore reads requests itself, through
 * Kore's own functions: the listener's connect callback (conf: "bind …
 * api_connect") queues conn_header_recv() instead of Kore's
 * http_header_recv(), which it calls; once the headers are read, and
 * before any byte of a body, conn_vet() looks at the request:
 *
 *   - a body of at most CONN_BODY_MEMORY bytes is read by Kore, in memory;
 *   - a larger one goes to a file (http_body_disk_offload, set to the same
 *     size), but only when the caller's token is valid, the body is within
 *     the route's limit, and fewer than CONN_UPLOADS_MAX such bodies are on
 *     disk in this worker;
 *   - any other body is withheld: not read, the request handed to its
 *     handler at once, which answers (401, 413, or 503 when too many large
 *     bodies are on their way; api.c). What the client still sends of it
 *     is read and dropped (conn_discard), up to CONN_DRAIN_MAX bytes and
 *     for at most CONN_DRAIN_MS, so that a client that sends its whole
 *     body before it reads can read the answer; then the connection
 *     closes.
 *
 * So an anonymous client makes a worker hold at most its headers and a
 * small body: http_header_max (16 KiB) + CONN_BODY_MEMORY (64 KiB) per
 * connection, and nothing on disk. Authenticated large bodies are bounded
 * by CONN_UPLOADS_MAX × the route's limit (64 MiB) on disk per worker.
 *
 * Kore starts reading the next request on a connection itself when a
 * response is sent (http_response_normal calls http_start_recv); the API's
 * emitters mark the connection busy while they respond and then start it
 * here (conn_restart), so every request on a connection, the first and the
 * ones after it, comes through conn_header_recv().
 */

#include <sys/types.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lakmoes.h"

static int	conn_header_recv(struct netbuf *);
static int	conn_discard(struct netbuf *);
static void	conn_disconnect(struct connection *);
static struct http_request *conn_last(struct connection *);
static void	conn_vet(struct connection *, struct http_request *);
static size_t	conn_route_max(struct http_request *);
static int	conn_authenticated(struct http_request *);
static int	conn_uploads(void);
static void	conn_drain_end(struct connection *);

/* What is left to drop of a withheld body (c->hdlr_extra; Kore frees it). */
struct conn_drain {
	u_int64_t	left;
	int		responded;
};

/*
 * Routes whose bodies may be larger than API_BODY_MAX_DEFAULT, with the
 * route's own limit (waarnemingen.c: its route's body_max).
 */
static const struct {
	const char	*path;
	int		 method;
	size_t		 max;
} conn_large[] = {
	{ "/v1/waarnemingen", HTTP_METHOD_POST, API_LOAD_BODY_MAX },
	{ NULL, 0, 0 }
};

/*
 * Points the listeners' connect callback at this module's api_connect: a
 * SIGHUP reload loads the module anew, and Kore would keep calling the old
 * one's address.
 */
void
conn_init(void)
{
	struct kore_server	*srv;
	struct listener		*l;

	LIST_FOREACH(srv, &kore_servers, list) {
		LIST_FOREACH(l, &srv->listeners, list) {
			if (l->connect != NULL)
				l->connect->addr = (void *)api_connect;
		}
	}
}

/* The listener's connect callback: an HTTP connection read by the API. */
void
api_connect(struct connection *c)
{
	c->proto = CONN_PROTO_HTTP;
	if (http_keepalive_time != 0)
		c->idle_timer.length = http_keepalive_time * 1000;
	net_recv_queue(c, http_header_max, NETBUF_CALL_CB_ALWAYS, conn_header_recv);
	c->disconnect = conn_disconnect;
}

/*
 * Reads the next request on c after a response, as Kore's http_start_recv
 * does, but through conn_header_recv().
 */
void
conn_restart(struct connection *c)
{
	c->http_start = kore_time_ms();
	c->http_timeout = http_header_timeout * 1000;
	net_recv_reset(c, http_header_max, conn_header_recv);
	(void)net_recv_flush(c);
}

static struct http_request *
conn_last(struct connection *c)
{
	struct http_request	*req, *last = NULL;

	TAILQ_FOREACH(req, &c->http_requests, olist)
		last = req;
	return (last);
}

/*
 * Kore's header reader, then a look at the new request before its body. A
 * write Kore refused for a body above http_body_max (a bare 413) is
 * counted as a refusal (pogingen.c).
 */
static int
conn_header_recv(struct netbuf *nb)
{
	struct connection	*c = nb->owner;
	struct http_request	*before, *req;
	int			 r;

	before = conn_last(c);
	r = http_header_recv(nb);
	if ((req = conn_last(c)) == NULL || req == before)
		return (r);
	if (req->flags & HTTP_REQUEST_DELETE) {
		if (req->content_length > http_body_max && req->hdlr != NULL)
			poging_tel(api_method_name(req->method), req->hdlr->func, req->path, 413,
			    "body groter dan 64 MiB", NULL, NULL);
		return (r);
	}
	if ((req->flags & HTTP_REQUEST_EXPECT_BODY) && c->rnb != NULL && c->rnb->extra == req)
		conn_vet(c, req);
	return (r);
}

/*
 * A connection ends. A body that was still on its way when Kore's body
 * timeout ended it (a bare 408) is counted as a refusal.
 */
static void
conn_disconnect(struct connection *c)
{
	struct http_request	*req;

	if (c->http_timeout == 0 || kore_time_ms() - c->http_start < c->http_timeout)
		return;
	TAILQ_FOREACH(req, &c->http_requests, olist) {
		if ((req->flags & HTTP_REQUEST_EXPECT_BODY) && req->hdlr != NULL)
			poging_tel(api_method_name(req->method), req->hdlr->func, req->path, 408,
			    "de body kwam niet op tijd binnen", NULL, NULL);
	}
}

/* Whether req's body was withheld (conn_vet): the handler must answer. */
int
conn_body_withheld(struct http_request *req)
{
	return (req->http_body == NULL && req->http_body_fd == -1 && req->http_body_length > 0);
}

/*
 * Decides, before its first byte, whether req's body is read (see the top
 * of this file); otherwise withholds it: drops what Kore set up for it,
 * hands the request to its handler, and drops what the client sends.
 */
static void
conn_vet(struct connection *c, struct http_request *req)
{
	size_t	len = req->http_body_length;

	if (len <= CONN_BODY_MEMORY)
		return;
	if (len <= conn_route_max(req) && conn_authenticated(req) && conn_uploads() <= CONN_UPLOADS_MAX)
		return;
	if (req->http_body != NULL) {
		kore_buf_free(req->http_body);
		req->http_body = NULL;
	}
	if (req->http_body_fd != -1) {
		/* Kore removes the file (http_body_path) with the request */
		(void)close(req->http_body_fd);
		req->http_body_fd = -1;
	}
	req->flags |= HTTP_REQUEST_COMPLETE;
	req->flags &= ~HTTP_REQUEST_EXPECT_BODY;
	http_request_wakeup(req);
	c->rnb->extra = NULL;
	if (c->hdlr_extra == NULL)
		c->hdlr_extra = kore_calloc(1, sizeof(struct conn_drain));
	((struct conn_drain *)c->hdlr_extra)->left = MIN(req->content_length, CONN_DRAIN_MAX);
	((struct conn_drain *)c->hdlr_extra)->responded = 0;
	/* Kore's timeout (408) ends a client that stops sending */
	c->http_start = kore_time_ms();
	c->http_timeout = CONN_DRAIN_MS;
	net_recv_reset(c, NETBUF_SEND_PAYLOAD_MAX, conn_discard);
}

/* Reads what the client still sends of a withheld body, and drops it. */
static int
conn_discard(struct netbuf *nb)
{
	struct connection	*c = nb->owner;
	struct conn_drain	*d = c->hdlr_extra;

	if (d != NULL && d->left > 0) {
		d->left -= MIN(d->left, nb->s_off);
		if (d->left == 0 && d->responded)
			conn_drain_end(c);
	}
	net_recv_reset(c, NETBUF_SEND_PAYLOAD_MAX, conn_discard);
	return (KORE_RESULT_OK);
}

/*
 * After the answer to a request whose body was withheld (api.c): the
 * connection closes once the rest of the body is dropped, or at once when
 * nothing is left to drop.
 */
void
conn_drain_responded(struct connection *c)
{
	struct conn_drain	*d = c->hdlr_extra;

	if (d == NULL || d->left == 0) {
		conn_drain_end(c);
		return;
	}
	d->responded = 1;
	/* open until the body is dropped; Kore's "connection: close" was sent */
	c->flags &= ~CONN_CLOSE_EMPTY;
}

/*
 * Ends a drained connection once its answer has gone out: Kore closes a
 * connection so marked when its send queue is empty (net_send_flush, which
 * runs after every read and after the handler).
 */
static void
conn_drain_end(struct connection *c)
{
	c->flags |= CONN_CLOSE_EMPTY;
}

static size_t
conn_route_max(struct http_request *req)
{
	int	i;

	for (i = 0; conn_large[i].path != NULL; i++) {
		if (req->method == conn_large[i].method && !strcmp(req->path, conn_large[i].path))
			return (conn_large[i].max);
	}
	return (API_BODY_MAX_DEFAULT);
}

/* Whether req carries a valid token (auth.c checks it again, in full). */
static int
conn_authenticated(struct http_request *req)
{
	struct token_claims	 claims;
	const char		*hdr;
	char			 why[160];
	int			 ok;

	if (!http_request_header(req, "authorization", &hdr) || strncasecmp(hdr, "Bearer ", 7) != 0)
		return (0);
	for (hdr += 7; *hdr == ' '; hdr++)
		;
	memset(&claims, 0, sizeof(claims));
	ok = token_verify(&config.token, hdr, time(NULL), &claims, why, sizeof(why));
	token_claims_clear(&claims);
	return (ok);
}

/* The bodies this worker holds on disk, received or on their way. */
static int
conn_uploads(void)
{
	struct connection	*c;
	struct http_request	*req;
	int			 n = 0;

	TAILQ_FOREACH(c, &connections, list) {
		if (c->proto != CONN_PROTO_HTTP)
			continue;
		TAILQ_FOREACH(req, &c->http_requests, olist) {
			if (req->http_body_fd != -1)
				n++;
		}
	}
	return (n);
}
