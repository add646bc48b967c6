-- V013: the first doelgroep definition (schema doelgroep).
--
-- Purpose: the (0-100) doelgroep agreed in the Bestuurlijk Overleg of
-- September 2022, as quoted in the Programmaplan 2023-2026 (seeds/003
-- §3.2.2.2), as definition version 1. Its status is 'vastgesteld' (agreed);
-- the concretisation the plan describes (omvang, samenstelling, per
-- bevoegdheid of interventie) comes as later versions with their estimates.
-- No estimates are seeded: the documents contain no figures.
-- Reversible: DELETE FROM doelgroep.definities WHERE versie = 1.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

INSERT INTO doelgroep.definities (definitie_id, versie, naam, criteria, status, geldig_vanaf) VALUES
	(1, 1, 'Doelgroep 0-100 (Bestuurlijk Overleg september 2022)',
	 'Kinderen, volwassenen, huishoudens en gezinnen waar sprake is van onveiligheid, waaronder '
	 'ook ontwikkelingsbedreiging (0-100 jaar). Af te bakenen naar regime: met toestemming van '
	 'het gezin, met inzet van bevoegdheden, of met een juridische maatregel; eventueel per '
	 'bevoegdheid of interventie.',
	 'vastgesteld', '2022-09-01');

SELECT setval(pg_get_serial_sequence('doelgroep.definities', 'definitie_id'), 1);
