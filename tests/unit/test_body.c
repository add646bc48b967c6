/* Unit tests for api/body.c: malformed JSON is a 400 naming the place. */

#include <sys/types.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lakmoes.h"

static void	expect_400(const char *, size_t, const char *);

static void
expect_400(const char *buf, size_t len, const char *reason_part)
{
	json_t		*doc, *p, *inv;
	const char	*reason;

	doc = body_parse_json(buf, len, &p);
	assert_null(doc);
	assert_non_null(p);
	assert_int_equal(json_integer_value(json_object_get(p, "status")), 400);
	inv = json_array_get(json_object_get(p, "invalidParams"), 0);
	assert_non_null(inv);
	assert_string_equal(json_string_value(json_object_get(inv, "name")), "body");
	reason = json_string_value(json_object_get(inv, "reason"));
	if (strstr(reason, reason_part) == NULL)
		fail_msg("reason \"%s\" lacks \"%s\"", reason, reason_part);
	json_decref(p);
}

static void
test_valid(void **state)
{
	const char	*s = "{\"a\":[1,2,{\"b\":null}],\"c\":\"é\"}";
	json_t		*p, *doc = body_parse_json(s, strlen(s), &p);

	assert_non_null(doc);
	assert_null(p);
	assert_int_equal(json_array_size(json_object_get(doc, "a")), 3);
	json_decref(doc);
}

static void
test_malformed(void **state)
{
	expect_400("", 0, "leeg");
	expect_400("{\"a\":1,}", 8, "regel 1, kolom 8");
	expect_400("{\n\"a\": 1\n\"b\": 2}", 16, "regel 3");
	expect_400("{\"a\":1", 6, "te vroeg");
	expect_400("{} x", 4, "nog tekst");
	expect_400("{\"a\":\"\xff\"}", 8, "UTF-8");
	expect_400("{\"a\":\"\\u0000\"}", 14, "NUL");
}

/* A number no reader can hold is named by its member, with its position. */
static void
test_number_too_large(void **state)
{
	static const char *cases[][2] = {
		{ "{\"a\":100000000000000000000000}", "/a" },
		{ "{\"b\": 1, \"waarde\" :\n 1e400 }", "/waarde" },
		{ "{\"x\\\"y\":-2E+999}", "/x\\\"y" },
		{ "[1, 1e999]", "body" },
	};
	json_t		*doc, *p, *inv;
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		doc = body_parse_json(cases[i][0], strlen(cases[i][0]), &p);
		assert_null(doc);
		inv = json_array_get(json_object_get(p, "invalidParams"), 0);
		assert_string_equal(json_string_value(json_object_get(inv, "name")), cases[i][1]);
		assert_non_null(strstr(json_string_value(json_object_get(inv, "reason")), "te groot"));
		assert_non_null(strstr(json_string_value(json_object_get(inv, "reason")), "regel "));
		json_decref(p);
	}
}

static void
test_duplicate_keys(void **state)
{
	expect_400("{\"status\":\"ingediend\",\"status\":\"goedgekeurd\"}", 45, "twee keer");
}

static void
test_depth(void **state)
{
	char	buf[128];
	int	i, n;

	/* BODY_DEPTH_MAX levels parse, one more does not. */
	for (n = 0, i = 0; i < BODY_DEPTH_MAX; i++)
		buf[n++] = '[';
	for (i = 0; i < BODY_DEPTH_MAX; i++)
		buf[n++] = ']';
	{
		json_t *p, *doc = body_parse_json(buf, (size_t)n, &p);
		assert_non_null(doc);
		json_decref(doc);
	}
	for (n = 0, i = 0; i <= BODY_DEPTH_MAX; i++)
		buf[n++] = '[';
	for (i = 0; i <= BODY_DEPTH_MAX; i++)
		buf[n++] = ']';
	expect_400(buf, (size_t)n, "genest");
}

/* A number the database cannot read (1e-99999 is 0 to jansson) is named. */
static void
test_number_out_of_range(void **state)
{
	const char	*s = "{\"ok\": 1e-999, \"tekst\": \"1e99999\", \"waarde\": -1e-99999}";
	json_t		*p, *doc = body_parse_json(s, strlen(s), &p), *inv;

	assert_null(doc);
	assert_int_equal(json_array_size(json_object_get(p, "invalidParams")), 1);
	inv = json_array_get(json_object_get(p, "invalidParams"), 0);
	assert_string_equal(json_string_value(json_object_get(inv, "name")), "/waarde");
	json_decref(p);
	assert_true(body_number_ok("-12.5e+3", 8));
	assert_false(body_number_ok("1E1001", 6));
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_number_too_large),
		cmocka_unit_test(test_number_out_of_range),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_depth),
	};

	return (cmocka_run_group_tests_name("body", tests, NULL, NULL));
}
