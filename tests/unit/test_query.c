/* Unit tests for api/query.c. */

#include <sys/types.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lakmoes.h"

/* Parses qs, which must be refused, and returns the first problem's name. */
static void
expect_named(const char *qs, const char *name)
{
	struct query	 q;
	json_t		*p = problem_new(400, "x"), *inv;

	assert_false(query_parse(qs, &q, p));
	inv = json_array_get(json_object_get(p, "invalidParams"), 0);
	assert_non_null(inv);
	assert_string_equal(json_string_value(json_object_get(inv, "name")), name);
	query_clear(&q);
	json_decref(p);
}

static void
test_values(void **state)
{
	struct query	 q;
	json_t		*p = problem_new(400, "x");

	assert_true(query_parse("gebied=GM0363&indicator=A%5FB&leeg=&naam=a+b", &q, p));
	assert_string_equal(query_get(&q, "indicator"), "A_B");
	assert_string_equal(query_get(&q, "leeg"), "");
	assert_string_equal(query_get(&q, "naam"), "a b");
	assert_null(query_get(&q, "x"));
	query_clear(&q);
	json_decref(p);
}

/* A parameter that is no text is named as it was sent, its bytes escaped. */
static void
test_broken_names(void **state)
{
	expect_named("%FF=1", "%FF");
	expect_named("a%C3=1", "a%C3");
	expect_named("%ZZ=1", "%ZZ");
	expect_named("x=%00", "x");
	expect_named("ok=1&\xff\xfe=2", "%FF%FE");
	expect_named("a=1&a=2", "a");
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_broken_names),
	};

	return (cmocka_run_group_tests_name("query", tests, NULL, NULL));
}
