-- The BI layer: the read-only login sees observations only with disclosure
-- control, and can change nothing.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(8);

INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting, aggregatie)
VALUES ('T_BI_N', 'test', 'test', 'aantal', 'output', 'landelijk', 'neutraal', 'som'),
       ('T_BI_P', 'test', 'test', 'percentage', 'outcome', 'landelijk', 'hoger_beter', 'ratio');
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, teller, noemer, status, bron)
VALUES ('T_BI_N', 'GM0363', '2024', 7, NULL, NULL, 'definitief', 'test'),
       ('T_BI_N', 'GM0518', '2024', 1234, NULL, NULL, 'definitief', 'test'),
       ('T_BI_P', 'GM0363', '2024', 50, 4, 8, 'definitief', 'test'),
       ('T_BI_P', 'GM0518', '2024', 25, 50, 200, 'definitief', 'test');

SELECT is(as_role_value('lakmoes_bi', $$SELECT coalesce(waarde::text, 'leeg') || '/' || geheimhouding
    FROM bi.waarnemingen WHERE indicator_code = 'T_BI_N' AND gebied_code = 'GM0363'$$), 'leeg/geheim',
    'a count below 10 is withheld');
SELECT is(as_role_value('lakmoes_bi', $$SELECT waarde::text || '/' || geheimhouding
    FROM bi.waarnemingen WHERE indicator_code = 'T_BI_N' AND gebied_code = 'GM0518'$$), '1235/afgerond',
    'a larger count is rounded to 5');
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

SELECT * FROM finish();
ROLLBACK;
