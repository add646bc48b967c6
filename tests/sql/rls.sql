-- Row-level security and the change log on every table; comments for BI;
-- and the negative cases per role: what each role must not see or do.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(31);

SELECT is(
    (SELECT array_agg(n.nspname || '.' || c.relname ORDER BY 1)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('ref', 'monitoring', 'doelgroep', 'register', 'audit')
        AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity),
    NULL, 'every table in the data schemas has row-level security');
SELECT is(
    (SELECT array_agg(n.nspname || '.' || c.relname ORDER BY 1)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('ref', 'monitoring', 'doelgroep', 'register')
        AND c.relkind = 'r' AND c.relname <> 'perioden'
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t
                         WHERE t.tgrelid = c.oid AND t.tgname = 'audit_changes')),
    NULL, 'every mutable table writes the change log');
SELECT is(
    (SELECT array_agg(n.nspname || '.' || c.relname ORDER BY 1)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('ref', 'monitoring', 'doelgroep', 'register', 'audit', 'api', 'bi')
        AND c.relkind IN ('r', 'v', 'm') AND obj_description(c.oid, 'pg_class') IS NULL),
    NULL, 'every table and view has a comment');
SELECT is(
    (SELECT array_agg(n.nspname || '.' || c.relname || '.' || a.attname ORDER BY 1)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE ((n.nspname IN ('ref', 'monitoring', 'doelgroep', 'register', 'audit') AND c.relkind = 'r')
          OR (n.nspname = 'bi' AND c.relkind IN ('v', 'm')))
        AND col_description(c.oid, a.attnum) IS NULL),
    NULL, 'every column of the data tables and of every BI view has a comment');
SELECT is(as_role_value('lakmoes_bi', 'SELECT count(*) FROM bi.gemeenten'), '342', 'the BI login reads bi');
SELECT is(as_role('lakmoes_bi', 'SELECT count(*) FROM monitoring.waarnemingen'), '42501',
    'the BI login cannot read the warehouse tables');
SELECT is(as_role('lakmoes_bi', 'SELECT count(*) FROM api.gemeenten'), '42501',
    'nor the API''s views');

-- Fixtures: two deliveries of two proeftuinen, one approved.
INSERT INTO monitoring.vragenlijsten (vragenlijst_id, versie, geldig_vanaf) VALUES (900, 900, '1999-01-01');
INSERT INTO monitoring.aanleveringen (aanlevering_id, proeftuin_code, periode_code, vragenlijst_id)
VALUES (9001, 'PT01', '2024-Q1', 900), (9002, 'PT02', '2024-Q1', 900), (9003, 'PT01', '2024-Q2', 900);
UPDATE monitoring.aanleveringen SET status = 'ingediend' WHERE aanlevering_id = 9003;
UPDATE monitoring.aanleveringen SET status = 'goedgekeurd' WHERE aanlevering_id = 9003;

-- aanleveraar: its own proeftuin only.
SELECT is(as_role_value('aanleveraar', 'SELECT count(*) FROM monitoring.aanleveringen WHERE aanlevering_id >= 9001',
    '{"org":"PT01"}'), '2', 'PT01 sees its own two deliveries');
SELECT is(as_role_value('aanleveraar', 'SELECT count(*) FROM monitoring.aanleveringen WHERE aanlevering_id = 9002',
    '{"org":"PT01"}'), '0', 'PT01 does not see PT02''s delivery');
SELECT is(as_role_value('aanleveraar', 'WITH u AS (UPDATE monitoring.aanleveringen SET toelichting = ''x'' WHERE aanlevering_id = 9002 RETURNING 1) SELECT count(*) FROM u',
    '{"org":"PT01"}'), '0', 'PT01 cannot change PT02''s delivery');
SELECT is(as_role('aanleveraar', 'INSERT INTO monitoring.aanleveringen (proeftuin_code, periode_code, vragenlijst_id) VALUES (''PT02'', ''2024-Q3'', 900)',
    '{"org":"PT01"}'), '42501', 'PT01 cannot create a delivery for PT02');
SELECT is(as_role_value('aanleveraar', 'WITH u AS (UPDATE monitoring.aanleveringen SET toelichting = ''x'' WHERE aanlevering_id = 9003 RETURNING 1) SELECT count(*) FROM u',
    '{"org":"PT01"}'), '0', 'PT01 cannot change its approved delivery');
UPDATE monitoring.aanleveringen SET status = 'ingediend' WHERE aanlevering_id = 9001;
SELECT is(as_role_value('aanleveraar', 'WITH u AS (UPDATE monitoring.aanleveringen SET status = ''goedgekeurd'' WHERE aanlevering_id = 9001 RETURNING 1) SELECT count(*) FROM u',
    '{"org":"PT01"}'), '0', 'PT01 cannot approve its own submitted delivery');
SELECT is((SELECT status FROM monitoring.aanleveringen WHERE aanlevering_id = 9001), 'ingediend',
    'which stays submitted');
SELECT is(as_role('aanleveraar', 'UPDATE monitoring.aanleveringen SET status = ''ingediend'' WHERE aanlevering_id = 9001',
    '{"org":"PT01"}'), 'ok', 'an update it may not make touches nothing');
SELECT is(as_role('aanleveraar', 'INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting, aggregatie) VALUES (''X_Y'', ''x'', ''x'', ''aantal'', ''output'', ''landelijk'', ''neutraal'', ''som'')',
    '{"org":"PT01"}'), '42501', 'aanleveraar cannot change the catalogue');
SELECT is(as_role('aanleveraar', 'INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron) SELECT indicator_code, ''PT01'', ''2024-Q1'', 1, ''voorlopig'', ''x'' FROM monitoring.indicatoren LIMIT 1',
    '{"org":"PT01"}'), '42501', 'aanleveraar cannot load observations');
SELECT is(as_role('aanleveraar', 'SELECT count(*) FROM audit.changes', '{"org":"PT01"}'), '42501',
    'aanleveraar cannot read the change log');

-- opdrachtgever and onderzoeker: approved data only, no writes.
SELECT is(as_role_value(r, 'SELECT string_agg(aanlevering_id::text, '','') FROM monitoring.aanleveringen WHERE aanlevering_id >= 9001'),
    '9003', r || ' sees only the approved delivery')
  FROM unnest(ARRAY['opdrachtgever', 'onderzoeker']) AS r;
SELECT is(as_role(r, 'UPDATE register.acties SET status = ''gestopt'''), '42501', r || ' cannot change registers')
  FROM unnest(ARRAY['opdrachtgever', 'onderzoeker']) AS r;
SELECT is(as_role(r, 'DELETE FROM monitoring.aanleveringen WHERE aanlevering_id = 9003'), '42501',
    r || ' cannot delete deliveries')
  FROM unnest(ARRAY['opdrachtgever', 'onderzoeker']) AS r;

-- publiek: reference data only.
SELECT is(as_role('publiek', 'SELECT count(*) FROM monitoring.aanleveringen'), '42501', 'publiek cannot read deliveries');
SELECT is(as_role('publiek', 'SELECT count(*) FROM monitoring.waarnemingen'), '42501', 'publiek cannot read raw observations');
SELECT is(as_role('publiek', 'SELECT count(*) FROM register.acties'), '42501', 'publiek cannot read the action register');
SELECT is(as_role('publiek', 'SELECT count(*) FROM doelgroep.schattingen'), '42501', 'publiek cannot read doelgroep estimates');
SELECT is(as_role('publiek', 'INSERT INTO ref.organisaties VALUES (''EVIL'', ''x'', ''overig'', NULL)'), '42501',
    'publiek cannot change reference data');
SELECT is(as_role_value('publiek', 'SELECT count(*) FROM ref.gebieden WHERE soort = ''gemeente'''), '342',
    'publiek reads reference data');

-- programma: everything.
SELECT is(as_role_value('programma', 'SELECT count(*) FROM monitoring.aanleveringen WHERE aanlevering_id >= 9001'),
    '3', 'programma sees every delivery');

SELECT * FROM finish();
ROLLBACK;
