-- V001: roles and schemas.
--
-- Purpose: the access model every later migration builds on.
--   lakmoes_owner          NOLOGIN, owns every object
--   lakmoes_authenticator  LOGIN NOINHERIT, the API's login; holds no rights
--                          of its own and switches per request with
--                          set_config('role', …, true) to one of:
--   publiek, aanleveraar, programma, opdrachtgever, onderzoeker (NOLOGIN)
--   lakmoes_bi             LOGIN, read-only, schema bi only
-- Schemas: api (the only schema the request roles may use), bi (BI views),
-- audit (change history).
-- Roles are cluster-wide: they are created only when missing, so a second
-- database in the same cluster shares them. Passwords are set by
-- scripts/setup.sh, never here.
-- Reversible by hand: DROP SCHEMA api, bi, audit CASCADE; DROP ROLE ….

SET client_min_messages = warning;

DO $$
DECLARE
	r text;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lakmoes_owner') THEN
		CREATE ROLE lakmoes_owner NOLOGIN;
	END IF;
	FOREACH r IN ARRAY ARRAY['publiek', 'aanleveraar', 'programma',
	    'opdrachtgever', 'onderzoeker'] LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', r);
		END IF;
	END LOOP;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lakmoes_authenticator') THEN
		CREATE ROLE lakmoes_authenticator LOGIN NOINHERIT;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lakmoes_bi') THEN
		CREATE ROLE lakmoes_bi LOGIN;
	END IF;
END
$$;

-- The login roles are plain logins whatever they were before.
ALTER ROLE lakmoes_authenticator NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
ALTER ROLE lakmoes_bi INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;

GRANT publiek, aanleveraar, programma, opdrachtgever, onderzoeker TO lakmoes_authenticator;

-- Bounded work per request and per BI query.
ALTER ROLE lakmoes_authenticator SET statement_timeout = '15s';
ALTER ROLE lakmoes_authenticator SET idle_in_transaction_session_timeout = '30s';
ALTER ROLE lakmoes_bi SET statement_timeout = '5min';
ALTER ROLE lakmoes_bi SET default_transaction_read_only = on;

-- Nobody but the owner creates objects; nobody reaches public by default.
DO $$
BEGIN
	EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
	EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO lakmoes_authenticator, lakmoes_bi',
	    current_database());
	EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO lakmoes_owner', current_database());
END
$$;
REVOKE ALL ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA api AUTHORIZATION lakmoes_owner;
CREATE SCHEMA bi AUTHORIZATION lakmoes_owner;
CREATE SCHEMA audit AUTHORIZATION lakmoes_owner;

COMMENT ON SCHEMA api IS 'Interface van de REST-API: de enige schema''s die de verzoekrollen mogen gebruiken.';
COMMENT ON SCHEMA bi IS 'Stabiele, gedocumenteerde en onthullingsveilige views voor BI-tools (Power BI, Excel, Metabase).';
COMMENT ON SCHEMA audit IS 'Wijzigingshistorie: wie wijzigde wat, wanneer, met welke rol en in welk verzoek. Alleen toevoegen.';

GRANT USAGE ON SCHEMA api TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT USAGE ON SCHEMA bi TO lakmoes_bi;

-- Functions are not executable by everyone unless granted.
ALTER DEFAULT PRIVILEGES FOR ROLE lakmoes_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE lakmoes_owner IN SCHEMA bi GRANT SELECT ON TABLES TO lakmoes_bi;
