-- V018: the current value of every observation, kept as a table.
--
-- Purpose: the sector monitor's refresh and the BI views need the latest
-- revision of each indicator × gebied × periode. Taken from
-- monitoring.waarnemingen every time, that was a sort of every revision
-- (1.3 s of a full refresh at national scale, 766k revisions); kept here,
-- it is a scan. monitoring.waarnemingen stays the record (append-only,
-- every revision); this table is derived from it, kept up to date in the
-- same statement as each insert (R__10_mart, mart.na_waarnemingen), and
-- private like the rest of mart: read only through mart's functions and
-- the bi views, which apply disclosure control.
-- Reversible: DROP TABLE mart.actueel.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE TABLE mart.actueel (
	indicator_code text COLLATE "C" NOT NULL,
	gebied_code text COLLATE "C" NOT NULL,
	periode_code text COLLATE "C" NOT NULL,
	revisie integer NOT NULL,
	waarde numeric NOT NULL,
	teller numeric,
	noemer numeric,
	status text NOT NULL,
	bron text NOT NULL,
	recorded_at timestamptz NOT NULL,
	PRIMARY KEY (indicator_code, gebied_code, periode_code)
);
COMMENT ON TABLE mart.actueel IS 'De actuele waarde van elke waarneming: de hoogste revisie per indicator, gebied en periode, bijgehouden bij elke toevoeging aan monitoring.waarnemingen. Afgeleid en privé; lees via bi.waarnemingen.';
COMMENT ON COLUMN mart.actueel.indicator_code IS 'De indicator.';
COMMENT ON COLUMN mart.actueel.gebied_code IS 'Het gebied.';
COMMENT ON COLUMN mart.actueel.periode_code IS 'De periode.';
COMMENT ON COLUMN mart.actueel.revisie IS 'Revisienummer van de actuele waarde.';
COMMENT ON COLUMN mart.actueel.waarde IS 'De waarde, ongecontroleerd.';
COMMENT ON COLUMN mart.actueel.teller IS 'Teller, bij een ratio.';
COMMENT ON COLUMN mart.actueel.noemer IS 'Noemer, bij een ratio.';
COMMENT ON COLUMN mart.actueel.status IS 'voorlopig, nader_voorlopig of definitief.';
COMMENT ON COLUMN mart.actueel.bron IS 'Herkomst van de waarde.';
COMMENT ON COLUMN mart.actueel.recorded_at IS 'Moment van vastleggen van deze revisie (UTC).';

INSERT INTO mart.actueel
SELECT DISTINCT ON (w.indicator_code, w.gebied_code, w.periode_code)
       w.indicator_code, w.gebied_code, w.periode_code, w.revisie, w.waarde, w.teller, w.noemer, w.status,
       w.bron, w.recorded_at
  FROM monitoring.waarnemingen w
 ORDER BY w.indicator_code, w.gebied_code, w.periode_code, w.revisie DESC;
