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
	};

	return (cmocka_run_group_tests_name("csv", tests, NULL, NULL));
}
