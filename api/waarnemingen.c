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
 * GET /v1/waarnemingen: observations, the current value per indicator ×
 * area × period or, with peildatum, the values as they stood then. Filters
 * indicator, gebied, periode, periodeVan, periodeTot, status; JSON or CSV;
 * paged on the observation id.
 *
 * POST /v1/waarnemingen (programma): a JSON array or a CSV file of
 * observations, loaded all or nothing by api.waarnemingen_laden(); each row
 * that differs from the current value becomes a new revision. ?proefrun=true
 * checks and counts without storing. C checks the envelope (JSON types, CSV
 * columns and field counts) and turns CSV into the same JSON rows, each
 * tagged with its line so that problems can name it.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lakmoes.h"

#define LOAD_BODY_MAX		(64 * 1024 * 1024)
#define LOAD_PROBLEMS_MAX	200

struct load_csv {
	json_t		*rows;
	json_t		*problem;
	int		 col[8];
	int		 ncols;
	int		 nproblems;
	char		 delim;
};

static const char *load_columns[] = {
	"indicator", "gebied", "periode", "waarde", "teller", "noemer", "status", "bron", NULL
};

static int	waarnemingen_load_prepare(struct api_ctx *);
static int	load_json_rows(json_t *, json_t *);
static json_t	*load_csv_rows(struct api_ctx *, json_t *);
static int	load_csv_row(void *, int, struct csv_row *);
static int	load_csv_header(struct load_csv *, struct csv_row *);
static json_t	*load_csv_number(const char *, char);
static void	load_problem(struct load_csv *, const char *, const char *);
static void	load_respond(struct api_ctx *);

#define PERIODE_ANY	"^[0-9]{4}(-Q[1-4]|-H[12])?$"

static const struct list_resource waarnemingen = {
	.path = "/v1/waarnemingen",
	.sql = "SELECT w.* FROM api.waarnemingen_op($9::timestamptz) w "
	    "JOIN ref.perioden p ON p.periode_code = w.periode "
	    "WHERE w.id > coalesce(nullif($1, '')::bigint, -1) "
	    "AND ($3::text IS NULL OR w.indicator = $3) "
	    "AND ($4::text IS NULL OR w.gebied = $4) "
	    "AND ($5::text IS NULL OR w.periode = $5) "
	    "AND ($6::text IS NULL OR p.begin_date >= "
	    "(SELECT v.begin_date FROM ref.perioden v WHERE v.periode_code = $6)) "
	    "AND ($7::text IS NULL OR p.eind_date <= "
	    "(SELECT t.eind_date FROM ref.perioden t WHERE t.periode_code = $7)) "
	    "AND ($8::text IS NULL OR w.status = $8) "
	    "ORDER BY w.id LIMIT $2::int",
	.filters = {
		{ "indicator", "^[A-Z][A-Z0-9_]{1,39}$", "een indicatorcode, zoals EFF_TIJDIGHEID", 0 },
		{ "gebied", "^(NL|PV[0-9]{2}|JZ[0-9]{2}|VT[0-9]{2}|VR[0-9]{2}|GM[0-9]{4}|PT[0-9]{2})$",
		  "een gebiedscode, zoals NL, GM0363 of PT05", 0 },
		{ "periode", PERIODE_ANY, "een periode: JJJJ, JJJJ-Hn of JJJJ-Qn", 0 },
		{ "periodeVan", PERIODE_ANY, "een periode: JJJJ, JJJJ-Hn of JJJJ-Qn", 0 },
		{ "periodeTot", PERIODE_ANY, "een periode: JJJJ, JJJJ-Hn of JJJJ-Qn", 0 },
		{ "status", "^(voorlopig|nader_voorlopig|definitief)$",
		  "voorlopig, nader_voorlopig of definitief", 0 },
		{ "peildatum",
		  "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$",
		  "een datum of tijdstip in ISO 8601, zoals 2025-07-01 of 2025-07-01T12:00:00Z", 0 },
	},
};

static const struct api_route waarnemingen_route =
    LIST_ROUTE("waarnemingen", HTTP_METHOD_GET | HTTP_METHOD_POST, API_AUTH_REQUIRED, waarnemingen);

static const struct api_route waarnemingen_load_route = {
	.name = "waarnemingen-laden",
	.methods = HTTP_METHOD_GET | HTTP_METHOD_POST,
	.auth = API_AUTH_REQUIRED,
	.readonly = 0,
	.body_max = LOAD_BODY_MAX,
	.prepare = waarnemingen_load_prepare,
	.row = list_row,
	.respond = load_respond,
	.timeout = "300s",
	.dryrun = 1,
};

int
waarnemingen_root(struct http_request *req)
{
	return (api_handle(req, req->method == HTTP_METHOD_POST ?
	    &waarnemingen_load_route : &waarnemingen_route));
}

static int
waarnemingen_load_prepare(struct api_ctx *ctx)
{
	const char	*type;
	json_t		*p, *rows = NULL;

	/* ?proefrun is read by api_check_write_query (ctx->dryrun) */
	if ((p = problem_new(400, "de lading is niet opgeslagen")) == NULL) {
		api_problem(ctx, 500, "geheugen op");
		return (KORE_RESULT_ERROR);
	}

	if (http_request_header(ctx->req, "content-type", &type) &&
	    strncasecmp(type, "text/csv", 8) == 0) {
		rows = load_csv_rows(ctx, p);
	} else if ((rows = write_body(ctx)) == NULL) {
		json_decref(p);
		return (KORE_RESULT_ERROR);
	}
	if (rows == NULL || !load_json_rows(rows, p)) {
		json_decref(rows);
		api_refuse(ctx, p);
		return (KORE_RESULT_ERROR);
	}
	json_decref(p);
	ctx->body = json_dumps(rows, JSON_COMPACT);
	json_decref(rows);
	if (ctx->body == NULL) {
		api_problem(ctx, 500, "geheugen op");
		return (KORE_RESULT_ERROR);
	}
	ctx->list.item = 1;
	ctx->tx.query = "SELECT * FROM api.waarnemingen_laden($1::jsonb, $2::boolean)";
	ctx->tx.params[0] = ctx->body;
	ctx->tx.params[1] = ctx->dryrun ? "true" : "false";
	ctx->tx.nparams = 2;
	return (KORE_RESULT_OK);
}

/*
 * The JSON envelope: an array of objects with the known members and JSON
 * types. Up to LOAD_PROBLEMS_MAX problems are listed. Returns 1 when fine.
 */
static int
load_json_rows(json_t *rows, json_t *p)
{
	static const struct write_field fields[] = {
		{ "indicator", JSON_STRING, 1 },
		{ "gebied", JSON_STRING, 1 },
		{ "periode", JSON_STRING, 1 },
		{ "waarde", WRITE_ANY, 1 },
		{ "teller", WRITE_ANY, 0 },
		{ "noemer", WRITE_ANY, 0 },
		{ "status", JSON_STRING, 1 },
		{ "bron", JSON_STRING, 1 },
		{ "_plek", JSON_STRING, 0 },
		{ NULL, 0, 0 }
	};
	json_t	*row;
	char	 prefix[32];
	size_t	 i;
	int	 ok = 1;

	if (!json_is_array(rows) || json_array_size(rows) == 0) {
		(void)problem_add_invalid(p, "/", "verwacht een niet-lege lijst van waarnemingen");
		return (0);
	}
	json_array_foreach(rows, i, row) {
		(void)snprintf(prefix, sizeof(prefix), "/%zu", i);
		if (!write_object(row, fields, p, prefix))
			ok = 0;
		if (json_array_size(json_object_get(p, "invalidParams")) >= LOAD_PROBLEMS_MAX)
			break;
	}
	return (ok);
}

/* Reads a CSV body into JSON rows, or NULL with the problems in p. */
static json_t *
load_csv_rows(struct api_ctx *ctx, json_t *p)
{
	struct api_buf	 b = { NULL, 0, 0 };
	struct load_csv	 lc;
	char		 chunk[65536], err[128];
	ssize_t		 n;

	memset(&lc, 0, sizeof(lc));
	while ((n = http_body_read(ctx->req, chunk, sizeof(chunk))) > 0) {
		if (!api_buf_add(&b, chunk, (size_t)n)) {
			free(b.p);
			return (NULL);
		}
	}
	lc.rows = json_array();
	lc.problem = p;
	if (n == -1 || lc.rows == NULL ||
	    !csv_parse(b.p != NULL ? b.p : "", b.len, &lc.delim, load_csv_row, &lc, err, sizeof(err))) {
		if (lc.nproblems == 0)
			(void)problem_add_invalid(p, "body", n == -1 ? "niet te lezen" : err);
		free(b.p);
		json_decref(lc.rows);
		return (NULL);
	}
	free(b.p);
	if (lc.ncols == 0)
		load_problem(&lc, "body", "lege CSV: verwacht een kopregel en rijen");
	if (lc.nproblems > 0) {
		json_decref(lc.rows);
		return (NULL);
	}
	return (lc.rows);
}

static void
load_problem(struct load_csv *lc, const char *name, const char *reason)
{
	if (lc->nproblems++ < LOAD_PROBLEMS_MAX)
		(void)problem_add_invalid(lc->problem, name, reason);
}

/* The header row names the columns: all required ones, no unknown ones. */
static int
load_csv_header(struct load_csv *lc, struct csv_row *row)
{
	char	name[64];
	int	c, k;

	for (k = 0; load_columns[k] != NULL; k++)
		lc->col[k] = -1;
	for (c = 0; c < row->n; c++) {
		for (k = 0; load_columns[k] != NULL; k++) {
			if (!strcasecmp(row->field[c], load_columns[k]))
				break;
		}
		if (load_columns[k] == NULL || lc->col[k] != -1) {
			(void)snprintf(name, sizeof(name), "kolom %d", c + 1);
			load_problem(lc, name, load_columns[k] == NULL ?
			    "onbekende kolom; wel: indicator, gebied, periode, waarde, teller, noemer, status, bron" :
			    "kolom staat er twee keer in");
			continue;
		}
		lc->col[k] = c;
	}
	for (k = 0; load_columns[k] != NULL; k++) {
		if (lc->col[k] == -1 && strcmp(load_columns[k], "teller") && strcmp(load_columns[k], "noemer"))
			load_problem(lc, load_columns[k], "verplichte kolom ontbreekt");
	}
	lc->ncols = row->n;
	return (lc->nproblems == 0);
}

/* A number as JSON; "12,5" counts as 12.5 in a semicolon file. Empty: null. */
static json_t *
load_csv_number(const char *s, char delim)
{
	char	 buf[64], *end, *c;
	double	 d;

	if (*s == '\0')
		return (json_null());
	if (strlen(s) < sizeof(buf)) {
		(void)kore_strlcpy(buf, s, sizeof(buf));
		if (delim == ';' && (c = strchr(buf, ',')) != NULL && strchr(buf, '.') == NULL)
			*c = '.';
		d = strtod(buf, &end);
		if (end != buf && *end == '\0' && strspn(buf, "0123456789.-+eE") == strlen(buf))
			return (strchr(buf, '.') == NULL && strpbrk(buf, "eE") == NULL ?
			    json_integer(strtoll(buf, NULL, 10)) : json_real(d));
	}
	/* Not a number: passed on as text, for the database to name. */
	return (json_string(s));
}

static int
load_csv_row(void *arg, int line, struct csv_row *row)
{
	struct load_csv	*lc = arg;
	json_t		*o;
	char		 plek[32], reason[64];
	int		 k, c;

	if (lc->ncols == 0)
		return (load_csv_header(lc, row));
	(void)snprintf(plek, sizeof(plek), "regel %d", line);
	if (row->n != lc->ncols) {
		(void)snprintf(reason, sizeof(reason), "%d velden, verwacht %d", row->n, lc->ncols);
		load_problem(lc, plek, reason);
		return (lc->nproblems < LOAD_PROBLEMS_MAX);
	}
	if ((o = json_object()) == NULL)
		return (0);
	(void)json_object_set_new(o, "_plek", json_string(plek));
	for (k = 0; load_columns[k] != NULL; k++) {
		if ((c = lc->col[k]) == -1)
			continue;
		if (k >= 3 && k <= 5)
			(void)json_object_set_new(o, load_columns[k], load_csv_number(row->field[c], lc->delim));
		else
			(void)json_object_set_new(o, load_columns[k], json_stringn(row->field[c], strlen(row->field[c])));
	}
	return (json_array_append_new(lc->rows, o) == 0);
}

/* 201 with the counts, or 200 for a dry run (nothing was created). */
static void
load_respond(struct api_ctx *ctx)
{
	json_t	*out = ctx->out;

	ctx->out = NULL;
	if (out == NULL) {
		api_problem(ctx, 500, "de telling ontbreekt");
		return;
	}
	api_send_json(ctx, ctx->dryrun ? 200 : 201, out);
}
