/* Unit tests for api/problem.c and api/sqlstate.c. */

#include <sys/types.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lakmoes.h"

static void
test_problem_members(void **state)
{
	json_t	*p = problem_new(404, "geen resource");

	assert_non_null(p);
	assert_int_equal(json_integer_value(json_object_get(p, "status")), 404);
	assert_string_equal(json_string_value(json_object_get(p, "title")), "Niet gevonden");
	assert_string_equal(json_string_value(json_object_get(p, "detail")), "geen resource");
	assert_string_equal(json_string_value(json_object_get(p, "type")), "about:blank");
	assert_null(json_object_get(p, "invalidParams"));
	json_decref(p);
}

static void
test_problem_400_lists_every_parameter(void **state)
{
	json_t	*p = problem_new(400, "twee fouten"), *list;
	char	*s;

	assert_non_null(json_object_get(p, "invalidParams"));
	assert_true(problem_add_invalid(p, "limit", "moet tussen 1 en 1000 liggen"));
	assert_true(problem_add_invalid(p, "/0/waarde", "is geen getal"));
	list = json_object_get(p, "invalidParams");
	assert_int_equal(json_array_size(list), 2);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(list, 1), "name")), "/0/waarde");
	s = json_dumps(p, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(s, "{\"detail\":\"twee fouten\",\"invalidParams\":"
	    "[{\"name\":\"limit\",\"reason\":\"moet tussen 1 en 1000 liggen\"},"
	    "{\"name\":\"/0/waarde\",\"reason\":\"is geen getal\"}],"
	    "\"status\":400,\"title\":\"Ongeldig verzoek\",\"type\":\"about:blank\"}");
	free(s);
	json_decref(p);
}

static void
test_problem_add_creates_list(void **state)
{
	json_t	*p = problem_new(409, "conflict");

	assert_true(problem_add_invalid(p, "status", "concept → goedgekeurd kan niet"));
	assert_int_equal(json_array_size(json_object_get(p, "invalidParams")), 1);
	json_decref(p);
}

static void
test_problem_titles(void **state)
{
	assert_string_equal(problem_title(401), "Niet geauthenticeerd");
	assert_string_equal(problem_title(413), "Verzoek te groot");
	assert_string_equal(problem_title(431), "Headers te groot");
	assert_string_equal(problem_title(503), "Dienst niet beschikbaar");
	assert_string_equal(problem_title(418), "Fout in het verzoek");
	assert_string_equal(problem_title(599), "Serverfout");
}

static void
test_problem_default_detail(void **state)
{
	json_t	*p = problem_new(500, NULL);

	assert_string_equal(json_string_value(json_object_get(p, "detail")), "Interne fout");
	json_decref(p);
}

static void
test_sqlstate_mapping(void **state)
{
	static const struct {
		const char	*state;
		int		 status;
	} cases[] = {
		{ "42501", 403 },	/* insufficient_privilege (RLS, grants) */
		{ "23505", 409 },	/* unique_violation */
		{ "23503", 400 },	/* foreign_key_violation */
		{ "23514", 400 },	/* check_violation */
		{ "23502", 400 },	/* not_null_violation */
		{ "22P02", 400 },	/* invalid_text_representation */
		{ "22003", 400 },	/* numeric_value_out_of_range */
		{ "P0002", 404 },
		{ "LK404", 404 },
		{ "LK409", 409 },
		{ "LK412", 412 },
		{ "40001", 503 },
		{ "57014", 503 },	/* statement_timeout */
		{ "57P01", 503 },	/* admin_shutdown */
		{ "08006", 503 },
		{ "53300", 503 },	/* too_many_connections */
		{ "42P01", 500 },	/* undefined_table: our bug */
		{ "XX000", 500 },
		{ "", 500 },
		{ "225", 500 },
		{ NULL, 500 },
	};
	size_t	i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (sqlstate_lookup(cases[i].state)->status != cases[i].status)
			fail_msg("%s: got %d, want %d", cases[i].state ? cases[i].state : "NULL",
			    sqlstate_lookup(cases[i].state)->status, cases[i].status);
	}
}

static void
test_sqlstate_details_say_nothing_internal(void **state)
{
	const char	*states[] = { "42501", "23505", "XX000", "42P01", NULL };
	const char	*d;
	size_t		 i;

	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
		d = sqlstate_lookup(states[i])->detail;
		assert_non_null(d);
		assert_null(strstr(d, "SQL"));
		assert_null(strstr(d, "relation"));
		assert_null(strstr(d, "violates"));
	}
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_problem_members),
		cmocka_unit_test(test_problem_400_lists_every_parameter),
		cmocka_unit_test(test_problem_add_creates_list),
		cmocka_unit_test(test_problem_titles),
		cmocka_unit_test(test_problem_default_detail),
		cmocka_unit_test(test_sqlstate_mapping),
		cmocka_unit_test(test_sqlstate_details_say_nothing_internal),
	};

	return (cmocka_run_group_tests_name("problem_sqlstate", tests, NULL, NULL));
}
