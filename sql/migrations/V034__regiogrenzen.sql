-- V034: region boundaries for maps.
--
-- Purpose. A dashboard colours the jeugdregio's or Veilig Thuis-regio's of
-- a period by a figure of the sector monitor; it needs their boundaries,
-- and the gemeenten as points (ref.gebieden.lon/lat, V003). The boundaries
-- are reference data like the memberships: valid for a period
-- (geldig_van, geldig_tot), so a map of 2025 stays right after a
-- redivision, when new boundaries are loaded from the date they hold.
--
--   ref.gebied_grenzen   gebied × period: a GeoJSON geometry (Polygon or
--                        MultiPolygon; WGS84, longitude before latitude, as
--                        RFC 7946 and the API Design Rules' geospatial
--                        module's default CRS84), its source and licence.
--
-- Loaded from sql/data/jeugdregios_2025.geojson and
-- veiligthuisregios_2025.geojson: the generalised boundaries of the 42
-- jeugdregio's and 25 Veilig Thuis-regio's of the CBS/PDOK
-- gebiedsindelingen 2025 (CC BY 4.0, attribution CBS, PDOK), valid from
-- 2025-01-01 as the 2025 memberships. Read by the public (maps are
-- public); written by the programme; every change audited.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE TABLE ref.gebied_grenzen (
	gebied_code text NOT NULL REFERENCES ref.gebieden (gebied_code),
	geldig_van date NOT NULL,
	geldig_tot date,
	geometrie jsonb NOT NULL
	    CONSTRAINT gebied_grenzen_vlak CHECK (geometrie ->> 'type' IN ('Polygon', 'MultiPolygon')
	        AND jsonb_typeof(geometrie -> 'coordinates') = 'array'),
	bron text NOT NULL CONSTRAINT gebied_grenzen_bron_not_blank CHECK (btrim(bron) <> ''),
	licentie text NOT NULL CONSTRAINT gebied_grenzen_licentie_not_blank CHECK (btrim(licentie) <> ''),
	PRIMARY KEY (gebied_code, geldig_van),
	CONSTRAINT gebied_grenzen_periode CHECK (geldig_tot IS NULL OR geldig_tot > geldig_van),
	CONSTRAINT gebied_grenzen_no_overlap EXCLUDE USING gist (gebied_code WITH =,
	    daterange(geldig_van, geldig_tot) WITH &&)
);
COMMENT ON TABLE ref.gebied_grenzen IS 'Grenzen van regio''s voor kaarten, per geldigheidsperiode. Bron: CBS/PDOK gebiedsindelingen 2025, gegeneraliseerd (CC BY 4.0, naamsvermelding CBS, PDOK).';
COMMENT ON COLUMN ref.gebied_grenzen.gebied_code IS 'De regio (jeugdregio, Veilig Thuis-regio, …).';
COMMENT ON COLUMN ref.gebied_grenzen.geldig_van IS 'Eerste dag waarop deze grens geldt.';
COMMENT ON COLUMN ref.gebied_grenzen.geldig_tot IS 'Eerste dag waarop deze grens niet meer geldt; leeg: nog steeds.';
COMMENT ON COLUMN ref.gebied_grenzen.geometrie IS 'GeoJSON-geometrie (Polygon of MultiPolygon) in WGS84, lengtegraad voor breedtegraad (CRS84).';
COMMENT ON COLUMN ref.gebied_grenzen.bron IS 'Waar de grens vandaan komt (CBS/PDOK gebiedsindelingen 2025, gegeneraliseerd).';
COMMENT ON COLUMN ref.gebied_grenzen.licentie IS 'De licentie van de bron, met de naamsvermelding die ze vraagt (CC BY 4.0: CBS, PDOK).';

ALTER TABLE ref.gebied_grenzen ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON ref.gebied_grenzen TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker, lakmoes_bi;
GRANT INSERT, UPDATE, DELETE ON ref.gebied_grenzen TO programma;
CREATE POLICY gebied_grenzen_select_all ON ref.gebied_grenzen FOR SELECT
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker, lakmoes_bi USING (true);
CREATE POLICY gebied_grenzen_write_programma ON ref.gebied_grenzen FOR ALL TO programma
    USING (true) WITH CHECK (true);
SELECT audit.track('ref.gebied_grenzen');

-- the files are read by psql (this runs from the project root, as V003's \copy)
\set jeugdregios `cat sql/data/jeugdregios_2025.geojson`
\set veiligthuisregios `cat sql/data/veiligthuisregios_2025.geojson`

INSERT INTO ref.gebied_grenzen (gebied_code, geldig_van, geometrie, bron, licentie)
SELECT f -> 'properties' ->> 'statcode', DATE '2025-01-01', f -> 'geometry',
       'CBS/PDOK gebiedsindelingen 2025, ' || (f -> 'properties' ->> 'rubriek') || ' gegeneraliseerd',
       'CC BY 4.0, naamsvermelding: CBS, PDOK'
  FROM (SELECT jsonb_array_elements(:'jeugdregios'::jsonb -> 'features') AS f
        UNION ALL
        SELECT jsonb_array_elements(:'veiligthuisregios'::jsonb -> 'features')) x;

-- every region of these two kinds has its boundary, and no other area got one
DO $$
BEGIN
	IF (SELECT count(*) FROM ref.gebied_grenzen) <> 67
	   OR EXISTS (SELECT 1 FROM ref.gebieden g WHERE g.soort IN ('jeugdregio', 'veiligthuisregio')
	                 AND NOT EXISTS (SELECT 1 FROM ref.gebied_grenzen b WHERE b.gebied_code = g.gebied_code))
	   OR EXISTS (SELECT 1 FROM ref.gebied_grenzen b JOIN ref.gebieden g USING (gebied_code)
	               WHERE g.soort NOT IN ('jeugdregio', 'veiligthuisregio')) THEN
		RAISE EXCEPTION 'de grenzen passen niet bij de regio''s van 2025';
	END IF;
END
$$;
