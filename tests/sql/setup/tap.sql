-- Loaded once into the throw-away test database by scripts/test.sh, after
-- the migrations: pgTAP in its own schema "tap" plus helpers. Never part of
-- a real database.
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS tap;
CREATE EXTENSION IF NOT EXISTS pgtap SCHEMA tap;

-- Runs sql as role (with claims as request.jwt.claims) and returns 'ok' or
-- the SQLSTATE it failed with. The role switch is undone either way, so the
-- pgTAP assertion around it runs as the test's own superuser.
CREATE OR REPLACE FUNCTION tap.as_role(role text, sql text, claims jsonb DEFAULT '{}')
RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
	state text := 'ok';
BEGIN
	BEGIN
		PERFORM set_config('request.jwt.claims', claims::text, true);
		EXECUTE format('SET LOCAL ROLE %I', role);
		EXECUTE sql;
		RESET ROLE;
	EXCEPTION WHEN OTHERS THEN
		state := SQLSTATE;
	END;
	RESET ROLE;
	RETURN state;
END
$$;

-- The value of a scalar query run as role, as text (NULL on error).
CREATE OR REPLACE FUNCTION tap.as_role_value(role text, sql text, claims jsonb DEFAULT '{}')
RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
	v text;
BEGIN
	BEGIN
		PERFORM set_config('request.jwt.claims', claims::text, true);
		EXECUTE format('SET LOCAL ROLE %I', role);
		EXECUTE sql INTO v;
		RESET ROLE;
	EXCEPTION WHEN OTHERS THEN
		v := NULL;
	END;
	RESET ROLE;
	RETURN v;
END
$$;
