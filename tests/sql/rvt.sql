-- The RVT variants on a weighted scorekaart (V038, R__07): the weighted
-- total and rank under each weighting, computed in SQL; an established
-- weighting never changes; design choices as data.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(9);

INSERT INTO register.rvt_varianten (variant_code, naam) VALUES ('V1', 'Centraal'), ('V2', 'Regionaal'), ('V3', 'Lokaal');
-- V1 strong on uitvoerbaarheid, V2 on kwaliteit; V3 not fully scored
INSERT INTO register.rvt_scores (variant_code, criterium_code, score)
SELECT v, c, CASE WHEN v = 'V1' AND c = 'uitvoerbaarheid' THEN 5 WHEN v = 'V2' AND c = 'kwaliteit' THEN 5 ELSE 3 END
  FROM (VALUES ('V1'), ('V2')) AS x(v) CROSS JOIN (SELECT criterium_code FROM register.scorekaart_criteria) AS y(c);
INSERT INTO register.rvt_scores (variant_code, criterium_code, score) VALUES ('V3', 'kwaliteit', 4);
-- a second weighting that counts kwaliteit five times
INSERT INTO register.rvt_wegingen (weging_id, naam) VALUES (2, 'Kwaliteit voorop');
INSERT INTO register.rvt_gewichten
SELECT 2, criterium_code, CASE WHEN criterium_code = 'kwaliteit' THEN 5 ELSE 1 END FROM register.scorekaart_criteria;

SELECT is((SELECT totaal FROM api.rvt_rangorde WHERE weging = 1 AND variant = 'V1'), 3.333,
    'neutral weighting: (5 + 5 × 3) / 6');
SELECT is((SELECT totaal FROM api.rvt_rangorde WHERE weging = 2 AND variant = 'V2'), 4.000,
    'kwaliteit × 5: (5 × 5 + 5 × 3) / 10');
SELECT is((SELECT string_agg(variant || ':' || coalesce(rang::text, '-'), ' ' ORDER BY variant)
             FROM api.rvt_rangorde WHERE weging = 1), 'V1:1 V2:1 V3:-',
    'equal under the neutral weighting; an incompletely scored variant has no rank');
SELECT is((SELECT string_agg(variant || ':' || coalesce(rang::text, '-'), ' ' ORDER BY variant)
             FROM api.rvt_rangorde WHERE weging = 2), 'V1:2 V2:1 V3:-', 'V2 first when kwaliteit weighs more');
SELECT is((SELECT row(gescoord, criteria, volledig)::text FROM api.rvt_rangorde WHERE weging = 2 AND variant = 'V3'),
    '(1,6,f)', 'how much of the scorekaart a variant has');

INSERT INTO register.besluiten (besluit_id, orgaan, besluit_date, onderwerp, besluit)
VALUES (9101, 'BOG', '2026-03-01', 'Weging scorekaart RVT', 'Vastgesteld');
SELECT lives_ok($$UPDATE register.rvt_wegingen SET status = 'vastgesteld', besluit_id = 9101 WHERE weging_id = 2$$,
    'a weighting is established with the decision it rests on');
SELECT throws_ok($$UPDATE register.rvt_gewichten SET gewicht = 1 WHERE weging_id = 2 AND criterium_code = 'kwaliteit'$$,
    'LK409', NULL, 'an established weighting never changes its weights');
SELECT throws_ok($$UPDATE register.rvt_wegingen SET naam = 'anders' WHERE weging_id = 2$$, 'LK409', NULL,
    'nor anything else');
SELECT throws_ok($$INSERT INTO register.rvt_ontwerpkeuzes VALUES ('V1', 'kleur', 'blauw')$$, '23514', NULL,
    'a design choice answers one of the plan''s questions');

SELECT * FROM finish();
ROLLBACK;
