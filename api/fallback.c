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
 * The last route: every path no other route matched, including trailing
 * slashes, gets a problem+json 404 instead of Kore's empty one.
 */

#include <string.h>

#include "lakmoes.h"

static void	fallback_respond(struct api_ctx *);

static const struct api_route fallback_route = {
	.name = "fallback",
	.methods = HTTP_METHOD_GET | HTTP_METHOD_POST | HTTP_METHOD_PUT |
	    HTTP_METHOD_PATCH | HTTP_METHOD_DELETE | HTTP_METHOD_OPTIONS,
	.auth = API_AUTH_OPTIONAL,
	.readonly = 1,
	.respond = fallback_respond,
};

int
fallback_notfound(struct http_request *req)
{
	return (api_handle(req, &fallback_route));
}

static void
fallback_respond(struct api_ctx *ctx)
{
	size_t	len = strlen(ctx->req->path);

	if (len > 1 && ctx->req->path[len - 1] == '/') {
		api_problem(ctx, 404, "paden eindigen nooit op een slash; "
		    "laat de afsluitende / weg");
		return;
	}
	if (strncmp(ctx->req->path, "/v1/", 4) != 0) {
		api_problem(ctx, 404, "deze API staat onder /v1; "
		    "zie /v1/openapi.json");
		return;
	}
	api_problem(ctx, 404, "er is geen resource op dit pad; "
	    "zie /v1/openapi.json");
}
