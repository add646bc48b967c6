-- V026: a bulk load in parts.
--
-- Purpose: the API sends a bulk load of observations (up to 64 MiB) to the
-- database in parts as it reads the body, so that neither the API's memory
-- nor one statement grows with the load; the parts collect in a temporary
-- table of the request's transaction (api.lading_rijen, R__03), dropped at
-- its end, and are loaded all or nothing from there. Creating a temporary
-- table needs the TEMPORARY right on the database, which V001 gave the
-- logins only; loads are for the programme, so it gets that right.
-- Reversible: REVOKE TEMPORARY ON DATABASE … FROM programma.

SET client_min_messages = warning;

DO $$
BEGIN
	EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO programma', current_database());
END
$$;
