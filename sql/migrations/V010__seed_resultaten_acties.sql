-- V010: seed the results chain and the acties voor verandering (schema register).
--
-- Purpose: fills, from the programme's own document seeds/000 (Athena
-- Instituut VU, rapportage september 2024 "Acties en kennis voor
-- verandering"), the tables
--   register.gewenste_resultaten        the six gewenste resultaten
--                                       (deel 1, "Acties voor verandering:
--                                       helikopterblik", and figuur 1)
--   register.impacts                    impact voor de doelgroep (ID1-ID3) and
--                                       maatschappelijke impact (MI1-MI4)
--                                       (figuur 1 "Wielen Maatschappelijke effecten")
--   register.resultaatketen             resultaat → impact voor de doelgroep
--   register.acties                     every actie voor verandering of deel 1
--                                       "verdieping": the slides GOVERNANCE (1),
--                                       GOVERNANCE (2), Actie-agenda governance,
--                                       ORGANISATIES, Actie-agenda organisaties,
--                                       PROFESSIONALS, Actie-agenda professionals
--   register.actie_resultaten           left empty (see below)
--   register.kennisopdrachten,
--   register.kennisopdracht_resultaten  left empty (see below)
-- Text follows the document's wording; only OCR errors are corrected
-- (creéren → creëren, Toekomstsscenario → Toekomstscenario, …).
-- Reversible: DELETE FROM register.actie_resultaten, register.acties,
-- register.resultaatketen, register.impacts, register.gewenste_resultaten
-- (in that order).

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- Gewenste resultaten ---------------------------------------------------------
-- Deel 1, "Acties voor verandering: helikopterblik": "Deze resultaten zijn
-- (zie Rapportage mei 2024, p. 6-7)", numbered 1-6; the names follow the
-- short forms of figuur 1 and figuur 4, the omschrijving the full wording.
-- The helikopterblik finds much inzet on results 1 and 2 and "beduidend
-- minder aandacht" for results 4 and 6; deel 2 finds the same blind spots in
-- kennisontwikkeling. That is a finding, not part of the definition, so it is
-- not stored here.

INSERT INTO register.gewenste_resultaten (resultaat_nummer, naam, omschrijving) VALUES
	(1, 'Inzet op welbevinden',
	    'Inzet op welbevinden van de doelgroep.'),
	(2, 'Kennis en handelingsperspectieven voor (on)veiligheid',
	    'Kennis over en handelingsperspectieven voor het herkennen en aanpakken van (on)veiligheid en schadelijk gedrag in thuissituaties.'),
	(3, 'Tijdige, passende, samenhangende hulp en bescherming',
	    'Tijdige, passende, samenhangende hulp en bescherming (in samenhang!).'),
	(4, 'Gelijkwaardige hulp en ondersteuning',
	    'Gelijkwaardige hulp en ondersteuning.'),
	(5, 'Eenvoudige toegang tot hulp en bescherming',
	    'Eenvoudige toegang tot hulp en bescherming.'),
	(6, 'Een veilig en reflexief stelsel',
	    'Een veilig en reflexief stelsel.');

-- Impacts ---------------------------------------------------------------------
-- Figuur 1 "Wielen Maatschappelijke effecten": "We zullen daarvoor deze
-- veranderingen zien in de ervaringen van kinderen, volwassenen, huishoudens
-- en gezinnen" (impact voor de doelgroep) and "Wanneer deze veranderingen
-- optreden, zullen we dit zien gebeuren in de bredere samenleving"
-- (maatschappelijke impact). The document does not number them; the codes
-- follow the order in figuur 1.

INSERT INTO register.impacts (impact_code, niveau, naam) VALUES
	('ID1', 'doelgroep', 'Meer welbevinden en rust'),
	('ID2', 'doelgroep', 'Empowerde doelgroep'),
	('ID3', 'doelgroep', 'Meer bewustzijn, inzicht over en handelingsperspectief voor schadelijke patronen'),
	('MI1', 'maatschappelijk', 'Zorgzame samenleving'),
	('MI2', 'maatschappelijk', 'Meer vertrouwen in stelsel en overheid'),
	('MI3', 'maatschappelijk', 'Een blijvende veilige plek voor kinderen en volwassenen'),
	('MI4', 'maatschappelijk', 'Gelijkwaardige verhoudingen tussen stelsel/overheid en burger');

-- Resultaatketen ----------------------------------------------------------------
-- The document does NOT link individual resultaten to individual impacts:
-- figuur 1 shows three wheels as a whole ("We werken met het stelsel aan"
-- the six resultaten → "We zullen daarvoor deze veranderingen zien" in the
-- doelgroep → "Wanneer deze veranderingen optreden" in the samenleving).
-- Hence every resultaat is linked to every impact voor de doelgroep, and no
-- resultaat is linked directly to a maatschappelijke impact (those follow
-- from the doelgroep-impacts, a step this table does not hold). No specific
-- links are invented.

INSERT INTO register.resultaatketen (resultaat_nummer, impact_code)
SELECT r.resultaat_nummer, i.impact_code
FROM register.gewenste_resultaten AS r
CROSS JOIN register.impacts AS i
WHERE i.niveau = 'doelgroep'
ORDER BY 1, 2;

-- Acties voor verandering -------------------------------------------------------
-- Deel 1, "Acties voor verandering: verdieping". Per niveau (governance,
-- organisaties, professionals) the document gives a table PRINCIPE →
-- TRANSITIEBEVORDERENDE ACTIES, then an "Actie-agenda" slide with what "in de
-- weg zit en aandacht vraagt (transitie-belemmerende acties)" and what
-- "extra dialoog vraagt" (open dialoogvragen).
--
-- Principe. The principles are those of figuur 3 ("Ecosysteem"):
-- gezamenlijk kijken (werken over domeinen heen), breed kijken en
-- aanpakken/oppakken (systemisch benaderen van gezinnen en huishoudens),
-- reflexief handelen (tijd voor leren en vertragen), dialoog opzoeken (met
-- elkaar en samenleving); the label "IN DIALOOG MET SAMENLEVING" on the
-- organisaties and professionals slides is dialoog_opzoeken. The text of the
-- document has lost the row boundaries of the tables on GOVERNANCE (1),
-- ORGANISATIES and PROFESSIONALS (the principle labels come as one block
-- before the actions). Actions are listed in the order of the principles, so
-- a principle is set only where it is certain: the first and last action of
-- a table, an action whose wording names the principle's definition, or the
-- label standing on the action's line (GOVERNANCE (2)). Elsewhere principe
-- is NULL and a comment gives the candidates.
-- Transitiebelemmerende acties and dialoogvragen are not assigned to a
-- principle in the document: principe NULL.
--
-- Resultaten. The document does not say which gewenste resultaten an actie
-- voor verandering serves: the helikopterblik (figuur 2) maps the
-- programme's current acties (proeftuinen, doelgroepbepaling,
-- handelingskader, …) to the resultaten only as a picture, and the verdieping
-- lists the acties per niveau and principe without resultaten. So
-- register.actie_resultaten is left empty; no links are invented.
--
-- Eigenaar: the document names none (NULL). Status: voorgesteld.
--
-- The "Actie-agenda" slides open with a summary "een duidelijke behoefte aan
-- inzetten op: …" of the transitiebevorderende acties in the table before
-- it; those summaries are not separate acties and are not seeded (quoted in
-- comments below, so that nothing is lost).

-- GOVERNANCE (1): principes gezamenlijk kijken, breed kijken en oppakken ----

INSERT INTO register.acties (actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status) VALUES
	(1, 'Zet actief in op verbinding creëren met andere programma''s, domeinen en beleidsdepartementen in de breedte van de beoogde paradigmashift, zowel op Rijksniveau als gemeentelijk niveau.',
	    NULL,
	    'governance', 'gezamenlijk_kijken', 'transitiebevorderend', NULL, 'voorgesteld'),
	(2, 'Ontwikkel een gezamenlijke taal en discours en blijf deze laden.',
	    'Bijvoorbeeld over het begrip (on)veiligheid en het principe van ''do no harm''.',
	    'governance', 'gezamenlijk_kijken', 'transitiebevorderend', NULL, 'voorgesteld'),
	(3, 'Ontwikkel proactief een gezamenlijk discours en zet in als tegenkracht van politieke/maatschappelijke discours rond hulp en bescherming n.a.v. incidenten.',
	    NULL,
	    'governance', 'gezamenlijk_kijken', 'transitiebevorderend', NULL, 'voorgesteld'),
	-- 4-10: principe gezamenlijk_kijken or breed_kijken_en_oppakken; the
	-- text of the document does not show the row boundary.
	(4, 'Ontwikkel één landelijk kader voor kwaliteit in veiligheid, hulp en ondersteuning aan de doelgroep.',
	    NULL,
	    'governance', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(5, 'Stel een heldere en samenhangende verantwoordelijkheids- en bevoegdheidsverdeling vast binnen het stelsel.',
	    'Verantwoordelijkheidsverdeling stelselverantwoordelijken; samenhangende opdrachten aan en tussen uitvoeringspartijen; evenwicht in bevoegdheden en verantwoordelijkheden voor de uitvoeringsorganisaties.',
	    'governance', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(6, 'Ontwikkel een model voor toezicht- en verantwoording dat samenhangend en passend is bij de bevoegdheden en verantwoordelijkheden van de uitvoeringsorganisaties, de uitvoerende teams en de individuele aansprakelijkheid overstijgt.',
	    NULL,
	    'governance', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(7, 'Versterk en formaliseer netwerksamenwerking binnen het stelsel.',
	    NULL,
	    'governance', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(8, 'Ontschot op alle niveaus conform bedoeling Toekomstscenario.',
	    'Zoals tussen de ministeries, de verschillende (wetgevings- en beleids)domeinen, loketten binnen de gemeenten. Creëren van centrale wetgeving voor hulp en bescherming; toepassen van 0-100 benadering; beslechten van de grens tussen 18-/18+; hulp in bescherming/RVT mogelijk maken.',
	    'governance', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(9, 'Creëren van landelijke kaders voor rechtsbescherming.',
	    NULL,
	    'governance', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(10, 'Ontwikkelen van een model dat leidt tot één sturing op de professional.',
	    NULL,
	    'governance', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(11, 'Herzien van financieringsmodel.',
	    'Gezinsgericht; één budget voor verschillende hulp en interventies voor gezinnen.',
	    'governance', 'breed_kijken_en_oppakken', 'transitiebevorderend', NULL, 'voorgesteld');

-- GOVERNANCE (2): principes reflexief handelen, dialoog opzoeken -------------
-- The labels stand on the lines of actie 12 (REFLEXIEF HANDELEN) and actie
-- 17 (DIALOOG OPZOEKEN); 13-16 lie between them, 18 after.

INSERT INTO register.acties (actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status) VALUES
	(12, 'Zet een sector brede monitor op.',
	    'Die inzicht geeft over de werking en betekenis van het stelsel voor de doelgroep, en over de ervaren veiligheid binnen het stelsel voor de doelgroep en professionals binnen het stelsel.',
	    'governance', 'reflexief_handelen', 'transitiebevorderend', NULL, 'voorgesteld'),
	(13, 'Richt een transitiemonitor in.',
	    NULL,
	    'governance', 'reflexief_handelen', 'transitiebevorderend', NULL, 'voorgesteld'),
	(14, 'Faciliteer en ondersteun geïntegreerde kennisontwikkeling tussen praktijk en beleid ten behoeve van besluitvorming.',
	    NULL,
	    'governance', 'reflexief_handelen', 'transitiebevorderend', NULL, 'voorgesteld'),
	(15, 'Verbind praktijk, onderwijs en wetenschap d.m.v. een kennisprogramma en platforms.',
	    'Verbind praktijk (professionals, ervaringsdeskundigen en organisaties), onderwijs en wetenschap d.m.v. een kennisprogramma en platforms zodat verworven kennis gedeeld kan worden en het herkennen van systemisch handelen in onveiligheid bevorderd wordt. Leg hiertoe ook verbinding met Kwaliteit en Blijven leren van de Hervormingsagenda Jeugd.',
	    'governance', 'reflexief_handelen', 'transitiebevorderend', NULL, 'voorgesteld'),
	(16, 'Ga het debat aan over serieuze gamechangers, zoals het samenvoegen of opheffen van organisaties.',
	    'Denk bijvoorbeeld aan de rol van Veilig Thuis.',
	    'governance', 'reflexief_handelen', 'transitiebevorderend', NULL, 'voorgesteld'),
	(17, 'Organiseer en ga met de samenleving in debat.',
	    'Over: wat is onveiligheid?; wat zijn de verwachtingen die men heeft van de overheid vs. (hoe) kan de overheid die verwachtingen waarmaken?; bevoegdheden van overheidspartijen.',
	    'governance', 'dialoog_opzoeken', 'transitiebevorderend', NULL, 'voorgesteld'),
	(18, 'Zet in op ontwikkelingen en ''verandering'' in opleidingen van toekomstige professionals parallel met inzet op systemisch en integraal werken.',
	    NULL,
	    'governance', 'dialoog_opzoeken', 'transitiebevorderend', NULL, 'voorgesteld');

-- Actie-agenda governance --------------------------------------------------------
-- Summary, not seeded: "Op het niveau van governance zien we - t.b.v. de
-- transformatie van het stelsel - een duidelijke behoefte aan inzetten op:
-- verbinding met andere domeinen om vraagstukken te prioriteren en op 'de
-- juiste tafels' geagendeerd te krijgen; activiteiten die leiden tot
-- ontschotting op verschillende niveaus (ministeries, organisaties, lokaal);
-- helderheid over besluitvorming (RVT) en houvast over wat er de komende
-- jaren komen gaat in opbouw, afbouw en behoud van kwaliteit in de
-- 'tussenfase'; monitoring van de werking van het stelsel en de
-- transformatie; maatschappelijk debat en gezamenlijke taal over veiligheid
-- (van het stelsel) en maakbaarheid vs. ingrijpen."
-- "Wat in de governance in de weg zit en aandacht vraagt
-- (transitie-belemmerende acties)":

INSERT INTO register.acties (actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status) VALUES
	(19, 'De (maatschappelijke en politieke) verantwoordingsmechanismen waarin het systeem en de organisaties (met bijbehorende gestapelde protocollering) centraal staan in plaats van het betekenisvol handelen.',
	    NULL,
	    'governance', NULL, 'transitiebelemmerend', NULL, 'voorgesteld'),
	(20, 'De onveiligheid van het stelsel voor de doelgroep en professionals.',
	    NULL,
	    'governance', NULL, 'transitiebelemmerend', NULL, 'voorgesteld'),
	(21, 'Het ongerichte debat over veiligheid en de rol voor de overheid.',
	    NULL,
	    'governance', NULL, 'transitiebelemmerend', NULL, 'voorgesteld'),
	(22, 'De bestaande schotten en verkokering binnen het stelsel en bijhorende versnippering.',
	    NULL,
	    'governance', NULL, 'transitiebelemmerend', NULL, 'voorgesteld'),
	(23, 'Een juridische werkelijkheid die niet past bij de praktijk.',
	    NULL,
	    'governance', NULL, 'transitiebelemmerend', NULL, 'voorgesteld'),
	(24, 'Gebrek aan een (onderlinge) open cultuur.',
	    NULL,
	    'governance', NULL, 'transitiebelemmerend', NULL, 'voorgesteld');

-- "Wat in de governance om extra dialoog vraagt". The last four are listed
-- under "Ten aanzien van de praktijk en de proeftuinen:"; each is a question
-- of its own.

INSERT INTO register.acties (actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status) VALUES
	(25, 'Hoe kan rechtsbescherming houvast bieden aan burgers en tegelijkertijd professionals niet weerhouden om te doen wat nodig is?',
	    NULL,
	    'governance', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(26, 'Hoe te voorkomen dat de breedheid van de aanpak vertragend of verzandend werkt?',
	    NULL,
	    'governance', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(27, 'Hoe is de balans tussen overheid (besluitvorming) en praktijk in kennisontwikkeling?',
	    NULL,
	    'governance', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(28, 'Hoe werken we samen met organisaties die claims voorbereiden?',
	    NULL,
	    'governance', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(29, 'De huidige monitoring: wat zegt deze over het gewenste resultaat?',
	    'Ten aanzien van de praktijk en de proeftuinen.',
	    'governance', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(30, 'De ruimte voor proeftuinen; moeten kaders (met het oog op uniformiteit en rechtsbescherming) niet veel strakker?',
	    'Ten aanzien van de praktijk en de proeftuinen.',
	    'governance', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(31, 'De uitwerking van het tuchtrecht.',
	    'Ten aanzien van de praktijk en de proeftuinen.',
	    'governance', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(32, 'Reflectie; kan het handelen gekeerd worden met een helpend handelingskader voor professionals?',
	    'Ten aanzien van de praktijk en de proeftuinen.',
	    'governance', NULL, 'dialoogvraag', NULL, 'voorgesteld');

-- ORGANISATIES: principes gezamenlijk kijken, breed kijken en oppakken,
-- reflexief handelen, in dialoog met samenleving ------------------------------

INSERT INTO register.acties (actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status) VALUES
	(33, 'Stel richtlijnen op die richting geven aan het gewenste handelen van professionals als team.',
	    NULL,
	    'organisaties', 'gezamenlijk_kijken', 'transitiebevorderend', NULL, 'voorgesteld'),
	-- 34-40: principe gezamenlijk_kijken or breed_kijken_en_oppakken (40
	-- also possibly reflexief_handelen); the text of the document does not
	-- show the row boundaries.
	(34, 'Stel op basis van het handelingskader een kader op met interne uitgangspunten en instrumenten die het handelen van de professional ondersteunen.',
	    NULL,
	    'organisaties', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(35, 'Ontwikkel en zet in op (veiligheids)expertise en vakmanschap passend in het nieuwe paradigma.',
	    NULL,
	    'organisaties', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(36, 'Ontwikkel en implementeer het integraal werken.',
	    'Met behulp van een integraal analysemodel en een werkwijze gericht op contextueel en systemisch handelen.',
	    'organisaties', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(37, 'Kom als RVT met 1 gezicht/1 team naar buiten.',
	    NULL,
	    'organisaties', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(38, 'Voer multidisciplinaire besluitvorming.',
	    NULL,
	    'organisaties', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(39, 'Versterk en investeer in netwerksamenwerking.',
	    NULL,
	    'organisaties', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(40, 'Stel betekenisvolle metingen vast.',
	    NULL,
	    'organisaties', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(41, 'Richt een omgeving in om te vertragen en te leren van casuïstiek.',
	    NULL,
	    'organisaties', 'reflexief_handelen', 'transitiebevorderend', NULL, 'voorgesteld'),
	(42, 'Creëer en faciliteer leer- en evaluatiestructuur.',
	    NULL,
	    'organisaties', 'reflexief_handelen', 'transitiebevorderend', NULL, 'voorgesteld'),
	(43, 'Voer doorlopend dialoog met ervaringsdeskundigen, professionals en stelselpartijen over het handelen en de betekenis die de betrokkenheid voor de doelgroep heeft.',
	    NULL,
	    'organisaties', 'dialoog_opzoeken', 'transitiebevorderend', NULL, 'voorgesteld');

-- Actie-agenda organisaties ------------------------------------------------------
-- Summary, not seeded: "Op het niveau van organisaties zien we een duidelijke
-- behoefte aan inzetten op: kaders, richtlijnen en instrumenten die het
-- integraal kijken en handelen bevorderen; richtlijnen die het handelen als
-- team versterken; ontwikkeling van (veiligheids)expertise en vakmanschap;
-- een reflexieve en lerende omgeving."
-- "Wat op organisatorisch niveau in de weg zit en aandacht vraagt
-- (transitie-belemmerende acties)":

INSERT INTO register.acties (actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status) VALUES
	(44, 'De bestaande schotten op inhoud, analyse, verantwoordelijkheden, bevoegdheden en financiering.',
	    NULL,
	    'organisaties', NULL, 'transitiebelemmerend', NULL, 'voorgesteld'),
	(45, 'De (discussie over) verschillende ''heilige gralen'' die leven bij organisaties en stelselpartijen.',
	    NULL,
	    'organisaties', NULL, 'transitiebelemmerend', NULL, 'voorgesteld'),
	(46, 'Innovaties krijgen geen vervolg of geleerde lessen worden niet/onvoldoende verzilverd.',
	    NULL,
	    'organisaties', NULL, 'transitiebelemmerend', NULL, 'voorgesteld');

-- "Wat op organisatorisch niveau extra dialoog vraagt":

INSERT INTO register.acties (actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status) VALUES
	(47, 'Als bestaanszekerheid de basis moet worden, ligt de focus dan nu te veel op de bestaande organisaties?',
	    NULL,
	    'organisaties', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(48, 'Waar zetten we nu op in: hulp verlenen of betrokkenheid lokaal team?',
	    NULL,
	    'organisaties', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(49, 'Welke nieuwe schotten worden zichtbaar?',
	    NULL,
	    'organisaties', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(50, 'Waar gaat hulp in bescherming over en welke checks and balances vraagt dat?',
	    NULL,
	    'organisaties', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(51, 'Gelijkwaardigheid, wat is het en is het haalbaar?',
	    NULL,
	    'organisaties', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(52, 'Wat te doen en hoe te handelen in de fase tot nieuwe wetgeving?',
	    NULL,
	    'organisaties', NULL, 'dialoogvraag', NULL, 'voorgesteld');

-- PROFESSIONALS: principes gezamenlijk kijken, breed kijken en oppakken,
-- reflexief handelen, in dialoog met samenleving ------------------------------

INSERT INTO register.acties (actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status) VALUES
	(53, 'Werk samen vanuit één integrale analyse en één plan waar gezinnen en huishoudens onderdeel van zijn.',
	    NULL,
	    'professionals', 'gezamenlijk_kijken', 'transitiebevorderend', NULL, 'voorgesteld'),
	-- 54-56: principe gezamenlijk_kijken or breed_kijken_en_oppakken; the
	-- text of the document does not show the row boundary.
	(54, 'Leg brede verbindingen met de lokale teams, school, de wijk en het jongerenwerk.',
	    NULL,
	    'professionals', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(55, 'Investeer in netwerksamenwerking.',
	    NULL,
	    'professionals', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	(56, 'Ontwikkel (met praktijk en HBO''s, wetenschap) scholing, kaders en instrumentarium dat het integraal handelen faciliteert en blijft bevorderen.',
	    NULL,
	    'professionals', NULL, 'transitiebevorderend', NULL, 'voorgesteld'),
	-- 57 names the definition of breed kijken (systemisch); 58 and 59 follow
	-- it and precede the reflexief_handelen row (60), and are not about leren
	-- en vertragen.
	(57, 'Stel werken vanuit systemisch perspectief en het uitvoeren van systemische analyses voorop.',
	    NULL,
	    'professionals', 'breed_kijken_en_oppakken', 'transitiebevorderend', NULL, 'voorgesteld'),
	(58, 'Werk integraal in de versterkte lokale toegang met oog voor veiligheid.',
	    NULL,
	    'professionals', 'breed_kijken_en_oppakken', 'transitiebevorderend', NULL, 'voorgesteld'),
	(59, 'Herken en pak veiligheidssituaties aan.',
	    'Bijvoorbeeld door kennis over hoe te handelen naar de gezinsprofielen opgesteld door het Verwey-Jonker Instituut.',
	    'professionals', 'breed_kijken_en_oppakken', 'transitiebevorderend', NULL, 'voorgesteld'),
	(60, 'Faciliteer en pas brede (over organisaties heen) intervisie en casusevaluaties toe.',
	    NULL,
	    'professionals', 'reflexief_handelen', 'transitiebevorderend', NULL, 'voorgesteld'),
	(61, 'Blijf in open dialoog met gezinnen en huishoudens over gehanteerde normen en waarden.',
	    NULL,
	    'professionals', 'dialoog_opzoeken', 'transitiebevorderend', NULL, 'voorgesteld');

-- Actie-agenda professionals -----------------------------------------------------
-- Summary, not seeded: "Op het niveau van professionals zien we een
-- duidelijke behoefte aan inzetten op: het versterken van integraal
-- samenwerken vanuit één analyse; ontwikkelen van kennis en expertise over
-- veiligheidssituaties en bijhorende handelingsperspectieven; actief
-- faciliteren van intervisie en casusevaluatie."
-- "Wat op niveau van professionals in de weg zit en aandacht vraagt
-- (transitie-belemmerende acties)":

INSERT INTO register.acties (actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status) VALUES
	(62, 'Professionals voelen te veel (tijds)druk om vanuit eigen beeld oplossingen te bedenken i.p.v. de tijd nemen om te verbinden met huishoudens/gezinnen/netwerkpartners en hen te bevragen.',
	    NULL,
	    'professionals', NULL, 'transitiebelemmerend', NULL, 'voorgesteld'),
	(63, 'De hoeveelheid ''zware'' professionals in de wijkteams.',
	    NULL,
	    'professionals', NULL, 'transitiebelemmerend', NULL, 'voorgesteld'),
	(64, 'Er is nog te veel individuele aansprakelijkheid, in plaats van een (ervaren) gedeelde verantwoordelijkheid.',
	    NULL,
	    'professionals', NULL, 'transitiebelemmerend', NULL, 'voorgesteld'),
	(65, 'De kennis is te versnipperd.',
	    NULL,
	    'professionals', NULL, 'transitiebelemmerend', NULL, 'voorgesteld');

-- "Wat op dit niveau extra dialoog vraagt":

INSERT INTO register.acties (actie_id, titel, omschrijving, niveau, principe, soort, eigenaar, status) VALUES
	(66, 'Wat vraagt deze transformatie van werkwijze en scholing van professionals?',
	    NULL,
	    'professionals', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(67, 'Hoe en waarom is de krappe arbeidsmarkt en bezorgdheid een ''roze olifant''?',
	    NULL,
	    'professionals', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(68, 'Wat zijn de handelingsperspectieven voor gezinnen?',
	    NULL,
	    'professionals', NULL, 'dialoogvraag', NULL, 'voorgesteld'),
	(69, 'Wat zijn de negatieve effecten van de transformatie? Zijn er niet te veel negatieve effecten op professionals?',
	    NULL,
	    'professionals', NULL, 'dialoogvraag', NULL, 'voorgesteld');

SELECT setval(pg_get_serial_sequence('register.acties', 'actie_id'), (SELECT max(actie_id) FROM register.acties));

-- Actie-resultaten ------------------------------------------------------------
-- None: the document does not say which gewenste resultaten an actie voor
-- verandering serves (see above). To be filled when the programme links
-- them.

-- Kennisopdrachten --------------------------------------------------------------
-- None. Deel 2 "Kennis voor verandering" describes the classification
-- framework only: kennisinhoud (aard; gelaagdheid operationeel / tactisch /
-- systemisch = eenduidige kennis vs. complexe kennis; horizon 1 kennis over
-- huidige situatie, 2 transformatiekennis, 3 kennis over gewenste situatie)
-- and kennisproces (kenniscyclus ontwikkelen, delen, wegen, gebruiken;
-- knowledge brokering informeren, vertalen, co-creëren, innoveren). Its
-- findings come from an "analyse van opdrachtbeschrijvingen vanuit het
-- programma" that is reported only in aggregate (blinde vlekken bij
-- resultaat 4 en 6, weinig systemische kennis, weinig target knowledge /
-- horizon 3, weinig kennis wegen en codificeren); no individual
-- kennisopdracht is named or classified. The "Kennisagenda - september 2024"
-- gives aandachtspunten (ontwikkelen van target knowledge; inzet op
-- kennisontwikkeling van systemische aard; zorg voor gunstig
-- kennisklimaat/kenniscultuur; versterk inzet op verbinden van verschillende
-- kennisstromen; voer sterke regie en programmering op
-- kennisweging/deling en gebruik), not kennisopdrachten with a horizon,
-- gelaagdheid, cyclusfase and makelaarsrol, so register.kennisopdrachten
-- and register.kennisopdracht_resultaten stay empty.
