-- The delivery state machine and its answers, enforced in SQL.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(20);

INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting, aggregatie)
VALUES ('T_AANTAL', 'test', 'test', 'aantal', 'output', 'diagnostisch', 'neutraal', 'som');
INSERT INTO monitoring.vragenlijsten (vragenlijst_id, versie, geldig_vanaf) VALUES (901, 901, '1999-01-02');
INSERT INTO monitoring.vragen (vragenlijst_id, vraag_code, volgorde, tekst, type, is_verplicht, min, max, opties, indicator_code) VALUES
	(901, 'aantal_nieuw', 1, 'Hoeveel?', 'aantal', true, 0, 5000, NULL, 'T_AANTAL'),
	(901, 'fase', 2, 'Fase?', 'keuze', false, NULL, NULL, ARRAY['start', 'groei'], NULL),
	(901, 'ervaring', 3, 'Ervaring?', 'tekst', false, NULL, NULL, NULL, NULL);
INSERT INTO monitoring.aanleveringen (aanlevering_id, proeftuin_code, periode_code, vragenlijst_id)
VALUES (9101, 'PT07', '2024-Q1', 901);

SELECT is((SELECT status FROM monitoring.aanleveringen WHERE aanlevering_id = 9101), 'concept', 'a delivery starts as concept');
SELECT throws_ok($$INSERT INTO monitoring.aanleveringen (proeftuin_code, periode_code, vragenlijst_id, status)
    VALUES ('PT07', '2024-Q2', 901, 'ingediend')$$, 'LK409', NULL, 'and only as concept');
SELECT throws_ok($$INSERT INTO monitoring.aanleveringen (proeftuin_code, periode_code, vragenlijst_id)
    VALUES ('PT07', '2022-Q2', 901)$$, 'LK400', NULL, 'not for a quarter before the proeftuin started');
SELECT throws_ok($$INSERT INTO monitoring.aanleveringen (proeftuin_code, periode_code, vragenlijst_id)
    VALUES ('PT07', '2034-Q1', 901)$$, 'LK400', NULL, 'not for a future quarter');
SELECT throws_ok($$INSERT INTO monitoring.aanleveringen (proeftuin_code, periode_code, vragenlijst_id)
    VALUES ('PT07', '2024-H1', 901)$$, '23514', NULL, 'only for a quarter');
SELECT throws_ok($$INSERT INTO monitoring.aanleveringen (proeftuin_code, periode_code, vragenlijst_id)
    VALUES ('PT07', '2024-Q1', 901)$$, '23505', NULL, 'one delivery per proeftuin and quarter');

-- Answers while concept.
SELECT lives_ok($$INSERT INTO monitoring.antwoorden (aanlevering_id, vragenlijst_id, vraag_code, waarde_getal)
    VALUES (9101, 901, 'aantal_nieuw', 12)$$, 'a valid answer is stored');
SELECT throws_ok($$INSERT INTO monitoring.antwoorden (aanlevering_id, vragenlijst_id, vraag_code, waarde_tekst)
    VALUES (9101, 901, 'fase', 'klaar')$$, 'LK400', NULL, 'a choice outside the options is refused');
SELECT throws_ok($$UPDATE monitoring.antwoorden SET waarde_getal = 5001 WHERE aanlevering_id = 9101$$,
    'LK400', NULL, 'a number above the maximum is refused');
SELECT throws_ok($$UPDATE monitoring.antwoorden SET waarde_getal = 2.5 WHERE aanlevering_id = 9101$$,
    'LK400', NULL, 'a count is a whole number');
SELECT throws_ok($$INSERT INTO monitoring.antwoorden (aanlevering_id, vragenlijst_id, vraag_code, waarde_getal)
    VALUES (9101, 901, 'bestaat_niet', 1)$$, 'LK400', NULL, 'an unknown question is refused');

-- Transitions.
SELECT throws_ok($$UPDATE monitoring.aanleveringen SET status = 'goedgekeurd' WHERE aanlevering_id = 9101$$,
    'LK409', NULL, 'concept → goedgekeurd does not exist');
SELECT lives_ok($$UPDATE monitoring.aanleveringen SET status = 'ingediend' WHERE aanlevering_id = 9101$$,
    'concept → ingediend');
SELECT throws_ok($$UPDATE monitoring.antwoorden SET waarde_getal = 13 WHERE aanlevering_id = 9101$$,
    'LK409', NULL, 'answers are locked once submitted');
SELECT throws_ok($$UPDATE monitoring.aanleveringen SET status = 'teruggestuurd' WHERE aanlevering_id = 9101$$,
    'LK400', NULL, 'sending back needs a toelichting');
SELECT lives_ok($$UPDATE monitoring.aanleveringen SET status = 'teruggestuurd', toelichting = 'klopt niet'
    WHERE aanlevering_id = 9101$$, 'ingediend → teruggestuurd with a toelichting');
SELECT lives_ok($$UPDATE monitoring.antwoorden SET waarde_getal = 13 WHERE aanlevering_id = 9101$$,
    'answers open again once sent back');
SELECT lives_ok($$UPDATE monitoring.aanleveringen SET status = 'ingediend' WHERE aanlevering_id = 9101;
                  UPDATE monitoring.aanleveringen SET status = 'goedgekeurd' WHERE aanlevering_id = 9101$$,
    'teruggestuurd → ingediend → goedgekeurd');
SELECT throws_ok($$UPDATE monitoring.aanleveringen SET status = 'teruggestuurd', toelichting = 'toch niet'
    WHERE aanlevering_id = 9101$$, 'LK409', NULL, 'an approved delivery is final');
SELECT throws_ok($$DELETE FROM monitoring.aanleveringen WHERE aanlevering_id = 9101$$,
    'LK409', NULL, 'and cannot be deleted');

SELECT * FROM finish();
ROLLBACK;
