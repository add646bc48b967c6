-- V032: half years and years derived from quarters in the sector monitor.
--
-- Purpose: the basismonitoring arrives per proeftuin per quarter and the
-- report to the Tweede Kamer is per half year (seeds/003 §2.2.4); until now
-- a validated quarterly indicator gave an empty half-year row, because
-- nothing rolled quarters up. The mart (R__10) now derives a half year's
-- and a year's value from its quarters by the indicator's temporal rule
-- (V031), marked as derived with its coverage: how many of the period's
-- quarters had a value. A period with a quarter missing is shown as
-- incomplete, without a value, not as a lower number; its row says which
-- share of quarters was there. A value delivered for the half year itself
-- wins, as a delivered area value wins over the aggregate of its
-- gemeenten. So the mart's waarde may be empty (an incomplete derived
-- period), and so may its rank.
-- Reversible: DELETE the derived rows (kwartalen_totaal IS NOT NULL), then
-- ALTER TABLE mart.sectormonitor DROP kwartalen_geleverd, DROP
-- kwartalen_totaal, ALTER waarde, rang and percentiel SET NOT NULL.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

ALTER TABLE mart.sectormonitor
    ALTER COLUMN waarde DROP NOT NULL,
    ALTER COLUMN rang DROP NOT NULL,
    ALTER COLUMN percentiel DROP NOT NULL,
    ADD COLUMN kwartalen_geleverd integer,
    ADD COLUMN kwartalen_totaal integer;
COMMENT ON COLUMN mart.sectormonitor.waarde IS 'De waarde (leeg: een afgeleide periode waarvan een kwartaal ontbreekt).';
COMMENT ON COLUMN mart.sectormonitor.rang IS 'Rang onder de gebieden van dezelfde soort met een waarde, 1 = beste.';
COMMENT ON COLUMN mart.sectormonitor.kwartalen_geleverd IS 'Bij een halfjaar of jaar afgeleid uit kwartalen: de kwartalen met een waarde.';
COMMENT ON COLUMN mart.sectormonitor.kwartalen_totaal IS 'Bij een halfjaar of jaar afgeleid uit kwartalen: de kwartalen van de periode (leeg: niet afgeleid).';
