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

#define LOAD_PROBLEMS_MAX	200
#define LOAD_CHUNK		65536		/* read from the body at a time */
#define LOAD_PART_BYTES		(1024 * 1024)	/* rows sent to the database at a time */
#define LOAD_ROW_MAX		65536		/* the longest row in JSON */

#define LOAD_J_START		0	/* before the list's '[' */
#define LOAD_J_FIRST		1	/* after '[': a row or ']' */
#define LOAD_J_ROW		2	/* a row */
#define LOAD_J_NEXT		3	/* after a row: ',' or ']' */
#define LOAD_J_END		4	/* after ']': nothing more */
#define LOAD_J_BROKEN		5	/* the text cannot be read on */

/*
 * A load in progress: the body is read a piece at a time (LOAD_CHUNK),
 * rows are checked as they come and collected in a part (at most about
 * LOAD_PART_BYTES of JSON text: "[row,row,…]") that goes to the database
 * while the next is read. Problems are collected (the first
 * LOAD_PROBLEMS_MAX) to the end of the body; once there is one, rows are
 * no longer collected, and the load is refused.
 */
struct load {
	int			 csv;
	int			 eof;
	int			 sent;		/* parts made so far */
	long long		 rows;		/* rows read so far */
	json_t			*problem;
	int			 nproblems;
	struct api_buf		 part;
	long long		 part_rows;
	struct api_buf		 num;		/* a CSV number as JSON */
	/* CSV */
	struct csv_parser	 cp;
	int			 col[8];
	int			 ncols;
	/* JSON */
	struct api_buf		 in;		/* read, not yet parsed */
	int			 jstate;
};

static const char *load_columns[] = {
	"indicator", "gebied", "periode", "waarde", "teller", "noemer", "status", "bron", NULL
};

static int	waarnemingen_load_prepare(struct api_ctx *);
static int	load_feed(struct api_ctx *);
static void	load_free(void *);
static int	load_read(struct api_ctx *, struct load *);
static void	load_problem(struct load *, const char *, const char *);
static int	load_row_start(struct load *);
static int	load_json(struct load *, int);
static int	load_json_row(struct load *, size_t *);
static int	load_csv_row(void *, int, struct csv_row *);
static int	load_csv_header(struct load *, struct csv_row *);
static int	load_csv_field(struct load *, const char *, struct csv_row *, int, int);
static int	load_csv_number(struct api_buf *, const char *, size_t, char);
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
		{ "gebied", GEBIED_CODE_PATTERN,
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
	.body_max = API_LOAD_BODY_MAX,
	.prepare = waarnemingen_load_prepare,
	.row = list_row,
	.respond = load_respond,
	.timeout = "900s",	/* a 64 MiB load stores in some 5 minutes (bench/load.sh) */
	.dryrun = 1,
	.feed = load_feed,
};

int
waarnemingen_root(struct http_request *req)
{
	return (api_handle(req, req->method == HTTP_METHOD_POST ?
	    &waarnemingen_load_route : &waarnemingen_route));
}

/*
 * Starts a load: the body is CSV (Content-Type text/csv) or a JSON list;
 * the first part is read at once, so that a body that is wrong from the
 * start is refused before any transaction. The rest goes to the database
 * in parts (load_feed, called by db.c), and at the end
 * api.waarnemingen_laden_lading() loads them all or nothing.
 */
static int
waarnemingen_load_prepare(struct api_ctx *ctx)
{
	struct load	*l;
	json_t		*p;
	int		 csv = write_content_type(ctx, "text/csv");

	/* ?proefrun is read by api_check_write_query (ctx->dryrun) */
	if (!csv && !write_content_type(ctx, "application/json")) {
		api_refuse(ctx, problem_new(415, "stuur de lading als text/csv of application/json"));
		return (KORE_RESULT_ERROR);
	}
	if ((l = calloc(1, sizeof(*l))) == NULL ||
	    (l->problem = problem_new(400, "de lading is niet opgeslagen")) == NULL) {
		free(l);
		api_problem(ctx, 500, "geheugen op");
		return (KORE_RESULT_ERROR);
	}
	ctx->state = l;
	ctx->state_free = load_free;
	l->csv = csv;
	if (l->csv)
		csv_init(&l->cp, load_csv_row, l);
	ctx->list.item = 1;
	ctx->tx.query = "SELECT * FROM api.waarnemingen_laden_lading($1::boolean)";
	ctx->tx.params[0] = ctx->dryrun ? "true" : "false";
	ctx->tx.nparams = 1;
	if (!load_feed(ctx)) {
		if ((p = ctx->refusal) == NULL)
			return (KORE_RESULT_ERROR);
		ctx->refusal = NULL;
		api_refuse(ctx, p);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

static void
load_free(void *arg)
{
	struct load	*l = arg;

	json_decref(l->problem);
	csv_parser_clear(&l->cp);
	free(l->part.p);
	free(l->num.p);
	free(l->in.p);
	free(l);
}

/*
 * The next part for the database (route->feed): its rows as a JSON list in
 * ctx->tx.feed_param, or feed_sql NULL after the last. A body with any
 * problem is read to its end (for the first LOAD_PROBLEMS_MAX) and refused:
 * ctx->refusal, KORE_RESULT_ERROR. Also KORE_RESULT_ERROR, without a
 * refusal, when the body cannot be read or memory runs out.
 */
static int
load_feed(struct api_ctx *ctx)
{
	struct load	*l = ctx->state;

	l->part.len = 0;
	l->part_rows = 0;
	do {
		if (!load_read(ctx, l))
			return (KORE_RESULT_ERROR);
	} while (l->nproblems > 0 && !l->eof);
	if (l->nproblems == 0 && l->eof && l->rows == 0)
		load_problem(l, l->csv ? "body" : "/", l->csv ? "geen rijen: verwacht een kopregel en rijen" :
		    "verwacht een niet-lege lijst van waarnemingen");
	if (l->nproblems > 0) {
		ctx->refusal = l->problem;
		l->problem = NULL;
		return (KORE_RESULT_ERROR);
	}
	if (l->part_rows == 0) {
		ctx->tx.feed_sql = NULL;
		return (KORE_RESULT_OK);
	}
	if (!api_buf_add(&l->part, "]", 2))
		return (KORE_RESULT_ERROR);
	ctx->tx.feed_sql = "SELECT api.lading_rijen($1::jsonb)";
	ctx->tx.feed_param = l->part.p;
	l->sent++;
	return (KORE_RESULT_OK);
}

/*
 * Reads the body on until a part is full or the body is done (l->eof).
 * Returns 0 when the body cannot be read or memory runs out.
 */
static int
load_read(struct api_ctx *ctx, struct load *l)
{
	char	chunk[LOAD_CHUNK];
	ssize_t	n;

	while (!l->eof && l->part.len < LOAD_PART_BYTES) {
		if ((n = http_body_read(ctx->req, chunk, sizeof(chunk))) == -1)
			return (0);
		if (n == 0)
			l->eof = 1;
		if (l->csv) {
			if ((n > 0 ? csv_feed(&l->cp, chunk, (size_t)n) : csv_finish(&l->cp)) == 0 &&
			    l->cp.err[0] != '\0') {
				load_problem(l, "body", l->cp.err);
				l->cp.err[0] = '\0';
			}
			if (l->cp.failed && l->nproblems == 0)
				return (0);
			if (l->cp.failed)
				l->eof = 1;
		} else if ((n > 0 && !api_buf_add(&l->in, chunk, (size_t)n)) || !load_json(l, n == 0)) {
			return (0);
		}
	}
	if (l->eof && l->csv && l->ncols == 0 && l->nproblems == 0)
		load_problem(l, "body", "lege CSV: verwacht een kopregel en rijen");
	return (1);
}

static void
load_problem(struct load *l, const char *name, const char *reason)
{
	if (l->nproblems++ < LOAD_PROBLEMS_MAX)
		(void)problem_add_invalid(l->problem, name, reason);
}

/* Begins a row in the part ("[" or ","); returns 0 when memory runs out. */
static int
load_row_start(struct load *l)
{
	l->part_rows++;
	return (api_buf_add(&l->part, l->part.len == 0 ? "[" : ",", 1));
}

/*
 * Reads the rows of the JSON list that l->in holds, each as its text as
 * sent (the database reads its numbers exactly; jansson only checks it),
 * and keeps what is not yet complete for the next piece; end: the body is
 * done. A row is checked as an object with the known members and types.
 * Returns 0 when memory runs out.
 */
static int
load_json(struct load *l, int end)
{
	size_t	off = 0, len = l->in.len;
	char	name[32];

	while (off < len || (end && l->jstate != LOAD_J_END && l->jstate != LOAD_J_BROKEN)) {
		while (off < len && l->in.p[off] != '\0' && strchr(" \t\r\n", l->in.p[off]) != NULL)
			off++;
		if (off == len && !end)
			break;
		if (l->jstate == LOAD_J_BROKEN || l->nproblems >= LOAD_PROBLEMS_MAX) {
			/* nothing more can be read, or enough was found */
			l->jstate = LOAD_J_BROKEN;
			l->eof = 1;
			off = len;
			break;
		}
		if (off == len) {
			load_problem(l, "body", "de JSON houdt te vroeg op");
			l->jstate = LOAD_J_BROKEN;
			break;
		}
		switch (l->jstate) {
		case LOAD_J_START:
			if (l->in.p[off] != '[') {
				load_problem(l, "/", "verwacht een niet-lege lijst van waarnemingen");
				l->jstate = LOAD_J_BROKEN;
				break;
			}
			off++;
			l->jstate = LOAD_J_FIRST;
			break;
		case LOAD_J_FIRST:
			if (l->in.p[off] == ']') {
				off++;
				l->jstate = LOAD_J_END;
				break;
			}
			l->jstate = LOAD_J_ROW;
			break;
		case LOAD_J_ROW:
			switch (load_json_row(l, &off)) {
			case -1:
				return (0);
			case 0:		/* the row goes on in the next piece */
				goto keep;
			}
			break;
		case LOAD_J_NEXT:
			if (l->in.p[off] == ',' || l->in.p[off] == ']') {
				l->jstate = l->in.p[off] == ',' ? LOAD_J_ROW : LOAD_J_END;
				off++;
				break;
			}
			(void)snprintf(name, sizeof(name), "/%lld", l->rows - 1);
			load_problem(l, name, "na een waarneming volgt , of ]");
			l->jstate = LOAD_J_BROKEN;
			break;
		case LOAD_J_END:
			load_problem(l, "body", "na de lijst volgt nog tekst");
			l->jstate = LOAD_J_BROKEN;
			break;
		}
	}
keep:
	memmove(l->in.p, l->in.p + off, len - off);
	l->in.len = len - off;
	return (1);
}

/*
 * The row that starts at *off: 1 when it was read (and *off moved past
 * it), 0 when it may go on in the next piece of the body, -1 when memory
 * runs out. A row that cannot be read is a problem that ends the reading.
 */
static int
load_json_row(struct load *l, size_t *off)
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
		{ NULL, 0, 0 }
	};
	json_error_t	 err;
	json_t		*row;
	const char	*text = l->in.p + *off;
	size_t		 avail = l->in.len - *off;
	char		 prefix[32];

	(void)snprintf(prefix, sizeof(prefix), "/%lld", l->rows);
	row = json_loadb(text, avail < LOAD_ROW_MAX ? avail : LOAD_ROW_MAX,
	    JSON_REJECT_DUPLICATES | JSON_DISABLE_EOF_CHECK, &err);
	if (row == NULL) {
		/* a piece may end anywhere in a row: only a whole one is judged */
		if (!l->eof && avail < LOAD_ROW_MAX)
			return (0);
		if (avail >= LOAD_ROW_MAX && json_error_code(&err) == json_error_premature_end_of_input)
			load_problem(l, prefix, "een waarneming is langer dan 65536 bytes");
		else
			body_add_error(l->problem, text, avail, &err, prefix);
		l->nproblems++;
		l->jstate = LOAD_J_BROKEN;
		return (1);
	}
	if (!write_object(row, fields, l->problem, prefix) ||
	    !body_numbers_ok(text, (size_t)err.position, l->problem, prefix)) {
		/* write_object and body_numbers_ok added the problems themselves */
		l->nproblems++;
	} else if (l->nproblems == 0 &&
	    (!load_row_start(l) || !api_buf_add(&l->part, text, (size_t)err.position))) {
		json_decref(row);
		return (-1);
	}
	json_decref(row);
	l->rows++;
	*off += (size_t)err.position;
	l->jstate = LOAD_J_NEXT;
	return (1);
}

/* The header row names the columns: all required ones, no unknown ones. */
static int
load_csv_header(struct load *l, struct csv_row *row)
{
	char	name[64];
	int	c, k;

	for (k = 0; load_columns[k] != NULL; k++)
		l->col[k] = -1;
	for (c = 0; c < row->n; c++) {
		for (k = 0; load_columns[k] != NULL; k++) {
			/* a name with a NUL byte in it is no column's */
			if (row->len[c] == strlen(row->field[c]) && !strcasecmp(row->field[c], load_columns[k]))
				break;
		}
		if (load_columns[k] == NULL || l->col[k] != -1) {
			(void)snprintf(name, sizeof(name), "kolom %d", c + 1);
			load_problem(l, name, load_columns[k] == NULL ?
			    "onbekende kolom; wel: indicator, gebied, periode, waarde, teller, noemer, status, bron" :
			    "kolom staat er twee keer in");
			continue;
		}
		l->col[k] = c;
	}
	for (k = 0; load_columns[k] != NULL; k++) {
		if (l->col[k] == -1 && strcmp(load_columns[k], "teller") && strcmp(load_columns[k], "noemer"))
			load_problem(l, load_columns[k], "verplichte kolom ontbreekt");
	}
	l->ncols = row->n;
	return (l->nproblems == 0);
}

/*
 * A number as JSON text into out, as it was written: only the form
 * changes, never a digit ("12,5" in a semicolon file is 12.5; "+5", ".5"
 * and "007" become 5, 0.5 and 7; spaces around it go). The text must be
 * [sign] [digits] [separator digits] [e [sign] digits], with digits before
 * the separator or after it; anything else (".e5", "-.", "5.", "1.234,5")
 * is no number. No double on the way: the database reads the digits. Returns
 * 0 when s is not a number.
 */
static int
load_csv_number(struct api_buf *out, const char *s, size_t len, char delim)
{
	size_t	i = 0, whole, part, exp;
	int	ok = 1;

	out->len = 0;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	while (i < len && s[i] == ' ')
		i++;
	if (i < len && (s[i] == '-' || s[i] == '+')) {
		ok = s[i] == '+' || api_buf_add(out, "-", 1);
		i++;
	}
	while (i + 1 < len && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9')
		i++;
	for (whole = i; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		;
	ok = ok && (i > whole ? api_buf_add(out, s + whole, i - whole) : api_buf_add(out, "0", 1));
	if (i < len && (s[i] == '.' || (s[i] == ',' && delim == ';'))) {
		for (part = ++i; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == part)
			return (0);	/* a separator needs digits after it */
		ok = ok && api_buf_add(out, ".", 1) && api_buf_add(out, s + part, i - part);
	} else if (i == whole) {
		return (0);		/* no digits at all */
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		exp = i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i == len || s[i] < '0' || s[i] > '9')
			return (0);
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
		ok = ok && api_buf_add(out, s + exp, i - exp);
	}
	return (ok && i == len && api_json_number(out->p, out->len));
}

/*
 * One field of a CSV row into the row's JSON object, as "key":value: a
 * number as its digits (text that is not one goes as a string, for the
 * database to name), the rest as strings. A NUL byte or bytes that are no
 * UTF-8 are refused by row and column. Returns 0 when memory runs out.
 */
static int
load_csv_field(struct load *l, const char *plek, struct csv_row *row, int k, int c)
{
	const char	*v = row->field[c];
	size_t		 len = row->len[c];
	char		 name[96];
	json_t		*text;

	if (memchr(v, '\0', len) != NULL || (text = json_stringn(v, len)) == NULL) {
		(void)snprintf(name, sizeof(name), "%s/%s", plek, load_columns[k]);
		load_problem(l, name, memchr(v, '\0', len) != NULL ?
		    "een NUL-teken is niet toegestaan" : "geen geldige UTF-8");
		return (1);
	}
	json_decref(text);
	if (l->nproblems > 0)
		return (1);
	if (!api_buf_add(&l->part, ",", 1) ||
	    !api_buf_json_string(&l->part, load_columns[k], strlen(load_columns[k])) ||
	    !api_buf_add(&l->part, ":", 1))
		return (0);
	if (k >= 3 && k <= 5) {
		if (len == 0)
			return (api_buf_add(&l->part, "null", 4));
		if (load_csv_number(&l->num, v, len, l->cp.delim)) {
			if (!body_number_ok(l->num.p, l->num.len)) {
				(void)snprintf(name, sizeof(name), "%s/%s", plek, load_columns[k]);
				load_problem(l, name, "een getal buiten bereik (meer dan 1000 cijfers of een exponent boven 1000)");
				return (1);
			}
			return (api_buf_add(&l->part, l->num.p, l->num.len));
		}
	}
	return (api_buf_json_string(&l->part, v, len));
}

static int
load_csv_row(void *arg, int line, struct csv_row *row)
{
	struct load	*l = arg;
	char		 plek[32], reason[64];
	int		 k, c, before;

	if (l->ncols == 0)
		return (load_csv_header(l, row) || l->nproblems < LOAD_PROBLEMS_MAX);
	(void)snprintf(plek, sizeof(plek), "regel %d", line);
	if (row->n != l->ncols) {
		(void)snprintf(reason, sizeof(reason), "%d velden, verwacht %d", row->n, l->ncols);
		load_problem(l, plek, reason);
		return (l->nproblems < LOAD_PROBLEMS_MAX);
	}
	l->rows++;
	before = l->nproblems;
	if (before == 0 && (!load_row_start(l) || !api_buf_add(&l->part, "{\"_plek\":", 9) ||
	    !api_buf_json_string(&l->part, plek, strlen(plek))))
		return (0);
	for (k = 0; load_columns[k] != NULL; k++) {
		if ((c = l->col[k]) != -1 && !load_csv_field(l, plek, row, k, c))
			return (0);
	}
	/* with a problem nothing more is sent: the part is not finished */
	if (l->nproblems > before)
		return (l->nproblems < LOAD_PROBLEMS_MAX);
	return (before > 0 || api_buf_add(&l->part, "}", 1));
}

/* 201 with the counts, or 200 for a dry run (nothing was created). */
static void
load_respond(struct api_ctx *ctx)
{
	json_t	*out = ctx->out;

	ctx->out = NULL;
	if (out == NULL) {
		kore_log(LOG_ERR, "%s: %s: the load gave no count", __func__, ctx->reqid);
		api_problem(ctx, 500, "de telling ontbreekt");
		return;
	}
	api_send_json(ctx, ctx->dryrun ? 200 : 201, out);
}
