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
 * The envelope of a write: the body is JSON (415 otherwise), within the
 * route's size limit, parses (400 with line and column), and objects have
 * exactly the expected members with the expected JSON types (400 naming
 * every unknown, missing or mistyped member at once). What the values mean
 * is for PostgreSQL to judge. Refusals go through api_refuse(), which
 * audits the attempt.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lakmoes.h"

static const char	*write_type_name(int);

/*
 * Returns the parsed body (a new reference) or NULL after a refusal. The
 * body's text as sent, NUL-terminated, is kept in ctx->body for binding:
 * the database reads its numbers exactly, where the parsed document holds
 * them as doubles (12.3 would arrive as 12.300000000000001). The document
 * is for checking the envelope only.
 */
json_t *
write_body(struct api_ctx *ctx)
{
	struct api_buf	 b = { NULL, 0, 0 };
	char		 chunk[8192];
	ssize_t		 n;
	json_t		*doc, *p;

	if (!write_content_type(ctx, "application/json")) {
		api_refuse(ctx, problem_new(415, "stuur de body als application/json"));
		return (NULL);
	}
	for (;;) {
		if ((n = http_body_read(ctx->req, chunk, sizeof(chunk))) == -1) {
			free(b.p);
			api_problem(ctx, 500, "de body kon niet worden gelezen");
			return (NULL);
		}
		if (n == 0)
			break;
		if (!api_buf_add(&b, chunk, (size_t)n)) {
			free(b.p);
			api_problem(ctx, 500, "geheugen op");
			return (NULL);
		}
	}
	doc = body_parse_json(b.p != NULL ? b.p : "", b.len, &p);
	if (doc == NULL) {
		free(b.p);
		api_refuse(ctx, p);
		return (NULL);
	}
	if (!api_buf_add(&b, "", 1)) {
		free(b.p);
		json_decref(doc);
		api_problem(ctx, 500, "geheugen op");
		return (NULL);
	}
	free(ctx->body);
	ctx->body = b.p;
	return (doc);
}

/*
 * Whether the request's Content-Type is type, with or without parameters
 * ("application/json; charset=utf-8"); "application/json, text/csv" is
 * not one type.
 */
int
write_content_type(struct api_ctx *ctx, const char *type)
{
	const char	*ct;
	size_t		 n = strlen(type);

	if (!http_request_header(ctx->req, "content-type", &ct))
		return (0);
	while (*ct == ' ')
		ct++;
	if (strncasecmp(ct, type, n) != 0)
		return (0);
	for (ct += n; *ct == ' ' || *ct == '\t'; ct++)
		;
	return (*ct == '\0' || *ct == ';');
}

static const char *
write_type_name(int type)
{
	switch (type) {
	case JSON_STRING:
		return ("tekst");
	case JSON_INTEGER:
		return ("een geheel getal");
	case JSON_OBJECT:
		return ("een object");
	case JSON_ARRAY:
		return ("een lijst");
	case WRITE_NUMBER:
		return ("een getal");
	default:
		return ("een andere waarde");
	}
}

/*
 * Checks that doc is an object with the fields given (NULL-terminated);
 * a field of type JSON_STRING may also be null when it is optional. Every
 * problem goes into p, named prefix + "/" + member. Returns 1 when none.
 */
int
write_object(json_t *doc, const struct write_field *fields, json_t *p,
    const char *prefix)
{
	const struct write_field	*f;
	const char			*key;
	json_t				*v;
	char				 name[128], reason[64];
	int				 ok = 1;

	if (!json_is_object(doc)) {
		(void)problem_add_invalid(p, *prefix ? prefix : "/", "verwacht een object");
		return (0);
	}
	json_object_foreach(doc, key, v) {
		for (f = fields; f->name != NULL; f++) {
			if (!strcmp(f->name, key))
				break;
		}
		if (f->name == NULL) {
			(void)snprintf(name, sizeof(name), "%s/%s", prefix, key);
			(void)problem_add_invalid(p, name, "onbekend veld");
			ok = 0;
		}
	}
	for (f = fields; f->name != NULL; f++) {
		(void)snprintf(name, sizeof(name), "%s/%s", prefix, f->name);
		v = json_object_get(doc, f->name);
		if (v == NULL || (json_is_null(v) && f->required)) {
			if (f->required) {
				(void)problem_add_invalid(p, name, "verplicht veld ontbreekt");
				ok = 0;
			}
			continue;
		}
		if (f->type == WRITE_ANY || json_is_null(v) || (int)json_typeof(v) == f->type ||
		    (f->type == WRITE_NUMBER && json_is_number(v)))
			continue;
		(void)snprintf(reason, sizeof(reason), "verwacht %s", write_type_name(f->type));
		(void)problem_add_invalid(p, name, reason);
		ok = 0;
	}
	return (ok);
}

/*
 * Reads a body that must be one object, checked against fields (NULL: any
 * members; the database judges them). On success the answer will be one
 * item, ctx->body holds the object's text as sent for binding and, when
 * doc is given, *doc the object itself (kept alive by ctx). Returns
 * KORE_RESULT_ERROR after a refusal.
 */
int
write_item_body(struct api_ctx *ctx, const struct write_field *fields,
    const char *title, json_t **doc)
{
	json_t	*d, *p;

	if ((d = write_body(ctx)) == NULL)
		return (KORE_RESULT_ERROR);
	if ((p = problem_new(400, title)) == NULL) {
		json_decref(d);
		api_problem(ctx, 500, "geheugen op");
		return (KORE_RESULT_ERROR);
	}
	if (fields != NULL ? !write_object(d, fields, p, "") : !json_is_object(d)) {
		if (fields == NULL)
			(void)problem_add_invalid(p, "/", "verwacht een object");
		json_decref(d);
		api_refuse(ctx, p);
		return (KORE_RESULT_ERROR);
	}
	json_decref(p);
	ctx->doc = d;
	if (doc != NULL)
		*doc = d;
	ctx->list.item = 1;
	return (KORE_RESULT_OK);
}

/*
 * Copies the numeric id that follows base + "/" in the path (the route's
 * regex guarantees the digits) into ctx->keybuf for binding.
 */
int
write_path_id(struct api_ctx *ctx, const char *base)
{
	const char	*p = ctx->req->path + strlen(base) + 1;
	size_t		 n = strspn(p, "0123456789");

	if (n == 0 || n >= sizeof(ctx->keybuf))
		return (KORE_RESULT_ERROR);
	memcpy(ctx->keybuf, p, n);
	ctx->keybuf[n] = '\0';
	return (KORE_RESULT_OK);
}

/*
 * Reads If-Match: "<version>" (a weak W/ prefix is accepted and ignored,
 * and so is the "-gz" of a version sent gzipped) into ctx->ifmatch for the database to compare; a value of another shape
 * becomes "-", which matches no version (412). Without the header
 * ctx->ifmatch stays empty (the database answers 428).
 */
void
write_if_match(struct api_ctx *ctx)
{
	const char	*im;
	size_t		 len;

	if (!http_request_header(ctx->req, "if-match", &im))
		return;
	if (!strncmp(im, "W/", 2))
		im += 2;
	len = strlen(im);
	if (len >= 2 && im[0] == '"' && im[len - 1] == '"' && len - 2 < sizeof(ctx->ifmatch)) {
		memcpy(ctx->ifmatch, im + 1, len - 2);
		ctx->ifmatch[len - 2] = '\0';
		/* the version as sent gzipped (api_send_buf) is the same version */
		if (len - 2 > 3 && !strcmp(ctx->ifmatch + len - 5, "-gz"))
			ctx->ifmatch[len - 5] = '\0';
	} else {
		(void)kore_strlcpy(ctx->ifmatch, "-", sizeof(ctx->ifmatch));
	}
}
