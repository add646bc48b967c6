-- Observations: revisions never overwrite, the current value is the last
-- revision, and any past moment can be reproduced.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(14);

INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting, aggregatie)
VALUES ('T_PCT', 'test', 'test', 'percentage', 'outcome', 'landelijk', 'hoger_beter', 'ratio'),
       ('T_CNT', 'test', 'test', 'aantal', 'output', 'landelijk', 'neutraal', 'som');

INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, teller, noemer, status, bron)
VALUES ('T_PCT', 'PT01', '2024-Q1', 40, 40, 100, 'voorlopig', 'test');
SELECT clock_timestamp() AS between_revisions \gset
SELECT pg_sleep(0.01);
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, teller, noemer, status, bron)
VALUES ('T_PCT', 'PT01', '2024-Q1', 42, 42, 100, 'definitief', 'test');

SELECT results_eq(
    $$SELECT revisie, waarde FROM monitoring.waarnemingen WHERE indicator_code = 'T_PCT' ORDER BY revisie$$,
    $$VALUES (1, 40::numeric), (2, 42::numeric)$$,
    'a correction is a new revision; the old value stays');
SELECT is((SELECT waarde FROM monitoring.waarnemingen_actueel WHERE indicator_code = 'T_PCT'), 42::numeric,
    'the current value is the last revision');
SELECT is((SELECT status FROM monitoring.waarnemingen_actueel WHERE indicator_code = 'T_PCT'), 'definitief',
    'with its status');
SELECT is((SELECT waarde FROM monitoring.waarnemingen_op(:'between_revisions') WHERE indicator_code = 'T_PCT'),
    40::numeric, 'peildatum between the revisions returns the old value');
SELECT is((SELECT count(*)::int FROM monitoring.waarnemingen_op('2000-01-01') WHERE indicator_code = 'T_PCT'),
    0, 'peildatum before the first revision returns nothing');

SELECT throws_ok($$UPDATE monitoring.waarnemingen SET waarde = 1 WHERE indicator_code = 'T_PCT'$$,
    'LK409', NULL, 'observations are never updated');
SELECT throws_ok($$DELETE FROM monitoring.waarnemingen WHERE indicator_code = 'T_PCT'$$,
    'LK409', NULL, 'nor deleted');
SELECT throws_ok($$INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
    VALUES ('T_PCT', 'PT01', '2024-Q2', 101, 'voorlopig', 'test')$$, 'LK400', NULL, 'a percentage above 100 is refused');
SELECT throws_ok($$INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, teller, noemer, status, bron)
    VALUES ('T_PCT', 'PT01', '2024-Q2', 50, 60, 50, 'voorlopig', 'test')$$, 'LK400', NULL, 'teller > noemer is refused');
SELECT throws_ok($$INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
    VALUES ('T_CNT', 'PT01', '2024-Q2', -1, 'voorlopig', 'test')$$, 'LK400', NULL, 'a negative count is refused');
SELECT throws_ok($$INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
    VALUES ('T_CNT', 'PT01', '2035-Q4', 1, 'voorlopig', 'test')$$, 'LK400', NULL, 'a future period is refused');
SELECT throws_ok($$INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
    VALUES ('T_CNT', 'PT01', '2024-Q9', 1, 'voorlopig', 'test')$$, '23503', NULL, 'a period that does not exist is refused');
SELECT throws_ok($$INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
    VALUES ('T_CNT', 'PT01', '2024-Q1', 1, 'concept', 'test')$$, '23514', NULL, 'an unknown status is refused');
SELECT is((SELECT count(*)::int FROM audit.changes WHERE table_name = 'monitoring.waarnemingen'
            AND new_row ->> 'indicator_code' = 'T_PCT'), 2, 'every revision is in the change log');

SELECT * FROM finish();
ROLLBACK;
