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
 * Writing the indicator catalogue and the targets (programma; the grants
 * and row-level security refuse everyone else):
 *   POST  /v1/indicatoren            a new entry
 *   PATCH /v1/indicatoren/{code}     change fields (the code never changes)
 *   GET, POST /v1/streefwaarden      baselines and targets
 *   GET   /v1/validatiebesluiten     every change of an indicator's
 *                                    validatiestatus (members)
 */

#include <string.h>

#include "lakmoes.h"

#define INDICATOREN_PATH	"/v1/indicatoren"

static int	indicator_create_prepare(struct api_ctx *);
static int	indicator_patch_prepare(struct api_ctx *);
static int	streefwaarde_create_prepare(struct api_ctx *);

static const struct write_field indicator_fields[] = {
	{ "code", JSON_STRING, 1 },
	{ "naam", JSON_STRING, 1 },
	{ "definitie", JSON_STRING, 1 },
	{ "eenheid", JSON_STRING, 1 },
	{ "soort", JSON_STRING, 1 },
	{ "monitoringtype", JSON_STRING, 1 },
	{ "richting", JSON_STRING, 1 },
	{ "validatiestatus", JSON_STRING, 1 },
	{ "meetwijze", JSON_STRING, 0 },
	{ "aggregatie", JSON_STRING, 0 },
	{ "tijdregel", JSON_STRING, 0 },
	{ "resultaat", JSON_INTEGER, 0 },
	{ "effect", JSON_STRING, 0 },
	{ "thema", JSON_STRING, 0 },
	{ "bron", JSON_STRING, 0 },
	{ "bovengrens", WRITE_NUMBER, 0 },
	{ "basisIndicator", JSON_STRING, 0 },
	{ "validatieReden", JSON_STRING, 0 },
	{ "validatieBesluit", JSON_INTEGER, 0 },
	{ NULL, 0, 0 }
};

static const struct write_field indicator_patch_fields[] = {
	{ "code", JSON_STRING, 0 },
	{ "naam", JSON_STRING, 0 },
	{ "definitie", JSON_STRING, 0 },
	{ "eenheid", JSON_STRING, 0 },
	{ "soort", JSON_STRING, 0 },
	{ "monitoringtype", JSON_STRING, 0 },
	{ "richting", JSON_STRING, 0 },
	{ "validatiestatus", JSON_STRING, 0 },
	{ "meetwijze", JSON_STRING, 0 },
	{ "aggregatie", JSON_STRING, 0 },
	{ "tijdregel", JSON_STRING, 0 },
	{ "resultaat", JSON_INTEGER, 0 },
	{ "effect", JSON_STRING, 0 },
	{ "thema", JSON_STRING, 0 },
	{ "bron", JSON_STRING, 0 },
	{ "bovengrens", WRITE_NUMBER, 0 },
	{ "basisIndicator", JSON_STRING, 0 },
	{ "validatieReden", JSON_STRING, 0 },
	{ "validatieBesluit", JSON_INTEGER, 0 },
	{ NULL, 0, 0 }
};

static const struct list_resource streefwaarden = {
	.path = "/v1/streefwaarden",
	.sql = "SELECT * FROM api.streefwaarden WHERE sleutel > $1 "
	    "AND ($3::text IS NULL OR indicator = $3) AND ($4::text IS NULL OR gebied = $4) "
	    "AND ($5::int IS NULL OR jaar = $5::int) ORDER BY sleutel LIMIT $2::int",
	.filters = {
		{ "indicator", "^[A-Z][A-Z0-9_]{1,39}$", "een indicatorcode", 0 },
		{ "gebied", GEBIED_CODE_PATTERN,
		  "een gebiedscode", 0 },
		{ "jaar", "^20[0-9]{2}$", "een jaartal", 0 },
	},
};

static const struct list_resource validatiebesluiten = {
	.path = "/v1/validatiebesluiten",
	.sql = "SELECT * FROM api.validatiebesluiten WHERE id > coalesce(nullif($1, '')::bigint, -1) "
	    "AND ($3::text IS NULL OR indicator = $3) AND ($4::text IS NULL OR naar = $4) "
	    "ORDER BY id LIMIT $2::int",
	.filters = {
		{ "indicator", "^[A-Z][A-Z0-9_]{1,39}$", "een indicatorcode", 0 },
		{ "naar", "^(in_ontwikkeling|gevalideerd|vervallen)$", "in_ontwikkeling, gevalideerd of vervallen", 0 },
	},
};

#define WRITE_ROUTE(rname, m, prep) {					\
	.name = rname,							\
	.methods = m,							\
	.auth = API_AUTH_REQUIRED,					\
	.readonly = 0,							\
	.prepare = prep,						\
	.row = list_row,						\
	.respond = list_respond,					\
}

static const struct api_route indicator_create_route =
    WRITE_ROUTE("indicator-aanmaken", HTTP_METHOD_GET | HTTP_METHOD_POST, indicator_create_prepare);
static const struct api_route indicator_patch_route =
    WRITE_ROUTE("indicator-wijzigen", HTTP_METHOD_GET | HTTP_METHOD_PATCH, indicator_patch_prepare);
static const struct api_route streefwaarde_create_route =
    WRITE_ROUTE("streefwaarde-aanmaken", HTTP_METHOD_GET | HTTP_METHOD_POST, streefwaarde_create_prepare);
static const struct api_route streefwaarden_route =
    LIST_ROUTE("streefwaarden", HTTP_METHOD_GET | HTTP_METHOD_POST, API_AUTH_REQUIRED, streefwaarden);
static const struct api_route validatiebesluiten_route =
    LIST_ROUTE("validatiebesluiten", HTTP_METHOD_GET, API_AUTH_REQUIRED, validatiebesluiten);

int
catalogus_indicator_create(struct http_request *req)
{
	return (api_handle(req, &indicator_create_route));
}

int
catalogus_indicator_patch(struct http_request *req)
{
	return (api_handle(req, &indicator_patch_route));
}

int
streefwaarden_root(struct http_request *req)
{
	return (api_handle(req, req->method == HTTP_METHOD_POST ?
	    &streefwaarde_create_route : &streefwaarden_route));
}

int
validatiebesluiten_list(struct http_request *req)
{
	return (api_handle(req, &validatiebesluiten_route));
}

static int
indicator_create_prepare(struct api_ctx *ctx)
{
	if (!write_item_body(ctx, indicator_fields, "de indicator kan zo niet worden opgenomen", NULL))
		return (KORE_RESULT_ERROR);
	ctx->list.created = 1;
	ctx->tx.query = "SELECT * FROM api.indicator_aanmaken($1::jsonb)";
	ctx->tx.params[0] = ctx->body;
	ctx->tx.nparams = 1;
	return (KORE_RESULT_OK);
}

static int
indicator_patch_prepare(struct api_ctx *ctx)
{
	const char	*code = ctx->req->path + strlen(INDICATOREN_PATH) + 1;

	if (kore_strlcpy(ctx->keybuf, code, sizeof(ctx->keybuf)) >= sizeof(ctx->keybuf)) {
		api_problem(ctx, 404, "deze indicator bestaat niet");
		return (KORE_RESULT_ERROR);
	}
	write_if_match(ctx);
	if (!write_item_body(ctx, indicator_patch_fields, "de indicator kan zo niet worden gewijzigd", NULL))
		return (KORE_RESULT_ERROR);
	ctx->tx.query = "SELECT * FROM api.indicator_wijzigen($1, $2::jsonb, $3)";
	ctx->tx.params[0] = ctx->keybuf;
	ctx->tx.params[1] = ctx->body;
	ctx->tx.params[2] = ctx->ifmatch[0] != '\0' ? ctx->ifmatch : NULL;
	ctx->tx.nparams = 3;
	return (KORE_RESULT_OK);
}

static int
streefwaarde_create_prepare(struct api_ctx *ctx)
{
	static const struct write_field fields[] = {
		{ "indicator", JSON_STRING, 1 },
		{ "gebied", JSON_STRING, 1 },
		{ "jaar", JSON_INTEGER, 1 },
		{ "soort", JSON_STRING, 1 },
		{ "waarde", WRITE_NUMBER, 1 },
		{ "besluit", JSON_STRING, 1 },
		{ "vorm", JSON_STRING, 0 },
		{ "basisjaar", JSON_INTEGER, 0 },
		{ NULL, 0, 0 }
	};

	if (!write_item_body(ctx, fields, "de waarde kan zo niet worden vastgelegd", NULL))
		return (KORE_RESULT_ERROR);
	ctx->list.created = 1;
	ctx->tx.query = "SELECT * FROM api.streefwaarde_aanmaken($1::jsonb)";
	ctx->tx.params[0] = ctx->body;
	ctx->tx.nparams = 1;
	return (KORE_RESULT_OK);
}
