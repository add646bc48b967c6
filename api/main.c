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
 * Module entry points: the seccomp allowances, the parent's one-time set-up
 * and each worker's init().
 */

#include <kore/kore.h>
#include <kore/hooks.h>
#include <kore/seccomp.h>

#include "lakmoes.h"

int	init(int);

/*
 * Kore 4.1's worker allowlist predates glibc 2.36 (KORE.md §2): stat() and
 * fopen() go through newfstatat, large realloc() through mremap. uname and
 * getdents64 are what libpq needs for a TCP connection by host name.
 */
KORE_SECCOMP_FILTER("lakmoes",
	KORE_SYSCALL_ALLOW(newfstatat),
	KORE_SYSCALL_ALLOW(mremap),
	KORE_SYSCALL_ALLOW(uname),
	KORE_SYSCALL_ALLOW(getdents64),
);

/* Runs once in the parent, unsandboxed, before the workers are forked. */
void
kore_parent_configure(int argc, char **argv)
{
	char	why[256];

	json_object_seed(0);
	if (!config_key_file(why, sizeof(why)) || !config_load(why, sizeof(why)))
		fatal("lakmoes: configuration: %s", why);
	kore_log(LOG_INFO, "lakmoes %s: tokens %s, issuer %s, audience %s",
	    LAKMOES_API_VERSION, jwt_alg_str(config.token.alg),
	    config.token.issuer, config.token.audience);
}

/*
 * Runs in every worker after the sandbox is up, and again after a SIGHUP
 * reload, which resets every module global: the configuration is therefore
 * read here, from the environment.
 */
int
init(int state)
{
	char	why[256];

	if (state == KORE_MODULE_UNLOAD) {
		pogingen_stop();
		explicit_bzero(&config, sizeof(config));
		return (KORE_RESULT_OK);
	}
	if (!config_load(why, sizeof(why))) {
		kore_log(LOG_ERR, "lakmoes: configuration: %s", why);
		return (KORE_RESULT_ERROR);
	}
	/* Kore keeps registrations across reloads; a second one fails. */
	(void)kore_pgsql_register("db", config.dburl);
	/* refusals are counted on a connection of their own (pogingen.c) */
	(void)kore_pgsql_register("audit", config.dburl);
	conn_init();
	pogingen_start();
	web_load();
	return (KORE_RESULT_OK);
}
