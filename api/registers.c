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
 * The programme's registers: /v1/projecten, producten, acties, mijlpalen,
 * besluiten, kennisopdrachten, begroting, rvt-varianten,
 * doelgroepdefinities, doelgroepschattingen and basisbouwstenen. Each lists with filters,
 * reads an item (ETag: the item's version), creates (POST, with an optional
 * Idempotency-Key) and updates (PATCH with If-Match). The fields and their
 * types are the api view's; api.register_aanmaken() and
 * api.register_wijzigen() check them and write through the view, so row-
 * level security and the tables' constraints apply.
 */

#include <ctype.h>
#include <string.h>

#include "lakmoes.h"

struct register_def {
	const char		*name;
	struct list_resource	 res;
	struct api_route	 list;
	struct api_route	 item;
	struct api_route	 create;
	struct api_route	 update;
};

static int	register_create_prepare(struct api_ctx *);
static int	register_update_prepare(struct api_ctx *);
static const struct register_def *register_find(const char *, const char **);

#define ID_KEY(v)	"SELECT * FROM api." v " WHERE id > coalesce(nullif($1, '')::bigint, -1) "
#define CODE_KEY(v)	"SELECT * FROM api." v " WHERE code > $1 "
#define F(n)		"AND ($%d::text IS NULL OR " n "::text = $%d) "
#define ROUTES(r)							\
	.list = { .name = r, .methods = HTTP_METHOD_GET | HTTP_METHOD_POST,	\
	    .auth = API_AUTH_REQUIRED, .readonly = 1, .prepare = list_prepare,	\
	    .row = list_row, .respond = list_respond },				\
	.item = { .name = r, .methods = HTTP_METHOD_GET | HTTP_METHOD_PATCH,	\
	    .auth = API_AUTH_REQUIRED, .readonly = 1, .prepare = list_prepare,	\
	    .row = list_row, .respond = list_respond },				\
	.create = { .name = r, .methods = HTTP_METHOD_GET | HTTP_METHOD_POST,	\
	    .auth = API_AUTH_REQUIRED, .readonly = 0,				\
	    .prepare = register_create_prepare, .row = list_row,		\
	    .respond = list_respond },						\
	.update = { .name = r, .methods = HTTP_METHOD_GET | HTTP_METHOD_PATCH,	\
	    .auth = API_AUTH_REQUIRED, .readonly = 0,				\
	    .prepare = register_update_prepare, .row = list_row,		\
	    .respond = list_respond }

#define CODE_PATTERN	"^[A-Za-z0-9_-]{1,40}$"
#define STATUS_PATTERN	"^[a-z_]{2,20}$"

static struct register_def registers[] = {
	{ "projecten", { "/v1/projecten",
	    CODE_KEY("projecten") "AND ($3::text IS NULL OR actielijn = $3) "
	    "AND ($4::text IS NULL OR status = $4) ORDER BY code LIMIT $2::int",
	    "SELECT * FROM api.projecten WHERE code = $1",
	    { { "actielijn", "^(AL[1-9]|KLI)$", "AL1-AL4 of KLI", 0 },
	      { "status", STATUS_PATTERN, "een status", 0 } }, 0, NULL, NULL, NULL }, ROUTES("projecten") },
	{ "producten", { "/v1/producten",
	    ID_KEY("producten") "AND ($3::text IS NULL OR actielijn = $3) "
	    "AND ($4::text IS NULL OR project = $4) AND ($5::text IS NULL OR status = $5) "
	    "ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.producten WHERE id::text = $1",
	    { { "actielijn", "^(AL[1-9]|KLI)$", "AL1-AL4 of KLI", 0 },
	      { "project", CODE_PATTERN, "een projectcode", 0 },
	      { "status", STATUS_PATTERN, "een status", 0 } }, 0, NULL, NULL, NULL }, ROUTES("producten") },
	{ "acties", { "/v1/acties",
	    ID_KEY("acties") "AND ($3::text IS NULL OR niveau = $3) "
	    "AND ($4::text IS NULL OR soort = $4) AND ($5::text IS NULL OR status = $5) "
	    "ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.acties WHERE id::text = $1",
	    { { "niveau", "^(governance|organisaties|professionals)$",
		"governance, organisaties of professionals", 0 },
	      { "soort", "^(transitiebevorderend|transitiebelemmerend|dialoogvraag)$",
		"transitiebevorderend, transitiebelemmerend of dialoogvraag", 0 },
	      { "status", STATUS_PATTERN, "een status", 0 } }, 0, NULL, NULL, NULL }, ROUTES("acties") },
	{ "mijlpalen", { "/v1/mijlpalen",
	    ID_KEY("mijlpalen") "AND ($3::text IS NULL OR actielijn = $3) "
	    "AND ($4::text IS NULL OR status = $4) ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.mijlpalen WHERE id::text = $1",
	    { { "actielijn", "^(AL[1-9]|KLI)$", "AL1-AL4 of KLI", 0 },
	      { "status", STATUS_PATTERN, "een status", 0 } }, 0, NULL, NULL, NULL }, ROUTES("mijlpalen") },
	{ "besluiten", { "/v1/besluiten",
	    ID_KEY("besluiten") "AND ($3::text IS NULL OR orgaan = $3) ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.besluiten WHERE id::text = $1",
	    { { "orgaan", "^[A-Za-z][A-Za-z ]{1,39}$", "de code van een overlegorgaan (/v1/overlegorganen), zoals AOG", 0 } }, 0, NULL, NULL, NULL },
	    ROUTES("besluiten") },
	{ "kennisopdrachten", { "/v1/kennisopdrachten",
	    ID_KEY("kennisopdrachten") "AND ($3::int IS NULL OR horizon = $3::int) "
	    "AND ($4::text IS NULL OR status = $4) ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.kennisopdrachten WHERE id::text = $1",
	    { { "horizon", "^[123]$", "1, 2 of 3", 0 },
	      { "status", STATUS_PATTERN, "een status", 0 } }, 0, NULL, NULL, NULL }, ROUTES("kennisopdrachten") },
	{ "begroting", { "/v1/begroting",
	    ID_KEY("begroting") "AND ($3::int IS NULL OR jaar = $3::int) ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.begroting WHERE id::text = $1",
	    { { "jaar", "^20[0-9]{2}$", "een jaartal", 0 } }, 0, NULL, NULL, NULL }, ROUTES("begroting") },
	{ "basisbouwstenen", { "/v1/basisbouwstenen",
	    ID_KEY("basisbouwstenen") "AND ($3::text IS NULL OR gemeente = $3) ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.basisbouwstenen WHERE id::text = $1",
	    { { "gemeente", "^GM[0-9]{4}$", "een gemeentecode, zoals GM0363", 0 } }, 0, NULL, NULL, NULL },
	    ROUTES("basisbouwstenen") },
	{ "rvt-scores", { "/v1/rvt-scores",
	    ID_KEY("rvt_scores") "AND ($3::text IS NULL OR variant = $3) ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.rvt_scores WHERE id::text = $1",
	    { { "variant", "^V[0-9]{1,2}[a-z]?$", "een variantcode, zoals V1", 0 } }, 0, NULL, NULL, NULL },
	    ROUTES("rvt-scores") },
	{ "rvt-wegingen", { "/v1/rvt-wegingen",
	    ID_KEY("rvt_wegingen") "AND ($3::text IS NULL OR status = $3) ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.rvt_wegingen WHERE id::text = $1",
	    { { "status", "^(concept|vastgesteld)$", "concept of vastgesteld", 0 } }, 0, NULL, NULL, NULL },
	    ROUTES("rvt-wegingen") },
	{ "overlegorganen", { "/v1/overlegorganen",
	    CODE_KEY("overlegorganen") "ORDER BY code LIMIT $2::int",
	    "SELECT * FROM api.overlegorganen WHERE code = $1", { { NULL, NULL, NULL, 0 } }, 0, NULL, NULL, NULL },
	    ROUTES("overlegorganen") },
	{ "kennisaarden", { "/v1/kennisaarden",
	    CODE_KEY("kennisaarden") "ORDER BY code LIMIT $2::int",
	    "SELECT * FROM api.kennisaarden WHERE code = $1", { { NULL, NULL, NULL, 0 } }, 0, NULL, NULL, NULL },
	    ROUTES("kennisaarden") },
	{ "rvt-varianten", { "/v1/rvt-varianten",
	    CODE_KEY("rvt_varianten") "ORDER BY code LIMIT $2::int",
	    "SELECT * FROM api.rvt_varianten WHERE code = $1", { { NULL, NULL, NULL, 0 } }, 0, NULL, NULL, NULL },
	    ROUTES("rvt-varianten") },
	{ "doelgroepdefinities", { "/v1/doelgroepdefinities",
	    ID_KEY("doelgroepdefinities") "AND ($3::text IS NULL OR status = $3) ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.doelgroepdefinities WHERE id::text = $1",
	    { { "status", "^(concept|vastgesteld|vervallen)$", "concept, vastgesteld of vervallen", 0 } }, 0, NULL, NULL, NULL },
	    ROUTES("doelgroepdefinities") },
	{ "doelgroepschattingen", { "/v1/doelgroepschattingen",
	    ID_KEY("doelgroepschattingen") "AND ($3::int IS NULL OR definitie = $3::int) "
	    "AND ($4::text IS NULL OR gebied = $4) AND ($5::text IS NULL OR periode = $5) "
	    "ORDER BY id LIMIT $2::int",
	    "SELECT * FROM api.doelgroepschattingen WHERE id::text = $1",
	    { { "definitie", "^[0-9]{1,9}$", "het id van een definitie", 0 },
	      { "gebied", GEBIED_CODE_PATTERN,
		"een gebiedscode", 0 },
	      { "periode", "^[0-9]{4}(-Q[1-4]|-H[12])?$", "een periode", 0 } }, 0, NULL, NULL, NULL },
	    ROUTES("doelgroepschattingen") },
	{ NULL, { NULL, NULL, NULL, { { NULL, NULL, NULL, 0 } }, 0, NULL, NULL, NULL }, .list = { 0 } }
};

/*
 * The register a path names ("/v1/<name>" or "/v1/<name>/<key>"); *key is
 * set to the key part or NULL. The routes' arg is filled on first use.
 */
static const struct register_def *
register_find(const char *path, const char **key)
{
	struct register_def	*r;
	size_t			 n;

	*key = NULL;
	for (r = registers; r->name != NULL; r++) {
		n = strlen(r->res.path);
		if (strncmp(path, r->res.path, n) != 0 || (path[n] != '\0' && path[n] != '/'))
			continue;
		r->list.arg = r->item.arg = r->create.arg = r->update.arg = &r->res;
		if (path[n] == '/')
			*key = path + n + 1;
		return (r);
	}
	return (NULL);
}

int
register_root(struct http_request *req)
{
	const struct register_def	*r;
	const char			*key;

	if ((r = register_find(req->path, &key)) == NULL || key != NULL)
		return (fallback_notfound(req));
	return (api_handle(req, req->method == HTTP_METHOD_POST ? &r->create : &r->list));
}

int
register_item(struct http_request *req)
{
	const struct register_def	*r;
	const char			*key;

	if ((r = register_find(req->path, &key)) == NULL || key == NULL)
		return (fallback_notfound(req));
	return (api_handle(req, req->method == HTTP_METHOD_PATCH ? &r->update : &r->item));
}

static int
register_create_prepare(struct api_ctx *ctx)
{
	const char	*idem = NULL;
	json_t		*p;
	size_t		 i, len;

	if (http_request_header(ctx->req, "idempotency-key", &idem)) {
		len = strlen(idem);
		for (i = 0; i < len; i++) {
			if (!isalnum((unsigned char)idem[i]) && strchr("._:-", idem[i]) == NULL)
				break;
		}
		if (len < 8 || len > 128 || i != len) {
			if ((p = problem_new(400, "de Idempotency-Key klopt niet")) != NULL)
				(void)problem_add_invalid(p, "Idempotency-Key",
				    "8 tot 128 tekens: letters, cijfers en . _ : -");
			api_refuse(ctx, p);
			return (KORE_RESULT_ERROR);
		}
	}
	if (!write_item_body(ctx, NULL, "zo kan het niet worden vastgelegd", NULL))
		return (KORE_RESULT_ERROR);
	(void)kore_strlcpy(ctx->resource, ctx->route->name, sizeof(ctx->resource));
	ctx->list.created = 1;
	ctx->tx.query = "SELECT api.register_aanmaken($1, $2::jsonb, $3)";
	ctx->tx.params[0] = ctx->resource;
	ctx->tx.params[1] = ctx->body;
	ctx->tx.params[2] = idem;
	ctx->tx.nparams = 3;
	return (KORE_RESULT_OK);
}

static int
register_update_prepare(struct api_ctx *ctx)
{
	const char	*key;

	(void)register_find(ctx->req->path, &key);
	if (key == NULL || kore_strlcpy(ctx->keybuf, key, sizeof(ctx->keybuf)) >= sizeof(ctx->keybuf)) {
		api_problem(ctx, 404, "dit item bestaat niet");
		return (KORE_RESULT_ERROR);
	}
	write_if_match(ctx);
	if (!write_item_body(ctx, NULL, "zo kan het niet worden gewijzigd", NULL))
		return (KORE_RESULT_ERROR);
	(void)kore_strlcpy(ctx->resource, ctx->route->name, sizeof(ctx->resource));
	ctx->tx.query = "SELECT api.register_wijzigen($1, $2, $3::jsonb, $4)";
	ctx->tx.params[0] = ctx->resource;
	ctx->tx.params[1] = ctx->keybuf;
	ctx->tx.params[2] = ctx->body;
	ctx->tx.params[3] = ctx->ifmatch[0] != '\0' ? ctx->ifmatch : NULL;
	ctx->tx.nparams = 4;
	return (KORE_RESULT_OK);
}
