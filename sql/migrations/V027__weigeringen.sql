-- V027: refusals before a request is known, counted per minute.
--
-- Purpose: audit.pogingen records each refused write of a caller the API
-- knows (403, 400, 409, 415, …: V008). Writes refused before that point,
-- which are the ones an investigation looks for first, were not recorded:
-- no token, an expired or forged one (401), a method the resource does not
-- take (405), too many or too large headers (431), a body too large for
-- the route or for anyone (413), a token in the URL (400), a body that did
-- not arrive in time (408). Anyone can send those, so they are counted
-- rather than listed: one row per minute, method, route, status, reason
-- and subject, with the number of refusals, the first request's id and
-- path, so that a flood of junk adds a row a minute, not a row a request.
-- The API's workers add their counts every second
-- (audit.weigeringen_tellen; api/pogingen.c). The subject is recorded only
-- when the token's signature held (an expired token); never the token or
-- the body.
--   audit.weigeringen            the counters (owner-read, never deleted)
--   audit.weigeringen_tellen()   adds counts; for the API's login only
-- Reversible: DROP TABLE audit.weigeringen, DROP FUNCTION
-- audit.weigeringen_tellen(jsonb).

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE TABLE audit.weigeringen (
	minuut timestamptz NOT NULL,
	methode text NOT NULL,
	route text NOT NULL,
	status integer NOT NULL CONSTRAINT weigeringen_status_refusal CHECK (status BETWEEN 400 AND 599),
	reden text NOT NULL,
	sub text,
	aantal integer NOT NULL CONSTRAINT weigeringen_aantal_positive CHECK (aantal >= 1),
	eerste_request_id text,
	eerste_pad text,
	laatst_at timestamptz NOT NULL,
	CONSTRAINT weigeringen_een_teller UNIQUE NULLS NOT DISTINCT (minuut, methode, route, status, reden, sub)
);
COMMENT ON TABLE audit.weigeringen IS 'Geweigerde verzoeken voordat de aanvrager bekend is (401, 405, 408, 413, 431, token in de URL), geteld per minuut: wie het ook stuurt, een stroom weigeringen voegt een regel per minuut toe, geen regel per verzoek. Nooit het token of de inhoud.';
COMMENT ON COLUMN audit.weigeringen.minuut IS 'De minuut (UTC) waarin de weigeringen vielen.';
COMMENT ON COLUMN audit.weigeringen.methode IS 'HTTP-methode.';
COMMENT ON COLUMN audit.weigeringen.route IS 'De route van de API (niet het pad, dat iedereen kan variëren).';
COMMENT ON COLUMN audit.weigeringen.status IS 'HTTP-status van de weigering.';
COMMENT ON COLUMN audit.weigeringen.reden IS 'De reden in woorden.';
COMMENT ON COLUMN audit.weigeringen.sub IS 'Subject van het token, alleen als de handtekening klopte (een verlopen token); anders leeg.';
COMMENT ON COLUMN audit.weigeringen.aantal IS 'Hoeveel van deze weigeringen er in die minuut waren.';
COMMENT ON COLUMN audit.weigeringen.eerste_request_id IS 'Verzoek-id van de eerste (ook in de toegangslog).';
COMMENT ON COLUMN audit.weigeringen.eerste_pad IS 'Pad van de eerste, zonder querystring; tekens buiten ASCII als ?.';
COMMENT ON COLUMN audit.weigeringen.laatst_at IS 'Wanneer de laatste van die minuut werd vastgelegd.';

CREATE TRIGGER weigeringen_no_delete BEFORE DELETE ON audit.weigeringen
    FOR EACH STATEMENT EXECUTE FUNCTION audit.forbid_change();
CREATE TRIGGER weigeringen_no_truncate BEFORE TRUNCATE ON audit.weigeringen
    FOR EACH STATEMENT EXECUTE FUNCTION audit.forbid_change();
ALTER TABLE audit.weigeringen ENABLE ROW LEVEL SECURITY;

-- Adds counts: a JSON list of {minuut, methode, route, status, reden, sub,
-- aantal, request, pad}. Runs as the owner; only the API's login may call
-- it (its workers have no request role at that moment).
CREATE FUNCTION audit.weigeringen_tellen(tellingen jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
	INSERT INTO audit.weigeringen AS w (minuut, methode, route, status, reden, sub, aantal, eerste_request_id,
	    eerste_pad, laatst_at)
	SELECT date_trunc('minute', t.minuut), left(t.methode, 10), left(t.route, 64), t.status, left(t.reden, 200),
	       left(t.sub, 128), t.aantal, left(t.request, 40), left(t.pad, 200), clock_timestamp()
	  FROM jsonb_to_recordset(tellingen) AS t(minuut timestamptz, methode text, route text, status integer,
	       reden text, sub text, aantal integer, request text, pad text)
	    ON CONFLICT ON CONSTRAINT weigeringen_een_teller
	    DO UPDATE SET aantal = w.aantal + excluded.aantal, laatst_at = excluded.laatst_at
$$;
COMMENT ON FUNCTION audit.weigeringen_tellen(jsonb) IS 'Telt geweigerde verzoeken per minuut op (voor de API).';
REVOKE ALL ON FUNCTION audit.weigeringen_tellen(jsonb) FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO lakmoes_authenticator;
GRANT EXECUTE ON FUNCTION audit.weigeringen_tellen(jsonb) TO lakmoes_authenticator;
