-- V019: the denominator of a percentage or an average that a proeftuin
-- delivers in the quarterly questionnaire.
--
-- Purpose: five questions feed a ratio indicator (a mean number of days, a
-- percentage of closed households, two mean marks), and each indicator's
-- definition names its noemer: another question of the same questionnaire
-- (the households started or closed, the respondents). Approval stored the
-- value without teller and noemer, so a mark given by 3 respondents, or a
-- percentage of 2 households, was published to every controlled role as it
-- was: disclosure control withholds a ratio whose noemer is below the
-- threshold, and it had none. Now a question names the question that gives
-- its noemer; submission requires that noemer (more than 0) wherever the
-- value is answered; approval stores teller and noemer with the value
-- (a percentage's teller rounded to whole households).
-- Observations approved before this migration keep their revisions as
-- they were (never rewritten); a later revision can add the noemer.
-- Reversible: ALTER TABLE monitoring.vragen DROP COLUMN noemer_vraag; the
-- two functions as in V008.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

ALTER TABLE monitoring.vragen ADD COLUMN noemer_vraag text,
    ADD CONSTRAINT vragen_noemer_vraag_bestaat FOREIGN KEY (vragenlijst_id, noemer_vraag)
        REFERENCES monitoring.vragen (vragenlijst_id, vraag_code),
    ADD CONSTRAINT vragen_noemer_vraag_niet_zelf CHECK (noemer_vraag <> vraag_code);
COMMENT ON COLUMN monitoring.vragen.noemer_vraag IS 'Bij een vraag die een ratio-indicator voedt (percentage of gemiddelde): de vraag van dezelfde vragenlijst waarvan het antwoord de noemer is (een aantal).';

-- A noemer is a count, and only a ratio has one.
CREATE FUNCTION monitoring.check_noemer_vraag() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF NEW.noemer_vraag IS NULL THEN
		RETURN NEW;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM monitoring.indicatoren i
	                WHERE i.indicator_code = NEW.indicator_code AND i.aggregatie = 'ratio') THEN
		RAISE EXCEPTION 'vraag %: alleen een vraag die een ratio-indicator voedt heeft een noemer', NEW.vraag_code
		    USING ERRCODE = 'LK400';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM monitoring.vragen n
	                WHERE n.vragenlijst_id = NEW.vragenlijst_id AND n.vraag_code = NEW.noemer_vraag
	                  AND n.type = 'aantal') THEN
		RAISE EXCEPTION 'vraag %: de noemer % is geen vraag naar een aantal', NEW.vraag_code, NEW.noemer_vraag
		    USING ERRCODE = 'LK400';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER vragen_noemer_vraag BEFORE INSERT OR UPDATE OF noemer_vraag, indicator_code ON monitoring.vragen
    FOR EACH ROW EXECUTE FUNCTION monitoring.check_noemer_vraag();

-- The noemers of questionnaire version 1, as the indicators define them
-- (V011).
UPDATE monitoring.vragen v SET noemer_vraag = x.noemer
  FROM (VALUES ('doorlooptijd_start_dagen', 'huishoudens_nieuw'),
               ('doorlooptijd_traject_dagen', 'huishoudens_afgesloten'),
               ('percentage_veiligheid_hersteld', 'huishoudens_afgesloten'),
               ('ervaring_clienten_cijfer', 'ervaring_clienten_respondenten'),
               ('ervaring_professionals_cijfer', 'ervaring_professionals_respondenten')) AS x (vraag, noemer)
 WHERE v.vragenlijst_id = 1 AND v.vraag_code = x.vraag;

-- Before a delivery becomes ingediend: every required question answered,
-- and the noemer of every answered ratio, more than 0.
CREATE OR REPLACE FUNCTION monitoring.check_verplicht() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	missing jsonb;
BEGIN
	SELECT jsonb_agg(p.probleem ORDER BY p.volgorde)
	  INTO missing
	  FROM (SELECT v.volgorde, jsonb_build_object('name', v.vraag_code, 'reason', 'verplichte vraag is niet beantwoord')
	          FROM monitoring.vragen v
	         WHERE v.vragenlijst_id = NEW.vragenlijst_id AND v.is_verplicht
	           AND NOT EXISTS (SELECT 1 FROM monitoring.antwoorden a
	                            WHERE a.aanlevering_id = NEW.aanlevering_id AND a.vraag_code = v.vraag_code
	                              AND num_nonnulls(a.waarde_getal, a.waarde_tekst) = 1)
	        UNION ALL
	        SELECT n.volgorde, jsonb_build_object('name', n.vraag_code, 'reason',
	               format('nodig bij %s: het aantal waarover dat gemiddelde of percentage gaat, meer dan 0',
	                      v.vraag_code))
	          FROM monitoring.vragen v
	          JOIN monitoring.vragen n ON n.vragenlijst_id = v.vragenlijst_id AND n.vraag_code = v.noemer_vraag
	          JOIN monitoring.antwoorden a ON a.aanlevering_id = NEW.aanlevering_id AND a.vraag_code = v.vraag_code
	           AND a.waarde_getal IS NOT NULL
	         WHERE v.vragenlijst_id = NEW.vragenlijst_id
	           -- a required noemer left open is named once, above
	           AND (NOT n.is_verplicht OR EXISTS (SELECT 1 FROM monitoring.antwoorden c
	                WHERE c.aanlevering_id = NEW.aanlevering_id AND c.vraag_code = n.vraag_code
	                  AND num_nonnulls(c.waarde_getal, c.waarde_tekst) = 1))
	           AND NOT EXISTS (SELECT 1 FROM monitoring.antwoorden b
	                            WHERE b.aanlevering_id = NEW.aanlevering_id AND b.vraag_code = n.vraag_code
	                              AND b.waarde_getal > 0)) AS p (volgorde, probleem);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'nog niet alle verplichte vragen zijn beantwoord' USING ERRCODE = 'LK400',
		    DETAIL = missing::text;
	END IF;
	RETURN NEW;
END
$$;

-- After approval: numeric answers that feed an indicator become
-- observations, a ratio with its teller and noemer. Runs with the
-- approver's rights (programma may load observations).
CREATE OR REPLACE FUNCTION monitoring.neem_over() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, teller, noemer,
	    status, bron, aanlevering_id)
	SELECT v.indicator_code, NEW.proeftuin_code, NEW.periode_code, a.waarde_getal,
	       CASE WHEN n.waarde_getal > 0 THEN
	           CASE WHEN i.eenheid = 'percentage' THEN round(a.waarde_getal * n.waarde_getal / 100)
	                ELSE a.waarde_getal * n.waarde_getal END END,
	       CASE WHEN n.waarde_getal > 0 THEN n.waarde_getal END,
	       'voorlopig', 'basismonitoring, aanlevering ' || NEW.aanlevering_id, NEW.aanlevering_id
	  FROM monitoring.antwoorden a
	  JOIN monitoring.vragen v ON v.vragenlijst_id = a.vragenlijst_id AND v.vraag_code = a.vraag_code
	  JOIN monitoring.indicatoren i ON i.indicator_code = v.indicator_code
	  LEFT JOIN monitoring.antwoorden n ON n.aanlevering_id = a.aanlevering_id AND n.vraag_code = v.noemer_vraag
	 WHERE a.aanlevering_id = NEW.aanlevering_id AND a.waarde_getal IS NOT NULL
	 ORDER BY v.volgorde;
	RETURN NULL;
END
$$;
