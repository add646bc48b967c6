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
	       CASE WHEN c.ruw THEN w.waarde WHEN x.indicator_code IS NOT NULL THEN NULL
	            ELSE monitoring.onthulde_waarde(i.eenheid, w.waarde, w.noemer, d.drempel) END,
	       CASE WHEN c.ruw THEN w.teller END,
	       CASE WHEN c.ruw THEN w.noemer END,
	       w.status, w.bron, w.revisie, w.recorded_at, w.aanlevering_id,
	       CASE WHEN NOT c.ruw THEN CASE WHEN x.indicator_code IS NOT NULL THEN 'geheim'
	            ELSE monitoring.onthulling(i.eenheid, w.waarde, w.noemer, d.drempel) END END
	  FROM monitoring.waarnemingen_op(coalesce(peildatum, 'infinity')) w
	  JOIN monitoring.indicatoren i ON i.indicator_code = w.indicator_code
	 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d
	 CROSS JOIN LATERAL (SELECT monitoring.ruwe_cijfers(w.gebied_code) AS ruw) c
	 -- secondary suppression (R__00)
	  LEFT JOIN monitoring.secundair_geheimgehouden() x ON x.indicator_code = w.indicator_code
	   AND x.periode_code = w.periode_code AND x.gebied_code = w.gebied_code
$$;
COMMENT ON FUNCTION api.waarnemingen_op(timestamptz) IS 'Waarnemingen zoals ze op de peildatum stonden (leeg: nu), met onthullingscontrole voor gecontroleerde rollen; voor /v1/waarnemingen.';

GRANT EXECUTE ON FUNCTION api.waarnemingen_op(timestamptz) TO aanleveraar, programma, opdrachtgever, onderzoeker;

DROP FUNCTION IF EXISTS api.waarnemingen_laden(jsonb, boolean), api.waarnemingen_laden_lading(boolean),
    api.lading_rijen(jsonb) CASCADE;

-- A bulk load arrives in parts (the API sends each part of the body as it
-- reads it, so that its memory does not grow with the load): the rows
-- collect in a temporary table of the transaction (pg_temp.lading, gone at
-- its end), numbered in the order they came, each field in a column of its
-- own (numbers as JSON values, so that a text where a number belongs can
-- be named); api.waarnemingen_laden_lading then loads them all or nothing.
-- Returns the number of rows so far.
CREATE FUNCTION api.lading_rijen(rijen jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	n bigint;
BEGIN
	IF to_regclass('pg_temp.lading') IS NULL THEN
		CREATE TEMPORARY TABLE lading (nr bigint GENERATED ALWAYS AS IDENTITY, plek text, indicator text,
		    gebied text, periode text, waarde jsonb, teller jsonb, noemer jsonb, status text, bron text)
		    ON COMMIT DROP;
	END IF;
	EXECUTE 'INSERT INTO pg_temp.lading (plek, indicator, gebied, periode, waarde, teller, noemer, status, bron) '
	        'SELECT x._plek, x.indicator, x.gebied, x.periode, x.waarde, x.teller, x.noemer, x.status, x.bron '
	        '  FROM ROWS FROM (jsonb_to_recordset($1) AS (_plek text, indicator text, gebied text, periode text, '
	        '       waarde jsonb, teller jsonb, noemer jsonb, status text, bron text)) WITH ORDINALITY '
	        '       AS x(_plek, indicator, gebied, periode, waarde, teller, noemer, status, bron, o) '
	        ' ORDER BY x.o' USING rijen;
	EXECUTE 'SELECT count(*) FROM pg_temp.lading' INTO n;
	RETURN n;
END
$$;
COMMENT ON FUNCTION api.lading_rijen(jsonb) IS 'Voegt een deel van een lading waarnemingen toe aan de tijdelijke tabel van de transactie.';

-- Loads the observations collected by api.lading_rijen: every row is
-- checked first (all problems reported at once, the first 200 in DETAIL;
-- nothing is stored unless all rows are valid), then each row that
-- differs from the current value becomes a new revision. Rows equal to the
-- current value change nothing. With proefrun the counts are reported and
-- nothing is stored. A row's "_plek" (its CSV line) names it in problems,
-- else its JSON pointer (/0 for the first row).
CREATE FUNCTION api.waarnemingen_laden_lading(proefrun boolean)
RETURNS TABLE (nieuw integer, herzien integer, ongewijzigd integer, "isProefrun" boolean)
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	problems jsonb;
	n_problems integer;
BEGIN
	IF to_regclass('pg_temp.lading') IS NULL THEN
		RAISE EXCEPTION 'een lege lading' USING ERRCODE = 'LK400',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', '/', 'reason',
		        'verwacht een niet-lege lijst van waarnemingen'))::text;
	END IF;
	WITH t AS (
		-- each row's problems in one pass, one column per field
		SELECT l.nr, coalesce(l.plek, '/' || (l.nr - 1)) AS plek,
		       CASE WHEN i.indicator_code IS NULL THEN 'onbekende indicator' END AS p_indicator,
		       CASE WHEN g.gebied_code IS NULL THEN 'onbekend gebied' END AS p_gebied,
		       CASE WHEN q.periode_code IS NULL THEN 'onbekende periode (JJJJ, JJJJ-Hn of JJJJ-Qn)'
		            WHEN q.begin_date > current_date THEN 'de periode ligt in de toekomst' END AS p_periode,
		       CASE WHEN jsonb_typeof(l.waarde) IS DISTINCT FROM 'number' THEN 'geen getal' END AS p_waarde,
		       CASE WHEN coalesce(jsonb_typeof(l.teller), 'null') NOT IN ('number', 'null') THEN 'geen getal' END
		           AS p_teller,
		       CASE WHEN coalesce(jsonb_typeof(l.noemer), 'null') NOT IN ('number', 'null') THEN 'geen getal' END
		           AS p_noemer,
		       CASE WHEN coalesce(l.status, '') NOT IN ('voorlopig', 'nader_voorlopig', 'definitief')
		            THEN 'voorlopig, nader_voorlopig of definitief' END AS p_status,
		       CASE WHEN btrim(coalesce(l.bron, '')) = '' THEN 'de bron ontbreekt' END AS p_bron,
		       -- the unit rules and the bound (monitoring.waarde_probleem), only
		       -- for well-typed rows: the CASE keeps the casts away from the others
		       CASE WHEN i.indicator_code IS NOT NULL AND jsonb_typeof(l.waarde) = 'number'
		             AND coalesce(jsonb_typeof(l.teller), 'null') IN ('number', 'null')
		             AND coalesce(jsonb_typeof(l.noemer), 'null') IN ('number', 'null')
		            THEN monitoring.waarde_probleem(i.eenheid, monitoring.bovengrens(i), (l.waarde #>> '{}')::numeric,
		                 (l.teller #>> '{}')::numeric, (l.noemer #>> '{}')::numeric) END AS p_eenheid
		  FROM pg_temp.lading l
		  LEFT JOIN monitoring.indicatoren i ON i.indicator_code = l.indicator
		  LEFT JOIN ref.gebieden g ON g.gebied_code = l.gebied
		  LEFT JOIN ref.perioden q ON q.periode_code = l.periode
	), p AS (
		-- only a row with a problem is spelled out, a field at a time
		SELECT t.nr AS ord, t.plek || v.veld AS name, v.reden AS reason
		  FROM t CROSS JOIN LATERAL (VALUES ('/indicator', t.p_indicator), ('/gebied', t.p_gebied),
		       ('/periode', t.p_periode), ('/waarde', t.p_waarde), ('/teller', t.p_teller),
		       ('/noemer', t.p_noemer), ('/status', t.p_status), ('/bron', t.p_bron),
		       (CASE WHEN t.p_eenheid LIKE 'teller%' THEN '/teller' ELSE '/waarde' END, t.p_eenheid)) AS v(veld, reden)
		 WHERE num_nonnulls(t.p_indicator, t.p_gebied, t.p_periode, t.p_waarde, t.p_teller, t.p_noemer,
		       t.p_status, t.p_bron, t.p_eenheid) > 0
		   AND v.reden IS NOT NULL
		UNION ALL
		-- the identifier check once per distinct source text, not per row
		-- (OFFSET 0: the test must not be pushed down to every row)
		SELECT l.nr, coalesce(l.plek, '/' || (l.nr - 1)) || '/bron', b.why
		  FROM (SELECT d.bron, monitoring.persoonsgegeven(d.bron) AS why
		          FROM (SELECT DISTINCT x.bron FROM pg_temp.lading x) d OFFSET 0) b
		  JOIN pg_temp.lading l ON l.bron = b.bron
		 WHERE b.why IS NOT NULL
		UNION ALL
		SELECT d.nr, d.plek, 'dezelfde indicator, hetzelfde gebied en dezelfde periode staan al eerder in de lading'
		  FROM (SELECT l.nr, coalesce(l.plek, '/' || (l.nr - 1)) AS plek,
		               row_number() OVER (PARTITION BY l.indicator, l.gebied, l.periode ORDER BY l.nr) AS k
		          FROM pg_temp.lading l
		         -- only the keys that occur more than once are sorted
		         WHERE (l.indicator, l.gebied, l.periode) IN (SELECT x.indicator, x.gebied, x.periode
		                  FROM pg_temp.lading x GROUP BY 1, 2, 3 HAVING count(*) > 1)) d
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
		SELECT l.nr AS ord, l.indicator, l.gebied, l.periode, (l.waarde #>> '{}')::numeric AS waarde,
		       (l.teller #>> '{}')::numeric AS teller, (l.noemer #>> '{}')::numeric AS noemer, l.status, l.bron
		  FROM pg_temp.lading l
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
COMMENT ON FUNCTION api.waarnemingen_laden_lading(boolean) IS 'Laadt de waarnemingen van de lading in deze transactie (alles of niets, elke afwijkende rij een nieuwe revisie); met proefrun alleen de telling.';

-- The same for a load given whole (for SQL and tests).
CREATE FUNCTION api.waarnemingen_laden(rijen jsonb, proefrun boolean)
RETURNS TABLE (nieuw integer, herzien integer, ongewijzigd integer, "isProefrun" boolean)
LANGUAGE plpgsql SECURITY INVOKER
AS $$
BEGIN
	IF jsonb_typeof(rijen) = 'array' AND jsonb_array_length(rijen) > 0 THEN
		PERFORM api.lading_rijen(rijen);
	END IF;
	RETURN QUERY SELECT * FROM api.waarnemingen_laden_lading(proefrun);
END
$$;
COMMENT ON FUNCTION api.waarnemingen_laden(jsonb, boolean) IS 'Laadt waarnemingen (alles of niets, elke afwijkende rij een nieuwe revisie); met proefrun alleen de telling.';
GRANT EXECUTE ON FUNCTION api.waarnemingen_laden(jsonb, boolean), api.waarnemingen_laden_lading(boolean),
    api.lading_rijen(jsonb) TO programma;
