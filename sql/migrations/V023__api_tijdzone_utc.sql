-- V023: the API's sessions run in UTC with ISO dates, whatever the server's
-- defaults.
--
-- Purpose: the API states every timestamp in ISO 8601 UTC ("…Z"), and its
-- date checks (a period that has begun or ended) read today's date. Both
-- follow the session's time zone, which the private cluster sets to UTC
-- but a database of one's own (LAKMOES_DATABASE_URL) may not: there, a
-- report's vastgesteldOp came out as "+01" and its Excel file, which
-- stamps the workbook with it, could not be made. The API reads dates and
-- timestamps as PostgreSQL writes them in the ISO style; a server set to
-- another DateStyle ("24/11/2026 05:20:54 UTC") would break that too. A
-- role's setting wins over the database's and the server's.
-- Reversible: ALTER ROLE lakmoes_authenticator RESET timezone (and datestyle).

SET client_min_messages = warning;

ALTER ROLE lakmoes_authenticator SET timezone = 'UTC';
ALTER ROLE lakmoes_authenticator SET datestyle = 'ISO, YMD';
