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
 * The API's growing output buffer and the JSON text written into it
 * directly: a page of rows goes from PostgreSQL's text to JSON without a
 * jansson tree per row (list.c). No Kore dependency: unit-tested in
 * tests/unit, where every string is checked against jansson's own encoding.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

/* Appends len bytes; returns 0 when memory runs out. */
int
api_buf_add(struct api_buf *b, const void *data, size_t len)
{
	size_t	 ncap;
	char	*np;

	if (b->len + len > b->cap) {
		ncap = b->cap ? b->cap : 4096;
		while (ncap < b->len + len)
			ncap *= 2;
		if ((np = realloc(b->p, ncap)) == NULL)
			return (0);
		b->p = np;
		b->cap = ncap;
	}
	memcpy(b->p + b->len, data, len);
	b->len += len;
	return (1);
}

/* A json_dump_callback() sink into an api_buf. */
int
api_buf_dump_cb(const char *buf, size_t size, void *arg)
{
	return (api_buf_add(arg, buf, size) ? 0 : -1);
}

/*
 * Appends s as a JSON string, escaped as jansson escapes it: the quote, the
 * backslash and control characters; everything else as it is. s must be
 * UTF-8, which PostgreSQL guarantees for a UTF8 database's text.
 */
int
api_buf_json_string(struct api_buf *b, const char *s, size_t len)
{
	static const char	 hex[] = "0123456789ABCDEF";
	char			 esc[6] = { '\\', 'u', '0', '0', '0', '0' };
	size_t			 i, from = 0, n;
	unsigned char		 c;

	if (!api_buf_add(b, "\"", 1))
		return (0);
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		if (!api_buf_add(b, s + from, i - from))
			return (0);
		from = i + 1;
		n = 2;
		switch (c) {
		case '"':	esc[1] = '"'; break;
		case '\\':	esc[1] = '\\'; break;
		case '\b':	esc[1] = 'b'; break;
		case '\f':	esc[1] = 'f'; break;
		case '\n':	esc[1] = 'n'; break;
		case '\r':	esc[1] = 'r'; break;
		case '\t':	esc[1] = 't'; break;
		default:
			esc[1] = 'u';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 0xf];
			n = 6;
			break;
		}
		if (!api_buf_add(b, esc, n))
			return (0);
	}
	return (api_buf_add(b, s + from, len - from) && api_buf_add(b, "\"", 1));
}

/*
 * Whether s is a JSON number (RFC 8259 §6): PostgreSQL's text for integers,
 * numeric and floats is one, except NaN and ±Infinity, which JSON has not.
 */
int
api_json_number(const char *s, size_t len)
{
	size_t	i = 0, d;

	if (i < len && s[i] == '-')
		i++;
	if (i < len && s[i] == '0')
		i++;
	else if (i < len && s[i] >= '1' && s[i] <= '9')
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return (0);
	if (i < len && s[i] == '.') {
		for (d = ++i; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return (0);
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		if (++i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return (0);
	}
	return (i == len);
}

/*
 * Copies the JSON text s (len bytes, valid JSON) to out with every number
 * beyond a double's range written as a string of its digits, so that
 * jansson can read the rest (list.c reads an answer's version and key
 * from it; the answer itself is sent as it was).
 */
int
api_buf_json_safe(struct api_buf *out, const char *s, size_t len)
{
	size_t	pos = 0, from = 0, start, end;
	char	num[512];

	while (api_json_next_number(s, len, &pos, &start, &end)) {
		(void)snprintf(num, sizeof(num), "%.*s", (int)(end - start), s + start);
		if (end - start >= sizeof(num) || !isfinite(strtod(num, NULL))) {
			if (!api_buf_add(out, s + from, start - from) ||
			    !api_buf_json_string(out, s + start, end - start))
				return (0);
			from = end;
		}
	}
	return (api_buf_add(out, s + from, len - from));
}

/*
 * The next number of the JSON text s (len bytes, valid JSON) from *pos,
 * outside strings: sets *start and *end around it and *pos after it and
 * returns 1; returns 0 when there is none.
 */
int
api_json_next_number(const char *s, size_t len, size_t *pos, size_t *start, size_t *end)
{
	size_t	i;
	int	instr = 0;

	for (i = *pos; i < len; i++) {
		if (instr) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '"')
				instr = 0;
			continue;
		}
		if (s[i] == '"') {
			instr = 1;
			continue;
		}
		if (s[i] != '-' && (s[i] < '0' || s[i] > '9'))
			continue;
		*start = i;
		while (i < len && s[i] != '\0' && strchr("0123456789+-.eE", s[i]) != NULL)
			i++;
		*end = *pos = i;
		return (1);
	}
	*pos = len;
	return (0);
}

