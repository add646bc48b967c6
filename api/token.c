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
 * JWT verification. libjwt 1.10.2 trusts the token's "alg", verifies nothing
 * with a NULL key and checks no claims (KORE.md §5), so this file:
 *   1. refuses oversized tokens (libjwt decodes onto the stack);
 *   2. reads the header itself and requires exactly the configured alg;
 *   3. lets libjwt check the signature with the configured key, then checks
 *      again that libjwt used the configured alg;
 *   4. decodes the payload itself, refusing duplicate claims, and checks
 *      exp (required), nbf, iss, aud, sub, role and org type-safely.
 * No Kore dependency: unit-tested in tests/unit/test_token.c.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

static json_t	*token_segment_json(const char *, size_t);
static int	token_check_header(const struct token_config *, const char *,
		    size_t, char *, size_t);
static int	token_copy_string(json_t *, const char *, char *, size_t,
		    int);
static int	token_audience_ok(json_t *, const char *);

static const char *token_roles[] = {
	"aanleveraar",
	"programma",
	"opdrachtgever",
	"onderzoeker",
	NULL
};

/*
 * Returns 1 when the role may appear in a token. "publiek" is not one: it is
 * the role of requests without a token.
 */
int
token_role_known(const char *role)
{
	int	i;

	for (i = 0; token_roles[i] != NULL; i++) {
		if (!strcmp(role, token_roles[i]))
			return (1);
	}
	return (0);
}

/* Maps "HS256", "RS256" or "ES256" to libjwt's enum; JWT_ALG_INVAL otherwise. */
jwt_alg_t
token_alg_parse(const char *name)
{
	if (!strcmp(name, "HS256"))
		return (JWT_ALG_HS256);
	if (!strcmp(name, "RS256"))
		return (JWT_ALG_RS256);
	if (!strcmp(name, "ES256"))
		return (JWT_ALG_ES256);
	return (JWT_ALG_INVAL);
}

/* Releases the claims' JSON and wipes the copied strings. */
void
token_claims_clear(struct token_claims *c)
{
	if (c->json != NULL)
		json_decref(c->json);
	explicit_bzero(c, sizeof(*c));
}

/*
 * Verifies a compact JWS. On success returns 1 and fills out (the caller
 * releases it with token_claims_clear); on failure returns 0 and writes a
 * reason fit for a client into why, and out->sub holds the token's subject
 * when its signature held (an expired token), for the record.
 */
int
token_verify(const struct token_config *cfg, const char *token, time_t now,
    struct token_claims *out, char *why, size_t whylen)
{
	const char	*dot1, *dot2;
	jwt_t		*jwt = NULL;
	json_t		*claims = NULL;
	size_t		 len;
	int		 ret = 0;

	memset(out, 0, sizeof(*out));
	if (cfg->key == NULL || cfg->keylen == 0) {
		/* A NULL key makes libjwt accept any token unverified. */
		snprintf(why, whylen, "de server heeft geen sleutel om tokens te controleren");
		return (0);
	}
	len = strlen(token);
	if (len == 0 || len > TOKEN_MAX_LEN) {
		snprintf(why, whylen, "token ontbreekt of is langer dan %d tekens", TOKEN_MAX_LEN);
		return (0);
	}
	if ((dot1 = strchr(token, '.')) == NULL ||
	    (dot2 = strchr(dot1 + 1, '.')) == NULL || strchr(dot2 + 1, '.') != NULL) {
		snprintf(why, whylen, "token is geen JWT in compacte vorm");
		return (0);
	}
	if (!token_check_header(cfg, token, (size_t)(dot1 - token), why, whylen))
		return (0);

	if (jwt_decode(&jwt, token, cfg->key, (int)cfg->keylen) != 0 || jwt == NULL) {
		snprintf(why, whylen, "handtekening van het token is ongeldig");
		goto out;
	}
	if (jwt_get_alg(jwt) != cfg->alg) {
		snprintf(why, whylen, "token gebruikt een ander algoritme dan %s",
		    jwt_alg_str(cfg->alg));
		goto out;
	}
	if ((claims = token_segment_json(dot1 + 1, (size_t)(dot2 - dot1 - 1))) == NULL) {
		snprintf(why, whylen, "claims van het token zijn geen geldig JSON-object (dubbele claims?)");
		goto out;
	}
	if (!token_check_claims(cfg, claims, now, out, why, whylen)) {
		/* the signature held: whose token it was may be recorded */
		(void)token_copy_string(claims, "sub", out->sub, sizeof(out->sub), 1);
		goto out;
	}

	out->json = claims;
	claims = NULL;
	ret = 1;

out:
	if (claims != NULL)
		json_decref(claims);
	if (jwt != NULL)
		jwt_free(jwt);
	return (ret);
}

/*
 * Checks the claims of an already authenticated payload. Returns 1 and fills
 * out's strings and exp (not out->json) when they are acceptable.
 */
int
token_check_claims(const struct token_config *cfg, json_t *claims, time_t now,
    struct token_claims *out, char *why, size_t whylen)
{
	json_t		*v;
	long long	 t;

	v = json_object_get(claims, "exp");
	if (!json_is_integer(v)) {
		snprintf(why, whylen, "claim exp ontbreekt of is geen geheel getal");
		return (0);
	}
	t = json_integer_value(v);
	/* compared with now moved by the leeway: t ± leeway could overflow */
	if (t <= (long long)now - cfg->leeway) {
		snprintf(why, whylen, "token is verlopen");
		return (0);
	}
	out->exp = t;

	if ((v = json_object_get(claims, "nbf")) != NULL) {
		if (!json_is_integer(v)) {
			snprintf(why, whylen, "claim nbf is geen geheel getal");
			return (0);
		}
		if (json_integer_value(v) > (long long)now + cfg->leeway) {
			snprintf(why, whylen, "token is nog niet geldig (nbf)");
			return (0);
		}
	}
	if ((v = json_object_get(claims, "iat")) != NULL && !json_is_integer(v)) {
		snprintf(why, whylen, "claim iat is geen geheel getal");
		return (0);
	}

	v = json_object_get(claims, "iss");
	if (!json_is_string(v) || strcmp(json_string_value(v), cfg->issuer) != 0) {
		snprintf(why, whylen, "token is niet uitgegeven door de verwachte uitgever (iss)");
		return (0);
	}
	if (!token_audience_ok(json_object_get(claims, "aud"), cfg->audience)) {
		snprintf(why, whylen, "token is niet bestemd voor deze API (aud)");
		return (0);
	}
	if (!token_copy_string(claims, "sub", out->sub, sizeof(out->sub), 1)) {
		snprintf(why, whylen, "claim sub ontbreekt, is leeg of te lang");
		return (0);
	}
	if (!token_copy_string(claims, "role", out->role, sizeof(out->role), 1) ||
	    !token_role_known(out->role)) {
		snprintf(why, whylen, "claim role ontbreekt of is geen bekende rol");
		return (0);
	}
	if (!token_copy_string(claims, "org", out->org, sizeof(out->org),
	    !strcmp(out->role, "aanleveraar"))) {
		snprintf(why, whylen, "claim org ontbreekt (verplicht voor aanleveraar), is leeg of te lang");
		return (0);
	}
	return (1);
}

/*
 * Copies the string claim name into dst. A missing claim is fine unless
 * required; a present one must be a non-empty string of printable ASCII that
 * fits.
 */
static int
token_copy_string(json_t *claims, const char *name, char *dst, size_t dstlen,
    int required)
{
	json_t		*v;
	const char	*s;
	size_t		 i, len;

	dst[0] = '\0';
	if ((v = json_object_get(claims, name)) == NULL)
		return (!required);
	if (!json_is_string(v))
		return (0);
	s = json_string_value(v);
	len = json_string_length(v);
	if (len == 0 || len >= dstlen)
		return (0);
	for (i = 0; i < len; i++) {
		if (!isprint((unsigned char)s[i]))
			return (0);
	}
	memcpy(dst, s, len + 1);
	return (1);
}

/* aud may be a string or an array of strings (RFC 7519 §4.1.3). */
static int
token_audience_ok(json_t *aud, const char *want)
{
	json_t	*a;
	size_t	 i;

	if (json_is_string(aud))
		return (!strcmp(json_string_value(aud), want));
	if (json_is_array(aud)) {
		json_array_foreach(aud, i, a) {
			if (json_is_string(a) && !strcmp(json_string_value(a), want))
				return (1);
		}
	}
	return (0);
}

/*
 * The header must name exactly the configured algorithm, carry no "crit"
 * extensions and, if it has a type, be a plain JWT. "none", other families
 * and algorithm confusion stop here, before libjwt sees the token.
 */
static int
token_check_header(const struct token_config *cfg, const char *seg, size_t len,
    char *why, size_t whylen)
{
	json_t		*hdr, *v;
	int		 ok = 0;

	if ((hdr = token_segment_json(seg, len)) == NULL) {
		snprintf(why, whylen, "kop van het token is geen geldig JSON-object");
		return (0);
	}
	v = json_object_get(hdr, "alg");
	if (!json_is_string(v) || strcmp(json_string_value(v), jwt_alg_str(cfg->alg)) != 0) {
		snprintf(why, whylen, "token moet ondertekend zijn met %s", jwt_alg_str(cfg->alg));
		goto out;
	}
	if (json_object_get(hdr, "crit") != NULL) {
		snprintf(why, whylen, "token heeft kritieke uitbreidingen (crit) die de API niet kent");
		goto out;
	}
	v = json_object_get(hdr, "typ");
	if (v != NULL && (!json_is_string(v) || strcasecmp(json_string_value(v), "JWT") != 0)) {
		snprintf(why, whylen, "token is van een onbekend type (typ)");
		goto out;
	}
	ok = 1;
out:
	json_decref(hdr);
	return (ok);
}

/* Decodes one base64url segment as a JSON object, refusing duplicate keys. */
static json_t *
token_segment_json(const char *seg, size_t len)
{
	json_error_t	 err;
	json_t		*j;
	char		*raw;
	size_t		 rawlen;

	if (!b64url_decode(seg, len, &raw, &rawlen))
		return (NULL);
	j = json_loadb(raw, rawlen, JSON_REJECT_DUPLICATES, &err);
	free(raw);
	if (j != NULL && !json_is_object(j)) {
		json_decref(j);
		j = NULL;
	}
	return (j);
}
