-- V017: the sector monitor's published values, precomputed.
--
-- Purpose: api.sectormonitor applied disclosure control per row at read
-- time (five function calls per row); at national scale that was most of a
-- request's cost (about 2 ms planning and 2 ms executing for 40 rows). The
-- refresh now stores the published values next to the raw ones, with the
-- threshold of that moment, and the view only chooses between them per
-- caller (R__10_mart, R__11_api_monitors). A change of the threshold
-- recomputes the whole mart (trigger in R__10).
-- Fillfactor 80 leaves room on each page, so that a refresh that changes a
-- row's values can update it in place (no index entries to add).
-- Reversible: ALTER TABLE mart.sectormonitor DROP COLUMN openbare_waarde,
-- DROP COLUMN geheimhouding, DROP COLUMN openbare_vorige_waarde,
-- DROP COLUMN openbare_jaar_eerder_waarde, DROP COLUMN openbare_nationale_waarde,
-- RESET (fillfactor).

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

ALTER TABLE mart.sectormonitor
    ADD COLUMN openbare_waarde numeric,
    ADD COLUMN geheimhouding text CONSTRAINT sectormonitor_geheimhouding_known
        CHECK (geheimhouding IN ('geheim', 'afgerond')),
    ADD COLUMN openbare_vorige_waarde numeric,
    ADD COLUMN openbare_jaar_eerder_waarde numeric,
    ADD COLUMN openbare_nationale_waarde numeric,
    SET (fillfactor = 80);
COMMENT ON COLUMN mart.sectormonitor.openbare_waarde IS 'De waarde na onthullingscontrole (aantallen afgerond op 5; leeg als ze geheim is), met de drempel van de laatste verversing.';
COMMENT ON COLUMN mart.sectormonitor.geheimhouding IS 'Wat de onthullingscontrole met de waarde doet: geheim, afgerond of leeg (ongewijzigd).';
COMMENT ON COLUMN mart.sectormonitor.openbare_vorige_waarde IS 'De waarde in de periode ervoor, na onthullingscontrole.';
COMMENT ON COLUMN mart.sectormonitor.openbare_jaar_eerder_waarde IS 'De waarde een jaar eerder, na onthullingscontrole.';
COMMENT ON COLUMN mart.sectormonitor.openbare_nationale_waarde IS 'De landelijke waarde, na onthullingscontrole.';
