-- V008: what happens around a delivery's state changes, and refused attempts.
--
-- Purpose:
--   monitoring.instellingen      settings (the delivery deadline in weeks)
--   monitoring.signaleringen     outliers found on submission: a numeric
--                                answer far from the proeftuin's own history
--                                (robust z-score over its last 8 approved
--                                quarters); warnings, not refusals
--   submission (→ ingediend)     refused (LK400, every missing question in
--                                DETAIL) while a required question is open;
--                                computes the signaleringen
--   approval (→ goedgekeurd)     turns every numeric answer whose question
--                                feeds an indicator into an observation
--                                (status voorlopig, source the delivery)
--   audit.pogingen               refused write attempts: who, what, why;
--                                never the payload
--   monitoring.persoonsgegeven() the identifier check for free text: BSN
--                                (eleven-test), e-mail, Dutch phone numbers
-- Problems for a client are raised as LK400 with DETAIL a JSON array of
-- {"name", "reason"}: the API passes them on as invalidParams.
-- Reversible: drop the objects and triggers named above.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE TABLE monitoring.instellingen (
	sleutel text PRIMARY KEY CONSTRAINT instellingen_sleutel_format CHECK (sleutel ~ '^[a-z_]{2,40}$'),
	waarde text NOT NULL,
	omschrijving text NOT NULL
);
COMMENT ON TABLE monitoring.instellingen IS 'Instellingen van het magazijn die het programma kan aanpassen.';
COMMENT ON COLUMN monitoring.instellingen.sleutel IS 'Naam van de instelling.';
COMMENT ON COLUMN monitoring.instellingen.waarde IS 'Waarde (tekst).';
COMMENT ON COLUMN monitoring.instellingen.omschrijving IS 'Wat de instelling regelt.';
INSERT INTO monitoring.instellingen VALUES
	('aanlevertermijn_weken', '6', 'Aantal weken na het einde van een kwartaal waarbinnen een aanlevering op tijd is.'),
	('uitschieter_drempel', '3.5', 'Robuuste z-score vanaf waar een antwoord als uitschieter wordt gesignaleerd.'),
	('onthulling_drempel', '10', 'Aantallen (en noemers) kleiner dan dit worden voor gecontroleerde rollen geheimgehouden; grotere aantallen worden op 5 afgerond.');

CREATE TABLE monitoring.signaleringen (
	aanlevering_id bigint NOT NULL REFERENCES monitoring.aanleveringen ON DELETE CASCADE,
	vraag_code text NOT NULL,
	waarde numeric NOT NULL,
	mediaan numeric NOT NULL,
	mad numeric NOT NULL,
	z_score numeric NOT NULL,
	aantal_kwartalen integer NOT NULL,
	PRIMARY KEY (aanlevering_id, vraag_code)
);
COMMENT ON TABLE monitoring.signaleringen IS 'Uitschieters bij het indienen: een antwoord dat ver afwijkt van de eigen geschiedenis van de proeftuin (robuuste z-score over de laatste 8 goedgekeurde kwartalen). Een waarschuwing voor wie goedkeurt, geen weigering.';
COMMENT ON COLUMN monitoring.signaleringen.aanlevering_id IS 'De aanlevering.';
COMMENT ON COLUMN monitoring.signaleringen.vraag_code IS 'De vraag.';
COMMENT ON COLUMN monitoring.signaleringen.waarde IS 'Het ingediende antwoord.';
COMMENT ON COLUMN monitoring.signaleringen.mediaan IS 'Mediaan van de eerdere kwartalen.';
COMMENT ON COLUMN monitoring.signaleringen.mad IS 'Mediane absolute afwijking van de eerdere kwartalen.';
COMMENT ON COLUMN monitoring.signaleringen.z_score IS 'Robuuste z-score: 0,6745 × (waarde − mediaan) / MAD.';
COMMENT ON COLUMN monitoring.signaleringen.aantal_kwartalen IS 'Aantal eerdere kwartalen in de vergelijking.';

CREATE TABLE audit.pogingen (
	poging_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	request_id text,
	sub text,
	role text NOT NULL,
	methode text NOT NULL,
	pad text NOT NULL,
	status integer NOT NULL CONSTRAINT pogingen_status_refusal CHECK (status BETWEEN 400 AND 599),
	reden text,
	tried_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TRIGGER pogingen_no_update_delete BEFORE UPDATE OR DELETE ON audit.pogingen
    FOR EACH STATEMENT EXECUTE FUNCTION audit.forbid_change();
CREATE TRIGGER pogingen_no_truncate BEFORE TRUNCATE ON audit.pogingen
    FOR EACH STATEMENT EXECUTE FUNCTION audit.forbid_change();
ALTER TABLE audit.pogingen ENABLE ROW LEVEL SECURITY;
COMMENT ON TABLE audit.pogingen IS 'Geweigerde schrijfpogingen via de API: wie, wat, waarom; nooit de inhoud. Alleen toevoegen.';
COMMENT ON COLUMN audit.pogingen.poging_id IS 'Volgnummer.';
COMMENT ON COLUMN audit.pogingen.request_id IS 'Verzoek-id (ook in de toegangslog).';
COMMENT ON COLUMN audit.pogingen.sub IS 'Subject van het token (leeg zonder token).';
COMMENT ON COLUMN audit.pogingen.role IS 'Verzoekrol.';
COMMENT ON COLUMN audit.pogingen.methode IS 'HTTP-methode.';
COMMENT ON COLUMN audit.pogingen.pad IS 'Pad, zonder querystring.';
COMMENT ON COLUMN audit.pogingen.status IS 'HTTP-status van de weigering.';
COMMENT ON COLUMN audit.pogingen.reden IS 'SQLSTATE of korte reden; nooit ingestuurde gegevens.';
COMMENT ON COLUMN audit.pogingen.tried_at IS 'Moment (UTC).';

-- Records a refused write. Runs as the owner: request roles cannot write
-- the log themselves. The request context comes from the settings.
CREATE FUNCTION audit.poging(methode text, pad text, status integer, reden text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
	INSERT INTO audit.pogingen (request_id, sub, role, methode, pad, status, reden)
	VALUES (audit.request_id(), audit.request_claims() ->> 'sub',
	        CASE current_setting('role') WHEN 'none' THEN session_user ELSE current_setting('role') END,
	        left(methode, 10), left(pad, 200), status, left(reden, 200))
$$;
COMMENT ON FUNCTION audit.poging(text, text, integer, text) IS 'Legt een geweigerde schrijfpoging vast (zonder inhoud).';
GRANT USAGE ON SCHEMA audit TO aanleveraar, programma, opdrachtgever, onderzoeker, publiek;
GRANT EXECUTE ON FUNCTION audit.poging(text, text, integer, text)
    TO aanleveraar, programma, opdrachtgever, onderzoeker, publiek;

-- Personal identifiers in free text -------------------------------------------

-- The reason a text holds a personal identifier, or NULL. Never returns the
-- identifier itself.
CREATE FUNCTION monitoring.persoonsgegeven(t text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
	m text[];
	d text;
	s integer;
	i integer;
BEGIN
	IF t IS NULL THEN
		RETURN NULL;
	END IF;
	IF t ~* '[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}' THEN
		RETURN 'bevat een e-mailadres';
	END IF;
	IF t ~ '(\+31|0031|\m0)[ .-]?(\(0\))?[ .-]?[1-9]([ .-]?[0-9]){8}\M' THEN
		RETURN 'bevat een telefoonnummer';
	END IF;
	FOR m IN SELECT regexp_matches(t, '\m([0-9]{9}|[0-9]{4}\.[0-9]{2}\.[0-9]{3}|[0-9]{3}\.[0-9]{3}\.[0-9]{3})\M', 'g') LOOP
		d := replace(m[1], '.', '');
		IF d <> '000000000' THEN
			s := 0;
			FOR i IN 1..8 LOOP
				s := s + (10 - i) * substr(d, i, 1)::integer;
			END LOOP;
			s := s - substr(d, 9, 1)::integer;
			IF s % 11 = 0 THEN
				RETURN 'bevat een burgerservicenummer';
			END IF;
		END IF;
	END LOOP;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION monitoring.persoonsgegeven(text) IS 'Waarom een vrije tekst een persoonsgegeven bevat (BSN volgens de elfproef, e-mailadres, Nederlands telefoonnummer), of leeg.';
GRANT EXECUTE ON FUNCTION monitoring.persoonsgegeven(text) TO aanleveraar, programma;

-- No identifier may be stored in an answer, whoever writes it.
CREATE FUNCTION monitoring.check_antwoord_tekst() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	why text := monitoring.persoonsgegeven(NEW.waarde_tekst);
BEGIN
	IF why IS NOT NULL THEN
		RAISE EXCEPTION 'antwoord op % %', NEW.vraag_code, why USING ERRCODE = 'LK400',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', NEW.vraag_code, 'reason',
		        why || '; verwijder het, zonder namen of herleidbare gegevens'))::text;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER antwoorden_geen_persoonsgegevens BEFORE INSERT OR UPDATE ON monitoring.antwoorden
    FOR EACH ROW EXECUTE FUNCTION monitoring.check_antwoord_tekst();

-- Submission and approval ----------------------------------------------------------

-- Before a delivery becomes ingediend: every required question answered.
CREATE FUNCTION monitoring.check_verplicht() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	missing jsonb;
BEGIN
	SELECT jsonb_agg(jsonb_build_object('name', v.vraag_code, 'reason', 'verplichte vraag is niet beantwoord')
	                 ORDER BY v.volgorde)
	  INTO missing
	  FROM monitoring.vragen v
	 WHERE v.vragenlijst_id = NEW.vragenlijst_id AND v.is_verplicht
	   AND NOT EXISTS (SELECT 1 FROM monitoring.antwoorden a
	                    WHERE a.aanlevering_id = NEW.aanlevering_id AND a.vraag_code = v.vraag_code
	                      AND num_nonnulls(a.waarde_getal, a.waarde_tekst) = 1);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'nog niet alle verplichte vragen zijn beantwoord' USING ERRCODE = 'LK400',
		    DETAIL = missing::text;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER aanleveringen_verplicht BEFORE UPDATE OF status ON monitoring.aanleveringen
    FOR EACH ROW WHEN (NEW.status = 'ingediend' AND OLD.status IS DISTINCT FROM 'ingediend')
    EXECUTE FUNCTION monitoring.check_verplicht();

-- After submission: outliers against the proeftuin's own approved history.
-- Runs as the owner: the comparison needs observations the submitter may
-- not read, and its result is only a warning.
CREATE FUNCTION monitoring.signaleer() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	drempel numeric := (SELECT waarde::numeric FROM monitoring.instellingen
	                     WHERE sleutel = 'uitschieter_drempel');
BEGIN
	DELETE FROM monitoring.signaleringen WHERE aanlevering_id = NEW.aanlevering_id;
	INSERT INTO monitoring.signaleringen (aanlevering_id, vraag_code, waarde, mediaan, mad,
	    z_score, aantal_kwartalen)
	SELECT NEW.aanlevering_id, x.vraag_code, x.waarde, x.mediaan, x.mad,
	       round(0.6745 * (x.waarde - x.mediaan) / x.mad, 2), x.n
	  FROM (
		SELECT a.vraag_code, a.waarde_getal AS waarde, h.mediaan, h.n,
		       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(w.waarde - h.mediaan))
		          FROM unnest(h.waarden) AS w(waarde))::numeric AS mad
		  FROM monitoring.antwoorden a
		  JOIN monitoring.vragen v ON v.vragenlijst_id = a.vragenlijst_id AND v.vraag_code = a.vraag_code
		  CROSS JOIN LATERAL (
			-- the last eight earlier quarters of this indicator for this proeftuin
			SELECT array_agg(o.waarde) AS waarden, count(*)::integer AS n,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY o.waarde)::numeric AS mediaan
			  FROM (SELECT w.waarde FROM monitoring.waarnemingen_actueel w
			         WHERE w.indicator_code = v.indicator_code AND w.gebied_code = NEW.proeftuin_code
			           AND w.periode_code ~ '-Q' AND w.periode_code < NEW.periode_code
			         ORDER BY w.periode_code DESC LIMIT 8) o
		  ) h
		 WHERE a.aanlevering_id = NEW.aanlevering_id AND a.waarde_getal IS NOT NULL
		   AND v.indicator_code IS NOT NULL AND h.n >= 4
	  ) x
	 WHERE x.mad > 0 AND abs(0.6745 * (x.waarde - x.mediaan) / x.mad) > drempel;
	RETURN NULL;
END
$$;
CREATE TRIGGER aanleveringen_signaleer AFTER UPDATE OF status ON monitoring.aanleveringen
    FOR EACH ROW WHEN (NEW.status = 'ingediend' AND OLD.status IS DISTINCT FROM 'ingediend')
    EXECUTE FUNCTION monitoring.signaleer();

-- After approval: numeric answers that feed an indicator become observations.
-- Runs with the approver's rights (programma may load observations).
CREATE FUNCTION monitoring.neem_over() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde,
	    status, bron, aanlevering_id)
	SELECT v.indicator_code, NEW.proeftuin_code, NEW.periode_code, a.waarde_getal, 'voorlopig',
	       'basismonitoring, aanlevering ' || NEW.aanlevering_id, NEW.aanlevering_id
	  FROM monitoring.antwoorden a
	  JOIN monitoring.vragen v ON v.vragenlijst_id = a.vragenlijst_id AND v.vraag_code = a.vraag_code
	 WHERE a.aanlevering_id = NEW.aanlevering_id AND a.waarde_getal IS NOT NULL
	   AND v.indicator_code IS NOT NULL
	 ORDER BY v.volgorde;
	RETURN NULL;
END
$$;
CREATE TRIGGER aanleveringen_neem_over AFTER UPDATE OF status ON monitoring.aanleveringen
    FOR EACH ROW WHEN (NEW.status = 'goedgekeurd' AND OLD.status = 'ingediend')
    EXECUTE FUNCTION monitoring.neem_over();

-- Access --------------------------------------------------------------------

GRANT SELECT ON monitoring.instellingen TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT UPDATE ON monitoring.instellingen TO programma;
CREATE POLICY instellingen_select_members ON monitoring.instellingen
    FOR SELECT TO aanleveraar, programma, opdrachtgever, onderzoeker USING (true);
CREATE POLICY instellingen_update_programma ON monitoring.instellingen
    FOR UPDATE TO programma USING (true) WITH CHECK (true);
ALTER TABLE monitoring.instellingen ENABLE ROW LEVEL SECURITY;
SELECT audit.track('monitoring.instellingen');

GRANT SELECT ON monitoring.signaleringen TO aanleveraar, programma, opdrachtgever, onderzoeker;
CREATE POLICY signaleringen_select_programma ON monitoring.signaleringen
    FOR SELECT TO programma USING (true);
CREATE POLICY signaleringen_select_aanleveraar ON monitoring.signaleringen
    FOR SELECT TO aanleveraar USING (EXISTS (
	SELECT 1 FROM monitoring.aanleveringen a
	 WHERE a.aanlevering_id = signaleringen.aanlevering_id AND a.proeftuin_code = api.claim('org')));
ALTER TABLE monitoring.signaleringen ENABLE ROW LEVEL SECURITY;
SELECT audit.track('monitoring.signaleringen');
