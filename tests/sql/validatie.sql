-- Validating an indicator is a decision on record (V029): a change of
-- validatiestatus without a reason is refused whoever makes it; with one,
-- the indicator carries it and the history gets a row that is never
-- rewritten. And a progress report is established only after its half
-- year (V028, tested in rapportages.sql).
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(9);

INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting,
    aggregatie)
VALUES ('T_VALIDATIE', 'test', 'test', 'aantal', 'output', 'landelijk', 'neutraal', 'som');
SELECT results_eq($$SELECT van, naar, reden FROM monitoring.validatiebesluiten WHERE indicator_code = 'T_VALIDATIE'$$,
    $$VALUES (NULL::text, 'in_ontwikkeling'::text, 'opgenomen in de catalogus'::text)$$,
    'a new entry in development is recorded with its first status');
SELECT throws_ok($$UPDATE monitoring.indicatoren SET validatiestatus = 'gevalideerd'
    WHERE indicator_code = 'T_VALIDATIE'$$, 'LK400', NULL, 'a change of status without a reason is refused');
SELECT throws_ok($$INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort,
    monitoringtype, richting, aggregatie, validatiestatus)
    VALUES ('T_DIRECT', 't', 't', 'aantal', 'output', 'landelijk', 'neutraal', 'som', 'gevalideerd')$$,
    'LK400', NULL, 'so is a new entry validated from the start without one');

SELECT set_config('lakmoes.validatie_reden', 'werkgroep: kwaliteit vastgesteld', true);
UPDATE monitoring.indicatoren SET validatiestatus = 'gevalideerd' WHERE indicator_code = 'T_VALIDATIE';
SELECT set_config('lakmoes.validatie_reden', '', true);
SELECT results_eq($$SELECT validatiestatus, validatie_reden, validatie_at = now() FROM monitoring.indicatoren
    WHERE indicator_code = 'T_VALIDATIE'$$,
    $$VALUES ('gevalideerd'::text, 'werkgroep: kwaliteit vastgesteld'::text, true)$$,
    'with a reason the indicator carries its decision');
SELECT results_eq($$SELECT van, naar, reden FROM monitoring.validatiebesluiten WHERE indicator_code = 'T_VALIDATIE'
    ORDER BY validatiebesluit_id$$,
    $$VALUES (NULL::text, 'in_ontwikkeling'::text, 'opgenomen in de catalogus'::text),
             ('in_ontwikkeling', 'gevalideerd', 'werkgroep: kwaliteit vastgesteld')$$,
    'and the history has the decision');
UPDATE monitoring.indicatoren SET naam = 'ander', validatie_reden = 'stiekem', validatie_at = '2020-01-01'
 WHERE indicator_code = 'T_VALIDATIE';
SELECT results_eq($$SELECT validatie_reden, validatie_at = now() FROM monitoring.indicatoren
    WHERE indicator_code = 'T_VALIDATIE'$$, $$VALUES ('werkgroep: kwaliteit vastgesteld'::text, true)$$,
    'other changes keep the decision as it was, whatever they set');
SELECT is((SELECT count(*)::int FROM monitoring.validatiebesluiten WHERE indicator_code = 'T_VALIDATIE'), 2,
    'and add nothing to the history');
SELECT throws_ok($$UPDATE monitoring.validatiebesluiten SET reden = 'anders'$$, 'LK409', NULL,
    'the history is never rewritten');
SELECT is(as_role('publiek', $$SELECT count(*) FROM monitoring.validatiebesluiten$$), '42501',
    'who decided is for members');

SELECT * FROM finish();
ROLLBACK;
