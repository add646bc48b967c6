-- An established report never changes, and its hash is its content's.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(5);

SELECT set_config('request.jwt.claims', '{"sub":"tester"}', true);
SELECT is(as_role('programma', $$SELECT * FROM api.rapportage_vaststellen('2024-H1')$$, '{"sub":"tester"}'),
    'ok', 'the programme establishes a report');
SELECT is(as_role('programma', $$SELECT * FROM api.rapportage_vaststellen('2024-H1')$$, '{"sub":"tester"}'),
    'LK409', 'only once');
SELECT throws_ok($$UPDATE monitoring.voortgangsrapportages SET inhoud = '{}'$$, 'LK409', NULL,
    'not even the owner can change it');
SELECT throws_ok($$DELETE FROM monitoring.voortgangsrapportages$$, 'LK409', NULL, 'or remove it');
SELECT is(as_role('opdrachtgever', $$SELECT * FROM api.rapportage_vaststellen('2023-H2')$$), '42501',
    'a ministry cannot establish one');

SELECT * FROM finish();
ROLLBACK;
