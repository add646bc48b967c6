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
 * Parsing a JSON request body into a document or a 400 problem that says
 * what was wrong and where. Refuses duplicate keys (jansson would keep the
 * last one silently), trailing data, NUL characters and nesting deeper than
 * BODY_DEPTH_MAX. No Kore dependency: unit-tested in tests/unit.
 */

#include <stdio.h>
#include <string.h>

#include "lakmoes.h"

static int	body_depth_ok(json_t *, int);
static const char *body_reason(enum json_error_code);
static int	body_member_at(const char *, size_t, char *, size_t);

/*
 * Returns the parsed document (a new reference), or NULL with *problem set
 * to a new 400 problem whose invalidParams names the position.
 */
json_t *
body_parse_json(const char *buf, size_t len, json_t **problem)
{
	json_error_t	 err;
	json_t		*doc;
	char		 reason[64];

	*problem = NULL;
	if (len == 0) {
		*problem = problem_new(400, "de body is leeg; verwacht wordt JSON");
		if (*problem != NULL)
			(void)problem_add_invalid(*problem, "body", "leeg");
		return (NULL);
	}
	doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	if (doc == NULL) {
		*problem = problem_new(400, "de body is geen geldige JSON");
		if (*problem != NULL)
			body_add_error(*problem, buf, len, &err, "");
		return (NULL);
	}
	if (!body_numbers_ok(buf, len, *problem = problem_new(400, "een getal in de body valt buiten bereik"), "")) {
		json_decref(doc);
		return (NULL);
	}
	json_decref(*problem);
	*problem = NULL;
	if (!body_depth_ok(doc, 1)) {
		json_decref(doc);
		(void)snprintf(reason, sizeof(reason),
		    "dieper genest dan %d niveaus", BODY_DEPTH_MAX);
		*problem = problem_new(400, "de body is te diep genest");
		if (*problem != NULL)
			(void)problem_add_invalid(*problem, "body", reason);
		return (NULL);
	}
	return (doc);
}

/*
 * Adds jansson's parse error err in the JSON text buf (len bytes) to the
 * problem p, with line and column. A number too large for the reader (a
 * double, or a whole number beyond 64 bits) is named by its member,
 * prefix + "/" + key, when it is the value of one; anything else by
 * "body". The text itself goes to the database, which reads numbers
 * exactly; this check only keeps what no reader could show out.
 */
void
body_add_error(json_t *p, const char *buf, size_t len, const json_error_t *err,
    const char *prefix)
{
	char	name[160], key[128], reason[256];

	/* a row of a list (prefix) has its own lines: its position is no help */
	if (*prefix != '\0')
		(void)snprintf(reason, sizeof(reason), "%s", body_reason(json_error_code(err)));
	else
		(void)snprintf(reason, sizeof(reason), "regel %d, kolom %d: %s",
		    err->line, err->column, body_reason(json_error_code(err)));
	if (json_error_code(err) == json_error_numeric_overflow && err->position > 0 &&
	    body_member_at(buf, (size_t)err->position < len ? (size_t)err->position : len, key, sizeof(key))) {
		(void)snprintf(name, sizeof(name), "%s/%s", prefix, key);
		(void)problem_add_invalid(p, name, reason);
		return;
	}
	(void)problem_add_invalid(p, *prefix != '\0' ? prefix : "body", reason);
}

/*
 * Whether the JSON number s (len bytes, valid JSON) is one the database
 * reads: at most BODY_NUMBER_DIGITS digits and an exponent of at most
 * BODY_NUMBER_DIGITS either way. jansson reads 1e-99999 as 0 and
 * PostgreSQL refuses it (numeric holds 16383 decimals): such a number is
 * named here instead of failing the whole statement.
 */
int
body_number_ok(const char *s, size_t len)
{
	size_t	i, digits = 0;
	long	exp = 0;

	for (i = 0; i < len && s[i] != 'e' && s[i] != 'E'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
	}
	if (digits > BODY_NUMBER_DIGITS)
		return (0);
	if (i == len)
		return (1);
	for (i++; i < len && (s[i] == '+' || s[i] == '-'); i++)
		;
	for (; i < len && exp <= BODY_NUMBER_DIGITS; i++)
		exp = exp * 10 + (s[i] - '0');
	return (exp <= BODY_NUMBER_DIGITS);
}

/*
 * Checks every number of the JSON text buf (already parsed, so valid) with
 * body_number_ok; each one out of range goes into p, named by its member
 * (prefix + "/" + key). Returns 1 when there is none.
 */
int
body_numbers_ok(const char *buf, size_t len, json_t *p, const char *prefix)
{
	size_t	pos = 0, start, end;
	char	name[160], key[128];
	int	ok = 1;

	while (api_json_next_number(buf, len, &pos, &start, &end)) {
		if (body_number_ok(buf + start, end - start))
			continue;
		if (p != NULL) {
			if (body_member_at(buf, end, key, sizeof(key)))
				(void)snprintf(name, sizeof(name), "%s/%s", prefix, key);
			else
				(void)snprintf(name, sizeof(name), "%s", *prefix != '\0' ? prefix : "body");
			(void)problem_add_invalid(p, name, "een getal buiten bereik (meer dan 1000 cijfers of "
			    "een exponent boven 1000)");
		}
		ok = 0;
	}
	return (ok);
}

/*
 * The key of the member whose value ends at pos in the JSON text buf: back
 * over the value (a number) and the colon to the key's closing quote, then
 * to its opening one. Copies the key (as written) into key and returns 1;
 * returns 0 when the value is not a member's (an item of a list).
 */
static int
body_member_at(const char *buf, size_t pos, char *key, size_t keylen)
{
	size_t	end, i, bs;

	i = pos;
	while (i > 0 && buf[i - 1] != '\0' && strchr("0123456789+-.eE \t\r\n", buf[i - 1]) != NULL)
		i--;
	if (i == 0 || buf[i - 1] != ':')
		return (0);
	for (i--; i > 0 && buf[i - 1] != '\0' && strchr(" \t\r\n", buf[i - 1]) != NULL; i--)
		;
	if (i == 0 || buf[i - 1] != '"')
		return (0);
	end = --i;
	while (i > 0) {
		i--;
		if (buf[i] != '"')
			continue;
		for (bs = 0; bs < i && buf[i - 1 - bs] == '\\'; bs++)
			;
		if (bs % 2 == 0)
			break;
	}
	if (buf[i] != '"' || end - i - 1 >= keylen)
		return (0);
	memcpy(key, buf + i + 1, end - i - 1);
	key[end - i - 1] = '\0';
	return (1);
}

static int
body_depth_ok(json_t *j, int depth)
{
	const char	*key;
	json_t		*v;
	size_t		 i;

	if (!json_is_object(j) && !json_is_array(j))
		return (1);
	if (depth > BODY_DEPTH_MAX)
		return (0);
	if (json_is_object(j)) {
		json_object_foreach(j, key, v) {
			if (!body_depth_ok(v, depth + 1))
				return (0);
		}
	} else {
		json_array_foreach(j, i, v) {
			if (!body_depth_ok(v, depth + 1))
				return (0);
		}
	}
	return (1);
}

/* A Dutch reason for jansson's error codes; the English text stays out. */
static const char *
body_reason(enum json_error_code code)
{
	switch (code) {
	case json_error_duplicate_key:
		return ("een sleutel komt twee keer voor");
	case json_error_invalid_utf8:
		return ("ongeldige UTF-8");
	case json_error_premature_end_of_input:
		return ("de JSON houdt te vroeg op");
	case json_error_end_of_input_expected:
		return ("na de JSON volgt nog tekst");
	case json_error_null_character:
	case json_error_null_byte_in_key:
		return ("een NUL-teken is niet toegestaan");
	case json_error_numeric_overflow:
		return ("een getal is te groot");
	case json_error_stack_overflow:
		return ("te diep genest");
	default:
		return ("ongeldige syntaxis");
	}
}
