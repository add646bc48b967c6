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
 * The public reference collections: GET /v1/perioden, /v1/gemeenten,
 * /v1/regios (and /v1/regios/{code}; both, and the gemeenten, also as
 * GeoJSON for maps), /v1/proeftuinen, /v1/indicatoren (and /v1/indicatoren/{code}),
 * /v1/resultaten and /v1/actielijnen. Each is an api view read through
 * list.c; the SQL below is all there is to a resource. $1 cursor, $2 page
 * size + 1, $3… the filters in the order listed.
 */

#include "lakmoes.h"

#define GEBIED_PATTERN	"^(NL|NLR0|PV[0-9]{2}|JZ[0-9]{2}|VT[0-9]{2}|VR[0-9]{2}|PT[0-9]{2}|PTS[0-2])$"

static const struct list_resource perioden = {
	.path = "/v1/perioden",
	.sql = "SELECT * FROM api.perioden WHERE code > $1 "
	    "AND ($3::text IS NULL OR soort = $3) AND ($4::int IS NULL OR jaar = $4::int) "
	    "ORDER BY code LIMIT $2::int",
	.filters = {
		{ "soort", "^(kwartaal|halfjaar|jaar)$", "kwartaal, halfjaar of jaar" },
		{ "jaar", "^20[0-9]{2}$", "een jaartal, zoals 2025" },
	},
};

static const struct list_resource gemeenten = {
	.path = "/v1/gemeenten",
	.sql = "SELECT * FROM api.gemeenten WHERE code > $1 "
	    "AND ($3::text IS NULL OR code IN "
	    "(SELECT gemeente_code FROM ref.gebied_leden_vandaag WHERE gebied_code = $3)) "
	    "ORDER BY code LIMIT $2::int",
	.geo_sql = "SELECT code, feature FROM api.gemeentekaart WHERE code > $1 "
	    "AND ($3::text IS NULL OR code IN "
	    "(SELECT gemeente_code FROM ref.gebied_leden_vandaag WHERE gebied_code = $3)) "
	    "ORDER BY code LIMIT $2::int",
	.filters = {
		{ "regio", GEBIED_PATTERN,
		  "een gebiedscode: NL, NLR0, PVnn, JZnn, VTnn, VRnn, PTnn of PTS0-PTS2, zoals JZ13" },
	},
};

static const struct list_resource regios = {
	.path = "/v1/regios",
	.sql = "SELECT * FROM api.regios WHERE code > $1 "
	    "AND ($3::text IS NULL OR soort = $3) ORDER BY code LIMIT $2::int",
	.item_sql = "SELECT * FROM api.regios WHERE code = $1",
	.geo_sql = "SELECT code, feature FROM api.regiokaart WHERE code > $1 "
	    "AND ($3::text IS NULL OR soort = $3) ORDER BY code LIMIT $2::int",
	.geo_item_sql = "SELECT feature FROM api.regiokaart WHERE code = $1",
	.filters = {
		{ "soort", "^(jeugdregio|veiligthuisregio|veiligheidsregio|provincie|vergelijking)$",
		  "jeugdregio, veiligthuisregio, veiligheidsregio, provincie of vergelijking" },
	},
};

static const struct list_resource proeftuinen = {
	.path = "/v1/proeftuinen",
	.sql = "SELECT * FROM api.proeftuinen WHERE code > $1 "
	    "AND ($3::int IS NULL OR tranche = $3::int) ORDER BY code LIMIT $2::int",
	.filters = {
		{ "tranche", "^[12]$", "1 of 2" },
	},
};

static const struct list_resource indicatoren = {
	.path = "/v1/indicatoren",
	.sql = "SELECT * FROM api.indicatoren WHERE code > $1 "
	    "AND ($3::text IS NULL OR soort = $3) "
	    "AND ($4::text IS NULL OR monitoringtype = $4) "
	    "AND ($5::text IS NULL OR validatiestatus = $5) "
	    "ORDER BY code LIMIT $2::int",
	.item_sql = "SELECT * FROM api.indicatoren WHERE code = $1",
	.filters = {
		{ "soort", "^(maatschappelijk_doel|proces|output|outcome|context)$",
		  "maatschappelijk_doel, proces, output, outcome of context" },
		{ "monitoringtype", "^(landelijk|diagnostisch)$", "landelijk of diagnostisch" },
		{ "validatiestatus", "^(in_ontwikkeling|gevalideerd|vervallen)$",
		  "in_ontwikkeling, gevalideerd of vervallen" },
	},
};

static const struct list_resource resultaten = {
	.path = "/v1/resultaten",
	.sql = "SELECT * FROM api.resultaten WHERE code > $1 ORDER BY code LIMIT $2::int",
};

static const struct list_resource actielijnen = {
	.path = "/v1/actielijnen",
	.sql = "SELECT * FROM api.actielijnen WHERE code > $1 ORDER BY code LIMIT $2::int",
};

static const struct api_route perioden_route =
    LIST_ROUTE("perioden", HTTP_METHOD_GET, API_AUTH_OPTIONAL, perioden);
static const struct api_route gemeenten_route =
    LIST_ROUTE("gemeenten", HTTP_METHOD_GET, API_AUTH_OPTIONAL, gemeenten);
static const struct api_route regios_route =
    LIST_ROUTE("regios", HTTP_METHOD_GET, API_AUTH_OPTIONAL, regios);
static const struct api_route regio_route =
    LIST_ROUTE("regio", HTTP_METHOD_GET, API_AUTH_OPTIONAL, regios);
static const struct api_route proeftuinen_route =
    LIST_ROUTE("proeftuinen", HTTP_METHOD_GET, API_AUTH_OPTIONAL, proeftuinen);
static const struct api_route indicatoren_route =
    LIST_ROUTE("indicatoren", HTTP_METHOD_GET | HTTP_METHOD_POST, API_AUTH_OPTIONAL, indicatoren);
static const struct api_route indicator_route =
    LIST_ROUTE("indicator", HTTP_METHOD_GET | HTTP_METHOD_PATCH, API_AUTH_OPTIONAL, indicatoren);
static const struct api_route resultaten_route =
    LIST_ROUTE("resultaten", HTTP_METHOD_GET, API_AUTH_OPTIONAL, resultaten);
static const struct api_route actielijnen_route =
    LIST_ROUTE("actielijnen", HTTP_METHOD_GET, API_AUTH_OPTIONAL, actielijnen);

int
perioden_list(struct http_request *req)
{
	return (api_handle(req, &perioden_route));
}

int
gemeenten_list(struct http_request *req)
{
	return (api_handle(req, &gemeenten_route));
}

int
regios_list(struct http_request *req)
{
	return (api_handle(req, &regios_route));
}

int
regio_get(struct http_request *req)
{
	return (api_handle(req, &regio_route));
}

int
proeftuinen_list(struct http_request *req)
{
	return (api_handle(req, &proeftuinen_route));
}

/* Writes to the catalogue are catalogus.c's. */
int
indicatoren_list(struct http_request *req)
{
	if (req->method == HTTP_METHOD_POST)
		return (catalogus_indicator_create(req));
	return (api_handle(req, &indicatoren_route));
}

int
indicator_get(struct http_request *req)
{
	if (req->method == HTTP_METHOD_PATCH)
		return (catalogus_indicator_patch(req));
	return (api_handle(req, &indicator_route));
}

int
resultaten_list(struct http_request *req)
{
	return (api_handle(req, &resultaten_route));
}

int
actielijnen_list(struct http_request *req)
{
	return (api_handle(req, &actielijnen_route));
}
