-- V030: a target as the programme states it: absolute, or a change
-- against a baseline.
--
-- Purpose: the programme plan states its targets as relative changes: "een
-- aanmerkelijke vermindering van trajecten in het gedwongen kader (in het
-- bijzonder uithuisplaatsingen)", "een substantiële verbetering van de
-- tijdigheid", "een flinke reductie van het aantal gezinnen en
-- huishoudens dat in de loop der jaren terugvalt in onveiligheid"
-- (seeds/003 §1.2), to be quantified against a baseline. A target
-- (soort streefwaarde) now has a vorm: absoluut (waarde in the indicator's
-- unit, as before) or relatief (waarde is a change in percent, -25 for a
-- quarter less, against the nulmeting of the same indicator and area in
-- basisjaar, which must exist and lie before the target's year). The value
-- aimed at, monitoring.doelwaarde(), is the baseline times (100 + waarde)
-- / 100, exact (times 0.01: a numeric division could round), and follows
-- the baseline when that is corrected. The monitors and the reports show
-- it, with the distance to it, for both kinds. A relative target's value
-- is worked out from a measurement, so for a caller who does not see the
-- area raw it is worked out from the published baseline
-- (monitoring.doelwaarde_openbaar, R__05); an absolute one is a decision
-- and is shown as decided.
-- A baseline that a relative target rests on cannot be removed.
-- Reversible: DROP FUNCTION monitoring.doelwaarde(monitoring.streefwaarden);
-- ALTER TABLE monitoring.streefwaarden DROP vorm, DROP basisjaar (after
-- removing relative targets); re-create V005's check_streefwaarde.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

ALTER TABLE monitoring.streefwaarden
    ADD COLUMN vorm text NOT NULL DEFAULT 'absoluut'
        CONSTRAINT streefwaarden_vorm_known CHECK (vorm IN ('absoluut', 'relatief')),
    ADD COLUMN basisjaar integer,
    ADD CONSTRAINT streefwaarden_relatief_vorm CHECK (
        (vorm = 'absoluut' AND basisjaar IS NULL)
        OR (vorm = 'relatief' AND soort = 'streefwaarde' AND basisjaar BETWEEN 2015 AND 2035 AND basisjaar < jaar
            AND waarde BETWEEN -100 AND 1000));
COMMENT ON COLUMN monitoring.streefwaarden.vorm IS 'absoluut (waarde in de eenheid van de indicator) of relatief (waarde is een verandering in procenten ten opzichte van de nulmeting van basisjaar; alleen bij een streefwaarde).';
COMMENT ON COLUMN monitoring.streefwaarden.basisjaar IS 'Bij een relatieve streefwaarde: het jaar van de nulmeting (hetzelfde gebied en dezelfde indicator) waartegen de verandering geldt.';
COMMENT ON COLUMN monitoring.streefwaarden.waarde IS 'De waarde, in de eenheid van de indicator; bij een relatieve streefwaarde de verandering in procenten (-25: een kwart minder).';
COMMENT ON CONSTRAINT streefwaarden_relatief_vorm ON monitoring.streefwaarden IS 'een relatieve streefwaarde is een verandering van -100 tot 1000 procent ten opzichte van een nulmeting van een eerder jaar (basisjaar); een absolute heeft geen basisjaar';

-- The value a target aims at, in the indicator's unit: an absolute
-- target's own value, a relative one's baseline times (100 + change) / 100;
-- NULL for a baseline, or when the baseline is missing.
CREATE FUNCTION monitoring.doelwaarde(s monitoring.streefwaarden) RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN s.soort <> 'streefwaarde' THEN NULL
	            WHEN s.vorm = 'absoluut' THEN s.waarde
	            ELSE (SELECT trim_scale(n.waarde * (100 + s.waarde) * 0.01) FROM monitoring.streefwaarden n
	                   WHERE n.indicator_code = s.indicator_code AND n.gebied_code = s.gebied_code
	                     AND n.jaar = s.basisjaar AND n.soort = 'nulmeting') END
$$;
COMMENT ON FUNCTION monitoring.doelwaarde(monitoring.streefwaarden) IS 'De waarde waarop een streefwaarde mikt, in de eenheid van de indicator: de waarde zelf, of bij een relatieve de nulmeting van het basisjaar maal (100 + verandering) / 100.';
GRANT EXECUTE ON FUNCTION monitoring.doelwaarde(monitoring.streefwaarden)
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;

-- A value in the indicator's unit for a baseline or an absolute target; a
-- relative target needs its baseline. A baseline with a relative target
-- resting on it stays.
CREATE OR REPLACE FUNCTION monitoring.check_streefwaarde() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	doel numeric;
BEGIN
	IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.soort = 'nulmeting'
	    AND (NEW.soort, NEW.jaar, NEW.gebied_code, NEW.indicator_code)
	        IS DISTINCT FROM (OLD.soort, OLD.jaar, OLD.gebied_code, OLD.indicator_code)) THEN
		IF OLD.soort = 'nulmeting' AND EXISTS (SELECT 1 FROM monitoring.streefwaarden r
		    WHERE r.vorm = 'relatief' AND r.indicator_code = OLD.indicator_code
		      AND r.gebied_code = OLD.gebied_code AND r.basisjaar = OLD.jaar) THEN
			RAISE EXCEPTION 'op de nulmeting van % rust een relatieve streefwaarde', OLD.jaar USING ERRCODE = 'LK409';
		END IF;
		IF TG_OP = 'DELETE' THEN
			RETURN OLD;
		END IF;
	END IF;
	IF NEW.vorm = 'relatief' THEN
		IF NEW.soort <> 'streefwaarde' THEN
			RETURN NEW;	-- the table's constraint refuses it
		END IF;
		IF NOT EXISTS (SELECT 1 FROM monitoring.streefwaarden n
		    WHERE n.indicator_code = NEW.indicator_code AND n.gebied_code = NEW.gebied_code
		      AND n.jaar = NEW.basisjaar AND n.soort = 'nulmeting') THEN
			RAISE EXCEPTION 'er is geen nulmeting voor % in % om de verandering tegen af te zetten',
			    NEW.gebied_code, NEW.basisjaar USING ERRCODE = 'LK400',
			    DETAIL = jsonb_build_array(jsonb_build_object('name', '/basisjaar', 'reason',
			        format('geen nulmeting van deze indicator voor %s in %s', NEW.gebied_code, NEW.basisjaar)))::text;
		END IF;
		-- what it aims at must lie within the indicator's bound (a
		-- percentage stays at most 100); a count aimed at need not be whole
		doel := monitoring.doelwaarde(NEW);
		IF doel > (SELECT monitoring.bovengrens(i) FROM monitoring.indicatoren i
		            WHERE i.indicator_code = NEW.indicator_code) THEN
			RAISE EXCEPTION 'de streefwaarde mikt boven de bovengrens van de indicator' USING ERRCODE = 'LK400',
			    DETAIL = jsonb_build_array(jsonb_build_object('name', '/waarde', 'reason',
			        format('mikt op %s: boven de bovengrens van deze indicator', doel)))::text;
		END IF;
	ELSE
		PERFORM monitoring.check_value(NEW.indicator_code, NEW.waarde, NULL, NULL);
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER streefwaarden_basis_blijft BEFORE DELETE ON monitoring.streefwaarden
    FOR EACH ROW EXECUTE FUNCTION monitoring.check_streefwaarde();

-- The sector monitor keeps which kind of target a row aims at, so that the
-- published view controls a relative one's value (R__11).
ALTER TABLE mart.sectormonitor ADD COLUMN streefvorm text;
COMMENT ON COLUMN mart.sectormonitor.streefvorm IS 'absoluut of relatief: de vorm van de streefwaarde (leeg zonder streefwaarde).';

