-- R__api_session: the API's health probe and the caller's session.
-- Re-runnable (create or replace). Functions are SECURITY INVOKER: they run
-- with the request role the API switched to.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- 'ok' when the database answers and the api schema is usable by the caller.
CREATE OR REPLACE FUNCTION api.health() RETURNS text
LANGUAGE sql STABLE SECURITY INVOKER
RETURN 'ok';

COMMENT ON FUNCTION api.health() IS 'Gezondheidscontrole: ''ok'' als de database antwoordt en het api-schema bruikbaar is.';

-- The caller as the database sees it: the token's sub and org, the database
-- role the request runs as, and when the token expires.
CREATE OR REPLACE FUNCTION api.sessie()
RETURNS TABLE (sub text, rol text, org text, verloopt_op timestamptz)
LANGUAGE sql STABLE SECURITY INVOKER
AS $$
	WITH c AS (
		SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb AS j
	)
	SELECT j ->> 'sub', current_user::text, j ->> 'org',
	       to_timestamp((j ->> 'exp')::bigint)
	  FROM c
$$;

COMMENT ON FUNCTION api.sessie() IS 'De aanroeper zoals de database hem ziet: sub en org uit het token, de databaserol van het verzoek en het verloopmoment van het token.';

GRANT EXECUTE ON FUNCTION api.health() TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT EXECUTE ON FUNCTION api.sessie() TO aanleveraar, programma, opdrachtgever, onderzoeker;
