-- The two monitors (mart, R__10_mart) on a small fixed data set
-- (golden/fixture.sql), against expected rows kept in files
-- (golden/sectormonitor.csv, golden/transitiemonitor.csv); their refresh;
-- and disclosure control for every controlled role.
--
-- Worked out by hand, TST_AANTAL (som, lager_beter) in 2025-H1: NL is
-- 30 + 4 + 15 + 6 = 55 from 4 of 342 gemeenten, voorlopig because
-- Amsterdam's figure is; 2024-H2 was 40 + 3 + 12 + 7 = 62; PT01 delivered
-- 50 itself, which wins over its aggregate 34; jeugdregio JZ01 (21) ranks
-- above JZ13 (34). TST_PCT (ratio) in 2025-H1: NL = (40+3+50+5) /
-- (100+8+90+20) = 98/218 = 44.95 %, never the mean of the percentages;
-- in 2024-H2 Stadskanaal had no teller/noemer and is left out: 77/198 =
-- 38.89 %. The proeftuinen together (PTS0, V033) are their proeftuinen:
-- PT01 alone, 43 (40 + 3) in 2024-H2 and its own 50 in 2025-H1; the rest
-- of the country (NLR0) Groningen and Stadskanaal, 19 and 21. In the
-- transition monitor the proeftuinen (50) against the others (21), and no
-- difference of counts (without a population basis they are not
-- comparable); 43/108 = 39.81 % against 55/110 = 50 %, a difference of
-- rates.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(37);

\ir golden/fixture.sql

CREATE TEMP TABLE verwacht_sector (
	indicator_code text, periode_code text, gebied_code text, waarde numeric, teller numeric,
	noemer numeric, status text, bron text, geaggregeerd boolean, leden_geleverd integer,
	leden_totaal integer, vorige_waarde numeric, jaar_eerder_waarde numeric, nulmeting numeric,
	streefwaarde numeric, streefjaar integer, nationale_waarde numeric, rang integer,
	vergelijkbaar integer, percentiel numeric);
\copy verwacht_sector FROM 'tests/sql/golden/sectormonitor.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE verwacht_transitie (
	periode_code text, sleutel text, indicator_code text, groep text, maat text, eenheid text,
	waarde numeric, noemer numeric, aftrek numeric, aftrek_noemer numeric);
\copy verwacht_transitie FROM 'tests/sql/golden/transitiemonitor.csv' WITH (FORMAT csv, HEADER true)

CREATE TEMP VIEW sector_tst AS
SELECT indicator_code COLLATE "default", periode_code COLLATE "default", gebied_code COLLATE "default", waarde, teller, noemer, status, bron,
       geaggregeerd, leden_geleverd, leden_totaal, vorige_waarde, jaar_eerder_waarde, nulmeting,
       streefwaarde, streefjaar, nationale_waarde, rang, vergelijkbaar, percentiel
  FROM mart.sectormonitor WHERE indicator_code LIKE 'TST\_%';
CREATE TEMP VIEW transitie_tst AS
SELECT periode_code COLLATE "default", sleutel COLLATE "default", indicator_code, groep, maat, eenheid, waarde, noemer, aftrek,
       aftrek_noemer
  FROM mart.transitiemonitor WHERE indicator_code LIKE 'TST\_%';

-- Golden rows, kept up to date by the inserts' own triggers.
SELECT cmp_ok((SELECT count(*) FROM verwacht_sector), '>', 50::bigint, 'the expected sector rows were read');
SELECT results_eq('SELECT * FROM sector_tst ORDER BY 1, 2, 3', 'SELECT * FROM verwacht_sector ORDER BY 1, 2, 3',
    'sector monitor: the golden rows');
SELECT results_eq('SELECT * FROM transitie_tst ORDER BY 1, 2', 'SELECT * FROM verwacht_transitie ORDER BY 1, 2',
    'transition monitor: the golden effect rows');
SELECT is((SELECT waarde FROM mart.sectormonitor WHERE indicator_code = 'TST_PCT' AND periode_code = '2025-H1'
            AND gebied_code = 'NL'), 44.95, 'a ratio aggregates teller and noemer (98/218), not percentages');
SELECT is((SELECT waarde || '/' || geaggregeerd FROM mart.sectormonitor WHERE indicator_code = 'TST_AANTAL'
            AND periode_code = '2025-H1' AND gebied_code = 'PT01'), '50/false', 'a delivered value wins over the aggregate');

-- A full recomputation gives the same rows as the incremental refresh.
CREATE TEMP TABLE voor AS SELECT * FROM mart.sectormonitor;
CREATE TEMP TABLE voor_t AS SELECT * FROM mart.transitiemonitor;
SELECT is(mart.sectormonitor_verversen(), 0, 'a full refresh of the sector monitor finds nothing to change');
SELECT ok(mart.transitiemonitor_verversen() > 0, 'a full refresh of the transition monitor');
SELECT is((SELECT count(*) FROM ((SELECT * FROM mart.sectormonitor EXCEPT SELECT * FROM voor)
            UNION ALL (SELECT * FROM voor EXCEPT SELECT * FROM mart.sectormonitor)) d), 0::bigint,
    'incremental and full refresh agree (sector)');
SELECT is((SELECT count(*) FROM ((SELECT * FROM mart.transitiemonitor EXCEPT SELECT * FROM voor_t)
            UNION ALL (SELECT * FROM voor_t EXCEPT SELECT * FROM mart.transitiemonitor)) d), 0::bigint,
    'incremental and full refresh agree (transition)');

-- The refresh mends a mart that differs in every way: a row missing, a row
-- changed, a row that should not be there; it writes exactly those three.
DELETE FROM mart.sectormonitor WHERE indicator_code = 'TST_AANTAL' AND periode_code = '2025-H1' AND gebied_code = 'NL';
UPDATE mart.sectormonitor SET rang = rang + 1
 WHERE indicator_code = 'TST_PCT' AND periode_code = '2025-H1' AND gebied_code = 'PT01';
INSERT INTO mart.sectormonitor
SELECT (jsonb_populate_record(s, '{"periode_code": "2015-Q1"}')).* FROM mart.sectormonitor s
 WHERE indicator_code = 'TST_AANTAL' AND periode_code = '2025-H1' AND gebied_code = 'PT01';
SELECT is(mart.sectormonitor_verversen(), 3, 'a full refresh writes the missing, the changed and the stray row');
SELECT is((SELECT count(*) FROM ((SELECT * FROM mart.sectormonitor EXCEPT SELECT * FROM voor)
            UNION ALL (SELECT * FROM voor EXCEPT SELECT * FROM mart.sectormonitor)) d), 0::bigint,
    'after which the mart is as it was');

-- A correction reaches the aggregates, the next period's comparison and
-- the transition monitor; other indicators' rows stay as they were.
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
VALUES ('TST_AANTAL', 'GM0014', '2024-H2', 22, 'definitief', 'test, correctie');
SELECT is((SELECT waarde::text || '/' || vorige_waarde FROM mart.sectormonitor
            WHERE indicator_code = 'TST_AANTAL' AND gebied_code = 'NL' AND periode_code = '2025-H1'), '55/72',
    'a correction of 2024-H2 reaches NL and the 2025-H1 comparison');
SELECT is((SELECT aftrek FROM mart.transitiemonitor WHERE periode_code = '2025-H1'
            AND sleutel = 'effecten/TST_AANTAL/overig/trend'), 29::numeric, 'and the transition monitor''s trend');
SELECT is((SELECT count(*) FROM ((SELECT * FROM mart.sectormonitor WHERE indicator_code NOT LIKE 'TST\_%'
            EXCEPT SELECT * FROM voor) UNION ALL (SELECT * FROM voor WHERE indicator_code NOT LIKE 'TST\_%'
            EXCEPT SELECT * FROM mart.sectormonitor WHERE indicator_code NOT LIKE 'TST\_%')) d), 0::bigint,
    'rows of other indicators are untouched');
SELECT is((SELECT revisie || '/' || waarde || '/' || bron FROM mart.actueel
            WHERE indicator_code = 'TST_AANTAL' AND gebied_code = 'GM0014' AND periode_code = '2024-H2'),
    '2/22/test, correctie', 'the correction is the current value the monitors read');
SELECT is((SELECT count(*) FROM (
            (SELECT indicator_code, gebied_code, periode_code, revisie, waarde, teller, noemer, status, bron, recorded_at
               FROM mart.actueel
             EXCEPT SELECT indicator_code, gebied_code, periode_code, revisie, waarde, teller, noemer, status, bron,
                           recorded_at FROM monitoring.waarnemingen_actueel)
            UNION ALL
            (SELECT indicator_code, gebied_code, periode_code, revisie, waarde, teller, noemer, status, bron, recorded_at
               FROM monitoring.waarnemingen_actueel
             EXCEPT SELECT indicator_code, gebied_code, periode_code, revisie, waarde, teller, noemer, status, bron,
                           recorded_at FROM mart.actueel)) d), 0::bigint,
    'mart.actueel holds exactly the latest revision of every figure');

-- Registers feed their part of the transition monitor.
INSERT INTO register.basisbouwstenen (gemeente_code, geldig_van, bron) VALUES ('GM0014', '2025-01-01', 'test');
SELECT is((SELECT waarde FROM mart.transitiemonitor WHERE periode_code = '2025-H1'
            AND sleutel = 'spreiding/2/gemeenten'), 1::numeric, 'a gemeente on the basisbouwstenen counts');
SELECT is((SELECT waarde FROM mart.transitiemonitor WHERE periode_code = '2024-H2'
            AND sleutel = 'spreiding/2/gemeenten'), 0::numeric, 'from the half year it started');
INSERT INTO register.kennisopdrachten (titel, horizon, gelaagdheid, cyclusfase, makelaarsrol)
VALUES ('test', 2, 'complex', 'delen', 'vertalen');
INSERT INTO register.kennisopdracht_resultaten (kennisopdracht_id, resultaat_nummer)
SELECT max(kennisopdracht_id), 4 FROM register.kennisopdrachten;
SELECT is((SELECT string_agg(sleutel || '=' || waarde, ',' ORDER BY sleutel) FROM mart.transitiemonitor
            WHERE periode_code = '2025-H1' AND sleutel LIKE 'kennisopdrachten/4/%'),
    'kennisopdrachten/4/1=0,kennisopdrachten/4/2=1,kennisopdrachten/4/3=0,kennisopdrachten/4/blinde_vlek=0',
    'a knowledge assignment for result 4 fills its blind spot');
INSERT INTO register.mijlpalen (naam, gepland_date, gerealiseerd_date, status)
VALUES ('test op tijd', '2026-02-01', '2026-01-15', 'gerealiseerd'),
       ('test te laat', '2026-03-01', '2026-05-01', 'gerealiseerd'),
       ('test open', '2026-04-01', NULL, 'vertraagd');
SELECT is((SELECT string_agg(maat || '=' || waarde, ',' ORDER BY sleutel) FROM mart.transitiemonitor
            WHERE periode_code = '2026-H1' AND onderdeel = 'mijlpalen'),
    (SELECT format('gepland=%s,op_tijd=%s,te_laat=%s,open=%s,vervallen=%s',
                   count(*) FILTER (WHERE status <> 'vervallen'),
                   count(*) FILTER (WHERE gerealiseerd_date <= gepland_date),
                   count(*) FILTER (WHERE gerealiseerd_date > gepland_date),
                   count(*) FILTER (WHERE gerealiseerd_date IS NULL AND status <> 'vervallen'),
                   count(*) FILTER (WHERE status = 'vervallen'))
       FROM register.mijlpalen WHERE gepland_date BETWEEN '2026-01-01' AND '2026-06-30'),
    'milestones of a half year: planned, on time, late, open, dropped');

-- Disclosure control for every controlled role: no small count, no count
-- that is not a multiple of 5, no ratio on a small denominator, no teller
-- or noemer, no rank of a value not shown as it is. Baselines are
-- measurements too: two small ones for gemeenten.
INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit)
VALUES ('TST_AANTAL', 'GM0358', 2024, 'nulmeting', 7, 'test'),
       ('TST_AANTAL', 'GM0363', 2024, 'nulmeting', 23, 'test'),
       ('TST_AANTAL', 'GM0363', 2026, 'streefwaarde', 8, 'test');
SELECT is(as_role_value(r.rol, $$SELECT count(*) FROM api.sectormonitor
    WHERE gebied <> 'PT03' AND ((eenheid = 'aantal' AND waarde IS NOT NULL AND (waarde < 10 OR waarde % 5 <> 0))
       OR (eenheid = 'aantal' AND (nulmeting < 10 OR nulmeting % 5 <> 0))
       OR teller IS NOT NULL OR noemer IS NOT NULL
       OR (geheimhouding IS NOT NULL AND (rang IS NOT NULL OR percentiel IS NOT NULL))
       OR (eenheid = 'aantal' AND ("vorigeWaarde" % 5 <> 0 OR "nationaleWaarde" % 5 <> 0)))$$, r.claims),
    '0', r.rol || ': no raw small count in the sector monitor (but in PT03''s own area for PT03)')
  FROM (VALUES ('publiek', '{}'::jsonb), ('opdrachtgever', '{"sub":"t"}'), ('aanleveraar', '{"sub":"t","org":"PT03"}'))
       AS r(rol, claims);
SELECT is(as_role_value(r.rol, $$SELECT coalesce(waarde::text, 'leeg') || '/' || geheimhouding || ' '
    || (SELECT coalesce(waarde::text, 'leeg') || '/' || geheimhouding FROM api.sectormonitor
         WHERE id = 'TST_PCT/2025-H1/GM0358') || ' '
    || (SELECT waarde::text || '/' || geheimhouding FROM api.sectormonitor WHERE id = 'TST_AANTAL/2025-H1/JZ13')
    FROM api.sectormonitor WHERE id = 'TST_AANTAL/2025-H1/GM0358'$$, r.claims),
    'leeg/geheim leeg/geheim 35/afgerond', r.rol || ': 4 withheld, 3/8 withheld, 34 shown as 35')
  FROM (VALUES ('publiek', '{}'::jsonb), ('opdrachtgever', '{"sub":"t"}'), ('aanleveraar', '{"sub":"t","org":"PT03"}'))
       AS r(rol, claims);
SELECT is(as_role_value('lakmoes_bi', $$SELECT count(*) FROM bi.sectormonitor
    WHERE eenheid = 'aantal' AND ((waarde IS NOT NULL AND (waarde < 10 OR waarde % 5 <> 0))
       OR nulmeting < 10 OR nulmeting % 5 <> 0)$$), '0',
    'the BI login: no raw small count in bi.sectormonitor, baselines included');
SELECT is(as_role_value('lakmoes_bi', $$SELECT count(*) FROM bi.transitiemonitor
    WHERE onderdeel = 'effecten' AND eenheid = 'aantal' AND waarde IS NOT NULL
      AND (waarde % 5 <> 0 OR (maat = 'niveau' AND waarde < 10))$$), '0',
    'the BI login: effects rounded in bi.transitiemonitor');
SELECT is(as_role_value('publiek', $$SELECT string_agg(coalesce(waarde::text, 'leeg'), ',' ORDER BY id)
    FROM api.transitiemonitor WHERE periode = '2025-H1' AND indicator = 'TST_AANTAL'$$),
    '20,-10,50,5', 'publiek: effects and their changes from the published values (21 → 20, 29 → 30, 43 → 45 …)');
SELECT is(as_role_value('publiek', $$SELECT string_agg(gebied || ':' || coalesce(nulmeting::text, 'leeg') || '/'
        || coalesce(streefwaarde::text, '-'), ' ' ORDER BY gebied)
    FROM api.sectormonitor WHERE indicator = 'TST_AANTAL' AND periode = '2025-H1' AND gebied IN ('GM0358', 'GM0363')$$),
    'GM0358:leeg/- GM0363:25/8', 'publiek: a baseline of 7 withheld, 23 shown as 25; a target as decided');
SELECT is(as_role_value('programma', $$SELECT string_agg(gebied || ':' || nulmeting, ' ' ORDER BY gebied)
    FROM api.sectormonitor WHERE indicator = 'TST_AANTAL' AND periode = '2025-H1' AND gebied IN ('GM0358', 'GM0363')$$,
    '{"sub":"t"}'), 'GM0358:7 GM0363:23', 'the programme sees raw baselines');
SELECT is(as_role_value('programma', $$SELECT waarde::text || '/' || teller || '/' || noemer || '/' || rang
    FROM api.sectormonitor WHERE id = 'TST_PCT/2025-H1/GM0358'$$, '{"sub":"t"}'), '37.5/3/8/3',
    'the programme sees raw values');
SELECT is(as_role_value('aanleveraar', $$SELECT waarde::text || '/' || coalesce(geheimhouding, '-')
    FROM api.sectormonitor WHERE id = 'TST_AANTAL/2025-H1/PT01'$$, '{"sub":"t","org":"PT01"}'), '50/-',
    'a proeftuin sees its own area raw');

-- The published values are stored; a new threshold publishes them again.
SELECT is(as_role_value('publiek', $$SELECT coalesce(waarde::text, 'leeg') || '/' || geheimhouding
    FROM api.sectormonitor WHERE id = 'TST_AANTAL/2024-H2/GM0037'$$), 'leeg/geheim',
    'publiek: 7 is withheld under the threshold of 10');
UPDATE monitoring.instellingen SET waarde = '5' WHERE sleutel = 'onthulling_drempel';
SELECT is(as_role_value('publiek', $$SELECT coalesce(waarde::text, 'leeg') || '/' || geheimhouding || ' '
    || (SELECT "vorigeWaarde" FROM api.sectormonitor WHERE id = 'TST_AANTAL/2025-H1/GM0037')
    FROM api.sectormonitor WHERE id = 'TST_AANTAL/2024-H2/GM0037'$$), '5/afgerond 5',
    'a threshold of 5 publishes 7 as 5, also as the next period''s previous value');
SELECT is((SELECT count(*) FROM mart.sectormonitor
            WHERE openbare_waarde IS DISTINCT FROM CASE WHEN NOT secundair THEN monitoring.onthulde_waarde(
                      (SELECT eenheid FROM monitoring.indicatoren i WHERE i.indicator_code = sectormonitor.indicator_code),
                      waarde, noemer, 5) END), 0::bigint,
    'every stored published value follows the new threshold (withheld where secondary suppression says so)');
SELECT is(mart.sectormonitor_verversen(), 0,
    'republishing under a new threshold agrees with a full recomputation');

SELECT * FROM finish();
ROLLBACK;
