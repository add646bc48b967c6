-- R__10_mart: computing and refreshing the two monitors (tables of V015).
-- Re-runnable; ends with a full refresh, so a change of the rules here
-- reaches every row.
--
-- Sector monitor, per indicator × periode × gebied. A gebied's value is its
-- delivered value if there is one, else the aggregate of its gemeenten by
-- the indicator's rule: som sums the values; ratio divides the summed
-- tellers by the summed noemers (never an average of percentages);
-- niet_aggregeerbaar has no aggregate. An aggregate carries the least
-- definitive status of its parts and its coverage (gemeenten with a value
-- of all gemeenten). Rank and percentile are among gebieden of the same
-- soort, best first. Regional membership is the 2025 indeling (the first
-- one known); periods before it are counted in that indeling, as CBS
-- publishes figures in a current indeling. Proeftuinen count their
-- gemeenten from the date each joined.
--
-- The refresh functions run with room to sort and hash (work_mem), and
-- join and group by hashing only (no nested loops, merge joins or sorts
-- where a hash will do): their joins are set-wise over intermediate
-- results whose sizes the planner cannot estimate, and a nested loop or a
-- merge join over two of them took seconds to minutes where a hash join
-- takes milliseconds. No JIT either: compiling took longer than running.
-- Custom plans always, so that "all" (NULL) and "these few" each get their
-- own plan.
--
-- Refresh. A statement that adds observations updates the current value of
-- each figure it touches (mart.actueel, which the computation reads
-- instead of sorting every revision) and recomputes the rows of its
-- indicators × periods, plus the periods that compare with them (the next
-- period and the same period a year later), in the writer's own
-- transaction, and writes only the rows that differ; readers keep seeing
-- the previous rows until it commits and never wait. Writers of the same
-- indicator queue on an advisory lock per indicator, so that the later one
-- recomputes with the earlier one's figures. Targets, the catalogue, the
-- disclosure threshold and the area membership refresh what depends on
-- them (the threshold only the published values); the registers refresh
-- their part of the transition monitor.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- Period arithmetic --------------------------------------------------------------
-- Only immutable operations (text || text, not text || integer, which is
-- stable), so that the planner inlines these into the refresh's joins
-- instead of calling a function per row.

-- The period before: 2025-Q1 → 2024-Q4, 2025-H2 → 2025-H1, 2025 → 2024.
CREATE OR REPLACE FUNCTION ref.vorige_periode(code text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN length(code) = 4 THEN (left(code, 4)::integer - 1)::text
	WHEN right(code, 1) = '1' THEN (left(code, 4)::integer - 1)::text || substr(code, 5, 2)
	    || CASE substr(code, 6, 1) WHEN 'Q' THEN '4' ELSE '2' END
	ELSE left(code, 6) || (right(code, 1)::integer - 1)::text END;
COMMENT ON FUNCTION ref.vorige_periode(text) IS 'De periode ervoor: 2025-Q1 → 2024-Q4, 2025-H2 → 2025-H1, 2025 → 2024.';

-- The same period a year earlier.
CREATE OR REPLACE FUNCTION ref.jaar_eerder(code text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (left(code, 4)::integer - 1)::text || substr(code, 5);
COMMENT ON FUNCTION ref.jaar_eerder(text) IS 'Dezelfde periode een jaar eerder: 2025-H2 → 2024-H2.';

-- Periods and those they compare with (the period before, a year
-- earlier). No function of its own per row: called with a constant, the
-- planner folds it to a constant.
CREATE OR REPLACE FUNCTION ref.met_vergelijkingsperioden(per text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN per || ARRAY(SELECT ref.vorige_periode(p) FROM unnest(per) p)
           || ARRAY(SELECT ref.jaar_eerder(p) FROM unnest(per) p);
COMMENT ON FUNCTION ref.met_vergelijkingsperioden(text[]) IS 'De perioden met de perioden waarmee ze vergeleken worden: de periode ervoor en een jaar eerder.';

GRANT EXECUTE ON FUNCTION ref.vorige_periode(text), ref.jaar_eerder(text)
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;

-- Which gemeenten make up which area at the end of a period: the
-- membership valid then; for regions before the first known indeling,
-- that first indeling.
CREATE OR REPLACE FUNCTION mart.leden_op(eind date)
RETURNS TABLE (gebied_code text, gemeente_code text)
LANGUAGE sql STABLE
AS $$
	SELECT l.gebied_code, l.gemeente_code
	  FROM ref.gebied_leden l
	 CROSS JOIN (SELECT min(e.geldig_van) AS eerste FROM ref.gebied_leden e
	              WHERE e.gebied_code NOT LIKE 'PT%') k
	 WHERE daterange(l.geldig_van, l.geldig_tot) @>
	       CASE WHEN l.gebied_code LIKE 'PT%' THEN eind ELSE greatest(eind, k.eerste) END
$$;
COMMENT ON FUNCTION mart.leden_op(date) IS 'De gemeenten van elk samengesteld gebied op een datum; voor regio''s vóór de eerste bekende indeling die eerste indeling.';

-- Values -------------------------------------------------------------------------

-- The value of summed tellers over summed noemers: a percentage, or an
-- average (days, score) per unit of the noemer; two decimals.
CREATE OR REPLACE FUNCTION mart.ratio(eenheid text, teller numeric, noemer numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN round(CASE WHEN eenheid = 'percentage' THEN 100 ELSE 1 END * teller / noemer, 2);
COMMENT ON FUNCTION mart.ratio(text, numeric, numeric) IS 'Waarde van een ratio uit (opgetelde) teller en noemer: percentage of gemiddelde, twee decimalen.';

-- The value of every indicator × gebied × periode for the given indicators
-- and periods (NULL: all): delivered (the current revision, mart.actueel),
-- or aggregated from the gemeenten. Codes are compared in the "C"
-- collation, as mart.actueel keeps them: the database's C.UTF-8 sorts
-- through the C library, several times slower.
DROP FUNCTION IF EXISTS mart.waarden(text[], text[]);
CREATE OR REPLACE FUNCTION mart.waarden_direct(ind text[], per text[])
RETURNS TABLE (indicator_code text, gebied_code text, periode_code text, waarde numeric,
               teller numeric, noemer numeric, status text, bron text, geaggregeerd boolean,
               leden_geleverd integer, leden_totaal integer, bijgewerkt_op timestamptz)
LANGUAGE sql STABLE
AS $$
	WITH geleverd AS MATERIALIZED (
		-- the latest revision of each figure
		SELECT w.indicator_code, w.gebied_code, w.periode_code, w.waarde, w.teller, w.noemer, w.status, w.bron,
		       w.recorded_at
		  FROM mart.actueel w
		 WHERE (ind IS NULL OR w.indicator_code = ANY (ind))
		   AND (per IS NULL OR w.periode_code = ANY (per))
	), leden AS MATERIALIZED (
		SELECT m.gebied_code COLLATE "C" AS gebied_code, m.gemeente_code COLLATE "C" AS gemeente_code,
		       q.periode_code COLLATE "C" AS periode_code,
		       count(*) OVER (PARTITION BY m.gebied_code COLLATE "C", q.periode_code COLLATE "C")::integer AS n
		  FROM ref.perioden q
		 CROSS JOIN LATERAL mart.leden_op(q.eind_date) m
		 WHERE q.periode_code IN (SELECT g.periode_code FROM geleverd g WHERE g.gebied_code LIKE 'GM%')
	), opgeteld AS (
		SELECT m.gebied_code, g.indicator_code, g.periode_code, max(m.n) AS n,
		       sum(g.waarde) AS som, sum(g.teller) AS teller, sum(g.noemer) AS noemer,
		       count(*)::integer AS geleverd,
		       min(array_position(ARRAY['voorlopig', 'nader_voorlopig', 'definitief'], g.status)) AS zekerheid,
		       max(g.recorded_at) AS bijgewerkt
		  FROM geleverd g
		  JOIN leden m ON m.gemeente_code = g.gebied_code AND m.periode_code = g.periode_code
		 WHERE g.indicator_code IN (SELECT i.indicator_code FROM monitoring.indicatoren i
		                             WHERE i.aggregatie = 'som')
		    OR (g.noemer IS NOT NULL AND g.indicator_code IN (SELECT i.indicator_code
		                             FROM monitoring.indicatoren i WHERE i.aggregatie = 'ratio'))
		 GROUP BY 1, 2, 3
	)
	SELECT g.indicator_code, g.gebied_code, g.periode_code, g.waarde, g.teller, g.noemer, g.status,
	       g.bron, false, NULL::integer, NULL::integer, g.recorded_at
	  FROM geleverd g
	UNION ALL
	SELECT o.indicator_code, o.gebied_code, o.periode_code,
	       CASE WHEN i.aggregatie = 'som' THEN o.som ELSE mart.ratio(i.eenheid, o.teller, o.noemer) END,
	       CASE WHEN i.aggregatie = 'ratio' THEN o.teller END,
	       CASE WHEN i.aggregatie = 'ratio' THEN o.noemer END,
	       (ARRAY['voorlopig', 'nader_voorlopig', 'definitief'])[o.zekerheid],
	       format('geaggregeerd uit %s van %s gemeenten', o.geleverd, o.n),
	       true, o.geleverd, o.n, o.bijgewerkt
	  FROM opgeteld o
	  JOIN monitoring.indicatoren i ON i.indicator_code = o.indicator_code
	 -- a delivered value wins over an aggregate
	 WHERE NOT EXISTS (SELECT 1 FROM geleverd d
	                    WHERE d.gebied_code NOT LIKE 'GM%' AND d.indicator_code = o.indicator_code
	                      AND d.gebied_code = o.gebied_code AND d.periode_code = o.periode_code)
$$;
COMMENT ON FUNCTION mart.waarden_direct(text[], text[]) IS 'De waarde per indicator, gebied en periode: geleverd, of opgeteld uit de gemeenten volgens de regel van de indicator.';

-- mart.waarden_direct plus the half years and years derived from their
-- quarters (V031, V032) where nothing was delivered or aggregated for the
-- period itself: by the indicator's tijdregel, stroom sums the quarters,
-- stand takes the last quarter, ratio divides the summed tellers by the
-- summed noemers, gemiddelde weighs the quarters' values by their noemers;
-- geen derives nothing. A period with a quarter missing (for stand: the
-- last one) or, for ratio and gemiddelde, without a noemer, has no value:
-- it is shown as incomplete, with the quarters that were there, never as a
-- lower number. The quarters are the area's own (delivered, or aggregated
-- from its gemeenten per quarter), so a proeftuin's half year is its
-- quarters' and its coverage both in gemeenten (per quarter) and quarters.
CREATE OR REPLACE FUNCTION mart.waarden(ind text[], per text[])
RETURNS TABLE (indicator_code text, gebied_code text, periode_code text, waarde numeric,
               teller numeric, noemer numeric, status text, bron text, geaggregeerd boolean,
               leden_geleverd integer, leden_totaal integer, bijgewerkt_op timestamptz,
               kwartalen_geleverd integer, kwartalen_totaal integer)
LANGUAGE sql STABLE
AS $$
	WITH deel AS MATERIALIZED (
		-- the half years and years asked for, each with its quarters
		SELECT p.periode_code COLLATE "C" AS periode, k.periode_code COLLATE "C" AS kwartaal,
		       k.eind_date = p.eind_date AS laatste,
		       count(*) OVER (PARTITION BY p.periode_code)::integer AS n
		  FROM ref.perioden p
		  JOIN ref.perioden k ON k.soort = 'kwartaal' AND k.begin_date >= p.begin_date
		   AND k.eind_date <= p.eind_date
		 WHERE p.soort IN ('halfjaar', 'jaar') AND (per IS NULL OR p.periode_code = ANY (per))
	), direct AS MATERIALIZED (
		SELECT w.* FROM mart.waarden_direct(ind, per) w
	), kwartaal AS (
		-- the quarters the derivation reads: those asked for as computed
		-- now; the others of their half years and years as the mart holds
		-- them (a refresh for some periods recomputes those and the
		-- periods that compare with them, so the rest is current): a
		-- quarter's load does not aggregate three years of quarters again
		SELECT w.indicator_code, w.gebied_code, w.periode_code, w.waarde, w.teller, w.noemer, w.status,
		       w.bron, w.bijgewerkt_op
		  FROM direct w
		UNION ALL
		SELECT s.indicator_code, s.gebied_code, s.periode_code, s.waarde, s.teller, s.noemer, s.status,
		       s.bron, s.bijgewerkt_op
		  FROM mart.sectormonitor s
		 WHERE per IS NOT NULL AND (ind IS NULL OR s.indicator_code = ANY (ind))
		   AND s.periode_code IN (SELECT d.kwartaal FROM deel d) AND NOT (s.periode_code = ANY (per))
	), afgeleid AS (
		SELECT w.indicator_code, w.gebied_code, d.periode, max(d.n) AS n, count(w.waarde)::integer AS k,
		       sum(w.waarde) AS som, sum(w.teller) AS teller, sum(w.noemer) AS noemer,
		       sum(w.waarde * w.noemer) AS gewogen, count(w.noemer)::integer AS met_noemer,
		       max(w.waarde) FILTER (WHERE d.laatste) AS laatste,
		       max(w.teller) FILTER (WHERE d.laatste) AS laatste_teller,
		       max(w.noemer) FILTER (WHERE d.laatste) AS laatste_noemer,
		       min(array_position(ARRAY['voorlopig', 'nader_voorlopig', 'definitief'], w.status)) AS zekerheid,
		       max(w.bijgewerkt_op) AS bijgewerkt,
		       -- the quarters' source, when they share one (a demo series says so)
		       CASE WHEN min(w.bron) = max(w.bron) THEN min(w.bron) END AS bron
		  FROM kwartaal w
		  JOIN deel d ON d.kwartaal = w.periode_code COLLATE "C"
		 GROUP BY 1, 2, 3
	), regel AS (
		SELECT a.*, i.tijdregel, i.eenheid,
		       CASE i.tijdregel WHEN 'stand' THEN a.laatste IS NOT NULL
		                        WHEN 'stroom' THEN a.k = a.n
		                        ELSE a.k = a.n AND a.met_noemer = a.n END AS volledig
		  FROM afgeleid a
		  JOIN monitoring.indicatoren i ON i.indicator_code = a.indicator_code
		 WHERE i.tijdregel <> 'geen'
		   -- a value for the period itself wins
		   AND NOT EXISTS (SELECT 1 FROM direct x
		                    WHERE x.indicator_code = a.indicator_code AND x.gebied_code = a.gebied_code
		                      AND x.periode_code = a.periode)
	)
	SELECT w.indicator_code, w.gebied_code, w.periode_code, w.waarde, w.teller, w.noemer, w.status, w.bron,
	       w.geaggregeerd, w.leden_geleverd, w.leden_totaal, w.bijgewerkt_op, NULL::integer, NULL::integer
	  FROM direct w
	 WHERE per IS NULL OR w.periode_code = ANY (per)
	UNION ALL
	SELECT r.indicator_code, r.gebied_code, r.periode,
	       -- a stand keeps its last quarter's teller and noemer (disclosure
	       -- control reads the noemer); a mean of percentages is in percent
	       -- already, so it is divided here, not by mart.ratio
	       CASE WHEN r.volledig THEN CASE r.tijdregel WHEN 'stroom' THEN r.som WHEN 'stand' THEN r.laatste
	                                  WHEN 'ratio' THEN mart.ratio(r.eenheid, r.teller, r.noemer)
	                                  ELSE round(r.gewogen / r.noemer, 2) END END,
	       CASE WHEN r.volledig THEN CASE r.tijdregel WHEN 'ratio' THEN r.teller WHEN 'stand' THEN r.laatste_teller
	                                  WHEN 'gemiddelde' THEN CASE WHEN r.eenheid = 'percentage'
	                                                              THEN r.gewogen * 0.01 ELSE r.gewogen END END END,
	       CASE WHEN r.volledig THEN CASE r.tijdregel WHEN 'stand' THEN r.laatste_noemer
	                                  WHEN 'ratio' THEN r.noemer WHEN 'gemiddelde' THEN r.noemer END END,
	       (ARRAY['voorlopig', 'nader_voorlopig', 'definitief'])[r.zekerheid],
	       concat_ws('; ', r.bron,
	           CASE WHEN r.volledig THEN format('afgeleid uit %s van %s kwartalen (%s)', r.k, r.n, r.tijdregel)
	                ELSE format('onvolledig: %s van %s kwartalen', r.k, r.n) END),
	       false, NULL::integer, NULL::integer, r.bijgewerkt, r.k, r.n
	  FROM regel r
$$;
COMMENT ON FUNCTION mart.waarden(text[], text[]) IS 'De waarde per indicator, gebied en periode: geleverd, opgeteld uit de gemeenten, of voor een halfjaar of jaar afgeleid uit de kwartalen volgens de tijdregel (onvolledig: zonder waarde).';

-- Sector monitor -------------------------------------------------------------------

-- The sector monitor's rows for the given indicators × periods (NULL: all),
-- with their published values under the current threshold. The previous
-- period, a year earlier and the national value are looked up by key (hash
-- joins); rank and percentile are a window over the gebieden of one soort.
-- Measured at national scale and not faster: the two period lookups as
-- window frames over a period ordinal (one sort instead of two hash
-- joins), and the ranks computed before the lookups, on narrower rows.
CREATE OR REPLACE FUNCTION mart.sectormonitor_berekenen(ind text[], per text[])
RETURNS SETOF mart.sectormonitor
LANGUAGE sql STABLE
AS $$
	WITH v AS MATERIALIZED (
		-- the values of the periods asked for and of those they compare with
		-- (an argument without a subquery, so that mart.waarden is
		-- inlined and planned for these indicators and periods)
		SELECT w.* FROM mart.waarden(ind, ref.met_vergelijkingsperioden(per)) w
	), c AS (
		SELECT v.*, q.jaar,
		       ref.vorige_periode(v.periode_code) AS vorige_periode, vp.waarde AS vorige_waarde,
		       vp.noemer AS vorige_noemer,
		       ref.jaar_eerder(v.periode_code) AS jaar_eerder_periode, je.waarde AS jaar_eerder_waarde,
		       je.noemer AS jaar_eerder_noemer,
		       nl.waarde AS nationale_waarde, nl.noemer AS nationale_noemer
		  FROM v
		  JOIN ref.perioden q ON q.periode_code = v.periode_code
		  LEFT JOIN v vp ON vp.indicator_code = v.indicator_code AND vp.gebied_code = v.gebied_code
		   AND vp.periode_code = ref.vorige_periode(v.periode_code) COLLATE "C"
		  LEFT JOIN v je ON je.indicator_code = v.indicator_code AND je.gebied_code = v.gebied_code
		   AND je.periode_code = ref.jaar_eerder(v.periode_code) COLLATE "C"
		  LEFT JOIN v nl ON nl.indicator_code = v.indicator_code AND nl.periode_code = v.periode_code
		   AND nl.gebied_code = 'NL'
		 WHERE per IS NULL OR v.periode_code = ANY (per)
	)
	SELECT c.indicator_code, c.periode_code, c.gebied_code, g.soort, c.waarde, c.teller, c.noemer,
	       c.status, c.bron, c.geaggregeerd, c.leden_geleverd, c.leden_totaal,
	       c.vorige_periode, c.vorige_waarde, c.vorige_noemer,
	       c.jaar_eerder_periode, c.jaar_eerder_waarde, c.jaar_eerder_noemer,
	       CASE WHEN t.doel THEN (SELECT s.waarde FROM monitoring.streefwaarden s
	         WHERE s.indicator_code = c.indicator_code AND s.gebied_code = c.gebied_code
	           AND s.soort = 'nulmeting' AND s.jaar <= c.jaar ORDER BY s.jaar DESC LIMIT 1) END,
	       -- what the next target aims at: its value, or for a relative one its
	       -- baseline changed by it (V030)
	       CASE WHEN t.doel THEN (SELECT monitoring.doelwaarde(s) FROM monitoring.streefwaarden s
	         WHERE s.indicator_code = c.indicator_code AND s.gebied_code = c.gebied_code
	           AND s.soort = 'streefwaarde' AND s.jaar >= c.jaar ORDER BY s.jaar LIMIT 1) END,
	       CASE WHEN t.doel THEN (SELECT s.jaar FROM monitoring.streefwaarden s
	         WHERE s.indicator_code = c.indicator_code AND s.gebied_code = c.gebied_code
	           AND s.soort = 'streefwaarde' AND s.jaar >= c.jaar ORDER BY s.jaar LIMIT 1) END,
	       c.nationale_waarde, c.nationale_noemer,
	       CASE WHEN c.waarde IS NOT NULL THEN rank() OVER w END,
	       count(c.waarde) OVER (PARTITION BY c.indicator_code, c.periode_code, g.soort COLLATE "C")::integer,
	       CASE WHEN c.waarde IS NOT NULL THEN round(100 * (1 - percent_rank() OVER w)::numeric, 1) END,
	       c.bijgewerkt_op,
	       monitoring.onthulde_waarde(i.eenheid, c.waarde, c.noemer, d.drempel),
	       monitoring.onthulling(i.eenheid, c.waarde, c.noemer, d.drempel),
	       monitoring.onthulde_waarde(i.eenheid, c.vorige_waarde, c.vorige_noemer, d.drempel),
	       monitoring.onthulde_waarde(i.eenheid, c.jaar_eerder_waarde, c.jaar_eerder_noemer, d.drempel),
	       monitoring.onthulde_waarde(i.eenheid, c.nationale_waarde, c.nationale_noemer, d.drempel),
	       CASE WHEN t.doel THEN (SELECT s.vorm FROM monitoring.streefwaarden s
	         WHERE s.indicator_code = c.indicator_code AND s.gebied_code = c.gebied_code
	           AND s.soort = 'streefwaarde' AND s.jaar >= c.jaar ORDER BY s.jaar LIMIT 1) END,
	       c.kwartalen_geleverd, c.kwartalen_totaal
	  FROM c
	  JOIN ref.gebieden g ON g.gebied_code = c.gebied_code
	  JOIN monitoring.indicatoren i ON i.indicator_code = c.indicator_code
	 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d
	  -- only the few areas with a baseline or target look them up
	  LEFT JOIN (SELECT DISTINCT s.indicator_code, s.gebied_code, true AS doel
	               FROM monitoring.streefwaarden s) t
	    ON t.indicator_code = c.indicator_code AND t.gebied_code = c.gebied_code
	-- areas without a value (an incomplete derived period) are ranked apart
WINDOW w AS (PARTITION BY c.indicator_code, c.periode_code, g.soort COLLATE "C", c.waarde IS NULL
	             ORDER BY CASE WHEN i.richting = 'lager_beter' THEN c.waarde END ASC, c.waarde DESC)
$$;
COMMENT ON FUNCTION mart.sectormonitor_berekenen(text[], text[]) IS 'De rijen van de sectorbrede monitor voor de gegeven indicatoren en perioden (leeg: alle), met hun gepubliceerde waarden.';

-- Waits for, then holds until the end of the transaction, the right to
-- write the sector monitor's rows of the given indicators (NULL: all), in
-- the order of their codes, so that two writers never wait for each other
-- crosswise.
CREATE OR REPLACE FUNCTION mart.sectormonitor_vergrendelen(ind text[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k text;
BEGIN
	FOR k IN SELECT i.indicator_code FROM monitoring.indicatoren i
	          WHERE ind IS NULL OR i.indicator_code = ANY (ind) ORDER BY 1 LOOP
		PERFORM pg_advisory_xact_lock(hashtext('mart.sectormonitor'), hashtext(k));
	END LOOP;
END
$$;
COMMENT ON FUNCTION mart.sectormonitor_vergrendelen(text[]) IS 'Wacht op en houdt tot het einde van de transactie het schrijfrecht op de rijen van de sectorbrede monitor van de gegeven indicatoren (leeg: alle).';

-- Recomputes the rows of the given indicators × periods (NULL: all) and of
-- the periods that compare with them, and writes only what differs: rows
-- that are gone, rows whose values changed, new rows. What differs is
-- found in one full join of the stored and the computed rows; the stored
-- rows are then written by their place (ctid), which cannot move while
-- this function holds the indicators' lock and nobody else writes the
-- mart. At national scale with nothing changed the comparison takes 2.0 s,
-- where an anti-join, a join and another anti-join took 3.4. Returns how
-- many rows it wrote.
CREATE OR REPLACE FUNCTION mart.sectormonitor_verversen(ind text[] DEFAULT NULL, per text[] DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET work_mem = '128MB' SET enable_nestloop = off SET enable_mergejoin = off SET enable_sort = off
    SET jit = off SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
	n integer;
BEGIN
	PERFORM mart.sectormonitor_vergrendelen(ind);
	IF per IS NOT NULL THEN
		-- a quarter's half year and year are derived from it (mart.waarden)
		per := per || ARRAY(SELECT p.periode_code FROM ref.perioden p
		                      JOIN ref.perioden k ON k.periode_code = ANY (per) AND k.soort = 'kwartaal'
		                       AND k.begin_date >= p.begin_date AND k.eind_date <= p.eind_date
		                     WHERE p.soort IN ('halfjaar', 'jaar'));
		SELECT array_agg(q.periode_code) INTO per FROM ref.perioden q
		 WHERE q.periode_code = ANY (per) OR ref.vorige_periode(q.periode_code) = ANY (per)
		    OR ref.jaar_eerder(q.periode_code) = ANY (per);
	END IF;
	WITH nieuw AS MATERIALIZED (
		SELECT * FROM mart.sectormonitor_berekenen(ind, per)
	), oud AS (
		SELECT s.ctid AS plek, s.indicator_code, s.periode_code, s.gebied_code, s AS rij
		  FROM mart.sectormonitor s
		 WHERE (ind IS NULL OR s.indicator_code = ANY (ind)) AND (per IS NULL OR s.periode_code = ANY (per))
	), verschil AS MATERIALIZED (
		-- one pass over the stored and the computed rows: what differs,
		-- where the stored row is (none: a new row) and the computed
		-- row's key (none: a row that is gone)
		SELECT o.plek, x.indicator_code, x.periode_code, x.gebied_code
		  FROM nieuw x
		  FULL JOIN oud o ON o.indicator_code = x.indicator_code AND o.periode_code = x.periode_code
		   AND o.gebied_code = x.gebied_code
		 WHERE o.rij IS DISTINCT FROM x
	), weg AS (
		DELETE FROM mart.sectormonitor s
		 WHERE s.ctid = ANY (ARRAY(SELECT v.plek FROM verschil v WHERE v.indicator_code IS NULL))
		RETURNING 1
	), anders AS (
		UPDATE mart.sectormonitor s
		   SET (gebied_soort, waarde, teller, noemer, status, bron, geaggregeerd, leden_geleverd, leden_totaal,
		        vorige_periode, vorige_waarde, vorige_noemer, jaar_eerder_periode, jaar_eerder_waarde,
		        jaar_eerder_noemer, nulmeting, streefwaarde, streefjaar, nationale_waarde, nationale_noemer,
		        rang, vergelijkbaar, percentiel, bijgewerkt_op, openbare_waarde, geheimhouding,
		        openbare_vorige_waarde, openbare_jaar_eerder_waarde, openbare_nationale_waarde, streefvorm,
		        kwartalen_geleverd, kwartalen_totaal)
		     = (x.gebied_soort, x.waarde, x.teller, x.noemer, x.status, x.bron, x.geaggregeerd, x.leden_geleverd,
		        x.leden_totaal, x.vorige_periode, x.vorige_waarde, x.vorige_noemer, x.jaar_eerder_periode,
		        x.jaar_eerder_waarde, x.jaar_eerder_noemer, x.nulmeting, x.streefwaarde, x.streefjaar,
		        x.nationale_waarde, x.nationale_noemer, x.rang, x.vergelijkbaar, x.percentiel, x.bijgewerkt_op,
		        x.openbare_waarde, x.geheimhouding, x.openbare_vorige_waarde, x.openbare_jaar_eerder_waarde,
		        x.openbare_nationale_waarde, x.streefvorm, x.kwartalen_geleverd, x.kwartalen_totaal)
		  FROM nieuw x
		 WHERE s.ctid = ANY (ARRAY(SELECT v.plek FROM verschil v
		                            WHERE v.plek IS NOT NULL AND v.indicator_code IS NOT NULL))
		   AND x.indicator_code = s.indicator_code AND x.periode_code = s.periode_code
		   AND x.gebied_code = s.gebied_code
		RETURNING 1
	), erbij AS (
		INSERT INTO mart.sectormonitor
		SELECT x.* FROM nieuw x
		 WHERE (x.indicator_code, x.periode_code, x.gebied_code) IN (
		       SELECT v.indicator_code, v.periode_code, v.gebied_code FROM verschil v WHERE v.plek IS NULL)
		RETURNING 1
	)
	SELECT (SELECT count(*) FROM weg) + (SELECT count(*) FROM anders) + (SELECT count(*) FROM erbij) INTO n;
	RETURN n;
END
$$;
COMMENT ON FUNCTION mart.sectormonitor_verversen(text[], text[]) IS 'Berekent de sectorbrede monitor opnieuw voor de gegeven indicatoren en perioden (leeg: alles), plus de perioden die ermee vergelijken, en schrijft alleen wat verschilt; geeft het aantal geschreven rijen.';

-- Publishes the stored rows again under the current disclosure threshold.
-- Only the published columns depend on it, so they are computed from the
-- stored raw values (the same functions as in sectormonitor_berekenen) and
-- only the rows whose publication changes are written: at national scale
-- 1-2 s where a full recomputation takes 15-20. Per indicator by its key
-- and each changed row by its key (no hash over the whole mart for a few
-- thousand changed rows). Returns how many rows it wrote.
CREATE OR REPLACE FUNCTION mart.sectormonitor_onthullen() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off
AS $$
DECLARE
	n integer;
BEGIN
	PERFORM mart.sectormonitor_vergrendelen(NULL);
	WITH x AS MATERIALIZED (
		SELECT y.* FROM (
			SELECT s.indicator_code, s.periode_code, s.gebied_code,
			       ROW(s.openbare_waarde, s.geheimhouding, s.openbare_vorige_waarde,
			           s.openbare_jaar_eerder_waarde, s.openbare_nationale_waarde) AS oud,
			       monitoring.onthulde_waarde(i.eenheid, s.waarde, s.noemer, d.drempel) AS openbare_waarde,
			       monitoring.onthulling(i.eenheid, s.waarde, s.noemer, d.drempel) AS geheimhouding,
			       monitoring.onthulde_waarde(i.eenheid, s.vorige_waarde, s.vorige_noemer, d.drempel)
			           AS openbare_vorige_waarde,
			       monitoring.onthulde_waarde(i.eenheid, s.jaar_eerder_waarde, s.jaar_eerder_noemer, d.drempel)
			           AS openbare_jaar_eerder_waarde,
			       monitoring.onthulde_waarde(i.eenheid, s.nationale_waarde, s.nationale_noemer, d.drempel)
			           AS openbare_nationale_waarde
			  FROM monitoring.indicatoren i
			 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d
			  JOIN mart.sectormonitor s ON s.indicator_code = i.indicator_code) y
		 WHERE y.oud IS DISTINCT FROM ROW(y.openbare_waarde, y.geheimhouding, y.openbare_vorige_waarde,
		                                  y.openbare_jaar_eerder_waarde, y.openbare_nationale_waarde)
	)
	UPDATE mart.sectormonitor s
	   SET (openbare_waarde, geheimhouding, openbare_vorige_waarde, openbare_jaar_eerder_waarde,
	        openbare_nationale_waarde)
	     = (x.openbare_waarde, x.geheimhouding, x.openbare_vorige_waarde, x.openbare_jaar_eerder_waarde,
	        x.openbare_nationale_waarde)
	  FROM x
	 WHERE s.indicator_code = x.indicator_code AND s.periode_code = x.periode_code
	   AND s.gebied_code = x.gebied_code;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;
COMMENT ON FUNCTION mart.sectormonitor_onthullen() IS 'Past de huidige onthullingsdrempel opnieuw toe op de opgeslagen rijen van de sectorbrede monitor en schrijft alleen de rijen waarvan de publicatie verandert; geeft het aantal geschreven rijen.';

-- Transition monitor --------------------------------------------------------------------

-- The transition monitor's rows for the given parts (NULL: all), for every
-- half year of the programme, 2021-H2 up to the end state in 2030: the
-- registers plan ahead (milestones, budget), and a row exists before its
-- figures do. Effects: the effect indicators' gemeente values aggregated by
-- the indicator's rule over the gemeenten in a proeftuin at the end of the
-- half year and over the others; level, trend (against the previous half
-- year) and the difference. The register parts count the register as it
-- is now; actions by their start and end, milestones by their planned date.
CREATE OR REPLACE FUNCTION mart.transitiemonitor_berekenen(onderdelen text[])
RETURNS SETOF mart.transitiemonitor
LANGUAGE sql STABLE
AS $$
	WITH h AS MATERIALIZED (
		SELECT q.periode_code, q.jaar, q.begin_date, q.eind_date FROM ref.perioden q
		 WHERE q.soort = 'halfjaar' AND q.periode_code BETWEEN '2021-H2' AND '2030-H2'
	), gm AS MATERIALIZED (
		-- every gemeente at the end of each half year, in a proeftuin or not,
		-- working on the basisbouwstenen or not
		SELECT h.periode_code, l.gemeente_code, bool_or(l.gebied_code LIKE 'PT%') AS in_proeftuin,
		       EXISTS (SELECT 1 FROM register.basisbouwstenen b
		                WHERE b.gemeente_code = l.gemeente_code
		                  AND daterange(b.geldig_van, b.geldig_tot) @> h.eind_date) AS bouwstenen
		  FROM h
		 CROSS JOIN LATERAL mart.leden_op(h.eind_date) l
		 WHERE (l.gebied_code = 'NL' OR l.gebied_code LIKE 'PT%')
		   AND (onderdelen IS NULL OR onderdelen && ARRAY['effecten', 'spreiding'])
		 GROUP BY h.periode_code, h.eind_date, l.gemeente_code
		HAVING bool_or(l.gebied_code = 'NL')
	), ei AS (
		SELECT i.indicator_code, i.eenheid, i.aggregatie FROM monitoring.indicatoren i
		 WHERE i.thema LIKE 'effect\_%' AND i.aggregatie <> 'niet_aggregeerbaar'
	), ew AS (
		SELECT w.indicator_code, w.gebied_code, w.periode_code, w.waarde, w.noemer, w.teller
		  FROM mart.actueel w
		 WHERE w.indicator_code IN (SELECT ei.indicator_code FROM ei)
		   AND w.periode_code IN (SELECT h.periode_code FROM h) AND w.gebied_code LIKE 'GM%'
		   AND (onderdelen IS NULL OR 'effecten' = ANY (onderdelen))
	), eg AS MATERIALIZED (
		SELECT ei.indicator_code, ei.eenheid, gm.periode_code,
		       CASE WHEN gm.in_proeftuin THEN 'proeftuinen' ELSE 'overig' END AS groep,
		       CASE WHEN ei.aggregatie = 'som' THEN sum(ew.waarde)
		            ELSE mart.ratio(ei.eenheid, sum(ew.teller), sum(ew.noemer)) END AS waarde,
		       CASE WHEN ei.aggregatie = 'ratio' THEN sum(ew.noemer) END AS noemer
		  FROM ew
		  JOIN ei ON ei.indicator_code = ew.indicator_code
		  JOIN gm ON gm.gemeente_code = ew.gebied_code AND gm.periode_code = ew.periode_code
		 WHERE ei.aggregatie = 'som' OR ew.noemer IS NOT NULL
		 GROUP BY ei.indicator_code, ei.eenheid, ei.aggregatie, gm.periode_code, gm.in_proeftuin
	), ac AS (
		SELECT h.periode_code, x.resultaat_nummer AS nr, a.niveau, a.soort, count(*) AS n
		  FROM h
		  JOIN register.acties a ON coalesce(a.start_date, '-infinity') <= h.eind_date
		   AND coalesce(a.eind_date, 'infinity') >= h.begin_date
		   AND (a.status <> 'gestopt' OR a.eind_date IS NOT NULL)
		  LEFT JOIN register.actie_resultaten x ON x.actie_id = a.actie_id
		 WHERE onderdelen IS NULL OR 'acties' = ANY (onderdelen)
		 GROUP BY 1, 2, 3, 4
	), ko AS (
		SELECT x.resultaat_nummer AS nr, k.horizon, count(*) AS n
		  FROM register.kennisopdrachten k JOIN register.kennisopdracht_resultaten x USING (kennisopdracht_id)
		 GROUP BY ROLLUP (1, 2)
	)
	-- effects: level and trend per group, and proeftuinen minus the others
	SELECT e.periode_code, format('effecten/%s/%s/%s', e.indicator_code, e.groep, m.maat), 'effecten',
	       e.indicator_code, NULL::integer, NULL, NULL::integer, NULL, e.groep, m.maat, e.eenheid,
	       e.waarde, e.noemer,
	       CASE WHEN m.maat = 'trend' THEN p.waarde END, CASE WHEN m.maat = 'trend' THEN p.noemer END, true
	  FROM eg e
	 CROSS JOIN (VALUES ('niveau'), ('trend')) AS m(maat)
	  LEFT JOIN eg p ON p.indicator_code = e.indicator_code AND p.groep = e.groep
	   AND p.periode_code = ref.vorige_periode(e.periode_code)
	UNION ALL
	SELECT a.periode_code, format('effecten/%s/verschil', a.indicator_code), 'effecten',
	       a.indicator_code, NULL, NULL, NULL, NULL, NULL, 'verschil', a.eenheid,
	       a.waarde, a.noemer, b.waarde, b.noemer, true
	  FROM eg a JOIN eg b ON b.indicator_code = a.indicator_code AND b.periode_code = a.periode_code
	   AND a.groep = 'proeftuinen' AND b.groep = 'overig'
	UNION ALL
	-- actions active in the half year per result (or none), level and kind
	SELECT h.periode_code, format('acties/%s/%s/%s', coalesce(r.nr::text, 'zonder'), n.niveau, s.soort),
	       'acties', NULL, r.nr, n.niveau, NULL, NULL, s.soort, 'aantal', 'aantal', coalesce(ac.n, 0),
	       NULL, NULL, NULL, false
	  FROM h
	 CROSS JOIN (SELECT g.resultaat_nummer AS nr FROM register.gewenste_resultaten g UNION ALL SELECT NULL) r
	 CROSS JOIN (VALUES ('governance'), ('organisaties'), ('professionals')) AS n(niveau)
	 CROSS JOIN (VALUES ('transitiebevorderend'), ('transitiebelemmerend'), ('dialoogvraag')) AS s(soort)
	  LEFT JOIN ac ON ac.periode_code = h.periode_code AND ac.nr IS NOT DISTINCT FROM r.nr
	   AND ac.niveau = n.niveau AND ac.soort = s.soort
	 WHERE onderdelen IS NULL OR 'acties' = ANY (onderdelen)
	UNION ALL
	-- milestones planned in the half year: met on time, met late, open, dropped
	SELECT h.periode_code, format('mijlpalen/%s/%s', m.nr, m.maat), 'mijlpalen', NULL, NULL, NULL, NULL,
	       NULL, NULL, m.maat, 'aantal',
	       (SELECT count(*) FROM register.mijlpalen p
	         WHERE p.gepland_date BETWEEN h.begin_date AND h.eind_date
	           AND CASE m.maat
	               WHEN 'gepland' THEN p.status <> 'vervallen'
	               WHEN 'op_tijd' THEN p.gerealiseerd_date <= p.gepland_date
	               WHEN 'te_laat' THEN p.gerealiseerd_date > p.gepland_date
	               WHEN 'open' THEN p.gerealiseerd_date IS NULL AND p.status <> 'vervallen'
	               ELSE p.status = 'vervallen' END),
	       NULL, NULL, NULL, false
	  FROM h
	 CROSS JOIN (VALUES (1, 'gepland'), (2, 'op_tijd'), (3, 'te_laat'), (4, 'open'), (5, 'vervallen')) AS m(nr, maat)
	 WHERE onderdelen IS NULL OR 'mijlpalen' = ANY (onderdelen)
	UNION ALL
	-- knowledge assignments per result and horizon; a blind spot is a
	-- result without any
	SELECT h.periode_code, format('kennisopdrachten/%s/%s', r.resultaat_nummer, coalesce(z.horizon::text, 'blinde_vlek')),
	       'kennisopdrachten', NULL, r.resultaat_nummer, NULL, z.horizon, NULL, NULL,
	       CASE WHEN z.horizon IS NULL THEN 'blinde_vlek' ELSE 'aantal' END, 'aantal',
	       CASE WHEN z.horizon IS NULL THEN (coalesce(k.n, 0) = 0)::integer ELSE coalesce(k.n, 0) END,
	       NULL, NULL, NULL, false
	  FROM h
	 CROSS JOIN register.gewenste_resultaten r
	 CROSS JOIN (VALUES (1), (2), (3), (NULL)) AS z(horizon)
	  LEFT JOIN ko k ON k.nr = r.resultaat_nummer AND k.horizon IS NOT DISTINCT FROM z.horizon
	 WHERE onderdelen IS NULL OR 'kennisopdrachten' = ANY (onderdelen)
	UNION ALL
	-- geographic spread: gemeenten in a proeftuin, on the basisbouwstenen,
	-- either, and all; as a number and as a share of all gemeenten
	SELECT s.periode_code, format('spreiding/%s/%s', s.nr, m.maat), 'spreiding', NULL, NULL, NULL, NULL,
	       NULL, s.groep, m.maat, CASE m.maat WHEN 'aandeel' THEN 'percentage' ELSE 'aantal' END,
	       CASE m.maat WHEN 'aandeel' THEN round(100.0 * s.n / nullif(s.alle, 0), 1) ELSE s.n END,
	       NULL, NULL, NULL, false
	  FROM (SELECT gm.periode_code, x.nr, x.groep, count(*) FILTER (WHERE CASE x.groep
	               WHEN 'proeftuinen' THEN gm.in_proeftuin WHEN 'basisbouwstenen' THEN gm.bouwstenen
	               WHEN 'proeftuin_of_basisbouwstenen' THEN gm.in_proeftuin OR gm.bouwstenen
	               ELSE true END) AS n, count(*) AS alle
	          FROM gm
	         CROSS JOIN (VALUES (1, 'proeftuinen'), (2, 'basisbouwstenen'),
	                            (3, 'proeftuin_of_basisbouwstenen'), (4, 'alle')) AS x(nr, groep)
	         GROUP BY 1, 2, 3) s
	 CROSS JOIN (VALUES ('gemeenten'), ('aandeel')) AS m(maat)
	 WHERE (onderdelen IS NULL OR 'spreiding' = ANY (onderdelen)) AND NOT (s.groep = 'alle' AND m.maat = 'aandeel')
	UNION ALL
	-- budget of the half year's year per post: budgeted, realised, share realised
	SELECT h.periode_code, format('begroting/%s/%s', b.post, m.nr), 'begroting', NULL, NULL, NULL, NULL,
	       b.post, NULL, m.maat, CASE m.maat WHEN 'realisatie' THEN 'percentage' ELSE 'euro' END,
	       CASE m.maat WHEN 'begroot' THEN b.begroot_euro WHEN 'gerealiseerd' THEN b.gerealiseerd_euro
	            ELSE round(100 * b.gerealiseerd_euro / nullif(b.begroot_euro, 0), 1) END,
	       NULL, NULL, NULL, false
	  FROM h
	  JOIN register.begrotingsregels b ON b.jaar = h.jaar
	 CROSS JOIN (VALUES (1, 'begroot'), (2, 'gerealiseerd'), (3, 'realisatie')) AS m(nr, maat)
	 WHERE onderdelen IS NULL OR 'begroting' = ANY (onderdelen)
$$;
COMMENT ON FUNCTION mart.transitiemonitor_berekenen(text[]) IS 'De rijen van de transitiemonitor voor de gegeven onderdelen (leeg: alle), per halfjaar van 2021-H2 tot en met 2030-H2.';

-- Recomputes the given parts (NULL: all); returns the number of rows written.
CREATE OR REPLACE FUNCTION mart.transitiemonitor_verversen(onderdelen text[] DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET work_mem = '128MB' SET enable_nestloop = off SET enable_mergejoin = off SET enable_sort = off
    SET jit = off
AS $$
DECLARE
	n integer;
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('mart.transitiemonitor'));
	DELETE FROM mart.transitiemonitor t WHERE onderdelen IS NULL OR t.onderdeel = ANY (onderdelen);
	INSERT INTO mart.transitiemonitor SELECT * FROM mart.transitiemonitor_berekenen(onderdelen);
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;
COMMENT ON FUNCTION mart.transitiemonitor_verversen(text[]) IS 'Berekent onderdelen van de transitiemonitor opnieuw (leeg: alles).';

-- Triggers ---------------------------------------------------------------------------

-- New observations: first the current values (mart.actueel), which the
-- rest reads; then their indicators × periods, and the effects when an
-- effect indicator got a gemeente's half-year figure. A new revision
-- replaces the current one only if it is later: revisions of one figure
-- are numbered one after the other (monitoring.prepare_waarneming), and
-- two writers of the same number collide on waarnemingen_one_revision
-- before they get here.
CREATE OR REPLACE FUNCTION mart.na_waarnemingen() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ind text[];
	per text[];
BEGIN
	SELECT array_agg(DISTINCT n.indicator_code), array_agg(DISTINCT n.periode_code) INTO ind, per FROM nieuw n;
	IF ind IS NULL THEN
		RETURN NULL;
	END IF;
	INSERT INTO mart.actueel AS a (indicator_code, gebied_code, periode_code, revisie, waarde, teller, noemer,
	                               status, bron, recorded_at)
	SELECT DISTINCT ON (n.indicator_code, n.gebied_code, n.periode_code)
	       n.indicator_code, n.gebied_code, n.periode_code, n.revisie, n.waarde, n.teller, n.noemer, n.status,
	       n.bron, n.recorded_at
	  FROM nieuw n
	 ORDER BY n.indicator_code, n.gebied_code, n.periode_code, n.revisie DESC
	    ON CONFLICT (indicator_code, gebied_code, periode_code) DO UPDATE
	   SET (revisie, waarde, teller, noemer, status, bron, recorded_at)
	     = (excluded.revisie, excluded.waarde, excluded.teller, excluded.noemer, excluded.status, excluded.bron,
	        excluded.recorded_at)
	 WHERE a.revisie < excluded.revisie;
	PERFORM mart.sectormonitor_verversen(ind, per);
	IF EXISTS (SELECT 1 FROM nieuw n JOIN monitoring.indicatoren i USING (indicator_code)
	            WHERE i.thema LIKE 'effect\_%' AND n.gebied_code LIKE 'GM%' AND n.periode_code LIKE '%-H_') THEN
		PERFORM mart.transitiemonitor_verversen(ARRAY['effecten']);
	END IF;
	RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER waarnemingen_mart AFTER INSERT ON monitoring.waarnemingen
    REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION mart.na_waarnemingen();

-- Changed targets or catalogue entries: the rows of those indicators (a
-- rule, direction or theme may have changed).
CREATE OR REPLACE FUNCTION mart.na_indicatorwijziging() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ind text[];
BEGIN
	IF TG_OP = 'DELETE' THEN
		SELECT array_agg(DISTINCT o.indicator_code) INTO ind FROM oud o;
	ELSIF TG_OP = 'UPDATE' THEN
		SELECT array_agg(DISTINCT x.indicator_code) INTO ind
		  FROM (SELECT o.indicator_code FROM oud o UNION SELECT n.indicator_code FROM nieuw n) x;
	ELSE
		SELECT array_agg(DISTINCT n.indicator_code) INTO ind FROM nieuw n;
	END IF;
	IF ind IS NOT NULL THEN
		PERFORM mart.sectormonitor_verversen(ind);
		IF TG_TABLE_NAME = 'indicatoren' THEN
			PERFORM mart.transitiemonitor_verversen(ARRAY['effecten']);
		END IF;
	END IF;
	RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER streefwaarden_mart_insert AFTER INSERT ON monitoring.streefwaarden
    REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION mart.na_indicatorwijziging();
CREATE OR REPLACE TRIGGER streefwaarden_mart_update AFTER UPDATE ON monitoring.streefwaarden
    REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION mart.na_indicatorwijziging();
CREATE OR REPLACE TRIGGER streefwaarden_mart_delete AFTER DELETE ON monitoring.streefwaarden
    REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION mart.na_indicatorwijziging();
CREATE OR REPLACE TRIGGER indicatoren_mart_update AFTER UPDATE ON monitoring.indicatoren
    REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION mart.na_indicatorwijziging();

-- Areas and their members: everything (rare: a merger, a new proeftuin).
CREATE OR REPLACE FUNCTION mart.na_gebiedswijziging() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM mart.sectormonitor_verversen();
	PERFORM mart.transitiemonitor_verversen(ARRAY['effecten', 'spreiding']);
	RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER gebied_leden_mart AFTER INSERT OR UPDATE OR DELETE ON ref.gebied_leden
    FOR EACH STATEMENT EXECUTE FUNCTION mart.na_gebiedswijziging();
CREATE OR REPLACE TRIGGER gebieden_mart AFTER UPDATE OR DELETE ON ref.gebieden
    FOR EACH STATEMENT EXECUTE FUNCTION mart.na_gebiedswijziging();

-- The disclosure threshold (monitoring.instellingen): the published
-- values of the sector monitor, which stores them, without recomputing
-- the rest. The transition monitor applies the threshold when it is read.
CREATE OR REPLACE FUNCTION mart.na_instellingen() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM mart.sectormonitor_onthullen();
	RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER instellingen_mart_insert AFTER INSERT ON monitoring.instellingen
    FOR EACH ROW WHEN (NEW.sleutel = 'onthulling_drempel') EXECUTE FUNCTION mart.na_instellingen();
CREATE OR REPLACE TRIGGER instellingen_mart_update AFTER UPDATE ON monitoring.instellingen
    FOR EACH ROW WHEN ('onthulling_drempel' IN (OLD.sleutel, NEW.sleutel)) EXECUTE FUNCTION mart.na_instellingen();
CREATE OR REPLACE TRIGGER instellingen_mart_delete AFTER DELETE ON monitoring.instellingen
    FOR EACH ROW WHEN (OLD.sleutel = 'onthulling_drempel') EXECUTE FUNCTION mart.na_instellingen();

-- A register: the part of the transition monitor it feeds (TG_ARGV).
CREATE OR REPLACE FUNCTION mart.na_registerwijziging() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM mart.transitiemonitor_verversen(TG_ARGV::text[]);
	RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER acties_mart AFTER INSERT OR UPDATE OR DELETE ON register.acties
    FOR EACH STATEMENT EXECUTE FUNCTION mart.na_registerwijziging('acties');
CREATE OR REPLACE TRIGGER actie_resultaten_mart AFTER INSERT OR UPDATE OR DELETE ON register.actie_resultaten
    FOR EACH STATEMENT EXECUTE FUNCTION mart.na_registerwijziging('acties');
CREATE OR REPLACE TRIGGER mijlpalen_mart AFTER INSERT OR UPDATE OR DELETE ON register.mijlpalen
    FOR EACH STATEMENT EXECUTE FUNCTION mart.na_registerwijziging('mijlpalen');
CREATE OR REPLACE TRIGGER kennisopdrachten_mart AFTER INSERT OR UPDATE OR DELETE ON register.kennisopdrachten
    FOR EACH STATEMENT EXECUTE FUNCTION mart.na_registerwijziging('kennisopdrachten');
CREATE OR REPLACE TRIGGER kennisopdracht_resultaten_mart AFTER INSERT OR UPDATE OR DELETE
    ON register.kennisopdracht_resultaten
    FOR EACH STATEMENT EXECUTE FUNCTION mart.na_registerwijziging('kennisopdrachten');
CREATE OR REPLACE TRIGGER begrotingsregels_mart AFTER INSERT OR UPDATE OR DELETE ON register.begrotingsregels
    FOR EACH STATEMENT EXECUTE FUNCTION mart.na_registerwijziging('begroting');
CREATE OR REPLACE TRIGGER basisbouwstenen_mart AFTER INSERT OR UPDATE OR DELETE ON register.basisbouwstenen
    FOR EACH STATEMENT EXECUTE FUNCTION mart.na_registerwijziging('spreiding');

-- Nobody but these functions computes or writes the marts.
REVOKE ALL ON FUNCTION mart.leden_op(date), mart.waarden(text[], text[]), mart.waarden_direct(text[], text[]),
    mart.sectormonitor_berekenen(text[], text[]), mart.sectormonitor_verversen(text[], text[]),
    mart.sectormonitor_vergrendelen(text[]), mart.sectormonitor_onthullen(),
    mart.transitiemonitor_berekenen(text[]), mart.transitiemonitor_verversen(text[]) FROM PUBLIC;

SELECT mart.sectormonitor_verversen();
SELECT mart.transitiemonitor_verversen();
