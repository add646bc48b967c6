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
 * Writes refused before the API knows the caller (401, 405, 408, 413, 431,
 * a token in the URL): counted per minute and key (method, route, status,
 * reason, subject) in the worker, and added to audit.weigeringen (V027)
 * once a second, in a transaction of their own on a connection of their
 * own ("audit", beside the requests' "db"), so that neither a request nor
 * the pool waits for it. At most POGING_KEYS keys are kept per second; what
 * comes beyond them is counted under one key ("(overig)"), so a flood of
 * junk costs a bounded number of rows. A count that cannot be written (the
 * database is down) is logged with its numbers instead.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lakmoes.h"

#define POGING_KEYS		64
#define POGING_INTERVAL		1000	/* ms between writes */

struct poging {
	time_t	 minute;
	char	 method[8];
	char	 route[48];
	int	 status;
	char	 reason[96];
	char	 sub[TOKEN_SUB_MAX];
	int	 count;
	char	 reqid[API_REQID_LEN + 1];
	char	 path[128];
};

static struct poging		 pogingen[POGING_KEYS];
static int			 npogingen;
static struct kore_pgsql	 poging_sql;
static int			 poging_busy;
static u_int64_t		 poging_since;
static char			*poging_text;
static struct kore_timer	*poging_timer;

static void	poging_flush(void *, u_int64_t);
static void	poging_send(void);
static void	poging_done(struct kore_pgsql *, void *);
static char	*poging_json(void);
static void	poging_end(void);

/* Starts the worker's timer; pogingen_stop() before a reload. */
void
pogingen_start(void)
{
	if (poging_timer == NULL)
		poging_timer = kore_timer_add(poging_flush, POGING_INTERVAL, NULL, 0);
}

void
pogingen_stop(void)
{
	if (poging_timer != NULL)
		kore_timer_remove(poging_timer);
	poging_timer = NULL;
}

/*
 * Counts one refusal. sub: the token's subject when its signature held,
 * else NULL. path is stored as its printable ASCII (others as '?').
 */
void
poging_tel(const char *method, const char *route, const char *path, int status,
    const char *reason, const char *sub, const char *reqid)
{
	struct poging	*p;
	time_t		 minute = time(NULL) / 60 * 60;
	size_t		 i;
	int		 k;

	if (sub == NULL)
		sub = "";
	for (k = 0; k < npogingen; k++) {
		p = &pogingen[k];
		if (p->minute == minute && p->status == status && !strcmp(p->method, method) &&
		    !strcmp(p->route, route) && !strcmp(p->reason, reason) && !strcmp(p->sub, sub)) {
			p->count++;
			return;
		}
	}
	if (npogingen == POGING_KEYS) {
		/* full: the last key counts the rest */
		p = &pogingen[POGING_KEYS - 1];
		(void)kore_strlcpy(p->route, "(overig)", sizeof(p->route));
		(void)kore_strlcpy(p->reason, "(overig: te veel verschillende weigeringen)", sizeof(p->reason));
		p->sub[0] = '\0';
		p->count++;
		return;
	}
	p = &pogingen[npogingen++];
	memset(p, 0, sizeof(*p));
	p->minute = minute;
	p->status = status;
	p->count = 1;
	(void)kore_strlcpy(p->method, method, sizeof(p->method));
	(void)kore_strlcpy(p->route, route, sizeof(p->route));
	(void)kore_strlcpy(p->reason, reason, sizeof(p->reason));
	(void)kore_strlcpy(p->sub, sub, sizeof(p->sub));
	(void)kore_strlcpy(p->reqid, reqid != NULL ? reqid : "", sizeof(p->reqid));
	(void)kore_strlcpy(p->path, path != NULL ? path : "", sizeof(p->path));
	for (i = 0; p->path[i] != '\0'; i++) {
		if ((unsigned char)p->path[i] < 0x20 || (unsigned char)p->path[i] > 0x7e)
			p->path[i] = '?';
	}
}

/* The counts as the JSON list audit.weigeringen_tellen() takes, or NULL. */
static char *
poging_json(void)
{
	json_t	*list, *o;
	char	 minute[32], *text;
	int	 k;

	if ((list = json_array()) == NULL)
		return (NULL);
	for (k = 0; k < npogingen; k++) {
		(void)strftime(minute, sizeof(minute), "%Y-%m-%dT%H:%M:00Z", gmtime(&pogingen[k].minute));
		o = json_pack("{s:s, s:s, s:s, s:i, s:s, s:s?, s:i, s:s, s:s}",
		    "minuut", minute, "methode", pogingen[k].method, "route", pogingen[k].route,
		    "status", pogingen[k].status, "reden", pogingen[k].reason,
		    "sub", pogingen[k].sub[0] != '\0' ? pogingen[k].sub : NULL,
		    "aantal", pogingen[k].count, "request", pogingen[k].reqid, "pad", pogingen[k].path);
		if (o == NULL || json_array_append_new(list, o) != 0) {
			json_decref(list);
			return (NULL);
		}
	}
	text = json_dumps(list, JSON_COMPACT);
	json_decref(list);
	return (text);
}

/*
 * The timer: sends what was counted, unless the last write still runs. A
 * write whose connection broke is never answered (Kore tells only a
 * request): after a minute it is given up.
 */
static void
poging_flush(void *arg, u_int64_t now)
{
	if (poging_busy && now - poging_since > 60000)
		poging_end();
	if (npogingen == 0 || poging_busy)
		return;
	if ((poging_text = poging_json()) == NULL)
		return;
	npogingen = 0;
	poging_busy = 1;
	poging_since = now;
	poging_send();
}

static void
poging_send(void)
{
	char	*lit, *q;
	size_t	 len;

	kore_pgsql_init(&poging_sql);
	kore_pgsql_bind_callback(&poging_sql, poging_done, NULL);
	if (!kore_pgsql_setup(&poging_sql, "audit", KORE_PGSQL_ASYNC)) {
		if (poging_sql.state == KORE_PGSQL_STATE_INIT)
			return;		/* queued: poging_done sets it up when woken */
		poging_end();
		return;
	}
	lit = PQescapeLiteral(poging_sql.conn->db, poging_text, strlen(poging_text));
	len = lit != NULL ? strlen(lit) + 64 : 0;
	if (lit == NULL || (q = malloc(len)) == NULL) {
		PQfreemem(lit);
		poging_end();
		return;
	}
	(void)snprintf(q, len, "SELECT audit.weigeringen_tellen(%s::jsonb)", lit);
	PQfreemem(lit);
	if (!kore_pgsql_query(&poging_sql, q))
		poging_end();
	free(q);
}

/* Kore's callback for the write: reads it to its end. */
static void
poging_done(struct kore_pgsql *sql, void *arg)
{
	switch (sql->state) {
	case KORE_PGSQL_STATE_INIT:
		/* woken from Kore's queue: a connection is free now */
		kore_pgsql_cleanup(sql);
		poging_send();
		return;
	case KORE_PGSQL_STATE_WAIT:
		return;
	case KORE_PGSQL_STATE_ERROR:
		kore_log(LOG_NOTICE, "%s: %s", __func__, sql->error != NULL ? sql->error : "no detail");
		kore_pgsql_continue(sql);
		return;
	case KORE_PGSQL_STATE_COMPLETE:
		free(poging_text);
		poging_text = NULL;
		db_pgsql_release(sql);
		poging_busy = 0;
		return;
	default:
		kore_pgsql_continue(sql);
		return;
	}
}

/* A write that could not be made: its counts go to the log, not lost. */
static void
poging_end(void)
{
	kore_log(LOG_NOTICE, "pogingen: not recorded in the database: %s",
	    poging_text != NULL ? poging_text : "-");
	free(poging_text);
	poging_text = NULL;
	db_pgsql_release(&poging_sql);
	poging_busy = 0;
}
