-- DEMO DATA — SYNTHETIC, NOT REAL FIGURES.
--
-- Half-year figures of the effect indicators (EFF_*) for every gemeente,
-- the way CBS-type sources deliver them, so that the sector monitor has
-- regional and national aggregates and the transition monitor can compare
-- proeftuinen with the other gemeenten. Deterministic (hashes of indicator,
-- gemeente and half year); gemeenten in a proeftuin drift a little towards
-- the better each half year. Many gemeenten get small counts, which the
-- disclosure control withholds. Every row carries bron 'DEMO: …' and is
-- recorded by 'demo'. Runs once: skipped when demo effect rows exist.

SET client_min_messages = warning;

DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM monitoring.waarnemingen WHERE bron LIKE 'DEMO:%' AND indicator_code LIKE 'EFF\_%') THEN
		RETURN;
	END IF;
	PERFORM set_config('request.jwt.claims', '{"sub":"demo"}', true);

	WITH basis AS (
		SELECT i.indicator_code, i.richting, g.gebied_code, q.periode_code, q.eind_date,
		       (q.jaar - 2023) * 2 + q.volgnummer - 1 AS stap,
		       EXISTS (SELECT 1 FROM ref.gebied_leden l WHERE l.gemeente_code = g.gebied_code
		                  AND l.gebied_code LIKE 'PT%') AS proeftuin,
		       (('x' || substr(md5(i.indicator_code || g.gebied_code || q.periode_code), 1, 8))::bit(32)::bigint
		           / 4294967296.0) AS r,
		       (('x' || substr(md5(g.gebied_code), 1, 8))::bit(32)::bigint / 4294967296.0) AS grootte
		  FROM monitoring.indicatoren i
		 CROSS JOIN ref.gebieden g
		  JOIN ref.perioden q ON q.soort = 'halfjaar' AND q.jaar >= 2023 AND q.eind_date < current_date
		 WHERE i.indicator_code LIKE 'EFF\_%' AND g.soort = 'gemeente'
	), f AS (
		-- a factor below 1 for proeftuinen on indicators where lower is better
		SELECT b.*, CASE WHEN b.proeftuin AND b.richting = 'lager_beter' THEN 1 - 0.03 * b.stap
		                 WHEN b.proeftuin AND b.richting = 'hoger_beter' THEN 1 + 0.01 * b.stap
		                 ELSE 1 END AS trend,
		       round(10 + 400 * b.grootte * b.grootte) AS n
		  FROM basis b
	), v AS (
		SELECT f.*,
		       CASE f.indicator_code
		            WHEN 'EFF_GEDWONGEN_KADER' THEN round(f.n * 40)
		            WHEN 'EFF_TERUGVAL' THEN f.n
		            WHEN 'EFF_TIJDIGHEID' THEN f.n
		            WHEN 'EFF_VERTROUWEN_CLIENTEN' THEN round(f.n / 4) + 3
		            WHEN 'EFF_VERTROUWEN_PROFESSIONALS' THEN round(f.n / 8) + 3 END AS noemer
		  FROM f
	), w AS (
		SELECT v.*,
		       CASE v.indicator_code
		            WHEN 'EFF_GEDWONGEN_KADER' THEN round(v.noemer * (0.008 + 0.006 * v.r) * v.trend)
		            WHEN 'EFF_TERUGVAL' THEN round(v.noemer * (0.15 + 0.15 * v.r) * v.trend)
		            WHEN 'EFF_TIJDIGHEID' THEN round(v.noemer * (20 + 40 * v.r) * v.trend)
		            WHEN 'EFF_VERTROUWEN_CLIENTEN' THEN round(v.noemer * (5.5 + 2.5 * v.r) * v.trend, 1)
		            WHEN 'EFF_VERTROUWEN_PROFESSIONALS' THEN round(v.noemer * (6 + 2 * v.r) * v.trend, 1) END AS teller
		  FROM v
	)
	INSERT INTO monitoring.waarnemingen (indicator_code, gebied_code, periode_code, waarde, teller, noemer,
	    status, bron)
	SELECT w.indicator_code, w.gebied_code, w.periode_code,
	       CASE WHEN w.noemer IS NULL THEN
	            round(w.trend * CASE w.indicator_code
	                WHEN 'EFF_UITHUISPLAATSINGEN' THEN w.n / 40 * (0.5 + w.r)
	                WHEN 'EFF_BESCHERMINGSMAATREGELEN' THEN w.n / 12 * (0.5 + w.r)
	                ELSE w.n / 2 * (0.5 + w.r) END)
	            WHEN w.indicator_code IN ('EFF_GEDWONGEN_KADER', 'EFF_TERUGVAL')
	                THEN round(100 * w.teller / w.noemer, 2)
	            ELSE round(w.teller / w.noemer, 1) END,
	       w.teller, w.noemer,
	       CASE WHEN w.eind_date < current_date - 180 THEN 'definitief' ELSE 'voorlopig' END,
	       'DEMO: synthetische gegevens, geen echte cijfers'
	  FROM w
	 ORDER BY 1, 2, 3;
END
$$;
