-- R__08_bi_waarnemingen: observations for BI tools (Power BI, Excel,
-- Metabase) through the read-only lakmoes_bi login, always with disclosure
-- control (R__00_onthulling; the BI login is a controlled role): waarde
-- empty and geheimhouding 'geheim' when withheld, counts rounded to 5,
-- teller and noemer never shown. Re-runnable.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

DROP VIEW IF EXISTS bi.waarnemingen, bi.waarnemingen_historie CASCADE;

CREATE VIEW bi.waarnemingen_historie AS
SELECT w.indicator_code, w.gebied_code, w.periode_code, w.revisie,
       CASE WHEN x.indicator_code IS NULL THEN monitoring.onthulde_waarde(i.eenheid, w.waarde, w.noemer, d.drempel)
            END AS waarde,
       CASE WHEN x.indicator_code IS NULL THEN monitoring.onthulling(i.eenheid, w.waarde, w.noemer, d.drempel)
            ELSE 'geheim' END AS geheimhouding,
       w.status, w.bron, w.recorded_at AS vastgelegd_op
  FROM monitoring.waarnemingen w
  JOIN monitoring.indicatoren i ON i.indicator_code = w.indicator_code
 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d
 -- secondary suppression (R__00), in every revision
  LEFT JOIN monitoring.secundair_geheimgehouden() x ON x.indicator_code = w.indicator_code
   AND x.periode_code = w.periode_code AND x.gebied_code = w.gebied_code;

COMMENT ON VIEW bi.waarnemingen_historie IS 'Alle revisies van alle waarnemingen, met onthullingscontrole: filter op vastgelegd_op om de cijfers te zien zoals ze op een moment stonden.';
COMMENT ON COLUMN bi.waarnemingen_historie.indicator_code IS 'De indicator (bi.indicatoren).';
COMMENT ON COLUMN bi.waarnemingen_historie.gebied_code IS 'Het gebied (bi.gebieden).';
COMMENT ON COLUMN bi.waarnemingen_historie.periode_code IS 'De periode (bi.perioden).';
COMMENT ON COLUMN bi.waarnemingen_historie.revisie IS 'Revisienummer; de hoogste is de actuele waarde.';
COMMENT ON COLUMN bi.waarnemingen_historie.waarde IS 'De waarde; aantallen afgerond op 5; leeg als ze geheim is.';
COMMENT ON COLUMN bi.waarnemingen_historie.geheimhouding IS 'afgerond (aantal op 5 afgerond), geheim (te klein om te tonen, of secundair geheim: het zou met andere cijfers een kleine cel prijsgeven) of leeg.';
COMMENT ON COLUMN bi.waarnemingen_historie.status IS 'voorlopig, nader_voorlopig of definitief.';
COMMENT ON COLUMN bi.waarnemingen_historie.bron IS 'Herkomst van de waarde.';
COMMENT ON COLUMN bi.waarnemingen_historie.vastgelegd_op IS 'Moment van vastleggen (UTC).';

-- The current revisions, as mart.actueel knows them (kept up to date with
-- every insert), rather than a sort of every revision per read; compared
-- in its "C" collation, so that its key serves as an index.
CREATE VIEW bi.waarnemingen AS
SELECT h.*
  FROM bi.waarnemingen_historie h
  JOIN mart.actueel a ON a.indicator_code = h.indicator_code COLLATE "C"
   AND a.gebied_code = h.gebied_code COLLATE "C" AND a.periode_code = h.periode_code COLLATE "C"
   AND a.revisie = h.revisie;

COMMENT ON VIEW bi.waarnemingen IS 'De actuele waarde van elke waarneming (hoogste revisie), met onthullingscontrole.';
COMMENT ON COLUMN bi.waarnemingen.indicator_code IS 'De indicator (bi.indicatoren).';
COMMENT ON COLUMN bi.waarnemingen.gebied_code IS 'Het gebied (bi.gebieden).';
COMMENT ON COLUMN bi.waarnemingen.periode_code IS 'De periode (bi.perioden).';
COMMENT ON COLUMN bi.waarnemingen.revisie IS 'Revisienummer van de actuele waarde.';
COMMENT ON COLUMN bi.waarnemingen.waarde IS 'De waarde; aantallen afgerond op 5; leeg als ze geheim is.';
COMMENT ON COLUMN bi.waarnemingen.geheimhouding IS 'afgerond, geheim of leeg.';
COMMENT ON COLUMN bi.waarnemingen.status IS 'voorlopig, nader_voorlopig of definitief.';
COMMENT ON COLUMN bi.waarnemingen.bron IS 'Herkomst van de waarde.';
COMMENT ON COLUMN bi.waarnemingen.vastgelegd_op IS 'Moment van vastleggen (UTC).';

GRANT SELECT ON bi.waarnemingen, bi.waarnemingen_historie TO lakmoes_bi;
