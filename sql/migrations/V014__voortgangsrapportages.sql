-- V014: frozen half-year progress reports for parliament.
--
-- Purpose: monitoring.voortgangsrapportages holds, per half year, the report
-- exactly as it was established: its content (the figures, as JSON), the
-- SHA-256 of that content's canonical text, when and by whom. Nothing can
-- change or remove a report afterwards, so what was sent to the Tweede Kamer
-- can be reproduced exactly, whatever corrections come later.
-- Everyone may read established reports (they are public); the programme
-- establishes them through api.rapportage_vaststellen().
-- Reversible: DROP TABLE monitoring.voortgangsrapportages.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE TABLE monitoring.voortgangsrapportages (
	periode_code text PRIMARY KEY REFERENCES ref.perioden
	    CONSTRAINT voortgangsrapportages_half_year CHECK (periode_code ~ '^[0-9]{4}-H[12]$'),
	inhoud jsonb NOT NULL,
	inhoud_hash text NOT NULL,
	vastgesteld_op timestamptz NOT NULL DEFAULT now(),
	vastgesteld_door text NOT NULL DEFAULT coalesce(api.claim('sub'), session_user),
	CONSTRAINT voortgangsrapportages_hash_matches
	    CHECK (inhoud_hash = encode(sha256(convert_to(inhoud::text, 'UTF8')), 'hex'))
);
COMMENT ON TABLE monitoring.voortgangsrapportages IS 'Vastgestelde halfjaarlijkse voortgangsrapportages voor de Tweede Kamer: de inhoud precies zoals vastgesteld, met een SHA-256 van de inhoud. Niet te wijzigen of te verwijderen.';
COMMENT ON COLUMN monitoring.voortgangsrapportages.periode_code IS 'Het halfjaar (JJJJ-Hn).';
COMMENT ON COLUMN monitoring.voortgangsrapportages.inhoud IS 'De cijfers zoals vastgesteld (JSON).';
COMMENT ON COLUMN monitoring.voortgangsrapportages.inhoud_hash IS 'SHA-256 (hex) van de canonieke tekst van de inhoud.';
COMMENT ON COLUMN monitoring.voortgangsrapportages.vastgesteld_op IS 'Moment van vaststellen (UTC).';
COMMENT ON COLUMN monitoring.voortgangsrapportages.vastgesteld_door IS 'Wie vaststelde (sub).';

CREATE TRIGGER voortgangsrapportages_frozen BEFORE UPDATE OR DELETE OR TRUNCATE
    ON monitoring.voortgangsrapportages
    FOR EACH STATEMENT EXECUTE FUNCTION monitoring.forbid_rewrite();

ALTER TABLE monitoring.voortgangsrapportages ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON monitoring.voortgangsrapportages TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT INSERT ON monitoring.voortgangsrapportages TO programma;
CREATE POLICY voortgangsrapportages_select_all ON monitoring.voortgangsrapportages
    FOR SELECT TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker USING (true);
CREATE POLICY voortgangsrapportages_insert_programma ON monitoring.voortgangsrapportages
    FOR INSERT TO programma WITH CHECK (true);
SELECT audit.track('monitoring.voortgangsrapportages');
