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
 * GET /v1/waarnemingen: observations, the current value per indicator ×
 * area × period or, with peildatum, the values as they stood then. Filters
 * indicator, gebied, periode, periodeVan, periodeTot, status; JSON or CSV;
 * paged on the observation id.
 */

#include "lakmoes.h"

#define PERIODE_ANY	"^[0-9]{4}(-Q[1-4]|-H[12])?$"

static const struct list_resource waarnemingen = {
	.path = "/v1/waarnemingen",
	.sql = "SELECT w.* FROM api.waarnemingen_op($9::timestamptz) w "
	    "JOIN ref.perioden p ON p.periode_code = w.periode "
	    "WHERE w.id > coalesce(nullif($1, '')::bigint, -1) "
	    "AND ($3::text IS NULL OR w.indicator = $3) "
	    "AND ($4::text IS NULL OR w.gebied = $4) "
	    "AND ($5::text IS NULL OR w.periode = $5) "
	    "AND ($6::text IS NULL OR p.begin_date >= "
	    "(SELECT v.begin_date FROM ref.perioden v WHERE v.periode_code = $6)) "
	    "AND ($7::text IS NULL OR p.eind_date <= "
	    "(SELECT t.eind_date FROM ref.perioden t WHERE t.periode_code = $7)) "
	    "AND ($8::text IS NULL OR w.status = $8) "
	    "ORDER BY w.id LIMIT $2::int",
	.filters = {
		{ "indicator", "^[A-Z][A-Z0-9_]{1,39}$", "een indicatorcode, zoals EFF_TIJDIGHEID", 0 },
		{ "gebied", "^(NL|PV[0-9]{2}|JZ[0-9]{2}|VT[0-9]{2}|VR[0-9]{2}|GM[0-9]{4}|PT[0-9]{2})$",
		  "een gebiedscode, zoals NL, GM0363 of PT05", 0 },
		{ "periode", PERIODE_ANY, "een periode: JJJJ, JJJJ-Hn of JJJJ-Qn", 0 },
		{ "periodeVan", PERIODE_ANY, "een periode: JJJJ, JJJJ-Hn of JJJJ-Qn", 0 },
		{ "periodeTot", PERIODE_ANY, "een periode: JJJJ, JJJJ-Hn of JJJJ-Qn", 0 },
		{ "status", "^(voorlopig|nader_voorlopig|definitief)$",
		  "voorlopig, nader_voorlopig of definitief", 0 },
		{ "peildatum",
		  "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$",
		  "een datum of tijdstip in ISO 8601, zoals 2025-07-01 of 2025-07-01T12:00:00Z", 0 },
	},
};

static const struct api_route waarnemingen_route = {
	.name = "waarnemingen",
	.methods = HTTP_METHOD_GET,
	.auth = API_AUTH_REQUIRED,
	.readonly = 1,
	.prepare = list_prepare,
	.row = list_row,
	.respond = list_respond,
	.arg = &waarnemingen,
};

int
waarnemingen_root(struct http_request *req)
{
	return (api_handle(req, &waarnemingen_route));
}
