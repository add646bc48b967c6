-- Secondary suppression (R__10, mart.secundair_geheimhouden) on small fixed
-- data sets with the cells it must withhold, worked out by hand.
--
-- 1. Areas. T_SEC in 2024 for four gemeenten: Amsterdam 3, Aalsmeer 40,
--    Groningen 50, Stadskanaal 60. Amsterdam (3) is withheld. Every area
--    it is in (JZ13, PV27, VR13, VT01, PT01) holds Aalsmeer too and shows
--    43: Amsterdam = 43 - Aalsmeer would follow, so Aalsmeer, the smallest
--    published part, is withheld with it. Then each of those areas has two
--    withheld parts, NL (153) has two as well, and nothing else is needed:
--    Aalsmeer alone.
-- 2. Quarters. T_SEC_Q for PT05 per quarter of 2024: 12, 30, 4, 40. Q3 (4)
--    is withheld; H2 (44) less Q4 (40) would give it, so Q4 is withheld
--    too. The proeftuinen together and tranche 1 are PT05 alone, quarter
--    by quarter: their Q4 equals PT05's, so theirs is withheld as well.
--    H1 (42), H2 (44) and the year (86) stay: H2 = Q3 + Q4 with both
--    withheld leaves each of them 0 to 44.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(10);

INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting, aggregatie)
VALUES ('T_SEC', 'test', 'test', 'aantal', 'output', 'landelijk', 'neutraal', 'som'),
       ('T_SEC_Q', 'test', 'test', 'aantal', 'output', 'landelijk', 'neutraal', 'som');
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
VALUES ('T_SEC', 'GM0363', '2024', 3, 'definitief', 'test'), ('T_SEC', 'GM0358', '2024', 40, 'definitief', 'test'),
       ('T_SEC', 'GM0014', '2024', 50, 'definitief', 'test'), ('T_SEC', 'GM0037', '2024', 60, 'definitief', 'test'),
       ('T_SEC_Q', 'PT05', '2024-Q1', 12, 'definitief', 'test'), ('T_SEC_Q', 'PT05', '2024-Q2', 30, 'definitief', 'test'),
       ('T_SEC_Q', 'PT05', '2024-Q3', 4, 'definitief', 'test'), ('T_SEC_Q', 'PT05', '2024-Q4', 40, 'definitief', 'test');

CREATE TEMP VIEW geheim AS
SELECT indicator_code || '/' || periode_code || '/' || gebied_code || CASE WHEN secundair THEN ' (secundair)' ELSE '' END
           COLLATE "default" AS cel
  FROM mart.sectormonitor
 WHERE indicator_code IN ('T_SEC', 'T_SEC_Q') AND geheimhouding = 'geheim';

SELECT set_eq('SELECT cel FROM geheim WHERE cel LIKE ''T_SEC/%''',
    ARRAY['T_SEC/2024/GM0363', 'T_SEC/2024/GM0358 (secundair)'],
    'areas: Amsterdam withheld, and Aalsmeer with it, nothing else');
SELECT set_eq('SELECT cel FROM geheim WHERE cel LIKE ''T_SEC_Q/%''',
    ARRAY['T_SEC_Q/2024-Q3/PT05', 'T_SEC_Q/2024-Q3/PTS0', 'T_SEC_Q/2024-Q3/PTS1',
          'T_SEC_Q/2024-Q4/PT05 (secundair)', 'T_SEC_Q/2024-Q4/PTS0 (secundair)', 'T_SEC_Q/2024-Q4/PTS1 (secundair)'],
    'quarters: Q3 withheld, and Q4 with it, in the proeftuin and the proeftuinen together');
SELECT is(as_role_value('publiek', $$SELECT string_agg(gebied || '=' || coalesce(waarde::text, 'geheim'), ' ' ORDER BY gebied)
    FROM api.sectormonitor WHERE indicator = 'T_SEC' AND periode = '2024'
     AND gebied IN ('GM0363', 'GM0358', 'GM0014', 'GM0037', 'JZ13', 'NL')$$),
    'GM0014=50 GM0037=60 GM0358=geheim GM0363=geheim JZ13=45 NL=155',
    'publiek: the two withheld, the rest rounded');
SELECT is(as_role_value('publiek', $$SELECT string_agg(periode || '=' || coalesce(waarde::text, 'geheim'), ' ' ORDER BY periode)
    FROM api.sectormonitor WHERE indicator = 'T_SEC_Q' AND gebied = 'PT05'$$),
    '2024=85 2024-H1=40 2024-H2=45 2024-Q1=10 2024-Q2=30 2024-Q3=geheim 2024-Q4=geheim',
    'publiek: the half years and the year stay');
SELECT is(as_role_value('opdrachtgever', $$SELECT coalesce(waarde::text, 'leeg') || '/' || geheimhouding
    FROM api.waarnemingen_op(NULL) WHERE indicator = 'T_SEC' AND gebied = 'GM0358'$$, '{"sub":"t"}'), 'leeg/geheim',
    'opdrachtgever: the observation is withheld as well');
SELECT is(as_role_value('publiek', $$SELECT coalesce("vorigeWaarde"::text, 'leeg')
    FROM api.sectormonitor WHERE indicator = 'T_SEC_Q' AND gebied = 'PT05' AND periode = '2025-Q1'$$), NULL,
    'publiek: and so is a withheld cell as the next period''s previous value (no row for 2025-Q1: none)');
SELECT is(as_role_value('aanleveraar', $$SELECT string_agg(periode || '=' || waarde, ' ' ORDER BY periode)
    FROM api.sectormonitor WHERE indicator = 'T_SEC_Q' AND gebied = 'PT05' AND periode LIKE '2024-Q%'$$,
    '{"sub":"t","org":"PT05"}'), '2024-Q1=12 2024-Q2=30 2024-Q3=4 2024-Q4=40', 'the proeftuin sees its own raw');

-- A correction decides the block anew: Aalsmeer at 400 is still the
-- smallest part of Amsterdam's areas and stays withheld; Amsterdam at 30
-- is no longer withheld, and Aalsmeer is published again.
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
VALUES ('T_SEC', 'GM0363', '2024', 30, 'definitief', 'test, correctie');
SELECT set_eq('SELECT cel FROM geheim WHERE cel LIKE ''T_SEC/%''', ARRAY[]::text[],
    'a correction above the threshold: nothing withheld any more');
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
VALUES ('T_SEC', 'GM0363', '2024', 2, 'definitief', 'test, correctie');
SELECT set_eq('SELECT cel FROM geheim WHERE cel LIKE ''T_SEC/%''',
    ARRAY['T_SEC/2024/GM0363', 'T_SEC/2024/GM0358 (secundair)'], 'and back below it: withheld with its partner again');

-- A full refresh decides nothing differently.
SELECT is(mart.sectormonitor_verversen(ARRAY['T_SEC', 'T_SEC_Q']), 0,
    'a full refresh of the two indicators finds nothing to change');

SELECT * FROM finish();
ROLLBACK;
