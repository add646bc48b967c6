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
 * Bearer authentication for a request: no header means the anonymous role
 * "publiek" (where the route allows it); any Authorization header must carry
 * a valid token, or the request is refused with 401.
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lakmoes.h"

static void	auth_refuse(struct api_ctx *, const char *, int);

/* Returns KORE_RESULT_OK with ctx->role and ctx->claims_text set, or
 * KORE_RESULT_ERROR after sending a 401. */
int
auth_request(struct api_ctx *ctx, int mode)
{
	const char	*hdr;
	char		 why[160];

	if (!http_request_header(ctx->req, "authorization", &hdr)) {
		if (mode == API_AUTH_REQUIRED) {
			api_poging(ctx, 401, "geen token");
			auth_refuse(ctx, "dit vraagt een token: stuur Authorization: Bearer <token>", 0);
			return (KORE_RESULT_ERROR);
		}
		ctx->role = "publiek";
		if ((ctx->claims_text = strdup("{}")) == NULL) {
			api_problem(ctx, 500, "geheugen op");
			return (KORE_RESULT_ERROR);
		}
		return (KORE_RESULT_OK);
	}
	if (strncasecmp(hdr, "Bearer ", 7) != 0) {
		api_poging(ctx, 401, "geen Bearer-token");
		auth_refuse(ctx, "alleen Authorization: Bearer <token> wordt geaccepteerd", 1);
		return (KORE_RESULT_ERROR);
	}
	hdr += 7;
	while (*hdr == ' ')
		hdr++;
	if (!token_verify(&config.token, hdr, time(NULL), &ctx->claims, why, sizeof(why))) {
		kore_log(LOG_NOTICE, "auth: %s: %s", ctx->reqid, why);
		api_poging(ctx, 401, why);
		auth_refuse(ctx, why, 1);
		return (KORE_RESULT_ERROR);
	}
	ctx->role = ctx->claims.role;
	ctx->claims_text = json_dumps(ctx->claims.json, JSON_COMPACT);
	if (ctx->claims_text == NULL) {
		api_problem(ctx, 500, "geheugen op");
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

static void
auth_refuse(struct api_ctx *ctx, const char *detail, int invalid)
{
	http_response_header(ctx->req, "www-authenticate", invalid ?
	    "Bearer realm=\"lakmoes\", error=\"invalid_token\"" :
	    "Bearer realm=\"lakmoes\"");
	api_problem(ctx, 401, detail);
}
