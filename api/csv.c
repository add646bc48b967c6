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
 * with doubled quotes and line breaks, CRLF or LF, an optional UTF-8 byte
 * order mark. Fields are handed out one row at a time. No Kore dependency:
 * unit-tested in tests/unit.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lakmoes.h"

static int	csv_add(struct csv_row *, const char *, size_t);

static int
csv_add(struct csv_row *row, const char *s, size_t len)
{
	char	*f;

	if (row->n == CSV_FIELDS_MAX)
		return (0);
	if ((f = malloc(len + 1)) == NULL)
		return (0);
	memcpy(f, s, len);
	f[len] = '\0';
	row->field[row->n++] = f;
	return (1);
}

void
csv_row_clear(struct csv_row *row)
{
	int	i;

	for (i = 0; i < row->n; i++)
		free(row->field[i]);
	row->n = 0;
}

/*
 * Calls cb for every row (with the line it starts on, counting from 1 and
 * the header included) until
 * it returns 0. Returns 1 when the whole text was read, 0 on a syntax error
 * (reason and line in err) or when cb stopped. *delim is set to the
 * separator found in the header line.
 */
int
csv_parse(const char *buf, size_t len, char *delim,
    int (*cb)(void *, int, struct csv_row *), void *arg, char *err, size_t errlen)
{
	struct csv_row	 row = { 0 };
	char		*field = NULL, *tmp;
	size_t		 i = 0, flen = 0, fcap = 0, eol;
	int		 line = 1, start = 1, quoted, ok = 0;
	char		 c;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	eol = i;
	while (eol < len && buf[eol] != '\n')
		eol++;
	*delim = memchr(buf + i, ';', eol - i) != NULL && memchr(buf + i, ',', eol - i) == NULL ? ';' : ',';

	while (i < len) {
		/* One field; a row starts at the line of its first field. */
		if (row.n == 0)
			start = line;
		flen = 0;
		quoted = buf[i] == '"';
		if (quoted)
			i++;
		for (;;) {
			if (i >= len) {
				if (quoted) {
					(void)snprintf(err, errlen, "regel %d: aanhalingsteken niet gesloten", line);
					goto out;
				}
				break;
			}
			c = buf[i];
			if (quoted && c == '"') {
				if (i + 1 < len && buf[i + 1] == '"') {
					i++;
				} else {
					quoted = 0;
					i++;
					if (i < len && buf[i] != *delim && buf[i] != '\r' && buf[i] != '\n') {
						(void)snprintf(err, errlen, "regel %d: tekst na een aanhalingsteken", line);
						goto out;
					}
					continue;
				}
			} else if (!quoted && (c == *delim || c == '\r' || c == '\n')) {
				break;
			} else if (!quoted && c == '"') {
				(void)snprintf(err, errlen, "regel %d: aanhalingsteken midden in een veld", line);
				goto out;
			}
			if (c == '\n')
				line++;
			if (flen + 1 >= fcap) {
				fcap = fcap ? fcap * 2 : 64;
				if ((tmp = realloc(field, fcap)) == NULL)
					goto out;
				field = tmp;
			}
			field[flen++] = buf[i++];
		}
		if (!csv_add(&row, field != NULL ? field : "", flen)) {
			(void)snprintf(err, errlen, "regel %d: te veel kolommen", line);
			goto out;
		}
		if (i < len && buf[i] == *delim) {
			i++;
			if (i == len && !csv_add(&row, "", 0))
				goto out;
			continue;
		}
		/* End of the row: CRLF, LF or the end of the text. */
		if (i < len && buf[i] == '\r')
			i++;
		if (i < len && buf[i] == '\n')
			i++;
		if (!(row.n == 1 && row.field[0][0] == '\0') && !cb(arg, start, &row)) {
			csv_row_clear(&row);
			goto out;
		}
		csv_row_clear(&row);
		line++;
	}
	ok = 1;
out:
	csv_row_clear(&row);
	free(field);
	return (ok);
}
