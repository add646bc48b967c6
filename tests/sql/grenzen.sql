-- Exact figures and their bounds (V025), the version check under a lock,
-- and idempotency keys that belong to one request: what SQL can show of
-- them (concurrency itself is shown over HTTP, test_registers.py).
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(14);

INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting,
    aggregatie, bovengrens)
VALUES ('T_GRENS', 'test', 'test', 'aantal', 'output', 'landelijk', 'neutraal', 'som', 500),
       ('T_TELLING', 'test', 'test', 'aantal', 'output', 'landelijk', 'neutraal', 'som', NULL);

-- the bound: the indicator's own, else its unit's
SELECT is(monitoring.bovengrens(i), 500::numeric, 'an indicator''s own bound holds')
  FROM monitoring.indicatoren i WHERE indicator_code = 'T_GRENS';
SELECT is(monitoring.bovengrens(i), 20000000::numeric, 'without one, a count is held to the population''s order')
  FROM monitoring.indicatoren i WHERE indicator_code = 'T_TELLING';
SELECT throws_ok($$INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
    VALUES ('T_GRENS', 'PT01', '2024-Q1', 501, 'voorlopig', 'test')$$, 'LK400',
    'hoger dan de bovengrens van deze indicator (500)', 'an observation above the bound is refused, naming it');
SELECT lives_ok($$INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
    VALUES ('T_GRENS', 'PT01', '2024-Q1', 500, 'voorlopig', 'test')$$, 'the bound itself is possible');
SELECT throws_ok($$INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
    VALUES ('T_TELLING', 'PT01', '2024-Q1', 'NaN', 'voorlopig', 'test')$$, 'LK400', NULL, 'NaN is no figure');
SELECT throws_ok($$INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort,
    monitoringtype, richting, aggregatie, bovengrens)
    VALUES ('T_PCT', 't', 't', 'percentage', 'outcome', 'landelijk', 'neutraal', 'ratio', 150)$$,
    '23514', NULL, 'a percentage''s bound is at most 100');

-- a load names the row and field of an impossible value, and stores nothing
SELECT is(as_role_value('programma', $$SELECT api.waarnemingen_laden(
    '[{"indicator": "T_GRENS", "gebied": "PT02", "periode": "2024-Q1", "waarde": 99999999999999999999999,
       "status": "voorlopig", "bron": "t"}]', false)::text$$, '{"sub":"t"}'), NULL, 'a load above the bound fails');
SELECT is(as_role('programma', $$SELECT api.waarnemingen_laden(
    '[{"indicator": "T_GRENS", "gebied": "PT02", "periode": "2024-Q1", "waarde": 12.3, "teller": null,
       "status": "voorlopig", "bron": "t"}, {"indicator": "T_GRENS", "gebied": "PT03", "periode": "2024-Q1",
       "waarde": 1e3, "status": "voorlopig", "bron": "t"}]', false)$$, '{"sub":"t"}'), 'LK400',
    'one row above the bound fails the whole load');
SELECT is((SELECT count(*)::int FROM monitoring.waarnemingen WHERE indicator_code = 'T_GRENS' AND gebied_code <> 'PT01'),
    0, 'and stores nothing');

-- a catalogue change needs the version read before, compared under a lock
SELECT is(as_role('programma', $$SELECT * FROM api.indicator_wijzigen('T_GRENS', '{"naam": "x"}', NULL)$$,
    '{"sub":"t"}'), 'LK428', 'a change without If-Match is 428');
SELECT is(as_role('programma', $$SELECT * FROM api.indicator_wijzigen('T_GRENS', '{"naam": "x"}', 'oud')$$,
    '{"sub":"t"}'), 'LK412', 'a stale version is 412');
SELECT is(as_role('programma', format($$SELECT * FROM api.indicator_wijzigen('T_GRENS', '{"naam": "x"}', %L)$$,
        (SELECT versie FROM api.indicatoren WHERE code = 'T_GRENS')), '{"sub":"t"}'), 'ok',
    'the version read is accepted');

-- an amount the column would round is refused, not rounded
SELECT is(as_role_value('programma', $$SELECT api.register_problemen('begroting', 'begroting', 'id',
    '{"jaar": 2030, "post": "p", "begrootEuro": 12.345}', true)::text$$, '{"sub":"t"}'),
    '[{"name": "/begrootEuro", "reason": "ten hoogste 2 decimalen"}]', 'more decimals than the column holds');

-- an idempotency key belongs to one request
SELECT is(ARRAY[
        as_role('programma', $$SELECT api.register_aanmaken('besluiten', '{"orgaan": "AOG",
            "besluitDatum": "2025-03-01", "onderwerp": "Een", "besluit": "Ja"}', 'sleutel-grenzen-1')$$, '{"sub":"t"}'),
        as_role('programma', $$SELECT api.register_aanmaken('besluiten', '{"orgaan": "AOG",
            "besluitDatum": "2025-03-01", "onderwerp": "Een",  "besluit": "Ja"}', 'sleutel-grenzen-1')$$, '{"sub":"t"}'),
        as_role('programma', $$SELECT api.register_aanmaken('besluiten', '{"orgaan": "AOG",
            "besluitDatum": "2025-03-01", "onderwerp": "Twee", "besluit": "Ja"}', 'sleutel-grenzen-1')$$, '{"sub":"t"}')],
    ARRAY['ok', 'ok', 'LK422'], 'the same key: the same body replays, another is refused');

SELECT * FROM finish();
ROLLBACK;
