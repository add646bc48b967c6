-- V016: an index for the monitors' incremental refresh.
--
-- Purpose: the refresh after a delivery reads the current observations of
-- a few indicators in a few periods (R__10_mart, mart.waarden); without
-- this index that was a scan of every observation (about 0.5 s at national
-- scale, 766k rows).
-- Reversible: DROP INDEX monitoring.waarnemingen_indicator_periode.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE INDEX waarnemingen_indicator_periode ON monitoring.waarnemingen (indicator_code, periode_code);
