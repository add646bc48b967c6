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
 * The one table that maps PostgreSQL errors to HTTP statuses, by SQLSTATE
 * (never by message text). Custom states raised by the warehouse's own
 * functions use class LK: LK400, LK403, LK404, LK409, LK412, LK422, LK428.
 * No Kore dependency: unit-tested in tests/unit.
 */

#include <string.h>

#include "lakmoes.h"

/* Longest matching prefix wins; the table is ordered specific-first. */
static const struct sqlstate_map sqlstate_table[] = {
	{ "LK400", 400, "de gegevens voldoen niet aan de regels van het magazijn" },
	{ "LK403", 403, "deze rol mag dit niet" },
	{ "LK404", 404, "de gevraagde resource bestaat niet of is niet zichtbaar voor deze rol" },
	{ "LK409", 409, "dit past niet bij de huidige toestand van de resource" },
	{ "LK412", 412, "de resource is gewijzigd sinds u hem las" },
	{ "LK422", 422, "het verzoek past niet bij een eerder verzoek met dezelfde sleutel" },
	{ "LK428", 428, "stuur If-Match met de ETag uit het lezen" },
	{ "42501", 403, "deze rol heeft geen recht op deze gegevens of handeling" },
	{ "23505", 409, "er bestaat al een resource met deze sleutel" },
	{ "23503", 400, "een verwijzing naar een onbekende code of resource" },
	{ "23502", 400, "een verplicht gegeven ontbreekt" },
	{ "23514", 400, "een waarde valt buiten wat toegestaan is" },
	{ "23P01", 409, "dit overlapt met een bestaande resource" },
	{ "22", 400, "een waarde heeft een ongeldig formaat of bereik" },
	{ "54000", 400, "een waarde is te groot om op te slaan" },
	{ "P0002", 404, "de gevraagde resource bestaat niet" },
	{ "40001", 503, "gelijktijdige wijziging; probeer het opnieuw" },
	{ "40P01", 503, "gelijktijdige wijziging; probeer het opnieuw" },
	{ "57014", 503, "de database deed er te lang over; probeer het later opnieuw" },
	{ "57P", 503, "de database is tijdelijk niet beschikbaar" },
	{ "08", 503, "de database is tijdelijk niet beschikbaar" },
	{ "53", 503, "de database heeft tijdelijk te weinig capaciteit" },
	{ NULL, 500, "interne fout bij het verwerken van het verzoek" }
};

/*
 * Returns the mapping for a SQLSTATE; NULL or an unknown state maps to the
 * final row (500). Never returns NULL.
 */
const struct sqlstate_map *
sqlstate_lookup(const char *state)
{
	const struct sqlstate_map	*m;

	for (m = sqlstate_table; m->prefix != NULL; m++) {
		if (state != NULL && strlen(state) == 5 &&
		    !strncmp(state, m->prefix, strlen(m->prefix)))
			return (m);
	}
	return (m);
}
