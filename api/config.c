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
 * Configuration from the environment. Read again in every worker's init()
 * (a SIGHUP reload resets module globals, KORE.md §1.9), so it lives in the
 * environment, which survives; a public key given as a file path is read
 * once by the parent and put into the environment as text.
 *
 *   LAKMOES_API_DATABASE_URL   libpq connection for the authenticator login
 *   LAKMOES_JWT_ISSUER         required iss
 *   LAKMOES_JWT_AUDIENCE       required aud
 *   LAKMOES_JWT_SECRET         HS256 secret, at least 32 bytes, or
 *   LAKMOES_JWT_PUBLIC_KEY     PEM text or path, with
 *   LAKMOES_JWT_ALG            RS256 (default) or ES256
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

#define CONFIG_SECRET_MIN	32

struct lakmoes_config	config;

static const char	*config_env(const char *);

static const char *
config_env(const char *name)
{
	const char	*v = getenv(name);

	return (v != NULL && *v != '\0' ? v : NULL);
}

/*
 * Fills the global config from the environment. Returns KORE_RESULT_OK, or
 * KORE_RESULT_ERROR with the reason in why. Pointers refer to the
 * environment's own strings.
 */
int
config_load(char *why, size_t whylen)
{
	const char	*secret, *pem, *alg, *gz;

	memset(&config, 0, sizeof(config));
	config.token.leeway = TOKEN_LEEWAY;
	config.dburl = (char *)config_env("LAKMOES_API_DATABASE_URL");
	config.cors = config_env("LAKMOES_CORS_ORIGINS");
	gz = config_env("LAKMOES_GZIP_LEVEL");
	config.gzip_level = API_GZIP_LEVEL;
	if (gz != NULL) {
		if (strlen(gz) != 1 || gz[0] < '0' || gz[0] > '9') {
			(void)snprintf(why, whylen, "LAKMOES_GZIP_LEVEL must be 0 (off) to 9");
			return (KORE_RESULT_ERROR);
		}
		config.gzip_level = gz[0] - '0';
	}
	config.token.issuer = config_env("LAKMOES_JWT_ISSUER");
	config.token.audience = config_env("LAKMOES_JWT_AUDIENCE");
	secret = config_env("LAKMOES_JWT_SECRET");
	pem = config_env("LAKMOES_JWT_PUBLIC_KEY");

	if (config.dburl == NULL) {
		(void)snprintf(why, whylen, "LAKMOES_API_DATABASE_URL is not set");
		return (KORE_RESULT_ERROR);
	}
	if (config.token.issuer == NULL || config.token.audience == NULL) {
		(void)snprintf(why, whylen, "LAKMOES_JWT_ISSUER and LAKMOES_JWT_AUDIENCE are required");
		return (KORE_RESULT_ERROR);
	}
	if ((secret == NULL) == (pem == NULL)) {
		(void)snprintf(why, whylen, "set exactly one of LAKMOES_JWT_SECRET and LAKMOES_JWT_PUBLIC_KEY");
		return (KORE_RESULT_ERROR);
	}
	if (secret != NULL) {
		if (strlen(secret) < CONFIG_SECRET_MIN) {
			(void)snprintf(why, whylen, "LAKMOES_JWT_SECRET must be at least %d bytes",
			    CONFIG_SECRET_MIN);
			return (KORE_RESULT_ERROR);
		}
		config.token.alg = JWT_ALG_HS256;
		config.token.key = (const unsigned char *)secret;
		config.token.keylen = strlen(secret);
		return (KORE_RESULT_OK);
	}
	if (strncmp(pem, "-----BEGIN ", 11) != 0) {
		(void)snprintf(why, whylen, "LAKMOES_JWT_PUBLIC_KEY is not a PEM public key");
		return (KORE_RESULT_ERROR);
	}
	alg = config_env("LAKMOES_JWT_ALG");
	config.token.alg = token_alg_parse(alg != NULL ? alg : "RS256");
	if (config.token.alg != JWT_ALG_RS256 && config.token.alg != JWT_ALG_ES256) {
		(void)snprintf(why, whylen, "LAKMOES_JWT_ALG must be RS256 or ES256 with a public key");
		return (KORE_RESULT_ERROR);
	}
	config.token.key = (const unsigned char *)pem;
	config.token.keylen = strlen(pem);
	return (KORE_RESULT_OK);
}

/*
 * In the parent, before the workers exist: a public key given as a path is
 * read here (a worker's sandbox would kill it for the stat) and kept in the
 * environment as text for the workers and for reloads. Returns
 * KORE_RESULT_OK, or KORE_RESULT_ERROR with the reason in why.
 */
int
config_key_file(char *why, size_t whylen)
{
	const char	*path = config_env("LAKMOES_JWT_PUBLIC_KEY");
	FILE		*fp;
	char		 buf[16384];
	size_t		 n;

	if (path == NULL || strncmp(path, "-----BEGIN ", 11) == 0)
		return (KORE_RESULT_OK);
	if ((fp = fopen(path, "r")) == NULL) {
		(void)snprintf(why, whylen, "cannot read LAKMOES_JWT_PUBLIC_KEY file %s", path);
		return (KORE_RESULT_ERROR);
	}
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	if (ferror(fp) || n == sizeof(buf) - 1) {
		(void)fclose(fp);
		(void)snprintf(why, whylen, "LAKMOES_JWT_PUBLIC_KEY file %s is unreadable or too large", path);
		return (KORE_RESULT_ERROR);
	}
	(void)fclose(fp);
	buf[n] = '\0';
	if (setenv("LAKMOES_JWT_PUBLIC_KEY", buf, 1) == -1) {
		(void)snprintf(why, whylen, "cannot keep the public key in the environment");
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}
