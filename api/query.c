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
 * Query strings, parsed by the API itself: Kore 4.1 silently drops
 * arguments it was not told about or that fail validation, and parses at
 * most 19 (KORE.md §4.3), so a filter could vanish without a word. Here
 * every parameter is decoded and anything wrong is reported. No Kore
 * dependency: unit-tested in tests/unit.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

static int	query_unescape(char *);
static int	query_hex(int);
static int	query_text(const char *);
static void	query_shown(const char *, size_t, char *, size_t);

static int
query_hex(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/*
 * Percent-decodes s in place ('+' is a space). Returns 0 on a broken
 * escape or a control character.
 */
static int
query_unescape(char *s)
{
	char	*w = s;
	int	 hi, lo;

	for (; *s != '\0'; s++) {
		if (*s == '+') {
			*w++ = ' ';
		} else if (*s == '%') {
			if ((hi = query_hex((unsigned char)s[1])) < 0 ||
			    (lo = query_hex((unsigned char)s[2])) < 0)
				return (0);
			*w++ = (char)(hi << 4 | lo);
			s += 2;
		} else {
			*w++ = *s;
		}
		if (iscntrl((unsigned char)w[-1]))
			return (0);
	}
	*w = '\0';
	return (1);
}

/* Whether s is text: valid UTF-8 (jansson's check, as for JSON strings). */
static int
query_text(const char *s)
{
	json_t	*j;

	if ((j = json_string(s)) == NULL)
		return (0);
	json_decref(j);
	return (1);
}

/*
 * A parameter as sent (len bytes of the query string), for naming it in a
 * problem: printable ASCII as it is, every other byte as %XX.
 */
static void
query_shown(const char *s, size_t len, char *out, size_t outlen)
{
	size_t	i, o = 0;

	for (i = 0; i < len && o + 4 < outlen; i++) {
		if ((unsigned char)s[i] > 0x20 && (unsigned char)s[i] < 0x7f)
			out[o++] = s[i];
		else
			o += (size_t)snprintf(out + o, outlen - o, "%%%02X", (unsigned char)s[i]);
	}
	out[o] = '\0';
}

/*
 * Splits qs (may be NULL) into q. Every problem goes into problem's
 * invalidParams. Returns 1 when there were none. The caller releases q with
 * query_clear() either way.
 */
int
query_parse(const char *qs, struct query *q, json_t *problem)
{
	char	*pair, *next, *eq, shown[64];
	size_t	 len;
	int	 i, ok = 1;

	memset(q, 0, sizeof(*q));
	if (qs == NULL || *qs == '\0')
		return (1);
	if ((q->buf = strdup(qs)) == NULL)
		return (0);
	for (pair = q->buf; pair != NULL; pair = next) {
		if ((next = strchr(pair, '&')) != NULL)
			*next++ = '\0';
		if (*pair == '\0')
			continue;
		/* the name as sent, before decoding, to name it if it is broken */
		len = strcspn(pair, "=");
		query_shown(pair, len, shown, sizeof(shown));
		if ((eq = strchr(pair, '=')) != NULL)
			*eq++ = '\0';
		else
			eq = pair + strlen(pair);
		if (!query_unescape(pair) || !query_unescape(eq) || !query_text(pair) || !query_text(eq)) {
			(void)problem_add_invalid(problem, shown,
			    "ongeldige codering (%-escape, stuurteken of geen UTF-8)");
			ok = 0;
			continue;
		}
		for (i = 0; i < q->n; i++) {
			if (!strcmp(q->p[i].name, pair))
				break;
		}
		if (i < q->n) {
			(void)problem_add_invalid(problem, pair, "parameter komt meer dan eens voor");
			ok = 0;
			continue;
		}
		if (q->n == QUERY_PARAMS_MAX) {
			(void)problem_add_invalid(problem, pair, "te veel parameters");
			return (0);
		}
		q->p[q->n].name = pair;
		q->p[q->n].value = eq;
		q->n++;
	}
	return (ok);
}

/* The value of name, or NULL when absent. */
const char *
query_get(const struct query *q, const char *name)
{
	int	i;

	for (i = 0; i < q->n; i++) {
		if (!strcmp(q->p[i].name, name))
			return (q->p[i].value);
	}
	return (NULL);
}

void
query_clear(struct query *q)
{
	free(q->buf);
	memset(q, 0, sizeof(*q));
}

/*
 * Appends "name=value" to buf (len bytes), percent-encoding the value and
 * starting with '?' or '&'. Returns 0 when buf is too small.
 */
int
query_append(char *buf, size_t len, const char *name, const char *value)
{
	size_t	 used = strlen(buf);
	int	 n;

	n = snprintf(buf + used, len - used, "%c%s=", strchr(buf, '?') ? '&' : '?', name);
	if (n < 0 || (size_t)n >= len - used)
		return (0);
	used += (size_t)n;
	for (; *value != '\0'; value++) {
		if (isalnum((unsigned char)*value) || strchr("-_.~", *value) != NULL) {
			if (used + 1 >= len)
				return (0);
			buf[used++] = *value;
		} else {
			if (used + 3 >= len)
				return (0);
			(void)snprintf(buf + used, 4, "%%%02X", (unsigned char)*value);
			used += 3;
		}
	}
	buf[used] = '\0';
	return (1);
}
