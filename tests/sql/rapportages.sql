-- An established report never changes, and its hash is its content's.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(12);

SELECT set_config('request.jwt.claims', '{"sub":"tester"}', true);
-- a trial run first: the report as it would be, stored nowhere
SELECT is(as_role_value('programma', $$SELECT coalesce(r."vastgesteldOp"::text, 'leeg') || ' '
        || jsonb_typeof(r.inhoud -> 'cijfers') || ' ' || length(r."inhoudHash")
        FROM api.rapportage_vaststellen('2024-H1', true) r$$, '{"sub":"tester"}'),
    'leeg array 64', 'a trial run returns the report with its hash and no establishment');
SELECT is((SELECT count(*)::int FROM monitoring.voortgangsrapportages WHERE periode_code = '2024-H1'), 0,
    'and stores nothing');
SELECT is(as_role('programma', $$SELECT * FROM api.rapportage_vaststellen('2024-H1')$$, '{"sub":"tester"}'),
    'ok', 'the programme establishes a report');
SELECT is(as_role('programma', $$SELECT * FROM api.rapportage_vaststellen('2024-H1')$$, '{"sub":"tester"}'),
    'LK409', 'only once');
SELECT throws_ok($$UPDATE monitoring.voortgangsrapportages SET inhoud = '{}'$$, 'LK409', NULL,
    'not even the owner can change it');
SELECT throws_ok($$DELETE FROM monitoring.voortgangsrapportages$$, 'LK409', NULL, 'or remove it');
-- the threshold its figures were published under, kept with them
SELECT is((SELECT inhoud -> 'onthullingsdrempel' FROM monitoring.voortgangsrapportages
            WHERE periode_code = '2024-H1'), to_jsonb(monitoring.onthulling_drempel()),
    'the report records the disclosure threshold it was established under');
UPDATE monitoring.instellingen SET waarde = '25' WHERE sleutel = 'onthulling_drempel';
SELECT is(as_role('programma', $$SELECT * FROM api.rapportage_vaststellen('2024-H2')$$, '{"sub":"tester"}'),
    'ok', 'a report established after a new threshold');
SELECT results_eq($$SELECT periode_code, inhoud ->> 'onthullingsdrempel' FROM monitoring.voortgangsrapportages
                    WHERE periode_code IN ('2024-H1', '2024-H2') ORDER BY 1$$,
    $$VALUES ('2024-H1'::text, '10'::text), ('2024-H2', '25')$$,
    'records that threshold; the earlier report keeps its own');
SELECT is(as_role('opdrachtgever', $$SELECT * FROM api.rapportage_vaststellen('2023-H2')$$), '42501',
    'a ministry cannot establish one');

-- a half year still running: not by the function, not by a plain insert
SELECT is(as_role('programma', format($$SELECT * FROM api.rapportage_vaststellen(%L)$$,
        (SELECT periode_code FROM ref.perioden WHERE soort = 'halfjaar' AND current_date BETWEEN begin_date AND eind_date)),
        '{"sub":"tester"}'),
    'LK409', 'a half year is established once it is over');
SELECT throws_ok(format($$INSERT INTO monitoring.voortgangsrapportages (periode_code, inhoud, inhoud_hash)
        VALUES (%L, '{}', encode(sha256(convert_to('{}', 'UTF8')), 'hex'))$$,
        (SELECT periode_code FROM ref.perioden WHERE soort = 'halfjaar' AND current_date BETWEEN begin_date AND eind_date)),
    'LK409', NULL, 'whoever inserts it');

SELECT * FROM finish();
ROLLBACK;
