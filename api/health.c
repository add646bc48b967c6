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

/* GET /v1/health: 200 when the database answers, 503 when it does not. */

#include "lakmoes.h"

static int	health_prepare(struct api_ctx *);
static void	health_respond(struct api_ctx *);

static const struct api_route health_route = {
	.name = "health",
	.methods = HTTP_METHOD_GET,
	.auth = API_AUTH_OPTIONAL,
	.readonly = 1,
	.prepare = health_prepare,
	.respond = health_respond,
};

int
health_get(struct http_request *req)
{
	return (api_handle(req, &health_route));
}

static int
health_prepare(struct api_ctx *ctx)
{
	ctx->tx.query = "SELECT api.health()";
	/* a probe wants now, never a cached answer */
	ctx->cache = "no-store";
	return (KORE_RESULT_OK);
}

static void
health_respond(struct api_ctx *ctx)
{
	api_send_json(ctx, 200,
	    json_pack("{s:s, s:s}", "status", "ok", "database", "ok"));
}
