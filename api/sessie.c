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
 * GET /v1/sessie: the caller as the API and the database see it: sub, the
 * role the request ran as in PostgreSQL, org and the token's expiry.
 */

#include "lakmoes.h"

static int	sessie_prepare(struct api_ctx *);
static int	sessie_row(struct api_ctx *, struct kore_pgsql *);
static void	sessie_respond(struct api_ctx *);

static const struct api_route sessie_route = {
	.name = "sessie",
	.methods = HTTP_METHOD_GET,
	.auth = API_AUTH_REQUIRED,
	.readonly = 1,
	.prepare = sessie_prepare,
	.row = sessie_row,
	.respond = sessie_respond,
};

int
sessie_get(struct http_request *req)
{
	return (api_handle(req, &sessie_route));
}

static int
sessie_prepare(struct api_ctx *ctx)
{
	ctx->tx.query = "SELECT sub, rol, org, "
	    "to_char(verloopt_op AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
	    "FROM api.sessie()";
	return (KORE_RESULT_OK);
}

static int
sessie_row(struct api_ctx *ctx, struct kore_pgsql *sql)
{
	static const char	*keys[] = { "sub", "role", "org", "verlooptOp" };
	json_t			*v;
	int			 i;

	if (kore_pgsql_ntuples(sql) != 1 || kore_pgsql_nfields(sql) != 4)
		return (KORE_RESULT_ERROR);
	if ((ctx->out = json_object()) == NULL)
		return (KORE_RESULT_ERROR);
	for (i = 0; i < 4; i++) {
		if (!db_json_value(sql, 0, i, &v) ||
		    json_object_set_new(ctx->out, keys[i], v) != 0)
			return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

static void
sessie_respond(struct api_ctx *ctx)
{
	json_t	*out = ctx->out;

	ctx->out = NULL;
	if (out == NULL) {
		api_problem(ctx, 500, "de sessie kon niet worden gelezen");
		return;
	}
	api_send_json(ctx, 200, out);
}
