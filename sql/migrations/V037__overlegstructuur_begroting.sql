-- V037: the consultation structure as data, and a budget that can be kept
-- per proeftuin and split into transition and transformation costs.
--
-- Purpose. The governance bodies were a fixed list in two check
-- constraints (V004: besluiten.orgaan, mijlpalen.beslisorgaan). The plan
-- gives them with their rhythm and the partners who take part,
-- seeds/003 §4.3.5 "Schematische weergave overlegstructuur":
--   "Brede Partner-bijeenkomst (bv 24-uurssessie) | 2 keer per jaar
--    (Gedeeltelijk met bewindspersonen) | Eerste en tweede ring
--    Ervaringsdeskundigen en projectleiders"
--   "Bestuurlijk opdrachtgevers-overleg (BOG) | 4 keer per jaar | Eerste
--    ring Om en om aanwezig"
--   "Ambtelijk opdrachtgevers-overleg (AOG) | 1 keer per 6 weken | Eerste
--    ring Deel van de tijd"
--   "Afdelings-hoofdenoverleg | 1 keer per 3 weken"
--   "Beleids-overleg (opdrachtgevers en programma-team) | 1 keer per week"
-- and §4.3.2 the rings: "De eerste ring bestaat uit de Associatie
-- Wijkteams, Raad voor de Kinderbescherming, Gecertificeerde Instellingen
-- en Landelijk Netwerk Veilig Thuis"; the second ring "in elk geval uit
-- gemeenten, de Politie, ...". The Tweede Kamer decides politically
-- (§1.2) and is informed (§3.2.3.3). register.overlegorganen holds them; a
-- decision and a milestone name one by its code (the codes in use stay:
-- AHO, AOG, BOG, Tweede Kamer). The seeded milestones keep no body: the
-- plan attributes none of their decisions to a body (V012's comment).
--
-- The budget (seeds/003 §4.5 "Financiën": "Proeftuinen en actielijnen
-- 10.000" per year, "De gelden voor de elf proeftuinen, het inrichten van
-- de regionale veiligheidsteams en de overige actielijnen zijn middelen uit
-- het Coalitieakkoord"; "Over de definitieve verdeling ... vinden nog
-- gesprekken plaats") gets two optional columns: the proeftuin a line is
-- for, and whether it is a transition cost (the change itself: two systems
-- side by side, setting up, "hoe langer we werken met 2 systemen naast
-- elkaar, hoe langer we dubbele kosten hebben", §5) or a transformation
-- cost (the new way of working). The plan's own lines keep neither: it
-- splits them neither way. A line is unique per year, post and proeftuin;
-- its id becomes the key (it was already the API's).

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE TABLE register.overlegorganen (
	orgaan_code text PRIMARY KEY CONSTRAINT overlegorganen_code_format CHECK (orgaan_code ~ '^[A-Za-z][A-Za-z ]{1,39}$'),
	naam text NOT NULL CONSTRAINT overlegorganen_naam_not_blank CHECK (btrim(naam) <> ''),
	frequentie text,
	keer_per_jaar numeric(5, 1) CONSTRAINT overlegorganen_keer_positive CHECK (keer_per_jaar > 0),
	partners text,
	ring text CONSTRAINT overlegorganen_ring_known CHECK (ring IN ('eerste', 'eerste_en_tweede'))
);
COMMENT ON TABLE register.overlegorganen IS 'De overlegstructuur van het programma (programmaplan §4.3.5) en de Tweede Kamer: wie besluit over mijlpalen en besluiten.';
COMMENT ON COLUMN register.overlegorganen.orgaan_code IS 'Code van het orgaan (AOG, BOG, …).';
COMMENT ON COLUMN register.overlegorganen.naam IS 'Naam van het orgaan.';
COMMENT ON COLUMN register.overlegorganen.frequentie IS 'Hoe vaak het bijeenkomt, zoals het plan het zegt.';
COMMENT ON COLUMN register.overlegorganen.keer_per_jaar IS 'Hoe vaak per jaar (1 keer per 6 weken: 8,7).';
COMMENT ON COLUMN register.overlegorganen.partners IS 'Welke partners deelnemen, zoals het plan het zegt.';
COMMENT ON COLUMN register.overlegorganen.ring IS 'Welke ring van partnerorganisaties deelneemt: eerste, of eerste en tweede (§4.3.2); leeg: geen.';

INSERT INTO register.overlegorganen VALUES
	('BPB', 'Brede Partnerbijeenkomst', '2 keer per jaar (gedeeltelijk met bewindspersonen)', 2,
	 'Eerste en tweede ring, ervaringsdeskundigen en projectleiders', 'eerste_en_tweede'),
	('BOG', 'Bestuurlijk opdrachtgeversoverleg', '4 keer per jaar', 4, 'Eerste ring, om en om aanwezig', 'eerste'),
	('AOG', 'Ambtelijk opdrachtgeversoverleg', '1 keer per 6 weken', 8.7, 'Eerste ring, deel van de tijd', 'eerste'),
	('AHO', 'Afdelingshoofdenoverleg', '1 keer per 3 weken', 17.4, NULL, NULL),
	('BO', 'Beleidsoverleg (opdrachtgevers en programmateam)', '1 keer per week', 52, NULL, NULL),
	('Tweede Kamer', 'Tweede Kamer', NULL, NULL, NULL, NULL);

ALTER TABLE register.besluiten DROP CONSTRAINT besluiten_orgaan_known,
    ADD CONSTRAINT besluiten_orgaan_fkey FOREIGN KEY (orgaan) REFERENCES register.overlegorganen;
ALTER TABLE register.mijlpalen DROP CONSTRAINT mijlpalen_orgaan_known,
    ADD CONSTRAINT mijlpalen_beslisorgaan_fkey FOREIGN KEY (beslisorgaan) REFERENCES register.overlegorganen;
COMMENT ON COLUMN register.besluiten.orgaan IS 'Het orgaan dat besloot (register.overlegorganen).';
COMMENT ON COLUMN register.mijlpalen.beslisorgaan IS 'Het orgaan dat over de mijlpaal besluit (register.overlegorganen); leeg als het plan het niet zegt.';

ALTER TABLE register.begrotingsregels ADD COLUMN proeftuin_code text REFERENCES ref.proeftuinen,
    ADD COLUMN kostensoort text CONSTRAINT begrotingsregels_kostensoort_known CHECK (kostensoort IN ('transitie', 'transformatie'));
ALTER TABLE register.begrotingsregels DROP CONSTRAINT begrotingsregels_pkey,
    ADD PRIMARY KEY (begrotingsregel_id),
    ADD CONSTRAINT begrotingsregels_regel UNIQUE NULLS NOT DISTINCT (jaar, post, proeftuin_code);
COMMENT ON COLUMN register.begrotingsregels.proeftuin_code IS 'De proeftuin waarvoor de regel is; leeg: het programma als geheel.';
COMMENT ON COLUMN register.begrotingsregels.kostensoort IS 'transitie (de overgang zelf: twee systemen naast elkaar, inrichten) of transformatie (de nieuwe werkwijze); leeg: niet toegedeeld.';
-- the change log keys on the primary key, which changed
SELECT audit.track('register.begrotingsregels');

-- as the other registers (V035: register.als_register)
SELECT register.als_register('register.overlegorganen');
