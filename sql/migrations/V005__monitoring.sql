-- V005: monitoring (schema monitoring).
--
-- Purpose:
--   indicatoren       the indicator catalogue (landelijk and diagnostisch)
--   waarnemingen      observations: append-only revisions; the current value
--                     is a view, any past state a function of a moment
--   streefwaarden     baselines (nulmeting) and targets per indicator, area, year
--   vragenlijsten, vragen   the versioned quarterly questionnaire
--   aanleveringen, antwoorden   a proeftuin's quarter, with a state machine
--                     concept → ingediend → goedgekeurd | teruggestuurd → ingediend
-- Rules live here: value ranges per unit, teller ≤ noemer, no future or
-- unknown periods, no delivery before the proeftuin started, no rewriting.
-- Reversible: DROP TABLE monitoring.* CASCADE.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- Indicator catalogue ------------------------------------------------------------

CREATE TABLE monitoring.indicatoren (
	indicator_code text PRIMARY KEY
	    CONSTRAINT indicatoren_code_format CHECK (indicator_code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
	naam text NOT NULL CONSTRAINT indicatoren_naam_not_blank CHECK (btrim(naam) <> ''),
	definitie text NOT NULL CONSTRAINT indicatoren_definitie_not_blank CHECK (btrim(definitie) <> ''),
	eenheid text NOT NULL
	    CONSTRAINT indicatoren_eenheid_known CHECK (eenheid IN ('aantal', 'percentage', 'dagen', 'score', 'euro')),
	soort text NOT NULL
	    CONSTRAINT indicatoren_soort_known CHECK (soort IN ('maatschappelijk_doel', 'proces', 'output', 'outcome')),
	monitoringtype text NOT NULL
	    CONSTRAINT indicatoren_monitoringtype_known CHECK (monitoringtype IN ('landelijk', 'diagnostisch')),
	meetwijze text NOT NULL DEFAULT 'kwantitatief'
	    CONSTRAINT indicatoren_meetwijze_known CHECK (meetwijze IN ('kwantitatief', 'kwalitatief')),
	richting text NOT NULL
	    CONSTRAINT indicatoren_richting_known CHECK (richting IN ('hoger_beter', 'lager_beter', 'neutraal')),
	aggregatie text NOT NULL
	    CONSTRAINT indicatoren_aggregatie_known CHECK (aggregatie IN ('som', 'ratio', 'niet_aggregeerbaar')),
	validatiestatus text NOT NULL DEFAULT 'in_ontwikkeling'
	    CONSTRAINT indicatoren_validatiestatus_known CHECK (validatiestatus IN ('in_ontwikkeling', 'gevalideerd', 'vervallen')),
	resultaat_nummer integer REFERENCES register.gewenste_resultaten,
	effect text,
	bron text,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT indicatoren_ratio_is_percentage CHECK (aggregatie <> 'ratio' OR eenheid IN ('percentage', 'dagen', 'score', 'euro')),
	CONSTRAINT indicatoren_sum_is_count CHECK (aggregatie <> 'som' OR eenheid IN ('aantal', 'euro'))
);
COMMENT ON TABLE monitoring.indicatoren IS 'De indicatorencatalogus: landelijke indicatoren (uniform, jaren vast, voor vergelijking) en diagnostische (lokaal, kortcyclisch). Alleen gevalideerde indicatoren mogen voor verantwoording worden gebruikt.';
COMMENT ON COLUMN monitoring.indicatoren.indicator_code IS 'Vaste code van de indicator (hoofdletters, cijfers, _); verandert nooit.';
COMMENT ON COLUMN monitoring.indicatoren.naam IS 'Naam van de indicator.';
COMMENT ON COLUMN monitoring.indicatoren.definitie IS 'Precieze definitie: wat telt mee, teller en noemer.';
COMMENT ON COLUMN monitoring.indicatoren.eenheid IS 'aantal, percentage, dagen, score of euro.';
COMMENT ON COLUMN monitoring.indicatoren.soort IS 'maatschappelijk_doel, proces (subdoel), output of outcome.';
COMMENT ON COLUMN monitoring.indicatoren.monitoringtype IS 'landelijk (gestandaardiseerd) of diagnostisch (lokaal, mag wijzigen).';
COMMENT ON COLUMN monitoring.indicatoren.meetwijze IS 'kwantitatief of kwalitatief.';
COMMENT ON COLUMN monitoring.indicatoren.richting IS 'hoger_beter, lager_beter of neutraal.';
COMMENT ON COLUMN monitoring.indicatoren.aggregatie IS 'Hoe waarden van gemeenten optellen tot regio''s: som, ratio (som teller / som noemer) of niet_aggregeerbaar.';
COMMENT ON COLUMN monitoring.indicatoren.validatiestatus IS 'in_ontwikkeling, gevalideerd of vervallen.';
COMMENT ON COLUMN monitoring.indicatoren.resultaat_nummer IS 'Het gewenste resultaat waaraan de indicator gekoppeld is.';
COMMENT ON COLUMN monitoring.indicatoren.effect IS 'Het maatschappelijk effect (programmaplan §1.2) dat de indicator meet.';
COMMENT ON COLUMN monitoring.indicatoren.bron IS 'Waar de cijfers vandaan komen (basismonitoring, CBS, Veilig Thuis, …).';
COMMENT ON COLUMN monitoring.indicatoren.created_at IS 'Moment van opname in de catalogus.';
COMMENT ON COLUMN monitoring.indicatoren.updated_at IS 'Moment van de laatste wijziging.';

CREATE FUNCTION monitoring.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF NEW.indicator_code <> OLD.indicator_code THEN
		RAISE EXCEPTION 'de code van een indicator verandert nooit' USING ERRCODE = 'LK409';
	END IF;
	NEW.updated_at := now();
	RETURN NEW;
END
$$;
CREATE TRIGGER indicatoren_touch BEFORE UPDATE ON monitoring.indicatoren
    FOR EACH ROW EXECUTE FUNCTION monitoring.touch_updated_at();

-- What is wrong with a value in a unit, or NULL: the one statement of the
-- unit rules, used by the row checks below and by bulk loads (which report
-- every problem at once). A reason about teller or noemer starts with
-- "teller". Plain SQL, so a query can inline it.
CREATE FUNCTION monitoring.waarde_probleem(eenheid text, waarde numeric, teller numeric, noemer numeric)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN eenheid = 'aantal' AND (waarde < 0 OR waarde <> trunc(waarde))
	    THEN 'een aantal is een geheel getal van 0 of meer'
	WHEN eenheid = 'percentage' AND waarde NOT BETWEEN 0 AND 100
	    THEN 'een percentage ligt tussen 0 en 100'
	WHEN eenheid = 'dagen' AND waarde < 0
	    THEN 'een aantal dagen is niet negatief'
	WHEN (teller IS NULL) <> (noemer IS NULL)
	    THEN 'teller en noemer horen bij elkaar'
	WHEN teller < 0 OR noemer <= 0
	    THEN 'teller is niet negatief en noemer is positief'
	WHEN eenheid = 'percentage' AND teller > noemer
	    THEN 'teller groter dan noemer'
	END;

-- Checks a value against its indicator's unit; used by observations and
-- targets. Raises LK400 with the reason.
CREATE FUNCTION monitoring.check_value(indicator text, waarde numeric, teller numeric, noemer numeric)
RETURNS void
LANGUAGE plpgsql STABLE
AS $$
DECLARE
	unit text;
	why text;
BEGIN
	SELECT eenheid INTO unit FROM monitoring.indicatoren WHERE indicator_code = indicator;
	IF unit IS NULL THEN
		RAISE EXCEPTION 'onbekende indicator %', indicator USING ERRCODE = 'LK400';
	END IF;
	why := monitoring.waarde_probleem(unit, waarde, teller, noemer);
	IF why IS NOT NULL THEN
		RAISE EXCEPTION '%', why USING ERRCODE = 'LK400';
	END IF;
END
$$;

-- Refuses periods that have not begun yet.
CREATE FUNCTION monitoring.check_period_not_future(periode text) RETURNS void
LANGUAGE plpgsql STABLE
AS $$
BEGIN
	IF (SELECT begin_date FROM ref.perioden WHERE periode_code = periode) > current_date THEN
		RAISE EXCEPTION 'periode % ligt in de toekomst', periode USING ERRCODE = 'LK400';
	END IF;
END
$$;

-- Observations ---------------------------------------------------------------

CREATE TABLE monitoring.waarnemingen (
	waarneming_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	indicator_code text NOT NULL REFERENCES monitoring.indicatoren,
	gebied_code text NOT NULL REFERENCES ref.gebieden,
	periode_code text NOT NULL REFERENCES ref.perioden,
	revisie integer NOT NULL CONSTRAINT waarnemingen_revisie_positive CHECK (revisie >= 1),
	waarde numeric NOT NULL,
	teller numeric,
	noemer numeric,
	status text NOT NULL
	    CONSTRAINT waarnemingen_status_known CHECK (status IN ('voorlopig', 'nader_voorlopig', 'definitief')),
	bron text NOT NULL CONSTRAINT waarnemingen_bron_not_blank CHECK (btrim(bron) <> ''),
	aanlevering_id bigint,
	recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
	recorded_by text NOT NULL DEFAULT coalesce(api.claim('sub'), session_user),
	CONSTRAINT waarnemingen_one_revision UNIQUE (indicator_code, gebied_code, periode_code, revisie)
);
CREATE INDEX waarnemingen_gebied_periode ON monitoring.waarnemingen (gebied_code, periode_code);
CREATE INDEX waarnemingen_recorded ON monitoring.waarnemingen (recorded_at);
COMMENT ON TABLE monitoring.waarnemingen IS 'Waarnemingen: de waarde van een indicator voor een gebied en periode. Alleen toevoegen: een correctie is een nieuwe revisie; niets wordt overschreven.';
COMMENT ON COLUMN monitoring.waarnemingen.waarneming_id IS 'Volgnummer.';
COMMENT ON COLUMN monitoring.waarnemingen.indicator_code IS 'De indicator.';
COMMENT ON COLUMN monitoring.waarnemingen.gebied_code IS 'Het gebied (gemeente, regio, proeftuin, provincie of NL).';
COMMENT ON COLUMN monitoring.waarnemingen.periode_code IS 'De periode.';
COMMENT ON COLUMN monitoring.waarnemingen.revisie IS 'Revisienummer, 1 voor de eerste waarde; elke correctie één hoger.';
COMMENT ON COLUMN monitoring.waarnemingen.waarde IS 'De waarde, in de eenheid van de indicator.';
COMMENT ON COLUMN monitoring.waarnemingen.teller IS 'Teller, bij een ratio.';
COMMENT ON COLUMN monitoring.waarnemingen.noemer IS 'Noemer, bij een ratio.';
COMMENT ON COLUMN monitoring.waarnemingen.status IS 'voorlopig, nader_voorlopig of definitief (zoals CBS).';
COMMENT ON COLUMN monitoring.waarnemingen.bron IS 'Herkomst van de waarde.';
COMMENT ON COLUMN monitoring.waarnemingen.aanlevering_id IS 'De kwartaalaanlevering waaruit de waarde komt, indien van toepassing.';
COMMENT ON COLUMN monitoring.waarnemingen.recorded_at IS 'Moment van vastleggen (UTC).';
COMMENT ON COLUMN monitoring.waarnemingen.recorded_by IS 'Wie vastlegde (sub van het token).';

-- Numbers each new value as the next revision and checks it. Two writers
-- that take the same number concurrently collide on the unique constraint
-- (one gets 23505 and may retry); no lock per row, so that a bulk load of
-- 100k rows does not exhaust the lock table.
CREATE FUNCTION monitoring.prepare_waarneming() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM monitoring.check_value(NEW.indicator_code, NEW.waarde, NEW.teller, NEW.noemer);
	PERFORM monitoring.check_period_not_future(NEW.periode_code);
	SELECT coalesce(max(revisie), 0) + 1 INTO NEW.revisie
	  FROM monitoring.waarnemingen
	 WHERE indicator_code = NEW.indicator_code AND gebied_code = NEW.gebied_code
	   AND periode_code = NEW.periode_code;
	NEW.recorded_at := clock_timestamp();
	RETURN NEW;
END
$$;
CREATE TRIGGER waarnemingen_prepare BEFORE INSERT ON monitoring.waarnemingen
    FOR EACH ROW EXECUTE FUNCTION monitoring.prepare_waarneming();

CREATE FUNCTION monitoring.forbid_rewrite() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	RAISE EXCEPTION '% wordt nooit overschreven of verwijderd; voeg een revisie toe', TG_TABLE_NAME
	    USING ERRCODE = 'LK409';
END
$$;
CREATE TRIGGER waarnemingen_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON monitoring.waarnemingen
    FOR EACH STATEMENT EXECUTE FUNCTION monitoring.forbid_rewrite();

-- Targets and baselines ---------------------------------------------------------

CREATE TABLE monitoring.streefwaarden (
	indicator_code text NOT NULL REFERENCES monitoring.indicatoren,
	gebied_code text NOT NULL REFERENCES ref.gebieden,
	jaar integer NOT NULL CONSTRAINT streefwaarden_jaar_range CHECK (jaar BETWEEN 2015 AND 2035),
	soort text NOT NULL CONSTRAINT streefwaarden_soort_known CHECK (soort IN ('nulmeting', 'streefwaarde')),
	waarde numeric NOT NULL,
	besluit text NOT NULL CONSTRAINT streefwaarden_besluit_not_blank CHECK (btrim(besluit) <> ''),
	PRIMARY KEY (indicator_code, gebied_code, jaar, soort)
);
COMMENT ON TABLE monitoring.streefwaarden IS 'Nulmetingen en streefwaarden per indicator, gebied en jaar, met het besluit waarop ze berusten.';
COMMENT ON COLUMN monitoring.streefwaarden.indicator_code IS 'De indicator.';
COMMENT ON COLUMN monitoring.streefwaarden.gebied_code IS 'Het gebied.';
COMMENT ON COLUMN monitoring.streefwaarden.jaar IS 'Het jaar waarop de waarde betrekking heeft.';
COMMENT ON COLUMN monitoring.streefwaarden.soort IS 'nulmeting (uitgangswaarde) of streefwaarde (doel).';
COMMENT ON COLUMN monitoring.streefwaarden.waarde IS 'De waarde, in de eenheid van de indicator.';
COMMENT ON COLUMN monitoring.streefwaarden.besluit IS 'Het besluit of document waarop de waarde berust.';

CREATE FUNCTION monitoring.check_streefwaarde() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM monitoring.check_value(NEW.indicator_code, NEW.waarde, NULL, NULL);
	RETURN NEW;
END
$$;
CREATE TRIGGER streefwaarden_check BEFORE INSERT OR UPDATE ON monitoring.streefwaarden
    FOR EACH ROW EXECUTE FUNCTION monitoring.check_streefwaarde();

-- Questionnaire --------------------------------------------------------------

CREATE TABLE monitoring.vragenlijsten (
	vragenlijst_id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	versie integer NOT NULL UNIQUE CONSTRAINT vragenlijsten_versie_positive CHECK (versie >= 1),
	geldig_vanaf date NOT NULL UNIQUE,
	toelichting text
);
COMMENT ON TABLE monitoring.vragenlijsten IS 'Versies van de kwartaalvragenlijst van de basismonitoring; de actuele is de laatste die al geldt.';
COMMENT ON COLUMN monitoring.vragenlijsten.vragenlijst_id IS 'Volgnummer.';
COMMENT ON COLUMN monitoring.vragenlijsten.versie IS 'Versienummer.';
COMMENT ON COLUMN monitoring.vragenlijsten.geldig_vanaf IS 'Eerste dag waarop deze versie geldt.';
COMMENT ON COLUMN monitoring.vragenlijsten.toelichting IS 'Wat er in deze versie veranderde.';

CREATE TABLE monitoring.vragen (
	vragenlijst_id integer NOT NULL REFERENCES monitoring.vragenlijsten ON DELETE CASCADE,
	vraag_code text NOT NULL CONSTRAINT vragen_code_format CHECK (vraag_code ~ '^[a-z][a-z0-9_]{1,39}$'),
	volgorde integer NOT NULL,
	onderdeel text NOT NULL DEFAULT 'kwartaalcijfers'
	    CONSTRAINT vragen_onderdeel_known CHECK (onderdeel IN ('algemeen', 'kwartaalcijfers', 'ervaringen')),
	tekst text NOT NULL,
	type text NOT NULL CONSTRAINT vragen_type_known CHECK (type IN ('aantal', 'getal', 'percentage', 'schaal', 'keuze', 'tekst')),
	is_verplicht boolean NOT NULL DEFAULT false,
	min numeric,
	max numeric,
	opties text[],
	indicator_code text REFERENCES monitoring.indicatoren,
	PRIMARY KEY (vragenlijst_id, vraag_code),
	UNIQUE (vragenlijst_id, volgorde),
	CONSTRAINT vragen_bounds_ordered CHECK (min IS NULL OR max IS NULL OR min <= max),
	CONSTRAINT vragen_options_for_choice CHECK ((type = 'keuze') = (opties IS NOT NULL AND cardinality(opties) >= 2)),
	CONSTRAINT vragen_bounds_numeric CHECK (type IN ('aantal', 'getal', 'percentage', 'schaal') OR (min IS NULL AND max IS NULL)),
	CONSTRAINT vragen_indicator_numeric CHECK (indicator_code IS NULL OR type IN ('aantal', 'getal', 'percentage', 'schaal')),
	CONSTRAINT vragen_percentage_bounds CHECK (type <> 'percentage' OR (coalesce(min, 0) >= 0 AND coalesce(max, 100) <= 100)),
	CONSTRAINT vragen_count_bounds CHECK (type <> 'aantal' OR coalesce(min, 0) >= 0)
);
COMMENT ON TABLE monitoring.vragen IS 'De vragen van een versie van de kwartaalvragenlijst; een numerieke vraag kan een indicator voeden.';
COMMENT ON COLUMN monitoring.vragen.vragenlijst_id IS 'De versie van de vragenlijst.';
COMMENT ON COLUMN monitoring.vragen.vraag_code IS 'Code van de vraag (kleine letters, cijfers, _).';
COMMENT ON COLUMN monitoring.vragen.volgorde IS 'Plaats in de vragenlijst.';
COMMENT ON COLUMN monitoring.vragen.onderdeel IS 'algemeen, kwartaalcijfers of ervaringen.';
COMMENT ON COLUMN monitoring.vragen.tekst IS 'De vraag zoals de proeftuin hem ziet.';
COMMENT ON COLUMN monitoring.vragen.type IS 'aantal, getal, percentage, schaal, keuze of tekst.';
COMMENT ON COLUMN monitoring.vragen.is_verplicht IS 'Moet beantwoord zijn om in te dienen.';
COMMENT ON COLUMN monitoring.vragen.min IS 'Kleinste toegestane waarde (numerieke vragen).';
COMMENT ON COLUMN monitoring.vragen.max IS 'Grootste toegestane waarde (numerieke vragen).';
COMMENT ON COLUMN monitoring.vragen.opties IS 'Antwoordmogelijkheden (keuzevragen).';
COMMENT ON COLUMN monitoring.vragen.indicator_code IS 'De indicator die het antwoord voedt bij goedkeuring.';

-- Deliveries -----------------------------------------------------------------

CREATE TABLE monitoring.aanleveringen (
	aanlevering_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	proeftuin_code text NOT NULL REFERENCES ref.proeftuinen,
	periode_code text NOT NULL REFERENCES ref.perioden
	    CONSTRAINT aanleveringen_quarter_only CHECK (periode_code ~ '^[0-9]{4}-Q[1-4]$'),
	vragenlijst_id integer NOT NULL REFERENCES monitoring.vragenlijsten,
	status text NOT NULL DEFAULT 'concept'
	    CONSTRAINT aanleveringen_status_known CHECK (status IN ('concept', 'ingediend', 'goedgekeurd', 'teruggestuurd')),
	toelichting text,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL DEFAULT coalesce(api.claim('sub'), session_user),
	ingediend_at timestamptz,
	beoordeeld_at timestamptz,
	beoordeeld_by text,
	CONSTRAINT aanleveringen_one_per_quarter UNIQUE (proeftuin_code, periode_code),
	CONSTRAINT aanleveringen_submitted_has_time CHECK (status = 'concept' OR ingediend_at IS NOT NULL),
	CONSTRAINT aanleveringen_judged_has_time CHECK (status NOT IN ('goedgekeurd', 'teruggestuurd') OR beoordeeld_at IS NOT NULL)
);
ALTER TABLE monitoring.waarnemingen ADD CONSTRAINT waarnemingen_aanlevering_fk
    FOREIGN KEY (aanlevering_id) REFERENCES monitoring.aanleveringen;
COMMENT ON TABLE monitoring.aanleveringen IS 'Kwartaalaanleveringen van de basismonitoring: één per proeftuin per kwartaal, met status concept → ingediend → goedgekeurd of teruggestuurd (→ opnieuw ingediend).';
COMMENT ON COLUMN monitoring.aanleveringen.aanlevering_id IS 'Volgnummer.';
COMMENT ON COLUMN monitoring.aanleveringen.proeftuin_code IS 'De proeftuin die aanlevert.';
COMMENT ON COLUMN monitoring.aanleveringen.periode_code IS 'Het kwartaal waarover geleverd wordt.';
COMMENT ON COLUMN monitoring.aanleveringen.vragenlijst_id IS 'De versie van de vragenlijst die gold.';
COMMENT ON COLUMN monitoring.aanleveringen.status IS 'concept, ingediend, goedgekeurd of teruggestuurd.';
COMMENT ON COLUMN monitoring.aanleveringen.toelichting IS 'Toelichting van het programma bij goedkeuren of terugsturen.';
COMMENT ON COLUMN monitoring.aanleveringen.created_at IS 'Aangemaakt (UTC).';
COMMENT ON COLUMN monitoring.aanleveringen.created_by IS 'Aangemaakt door (sub).';
COMMENT ON COLUMN monitoring.aanleveringen.ingediend_at IS 'Laatst ingediend (UTC).';
COMMENT ON COLUMN monitoring.aanleveringen.beoordeeld_at IS 'Laatst goedgekeurd of teruggestuurd (UTC).';
COMMENT ON COLUMN monitoring.aanleveringen.beoordeeld_by IS 'Beoordeeld door (sub).';

-- The state machine and its invariants. Who may make a transition is row
-- level security's business; which transitions exist is decided here.
CREATE FUNCTION monitoring.aanlevering_transition() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	start date;
	who text := coalesce(api.claim('sub'), session_user);
BEGIN
	IF TG_OP = 'INSERT' THEN
		IF NEW.status <> 'concept' THEN
			RAISE EXCEPTION 'een aanlevering begint als concept' USING ERRCODE = 'LK409';
		END IF;
		SELECT start_date INTO start FROM ref.proeftuinen WHERE proeftuin_code = NEW.proeftuin_code;
		IF (SELECT eind_date FROM ref.perioden WHERE periode_code = NEW.periode_code) < start THEN
			RAISE EXCEPTION 'kwartaal % ligt vóór de start van proeftuin %', NEW.periode_code, NEW.proeftuin_code
			    USING ERRCODE = 'LK400';
		END IF;
		PERFORM monitoring.check_period_not_future(NEW.periode_code);
		RETURN NEW;
	END IF;

	IF NEW.proeftuin_code <> OLD.proeftuin_code OR NEW.periode_code <> OLD.periode_code
	    OR NEW.vragenlijst_id <> OLD.vragenlijst_id OR NEW.created_at <> OLD.created_at THEN
		RAISE EXCEPTION 'proeftuin, kwartaal en vragenlijst van een aanlevering liggen vast' USING ERRCODE = 'LK409';
	END IF;
	IF NEW.status = OLD.status THEN
		IF OLD.status = 'goedgekeurd' THEN
			RAISE EXCEPTION 'een goedgekeurde aanlevering ligt vast' USING ERRCODE = 'LK409';
		END IF;
		RETURN NEW;
	END IF;
	IF NOT ((OLD.status, NEW.status) IN (('concept', 'ingediend'), ('ingediend', 'goedgekeurd'),
	    ('ingediend', 'teruggestuurd'), ('teruggestuurd', 'ingediend'))) THEN
		RAISE EXCEPTION 'statusovergang % → % bestaat niet', OLD.status, NEW.status USING ERRCODE = 'LK409';
	END IF;
	IF NEW.status = 'ingediend' THEN
		NEW.ingediend_at := now();
	ELSE
		IF NEW.status = 'teruggestuurd' AND coalesce(btrim(NEW.toelichting), '') = '' THEN
			RAISE EXCEPTION 'terugsturen vraagt een toelichting' USING ERRCODE = 'LK400';
		END IF;
		NEW.beoordeeld_at := now();
		NEW.beoordeeld_by := who;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER aanleveringen_transition BEFORE INSERT OR UPDATE ON monitoring.aanleveringen
    FOR EACH ROW EXECUTE FUNCTION monitoring.aanlevering_transition();

CREATE FUNCTION monitoring.forbid_delete_aanlevering() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF OLD.status <> 'concept' THEN
		RAISE EXCEPTION 'alleen een concept kan worden verwijderd' USING ERRCODE = 'LK409';
	END IF;
	RETURN OLD;
END
$$;
CREATE TRIGGER aanleveringen_delete BEFORE DELETE ON monitoring.aanleveringen
    FOR EACH ROW EXECUTE FUNCTION monitoring.forbid_delete_aanlevering();

CREATE TABLE monitoring.antwoorden (
	aanlevering_id bigint NOT NULL REFERENCES monitoring.aanleveringen ON DELETE CASCADE,
	vragenlijst_id integer NOT NULL,
	vraag_code text NOT NULL,
	waarde_getal numeric,
	waarde_tekst text,
	updated_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (aanlevering_id, vraag_code),
	FOREIGN KEY (vragenlijst_id, vraag_code) REFERENCES monitoring.vragen,
	CONSTRAINT antwoorden_one_kind CHECK (num_nonnulls(waarde_getal, waarde_tekst) <= 1)
);
COMMENT ON TABLE monitoring.antwoorden IS 'Antwoorden van een aanlevering op de vragen van haar vragenlijst; te wijzigen zolang de aanlevering concept of teruggestuurd is.';
COMMENT ON COLUMN monitoring.antwoorden.aanlevering_id IS 'De aanlevering.';
COMMENT ON COLUMN monitoring.antwoorden.vragenlijst_id IS 'De vragenlijst (gelijk aan die van de aanlevering).';
COMMENT ON COLUMN monitoring.antwoorden.vraag_code IS 'De vraag.';
COMMENT ON COLUMN monitoring.antwoorden.waarde_getal IS 'Numeriek antwoord (aantal, getal, percentage, schaal).';
COMMENT ON COLUMN monitoring.antwoorden.waarde_tekst IS 'Tekstantwoord (tekst, keuze).';
COMMENT ON COLUMN monitoring.antwoorden.updated_at IS 'Laatst gewijzigd (UTC).';

-- What is wrong with an answer (a number or a text) to question q, or
-- NULL: the one statement of the answer rules, used by the row check below
-- and by api.antwoorden_vervangen() (which reports every answer at once).
CREATE FUNCTION monitoring.antwoord_probleem(q monitoring.vragen, getal numeric, tekst text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
	lo numeric;
	hi numeric;
BEGIN
	IF q.type IN ('aantal', 'getal', 'percentage', 'schaal') THEN
		lo := coalesce(q.min, CASE WHEN q.type IN ('aantal', 'percentage') THEN 0 END);
		hi := coalesce(q.max, CASE WHEN q.type = 'percentage' THEN 100 END);
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

-- Answers belong to the delivery's questionnaire, fit the question, and only
-- change while the delivery is open.
CREATE FUNCTION monitoring.check_antwoord() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	a monitoring.aanleveringen;
	q monitoring.vragen;
	why text;
	row_aanlevering bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.aanlevering_id ELSE NEW.aanlevering_id END;
BEGIN
	SELECT * INTO a FROM monitoring.aanleveringen WHERE aanlevering_id = row_aanlevering;
	IF a.status NOT IN ('concept', 'teruggestuurd') THEN
		RAISE EXCEPTION 'aanlevering % is % en kan niet meer wijzigen', a.aanlevering_id, a.status
		    USING ERRCODE = 'LK409';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	IF NEW.vragenlijst_id <> a.vragenlijst_id THEN
		RAISE EXCEPTION 'vraag % hoort niet bij de vragenlijst van deze aanlevering', NEW.vraag_code
		    USING ERRCODE = 'LK400';
	END IF;
	SELECT * INTO q FROM monitoring.vragen WHERE vragenlijst_id = NEW.vragenlijst_id AND vraag_code = NEW.vraag_code;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'vraag % bestaat niet in deze vragenlijst', NEW.vraag_code USING ERRCODE = 'LK400';
	END IF;
	why := monitoring.antwoord_probleem(q, NEW.waarde_getal, NEW.waarde_tekst);
	IF why IS NOT NULL THEN
		RAISE EXCEPTION 'antwoord op %: %', q.vraag_code, why USING ERRCODE = 'LK400';
	END IF;
	NEW.updated_at := now();
	RETURN NEW;
END
$$;
CREATE TRIGGER antwoorden_check BEFORE INSERT OR UPDATE OR DELETE ON monitoring.antwoorden
    FOR EACH ROW EXECUTE FUNCTION monitoring.check_antwoord();
