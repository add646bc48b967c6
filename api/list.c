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
 * Paginated collections from one api view, as JSON {"items": [...],
 * "next": …} or CSV (RFC 4180, with a Link header to the next page).
 *
 * A resource's SQL takes $1 the cursor (the last key of the previous page,
 * '' for the first), $2 the page size plus one (to know whether there is a
 * next page) and $3… its filters, NULL when absent; it returns the key as
 * its first column. Rows are rendered as they arrive: column names become
 * JSON keys and CSV headers, PostgreSQL types become JSON types.
 * Keyset pagination: a page is stable however many rows come before it.
 */

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

/* PostgreSQL type oids (pg_type.h) the renderer distinguishes. */
#define OID_BOOL	16
#define OID_INT8	20
#define OID_INT2	21
#define OID_INT4	23
#define OID_JSON	114
#define OID_FLOAT4	700
#define OID_FLOAT8	701
#define OID_TIMESTAMPTZ	1184
#define OID_NUMERIC	1700
#define OID_JSONB	3802

#define LIST_GEO_HEAD	"{\"type\":\"FeatureCollection\",\"features\":["

static int	list_parse(struct api_ctx *, const struct list_resource *, json_t *);
static int	list_match(const char *, const char *);
static int	list_utf8(const char *, size_t);
static int	list_wants(struct api_ctx *, const struct list_resource *);
static char	*list_text(struct kore_pgsql *, int, int);
/* A result's object keys, written once for all its rows. */
struct list_keys {
	struct api_buf	 text;
	size_t		*end;
	int		 n;
};

static int	list_row_json(struct api_list *, const struct list_keys *, struct kore_pgsql *, int);
static int	list_row_sheet(struct api_list *, const struct list_keys *, struct kore_pgsql *, int);
static json_t	*list_value(struct kore_pgsql *, const struct list_keys *, int, int);
static json_t	*list_parse_text(const char *, size_t);
static int	list_item(struct api_ctx *, struct kore_pgsql *, int);
static int	list_keys(struct list_keys *, struct kore_pgsql *);
static int	list_object(struct api_buf *, const struct list_keys *, struct kore_pgsql *, int, int);
static int	list_json_value(struct api_buf *, struct kore_pgsql *, int, int, int);
static int	list_row_csv(struct api_list *, struct kore_pgsql *, int);
static int	list_features(struct api_list *, struct kore_pgsql *, int);
static int	list_csv_field(struct api_buf *, const char *, int);
static int	list_next_url(struct api_ctx *, char *, size_t);

/*
 * Reads the query string, negotiates the format and binds the parameters.
 * For an item route (route->arg's item_sql, key taken from the path) the
 * response is the single object or 404.
 */
int
list_prepare(struct api_ctx *ctx)
{
	const struct list_resource	*res = ctx->route->arg;
	struct api_list			*l = &ctx->list;
	json_t				*p;
	int				 i;

	if (!list_wants(ctx, res))
		return (KORE_RESULT_ERROR);
	if ((p = problem_new(400, "de queryparameters kloppen niet")) == NULL) {
		api_problem(ctx, 500, "geheugen op");
		return (KORE_RESULT_ERROR);
	}
	if (strncmp(ctx->req->path, res->path, strlen(res->path)) == 0 &&
	    ctx->req->path[strlen(res->path)] == '/') {
		/* /v1/<resource>/<key>: one item, JSON (or a GeoJSON Feature). */
		if (l->csv || l->xlsx) {
			json_decref(p);
			api_problem(ctx, 406, res->geo_item_sql != NULL ?
			    "een enkel item is er alleen als application/json of application/geo+json" :
			    "een enkel item is er alleen als application/json");
			return (KORE_RESULT_ERROR);
		}
		l->item = 1;
		l->last = strdup(ctx->req->path + strlen(res->path) + 1);
		ctx->tx.query = l->geo ? res->geo_item_sql : res->item_sql;
		ctx->tx.nparams = 1;
		ctx->tx.params[0] = l->last;
		if (!query_parse(ctx->req->query_string, &l->q, p) || l->q.n > 0) {
			if (l->q.n > 0)
				(void)problem_add_invalid(p, l->q.p[0].name,
				    "een enkel item kent geen queryparameters");
			api_problem_json(ctx, p);
			return (KORE_RESULT_ERROR);
		}
		json_decref(p);
		return (l->last != NULL ? KORE_RESULT_OK : KORE_RESULT_ERROR);
	}
	if (!list_parse(ctx, res, p)) {
		api_problem_json(ctx, p);
		return (KORE_RESULT_ERROR);
	}
	json_decref(p);

	(void)snprintf(l->limitbuf, sizeof(l->limitbuf), "%ld", l->limit + 1);
	ctx->tx.query = l->geo ? res->geo_sql : res->sql;
	ctx->tx.prepare = l->geo ? 0 : res->prepare;
	ctx->tx.params[0] = l->cursor != NULL ? l->cursor : "";
	ctx->tx.params[1] = l->limitbuf;
	ctx->tx.nparams = 2;
	for (i = 0; i < LIST_FILTERS_MAX && res->filters[i].name != NULL; i++)
		ctx->tx.params[ctx->tx.nparams++] = query_get(&l->q, res->filters[i].name);
	return (KORE_RESULT_OK);
}

/*
 * Checks every parameter: limit, cursor and the resource's filters are
 * known; each problem is added to p. Returns 1 when all are fine.
 */
static int
list_parse(struct api_ctx *ctx, const struct list_resource *res, json_t *p)
{
	struct api_list	*l = &ctx->list;
	const char	*v;
	char		*end;
	size_t		 len;
	int		 i, j, ok;

	ok = query_parse(ctx->req->query_string, &l->q, p);
	l->limit = LIST_LIMIT_DEFAULT;
	for (i = 0; i < l->q.n; i++) {
		if (!strcmp(l->q.p[i].name, "limit") || !strcmp(l->q.p[i].name, "cursor"))
			continue;
		for (j = 0; j < LIST_FILTERS_MAX && res->filters[j].name != NULL; j++) {
			if (!strcmp(l->q.p[i].name, res->filters[j].name))
				break;
		}
		if (j == LIST_FILTERS_MAX || res->filters[j].name == NULL) {
			(void)problem_add_invalid(p, l->q.p[i].name, "onbekende parameter");
			ok = 0;
		} else if (!list_match(res->filters[j].pattern, l->q.p[i].value)) {
			(void)problem_add_invalid(p, l->q.p[i].name, res->filters[j].reason);
			ok = 0;
		}
	}
	for (j = 0; j < LIST_FILTERS_MAX && res->filters[j].name != NULL; j++) {
		if (res->filters[j].required && query_get(&l->q, res->filters[j].name) == NULL) {
			(void)problem_add_invalid(p, res->filters[j].name, "verplichte parameter ontbreekt");
			ok = 0;
		}
	}
	if ((v = query_get(&l->q, "limit")) != NULL) {
		l->limit = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || l->limit < 1 || l->limit > LIST_LIMIT_MAX) {
			(void)problem_add_invalid(p, "limit", "een geheel getal van 1 tot en met 1000");
			ok = 0;
		}
	}
	if ((v = query_get(&l->q, "cursor")) != NULL) {
		/* a key of this API is text: no NUL, valid UTF-8 (else it cannot be bound) */
		if (strlen(v) > LIST_CURSOR_MAX || !b64url_decode(v, strlen(v), &l->cursor, &len) ||
		    len == 0 || strlen(l->cursor) != len || !list_utf8(l->cursor, len)) {
			(void)problem_add_invalid(p, "cursor", "geen cursor uit een next-link van deze API");
			ok = 0;
		}
	}
	return (ok);
}

/* Whether s (len bytes) is valid UTF-8: jansson's check, as for JSON text. */
static int
list_utf8(const char *s, size_t len)
{
	json_t	*j;

	if ((j = json_stringn(s, len)) == NULL)
		return (0);
	json_decref(j);
	return (1);
}

/*
 * Negotiates the format from Accept: JSON (default) or CSV anywhere, Excel
 * where the resource offers it (res->xlsx), GeoJSON where it has
 * geometries (res->geo_sql) and the client accepts CRS84 (Accept-Crs);
 * 406 otherwise.
 */
static int
list_wants(struct api_ctx *ctx, const struct list_resource *res)
{
	const char	*offers[4], *crs;
	int		 n = 0, k, xlsx = -1, geo = -1;

	offers[n++] = "application/json";
	offers[n++] = "text/csv";
	if (res->xlsx != NULL) {
		xlsx = n;
		offers[n++] = API_XLSX_TYPE;
	}
	if (res->geo_sql != NULL) {
		geo = n;
		offers[n++] = API_GEOJSON_TYPE;
	}
	if ((k = api_accept(ctx, offers, (size_t)n)) < 0)
		return (KORE_RESULT_ERROR);
	ctx->list.csv = k == 1;
	ctx->list.xlsx = k == xlsx;
	ctx->list.geo = k == geo;
	if (ctx->list.geo && http_request_header(ctx->req, "accept-crs", &crs) &&
	    strcmp(crs, API_CRS84) != 0) {
		api_problem(ctx, 406, "de coördinaten zijn er alleen in CRS84 (WGS84, lengtegraad voor "
		    "breedtegraad): Accept-Crs: " API_CRS84);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/* Adds row r, as the JSON answer has it, to the Excel sheet's rows. */
static int
list_row_sheet(struct api_list *l, const struct list_keys *keys, struct kore_pgsql *sql, int r)
{
	json_t	*row = list_value(sql, keys, r, -1);

	return (row != NULL && json_array_append_new(json_object_get(l->sheet, "rows"), row) == 0);
}

/*
 * Matches value against an anchored POSIX ERE. The filters' patterns are
 * static strings, so each is compiled once per worker and kept, keyed by its
 * address; a full cache (more patterns than all resources declare) compiles
 * the pattern for this call only.
 */
#define LIST_RE_CACHE	64

static struct {
	const char	*pattern;
	regex_t		 re;
} list_re[LIST_RE_CACHE];
static int	list_nre;

static int
list_match(const char *pattern, const char *value)
{
	regex_t	re;
	int	i, ok;

	for (i = 0; i < list_nre; i++) {
		if (list_re[i].pattern == pattern)
			return (regexec(&list_re[i].re, value, 0, NULL, 0) == 0);
	}
	if (list_nre < LIST_RE_CACHE) {
		if (regcomp(&list_re[list_nre].re, pattern, REG_EXTENDED | REG_NOSUB) != 0)
			return (0);
		list_re[list_nre].pattern = pattern;
		return (regexec(&list_re[list_nre++].re, value, 0, NULL, 0) == 0);
	}
	if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) != 0)
		return (0);
	ok = regexec(&re, value, 0, NULL, 0) == 0;
	regfree(&re);
	return (ok);
}

/* Renders one result set (called for each, as it arrives). */
int
list_row(struct api_ctx *ctx, struct kore_pgsql *sql)
{
	struct api_list	*l = &ctx->list;
	struct list_keys keys = { { NULL, 0, 0 }, NULL, 0 };
	int		 r, c, n = kore_pgsql_ntuples(sql), ok = 1;

	if (l->item)
		return (list_item(ctx, sql, n));
	if (l->geo)
		return (list_features(l, sql, n));
	/* A byte order mark, so that Excel reads the CSV as UTF-8. */
	if (l->csv && l->out.len == 0 &&
	    (!api_buf_add(&l->out, "\xef\xbb\xbf", 3) || !list_row_csv(l, sql, -1)))
		return (KORE_RESULT_ERROR);
	ok = l->csv || list_keys(&keys, sql);
	if (ok && l->xlsx && l->sheet == NULL) {
		/* Excel: the column names, then each row as its JSON object */
		ok = (l->sheet = json_pack("{s:[],s:[]}", "columns", "rows")) != NULL;
		for (c = 0; ok && c < kore_pgsql_nfields(sql); c++)
			ok = json_array_append_new(json_object_get(l->sheet, "columns"),
			    json_string(kore_pgsql_fieldname(sql, c))) == 0;
	}
	for (r = 0; r < n && ok; r++) {
		if (l->rows == l->limit) {
			l->more = 1;
			break;
		}
		if (!(l->csv ? list_row_csv(l, sql, r) : l->xlsx ? list_row_sheet(l, &keys, sql, r) :
		    list_row_json(l, &keys, sql, r))) {
			ok = 0;
			break;
		}
		free(l->last);
		if ((l->last = strdup(kore_pgsql_getvalue(sql, r, 0))) == NULL) {
			ok = 0;
			break;
		}
		l->rows++;
	}
	free(keys.text.p);
	free(keys.end);
	return (ok ? KORE_RESULT_OK : KORE_RESULT_ERROR);
}

/*
 * GeoJSON: each row's Feature (its second column, json built by the
 * database) into a FeatureCollection; the first column is the key.
 */
static int
list_features(struct api_list *l, struct kore_pgsql *sql, int n)
{
	int	r;

	for (r = 0; r < n; r++) {
		if (l->rows == l->limit) {
			l->more = 1;
			break;
		}
		if (!api_buf_add(&l->out, l->rows ? "," : LIST_GEO_HEAD, l->rows ? 1 : sizeof(LIST_GEO_HEAD) - 1) ||
		    !api_buf_add(&l->out, kore_pgsql_getvalue(sql, r, 1), (size_t)kore_pgsql_getlength(sql, r, 1)))
			return (KORE_RESULT_ERROR);
		free(l->last);
		if ((l->last = strdup(kore_pgsql_getvalue(sql, r, 0))) == NULL)
			return (KORE_RESULT_ERROR);
		l->rows++;
	}
	return (KORE_RESULT_OK);
}

/*
 * The object keys of a result's rows, written once: {"name1":,"name2":…
 * back to back; column c's key ends at end[c] (list_row_json).
 */
static int
list_keys(struct list_keys *keys, struct kore_pgsql *sql)
{
	const char	*name;
	int		 c;

	keys->n = kore_pgsql_nfields(sql);
	if ((keys->end = calloc((size_t)keys->n + 1, sizeof(*keys->end))) == NULL)
		return (0);
	for (c = 0; c < keys->n; c++) {
		name = kore_pgsql_fieldname(sql, c);
		if (!api_buf_add(&keys->text, c == 0 ? "{" : ",", 1) ||
		    !api_buf_json_string(&keys->text, name, strlen(name)) ||
		    !api_buf_add(&keys->text, ":", 1))
			return (0);
		keys->end[c] = keys->text.len;
	}
	return (1);
}

/* Sends the page (or the item) after the transaction committed. */
void
list_respond(struct api_ctx *ctx)
{
	const struct list_resource	*res;
	struct api_list	*l = &ctx->list;
	char		 next[1024], link[1100];

	if (l->item) {
		if (ctx->out == NULL || l->out.len == 0) {
			api_problem(ctx, 404, "dit item bestaat niet");
			return;
		}
		if (json_is_string(json_object_get(ctx->out, "versie")))
			(void)kore_strlcpy(ctx->etag,
			    json_string_value(json_object_get(ctx->out, "versie")), sizeof(ctx->etag));
		if (l->created) {
			/* A created resource lives at the collection path + its code, id or period. */
			next[0] = '\0';
			if (json_is_string(json_object_get(ctx->out, "code")))
				(void)snprintf(next, sizeof(next), "%s/%s", ctx->req->path,
				    json_string_value(json_object_get(ctx->out, "code")));
			else if (json_is_number(json_object_get(ctx->out, "id")))
				(void)snprintf(next, sizeof(next), "%s/%.0f", ctx->req->path,
				    json_number_value(json_object_get(ctx->out, "id")));
			else if (json_is_string(json_object_get(ctx->out, "periode")))
				(void)snprintf(next, sizeof(next), "%s/%s", ctx->req->path,
				    json_string_value(json_object_get(ctx->out, "periode")));
			if (next[0] != '\0')
				http_response_header(ctx->req, "location", next);
		}
		if (l->geo)
			http_response_header(ctx->req, "content-crs", API_CRS84);
		api_send_buf(ctx, l->created ? 201 : 200, l->geo ? API_GEOJSON_TYPE : "application/json", &l->out);
		return;
	}
	if (l->more && !list_next_url(ctx, next, sizeof(next))) {
		api_problem(ctx, 500, "de link naar de volgende pagina kon niet worden gemaakt");
		return;
	}
	if (l->csv || l->xlsx || l->geo) {
		if (l->more) {
			(void)snprintf(link, sizeof(link), "<%s>; rel=\"next\"", next);
			http_response_header(ctx->req, "link", link);
		}
		if (l->csv) {
			api_send_buf(ctx, 200, "text/csv; charset=utf-8; header=present", &l->out);
			return;
		}
		if (l->geo) {
			if ((l->rows == 0 && !api_buf_add(&l->out, LIST_GEO_HEAD, sizeof(LIST_GEO_HEAD) - 1)) ||
			    !api_buf_add(&l->out, "]}", 2)) {
				api_problem(ctx, 500, "geheugen op");
				return;
			}
			http_response_header(ctx->req, "content-crs", API_CRS84);
			api_send_buf(ctx, 200, API_GEOJSON_TYPE, &l->out);
			return;
		}
		/* only list_prepare sets xlsx, for a resource that names its sheet */
		res = ctx->route->arg;
		if (l->sheet == NULL || !xlsx_table(res->xlsx, l->sheet, &l->out)) {
			api_problem(ctx, 500, "het Excel-bestand kon niet worden gemaakt");
			return;
		}
		(void)snprintf(link, sizeof(link), "attachment; filename=\"%s.xlsx\"", res->xlsx);
		http_response_header(ctx->req, "content-disposition", link);
		api_send_buf(ctx, 200, API_XLSX_TYPE, &l->out);
		return;
	}
	if (!api_buf_add(&l->out, l->rows ? "]" : "{\"items\":[]", l->rows ? 1 : 11) ||
	    !api_buf_add(&l->out, ",\"next\":", 8) ||
	    !(l->more ? api_buf_json_string(&l->out, next, strlen(next)) :
	    api_buf_add(&l->out, "null", 4)) || !api_buf_add(&l->out, "}", 1)) {
		api_problem(ctx, 500, "geheugen op");
		return;
	}
	api_send_buf(ctx, 200, "application/json", &l->out);
}

void
list_clear(struct api_list *l)
{
	query_clear(&l->q);
	json_decref(l->sheet);
	free(l->last);
	free(l->cursor);
	free(l->out.p);
	memset(l, 0, sizeof(*l));
}

/* The same path and filters, with the cursor after this page's last key. */
static int
list_next_url(struct api_ctx *ctx, char *buf, size_t len)
{
	struct api_list	*l = &ctx->list;
	char		*cursor, limit[24];
	int		 i, ok = 1;

	if (kore_strlcpy(buf, ctx->req->path, len) >= len)
		return (0);
	for (i = 0; i < l->q.n && ok; i++) {
		if (strcmp(l->q.p[i].name, "cursor") && strcmp(l->q.p[i].name, "limit"))
			ok = query_append(buf, len, l->q.p[i].name, l->q.p[i].value);
	}
	(void)snprintf(limit, sizeof(limit), "%ld", l->limit);
	if ((cursor = b64url_encode(l->last, strlen(l->last))) == NULL)
		return (0);
	ok = ok && query_append(buf, len, "limit", limit) && query_append(buf, len, "cursor", cursor);
	free(cursor);
	return (ok);
}

/*
 * One row as a JSON object keyed by column name, written straight from
 * PostgreSQL's text (list_json_value) after the keys list_keys() wrote; the
 * page is most of what a list request costs the worker, so no jansson tree
 * is built for it.
 */
static int
list_row_json(struct api_list *l, const struct list_keys *keys, struct kore_pgsql *sql, int row)
{
	return ((l->rows == 0 ? api_buf_add(&l->out, "{\"items\":[", 10) :
	    api_buf_add(&l->out, ",", 1)) && list_object(&l->out, keys, sql, row, 0));
}

/* The row as a JSON object: each key, then its value (safe: list_json_value). */
static int
list_object(struct api_buf *b, const struct list_keys *keys, struct kore_pgsql *sql, int row, int safe)
{
	size_t	from = 0;
	int	c;

	for (c = 0; c < keys->n; c++) {
		if (!api_buf_add(b, keys->text.p + from, keys->end[c] - from) ||
		    !list_json_value(b, sql, row, c, safe))
			return (0);
		from = keys->end[c];
	}
	return (api_buf_add(b, keys->n == 0 ? "{}" : "}", keys->n == 0 ? 2 : 1));
}

/*
 * One value as JSON, typed after its PostgreSQL type. Numbers are
 * PostgreSQL's own digits (exact: no round trip through a double); NaN and
 * infinities, which JSON cannot carry, fail the page. json and jsonb text is
 * JSON already. safe: for a document the API reads itself (jansson holds
 * numbers as doubles), a number beyond a double's range is written as a
 * string of its digits; a value stored before the tables were bounded
 * (V025) can be that large.
 */
static int
list_json_value(struct api_buf *b, struct kore_pgsql *sql, int row, int col, int safe)
{
	const char	*s;
	char		*t;
	size_t		 len;
	int		 ok;

	if (PQgetisnull(sql->result, row, col))
		return (api_buf_add(b, "null", 4));
	s = kore_pgsql_getvalue(sql, row, col);
	len = (size_t)kore_pgsql_getlength(sql, row, col);
	switch ((int)PQftype(sql->result, col)) {
	case OID_BOOL:
		return (s[0] == 't' ? api_buf_add(b, "true", 4) : api_buf_add(b, "false", 5));
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
	case OID_NUMERIC:
	case OID_FLOAT4:
	case OID_FLOAT8:
		if (!api_json_number(s, len))
			return (0);
		if (safe && !isfinite(strtod(s, NULL)))
			return (api_buf_json_string(b, s, len));
		return (api_buf_add(b, s, len));
	case OID_JSON:
	case OID_JSONB:
		return (api_buf_add(b, s, len));
	case OID_TIMESTAMPTZ:
		if ((t = list_text(sql, row, col)) == NULL)
			return (0);
		ok = api_buf_json_string(b, t, strlen(t));
		free(t);
		return (ok);
	default:
		return (api_buf_json_string(b, s, len));
	}
}

/* Row -1 writes the header line. */
static int
list_row_csv(struct api_list *l, struct kore_pgsql *sql, int row)
{
	char	*v;
	int	 c, ok = 1, type;

	for (c = 0; c < kore_pgsql_nfields(sql) && ok; c++) {
		if (c > 0 && !api_buf_add(&l->out, ",", 1))
			return (0);
		if (row < 0) {
			ok = list_csv_field(&l->out, kore_pgsql_fieldname(sql, c), 0);
			continue;
		}
		if (PQgetisnull(sql->result, row, c))
			continue;
		type = (int)PQftype(sql->result, c);
		if ((v = list_text(sql, row, c)) == NULL)
			return (0);
		ok = list_csv_field(&l->out, v, type != OID_INT2 && type != OID_INT4 &&
		    type != OID_INT8 && type != OID_NUMERIC && type != OID_FLOAT4 &&
		    type != OID_FLOAT8);
		free(v);
	}
	return (ok && api_buf_add(&l->out, "\r\n", 2));
}

/*
 * One CSV field (RFC 4180): quoted when it holds a separator, a quote or a
 * line break. Text that a spreadsheet would run as a formula (starting
 * with =, +, -, @, a TAB or a carriage return) gets a leading apostrophe
 * (OWASP CSV injection).
 */
static int
list_csv_field(struct api_buf *b, const char *v, int is_text)
{
	const char	*p;
	int		 quote = strpbrk(v, ",\"\r\n") != NULL;

	if (quote && !api_buf_add(b, "\"", 1))
		return (0);
	if (is_text && v[0] != '\0' && strchr("=+-@\t\r", v[0]) != NULL &&
	    !api_buf_add(b, "'", 1))
		return (0);
	for (p = v; *p != '\0'; p++) {
		if (*p == '"' && !api_buf_add(b, "\"", 1))
			return (0);
		if (!api_buf_add(b, p, 1))
			return (0);
	}
	return (!quote || api_buf_add(b, "\"", 1));
}

/*
 * The text of a value as the API shows it: booleans as true/false,
 * timestamps in ISO 8601 UTC. Returns a malloc()ed string.
 */
static char *
list_text(struct kore_pgsql *sql, int row, int col)
{
	const char	*v = kore_pgsql_getvalue(sql, row, col);
	char		*s, *tz;
	int		 type = (int)PQftype(sql->result, col);

	if (type == OID_BOOL)
		return (strdup(v[0] == 't' ? "true" : "false"));
	if ((s = strdup(v)) == NULL)
		return (NULL);
	if (type == OID_TIMESTAMPTZ && strlen(s) > 10 && s[10] == ' ') {
		s[10] = 'T';
		if ((tz = strstr(s, "+00")) != NULL && tz[3] == '\0') {
			tz[0] = 'Z';
			tz[1] = '\0';
		}
	}
	return (s);
}

/*
 * Row as a jansson object keyed by column name (col -1; with the result's
 * keys when known, else they are written here), or one column's value:
 * parsed from the JSON text a page's rows get (list_object), so an item or
 * an Excel row is typed by the same rules. Returns a new reference or NULL.
 */
static json_t *
list_value(struct kore_pgsql *sql, const struct list_keys *known, int row, int col)
{
	struct list_keys keys = { { NULL, 0, 0 }, NULL, 0 };
	struct api_buf	 b = { NULL, 0, 0 };
	json_t		*v = NULL;

	if (col >= 0 ? list_json_value(&b, sql, row, col, 1) :
	    (known != NULL || list_keys(&keys, sql)) &&
	    list_object(&b, known != NULL ? known : &keys, sql, row, 1))
		v = list_parse_text(b.p, b.len);
	free(b.p);
	free(keys.text.p);
	free(keys.end);
	return (v);
}

/*
 * JSON text of the API's own rendering as a jansson document, to read from
 * (an item's version and key, an Excel row's cells): whole numbers as
 * integers where they fit 64 bits, else every number as a double. The text
 * is what is sent; the document only has to hold what is read from it.
 * NULL when memory runs out.
 */
static json_t *
list_parse_text(const char *text, size_t len)
{
	json_error_t	 err;
	json_t		*v;

	if ((v = json_loadb(text, len, JSON_DECODE_ANY, &err)) == NULL)
		v = json_loadb(text, len, JSON_DECODE_ANY | JSON_DECODE_INT_AS_REAL, &err);
	return (v);
}

/*
 * The single row of an item's result: rendered as the answer's text
 * (l->out; a single JSON column, a function's answer, is the item as it
 * is), and parsed into ctx->out for what list_respond reads of it. A NULL
 * answer, or no row, leaves both empty: 404.
 */
static int
list_item(struct api_ctx *ctx, struct kore_pgsql *sql, int n)
{
	struct api_list	*l = &ctx->list;
	struct list_keys keys = { { NULL, 0, 0 }, NULL, 0 };
	struct api_buf	 safe = { NULL, 0, 0 };
	int		 ok, json;

	if (n != 1 || l->out.len > 0)
		return (KORE_RESULT_OK);
	json = kore_pgsql_nfields(sql) == 1 && (PQftype(sql->result, 0) == OID_JSONB ||
	    PQftype(sql->result, 0) == OID_JSON);
	if (json) {
		if (PQgetisnull(sql->result, 0, 0))
			return (KORE_RESULT_OK);
		ok = api_buf_add(&l->out, kore_pgsql_getvalue(sql, 0, 0),
		    (size_t)kore_pgsql_getlength(sql, 0, 0));
	} else {
		ok = list_keys(&keys, sql) && list_object(&l->out, &keys, sql, 0, 0);
	}
	free(keys.text.p);
	free(keys.end);
	if (!ok)
		return (KORE_RESULT_ERROR);
	/* a number beyond a double's range: what is read comes from a safe copy */
	if ((ctx->out = list_parse_text(l->out.p, l->out.len)) == NULL) {
		if (json) {
			if (api_buf_json_safe(&safe, l->out.p, l->out.len))
				ctx->out = list_parse_text(safe.p, safe.len);
			free(safe.p);
		} else {
			ctx->out = list_value(sql, NULL, 0, -1);
		}
	}
	if (ctx->out == NULL)
		return (KORE_RESULT_ERROR);
	if (!json_is_object(ctx->out)) {
		json_decref(ctx->out);
		ctx->out = NULL;
		l->out.len = 0;
	}
	return (KORE_RESULT_OK);
}
