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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

static const char	*sqlbind_skip(const char *);
static const char	*sqlbind_guard(const char *, const char *, const char *);
static int		 sqlbind_index(const struct sqlbind *, const char *,
			    char **);
static int		 sqlbind_value(const struct sqlbind *, int, char **,
			    size_t *, size_t *);
static int		 sqlbind_emit(const struct sqlbind *, const char *,
			    const int *, char **, size_t *, size_t *);
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

/* Appends s as it is (no placeholders bound) to *out, as sqlbind_append does. */
int
sqlbind_text(char **out, size_t *len, size_t *cap, const char *s)
{
	return (sqlbind_put(out, len, cap, s, strlen(s)));
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
sqlbind_value(const struct sqlbind *b, int idx, char **out, size_t *len, size_t *cap)
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
	return (sqlbind_emit(b, tmpl, NULL, out, len, cap));
}

/*
 * Appends tmpl to *out with each placeholder replaced: without renum by its
 * value as a literal (sqlbind_append); with renum as sqlbind_specialise
 * says, by NULL, by nothing (a present value's guard) or by $renum[n].
 */
static int
sqlbind_emit(const struct sqlbind *b, const char *tmpl, const int *renum,
    char **out, size_t *len, size_t *cap)
{
	const char	*s = tmpl, *next, *guard;
	char		*end, num[16];
	int		 idx;

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
			if ((idx = sqlbind_index(b, s, &end)) == 0)
				return (0);
			if (renum == NULL || b->params[idx - 1] == NULL) {
				if (!sqlbind_value(b, idx, out, len, cap))
					return (0);
				s = end;
			} else if ((guard = sqlbind_guard(tmpl, s, end)) != NULL) {
				s = guard;
			} else {
				(void)snprintf(num, sizeof(num), "$%d", renum[idx]);
				if (!sqlbind_put(out, len, cap, num, strlen(num)))
					return (0);
				s = end;
			}
			continue;
		}
		if (!sqlbind_put(out, len, cap, s, 1))
			return (0);
		s++;
	}
	return (1);
}

/*
 * At the placeholder s of tmpl, ending at end: when it is the guard of an
 * optional filter, "($n::type IS NULL OR …", returns the first character
 * after "OR "; else NULL. Only right after an opening parenthesis, so that
 * the guard is the whole left operand of its OR: with $n not NULL the
 * guard is false, and "(false OR x)" is "(x)".
 */
static const char *
sqlbind_guard(const char *tmpl, const char *s, const char *end)
{
	const char	*p;

	for (p = s; p > tmpl && isspace((unsigned char)p[-1]); p--)
		;
	if (p == tmpl || p[-1] != '(' || strncmp(end, "::", 2) != 0)
		return (NULL);
	for (p = end + 2; isalnum((unsigned char)*p) || *p == '_'; p++)
		;
	if (p == end + 2 || strncmp(p, " IS NULL OR ", 12) != 0)
		return (NULL);
	return (p + 12);
}

/* The number of the placeholder at s (1..nparams), or 0; *end after it. */
static int
sqlbind_index(const struct sqlbind *b, const char *s, char **end)
{
	long	idx;

	idx = strtol(s + 1, end, 10);
	return (idx >= 1 && idx <= b->nparams ? (int)idx : 0);
}

/*
 * The statement to keep prepared on a connection (db.c) for tmpl with the
 * values at hand: a placeholder without a value becomes NULL, as
 * sqlbind_append binds it; the others are numbered again in order, $1, $2,
 * …, and lose their optional filter's guard (sqlbind_guard). A generic
 * plan of the result is then as good as a plan for the values themselves:
 * "(NULL::text IS NULL OR x = NULL)" folds to true, and "(x = $1)" can use
 * an index where "($1::text IS NULL OR x = $1)" cannot. The same template
 * with the same values present always gives the same text. Sets order[k]
 * to the original number of new $k+1 and *n to their count (order has room
 * for b->nparams). Returns 0 as sqlbind_append would.
 */
int
sqlbind_specialise(const struct sqlbind *b, const char *tmpl, char **out,
    size_t *len, size_t *cap, int *order, int *n)
{
	const char	*s, *next;
	char		*end;
	int		 idx, i, renum[DB_PARAMS_MAX + 1];

	if (b->nparams > DB_PARAMS_MAX)
		return (0);
	memset(renum, 0, sizeof(renum));
	/* Which placeholders with a value remain after their guards go. */
	for (s = tmpl; *s != '\0';) {
		if ((next = sqlbind_skip(s)) == NULL)
			return (0);
		if (next != s) {
			s = next;
		} else if (s[0] == '$' && isdigit((unsigned char)s[1])) {
			if ((idx = sqlbind_index(b, s, &end)) == 0)
				return (0);
			if (b->params[idx - 1] != NULL &&
			    sqlbind_guard(tmpl, s, end) == NULL)
				renum[idx] = 1;
			s = end;
		} else {
			s++;
		}
	}
	*n = 0;
	for (i = 1; i <= b->nparams; i++) {
		if (renum[i]) {
			order[*n] = i;
			renum[i] = ++*n;
		}
	}
	return (sqlbind_emit(b, tmpl, renum, out, len, cap));
}

/*
 * Appends the arguments of an EXECUTE of a statement from
 * sqlbind_specialise: "(v1, v2, …)" with the values of order[0..n-1] as
 * literals, or nothing when there are none.
 */
int
sqlbind_arguments(struct sqlbind *b, const int *order, int n, char **out,
    size_t *len, size_t *cap)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (!sqlbind_put(out, len, cap, i == 0 ? "(" : ", ", i == 0 ? 1 : 2) ||
		    !sqlbind_value(b, order[i], out, len, cap))
			return (0);
	}
	return (n == 0 || sqlbind_put(out, len, cap, ")", 1));
}
