-- Around a delivery's transitions: required answers, approval into
-- observations, outlier signals; and the attempts log is append-only.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(10);

INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting, aggregatie)
VALUES ('T_WF', 'test', 'test', 'aantal', 'output', 'diagnostisch', 'neutraal', 'som');
INSERT INTO monitoring.vragenlijsten (vragenlijst_id, versie, geldig_vanaf) VALUES (903, 903, '1999-01-04');
INSERT INTO monitoring.vragen (vragenlijst_id, vraag_code, volgorde, tekst, type, is_verplicht, indicator_code) VALUES
	(903, 'aantal', 1, 'Hoeveel?', 'aantal', true, 'T_WF'),
	(903, 'opmerking', 2, 'Opmerking?', 'tekst', false, NULL);
-- Eight earlier quarters of history for PT09, all around 100.
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
SELECT 'T_WF', 'PT09', q, 100 + n, 'definitief', 'test'
  FROM unnest(ARRAY['2023-Q1','2023-Q2','2023-Q3','2023-Q4','2024-Q1','2024-Q2','2024-Q3','2024-Q4'])
       WITH ORDINALITY AS h(q, n);
INSERT INTO monitoring.aanleveringen (aanlevering_id, proeftuin_code, periode_code, vragenlijst_id)
VALUES (9301, 'PT09', '2025-Q1', 903), (9302, 'PT09', '2025-Q2', 903);

SELECT throws_like($$UPDATE monitoring.aanleveringen SET status = 'ingediend' WHERE aanlevering_id = 9301$$,
    'nog niet alle verplichte vragen%', 'submitting without the required answer is refused');
INSERT INTO monitoring.antwoorden (aanlevering_id, vragenlijst_id, vraag_code, waarde_getal)
VALUES (9301, 903, 'aantal', 104), (9302, 903, 'aantal', 900);
SELECT lives_ok($$UPDATE monitoring.aanleveringen SET status = 'ingediend' WHERE aanlevering_id IN (9301, 9302)$$,
    'with it, submitting works');
SELECT is((SELECT count(*)::int FROM monitoring.signaleringen WHERE aanlevering_id = 9301), 0,
    'a value in line with history raises no signal');
SELECT is((SELECT vraag_code FROM monitoring.signaleringen WHERE aanlevering_id = 9302), 'aantal',
    'a value far from history is signalled');
SELECT ok((SELECT z_score > 3.5 FROM monitoring.signaleringen WHERE aanlevering_id = 9302),
    'with its robust z-score');

UPDATE monitoring.aanleveringen SET status = 'goedgekeurd' WHERE aanlevering_id = 9301;
SELECT results_eq(
    $$SELECT indicator_code, gebied_code, periode_code, waarde, status, aanlevering_id
        FROM monitoring.waarnemingen WHERE aanlevering_id = 9301$$,
    $$VALUES ('T_WF', 'PT09', '2025-Q1', 104::numeric, 'voorlopig', 9301::bigint)$$,
    'approval turns the numeric answer into an observation');
SELECT is((SELECT count(*)::int FROM monitoring.waarnemingen WHERE aanlevering_id = 9302), 0,
    'an unapproved delivery has no observations');

SELECT lives_ok($$SELECT audit.poging('POST', '/v1/x', 400, 'test')$$, 'an attempt is recorded');
SELECT throws_ok($$DELETE FROM audit.pogingen$$, '42501', NULL, 'attempts cannot be deleted');
SELECT throws_ok($$UPDATE audit.pogingen SET reden = 'x'$$, '42501', NULL, 'nor rewritten');

SELECT * FROM finish();
ROLLBACK;
