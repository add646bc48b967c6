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
 * GET /v1/sectormonitor and GET /v1/transitiemonitor: the precomputed
 * monitors (mart, R__10_mart.sql) as published by api.sectormonitor and
 * api.transitiemonitor, which apply disclosure control per caller. Public
 * (a token only widens what is shown raw); JSON, CSV or Excel (a page as a
 * sheet, xlsx_table); keyset pages on the
 * row's id, which is its key: indicator/periode/gebied for the sector
 * monitor, periode/onderdeel/… for the transition monitor. The sector
 * monitor's row comparison on the key uses the mart's indexes; the
 * transition monitor is small (a few hundred rows per half year). Both are
 * read by dashboards over and over: their statements are kept prepared per
 * connection (db.c), so a request does not parse and plan them again.
 */

#include "lakmoes.h"

static const struct list_resource sectormonitor = {
	.path = "/v1/sectormonitor",
	.sql = "SELECT s.* FROM api.sectormonitor s "
	    "WHERE (s.indicator, s.periode, s.gebied) > "
	    "(split_part($1, '/', 1), split_part($1, '/', 2), split_part($1, '/', 3)) "
	    "AND ($3::text IS NULL OR s.periode = $3) "
	    "AND ($4::text IS NULL OR s.gebied = ANY (string_to_array($4, ','))) "
	    "AND ($5::text IS NULL OR s.indicator = $5) "
	    "AND ($6::text IS NULL OR s.thema = $6) "
	    "AND ($7::text IS NULL OR s.validatiestatus = $7) "
	    "AND ($8::text IS NULL OR s.monitoringtype = $8) "
	    "AND ($9::text IS NULL OR s.\"gebiedSoort\" = $9) "
	    "ORDER BY s.indicator, s.periode, s.gebied LIMIT $2::int",
	.filters = {
		{ "periode", "^[0-9]{4}(-Q[1-4]|-H[12])?$", "een periode: JJJJ, JJJJ-Hn of JJJJ-Qn", 0 },
		{ "gebied", GEBIED_CODES_PATTERN,
		  "een gebiedscode, zoals NL, GM0363 of PT05, of tot 50 codes met komma's ertussen", 0 },
		{ "indicator", "^[A-Z][A-Z0-9_]{1,39}$", "een indicatorcode, zoals EFF_TIJDIGHEID", 0 },
		{ "thema", THEMA_PATTERN, THEMA_LIST, 0 },
		{ "validatiestatus", "^(in_ontwikkeling|gevalideerd|vervallen)$",
		  "in_ontwikkeling, gevalideerd of vervallen", 0 },
		{ "monitoringtype", "^(landelijk|diagnostisch)$", "landelijk of diagnostisch", 0 },
		{ "gebiedSoort", GEBIED_SOORT_PATTERN, "land, provincie, jeugdregio, veiligthuisregio, "
		  "veiligheidsregio, gemeente, proeftuin of vergelijking", 0 },
	},
	.prepare = 1,
	.xlsx = "sectormonitor",
};

static const struct list_resource transitiemonitor = {
	.path = "/v1/transitiemonitor",
	.sql = "SELECT t.* FROM api.transitiemonitor t "
	    "WHERE t.id > $1 "
	    "AND ($3::text IS NULL OR t.periode = $3) "
	    "AND ($4::text IS NULL OR t.onderdeel = $4) "
	    "ORDER BY t.id LIMIT $2::int",
	.filters = {
		{ "periode", "^[0-9]{4}-H[12]$", "een halfjaar: JJJJ-H1 of JJJJ-H2", 0 },
		{ "onderdeel", "^(effecten|acties|mijlpalen|kennisopdrachten|spreiding|begroting|helikopterblik)$",
		  "effecten, acties, mijlpalen, kennisopdrachten, spreiding, begroting of helikopterblik", 0 },
	},
	.prepare = 1,
	.xlsx = "transitiemonitor",
};

/*
 * GET /v1/blinde-vlekken: the blind spots of the programme's knowledge
 * (api.blinde_vlekken, R__07): every result against every category of
 * horizon, gelaagdheid, cyclusfase, makelaarsrol and aard, with the number
 * of knowledge assignments. Public: totals only.
 */
static const struct list_resource blinde_vlekken = {
	.path = "/v1/blinde-vlekken",
	.sql = "SELECT b.* FROM api.blinde_vlekken b WHERE b.id > $1 "
	    "AND ($3::text IS NULL OR b.dimensie = $3) "
	    "AND ($4::int IS NULL OR b.resultaat = $4::int) "
	    "AND ($5::text IS NULL OR ($5 = 'true') = (b.leeg OR b.dun)) "
	    "ORDER BY b.id LIMIT $2::int",
	.filters = {
		{ "dimensie", "^(horizon|gelaagdheid|cyclusfase|makelaarsrol|aard)$",
		  "horizon, gelaagdheid, cyclusfase, makelaarsrol of aard", 0 },
		{ "resultaat", "^[1-9]$", "het nummer van een gewenst resultaat (1-6)", 0 },
		{ "blind", "^(true|false)$", "true (alleen lege en dunne cellen) of false", 0 },
	},
	.xlsx = "blinde-vlekken",
};

/*
 * GET /v1/rvt-rangorde?weging=N[&vergelijkMet=M]: the RVT variants ranked
 * under a weighting (api.rvt_rangorde, R__07), and beside it how the rank
 * moves under another. For members, as the registers.
 */
static const struct list_resource rvt_rangorde = {
	.path = "/v1/rvt-rangorde",
	.sql = "SELECT a.id, a.weging, a.variant, a.\"variantNaam\", a.totaal, a.gescoord, a.criteria, a.volledig, a.rang, "
	    "b.weging AS \"vergelijkMet\", b.totaal AS \"totaalVergelijk\", b.rang AS \"rangVergelijk\", "
	    "b.rang - a.rang AS verschuiving "
	    "FROM api.rvt_rangorde a "
	    "LEFT JOIN api.rvt_rangorde b ON b.variant = a.variant AND b.weging = $4::int "
	    "WHERE a.id > $1 AND a.weging = $3::int "
	    "ORDER BY a.id LIMIT $2::int",
	.filters = {
		{ "weging", "^[1-9][0-9]{0,8}$", "het id van een weging (/v1/rvt-wegingen)", 1 },
		{ "vergelijkMet", "^[1-9][0-9]{0,8}$", "het id van een tweede weging", 0 },
	},
	.xlsx = "rvt-rangorde",
};

static const struct api_route rvt_rangorde_route =
    LIST_ROUTE("rvt-rangorde", HTTP_METHOD_GET, API_AUTH_REQUIRED, rvt_rangorde);

int
rvt_rangorde_list(struct http_request *req)
{
	return (api_handle(req, &rvt_rangorde_route));
}

static const struct api_route blinde_vlekken_route =
    LIST_ROUTE("blinde-vlekken", HTTP_METHOD_GET, API_AUTH_OPTIONAL, blinde_vlekken);

int
blinde_vlekken_list(struct http_request *req)
{
	return (api_handle(req, &blinde_vlekken_route));
}

static const struct api_route sectormonitor_route =
    LIST_ROUTE("sectormonitor", HTTP_METHOD_GET, API_AUTH_OPTIONAL, sectormonitor);
static const struct api_route transitiemonitor_route =
    LIST_ROUTE("transitiemonitor", HTTP_METHOD_GET, API_AUTH_OPTIONAL, transitiemonitor);

int
sectormonitor_list(struct http_request *req)
{
	return (api_handle(req, &sectormonitor_route));
}

int
transitiemonitor_list(struct http_request *req)
{
	return (api_handle(req, &transitiemonitor_route));
}
