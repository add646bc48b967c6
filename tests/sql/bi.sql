-- The BI layer: the read-only login sees observations only with disclosure
-- control, reads the registers as a member of the programme would, and can
-- change nothing; every view and column is described.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(19);

INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting, aggregatie)
VALUES ('T_BI_N', 'test', 'test', 'aantal', 'output', 'landelijk', 'neutraal', 'som'),
       ('T_BI_P', 'test', 'test', 'percentage', 'outcome', 'landelijk', 'hoger_beter', 'ratio');
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, teller, noemer, status, bron)
VALUES ('T_BI_N', 'GM0363', '2024', 7, NULL, NULL, 'definitief', 'test'),
       ('T_BI_N', 'GM0518', '2024', 1234, NULL, NULL, 'definitief', 'test'),
       -- Aalsmeer, in every area Amsterdam is in: withheld with it (secondary
       -- suppression), so that NL less Den Haag does not give Amsterdam's 7
       ('T_BI_N', 'GM0358', '2024', 50, NULL, NULL, 'definitief', 'test'),
       ('T_BI_P', 'GM0363', '2024', 50, 4, 8, 'definitief', 'test'),
       ('T_BI_P', 'GM0518', '2024', 25, 50, 200, 'definitief', 'test');

SELECT is(as_role_value('lakmoes_bi', $$SELECT coalesce(waarde::text, 'leeg') || '/' || geheimhouding
    FROM bi.waarnemingen WHERE indicator_code = 'T_BI_N' AND gebied_code = 'GM0363'$$), 'leeg/geheim',
    'a count below 10 is withheld');
SELECT is(as_role_value('lakmoes_bi', $$SELECT waarde::text || '/' || geheimhouding
    FROM bi.waarnemingen WHERE indicator_code = 'T_BI_N' AND gebied_code = 'GM0518'$$), '1235/afgerond',
    'a larger count is rounded to 5');
SELECT is(as_role_value('lakmoes_bi', $$SELECT coalesce(waarde::text, 'leeg') || '/' || geheimhouding
    FROM bi.waarnemingen WHERE indicator_code = 'T_BI_N' AND gebied_code = 'GM0358'$$), 'leeg/geheim',
    'a count that would give away a small one is withheld too (secondary suppression), in the observations as well');
SELECT is(as_role_value('lakmoes_bi', $$SELECT coalesce(waarde::text, 'leeg')
    FROM bi.waarnemingen WHERE indicator_code = 'T_BI_P' AND gebied_code = 'GM0363'$$), 'leeg',
    'a ratio on a denominator below 10 is withheld');
SELECT is(as_role_value('lakmoes_bi', $$SELECT waarde::text
    FROM bi.waarnemingen WHERE indicator_code = 'T_BI_P' AND gebied_code = 'GM0518'$$), '25',
    'a ratio on a large denominator is shown');
SELECT is(as_role_value('lakmoes_bi', $$SELECT count(*) FROM bi.waarnemingen_historie
    WHERE indicator_code LIKE 'T_BI_%' AND waarde < 10 AND geheimhouding IS DISTINCT FROM 'geheim'
      AND indicator_code = 'T_BI_N'$$), '0', 'no raw small count anywhere in the history');
SELECT ok(NOT EXISTS (SELECT 1 FROM information_schema.columns
                       WHERE table_schema = 'bi' AND column_name IN ('teller', 'noemer')),
    'no BI view shows teller or noemer');
SELECT is(as_role('lakmoes_bi', $$DELETE FROM bi.perioden$$), '42501', 'the BI login cannot delete');
SELECT is(as_role('lakmoes_bi', $$SELECT count(*) FROM monitoring.waarnemingen$$), '42501',
    'nor read the raw table');

-- The registers (R__12)
INSERT INTO doelgroep.definities (definitie_id, versie, naam, criteria, status, geldig_vanaf)
VALUES (9001, 9001, 'test concept', 'test', 'concept', '2026-01-01'),
       (9002, 9002, 'test vastgesteld', 'test', 'vastgesteld', '2026-01-01');
INSERT INTO doelgroep.schattingen (definitie_id, gebied_code, periode_code, eenheid, waarde, ondergrens, bovengrens,
                                   methode, bron)
VALUES (9001, 'GM0363', '2024', 'kinderen', 500, 400, 600, 'test', 'test'),
       (9002, 'GM0363', '2024', 'kinderen', 7, 2, 12, 'test', 'test'),
       (9002, 'GM0518', '2024', 'kinderen', 1234, 8, 2002, 'test', 'test');
INSERT INTO register.actie_resultaten (actie_id, resultaat_nummer)
SELECT min(actie_id), 3 FROM register.acties;

SELECT is(as_role_value('lakmoes_bi', $$SELECT string_agg(coalesce(waarde::text, 'leeg') || '/' ||
        coalesce(ondergrens::text, 'leeg') || '/' || coalesce(bovengrens::text, 'leeg') || '/' || geheimhouding,
        ' ' ORDER BY gebied_code)
    FROM bi.doelgroepschattingen WHERE definitie_id >= 9001$$),
    'leeg/leeg/leeg/geheim 1235/leeg/2000/afgerond',
    'estimates: only of a vastgestelde definition, rounded to 5, small ones withheld with their bounds');
INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit)
VALUES ('T_BI_N', 'GM0363', 2024, 'nulmeting', 7, 'test'), ('T_BI_N', 'GM0518', 2024, 'nulmeting', 1234, 'test'),
       ('T_BI_N', 'GM0363', 2026, 'streefwaarde', 4, 'test');
SELECT is(as_role_value('lakmoes_bi', $$SELECT string_agg(gebied_code || ' ' || soort || ' ' || coalesce(waarde::text, 'leeg')
        || '/' || coalesce(geheimhouding, '-'), ', ' ORDER BY gebied_code, soort)
    FROM bi.streefwaarden WHERE indicator_code = 'T_BI_N'$$),
    'GM0363 nulmeting leeg/geheim, GM0363 streefwaarde 4/-, GM0518 nulmeting 1235/afgerond',
    'baselines are disclosure-controlled, targets shown as decided');
SELECT is(as_role_value('lakmoes_bi', $$SELECT string_agg(naam, ',') FROM bi.doelgroepdefinities
    WHERE definitie_id >= 9001$$), 'test vastgesteld', 'a concept definition is not in BI');
-- bi.doelgroep* state the members' row-level policies (V007) again, as
-- they run with the owner's rights: BI must show exactly what a member sees.
SELECT is(as_role_value('lakmoes_bi', $$SELECT (SELECT string_agg(definitie_id::text, ',' ORDER BY 1)
        FROM bi.doelgroepdefinities) || ' / ' || (SELECT string_agg(schatting_id::text, ',' ORDER BY 1)
        FROM bi.doelgroepschattingen)$$),
    as_role_value('opdrachtgever', $$SELECT (SELECT string_agg(id::text, ',' ORDER BY 1)
        FROM api.doelgroepdefinities) || ' / ' || (SELECT string_agg(id::text, ',' ORDER BY 1)
        FROM api.doelgroepschattingen)$$, '{"sub":"t"}'),
    'BI shows the definitions and estimates a member of the programme sees, no more');
SELECT is(as_role_value('lakmoes_bi', $$SELECT count(*) FROM bi.actie_resultaten a
    JOIN bi.acties USING (actie_id) JOIN bi.gewenste_resultaten USING (resultaat_nummer)
    WHERE resultaat_nummer = 3$$), '1', 'acties join to the gewenste resultaten through bi.actie_resultaten');
SELECT is(as_role_value('lakmoes_bi', $$SELECT (SELECT count(*) FROM bi.projecten) || '/' ||
    (SELECT count(*) FROM bi.begroting) || '/' || (SELECT count(*) FROM bi.mijlpalen)$$),
    (SELECT (SELECT count(*) FROM register.projecten) || '/' || (SELECT count(*) FROM register.begrotingsregels)
        || '/' || (SELECT count(*) FROM register.mijlpalen)),
    'projects, budget lines and milestones: all of them');
SELECT is(as_role_value('lakmoes_bi', $$SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_class c
    WHERE c.relnamespace = 'bi'::regnamespace AND c.relkind = 'v'
      AND NOT has_table_privilege(c.oid, 'SELECT')$$), NULL, 'the BI login reads every bi view');
SELECT is((SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_class c
    WHERE c.relnamespace = 'bi'::regnamespace AND c.relkind = 'v'
      AND obj_description(c.oid, 'pg_class') IS NULL), NULL, 'every bi view is described');
SELECT is((SELECT string_agg(c.relname || '.' || a.attname, ',' ORDER BY c.relname, a.attnum) FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
    WHERE c.relnamespace = 'bi'::regnamespace AND c.relkind = 'v'
      AND col_description(c.oid, a.attnum) IS NULL), NULL, 'every column of every bi view is described');

-- every column of the sector monitor, targets and derived periods included
SELECT is(as_role('lakmoes_bi', $$SELECT * FROM bi.sectormonitor LIMIT 5$$), 'ok',
    'the BI login reads every column of the sector monitor');

SELECT * FROM finish();
ROLLBACK;
