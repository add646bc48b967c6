-- V031: each indicator states how its quarters make up a half year or a
-- year (its temporal rule).
--
-- Purpose: the basismonitoring is delivered per proeftuin per quarter; the
-- progress report to the Tweede Kamer is per half year ("Dit gebeurt in
-- een halfjaarlijkse cyclus, synchroon met de voortgangsrapportage aan de
-- Tweede Kamer", seeds/003 §2.2.4). How quarters add up depends on what is
-- counted, and the definitions in the catalogue say it:
--   stroom      a flow, summed over the quarters: "waarmee in het kwartaal
--               voor het eerst ... is gestart (instroom, nieuwe casussen)"
--               (BM_HUISHOUDENS_NIEUW);
--   stand       a stock, the value of the period's last quarter: "op enig
--               moment in het kwartaal ... ondersteund: instroom in het
--               kwartaal plus lopende trajecten uit eerdere kwartalen"
--               (BM_HUISHOUDENS_LOPEND) cannot be summed without counting
--               the same households twice;
--   ratio       a percentage, summed tellers over summed noemers;
--   gemiddelde  a mean (days, a score), weighted by its noemer;
--   geen        not derived (not aggregatable).
-- A new entry gets the rule its unit suggests unless it states one
-- (aantal and euro: stroom; percentage: ratio; dagen and score:
-- gemiddelde; niet_aggregeerbaar: geen). The seeded indicators get theirs
-- from their definitions, below. A rule must fit the unit: only counts and
-- amounts are summed, only a ratio of teller and noemer is divided.
-- Reversible: ALTER TABLE monitoring.indicatoren DROP COLUMN tijdregel;
-- DROP FUNCTION monitoring.tijdregel_standaard(text, text) and its trigger.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE FUNCTION monitoring.tijdregel_standaard(eenheid text, aggregatie text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN aggregatie = 'niet_aggregeerbaar' THEN 'geen'
            WHEN eenheid IN ('aantal', 'euro') THEN 'stroom'
            WHEN eenheid = 'percentage' THEN 'ratio'
            ELSE 'gemiddelde' END;
GRANT EXECUTE ON FUNCTION monitoring.tijdregel_standaard(text, text) TO programma;
COMMENT ON FUNCTION monitoring.tijdregel_standaard(text, text) IS 'De tijdregel die de eenheid en de aggregatie van een indicator voorstellen: stroom, ratio, gemiddelde of geen.';

-- the mart's refresh trigger stays out of the rewrite (V029)
SELECT monitoring.martverversing_indicatoren(false);
ALTER TABLE monitoring.indicatoren ADD COLUMN tijdregel text;
UPDATE monitoring.indicatoren SET tijdregel = CASE
	WHEN indicator_code IN ('BM_HUISHOUDENS_LOPEND', 'BM_KINDEREN', 'BM_VOLWASSENEN', 'BM_PROFESSIONALS',
	                        'BM_BETROKKENHEID_GI', 'BM_BETROKKENHEID_RVDK', 'BM_BETROKKENHEID_VT',
	                        'BM_VAST_GEZICHT', 'BM_VEILIGHEIDSPLAN') THEN 'stand'
	ELSE monitoring.tijdregel_standaard(eenheid, aggregatie) END;
SELECT monitoring.martverversing_indicatoren(true);
ALTER TABLE monitoring.indicatoren
    ALTER COLUMN tijdregel SET NOT NULL,
    ADD CONSTRAINT indicatoren_tijdregel_known
        CHECK (tijdregel IN ('stroom', 'stand', 'ratio', 'gemiddelde', 'geen')),
    ADD CONSTRAINT indicatoren_tijdregel_past
        CHECK ((tijdregel <> 'stroom' OR eenheid IN ('aantal', 'euro'))
           AND (tijdregel NOT IN ('ratio', 'gemiddelde') OR aggregatie = 'ratio'));
COMMENT ON COLUMN monitoring.indicatoren.tijdregel IS 'Hoe kwartalen een halfjaar of jaar vormen: stroom (opgeteld), stand (het laatste kwartaal), ratio (opgetelde tellers gedeeld door opgetelde noemers), gemiddelde (gewogen met de noemer) of geen.';
COMMENT ON CONSTRAINT indicatoren_tijdregel_known ON monitoring.indicatoren IS 'stroom, stand, ratio, gemiddelde of geen';
COMMENT ON CONSTRAINT indicatoren_tijdregel_past ON monitoring.indicatoren IS 'alleen aantallen en bedragen tellen op (stroom); ratio en gemiddelde vragen een teller en noemer (aggregatie ratio)';

CREATE FUNCTION monitoring.tijdregel_invullen() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	NEW.tijdregel := coalesce(NEW.tijdregel, monitoring.tijdregel_standaard(NEW.eenheid, NEW.aggregatie));
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION monitoring.tijdregel_invullen() IS 'Geeft een nieuwe indicator zonder tijdregel de regel die zijn eenheid voorstelt.';
CREATE TRIGGER indicatoren_tijdregel BEFORE INSERT ON monitoring.indicatoren
    FOR EACH ROW EXECUTE FUNCTION monitoring.tijdregel_invullen();
