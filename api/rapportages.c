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
 * Half-year progress reports for parliament:
 *   GET  /v1/voortgangsrapportages             the established reports
 *   POST /v1/voortgangsrapportages {"periode"} establish one (programma);
 *        with ?proefrun=true the report as it would be established now,
 *        stored nowhere (200), to check before establishing for good
 *   GET  /v1/voortgangsrapportages/{periode}   the report exactly as
 *        established: JSON (content and its SHA-256), its figures as CSV,
 *        or the Excel workbook of xlsx.c
 * Public: no token needed to read. The content is frozen in SQL
 * (R__09_api_rapportages.sql) and never changes afterwards.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

#define RAPPORTAGES_PATH	"/v1/voortgangsrapportages"

static int	rapportage_create_prepare(struct api_ctx *);
static int	rapportage_get_prepare(struct api_ctx *);
static void	rapportage_respond(struct api_ctx *);

static const struct list_resource rapportages = {
	.path = RAPPORTAGES_PATH,
	.sql = "SELECT periode, \"vastgesteldOp\", \"inhoudHash\" FROM api.voortgangsrapportages "
	    "WHERE periode > $1 ORDER BY periode LIMIT $2::int",
};

static const struct list_resource rapportage_rijen = {
	.path = RAPPORTAGES_PATH,
	.sql = "SELECT * FROM api.rapportage_rijen($3) WHERE indicator > $1 "
	    "ORDER BY indicator LIMIT $2::int",
};

static const struct api_route rapportages_route =
    LIST_ROUTE("voortgangsrapportages", HTTP_METHOD_GET | HTTP_METHOD_POST, API_AUTH_OPTIONAL, rapportages);

static const struct api_route rapportage_create_route = {
	.name = "voortgangsrapportage-vaststellen",
	.methods = HTTP_METHOD_GET | HTTP_METHOD_POST,
	.auth = API_AUTH_REQUIRED,
	.readonly = 0,
	.prepare = rapportage_create_prepare,
	.row = list_row,
	.respond = list_respond,
	.dryrun = 1,
};

static const struct api_route rapportage_route = {
	.name = "voortgangsrapportage",
	.methods = HTTP_METHOD_GET,
	.auth = API_AUTH_OPTIONAL,
	.readonly = 1,
	.prepare = rapportage_get_prepare,
	.row = list_row,
	.respond = rapportage_respond,
	.arg = &rapportage_rijen,
};

int
rapportages_root(struct http_request *req)
{
	return (api_handle(req, req->method == HTTP_METHOD_POST ?
	    &rapportage_create_route : &rapportages_route));
}

int
rapportage_get(struct http_request *req)
{
	return (api_handle(req, &rapportage_route));
}

static int
rapportage_create_prepare(struct api_ctx *ctx)
{
	static const struct write_field fields[] = {
		{ "periode", JSON_STRING, 1 },
		{ NULL, 0, 0 }
	};
	json_t	*doc;

	if (!write_item_body(ctx, fields, "de rapportage kan zo niet worden vastgesteld", &doc))
		return (KORE_RESULT_ERROR);
	ctx->list.created = !ctx->dryrun;
	ctx->tx.query = "SELECT * FROM api.rapportage_vaststellen($1, $2)";
	ctx->tx.params[0] = json_string_value(json_object_get(doc, "periode"));
	ctx->tx.params[1] = ctx->dryrun ? "true" : "false";
	ctx->tx.nparams = 2;
	return (KORE_RESULT_OK);
}

/*
 * JSON: the stored report; CSV: its figures, one row per indicator; Excel
 * (Accept names the spreadsheet type): the workbook of xlsx.c.
 */
static int
rapportage_get_prepare(struct api_ctx *ctx)
{
	static const char *const	 offers[] = { "application/json", "text/csv", API_XLSX_TYPE };
	struct api_list			*l = &ctx->list;
	int				 k;

	if ((k = api_accept(ctx, offers, 3)) < 0)
		return (KORE_RESULT_ERROR);
	l->csv = k == 1;
	l->xlsx = k == 2;
	(void)kore_strlcpy(ctx->keybuf, ctx->req->path + strlen(RAPPORTAGES_PATH) + 1,
	    sizeof(ctx->keybuf));
	if (!l->csv) {
		l->item = 1;
		ctx->tx.query = "SELECT * FROM api.voortgangsrapportages WHERE periode = $1";
		ctx->tx.params[0] = ctx->keybuf;
		ctx->tx.nparams = 1;
		return (KORE_RESULT_OK);
	}
	l->limit = LIST_LIMIT_MAX;
	(void)snprintf(l->limitbuf, sizeof(l->limitbuf), "%ld", l->limit + 1);
	ctx->tx.query = rapportage_rijen.sql;
	ctx->tx.params[0] = "";
	ctx->tx.params[1] = l->limitbuf;
	ctx->tx.params[2] = ctx->keybuf;
	ctx->tx.nparams = 3;
	return (KORE_RESULT_OK);
}

static void
rapportage_respond(struct api_ctx *ctx)
{
	struct api_buf	 b = { NULL, 0, 0 };
	char		 disposition[64 + API_KEY_MAX];

	if (!ctx->list.xlsx || ctx->out == NULL) {
		list_respond(ctx);
		return;
	}
	if (!xlsx_report(ctx->out, &b)) {
		free(b.p);
		api_problem(ctx, 500, "het Excel-bestand kon niet worden gemaakt");
		return;
	}
	(void)snprintf(disposition, sizeof(disposition),
	    "attachment; filename=\"voortgangsrapportage-%s.xlsx\"", ctx->keybuf);
	http_response_header(ctx->req, "content-disposition", disposition);
	api_send_buf(ctx, 200, API_XLSX_TYPE, &b);
}
