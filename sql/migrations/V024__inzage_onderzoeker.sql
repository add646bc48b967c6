-- V024: every read by a researcher is logged (DESIGN.md: onderzoeker).
--
-- Purpose: the onderzoeker role sees raw figures, small counts included,
-- so that each of its reads can be accounted for: who (the token's sub, a
-- pseudonym), when, and what (method, path and query string: codes and
-- filters, never delivered text). The API adds audit.inzage() to a
-- researcher's request, in the same transaction as the read, so a read
-- that was answered is logged and a failed one is not. Append-only like
-- the change log; read by the owner (no request role has rights on it).
-- Reversible: DROP TABLE audit.inzage; DROP FUNCTION audit.inzage(text, text, text).

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE TABLE audit.inzage (
	inzage_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	request_id text,
	sub text NOT NULL,
	role text NOT NULL,
	methode text NOT NULL,
	pad text NOT NULL,
	query text,
	gelezen_op timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX inzage_sub ON audit.inzage (sub, gelezen_op);
CREATE TRIGGER inzage_no_update_delete BEFORE UPDATE OR DELETE ON audit.inzage
    FOR EACH STATEMENT EXECUTE FUNCTION audit.forbid_change();
CREATE TRIGGER inzage_no_truncate BEFORE TRUNCATE ON audit.inzage
    FOR EACH STATEMENT EXECUTE FUNCTION audit.forbid_change();
ALTER TABLE audit.inzage ENABLE ROW LEVEL SECURITY;
COMMENT ON TABLE audit.inzage IS 'Elke leesactie van een onderzoeker via de API: wie, wanneer, wat (pad en querystring); nooit de gelezen gegevens. Alleen toevoegen.';
COMMENT ON COLUMN audit.inzage.inzage_id IS 'Volgnummer.';
COMMENT ON COLUMN audit.inzage.request_id IS 'Verzoek-id (ook in de toegangslog).';
COMMENT ON COLUMN audit.inzage.sub IS 'Subject van het token (een pseudoniem).';
COMMENT ON COLUMN audit.inzage.role IS 'Verzoekrol (onderzoeker).';
COMMENT ON COLUMN audit.inzage.methode IS 'HTTP-methode (GET of HEAD).';
COMMENT ON COLUMN audit.inzage.pad IS 'Pad.';
COMMENT ON COLUMN audit.inzage.query IS 'Querystring (filters, pagina), zoals gestuurd; tekens buiten ASCII als ?.';
COMMENT ON COLUMN audit.inzage.gelezen_op IS 'Moment (UTC).';

-- Records a read. Runs as the owner: request roles cannot write the log
-- themselves. Who reads comes from the request's settings, not from the
-- caller's arguments.
CREATE FUNCTION audit.inzage(methode text, pad text, query text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
	INSERT INTO audit.inzage (request_id, sub, role, methode, pad, query)
	VALUES (audit.request_id(), coalesce(audit.request_claims() ->> 'sub', ''),
	        CASE current_setting('role') WHEN 'none' THEN session_user ELSE current_setting('role') END,
	        left(methode, 10), left(pad, 200), left(nullif(query, ''), 2000))
$$;
COMMENT ON FUNCTION audit.inzage(text, text, text) IS 'Legt een leesactie van een onderzoeker vast (zonder de gelezen gegevens).';
REVOKE ALL ON FUNCTION audit.inzage(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.inzage(text, text, text) TO onderzoeker;
