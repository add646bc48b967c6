-- Reference data: the 2025 indeling as loaded, and the rules on membership.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(22);

SELECT is((SELECT count(*)::int FROM ref.gebieden WHERE soort = 'gemeente'), 342, '342 gemeenten');
SELECT is((SELECT count(*)::int FROM ref.gebieden WHERE soort = 'jeugdregio'), 42, '42 jeugdregio''s');
SELECT is((SELECT count(*)::int FROM ref.gebieden WHERE soort = 'veiligthuisregio'), 25, '25 Veilig Thuis-regio''s');
SELECT is((SELECT count(*)::int FROM ref.gebieden WHERE soort = 'veiligheidsregio'), 25, '25 veiligheidsregio''s');
SELECT is((SELECT count(*)::int FROM ref.proeftuinen), 11, '11 proeftuinen');
SELECT is((SELECT count(*)::int FROM ref.proeftuinen WHERE tranche = 1), 6, '6 in tranche 1');
SELECT is((SELECT count(*)::int FROM ref.gebieden WHERE soort = 'provincie'), 12, '12 provincies');
SELECT is((SELECT count(*)::int FROM ref.gebied_leden WHERE gebied_code = 'NL'), 342, 'NL holds every gemeente');

SELECT set_eq(
    $$SELECT g.naam FROM ref.gebied_leden l JOIN ref.gebieden g ON g.gebied_code = l.gemeente_code
       WHERE l.gebied_code = 'JZ13'$$,
    ARRAY['Aalsmeer', 'Amstelveen', 'Amsterdam', 'Diemen', 'Ouder-Amstel', 'Uithoorn'],
    'Amsterdam-Amstelland has its six gemeenten');
SELECT is(
    (SELECT array_agg(DISTINCT v.gebied_code ORDER BY v.gebied_code)
       FROM ref.gebied_leden f
       JOIN ref.gebied_leden v ON v.gemeente_code = f.gemeente_code AND v.gebied_code LIKE 'VT%'
      WHERE f.gebied_code = 'JZ21'),
    ARRAY['VT05', 'VT20'],
    'FoodValley spans two Veilig Thuis-regio''s');
SELECT ok(EXISTS (SELECT 1 FROM ref.gebied_leden l JOIN ref.gebieden g ON g.gebied_code = l.gemeente_code
                   WHERE l.gebied_code = 'JZ12' AND g.naam = 'Zeewolde'),
    'Zeewolde is in jeugdregio Noord-Veluwe');
SELECT is((SELECT count(*)::int FROM ref.gebied_leden WHERE gebied_code = 'PT01'), 6,
    'proeftuin Amsterdam-Amstelland is seeded with its jeugdregio''s gemeenten');
SELECT is((SELECT count(*)::int FROM ref.perioden WHERE soort = 'kwartaal' AND jaar = 2025), 4,
    'four quarters a year');

SELECT throws_ok($$INSERT INTO ref.gebied_leden (gebied_code, gemeente_code) VALUES ('JZ01', 'GM0363')$$,
    'LK409', NULL, 'a gemeente is in one jeugdregio at a time');
SELECT lives_ok($$UPDATE ref.gebied_leden SET geldig_tot = '2026-01-01'
                   WHERE gebied_code = 'JZ13' AND gemeente_code = 'GM0363';
                  INSERT INTO ref.gebied_leden (gebied_code, gemeente_code, geldig_van)
                  VALUES ('JZ01', 'GM0363', '2026-01-01')$$,
    'but may move to another one from a later date');
SELECT throws_ok($$INSERT INTO ref.perioden VALUES ('2025-Q5', 'kwartaal', 2025, 5, '2025-01-01', '2025-03-31')$$,
    '23514', NULL, 'a quarter that does not exist is refused');

-- region boundaries for maps (V034)
SELECT is((SELECT count(*)::int FROM ref.gebied_grenzen g JOIN ref.gebieden r USING (gebied_code)
            WHERE r.soort = 'jeugdregio'), 42, 'every jeugdregio has its boundary');
SELECT is((SELECT count(*)::int FROM ref.gebied_grenzen g JOIN ref.gebieden r USING (gebied_code)
            WHERE r.soort = 'veiligthuisregio'), 25, 'every Veilig Thuis-regio has its boundary');
SELECT ok((SELECT bool_and((p ->> 0)::numeric BETWEEN 3.0 AND 7.5 AND (p ->> 1)::numeric BETWEEN 50.5 AND 53.8)
             FROM ref.gebied_grenzen g,
                  jsonb_array_elements(CASE g.geometrie ->> 'type' WHEN 'Polygon' THEN jsonb_build_array(g.geometrie -> 'coordinates')
                                        ELSE g.geometrie -> 'coordinates' END) poly,
                  jsonb_array_elements(poly) ring, jsonb_array_elements(ring) p),
    'every position is longitude, latitude within the Netherlands');
SELECT throws_ok($$INSERT INTO ref.gebied_grenzen (gebied_code, geldig_van, geometrie, bron, licentie)
                   VALUES ('JZ13', '2025-06-01', '{"type": "Polygon", "coordinates": []}', 'x', 'y')$$,
    '23P01', NULL, 'two boundaries of one region never hold on the same day');
SELECT throws_ok($$INSERT INTO ref.gebied_grenzen (gebied_code, geldig_van, geometrie, bron, licentie)
                   VALUES ('JZ13', '2024-01-01', '{"type": "Point", "coordinates": [4.9, 52.4]}', 'x', 'y')$$,
    '23514', NULL, 'a boundary is a surface');
SELECT lives_ok($$UPDATE ref.gebied_grenzen SET geldig_tot = '2027-01-01' WHERE gebied_code = 'JZ13';
                  INSERT INTO ref.gebied_grenzen (gebied_code, geldig_van, geometrie, bron, licentie)
                  VALUES ('JZ13', '2027-01-01', '{"type": "Polygon", "coordinates": [[[4.7, 52.2], [5.0, 52.2], [5.0, 52.4], [4.7, 52.2]]]}', 'herindeling', 'CC BY 4.0')$$,
    'a redivision adds a boundary from the day it holds, keeping the old one');

SELECT * FROM finish();
ROLLBACK;
