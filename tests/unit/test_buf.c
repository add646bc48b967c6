/* Unit tests for api/buf.c: JSON text written without jansson. */

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

/* The string as api_buf_json_string writes it must be jansson's encoding. */
static void
expect_as_jansson(const char *s, size_t len)
{
	struct api_buf	 b = { NULL, 0, 0 };
	json_t		*j;
	char		*want;

	assert_true(api_buf_json_string(&b, s, len));
	assert_non_null(j = json_stringn(s, len));
	assert_non_null(want = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT));
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.p, want, b.len);
	free(want);
	json_decref(j);
	free(b.p);
}

static void
test_string_plain(void **state)
{
	expect_as_jansson("", 0);
	expect_as_jansson("GM0363", 6);
	expect_as_jansson("Süd-Holland / 's-Hertogenbosch € ✓", strlen("Süd-Holland / 's-Hertogenbosch € ✓"));
}

static void
test_string_escapes(void **state)
{
	char	all[32];
	int	i;

	expect_as_jansson("een \"citaat\" en C:\\pad", strlen("een \"citaat\" en C:\\pad"));
	expect_as_jansson("regel 1\nregel 2\r\n\ttab\bterug\fpagina", 34);
	expect_as_jansson("\"", 1);
	expect_as_jansson("\\\\", 2);
	/* Every control character, alone and between text. */
	for (i = 0; i < 32; i++)
		all[i] = (char)i;
	expect_as_jansson(all, sizeof(all));
	expect_as_jansson("a\0b", 3);
	expect_as_jansson("\x1f" "x" "\x7f", 3);
}

static void
test_string_appends(void **state)
{
	struct api_buf	b = { NULL, 0, 0 };
	size_t		i;

	/* Past the first allocation: the buffer grows and keeps what it had. */
	assert_true(api_buf_add(&b, "[", 1));
	for (i = 0; i < 1000; i++)
		assert_true(api_buf_json_string(&b, "ab\"c", 4) && api_buf_add(&b, ",", 1));
	assert_int_equal(b.len, 1 + 1000 * 8);
	assert_memory_equal(b.p, "[\"ab\\\"c\",\"ab", 12);
	assert_memory_equal(b.p + b.len - 8, "\"ab\\\"c\",", 8);
	free(b.p);
}

static void
test_number(void **state)
{
	const char	*yes[] = { "0", "-0", "7", "-12", "12.50", "0.1234567890123456789",
			    "1e+20", "1.5e-07", "2E3", "123456789012345678901234567890", NULL };
	const char	*no[] = { "", "-", "NaN", "Infinity", "-Infinity", "01", "1.", ".5",
			    "1e", "1e+", "+1", "1 ", "0x10", "1.2.3", NULL };
	int		 i;

	for (i = 0; yes[i] != NULL; i++) {
		if (!api_json_number(yes[i], strlen(yes[i])))
			fail_msg("not a number: %s", yes[i]);
	}
	for (i = 0; no[i] != NULL; i++) {
		if (api_json_number(no[i], strlen(no[i])))
			fail_msg("taken for a number: %s", no[i]);
	}
	/* The length counts, not a terminating NUL. */
	assert_true(api_json_number("12abc", 2));
	assert_false(api_json_number("12abc", 3));
}

/* Numbers beyond a double become strings; the rest is copied as it is. */
static void
test_json_safe(void **state)
{
	const char	*in = "{\"a\": 1e400, \"b\": \"1e400 \\\" 2e999\", \"c\": [12.5, -2E+999, 0.1]}";
	struct api_buf	 b = { NULL, 0, 0 };

	assert_true(api_buf_json_safe(&b, in, strlen(in)));
	assert_true(api_buf_add(&b, "", 1));
	assert_string_equal(b.p, "{\"a\": \"1e400\", \"b\": \"1e400 \\\" 2e999\", \"c\": [12.5, \"-2E+999\", 0.1]}");
	free(b.p);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_string_plain),
		cmocka_unit_test(test_string_escapes),
		cmocka_unit_test(test_string_appends),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_json_safe),
	};

	return (cmocka_run_group_tests_name("buf", tests, NULL, NULL));
}
