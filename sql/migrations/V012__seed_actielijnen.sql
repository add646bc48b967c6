-- V012: seed the action registers from the Programmaplan 2023-2026 (seeds/003,
-- "Programmaplan 2023-2026 Toekomstscenario kind- en gezinsbescherming",
-- juli 2023).
--
-- Purpose: the content of the programme plan's chapter 3 and the dated
-- steps around it, so that the monitors have something to track:
--   register.actielijnen          AL1-AL4 (§2.2.3, §3.2.x, §3.2.x.1) and the
--                                 kennis- en leerinfrastructuur KLI (§2.2.4, §3.3)
--   register.projecten            every "Project …"/"Projecten …" heading of
--                                 §3.2.1-§3.2.4, in document order; KLI-P1
--                                 (§3.3, called an "overkoepelend project" in §4.5)
--   register.producten            the lists "Producten en activiteiten"
--                                 (§3.2.1.6, §3.2.2.6, §3.2.4.6), the steps of
--                                 actielijn 3 (§3.2.3.3, which has no §3.2.3.6)
--                                 and what §3.3 says the KLI does
--   register.mijlpalen            the dated steps of §1.2, §2.1, §2.2.1,
--                                 §2.2.2, §3.2.4.2 and §3.2.4.3
--   register.scorekaart_criteria  the criteria named in §3.2.3.2
--   register.begrotingsregels     the table of §4.5 (bedragen x € 1.000)
-- Not seeded: register.rvt_varianten (§3.2.3.2 only expects "vier tot zes
-- varianten", it names none), register.rvt_scores (no scores exist yet).
-- Bijlage 1 adds nothing datable: the plannings of actielijnen 1-3 are
-- images, and the table of actielijn 4 has lost its column positions.
-- Dates: a period is entered as its last day (jaar → 31-12, tweede helft →
-- 31-12, eind 2023 → 31-12, november → 30-11, voorjaar → 31-05, the end of
-- meteorological spring); all statuses are the initial ones (projects
-- 'lopend', products and milestones 'gepland'); the register is kept up to
-- date later.
-- Reversible: DELETE FROM the seeded tables (register.begrotingsregels,
-- register.scorekaart_criteria, register.mijlpalen, register.producten,
-- register.projecten, register.actielijnen), in that order.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- Actielijnen ------------------------------------------------------------------
-- Names: the headings of §3.2.1-§3.2.4 (the table of contents shortens AL3 to
-- "Inrichten regionale veiligheidsteams"; the heading is used). Subdoelstelling:
-- §2.2.3, worded identically in §3.2.x.1. KLI has no subdoelstelling of its
-- own; its stated "uiteindelijk doel" (§2.2.4) is used instead.

INSERT INTO register.actielijnen (actielijn_code, nummer, naam, subdoelstelling) VALUES
	('AL1', 1, 'Beproeven, verbreden en versterken op lokaal, regionaal en landelijk niveau',
	 'Integraal systeem- en mensgericht werken wordt breed in praktijk gebracht en ervaringen daarmee worden gebruikt voor het verbeteren van deze manier van werken.'),
	('AL2', 2, 'Ontwikkelen kaders en instrumenten voor integraal systeem- en mensgericht werken',
	 'Organisaties en professionals beschikken over kaders en instrumenten voor integraal systeem- en mensgericht werken.'),
	('AL3', 3, 'Inrichten regionale veiligheidsteams en expertiseplatforms',
	 'Er worden regionale veiligheidsteams en expertiseplatforms ontworpen en ingericht.'),
	('AL4', 4, 'Ontwikkelen passende juridische kaders',
	 'De juridische kaders voor integraal systeem- en mensgericht werken en structuur- en stelselverbeteringen zijn voldoende uitgewerkt.'),
	('KLI', NULL, 'Kennis- en leerinfrastructuur',
	 'Het bij elkaar brengen en in samenhang ontwikkelen van kennis uit wetenschap en praktijk om onderbouwde besluiten te kunnen nemen over de verdere ontwikkeling van het Toekomstscenario.');

-- Projecten --------------------------------------------------------------------
-- Codes follow the order of the headings. §3.2.1.4 "Projecten Verbreden in de
-- praktijk" consists of two projects with their own "Project …" headings
-- (AL1-P3, AL1-P4). §3.2.4.2 "Commissie Rechtsbescherming en
-- Rechtsstatelijkheid" is an advisory committee, not a "Project" heading, so
-- it is no project here (Bijlage 1 numbers it 1 among the projects of
-- actielijn 4; there AL4-P2 is called "Rechtsbescherming en rechtspositie
-- kinderen, volwassenen en professionals"). §3.3 has no project headings;
-- §4.5 calls the kennis- en leerinfrastructuur an "overkoepelend project",
-- hence the single project KLI-P1.

INSERT INTO register.projecten (project_code, actielijn_code, naam, omschrijving, status) VALUES
	-- §3.2.1.2-§3.2.1.5
	('AL1-P1', 'AL1', 'Ontwikkelopgave lokale teams (samenwerking met Hervormingsagenda Jeugd)',
	 'Versterking van de lokale teams zoals beoogd met de Hervormingsagenda en transitie van het werken aan veiligheid zoals beoogd met het Toekomstscenario, met een samen met de Hervormingsagenda uitgewerkt samenhangend ondersteuningsaanbod voor gemeenten (Leidraad werken aan veiligheid, zelfscan en routekaart, ondersteuningspakketten).',
	 'lopend'),
	('AL1-P2', 'AL1', 'Beproeven en ontwikkelen in de praktijk in proeftuinen en regio''s',
	 'Elf proeftuinen en andere regio''s beproeven en ontwikkelen bouwstenen van het Toekomstscenario; de opbrengsten worden vertaald naar bouwstenen die, als de toegevoegde waarde is aangetoond, aan andere regio''s beschikbaar worden gesteld. In 2023 wordt een meerjarenplan voor het beproeven opgesteld.',
	 'lopend'),
	('AL1-P3', 'AL1', 'Verbreden in geografische spreiding',
	 'Verschuiving van het accent van beproeven en ontwikkelen naar verbreden in geografische spreiding en het meten van de maatschappelijke resultaten, via een op te zetten meerjarig wetenschappelijk onderzoeks- en monitoringsprogramma.',
	 'lopend'),
	('AL1-P4', 'AL1', 'Volwassenen problematiek (verbreden in domeinen)',
	 'Wegnemen van barrières in de samenwerking met domeinen van volwassenenproblematiek, gefaseerd: eerst de verbinding met de volwassenen-GGZ en verslavingszorg (ontwikkelagenda, landelijk overleg over belemmeringen), daarna andere domeinen zoals sociaal domein en bestaanszekerheid.',
	 'lopend'),
	('AL1-P5', 'AL1', 'Leerlijn Cultuurverandering',
	 'Ontwikkelen van een leerlijn voor verandering in houding en gedrag van professionals, managers, bestuurders en beleidsmakers, als onderdeel van de kennis- en leerinfrastructuur.',
	 'lopend'),
	-- §3.2.2.2-§3.2.2.5
	('AL2-P1', 'AL2', 'Doelgroep analyse en -bepaling (0-100 jaar)',
	 'Iteratief proces met kennispartners, opdrachtgevers, proeftuinen en partners naar een analyse van omvang en samenstelling van de doelgroep en een gedeelde concretisering ervan, met de globale consequenties voor professionals en organisaties ter besluitvorming.',
	 'lopend'),
	('AL2-P2', 'AL2', 'Ontwikkelen van kaders en instrumenten',
	 'Aanpassing van de Leidraad werken aan veiligheid lokale teams en het ontwikkelen van een begrippenkader, een integrale visie, een handelingskader integraal systeem- en mensgericht werken en een handelingskader regionale veiligheidsteams.',
	 'lopend'),
	('AL2-P3', 'AL2', 'Ontwikkelen van (kaders voor) informatievoorziening',
	 'Zorgvuldig en transparant delen en combineren van informatie, toegang van cliënten tot hun dossier en digitale hulpmiddelen; eind 2023 een koersdocument (meerjarenplan) als basis voor pilot- en projectplannen, en op korte termijn voorzieningen voor registratie en monitoring in de proeftuinen.',
	 'lopend'),
	('AL2-P4', 'AL2', 'Ontwikkelen sturingsinformatie en betekenisvol meten',
	 'Monitoring op output en outcome van proeftuinen en regio''s en van de maatschappelijke effecten: basismonitoring (kwartaalvragenlijst), verdieping monitoring en ophalen ontwikkelingen regio''s.',
	 'lopend'),
	-- §3.2.3.2
	('AL3-P1', 'AL3', 'Uitwerken varianten regionale veiligheidsteams',
	 'Uitwerken van (naar verwachting vier tot zes) varianten in taken en bevoegdheden van de regionale veiligheidsteams en de consequenties daarvan, afweging met een scorekaart, advies en besluitvorming over een voorkeursvariant; ook hoe specialistische expertise (expertiseplatforms) het best georganiseerd kan worden.',
	 'lopend'),
	-- §3.2.4.3-§3.2.4.5
	('AL4-P1', 'AL4', 'Wetgeving en experimenteeruimte proeftuinen en regio''s',
	 'Met twee tot vier proeftuinen gecontroleerd de juridische producten in de praktijk brengen, knelpunten in wet- en regelgeving analyseren, experimenteerruimte (o.a. Tijdelijke experimentenwet rechtspleging) verkennen, juridische helpdesk en juristennetwerk; tussenproducten in de tweede helft van 2023.',
	 'lopend'),
	('AL4-P2', 'AL4', 'Rechtsbescherming en rechtshulpverlening kinderen, volwassenen en professionals',
	 'Uitwerken van werkzame elementen voor voldoende rechtsbescherming vanaf het eerste contact van een huishouden met de overheid, in samenhang met de professionele kaders van actielijn 2.',
	 'lopend'),
	('AL4-P3', 'AL4', 'Juridische systeemgerichte interventies',
	 'Ideeën uit de praktijk ophalen en een plan van aanpak maken voor het ontwikkelen van juridische systeemgerichte interventies, met het netwerk zorg-straf.',
	 'lopend'),
	-- §3.3 (with §2.2.4 and §4.5)
	('KLI-P1', 'KLI', 'Kennis- en leerinfrastructuur',
	 'Kennis uit wetenschap en praktijk samenbrengen, verrijken en voorbereiden voor besluitvorming, met (monitorings)data als integrerend element, en lerend vermogen realiseren op alle niveaus; met integratiebijeenkomsten, een wetenschappelijke adviesgroep en een dynamische onderzoeksagenda.',
	 'lopend');

-- Producten en activiteiten -------------------------------------------------------
-- Wording as in the document (including "Beproeft" in product 3). project_code
-- only where the text ties the item to one project; "Begeleiding en sturing
-- proeftuinen" recurs in actielijnen 1, 2 and 4 and stays unlinked.
-- gepland_date only where the text gives a date.

INSERT INTO register.producten (product_id, actielijn_code, project_code, naam, soort, status, gepland_date) VALUES
	-- §3.2.1.6 (actielijn 1)
	(1, 'AL1', NULL, 'Begeleiding en sturing proeftuinen', 'activiteit', 'gepland', NULL),
	(2, 'AL1', NULL, 'Ondersteuning regio''s', 'activiteit', 'gepland', NULL),
	(3, 'AL1', 'AL1-P2', 'Beproeft en ontwikkelde bouwstenen samen met actielijn 2 en de kennis- en leerinfrastructuur', 'product', 'gepland', NULL),
	-- §3.2.1.3: "In 2023 wordt een meerjarenplan voor het beproeven opgesteld."
	(4, 'AL1', 'AL1-P2', 'Meerjarenplan beproeven en verbreden', 'product', 'gepland', DATE '2023-12-31'),
	(5, 'AL1', 'AL1-P5', 'Plan van aanpak voor het ontwikkelen van een leerlijn Cultuurverandering', 'product', 'gepland', NULL),
	(6, 'AL1', 'AL1-P5', 'Leerlijn Cultuurverandering', 'product', 'gepland', NULL),
	(7, 'AL1', 'AL1-P4', 'Ontwikkelagenda volwassenenproblematiek inclusief verbinding met volwassenen-GGZ', 'product', 'gepland', NULL),
	-- §3.2.2.6 (actielijn 2)
	(8, 'AL2', NULL, 'Begeleiding en sturing proeftuinen', 'activiteit', 'gepland', NULL),
	(9, 'AL2', 'AL2-P1', 'Doelgroep analyse', 'product', 'gepland', NULL),
	(10, 'AL2', 'AL2-P1', 'Doelgroep bepaling', 'product', 'gepland', NULL),
	-- §3.2.2.5: the monitoring covers the maatschappelijke effecten (see also footnote 9).
	(11, 'AL2', 'AL2-P4', 'Uitwerking van indicatoren voor de maatschappelijke effecten en het doen van voorstellen voor kwantificering', 'activiteit', 'gepland', NULL),
	(12, 'AL2', 'AL2-P2', 'Handelingskader integraal systeem- en mensgericht werken bestaande uit verschillende onderdelen', 'product', 'gepland', NULL),
	(13, 'AL2', 'AL2-P2', 'Handelingskader regionale veiligheidsteams bestaande uit verschillende onderdelen (in samenhang met de kaders voor de lokale (wijk)teams)', 'product', 'gepland', NULL),
	-- §3.2.2.4: "eind 2023 een koersdocument (meerjarenplan) … te hebben liggen".
	(14, 'AL2', 'AL2-P3', 'Koersdocument (incl. meerjarenagenda) informatievoorziening', 'product', 'gepland', DATE '2023-12-31'),
	(15, 'AL2', 'AL2-P3', 'Plannen van aanpak pilots en projecten informatievoorziening', 'product', 'gepland', NULL),
	(16, 'AL2', 'AL2-P4', 'Monitoring instrumenten', 'product', 'gepland', NULL),
	(17, 'AL2', 'AL2-P4', 'Monitoring rapportages incl. evaluatie bouwstenen (samen met actielijn 1 en het onderzoeksprogramma)', 'product', 'gepland', NULL),
	-- §3.2.3.3 "Stappen" (actielijn 3 has no list of products): "Bovenstaande
	-- stappen worden uitgevoerd in het hierboven beschreven project". Step 4
	-- "Beslissing voorkeursvariant" is a decision and is mijlpaal 4 below.
	(18, 'AL3', 'AL3-P1', 'Uitwerken van varianten', 'activiteit', 'gepland', NULL),
	(19, 'AL3', 'AL3-P1', 'Uitwerken ''Scorekaart'' en wegging van varianten', 'activiteit', 'gepland', NULL),
	(20, 'AL3', 'AL3-P1', 'Advies en vervolgstappen', 'product', 'gepland', NULL),
	(21, 'AL3', 'AL3-P1', 'Informeren Tweede Kamer', 'activiteit', 'gepland', NULL),
	-- §3.2.4.6 (actielijn 4). The committee advice: §3.2.4.2 "in november 2023
	-- het rapport met het advies te publiceren"; the committee is no project.
	(22, 'AL4', NULL, 'Advies Commissie Rechtsbescherming en Rechtsstatelijkheid (dit valt niet onder de directe verantwoordelijkheid van het programma)', 'product', 'gepland', DATE '2023-11-30'),
	(23, 'AL4', NULL, 'Begeleiding en sturing proeftuinen', 'activiteit', 'gepland', NULL),
	(24, 'AL4', NULL, 'Handvat gegevensuitwisseling en kader integrale verklarende analyse en feitenonderzoek als onderdeel van het handelingskader (samen met actielijn 2)', 'product', 'gepland', NULL),
	(25, 'AL4', 'AL4-P1', 'Plan van aanpak voor het uitwerken van de benodigde aanpassing in wetgeving', 'product', 'gepland', NULL),
	(26, 'AL4', 'AL4-P1', 'Mogelijkheden en voorstellen voor aanpassing van wetgeving', 'product', 'gepland', NULL),
	(27, 'AL4', 'AL4-P2', 'Rapport werkzame elementen rechtsbescherming', 'product', 'gepland', NULL),
	-- §3.2.4.3 describes the helpdesk within the project Wetgeving en experimenteeruimte.
	(28, 'AL4', 'AL4-P1', 'Juridische helpdesk', 'activiteit', 'gepland', NULL),
	(29, 'AL4', 'AL4-P3', 'Plan van aanpak voor het ontwikkelen van juridische systeemgerichte interventies', 'product', 'gepland', NULL),
	(30, 'AL4', 'AL4-P3', 'Voorstellen voor juridische systeemgerichte interventies', 'product', 'gepland', NULL),
	-- §3.3 (no list of products; what the text says the KLI does and delivers;
	-- integratiebijeenkomsten twice a year per §2.2.4)
	(31, 'KLI', 'KLI-P1', 'Het bij elkaar brengen (kennis synthese) en ontwikkelen van kennis ter ondersteuning van de uitvoering van de actielijnen en van vakinhoudelijke en bestuurlijke besluitvorming en uitvoering', 'activiteit', 'gepland', NULL),
	(32, 'KLI', 'KLI-P1', 'Lerend vermogen realiseren op alle niveaus met aandacht voor het begrijpen en doorbreken van patronen en veranderen van cultuur', 'activiteit', 'gepland', NULL),
	(33, 'KLI', 'KLI-P1', 'Gezamenlijke systeemanalyses', 'activiteit', 'gepland', NULL),
	(34, 'KLI', 'KLI-P1', 'Integratiebijeenkomsten (twee keer per jaar)', 'activiteit', 'gepland', NULL),
	(35, 'KLI', 'KLI-P1', 'Thematische tafels', 'activiteit', 'gepland', NULL),
	(36, 'KLI', 'KLI-P1', 'Bestaand en lopend onderzoek verbinden aan de vraagstukken uit de actielijnen (wetenschappelijke adviesgroep)', 'activiteit', 'gepland', NULL),
	(37, 'KLI', 'KLI-P1', 'Dynamische onderzoeksagenda', 'product', 'gepland', NULL);

SELECT setval(pg_get_serial_sequence('register.producten', 'product_id'), (SELECT max(product_id) FROM register.producten));

-- Mijlpalen en beslismomenten -------------------------------------------------------
-- beslisorgaan stays NULL throughout: the plan never says which gremium takes
-- these decisions. §3.2.3.2 only speaks of "ambtelijke en politieke besluiten"
-- and §4.3.1 of the ministries' responsibility for stelselvraagstukken; the
-- Tweede Kamer is informed (§3.2.3.3 step 5) and holds the political debate
-- (§1.2), but "een politiek besluit" is not attributed. Past events (proeftuinen
-- started end 2021/end 2022, BO of 5 September 2022) and recurring moments
-- (half-yearly integratiebijeenkomsten and voortgangsrapportage, annual
-- herijking of the plan, §4.3.1) are not milestones here.

INSERT INTO register.mijlpalen (mijlpaal_id, actielijn_code, project_code, naam, gepland_date, status, beslisorgaan) VALUES
	-- §3.2.4.2: "in november 2023 het rapport met het advies te publiceren"
	(1, 'AL4', NULL, 'Commissie Rechtsbescherming en Rechtsstatelijkheid publiceert het rapport met het advies', DATE '2023-11-30', 'gepland', NULL),
	-- §1.2: "Hiervoor komt het programma in de loop van 2023 met een specificatie van dit programmaplan"
	(2, NULL, NULL, 'Specificatie van het programmaplan (landsdekkende uitrol van onderdelen die zonder wetswijziging mogelijk zijn, perspectief huidige proeftuinen)', DATE '2023-12-31', 'gepland', NULL),
	-- §3.2.4.3: "Het juridische traject moet in de tweede helft van 2023 tussenproducten opleveren"
	(3, 'AL4', 'AL4-P1', 'Juridisch traject levert tussenproducten op als input voor de Commissie Rechtsbescherming en Rechtsstatelijkheid', DATE '2023-12-31', 'gepland', NULL),
	-- §1.2: "In het voorjaar 2024 nemen we een besluit over de voorkeursvariant van de regionale veiligheidsteams"; §3.2.3.3 step 4
	(4, 'AL3', 'AL3-P1', 'Besluit over de voorkeursvariant van de regionale veiligheidsteams', DATE '2024-05-31', 'gepland', NULL),
	-- §1.2, §2.1: "Eind 2024 hebben we een uitgewerkte en onderbouwde voorkeursvariant …"
	(5, 'AL3', 'AL3-P1', 'Uitgewerkte en onderbouwde voorkeursvariant voor de regionale veiligheidsteams en de benodigde aanpassing van het stelsel, met een beeld van de verder in gang te zetten wetgeving', DATE '2024-12-31', 'gepland', NULL),
	-- §1.2, §2.1: "Tweede helft van 2025 volgt een politiek besluit."
	(6, 'AL3', NULL, 'Politiek besluit over de stelsel- en structuurwijzigingen (daarna, als de middelen beschikbaar zijn, start wetgevingstraject)', DATE '2025-12-31', 'gepland', NULL),
	-- §2.1, §1.2: "Het programma …, dat loopt tot september 2026"; "Tot september 2026 zal deze implementatie vanuit het programma worden ondersteund."
	(7, NULL, NULL, 'Einde programma Toekomstscenario kind- en gezinsbescherming (fase 1); ondersteuning van de implementatie vanuit het programma tot september 2026', DATE '2026-09-30', 'gepland', NULL),
	-- §2.2.1: "In 2026 zijn daardoor een brede, gezins-/systeemgerichte werkwijze en een slim en effectief stelsel … geconcretiseerd en waar mogelijk gerealiseerd."
	(8, NULL, NULL, 'Doel programma (fase 1): brede, gezins-/systeemgerichte werkwijze en slim en effectief stelsel van kind- en gezinsbescherming geconcretiseerd en waar mogelijk gerealiseerd', DATE '2026-12-31', 'gepland', NULL),
	-- §1.2, §2.1: "Tweede helft 2027 is het wetgevingstraject voor de stelsel- en structuurwijzigingen afgerond."
	(9, NULL, NULL, 'Wetgevingstraject voor de stelsel- en structuurwijzigingen afgerond; start volledige transitie en transformatie', DATE '2027-12-31', 'gepland', NULL),
	-- §1.2, §2.2.1, §2.2.2: "uiterlijk in 2030 het eindbeeld van het Toekomstscenario bereikt"; the two doelstellingen "moeten uiterlijk in 2030 … zijn gerealiseerd"
	(10, NULL, NULL, 'Eindbeeld Toekomstscenario bereikt: aangepast stelsel, nieuwe werkwijzen landelijk dekkend doorgevoerd en doelstellingen 1 en 2 gerealiseerd', DATE '2030-12-31', 'gepland', NULL);

SELECT setval(pg_get_serial_sequence('register.mijlpalen', 'mijlpaal_id'), (SELECT max(mijlpaal_id) FROM register.mijlpalen));

-- Scorekaart ------------------------------------------------------------------------
-- §3.2.3.2: "De varianten zullen onder andere worden beoordeeld op bovengenoemde
-- doelen van het programma, evenals op toekomstbestendigheid, uitvoerbaarheid,
-- bestuurbaarheid, kwaliteit en doelmatigheid etc. Voor het maken van afwegingen
-- wordt een scorekaart ontwikkeld." The weighting ("wegging", §3.2.3.3 step 2)
-- is still to be worked out: every gewicht is the neutral default 1.
-- No varianten are named (only "vier tot zes varianten"), so none are seeded.

INSERT INTO register.scorekaart_criteria (criterium_code, naam, omschrijving, gewicht) VALUES
	('doelen_programma', 'Doelen van het programma', 'Bijdrage aan de doelen van het programma (§2.2: integraal systeem- en mensgericht werken; stelsel- en structuurveranderingen).', 1),
	('toekomstbestendigheid', 'Toekomstbestendigheid', NULL, 1),
	('uitvoerbaarheid', 'Uitvoerbaarheid', NULL, 1),
	('bestuurbaarheid', 'Bestuurbaarheid', NULL, 1),
	('kwaliteit', 'Kwaliteit', NULL, 1),
	('doelmatigheid', 'Doelmatigheid', NULL, 1);

-- Begroting -----------------------------------------------------------------------
-- §4.5, "Bedragen x € 1.000", years 2023-2025 (the table has no 2026). The row
-- "Totaal" (12.800 each year) is not stored: it is the sum of the three posts.
-- The posts span several actielijnen, so actielijn_code is NULL. §4.5 adds that
-- the final division of the earmarked € 12,8 mln. for 2024 and 2025 over these
-- posts is still under discussion.

INSERT INTO register.begrotingsregels (jaar, post, actielijn_code, begroot_euro, gerealiseerd_euro, bron) VALUES
	(2023, 'Personele capaciteit', NULL, 2171000, NULL, 'Programmaplan 2023-2026 §4.5'),
	(2023, 'Overige programmakosten', NULL, 629000, NULL, 'Programmaplan 2023-2026 §4.5'),
	(2023, 'Proeftuinen en actielijnen', NULL, 10000000, NULL, 'Programmaplan 2023-2026 §4.5'),
	(2024, 'Personele capaciteit', NULL, 1800000, NULL, 'Programmaplan 2023-2026 §4.5'),
	(2024, 'Overige programmakosten', NULL, 1000000, NULL, 'Programmaplan 2023-2026 §4.5'),
	(2024, 'Proeftuinen en actielijnen', NULL, 10000000, NULL, 'Programmaplan 2023-2026 §4.5'),
	(2025, 'Personele capaciteit', NULL, 1800000, NULL, 'Programmaplan 2023-2026 §4.5'),
	(2025, 'Overige programmakosten', NULL, 1000000, NULL, 'Programmaplan 2023-2026 §4.5'),
	(2025, 'Proeftuinen en actielijnen', NULL, 10000000, NULL, 'Programmaplan 2023-2026 §4.5');
