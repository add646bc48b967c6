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
 * The Lakmoes API layer. The first three blocks (token.c, problem.c,
 * sqlstate.c) do not depend on Kore and are unit-tested on their own; the
 * rest runs inside Kore workers.
 */

#ifndef LAKMOES_H
#define LAKMOES_H

#include <sys/types.h>

#include <jansson.h>
#include <jwt.h>
#include <stddef.h>
#include <time.h>

#define LAKMOES_API_VERSION	"0.1.0"

/* token.c */
#define TOKEN_MAX_LEN		4096
#define TOKEN_LEEWAY		30
#define TOKEN_SUB_MAX		128
#define TOKEN_ROLE_MAX		32
#define TOKEN_ORG_MAX		64

struct token_config {
	jwt_alg_t		 alg;
	const unsigned char	*key;
	size_t			 keylen;
	const char		*issuer;
	const char		*audience;
	int			 leeway;
};

struct token_claims {
	char			 sub[TOKEN_SUB_MAX];
	char			 role[TOKEN_ROLE_MAX];
	char			 org[TOKEN_ORG_MAX];
	long long		 exp;
	json_t			*json;
};

int		 token_verify(const struct token_config *, const char *,
		    time_t, struct token_claims *, char *, size_t);
int		 token_check_claims(const struct token_config *, json_t *,
		    time_t, struct token_claims *, char *, size_t);
int		 token_role_known(const char *);
void		 token_claims_clear(struct token_claims *);
jwt_alg_t	 token_alg_parse(const char *);

/* problem.c */
json_t		*problem_new(int, const char *);
int		 problem_add_invalid(json_t *, const char *, const char *);
const char	*problem_title(int);

/* b64url.c */
char		*b64url_encode(const void *, size_t);
int		 b64url_decode(const char *, size_t, char **, size_t *);

/* query.c */
#define QUERY_PARAMS_MAX	16

struct query_param {
	const char	*name;
	const char	*value;
};

struct query {
	char			*buf;
	int			 n;
	struct query_param	 p[QUERY_PARAMS_MAX];
};

int		 query_parse(const char *, struct query *, json_t *);
const char	*query_get(const struct query *, const char *);
void		 query_clear(struct query *);
int		 query_append(char *, size_t, const char *, const char *);

/* sqlbind.c; DB_PARAMS_MAX: the most placeholders a statement has (db.c). */
#define DB_PARAMS_MAX		16

struct sqlbind {
	int		 nparams;
	const char	*const *params;
	char		*(*escape)(void *, const char *, size_t);
	void		 (*release)(void *);
	void		*arg;
};

int		 sqlbind_append(struct sqlbind *, const char *, char **,
		    size_t *, size_t *);
int		 sqlbind_text(char **, size_t *, size_t *, const char *);
int		 sqlbind_specialise(const struct sqlbind *, const char *,
		    char **, size_t *, size_t *, int *, int *);
int		 sqlbind_arguments(struct sqlbind *, const int *, int, char **,
		    size_t *, size_t *);

/* A growing output buffer (doubling; KORE.md §6.4). */
struct api_buf {
	char		*p;
	size_t		 len;
	size_t		 cap;
};

/* csv.c */
#define CSV_FIELDS_MAX		32
#define CSV_FIELD_MAX		65536

/* A row: its fields, each NUL-terminated and len[i] bytes long. */
struct csv_row {
	int		 n;
	char		*field[CSV_FIELDS_MAX];
	size_t		 len[CSV_FIELDS_MAX];
};

struct csv_parser {
	char		 delim;		/* '\0' until the header line is read */
	int		 line;
	int		 start;		/* the line the current row began on */
	int		 state;
	int		 failed;
	char		 err[128];
	struct api_buf	 head;		/* the header line, until delim is known */
	struct api_buf	 field;
	struct csv_row	 row;
	int		(*cb)(void *, int, struct csv_row *);
	void		*arg;
};

void		 csv_init(struct csv_parser *, int (*)(void *, int, struct csv_row *),
		    void *);
int		 csv_feed(struct csv_parser *, const char *, size_t);
int		 csv_finish(struct csv_parser *);
void		 csv_parser_clear(struct csv_parser *);
int		 csv_parse(const char *, size_t, char *,
		    int (*)(void *, int, struct csv_row *), void *, char *, size_t);
void		 csv_row_clear(struct csv_row *);

/* negotiate.c */
#define API_NEG_OFFERS_MAX	8

int		 neg_pick(const char *, const char *const *, size_t);
int		 neg_gzip(const char *);

/* body.c */
#define BODY_DEPTH_MAX		16
#define BODY_NUMBER_DIGITS	1000

json_t		*body_parse_json(const char *, size_t, json_t **);
void		 body_add_error(json_t *, const char *, size_t, const json_error_t *,
		    const char *);
int		 body_number_ok(const char *, size_t);
int		 body_numbers_ok(const char *, size_t, json_t *, const char *);

/* sqlstate.c */
struct sqlstate_map {
	const char	*prefix;
	int		 status;
	const char	*detail;
};

const struct sqlstate_map	*sqlstate_lookup(const char *);

/* buf.c: the buffer and JSON text written into it (no Kore). */
int		 api_buf_add(struct api_buf *, const void *, size_t);
int		 api_buf_dump_cb(const char *, size_t, void *);
int		 api_buf_json_string(struct api_buf *, const char *, size_t);
int		 api_json_number(const char *, size_t);
int		 api_buf_json_safe(struct api_buf *, const char *, size_t);
int		 api_json_next_number(const char *, size_t, size_t *, size_t *, size_t *);

#if defined(KORE_USE_PGSQL)
#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

/* config.c */
struct lakmoes_config {
	struct token_config	 token;
	char			*secret;
	char			*dburl;
	const char		*cors;		/* LAKMOES_CORS_ORIGINS; NULL: any origin */
	int			 gzip_level;	/* LAKMOES_GZIP_LEVEL; 0: never gzip */
};

extern struct lakmoes_config	config;

int		 config_load(char *, size_t);
int		 config_key_file(char *, size_t);

/* api.c */
#define API_REQID_LEN		32
#define API_BODY_MAX_DEFAULT	(1024 * 1024)
#define API_LOAD_BODY_MAX	(64 * 1024 * 1024)	/* a bulk load (waarnemingen.c) */
#define API_HEADER_BYTES_MAX	8192
/*
 * The longest key a route takes from its path, with room to spare: codes are
 * at most 40 characters (indicators, registers), ids at most 18 digits. A
 * longer key cannot name anything (404).
 */
#define API_KEY_MAX		128

#define API_AUTH_OPTIONAL	0
#define API_AUTH_REQUIRED	1

struct api_ctx;

struct api_route {
	const char	*name;
	int		 methods;
	int		 auth;
	size_t		 body_max;
	int		 readonly;
	int		 (*prepare)(struct api_ctx *);
	int		 (*row)(struct api_ctx *, struct kore_pgsql *);
	void		 (*respond)(struct api_ctx *);
	const void	*arg;
	const char	*timeout;
	int		 dryrun;	/* a write that takes ?proefrun=true|false */
	/*
	 * A write whose body goes to the database in parts (db.c): sets
	 * ctx->tx.feed_sql (one placeholder, bound to feed_param) to the next
	 * part's statement, or to NULL when the body is done; returns
	 * KORE_RESULT_ERROR after a refusal (ctx->refusal) or a failure.
	 */
	int		 (*feed)(struct api_ctx *);
};

struct db_tx {
	struct kore_pgsql	 sql;
	struct http_request	*req;
	int			 slot;		/* holds one of the pool's places */
	int			 waiting;	/* in line for one (db.c) */
	TAILQ_ENTRY(db_tx)	 line;
	int			 connected;	/* holds a connection (db.c) */
	TAILQ_ENTRY(db_tx)	 conns;
	const char		*query;
	int			 nparams;
	const char		*params[DB_PARAMS_MAX];
	int			 prepare;	/* keep query prepared (db.c) */
	int			 phase;
	int			 result_no;
	int			 route_result;	/* which result is the route's */
	int			 attempts;
	int			 failure;
	const char		*feed_sql;	/* the next part (route->feed) */
	const char		*feed_param;
	int			 feeding;	/* the transaction is open for more parts */
	int			 feed_failed;	/* the next part could not be made */
	char			 sqlstate[6];
	char			*message;
	char			*detail;
	char			*constraint;
};

/* list.c: a paginated collection read from one api view. */
/* Area codes as query filters: every soort of ref.gebieden (V003, V033). */
#define GEBIED_CODE_ALT		"(NL|NLR0|PV[0-9]{2}|JZ[0-9]{2}|VT[0-9]{2}|VR[0-9]{2}|GM[0-9]{4}|PT[0-9]{2}|PTS[0-2])"
#define GEBIED_CODE_PATTERN	"^" GEBIED_CODE_ALT "$"
/* up to 50 codes, separated by commas */
#define GEBIED_CODES_PATTERN	"^" GEBIED_CODE_ALT "(," GEBIED_CODE_ALT "){0,49}$"
#define GEBIED_SOORT_PATTERN	"^(land|provincie|jeugdregio|veiligthuisregio|veiligheidsregio|gemeente|proeftuin|vergelijking)$"
#define THEMA_PATTERN	"^(werking_stelsel|betekenis_doelgroep|veiligheid_doelgroep|"	\
	"veiligheid_professionals|effect_tijdigheid|effect_gedwongen_kader|"	\
	"effect_terugval|effect_vertrouwen|bevolking)$"
#define THEMA_LIST	"werking_stelsel, betekenis_doelgroep, veiligheid_doelgroep, "	\
	"veiligheid_professionals, effect_tijdigheid, effect_gedwongen_kader, effect_terugval, "	\
	"effect_vertrouwen of bevolking"

#define LIST_LIMIT_DEFAULT	100
#define LIST_LIMIT_MAX		1000
#define LIST_CURSOR_MAX		256
#define LIST_FILTERS_MAX	8

struct list_filter {
	const char	*name;
	const char	*pattern;
	const char	*reason;
	int		 required;
};

struct list_resource {
	const char		*path;
	const char		*sql;
	const char		*item_sql;
	struct list_filter	 filters[LIST_FILTERS_MAX];
	int			 prepare;	/* keep sql prepared (db.c) */
	const char		*xlsx;		/* also as Excel: the sheet and file name */
	const char		*geo_sql;	/* also as GeoJSON: rows of (key, Feature) */
	const char		*geo_item_sql;	/* one Feature by key */
};

struct api_list {
	struct query		 q;
	int			 csv;
	int			 xlsx;
	int			 geo;
	int			 item;
	int			 created;
	long			 limit;
	long			 rows;
	int			 more;
	char			*last;
	char			*cursor;
	char			 limitbuf[24];
	struct api_buf		 out;
	json_t			*sheet;		/* Excel: {"columns": […], "rows": […]} */
};

struct api_ctx {
	struct http_request	*req;
	const struct api_route	*route;
	char			 reqid[API_REQID_LEN + 1];
	struct timespec		 started;
	struct token_claims	 claims;
	const char		*role;
	char			*claims_text;
	struct db_tx		 tx;
	json_t			*out;
	struct api_list		 list;
	json_t			*refusal;
	json_t			*doc;
	char			*body;
	char			 keybuf[API_KEY_MAX + 1];
	char			 statusbuf[8];
	char			 etag[40];
	char			 ifmatch[40];
	char			 resource[32];
	int			 dryrun;
	const char		*cache;		/* Cache-Control of a 200, if not the default */
	void			*state;		/* the route's own, freed by state_free */
	void			 (*state_free)(void *);
};

int		 api_handle(struct http_request *, const struct api_route *);
void		 api_problem(struct api_ctx *, int, const char *);
void		 api_problem_json(struct api_ctx *, json_t *);
void		 api_send_json(struct api_ctx *, int, json_t *);
void		 api_send_raw(struct api_ctx *, int, const char *,
		    const void *, size_t);
void		 api_common_headers(struct api_ctx *, int);
void		 api_send_buf(struct api_ctx *, int, const char *,
		    struct api_buf *);
int		 api_wants_csv(struct api_ctx *, int *);

/* A body that lives as long as the worker, sent without a copy. */
struct api_static {
	const char	*p;
	size_t		 len;
	struct api_buf	 gz;		/* gzipped, when worth it */
	char		 etag[24];
};

int		 api_static_init(struct api_static *, const char *, size_t);
void		 api_send_static(struct api_ctx *, const char *, const struct api_static *);
int		 api_accept(struct api_ctx *, const char *const *, size_t);
const char	*api_method_name(int);
void		 api_refuse(struct api_ctx *, json_t *);
void		 api_poging(struct api_ctx *, int, const char *);

/* write.c */
#define WRITE_ANY	(-1)
#define WRITE_NUMBER	(-2)

struct write_field {
	const char	*name;
	int		 type;
	int		 required;
};

json_t		*write_body(struct api_ctx *);
int		 write_object(json_t *, const struct write_field *, json_t *,
		    const char *);
int		 write_path_id(struct api_ctx *, const char *);
int		 write_item_body(struct api_ctx *, const struct write_field *,
		    const char *, json_t **);
void		 write_if_match(struct api_ctx *);
int		 write_content_type(struct api_ctx *, const char *);

/* list.c */
/* A read-only route that answers a list_resource (its collection and items). */
#define LIST_ROUTE(rname, m, a, res) {					\
	.name = rname,							\
	.methods = m,							\
	.auth = a,							\
	.readonly = 1,							\
	.prepare = list_prepare,					\
	.row = list_row,						\
	.respond = list_respond,					\
	.arg = &res,							\
}

int		 list_prepare(struct api_ctx *);
int		 list_row(struct api_ctx *, struct kore_pgsql *);
void		 list_respond(struct api_ctx *);
void		 list_clear(struct api_list *);

/* conn.c: bodies are read only when the caller may send them. */
#define CONN_BODY_MEMORY	65536	/* read into memory; larger: to disk */
#define CONN_UPLOADS_MAX	4	/* large bodies on disk at once, per worker */
#define CONN_DRAIN_MAX		(8 * 1024 * 1024)	/* of a withheld body, dropped */
#define CONN_DRAIN_MS		5000

void		 api_connect(struct connection *);
void		 conn_init(void);
void		 conn_restart(struct connection *);
int		 conn_body_withheld(struct http_request *);
void		 conn_drain_responded(struct connection *);

/* pogingen.c: refusals before the caller is known, counted per minute. */
void		 pogingen_start(void);
void		 pogingen_stop(void);
void		 poging_tel(const char *, const char *, const char *, int,
		    const char *, const char *, const char *);

/* auth.c */
int		 auth_request(struct api_ctx *, int);

/* db.c */
#define DB_FAIL_NONE		0
#define DB_FAIL_SQL		1
#define DB_FAIL_CONN		2
#define DB_FAIL_RENDER		3

extern struct http_state	db_states[];
extern const u_int8_t		db_nstates;

void		 db_tx_init(struct api_ctx *);
void		 db_pgsql_release(struct kore_pgsql *);
void		 db_tx_release(struct db_tx *);
void		 db_tx_clear_error(struct db_tx *);
int		 db_json_value(struct kore_pgsql *, int, int, json_t **);

/* handlers: health.c, sessie.c, openapi.c, fallback.c, reference.c */
int		 perioden_list(struct http_request *);
int		 gemeenten_list(struct http_request *);
int		 regios_list(struct http_request *);
int		 regio_get(struct http_request *);
int		 blinde_vlekken_list(struct http_request *);
int		 rvt_rangorde_list(struct http_request *);

/* web.c */
int		 web_get(struct http_request *);
void		 web_load(void);
int		 proeftuinen_list(struct http_request *);
int		 indicatoren_list(struct http_request *);
int		 indicator_get(struct http_request *);
int		 resultaten_list(struct http_request *);
int		 vragenlijsten_list(struct http_request *);
int		 vragenlijst_get(struct http_request *);
int		 aanleveringen_root(struct http_request *);
int		 aanlevering_item(struct http_request *);
int		 antwoorden_root(struct http_request *);
int		 volledigheid_get(struct http_request *);
int		 waarnemingen_root(struct http_request *);
int		 catalogus_indicator_create(struct http_request *);
int		 catalogus_indicator_patch(struct http_request *);
int		 streefwaarden_root(struct http_request *);
int		 validatiebesluiten_list(struct http_request *);
int		 register_root(struct http_request *);
int		 rapportages_root(struct http_request *);
int		 sectormonitor_list(struct http_request *);
int		 transitiemonitor_list(struct http_request *);
/* xlsx.c */
/* Browsers (api.c; README, "In a browser" and "Caching") */
#define API_CORS_ALLOW_HEADERS	"Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key"
#define API_CORS_EXPOSE		"ETag, Link, API-Version, X-Request-Id, Content-Disposition, Retry-After, Content-Crs"
#define API_CORS_MAX_AGE	"7200"
#define API_CACHE_PUBLIC	"public, max-age=60, stale-while-revalidate=60"
#define API_GZIP_MIN		1024
#define API_GZIP_LEVEL		1	/* the default; make bench compares */

#define API_GEOJSON_TYPE	"application/geo+json"
/* GeoJSON's coordinates: WGS84, longitude before latitude (ADR geospatial module) */
#define API_CRS84		"http://www.opengis.net/def/crs/OGC/1.3/CRS84"

#define API_XLSX_TYPE	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

int		 xlsx_report(json_t *, struct api_buf *);
int		 xlsx_table(const char *, json_t *, struct api_buf *);
int		 rapportage_get(struct http_request *);
int		 register_item(struct http_request *);
int		 actielijnen_list(struct http_request *);
int		 health_get(struct http_request *);
int		 sessie_get(struct http_request *);
int		 openapi_get(struct http_request *);
int		 fallback_notfound(struct http_request *);
#endif /* KORE_USE_PGSQL */

#endif /* !LAKMOES_H */
