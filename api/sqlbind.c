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
 * Binds $n placeholders into a statement as quoted literals, so that a
 * request's BEGIN, settings, statement and COMMIT travel to PostgreSQL as
 * one simple-protocol message: one round trip instead of four (db.c).
 * Placeholders inside quoted literals, quoted identifiers, dollar-quoted
 * strings and comments are left alone. Every value goes through the given
 * escape function (libpq's PQescapeLiteral in the server); a missing value
 * becomes NULL. No Kore dependency: unit-tested in tests/unit.
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

static const char	*sqlbind_skip(const char *);
static int		 sqlbind_value(struct sqlbind *, int, char **, size_t *,
			    size_t *);
static int		 sqlbind_put(char **, size_t *, size_t *, const char *,
			    size_t);

/* Appends len bytes to the growing string *out. */
static int
sqlbind_put(char **out, size_t *len, size_t *cap, const char *s, size_t n)
{
	size_t	 ncap;
	char	*p;

	if (*len + n + 1 > *cap) {
		ncap = *cap ? *cap : 1024;
		while (ncap < *len + n + 1)
			ncap *= 2;
		if ((p = realloc(*out, ncap)) == NULL)
			return (0);
		*out = p;
		*cap = ncap;
	}
	memcpy(*out + *len, s, n);
	*len += n;
	(*out)[*len] = '\0';
	return (1);
}

/*
 * At a quote, identifier quote, dollar quote or comment, returns the first
 * character after it (or NULL when it never ends); elsewhere returns s.
 */
static const char *
sqlbind_skip(const char *s)
{
	const char	*p, *end;
	size_t		 taglen;

	switch (s[0]) {
	case '\'':
	case '"':
		for (p = s + 1; *p != '\0'; p++) {
			if (*p == s[0]) {
				if (p[1] == s[0]) {
					p++;
					continue;
				}
				return (p + 1);
			}
		}
		return (NULL);
	case '-':
		if (s[1] != '-')
			return (s);
		p = strchr(s, '\n');
		return (p != NULL ? p + 1 : s + strlen(s));
	case '/':
		if (s[1] != '*')
			return (s);
		p = strstr(s + 2, "*/");
		return (p != NULL ? p + 2 : NULL);
	case '$':
		/* $tag$ or $$: a dollar quote; $1: a placeholder. */
		for (p = s + 1; isalnum((unsigned char)*p) || *p == '_'; p++)
			;
		if (*p != '$' || isdigit((unsigned char)s[1]))
			return (s);
		taglen = (size_t)(p - s) + 1;
		for (end = p + 1; (end = strchr(end, '$')) != NULL; end++) {
			if (strncmp(end, s, taglen) == 0)
				return (end + taglen);
		}
		return (NULL);
	default:
		return (s);
	}
}

static int
sqlbind_value(struct sqlbind *b, int idx, char **out, size_t *len, size_t *cap)
{
	const char	*v;
	char		*lit;
	int		 ok;

	if (idx < 1 || idx > b->nparams)
		return (0);
	if ((v = b->params[idx - 1]) == NULL)
		return (sqlbind_put(out, len, cap, "NULL", 4));
	if ((lit = b->escape(b->arg, v, strlen(v))) == NULL)
		return (0);
	ok = sqlbind_put(out, len, cap, lit, strlen(lit));
	b->release(lit);
	return (ok);
}

/*
 * Appends tmpl with its placeholders bound to *out (a malloc()ed string of
 * *len bytes and *cap capacity, grown as needed). Returns 0 on a
 * placeholder without a value, an unterminated quote or no memory.
 */
int
sqlbind_append(struct sqlbind *b, const char *tmpl, char **out, size_t *len,
    size_t *cap)
{
	const char	*s = tmpl, *next;
	char		*end;
	long		 idx;

	while (*s != '\0') {
		if ((next = sqlbind_skip(s)) == NULL)
			return (0);
		if (next != s) {
			if (!sqlbind_put(out, len, cap, s, (size_t)(next - s)))
				return (0);
			s = next;
			continue;
		}
		if (s[0] == '$' && isdigit((unsigned char)s[1])) {
			idx = strtol(s + 1, &end, 10);
			if (!sqlbind_value(b, (int)idx, out, len, cap))
				return (0);
			s = end;
			continue;
		}
		if (!sqlbind_put(out, len, cap, s, 1))
			return (0);
		s++;
	}
	return (1);
}
