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
 * The quarterly delivery (basismonitoring) through the API:
 *   GET  /v1/vragenlijsten, /v1/vragenlijsten/{id}
 *   GET  /v1/aanleveringen (filters proeftuin, periode, status)
 *   POST /v1/aanleveringen {"proeftuin", "periode"}
 *   GET, PATCH /v1/aanleveringen/{id} ({"status", "toelichting"})
 *   GET, PUT /v1/aanleveringen/{id}/antwoorden ([{"vraag", "waarde"}])
 *   GET  /v1/aanleveringen/volledigheid?periode=2025-Q3
 * C checks the envelope; the api.* functions (R__api_aanleveringen.sql),
 * the state machine and row-level security decide the rest.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

#define AANLEVERINGEN_PATH	"/v1/aanleveringen"
#define PERIODE_PATTERN		"^[0-9]{4}-Q[1-4]$"

static int	aanlevering_create_prepare(struct api_ctx *);
static int	aanlevering_patch_prepare(struct api_ctx *);
static int	aanlevering_get_prepare(struct api_ctx *);
static int	antwoorden_get_prepare(struct api_ctx *);
static int	antwoorden_put_prepare(struct api_ctx *);
static int	aanlevering_item_setup(struct api_ctx *);

static const struct list_resource vragenlijsten = {
	.path = "/v1/vragenlijsten",
	.sql = "SELECT * FROM api.vragenlijsten WHERE id > coalesce(nullif($1, '')::integer, -1) "
	    "ORDER BY id LIMIT $2::int",
	.item_sql = "SELECT * FROM api.vragenlijsten WHERE id::text = $1",
};

static const struct list_resource aanleveringen = {
	.path = AANLEVERINGEN_PATH,
	.sql = "SELECT * FROM api.aanleveringen WHERE id > coalesce(nullif($1, '')::bigint, -1) "
	    "AND ($3::text IS NULL OR proeftuin = $3) AND ($4::text IS NULL OR periode = $4) "
	    "AND ($5::text IS NULL OR status = $5) ORDER BY id LIMIT $2::int",
	.filters = {
		{ "proeftuin", "^PT[0-9]{2}$", "een proeftuincode, zoals PT05", 0 },
		{ "periode", PERIODE_PATTERN, "een kwartaal, zoals 2025-Q3", 0 },
		{ "status", "^(concept|ingediend|goedgekeurd|teruggestuurd)$",
		  "concept, ingediend, goedgekeurd of teruggestuurd", 0 },
	},
};

static const struct list_resource volledigheid = {
	.path = AANLEVERINGEN_PATH "/volledigheid",
	.sql = "SELECT * FROM api.volledigheid($3) WHERE proeftuin > $1 "
	    "ORDER BY proeftuin LIMIT $2::int",
	.filters = {
		{ "periode", PERIODE_PATTERN, "een kwartaal, zoals 2025-Q3", 1 },
	},
};

static const struct list_resource antwoorden = {
	.path = AANLEVERINGEN_PATH,
	.sql = "SELECT * FROM api.antwoorden_van($3::bigint) WHERE vraag > $1 "
	    "ORDER BY vraag LIMIT $2::int",
};

#define ROUTE(rname, m, ro, prep, res) {				\
	.name = rname,							\
	.methods = m,							\
	.auth = API_AUTH_REQUIRED,					\
	.readonly = ro,							\
	.body_max = API_BODY_MAX_DEFAULT,				\
	.prepare = prep,						\
	.row = list_row,						\
	.respond = list_respond,					\
	.arg = &res,							\
}

static const struct api_route vragenlijsten_route =
    LIST_ROUTE("vragenlijsten", HTTP_METHOD_GET, API_AUTH_OPTIONAL, vragenlijsten);

static const struct api_route aanleveringen_list_route =
    LIST_ROUTE("aanleveringen", HTTP_METHOD_GET | HTTP_METHOD_POST, API_AUTH_REQUIRED, aanleveringen);
static const struct api_route aanlevering_create_route =
    ROUTE("aanlevering-aanmaken", HTTP_METHOD_GET | HTTP_METHOD_POST, 0,
    aanlevering_create_prepare, aanleveringen);
static const struct api_route aanlevering_get_route =
    ROUTE("aanlevering", HTTP_METHOD_GET | HTTP_METHOD_PATCH, 1, aanlevering_get_prepare, aanleveringen);
static const struct api_route aanlevering_patch_route =
    ROUTE("aanlevering-wijzigen", HTTP_METHOD_GET | HTTP_METHOD_PATCH, 0,
    aanlevering_patch_prepare, aanleveringen);
static const struct api_route antwoorden_get_route =
    ROUTE("antwoorden", HTTP_METHOD_GET | HTTP_METHOD_PUT, 1, antwoorden_get_prepare, antwoorden);
static const struct api_route antwoorden_put_route =
    ROUTE("antwoorden-vervangen", HTTP_METHOD_GET | HTTP_METHOD_PUT, 0,
    antwoorden_put_prepare, antwoorden);
static const struct api_route volledigheid_route =
    LIST_ROUTE("volledigheid", HTTP_METHOD_GET, API_AUTH_REQUIRED, volledigheid);

int
vragenlijsten_list(struct http_request *req)
{
	return (api_handle(req, &vragenlijsten_route));
}

int
vragenlijst_get(struct http_request *req)
{
	return (api_handle(req, &vragenlijsten_route));
}

int
aanleveringen_root(struct http_request *req)
{
	return (api_handle(req, req->method == HTTP_METHOD_POST ?
	    &aanlevering_create_route : &aanleveringen_list_route));
}

int
aanlevering_item(struct http_request *req)
{
	return (api_handle(req, req->method == HTTP_METHOD_PATCH ?
	    &aanlevering_patch_route : &aanlevering_get_route));
}

int
antwoorden_root(struct http_request *req)
{
	return (api_handle(req, req->method == HTTP_METHOD_PUT ?
	    &antwoorden_put_route : &antwoorden_get_route));
}

int
volledigheid_get(struct http_request *req)
{
	return (api_handle(req, &volledigheid_route));
}

/* A single delivery as the answer: JSON, the id from the path. */
static int
aanlevering_item_setup(struct api_ctx *ctx)
{
	if (!api_wants_csv(ctx, &ctx->list.csv))
		return (KORE_RESULT_ERROR);
	if (ctx->list.csv) {
		api_problem(ctx, 406, "een enkele aanlevering is er alleen als application/json");
		return (KORE_RESULT_ERROR);
	}
	ctx->list.item = 1;
	if (!write_path_id(ctx, AANLEVERINGEN_PATH)) {
		api_problem(ctx, 404, "dit item bestaat niet");
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

static int
aanlevering_get_prepare(struct api_ctx *ctx)
{
	if (!aanlevering_item_setup(ctx))
		return (KORE_RESULT_ERROR);
	ctx->tx.query = "SELECT * FROM api.aanleveringen WHERE id = $1::bigint";
	ctx->tx.params[0] = ctx->keybuf;
	ctx->tx.nparams = 1;
	return (KORE_RESULT_OK);
}

static int
aanlevering_create_prepare(struct api_ctx *ctx)
{
	static const struct write_field fields[] = {
		{ "proeftuin", JSON_STRING, 1 },
		{ "periode", JSON_STRING, 1 },
		{ NULL, 0, 0 }
	};
	json_t	*doc;

	if (!write_item_body(ctx, fields, "de aanlevering kan zo niet worden aangemaakt", &doc))
		return (KORE_RESULT_ERROR);
	ctx->list.created = 1;
	ctx->tx.query = "SELECT * FROM api.aanlevering_aanmaken($1, $2)";
	ctx->tx.params[0] = json_string_value(json_object_get(doc, "proeftuin"));
	ctx->tx.params[1] = json_string_value(json_object_get(doc, "periode"));
	ctx->tx.nparams = 2;
	return (KORE_RESULT_OK);
}

static int
aanlevering_patch_prepare(struct api_ctx *ctx)
{
	static const struct write_field fields[] = {
		{ "status", JSON_STRING, 1 },
		{ "toelichting", JSON_STRING, 0 },
		{ NULL, 0, 0 }
	};
	json_t	*doc;

	if (!aanlevering_item_setup(ctx) ||
	    !write_item_body(ctx, fields, "de wijziging klopt niet", &doc))
		return (KORE_RESULT_ERROR);
	ctx->tx.query = "SELECT * FROM api.aanlevering_wijzigen($1::bigint, $2, $3)";
	ctx->tx.params[0] = ctx->keybuf;
	ctx->tx.params[1] = json_string_value(json_object_get(doc, "status"));
	ctx->tx.params[2] = json_string_value(json_object_get(doc, "toelichting"));
	ctx->tx.nparams = 3;
	return (KORE_RESULT_OK);
}

static int
antwoorden_get_prepare(struct api_ctx *ctx)
{
	struct api_list	*l = &ctx->list;

	if (!api_wants_csv(ctx, &l->csv))
		return (KORE_RESULT_ERROR);
	if (!write_path_id(ctx, AANLEVERINGEN_PATH)) {
		api_problem(ctx, 404, "dit item bestaat niet");
		return (KORE_RESULT_ERROR);
	}
	l->limit = LIST_LIMIT_MAX;
	(void)snprintf(l->limitbuf, sizeof(l->limitbuf), "%ld", l->limit + 1);
	ctx->tx.query = ((const struct list_resource *)ctx->route->arg)->sql;
	ctx->tx.params[0] = "";
	ctx->tx.params[1] = l->limitbuf;
	ctx->tx.params[2] = ctx->keybuf;
	ctx->tx.nparams = 3;
	return (KORE_RESULT_OK);
}

/* The whole answer set: [{"vraag": code, "waarde": number, text or null}]. */
static int
antwoorden_put_prepare(struct api_ctx *ctx)
{
	static const struct write_field fields[] = {
		{ "vraag", JSON_STRING, 1 },
		{ "waarde", WRITE_ANY, 0 },
		{ NULL, 0, 0 }
	};
	json_t		*doc, *p, *e, *v;
	char		 prefix[32];
	size_t		 i;
	int		 ok = 1;

	if (!write_path_id(ctx, AANLEVERINGEN_PATH) || (doc = write_body(ctx)) == NULL)
		return (KORE_RESULT_ERROR);
	if ((p = problem_new(400, "de antwoorden zijn niet opgeslagen")) == NULL) {
		json_decref(doc);
		api_problem(ctx, 500, "geheugen op");
		return (KORE_RESULT_ERROR);
	}
	if (!json_is_array(doc)) {
		(void)problem_add_invalid(p, "/", "verwacht een lijst van {\"vraag\", \"waarde\"}");
		ok = 0;
	} else {
		json_array_foreach(doc, i, e) {
			(void)snprintf(prefix, sizeof(prefix), "/%zu", i);
			if (!write_object(e, fields, p, prefix))
				ok = 0;
			else if ((v = json_object_get(e, "waarde")) != NULL && !json_is_null(v) &&
			    !json_is_number(v) && !json_is_string(v)) {
				(void)snprintf(prefix, sizeof(prefix), "/%zu/waarde", i);
				(void)problem_add_invalid(p, prefix, "verwacht een getal, tekst of null");
				ok = 0;
			}
		}
	}
	if (!ok) {
		json_decref(doc);
		api_refuse(ctx, p);
		return (KORE_RESULT_ERROR);
	}
	json_decref(p);
	json_decref(doc);
	ctx->list.limit = LIST_LIMIT_MAX;
	ctx->tx.query = "SELECT * FROM api.antwoorden_vervangen($1::bigint, $2::jsonb)";
	ctx->tx.params[0] = ctx->keybuf;
	ctx->tx.params[1] = ctx->body;
	ctx->tx.nparams = 2;
	return (KORE_RESULT_OK);
}
