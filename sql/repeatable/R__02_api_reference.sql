-- R__api_reference: the api views behind the public reference endpoints
-- (/v1/perioden, gemeenten, regios, proeftuinen, indicatoren, resultaten,
-- actielijnen). Re-runnable. Column names are the JSON and CSV names
-- (lowerCamelCase); every view has code and naam and is security_invoker,
-- so row-level security applies to the caller's role.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

DROP VIEW IF EXISTS api.perioden, api.gemeenten, api.regios, api.proeftuinen,
    api.indicatoren, api.resultaten, api.actielijnen, bi.gemeenten, api.regiokaart, api.gemeentekaart CASCADE;
DROP VIEW IF EXISTS ref.gemeente_regios, ref.gebied_leden_vandaag CASCADE;

-- The members of the comparison areas (V033) on a date, which follow from
-- the proeftuinen's own: PTS0 every gemeente in a proeftuin, PTS1 and PTS2
-- those of the proeftuinen of that tranche, NLR0 the gemeenten of the
-- country (in the first known indeling before it existed, as
-- mart.leden_op counts regions) in none.
CREATE OR REPLACE FUNCTION ref.leden_vergelijking(op date)
RETURNS TABLE (gebied_code text, gemeente_code text)
LANGUAGE sql STABLE
AS $$
	WITH pt AS (
		SELECT l.gemeente_code, p.tranche
		  FROM ref.gebied_leden l JOIN ref.proeftuinen p ON p.proeftuin_code = l.gebied_code
		 WHERE daterange(l.geldig_van, l.geldig_tot) @> op
	)
	SELECT DISTINCT x.gebied_code, x.gemeente_code FROM (
		SELECT 'PTS0' AS gebied_code, pt.gemeente_code FROM pt
		UNION ALL
		SELECT 'PTS' || pt.tranche, pt.gemeente_code FROM pt
		UNION ALL
		SELECT 'NLR0', l.gemeente_code
		  FROM ref.gebied_leden l
		 CROSS JOIN (SELECT min(e.geldig_van) AS eerste FROM ref.gebied_leden e WHERE e.gebied_code = 'NL') k
		 WHERE l.gebied_code = 'NL' AND daterange(l.geldig_van, l.geldig_tot) @> greatest(op, k.eerste)
		   AND l.gemeente_code NOT IN (SELECT pt.gemeente_code FROM pt)) x
$$;
COMMENT ON FUNCTION ref.leden_vergelijking(date) IS 'De gemeenten van de vergelijkingsgebieden op een datum: PTS0 de proeftuinen samen, PTS1 en PTS2 per tranche, NLR0 Nederland zonder proeftuinen.';
GRANT EXECUTE ON FUNCTION ref.leden_vergelijking(date)
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker, lakmoes_bi;

-- Memberships that hold today, the comparison areas' included.
CREATE VIEW ref.gebied_leden_vandaag WITH (security_invoker = true) AS
SELECT l.gebied_code, l.gemeente_code
  FROM ref.gebied_leden l
 WHERE l.geldig_van <= current_date AND (l.geldig_tot IS NULL OR l.geldig_tot > current_date)
UNION ALL
SELECT v.gebied_code, v.gemeente_code FROM ref.leden_vergelijking(current_date) v;
COMMENT ON VIEW ref.gebied_leden_vandaag IS 'Lidmaatschappen van gemeenten die vandaag gelden.';

-- Each gemeente with the province and regions it belongs to today: one
-- pass over all memberships (a hash join of two small tables) instead of a
-- lookup per gemeente and column.
CREATE VIEW ref.gemeente_regios WITH (security_invoker = true) AS
WITH regios AS (
	SELECT v.gemeente_code,
	       max(v.gebied_code) FILTER (WHERE r.soort = 'provincie') AS provincie_code,
	       max(v.gebied_code) FILTER (WHERE r.soort = 'jeugdregio') AS jeugdregio_code,
	       max(v.gebied_code) FILTER (WHERE r.soort = 'veiligthuisregio') AS veiligthuisregio_code,
	       max(v.gebied_code) FILTER (WHERE r.soort = 'veiligheidsregio') AS veiligheidsregio_code
	  FROM ref.gebied_leden_vandaag v JOIN ref.gebieden r ON r.gebied_code = v.gebied_code
	 WHERE r.soort IN ('provincie', 'jeugdregio', 'veiligthuisregio', 'veiligheidsregio')
	 GROUP BY v.gemeente_code
)
SELECT g.gebied_code AS gemeente_code, g.naam, x.provincie_code, x.jeugdregio_code,
       x.veiligthuisregio_code, x.veiligheidsregio_code, g.geldig_van, g.geldig_tot, g.lon, g.lat
  FROM ref.gebieden g
  LEFT JOIN regios x ON x.gemeente_code = g.gebied_code
 WHERE g.soort = 'gemeente';
COMMENT ON VIEW ref.gemeente_regios IS 'Gemeenten met de provincie en regio''s waartoe ze vandaag behoren.';

GRANT SELECT ON ref.gebied_leden_vandaag, ref.gemeente_regios
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;

CREATE VIEW api.perioden WITH (security_invoker = true) AS
SELECT p.periode_code AS code,
       CASE p.soort
	    WHEN 'kwartaal' THEN p.volgnummer || 'e kwartaal ' || p.jaar
	    WHEN 'halfjaar' THEN p.volgnummer || 'e halfjaar ' || p.jaar
	    ELSE p.jaar::text END AS naam,
       p.soort, p.jaar, p.begin_date AS "beginDatum", p.eind_date AS "eindDatum"
  FROM ref.perioden p;
COMMENT ON VIEW api.perioden IS 'Perioden (kwartalen, halfjaren, jaren) voor /v1/perioden.';

CREATE VIEW api.gemeenten WITH (security_invoker = true) AS
SELECT gemeente_code AS code, naam, provincie_code AS provincie, jeugdregio_code AS jeugdregio,
       veiligthuisregio_code AS "veiligThuisRegio", veiligheidsregio_code AS veiligheidsregio,
       geldig_van AS "geldigVan", geldig_tot AS "geldigTot", lon, lat
  FROM ref.gemeente_regios;
COMMENT ON VIEW api.gemeenten IS 'Gemeenten met hun provincie en regio''s van vandaag, voor /v1/gemeenten.';

CREATE VIEW api.regios WITH (security_invoker = true) AS
SELECT g.gebied_code AS code, g.naam, g.soort,
       (SELECT count(*) FROM ref.gebied_leden_vandaag l WHERE l.gebied_code = g.gebied_code)::integer
	   AS "aantalGemeenten"
  FROM ref.gebieden g
 WHERE g.soort IN ('provincie', 'jeugdregio', 'veiligthuisregio', 'veiligheidsregio', 'vergelijking');
COMMENT ON VIEW api.regios IS 'Provincies, jeugdregio''s, Veilig Thuis-regio''s, veiligheidsregio''s en de vergelijkingsgebieden (proeftuinen samen, per tranche, Nederland zonder proeftuinen), voor /v1/regios.';

-- Maps (GeoJSON, RFC 7946; the API Design Rules' geospatial module): each
-- region as a Feature whose id is its code (the key a dashboard joins the
-- sector monitor's rows on), with its name, kind and gemeenten of today
-- and the boundary valid today (V034; none for the kinds without one:
-- geometry null); each gemeente as a Feature with its interior point.
CREATE VIEW api.regiokaart WITH (security_invoker = true) AS
SELECT g.gebied_code AS code, g.soort,
       json_build_object('type', 'Feature', 'id', g.gebied_code, 'geometry', b.geometrie,
           'properties', json_build_object('code', g.gebied_code, 'naam', g.naam, 'soort', g.soort,
               'gemeenten', coalesce((SELECT json_agg(l.gemeente_code ORDER BY l.gemeente_code)
                                        FROM ref.gebied_leden_vandaag l WHERE l.gebied_code = g.gebied_code),
                                     '[]'))) AS feature
  FROM ref.gebieden g
  LEFT JOIN ref.gebied_grenzen b ON b.gebied_code = g.gebied_code AND b.geldig_van <= current_date
   AND (b.geldig_tot IS NULL OR b.geldig_tot > current_date)
 WHERE g.soort IN ('provincie', 'jeugdregio', 'veiligthuisregio', 'veiligheidsregio', 'vergelijking');
COMMENT ON VIEW api.regiokaart IS 'De regio''s als GeoJSON-Features (id: de code; grens van vandaag, CRS84), voor /v1/regios met Accept: application/geo+json.';

CREATE VIEW api.gemeentekaart WITH (security_invoker = true) AS
SELECT r.gemeente_code AS code,
       json_build_object('type', 'Feature', 'id', r.gemeente_code,
           'geometry', CASE WHEN r.lon IS NOT NULL
                            THEN json_build_object('type', 'Point', 'coordinates', json_build_array(r.lon, r.lat)) END,
           'properties', json_build_object('code', r.gemeente_code, 'naam', r.naam,
               'provincie', r.provincie_code, 'jeugdregio', r.jeugdregio_code,
               'veiligThuisRegio', r.veiligthuisregio_code, 'veiligheidsregio', r.veiligheidsregio_code))
           AS feature
  FROM ref.gemeente_regios r;
COMMENT ON VIEW api.gemeentekaart IS 'De gemeenten als GeoJSON-Features met een punt binnen de gemeente (CRS84), voor /v1/gemeenten met Accept: application/geo+json.';

CREATE VIEW api.proeftuinen WITH (security_invoker = true) AS
SELECT p.proeftuin_code AS code, p.naam, p.regio_naam AS "regioNaam", p.tranche,
       p.start_date AS "startDatum", p.is_actief AS "isActief",
       coalesce((SELECT json_agg(l.gemeente_code ORDER BY l.gemeente_code)
		   FROM ref.gebied_leden_vandaag l WHERE l.gebied_code = p.proeftuin_code), '[]') AS gemeenten
  FROM ref.proeftuinen p;
COMMENT ON VIEW api.proeftuinen IS 'De proeftuinen met hun (huidige) gemeenten, voor /v1/proeftuinen.';

CREATE VIEW api.indicatoren WITH (security_invoker = true) AS
SELECT i.indicator_code AS code, i.naam, i.definitie, i.eenheid, i.soort, i.monitoringtype,
       i.meetwijze, i.richting, i.aggregatie, i.tijdregel, i.validatiestatus,
       i.validatie_at AS "validatieOp", i.validatie_reden AS "validatieReden",
       i.validatie_besluit_id AS "validatieBesluit",
       i.resultaat_nummer AS resultaat, i.effect, i.thema, i.bron,
       i.bovengrens, monitoring.bovengrens(i) AS "geldendeBovengrens", i.basis_indicator AS "basisIndicator",
       i.updated_at AS "gewijzigdOp",
       md5(to_jsonb(i)::text) AS versie
  FROM monitoring.indicatoren i;
COMMENT ON VIEW api.indicatoren IS 'De indicatorencatalogus, voor /v1/indicatoren; versie is de ETag waarmee een wijziging (If-Match) begint.';

CREATE VIEW api.resultaten WITH (security_invoker = true) AS
SELECT r.resultaat_nummer::text AS code, r.naam, r.omschrijving,
       coalesce((SELECT json_agg(json_build_object('code', i.impact_code, 'niveau', i.niveau, 'naam', i.naam)
			ORDER BY i.impact_code)
		   FROM register.resultaatketen k JOIN register.impacts i USING (impact_code)
		  WHERE k.resultaat_nummer = r.resultaat_nummer), '[]') AS impacts
  FROM register.gewenste_resultaten r;
COMMENT ON VIEW api.resultaten IS 'De gewenste resultaten met de impact waaraan ze bijdragen, voor /v1/resultaten.';

CREATE VIEW api.actielijnen WITH (security_invoker = true) AS
SELECT a.actielijn_code AS code, a.naam, a.nummer, a.subdoelstelling
  FROM register.actielijnen a;
COMMENT ON VIEW api.actielijnen IS 'De actielijnen en de kennis- en leerinfrastructuur, voor /v1/actielijnen.';

GRANT SELECT ON api.perioden, api.gemeenten, api.regios, api.proeftuinen, api.indicatoren,
    api.resultaten, api.actielijnen, api.regiokaart, api.gemeentekaart
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;
