-- R__api_aanleveringen: the quarterly delivery as the API offers it:
-- questionnaires, deliveries, answers, status changes and completeness.
-- Re-runnable. Views are security_invoker and functions SECURITY INVOKER:
-- row-level security decides what a caller sees and may change; the
-- functions add clear refusals (LK400 with every problem in DETAIL as
-- [{"name", "reason"}], LK403, LK404, LK409).

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

DROP FUNCTION IF EXISTS api.aanlevering_aanmaken(text, text), api.aanlevering_wijzigen(bigint, text, text),
    api.antwoorden_vervangen(bigint, jsonb), api.antwoorden_van(bigint), api.volledigheid(text) CASCADE;
DROP VIEW IF EXISTS api.vragenlijsten, api.aanleveringen, api.antwoorden CASCADE;

CREATE VIEW api.vragenlijsten WITH (security_invoker = true) AS
SELECT l.vragenlijst_id AS id, l.versie, l.geldig_vanaf AS "geldigVanaf",
       l.vragenlijst_id = (SELECT c.vragenlijst_id FROM monitoring.vragenlijsten c
                            WHERE c.geldig_vanaf <= current_date
                            ORDER BY c.geldig_vanaf DESC LIMIT 1) AS actueel,
       l.toelichting,
       coalesce((SELECT json_agg(json_build_object('code', v.vraag_code, 'onderdeel', v.onderdeel,
                        'tekst', v.tekst, 'type', v.type, 'verplicht', v.is_verplicht, 'min', v.min,
                        'max', v.max, 'opties', v.opties, 'indicator', v.indicator_code,
                        'noemer', v.noemer_vraag)
                        ORDER BY v.volgorde)
                   FROM monitoring.vragen v WHERE v.vragenlijst_id = l.vragenlijst_id), '[]') AS vragen
  FROM monitoring.vragenlijsten l;
COMMENT ON VIEW api.vragenlijsten IS 'Versies van de kwartaalvragenlijst met hun vragen; de actuele is gemarkeerd. Voor /v1/vragenlijsten.';

CREATE VIEW api.aanleveringen WITH (security_invoker = true) AS
SELECT a.aanlevering_id AS id, a.proeftuin_code AS proeftuin, a.periode_code AS periode,
       a.vragenlijst_id AS vragenlijst, a.status, a.toelichting,
       a.created_at AS "aangemaaktOp", a.ingediend_at AS "ingediendOp", a.beoordeeld_at AS "beoordeeldOp",
       coalesce((SELECT json_agg(json_build_object('vraag', s.vraag_code, 'waarde', s.waarde,
                        'mediaan', s.mediaan, 'zScore', s.z_score, 'kwartalen', s.aantal_kwartalen)
                        ORDER BY s.vraag_code)
                   FROM monitoring.signaleringen s WHERE s.aanlevering_id = a.aanlevering_id), '[]')
           AS signaleringen
  FROM monitoring.aanleveringen a;
COMMENT ON VIEW api.aanleveringen IS 'Kwartaalaanleveringen met status en signaleringen (uitschieters bij indienen). Voor /v1/aanleveringen.';

-- An answer that counts (a question of type aantal, or one feeding an
-- indicator that counts) is a figure about people, and so is a percentage
-- or an average, over the number its noemer question was answered with
-- (V019): for a caller who does not see the proeftuin's figures raw (an
-- opdrachtgever reading an approved delivery; R__00_onthulling) both are
-- controlled as the observations they become are on /v1/waarnemingen.
CREATE VIEW api.antwoorden WITH (security_invoker = true) AS
SELECT a.aanlevering_id AS aanlevering, a.vraag_code AS vraag,
       CASE WHEN a.waarde_getal IS NULL THEN to_json(a.waarde_tekst)
            WHEN c.ruw THEN to_json(a.waarde_getal)
            ELSE to_json(monitoring.onthulde_waarde(e.eenheid, a.waarde_getal, n.waarde_getal, d.drempel)) END
           AS waarde,
       a.updated_at AS "gewijzigdOp",
       CASE WHEN NOT c.ruw THEN monitoring.onthulling(e.eenheid, a.waarde_getal, n.waarde_getal, d.drempel) END
           AS geheimhouding
  FROM monitoring.antwoorden a
  JOIN monitoring.aanleveringen l ON l.aanlevering_id = a.aanlevering_id
  JOIN monitoring.vragen q ON q.vragenlijst_id = a.vragenlijst_id AND q.vraag_code = a.vraag_code
  LEFT JOIN monitoring.indicatoren i ON i.indicator_code = q.indicator_code
  LEFT JOIN monitoring.antwoorden n ON n.aanlevering_id = a.aanlevering_id AND n.vraag_code = q.noemer_vraag
 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d
 CROSS JOIN LATERAL (SELECT CASE WHEN q.type = 'aantal' THEN 'aantal' ELSE i.eenheid END AS eenheid) e
 CROSS JOIN LATERAL (SELECT monitoring.ruwe_cijfers(l.proeftuin_code) AS ruw) c;
COMMENT ON VIEW api.antwoorden IS 'Antwoorden van aanleveringen; aantallen, en percentages en gemiddelden over een noemer, met onthullingscontrole voor wie de cijfers van de proeftuin niet ongecontroleerd ziet. Voor /v1/aanleveringen/{id}/antwoorden.';

-- Creates a concept delivery for a quarter with the questionnaire that
-- applied then. Another proeftuin's delivery fails on row-level security.
CREATE FUNCTION api.aanlevering_aanmaken(proeftuin text, periode text)
RETURNS SETOF api.aanleveringen
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	problems jsonb := '[]';
	q ref.perioden;
	lijst integer;
	nieuw bigint;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM ref.proeftuinen p WHERE p.proeftuin_code = proeftuin) THEN
		problems := problems || jsonb_build_object('name', '/proeftuin', 'reason', 'onbekende proeftuin');
	END IF;
	SELECT * INTO q FROM ref.perioden p WHERE p.periode_code = periode;
	IF NOT FOUND OR q.soort <> 'kwartaal' THEN
		problems := problems || jsonb_build_object('name', '/periode', 'reason', 'geen bestaand kwartaal (JJJJ-Qn)');
	ELSIF q.begin_date > current_date THEN
		problems := problems || jsonb_build_object('name', '/periode', 'reason', 'het kwartaal ligt in de toekomst');
	ELSIF q.eind_date < (SELECT p.start_date FROM ref.proeftuinen p WHERE p.proeftuin_code = proeftuin) THEN
		problems := problems || jsonb_build_object('name', '/periode',
		    'reason', 'het kwartaal ligt vóór de start van de proeftuin');
	END IF;
	IF jsonb_array_length(problems) > 0 THEN
		RAISE EXCEPTION 'de aanlevering kan zo niet worden aangemaakt' USING ERRCODE = 'LK400', DETAIL = problems::text;
	END IF;
	SELECT l.vragenlijst_id INTO lijst FROM monitoring.vragenlijsten l
	 WHERE l.geldig_vanaf <= q.eind_date ORDER BY l.geldig_vanaf DESC LIMIT 1;
	IF lijst IS NULL THEN
		RAISE EXCEPTION 'voor kwartaal % geldt nog geen vragenlijst', periode USING ERRCODE = 'LK409';
	END IF;
	BEGIN
		INSERT INTO monitoring.aanleveringen (proeftuin_code, periode_code, vragenlijst_id)
		VALUES (proeftuin, periode, lijst) RETURNING aanlevering_id INTO nieuw;
	EXCEPTION WHEN unique_violation THEN
		-- one delivery per proeftuin and quarter: say which one to go on with
		SELECT a.aanlevering_id INTO nieuw FROM monitoring.aanleveringen a
		 WHERE a.proeftuin_code = proeftuin AND a.periode_code = periode;
		RAISE EXCEPTION 'er is al een aanlevering van % voor %', proeftuin, periode USING ERRCODE = 'LK409',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', '/periode', 'reason',
		        format('ga verder met aanlevering %s (/v1/aanleveringen/%s)', nieuw, nieuw)))::text;
	END;
	RETURN QUERY SELECT * FROM api.aanleveringen v WHERE v.id = nieuw;
END
$$;

-- Changes a delivery's status (and toelichting). The state machine is the
-- table's trigger; this adds clear refusals for the caller.
CREATE FUNCTION api.aanlevering_wijzigen(aanlevering bigint, nieuwe_status text, uitleg text)
RETURNS SETOF api.aanleveringen
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	huidig text;
	huidige_uitleg text;
	n integer;
BEGIN
	SELECT a.status, a.toelichting INTO huidig, huidige_uitleg
	  FROM monitoring.aanleveringen a WHERE a.aanlevering_id = aanlevering;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'aanlevering % bestaat niet', aanlevering USING ERRCODE = 'LK404';
	END IF;
	IF monitoring.persoonsgegeven(uitleg) IS NOT NULL THEN
		RAISE EXCEPTION 'de toelichting %', monitoring.persoonsgegeven(uitleg) USING ERRCODE = 'LK400',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', '/toelichting', 'reason',
		        monitoring.persoonsgegeven(uitleg) || '; verwijder het, zonder namen of herleidbare gegevens'))::text;
	END IF;
	IF nieuwe_status NOT IN ('concept', 'ingediend', 'goedgekeurd', 'teruggestuurd') THEN
		RAISE EXCEPTION 'onbekende status' USING ERRCODE = 'LK400',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', '/status',
		        'reason', 'concept, ingediend, goedgekeurd of teruggestuurd'))::text;
	END IF;
	IF nieuwe_status IN ('goedgekeurd', 'teruggestuurd') AND current_user <> 'programma' THEN
		RAISE EXCEPTION 'alleen het programma keurt een aanlevering goed of stuurt haar terug'
		    USING ERRCODE = 'LK403';
	END IF;
	-- the trigger requires it too; here the field is named
	IF nieuwe_status = 'teruggestuurd' AND huidig = 'ingediend'
	   AND coalesce(btrim(coalesce(uitleg, huidige_uitleg)), '') = '' THEN
		RAISE EXCEPTION 'terugsturen vraagt een toelichting' USING ERRCODE = 'LK400',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', '/toelichting',
		        'reason', 'zeg de proeftuin wat er anders moet'))::text;
	END IF;
	UPDATE monitoring.aanleveringen a
	   SET status = nieuwe_status, toelichting = coalesce(uitleg, a.toelichting)
	 WHERE a.aanlevering_id = aanlevering;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n = 0 THEN
		RAISE EXCEPTION 'de aanlevering is % en kan door de proeftuin niet meer worden gewijzigd', huidig
		    USING ERRCODE = 'LK409';
	END IF;
	RETURN QUERY SELECT * FROM api.aanleveringen v WHERE v.id = aanlevering;
END
$$;

-- The answers of a visible delivery; LK404 for one the caller cannot see.
CREATE FUNCTION api.antwoorden_van(aanlevering bigint)
RETURNS SETOF api.antwoorden
LANGUAGE plpgsql STABLE SECURITY INVOKER
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM monitoring.aanleveringen a WHERE a.aanlevering_id = aanlevering) THEN
		RAISE EXCEPTION 'aanlevering % bestaat niet', aanlevering USING ERRCODE = 'LK404';
	END IF;
	RETURN QUERY SELECT * FROM api.antwoorden v WHERE v.aanlevering = antwoorden_van.aanlevering;
END
$$;

-- Replaces the whole answer set after checking every answer against the
-- questionnaire; nothing is stored unless all are valid, and every problem
-- is reported at once (names are JSON pointers into the request body).
-- Free text is checked for personal identifiers; the value is never echoed.
CREATE FUNCTION api.antwoorden_vervangen(aanlevering bigint, antwoorden jsonb)
RETURNS SETOF api.antwoorden
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	a monitoring.aanleveringen;
	q monitoring.vragen;
	e jsonb;
	v jsonb;
	i integer;
	why text;
	problems jsonb := '[]';
	seen text[] := '{}';
BEGIN
	SELECT * INTO a FROM monitoring.aanleveringen x WHERE x.aanlevering_id = aanlevering;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'aanlevering % bestaat niet', aanlevering USING ERRCODE = 'LK404';
	END IF;
	IF a.status NOT IN ('concept', 'teruggestuurd') THEN
		RAISE EXCEPTION 'de aanlevering is %; de antwoorden liggen vast', a.status USING ERRCODE = 'LK409';
	END IF;
	FOR e, i IN SELECT t.e, t.n - 1 FROM jsonb_array_elements(antwoorden) WITH ORDINALITY AS t(e, n) LOOP
		v := e -> 'waarde';
		SELECT * INTO q FROM monitoring.vragen x
		 WHERE x.vragenlijst_id = a.vragenlijst_id AND x.vraag_code = e ->> 'vraag';
		IF NOT FOUND THEN
			problems := problems || jsonb_build_object('name', '/' || i || '/vraag',
			    'reason', 'onbekende vraag voor vragenlijst ' || a.vragenlijst_id);
			CONTINUE;
		END IF;
		IF q.vraag_code = ANY (seen) THEN
			problems := problems || jsonb_build_object('name', '/' || i || '/vraag',
			    'reason', 'vraag ' || q.vraag_code || ' komt meer dan eens voor');
			CONTINUE;
		END IF;
		seen := seen || q.vraag_code;
		IF jsonb_typeof(v) = 'null' THEN
			CONTINUE;
		END IF;
		why := coalesce(monitoring.antwoord_probleem(q,
		    CASE WHEN jsonb_typeof(v) = 'number' THEN (v #>> '{}')::numeric END,
		    CASE WHEN jsonb_typeof(v) = 'string' THEN v #>> '{}' END),
		    monitoring.persoonsgegeven(CASE WHEN jsonb_typeof(v) = 'string' THEN v #>> '{}' END)
		        || '; verwijder het, zonder namen of herleidbare gegevens');
		IF why IS NOT NULL THEN
			problems := problems || jsonb_build_object('name', '/' || i || '/waarde',
			    'reason', 'vraag ' || q.vraag_code || ': ' || why);
		END IF;
	END LOOP;
	IF jsonb_array_length(problems) > 0 THEN
		RAISE EXCEPTION 'de antwoorden zijn niet opgeslagen' USING ERRCODE = 'LK400', DETAIL = problems::text;
	END IF;

	DELETE FROM monitoring.antwoorden x WHERE x.aanlevering_id = aanlevering;
	INSERT INTO monitoring.antwoorden (aanlevering_id, vragenlijst_id, vraag_code, waarde_getal, waarde_tekst)
	SELECT aanlevering, a.vragenlijst_id, t.e ->> 'vraag',
	       CASE WHEN jsonb_typeof(t.e -> 'waarde') = 'number' THEN (t.e ->> 'waarde')::numeric END,
	       CASE WHEN jsonb_typeof(t.e -> 'waarde') = 'string' THEN t.e ->> 'waarde' END
	  FROM jsonb_array_elements(antwoorden) AS t(e)
	 WHERE jsonb_typeof(t.e -> 'waarde') <> 'null';
	RETURN QUERY SELECT * FROM api.antwoorden v WHERE v.aanlevering = antwoorden_vervangen.aanlevering;
END
$$;

-- Per proeftuin: delivered or not, when, and on time (deadline: quarter end
-- plus the configured number of weeks). A proeftuin sees its own row.
CREATE FUNCTION api.volledigheid(periode text)
RETURNS TABLE (proeftuin text, naam text, geleverd boolean, status text, "ingediendOp" timestamptz,
               deadline date, "opTijd" boolean)
LANGUAGE plpgsql STABLE SECURITY INVOKER
AS $$
DECLARE
	q ref.perioden;
BEGIN
	SELECT * INTO q FROM ref.perioden p WHERE p.periode_code = periode AND p.soort = 'kwartaal';
	IF NOT FOUND THEN
		RAISE EXCEPTION 'geen bestaand kwartaal' USING ERRCODE = 'LK400',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', 'periode',
		        'reason', 'geen bestaand kwartaal (JJJJ-Qn)'))::text;
	END IF;
	RETURN QUERY
	SELECT p.proeftuin_code, p.naam,
	       coalesce(a.status IN ('ingediend', 'goedgekeurd'), false), a.status, a.ingediend_at,
	       d.deadline, a.ingediend_at IS NOT NULL AND a.ingediend_at::date <= d.deadline
	  FROM ref.proeftuinen p
	 CROSS JOIN LATERAL (SELECT (q.eind_date + 7 * coalesce((SELECT i.waarde::integer
	          FROM monitoring.instellingen i WHERE i.sleutel = 'aanlevertermijn_weken'), 6))::date AS deadline) d
	  LEFT JOIN monitoring.aanleveringen a ON a.proeftuin_code = p.proeftuin_code AND a.periode_code = q.periode_code
	 WHERE p.start_date <= q.eind_date
	   AND (current_user <> 'aanleveraar' OR p.proeftuin_code = api.claim('org'))
	 ORDER BY p.proeftuin_code;
END
$$;

GRANT SELECT ON api.vragenlijsten TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT SELECT ON api.aanleveringen, api.antwoorden TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT EXECUTE ON FUNCTION api.aanlevering_aanmaken(text, text), api.aanlevering_wijzigen(bigint, text, text),
    api.antwoorden_vervangen(bigint, jsonb) TO aanleveraar, programma;
GRANT EXECUTE ON FUNCTION api.antwoorden_van(bigint), api.volledigheid(text)
    TO aanleveraar, programma, opdrachtgever, onderzoeker;
