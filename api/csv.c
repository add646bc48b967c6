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
 * CSV (RFC 4180) as people send it: comma-separated, or semicolon-separated
 * as Dutch Excel saves it (told apart by the header line), quoted fields
 * with doubled quotes and line breaks, CRLF, LF or CR, an optional UTF-8
 * byte order mark. The text is fed in pieces of any size (csv_feed, then
 * csv_finish), so a bulk load never holds more than a row; rows are handed
 * out one at a time, each field with its length (a NUL byte is data here,
 * for the caller to refuse by name). No Kore dependency: unit-tested in
 * tests/unit.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

#define CSV_START	0	/* at the start of a field */
#define CSV_PLAIN	1	/* in an unquoted field */
#define CSV_QUOTED	2	/* in a quoted field */
#define CSV_QUOTE	3	/* a quote in a quoted field: its end, or the first of two */
#define CSV_CR		4	/* after a CR that ended a row: an LF may follow */

static int	csv_add(struct csv_parser *);
static int	csv_row_end(struct csv_parser *);
static int	csv_byte(struct csv_parser *, char);
static int	csv_fail(struct csv_parser *, const char *);
static int	csv_header_delim(struct csv_parser *, const char *, size_t, int);
static int	csv_field_end(struct csv_parser *, char);

/* Starts a parser that calls cb(arg, line, row) for every row. */
void
csv_init(struct csv_parser *p, int (*cb)(void *, int, struct csv_row *), void *arg)
{
	memset(p, 0, sizeof(*p));
	p->cb = cb;
	p->arg = arg;
	p->line = 1;
}

/* Releases what the parser holds; it can be called at any time. */
void
csv_parser_clear(struct csv_parser *p)
{
	csv_row_clear(&p->row);
	free(p->field.p);
	free(p->head.p);
	memset(&p->field, 0, sizeof(p->field));
	memset(&p->head, 0, sizeof(p->head));
}

void
csv_row_clear(struct csv_row *row)
{
	int	i;

	for (i = 0; i < row->n; i++)
		free(row->field[i]);
	row->n = 0;
}

static int
csv_fail(struct csv_parser *p, const char *what)
{
	(void)snprintf(p->err, sizeof(p->err), "regel %d: %s", p->line, what);
	p->failed = 1;
	return (0);
}

/* Ends the current field: a NUL-terminated copy goes into the row. */
static int
csv_add(struct csv_parser *p)
{
	char	*f;

	if (p->row.n == CSV_FIELDS_MAX)
		return (csv_fail(p, "te veel kolommen"));
	if ((f = malloc(p->field.len + 1)) == NULL)
		return (csv_fail(p, "geheugen op"));
	if (p->field.len > 0)
		memcpy(f, p->field.p, p->field.len);
	f[p->field.len] = '\0';
	p->row.len[p->row.n] = p->field.len;
	p->row.field[p->row.n++] = f;
	p->field.len = 0;
	return (1);
}

/* Ends the row (a blank line is no row) and hands it out. */
static int
csv_row_end(struct csv_parser *p)
{
	int	ok = 1;

	if (!(p->row.n == 1 && p->row.len[0] == 0))
		ok = p->cb(p->arg, p->start, &p->row);
	csv_row_clear(&p->row);
	p->line++;
	if (!ok)
		p->failed = 1;
	return (ok);
}

/* A separator ends the field, a line break (CR, LF or CRLF) the row too. */
static int
csv_field_end(struct csv_parser *p, char c)
{
	if (c == p->delim) {
		p->state = CSV_START;
		return (csv_add(p));
	}
	p->state = c == '\r' ? CSV_CR : CSV_START;
	return (csv_add(p) && csv_row_end(p));
}

/* One byte of the text after the header's separator is known. */
static int
csv_byte(struct csv_parser *p, char c)
{
	if (p->state == CSV_CR) {
		p->state = CSV_START;
		if (c == '\n')
			return (1);
	}
	if (p->state == CSV_START && p->row.n == 0)
		p->start = p->line;
	switch (p->state) {
	case CSV_START:
		if (c == '"') {
			p->state = CSV_QUOTED;
			return (1);
		}
		p->state = CSV_PLAIN;
		/* FALLTHROUGH */
	case CSV_PLAIN:
		if (c == p->delim || c == '\r' || c == '\n')
			return (csv_field_end(p, c));
		if (c == '"')
			return (csv_fail(p, "aanhalingsteken midden in een veld"));
		break;
	case CSV_QUOTED:
		if (c == '"') {
			p->state = CSV_QUOTE;
			return (1);
		}
		if (c == '\n')
			p->line++;
		break;
	case CSV_QUOTE:
		if (c == '"') {
			p->state = CSV_QUOTED;
			break;
		}
		if (c == p->delim || c == '\r' || c == '\n')
			return (csv_field_end(p, c));
		return (csv_fail(p, "tekst na een aanhalingsteken"));
	}
	if (p->field.len >= CSV_FIELD_MAX)
		return (csv_fail(p, "een veld is langer dan 65536 tekens"));
	return (api_buf_add(&p->field, &c, 1) || csv_fail(p, "geheugen op"));
}

/*
 * Until the separator is known, the header line is kept: it decides (a
 * semicolon and no comma: ';', else ','). At the end of the text whatever
 * came decides. Returns 1 when the bytes were taken, 0 on failure.
 */
static int
csv_header_delim(struct csv_parser *p, const char *buf, size_t len, int end)
{
	const char	*h, *nl;
	size_t		 hlen, skip = 0, i;

	if (len > 0 && !api_buf_add(&p->head, buf, len))
		return (csv_fail(p, "geheugen op"));
	h = p->head.p;
	hlen = p->head.len;
	if (hlen == 0) {
		if (end)
			p->delim = ',';
		return (1);
	}
	if (hlen >= 3 && memcmp(h, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	else if (!end && hlen < 3 && memcmp(h, "\xef\xbb\xbf", hlen) == 0)
		return (1);
	/* the header line ends at a CR or an LF (some tools write CR alone) */
	for (nl = h + skip; nl < h + hlen && *nl != '\n' && *nl != '\r'; nl++)
		;
	if (nl == h + hlen && !end && hlen < CSV_FIELD_MAX)
		return (1);
	p->delim = memchr(h + skip, ';', (size_t)(nl - h) - skip) != NULL &&
	    memchr(h + skip, ',', (size_t)(nl - h) - skip) == NULL ? ';' : ',';
	for (i = skip; i < hlen; i++) {
		if (!csv_byte(p, h[i]))
			return (0);
	}
	free(p->head.p);
	memset(&p->head, 0, sizeof(p->head));
	return (1);
}

/*
 * Feeds len more bytes. Returns 1 when they were read, 0 on a syntax error
 * (reason and line in p->err) or when the callback stopped; the parser is
 * then done.
 */
int
csv_feed(struct csv_parser *p, const char *buf, size_t len)
{
	size_t	i;

	if (p->failed)
		return (0);
	if (p->delim == '\0')
		return (csv_header_delim(p, buf, len, 0));
	for (i = 0; i < len; i++) {
		if (!csv_byte(p, buf[i]))
			return (0);
	}
	return (1);
}

/* Ends the text: the last row may lack its line break. Returns as csv_feed. */
int
csv_finish(struct csv_parser *p)
{
	if (p->failed)
		return (0);
	if (p->delim == '\0' && !csv_header_delim(p, "", 0, 1))
		return (0);
	switch (p->state) {
	case CSV_QUOTED:
		return (csv_fail(p, "aanhalingsteken niet gesloten"));
	case CSV_PLAIN:
	case CSV_QUOTE:
		return (csv_add(p) && csv_row_end(p));
	case CSV_START:
		/* a separator just before the end leaves an empty last field */
		if (p->row.n > 0)
			return (csv_add(p) && csv_row_end(p));
		return (1);
	default:
		return (1);
	}
}

/*
 * The whole text at once: calls cb for every row (with the line it starts
 * on, counting from 1 and the header included) until it returns 0. Returns
 * 1 when the whole text was read, 0 on a syntax error (reason and line in
 * err) or when cb stopped. *delim is set to the separator found in the
 * header line.
 */
int
csv_parse(const char *buf, size_t len, char *delim,
    int (*cb)(void *, int, struct csv_row *), void *arg, char *err, size_t errlen)
{
	struct csv_parser	p;
	int			ok;

	csv_init(&p, cb, arg);
	ok = csv_feed(&p, buf, len) && csv_finish(&p);
	*delim = p.delim;
	(void)snprintf(err, errlen, "%s", p.err);
	csv_parser_clear(&p);
	return (ok);
}
