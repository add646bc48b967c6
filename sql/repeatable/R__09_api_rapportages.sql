-- R__09_api_rapportages: establishing and reading the half-year progress
-- reports (/v1/voortgangsrapportages). Re-runnable.
--
-- A report lists every validated national (landelijk, gevalideerd)
-- indicator with its value for NL, or for the proeftuinen together (PTS0,
-- V033) when it comes from the basismonitoring (the questionnaire asks
-- for it), in the half year (derived from the quarters by the indicator's
-- tijdregel, with its coverage), the previous half year and the same half
-- year a year earlier, and the changes, all from the sector monitor (the
-- delivered value, or the aggregate of the gemeenten or proeftuinen), with
-- the tranches or, for a national one, the proeftuinen against the rest of
-- the country (vergelijking, with rates per 1,000 where the indicator has
-- a population basis); and the transition monitor's rows for the half year, its
-- effects only of those indicators too. "Wij vragen het BOHA de
-- longitudinale monitoring pas voor verantwoordingsdoeleinden in te zetten
-- wanneer dit kwaliteitsniveau behaald is" (seeds/002 §3): every figure of
-- a report rests on an indicator that was landelijk and gevalideerd when it
-- was established, and the report names the indicators it leaves out and
-- why (weggelaten), so that a reader sees what is missing. A half year is
-- established once it is over (V028); a trial run of a running half year
-- says so in its content (lopend, toelichting). It is a
-- public document, so its figures are disclosure-controlled when
-- established (counts rounded to 5, small counts and small denominators
-- withheld), and then frozen with its hash: later corrections never change
-- it. The report records the disclosure threshold it was established
-- under (onthullingsdrempel), so that its explanation states the threshold
-- of its own figures, whatever the threshold is later.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

DROP FUNCTION IF EXISTS api.rapportage_vaststellen(text), api.rapportage_vaststellen(text, boolean),
    api.rapportage_rijen(text) CASCADE;
DROP VIEW IF EXISTS api.voortgangsrapportages CASCADE;

CREATE VIEW api.voortgangsrapportages WITH (security_invoker = true) AS
SELECT r.periode_code AS periode, r.vastgesteld_op AS "vastgesteldOp", r.inhoud_hash AS "inhoudHash",
       r.inhoud
  FROM monitoring.voortgangsrapportages r;
COMMENT ON VIEW api.voortgangsrapportages IS 'Vastgestelde voortgangsrapportages, voor /v1/voortgangsrapportages.';

-- Establishes the report for a half year; LK409 when it already exists.
-- Establishing is for good, so a trial run (proefrun) first returns the
-- report as it would be established now, with its hash, without storing
-- it (vastgesteldOp empty).
CREATE FUNCTION api.rapportage_vaststellen(periode text, proefrun boolean DEFAULT false)
RETURNS SETOF api.voortgangsrapportages
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	q ref.perioden;
	vorige text;
	jaar_eerder text;
	doc jsonb;
	hash text;
BEGIN
	SELECT * INTO q FROM ref.perioden p WHERE p.periode_code = periode AND p.soort = 'halfjaar';
	IF NOT FOUND OR q.begin_date > current_date THEN
		RAISE EXCEPTION 'geen verstreken of lopend halfjaar' USING ERRCODE = 'LK400',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', '/periode',
		        'reason', 'een halfjaar (JJJJ-Hn) dat al begonnen is'))::text;
	END IF;
	IF EXISTS (SELECT 1 FROM monitoring.voortgangsrapportages r WHERE r.periode_code = periode) THEN
		RAISE EXCEPTION 'de rapportage over % is al vastgesteld en verandert niet meer', periode
		    USING ERRCODE = 'LK409';
	END IF;
	vorige := ref.vorige_periode(periode);
	jaar_eerder := ref.jaar_eerder(periode);

	-- published figures: disclosure-controlled for everyone
	-- (monitoring.ruwe_cijfers), taken from the monitors as they stand
	PERFORM set_config('lakmoes.openbaar', 'aan', true);
	SELECT jsonb_build_object(
		'periode', periode,
		'gebied', 'NL',
		'onthullingsdrempel', monitoring.onthulling_drempel(),
		'cijfers', coalesce((
			SELECT jsonb_agg(jsonb_build_object(
				'indicator', i.indicator_code, 'naam', i.naam, 'eenheid', i.eenheid,
				-- NL, or the proeftuinen together for the basismonitoring (V033)
				'gebied', g.gebied,
				'waarde', c.waarde, 'status', c.status, 'bron', c.bron, 'geheimhouding', c.geheimhouding,
				-- coverage: areas (gemeenten, or proeftuinen) and quarters with a value
				'ledenGeleverd', c."ledenGeleverd", 'ledenTotaal', c."ledenTotaal",
				'kwartalenGeleverd', c."kwartalenGeleverd", 'kwartalenTotaal', c."kwartalenTotaal",
				'basisIndicator', i.basis_indicator, 'per1000', c."per1000",
				-- the tranches, and for a national indicator the proeftuinen
				-- together against the rest of the country (rates, not counts)
				'vergelijking', (SELECT jsonb_agg(jsonb_build_object('gebied', x.gebied, 'waarde', x.waarde,
				                     'geheimhouding', x.geheimhouding, 'per1000', x."per1000") ORDER BY x.gebied)
				                   FROM api.sectormonitor x
				                  WHERE x.indicator = i.indicator_code AND x.periode = rapportage_vaststellen.periode
				                    AND x.gebied = ANY (CASE g.gebied WHEN 'NL' THEN ARRAY['PTS0', 'NLR0']
				                                                      ELSE ARRAY['PTS1', 'PTS2'] END)),
				'vorigePeriode', jsonb_build_object('periode', vorige, 'waarde', v.waarde),
				'jaarEerder', jsonb_build_object('periode', jaar_eerder, 'waarde', j.waarde),
				-- the changes as the sector monitor states them; v and j only
				-- keep the earlier values when this half year has none
				'verschilVorigePeriode', c."verschilVorigePeriode",
				'verschilJaarEerder', c."verschilJaarEerder",
				'verschilJaarEerderProcent', c."verschilJaarEerderProcent",
				-- baseline, target (absolute, or relative to a baseline: V030) and
				-- the distance to it, as the sector monitor publishes them
				'nulmeting', c.nulmeting, 'streefwaarde', c.streefwaarde, 'streefvorm', c.streefvorm,
				'streefjaar', c.streefjaar, 'afstandTotStreefwaarde', c."afstandTotStreefwaarde",
				-- the validation the figure rests on (V029)
				'validatie', jsonb_build_object(
				    'sinds', replace((i.validatie_at AT TIME ZONE 'UTC')::text, ' ', 'T') || 'Z',
				    'reden', i.validatie_reden,
				    'besluit', i.validatie_besluit_id))
				ORDER BY i.indicator_code)
			  FROM monitoring.indicatoren i
			 CROSS JOIN LATERAL (SELECT CASE WHEN EXISTS (SELECT 1 FROM monitoring.vragen vr
			                                               WHERE vr.indicator_code = i.indicator_code)
			                                 THEN 'PTS0' ELSE 'NL' END AS gebied) g
			  LEFT JOIN api.sectormonitor c ON c.indicator = i.indicator_code AND c.gebied = g.gebied
			   AND c.periode = rapportage_vaststellen.periode
			  LEFT JOIN api.sectormonitor v ON v.indicator = i.indicator_code AND v.gebied = g.gebied
			   AND v.periode = vorige
			  LEFT JOIN api.sectormonitor j ON j.indicator = i.indicator_code AND j.gebied = g.gebied
			   AND j.periode = jaar_eerder
			 WHERE i.monitoringtype = 'landelijk' AND i.validatiestatus = 'gevalideerd'
			   AND i.thema IS DISTINCT FROM 'bevolking'), '[]'),
		'transitiemonitor', coalesce((
			SELECT jsonb_agg(jsonb_strip_nulls(to_jsonb(t) - 'id' - 'periode') ORDER BY t.id)
			  FROM api.transitiemonitor t
			  LEFT JOIN monitoring.indicatoren i ON i.indicator_code = t.indicator
			 WHERE t.periode = rapportage_vaststellen.periode
			   AND (t.indicator IS NULL OR (i.monitoringtype = 'landelijk' AND i.validatiestatus = 'gevalideerd'))),
			'[]'),
		'weggelaten', coalesce((
			SELECT jsonb_agg(jsonb_build_object(
				'indicator', i.indicator_code, 'naam', i.naam, 'monitoringtype', i.monitoringtype,
				'validatiestatus', i.validatiestatus,
				'reden', CASE WHEN i.thema = 'bevolking' THEN 'bevolkingsgrondslag: alleen de noemer van cijfers per 1.000'
				              WHEN i.validatiestatus = 'vervallen' THEN 'vervallen: wordt niet meer gemeten'
				              WHEN i.monitoringtype = 'diagnostisch'
				              THEN 'diagnostisch: voor het leren in de regio, niet voor verantwoording'
				              ELSE 'nog niet gevalideerd: de kwaliteit van de cijfers is nog niet vastgesteld' END)
				ORDER BY i.indicator_code)
			  FROM monitoring.indicatoren i
			 WHERE NOT (i.monitoringtype = 'landelijk' AND i.validatiestatus = 'gevalideerd')
			    OR i.thema = 'bevolking'), '[]'))
	    || CASE WHEN q.eind_date >= current_date THEN jsonb_build_object('lopend', true, 'toelichting',
	           format('Het halfjaar %s loopt nog tot en met %s: dit is een tussenstand, die pas na afloop kan worden vastgesteld.',
	                  periode, to_char(q.eind_date, 'DD-MM-YYYY'))) ELSE '{}' END
	  INTO doc;
	PERFORM set_config('lakmoes.openbaar', '', true);

	hash := encode(sha256(convert_to(doc::text, 'UTF8')), 'hex');
	IF proefrun THEN
		RETURN QUERY SELECT periode, NULL::timestamptz, hash, doc;
		RETURN;
	END IF;
	INSERT INTO monitoring.voortgangsrapportages (periode_code, inhoud, inhoud_hash) VALUES (periode, doc, hash);
	RETURN QUERY SELECT * FROM api.voortgangsrapportages r WHERE r.periode = rapportage_vaststellen.periode;
END
$$;

-- The figures of an established report as rows, for CSV; geheimhouding
-- tells a withheld value (geheim) from one that is missing (empty).
CREATE FUNCTION api.rapportage_rijen(periode text)
RETURNS TABLE (indicator text, naam text, eenheid text, gebied text, waarde numeric, status text, bron text,
               "vorigePeriode" text, "vorigeWaarde" numeric, "jaarEerderPeriode" text,
               "jaarEerderWaarde" numeric, "verschilVorigePeriode" numeric, "verschilJaarEerder" numeric,
               "verschilJaarEerderProcent" numeric, geheimhouding text, "kwartalenGeleverd" integer,
               "kwartalenTotaal" integer, "per1000" numeric, "gevalideerdSinds" text, validatiebesluit integer)
LANGUAGE plpgsql STABLE SECURITY INVOKER
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM monitoring.voortgangsrapportages r WHERE r.periode_code = periode) THEN
		RAISE EXCEPTION 'er is geen vastgestelde rapportage over %', periode USING ERRCODE = 'LK404';
	END IF;
	RETURN QUERY
	SELECT c ->> 'indicator', c ->> 'naam', c ->> 'eenheid', coalesce(c ->> 'gebied', r.inhoud ->> 'gebied'),
	       (c ->> 'waarde')::numeric, c ->> 'status',
	       c ->> 'bron', c -> 'vorigePeriode' ->> 'periode', (c -> 'vorigePeriode' ->> 'waarde')::numeric,
	       c -> 'jaarEerder' ->> 'periode', (c -> 'jaarEerder' ->> 'waarde')::numeric,
	       (c ->> 'verschilVorigePeriode')::numeric, (c ->> 'verschilJaarEerder')::numeric,
	       (c ->> 'verschilJaarEerderProcent')::numeric, c ->> 'geheimhouding',
	       (c ->> 'kwartalenGeleverd')::integer, (c ->> 'kwartalenTotaal')::integer, (c ->> 'per1000')::numeric,
	       c -> 'validatie' ->> 'sinds', (c -> 'validatie' ->> 'besluit')::integer
	  FROM monitoring.voortgangsrapportages r, jsonb_array_elements(r.inhoud -> 'cijfers') AS c
	 WHERE r.periode_code = periode;
END
$$;

GRANT SELECT ON api.voortgangsrapportages TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT EXECUTE ON FUNCTION api.rapportage_rijen(text) TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT EXECUTE ON FUNCTION api.rapportage_vaststellen(text, boolean) TO programma;
