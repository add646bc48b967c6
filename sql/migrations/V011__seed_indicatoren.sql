-- V011: seed the indicator catalogue and version 1 of the quarterly
-- questionnaire (basismonitoring).
--
-- Purpose:
--   monitoring.indicatoren   (a) the headline societal-effect indicators
--                            (EFF_*), landelijk; (b) the indicators the
--                            quarterly basismonitoring of the proeftuinen
--                            feeds (BM_*), landelijk where the figure is
--                            asked uniformly and compared with the regular
--                            way of working, diagnostisch where it follows
--                            the local way of working.
--   monitoring.vragenlijsten version 1 of the basismonitoring (from 2022-01-01)
--   monitoring.vragen        its questions: algemeen, kwartaalcijfers,
--                            ervaringen
-- All indicators are 'in_ontwikkeling': baselines and targets are still to be
-- quantified and the data may not be used for accountability before their
-- quality is validated.
--
-- Sources (/work/shared/seeds):
--   003_… programmaplan Toekomstscenario kind- en gezinsbescherming:
--         §1.2 (maatschappelijke effecten en footnote 9: indicatoren en
--         kwantificering zijn een product van actielijn 2), §2.2.1 (doel 2030),
--         §2.2.2 (doelstelling 1: gezamenlijke analyse en planvorming),
--         §2.2.4 (beproeven, ontwikkelen, verbreden, versterken),
--         §3.2.2.5 (project Ontwikkelen sturingsinformatie en betekenisvol
--         meten: basismonitoring, verdieping, regio's), §3.2.2.6 (producten),
--         §3.2.4 (experimenteerkader, netwerkorganisatie), §3.4 (ervaringen
--         proeftuinen: vast gezicht, minder wisselingen, vertrouwen).
--   002_… notitie Leren en ontwikkelen, Hervormingsagenda Jeugd:
--         hoofdnotitie §3 (landelijke en diagnostische monitoring; pas
--         verantwoorden na validatie), bijlage 4 (soorten gegevens:
--         maatschappelijk doel, proces, output, outcome; kwantitatief of
--         kwalitatief; beperk de administratieve druk).
-- The six gewenste resultaten (register.gewenste_resultaten) are seeded by
-- V010; resultaat_nummer is set only where the link is clear.
-- No personal data: the questionnaire asks aggregates per quarter only, and
-- every free-text question says "zonder namen of herleidbare gegevens".
-- Reversible: DELETE FROM the seeded tables (monitoring.vragen,
-- monitoring.vragenlijsten WHERE vragenlijst_id = 1, monitoring.indicatoren
-- WHERE indicator_code LIKE 'EFF\_%' OR indicator_code LIKE 'BM\_%').

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- (a) Maatschappelijke effecten, 003 §1.2 ------------------------------------
-- "Aan de hand van indicatoren volgen we of we op de goede weg zijn richting
-- het maatschappelijk effect." Population-level figures are soort
-- maatschappelijk_doel; figures about those who received help are outcome.

INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype,
	meetwijze, richting, aggregatie, validatiestatus, resultaat_nummer, effect, bron)
VALUES
	('EFF_TIJDIGHEID',
	 'Tijdigheid van hulp en bescherming',
	 'Gemiddeld aantal kalenderdagen tussen de eerste melding of adviesvraag over (dreigende) onveiligheid in de thuissituatie bij Veilig Thuis of het lokaal team en de start van passende hulp of bescherming voor het huishouden. Teller: som van de doorlooptijden in dagen van de trajecten waarvan de hulp of bescherming in de periode is gestart; noemer: aantal van die trajecten. Het precieze begin- en eindpunt wordt in actielijn 2 uitgewerkt.',
	 'dagen', 'outcome', 'landelijk', 'kwantitatief', 'lager_beter', 'ratio', 'in_ontwikkeling', 3,
	 'Een substantiële verbetering van de tijdigheid.',
	 'Veilig Thuis (CBS) en basismonitoring; precieze bron nog te bepalen'),
	('EFF_GEDWONGEN_KADER',
	 'Jeugdigen in het gedwongen kader',
	 'Percentage van de jeugdigen van 0 tot en met 17 jaar met een lopende jeugdbeschermingsmaatregel (ondertoezichtstelling of voogdij) op enig moment in de periode. Teller: aantal unieke jeugdigen met een lopende maatregel in de periode; noemer: aantal inwoners van 0 tot en met 17 jaar op 1 januari van het jaar.',
	 'percentage', 'maatschappelijk_doel', 'landelijk', 'kwantitatief', 'lager_beter', 'ratio', 'in_ontwikkeling', NULL,
	 'Een aanmerkelijke vermindering van trajecten in het gedwongen kader (in het bijzonder uithuisplaatsingen).',
	 'CBS Jeugdbeschermingsstatistiek'),
	('EFF_UITHUISPLAATSINGEN',
	 'Gedwongen uithuisplaatsingen',
	 'Aantal jeugdigen voor wie in de periode een uithuisplaatsing in het gedwongen kader is gestart: een machtiging uithuisplaatsing bij een ondertoezichtstelling (inclusief spoedmachtiging) of plaatsing bij voogdij. Iedere jeugdige telt één keer per periode.',
	 'aantal', 'maatschappelijk_doel', 'landelijk', 'kwantitatief', 'lager_beter', 'som', 'in_ontwikkeling', NULL,
	 'Een aanmerkelijke vermindering van trajecten in het gedwongen kader (in het bijzonder uithuisplaatsingen).',
	 'CBS Jeugdbeschermingsstatistiek; nog te bevestigen'),
	('EFF_TERUGVAL',
	 'Terugval in onveiligheid',
	 'Percentage van de huishoudens waarvan de betrokkenheid van Veilig Thuis of het hulp- of beschermingstraject vanwege onveiligheid in de referentieperiode is afgesloten en voor wie binnen 24 maanden na afsluiting opnieuw een melding van onveiligheid bij Veilig Thuis is gedaan. Teller: aantal van die huishoudens met een nieuwe melding binnen 24 maanden; noemer: aantal huishoudens met een afsluiting in de referentieperiode. Koppeling op huishoudniveau alleen gepseudonimiseerd.',
	 'percentage', 'maatschappelijk_doel', 'landelijk', 'kwantitatief', 'lager_beter', 'ratio', 'in_ontwikkeling', NULL,
	 'Een flinke reductie van het aantal gezinnen en huishoudens dat in de loop der jaren terugvalt in onveiligheid.',
	 'Veilig Thuis (CBS); koppeling op huishoudniveau nog te bepalen'),
	('EFF_VERTROUWEN_CLIENTEN',
	 'Vertrouwen van kinderen en volwassenen',
	 'Gemiddeld rapportcijfer (1-10) dat kinderen (vanaf 12 jaar) en volwassenen die in de periode met hulp of bescherming vanwege onveiligheid te maken hadden, geven op de vraag hoeveel vertrouwen zij hebben in de kind- en gezinsbescherming. Teller: som van de gegeven cijfers; noemer: aantal respondenten.',
	 'score', 'outcome', 'landelijk', 'kwantitatief', 'hoger_beter', 'ratio', 'in_ontwikkeling', NULL,
	 'Een significant versterkt vertrouwen van kinderen en volwassenen in kind- en gezinsbescherming.',
	 'belevingsonderzoek; nog te bepalen'),
	-- 2030 additions, 003 §2.2.1 -------------------------------------------------
	('EFF_ERNSTIGE_BEDREIGING',
	 'Mensen met een ernstige bedreiging van een veilige thuissituatie',
	 'Aantal unieke kinderen en volwassenen betrokken bij een in de periode afgesloten onderzoek van Veilig Thuis waarin (een vermoeden van) huiselijk geweld of kindermishandeling is bevestigd, of bij een in de periode gestart beschermingsonderzoek van de Raad voor de Kinderbescherming. Ieder persoon telt één keer per periode. Benadering totdat de doelgroepanalyse (actielijn 2) een definitie vaststelt.',
	 'aantal', 'maatschappelijk_doel', 'landelijk', 'kwantitatief', 'lager_beter', 'som', 'in_ontwikkeling', NULL,
	 'In 2030: verminderen van het aantal mensen dat te maken heeft met ernstige bedreiging van een gezonde en veilige thuissituatie.',
	 'Veilig Thuis (CBS) en RvdK; nog te bepalen'),
	('EFF_VERTROUWEN_PROFESSIONALS',
	 'Vertrouwen van professionals',
	 'Gemiddeld rapportcijfer (1-10) dat professionals van lokale teams, Veilig Thuis, Raad voor de Kinderbescherming, gecertificeerde instellingen en specialistische aanbieders geven op de vraag hoeveel vertrouwen zij hebben in de kind- en gezinsbescherming als stelsel. Teller: som van de gegeven cijfers; noemer: aantal respondenten.',
	 'score', 'outcome', 'landelijk', 'kwantitatief', 'hoger_beter', 'ratio', 'in_ontwikkeling', 6,
	 'In 2030: verhogen van het vertrouwen van professionals in kind- en gezinsbescherming.',
	 'belevingsonderzoek onder professionals; nog te bepalen'),
	('EFF_BESCHERMINGSMAATREGELEN',
	 'Nieuwe kinderbeschermingsmaatregelen',
	 'Aantal kinderbeschermingsmaatregelen dat in de periode door de kinderrechter is uitgesproken: ondertoezichtstellingen (inclusief voorlopige) en maatregelen die het gezag beëindigen. Verlengingen tellen niet mee. Iedere jeugdige telt één keer per soort maatregel per periode.',
	 'aantal', 'maatschappelijk_doel', 'landelijk', 'kwantitatief', 'lager_beter', 'som', 'in_ontwikkeling', NULL,
	 'In 2030: het substantieel verlagen van het aantal beschermingsmaatregelen.',
	 'CBS Jeugdbeschermingsstatistiek');

-- (b) Basismonitoring, 003 §3.2.2.5 and 002 bijlage 4 ------------------------
-- What the quarterly questionnaire must show: (1) differences for children,
-- adults and professionals between the new and the regular way of working,
-- (2) what regions did and found, (3) aspects of the RVT variants, (4)
-- societal effects. Figures are counted per proeftuin per quarter; a
-- household counts once per figure per quarter. "Huishouden" includes
-- households without children (003 footnote 6).

-- Volume: who is reached by the new way of working (output).
INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype,
	meetwijze, richting, aggregatie, validatiestatus, resultaat_nummer, effect, bron)
VALUES
	('BM_HUISHOUDENS_NIEUW',
	 'Nieuwe huishoudens in de nieuwe werkwijze',
	 'Aantal gezinnen en huishoudens waarmee in het kwartaal voor het eerst volgens de nieuwe werkwijze van de proeftuin is gestart (instroom, nieuwe casussen). Een huishouden dat na afsluiting opnieuw instroomt, telt opnieuw.',
	 'aantal', 'output', 'landelijk', 'kwantitatief', 'neutraal', 'som', 'in_ontwikkeling', NULL, NULL,
	 'basismonitoring'),
	('BM_HUISHOUDENS_LOPEND',
	 'Ondersteunde huishoudens in de nieuwe werkwijze',
	 'Aantal gezinnen en huishoudens dat op enig moment in het kwartaal volgens de nieuwe werkwijze van de proeftuin is ondersteund: instroom in het kwartaal plus lopende trajecten uit eerdere kwartalen.',
	 'aantal', 'output', 'landelijk', 'kwantitatief', 'neutraal', 'som', 'in_ontwikkeling', NULL, NULL,
	 'basismonitoring'),
	('BM_HUISHOUDENS_AFGESLOTEN',
	 'Afgesloten huishoudens',
	 'Aantal gezinnen en huishoudens waarvoor de ondersteuning volgens de nieuwe werkwijze in het kwartaal is afgesloten, ongeacht de reden van afsluiting.',
	 'aantal', 'output', 'landelijk', 'kwantitatief', 'neutraal', 'som', 'in_ontwikkeling', NULL, NULL,
	 'basismonitoring'),
	('BM_KINDEREN',
	 'Ondersteunde kinderen',
	 'Aantal kinderen (0 tot en met 17 jaar) in de gezinnen en huishoudens die op enig moment in het kwartaal volgens de nieuwe werkwijze zijn ondersteund (zelfde huishoudens als BM_HUISHOUDENS_LOPEND).',
	 'aantal', 'output', 'landelijk', 'kwantitatief', 'neutraal', 'som', 'in_ontwikkeling', NULL, NULL,
	 'basismonitoring'),
	('BM_VOLWASSENEN',
	 'Ondersteunde volwassenen',
	 'Aantal volwassenen (18 jaar en ouder) in de gezinnen en huishoudens die op enig moment in het kwartaal volgens de nieuwe werkwijze zijn ondersteund (zelfde huishoudens als BM_HUISHOUDENS_LOPEND).',
	 'aantal', 'output', 'landelijk', 'kwantitatief', 'neutraal', 'som', 'in_ontwikkeling', NULL, NULL,
	 'basismonitoring'),
	('BM_PROFESSIONALS',
	 'Professionals in de nieuwe werkwijze',
	 'Aantal professionals (personen, geen fte) dat in het kwartaal in de proeftuin volgens de nieuwe werkwijze met huishoudens heeft gewerkt: lokaal team, Veilig Thuis, Raad voor de Kinderbescherming, gecertificeerde instelling en andere partners samen.',
	 'aantal', 'output', 'diagnostisch', 'kwantitatief', 'neutraal', 'som', 'in_ontwikkeling', NULL, NULL,
	 'basismonitoring');

-- Way of working: vast gezicht, gezamenlijke analyse en planvorming, safety
-- plan (003 §1.2 toekomstscenario, §2.2.2 doelstelling 1, §3.4) (proces).
INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype,
	meetwijze, richting, aggregatie, validatiestatus, resultaat_nummer, effect, bron)
VALUES
	('BM_VAST_GEZICHT',
	 'Huishoudens met één vast gezicht',
	 'Aantal van de in het kwartaal ondersteunde gezinnen en huishoudens (BM_HUISHOUDENS_LOPEND) dat gedurende het hele kwartaal één vaste contactpersoon in het lokaal (wijk)team of proeftuinteam had, zonder wisseling.',
	 'aantal', 'proces', 'diagnostisch', 'kwantitatief', 'hoger_beter', 'som', 'in_ontwikkeling', 3, NULL,
	 'basismonitoring'),
	('BM_GEZAMENLIJKE_ANALYSE',
	 'Huishoudens met een gezamenlijke analyse',
	 'Aantal gezinnen en huishoudens waarvoor in het kwartaal samen met de betrokken kinderen en volwassenen een gezamenlijke (verklarende) analyse is gemaakt van wat er aan de hand is en wie wat nodig heeft.',
	 'aantal', 'proces', 'diagnostisch', 'kwantitatief', 'hoger_beter', 'som', 'in_ontwikkeling', 3, NULL,
	 'basismonitoring'),
	('BM_VEILIGHEIDSPLAN',
	 'Huishoudens met een veiligheidsplan',
	 'Aantal van de in het kwartaal ondersteunde gezinnen en huishoudens (BM_HUISHOUDENS_LOPEND) met een samen met het huishouden opgesteld, actueel veiligheidsplan aan het eind van het kwartaal of bij afsluiting.',
	 'aantal', 'proces', 'diagnostisch', 'kwantitatief', 'hoger_beter', 'som', 'in_ontwikkeling', 3, NULL,
	 'basismonitoring');

-- Involvement of Veilig Thuis, RvdK and GI (the functions the regionale
-- veiligheidsteams bring together, 003 §2.2.2 doelstelling 2) and the step
-- to the gedwongen kader (003 §3.2.2.5 step 2) (proces, outcome).
INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype,
	meetwijze, richting, aggregatie, validatiestatus, resultaat_nummer, effect, bron)
VALUES
	('BM_BETROKKENHEID_VT',
	 'Huishoudens met betrokkenheid van Veilig Thuis',
	 'Aantal van de in het kwartaal ondersteunde gezinnen en huishoudens waarbij Veilig Thuis in het kwartaal betrokken was (advies, melding, onderzoek of monitoring), als partner in het proeftuinteam of vanuit de eigen organisatie.',
	 'aantal', 'proces', 'landelijk', 'kwantitatief', 'neutraal', 'som', 'in_ontwikkeling', NULL, NULL,
	 'basismonitoring'),
	('BM_BETROKKENHEID_RVDK',
	 'Huishoudens met betrokkenheid van de Raad voor de Kinderbescherming',
	 'Aantal van de in het kwartaal ondersteunde gezinnen en huishoudens waarbij de Raad voor de Kinderbescherming in het kwartaal betrokken was (consultatie, deelname aan overleg of beschermingsonderzoek).',
	 'aantal', 'proces', 'landelijk', 'kwantitatief', 'neutraal', 'som', 'in_ontwikkeling', NULL, NULL,
	 'basismonitoring'),
	('BM_BETROKKENHEID_GI',
	 'Huishoudens met betrokkenheid van een gecertificeerde instelling',
	 'Aantal van de in het kwartaal ondersteunde gezinnen en huishoudens waarbij een gecertificeerde instelling in het kwartaal betrokken was, met of zonder kinderbeschermingsmaatregel.',
	 'aantal', 'proces', 'landelijk', 'kwantitatief', 'neutraal', 'som', 'in_ontwikkeling', NULL, NULL,
	 'basismonitoring'),
	('BM_MAATREGELEN_NIEUW',
	 'Nieuwe kinderbeschermingsmaatregelen in de proeftuin',
	 'Aantal kinderen uit de in het kwartaal ondersteunde gezinnen en huishoudens voor wie in het kwartaal een kinderbeschermingsmaatregel is uitgesproken (ondertoezichtstelling, inclusief voorlopige, of gezagsbeëindigende maatregel). Verlengingen tellen niet mee.',
	 'aantal', 'outcome', 'landelijk', 'kwantitatief', 'lager_beter', 'som', 'in_ontwikkeling', NULL,
	 'In 2030: het substantieel verlagen van het aantal beschermingsmaatregelen.',
	 'basismonitoring'),
	('BM_UITHUISPLAATSINGEN',
	 'Uithuisplaatsingen in de proeftuin',
	 'Aantal kinderen uit de in het kwartaal ondersteunde gezinnen en huishoudens dat in het kwartaal uit huis is geplaatst (pleegzorg, gezinshuis of residentieel), vrijwillig of met een machtiging uithuisplaatsing; crisisplaatsingen tellen mee. Ieder kind telt één keer per kwartaal.',
	 'aantal', 'outcome', 'landelijk', 'kwantitatief', 'lager_beter', 'som', 'in_ontwikkeling', NULL,
	 'Een aanmerkelijke vermindering van trajecten in het gedwongen kader (in het bijzonder uithuisplaatsingen).',
	 'basismonitoring');

-- Timeliness and durability of safety (outcome), 003 §1.2.
INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype,
	meetwijze, richting, aggregatie, validatiestatus, resultaat_nummer, effect, bron)
VALUES
	('BM_DOORLOOPTIJD_START',
	 'Doorlooptijd tot start in de nieuwe werkwijze',
	 'Gemiddeld aantal kalenderdagen tussen de aanmelding of het eerste signaal bij de proeftuin en het eerste gesprek met het huishouden in de nieuwe werkwijze. Teller: som van de doorlooptijden in dagen van de in het kwartaal gestarte huishoudens; noemer: aantal in het kwartaal gestarte huishoudens (BM_HUISHOUDENS_NIEUW).',
	 'dagen', 'outcome', 'landelijk', 'kwantitatief', 'lager_beter', 'ratio', 'in_ontwikkeling', 3,
	 'Een substantiële verbetering van de tijdigheid.',
	 'basismonitoring'),
	('BM_DOORLOOPTIJD_TRAJECT',
	 'Duur van afgesloten trajecten',
	 'Gemiddeld aantal kalenderdagen tussen de start en de afsluiting van de ondersteuning volgens de nieuwe werkwijze, voor de in het kwartaal afgesloten huishoudens. Teller: som van de trajectduren in dagen; noemer: aantal in het kwartaal afgesloten huishoudens (BM_HUISHOUDENS_AFGESLOTEN).',
	 'dagen', 'output', 'diagnostisch', 'kwantitatief', 'neutraal', 'ratio', 'in_ontwikkeling', NULL, NULL,
	 'basismonitoring'),
	('BM_VEILIGHEID_HERSTELD',
	 'Afgesloten huishoudens met herstelde veiligheid',
	 'Percentage van de in het kwartaal afgesloten gezinnen en huishoudens waarbij bij afsluiting zowel het huishouden als de professional de veiligheid als voldoende hersteld beoordeelt. Teller: aantal afgesloten huishoudens met voldoende herstelde veiligheid; noemer: aantal in het kwartaal afgesloten huishoudens (BM_HUISHOUDENS_AFGESLOTEN).',
	 'percentage', 'outcome', 'diagnostisch', 'kwantitatief', 'hoger_beter', 'ratio', 'in_ontwikkeling', NULL,
	 'Een flinke reductie van het aantal gezinnen en huishoudens dat in de loop der jaren terugvalt in onveiligheid.',
	 'basismonitoring'),
	('BM_HERAANMELDING',
	 'Heraanmeldingen na afsluiting',
	 'Aantal gezinnen en huishoudens dat in het kwartaal opnieuw bij de proeftuin of Veilig Thuis is aangemeld vanwege onveiligheid binnen 12 maanden nadat hun ondersteuning volgens de nieuwe werkwijze was afgesloten.',
	 'aantal', 'outcome', 'landelijk', 'kwantitatief', 'lager_beter', 'som', 'in_ontwikkeling', NULL,
	 'Een flinke reductie van het aantal gezinnen en huishoudens dat in de loop der jaren terugvalt in onveiligheid.',
	 'basismonitoring');

-- Experiences of children, adults and professionals (003 §3.2.2.5 points 1
-- and step 2: feedback van cliënten en professionals) (outcome).
INSERT INTO monitoring.indicatoren (indicator_code, naam, definitie, eenheid, soort, monitoringtype,
	meetwijze, richting, aggregatie, validatiestatus, resultaat_nummer, effect, bron)
VALUES
	('BM_ERVARING_CLIENTEN',
	 'Ervaring van kinderen en volwassenen',
	 'Gemiddeld rapportcijfer (1-10) dat kinderen (vanaf 12 jaar) en volwassenen uit de in het kwartaal ondersteunde huishoudens geven voor de hulp en bescherming volgens de nieuwe werkwijze, uit de korte cliëntbevraging van de proeftuin. Teller: som van de gegeven cijfers; noemer: aantal respondenten.',
	 'score', 'outcome', 'diagnostisch', 'kwantitatief', 'hoger_beter', 'ratio', 'in_ontwikkeling', NULL,
	 'Een significant versterkt vertrouwen van kinderen en volwassenen in kind- en gezinsbescherming.',
	 'basismonitoring (cliëntbevraging proeftuin)'),
	('BM_ERVARING_PROFESSIONALS',
	 'Ervaring van professionals',
	 'Gemiddeld rapportcijfer (1-10) dat de professionals die in het kwartaal in de proeftuin werkten (BM_PROFESSIONALS) geven voor de samenwerking en werkbaarheid van de nieuwe werkwijze. Teller: som van de gegeven cijfers; noemer: aantal respondenten.',
	 'score', 'outcome', 'diagnostisch', 'kwantitatief', 'hoger_beter', 'ratio', 'in_ontwikkeling', 6,
	 'In 2030: verhogen van het vertrouwen van professionals in kind- en gezinsbescherming.',
	 'basismonitoring (bevraging professionals proeftuin)');

-- Quarterly questionnaire, version 1 (003 §3.2.2.5 step 1) -----------------------
-- "Deze bestaat vooralsnog uit een algemeen deel en een deel voor
-- kwartaalcijfers en -ervaringen." Later versions amend it.

INSERT INTO monitoring.vragenlijsten (vragenlijst_id, versie, geldig_vanaf, toelichting)
VALUES (1, 1, '2022-01-01',
	'Eerste versie van de basismonitoring van de proeftuinen: een algemeen deel en een deel voor kwartaalcijfers en -ervaringen (programmaplan Toekomstscenario kind- en gezinsbescherming §3.2.2.5, stap 1 Basismonitoring). Alleen geaggregeerde cijfers per kwartaal; geen persoonsgegevens.');

-- Algemeen: context of the proeftuin (003 §2.2.4, §3.2.4). -------------------
INSERT INTO monitoring.vragen (vragenlijst_id, vraag_code, volgorde, onderdeel, tekst, type,
	is_verplicht, min, max, opties, indicator_code)
VALUES
	(1, 'contactpersoon_rol', 10, 'algemeen',
	 'Wat is de rol of functie van de contactpersoon die deze vragenlijst invult (bijvoorbeeld projectleider of kwartiermaker)? Alleen de rol, zonder namen of herleidbare gegevens.',
	 'tekst', true, NULL, NULL, NULL, NULL),
	(1, 'fase_proeftuin', 20, 'algemeen',
	 'In welke fase bevindt de proeftuin zich dit kwartaal?',
	 'keuze', true, NULL, NULL,
	 ARRAY['voorbereiding en opstart', 'beproeven', 'ontwikkelen', 'verbreden', 'versterken en borgen'], NULL),
	(1, 'werkgebied_dekking', 30, 'algemeen',
	 'In welk deel van het werkgebied van de proeftuin wordt de nieuwe werkwijze dit kwartaal toegepast?',
	 'keuze', false, NULL, NULL,
	 ARRAY['enkele wijken of teams', 'een deel van de gemeenten', 'het hele werkgebied'], NULL),
	(1, 'samenwerkingsvorm', 40, 'algemeen',
	 'Hoe is de samenwerking van Veilig Thuis, de Raad voor de Kinderbescherming en de gecertificeerde instelling in de proeftuin dit kwartaal georganiseerd?',
	 'keuze', false, NULL, NULL,
	 ARRAY['netwerkorganisatie: taken en bevoegdheden blijven bij de moederorganisaties',
	       'gezamenlijk proeftuinteam dat elkaars functies (deels) overneemt',
	       'nog niet georganiseerd', 'anders'], NULL),
	(1, 'betrokken_partners', 50, 'algemeen',
	 'Welke organisaties werken dit kwartaal in de proeftuin samen (bijvoorbeeld lokaal team, Veilig Thuis, Raad voor de Kinderbescherming, gecertificeerde instelling, volwassenen-GGZ, verslavingszorg)? Noem organisaties, zonder namen of herleidbare gegevens van personen.',
	 'tekst', false, NULL, NULL, NULL, NULL);

-- Kwartaalcijfers: the figures that feed the BM_* indicators. Aggregates
-- only; a proeftuin that cannot supply a figure leaves it open and explains
-- in toelichting_cijfers (002 bijlage 4: beperk de administratieve druk).
INSERT INTO monitoring.vragen (vragenlijst_id, vraag_code, volgorde, onderdeel, tekst, type,
	is_verplicht, min, max, opties, indicator_code)
VALUES
	(1, 'huishoudens_nieuw', 110, 'kwartaalcijfers',
	 'Met hoeveel gezinnen en huishoudens is dit kwartaal voor het eerst volgens de nieuwe werkwijze gestart?',
	 'aantal', true, 0, NULL, NULL, 'BM_HUISHOUDENS_NIEUW'),
	(1, 'huishoudens_lopend', 120, 'kwartaalcijfers',
	 'Hoeveel gezinnen en huishoudens zijn dit kwartaal in totaal volgens de nieuwe werkwijze ondersteund (nieuw plus lopend)?',
	 'aantal', true, 0, NULL, NULL, 'BM_HUISHOUDENS_LOPEND'),
	(1, 'huishoudens_afgesloten', 130, 'kwartaalcijfers',
	 'Voor hoeveel gezinnen en huishoudens is de ondersteuning dit kwartaal afgesloten?',
	 'aantal', false, 0, NULL, NULL, 'BM_HUISHOUDENS_AFGESLOTEN'),
	(1, 'kinderen', 140, 'kwartaalcijfers',
	 'Hoeveel kinderen (0 tot en met 17 jaar) telden de gezinnen en huishoudens die dit kwartaal zijn ondersteund?',
	 'aantal', true, 0, NULL, NULL, 'BM_KINDEREN'),
	(1, 'volwassenen', 150, 'kwartaalcijfers',
	 'Hoeveel volwassenen (18 jaar en ouder) telden de gezinnen en huishoudens die dit kwartaal zijn ondersteund?',
	 'aantal', true, 0, NULL, NULL, 'BM_VOLWASSENEN'),
	(1, 'professionals', 160, 'kwartaalcijfers',
	 'Hoeveel professionals (personen, geen fte) hebben dit kwartaal in de proeftuin volgens de nieuwe werkwijze met huishoudens gewerkt?',
	 'aantal', false, 0, NULL, NULL, 'BM_PROFESSIONALS'),
	(1, 'huishoudens_vast_gezicht', 170, 'kwartaalcijfers',
	 'Hoeveel van de ondersteunde gezinnen en huishoudens hadden het hele kwartaal één vaste contactpersoon, zonder wisseling?',
	 'aantal', false, 0, NULL, NULL, 'BM_VAST_GEZICHT'),
	(1, 'huishoudens_analyse', 180, 'kwartaalcijfers',
	 'Voor hoeveel gezinnen en huishoudens is dit kwartaal samen met de betrokkenen een gezamenlijke analyse gemaakt?',
	 'aantal', false, 0, NULL, NULL, 'BM_GEZAMENLIJKE_ANALYSE'),
	(1, 'huishoudens_veiligheidsplan', 190, 'kwartaalcijfers',
	 'Hoeveel van de ondersteunde gezinnen en huishoudens hadden aan het eind van het kwartaal of bij afsluiting een samen opgesteld, actueel veiligheidsplan?',
	 'aantal', false, 0, NULL, NULL, 'BM_VEILIGHEIDSPLAN'),
	(1, 'huishoudens_veilig_thuis', 200, 'kwartaalcijfers',
	 'Bij hoeveel van de ondersteunde gezinnen en huishoudens was Veilig Thuis dit kwartaal betrokken?',
	 'aantal', false, 0, NULL, NULL, 'BM_BETROKKENHEID_VT'),
	(1, 'huishoudens_rvdk', 210, 'kwartaalcijfers',
	 'Bij hoeveel van de ondersteunde gezinnen en huishoudens was de Raad voor de Kinderbescherming dit kwartaal betrokken?',
	 'aantal', false, 0, NULL, NULL, 'BM_BETROKKENHEID_RVDK'),
	(1, 'huishoudens_gi', 220, 'kwartaalcijfers',
	 'Bij hoeveel van de ondersteunde gezinnen en huishoudens was een gecertificeerde instelling dit kwartaal betrokken?',
	 'aantal', false, 0, NULL, NULL, 'BM_BETROKKENHEID_GI'),
	(1, 'kinderen_maatregel_nieuw', 230, 'kwartaalcijfers',
	 'Voor hoeveel kinderen uit de ondersteunde huishoudens is dit kwartaal een kinderbeschermingsmaatregel uitgesproken (verlengingen niet meegeteld)?',
	 'aantal', false, 0, NULL, NULL, 'BM_MAATREGELEN_NIEUW'),
	(1, 'kinderen_uithuisgeplaatst', 240, 'kwartaalcijfers',
	 'Hoeveel kinderen uit de ondersteunde huishoudens zijn dit kwartaal uit huis geplaatst (vrijwillig of met machtiging, inclusief crisisplaatsingen)?',
	 'aantal', false, 0, NULL, NULL, 'BM_UITHUISPLAATSINGEN'),
	(1, 'doorlooptijd_start_dagen', 250, 'kwartaalcijfers',
	 'Hoeveel kalenderdagen zaten er gemiddeld tussen de aanmelding en het eerste gesprek in de nieuwe werkwijze, voor de huishoudens die dit kwartaal zijn gestart?',
	 'getal', false, 0, 365, NULL, 'BM_DOORLOOPTIJD_START'),
	(1, 'doorlooptijd_traject_dagen', 260, 'kwartaalcijfers',
	 'Hoeveel kalenderdagen duurde de ondersteuning gemiddeld, van start tot afsluiting, voor de huishoudens die dit kwartaal zijn afgesloten?',
	 'getal', false, 0, 1825, NULL, 'BM_DOORLOOPTIJD_TRAJECT'),
	(1, 'percentage_veiligheid_hersteld', 270, 'kwartaalcijfers',
	 'Bij welk percentage van de dit kwartaal afgesloten huishoudens beoordeelden het huishouden én de professional de veiligheid bij afsluiting als voldoende hersteld?',
	 'percentage', false, 0, 100, NULL, 'BM_VEILIGHEID_HERSTELD'),
	(1, 'huishoudens_heraanmelding', 280, 'kwartaalcijfers',
	 'Hoeveel gezinnen en huishoudens zijn dit kwartaal opnieuw aangemeld vanwege onveiligheid binnen 12 maanden nadat hun ondersteuning was afgesloten?',
	 'aantal', false, 0, NULL, NULL, 'BM_HERAANMELDING'),
	(1, 'ervaring_clienten_cijfer', 290, 'kwartaalcijfers',
	 'Welk rapportcijfer (1-10) gaven kinderen (vanaf 12 jaar) en volwassenen gemiddeld voor de hulp en bescherming in de cliëntbevraging van dit kwartaal?',
	 'getal', false, 1, 10, NULL, 'BM_ERVARING_CLIENTEN'),
	(1, 'ervaring_clienten_respondenten', 300, 'kwartaalcijfers',
	 'Hoeveel kinderen en volwassenen hebben de cliëntbevraging van dit kwartaal ingevuld?',
	 'aantal', false, 0, NULL, NULL, NULL),
	(1, 'ervaring_professionals_cijfer', 310, 'kwartaalcijfers',
	 'Welk rapportcijfer (1-10) gaven professionals gemiddeld voor de samenwerking en werkbaarheid van de nieuwe werkwijze in de bevraging van dit kwartaal?',
	 'getal', false, 1, 10, NULL, 'BM_ERVARING_PROFESSIONALS'),
	(1, 'ervaring_professionals_respondenten', 320, 'kwartaalcijfers',
	 'Hoeveel professionals hebben de bevraging van dit kwartaal ingevuld?',
	 'aantal', false, 0, NULL, NULL, NULL),
	-- Where the figures came from (002 bijlage 4, vraag 3: welke gegevens zijn er al).
	(1, 'bron_cijfers', 330, 'kwartaalcijfers',
	 'Waar komen de kwartaalcijfers vooral vandaan?',
	 'keuze', true, NULL, NULL,
	 ARRAY['registratiesysteem van de proeftuin', 'registraties van de partnerorganisaties',
	       'handmatige telling', 'schatting', 'combinatie'], NULL),
	(1, 'toelichting_cijfers', 340, 'kwartaalcijfers',
	 'Toelichting bij de kwartaalcijfers: afwijkende definities, schattingen of ontbrekende cijfers. Zonder namen of herleidbare gegevens.',
	 'tekst', false, NULL, NULL, NULL, NULL);

-- Ervaringen: what the proeftuin did and found (003 §3.2.2.5 point 2,
-- §3.4; 002 bijlage 4: kwalitatief, merkbaar). -------------------------------
INSERT INTO monitoring.vragen (vragenlijst_id, vraag_code, volgorde, onderdeel, tekst, type,
	is_verplicht, min, max, opties, indicator_code)
VALUES
	(1, 'wat_ging_goed', 410, 'ervaringen',
	 'Wat ging er dit kwartaal goed in de nieuwe werkwijze? Beschrijf het in algemene termen, zonder namen of herleidbare gegevens.',
	 'tekst', false, NULL, NULL, NULL, NULL),
	(1, 'wat_was_lastig', 420, 'ervaringen',
	 'Wat was er dit kwartaal lastig of liep niet zoals gehoopt? Beschrijf het in algemene termen, zonder namen of herleidbare gegevens.',
	 'tekst', false, NULL, NULL, NULL, NULL),
	(1, 'belemmeringen_stelsel', 430, 'ervaringen',
	 'Welke belemmeringen in wet- en regelgeving, bevoegdheden of gegevensuitwisseling kwam de proeftuin dit kwartaal tegen? Zonder namen of herleidbare gegevens.',
	 'tekst', false, NULL, NULL, NULL, NULL),
	(1, 'werkzame_elementen', 440, 'ervaringen',
	 'Welke werkzame elementen of leerervaringen wil de proeftuin delen met andere proeftuinen en regio''s? Zonder namen of herleidbare gegevens.',
	 'tekst', false, NULL, NULL, NULL, NULL),
	(1, 'ondersteuningsbehoefte', 450, 'ervaringen',
	 'Welke ondersteuning of sturing heeft de proeftuin van het programma nodig? Zonder namen of herleidbare gegevens.',
	 'tekst', false, NULL, NULL, NULL, NULL),
	(1, 'voortgang_cijfer', 460, 'ervaringen',
	 'Welk rapportcijfer (1-10) geeft het proeftuinteam de voortgang van de nieuwe werkwijze in dit kwartaal?',
	 'schaal', false, 1, 10, NULL, NULL);

SELECT setval(pg_get_serial_sequence('monitoring.vragenlijsten', 'vragenlijst_id'), 1);
