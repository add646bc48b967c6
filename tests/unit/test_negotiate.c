/* Unit tests for api/negotiate.c. */

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

static const char *const offers[] = { "application/json", "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };

static int
pick(const char *accept)
{
	return (neg_pick(accept, offers, 3));
}

/* No preference: the server's first choice. */
static void
test_default(void **state)
{
	assert_int_equal(pick(NULL), 0);
	assert_int_equal(pick(""), 0);
	assert_int_equal(pick("  "), 0);
	assert_int_equal(pick("*/*"), 0);
	assert_int_equal(pick("application/*"), 0);
}

/* Quality values decide, not the order in the header. */
static void
test_quality(void **state)
{
	assert_int_equal(pick("text/csv;q=0.5, application/json;q=0.9"), 0);
	assert_int_equal(pick("text/csv;q=0.9, application/json;q=0.5"), 1);
	assert_int_equal(pick("application/json;q=0.5,text/csv"), 1);
	assert_int_equal(pick("text/csv ; q=0.8 , */*;q=0.1"), 1);
	assert_int_equal(pick("TEXT/CSV"), 1);
	assert_int_equal(pick("text/*"), 1);
	assert_int_equal(pick("text/csv;charset=utf-8;header=present"), 1);
	assert_int_equal(pick("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), 2);
	/* equal quality: the server's order */
	assert_int_equal(pick("text/csv, application/json"), 0);
	assert_int_equal(pick("text/csv;q=1.0, application/json;q=1"), 0);
	assert_int_equal(pick("text/csv;q=0.001, application/json;q=0"), 1);
}

/* The most specific range sets an offer's quality. */
static void
test_specific(void **state)
{
	assert_int_equal(pick("*/*;q=0.9, application/json;q=0.1"), 1);
	assert_int_equal(pick("application/json;q=0, */*"), 1);
	assert_int_equal(pick("text/*;q=0, */*;q=0.5"), 0);
}

/* Nothing acceptable: -1, for a 406. */
static void
test_nothing(void **state)
{
	assert_int_equal(pick("image/png"), -1);
	assert_int_equal(pick("application/json;q=0, text/csv;q=0"), -1);
	assert_int_equal(pick("*/*;q=0"), -1);
	assert_int_equal(pick("json"), -1);
	assert_int_equal(pick(",,;"), -1);
	assert_int_equal(pick("application/json;q=x"), -1);
	assert_int_equal(neg_pick("text/csv", offers, 0), -1);
}

static void
test_gzip(void **state)
{
	assert_false(neg_gzip(NULL));
	assert_false(neg_gzip(""));
	assert_false(neg_gzip("identity"));
	assert_false(neg_gzip("br, deflate"));
	assert_true(neg_gzip("gzip"));
	assert_true(neg_gzip("gzip, deflate, br"));
	assert_true(neg_gzip("br;q=1.0, GZIP;q=0.5"));
	assert_true(neg_gzip("x-gzip"));
	assert_true(neg_gzip("*"));
	assert_false(neg_gzip("gzip;q=0"));
	assert_false(neg_gzip("gzip;q=0.000, *"));
	assert_false(neg_gzip("*;q=0"));
	assert_true(neg_gzip("deflate;q=0, gzip ;q=0.2"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default),
		cmocka_unit_test(test_quality),
		cmocka_unit_test(test_specific),
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_gzip),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
