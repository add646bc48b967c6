-- R__11_api_monitors: the two monitors as published, for /v1/sectormonitor,
-- /v1/transitiemonitor, the progress reports and the BI login. Re-runnable.
--
-- The marts are private; these views read them with the owner's rights
-- (they are not security_invoker) and apply disclosure control per caller
-- (monitoring.ruwe_cijfers, R__00_onthulling): a controlled caller gets
-- counts rounded to 5, small counts and small denominators withheld, no
-- teller or noemer, no rank for a value that is not shown as it is, and
-- changes computed from the published values only. The sector monitor
-- stores its published values (computed at refresh, R__10_mart), so its
-- view only chooses; the transition monitor, a few hundred rows a half
-- year, is controlled here.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

DROP VIEW IF EXISTS api.sectormonitor, api.transitiemonitor, bi.sectormonitor, bi.transitiemonitor CASCADE;

CREATE VIEW api.sectormonitor AS
SELECT s.indicator_code || '/' || s.periode_code || '/' || s.gebied_code AS id,
       s.indicator_code AS indicator, i.naam AS "indicatorNaam", i.thema, i.eenheid,
       i.monitoringtype, i.validatiestatus,
       s.periode_code AS periode, s.gebied_code AS gebied, s.gebied_soort AS "gebiedSoort",
       o.waarde, CASE WHEN r.ruw THEN s.teller END AS teller, CASE WHEN r.ruw THEN s.noemer END AS noemer,
       o.geheimhouding, s.status, s.bron, s.geaggregeerd,
       s.leden_geleverd AS "ledenGeleverd", s.leden_totaal AS "ledenTotaal",
       s.kwartalen_geleverd AS "kwartalenGeleverd", s.kwartalen_totaal AS "kwartalenTotaal",
       s.vorige_periode AS "vorigePeriode", o.vorige AS "vorigeWaarde",
       o.waarde - o.vorige AS "verschilVorigePeriode",
       s.jaar_eerder_periode AS "jaarEerderPeriode", o.jaar_eerder AS "jaarEerderWaarde",
       o.waarde - o.jaar_eerder AS "verschilJaarEerder",
       CASE WHEN o.jaar_eerder <> 0 THEN round(100 * (o.waarde - o.jaar_eerder) / o.jaar_eerder, 1) END
           AS "verschilJaarEerderProcent",
       o.nulmeting, o.streefwaarde, s.streefvorm AS "streefvorm", s.streefjaar,
       o.streefwaarde - o.waarde AS "afstandTotStreefwaarde",
       o.nationaal AS "nationaleWaarde",
       i.basis_indicator AS "basisIndicator", CASE WHEN r.ruw THEN s.per_1000 ELSE s.openbare_per_1000 END AS "per1000",
       CASE WHEN o.geheimhouding IS NULL THEN s.rang END AS rang, s.vergelijkbaar,
       CASE WHEN o.geheimhouding IS NULL THEN s.percentiel END AS percentiel,
       s.bijgewerkt_op AS "bijgewerktOp"
  FROM mart.sectormonitor s
  JOIN monitoring.indicatoren i ON i.indicator_code = s.indicator_code
 CROSS JOIN (SELECT monitoring.ruw_bereik() AS bereik OFFSET 0) b
 -- two comparisons: "IN ('*', s.gebied_code)" would build an array per row
 CROSS JOIN LATERAL (SELECT coalesce(b.bereik = '*' OR b.bereik = s.gebied_code, false) AS ruw,
                            coalesce(b.bereik IN ('*', 'NL'), false) AS ruw_nl) r
 CROSS JOIN LATERAL (SELECT
	CASE WHEN r.ruw THEN s.waarde ELSE s.openbare_waarde END AS waarde,
	CASE WHEN NOT r.ruw THEN s.geheimhouding END AS geheimhouding,
	CASE WHEN r.ruw THEN s.vorige_waarde ELSE s.openbare_vorige_waarde END AS vorige,
	CASE WHEN r.ruw THEN s.jaar_eerder_waarde ELSE s.openbare_jaar_eerder_waarde END AS jaar_eerder,
	CASE WHEN r.ruw_nl THEN s.nationale_waarde ELSE s.openbare_nationale_waarde END AS nationaal,
	-- A baseline is a measurement too (a target is a decision, shown as
	-- it is). Few rows have one: the threshold is an InitPlan, read only
	-- when a row needs it (read for every request, it cost 0.15 ms).
	CASE WHEN r.ruw OR s.nulmeting IS NULL THEN s.nulmeting
	     ELSE monitoring.onthulde_waarde(i.eenheid, s.nulmeting, NULL, (SELECT monitoring.onthulling_drempel()))
	     END AS nulmeting,
	-- an absolute target is a decision, shown as decided; a relative one
	-- is worked out from the published baseline (V030)
	CASE WHEN r.ruw OR s.streefvorm IS DISTINCT FROM 'relatief' THEN s.streefwaarde
	     ELSE (SELECT monitoring.doelwaarde_openbaar(t)
	             FROM monitoring.streefwaarden t
	            WHERE t.indicator_code = s.indicator_code AND t.gebied_code = s.gebied_code
	              AND t.jaar = s.streefjaar AND t.soort = 'streefwaarde')
	     END AS streefwaarde) o;
COMMENT ON VIEW api.sectormonitor IS 'De sectorbrede monitor zoals gepubliceerd, met onthullingscontrole per aanroeper; voor /v1/sectormonitor, de voortgangsrapportages en bi.sectormonitor.';

CREATE VIEW api.transitiemonitor AS
SELECT t.periode_code || '/' || t.sleutel AS id, t.periode_code AS periode, t.onderdeel,
       t.indicator_code AS indicator, t.resultaat_nummer AS resultaat, t.niveau, t.horizon, t.post,
       t.groep, t.maat, t.eenheid,
       CASE WHEN t.secundair AND t.onthulling AND NOT r.ruw THEN NULL
            WHEN t.maat IN ('trend', 'verschil') THEN o.a - o.b ELSE o.a END AS waarde,
       CASE WHEN t.onthulling AND NOT r.ruw THEN
	    CASE WHEN t.secundair OR 'geheim' IN (o.ga, o.gb) THEN 'geheim'
	         WHEN 'afgerond' IN (o.ga, o.gb) THEN 'afgerond' END END AS geheimhouding
  FROM mart.transitiemonitor t
 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d
 CROSS JOIN (SELECT monitoring.ruwe_cijfers(NULL) AS ruw) r
 CROSS JOIN LATERAL (SELECT
	CASE WHEN t.onthulling AND NOT r.ruw
	     THEN monitoring.onthulde_waarde(t.eenheid, t.waarde, t.noemer, d.drempel) ELSE t.waarde END AS a,
	CASE WHEN t.onthulling AND NOT r.ruw
	     THEN monitoring.onthulde_waarde(t.eenheid, t.aftrek, t.aftrek_noemer, d.drempel) ELSE t.aftrek END AS b,
	monitoring.onthulling(t.eenheid, t.waarde, t.noemer, d.drempel) AS ga,
	CASE WHEN t.maat IN ('trend', 'verschil') THEN
	     monitoring.onthulling(t.eenheid, t.aftrek, t.aftrek_noemer, d.drempel) END AS gb) o;
COMMENT ON VIEW api.transitiemonitor IS 'De transitiemonitor zoals gepubliceerd (effecten met onthullingscontrole per aanroeper); voor /v1/transitiemonitor, de voortgangsrapportages en bi.transitiemonitor.';

GRANT SELECT ON api.sectormonitor, api.transitiemonitor
    TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;

-- BI: the same rows, in the bi schema's snake_case; the BI login is a
-- controlled caller.
CREATE VIEW bi.sectormonitor AS
SELECT s.indicator AS indicator_code, s.thema, s.eenheid, s.monitoringtype, s.validatiestatus,
       s.periode AS periode_code, s.gebied AS gebied_code,
       s."gebiedSoort" AS gebied_soort, s.waarde, s.geheimhouding, s.status, s.bron, s.geaggregeerd,
       s."ledenGeleverd" AS leden_geleverd, s."ledenTotaal" AS leden_totaal,
       s."kwartalenGeleverd" AS kwartalen_geleverd, s."kwartalenTotaal" AS kwartalen_totaal,
       s."vorigePeriode" AS vorige_periode, s."vorigeWaarde" AS vorige_waarde,
       s."verschilVorigePeriode" AS verschil_vorige_periode,
       s."jaarEerderPeriode" AS jaar_eerder_periode, s."jaarEerderWaarde" AS jaar_eerder_waarde,
       s."verschilJaarEerder" AS verschil_jaar_eerder, s."verschilJaarEerderProcent" AS verschil_jaar_eerder_procent,
       s.nulmeting, s.streefwaarde, s.streefvorm, s.streefjaar, s."afstandTotStreefwaarde" AS afstand_tot_streefwaarde,
       s."nationaleWaarde" AS nationale_waarde, s."basisIndicator" AS basis_indicator, s."per1000" AS per_1000,
       s.rang, s.vergelijkbaar, s.percentiel,
       s."bijgewerktOp" AS bijgewerkt_op
  FROM api.sectormonitor s;
COMMENT ON VIEW bi.sectormonitor IS 'Sectorbrede monitor: per indicator, periode en gebied de waarde (geleverd of opgeteld uit de gemeenten), vergeleken met de vorige periode, een jaar eerder, nulmeting, streefwaarde, het landelijk cijfer en gebieden van dezelfde soort. Met onthullingscontrole.';
COMMENT ON COLUMN bi.sectormonitor.indicator_code IS 'De indicator (bi.indicatoren).';
COMMENT ON COLUMN bi.sectormonitor.thema IS 'Thema van de monitor (werking_stelsel, betekenis_doelgroep, veiligheid_doelgroep, veiligheid_professionals, effect_…).';
COMMENT ON COLUMN bi.sectormonitor.eenheid IS 'aantal, percentage, dagen, score of euro.';
COMMENT ON COLUMN bi.sectormonitor.monitoringtype IS 'landelijk (gestandaardiseerd, voor verantwoording zodra gevalideerd) of diagnostisch (voor het leren in de regio).';
COMMENT ON COLUMN bi.sectormonitor.validatiestatus IS 'in_ontwikkeling, gevalideerd of vervallen: alleen gevalideerde landelijke cijfers zijn voor verantwoording.';
COMMENT ON COLUMN bi.sectormonitor.periode_code IS 'De periode (bi.perioden).';
COMMENT ON COLUMN bi.sectormonitor.gebied_code IS 'Het gebied (bi.gebieden).';
COMMENT ON COLUMN bi.sectormonitor.gebied_soort IS 'Soort gebied; rang en percentiel zijn onder gebieden van deze soort.';
COMMENT ON COLUMN bi.sectormonitor.waarde IS 'De waarde; aantallen afgerond op 5; leeg als ze geheim is (klein, of secundair geheimgehouden omdat ze anders een kleine cel zou prijsgeven), of bij een afgeleide periode waarvan een kwartaal ontbreekt (onvolledig).';
COMMENT ON COLUMN bi.sectormonitor.geheimhouding IS 'afgerond, geheim of leeg.';
COMMENT ON COLUMN bi.sectormonitor.status IS 'voorlopig, nader_voorlopig of definitief (bij een aggregaat de minst definitieve).';
COMMENT ON COLUMN bi.sectormonitor.bron IS 'Herkomst van de waarde.';
COMMENT ON COLUMN bi.sectormonitor.geaggregeerd IS 'Waar: opgeteld uit de gemeenten van het gebied.';
COMMENT ON COLUMN bi.sectormonitor.leden_geleverd IS 'Bij een aggregaat: gemeenten met een waarde.';
COMMENT ON COLUMN bi.sectormonitor.kwartalen_geleverd IS 'Bij een halfjaar of jaar afgeleid uit kwartalen (tijdregel van de indicator): de kwartalen met een waarde.';
COMMENT ON COLUMN bi.sectormonitor.kwartalen_totaal IS 'Bij een afgeleid halfjaar of jaar: de kwartalen van de periode; minder geleverd dan dit: onvolledig, zonder waarde.';
COMMENT ON COLUMN bi.sectormonitor.leden_totaal IS 'Bij een aggregaat: gemeenten in het gebied.';
COMMENT ON COLUMN bi.sectormonitor.vorige_periode IS 'De periode ervoor.';
COMMENT ON COLUMN bi.sectormonitor.vorige_waarde IS 'De waarde in de periode ervoor.';
COMMENT ON COLUMN bi.sectormonitor.verschil_vorige_periode IS 'Verschil met de periode ervoor.';
COMMENT ON COLUMN bi.sectormonitor.jaar_eerder_periode IS 'Dezelfde periode een jaar eerder.';
COMMENT ON COLUMN bi.sectormonitor.jaar_eerder_waarde IS 'De waarde een jaar eerder.';
COMMENT ON COLUMN bi.sectormonitor.verschil_jaar_eerder IS 'Verschil met een jaar eerder.';
COMMENT ON COLUMN bi.sectormonitor.verschil_jaar_eerder_procent IS 'Verschil met een jaar eerder in procenten van toen.';
COMMENT ON COLUMN bi.sectormonitor.nulmeting IS 'Nulmeting van het gebied; aantallen afgerond op 5, leeg onder de drempel.';
COMMENT ON COLUMN bi.sectormonitor.streefwaarde IS 'Eerstvolgende streefwaarde van het gebied, in de eenheid van de indicator (bij een relatieve: de nulmeting veranderd met het besloten percentage).';
COMMENT ON COLUMN bi.sectormonitor.streefvorm IS 'absoluut (besloten waarde) of relatief (verandering ten opzichte van een nulmeting; de streefwaarde is daaruit berekend, aantallen afgerond op 5).';
COMMENT ON COLUMN bi.sectormonitor.streefjaar IS 'Jaar van die streefwaarde.';
COMMENT ON COLUMN bi.sectormonitor.afstand_tot_streefwaarde IS 'Streefwaarde min waarde.';
COMMENT ON COLUMN bi.sectormonitor.nationale_waarde IS 'De waarde voor Nederland in dezelfde periode.';
COMMENT ON COLUMN bi.sectormonitor.basis_indicator IS 'De bevolkingsgrondslag van een aantal (CBS_INWONERS of CBS_MINDERJARIGEN), leeg zonder.';
COMMENT ON COLUMN bi.sectormonitor.per_1000 IS 'De waarde per 1.000 van de grondslag in het jaar van de periode (of het laatste jaar ervoor), uit de gepubliceerde waarde; leeg zonder grondslag of als de waarde geheim is.';
COMMENT ON COLUMN bi.sectormonitor.rang IS 'Rang onder gebieden van dezelfde soort, 1 = beste; leeg als de waarde niet ongewijzigd getoond wordt.';
COMMENT ON COLUMN bi.sectormonitor.vergelijkbaar IS 'Aantal gebieden van dezelfde soort met een waarde.';
COMMENT ON COLUMN bi.sectormonitor.percentiel IS '100 = beste, 0 = slechtste van de gebieden van dezelfde soort.';
COMMENT ON COLUMN bi.sectormonitor.bijgewerkt_op IS 'Laatste vastlegging waarop de rij berust.';

CREATE VIEW bi.transitiemonitor AS
SELECT t.periode AS periode_code, t.onderdeel, t.indicator AS indicator_code,
       t.resultaat AS resultaat_nummer, t.niveau, t.horizon, t.post, t.groep, t.maat, t.eenheid,
       t.waarde, t.geheimhouding
  FROM api.transitiemonitor t;
COMMENT ON VIEW bi.transitiemonitor IS 'Transitiemonitor per halfjaar: effecten in proeftuinen tegenover de overige gemeenten, acties per gewenst resultaat en niveau, mijlpalen, kennisopdrachten met blinde vlekken, geografische spreiding en begrotingsrealisatie. Effecten met onthullingscontrole.';
COMMENT ON COLUMN bi.transitiemonitor.periode_code IS 'Het halfjaar.';
COMMENT ON COLUMN bi.transitiemonitor.onderdeel IS 'effecten, acties, mijlpalen, kennisopdrachten, spreiding, begroting of helikopterblik (alles wat het programma doet tegen de zes gewenste resultaten: per resultaat, of nog niet gekoppeld, en soort (groep: projecten, producten, acties, kennisopdrachten) hoeveel direct en indirect bijdragen; minste_volume noemt het resultaat met het minste volume).';
COMMENT ON COLUMN bi.transitiemonitor.indicator_code IS 'De effectindicator (effecten).';
COMMENT ON COLUMN bi.transitiemonitor.resultaat_nummer IS 'Het gewenste resultaat (acties: leeg = zonder resultaat; kennisopdrachten).';
COMMENT ON COLUMN bi.transitiemonitor.niveau IS 'governance, organisaties of professionals (acties).';
COMMENT ON COLUMN bi.transitiemonitor.horizon IS 'Horizon 1-3 (kennisopdrachten).';
COMMENT ON COLUMN bi.transitiemonitor.post IS 'Begrotingspost (begroting).';
COMMENT ON COLUMN bi.transitiemonitor.groep IS 'proeftuinen (PTS0) of overig (NLR0, Nederland zonder proeftuinen) (effecten); soort actie (acties); groep gemeenten (spreiding).';
COMMENT ON COLUMN bi.transitiemonitor.maat IS 'niveau, trend, verschil, aantal, gepland, op_tijd, te_laat, open, vervallen, blinde_vlek, gemeenten, aandeel, begroot, gerealiseerd of realisatie.';
COMMENT ON COLUMN bi.transitiemonitor.eenheid IS 'aantal, percentage, dagen, score, euro of per_1000 (het verschil van proeftuinen en de rest in aantallen per 1.000 van de bevolkingsgrondslag).';
COMMENT ON COLUMN bi.transitiemonitor.waarde IS 'Het getal; bij effecten aantallen afgerond op 5 en leeg als het geheim is.';
COMMENT ON COLUMN bi.transitiemonitor.geheimhouding IS 'afgerond, geheim of leeg (alleen effecten).';

GRANT SELECT ON bi.sectormonitor, bi.transitiemonitor TO lakmoes_bi;
