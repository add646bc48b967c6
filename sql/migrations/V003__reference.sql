-- V003: reference dimensions (schema ref).
--
-- Purpose: periods, areas and organisations every figure refers to.
--   ref.perioden        quarters (2025-Q3), half years (2025-H2), years (2025)
--   ref.gebieden        one notion of area: NL, provinces, jeugdregio's (JZ),
--                       Veilig Thuis-regio's (VT), veiligheidsregio's (VR),
--                       gemeenten (GM) and proeftuinen (PT)
--   ref.gebied_leden    which gemeenten make up an area, valid from/to, so
--                       mergers and changing proeftuinen can be recorded
--   ref.proeftuinen     the eleven pilot regions: tranche, start
--   ref.organisaties    organisations by kind
-- Loads sql/data/gemeenten_regios_2025.csv (2025 indeling).
-- Also creates the other data schemas (monitoring, doelgroep, register,
-- mart) so that later migrations only add tables.
-- Reversible: DROP SCHEMA ref, monitoring, doelgroep, register, mart CASCADE.

SET client_min_messages = warning;

-- Extensions need the migrating superuser, not the owner.
CREATE EXTENSION IF NOT EXISTS btree_gist;

SET LOCAL ROLE lakmoes_owner;

CREATE SCHEMA ref;
CREATE SCHEMA monitoring;
CREATE SCHEMA doelgroep;
CREATE SCHEMA register;
CREATE SCHEMA mart;

COMMENT ON SCHEMA ref IS 'Referentiegegevens: perioden, gebieden (land, provincies, regio''s, gemeenten, proeftuinen) en organisaties.';
COMMENT ON SCHEMA monitoring IS 'Indicatorencatalogus, waarnemingen met revisies, streefwaarden, vragenlijsten en kwartaalaanleveringen.';
COMMENT ON SCHEMA doelgroep IS 'Doelgroepdefinities (geversioneerd) en schattingen van de omvang van de doelgroep.';
COMMENT ON SCHEMA register IS 'Registers van het programma: resultatenketen, actielijnen, projecten, mijlpalen, besluiten, acties voor verandering, RVT-varianten, kennisopdrachten en begroting.';
COMMENT ON SCHEMA mart IS 'Voorberekende monitors (materialized views); privé, alleen te lezen via api- en bi-views.';

-- A claim of the current request's verified token, NULL outside a request;
-- row-level security policies and column defaults use it.
CREATE FUNCTION api.claim(name text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE SECURITY INVOKER
RETURN coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb ->> name;
COMMENT ON FUNCTION api.claim(text) IS 'Een claim van het geverifieerde token van het lopende verzoek (leeg buiten een verzoek).';
GRANT EXECUTE ON FUNCTION api.claim(text) TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;

-- Request roles reach the data schemas; row-level security decides what.
GRANT USAGE ON SCHEMA ref, monitoring, doelgroep, register
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;

-- Periods ------------------------------------------------------------------

CREATE TABLE ref.perioden (
	periode_code text PRIMARY KEY
	    CONSTRAINT perioden_code_format CHECK (periode_code ~ '^[0-9]{4}(-Q[1-4]|-H[12])?$'),
	soort text NOT NULL
	    CONSTRAINT perioden_soort_known CHECK (soort IN ('kwartaal', 'halfjaar', 'jaar')),
	jaar integer NOT NULL CONSTRAINT perioden_jaar_range CHECK (jaar BETWEEN 2000 AND 2100),
	volgnummer integer NOT NULL,
	begin_date date NOT NULL,
	eind_date date NOT NULL,
	CONSTRAINT perioden_soort_matches_code CHECK (
	    (soort = 'kwartaal' AND periode_code = jaar || '-Q' || volgnummer AND volgnummer BETWEEN 1 AND 4) OR
	    (soort = 'halfjaar' AND periode_code = jaar || '-H' || volgnummer AND volgnummer BETWEEN 1 AND 2) OR
	    (soort = 'jaar' AND periode_code = jaar::text AND volgnummer = 1)),
	CONSTRAINT perioden_begin_before_end CHECK (begin_date <= eind_date)
);

COMMENT ON TABLE ref.perioden IS 'Perioden waarover cijfers gaan: kwartalen (2025-Q3), halfjaren (2025-H2) en jaren (2025).';
COMMENT ON COLUMN ref.perioden.periode_code IS 'Code van de periode: JJJJ-Qn (kwartaal), JJJJ-Hn (halfjaar) of JJJJ (jaar).';
COMMENT ON COLUMN ref.perioden.soort IS 'kwartaal, halfjaar of jaar.';
COMMENT ON COLUMN ref.perioden.jaar IS 'Kalenderjaar.';
COMMENT ON COLUMN ref.perioden.volgnummer IS 'Nummer binnen het jaar: kwartaal 1-4, halfjaar 1-2, jaar 1.';
COMMENT ON COLUMN ref.perioden.begin_date IS 'Eerste dag van de periode.';
COMMENT ON COLUMN ref.perioden.eind_date IS 'Laatste dag van de periode.';

INSERT INTO ref.perioden (periode_code, soort, jaar, volgnummer, begin_date, eind_date)
SELECT y::text, 'jaar', y, 1, make_date(y, 1, 1), make_date(y, 12, 31)
  FROM generate_series(2015, 2035) AS y
UNION ALL
SELECT y || '-H' || h, 'halfjaar', y, h, make_date(y, h * 6 - 5, 1),
       (make_date(y, h * 6 - 5, 1) + interval '6 months' - interval '1 day')::date
  FROM generate_series(2015, 2035) AS y, generate_series(1, 2) AS h
UNION ALL
SELECT y || '-Q' || q, 'kwartaal', y, q, make_date(y, q * 3 - 2, 1),
       (make_date(y, q * 3 - 2, 1) + interval '3 months' - interval '1 day')::date
  FROM generate_series(2015, 2035) AS y, generate_series(1, 4) AS q;

-- Areas --------------------------------------------------------------------

CREATE TABLE ref.gebieden (
	gebied_code text PRIMARY KEY
	    CONSTRAINT gebieden_code_format CHECK (gebied_code ~ '^(NL|PV[0-9]{2}|JZ[0-9]{2}|VT[0-9]{2}|VR[0-9]{2}|GM[0-9]{4}|PT[0-9]{2})$'),
	soort text NOT NULL
	    CONSTRAINT gebieden_soort_known CHECK (soort IN ('land', 'provincie', 'jeugdregio',
	        'veiligthuisregio', 'veiligheidsregio', 'gemeente', 'proeftuin')),
	naam text NOT NULL CONSTRAINT gebieden_naam_not_blank CHECK (btrim(naam) <> ''),
	geldig_van date NOT NULL DEFAULT '2025-01-01',
	geldig_tot date,
	lon numeric(9, 5),
	lat numeric(9, 5),
	CONSTRAINT gebieden_soort_matches_code CHECK (
	    (soort = 'land' AND gebied_code = 'NL') OR
	    (soort = 'provincie' AND gebied_code LIKE 'PV%') OR
	    (soort = 'jeugdregio' AND gebied_code LIKE 'JZ%') OR
	    (soort = 'veiligthuisregio' AND gebied_code LIKE 'VT%') OR
	    (soort = 'veiligheidsregio' AND gebied_code LIKE 'VR%') OR
	    (soort = 'gemeente' AND gebied_code LIKE 'GM%') OR
	    (soort = 'proeftuin' AND gebied_code LIKE 'PT%')),
	CONSTRAINT gebieden_valid_period CHECK (geldig_tot IS NULL OR geldig_tot > geldig_van),
	CONSTRAINT gebieden_point_in_nl CHECK ((lon IS NULL AND lat IS NULL) OR
	    (lon BETWEEN 3.0 AND 7.5 AND lat BETWEEN 50.5 AND 53.8))
);
CREATE INDEX gebieden_soort ON ref.gebieden (soort, gebied_code);

COMMENT ON TABLE ref.gebieden IS 'Alle gebieden waarover cijfers gaan: Nederland, provincies, jeugdregio''s, Veilig Thuis-regio''s, veiligheidsregio''s, gemeenten en proeftuinen. Een gemeente die opgaat in een fusie krijgt een einddatum.';
COMMENT ON COLUMN ref.gebieden.gebied_code IS 'Code: NL, PVnn (provincie, CBS), JZnn, VTnn, VRnn, GMnnnn (CBS-gemeentecode) of PTnn (proeftuin).';
COMMENT ON COLUMN ref.gebieden.soort IS 'land, provincie, jeugdregio, veiligthuisregio, veiligheidsregio, gemeente of proeftuin.';
COMMENT ON COLUMN ref.gebieden.naam IS 'Naam van het gebied.';
COMMENT ON COLUMN ref.gebieden.geldig_van IS 'Eerste dag waarop het gebied in deze vorm bestaat.';
COMMENT ON COLUMN ref.gebieden.geldig_tot IS 'Eerste dag waarop het gebied niet meer bestaat (leeg: bestaat nog).';
COMMENT ON COLUMN ref.gebieden.lon IS 'Lengtegraad van een punt binnen het gebied (WGS84; alleen gemeenten).';
COMMENT ON COLUMN ref.gebieden.lat IS 'Breedtegraad van een punt binnen het gebied (WGS84; alleen gemeenten).';

CREATE TABLE ref.gebied_leden (
	gebied_code text NOT NULL REFERENCES ref.gebieden,
	gemeente_code text NOT NULL REFERENCES ref.gebieden,
	geldig_van date NOT NULL DEFAULT '2025-01-01',
	geldig_tot date,
	PRIMARY KEY (gebied_code, gemeente_code, geldig_van),
	CONSTRAINT gebied_leden_member_is_gemeente CHECK (gemeente_code LIKE 'GM%'),
	CONSTRAINT gebied_leden_not_itself CHECK (gebied_code <> gemeente_code),
	CONSTRAINT gebied_leden_valid_period CHECK (geldig_tot IS NULL OR geldig_tot > geldig_van),
	CONSTRAINT gebied_leden_no_overlap EXCLUDE USING gist (gebied_code WITH =, gemeente_code WITH =,
	    daterange(geldig_van, geldig_tot) WITH &&)
);
CREATE INDEX gebied_leden_gemeente ON ref.gebied_leden (gemeente_code);

COMMENT ON TABLE ref.gebied_leden IS 'Welke gemeenten samen een gebied vormen, met geldigheid: zo blijven regio-indelingen, fusies en wisselende proeftuinen reconstrueerbaar.';
COMMENT ON COLUMN ref.gebied_leden.gebied_code IS 'Het samengestelde gebied (land, provincie, regio of proeftuin).';
COMMENT ON COLUMN ref.gebied_leden.gemeente_code IS 'Een gemeente die erbij hoort.';
COMMENT ON COLUMN ref.gebied_leden.geldig_van IS 'Eerste dag van het lidmaatschap.';
COMMENT ON COLUMN ref.gebied_leden.geldig_tot IS 'Eerste dag waarop de gemeente er niet meer bij hoort (leeg: nog lid).';

-- A composite area never contains another composite area, and a gemeente is
-- in at most one region of each kind at a time.
CREATE FUNCTION ref.check_gebied_lid() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	k text;
BEGIN
	SELECT soort INTO k FROM ref.gebieden WHERE gebied_code = NEW.gebied_code;
	IF k = 'gemeente' THEN
		RAISE EXCEPTION 'gebied % is een gemeente en heeft geen leden', NEW.gebied_code
		    USING ERRCODE = 'LK400';
	END IF;
	IF (SELECT soort FROM ref.gebieden WHERE gebied_code = NEW.gemeente_code) <> 'gemeente' THEN
		RAISE EXCEPTION '% is geen gemeente', NEW.gemeente_code USING ERRCODE = 'LK400';
	END IF;
	IF k IN ('provincie', 'jeugdregio', 'veiligthuisregio', 'veiligheidsregio') AND EXISTS (
	    SELECT 1 FROM ref.gebied_leden l JOIN ref.gebieden g ON g.gebied_code = l.gebied_code
	     WHERE l.gemeente_code = NEW.gemeente_code AND g.soort = k
	       AND l.gebied_code <> NEW.gebied_code
	       AND daterange(l.geldig_van, l.geldig_tot) && daterange(NEW.geldig_van, NEW.geldig_tot)) THEN
		RAISE EXCEPTION 'gemeente % hoort in die periode al bij een andere % ', NEW.gemeente_code, k
		    USING ERRCODE = 'LK409';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER gebied_leden_check BEFORE INSERT OR UPDATE ON ref.gebied_leden
    FOR EACH ROW EXECUTE FUNCTION ref.check_gebied_lid();

-- Proeftuinen ----------------------------------------------------------------

CREATE TABLE ref.proeftuinen (
	proeftuin_code text PRIMARY KEY REFERENCES ref.gebieden
	    CONSTRAINT proeftuinen_code_format CHECK (proeftuin_code ~ '^PT[0-9]{2}$'),
	naam text NOT NULL,
	regio_naam text NOT NULL,
	tranche integer NOT NULL CONSTRAINT proeftuinen_tranche_known CHECK (tranche IN (1, 2)),
	start_date date NOT NULL CONSTRAINT proeftuinen_start_in_programme CHECK (start_date >= '2021-01-01'),
	is_actief boolean NOT NULL DEFAULT true
);

COMMENT ON TABLE ref.proeftuinen IS 'De elf proeftuinen die de nieuwe werkwijze beproeven: tranche 1 vanaf eind 2021, tranche 2 vanaf oktober 2022. Hun gemeenten staan in ref.gebied_leden.';
COMMENT ON COLUMN ref.proeftuinen.proeftuin_code IS 'Code van de proeftuin (PTnn); ook de gebiedscode en de org-claim van haar aanleveraars.';
COMMENT ON COLUMN ref.proeftuinen.naam IS 'Naam van de proeftuin (het initiatief).';
COMMENT ON COLUMN ref.proeftuinen.regio_naam IS 'De regio waarin de proeftuin werkt.';
COMMENT ON COLUMN ref.proeftuinen.tranche IS 'Tranche 1 (start eind 2021) of 2 (start oktober 2022).';
COMMENT ON COLUMN ref.proeftuinen.start_date IS 'Startdatum; aanleveringen over kwartalen vóór de start worden geweigerd.';
COMMENT ON COLUMN ref.proeftuinen.is_actief IS 'Of de proeftuin nog loopt.';

-- Organisations --------------------------------------------------------------

CREATE TABLE ref.organisaties (
	organisatie_code text PRIMARY KEY
	    CONSTRAINT organisaties_code_format CHECK (organisatie_code ~ '^[A-Z][A-Z0-9_-]{1,31}$'),
	naam text NOT NULL,
	soort text NOT NULL
	    CONSTRAINT organisaties_soort_known CHECK (soort IN ('lokaal_team', 'veilig_thuis', 'rvdk',
	        'gecertificeerde_instelling', 'regionaal_veiligheidsteam', 'gemeente', 'ministerie',
	        'koepel', 'kennisinstituut', 'programma', 'proeftuin', 'overig')),
	gebied_code text REFERENCES ref.gebieden
);
CREATE INDEX organisaties_gebied ON ref.organisaties (gebied_code);

COMMENT ON TABLE ref.organisaties IS 'Organisaties in de kind- en gezinsbescherming en rond het programma, naar soort.';
COMMENT ON COLUMN ref.organisaties.organisatie_code IS 'Code van de organisatie.';
COMMENT ON COLUMN ref.organisaties.naam IS 'Naam.';
COMMENT ON COLUMN ref.organisaties.soort IS 'lokaal_team, veilig_thuis, rvdk, gecertificeerde_instelling, regionaal_veiligheidsteam, gemeente, ministerie, koepel, kennisinstituut, programma, proeftuin of overig.';
COMMENT ON COLUMN ref.organisaties.gebied_code IS 'Werkgebied, als de organisatie regionaal is.';

-- Load the 2025 indeling ----------------------------------------------------

CREATE TEMP TABLE csv_gemeenten (
	gm_code text, gm_naam text, provincie text, vr_code text, vr_naam text,
	jz_code text, jz_naam text, vt_code text, vt_naam text,
	interior_lon numeric, interior_lat numeric
) ON COMMIT DROP;
\copy csv_gemeenten FROM 'sql/data/gemeenten_regios_2025.csv' WITH (FORMAT csv, HEADER true)

CREATE TEMP TABLE provincie_codes (naam text PRIMARY KEY, code text) ON COMMIT DROP;
INSERT INTO provincie_codes VALUES
	('Groningen', 'PV20'), ('Friesland', 'PV21'), ('Drenthe', 'PV22'), ('Overijssel', 'PV23'),
	('Flevoland', 'PV24'), ('Gelderland', 'PV25'), ('Utrecht', 'PV26'), ('Noord-Holland', 'PV27'),
	('Zuid-Holland', 'PV28'), ('Zeeland', 'PV29'), ('Noord-Brabant', 'PV30'), ('Limburg', 'PV31');

INSERT INTO ref.gebieden (gebied_code, soort, naam) VALUES ('NL', 'land', 'Nederland');
INSERT INTO ref.gebieden (gebied_code, soort, naam)
SELECT code, 'provincie', naam FROM provincie_codes;
INSERT INTO ref.gebieden (gebied_code, soort, naam)
SELECT DISTINCT jz_code, 'jeugdregio', jz_naam FROM csv_gemeenten
UNION ALL SELECT DISTINCT vt_code, 'veiligthuisregio', vt_naam FROM csv_gemeenten
UNION ALL SELECT DISTINCT vr_code, 'veiligheidsregio', vr_naam FROM csv_gemeenten;
INSERT INTO ref.gebieden (gebied_code, soort, naam, lon, lat)
SELECT gm_code, 'gemeente', gm_naam, interior_lon, interior_lat FROM csv_gemeenten;

INSERT INTO ref.gebied_leden (gebied_code, gemeente_code)
SELECT 'NL', gm_code FROM csv_gemeenten
UNION ALL SELECT p.code, c.gm_code FROM csv_gemeenten c JOIN provincie_codes p ON p.naam = c.provincie
UNION ALL SELECT jz_code, gm_code FROM csv_gemeenten
UNION ALL SELECT vt_code, gm_code FROM csv_gemeenten
UNION ALL SELECT vr_code, gm_code FROM csv_gemeenten;

-- The eleven proeftuinen (public sources; see sql/data/SOURCE.md), seeded
-- with the gemeenten of the region of the same name. The programme team
-- maintains these memberships from here on.
INSERT INTO ref.gebieden (gebied_code, soort, naam) VALUES
	('PT01', 'proeftuin', 'Amsterdam-Amstelland'),
	('PT02', 'proeftuin', 'FoodValley'),
	('PT03', 'proeftuin', 'Rotterdam-Rijnmond'),
	('PT04', 'proeftuin', 'Utrecht en Utrecht-West'),
	('PT05', 'proeftuin', 'Zeeland'),
	('PT06', 'proeftuin', 'West-Brabant West'),
	('PT07', 'proeftuin', 'Hart van Brabant'),
	('PT08', 'proeftuin', 'Flevoland'),
	('PT09', 'proeftuin', 'Zaanstreek-Waterland'),
	('PT10', 'proeftuin', 'Friesland'),
	('PT11', 'proeftuin', 'Gelderland-Zuid');

INSERT INTO ref.proeftuinen (proeftuin_code, naam, regio_naam, tranche, start_date) VALUES
	('PT01', 'Blijvend Veilig', 'Amsterdam-Amstelland', 1, '2021-12-01'),
	('PT02', 'Bouwstenen voor de toekomst', 'FoodValley', 1, '2021-12-01'),
	('PT03', 'Wij doen het beter', 'Rotterdam-Rijnmond', 1, '2021-12-01'),
	('PT04', 'Beweging Kind en Gezinsbescherming / Bescherming in Beweging', 'Utrecht en Utrecht-West', 1, '2021-12-01'),
	('PT05', 'Vaart in Veiligheid', 'Zeeland', 1, '2021-12-01'),
	('PT06', 'Proeftuin West-Brabant West', 'West-Brabant West', 1, '2021-12-01'),
	('PT07', 'Proeftuin Hart van Brabant', 'Hart van Brabant', 2, '2022-10-01'),
	('PT08', 'Proeftuin Flevoland', 'Flevoland', 2, '2022-10-01'),
	('PT09', 'Proeftuin Zaanstreek-Waterland', 'Zaanstreek-Waterland', 2, '2022-10-01'),
	('PT10', 'Beproeven vanuit de bedoeling', 'Friesland', 2, '2022-10-01'),
	('PT11', 'Proeftuin Gelderland-Zuid', 'Gelderland-Zuid', 2, '2022-10-01');

INSERT INTO ref.gebied_leden (gebied_code, gemeente_code, geldig_van)
SELECT p.code, c.gm_code, '2021-12-01'
  FROM (VALUES ('PT01', 'JZ13'), ('PT02', 'JZ21'), ('PT03', 'JZ29'), ('PT04', 'JZ22'),
               ('PT04', 'JZ19'), ('PT05', 'JZ38'), ('PT06', 'JZ36')) AS p(code, jz)
  JOIN csv_gemeenten c ON c.jz_code = p.jz;
INSERT INTO ref.gebied_leden (gebied_code, gemeente_code, geldig_van)
SELECT p.code, c.gm_code, '2022-10-01'
  FROM (VALUES ('PT07', 'JZ35'), ('PT08', 'JZ08'), ('PT09', 'JZ09'), ('PT10', 'JZ02')) AS p(code, jz)
  JOIN csv_gemeenten c ON c.jz_code = p.jz;
-- Gelderland-Zuid is a veiligheidsregio, not a jeugdregio (Rijk van Nijmegen
-- and Rivierenland).
INSERT INTO ref.gebied_leden (gebied_code, gemeente_code, geldig_van)
SELECT 'PT11', gm_code, '2022-10-01' FROM csv_gemeenten WHERE vr_code = 'VR08';

INSERT INTO ref.organisaties (organisatie_code, naam, soort, gebied_code) VALUES
	('JENV', 'Ministerie van Justitie en Veiligheid', 'ministerie', 'NL'),
	('VWS', 'Ministerie van Volksgezondheid, Welzijn en Sport', 'ministerie', 'NL'),
	('VNG', 'Vereniging van Nederlandse Gemeenten', 'koepel', 'NL'),
	('RVDK', 'Raad voor de Kinderbescherming', 'rvdk', 'NL'),
	('JBNL', 'Jeugdbescherming Nederland (branche van de gecertificeerde instellingen)', 'koepel', 'NL'),
	('VTNL', 'Veilig Thuis Nederland (branche)', 'koepel', 'NL'),
	('NJI', 'Nederlands Jeugdinstituut', 'kennisinstituut', 'NL'),
	('MOVISIE', 'Movisie', 'kennisinstituut', 'NL'),
	('PROGRAMMA', 'Programmateam Toekomstscenario kind- en gezinsbescherming', 'programma', 'NL');
INSERT INTO ref.organisaties (organisatie_code, naam, soort, gebied_code)
SELECT DISTINCT 'VT-' || substr(vt_code, 3), 'Veilig Thuis ' || vt_naam, 'veilig_thuis', vt_code
  FROM csv_gemeenten;
INSERT INTO ref.organisaties (organisatie_code, naam, soort, gebied_code)
SELECT proeftuin_code, 'Proeftuin ' || regio_naam, 'proeftuin', proeftuin_code FROM ref.proeftuinen;
