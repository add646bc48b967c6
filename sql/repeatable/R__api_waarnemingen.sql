-- R__api_waarnemingen: the current value of every observation, the figures
-- as they stood at any moment (peildatum), and the API's view of them for
-- /v1/waarnemingen. Re-runnable; all security invoker, so row-level
-- security on monitoring.waarnemingen decides who sees what (publiek
-- nothing, a proeftuin its own area).

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE OR REPLACE VIEW monitoring.waarnemingen_actueel WITH (security_invoker = true) AS
SELECT DISTINCT ON (w.indicator_code, w.gebied_code, w.periode_code) w.*
  FROM monitoring.waarnemingen w
 ORDER BY w.indicator_code, w.gebied_code, w.periode_code, w.revisie DESC;
COMMENT ON VIEW monitoring.waarnemingen_actueel IS 'De actuele waarde van elke waarneming: de hoogste revisie per indicator, gebied en periode.';

-- The latest revision recorded at or before peildatum, per indicator, area
-- and period: the figures exactly as they stood then.
CREATE OR REPLACE FUNCTION monitoring.waarnemingen_op(peildatum timestamptz)
RETURNS SETOF monitoring.waarnemingen
LANGUAGE sql STABLE SECURITY INVOKER
AS $$
	SELECT DISTINCT ON (w.indicator_code, w.gebied_code, w.periode_code) w.*
	  FROM monitoring.waarnemingen w
	 WHERE w.recorded_at <= peildatum
	 ORDER BY w.indicator_code, w.gebied_code, w.periode_code, w.revisie DESC
$$;
COMMENT ON FUNCTION monitoring.waarnemingen_op(timestamptz) IS 'De waarnemingen zoals ze op een peildatum stonden: per indicator, gebied en periode de laatste revisie die toen al was vastgelegd.';

GRANT SELECT ON monitoring.waarnemingen_actueel TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT EXECUTE ON FUNCTION monitoring.waarnemingen_op(timestamptz)
    TO aanleveraar, programma, opdrachtgever, onderzoeker;

DROP FUNCTION IF EXISTS api.waarnemingen_op(timestamptz);

CREATE FUNCTION api.waarnemingen_op(peildatum timestamptz)
RETURNS TABLE (id bigint, indicator text, gebied text, periode text, waarde numeric,
               teller numeric, noemer numeric, status text, bron text, revisie integer,
               "vastgelegdOp" timestamptz, aanlevering bigint)
LANGUAGE sql STABLE SECURITY INVOKER
AS $$
	SELECT w.waarneming_id, w.indicator_code, w.gebied_code, w.periode_code, w.waarde,
	       w.teller, w.noemer, w.status, w.bron, w.revisie, w.recorded_at, w.aanlevering_id
	  FROM monitoring.waarnemingen_op(coalesce(peildatum, 'infinity')) w
$$;
COMMENT ON FUNCTION api.waarnemingen_op(timestamptz) IS 'Waarnemingen zoals ze op de peildatum stonden (leeg: nu), voor /v1/waarnemingen.';

GRANT EXECUTE ON FUNCTION api.waarnemingen_op(timestamptz) TO aanleveraar, programma, opdrachtgever, onderzoeker;
