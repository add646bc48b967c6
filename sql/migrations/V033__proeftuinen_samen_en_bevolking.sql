-- V033: the proeftuinen together, the rest of the country, and a
-- population basis for rates per 1,000.
--
-- Purpose. The basismonitoring is delivered per proeftuin ("Met de
-- vragenlijst worden inmiddels elk kwartaal de resultaten uit alle
-- proeftuinen opgehaald", seeds/003 §3.2.2.5, point 1); the programme
-- reports on the proeftuinen as a whole and in their two tranches ("Eind
-- 2021 zijn zes proeftuinen onder regie van het programma van start
-- gegaan. Eind 2022 zijn hier in een tweede tranche vijf proeftuinen aan
-- toegevoegd", seeds/003 §3.2.2) and compares them with the regions that
-- are not one ("Ook in veel andere regio's is een beweging richting een
-- andere manier van werken in gang gezet", ibid.). Four comparison areas
-- (soort 'vergelijking'):
--   PTS0  Proeftuinen samen        the proeftuinen of the period
--   PTS1  Proeftuinen tranche 1    those of tranche 1
--   PTS2  Proeftuinen tranche 2    those of tranche 2
--   NLR0  Nederland zonder proeftuinen   the gemeenten in no proeftuin
-- Their membership is not stored: it follows from the proeftuinen's own
-- (ref.gebied_leden, from the date each gemeente joined) and their
-- tranche, so it can never disagree with them (mart.leden_op, R__10).
-- A comparison of the proeftuinen with the rest in absolute numbers says
-- little (the rest is some four times larger), so counts get a rate per
-- 1,000 of a population basis where one exists: the CBS statistics of
-- inhabitants and of minors (0-17) per gemeente per year, modelled as
-- indicators of thema 'bevolking' and loaded like any other figure
-- (POST /v1/waarnemingen, periode the year, value on 1 January). A count
-- indicator names its basis (basis_indicator); the mart divides by the
-- basis of the same area and year (or the latest year before it).
--
-- Reversible: DELETE the four areas and the two indicators (with their
-- validatiebesluiten); ALTER TABLE monitoring.indicatoren DROP COLUMN
-- basis_indicator; ALTER TABLE mart.sectormonitor DROP COLUMN basis, DROP
-- COLUMN per_1000, DROP COLUMN openbare_per_1000, DROP COLUMN secundair;
-- ALTER TABLE mart.transitiemonitor DROP COLUMN secundair; restore the constraints
-- below to their V003/V011/V021 lists.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

ALTER TABLE ref.gebieden
    DROP CONSTRAINT gebieden_code_format,
    DROP CONSTRAINT gebieden_soort_known,
    DROP CONSTRAINT gebieden_soort_matches_code;
ALTER TABLE ref.gebieden
    ADD CONSTRAINT gebieden_code_format
        CHECK (gebied_code ~ '^(NL|NLR0|PV[0-9]{2}|JZ[0-9]{2}|VT[0-9]{2}|VR[0-9]{2}|GM[0-9]{4}|PT[0-9]{2}|PTS[0-2])$'),
    ADD CONSTRAINT gebieden_soort_known
        CHECK (soort IN ('land', 'provincie', 'jeugdregio', 'veiligthuisregio', 'veiligheidsregio', 'gemeente',
                         'proeftuin', 'vergelijking')),
    ADD CONSTRAINT gebieden_soort_matches_code
        CHECK ((soort = 'land' AND gebied_code = 'NL') OR (soort = 'provincie' AND gebied_code ~ '^PV[0-9]')
            OR (soort = 'jeugdregio' AND gebied_code LIKE 'JZ%') OR (soort = 'veiligthuisregio' AND gebied_code LIKE 'VT%')
            OR (soort = 'veiligheidsregio' AND gebied_code LIKE 'VR%') OR (soort = 'gemeente' AND gebied_code LIKE 'GM%')
            OR (soort = 'proeftuin' AND gebied_code ~ '^PT[0-9]{2}$')
            OR (soort = 'vergelijking' AND gebied_code IN ('PTS0', 'PTS1', 'PTS2', 'NLR0')));

-- Their members follow from the proeftuinen; none may be stored.
ALTER TABLE ref.gebied_leden ADD CONSTRAINT gebied_leden_not_vergelijking
    CHECK (gebied_code NOT IN ('PTS0', 'PTS1', 'PTS2', 'NLR0'));

INSERT INTO ref.gebieden (gebied_code, soort, naam, geldig_van) VALUES
	('PTS0', 'vergelijking', 'Proeftuinen samen', '2021-12-01'),
	('PTS1', 'vergelijking', 'Proeftuinen tranche 1', '2021-12-01'),
	('PTS2', 'vergelijking', 'Proeftuinen tranche 2', '2022-10-01'),
	('NLR0', 'vergelijking', 'Nederland zonder proeftuinen', '2021-01-01');

-- The population basis ---------------------------------------------------------------

ALTER TABLE monitoring.indicatoren DROP CONSTRAINT indicatoren_thema_known,
    DROP CONSTRAINT indicatoren_soort_known;
ALTER TABLE monitoring.indicatoren
    ADD CONSTRAINT indicatoren_thema_known
        CHECK (thema IN ('werking_stelsel', 'betekenis_doelgroep', 'veiligheid_doelgroep', 'veiligheid_professionals',
                         'effect_tijdigheid', 'effect_gedwongen_kader', 'effect_terugval', 'effect_vertrouwen',
                         'bevolking')),
    ADD CONSTRAINT indicatoren_soort_known
        CHECK (soort IN ('maatschappelijk_doel', 'proces', 'output', 'outcome', 'context')),
    -- a population basis is a count of people at a moment
    ADD CONSTRAINT indicatoren_bevolking_is_stand
        CHECK (thema IS DISTINCT FROM 'bevolking' OR (eenheid = 'aantal' AND aggregatie = 'som' AND tijdregel = 'stand'
                                                       AND soort = 'context')),
    ADD COLUMN basis_indicator text REFERENCES monitoring.indicatoren (indicator_code),
    ADD CONSTRAINT indicatoren_basis_voor_aantal
        CHECK (basis_indicator IS NULL OR (eenheid = 'aantal' AND basis_indicator <> indicator_code));
COMMENT ON CONSTRAINT indicatoren_bevolking_is_stand ON monitoring.indicatoren IS 'een bevolkingsgrondslag (thema bevolking) is een aantal op een moment: eenheid aantal, aggregatie som, tijdregel stand, soort context';
COMMENT ON CONSTRAINT indicatoren_basis_voor_aantal ON monitoring.indicatoren IS 'alleen een aantal heeft een grondslag per 1.000, en niet zichzelf';
COMMENT ON CONSTRAINT indicatoren_basis_indicator_fkey ON monitoring.indicatoren IS 'een bestaande indicator met thema bevolking, zoals CBS_MINDERJARIGEN';
COMMENT ON COLUMN monitoring.indicatoren.basis_indicator IS 'De bevolkingsgrondslag (een indicator met thema bevolking) waartegen dit aantal per 1.000 wordt uitgedrukt.';

-- A basis must be a population statistic (a constraint cannot look at
-- another row).
CREATE FUNCTION monitoring.check_basis_indicator() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF NEW.basis_indicator IS NOT NULL AND NOT EXISTS (
	       SELECT 1 FROM monitoring.indicatoren b
	        WHERE b.indicator_code = NEW.basis_indicator AND b.thema = 'bevolking') THEN
		RAISE EXCEPTION 'de grondslag % is geen bevolkingsstatistiek', NEW.basis_indicator USING ERRCODE = 'LK400',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', '/basisIndicator',
		        'reason', 'een indicator met thema bevolking, zoals CBS_MINDERJARIGEN'))::text;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION monitoring.check_basis_indicator() IS 'Weigert een grondslag die geen bevolkingsstatistiek (thema bevolking) is.';
CREATE TRIGGER indicatoren_basis BEFORE INSERT OR UPDATE OF basis_indicator ON monitoring.indicatoren
    FOR EACH ROW EXECUTE FUNCTION monitoring.check_basis_indicator();

-- The two statistics: CBS publishes both per gemeente on 1 January
-- (Bevolking; kerncijfers, StatLine). No figures are seeded: they are
-- loaded as figures. They are statistics, not indicators under
-- development: validated on record.
SELECT set_config('lakmoes.validatie_reden', 'CBS-statistiek: geen eigen meting, gevalideerd door CBS', true);
INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype, meetwijze,
	richting, aggregatie, validatiestatus, thema, tijdregel, bron)
VALUES
	('CBS_INWONERS', 'Inwoners',
	 'Aantal inwoners van de gemeente op 1 januari van het jaar (CBS, Bevolking; kerncijfers). Periode: het jaar; grondslag voor aantallen per 1.000 inwoners.',
	 'aantal', 'context', 'landelijk', 'kwantitatief', 'neutraal', 'som', 'gevalideerd', 'bevolking', 'stand', 'CBS'),
	('CBS_MINDERJARIGEN', 'Minderjarigen (0 tot en met 17 jaar)',
	 'Aantal inwoners van 0 tot en met 17 jaar van de gemeente op 1 januari van het jaar (CBS, Bevolking; kerncijfers). Periode: het jaar; grondslag voor aantallen per 1.000 minderjarigen.',
	 'aantal', 'context', 'landelijk', 'kwantitatief', 'neutraal', 'som', 'gevalideerd', 'bevolking', 'stand', 'CBS');
SELECT set_config('lakmoes.validatie_reden', '', true);

-- The counts about children and their families per 1,000 minors; the
-- counts of households and adults per 1,000 inhabitants. Professionals,
-- consultations and the like have no population basis.
SELECT monitoring.martverversing_indicatoren(false);
UPDATE monitoring.indicatoren SET basis_indicator = 'CBS_MINDERJARIGEN'
 WHERE indicator_code IN ('EFF_BESCHERMINGSMAATREGELEN', 'EFF_ERNSTIGE_BEDREIGING', 'EFF_UITHUISPLAATSINGEN',
                          'BM_KINDEREN', 'BM_MAATREGELEN_NIEUW', 'BM_UITHUISPLAATSINGEN');
UPDATE monitoring.indicatoren SET basis_indicator = 'CBS_INWONERS'
 WHERE indicator_code IN ('BM_HUISHOUDENS_NIEUW', 'BM_HUISHOUDENS_LOPEND', 'BM_HUISHOUDENS_AFGESLOTEN',
                          'BM_VOLWASSENEN', 'BM_HERAANMELDING');
SELECT monitoring.martverversing_indicatoren(true);

ALTER TABLE mart.sectormonitor
    ADD COLUMN basis numeric,
    ADD COLUMN per_1000 numeric,
    ADD COLUMN openbare_per_1000 numeric,
    ADD COLUMN secundair boolean NOT NULL DEFAULT false;
-- the few secondarily withheld cells, looked up when a refresh passes them on
CREATE INDEX sectormonitor_secundair ON mart.sectormonitor (indicator_code, periode_code, gebied_code)
    WHERE secundair;
COMMENT ON COLUMN mart.sectormonitor.basis IS 'De bevolkingsgrondslag van het gebied in het jaar van de periode (of het laatste jaar ervoor).';
COMMENT ON COLUMN mart.sectormonitor.per_1000 IS 'De waarde per 1.000 van de grondslag, twee decimalen (ruw).';
COMMENT ON COLUMN mart.sectormonitor.openbare_per_1000 IS 'De gepubliceerde waarde per 1.000: uit de gepubliceerde (afgeronde) waarde, zodat het per 1.000 niets prijsgeeft wat de waarde verbergt.';
COMMENT ON COLUMN mart.sectormonitor.secundair IS 'Waar: geheimgehouden om een andere geheime cel te beschermen (secundaire geheimhouding); in de publicatie niet te onderscheiden van geheim.';

-- The transition monitor's effect rows read the proeftuinen together and
-- the rest from the sector monitor, with its secondary suppression.
ALTER TABLE mart.transitiemonitor ADD COLUMN secundair boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN mart.transitiemonitor.secundair IS 'Waar: een van de cellen van deze rij is in de sectorbrede monitor secundair geheimgehouden; gecontroleerde aanroepers zien geheim.';
