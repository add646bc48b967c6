/* Unit tests for api/sqlbind.c: placeholders become literals, nothing else. */

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

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_placeholders),
		cmocka_unit_test(test_quotes_and_injection),
		cmocka_unit_test(test_placeholders_in_quotes_untouched),
		cmocka_unit_test(test_errors),
	};

	return (cmocka_run_group_tests_name("sqlbind", tests, NULL, NULL));
}
