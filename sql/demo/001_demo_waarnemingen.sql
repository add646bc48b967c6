-- DEMO DATA — SYNTHETIC, NOT REAL FIGURES.
--
-- Loaded by `make run` (LAKMOES_DEMO=1, the default) so that a fresh install
-- has something to show; never part of the migrations. Every row carries
-- bron 'DEMO: synthetische gegevens, geen echte cijfers' and is recorded by
-- 'demo'. Values are derived deterministically from a hash of indicator,
-- area and quarter, so every install shows the same numbers. Quarterly
-- figures for the basismonitoring indicators per proeftuin from the quarter
-- after its start up to the last finished quarter; percentages and scores
-- get a teller/noemer pair. Runs once: skipped when demo rows exist.

SET client_min_messages = warning;

DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM monitoring.waarnemingen WHERE bron LIKE 'DEMO:%') THEN
		RETURN;
	END IF;
	PERFORM set_config('request.jwt.claims', '{"sub":"demo"}', true);

	INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde,
	    teller, noemer, status, bron)
	SELECT i.indicator_code, p.proeftuin_code, q.periode_code,
	       CASE i.eenheid
		    WHEN 'aantal' THEN round(s.schaal * (0.6 + 0.8 * h.r))
		    WHEN 'dagen' THEN round((20 + 40 * h.r)::numeric, 1)
		    WHEN 'percentage' THEN round(100.0 * round(200 * (0.3 + 0.6 * h.r)) / 200, 1)
		    ELSE round((5.5 + 3 * h.r)::numeric, 1) END,
	       CASE WHEN i.eenheid = 'percentage' THEN round(200 * (0.3 + 0.6 * h.r)) END,
	       CASE WHEN i.eenheid = 'percentage' THEN 200 END,
	       CASE WHEN q.eind_date < current_date - 180 THEN 'definitief' ELSE 'voorlopig' END,
	       'DEMO: synthetische gegevens, geen echte cijfers'
	  FROM monitoring.indicatoren i
	 CROSS JOIN ref.proeftuinen p
	  JOIN ref.perioden q ON q.soort = 'kwartaal' AND q.begin_date > p.start_date
	   AND q.eind_date < current_date AND q.jaar >= 2023
	 CROSS JOIN LATERAL (SELECT (('x' || substr(md5(i.indicator_code || p.proeftuin_code || q.periode_code), 1, 8))::bit(32)::bigint
	                      / 4294967296.0) AS r) h
	 CROSS JOIN LATERAL (SELECT CASE WHEN i.indicator_code LIKE '%HUISHOUDENS%' THEN 120
	                                 WHEN i.indicator_code IN ('BM_KINDEREN', 'BM_VOLWASSENEN') THEN 150
	                                 WHEN i.indicator_code LIKE '%PROFESSIONALS' THEN 40
	                                 ELSE 25 END AS schaal) s
	 WHERE i.indicator_code LIKE 'BM\_%'
	 ORDER BY 1, 2, 3;
END
$$;
