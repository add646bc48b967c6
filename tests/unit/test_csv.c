/* Unit tests for api/csv.c. */

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

struct collect {
	char	out[1024];
	int	rows;
	int	stop_at;
};

/* Renders rows as "line:f1|f2;" for comparison. */
static int
collect(void *arg, int line, struct csv_row *row)
{
	struct collect	*c = arg;
	int		 i;

	if (c->stop_at && c->rows == c->stop_at)
		return (0);
	(void)snprintf(c->out + strlen(c->out), sizeof(c->out) - strlen(c->out), "%d:", line);
	for (i = 0; i < row->n; i++)
		(void)snprintf(c->out + strlen(c->out), sizeof(c->out) - strlen(c->out), "%s%s",
		    i ? "|" : "", row->field[i]);
	(void)strncat(c->out, ";", sizeof(c->out) - strlen(c->out) - 1);
	c->rows++;
	return (1);
}

static void
expect(const char *in, const char *want, char want_delim)
{
	struct collect	c = { "", 0, 0 };
	char		err[128] = "", delim;

	if (!csv_parse(in, strlen(in), &delim, collect, &c, err, sizeof(err)))
		fail_msg("refused: %s", err);
	assert_string_equal(c.out, want);
	assert_int_equal(delim, want_delim);
}

static void
expect_error(const char *in, const char *part)
{
	struct collect	c = { "", 0, 0 };
	char		err[128] = "", delim;

	assert_false(csv_parse(in, strlen(in), &delim, collect, &c, err, sizeof(err)));
	if (strstr(err, part) == NULL)
		fail_msg("error \"%s\" lacks \"%s\"", err, part);
}

static void
test_plain(void **state)
{
	expect("a,b,c\r\n1,2,3\r\n", "1:a|b|c;2:1|2|3;", ',');
	expect("a,b\n1,\n", "1:a|b;2:1|;", ',');
	expect("a,b\n1,2", "1:a|b;2:1|2;", ',');
	expect("a\n\n1\n", "1:a;3:1;", ',');
}

static void
test_quotes(void **state)
{
	expect("a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n", "1:a|b;2:x, y|he said \"hi\";", ',');
	expect("a,b\n\"two\nlines\",2\n3,4\n", "1:a|b;2:two\nlines|2;4:3|4;", ',');
}

static void
test_semicolon_and_bom(void **state)
{
	expect("\xef\xbb\xbf" "indicator;waarde\nX;12,5\n", "1:indicator|waarde;2:X|12,5;", ';');
	expect("a;b,c\n1;2,3\n", "1:a;b|c;2:1;2|3;", ',');
}

static void
test_errors(void **state)
{
	expect_error("a,b\n\"open,2\n", "niet gesloten");
	expect_error("a,b\nx\"y,2\n", "midden in een veld");
	expect_error("a,b\n\"x\"y,2\n", "na een aanhalingsteken");
}

/* The same rows whatever the pieces the text comes in, down to one byte. */
static void
test_pieces(void **state)
{
	static const char *texts[] = {
		"\xef\xbb\xbf" "a;b\r\n\"x;\"\"y\"\"\r\nz\";1,5\r\n\r\n2;\"\"\r\n",
		"a,b\n\"two\nlines\",2\r3,4",
		"a,b\n1,",
	};
	struct collect	 whole, bytes;
	struct csv_parser p;
	size_t		 i, k;
	char		 err[128], delim;

	for (k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
		memset(&whole, 0, sizeof(whole));
		memset(&bytes, 0, sizeof(bytes));
		assert_true(csv_parse(texts[k], strlen(texts[k]), &delim, collect, &whole, err, sizeof(err)));
		csv_init(&p, collect, &bytes);
		for (i = 0; i < strlen(texts[k]); i++)
			assert_true(csv_feed(&p, texts[k] + i, 1));
		assert_true(csv_finish(&p));
		assert_int_equal(p.delim, delim);
		csv_parser_clear(&p);
		assert_string_equal(bytes.out, whole.out);
	}
}

/* A NUL byte is data with its length, for the caller to refuse by name. */
static int
nul_row(void *arg, int line, struct csv_row *row)
{
	int	*seen = arg;

	if (line == 2) {
		assert_int_equal(row->len[1], 5);
		assert_int_equal(strlen(row->field[1]), 2);
		assert_memory_equal(row->field[1], "12\0" "34", 5);
		*seen = 1;
	}
	return (1);
}

static void
test_nul_and_long_fields(void **state)
{
	struct csv_parser p;
	char		*big;
	int		 seen = 0;

	csv_init(&p, nul_row, &seen);
	assert_true(csv_feed(&p, "a,b\nx,12\0" "34\n", 12));
	assert_true(csv_finish(&p));
	csv_parser_clear(&p);
	assert_true(seen);

	assert_non_null(big = malloc(CSV_FIELD_MAX + 10));
	memset(big, 'x', CSV_FIELD_MAX + 10);
	csv_init(&p, nul_row, &seen);
	assert_true(csv_feed(&p, "a\n", 2));
	assert_false(csv_feed(&p, big, CSV_FIELD_MAX + 10));
	assert_non_null(strstr(p.err, "langer dan"));
	csv_parser_clear(&p);
	free(big);
}

static void
test_callback_stops(void **state)
{
	struct collect	c = { "", 0, 1 };
	char		err[128] = "", delim;

	assert_false(csv_parse("a\n1\n2\n", 6, &delim, collect, &c, err, sizeof(err)));
	assert_int_equal(c.rows, 1);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_semicolon_and_bom),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_nul_and_long_fields),
	};

	return (cmocka_run_group_tests_name("csv", tests, NULL, NULL));
}
