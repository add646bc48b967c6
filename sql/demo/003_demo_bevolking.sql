-- DEMO DATA — SYNTHETIC, NOT REAL FIGURES.
--
-- A population basis (V033) for every gemeente and year from 2021 up to the
-- current one: inhabitants and minors (0-17) on 1 January, the series CBS
-- publishes and a real installation loads through POST /v1/waarnemingen.
-- These are invented: the same size per gemeente as the demo effect
-- figures (002: noemer of EFF_GEDWONGEN_KADER, forty minors per unit of
-- size), a fifth of the inhabitants minors, a small drift per year. They
-- make the rates per 1,000 of the demo computable; they say nothing about
-- any real gemeente. Every row carries bron 'DEMO: …' and is recorded by
-- 'demo'. Runs once: skipped when demo population rows exist.

SET client_min_messages = warning;

DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM monitoring.waarnemingen WHERE bron LIKE 'DEMO:%' AND indicator_code LIKE 'CBS\_%') THEN
		RETURN;
	END IF;
	PERFORM set_config('request.jwt.claims', '{"sub":"demo"}', true);

	WITH g AS (
		SELECT g.gebied_code, q.periode_code,
		       round(40 * (10 + 400 * x.grootte * x.grootte) * (1 + 0.004 * (q.jaar - 2021) * (x.grootte - 0.4)))
		           AS minderjarigen,
		       4.6 + 0.8 * x.scheef AS factor
		  FROM ref.gebieden g
		  JOIN ref.perioden q ON q.soort = 'jaar' AND q.jaar BETWEEN 2021 AND extract(year FROM current_date)
		 CROSS JOIN LATERAL (SELECT
		       (('x' || substr(md5(g.gebied_code), 1, 8))::bit(32)::bigint / 4294967296.0) AS grootte,
		       (('x' || substr(md5(g.gebied_code || 'bevolking'), 1, 8))::bit(32)::bigint / 4294967296.0) AS scheef) x
		 WHERE g.soort = 'gemeente'
	)
	INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, status, bron)
	SELECT v.indicator_code, g.gebied_code, g.periode_code, v.waarde, 'definitief',
	       'DEMO: synthetische gegevens, geen echte cijfers'
	  FROM g
	 CROSS JOIN LATERAL (VALUES ('CBS_MINDERJARIGEN', g.minderjarigen),
	                            ('CBS_INWONERS', round(g.minderjarigen * g.factor))) AS v(indicator_code, waarde)
	 ORDER BY 1, 2, 3;
END
$$;
