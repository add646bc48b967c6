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
 * Proactive content negotiation (RFC 9110 §12.5): Accept with media
 * ranges and quality values, Accept-Encoding for gzip. No Kore: the unit
 * tests link this as it is.
 *
 * Each offer gets the quality of the most specific range that matches it
 * (the exact type before the type with any subtype before any type at
 * all; parameters other than q are not compared); the offer with the
 * highest quality above 0 wins, ties in the server's order of preference.
 * "text/csv;q=0.5, application/json;q=0.9" therefore gives JSON, "text/"
 * with a star CSV, "image/png" nothing (406).
 */

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "lakmoes.h"

#define NEG_Q_NONE	(-1)

static const char	*neg_skip_ws(const char *);
static int		 neg_q(const char *, const char *);
static size_t		 neg_token(const char *, const char *);

static const char *
neg_skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return (p);
}

/* Length of the token at p up to a delimiter, without trailing blanks. */
static size_t
neg_token(const char *p, const char *end)
{
	size_t	n = 0;

	while (p + n < end && p[n] != ';' && p[n] != ',')
		n++;
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return (n);
}

/*
 * The q parameter in the parameters [p, end) of one element, in
 * thousandths: "q=0.5" 500; without one 1000; malformed 0 (ignored, as
 * the RFC leaves a recipient free to).
 */
static int
neg_q(const char *p, const char *end)
{
	int	q, digits;

	while (p < end) {
		while (p < end && (*p == ';' || *p == ' ' || *p == '\t'))
			p++;
		if (p >= end)
			break;
		if ((p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
			p += 2;
			if (p < end && *p == '1') {
				p++;
				if (p < end && *p == '.')
					for (p++; p < end && *p == '0'; p++)
						;
				return (p >= end || *p == ';' || *p == ' ' || *p == '\t' ? 1000 : 0);
			}
			if (p >= end || *p != '0')
				return (0);
			p++;
			q = 0;
			digits = 0;
			if (p < end && *p == '.')
				for (p++; p < end && isdigit((unsigned char)*p) && digits < 3; p++, digits++)
					q = q * 10 + (*p - '0');
			for (; digits < 3; digits++)
				q *= 10;
			return (q);
		}
		while (p < end && *p != ';')
			p++;
	}
	return (1000);
}

int
neg_pick(const char *accept, const char *const *offers, size_t n)
{
	int		 best[API_NEG_OFFERS_MAX], spec[API_NEG_OFFERS_MAX];
	const char	*p, *end, *slash;
	size_t		 i, len, tlen, olen, otlen;
	int		 q, s, winner;

	if (n == 0 || n > API_NEG_OFFERS_MAX)
		return (-1);
	if (accept == NULL || *neg_skip_ws(accept) == '\0')
		return (0);
	for (i = 0; i < n; i++) {
		best[i] = NEG_Q_NONE;
		spec[i] = -1;
	}
	for (p = accept; *p != '\0'; p = *end == ',' ? end + 1 : end) {
		p = neg_skip_ws(p);
		for (end = p; *end != '\0' && *end != ','; end++)
			;
		len = neg_token(p, end);
		if (len == 0 || (slash = memchr(p, '/', len)) == NULL)
			continue;
		tlen = (size_t)(slash - p);
		q = neg_q(p + len, end);
		for (i = 0; i < n; i++) {
			olen = strlen(offers[i]);
			otlen = (size_t)(strchr(offers[i], '/') - offers[i]);
			if (len == 3 && !strncmp(p, "*/*", 3))
				s = 0;
			else if (len == tlen + 2 && slash[1] == '*' && tlen == otlen &&
			    !strncasecmp(p, offers[i], tlen))
				s = 1;
			else if (len == olen && !strncasecmp(p, offers[i], olen))
				s = 2;
			else
				continue;
			if (s > spec[i]) {
				spec[i] = s;
				best[i] = q;
			}
		}
	}
	winner = -1;
	for (i = 0; i < n; i++)
		if (best[i] > 0 && (winner < 0 || best[i] > best[winner]))
			winner = (int)i;
	return (winner);
}

int
neg_gzip(const char *accept_encoding)
{
	const char	*p, *end;
	size_t		 len;
	int		 gzip = NEG_Q_NONE, any = NEG_Q_NONE;

	if (accept_encoding == NULL)
		return (0);
	for (p = accept_encoding; *p != '\0'; p = *end == ',' ? end + 1 : end) {
		p = neg_skip_ws(p);
		for (end = p; *end != '\0' && *end != ','; end++)
			;
		len = neg_token(p, end);
		if ((len == 4 && !strncasecmp(p, "gzip", 4)) || (len == 6 && !strncasecmp(p, "x-gzip", 6)))
			gzip = neg_q(p + len, end);
		else if (len == 1 && *p == '*')
			any = neg_q(p + len, end);
	}
	return (gzip != NEG_Q_NONE ? gzip > 0 : any > 0);
}
