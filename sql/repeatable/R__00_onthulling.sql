-- R__00_onthulling: statistical disclosure control, stated once (DESIGN.md,
-- after CBS practice) and used by every published output: the API's
-- observations for controlled roles (R__03), the BI views (R__08, R__11, R__12),
-- the progress reports (R__09), the monitors (R__11), and the answers of
-- deliveries (R__04), baselines (R__05) and doelgroep estimates (R__07)
-- as the API shows them. Counts are rounded to a multiple of 5; counts,
-- and ratios whose denominator is, below the threshold are withheld; and
-- the cells that secondary suppression withholds (R__10), which the mart
-- decides at refresh time.
-- Re-runnable; the first repeatable, because the others use it.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- The threshold (monitoring.instellingen 'onthulling_drempel', default 10).
-- Runs as the owner, so that the BI login, which may not read the settings,
-- gets it too. A query joins it once, as a one-row subquery the planner
-- may not pull up ("SELECT … AS drempel OFFSET 0"): pulled up, it is called
-- for every row and keeps the two functions below from being inlined, which
-- made them cost tens of microseconds per row.
CREATE OR REPLACE FUNCTION monitoring.onthulling_drempel() RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
	SELECT coalesce((SELECT i.waarde::numeric FROM monitoring.instellingen i
	                  WHERE i.sleutel = 'onthulling_drempel'), 10)
$$;
COMMENT ON FUNCTION monitoring.onthulling_drempel() IS 'Drempel van de onthullingscontrole: kleinere aantallen en noemers worden geheimgehouden.';

-- What disclosure control does to a value: 'geheim' (withheld), 'afgerond'
-- (a count, rounded to 5) or NULL (shown as it is).
CREATE OR REPLACE FUNCTION monitoring.onthulling(eenheid text, waarde numeric, noemer numeric, drempel numeric)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN waarde IS NULL THEN NULL	-- nothing to withhold (an incomplete derived period, V032)
	WHEN (eenheid = 'aantal' AND waarde < drempel) OR noemer < drempel THEN 'geheim'
	WHEN eenheid = 'aantal' THEN 'afgerond'
	END;
COMMENT ON FUNCTION monitoring.onthulling(text, numeric, numeric, numeric) IS 'Onthullingscontrole van een waarde: geheim, afgerond of leeg (ongewijzigd).';

-- The value as it may be published.
CREATE OR REPLACE FUNCTION monitoring.onthulde_waarde(eenheid text, waarde numeric, noemer numeric, drempel numeric)
RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE monitoring.onthulling(eenheid, waarde, noemer, drempel)
	WHEN 'geheim' THEN NULL
	WHEN 'afgerond' THEN round(waarde / 5) * 5
	ELSE waarde END;
COMMENT ON FUNCTION monitoring.onthulde_waarde(text, numeric, numeric, numeric) IS 'De waarde na onthullingscontrole: leeg als ze geheim is, aantallen afgerond op 5.';

-- The cells withheld by secondary suppression (R__10, V033): withheld
-- wherever they are published, the observations included, in every
-- revision (an earlier revision with the same value would give it away).
-- Few rows: a query joins them by key. Runs as the owner: nobody else
-- reads the mart directly.
CREATE OR REPLACE FUNCTION monitoring.secundair_geheimgehouden()
RETURNS TABLE (indicator_code text, periode_code text, gebied_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
	SELECT s.indicator_code, s.periode_code, s.gebied_code FROM mart.sectormonitor s WHERE s.secundair
$$;
COMMENT ON FUNCTION monitoring.secundair_geheimgehouden() IS 'De cellen die secundair geheim worden gehouden (om een kleine cel te beschermen); overal geheim waar ze gepubliceerd worden.';

-- An estimate of the doelgroep as it may be published: the estimate is a
-- count (of children, adults, households or families), so it is rounded to
-- 5 and withheld below the threshold; its bounds are shown only with a
-- shown estimate, each controlled the same way (a bound below the
-- threshold is withheld on its own). Used by the API (R__07) and BI (R__12);
-- a body parsed once (BEGIN ATOMIC, like the RETURN bodies above), so that
-- inlining it needs no rights on the schemas it names: the BI login has
-- none.
CREATE OR REPLACE FUNCTION doelgroep.onthulde_schatting(w numeric, onder numeric, boven numeric, drempel numeric)
RETURNS TABLE (waarde numeric, ondergrens numeric, bovengrens numeric, geheimhouding text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT monitoring.onthulde_waarde('aantal', w, NULL, drempel),
	       CASE WHEN g.geheimhouding = 'afgerond' THEN monitoring.onthulde_waarde('aantal', onder, NULL, drempel) END,
	       CASE WHEN g.geheimhouding = 'afgerond' THEN monitoring.onthulde_waarde('aantal', boven, NULL, drempel) END,
	       g.geheimhouding
	  FROM (SELECT monitoring.onthulling('aantal', w, NULL, drempel) AS geheimhouding) g;
END;
COMMENT ON FUNCTION doelgroep.onthulde_schatting(numeric, numeric, numeric, numeric) IS 'Een schatting van de doelgroep na onthullingscontrole: afgerond op 5 of geheim; de grenzen alleen bij een getoonde schatting, elk ook gecontroleerd.';

-- Which figures the caller sees raw: '*' all of them (the programme and
-- researchers), a gebied code only that area's (a proeftuin its own), NULL
-- none (publiek, opdrachtgever, the BI login). A transaction that
-- publishes (a progress report) sets lakmoes.openbaar to 'aan', and then
-- nobody does. A view that reads many rows joins this once, as a one-row
-- subquery (OFFSET 0), rather than calling ruwe_cijfers per row.
CREATE OR REPLACE FUNCTION monitoring.ruw_bereik() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE
	WHEN coalesce(current_setting('lakmoes.openbaar', true), '') = 'aan' THEN NULL
	WHEN current_user IN ('programma', 'onderzoeker') THEN '*'
	WHEN current_user = 'aanleveraar' THEN nullif(api.claim('org'), '*') END;
COMMENT ON FUNCTION monitoring.ruw_bereik() IS 'Welke cijfers de aanroeper ongecontroleerd ziet: * alle, een gebiedscode die van dat gebied, leeg geen.';

-- Whether the caller sees a gebied's figures raw (gebied NULL: figures
-- about no single area, raw only for those who see everything raw).
CREATE OR REPLACE FUNCTION monitoring.ruwe_cijfers(gebied text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce(monitoring.ruw_bereik() IN ('*', gebied), false);
COMMENT ON FUNCTION monitoring.ruwe_cijfers(text) IS 'Of de aanroeper de cijfers van een gebied ongecontroleerd ziet: programma en onderzoeker, een proeftuin haar eigen gebied; niemand wanneer lakmoes.openbaar aan staat.';

GRANT EXECUTE ON FUNCTION monitoring.onthulling_drempel(), monitoring.onthulling(text, numeric, numeric, numeric),
    monitoring.secundair_geheimgehouden(),
    monitoring.onthulde_waarde(text, numeric, numeric, numeric), monitoring.ruwe_cijfers(text),
    monitoring.ruw_bereik(), doelgroep.onthulde_schatting(numeric, numeric, numeric, numeric)
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker, lakmoes_bi;
-- ruwe_cijfers reads the token's org claim; the BI login runs it too.
GRANT EXECUTE ON FUNCTION api.claim(text) TO lakmoes_bi;
