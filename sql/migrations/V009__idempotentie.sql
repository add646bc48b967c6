-- V009: idempotent creates.
--
-- Purpose: a create sent with an Idempotency-Key header is done once: a
-- retry with the same key (by the same subject) gets the first answer back
-- and creates nothing new. audit.idempotentie keeps the key, who sent it,
-- on which resource, and the answer.
-- Reversible: DROP TABLE audit.idempotentie.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE TABLE audit.idempotentie (
	sleutel text NOT NULL CONSTRAINT idempotentie_sleutel_format CHECK (sleutel ~ '^[A-Za-z0-9._:-]{8,128}$'),
	sub text NOT NULL,
	resource text NOT NULL,
	antwoord jsonb NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (sleutel, sub)
);
COMMENT ON TABLE audit.idempotentie IS 'Idempotency-Keys van aanmaakverzoeken met het eerste antwoord: een herhaling met dezelfde sleutel krijgt dat antwoord terug en maakt niets nieuws.';
COMMENT ON COLUMN audit.idempotentie.sleutel IS 'De Idempotency-Key van de client.';
COMMENT ON COLUMN audit.idempotentie.sub IS 'Subject van het token dat de sleutel stuurde.';
COMMENT ON COLUMN audit.idempotentie.resource IS 'De resource waarop het verzoek betrekking had.';
COMMENT ON COLUMN audit.idempotentie.antwoord IS 'Het eerste antwoord.';
COMMENT ON COLUMN audit.idempotentie.created_at IS 'Moment van het eerste verzoek.';

ALTER TABLE audit.idempotentie ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON audit.idempotentie TO aanleveraar, programma;
CREATE POLICY idempotentie_select_own ON audit.idempotentie
    FOR SELECT TO aanleveraar, programma USING (sub = api.claim('sub'));
CREATE POLICY idempotentie_insert_own ON audit.idempotentie
    FOR INSERT TO aanleveraar, programma WITH CHECK (sub = api.claim('sub'));
