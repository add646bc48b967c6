-- R__api_catalogus: writing the indicator catalogue and the targets
-- (programma only, by grants and row-level security). Re-runnable.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

DROP FUNCTION IF EXISTS api.indicator_aanmaken(jsonb), api.indicator_wijzigen(text, jsonb),
    api.validatie_besluit_zetten(jsonb),
    api.indicator_wijzigen(text, jsonb, text), api.indicator_problemen(jsonb),
    api.streefwaarde_aanmaken(jsonb) CASCADE;
DROP VIEW IF EXISTS api.streefwaarden, api.validatiebesluiten CASCADE;

-- The validation decisions of the catalogue (V029), for
-- /v1/validatiebesluiten: members read who decided what, when and why.
CREATE VIEW api.validatiebesluiten WITH (security_invoker = true) AS
SELECT v.validatiebesluit_id AS id, v.indicator_code AS indicator, v.van, v.naar,
       v.besloten_at AS "beslotenOp", v.door, v.rol, v.reden, v.besluit_id AS besluit
  FROM monitoring.validatiebesluiten v;
COMMENT ON VIEW api.validatiebesluiten IS 'De validatiebesluiten van de indicatoren (van, naar, wanneer, door wie, waarom, op grond van welk besluit), voor /v1/validatiebesluiten.';

-- The value a target aims at as published for a caller who does not see
-- the area's figures raw: a relative target's value is worked out from the
-- published baseline (rounded, or withheld: then so is the target), never
-- from the raw one, so that it tells nothing the baseline does not (a
-- change of +1000% of a baseline rounded to 5 would give it away exactly).
-- It runs with the owner's rights, as the monitors' views read: what it
-- returns is computed from published values only, whatever row it is
-- given, under the threshold that holds (read here, never passed in);
-- monitoring.doelwaarde, which is not controlled, keeps the caller's
-- rights.
DROP FUNCTION IF EXISTS monitoring.doelwaarde_openbaar(monitoring.streefwaarden, numeric) CASCADE;
CREATE OR REPLACE FUNCTION monitoring.doelwaarde_openbaar(s monitoring.streefwaarden) RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN s.vorm = 'absoluut' THEN monitoring.doelwaarde(s)
	            ELSE (SELECT trim_scale(monitoring.onthulde_waarde(i.eenheid, n.waarde, NULL,
	                                        monitoring.onthulling_drempel()) * (100 + s.waarde) * 0.01)
	                    FROM monitoring.streefwaarden n
	                    JOIN monitoring.indicatoren i ON i.indicator_code = n.indicator_code
	                   WHERE n.indicator_code = s.indicator_code AND n.gebied_code = s.gebied_code
	                     AND n.jaar = s.basisjaar AND n.soort = 'nulmeting') END
$$;
COMMENT ON FUNCTION monitoring.doelwaarde_openbaar(monitoring.streefwaarden) IS 'De waarde waarop een streefwaarde mikt zoals gepubliceerd: bij een relatieve berekend uit de gepubliceerde nulmeting (afgerond of geheim, onder de drempel die geldt), niet uit de ruwe.';
GRANT EXECUTE ON FUNCTION monitoring.doelwaarde_openbaar(monitoring.streefwaarden)
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker, lakmoes_bi;

-- A baseline is a measurement: for a caller who does not see the area's
-- figures raw (R__00_onthulling) it is disclosure-controlled like an
-- observation of its indicator, as in the sector monitor. A target is a
-- decision and is shown as decided: absolute (waarde in the unit) or
-- relative (waarde a change in percent against the baseline of basisjaar,
-- V030); doelwaarde is what it aims at, for a relative target worked out
-- from the baseline as the caller may see it (monitoring.doelwaarde_openbaar).
CREATE VIEW api.streefwaarden WITH (security_invoker = true) AS
SELECT s.indicator_code || '/' || s.gebied_code || '/' || s.jaar || '/' || s.soort AS sleutel,
       s.indicator_code AS indicator, s.gebied_code AS gebied, s.jaar, s.soort,
       CASE WHEN c.ruw THEN s.waarde ELSE monitoring.onthulde_waarde(i.eenheid, s.waarde, NULL, d.drempel) END
           AS waarde,
       CASE WHEN NOT c.ruw THEN monitoring.onthulling(i.eenheid, s.waarde, NULL, d.drempel) END AS geheimhouding,
       s.vorm, s.basisjaar,
       CASE WHEN a.gebied_ruw THEN monitoring.doelwaarde(s) ELSE monitoring.doelwaarde_openbaar(s) END
           AS doelwaarde,
       s.besluit
  FROM monitoring.streefwaarden s
  JOIN monitoring.indicatoren i ON i.indicator_code = s.indicator_code
 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d
 CROSS JOIN LATERAL (SELECT monitoring.ruwe_cijfers(s.gebied_code) AS gebied_ruw) a
 CROSS JOIN LATERAL (SELECT s.soort = 'streefwaarde' OR a.gebied_ruw AS ruw) c;
COMMENT ON VIEW api.streefwaarden IS 'Nulmetingen en streefwaarden, voor /v1/streefwaarden; nulmetingen met onthullingscontrole voor wie de cijfers van het gebied niet ongecontroleerd ziet.';

-- Problems with enumerated fields of an indicator document, its bound, the
-- besluit of a validation (one of the register), and
-- text that holds a personal identifier (e-mail address, phone number,
-- BSN: never in the catalogue), as invalidParams.
CREATE FUNCTION api.indicator_problemen(doc jsonb) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
	SELECT coalesce(jsonb_agg(jsonb_build_object('name', '/' || p.veld, 'reason', p.reden) ORDER BY p.veld), '[]')
	  FROM (SELECT f.veld, 'kies uit: ' || f.mag
	          FROM (VALUES
	            ('eenheid', 'aantal, percentage, dagen, score, euro'),
	            ('soort', 'maatschappelijk_doel, proces, output, outcome, context'),
	            ('monitoringtype', 'landelijk, diagnostisch'),
	            ('meetwijze', 'kwantitatief, kwalitatief'),
	            ('richting', 'hoger_beter, lager_beter, neutraal'),
	            ('aggregatie', 'som, ratio, niet_aggregeerbaar'),
	            ('tijdregel', 'stroom, stand, ratio, gemiddelde, geen'),
	            ('validatiestatus', 'in_ontwikkeling, gevalideerd, vervallen'),
	            ('thema', 'werking_stelsel, betekenis_doelgroep, veiligheid_doelgroep, veiligheid_professionals, '
	                      'effect_tijdigheid, effect_gedwongen_kader, effect_terugval, effect_vertrouwen, bevolking')
	          ) AS f(veld, mag)
	         WHERE doc ? f.veld AND jsonb_typeof(doc -> f.veld) = 'string'
	           AND NOT (doc ->> f.veld = ANY (string_to_array(f.mag, ', ')))
	        UNION ALL
	        -- a result's number (the reference itself is the table's to check)
	        SELECT 'resultaat', 'het nummer van een gewenst resultaat (1-6)'
	         WHERE CASE jsonb_typeof(doc -> 'resultaat')
	                WHEN 'number' THEN NOT (doc ->> 'resultaat')::numeric BETWEEN 1 AND 2147483647
	                                OR (doc ->> 'resultaat')::numeric <> trunc((doc ->> 'resultaat')::numeric)
	                WHEN 'null' THEN false
	                ELSE doc ? 'resultaat' END
	        UNION ALL
	        -- the besluit a validation rests on: one of the register
	        SELECT 'validatieBesluit', 'het nummer van een besluit uit /v1/besluiten'
	         WHERE doc ? 'validatieBesluit' AND jsonb_typeof(doc -> 'validatieBesluit') <> 'null'
	           AND NOT coalesce(jsonb_typeof(doc -> 'validatieBesluit') = 'number'
	                            AND (doc ->> 'validatieBesluit')::numeric BETWEEN 1 AND 2147483647
	                            AND EXISTS (SELECT 1 FROM register.besluiten b
	                                         WHERE b.besluit_id::numeric = (doc ->> 'validatieBesluit')::numeric), false)
	        UNION ALL
	        SELECT 'validatieReden', 'ten hoogste 2000 tekens'
	         WHERE length(doc ->> 'validatieReden') > 2000
	        UNION ALL
	        -- the bound: a number (null: the unit's own bound)
	        SELECT 'bovengrens', 'een getal groter dan 0 en kleiner dan 10^15 (leeg: de grens van de eenheid)'
	         WHERE CASE jsonb_typeof(doc -> 'bovengrens')
	                WHEN 'number' THEN NOT (doc ->> 'bovengrens')::numeric > 0
	                                OR (doc ->> 'bovengrens')::numeric >= 1e15
	                WHEN 'null' THEN false
	                ELSE doc ? 'bovengrens' END
	        UNION ALL
	        SELECT e.key, monitoring.persoonsgegeven(e.value #>> '{}') || '; geen persoonsgegevens in de catalogus'
	          FROM jsonb_each(doc) AS e
	         WHERE jsonb_typeof(e.value) = 'string' AND monitoring.persoonsgegeven(e.value #>> '{}') IS NOT NULL
	       ) AS p (veld, reden)
$$;

-- The reason and besluit of a change of validatiestatus, for the
-- indicator's trigger (V029), as settings of the transaction; NULL clears
-- them, so that a later statement of the same transaction does not reuse
-- them.
CREATE FUNCTION api.validatie_besluit_zetten(doc jsonb) RETURNS void
LANGUAGE sql VOLATILE SECURITY INVOKER
AS $$
	SELECT set_config('lakmoes.validatie_reden', coalesce(doc ->> 'validatieReden', ''), true),
	       set_config('lakmoes.validatie_besluit',
	                  coalesce(((doc ->> 'validatieBesluit')::numeric)::integer::text, ''), true);
$$;

-- Creates a catalogue entry. meetwijze defaults to kwantitatief and the
-- aggregation rule follows from the unit (counts and money add up, the
-- rest is a ratio of teller and noemer). A field left empty that must not
-- be, or that breaks another rule of the table, is named as in the
-- registers (api.register_weigeren, R__07: api.indicatoren is a simple
-- view of the table).
CREATE FUNCTION api.indicator_aanmaken(doc jsonb) RETURNS SETOF api.indicatoren
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	problems jsonb := api.indicator_problemen(doc);
	staat text;
	regel text;
BEGIN
	IF NOT (doc ->> 'code' ~ '^[A-Z][A-Z0-9_]{1,39}$') THEN
		problems := problems || jsonb_build_object('name', '/code',
		    'reason', 'hoofdletters, cijfers en _, 2 tot 40 tekens, beginnend met een letter');
	END IF;
	IF jsonb_array_length(problems) > 0 THEN
		RAISE EXCEPTION 'de indicator kan zo niet worden opgenomen' USING ERRCODE = 'LK400', DETAIL = problems::text;
	END IF;
	PERFORM api.validatie_besluit_zetten(doc);
	BEGIN
		INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype,
		    meetwijze, richting, aggregatie, validatiestatus, resultaat_nummer, effect, thema, bron, bovengrens,
		    tijdregel, basis_indicator)
		VALUES (doc ->> 'code', doc ->> 'naam', doc ->> 'definitie', doc ->> 'eenheid', doc ->> 'soort',
		    doc ->> 'monitoringtype', coalesce(doc ->> 'meetwijze', 'kwantitatief'), doc ->> 'richting',
		    coalesce(doc ->> 'aggregatie', CASE WHEN doc ->> 'eenheid' IN ('aantal', 'euro') THEN 'som' ELSE 'ratio' END),
		    doc ->> 'validatiestatus', (doc ->> 'resultaat')::integer, doc ->> 'effect', doc ->> 'thema',
		    doc ->> 'bron', (doc ->> 'bovengrens')::numeric, doc ->> 'tijdregel', doc ->> 'basisIndicator');
	EXCEPTION WHEN not_null_violation OR check_violation OR foreign_key_violation OR unique_violation
	    OR program_limit_exceeded THEN
		GET STACKED DIAGNOSTICS staat = RETURNED_SQLSTATE, regel = CONSTRAINT_NAME;
		PERFORM api.register_weigeren('indicatoren', staat, 'monitoring.indicatoren', regel, doc, true,
		    'de indicator kan zo niet worden opgenomen');
		RAISE;
	END;
	PERFORM api.validatie_besluit_zetten(NULL);
	RETURN QUERY SELECT * FROM api.indicatoren i WHERE i.code = doc ->> 'code';
END
$$;

-- Changes the fields present in doc, if the entry is still the version
-- the client read (etag, from If-Match: LK428 without, LK412 when stale);
-- the code never changes. The row is locked before its version is
-- compared, so of concurrent writers with one ETag exactly one wins: the
-- others wait for it and then find a newer version.
CREATE FUNCTION api.indicator_wijzigen(indicator text, doc jsonb, etag text) RETURNS SETOF api.indicatoren
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	problems jsonb := api.indicator_problemen(doc);
	versie text;
	status_nu text;
	staat text;
	regel text;
BEGIN
	SELECT md5(to_jsonb(i)::text), i.validatiestatus INTO versie, status_nu FROM monitoring.indicatoren i
	 WHERE i.indicator_code = indicator FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'indicator % bestaat niet', indicator USING ERRCODE = 'LK404';
	END IF;
	IF doc ? 'code' AND doc ->> 'code' IS DISTINCT FROM indicator THEN
		problems := problems || jsonb_build_object('name', '/code', 'reason', 'de code van een indicator verandert nooit');
	END IF;
	IF (doc ? 'validatieReden' OR doc ? 'validatieBesluit')
	   AND NOT (doc ? 'validatiestatus' AND doc ->> 'validatiestatus' IS DISTINCT FROM status_nu) THEN
		problems := problems || jsonb_build_object('name', CASE WHEN doc ? 'validatieReden' THEN '/validatieReden'
		    ELSE '/validatieBesluit' END, 'reason', 'alleen bij een andere validatiestatus');
	END IF;
	IF jsonb_array_length(problems) > 0 THEN
		RAISE EXCEPTION 'de indicator kan zo niet worden gewijzigd' USING ERRCODE = 'LK400', DETAIL = problems::text;
	END IF;
	IF etag IS NULL THEN
		RAISE EXCEPTION 'stuur If-Match met de ETag uit het lezen' USING ERRCODE = 'LK428';
	END IF;
	IF etag <> versie THEN
		RAISE EXCEPTION 'de indicator is gewijzigd sinds u hem las; lees hem opnieuw' USING ERRCODE = 'LK412';
	END IF;
	PERFORM api.validatie_besluit_zetten(doc);
	BEGIN
		UPDATE monitoring.indicatoren i SET
		       naam = CASE WHEN doc ? 'naam' THEN doc ->> 'naam' ELSE i.naam END,
		       definitie = CASE WHEN doc ? 'definitie' THEN doc ->> 'definitie' ELSE i.definitie END,
		       eenheid = CASE WHEN doc ? 'eenheid' THEN doc ->> 'eenheid' ELSE i.eenheid END,
		       soort = CASE WHEN doc ? 'soort' THEN doc ->> 'soort' ELSE i.soort END,
		       monitoringtype = CASE WHEN doc ? 'monitoringtype' THEN doc ->> 'monitoringtype' ELSE i.monitoringtype END,
		       meetwijze = CASE WHEN doc ? 'meetwijze' THEN doc ->> 'meetwijze' ELSE i.meetwijze END,
		       richting = CASE WHEN doc ? 'richting' THEN doc ->> 'richting' ELSE i.richting END,
		       aggregatie = CASE WHEN doc ? 'aggregatie' THEN doc ->> 'aggregatie' ELSE i.aggregatie END,
		       tijdregel = CASE WHEN doc ? 'tijdregel' THEN doc ->> 'tijdregel' ELSE i.tijdregel END,
		       validatiestatus = CASE WHEN doc ? 'validatiestatus' THEN doc ->> 'validatiestatus' ELSE i.validatiestatus END,
		       resultaat_nummer = CASE WHEN doc ? 'resultaat' THEN (doc ->> 'resultaat')::integer ELSE i.resultaat_nummer END,
		       effect = CASE WHEN doc ? 'effect' THEN doc ->> 'effect' ELSE i.effect END,
		       thema = CASE WHEN doc ? 'thema' THEN doc ->> 'thema' ELSE i.thema END,
		       bron = CASE WHEN doc ? 'bron' THEN doc ->> 'bron' ELSE i.bron END,
		       bovengrens = CASE WHEN doc ? 'bovengrens' THEN (doc ->> 'bovengrens')::numeric ELSE i.bovengrens END,
		       basis_indicator = CASE WHEN doc ? 'basisIndicator' THEN doc ->> 'basisIndicator' ELSE i.basis_indicator END
		 WHERE i.indicator_code = indicator;
	EXCEPTION WHEN not_null_violation OR check_violation OR foreign_key_violation OR unique_violation
	    OR program_limit_exceeded THEN
		GET STACKED DIAGNOSTICS staat = RETURNED_SQLSTATE, regel = CONSTRAINT_NAME;
		PERFORM api.register_weigeren('indicatoren', staat, 'monitoring.indicatoren', regel, doc, false,
		    'de indicator kan zo niet worden gewijzigd');
		RAISE;
	END;
	PERFORM api.validatie_besluit_zetten(NULL);
	RETURN QUERY SELECT * FROM api.indicatoren i WHERE i.code = indicator;
END
$$;

CREATE FUNCTION api.streefwaarde_aanmaken(doc jsonb) RETURNS SETOF api.streefwaarden
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	problems jsonb := '[]';
BEGIN
	IF NOT EXISTS (SELECT 1 FROM monitoring.indicatoren i WHERE i.indicator_code = doc ->> 'indicator') THEN
		problems := problems || jsonb_build_object('name', '/indicator', 'reason', 'onbekende indicator');
	ELSIF doc ->> 'vorm' = 'relatief' THEN
		IF doc ->> 'soort' IS DISTINCT FROM 'streefwaarde' THEN
			problems := problems || jsonb_build_object('name', '/vorm', 'reason', 'relatief kan alleen bij een streefwaarde');
		END IF;
		IF NOT coalesce((doc ->> 'waarde')::numeric BETWEEN -100 AND 1000, false) THEN
			problems := problems || jsonb_build_object('name', '/waarde',
			    'reason', 'bij een relatieve streefwaarde een verandering in procenten, van -100 tot 1000');
		END IF;
		IF NOT (jsonb_typeof(doc -> 'basisjaar') = 'number' AND (doc ->> 'basisjaar')::numeric BETWEEN 2015 AND 2035
		        AND (doc ->> 'basisjaar')::numeric < coalesce(CASE WHEN jsonb_typeof(doc -> 'jaar') = 'number'
		                                                      THEN (doc ->> 'jaar')::numeric END, 0)) THEN
			problems := problems || jsonb_build_object('name', '/basisjaar',
			    'reason', 'het jaar van de nulmeting, voor het jaar van de streefwaarde');
		END IF;
	ELSE
		IF doc ? 'basisjaar' AND jsonb_typeof(doc -> 'basisjaar') <> 'null' THEN
			problems := problems || jsonb_build_object('name', '/basisjaar', 'reason', 'alleen bij vorm relatief');
		END IF;
		-- the value in the indicator's unit (the table's trigger checks it too)
		problems := problems || coalesce((SELECT jsonb_build_object('name', '/waarde', 'reason', w.why)
		    FROM monitoring.indicatoren i
		   CROSS JOIN LATERAL (SELECT monitoring.waarde_probleem(i.eenheid, monitoring.bovengrens(i),
		                              (doc ->> 'waarde')::numeric, NULL, NULL) AS why) w
		   WHERE i.indicator_code = doc ->> 'indicator' AND w.why IS NOT NULL), '[]');
	END IF;
	IF NOT EXISTS (SELECT 1 FROM ref.gebieden g WHERE g.gebied_code = doc ->> 'gebied') THEN
		problems := problems || jsonb_build_object('name', '/gebied', 'reason', 'onbekend gebied');
	END IF;
	IF doc ? 'vorm' AND NOT coalesce(doc ->> 'vorm' = ANY (ARRAY['absoluut', 'relatief']), false) THEN
		problems := problems || jsonb_build_object('name', '/vorm', 'reason', 'absoluut of relatief');
	END IF;
	IF NOT (doc ->> 'soort' = ANY (ARRAY['nulmeting', 'streefwaarde'])) THEN
		problems := problems || jsonb_build_object('name', '/soort', 'reason', 'nulmeting of streefwaarde');
	END IF;
	IF NOT (jsonb_typeof(doc -> 'jaar') = 'number' AND (doc ->> 'jaar')::numeric BETWEEN 2015 AND 2035) THEN
		problems := problems || jsonb_build_object('name', '/jaar', 'reason', 'een jaar van 2015 tot en met 2035');
	END IF;
	IF btrim(coalesce(doc ->> 'besluit', '')) = '' THEN
		problems := problems || jsonb_build_object('name', '/besluit', 'reason', 'niet leeg: het besluit of de bron');
	ELSIF monitoring.persoonsgegeven(doc ->> 'besluit') IS NOT NULL THEN
		problems := problems || jsonb_build_object('name', '/besluit',
		    'reason', monitoring.persoonsgegeven(doc ->> 'besluit') || '; geen persoonsgegevens bij een streefwaarde');
	END IF;
	IF jsonb_array_length(problems) > 0 THEN
		RAISE EXCEPTION 'de waarde kan zo niet worden vastgelegd' USING ERRCODE = 'LK400', DETAIL = problems::text;
	END IF;
	INSERT INTO monitoring.streefwaarden (indicator_code, gebied_code, jaar, soort, waarde, besluit, vorm, basisjaar)
	VALUES (doc ->> 'indicator', doc ->> 'gebied', (doc ->> 'jaar')::integer, doc ->> 'soort',
	        (doc ->> 'waarde')::numeric, doc ->> 'besluit', coalesce(doc ->> 'vorm', 'absoluut'),
	        (doc ->> 'basisjaar')::integer);
	RETURN QUERY SELECT * FROM api.streefwaarden s
	 WHERE s.indicator = doc ->> 'indicator' AND s.gebied = doc ->> 'gebied'
	   AND s.jaar = (doc ->> 'jaar')::integer AND s.soort = doc ->> 'soort';
END
$$;

GRANT SELECT ON api.streefwaarden, api.validatiebesluiten TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT EXECUTE ON FUNCTION api.indicator_problemen(jsonb), api.validatie_besluit_zetten(jsonb) TO programma;
GRANT EXECUTE ON FUNCTION api.indicator_aanmaken(jsonb), api.indicator_wijzigen(text, jsonb, text),
    api.streefwaarde_aanmaken(jsonb) TO programma;
