-- V035: the helikopterblik: what the programme does, set against the six
-- gewenste resultaten, directly or indirectly.
--
-- Purpose. seeds/000 part 1 ("Acties voor verandering: helikopterblik"):
-- "welke acties worden ingezet door het programma, en zijn deze acties
-- direct/indirect verbonden met de gewenste resultaten ... De ingezette
-- acties worden m.a.w. afgezet tegen de gewenste resultaten" (l. 170-172);
-- the activities are the programme's current work, "Denk aan de
-- proeftuinen, doelgroepbepaling en -analyse, handelingskader, etc."
-- (l. 200-201): the projects and products of the actielijnen (DOMAIN.md),
-- besides the acties voor verandering of the verdieping and the
-- kennisopdrachten. The volume per result is what the helikopterblik shows
-- ("Hoe groter de bol, hoe meer volume inzet er terug te zien is in de
-- huidige acties op genoemd resultaat", l. 203-206), and it found two
-- results thin: "Twee resultaten krijgen in de inzet, in verhouding tot de
-- andere resultaten, nog beduidend minder aandacht: 4. Gelijkwaardige hulp
-- en ondersteuning ... 6. Een veilig en reflexief stelsel" (l. 224-227).
--
--   register.project_resultaten, register.product_resultaten
--       a project or product × a result it serves, with its contribution:
--       direct or indirect (the seed's distinction, l. 91-93 "(direct of
--       indirect) verbonden").
--   register.actie_resultaten.bijdrage, register.kennisopdracht_resultaten.bijdrage
--       the same distinction for the links that existed (all direct until
--       now: they were set as "the results it serves").
--
-- No links are seeded. The document's figure that set each activity
-- against the results (its figure 2) names no activity-to-result link in
-- its text, and it says itself that the links were not tested: "de acties
-- zijn niet in de diepte geanalyseerd, en er is ook niet getoetst of een
-- actie daadwerkelijk bijdraagt aan een het resultaat" (l. 194-196). So
-- every project and product starts as "nog niet gekoppeld" for the
-- programme to set through the API (resultaten, indirecteResultaten), and
-- the helikopterblik (mart.transitiemonitor, onderdeel helikopterblik)
-- shows that group as its own.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

ALTER TABLE register.actie_resultaten ADD COLUMN bijdrage text NOT NULL DEFAULT 'direct'
    CONSTRAINT actie_resultaten_bijdrage_known CHECK (bijdrage IN ('direct', 'indirect'));
ALTER TABLE register.kennisopdracht_resultaten ADD COLUMN bijdrage text NOT NULL DEFAULT 'direct'
    CONSTRAINT kennisopdracht_resultaten_bijdrage_known CHECK (bijdrage IN ('direct', 'indirect'));
COMMENT ON COLUMN register.actie_resultaten.bijdrage IS 'direct of indirect: hoe de actie aan het resultaat bijdraagt.';
COMMENT ON COLUMN register.kennisopdracht_resultaten.bijdrage IS 'direct of indirect: hoe de kennisopdracht aan het resultaat bijdraagt.';

CREATE TABLE register.project_resultaten (
	project_code text NOT NULL REFERENCES register.projecten ON DELETE CASCADE,
	resultaat_nummer integer NOT NULL REFERENCES register.gewenste_resultaten,
	bijdrage text NOT NULL DEFAULT 'direct'
	    CONSTRAINT project_resultaten_bijdrage_known CHECK (bijdrage IN ('direct', 'indirect')),
	PRIMARY KEY (project_code, resultaat_nummer)
);
COMMENT ON TABLE register.project_resultaten IS 'Welke gewenste resultaten een project dient, direct of indirect (de helikopterblik).';
COMMENT ON COLUMN register.project_resultaten.project_code IS 'Het project.';
COMMENT ON COLUMN register.project_resultaten.resultaat_nummer IS 'Het gewenste resultaat.';
COMMENT ON COLUMN register.project_resultaten.bijdrage IS 'direct of indirect: hoe het project aan het resultaat bijdraagt.';

CREATE TABLE register.product_resultaten (
	product_id integer NOT NULL REFERENCES register.producten ON DELETE CASCADE,
	resultaat_nummer integer NOT NULL REFERENCES register.gewenste_resultaten,
	bijdrage text NOT NULL DEFAULT 'direct'
	    CONSTRAINT product_resultaten_bijdrage_known CHECK (bijdrage IN ('direct', 'indirect')),
	PRIMARY KEY (product_id, resultaat_nummer)
);
COMMENT ON TABLE register.product_resultaten IS 'Welke gewenste resultaten een product of activiteit dient, direct of indirect (de helikopterblik).';
COMMENT ON COLUMN register.product_resultaten.product_id IS 'Het product of de activiteit.';
COMMENT ON COLUMN register.product_resultaten.resultaat_nummer IS 'Het gewenste resultaat.';
COMMENT ON COLUMN register.product_resultaten.bijdrage IS 'direct of indirect: hoe het product aan het resultaat bijdraagt.';

-- A register table as the others (V007): members read, the programme
-- writes, row-level security, every change audited. Used by the
-- migrations that add register tables from here on.
CREATE FUNCTION register.als_register(tbl regclass) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
	members constant text := 'aanleveraar, programma, opdrachtgever, onderzoeker';
	naam constant text := (SELECT c.relname FROM pg_class c WHERE c.oid = tbl);
BEGIN
	EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
	EXECUTE format('GRANT SELECT ON %s TO %s', tbl, members);
	EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %s TO programma', tbl);
	EXECUTE format('CREATE POLICY %I ON %s FOR SELECT TO %s USING (true)', naam || '_select_members', tbl, members);
	EXECUTE format('CREATE POLICY %I ON %s FOR ALL TO programma USING (true) WITH CHECK (true)',
	    naam || '_write_programma', tbl);
	PERFORM audit.track(tbl);
END
$$;
COMMENT ON FUNCTION register.als_register(regclass) IS 'Maakt een tabel een register zoals de andere: leden lezen, het programma schrijft, rijbeveiliging en wijzigingslog.';
REVOKE ALL ON FUNCTION register.als_register(regclass) FROM PUBLIC;

SELECT register.als_register('register.project_resultaten');
SELECT register.als_register('register.product_resultaten');

-- the helikopterblik is a part of the transition monitor
ALTER TABLE mart.transitiemonitor DROP CONSTRAINT transitiemonitor_onderdeel_known,
    ADD CONSTRAINT transitiemonitor_onderdeel_known CHECK (onderdeel IN ('effecten', 'acties', 'mijlpalen',
        'kennisopdrachten', 'spreiding', 'begroting', 'helikopterblik'));
COMMENT ON COLUMN mart.transitiemonitor.onderdeel IS 'effecten, acties, mijlpalen, kennisopdrachten, spreiding, begroting of helikopterblik.';
