-- R__12_bi_registers: the programme's registers, and the catalogue's
-- baselines and targets, for BI tools (Power BI, Excel, Metabase) through
-- the read-only lakmoes_bi login: the same resources as /v1/projecten …
-- /v1/doelgroepschattingen and /v1/streefwaarden, one view each, with the
-- register's own column names, and the links of acties and kennisopdrachten
-- to the gewenste resultaten as tables of their own (a relationship in
-- Power BI, where the API gives a list). Re-runnable.
--
-- The views run with the owner's rights, as the other bi views do, so they
-- show what the API shows a member of the programme (R__07 and the
-- policies of V007): concept definitions of the doelgroep are left out,
-- and estimates only for a vastgestelde definition. Estimates count
-- children, adults, households or families, so they are disclosure-
-- controlled like every figure in bi (R__00): rounded to 5, withheld below
-- the threshold, and their bounds with them. So is a baseline (nulmeting),
-- a measurement; a target is a decision and is shown as it is.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

DROP VIEW IF EXISTS bi.projecten, bi.producten, bi.acties, bi.actie_resultaten, bi.mijlpalen,
    bi.project_resultaten, bi.product_resultaten, bi.kennisaarden, bi.kennisopdracht_besluiten, bi.blinde_vlekken,
    bi.overlegorganen, bi.scorekaart_criteria, bi.rvt_scores, bi.rvt_wegingen, bi.rvt_gewichten,
    bi.rvt_ontwerpkeuzes, bi.rvt_rangorde,
    bi.besluiten, bi.kennisopdrachten, bi.kennisopdracht_resultaten, bi.begroting, bi.rvt_varianten,
    bi.basisbouwstenen, bi.doelgroepdefinities, bi.doelgroepschattingen, bi.streefwaarden CASCADE;

CREATE VIEW bi.projecten AS
SELECT project_code, actielijn_code, naam, omschrijving, status FROM register.projecten;
COMMENT ON VIEW bi.projecten IS 'Projecten per actielijn (bi.actielijnen).';

CREATE VIEW bi.producten AS
SELECT product_id, actielijn_code, project_code, naam, soort, status, gepland_date, opgeleverd_date
  FROM register.producten;
COMMENT ON VIEW bi.producten IS 'Producten en activiteiten per actielijn en project.';

CREATE VIEW bi.acties AS
SELECT actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status, start_date, eind_date
  FROM register.acties;
COMMENT ON VIEW bi.acties IS 'Acties voor verandering, met niveau, principe en soort; de resultaten die ze dienen staan in bi.actie_resultaten.';

CREATE VIEW bi.actie_resultaten AS
SELECT actie_id, resultaat_nummer, bijdrage FROM register.actie_resultaten;
COMMENT ON VIEW bi.actie_resultaten IS 'Aan welke gewenste resultaten (bi.gewenste_resultaten) een actie (bi.acties) bijdraagt, direct of indirect.';

CREATE VIEW bi.project_resultaten AS
SELECT project_code, resultaat_nummer, bijdrage FROM register.project_resultaten;
COMMENT ON VIEW bi.project_resultaten IS 'Welke gewenste resultaten (bi.gewenste_resultaten) een project (bi.projecten) dient, direct of indirect; een project zonder rij is nog niet gekoppeld.';

CREATE VIEW bi.product_resultaten AS
SELECT product_id, resultaat_nummer, bijdrage FROM register.product_resultaten;
COMMENT ON VIEW bi.product_resultaten IS 'Welke gewenste resultaten (bi.gewenste_resultaten) een product of activiteit (bi.producten) dient, direct of indirect; zonder rij: nog niet gekoppeld.';

CREATE VIEW bi.mijlpalen AS
SELECT mijlpaal_id, actielijn_code, project_code, naam, gepland_date, gerealiseerd_date, status, beslisorgaan
  FROM register.mijlpalen;
COMMENT ON VIEW bi.mijlpalen IS 'Mijlpalen en beslismomenten met geplande en werkelijke datum.';

CREATE VIEW bi.besluiten AS
SELECT besluit_id, mijlpaal_id, orgaan, besluit_date, onderwerp, besluit FROM register.besluiten;
COMMENT ON VIEW bi.besluiten IS 'Besluiten van de overleggremia en de Tweede Kamer, eventueel over een mijlpaal (bi.mijlpalen).';

CREATE VIEW bi.kennisopdrachten AS
SELECT kennisopdracht_id, titel, omschrijving, horizon, gelaagdheid, cyclusfase, makelaarsrol, aard_code,
       opdrachtnemer, status
  FROM register.kennisopdrachten;
COMMENT ON VIEW bi.kennisopdrachten IS 'Kennisopdrachten naar horizon, gelaagdheid, fase in de kenniscyclus en rol van kennismakelaardij; de resultaten die ze dienen staan in bi.kennisopdracht_resultaten.';

CREATE VIEW bi.kennisaarden AS
SELECT aard_code, naam, omschrijving FROM register.kennisaarden;
COMMENT ON VIEW bi.kennisaarden IS 'De categorieën van de aard van kennis (bi.kennisopdrachten.aard_code) die het programma vaststelt.';

CREATE VIEW bi.kennisopdracht_besluiten AS
SELECT kennisopdracht_id, besluit_id FROM register.kennisopdracht_besluiten;
COMMENT ON VIEW bi.kennisopdracht_besluiten IS 'Welke besluiten (bi.besluiten) een kennisopdracht (bi.kennisopdrachten) heeft gevoed.';

CREATE VIEW bi.blinde_vlekken AS
SELECT dimensie, resultaat AS resultaat_nummer, categorie, aantal, leeg, dun FROM api.blinde_vlekken;
COMMENT ON VIEW bi.blinde_vlekken IS 'Blinde vlekken in de kennis: per gewenst resultaat en categorie van horizon, gelaagdheid, cyclusfase, makelaarsrol en aard het aantal kennisopdrachten; leeg: geen, dun: één.';
COMMENT ON COLUMN bi.blinde_vlekken.dimensie IS 'horizon, gelaagdheid, cyclusfase, makelaarsrol of aard.';
COMMENT ON COLUMN bi.blinde_vlekken.resultaat_nummer IS 'Het gewenste resultaat (bi.gewenste_resultaten).';
COMMENT ON COLUMN bi.blinde_vlekken.categorie IS 'De categorie binnen de dimensie; bij aard een aard_code of onbekend.';
COMMENT ON COLUMN bi.blinde_vlekken.aantal IS 'Kennisopdrachten die het resultaat in deze categorie dienen, direct of indirect.';
COMMENT ON COLUMN bi.blinde_vlekken.leeg IS 'Waar als er geen enkele is: een blinde vlek.';
COMMENT ON COLUMN bi.blinde_vlekken.dun IS 'Waar als er precies één is.';

CREATE VIEW bi.kennisopdracht_resultaten AS
SELECT kennisopdracht_id, resultaat_nummer, bijdrage FROM register.kennisopdracht_resultaten;
COMMENT ON VIEW bi.kennisopdracht_resultaten IS 'Welke gewenste resultaten (bi.gewenste_resultaten) een kennisopdracht (bi.kennisopdrachten) dient.';

CREATE VIEW bi.begroting AS
SELECT begrotingsregel_id, jaar, post, actielijn_code, proeftuin_code, kostensoort, begroot_euro, gerealiseerd_euro,
       bron
  FROM register.begrotingsregels;
COMMENT ON VIEW bi.begroting IS 'Begroting per jaar en post (en eventueel proeftuin, bi.proeftuinen), met de realisatie; kostensoort transitie of transformatie.';

CREATE VIEW bi.overlegorganen AS
SELECT orgaan_code, naam, frequentie, keer_per_jaar, partners, ring FROM register.overlegorganen;
COMMENT ON VIEW bi.overlegorganen IS 'De overlegstructuur en de Tweede Kamer (bi.besluiten.orgaan, bi.mijlpalen.beslisorgaan).';

CREATE VIEW bi.rvt_varianten AS
SELECT variant_code, naam, omschrijving, is_voorkeur FROM register.rvt_varianten;
COMMENT ON VIEW bi.rvt_varianten IS 'Varianten voor de regionale veiligheidsteams (RVT).';

CREATE VIEW bi.scorekaart_criteria AS
SELECT criterium_code, naam, omschrijving FROM register.scorekaart_criteria;
COMMENT ON VIEW bi.scorekaart_criteria IS 'De criteria van de scorekaart voor RVT-varianten; hun gewichten staan per weging in bi.rvt_gewichten.';

CREATE VIEW bi.rvt_scores AS
SELECT score_id, variant_code, criterium_code, score, toelichting FROM register.rvt_scores;
COMMENT ON VIEW bi.rvt_scores IS 'Score (1-5) van een RVT-variant (bi.rvt_varianten) op een criterium (bi.scorekaart_criteria).';

CREATE VIEW bi.rvt_wegingen AS
SELECT weging_id, naam, status, besluit_id FROM register.rvt_wegingen;
COMMENT ON VIEW bi.rvt_wegingen IS 'Wegingen van de scorekaart; een vastgestelde berust op een besluit (bi.besluiten) en verandert niet meer.';

CREATE VIEW bi.rvt_gewichten AS
SELECT weging_id, criterium_code, gewicht FROM register.rvt_gewichten;
COMMENT ON VIEW bi.rvt_gewichten IS 'Het gewicht van elk criterium (bi.scorekaart_criteria) in een weging (bi.rvt_wegingen).';

CREATE VIEW bi.rvt_ontwerpkeuzes AS
SELECT variant_code, keuze, waarde FROM register.rvt_ontwerpkeuzes;
COMMENT ON VIEW bi.rvt_ontwerpkeuzes IS 'De keuze van een RVT-variant op elke ontwerpvraag van het plan.';

CREATE VIEW bi.rvt_rangorde AS
SELECT weging AS weging_id, variant AS variant_code, totaal, gescoord, criteria, volledig, rang FROM api.rvt_rangorde;
COMMENT ON VIEW bi.rvt_rangorde IS 'Gewogen totaalscore en rang van elke RVT-variant onder elke weging: zet twee wegingen naast elkaar om te zien hoe de rangorde verschuift.';
COMMENT ON COLUMN bi.rvt_rangorde.weging_id IS 'De weging (bi.rvt_wegingen).';
COMMENT ON COLUMN bi.rvt_rangorde.variant_code IS 'De variant (bi.rvt_varianten).';
COMMENT ON COLUMN bi.rvt_rangorde.totaal IS 'Som van gewicht × score over de gescoorde criteria, gedeeld door hun gewichten (1-5).';
COMMENT ON COLUMN bi.rvt_rangorde.gescoord IS 'Criteria van de weging met een score.';
COMMENT ON COLUMN bi.rvt_rangorde.criteria IS 'Criteria in de weging.';
COMMENT ON COLUMN bi.rvt_rangorde.volledig IS 'Waar als alle criteria gescoord zijn.';
COMMENT ON COLUMN bi.rvt_rangorde.rang IS 'Rang onder de volledig gescoorde varianten, 1 = beste.';

CREATE VIEW bi.basisbouwstenen AS
SELECT basisbouwsteen_id, gemeente_code, geldig_van, geldig_tot, bron FROM register.basisbouwstenen;
COMMENT ON VIEW bi.basisbouwstenen IS 'Gemeenten (bi.gemeenten) die aan de basisbouwstenen van de nieuwe werkwijze werken, met de periode.';

CREATE VIEW bi.doelgroepdefinities AS
SELECT definitie_id, versie, naam, criteria, status, geldig_vanaf
  FROM doelgroep.definities
 WHERE status <> 'concept';
COMMENT ON VIEW bi.doelgroepdefinities IS 'Vastgestelde en vervallen versies van de doelgroepdefinitie (concepten niet).';

CREATE VIEW bi.doelgroepschattingen AS
SELECT s.schatting_id, s.definitie_id, s.gebied_code, s.periode_code, s.regime, s.probleemgebied, s.eenheid,
       s.leeftijdsklasse,
       o.waarde, o.ondergrens, o.bovengrens, o.geheimhouding, s.methode, s.bron
  FROM doelgroep.schattingen s
  JOIN doelgroep.definities f ON f.definitie_id = s.definitie_id AND f.status = 'vastgesteld'
 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d
 CROSS JOIN LATERAL doelgroep.onthulde_schatting(s.waarde, s.ondergrens, s.bovengrens, d.drempel) o;
COMMENT ON VIEW bi.doelgroepschattingen IS 'Schattingen van de omvang van de doelgroep volgens een vastgestelde definitie (bi.doelgroepdefinities), per gebied en periode. Met onthullingscontrole.';

CREATE VIEW bi.streefwaarden AS
SELECT s.indicator_code, s.gebied_code, s.jaar, s.soort,
       CASE WHEN s.soort = 'nulmeting' THEN monitoring.onthulde_waarde(i.eenheid, s.waarde, NULL, d.drempel)
            ELSE s.waarde END AS waarde,
       CASE WHEN s.soort = 'nulmeting' THEN monitoring.onthulling(i.eenheid, s.waarde, NULL, d.drempel)
            END AS geheimhouding,
       s.besluit
  FROM monitoring.streefwaarden s
  JOIN monitoring.indicatoren i ON i.indicator_code = s.indicator_code
 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d;
COMMENT ON VIEW bi.streefwaarden IS 'Nulmetingen en streefwaarden per indicator (bi.indicatoren), gebied en jaar, met het besluit waarop ze berusten. Nulmetingen met onthullingscontrole.';

-- Each column keeps the description of the register column it shows.
DO $$
DECLARE
	c record;
BEGIN
	FOR c IN
		SELECT v.oid::regclass AS view, a.attname AS kolom, col_description(t.oid, b.attnum) AS tekst
		  FROM (VALUES ('bi.projecten', 'register.projecten'), ('bi.producten', 'register.producten'),
		               ('bi.acties', 'register.acties'), ('bi.actie_resultaten', 'register.actie_resultaten'),
		               ('bi.project_resultaten', 'register.project_resultaten'),
		               ('bi.product_resultaten', 'register.product_resultaten'),
		               ('bi.mijlpalen', 'register.mijlpalen'), ('bi.besluiten', 'register.besluiten'),
		               ('bi.kennisopdrachten', 'register.kennisopdrachten'),
		               ('bi.kennisopdracht_resultaten', 'register.kennisopdracht_resultaten'),
		               ('bi.kennisaarden', 'register.kennisaarden'),
		               ('bi.overlegorganen', 'register.overlegorganen'),
		               ('bi.kennisopdracht_besluiten', 'register.kennisopdracht_besluiten'),
		               ('bi.begroting', 'register.begrotingsregels'),
		               ('bi.rvt_varianten', 'register.rvt_varianten'),
		               ('bi.scorekaart_criteria', 'register.scorekaart_criteria'),
		               ('bi.rvt_scores', 'register.rvt_scores'), ('bi.rvt_wegingen', 'register.rvt_wegingen'),
		               ('bi.rvt_gewichten', 'register.rvt_gewichten'),
		               ('bi.rvt_ontwerpkeuzes', 'register.rvt_ontwerpkeuzes'),
		               ('bi.basisbouwstenen', 'register.basisbouwstenen'),
		               ('bi.doelgroepdefinities', 'doelgroep.definities'),
		               ('bi.doelgroepschattingen', 'doelgroep.schattingen'),
		               ('bi.streefwaarden', 'monitoring.streefwaarden')) p (vnaam, tnaam)
		  JOIN pg_class v ON v.oid = p.vnaam::regclass
		  JOIN pg_class t ON t.oid = p.tnaam::regclass
		  JOIN pg_attribute a ON a.attrelid = v.oid AND a.attnum > 0
		  JOIN pg_attribute b ON b.attrelid = t.oid AND b.attname = a.attname AND NOT b.attisdropped
	LOOP
		EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', c.view, c.kolom, c.tekst);
	END LOOP;
END
$$;
-- What disclosure control changes, said where it applies.
COMMENT ON COLUMN bi.doelgroepschattingen.waarde IS 'Puntschatting, afgerond op 5; leeg als ze onder de drempel ligt (geheimhouding geheim).';
COMMENT ON COLUMN bi.doelgroepschattingen.ondergrens IS 'Ondergrens van de schatting, afgerond op 5; leeg onder de drempel of als de schatting geheim is.';
COMMENT ON COLUMN bi.doelgroepschattingen.bovengrens IS 'Bovengrens van de schatting, afgerond op 5; leeg onder de drempel of als de schatting geheim is.';
COMMENT ON COLUMN bi.doelgroepschattingen.geheimhouding IS 'afgerond (op 5 afgerond) of geheim (te klein om te tonen).';
COMMENT ON COLUMN bi.streefwaarden.waarde IS 'De waarde, in de eenheid van de indicator; een nulmeting van een aantal afgerond op 5 en leeg onder de drempel.';
COMMENT ON COLUMN bi.streefwaarden.geheimhouding IS 'Bij een nulmeting: afgerond (aantal op 5 afgerond), geheim (te klein om te tonen) of leeg.';

GRANT SELECT ON bi.projecten, bi.producten, bi.acties, bi.actie_resultaten, bi.mijlpalen, bi.besluiten,
    bi.project_resultaten, bi.product_resultaten, bi.kennisaarden, bi.kennisopdracht_besluiten, bi.blinde_vlekken,
    bi.overlegorganen, bi.scorekaart_criteria, bi.rvt_scores, bi.rvt_wegingen, bi.rvt_gewichten,
    bi.rvt_ontwerpkeuzes, bi.rvt_rangorde,
    bi.kennisopdrachten, bi.kennisopdracht_resultaten, bi.begroting, bi.rvt_varianten, bi.basisbouwstenen,
    bi.doelgroepdefinities, bi.doelgroepschattingen, bi.streefwaarden TO lakmoes_bi;
