-- The small fixed data set of the mart golden tests (tests/sql/mart.sql):
-- two test indicators, four gemeenten (GM0363 Amsterdam and GM0358
-- Aalsmeer in proeftuin PT01 and jeugdregio JZ13; GM0014 Groningen and
-- GM0037 Stadskanaal in JZ01, in no proeftuin), two half years, one value
-- delivered for PT01 itself, a baseline and a target for NL. Runs inside
-- the test's transaction; the expected rows are in sectormonitor.csv and
-- transitiemonitor.csv, worked out by hand in the comments of mart.sql.
SELECT set_config('request.jwt.claims', '{"sub":"golden"}', true);
SELECT set_config('lakmoes.validatie_reden', 'golden test', true);
INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype,
    richting, aggregatie, validatiestatus, thema, bron)
VALUES ('TST_AANTAL', 'Test: aantal', 'Een aantal dat optelt.', 'aantal', 'outcome', 'landelijk',
        'lager_beter', 'som', 'gevalideerd', 'effect_gedwongen_kader', 'test'),
       ('TST_PCT', 'Test: percentage', 'Een percentage uit teller en noemer.', 'percentage', 'outcome',
        'landelijk', 'hoger_beter', 'ratio', 'gevalideerd', 'effect_terugval', 'test');
INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, teller, noemer, status, bron)
VALUES ('TST_AANTAL', 'GM0363', '2024-H2', 40, NULL, NULL, 'definitief', 'test'),
       ('TST_AANTAL', 'GM0358', '2024-H2', 3, NULL, NULL, 'definitief', 'test'),
       ('TST_AANTAL', 'GM0014', '2024-H2', 12, NULL, NULL, 'definitief', 'test'),
       ('TST_AANTAL', 'GM0037', '2024-H2', 7, NULL, NULL, 'definitief', 'test'),
       ('TST_AANTAL', 'GM0363', '2025-H1', 30, NULL, NULL, 'voorlopig', 'test'),
       ('TST_AANTAL', 'GM0358', '2025-H1', 4, NULL, NULL, 'definitief', 'test'),
       ('TST_AANTAL', 'GM0014', '2025-H1', 15, NULL, NULL, 'definitief', 'test'),
       ('TST_AANTAL', 'GM0037', '2025-H1', 6, NULL, NULL, 'definitief', 'test'),
       ('TST_AANTAL', 'PT01', '2025-H1', 50, NULL, NULL, 'definitief', 'test'),
       ('TST_PCT', 'GM0363', '2024-H2', 30, 30, 100, 'definitief', 'test'),
       ('TST_PCT', 'GM0358', '2024-H2', 25, 2, 8, 'definitief', 'test'),
       ('TST_PCT', 'GM0014', '2024-H2', 50, 45, 90, 'definitief', 'test'),
       ('TST_PCT', 'GM0037', '2024-H2', 40, NULL, NULL, 'definitief', 'test'),
       ('TST_PCT', 'GM0363', '2025-H1', 40, 40, 100, 'definitief', 'test'),
       ('TST_PCT', 'GM0358', '2025-H1', 37.5, 3, 8, 'definitief', 'test'),
       ('TST_PCT', 'GM0014', '2025-H1', 55.56, 50, 90, 'definitief', 'test'),
       ('TST_PCT', 'GM0037', '2025-H1', 25, 5, 20, 'definitief', 'test');
INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit)
VALUES ('TST_AANTAL', 'NL', 2024, 'nulmeting', 70, 'test'),
       ('TST_AANTAL', 'NL', 2026, 'streefwaarde', 40, 'test');
