-- R__bi_reference: the reference part of the BI layer (schema bi), for Power
-- BI, Excel and Metabase through the read-only lakmoes_bi login. Stable
-- names, Dutch comments on every view and column. Re-runnable.
-- These views hold public reference data only, so they run with the owner's
-- rights; figures come in later views with disclosure control.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

DROP VIEW IF EXISTS bi.perioden, bi.gebieden, bi.gemeenten, bi.gebied_leden,
    bi.proeftuinen, bi.indicatoren, bi.gewenste_resultaten, bi.actielijnen CASCADE;

CREATE VIEW bi.perioden AS
SELECT periode_code, soort, jaar, volgnummer, begin_date, eind_date FROM ref.perioden;
COMMENT ON VIEW bi.perioden IS 'Perioden: kwartalen, halfjaren en jaren.';
COMMENT ON COLUMN bi.perioden.periode_code IS 'Code: JJJJ-Qn, JJJJ-Hn of JJJJ.';
COMMENT ON COLUMN bi.perioden.soort IS 'kwartaal, halfjaar of jaar.';
COMMENT ON COLUMN bi.perioden.jaar IS 'Kalenderjaar.';
COMMENT ON COLUMN bi.perioden.volgnummer IS 'Nummer binnen het jaar.';
COMMENT ON COLUMN bi.perioden.begin_date IS 'Eerste dag.';
COMMENT ON COLUMN bi.perioden.eind_date IS 'Laatste dag.';

CREATE VIEW bi.gebieden AS
SELECT gebied_code, soort, naam, geldig_van, geldig_tot FROM ref.gebieden;
COMMENT ON VIEW bi.gebieden IS 'Alle gebieden: NL, provincies, regio''s, gemeenten en proeftuinen.';
COMMENT ON COLUMN bi.gebieden.gebied_code IS 'Code van het gebied.';
COMMENT ON COLUMN bi.gebieden.soort IS 'land, provincie, jeugdregio, veiligthuisregio, veiligheidsregio, gemeente of proeftuin.';
COMMENT ON COLUMN bi.gebieden.naam IS 'Naam.';
COMMENT ON COLUMN bi.gebieden.geldig_van IS 'Bestaat sinds.';
COMMENT ON COLUMN bi.gebieden.geldig_tot IS 'Bestaat tot (leeg: bestaat nog).';

CREATE VIEW bi.gebied_leden AS
SELECT gebied_code, gemeente_code, geldig_van, geldig_tot FROM ref.gebied_leden;
COMMENT ON VIEW bi.gebied_leden IS 'Welke gemeenten (in welke periode) tot een gebied behoren: de koppeltabel voor regio-indelingen.';
COMMENT ON COLUMN bi.gebied_leden.gebied_code IS 'Het samengestelde gebied.';
COMMENT ON COLUMN bi.gebied_leden.gemeente_code IS 'De gemeente.';
COMMENT ON COLUMN bi.gebied_leden.geldig_van IS 'Lid sinds.';
COMMENT ON COLUMN bi.gebied_leden.geldig_tot IS 'Lid tot (leeg: nog lid).';

-- The query of ref.gemeente_regios, repeated: that view is security_invoker
-- for the API, and the BI login may not reach ref.
CREATE VIEW bi.gemeenten AS
WITH regios AS (
	SELECT l.gemeente_code,
	       max(l.gebied_code) FILTER (WHERE r.soort = 'provincie') AS provincie_code,
	       max(l.gebied_code) FILTER (WHERE r.soort = 'jeugdregio') AS jeugdregio_code,
	       max(l.gebied_code) FILTER (WHERE r.soort = 'veiligthuisregio') AS veiligthuisregio_code,
	       max(l.gebied_code) FILTER (WHERE r.soort = 'veiligheidsregio') AS veiligheidsregio_code
	  FROM ref.gebied_leden l JOIN ref.gebieden r ON r.gebied_code = l.gebied_code
	 WHERE l.geldig_van <= current_date AND (l.geldig_tot IS NULL OR l.geldig_tot > current_date)
	 GROUP BY l.gemeente_code
)
SELECT g.gebied_code AS gemeente_code, g.naam, x.provincie_code, x.jeugdregio_code,
       x.veiligthuisregio_code, x.veiligheidsregio_code, g.lon, g.lat
  FROM ref.gebieden g LEFT JOIN regios x ON x.gemeente_code = g.gebied_code
 WHERE g.soort = 'gemeente';
COMMENT ON VIEW bi.gemeenten IS 'Gemeenten met hun provincie en regio''s van vandaag, plat voor rapportages.';
COMMENT ON COLUMN bi.gemeenten.gemeente_code IS 'CBS-gemeentecode.';
COMMENT ON COLUMN bi.gemeenten.naam IS 'Naam.';
COMMENT ON COLUMN bi.gemeenten.provincie_code IS 'Provincie (PVnn).';
COMMENT ON COLUMN bi.gemeenten.jeugdregio_code IS 'Jeugdregio (JZnn).';
COMMENT ON COLUMN bi.gemeenten.veiligthuisregio_code IS 'Veilig Thuis-regio (VTnn).';
COMMENT ON COLUMN bi.gemeenten.veiligheidsregio_code IS 'Veiligheidsregio (VRnn).';
COMMENT ON COLUMN bi.gemeenten.lon IS 'Lengtegraad van een punt in de gemeente (WGS84).';
COMMENT ON COLUMN bi.gemeenten.lat IS 'Breedtegraad van een punt in de gemeente (WGS84).';

CREATE VIEW bi.proeftuinen AS
SELECT proeftuin_code, naam, regio_naam, tranche, start_date, is_actief FROM ref.proeftuinen;
COMMENT ON VIEW bi.proeftuinen IS 'De proeftuinen; hun gemeenten staan in bi.gebied_leden.';
COMMENT ON COLUMN bi.proeftuinen.proeftuin_code IS 'Code (PTnn).';
COMMENT ON COLUMN bi.proeftuinen.naam IS 'Naam van het initiatief.';
COMMENT ON COLUMN bi.proeftuinen.regio_naam IS 'Regio.';
COMMENT ON COLUMN bi.proeftuinen.tranche IS 'Tranche 1 of 2.';
COMMENT ON COLUMN bi.proeftuinen.start_date IS 'Start.';
COMMENT ON COLUMN bi.proeftuinen.is_actief IS 'Loopt nog.';

CREATE VIEW bi.indicatoren AS
SELECT indicator_code, naam, definitie, eenheid, soort, monitoringtype, meetwijze, richting,
       aggregatie, validatiestatus, resultaat_nummer, effect, thema, bron,
       monitoring.bovengrens(i) AS bovengrens
  FROM monitoring.indicatoren i;
COMMENT ON VIEW bi.indicatoren IS 'De indicatorencatalogus.';
COMMENT ON COLUMN bi.indicatoren.indicator_code IS 'Vaste code.';
COMMENT ON COLUMN bi.indicatoren.naam IS 'Naam.';
COMMENT ON COLUMN bi.indicatoren.definitie IS 'Precieze definitie.';
COMMENT ON COLUMN bi.indicatoren.eenheid IS 'aantal, percentage, dagen, score of euro.';
COMMENT ON COLUMN bi.indicatoren.soort IS 'maatschappelijk_doel, proces, output of outcome.';
COMMENT ON COLUMN bi.indicatoren.monitoringtype IS 'landelijk of diagnostisch.';
COMMENT ON COLUMN bi.indicatoren.meetwijze IS 'kwantitatief of kwalitatief.';
COMMENT ON COLUMN bi.indicatoren.richting IS 'hoger_beter, lager_beter of neutraal.';
COMMENT ON COLUMN bi.indicatoren.aggregatie IS 'som, ratio of niet_aggregeerbaar.';
COMMENT ON COLUMN bi.indicatoren.validatiestatus IS 'Alleen gevalideerde indicatoren zijn bruikbaar voor verantwoording.';
COMMENT ON COLUMN bi.indicatoren.resultaat_nummer IS 'Gekoppeld gewenst resultaat.';
COMMENT ON COLUMN bi.indicatoren.effect IS 'Gemeten maatschappelijk effect.';
COMMENT ON COLUMN bi.indicatoren.thema IS 'Thema in de sectorbrede monitor.';
COMMENT ON COLUMN bi.indicatoren.bron IS 'Herkomst van de cijfers.';
COMMENT ON COLUMN bi.indicatoren.bovengrens IS 'De hoogste waarde die kan kloppen; hogere waarden worden geweigerd.';

CREATE VIEW bi.gewenste_resultaten AS
SELECT resultaat_nummer, naam, omschrijving FROM register.gewenste_resultaten;
COMMENT ON VIEW bi.gewenste_resultaten IS 'De zes gewenste resultaten.';
COMMENT ON COLUMN bi.gewenste_resultaten.resultaat_nummer IS 'Nummer (1-6).';
COMMENT ON COLUMN bi.gewenste_resultaten.naam IS 'Naam.';
COMMENT ON COLUMN bi.gewenste_resultaten.omschrijving IS 'Omschrijving.';

CREATE VIEW bi.actielijnen AS
SELECT actielijn_code, nummer, naam, subdoelstelling FROM register.actielijnen;
COMMENT ON VIEW bi.actielijnen IS 'De actielijnen en de kennis- en leerinfrastructuur.';
COMMENT ON COLUMN bi.actielijnen.actielijn_code IS 'AL1-AL4 of KLI.';
COMMENT ON COLUMN bi.actielijnen.nummer IS 'Nummer.';
COMMENT ON COLUMN bi.actielijnen.naam IS 'Naam.';
COMMENT ON COLUMN bi.actielijnen.subdoelstelling IS 'Subdoelstelling.';

GRANT SELECT ON ALL TABLES IN SCHEMA bi TO lakmoes_bi;
