-- Around a delivery's transitions: required answers, approval into
-- observations (a ratio with its noemer), outlier signals; and the
-- attempts log is append-only.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(17);

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
    'de aanlevering kan nog niet worden ingediend%', 'submitting without the required answer is refused');
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

-- A mean over respondents (V019): its noemer question is required where
-- it is answered, and approval stores teller and noemer.
INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting, aggregatie)
VALUES ('T_WF_CIJFER', 'test', 'test', 'score', 'output', 'diagnostisch', 'hoger_beter', 'ratio'),
       ('T_WF_PCT', 'test', 'test', 'percentage', 'output', 'diagnostisch', 'hoger_beter', 'ratio');
INSERT INTO monitoring.vragen (vragenlijst_id, vraag_code, volgorde, tekst, type, indicator_code) VALUES
	(903, 'respondenten', 3, 'Hoeveel?', 'aantal', NULL),
	(903, 'cijfer', 4, 'Welk cijfer?', 'getal', 'T_WF_CIJFER'),
	(903, 'pct', 5, 'Welk percentage?', 'percentage', 'T_WF_PCT');
SELECT throws_like($$UPDATE monitoring.vragen SET noemer_vraag = 'opmerking'
    WHERE vragenlijst_id = 903 AND vraag_code = 'cijfer'$$, '%geen vraag naar een aantal%',
    'a noemer is a question for a count');
SELECT throws_like($$UPDATE monitoring.vragen SET noemer_vraag = 'respondenten'
    WHERE vragenlijst_id = 903 AND vraag_code = 'aantal'$$, '%alleen een vraag die een ratio-indicator voedt%',
    'only a question feeding a ratio has a noemer');
UPDATE monitoring.vragen SET noemer_vraag = 'respondenten' WHERE vragenlijst_id = 903 AND vraag_code IN ('cijfer', 'pct');
INSERT INTO monitoring.aanleveringen (aanlevering_id, proeftuin_code, periode_code, vragenlijst_id)
VALUES (9303, 'PT09', '2025-Q3', 903);
INSERT INTO monitoring.antwoorden (aanlevering_id, vragenlijst_id, vraag_code, waarde_getal)
VALUES (9303, 903, 'aantal', 103), (9303, 903, 'cijfer', 7.4), (9303, 903, 'pct', 33.3),
       (9303, 903, 'respondenten', 0);
SELECT is(as_role('programma', $$UPDATE monitoring.aanleveringen SET status = 'ingediend'
    WHERE aanlevering_id = 9303$$, '{"sub":"t"}'), 'LK400',
    'a mark and a percentage over 0 respondents are refused on submission');
UPDATE monitoring.antwoorden SET waarde_getal = 3 WHERE aanlevering_id = 9303 AND vraag_code = 'respondenten';
UPDATE monitoring.aanleveringen SET status = 'ingediend' WHERE aanlevering_id = 9303;
UPDATE monitoring.aanleveringen SET status = 'goedgekeurd' WHERE aanlevering_id = 9303;
SELECT results_eq(
    $$SELECT indicator_code, waarde, teller, noemer FROM monitoring.waarnemingen
       WHERE aanlevering_id = 9303 ORDER BY indicator_code$$,
    $$VALUES ('T_WF', 103::numeric, NULL::numeric, NULL::numeric), ('T_WF_CIJFER', 7.4, 22.2, 3),
             ('T_WF_PCT', 33.3, 1, 3)$$,
    'approval stores a mean and a percentage with teller and noemer (a percentage''s teller in whole households)');
SELECT is(as_role_value('opdrachtgever', $$SELECT string_agg(indicator || ':' || coalesce(waarde::text, 'leeg'), ' '
        ORDER BY indicator) FROM api.waarnemingen_op(NULL) WHERE aanlevering = 9303$$, '{"sub":"t"}'),
    'T_WF:105 T_WF_CIJFER:leeg T_WF_PCT:leeg', 'so an opdrachtgever does not see a mark or a share of 3');

-- The running quarter (V021): started and answered while it runs, submitted
-- once it is over; the quarter is named first, the open questions after it.
INSERT INTO monitoring.aanleveringen (aanlevering_id, proeftuin_code, periode_code, vragenlijst_id)
SELECT 9304, 'PT09', q.periode_code, 903 FROM ref.perioden q
 WHERE q.soort = 'kwartaal' AND current_date BETWEEN q.begin_date AND q.eind_date;
CREATE TEMP TABLE wf_problemen (poging integer, detail jsonb);
CREATE FUNCTION pg_temp.dien_in(poging integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	d text;
BEGIN
	UPDATE monitoring.aanleveringen SET status = 'ingediend' WHERE aanlevering_id = 9304;
EXCEPTION WHEN SQLSTATE 'LK400' THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
	INSERT INTO wf_problemen VALUES (poging, d::jsonb);
END
$$;
SELECT pg_temp.dien_in(1);
INSERT INTO monitoring.antwoorden (aanlevering_id, vragenlijst_id, vraag_code, waarde_getal)
VALUES (9304, 903, 'aantal', 101);
SELECT pg_temp.dien_in(2);
SELECT is((SELECT array_agg(e ->> 'name' ORDER BY n) FROM wf_problemen, jsonb_array_elements(detail)
             WITH ORDINALITY AS x(e, n) WHERE poging = 1),
    ARRAY['periode', 'aantal'], 'the running quarter is refused on submission, named before the open question');
SELECT matches((SELECT detail ->> 0 FROM wf_problemen WHERE poging = 2 AND jsonb_array_length(detail) = 1),
    (SELECT format('loopt nog tot en met %s', to_char(q.eind_date, 'DD-MM-YYYY')) FROM ref.perioden q
      JOIN monitoring.aanleveringen a ON a.periode_code = q.periode_code WHERE a.aanlevering_id = 9304),
    'answered in full, it is still refused until the quarter''s last day has passed, which the reason names');

SELECT lives_ok($$SELECT audit.poging('POST', '/v1/x', 400, 'test')$$, 'an attempt is recorded');
SELECT throws_ok($$DELETE FROM audit.pogingen$$, '42501', NULL, 'attempts cannot be deleted');
SELECT throws_ok($$UPDATE audit.pogingen SET reden = 'x'$$, '42501', NULL, 'nor rewritten');

SELECT * FROM finish();
ROLLBACK;
