-- Knowledge and its blind spots (V036, R__07): every result against every
-- category of each dimension, with empty and thin cells; the aard as
-- categories the programme keeps; the decisions an assignment informed.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(10);

DELETE FROM register.kennisopdracht_resultaten;
DELETE FROM register.kennisopdracht_besluiten;
DELETE FROM register.kennisopdrachten;
INSERT INTO register.kennisaarden VALUES ('methoden', 'Methoden en instrumenten', NULL);
INSERT INTO register.kennisopdrachten (kennisopdracht_id, titel, horizon, gelaagdheid, cyclusfase, makelaarsrol, aard_code)
VALUES (9001, 'A', 1, 'operationeel', 'ontwikkelen', 'informeren', 'methoden'),
       (9002, 'B', 1, 'systemisch', 'delen', 'vertalen', NULL);
INSERT INTO register.kennisopdracht_resultaten VALUES (9001, 1, 'direct'), (9001, 2, 'indirect'), (9002, 1, 'direct');

CREATE TEMP VIEW bv AS SELECT id, aantal, leeg, dun FROM api.blinde_vlekken;

SELECT is((SELECT count(*)::int FROM bv), 6 * (3 + 4 + 4 + 4 + 2),
    'every result against every category: 3 horizons, 4 layers, 4 stages, 4 roles, 2 aarden (methoden, onbekend)');
SELECT is((SELECT aantal FROM bv WHERE id = 'horizon/1/1'), 2, 'two assignments serve result 1 at horizon 1');
SELECT is((SELECT row(leeg, dun)::text FROM bv WHERE id = 'horizon/1/1'), '(f,f)', 'neither empty nor thin');
SELECT is((SELECT row(aantal, dun)::text FROM bv WHERE id = 'horizon/2/1'), '(1,t)',
    'an indirect contribution counts, and one is thin');
SELECT is((SELECT row(aantal, leeg)::text FROM bv WHERE id = 'horizon/1/3'), '(0,t)', 'horizon 3 is a blind spot');
SELECT is((SELECT count(*)::int FROM bv WHERE id LIKE '%/6/%' AND leeg), 17, 'result 6: every cell empty');
SELECT is((SELECT aantal FROM bv WHERE id = 'aard/1/methoden') || '/' || (SELECT aantal FROM bv WHERE id = 'aard/1/onbekend'),
    '1/1', 'the aard as the programme names it, and an assignment without one');
SELECT is((SELECT aantal FROM bv WHERE id = 'gelaagdheid/1/systemisch'), 1, 'systemic knowledge for result 1: one');

SELECT lives_ok($$INSERT INTO register.besluiten (besluit_id, orgaan, besluit_date, onderwerp, besluit)
                  VALUES (9001, 'AOG', '2025-03-01', 'Kennisagenda', 'Vastgesteld');
                  SELECT api.register_besluiten('9001', '[9001]')$$, 'an assignment informed a decision');
SELECT throws_ok($$INSERT INTO register.kennisopdrachten (titel, horizon, gelaagdheid, cyclusfase, makelaarsrol, aard_code)
                   VALUES ('C', 2, 'tactisch', 'wegen', 'innoveren', 'bestaat_niet')$$, '23503', NULL,
    'an aard the programme has not named is refused');

SELECT * FROM finish();
ROLLBACK;
