/*
 * Unit tests for api/sqlbind.c: placeholders become literals, nothing else;
 * statements to keep prepared fold absent filters and drop present ones' guards.
 */

#include <sys/types.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lakmoes.h"

/* Standard-conforming quoting: '…' with quotes doubled. */
static char *
test_escape(void *arg, const char *s, size_t len)
{
	char	*out = malloc(len * 2 + 3), *p = out;
	size_t	 i;

	*p++ = '\'';
	for (i = 0; i < len; i++) {
		if (s[i] == '\'')
			*p++ = '\'';
		*p++ = s[i];
	}
	*p++ = '\'';
	*p = '\0';
	return (out);
}

static char *
bind(const char *tmpl, int n, const char *const *params)
{
	struct sqlbind	 b = { n, params, test_escape, free, NULL };
	char		*out = NULL;
	size_t		 len = 0, cap = 0;

	if (!sqlbind_append(&b, tmpl, &out, &len, &cap)) {
		free(out);
		return (NULL);
	}
	return (out);
}

static void
expect(const char *tmpl, int n, const char *const *params, const char *want)
{
	char	*got = bind(tmpl, n, params);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_placeholders(void **state)
{
	const char *const p[] = { "JZ13", "101", NULL };

	expect("SELECT * FROM t WHERE a > $1 LIMIT $2::int", 3, p,
	    "SELECT * FROM t WHERE a > 'JZ13' LIMIT '101'::int");
	expect("SELECT $3::text IS NULL OR x = $3", 3, p,
	    "SELECT NULL::text IS NULL OR x = NULL");
	expect("SELECT $1,$1", 3, p, "SELECT 'JZ13','JZ13'");
}

static void
test_quotes_and_injection(void **state)
{
	const char *const p[] = { "x'; DROP TABLE t; --", "a\\'b" };

	expect("SELECT $1", 2, p, "SELECT 'x''; DROP TABLE t; --'");
	expect("SELECT $2", 2, p, "SELECT 'a\\''b'");
}

static void
test_placeholders_in_quotes_untouched(void **state)
{
	const char *const p[] = { "v" };

	expect("SELECT '$1', \"$1\", $1", 1, p, "SELECT '$1', \"$1\", 'v'");
	expect("SELECT 'it''s $1' || $1", 1, p, "SELECT 'it''s $1' || 'v'");
	expect("SELECT $$ $1 $$, $tag$ $1 $ $tag$, $1", 1, p,
	    "SELECT $$ $1 $$, $tag$ $1 $ $tag$, 'v'");
	expect("SELECT 1 -- $1\n, $1 /* $1 */", 1, p, "SELECT 1 -- $1\n, 'v' /* $1 */");
	expect("SELECT to_char(x, 'YYYY\"T\"HH24') FROM t WHERE a = $1", 1, p,
	    "SELECT to_char(x, 'YYYY\"T\"HH24') FROM t WHERE a = 'v'");
}

static void
test_errors(void **state)
{
	const char *const p[] = { "v" };

	assert_null(bind("SELECT $2", 1, p));
	assert_null(bind("SELECT $0", 1, p));
	assert_null(bind("SELECT 'open", 1, p));
	assert_null(bind("SELECT $$ open", 1, p));
	assert_null(bind("SELECT /* open", 1, p));
}

/* sqlbind_specialise, then sqlbind_arguments: the text and the EXECUTE's arguments. */
static void
expect_prepared(const char *tmpl, int n, const char *const *params, const char *want,
    const char *want_args)
{
	struct sqlbind	 b = { n, params, test_escape, free, NULL };
	char		*out = NULL, *args = NULL;
	size_t		 len = 0, cap = 0, alen = 0, acap = 0;
	int		 order[DB_PARAMS_MAX], norder = -1;

	assert_true(sqlbind_specialise(&b, tmpl, &out, &len, &cap, order, &norder));
	assert_string_equal(out != NULL ? out : "", want);
	assert_true(sqlbind_arguments(&b, order, norder, &args, &alen, &acap));
	assert_string_equal(args != NULL ? args : "", want_args);
	free(out);
	free(args);
}

static void
test_specialise_filters(void **state)
{
	const char *const p[] = { "", "101", NULL, "GM0363", "7" };

	/* An absent filter folds away; a present one loses its guard. */
	expect_prepared("SELECT * FROM t WHERE k > $1 AND ($3::text IS NULL OR p = $3) "
	    "AND ($4::text IS NULL OR g = $4) AND ( $5::int IS NULL OR j = $5::int) LIMIT $2::int",
	    5, p,
	    "SELECT * FROM t WHERE k > $1 AND (NULL::text IS NULL OR p = NULL) "
	    "AND (g = $3) AND ( j = $4::int) LIMIT $2::int",
	    "('', '101', 'GM0363', '7')");
}

static void
test_specialise_renumbers(void **state)
{
	const char *const p[] = { "a", "b", NULL };

	/* Numbered by their original order, whatever the order of use. */
	expect_prepared("SELECT $2, $1, $2, $3", 3, p, "SELECT $2, $1, $2, NULL", "('a', 'b')");
	/* A guard that is all that uses its placeholder leaves no gap. */
	expect_prepared("SELECT 1 WHERE ($1::text IS NULL OR true) AND x = $2", 3, p,
	    "SELECT 1 WHERE (true) AND x = $1", "('b')");
	expect_prepared("SELECT 1", 3, p, "SELECT 1", "");
}

static void
test_specialise_keeps_other_text(void **state)
{
	const char *const p[] = { "v" };

	/* Not right after "(", the guard may not be all of its OR's operand. */
	expect_prepared("SELECT a AND $1::text IS NULL OR x = $1", 1, p,
	    "SELECT a AND $1::text IS NULL OR x = $1", "('v')");
	expect_prepared("SELECT ($1::text IS NOT NULL OR x = $1)", 1, p,
	    "SELECT ($1::text IS NOT NULL OR x = $1)", "('v')");
	expect_prepared("SELECT '$1', \"$1\", $$ $1 $$, $1 -- $1\n", 1, p,
	    "SELECT '$1', \"$1\", $$ $1 $$, $1 -- $1\n", "('v')");
}

static void
test_specialise_errors(void **state)
{
	const char *const p[] = { "v" };
	struct sqlbind	 b = { 1, p, test_escape, free, NULL };
	char		*out = NULL;
	size_t		 len = 0, cap = 0;
	int		 order[DB_PARAMS_MAX], n;

	assert_false(sqlbind_specialise(&b, "SELECT $2", &out, &len, &cap, order, &n));
	assert_false(sqlbind_specialise(&b, "SELECT $0", &out, &len, &cap, order, &n));
	assert_false(sqlbind_specialise(&b, "SELECT 'open", &out, &len, &cap, order, &n));
	free(out);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_placeholders),
		cmocka_unit_test(test_quotes_and_injection),
		cmocka_unit_test(test_placeholders_in_quotes_untouched),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_specialise_filters),
		cmocka_unit_test(test_specialise_renumbers),
		cmocka_unit_test(test_specialise_keeps_other_text),
		cmocka_unit_test(test_specialise_errors),
	};

	return (cmocka_run_group_tests_name("sqlbind", tests, NULL, NULL));
}
