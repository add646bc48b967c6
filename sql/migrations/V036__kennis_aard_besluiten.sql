-- V036: the "aard" of knowledge, and from a kennisopdracht to the decisions
-- it informed.
--
-- Purpose. seeds/000 part 2 ("Kennis voor verandering: kennisinhoud")
-- describes knowledge in three layers, the first its aard: "De 'aard' van
-- de kennis die wordt verzameld: waarover wordt kennis opgehaald?" (l.
-- 653), besides gelaagdheid and horizon (V004). The seed names no
-- categories of aard: its analysis of it ("kennisinhoud (1) aard van
-- kennis", l. 769-788) reads the themes and questions of the assignments
-- against the gewenste resultaten ("Het programma zet verschillende
-- opdrachten uit rondom thema's en vraagstukken die linken aan de gewenste
-- resultaten", l. 780-784). So the categories are data the programme keeps
-- (register.kennisaarden, none seeded), and a kennisopdracht names one.
--
-- The same part finds that knowledge does not reach decisions: "het
-- feedbackmechanisme van al wat gedaan en geleerd wordt niet duidelijk
-- vastgelegd is. Hiermee riskeert kennis 'onder de radar' te blijven, en
-- niet expliciet ingezet te worden t.b.v. besluitvorming en innovatie"
-- (l. 873-875); "Kennis moet ook gewogen, gedeeld en gebruikt worden: in
-- besluitvorming" (l. 913-915). register.kennisopdracht_besluiten records
-- which decisions (register.besluiten) an assignment informed, so the
-- loop from knowledge to decision is visible, and its absence too.
--
-- Blind spots ("Er zijn een aantal 'blinde' vlekken waar minder mee
-- gebeurt", l. 786-788; "weinig 'systemische' kennisontwikkeling", l.
-- 885-891) are read by api.blinde_vlekken (R__07): every result against
-- every category of each dimension, with the empty and thin cells.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE TABLE register.kennisaarden (
	aard_code text PRIMARY KEY CONSTRAINT kennisaarden_code_format CHECK (aard_code ~ '^[a-z][a-z0-9_]{1,39}$'),
	naam text NOT NULL CONSTRAINT kennisaarden_naam_not_blank CHECK (btrim(naam) <> ''),
	omschrijving text
);
COMMENT ON TABLE register.kennisaarden IS 'De aard van kennis: waarover kennis wordt opgehaald (seeds/000 deel 2, "kennisinhoud"); de categorieën stelt het programma vast.';
COMMENT ON COLUMN register.kennisaarden.aard_code IS 'Code van de categorie (kleine letters, cijfers en _).';
COMMENT ON COLUMN register.kennisaarden.naam IS 'Naam van de categorie.';
COMMENT ON COLUMN register.kennisaarden.omschrijving IS 'Wat onder de categorie valt.';

ALTER TABLE register.kennisopdrachten ADD COLUMN aard_code text REFERENCES register.kennisaarden;
COMMENT ON COLUMN register.kennisopdrachten.aard_code IS 'De aard van de kennis (register.kennisaarden): waarover de opdracht kennis ophaalt.';

CREATE TABLE register.kennisopdracht_besluiten (
	kennisopdracht_id integer NOT NULL REFERENCES register.kennisopdrachten ON DELETE CASCADE,
	besluit_id integer NOT NULL REFERENCES register.besluiten ON DELETE CASCADE,
	PRIMARY KEY (kennisopdracht_id, besluit_id)
);
COMMENT ON TABLE register.kennisopdracht_besluiten IS 'Welke besluiten een kennisopdracht heeft gevoed: de lus van kennis naar besluitvorming.';
COMMENT ON COLUMN register.kennisopdracht_besluiten.kennisopdracht_id IS 'De kennisopdracht.';
COMMENT ON COLUMN register.kennisopdracht_besluiten.besluit_id IS 'Het besluit dat zij voedde.';

-- as the other registers (V035: register.als_register)
SELECT register.als_register('register.kennisaarden');
SELECT register.als_register('register.kennisopdracht_besluiten');
