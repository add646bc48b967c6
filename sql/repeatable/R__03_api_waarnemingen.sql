-- R__api_waarnemingen: the current value of every observation, the figures
-- as they stood at any moment (peildatum), and the API's view of them for
-- /v1/waarnemingen. Re-runnable; all security invoker, so row-level
-- security on monitoring.waarnemingen decides who sees what (publiek
-- nothing, a proeftuin its own area).

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- The latest revision recorded at or before peildatum, per indicator, area
-- and period: the figures exactly as they stood then. Said as "no later
-- revision by then" rather than as a DISTINCT ON, so that a page in the
-- order of waarneming_id (/v1/waarnemingen) walks that order and stops
-- after its rows, each checked by the revision key: 15 ms for the first
-- page at national scale (766k revisions), where sorting every revision
-- first took 3 s. Row-level security applies to both scans alike.
CREATE OR REPLACE FUNCTION monitoring.waarnemingen_op(peildatum timestamptz)
RETURNS SETOF monitoring.waarnemingen
LANGUAGE sql STABLE SECURITY INVOKER
AS $$
	SELECT w.*
	  FROM monitoring.waarnemingen w
	 WHERE w.recorded_at <= peildatum
	   AND NOT EXISTS (SELECT 1 FROM monitoring.waarnemingen l
	                    WHERE l.indicator_code = w.indicator_code AND l.gebied_code = w.gebied_code
	                      AND l.periode_code = w.periode_code AND l.revisie > w.revisie
	                      AND l.recorded_at <= peildatum)
$$;
COMMENT ON FUNCTION monitoring.waarnemingen_op(timestamptz) IS 'De waarnemingen zoals ze op een peildatum stonden: per indicator, gebied en periode de laatste revisie die toen al was vastgelegd.';

CREATE OR REPLACE VIEW monitoring.waarnemingen_actueel WITH (security_invoker = true) AS
SELECT w.* FROM monitoring.waarnemingen_op('infinity') w;
COMMENT ON VIEW monitoring.waarnemingen_actueel IS 'De actuele waarde van elke waarneming: de hoogste revisie per indicator, gebied en periode.';

GRANT SELECT ON monitoring.waarnemingen_actueel TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT EXECUTE ON FUNCTION monitoring.waarnemingen_op(timestamptz)
    TO aanleveraar, programma, opdrachtgever, onderzoeker;

DROP FUNCTION IF EXISTS api.waarnemingen_op(timestamptz) CASCADE;

-- Disclosure control at query time, per caller (R__00_onthulling):
-- programma and onderzoeker see raw values, a proeftuin its own; for
-- everyone else values are disclosure-controlled and teller and noemer are
-- not shown. "geheimhouding" says what was done: null, 'afgerond' or
-- 'geheim'.
CREATE FUNCTION api.waarnemingen_op(peildatum timestamptz)
RETURNS TABLE (id bigint, indicator text, gebied text, periode text, waarde numeric,
               teller numeric, noemer numeric, status text, bron text, revisie integer,
               "vastgelegdOp" timestamptz, aanlevering bigint, geheimhouding text)
LANGUAGE sql STABLE SECURITY INVOKER
AS $$
	SELECT w.waarneming_id, w.indicator_code, w.gebied_code, w.periode_code,
	       CASE WHEN c.ruw THEN w.waarde
	            ELSE monitoring.onthulde_waarde(i.eenheid, w.waarde, w.noemer, d.drempel) END,
	       CASE WHEN c.ruw THEN w.teller END,
	       CASE WHEN c.ruw THEN w.noemer END,
	       w.status, w.bron, w.revisie, w.recorded_at, w.aanlevering_id,
	       CASE WHEN NOT c.ruw THEN monitoring.onthulling(i.eenheid, w.waarde, w.noemer, d.drempel) END
	  FROM monitoring.waarnemingen_op(coalesce(peildatum, 'infinity')) w
	  JOIN monitoring.indicatoren i ON i.indicator_code = w.indicator_code
	 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d
	 CROSS JOIN LATERAL (SELECT monitoring.ruwe_cijfers(w.gebied_code) AS ruw) c
$$;
COMMENT ON FUNCTION api.waarnemingen_op(timestamptz) IS 'Waarnemingen zoals ze op de peildatum stonden (leeg: nu), met onthullingscontrole voor gecontroleerde rollen; voor /v1/waarnemingen.';

GRANT EXECUTE ON FUNCTION api.waarnemingen_op(timestamptz) TO aanleveraar, programma, opdrachtgever, onderzoeker;

DROP FUNCTION IF EXISTS api.waarnemingen_laden(jsonb, boolean) CASCADE;

-- Loads observations: every row is checked first (all problems reported at
-- once, the first 200 in DETAIL; nothing is stored unless all rows are
-- valid), then each row that differs from the current value becomes a new
-- revision. Rows equal to the current value change nothing. With proefrun
-- the counts are reported and nothing is stored. A row's "_plek" (its JSON
-- pointer or CSV line) names it in problems.
CREATE FUNCTION api.waarnemingen_laden(rijen jsonb, proefrun boolean)
RETURNS TABLE (nieuw integer, herzien integer, ongewijzigd integer, "isProefrun" boolean)
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	problems jsonb;
	n_problems integer;
BEGIN
	WITH r AS (
		SELECT t.ord, coalesce(t.e ->> '_plek', '/' || (t.ord - 1)) AS plek, t.e
		  FROM jsonb_array_elements(rijen) WITH ORDINALITY AS t(e, ord)
	), p AS (
		SELECT r.ord, r.plek || '/indicator' AS name, 'onbekende indicator' AS reason
		  FROM r WHERE NOT EXISTS (SELECT 1 FROM monitoring.indicatoren i WHERE i.indicator_code = r.e ->> 'indicator')
		UNION ALL
		SELECT r.ord, r.plek || '/gebied', 'onbekend gebied'
		  FROM r WHERE NOT EXISTS (SELECT 1 FROM ref.gebieden g WHERE g.gebied_code = r.e ->> 'gebied')
		UNION ALL
		SELECT r.ord, r.plek || '/periode',
		       CASE WHEN q.periode_code IS NULL THEN 'onbekende periode (JJJJ, JJJJ-Hn of JJJJ-Qn)'
		            ELSE 'de periode ligt in de toekomst' END
		  FROM r LEFT JOIN ref.perioden q ON q.periode_code = r.e ->> 'periode'
		 WHERE q.periode_code IS NULL OR q.begin_date > current_date
		UNION ALL
		SELECT r.ord, r.plek || '/waarde', 'geen getal'
		  FROM r WHERE jsonb_typeof(r.e -> 'waarde') IS DISTINCT FROM 'number'
		UNION ALL
		SELECT r.ord, r.plek || '/' || k.f, 'geen getal'
		  FROM r CROSS JOIN (VALUES ('teller'), ('noemer')) AS k(f)
		 WHERE coalesce(jsonb_typeof(r.e -> k.f), 'null') NOT IN ('number', 'null')
		UNION ALL
		SELECT r.ord, r.plek || '/status', 'voorlopig, nader_voorlopig of definitief'
		  FROM r WHERE coalesce(r.e ->> 'status', '') NOT IN ('voorlopig', 'nader_voorlopig', 'definitief')
		UNION ALL
		SELECT r.ord, r.plek || '/bron', 'de bron ontbreekt'
		  FROM r WHERE btrim(coalesce(r.e ->> 'bron', '')) = ''
		UNION ALL
		-- the identifier check once per distinct source text, not per row
		SELECT r.ord, r.plek || '/bron', b.why
		  FROM r JOIN (SELECT d.bron, monitoring.persoonsgegeven(d.bron) AS why
		                 FROM (SELECT DISTINCT r2.e ->> 'bron' AS bron FROM r r2) d) b
		    ON b.bron = r.e ->> 'bron' AND b.why IS NOT NULL
		UNION ALL
		-- the unit rules (monitoring.waarde_probleem), only for well-typed
		-- rows: the CASE keeps the casts away from the others
		SELECT t.ord, t.plek || CASE WHEN t.why LIKE 'teller%' THEN '/teller' ELSE '/waarde' END, t.why
		  FROM (SELECT r.ord, r.plek,
		               CASE WHEN jsonb_typeof(r.e -> 'waarde') = 'number'
		                     AND coalesce(jsonb_typeof(r.e -> 'teller'), 'null') IN ('number', 'null')
		                     AND coalesce(jsonb_typeof(r.e -> 'noemer'), 'null') IN ('number', 'null')
		                    THEN monitoring.waarde_probleem(i.eenheid, (r.e ->> 'waarde')::numeric,
		                         (r.e ->> 'teller')::numeric, (r.e ->> 'noemer')::numeric) END AS why
		          FROM r JOIN monitoring.indicatoren i ON i.indicator_code = r.e ->> 'indicator') t
		 WHERE t.why IS NOT NULL
		UNION ALL
		SELECT d.ord, d.plek, 'dezelfde indicator, hetzelfde gebied en dezelfde periode staan al eerder in de lading'
		  FROM (SELECT r.ord, r.plek, row_number() OVER (PARTITION BY r.e ->> 'indicator', r.e ->> 'gebied',
		               r.e ->> 'periode' ORDER BY r.ord) AS k FROM r) d
		 WHERE d.k > 1
	)
	SELECT count(*), jsonb_agg(jsonb_build_object('name', s.name, 'reason', s.reason) ORDER BY s.ord, s.name)
	       FILTER (WHERE s.rn <= 200)
	  INTO n_problems, problems
	  FROM (SELECT p.*, row_number() OVER (ORDER BY p.ord, p.name) AS rn FROM p) s;
	IF n_problems > 0 THEN
		RAISE EXCEPTION '% problemen in de lading (de eerste 200 staan hieronder); niets is opgeslagen', n_problems
		    USING ERRCODE = 'LK400', DETAIL = problems::text;
	END IF;

	RETURN QUERY
	WITH r AS (
		SELECT t.ord, t.e ->> 'indicator' AS indicator, t.e ->> 'gebied' AS gebied, t.e ->> 'periode' AS periode,
		       (t.e ->> 'waarde')::numeric AS waarde, (t.e ->> 'teller')::numeric AS teller,
		       (t.e ->> 'noemer')::numeric AS noemer, t.e ->> 'status' AS status, t.e ->> 'bron' AS bron
		  FROM jsonb_array_elements(rijen) WITH ORDINALITY AS t(e, ord)
	), c AS (
		SELECT r.*, a.waarneming_id IS NOT NULL AS bestaat,
		       a.waarneming_id IS NOT NULL AND a.waarde = r.waarde AND a.teller IS NOT DISTINCT FROM r.teller
		           AND a.noemer IS NOT DISTINCT FROM r.noemer AND a.status = r.status AND a.bron = r.bron AS gelijk
		  FROM r
		  LEFT JOIN LATERAL (SELECT w.* FROM monitoring.waarnemingen w
		                      WHERE w.indicator_code = r.indicator AND w.gebied_code = r.gebied
		                        AND w.periode_code = r.periode
		                      ORDER BY w.revisie DESC LIMIT 1) a ON true
	), ins AS (
		INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, teller,
		    noemer, status, bron)
		SELECT c.indicator, c.gebied, c.periode, c.waarde, c.teller, c.noemer, c.status, c.bron
		  FROM c WHERE NOT proefrun AND NOT c.gelijk
		 ORDER BY c.ord
		RETURNING 1
	)
	SELECT (count(*) FILTER (WHERE NOT c.bestaat))::integer,
	       (count(*) FILTER (WHERE c.bestaat AND NOT c.gelijk))::integer,
	       (count(*) FILTER (WHERE c.gelijk))::integer,
	       proefrun
	  FROM c;
END
$$;
COMMENT ON FUNCTION api.waarnemingen_laden(jsonb, boolean) IS 'Laadt waarnemingen (alles of niets, elke afwijkende rij een nieuwe revisie); met proefrun alleen de telling.';
GRANT EXECUTE ON FUNCTION api.waarnemingen_laden(jsonb, boolean) TO programma;
