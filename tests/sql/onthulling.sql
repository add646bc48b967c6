-- Disclosure control beyond the monitors and observations (R__00_onthulling):
-- the answers of a delivery (api.antwoorden), baselines (api.streefwaarden)
-- and doelgroep estimates (api.doelgroepschattingen) as the API shows them.
-- Controlled: an opdrachtgever, and a proeftuin for another area. Raw: the
-- programme, researchers, and a proeftuin for its own area.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(19);

INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, richting, aggregatie)
VALUES ('T_OT', 'test', 'test', 'aantal', 'output', 'diagnostisch', 'neutraal', 'som'),
       ('T_OP', 'test', 'test', 'percentage', 'output', 'diagnostisch', 'neutraal', 'ratio');

-- A delivery of PT09, approved: a count feeding an indicator (7), a count
-- of its own (23), a number (4), a percentage (7.5) and a remark.
INSERT INTO monitoring.vragenlijsten (vragenlijst_id, versie, geldig_vanaf) VALUES (904, 904, '1999-01-04');
INSERT INTO monitoring.vragen (vragenlijst_id, vraag_code, volgorde, tekst, type, indicator_code) VALUES
	(904, 'a_gezinnen', 1, 'Hoeveel gezinnen?', 'aantal', 'T_OT'),
	(904, 'b_kinderen', 2, 'Hoeveel kinderen?', 'aantal', NULL),
	(904, 'c_getal', 3, 'Welk getal?', 'getal', NULL),
	(904, 'd_procent', 4, 'Welk percentage?', 'percentage', NULL),
	(904, 'e_opmerking', 5, 'Opmerking?', 'tekst', NULL);
INSERT INTO monitoring.aanleveringen (aanlevering_id, proeftuin_code, periode_code, vragenlijst_id)
VALUES (9401, 'PT09', '2025-Q1', 904);
INSERT INTO monitoring.antwoorden (aanlevering_id, vragenlijst_id, vraag_code, waarde_getal, waarde_tekst)
VALUES (9401, 904, 'a_gezinnen', 7, NULL), (9401, 904, 'b_kinderen', 23, NULL), (9401, 904, 'c_getal', 4, NULL),
       (9401, 904, 'd_procent', 7.5, NULL), (9401, 904, 'e_opmerking', NULL, 'prima');
UPDATE monitoring.aanleveringen SET status = 'ingediend' WHERE aanlevering_id = 9401;
UPDATE monitoring.aanleveringen SET status = 'goedgekeurd' WHERE aanlevering_id = 9401;

CREATE TEMP TABLE antwoorden_als (rol text, claims jsonb, verwacht text);
INSERT INTO antwoorden_als VALUES
	('opdrachtgever', '{"sub":"t"}', 'a_gezinnen:leeg/geheim b_kinderen:25/afgerond c_getal:4/- d_procent:7.5/- e_opmerking:"prima"/-'),
	('aanleveraar', '{"sub":"t","org":"PT09"}', 'a_gezinnen:7/- b_kinderen:23/- c_getal:4/- d_procent:7.5/- e_opmerking:"prima"/-'),
	('programma', '{"sub":"t"}', 'a_gezinnen:7/- b_kinderen:23/- c_getal:4/- d_procent:7.5/- e_opmerking:"prima"/-'),
	('onderzoeker', '{"sub":"t"}', 'a_gezinnen:7/- b_kinderen:23/- c_getal:4/- d_procent:7.5/- e_opmerking:"prima"/-');
SELECT is(as_role_value(a.rol, $$SELECT string_agg(vraag || ':' || coalesce(nullif(waarde::text, 'null'), 'leeg')
        || '/' || coalesce(geheimhouding, '-'), ' ' ORDER BY vraag) FROM api.antwoorden_van(9401)$$, a.claims),
    a.verwacht,
    CASE WHEN a.rol = 'opdrachtgever'
         THEN 'opdrachtgever: a count below the threshold in an approved delivery is withheld, another rounded to 5'
         ELSE a.rol || ': the answers as delivered' END)
  FROM antwoorden_als a;
SELECT is(as_role('aanleveraar', $$SELECT count(*) FROM api.antwoorden_van(9401)$$, '{"sub":"t","org":"PT03"}'),
    'LK404', 'another proeftuin does not see the delivery at all');

-- Baselines of a count: 7 and 23 for gemeenten, 7 for PT09; of a
-- percentage: 7.5; a target of 8.
INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit)
VALUES ('T_OT', 'GM0358', 2024, 'nulmeting', 7, 'test'), ('T_OT', 'GM0363', 2024, 'nulmeting', 23, 'test'),
       ('T_OT', 'PT09', 2024, 'nulmeting', 7, 'test'), ('T_OT', 'GM0363', 2026, 'streefwaarde', 8, 'test'),
       ('T_OP', 'GM0363', 2024, 'nulmeting', 7.5, 'test');
SELECT is(as_role_value(r.rol, $$SELECT string_agg(sleutel || ':' || coalesce(waarde::text, 'leeg') || '/'
        || coalesce(geheimhouding, '-'), ' ' ORDER BY sleutel)
    FROM api.streefwaarden WHERE indicator IN ('T_OT', 'T_OP')$$, r.claims),
    'T_OP/GM0363/2024/nulmeting:7.5/- T_OT/GM0358/2024/nulmeting:leeg/geheim '
    'T_OT/GM0363/2024/nulmeting:25/afgerond T_OT/GM0363/2026/streefwaarde:8/- T_OT/PT09/2024/nulmeting:leeg/geheim',
    r.rol || ': baselines of a count withheld below the threshold and rounded to 5; a percentage and a target as they are')
  FROM (VALUES ('opdrachtgever', '{"sub":"t"}'::jsonb), ('aanleveraar', '{"sub":"t","org":"PT03"}')) AS r(rol, claims);
SELECT is(as_role_value(r.rol, $$SELECT string_agg(waarde::text || '/' || coalesce(geheimhouding, '-'), ' '
        ORDER BY sleutel) FROM api.streefwaarden WHERE indicator = 'T_OT' AND soort = 'nulmeting'$$, r.claims),
    '7/- 23/- 7/-', r.rol || ': raw baselines')
  FROM (VALUES ('programma', '{"sub":"t"}'::jsonb), ('onderzoeker', '{"sub":"t"}')) AS r(rol, claims);
SELECT is(as_role_value('aanleveraar', $$SELECT string_agg(gebied || ':' || coalesce(waarde::text, 'leeg'), ' '
        ORDER BY sleutel) FROM api.streefwaarden WHERE indicator = 'T_OT' AND soort = 'nulmeting'$$,
    '{"sub":"t","org":"PT09"}'), 'GM0358:leeg GM0363:25 PT09:7', 'a proeftuin sees its own baseline raw');

-- Doelgroep estimates: 7 (2-12) and 1234 (8-2002) for gemeenten, 7 for PT09.
INSERT INTO doelgroep.definities (definitie_id, versie, naam, criteria, status, geldig_vanaf)
VALUES (9401, 9401, 'test vastgesteld', 'test', 'vastgesteld', '2026-01-01');
INSERT INTO doelgroep.schattingen (schatting_id, definitie_id, gebied_code, periode_code, eenheid, waarde,
                                   ondergrens, bovengrens, methode, bron)
VALUES (94011, 9401, 'GM0363', '2024', 'kinderen', 7, 2, 12, 'test', 'test'),
       (94012, 9401, 'GM0518', '2024', 'kinderen', 1234, 8, 2002, 'test', 'test'),
       (94013, 9401, 'PT09', '2024', 'gezinnen', 7, 2, 12, 'test', 'test');
SELECT is(as_role_value(r.rol, $$SELECT string_agg(coalesce(waarde::text, 'leeg') || '/' || coalesce(ondergrens::text, 'leeg')
        || '/' || coalesce(bovengrens::text, 'leeg') || '/' || coalesce(geheimhouding, '-'), ' ' ORDER BY id)
    FROM api.doelgroepschattingen WHERE definitie = 9401$$, r.claims),
    r.verwacht, r.rol || CASE WHEN r.verwacht LIKE 'leeg%' THEN ': estimates rounded to 5, small ones withheld with their bounds'
                              ELSE ': raw estimates' END)
  FROM (VALUES ('opdrachtgever', '{"sub":"t"}'::jsonb, 'leeg/leeg/leeg/geheim 1235/leeg/2000/afgerond leeg/leeg/leeg/geheim'),
               ('programma', '{"sub":"t"}', '7/2/12/- 1234/8/2002/- 7/2/12/-'),
               ('aanleveraar', '{"sub":"t","org":"PT09"}', 'leeg/leeg/leeg/geheim 1235/leeg/2000/afgerond 7/2/12/-'))
       AS r(rol, claims, verwacht);

-- The version (the ETag) a controlled caller sees is a hash of what it
-- sees: a withheld estimate that changes does not change it.
CREATE TEMP TABLE versies (rol text, voor text, na text);
INSERT INTO versies
SELECT r, as_role_value(r, $$SELECT versie FROM api.doelgroepschattingen WHERE id = 94011$$, '{"sub":"t"}'), NULL
  FROM unnest(ARRAY['opdrachtgever', 'programma']) r;
UPDATE doelgroep.schattingen SET waarde = 8, ondergrens = 3 WHERE schatting_id = 94011;
UPDATE versies SET na = as_role_value(rol, $$SELECT versie FROM api.doelgroepschattingen WHERE id = 94011$$, '{"sub":"t"}');
SELECT is((SELECT voor = na FROM versies WHERE rol = 'opdrachtgever'), true,
    'opdrachtgever: a withheld estimate that changes keeps its version, which tells nothing about it');
SELECT is((SELECT voor <> na FROM versies WHERE rol = 'programma'), true, 'the programme: a new version');

-- The programme still writes estimates through the register functions.
CREATE TEMP TABLE geschreven AS
SELECT as_role_value('programma', format($$SELECT api.register_wijzigen('doelgroepschattingen', '94011',
        '{"waarde": 9}', %L)$$, (SELECT na FROM versies WHERE rol = 'programma')), '{"sub":"t"}')::jsonb AS w;
SELECT is((SELECT (w ->> 'waarde') || '/' || (w ->> 'versie' = as_role_value('programma',
        $$SELECT versie FROM api.doelgroepschattingen WHERE id = 94011$$, '{"sub":"t"}')) FROM geschreven),
    '9/true', 'the programme changes an estimate and gets it back raw, with the version it reads next');
SELECT is(as_role('programma', $$SELECT api.register_wijzigen('doelgroepschattingen', '94011',
        '{"geheimhouding": null}', 'x')$$, '{"sub":"t"}'), 'LK400', 'geheimhouding is not set by a client');
SELECT is(as_role('opdrachtgever', format($$SELECT api.register_wijzigen('doelgroepschattingen', '94011',
        '{"waarde": 500}', %L)$$, (SELECT na FROM versies WHERE rol = 'opdrachtgever')), '{"sub":"t"}'),
    '42501', 'an opdrachtgever may not write an estimate, even with the version it sees');
SELECT is(as_role('opdrachtgever', $$SELECT count(*) FROM api.doelgroepschattingen_invoer$$, '{"sub":"t"}'),
    '42501', 'nor read the raw estimates the programme writes through');

SELECT * FROM finish();
ROLLBACK;
