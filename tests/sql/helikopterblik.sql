-- The helikopterblik (V035, R__10): projects, products, actions and
-- knowledge assignments set against the six results, directly or
-- indirectly, the unlinked as their own group and the thinnest result
-- named; links written through the API's functions replace per kind of
-- contribution and move a result from one to the other.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(12);

-- a fixed set: only these items, in a half year without actions
DELETE FROM register.product_resultaten;
DELETE FROM register.project_resultaten;
UPDATE register.projecten SET status = 'gestopt';
UPDATE register.producten SET status = 'vervallen';
UPDATE register.kennisopdrachten SET status = 'gestopt';
UPDATE register.projecten SET status = 'lopend' WHERE project_code IN ('AL1-P2', 'AL2-P1', 'AL2-P2');
UPDATE register.producten SET status = 'lopend', opgeleverd_date = NULL WHERE product_id IN (9, 12);
INSERT INTO register.project_resultaten VALUES ('AL1-P2', 1, 'direct'), ('AL1-P2', 4, 'indirect'),
    ('AL2-P1', 2, 'direct');
INSERT INTO register.product_resultaten VALUES (12, 2, 'direct'), (12, 3, 'indirect');

CREATE TEMP VIEW hb AS
SELECT sleutel, waarde FROM mart.transitiemonitor WHERE periode_code = '2021-H2' AND onderdeel = 'helikopterblik';

SELECT is((SELECT waarde FROM hb WHERE sleutel = 'helikopterblik/1/projecten/-/direct'), 1::numeric,
    'a project serving result 1 directly');
SELECT is((SELECT waarde FROM hb WHERE sleutel = 'helikopterblik/4/projecten/-/indirect'), 1::numeric,
    'and result 4 indirectly');
SELECT is((SELECT waarde FROM hb WHERE sleutel = 'helikopterblik/4/projecten/-/direct'), 0::numeric,
    'not directly');
SELECT is((SELECT waarde FROM hb WHERE sleutel = 'helikopterblik/niet_gekoppeld/projecten/-/niet_gekoppeld'), 1::numeric,
    'the project without a result is not linked yet (AL2-P2)');
SELECT is((SELECT waarde FROM hb WHERE sleutel = 'helikopterblik/niet_gekoppeld/producten/-/niet_gekoppeld'), 1::numeric,
    'and so is the product without one (9)');
SELECT is((SELECT sum(waarde) FROM hb WHERE sleutel LIKE 'helikopterblik/2/%'), 2::numeric,
    'result 2: a project and a product');
SELECT set_eq($$SELECT sleutel, waarde FROM hb WHERE sleutel LIKE 'helikopterblik/minste_volume/%'$$,
    $$VALUES ('helikopterblik/minste_volume/5', 0::numeric), ('helikopterblik/minste_volume/6', 0::numeric)$$,
    'the results with the least volume are named, tied ones each');
SELECT is((SELECT count(*)::int FROM hb WHERE sleutel LIKE 'helikopterblik/%/acties/governance/%'), 13,
    'actions per level: six results twice and not linked');

-- through the API: replace the direct links, move one to indirect
SELECT lives_ok($$SELECT set_config('request.jwt.claims', '{"sub":"t","role":"programma"}', true);
    SET LOCAL ROLE programma;
    SELECT api.register_koppel('projecten', 'AL2-P2', 'direct', '[5, 6]');
    SELECT api.register_koppel('projecten', 'AL2-P2', 'indirect', '[6]');
    RESET ROLE$$, 'the programme links a project to results');
SELECT is((SELECT resultaten::text || ' ' || "indirecteResultaten"::text FROM api.projecten WHERE code = 'AL2-P2'),
    '[5] [6]', 'a result is served one way: 6 moved from direct to indirect');
SELECT set_eq($$SELECT sleutel FROM hb WHERE sleutel LIKE 'helikopterblik/minste_volume/%'$$,
    $$VALUES ('helikopterblik/minste_volume/1'), ('helikopterblik/minste_volume/3'),
             ('helikopterblik/minste_volume/4'), ('helikopterblik/minste_volume/5'),
             ('helikopterblik/minste_volume/6')$$,
    'the monitor follows at once: now every result but 2 has one item');
SELECT throws_ok($$INSERT INTO register.project_resultaten VALUES ('AL1-P2', 2, 'soms')$$, '23514', NULL,
    'a contribution is direct or indirect');

SELECT * FROM finish();
ROLLBACK;
