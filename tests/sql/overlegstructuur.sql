-- The consultation structure as data and the budget per proeftuin (V037).
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(8);

SELECT set_eq($$SELECT orgaan_code, keer_per_jaar FROM register.overlegorganen$$,
    $$VALUES ('BPB', 2.0), ('BOG', 4.0), ('AOG', 8.7), ('AHO', 17.4), ('BO', 52.0), ('Tweede Kamer', NULL)$$,
    'the bodies of the plan (§4.3.5) with their rhythm, and the Tweede Kamer');
SELECT is((SELECT string_agg(orgaan_code, ',' ORDER BY orgaan_code) FROM register.overlegorganen WHERE ring = 'eerste'),
    'AOG,BOG', 'the first ring takes part in the AOG and the BOG');
SELECT lives_ok($$INSERT INTO register.besluiten (orgaan, besluit_date, onderwerp, besluit)
                  VALUES ('BPB', '2025-06-01', 'Voortgang', 'Besproken')$$, 'a decision of the Brede Partnerbijeenkomst');
SELECT throws_ok($$INSERT INTO register.besluiten (orgaan, besluit_date, onderwerp, besluit)
                   VALUES ('Gemeenteraad', '2025-06-01', 'X', 'Y')$$, '23503', NULL,
    'a body that is not in the structure is refused');
SELECT lives_ok($$INSERT INTO register.overlegorganen (orgaan_code, naam, frequentie, keer_per_jaar)
                  VALUES ('TT', 'Thematische tafel', '4 keer per jaar', 4);
                  UPDATE register.mijlpalen SET beslisorgaan = 'TT' WHERE mijlpaal_id = 4$$,
    'the programme adds a body, and a milestone names it');

-- the budget per proeftuin, transition or transformation, summed per post in the monitor
INSERT INTO register.begrotingsregels (jaar, post, proeftuin_code, kostensoort, begroot_euro, gerealiseerd_euro)
VALUES (2026, 'Proeftuinen', 'PT01', 'transitie', 100000, 40000),
       (2026, 'Proeftuinen', 'PT02', 'transformatie', 50000, NULL);
SELECT throws_ok($$INSERT INTO register.begrotingsregels (jaar, post, proeftuin_code, begroot_euro)
                   VALUES (2026, 'Proeftuinen', 'PT01', 1)$$, '23505', NULL, 'one line per year, post and proeftuin');
SELECT is((SELECT waarde FROM mart.transitiemonitor WHERE periode_code = '2026-H1'
            AND sleutel = 'begroting/Proeftuinen/1'), 150000.00, 'the monitor sums the proeftuinen of a post');
SELECT throws_ok($$INSERT INTO register.begrotingsregels (jaar, post, kostensoort, begroot_euro)
                   VALUES (2026, 'Anders', 'onderhoud', 1)$$, '23514', NULL, 'a cost is transition or transformation');

SELECT * FROM finish();
ROLLBACK;
