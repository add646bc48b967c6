-- Targets as the programme states them (V030): absolute, or a change in
-- percent against a baseline of an earlier year; what a target aims at
-- follows the baseline; a relative target needs its baseline and keeps it.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(8);

SELECT set_config('lakmoes.validatie_reden', 'test', true);
INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting,
    aggregatie)
VALUES ('T_DOEL', 'test', 'test', 'aantal', 'outcome', 'landelijk', 'lager_beter', 'som'),
       ('T_DOEL_PCT', 'test', 'test', 'percentage', 'outcome', 'landelijk', 'hoger_beter', 'ratio');

SELECT throws_ok($$INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit,
    vorm, basisjaar) VALUES ('T_DOEL', 'NL', 2030, 'streefwaarde', -25, 'test', 'relatief', 2023)$$,
    'LK400', NULL, 'a relative target needs its baseline');
INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit)
VALUES ('T_DOEL', 'NL', 2023, 'nulmeting', 1234, 'test'), ('T_DOEL_PCT', 'NL', 2023, 'nulmeting', 80, 'test');
INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit, vorm, basisjaar)
VALUES ('T_DOEL', 'NL', 2030, 'streefwaarde', -25, 'test', 'relatief', 2023);
SELECT is((SELECT monitoring.doelwaarde(s) FROM monitoring.streefwaarden s
            WHERE indicator_code = 'T_DOEL' AND soort = 'streefwaarde'), 925.5::numeric,
    'it aims at the baseline changed by the percentage, exactly');
UPDATE monitoring.streefwaarden SET waarde = 1000 WHERE indicator_code = 'T_DOEL' AND soort = 'nulmeting';
SELECT is((SELECT monitoring.doelwaarde(s) FROM monitoring.streefwaarden s
            WHERE indicator_code = 'T_DOEL' AND soort = 'streefwaarde'), 750::numeric,
    'and follows a corrected baseline');
SELECT is((SELECT streefwaarde FROM mart.sectormonitor WHERE indicator_code = 'T_DOEL' AND gebied_code = 'NL'
            LIMIT 1), NULL, 'no figures, no monitor row: nothing to compare (the HTTP tests show the row)');
SELECT throws_ok($$DELETE FROM monitoring.streefwaarden WHERE indicator_code = 'T_DOEL' AND soort = 'nulmeting'$$,
    'LK409', NULL, 'a baseline a relative target rests on stays');
SELECT throws_ok($$INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit,
    vorm, basisjaar) VALUES ('T_DOEL_PCT', 'NL', 2030, 'streefwaarde', 50, 'test', 'relatief', 2023)$$,
    'LK400', NULL, 'a percentage aimed at stays at most 100 (80 + 50% = 120)');
SELECT throws_ok($$INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit,
    vorm, basisjaar) VALUES ('T_DOEL', 'NL', 2022, 'nulmeting', -25, 'test', 'relatief', 2020)$$,
    '23514', NULL, 'a baseline is never relative');
SELECT throws_ok($$INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit,
    vorm, basisjaar) VALUES ('T_DOEL', 'NL', 2031, 'streefwaarde', 10, 'test', 'absoluut', 2023)$$,
    '23514', NULL, 'an absolute target has no basisjaar');

SELECT * FROM finish();
ROLLBACK;
