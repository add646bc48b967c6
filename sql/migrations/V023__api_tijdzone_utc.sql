-- V023: the API's sessions run in UTC, whatever the server's default.
--
-- Purpose: the API states every timestamp in ISO 8601 UTC ("…Z"), and its
-- date checks (a period that has begun or ended) read today's date. Both
-- follow the session's time zone, which the private cluster sets to UTC
-- but a database of one's own (LAKMOES_DATABASE_URL) may not: there, a
-- report's vastgesteldOp came out as "+01" and its Excel file, which
-- stamps the workbook with it, could not be made. A role's setting wins
-- over the database's and the server's.
-- Reversible: ALTER ROLE lakmoes_authenticator RESET timezone.

SET client_min_messages = warning;

ALTER ROLE lakmoes_authenticator SET timezone = 'UTC';
