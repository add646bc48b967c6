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

#include "lakmoes.h"

static int	body_depth_ok(json_t *, int);
static const char *body_reason(enum json_error_code);

/*
 * Returns the parsed document (a new reference), or NULL with *problem set
 * to a new 400 problem whose invalidParams names the position.
 */
json_t *
body_parse_json(const char *buf, size_t len, json_t **problem)
{
	json_error_t	 err;
	json_t		*doc;
	char		 reason[256];

	*problem = NULL;
	if (len == 0) {
		*problem = problem_new(400, "de body is leeg; verwacht wordt JSON");
		if (*problem != NULL)
			(void)problem_add_invalid(*problem, "body", "leeg");
		return (NULL);
	}
	doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	if (doc == NULL) {
		(void)snprintf(reason, sizeof(reason), "regel %d, kolom %d: %s",
		    err.line, err.column, body_reason(json_error_code(&err)));
		*problem = problem_new(400, "de body is geen geldige JSON");
		if (*problem != NULL)
			(void)problem_add_invalid(*problem, "body", reason);
		return (NULL);
	}
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
