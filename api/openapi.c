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
 * GET /v1/openapi.json: the OpenAPI document kept in the repository
 * (api/openapi.json), built into the module so it needs no file access in
 * the sandbox and survives a reload. Served as is, with an ETag.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

static int	openapi_prepare(struct api_ctx *);
static void	openapi_respond(struct api_ctx *);

__asm__(
	"	.section .rodata\n"
	"	.balign 16\n"
	"	.globl openapi_doc\n"
	"	.hidden openapi_doc\n"
	"	.type openapi_doc, @object\n"
	"openapi_doc:\n"
	"	.incbin \"" LAKMOES_OPENAPI_FILE "\"\n"
	"	.globl openapi_doc_end\n"
	"	.hidden openapi_doc_end\n"
	"openapi_doc_end:\n"
	"	.byte 0\n"
	"	.previous\n");

extern const char	openapi_doc[];
extern const char	openapi_doc_end[];

static const struct api_route openapi_route = {
	.name = "openapi",
	.methods = HTTP_METHOD_GET,
	.auth = API_AUTH_OPTIONAL,
	.readonly = 1,
	.prepare = openapi_prepare,
	.respond = openapi_respond,
};

int
openapi_get(struct http_request *req)
{
	return (api_handle(req, &openapi_route));
}

/* No database: the document is part of the module. */
static int
openapi_prepare(struct api_ctx *ctx)
{
	return (KORE_RESULT_OK);
}

static void
openapi_respond(struct api_ctx *ctx)
{
	static struct api_static	 doc;
	char				*copy;
	size_t				 len = (size_t)(openapi_doc_end - openapi_doc);

	if (doc.p == NULL) {
		/* once per worker, on the heap: a reload unmaps the module's copy */
		if ((copy = malloc(len)) == NULL) {
			api_problem(ctx, 500, "geheugen op");
			return;
		}
		memcpy(copy, openapi_doc, len);
		(void)api_static_init(&doc, copy, len);
	}
	/* the document changes only with a new module */
	ctx->cache = "public, max-age=300";
	api_send_static(ctx, "application/json", &doc);
}
