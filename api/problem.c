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
 * problem+json documents (RFC 9457) with Dutch titles. Builds the object only;
 * api.c sends it. No Kore dependency: unit-tested in tests/unit.
 */

#include <string.h>

#include "lakmoes.h"

static const struct {
	int		 status;
	const char	*title;
} problem_titles[] = {
	{ 400, "Ongeldig verzoek" },
	{ 401, "Niet geauthenticeerd" },
	{ 403, "Geen toegang" },
	{ 404, "Niet gevonden" },
	{ 405, "Methode niet toegestaan" },
	{ 406, "Formaat niet beschikbaar" },
	{ 409, "Conflict" },
	{ 411, "Lengte vereist" },
	{ 412, "Voorwaarde niet voldaan" },
	{ 413, "Verzoek te groot" },
	{ 415, "Mediatype niet ondersteund" },
	{ 422, "Niet verwerkbaar" },
	{ 428, "Voorwaarde vereist" },
	{ 429, "Te veel verzoeken" },
	{ 431, "Headers te groot" },
	{ 500, "Interne fout" },
	{ 503, "Dienst niet beschikbaar" },
	{ 0, NULL }
};

/* The Dutch title for an HTTP status; a generic one for unlisted codes. */
const char *
problem_title(int status)
{
	int	i;

	for (i = 0; problem_titles[i].title != NULL; i++) {
		if (problem_titles[i].status == status)
			return (problem_titles[i].title);
	}
	return (status >= 500 ? "Serverfout" : "Fout in het verzoek");
}

/*
 * Returns a new problem object {type, title, status, detail}, or NULL when
 * memory runs out. A 400 also gets an (empty) invalidParams list that
 * problem_add_invalid() fills.
 */
json_t *
problem_new(int status, const char *detail)
{
	json_t	*p;

	p = json_pack("{s:s, s:s, s:i, s:s}",
	    "type", "about:blank",
	    "title", problem_title(status),
	    "status", status,
	    "detail", detail != NULL ? detail : problem_title(status));
	if (p == NULL)
		return (NULL);
	if (status == 400 && json_object_set_new(p, "invalidParams", json_array()) != 0) {
		json_decref(p);
		return (NULL);
	}
	return (p);
}

/*
 * Adds {name, reason} to the problem's invalidParams (created if needed).
 * name says where: a query parameter, a JSON pointer into the body, a header.
 * Returns 1 on success.
 */
int
problem_add_invalid(json_t *p, const char *name, const char *reason)
{
	json_t	*list;

	if ((list = json_object_get(p, "invalidParams")) == NULL) {
		if (json_object_set_new(p, "invalidParams", json_array()) != 0)
			return (0);
		list = json_object_get(p, "invalidParams");
	}
	return (json_array_append_new(list,
	    json_pack("{s:s, s:s}", "name", name, "reason", reason)) == 0);
}
