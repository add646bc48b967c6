-- V025: the impossible is refused, and what the tables hold can always be
-- shown.
--
-- Purpose:
--   monitoring.indicatoren.bovengrens   the programme's upper bound for an
--       indicator's values: a figure above it cannot be true and is refused
--       on every write (loads, deliveries on approval, answers, targets)
--       with the bound named. Empty: the unit's own bound
--       (monitoring.standaard_bovengrens): the order of the Netherlands'
--       population for counts (2·10^7; CBS counts just under 18 million
--       inhabitants), 100 for a percentage, the end of the scale for a
--       score ("Gemiddeld rapportcijfer (1-10)", the definitions of the
--       score indicators in V011), 18 years of days for a duration (6575:
--       a child is grown up by then) and 10^12 for an amount in euro.
--   monitoring.waarde_probleem(eenheid, bovengrens, waarde, teller, noemer)
--       the unit rules with the bound; a noemer counts people or
--       trajectories (at most 2·10^7) and a teller is at most the bound
--       times the noemer (a sum of scores or days). The old form without a
--       bound stays, with the unit's bound.
--   monitoring.check_value, monitoring.antwoord_probleem   use the bound.
--   *_begrensd   every free numeric column of the data (observations,
--       targets, answers, estimates) takes at most 15 digits before the
--       decimal point: beyond every bound above, and what a JSON reader
--       (a double) and Excel can show. NaN and infinity, which JSON cannot
--       carry, are outside it too. NOT VALID: a database that took an
--       impossible figure before (1e308 households were accepted) keeps
--       it, as nothing is overwritten; the outputs render such a value
--       all the same (api/list.c).
--   audit.idempotentie.verzoek   what a create with an Idempotency-Key
--       asked (a hash of resource and body): the same key with another
--       body is refused instead of answered with the first answer.
-- Reversible: DROP the constraints, the column bovengrens and verzoek; the
-- functions as in V005.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- The bound per indicator -----------------------------------------------------

CREATE FUNCTION monitoring.standaard_bovengrens(eenheid text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE eenheid
	WHEN 'aantal' THEN 20000000
	WHEN 'percentage' THEN 100
	WHEN 'score' THEN 10
	WHEN 'dagen' THEN 6575
	WHEN 'euro' THEN 1000000000000
	END;
COMMENT ON FUNCTION monitoring.standaard_bovengrens(text) IS 'De bovengrens van een eenheid als de indicator er geen eigen heeft: aantal 20.000.000 (de bevolking), percentage 100, score 10 (rapportcijfer 1-10), dagen 6575 (18 jaar), euro 10^12.';

ALTER TABLE monitoring.indicatoren ADD COLUMN bovengrens numeric
    CONSTRAINT indicatoren_bovengrens_range CHECK (bovengrens > 0 AND bovengrens < 1e15),
    ADD CONSTRAINT indicatoren_percentage_tot_100 CHECK (eenheid <> 'percentage' OR bovengrens <= 100);
COMMENT ON COLUMN monitoring.indicatoren.bovengrens IS 'De hoogste waarde die kan kloppen; een hogere wordt geweigerd. Leeg: de grens van de eenheid (aantal 20.000.000, percentage 100, score 10, dagen 6575, euro 10^12).';
COMMENT ON CONSTRAINT indicatoren_bovengrens_range ON monitoring.indicatoren IS 'een getal groter dan 0 en kleiner dan 10^15';
COMMENT ON CONSTRAINT indicatoren_percentage_tot_100 ON monitoring.indicatoren IS 'een percentage is hoogstens 100';

-- The bound that holds for an indicator: its own or its unit's.
CREATE FUNCTION monitoring.bovengrens(i monitoring.indicatoren) RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce(i.bovengrens, monitoring.standaard_bovengrens(i.eenheid));
COMMENT ON FUNCTION monitoring.bovengrens(monitoring.indicatoren) IS 'De bovengrens die voor de indicator geldt: de eigen, of anders die van de eenheid.';

-- The unit rules with the bound; a reason about teller or noemer starts
-- with "teller" (R__03 names the field by it).
-- STABLE as format() is: a function no more volatile than its body is
-- inlined into a bulk load's query (a call per row took 6 s for 500,000).
CREATE FUNCTION monitoring.waarde_probleem(eenheid text, bovengrens numeric, waarde numeric, teller numeric,
    noemer numeric)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE
	WHEN eenheid = 'aantal' AND (waarde < 0 OR waarde <> trunc(waarde))
	    THEN 'een aantal is een geheel getal van 0 of meer'
	WHEN eenheid = 'percentage' AND waarde NOT BETWEEN 0 AND 100
	    THEN 'een percentage ligt tussen 0 en 100'
	WHEN eenheid = 'dagen' AND waarde < 0
	    THEN 'een aantal dagen is niet negatief'
	WHEN waarde > bovengrens
	    THEN format('hoger dan de bovengrens van deze indicator (%s)', bovengrens)
	WHEN (teller IS NULL) <> (noemer IS NULL)
	    THEN 'teller en noemer horen bij elkaar'
	WHEN teller < 0 OR noemer <= 0
	    THEN 'teller is niet negatief en noemer is positief'
	WHEN eenheid = 'percentage' AND teller > noemer
	    THEN 'teller groter dan noemer'
	WHEN noemer > 20000000
	    THEN 'teller en noemer: de noemer is hoger dan de bovengrens (20000000)'
	WHEN teller > bovengrens * noemer
	    THEN format('teller is hoger dan de bovengrens (%s) maal de noemer', bovengrens)
	END;
COMMENT ON FUNCTION monitoring.waarde_probleem(text, numeric, numeric, numeric, numeric) IS 'Wat er mis is met een waarde in een eenheid onder een bovengrens, of leeg.';

CREATE OR REPLACE FUNCTION monitoring.waarde_probleem(eenheid text, waarde numeric, teller numeric, noemer numeric)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN monitoring.waarde_probleem(eenheid, monitoring.standaard_bovengrens(eenheid), waarde, teller, noemer);

CREATE OR REPLACE FUNCTION monitoring.check_value(indicator text, waarde numeric, teller numeric, noemer numeric)
RETURNS void
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	i monitoring.indicatoren;
	why text;
BEGIN
	SELECT * INTO i FROM monitoring.indicatoren x WHERE x.indicator_code = indicator;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'onbekende indicator %', indicator USING ERRCODE = 'LK400';
	END IF;
	why := monitoring.waarde_probleem(i.eenheid, monitoring.bovengrens(i), waarde, teller, noemer);
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '%', why USING ERRCODE = 'LK400';
	END IF;
END
$$;

-- An answer to a question that feeds an indicator is held to the
-- indicator's bound as well (it becomes an observation on approval); an
-- answer that counts (aantal) to the population's order when the question
-- sets no maximum.
CREATE OR REPLACE FUNCTION monitoring.antwoord_probleem(q monitoring.vragen, getal numeric, tekst text)
RETURNS text
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	lo numeric;
	hi numeric;
BEGIN
	IF q.type IN ('aantal', 'getal', 'percentage', 'schaal') THEN
		lo := coalesce(q.min, CASE WHEN q.type IN ('aantal', 'percentage') THEN 0 END);
		hi := coalesce(q.max, CASE WHEN q.type = 'percentage' THEN 100 WHEN q.type = 'aantal' THEN 20000000 END);
		hi := least(hi, (SELECT monitoring.bovengrens(i) FROM monitoring.indicatoren i
		                  WHERE i.indicator_code = q.indicator_code));
		IF tekst IS NOT NULL THEN
			RETURN 'verwacht een getal';
		ELSIF getal IS NULL THEN
			RETURN NULL;
		ELSIF q.type IN ('aantal', 'schaal') AND getal <> trunc(getal) THEN
			RETURN 'verwacht een geheel getal';
		ELSIF getal < lo OR getal > hi THEN
			RETURN CASE WHEN hi IS NULL THEN format('moet minstens %s zijn', lo)
			            WHEN lo IS NULL THEN format('mag hoogstens %s zijn', hi)
			            ELSE format('moet liggen tussen %s en %s', lo, hi) END;
		ELSIF abs(getal) >= 1e15 THEN
			RETURN 'hoogstens 15 cijfers voor de komma';
		END IF;
		RETURN NULL;
	END IF;
	IF getal IS NOT NULL THEN
		RETURN 'verwacht tekst';
	ELSIF q.type = 'keuze' AND tekst IS NOT NULL AND NOT (tekst = ANY (q.opties)) THEN
		RETURN 'kies uit: ' || array_to_string(q.opties, ', ');
	ELSIF length(tekst) > 4000 THEN
		RETURN 'langer dan 4000 tekens';
	END IF;
	RETURN NULL;
END
$$;

-- The API's and BI's views of the catalogue show the bound that holds.
GRANT EXECUTE ON FUNCTION monitoring.standaard_bovengrens(text), monitoring.bovengrens(monitoring.indicatoren)
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker, lakmoes_bi;
GRANT EXECUTE ON FUNCTION monitoring.waarde_probleem(text, numeric, numeric, numeric, numeric) TO aanleveraar, programma;

-- What the tables can hold -----------------------------------------------------

ALTER TABLE monitoring.waarnemingen
    ADD CONSTRAINT waarnemingen_waarde_begrensd CHECK (abs(waarde) < 1e15) NOT VALID,
    ADD CONSTRAINT waarnemingen_teller_begrensd CHECK (abs(teller) < 1e15) NOT VALID,
    ADD CONSTRAINT waarnemingen_noemer_begrensd CHECK (abs(noemer) < 1e15) NOT VALID;
ALTER TABLE monitoring.streefwaarden
    ADD CONSTRAINT streefwaarden_waarde_begrensd CHECK (abs(waarde) < 1e15) NOT VALID;
ALTER TABLE monitoring.antwoorden
    ADD CONSTRAINT antwoorden_waarde_begrensd CHECK (abs(waarde_getal) < 1e15) NOT VALID;
ALTER TABLE doelgroep.schattingen
    ADD CONSTRAINT schattingen_waarde_begrensd CHECK (waarde <= 20000000) NOT VALID,
    ADD CONSTRAINT schattingen_ondergrens_begrensd CHECK (ondergrens <= 20000000) NOT VALID,
    ADD CONSTRAINT schattingen_bovengrens_begrensd CHECK (bovengrens <= 20000000) NOT VALID;
COMMENT ON CONSTRAINT waarnemingen_waarde_begrensd ON monitoring.waarnemingen IS 'hoogstens 15 cijfers voor de komma';
COMMENT ON CONSTRAINT waarnemingen_teller_begrensd ON monitoring.waarnemingen IS 'hoogstens 15 cijfers voor de komma';
COMMENT ON CONSTRAINT waarnemingen_noemer_begrensd ON monitoring.waarnemingen IS 'hoogstens 15 cijfers voor de komma';
COMMENT ON CONSTRAINT streefwaarden_waarde_begrensd ON monitoring.streefwaarden IS 'hoogstens 15 cijfers voor de komma';
COMMENT ON CONSTRAINT antwoorden_waarde_begrensd ON monitoring.antwoorden IS 'hoogstens 15 cijfers voor de komma';
COMMENT ON CONSTRAINT schattingen_waarde_begrensd ON doelgroep.schattingen IS 'een aantal mensen van hoogstens 20.000.000 (de bevolking)';
COMMENT ON CONSTRAINT schattingen_ondergrens_begrensd ON doelgroep.schattingen IS 'een aantal mensen van hoogstens 20.000.000 (de bevolking)';
COMMENT ON CONSTRAINT schattingen_bovengrens_begrensd ON doelgroep.schattingen IS 'een aantal mensen van hoogstens 20.000.000 (de bevolking)';

-- Idempotency keys remember what they were used for ---------------------------

ALTER TABLE audit.idempotentie ADD COLUMN verzoek text;
COMMENT ON COLUMN audit.idempotentie.verzoek IS 'Wat het eerste verzoek vroeg (md5 van resource en body); leeg bij sleutels van voor V025.';
