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
 * The request envelope: every route goes through api_handle(), which gives
 * the request an id, refuses what Kore would silently mangle (too many or
 * too large headers, a token in the query string), checks body size and
 * method, authenticates, and then runs the route's query in one transaction
 * (db.c). Every response leaves through api_send_raw(), which adds the
 * common headers and writes the access log line with the request id.
 */

#include <sys/random.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>
#include <zlib.h>

#include "lakmoes.h"

/* Kore keeps at most this many header lines besides the request line. */
#define API_HEADER_LINES_MAX	(HTTP_REQ_HEADER_MAX - 3)

static void	api_ctx_free(struct http_request *);
static void	api_reqid(struct api_ctx *);
static int	api_precheck(struct api_ctx *);
static int	api_check_size(struct api_ctx *);
static int	api_check_headers(struct api_ctx *);
static int	api_check_method(struct api_ctx *);
static int	api_check_write_query(struct api_ctx *);
static void	api_allow(struct api_ctx *, char *, size_t);
static void	api_access_log(struct api_ctx *, int, size_t);
static int	api_stream_done(struct netbuf *);
static void	api_cors(struct api_ctx *);
static int	api_origin_listed(const char *);
static int	api_gzip_wanted(struct api_ctx *, const char *, size_t);
static int	api_gzip(const char *, size_t, struct api_buf *);
static void	api_emit(struct api_ctx *, int, const char *, struct api_buf *, int);
static int	api_not_modified(struct api_ctx *, const char *);
static void	api_respond_begin(struct api_ctx *);
static void	api_respond_end(struct api_ctx *);

/*
 * Runs a route for req. Returns what Kore expects from a page handler:
 * KORE_RESULT_RETRY while the database works, KORE_RESULT_OK once a
 * response was sent.
 */
int
api_handle(struct http_request *req, const struct api_route *route)
{
	struct api_ctx	*ctx;

	if (http_state_exists(req))
		return (http_state_run(db_states, db_nstates, req));

	ctx = http_state_create(req, sizeof(*ctx), api_ctx_free);
	ctx->req = req;
	ctx->route = route;
	/*
	 * The body is in: Kore's body timeout (counted from the request's
	 * start) must not cut off the answer to a long load.
	 */
	if (req->owner != NULL && !conn_body_withheld(req))
		req->owner->http_timeout = 0;
	(void)clock_gettime(CLOCK_MONOTONIC, &ctx->started);
	api_reqid(ctx);

	if (!api_precheck(ctx) || !auth_request(ctx, route->auth))
		return (KORE_RESULT_OK);
	if (!api_check_size(ctx) || !api_check_write_query(ctx) ||
	    (route->prepare != NULL && !route->prepare(ctx))) {
		/* A refused write is audited before it is answered. */
		if (ctx->refusal == NULL)
			return (KORE_RESULT_OK);
		db_tx_init(ctx);
		return (http_state_run(db_states, db_nstates, req));
	}
	if (ctx->tx.query == NULL) {
		route->respond(ctx);
		return (KORE_RESULT_OK);
	}
	db_tx_init(ctx);
	return (http_state_run(db_states, db_nstates, req));
}

/*
 * The query string of a write: empty, or ?proefrun=true|false where the
 * route offers a trial run (ctx->dryrun). Anything else is refused (400)
 * rather than ignored: a trial run asked of a route without one would
 * otherwise do the real thing (establish a report, for good).
 */
static int
api_check_write_query(struct api_ctx *ctx)
{
	json_t		*p;
	const char	*v;
	int		 i, ok;

	if (!(ctx->req->method & (HTTP_METHOD_POST | HTTP_METHOD_PUT | HTTP_METHOD_PATCH |
	    HTTP_METHOD_DELETE)))
		return (1);
	if ((p = problem_new(400, "de queryparameters kloppen niet")) == NULL) {
		api_problem(ctx, 500, "geheugen op");
		return (0);
	}
	ok = query_parse(ctx->req->query_string, &ctx->list.q, p);
	for (i = 0; ok && i < ctx->list.q.n; i++) {
		if (!ctx->route->dryrun || strcmp(ctx->list.q.p[i].name, "proefrun")) {
			(void)problem_add_invalid(p, ctx->list.q.p[i].name, ctx->route->dryrun ?
			    "onbekende parameter; wel: proefrun" : "onbekende parameter; deze bewerking heeft er geen");
			ok = 0;
		}
	}
	v = query_get(&ctx->list.q, "proefrun");
	if (ok && v != NULL && strcmp(v, "true") && strcmp(v, "false")) {
		(void)problem_add_invalid(p, "proefrun", "true of false");
		ok = 0;
	}
	if (!ok) {
		api_refuse(ctx, p);
		return (0);
	}
	json_decref(p);
	ctx->dryrun = v != NULL && !strcmp(v, "true");
	return (1);
}

/* Runs when Kore frees the request, also when the client went away. */
static void
api_ctx_free(struct http_request *req)
{
	struct api_ctx	*ctx = http_state_get(req);

	if (ctx == NULL)
		return;
	if (ctx->tx.req != NULL)
		db_tx_release(&ctx->tx);
	db_tx_clear_error(&ctx->tx);
	list_clear(&ctx->list);
	token_claims_clear(&ctx->claims);
	if (ctx->refusal != NULL) {
		json_decref(ctx->refusal);
		ctx->refusal = NULL;
	}
	free(ctx->body);
	ctx->body = NULL;
	if (ctx->doc != NULL) {
		json_decref(ctx->doc);
		ctx->doc = NULL;
	}
	free(ctx->claims_text);
	ctx->claims_text = NULL;
	if (ctx->state != NULL && ctx->state_free != NULL)
		ctx->state_free(ctx->state);
	ctx->state = NULL;
	if (ctx->out != NULL) {
		json_decref(ctx->out);
		ctx->out = NULL;
	}
}

/*
 * Reuses a caller's X-Request-Id when it is short and plain (so a gateway's
 * id follows the request), otherwise makes a random one.
 */
static void
api_reqid(struct api_ctx *ctx)
{
	const char	*in;
	unsigned char	 rnd[API_REQID_LEN / 2];
	size_t		 i, len;

	if (http_request_header(ctx->req, "x-request-id", &in) &&
	    (len = strlen(in)) >= 8 && len <= API_REQID_LEN) {
		for (i = 0; i < len; i++) {
			if (!isalnum((unsigned char)in[i]) && in[i] != '-')
				break;
		}
		if (i == len) {
			memcpy(ctx->reqid, in, len + 1);
			return;
		}
	}
	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
		memset(rnd, 0, sizeof(rnd));
	for (i = 0; i < sizeof(rnd); i++)
		(void)snprintf(ctx->reqid + i * 2, 3, "%02x", rnd[i]);
}

static int
api_precheck(struct api_ctx *ctx)
{
	struct http_request	*req = ctx->req;

	if (!api_check_headers(ctx) || !api_check_method(ctx))
		return (KORE_RESULT_ERROR);

	if (req->query_string != NULL &&
	    (strstr(req->query_string, "access_token") != NULL ||
	    strstr(req->query_string, "token=") != NULL)) {
		json_t *p = problem_new(400, "een token hoort in de Authorization-header, nooit in de URL");
		if (p != NULL)
			(void)problem_add_invalid(p, "access_token",
			    "tokens in de querystring worden niet geaccepteerd");
		api_poging(ctx, 400, "token in de URL");
		api_problem_json(ctx, p);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/*
 * A write refused before the caller is known (no token, a bad one, a
 * method, headers or a body the route does not take) is counted in
 * audit.weigeringen (pogingen.c): anyone can send those, so per minute,
 * not per request. The subject only when the token's signature held.
 */
void
api_poging(struct api_ctx *ctx, int status, const char *reason)
{
	if (!(ctx->req->method & (HTTP_METHOD_POST | HTTP_METHOD_PUT | HTTP_METHOD_PATCH | HTTP_METHOD_DELETE)))
		return;
	poging_tel(api_method_name(ctx->req->method), ctx->route->name, ctx->req->path, status, reason,
	    ctx->claims.sub[0] != '\0' ? ctx->claims.sub : NULL, ctx->reqid);
}

/*
 * After authentication, so that an oversized write by a known caller is
 * recorded as a refused attempt like any other (api_refuse). A body that
 * was withheld (conn.c) and is not too large was withheld for a caller
 * without a token (401) or because too many large bodies were on their
 * way (503).
 */
static int
api_check_size(struct api_ctx *ctx)
{
	size_t	limit;
	char	detail[128];

	limit = ctx->route->body_max ? ctx->route->body_max : API_BODY_MAX_DEFAULT;
	if (ctx->req->http_body_length > limit) {
		(void)snprintf(detail, sizeof(detail),
		    "de body is %zu bytes; hier zijn ten hoogste %zu bytes toegestaan",
		    ctx->req->http_body_length, limit);
		api_refuse(ctx, problem_new(413, detail));
		return (KORE_RESULT_ERROR);
	}
	if (!conn_body_withheld(ctx->req))
		return (KORE_RESULT_OK);
	if (ctx->role == NULL || !strcmp(ctx->role, "publiek")) {
		http_response_header(ctx->req, "www-authenticate", "Bearer realm=\"lakmoes\"");
		api_poging(ctx, 401, "grote body zonder token");
		api_problem(ctx, 401, "een body van meer dan 64 KiB vraagt een token: stuur Authorization: Bearer <token>");
	} else {
		api_refuse(ctx, problem_new(503, "er komen nu te veel grote verzoeken binnen; probeer het zo opnieuw"));
	}
	return (KORE_RESULT_ERROR);
}

/*
 * Kore drops header lines beyond its fixed maximum without a word, which
 * could drop Authorization. A request that reaches the maximum, or whose
 * headers exceed our size limit, gets 431 instead.
 */
static int
api_check_headers(struct api_ctx *ctx)
{
	struct http_header	*hdr;
	size_t			 lines = 0, bytes = 0;

	TAILQ_FOREACH(hdr, &ctx->req->req_headers, list) {
		lines++;
		bytes += strlen(hdr->header) + strlen(hdr->value) + 4;
	}
	if (lines >= API_HEADER_LINES_MAX) {
		api_poging(ctx, 431, "te veel headers");
		api_problem(ctx, 431, "het verzoek heeft te veel headers; "
		    "stuur er ten hoogste 21");
		return (KORE_RESULT_ERROR);
	}
	if (bytes > API_HEADER_BYTES_MAX) {
		api_poging(ctx, 431, "headers groter dan 8192 bytes");
		api_problem(ctx, 431, "de headers van het verzoek zijn samen groter dan 8192 bytes");
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

static int
api_check_method(struct api_ctx *ctx)
{
	struct http_request	*req = ctx->req;
	int			 allowed = ctx->route->methods;
	const char		*preflight;
	char			 allow[64], detail[128];

	if (allowed & HTTP_METHOD_GET)
		allowed |= HTTP_METHOD_HEAD;
	if (req->method & allowed)
		return (KORE_RESULT_OK);

	api_allow(ctx, allow, sizeof(allow));
	http_response_header(req, "allow", allow);
	if (req->method == HTTP_METHOD_OPTIONS) {
		/* A CORS preflight: what a browser may send cross-origin. */
		if (http_request_header(req, "access-control-request-method", &preflight)) {
			http_response_header(req, "access-control-allow-methods", allow);
			http_response_header(req, "access-control-allow-headers", API_CORS_ALLOW_HEADERS);
			http_response_header(req, "access-control-max-age", API_CORS_MAX_AGE);
		}
		api_send_raw(ctx, 204, NULL, NULL, 0);
		return (KORE_RESULT_ERROR);
	}
	(void)snprintf(detail, sizeof(detail),
	    "%s is hier niet toegestaan; wel: %s", api_method_name(req->method), allow);
	api_poging(ctx, 405, "methode niet toegestaan");
	api_problem(ctx, 405, detail);
	return (KORE_RESULT_ERROR);
}

/* Writes the route's methods as an Allow header value. */
static void
api_allow(struct api_ctx *ctx, char *buf, size_t len)
{
	static const int	 order[] = { HTTP_METHOD_GET, HTTP_METHOD_HEAD,
	    HTTP_METHOD_POST, HTTP_METHOD_PUT, HTTP_METHOD_PATCH,
	    HTTP_METHOD_DELETE, HTTP_METHOD_OPTIONS };
	int			 m = ctx->route->methods | HTTP_METHOD_OPTIONS;
	size_t			 i;

	if (m & HTTP_METHOD_GET)
		m |= HTTP_METHOD_HEAD;
	buf[0] = '\0';
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if (!(m & order[i]))
			continue;
		if (buf[0] != '\0')
			(void)kore_strlcpy(buf + strlen(buf), ", ", len - strlen(buf));
		(void)kore_strlcpy(buf + strlen(buf), api_method_name(order[i]),
		    len - strlen(buf));
	}
}

const char *
api_method_name(int m)
{
	switch (m) {
	case HTTP_METHOD_GET:
		return ("GET");
	case HTTP_METHOD_HEAD:
		return ("HEAD");
	case HTTP_METHOD_POST:
		return ("POST");
	case HTTP_METHOD_PUT:
		return ("PUT");
	case HTTP_METHOD_PATCH:
		return ("PATCH");
	case HTTP_METHOD_DELETE:
		return ("DELETE");
	case HTTP_METHOD_OPTIONS:
		return ("OPTIONS");
	default:
		return ("?");
	}
}

/*
 * Refuses a write the request envelope already shows to be wrong. Read
 * routes answer at once; a write by a known role is first recorded in
 * audit.pogingen (without its payload) in its own short transaction, then
 * answered with the problem (api_handle runs that transaction; db.c sends
 * ctx->refusal instead of the route's answer). Takes over p.
 */
void
api_refuse(struct api_ctx *ctx, json_t *p)
{
	if (p == NULL || ctx->route->readonly || ctx->role == NULL ||
	    ctx->req->method == HTTP_METHOD_GET || ctx->req->method == HTTP_METHOD_HEAD) {
		api_problem_json(ctx, p);
		return;
	}
	ctx->refusal = p;
	(void)snprintf(ctx->statusbuf, sizeof(ctx->statusbuf), "%d",
	    (int)json_integer_value(json_object_get(p, "status")));
	ctx->tx.query = "SELECT audit.poging($1, $2, $3::integer, $4)";
	ctx->tx.params[0] = api_method_name(ctx->req->method);
	ctx->tx.params[1] = ctx->req->path;
	ctx->tx.params[2] = ctx->statusbuf;
	ctx->tx.params[3] = "verzoek ongeldig";
	ctx->tx.nparams = 4;
}

/* Sends a problem+json for status with detail; the one error emitter. */
void
api_problem(struct api_ctx *ctx, int status, const char *detail)
{
	api_problem_json(ctx, problem_new(status, detail));
}

/* Sends (and releases) a problem built with problem_new(). */
void
api_problem_json(struct api_ctx *ctx, json_t *p)
{
	static const char	 oom[] = "{\"type\":\"about:blank\",\"title\":"
	    "\"Interne fout\",\"status\":500,\"detail\":\"geheugen op\"}";
	char			*s;
	int			 status = 500;

	if (p != NULL)
		status = (int)json_integer_value(json_object_get(p, "status"));
	if (status == 503)
		http_response_header(ctx->req, "retry-after", "5");
	if (p == NULL || (s = json_dumps(p, JSON_COMPACT)) == NULL) {
		api_send_raw(ctx, 500, "application/problem+json", oom,
		    sizeof(oom) - 1);
		json_decref(p);
		return;
	}
	api_send_raw(ctx, status, "application/problem+json", s, strlen(s));
	free(s);
	json_decref(p);
}

/*
 * CORS (every response, problems too, or a browser hides the error from
 * the app): the API takes bearer tokens and never cookies, so any origin
 * may read by default; LAKMOES_CORS_ORIGINS narrows it to a list.
 */
static void
api_cors(struct api_ctx *ctx)
{
	const char	*origin;

	if (!http_request_header(ctx->req, "origin", &origin))
		return;
	if (config.cors == NULL)
		http_response_header(ctx->req, "access-control-allow-origin", "*");
	else if (api_origin_listed(origin))
		http_response_header(ctx->req, "access-control-allow-origin", origin);
	else
		return;
	http_response_header(ctx->req, "access-control-expose-headers", API_CORS_EXPOSE);
}

/* Whether origin is one of LAKMOES_CORS_ORIGINS (commas or blanks between; "*" any). */
static int
api_origin_listed(const char *origin)
{
	const char	*p = config.cors;
	size_t		 n, olen = strlen(origin);

	while (*p != '\0') {
		p += strspn(p, ", \t");
		n = strcspn(p, ", \t");
		if ((n == 1 && *p == '*') || (n == olen && n > 0 && !strncasecmp(p, origin, n)))
			return (1);
		p += n;
	}
	return (0);
}

/*
 * Adds the headers every response carries. Caching (README, "In a browser"):
 * a public read may be kept by browsers and shared caches for a short
 * while (API_CACHE_PUBLIC), then revalidated by its ETag; a read with a
 * token is private and never stored (it may hold the raw, uncontrolled
 * figures of an area); errors, writes and preflights are never stored.
 * A route may set its own (ctx->cache).
 */
void
api_common_headers(struct api_ctx *ctx, int status)
{
	const char	*cache, *auth;
	int		 read = (ctx->req->method & (HTTP_METHOD_GET | HTTP_METHOD_HEAD)) != 0;

	http_response_header(ctx->req, "api-version", LAKMOES_API_VERSION);
	http_response_header(ctx->req, "x-request-id", ctx->reqid);
	http_response_header(ctx->req, "x-content-type-options", "nosniff");
	api_cors(ctx);
	if (read) {
		/* what the answer depends on besides the URL */
		http_response_header(ctx->req, "vary", "Accept, Accept-Encoding, Origin, Authorization");
	}
	if (!read || status >= 400)
		cache = "no-store";
	else if (ctx->cache != NULL)
		cache = ctx->cache;
	else if (http_request_header(ctx->req, "authorization", &auth))
		cache = "private, no-store";
	else
		cache = API_CACHE_PUBLIC;
	http_response_header(ctx->req, "cache-control", cache);
}

/* Sends a small body (Kore copies it) with the common headers. */
void
api_send_raw(struct api_ctx *ctx, int status, const char *type,
    const void *body, size_t len)
{
	api_common_headers(ctx, status);
	if (type != NULL)
		http_response_header(ctx->req, "content-type", type);
	api_respond_begin(ctx);
	http_response(ctx->req, status, body, len);
	api_respond_end(ctx);
	api_access_log(ctx, status, len);
}

/*
 * Sends a JSON document and releases it. The text is built in a doubling
 * buffer and handed to Kore without a copy (KORE.md §6.4: Kore's own buffer
 * would make this quadratic).
 */
void
api_send_json(struct api_ctx *ctx, int status, json_t *doc)
{
	struct api_buf	 b = { NULL, 0, 0 };

	if (json_dump_callback(doc, api_buf_dump_cb, &b,
	    JSON_COMPACT | JSON_REAL_PRECISION(15)) != 0) {
		free(b.p);
		json_decref(doc);
		api_problem(ctx, 500, "het antwoord kon niet worden opgemaakt");
		return;
	}
	json_decref(doc);
	api_send_buf(ctx, status, "application/json", &b);
}

/*
 * Whether to send a body of this type and size gzipped: text (JSON, CSV,
 * GeoJSON) from API_GZIP_MIN bytes on, when Accept-Encoding allows gzip
 * and the deployment does not leave it to its proxy (LAKMOES_GZIP_LEVEL=0).
 * Excel is a zip file already.
 */
static int
api_gzip_wanted(struct api_ctx *ctx, const char *type, size_t len)
{
	const char	*ae;

	if (config.gzip_level == 0 || len < API_GZIP_MIN || !http_request_header(ctx->req, "accept-encoding", &ae) ||
	    !neg_gzip(ae))
		return (0);
	return (!strncmp(type, "application/json", 16) || !strncmp(type, "application/geo+json", 20) ||
	    !strncmp(type, "application/problem+json", 24) || !strncmp(type, "text/", 5));
}

/* Compresses [p, p + len) into out (gzip at LAKMOES_GZIP_LEVEL); 0 when it cannot. */
static int
api_gzip(const char *p, size_t len, struct api_buf *out)
{
	z_stream	 z;
	int		 rc;

	memset(&z, 0, sizeof(z));
	memset(out, 0, sizeof(*out));
	if (len > UINT32_MAX || deflateInit2(&z, config.gzip_level, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		return (0);
	out->cap = deflateBound(&z, (uLong)len);
	if ((out->p = malloc(out->cap)) == NULL) {
		(void)deflateEnd(&z);
		return (0);
	}
	z.next_in = (Bytef *)(uintptr_t)p;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out->p;
	z.avail_out = (uInt)out->cap;
	rc = deflate(&z, Z_FINISH);
	out->len = z.total_out;
	(void)deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(out->p);
		memset(out, 0, sizeof(*out));
		return (0);
	}
	return (1);
}

/* Whether a read's If-None-Match names this ETag (or "*": any version). */
static int
api_not_modified(struct api_ctx *ctx, const char *etag)
{
	const char	*inm;

	return ((ctx->req->method & (HTTP_METHOD_GET | HTTP_METHOD_HEAD)) &&
	    http_request_header(ctx->req, "if-none-match", &inm) &&
	    (strstr(inm, etag) != NULL || !strcmp(inm, "*")));
}

/*
 * Sends the buffer as the body and takes it over. A 200 gets an ETag, and
 * on a read a matching If-None-Match (or "*": any version) turns it into
 * 304 without a body. Gzipped, the ETag has "-gz" added (a strong ETag
 * names one encoding; write_if_match takes either).
 */
void
api_send_buf(struct api_ctx *ctx, int status, const char *type, struct api_buf *b)
{
	struct api_buf	 gz;
	char		 tag[48], etag[56];
	int		 zip;

	zip = status == 200 && api_gzip_wanted(ctx, type, b->len);
	if (status == 200) {
		if (ctx->etag[0] != '\0') {
			/* The resource's own version, as If-Match will check it. */
			(void)kore_strlcpy(tag, ctx->etag, sizeof(tag));
		} else {
			/*
			 * The body's XXH3 (libxxhash). The byte-wise FNV-1a it
			 * replaced took 3.5% of all CPU at 1,900 pages/s.
			 */
			(void)snprintf(tag, sizeof(tag), "%016llx",
			    (unsigned long long)XXH3_64bits(b->p, b->len));
		}
		(void)snprintf(etag, sizeof(etag), "\"%s%s\"", tag, zip ? "-gz" : "");
		if (api_not_modified(ctx, etag)) {
			free(b->p);
			memset(b, 0, sizeof(*b));
			http_response_header(ctx->req, "etag", etag);
			api_send_raw(ctx, 304, NULL, NULL, 0);
			return;
		}
		if (zip && !api_gzip(b->p, b->len, &gz)) {
			/* no memory to compress: the body as it is */
			zip = 0;
			(void)snprintf(etag, sizeof(etag), "\"%s\"", tag);
		}
		http_response_header(ctx->req, "etag", etag);
		if (zip) {
			free(b->p);
			*b = gz;
		}
	}
	api_emit(ctx, status, type, b, zip);
}

/*
 * A body that lives as long as the worker (the dashboard's files, the
 * OpenAPI document): its ETag and its gzipped form computed once, so that a
 * request neither copies nor compresses it. p must outlive the worker's
 * module (not point into it: a reload unmaps the module, not the heap).
 * Returns 0 when there is no memory to compress (then it is sent as it is).
 */
int
api_static_init(struct api_static *s, const char *p, size_t len)
{
	s->p = p;
	s->len = len;
	(void)snprintf(s->etag, sizeof(s->etag), "%016llx", (unsigned long long)XXH3_64bits(p, len));
	return (len < API_GZIP_MIN || config.gzip_level == 0 || api_gzip(p, len, &s->gz));
}

/* Sends a body made by api_static_init as 200 (or 304), without a copy. */
void
api_send_static(struct api_ctx *ctx, const char *type, const struct api_static *s)
{
	const char	*body = s->p;
	size_t		 len = s->len;
	char		 etag[32];
	int		 zip;

	zip = s->gz.p != NULL && api_gzip_wanted(ctx, type, s->len);
	(void)snprintf(etag, sizeof(etag), "\"%s%s\"", s->etag, zip ? "-gz" : "");
	http_response_header(ctx->req, "etag", etag);
	if (api_not_modified(ctx, etag)) {
		api_send_raw(ctx, 304, NULL, NULL, 0);
		return;
	}
	if (zip) {
		body = s->gz.p;
		len = s->gz.len;
	}
	api_common_headers(ctx, 200);
	http_response_header(ctx->req, "content-type", type);
	if (zip)
		http_response_header(ctx->req, "content-encoding", "gzip");
	api_respond_begin(ctx);
	http_response_stream(ctx->req, 200, (void *)(uintptr_t)body, len, NULL, NULL);
	api_respond_end(ctx);
	api_access_log(ctx, 200, len);
}

/* Sends b (taken over) with the common headers; zip: it is gzipped. */
static void
api_emit(struct api_ctx *ctx, int status, const char *type, struct api_buf *b, int zip)
{
	api_common_headers(ctx, status);
	http_response_header(ctx->req, "content-type", type);
	if (zip)
		http_response_header(ctx->req, "content-encoding", "gzip");
	api_respond_begin(ctx);
	if (ctx->req->method == HTTP_METHOD_HEAD) {
		/* Kore never calls the free callback for HEAD. */
		http_response_stream(ctx->req, status, b->p, b->len, NULL, NULL);
		free(b->p);
	} else {
		http_response_stream(ctx->req, status, b->p, b->len,
		    api_stream_done, b->p);
	}
	api_respond_end(ctx);
	api_access_log(ctx, status, b->len);
	memset(b, 0, sizeof(*b));
}

static int
api_stream_done(struct netbuf *nb)
{
	free(nb->extra);
	return (KORE_RESULT_OK);
}

/*
 * Around Kore's response functions: Kore would start reading the next
 * request itself (http_start_recv); busy, it leaves that to
 * api_respond_end, which starts it through conn.c. A request whose body
 * was withheld ends its connection (conn.c drops the rest of the body
 * first): the body is still on its way.
 */
static void
api_respond_begin(struct api_ctx *ctx)
{
	struct connection	*c = ctx->req->owner;

	if (c == NULL)
		return;
	c->flags |= CONN_IS_BUSY;
	if (conn_body_withheld(ctx->req))
		c->flags |= CONN_CLOSE_EMPTY;
}

static void
api_respond_end(struct api_ctx *ctx)
{
	struct connection	*c = ctx->req->owner;

	if (c == NULL)
		return;
	c->flags &= ~CONN_IS_BUSY;
	if (conn_body_withheld(ctx->req))
		conn_drain_responded(c);
	else if (!(c->flags & CONN_CLOSE_EMPTY))
		conn_restart(c);
}

/*
 * Proactive negotiation (negotiate.c) among the route's offers, in its
 * order of preference: the index of the one chosen, or -1 after a 406
 * that names them.
 */
int
api_accept(struct api_ctx *ctx, const char *const *offers, size_t n)
{
	const char	*accept = NULL;
	char		 detail[256];
	size_t		 i, len;
	int		 k;

	(void)http_request_header(ctx->req, "accept", &accept);
	if ((k = neg_pick(accept, offers, n)) >= 0)
		return (k);
	len = (size_t)snprintf(detail, sizeof(detail), "Accept staat geen van de vormen toe; beschikbaar zijn ");
	for (i = 0; i < n && len < sizeof(detail); i++)
		len += (size_t)snprintf(detail + len, sizeof(detail) - len, "%s%s",
		    i == 0 ? "" : i + 1 == n ? " en " : ", ", offers[i]);
	api_problem(ctx, 406, detail);
	return (-1);
}

/*
 * Content negotiation for collections: JSON or CSV. Returns
 * KORE_RESULT_ERROR after a 406 when neither is acceptable.
 */
int
api_wants_csv(struct api_ctx *ctx, int *csv)
{
	static const char *const	 offers[] = { "application/json", "text/csv" };
	int				 k;

	*csv = 0;
	if ((k = api_accept(ctx, offers, 2)) < 0)
		return (KORE_RESULT_ERROR);
	*csv = k == 1;
	return (KORE_RESULT_OK);
}

/*
 * One line per response: request id, role, method, path (no query string,
 * unprintable bytes replaced), status, body size, milliseconds. Never a
 * token or a body.
 */
static void
api_access_log(struct api_ctx *ctx, int status, size_t len)
{
	struct timespec	 now;
	char		 path[160];
	size_t		 i;
	double		 ms;

	(void)kore_strlcpy(path, ctx->req->path, sizeof(path));
	for (i = 0; path[i] != '\0'; i++) {
		if (!isgraph((unsigned char)path[i]))
			path[i] = '?';
	}
	(void)clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - ctx->started.tv_sec) * 1e3 +
	    (double)(now.tv_nsec - ctx->started.tv_nsec) / 1e6;
	kore_log(LOG_INFO, "access %s %s %s %s %d %zu %.2fms", ctx->reqid,
	    ctx->role != NULL ? ctx->role : "-",
	    api_method_name(ctx->req->method), path, status, len, ms);
}
