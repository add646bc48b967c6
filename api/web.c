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
 * The public dashboard (/) and the API documentation (/docs): the files of
 * web/ and the npm packages they use (web/package-lock.json), read into
 * memory when a worker starts (web_load, from LAKMOES_WEB_DIR), each
 * compressed once, and served without a copy (api_send_static): ETag,
 * Cache-Control, gzip and CORS as every answer. Only the files listed here are served. Without the
 * directory (npm ci not run) the paths answer 503 naming what is missing;
 * the API itself does not depend on it.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

#define WEB_FILE_MAX	(8 * 1024 * 1024)

/* the page: revalidated on every use, so a new release shows at once */
#define WEB_CACHE_PAGE		"public, no-cache"
/* the packages change only with the lockfile; an hour, then revalidated */
#define WEB_CACHE_VENDOR	"public, max-age=3600"

#define WEB_HTML	"text/html; charset=utf-8"
#define WEB_JS		"text/javascript; charset=utf-8"
#define WEB_CSS		"text/css; charset=utf-8"

/*
 * The dashboard's pages take scripts and styles from this server only; the
 * charts set style attributes (hence 'unsafe-inline' for styles), the API
 * is read from the same origin.
 */
#define WEB_CSP		"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " \
			"img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; " \
			"form-action 'none'"
/* Swagger UI builds its page with inline styles and data: images. */
#define WEB_CSP_DOCS	"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " \
			"img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"

struct web_file {
	const char	*path;
	const char	*file;
	const char	*type;
	const char	*cache;
	const char	*csp;
	struct api_static body;
};

static struct web_file web_files[] = {
	{ "/", "index.html", WEB_HTML, WEB_CACHE_PAGE, WEB_CSP, { NULL, 0, { NULL, 0, 0 }, "" } },
	{ "/docs", "docs.html", WEB_HTML, WEB_CACHE_PAGE, WEB_CSP_DOCS, { NULL, 0, { NULL, 0, 0 }, "" } },
	{ "/app.js", "app.js", WEB_JS, WEB_CACHE_PAGE, NULL, { NULL, 0, { NULL, 0, 0 }, "" } },
	{ "/docs.js", "docs.js", WEB_JS, WEB_CACHE_PAGE, NULL, { NULL, 0, { NULL, 0, 0 }, "" } },
	{ "/lakmoes.css", "lakmoes.css", WEB_CSS, WEB_CACHE_PAGE, NULL, { NULL, 0, { NULL, 0, 0 }, "" } },
	{ "/vendor/d3.min.js", "node_modules/d3/dist/d3.min.js", WEB_JS, WEB_CACHE_VENDOR, NULL, { NULL, 0, { NULL, 0, 0 }, "" } },
	{ "/vendor/plot.umd.min.js", "node_modules/@observablehq/plot/dist/plot.umd.min.js", WEB_JS,
	  WEB_CACHE_VENDOR, NULL, { NULL, 0, { NULL, 0, 0 }, "" } },
	{ "/vendor/utrecht.css", "node_modules/@utrecht/component-library-css/dist/index.css", WEB_CSS,
	  WEB_CACHE_VENDOR, NULL, { NULL, 0, { NULL, 0, 0 }, "" } },
	{ "/vendor/swagger-ui-bundle.js", "node_modules/swagger-ui-dist/swagger-ui-bundle.js", WEB_JS,
	  WEB_CACHE_VENDOR, NULL, { NULL, 0, { NULL, 0, 0 }, "" } },
	{ "/vendor/swagger-ui.css", "node_modules/swagger-ui-dist/swagger-ui.css", WEB_CSS,
	  WEB_CACHE_VENDOR, NULL, { NULL, 0, { NULL, 0, 0 }, "" } },
};

#define WEB_NFILES	(sizeof(web_files) / sizeof(web_files[0]))

static int	web_prepare(struct api_ctx *);
static void	web_respond(struct api_ctx *);
static char	*web_read(const char *, const char *, size_t *);

static const struct api_route web_route = {
	.name = "web",
	.methods = HTTP_METHOD_GET,
	.auth = API_AUTH_OPTIONAL,
	.readonly = 1,
	.prepare = web_prepare,
	.respond = web_respond,
};

/* Reads dir/name whole; NULL when it cannot (missing, unreadable, too big). */
static char *
web_read(const char *dir, const char *name, size_t *len)
{
	char	 path[1024], *data;
	FILE	*fp;
	long	 n;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path) ||
	    (fp = fopen(path, "rb")) == NULL)
		return (NULL);
	data = NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) > 0 && n <= WEB_FILE_MAX &&
	    fseek(fp, 0, SEEK_SET) == 0 && (data = malloc((size_t)n)) != NULL) {
		if (fread(data, 1, (size_t)n, fp) != (size_t)n) {
			free(data);
			data = NULL;
		} else {
			*len = (size_t)n;
		}
	}
	(void)fclose(fp);
	return (data);
}

/*
 * In every worker (init): the files, each with its ETag and gzipped form.
 * A reload starts with fresh globals; the previous files stay on the heap,
 * where answers still being sent from them can finish.
 */
void
web_load(void)
{
	const char	*dir = getenv("LAKMOES_WEB_DIR");
	char		*data;
	size_t		 i, len, missing = 0;

	for (i = 0; i < WEB_NFILES; i++) {
		if (web_files[i].body.p != NULL)
			continue;
		if (dir == NULL || (data = web_read(dir, web_files[i].file, &len)) == NULL) {
			missing++;
			continue;
		}
		(void)api_static_init(&web_files[i].body, data, len);
	}
	if (missing > 0)
		kore_log(LOG_NOTICE, "lakmoes: %zu of %zu dashboard files not found in %s (npm ci in web/)",
		    missing, WEB_NFILES, dir != NULL ? dir : "(LAKMOES_WEB_DIR not set)");
}

int
web_get(struct http_request *req)
{
	return (api_handle(req, &web_route));
}

/* No database: the files are in memory. */
static int
web_prepare(struct api_ctx *ctx)
{
	return (KORE_RESULT_OK);
}

static void
web_respond(struct api_ctx *ctx)
{
	struct web_file	*f = NULL;
	size_t		 i;

	if (ctx->req->query_string != NULL && *ctx->req->query_string != '\0') {
		api_problem(ctx, 400, "deze pagina kent geen queryparameters");
		return;
	}
	for (i = 0; i < WEB_NFILES && f == NULL; i++)
		if (!strcmp(ctx->req->path, web_files[i].path))
			f = &web_files[i];
	if (f == NULL) {
		api_problem(ctx, 404, "er is geen pagina op dit pad; het dashboard staat op /, "
		    "de documentatie op /docs, de API onder /v1");
		return;
	}
	if (f->body.p == NULL) {
		api_problem(ctx, 503, "het dashboard is op deze server niet geïnstalleerd "
		    "(npm ci in web/, LAKMOES_WEB_DIR); de API onder /v1 werkt wel");
		return;
	}
	ctx->cache = f->cache;
	if (f->csp != NULL) {
		http_response_header(ctx->req, "content-security-policy", f->csp);
		http_response_header(ctx->req, "referrer-policy", "no-referrer");
	}
	api_send_static(ctx, f->type, &f->body);
}
