-- V020: the API's statements are never written to the database log.
--
-- Purpose: the API sends each request as one message with the delivered
-- values in it (answers, sources, register text, the caller's claims). A
-- statement that fails is logged in full by default
-- (log_min_error_statement = error), so a refused delivery would leave the
-- very e-mail address or phone number it was refused for in the server's
-- log. The errors themselves are still logged: their messages and details
-- name fields and reasons, never values. Statement and slow-query logging
-- are off for the API's login too, whatever the server's defaults, so that
-- a DBA's log_statement or log_min_duration_statement does not copy
-- delivered text into the log either.
-- These are superuser settings: the private cluster's and Docker's admin
-- is one. With an admin that may not set them (LAKMOES_DATABASE_URL), the
-- migration warns and a DBA sets them as below.
-- Reversible: ALTER ROLE lakmoes_authenticator RESET log_min_error_statement
-- (and log_statement, log_min_duration_statement).

SET client_min_messages = warning;

DO $$
BEGIN
	ALTER ROLE lakmoes_authenticator SET log_min_error_statement = panic;
	ALTER ROLE lakmoes_authenticator SET log_statement = none;
	ALTER ROLE lakmoes_authenticator SET log_min_duration_statement = -1;
EXCEPTION WHEN insufficient_privilege THEN
	RAISE WARNING 'the API''s statements may reach the database log: as a superuser, run ALTER ROLE lakmoes_authenticator SET log_min_error_statement = panic; ALTER ROLE lakmoes_authenticator SET log_statement = none; ALTER ROLE lakmoes_authenticator SET log_min_duration_statement = -1;';
END
$$;
