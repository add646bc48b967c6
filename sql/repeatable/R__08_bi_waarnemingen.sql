-- R__08_bi_waarnemingen: observations for BI tools (Power BI, Excel,
-- Metabase) through the read-only lakmoes_bi login, always with disclosure
-- control (the BI login is a controlled role): counts rounded to a
-- multiple of 5, counts and ratios whose denominator is below the
-- threshold withheld (waarde empty, geheimhouding 'geheim'), teller and
-- noemer never shown. The rule is the one of api.waarnemingen_op(), written
-- out here because the BI login may not reach the api or monitoring
-- schemas. Re-runnable.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

DROP VIEW IF EXISTS bi.waarnemingen, bi.waarnemingen_historie CASCADE;

CREATE VIEW bi.waarnemingen_historie AS
WITH d AS (
	SELECT coalesce((SELECT i.waarde::numeric FROM monitoring.instellingen i
	                  WHERE i.sleutel = 'onthulling_drempel'), 10) AS drempel
)
SELECT w.indicator_code, w.gebied_code, w.periode_code, w.revisie,
       CASE WHEN c.geheim THEN NULL
            WHEN i.eenheid = 'aantal' THEN round(w.waarde / 5) * 5
            ELSE w.waarde END AS waarde,
       CASE WHEN c.geheim THEN 'geheim' WHEN i.eenheid = 'aantal' THEN 'afgerond' END AS geheimhouding,
       w.status, w.bron, w.recorded_at AS vastgelegd_op
  FROM monitoring.waarnemingen w
  JOIN monitoring.indicatoren i ON i.indicator_code = w.indicator_code
 CROSS JOIN d
 CROSS JOIN LATERAL (SELECT (i.eenheid = 'aantal' AND w.waarde < d.drempel)
                            OR (w.noemer IS NOT NULL AND w.noemer < d.drempel) AS geheim) c;

COMMENT ON VIEW bi.waarnemingen_historie IS 'Alle revisies van alle waarnemingen, met onthullingscontrole: filter op vastgelegd_op om de cijfers te zien zoals ze op een moment stonden.';
COMMENT ON COLUMN bi.waarnemingen_historie.indicator_code IS 'De indicator (bi.indicatoren).';
COMMENT ON COLUMN bi.waarnemingen_historie.gebied_code IS 'Het gebied (bi.gebieden).';
COMMENT ON COLUMN bi.waarnemingen_historie.periode_code IS 'De periode (bi.perioden).';
COMMENT ON COLUMN bi.waarnemingen_historie.revisie IS 'Revisienummer; de hoogste is de actuele waarde.';
COMMENT ON COLUMN bi.waarnemingen_historie.waarde IS 'De waarde; aantallen afgerond op 5; leeg als ze geheim is.';
COMMENT ON COLUMN bi.waarnemingen_historie.geheimhouding IS 'afgerond (aantal op 5 afgerond), geheim (te klein om te tonen) of leeg.';
COMMENT ON COLUMN bi.waarnemingen_historie.status IS 'voorlopig, nader_voorlopig of definitief.';
COMMENT ON COLUMN bi.waarnemingen_historie.bron IS 'Herkomst van de waarde.';
COMMENT ON COLUMN bi.waarnemingen_historie.vastgelegd_op IS 'Moment van vastleggen (UTC).';

CREATE VIEW bi.waarnemingen AS
SELECT DISTINCT ON (h.indicator_code, h.gebied_code, h.periode_code) h.*
  FROM bi.waarnemingen_historie h
 ORDER BY h.indicator_code, h.gebied_code, h.periode_code, h.revisie DESC;

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
