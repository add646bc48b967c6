-- R__07_api_registers: the programme's registers through the API:
-- /v1/projecten, producten, acties, mijlpalen, besluiten, kennisopdrachten,
-- begroting, rvt-varianten, doelgroepdefinities, doelgroepschattingen,
-- basisbouwstenen.
-- One security_invoker view per resource (simple, so PostgreSQL can write
-- through it; row-level security applies) with a "versie" column (a hash
-- of the row and the results it serves: the ETag), and two generic
-- functions that create and update through those views: every unknown,
-- read-only or mistyped field is named at once (LK400), and so is every
-- required field left out or emptied and a field that breaks a rule of its
-- table (register_schending); an update needs the version read before
-- (LK428 without, LK412 when stale; exactly one of concurrent writers with
-- one version wins), a create with an Idempotency-Key happens once (and
-- the key is refused for another body, LK422).
-- The doelgroep estimates are counts of people: they are read through a
-- view with disclosure control and written through a raw one of the same
-- shape that only the programme may use.
-- Re-runnable.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

DROP FUNCTION IF EXISTS api.register_aanmaken(text, jsonb, text), api.register_wijzigen(text, text, jsonb, text),
    api.register_koppel(text, bigint, jsonb), api.register_koppel(text, text, text, jsonb),
    api.register_problemen(text, text, jsonb, boolean),
    api.register_problemen(text, text, text, jsonb, boolean), api.register_velden(text),
    api.register_schending(text, text, text, text, jsonb, boolean),
    api.register_weigeren(text, text, text, text, jsonb, boolean, text), api.register_bron(text) CASCADE;
DROP VIEW IF EXISTS api.projecten, api.producten, api.acties, api.mijlpalen, api.besluiten,
    api.kennisopdrachten, api.begroting, api.rvt_varianten, api.doelgroepdefinities,
    api.doelgroepschattingen, api.doelgroepschattingen_invoer, api.basisbouwstenen, api.kennisaarden,
    api.blinde_vlekken, api.overlegorganen, api.rvt_scores, api.rvt_wegingen, api.rvt_rangorde CASCADE;
DROP FUNCTION IF EXISTS api.register_objecten(text, text, jsonb);
DROP FUNCTION IF EXISTS api.register_besluiten(text, jsonb), api.register_koppelingen(text, text, jsonb),
    api.register_koppelvelden();

-- (the results an item serves, directly and indirectly (V035), are part of
-- its version: a change of them is a change of the item)
CREATE VIEW api.projecten WITH (security_invoker = true) AS
SELECT p.project_code AS code, p.actielijn_code AS actielijn, p.naam, p.omschrijving, p.status,
       (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.project_resultaten r WHERE r.project_code = p.project_code AND r.bijdrage = 'direct') AS resultaten,
       (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.project_resultaten r WHERE r.project_code = p.project_code AND r.bijdrage = 'indirect') AS "indirecteResultaten",
       md5(to_jsonb(p)::text || (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.project_resultaten r WHERE r.project_code = p.project_code AND r.bijdrage = 'direct')::text
           || (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.project_resultaten r WHERE r.project_code = p.project_code AND r.bijdrage = 'indirect')::text) AS versie
  FROM register.projecten p;
CREATE VIEW api.producten WITH (security_invoker = true) AS
SELECT p.product_id AS id, p.actielijn_code AS actielijn, p.project_code AS project, p.naam, p.soort,
       p.status, p.gepland_date AS "geplandDatum", p.opgeleverd_date AS "opgeleverdDatum",
       (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.product_resultaten r WHERE r.product_id = p.product_id AND r.bijdrage = 'direct') AS resultaten,
       (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.product_resultaten r WHERE r.product_id = p.product_id AND r.bijdrage = 'indirect') AS "indirecteResultaten",
       md5(to_jsonb(p)::text || (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.product_resultaten r WHERE r.product_id = p.product_id AND r.bijdrage = 'direct')::text
           || (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.product_resultaten r WHERE r.product_id = p.product_id AND r.bijdrage = 'indirect')::text) AS versie
  FROM register.producten p;
CREATE VIEW api.acties WITH (security_invoker = true) AS
SELECT a.actie_id AS id, a.titel, a.omschrijving, a.niveau, a.principe, a.soort, a.eigenaar, a.status,
       a.start_date AS "startDatum", a.eind_date AS "eindDatum",
       (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.actie_resultaten r WHERE r.actie_id = a.actie_id AND r.bijdrage = 'direct') AS resultaten,
       (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.actie_resultaten r WHERE r.actie_id = a.actie_id AND r.bijdrage = 'indirect') AS "indirecteResultaten",
       md5(to_jsonb(a)::text || (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.actie_resultaten r WHERE r.actie_id = a.actie_id AND r.bijdrage = 'direct')::text
           || (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.actie_resultaten r WHERE r.actie_id = a.actie_id AND r.bijdrage = 'indirect')::text) AS versie
  FROM register.acties a;
CREATE VIEW api.mijlpalen WITH (security_invoker = true) AS
SELECT m.mijlpaal_id AS id, m.actielijn_code AS actielijn, m.project_code AS project, m.naam,
       m.gepland_date AS "geplandDatum", m.gerealiseerd_date AS "gerealiseerdDatum", m.status,
       m.beslisorgaan, md5(to_jsonb(m)::text) AS versie
  FROM register.mijlpalen m;
CREATE VIEW api.besluiten WITH (security_invoker = true) AS
SELECT b.besluit_id AS id, b.mijlpaal_id AS mijlpaal, b.orgaan, b.besluit_date AS "besluitDatum",
       b.onderwerp, b.besluit, md5(to_jsonb(b)::text) AS versie
  FROM register.besluiten b;
CREATE VIEW api.kennisopdrachten WITH (security_invoker = true) AS
SELECT k.kennisopdracht_id AS id, k.titel, k.omschrijving, k.horizon, k.gelaagdheid, k.cyclusfase,
       k.makelaarsrol, k.aard_code AS aard, k.opdrachtnemer, k.status,
       (SELECT coalesce(json_agg(b.besluit_id ORDER BY b.besluit_id), '[]')
          FROM register.kennisopdracht_besluiten b WHERE b.kennisopdracht_id = k.kennisopdracht_id) AS besluiten,
       (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.kennisopdracht_resultaten r WHERE r.kennisopdracht_id = k.kennisopdracht_id AND r.bijdrage = 'direct') AS resultaten,
       (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.kennisopdracht_resultaten r WHERE r.kennisopdracht_id = k.kennisopdracht_id AND r.bijdrage = 'indirect') AS "indirecteResultaten",
       md5(to_jsonb(k)::text || (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.kennisopdracht_resultaten r WHERE r.kennisopdracht_id = k.kennisopdracht_id AND r.bijdrage = 'direct')::text
           || (SELECT coalesce(json_agg(r.resultaat_nummer ORDER BY r.resultaat_nummer), '[]')
          FROM register.kennisopdracht_resultaten r WHERE r.kennisopdracht_id = k.kennisopdracht_id AND r.bijdrage = 'indirect')::text
           || (SELECT coalesce(json_agg(b.besluit_id ORDER BY b.besluit_id), '[]')
          FROM register.kennisopdracht_besluiten b WHERE b.kennisopdracht_id = k.kennisopdracht_id)::text) AS versie
  FROM register.kennisopdrachten k;
CREATE VIEW api.kennisaarden WITH (security_invoker = true) AS
SELECT a.aard_code AS code, a.naam, a.omschrijving, md5(to_jsonb(a)::text) AS versie
  FROM register.kennisaarden a;
COMMENT ON VIEW api.kennisaarden IS 'De categorieën van de aard van kennis die het programma vaststelt, voor /v1/kennisaarden.';

-- Blind spots of the programme's knowledge (V036; seeds/000 part 2): every
-- result against every category of each dimension (horizon, gelaagdheid,
-- cyclusfase, makelaarsrol, aard) with the number of knowledge assignments
-- (planned, running or finished) that serve it, directly or indirectly;
-- leeg: none, dun: one. Totals only, so public (a view with its owner's
-- rights); which assignments they are, members read in /v1/kennisopdrachten.
-- An assignment without an aard counts as aard "onbekend".
CREATE VIEW api.blinde_vlekken AS
WITH k AS (
	SELECT o.kennisopdracht_id, r.resultaat_nummer, o.horizon::text AS horizon, o.gelaagdheid, o.cyclusfase,
	       o.makelaarsrol, coalesce(o.aard_code, 'onbekend') AS aard
	  FROM register.kennisopdrachten o JOIN register.kennisopdracht_resultaten r USING (kennisopdracht_id)
), categorie AS (
	SELECT d.dimensie, d.nr, c.categorie, c.volgorde
	  FROM (VALUES ('horizon', 1), ('gelaagdheid', 2), ('cyclusfase', 3), ('makelaarsrol', 4), ('aard', 5)) AS d(dimensie, nr)
	  JOIN (VALUES ('horizon', '1', 1), ('horizon', '2', 2), ('horizon', '3', 3),
	               ('gelaagdheid', 'operationeel', 1), ('gelaagdheid', 'tactisch', 2),
	               ('gelaagdheid', 'systemisch', 3), ('gelaagdheid', 'complex', 4),
	               ('cyclusfase', 'ontwikkelen', 1), ('cyclusfase', 'delen', 2), ('cyclusfase', 'wegen', 3),
	               ('cyclusfase', 'gebruiken', 4),
	               ('makelaarsrol', 'informeren', 1), ('makelaarsrol', 'vertalen', 2),
	               ('makelaarsrol', 'co_creeren', 3), ('makelaarsrol', 'innoveren', 4)) AS c(dimensie, categorie, volgorde)
	    USING (dimensie)
	UNION ALL
	SELECT 'aard', 5, a.categorie, row_number() OVER (ORDER BY a.categorie = 'onbekend', a.categorie)
	  FROM (SELECT aard_code AS categorie FROM register.kennisaarden UNION SELECT 'onbekend') a
)
SELECT format('%s/%s/%s', c.dimensie, g.resultaat_nummer, c.categorie) AS id, c.dimensie,
       g.resultaat_nummer AS resultaat, g.naam AS "resultaatNaam", c.categorie,
       count(k.kennisopdracht_id)::integer AS aantal,
       count(k.kennisopdracht_id) = 0 AS leeg, count(k.kennisopdracht_id) = 1 AS dun
  FROM categorie c
 CROSS JOIN register.gewenste_resultaten g
  LEFT JOIN k ON k.resultaat_nummer = g.resultaat_nummer
   AND CASE c.dimensie WHEN 'horizon' THEN k.horizon WHEN 'gelaagdheid' THEN k.gelaagdheid
                       WHEN 'cyclusfase' THEN k.cyclusfase WHEN 'makelaarsrol' THEN k.makelaarsrol
                       ELSE k.aard END = c.categorie
 GROUP BY c.dimensie, c.nr, g.resultaat_nummer, g.naam, c.categorie, c.volgorde;
COMMENT ON VIEW api.blinde_vlekken IS 'Blinde vlekken in de kennis van het programma: per gewenst resultaat en categorie van horizon, gelaagdheid, cyclusfase, makelaarsrol en aard het aantal kennisopdrachten (leeg: geen, dun: één), voor /v1/blinde-vlekken.';

CREATE VIEW api.begroting WITH (security_invoker = true) AS
SELECT b.begrotingsregel_id AS id, b.jaar, b.post, b.actielijn_code AS actielijn, b.proeftuin_code AS proeftuin,
       b.kostensoort, b.begroot_euro AS "begrootEuro", b.gerealiseerd_euro AS "gerealiseerdEuro", b.bron,
       md5(to_jsonb(b)::text) AS versie
  FROM register.begrotingsregels b;
CREATE VIEW api.overlegorganen WITH (security_invoker = true) AS
SELECT o.orgaan_code AS code, o.naam, o.frequentie, o.keer_per_jaar AS "keerPerJaar", o.partners, o.ring,
       md5(to_jsonb(o)::text) AS versie
  FROM register.overlegorganen o;
COMMENT ON VIEW api.overlegorganen IS 'De overlegstructuur (programmaplan §4.3.5) en de Tweede Kamer, voor /v1/overlegorganen.';
CREATE VIEW api.rvt_varianten WITH (security_invoker = true) AS
SELECT v.variant_code AS code, v.naam, v.omschrijving, v.is_voorkeur AS "isVoorkeur",
       (SELECT coalesce(json_object_agg(o.keuze, o.waarde ORDER BY o.keuze), '{}')
          FROM register.rvt_ontwerpkeuzes o WHERE o.variant_code = v.variant_code) AS ontwerpkeuzes,
       md5(to_jsonb(v)::text || (SELECT coalesce(json_object_agg(o.keuze, o.waarde ORDER BY o.keuze), '{}')
          FROM register.rvt_ontwerpkeuzes o WHERE o.variant_code = v.variant_code)::text) AS versie
  FROM register.rvt_varianten v;
-- (V038) the scores of the variants, the weightings and the ranking under each
CREATE VIEW api.rvt_scores WITH (security_invoker = true) AS
SELECT s.score_id AS id, s.variant_code AS variant, s.criterium_code AS criterium, s.score, s.toelichting,
       md5(to_jsonb(s)::text) AS versie
  FROM register.rvt_scores s;
CREATE VIEW api.rvt_wegingen WITH (security_invoker = true) AS
SELECT w.weging_id AS id, w.naam, w.status, w.besluit_id AS besluit,
       (SELECT coalesce(json_object_agg(g.criterium_code, g.gewicht ORDER BY g.criterium_code), '{}')
          FROM register.rvt_gewichten g WHERE g.weging_id = w.weging_id) AS gewichten,
       md5(to_jsonb(w)::text || (SELECT coalesce(json_object_agg(g.criterium_code, g.gewicht ORDER BY g.criterium_code), '{}')
          FROM register.rvt_gewichten g WHERE g.weging_id = w.weging_id)::text) AS versie
  FROM register.rvt_wegingen w;
COMMENT ON VIEW api.rvt_scores IS 'Scores (1-5) van RVT-varianten per criterium van de scorekaart, voor /v1/rvt-scores.';
COMMENT ON VIEW api.rvt_wegingen IS 'Wegingen van de scorekaart met hun gewichten, voor /v1/rvt-wegingen.';
-- The weighted total of a variant under a weighting: the sum of weight ×
-- score over the weighting's criteria the variant has a score on, divided
-- by the sum of their weights (a score of 1-5 stays on that scale);
-- complete when every criterium of the weighting is scored. The rank is
-- among the complete variants, best (highest) first.
CREATE VIEW api.rvt_rangorde WITH (security_invoker = true) AS
WITH t AS (
	SELECT w.weging_id, v.variant_code, v.naam,
	       round(sum(g.gewicht * s.score) / nullif(sum(g.gewicht) FILTER (WHERE s.score IS NOT NULL), 0), 3) AS totaal,
	       count(s.score)::integer AS gescoord, count(*)::integer AS criteria
	  FROM register.rvt_wegingen w
	  JOIN register.rvt_gewichten g ON g.weging_id = w.weging_id
	 CROSS JOIN register.rvt_varianten v
	  LEFT JOIN register.rvt_scores s ON s.variant_code = v.variant_code AND s.criterium_code = g.criterium_code
	 GROUP BY w.weging_id, v.variant_code, v.naam
)
SELECT t.weging_id || '/' || t.variant_code AS id, t.weging_id AS weging, t.variant_code AS variant,
       t.naam AS "variantNaam", t.totaal, t.gescoord, t.criteria, t.gescoord = t.criteria AS volledig,
       CASE WHEN t.gescoord = t.criteria THEN
           rank() OVER (PARTITION BY t.weging_id, t.gescoord = t.criteria ORDER BY t.totaal DESC)::integer END AS rang
  FROM t;
COMMENT ON VIEW api.rvt_rangorde IS 'De gewogen totaalscore en rang van elke RVT-variant onder elke weging, voor /v1/rvt-rangorde.';
CREATE VIEW api.doelgroepdefinities WITH (security_invoker = true) AS
SELECT d.definitie_id AS id, d.versie AS "definitieVersie", d.naam, d.criteria, d.status,
       d.geldig_vanaf AS "geldigVanaf", md5(to_jsonb(d)::text) AS versie
  FROM doelgroep.definities d;
-- The estimates as the programme writes them (raw; for the programme only).
CREATE VIEW api.doelgroepschattingen_invoer WITH (security_invoker = true) AS
SELECT s.schatting_id AS id, s.definitie_id AS definitie, s.gebied_code AS gebied, s.periode_code AS periode,
       s.regime, s.probleemgebied, s.eenheid, s.leeftijdsklasse, s.waarde, s.ondergrens, s.bovengrens,
       NULL::text AS geheimhouding, s.methode, s.bron, md5(to_jsonb(s)::text) AS versie
  FROM doelgroep.schattingen s;
-- The estimates as a caller may see them: raw for whoever sees the area's
-- figures raw (R__00_onthulling), else disclosure-controlled. The version
-- of a controlled row is a hash of what the caller sees: a hash of the raw
-- row would give a withheld count away to whoever tries the few small
-- numbers it can be.
CREATE VIEW api.doelgroepschattingen WITH (security_invoker = true) AS
SELECT s.schatting_id AS id, s.definitie_id AS definitie, s.gebied_code AS gebied, s.periode_code AS periode,
       s.regime, s.probleemgebied, s.eenheid, s.leeftijdsklasse,
       CASE WHEN c.ruw THEN s.waarde ELSE o.waarde END AS waarde,
       CASE WHEN c.ruw THEN s.ondergrens ELSE o.ondergrens END AS ondergrens,
       CASE WHEN c.ruw THEN s.bovengrens ELSE o.bovengrens END AS bovengrens,
       CASE WHEN NOT c.ruw THEN o.geheimhouding END AS geheimhouding, s.methode, s.bron,
       md5(CASE WHEN c.ruw THEN to_jsonb(s) ELSE to_jsonb(s) || to_jsonb(o) END::text) AS versie
  FROM doelgroep.schattingen s
 CROSS JOIN (SELECT monitoring.onthulling_drempel() AS drempel OFFSET 0) d
 CROSS JOIN LATERAL doelgroep.onthulde_schatting(s.waarde, s.ondergrens, s.bovengrens, d.drempel) o
 CROSS JOIN LATERAL (SELECT monitoring.ruwe_cijfers(s.gebied_code) AS ruw) c;

CREATE VIEW api.basisbouwstenen WITH (security_invoker = true) AS
SELECT b.basisbouwsteen_id AS id, b.gemeente_code AS gemeente, b.geldig_van AS "geldigVan",
       b.geldig_tot AS "geldigTot", b.bron, md5(to_jsonb(b)::text) AS versie
  FROM register.basisbouwstenen b;

COMMENT ON VIEW api.basisbouwstenen IS 'Gemeenten die aan de basisbouwstenen werken, voor /v1/basisbouwstenen.';
COMMENT ON VIEW api.projecten IS 'Projecten per actielijn, voor /v1/projecten.';
COMMENT ON VIEW api.producten IS 'Producten en activiteiten, voor /v1/producten.';
COMMENT ON VIEW api.acties IS 'Acties voor verandering met de resultaten die ze dienen, voor /v1/acties.';
COMMENT ON VIEW api.mijlpalen IS 'Mijlpalen en beslismomenten, voor /v1/mijlpalen.';
COMMENT ON VIEW api.besluiten IS 'Besluiten, voor /v1/besluiten.';
COMMENT ON VIEW api.kennisopdrachten IS 'Kennisopdrachten, voor /v1/kennisopdrachten.';
COMMENT ON VIEW api.begroting IS 'Begrotingsregels met realisatie, voor /v1/begroting.';
COMMENT ON VIEW api.rvt_varianten IS 'RVT-varianten, voor /v1/rvt-varianten.';
COMMENT ON VIEW api.doelgroepdefinities IS 'Versies van de doelgroepdefinitie, voor /v1/doelgroepdefinities.';
COMMENT ON VIEW api.doelgroepschattingen IS 'Schattingen van de doelgroep, met onthullingscontrole voor wie de cijfers van het gebied niet ongecontroleerd ziet; voor /v1/doelgroepschattingen.';
COMMENT ON VIEW api.doelgroepschattingen_invoer IS 'Schattingen van de doelgroep zoals het programma ze vastlegt (ongecontroleerd); om te schrijven voor /v1/doelgroepschattingen.';

-- The view and key column behind a resource name, and the view written
-- through (the same view, but for the doelgroep estimates); NULL for an
-- unknown one.
CREATE FUNCTION api.register_bron(resource text, OUT view text, OUT sleutel text, OUT invoer text)
LANGUAGE sql IMMUTABLE
AS $$
	SELECT r.v, r.k, CASE WHEN r.v = 'doelgroepschattingen' THEN 'doelgroepschattingen_invoer' ELSE r.v END
	  FROM (VALUES
		('projecten', 'projecten', 'code'), ('producten', 'producten', 'id'),
		('acties', 'acties', 'id'), ('mijlpalen', 'mijlpalen', 'id'),
		('besluiten', 'besluiten', 'id'), ('kennisopdrachten', 'kennisopdrachten', 'id'),
		('begroting', 'begroting', 'id'), ('rvt-varianten', 'rvt_varianten', 'code'),
		('doelgroepdefinities', 'doelgroepdefinities', 'id'),
		('doelgroepschattingen', 'doelgroepschattingen', 'id'),
		('basisbouwstenen', 'basisbouwstenen', 'id'), ('kennisaarden', 'kennisaarden', 'code'),
		('overlegorganen', 'overlegorganen', 'code'), ('rvt-scores', 'rvt_scores', 'id'),
		('rvt-wegingen', 'rvt_wegingen', 'id')
	) AS r(res, v, k) WHERE r.res = resource
$$;

-- Every field of doc that is not a column of the view, is not writable
-- through the view written through (invoer), or whose value does not fit
-- the column's type, as invalidParams. A generated id is never written; a
-- code is written once, on create. Both are read from the catalogue in one
-- lookup per field, not from information_schema, which hides the columns
-- of a view the caller may not use: a caller who may not write gets 403,
-- not a list of unknown fields.
CREATE FUNCTION api.register_problemen(view text, invoer text, sleutel text, doc jsonb, nieuw boolean)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY INVOKER
AS $$
DECLARE
	k text;
	v jsonb;
	typ text;
	mod integer;
	writable boolean;
	problems jsonb := '[]';
BEGIN
	IF jsonb_typeof(doc) <> 'object' THEN
		RETURN jsonb_build_array(jsonb_build_object('name', '/', 'reason', 'verwacht een object'));
	END IF;
	FOR k, v IN SELECT * FROM jsonb_each(doc) LOOP
		SELECT format_type(r.atttypid, NULL), r.atttypmod,
		       coalesce(pg_column_is_updatable(w.attrelid, w.attnum, false), false)
		  INTO typ, mod, writable
		  FROM pg_attribute r
		  LEFT JOIN pg_attribute w ON w.attrelid = format('api.%I', invoer)::regclass AND w.attname = k
		   AND w.attnum > 0 AND NOT w.attisdropped
		 WHERE r.attrelid = format('api.%I', view)::regclass AND r.attname = k AND r.attnum > 0
		   AND NOT r.attisdropped;
		IF typ IS NULL THEN
			problems := problems || jsonb_build_object('name', '/' || k, 'reason', 'onbekend veld');
		ELSIF k IN ('resultaten', 'indirecteResultaten')
		      AND view IN ('projecten', 'producten', 'acties', 'kennisopdrachten') THEN
			IF jsonb_typeof(v) <> 'array' OR EXISTS (
			    SELECT 1 FROM jsonb_array_elements(v) AS e(n)
			     WHERE jsonb_typeof(e.n) <> 'number'
			        OR NOT EXISTS (SELECT 1 FROM register.gewenste_resultaten g
			                        WHERE g.resultaat_nummer::numeric = (e.n #>> '{}')::numeric)) THEN
				problems := problems || jsonb_build_object('name', '/' || k,
				    'reason', 'een lijst van nummers van gewenste resultaten (1-6)');
			ELSIF k = 'indirecteResultaten' AND jsonb_typeof(doc -> 'resultaten') = 'array' AND EXISTS (
			    SELECT 1 FROM jsonb_array_elements(v) AS e(n)
			     WHERE e.n IN (SELECT d.n FROM jsonb_array_elements(doc -> 'resultaten') AS d(n))) THEN
				problems := problems || jsonb_build_object('name', '/indirecteResultaten',
				    'reason', 'een resultaat wordt direct of indirect gediend, niet allebei');
			END IF;
		ELSIF k = 'gewichten' AND view = 'rvt_wegingen' THEN
			IF jsonb_typeof(v) <> 'object' OR EXISTS (
			    SELECT 1 FROM jsonb_each(v) AS e(c, g)
			     WHERE jsonb_typeof(e.g) <> 'number' OR (e.g #>> '{}')::numeric NOT BETWEEN 0.01 AND 999.99
			        OR NOT EXISTS (SELECT 1 FROM register.scorekaart_criteria x WHERE x.criterium_code = e.c)) THEN
				problems := problems || jsonb_build_object('name', '/gewichten',
				    'reason', 'een object van criteria van de scorekaart met elk een gewicht van 0,01 tot 999,99');
			END IF;
		ELSIF k = 'ontwerpkeuzes' AND view = 'rvt_varianten' THEN
			IF jsonb_typeof(v) <> 'object' OR EXISTS (
			    SELECT 1 FROM jsonb_each(v) AS e(c, w)
			     WHERE jsonb_typeof(e.w) <> 'string' OR btrim(e.w #>> '{}') = ''
			        OR e.c NOT IN ('aansturing', 'schaalgrootte', 'reikwijdte', 'toezicht', 'bekostiging',
			                       'professionals_arbeidsmarkt', 'strafrecht', 'regio_indeling')) THEN
				problems := problems || jsonb_build_object('name', '/ontwerpkeuzes',
				    'reason', 'een object van ontwerpvragen (aansturing, schaalgrootte, reikwijdte, toezicht, '
				              'bekostiging, professionals_arbeidsmarkt, strafrecht, regio_indeling) met elk een tekst');
			END IF;
		ELSIF k = 'besluiten' AND view = 'kennisopdrachten' THEN
			IF jsonb_typeof(v) <> 'array' OR EXISTS (
			    SELECT 1 FROM jsonb_array_elements(v) AS e(n)
			     WHERE jsonb_typeof(e.n) <> 'number'
			        OR NOT EXISTS (SELECT 1 FROM register.besluiten b
			                        WHERE b.besluit_id::numeric = (e.n #>> '{}')::numeric)) THEN
				problems := problems || jsonb_build_object('name', '/besluiten',
				    'reason', 'een lijst van ids van besluiten (/v1/besluiten)');
			END IF;
		ELSIF NOT writable OR k = 'versie' OR (k = sleutel AND (sleutel = 'id' OR NOT nieuw)) THEN
			IF NOT (k = sleutel AND NOT nieuw AND sleutel = 'code') THEN
				problems := problems || jsonb_build_object('name', '/' || k, 'reason', 'wordt niet door de client gezet');
			END IF;
		ELSIF jsonb_typeof(v) <> 'null' THEN
			BEGIN
				EXECUTE format('SELECT %L::%s', v #>> '{}', typ);
				IF typ IN ('integer', 'numeric', 'bigint') AND jsonb_typeof(v) <> 'number' THEN
					RAISE EXCEPTION USING ERRCODE = '22P02';
				END IF;
				IF typ = 'boolean' AND jsonb_typeof(v) <> 'boolean' THEN
					RAISE EXCEPTION USING ERRCODE = '22P02';
				END IF;
				IF typ IN ('text', 'date') AND jsonb_typeof(v) <> 'string' THEN
					RAISE EXCEPTION USING ERRCODE = '22P02';
				END IF;
			EXCEPTION WHEN OTHERS THEN
				problems := problems || jsonb_build_object('name', '/' || k, 'reason',
				    CASE typ WHEN 'integer' THEN 'verwacht een geheel getal'
				             WHEN 'bigint' THEN 'verwacht een geheel getal'
				             WHEN 'numeric' THEN 'verwacht een getal'
				             WHEN 'date' THEN 'verwacht een datum (JJJJ-MM-DD)'
				             WHEN 'boolean' THEN 'verwacht true of false'
				             ELSE 'verwacht tekst' END);
			END;
			-- a number the column would round (numeric(p,s)) is refused, not rounded
			IF typ = 'numeric' AND mod >= 4 AND jsonb_typeof(v) = 'number' THEN
				IF round((v #>> '{}')::numeric, (mod - 4) & 65535) <> (v #>> '{}')::numeric THEN
					problems := problems || jsonb_build_object('name', '/' || k, 'reason',
					    format('ten hoogste %s decimalen', (mod - 4) & 65535));
				ELSIF abs((v #>> '{}')::numeric) >= 10::numeric ^ ((((mod - 4) >> 16) & 65535) - ((mod - 4) & 65535)) THEN
					problems := problems || jsonb_build_object('name', '/' || k, 'reason',
					    format('ten hoogste %s cijfers voor de komma',
					        (((mod - 4) >> 16) & 65535) - ((mod - 4) & 65535)));
				END IF;
			END IF;
			IF jsonb_typeof(v) = 'string' AND monitoring.persoonsgegeven(v #>> '{}') IS NOT NULL THEN
				problems := problems || jsonb_build_object('name', '/' || k,
				    'reason', monitoring.persoonsgegeven(v #>> '{}') || '; geen persoonsgegevens in registers');
			END IF;
		END IF;
	END LOOP;
	RETURN problems;
END
$$;

-- The fields of view invoer that write a column of its table, with that
-- column: read from the plan of reading each field (its output is
-- alias.column). A plan per field, so only for the error paths below
-- (volatile: EXPLAIN may not run in a stable function).
CREATE FUNCTION api.register_velden(invoer text)
RETURNS TABLE (veld text, kolom text, volgorde smallint)
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	plan jsonb;
	uit text;
BEGIN
	FOR veld, volgorde IN SELECT w.attname, w.attnum FROM pg_attribute w
	          WHERE w.attrelid = format('api.%I', invoer)::regclass AND w.attnum > 0 AND NOT w.attisdropped
	            AND pg_column_is_updatable(w.attrelid, w.attnum, false) LOOP
		EXECUTE format('EXPLAIN (VERBOSE, FORMAT JSON) SELECT %I FROM api.%I', veld, invoer) INTO plan;
		uit := plan -> 0 -> 'Plan' -> 'Output' ->> 0;
		IF uit ~ '^\w+\.\w+$' THEN
			kolom := split_part(uit, '.', 2);
			RETURN NEXT;
		END IF;
	END LOOP;
END
$$;

-- After a write through view invoer broke a rule of tabel, its table
-- (SQLSTATE staat, constraint regel): the fields concerned, by their API
-- names. Not null (23502): every field that leaves a column that may not
-- be null empty: set to null, or on create left out where the column has
-- no default. Check (23514), reference (23503), key (23505) or overlap
-- (23P01): the fields of the constraint's columns, with what the rule
-- asks: its comment, else that the code referred to does not exist, that
-- the key exists already or overlaps, or the values a list allows.
-- Empty when none of it is a field of invoer.
CREATE FUNCTION api.register_schending(invoer text, staat text, tabel text, regel text, doc jsonb, nieuw boolean)
RETURNS jsonb
LANGUAGE sql SECURITY INVOKER
AS $$
	SELECT coalesce(jsonb_agg(jsonb_build_object('name', '/' || f.veld, 'reason', p.reden) ORDER BY f.volgorde), '[]')
	  FROM api.register_velden(invoer) f
	  JOIN pg_attribute a ON a.attrelid = tabel::regclass AND a.attname = f.kolom
	  LEFT JOIN pg_constraint c ON c.conrelid = a.attrelid AND c.conname = regel AND a.attnum = ANY (c.conkey)
	 CROSS JOIN LATERAL (SELECT CASE WHEN staat = '23502' THEN
	            CASE WHEN doc ? f.veld THEN 'verplicht veld; mag niet leeg zijn' ELSE 'verplicht veld ontbreekt' END
	        ELSE coalesce(obj_description(c.oid, 'pg_constraint'),
	            CASE c.contype WHEN 'f' THEN 'bestaat niet'
	                WHEN 'x' THEN 'overlapt met een bestaand item'
	                WHEN 'c' THEN NULL
	                ELSE CASE WHEN cardinality(c.conkey) = 1 THEN 'bestaat al' ELSE 'deze combinatie bestaat al' END
	                END,
	            (SELECT 'een van: ' || string_agg(m[1], ', ')
	               FROM regexp_matches(pg_get_constraintdef(c.oid), '''([^'']*)''::text', 'g') AS m
	              WHERE pg_get_constraintdef(c.oid) ~ '^CHECK \(\(\w+ = ANY \(ARRAY\['),
	            'voldoet niet aan regel ' || c.conname) END AS reden) p
	 WHERE CASE WHEN staat = '23502' THEN
	            a.attnotnull AND (jsonb_typeof(doc -> f.veld) = 'null'
	                OR (nieuw AND NOT doc ? f.veld AND NOT a.atthasdef AND a.attidentity = '' AND a.attgenerated = ''))
	        ELSE c.oid IS NOT NULL END
$$;

-- In the handler of such a violation: raises LK400 with melding and the
-- fields register_schending names (LK409 for a key that exists or an
-- overlap), if it names any; else returns, and the handler re-raises the
-- violation as it was. A text too long for an index of its table (54000:
-- an index entry holds some 2700 bytes) names the long fields.
CREATE FUNCTION api.register_weigeren(invoer text, staat text, tabel text, regel text, doc jsonb, nieuw boolean,
    melding text)
RETURNS void
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	problems jsonb := CASE WHEN staat = '54000' THEN
	        (SELECT coalesce(jsonb_agg(jsonb_build_object('name', '/' || e.key,
	                'reason', 'te lang om op te zoeken: ten hoogste 2000 tekens') ORDER BY e.key), '[]')
	           FROM jsonb_each(doc) AS e
	          WHERE jsonb_typeof(e.value) = 'string' AND octet_length(e.value #>> '{}') > 2000)
	    ELSE api.register_schending(invoer, staat, tabel, regel, doc, nieuw) END;
BEGIN
	IF jsonb_array_length(problems) > 0 THEN
		RAISE EXCEPTION '%', CASE staat WHEN '23505' THEN 'dit bestaat al'
		    WHEN '23P01' THEN 'dit overlapt met een bestaand item' ELSE melding END
		    USING ERRCODE = CASE WHEN staat IN ('23505', '23P01') THEN 'LK409' ELSE 'LK400' END,
		    DETAIL = problems::text;
	END IF;
END
$$;

-- Replaces the gewenste resultaten an item serves with this contribution
-- (direct or indirect); a result it served the other way moves over.
CREATE FUNCTION api.register_koppel(view text, sleutel text, bijdrage text, resultaten jsonb) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	tabel text;
	kolom text;
BEGIN
	SELECT x.tabel, x.kolom INTO tabel, kolom
	  FROM (VALUES ('projecten', 'project_resultaten', 'project_code'),
	               ('producten', 'product_resultaten', 'product_id'),
	               ('acties', 'actie_resultaten', 'actie_id'),
	               ('kennisopdrachten', 'kennisopdracht_resultaten', 'kennisopdracht_id')) AS x(view, tabel, kolom)
	 WHERE x.view = register_koppel.view;
	IF tabel IS NULL THEN
		RETURN;
	END IF;
	EXECUTE format('DELETE FROM register.%I r WHERE r.%I::text = $1 AND r.bijdrage = $2', tabel, kolom)
	   USING sleutel, bijdrage;
	EXECUTE format('INSERT INTO register.%I AS r (%I, resultaat_nummer, bijdrage) '
	    'SELECT DISTINCT $1::%s, (e #>> ''{}'')::integer, $2 FROM jsonb_array_elements($3) AS e '
	    'ON CONFLICT (%I, resultaat_nummer) DO UPDATE SET bijdrage = excluded.bijdrage',
	    tabel, kolom, CASE WHEN kolom = 'project_code' THEN 'text' ELSE 'integer' END, kolom)
	   USING sleutel, bijdrage, resultaten;
END
$$;

-- Replaces the weights of a weighting or the design choices of a variant.
CREATE FUNCTION api.register_objecten(view text, sleutel text, doc jsonb) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER
AS $$
BEGIN
	IF view = 'rvt_wegingen' AND doc ? 'gewichten' THEN
		DELETE FROM register.rvt_gewichten g WHERE g.weging_id::text = sleutel;
		INSERT INTO register.rvt_gewichten (weging_id, criterium_code, gewicht)
		SELECT sleutel::integer, e.c, (e.g #>> '{}')::numeric FROM jsonb_each(doc -> 'gewichten') AS e(c, g);
	ELSIF view = 'rvt_varianten' AND doc ? 'ontwerpkeuzes' THEN
		DELETE FROM register.rvt_ontwerpkeuzes o WHERE o.variant_code = sleutel;
		INSERT INTO register.rvt_ontwerpkeuzes (variant_code, keuze, waarde)
		SELECT sleutel, e.c, e.w #>> '{}' FROM jsonb_each(doc -> 'ontwerpkeuzes') AS e(c, w);
	END IF;
END
$$;

-- Replaces the decisions a knowledge assignment informed.
CREATE FUNCTION api.register_besluiten(sleutel text, besluiten jsonb) RETURNS void
LANGUAGE sql SECURITY INVOKER
AS $$
	DELETE FROM register.kennisopdracht_besluiten b WHERE b.kennisopdracht_id::text = sleutel;
	INSERT INTO register.kennisopdracht_besluiten (kennisopdracht_id, besluit_id)
	SELECT DISTINCT sleutel::integer, (e #>> '{}')::integer FROM jsonb_array_elements(besluiten) AS e;
$$;

-- The fields of an item that are not columns but its links to other
-- items; each replaces its links when sent (register_koppelingen).
CREATE FUNCTION api.register_koppelvelden() RETURNS text[]
LANGUAGE sql IMMUTABLE
RETURN ARRAY['resultaten', 'indirecteResultaten', 'besluiten', 'gewichten', 'ontwerpkeuzes'];

-- Writes the links in doc of the item with this key: the weights of a
-- weighting or the design choices of a variant, the decisions an
-- assignment informed, the results an item serves directly and indirectly.
CREATE FUNCTION api.register_koppelingen(view text, sleutel text, doc jsonb) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER
AS $$
BEGIN
	PERFORM api.register_objecten(view, sleutel, doc);
	IF doc ? 'besluiten' THEN
		PERFORM api.register_besluiten(sleutel, doc -> 'besluiten');
	END IF;
	IF doc ? 'resultaten' THEN
		PERFORM api.register_koppel(view, sleutel, 'direct', doc -> 'resultaten');
	END IF;
	IF doc ? 'indirecteResultaten' THEN
		PERFORM api.register_koppel(view, sleutel, 'indirect', doc -> 'indirecteResultaten');
	END IF;
END
$$;

-- Creates one item of a register; returns it as JSON. With an Idempotency-
-- Key, a retry returns the first answer and creates nothing.
CREATE FUNCTION api.register_aanmaken(resource text, doc jsonb, idem text)
RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	b record := api.register_bron(resource);
	problems jsonb;
	cols text;
	result jsonb;
	eerder text;
	staat text;
	schema_naam text;
	tabel_naam text;
	regel text;
BEGIN
	IF b.view IS NULL THEN
		RAISE EXCEPTION 'onbekend register' USING ERRCODE = 'LK404';
	END IF;
	IF idem IS NOT NULL THEN
		SELECT i.antwoord, i.verzoek INTO result, eerder FROM audit.idempotentie i
		 WHERE i.sleutel = idem AND i.sub = api.claim('sub');
		IF result IS NOT NULL AND eerder IS DISTINCT FROM md5(resource || ' ' || doc::text) AND eerder IS NOT NULL THEN
			RAISE EXCEPTION 'deze Idempotency-Key is al gebruikt voor een ander verzoek' USING ERRCODE = 'LK422',
			    DETAIL = jsonb_build_array(jsonb_build_object('name', 'Idempotency-Key',
			        'reason', 'al gebruikt voor een ander verzoek; kies een nieuwe sleutel'))::text;
		END IF;
		IF result IS NOT NULL THEN
			RETURN result;
		END IF;
	END IF;
	problems := api.register_problemen(b.view, b.invoer, b.sleutel, doc, true);
	IF jsonb_array_length(problems) > 0 THEN
		RAISE EXCEPTION 'zo kan het niet worden vastgelegd' USING ERRCODE = 'LK400', DETAIL = problems::text;
	END IF;
	SELECT string_agg(quote_ident(k), ', ') INTO cols FROM jsonb_object_keys(doc) AS k
	 WHERE k <> ALL (api.register_koppelvelden());
	IF cols IS NULL THEN
		RAISE EXCEPTION 'een leeg object legt niets vast' USING ERRCODE = 'LK400',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', '/', 'reason', 'geen velden'))::text;
	END IF;
	BEGIN
		EXECUTE format('INSERT INTO api.%I AS t (%s) SELECT %s FROM jsonb_populate_record(NULL::api.%I, $1) '
		    'RETURNING to_jsonb(t)', b.invoer, cols, cols, b.invoer)
		   USING doc - api.register_koppelvelden() INTO result;
	EXCEPTION WHEN not_null_violation OR check_violation OR foreign_key_violation OR unique_violation
	    OR exclusion_violation OR program_limit_exceeded THEN
		GET STACKED DIAGNOSTICS staat = RETURNED_SQLSTATE, schema_naam = SCHEMA_NAME, tabel_naam = TABLE_NAME,
		    regel = CONSTRAINT_NAME;
		PERFORM api.register_weigeren(b.invoer, staat, format('%I.%I', schema_naam, tabel_naam), regel, doc, true,
		    'zo kan het niet worden vastgelegd');
		RAISE;
	END;
	IF doc ?| api.register_koppelvelden() THEN
		PERFORM api.register_koppelingen(b.view, result ->> b.sleutel, doc);
		EXECUTE format('SELECT to_jsonb(v) FROM api.%I v WHERE v.%I::text = $1', b.view, b.sleutel)
		   USING result ->> b.sleutel INTO result;
	END IF;
	IF idem IS NOT NULL THEN
		INSERT INTO audit.idempotentie (sleutel, sub, resource, antwoord, verzoek)
		VALUES (idem, api.claim('sub'), resource, result, md5(resource || ' ' || doc::text));
	END IF;
	RETURN result;
END
$$;

-- Updates the fields in doc of the item with this key, if its version is
-- still the one the client read (If-Match), under a lock on the row.
CREATE FUNCTION api.register_wijzigen(resource text, sleutel text, doc jsonb, etag text)
RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
	b record := api.register_bron(resource);
	problems jsonb;
	sets text;
	cur jsonb;
	result jsonb;
	staat text;
	schema_naam text;
	tabel_naam text;
	regel text;
BEGIN
	IF b.view IS NULL THEN
		RAISE EXCEPTION 'onbekend register' USING ERRCODE = 'LK404';
	END IF;
	-- the row is locked before its version is read: of concurrent writers
	-- with one ETag, one wins and the others then see its version (412)
	EXECUTE format('SELECT 1 FROM api.%I v WHERE v.%I::text = $1 FOR UPDATE', b.invoer, b.sleutel) USING sleutel;
	EXECUTE format('SELECT to_jsonb(v) FROM api.%I v WHERE v.%I::text = $1', b.view, b.sleutel)
	   USING sleutel INTO cur;
	IF cur IS NULL THEN
		RAISE EXCEPTION 'dit item bestaat niet' USING ERRCODE = 'LK404';
	END IF;
	problems := api.register_problemen(b.view, b.invoer, b.sleutel, doc, false);
	IF b.sleutel = 'code' AND doc ? 'code' AND doc ->> 'code' IS DISTINCT FROM sleutel THEN
		problems := problems || jsonb_build_object('name', '/code', 'reason', 'de code verandert nooit');
	END IF;
	IF jsonb_array_length(problems) > 0 THEN
		RAISE EXCEPTION 'zo kan het niet worden gewijzigd' USING ERRCODE = 'LK400', DETAIL = problems::text;
	END IF;
	IF etag IS NULL THEN
		RAISE EXCEPTION 'stuur If-Match met de ETag uit het lezen' USING ERRCODE = 'LK428';
	END IF;
	IF etag <> cur ->> 'versie' THEN
		RAISE EXCEPTION 'het item is gewijzigd sinds u het las; lees het opnieuw' USING ERRCODE = 'LK412';
	END IF;
	SELECT string_agg(format('%I = r.%I', k, k), ', ') INTO sets
	  FROM jsonb_object_keys(doc) AS k
	 WHERE k <> b.sleutel AND k <> ALL (api.register_koppelvelden());
	-- the links first: establishing a weighting (status) in the same
	-- request closes it after its weights
	PERFORM api.register_koppelingen(b.view, sleutel, doc);
	IF sets IS NOT NULL THEN
		BEGIN
			EXECUTE format('UPDATE api.%I AS t SET %s FROM jsonb_populate_record(NULL::api.%I, $1) AS r '
			    'WHERE t.%I::text = $2', b.invoer, sets, b.invoer, b.sleutel)
			   USING doc - api.register_koppelvelden(), sleutel;
		EXCEPTION WHEN not_null_violation OR check_violation OR foreign_key_violation OR unique_violation
		    OR exclusion_violation OR program_limit_exceeded THEN
			GET STACKED DIAGNOSTICS staat = RETURNED_SQLSTATE, schema_naam = SCHEMA_NAME, tabel_naam = TABLE_NAME,
			    regel = CONSTRAINT_NAME;
			PERFORM api.register_weigeren(b.invoer, staat, format('%I.%I', schema_naam, tabel_naam), regel, doc,
			    false, 'zo kan het niet worden gewijzigd');
			RAISE;
		END;
	END IF;
	EXECUTE format('SELECT to_jsonb(v) FROM api.%I v WHERE v.%I::text = $1', b.view, b.sleutel)
	   USING sleutel INTO result;
	RETURN result;
END
$$;

GRANT SELECT ON api.projecten, api.producten, api.acties, api.mijlpalen, api.besluiten,
    api.kennisopdrachten, api.begroting, api.rvt_varianten, api.doelgroepdefinities,
    api.doelgroepschattingen, api.basisbouwstenen TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT INSERT, UPDATE ON api.projecten, api.producten, api.acties, api.mijlpalen, api.besluiten,
    api.kennisopdrachten, api.begroting, api.rvt_varianten, api.doelgroepdefinities,
    api.basisbouwstenen TO programma;
GRANT EXECUTE ON FUNCTION api.register_koppel(text, text, text, jsonb), api.register_besluiten(text, jsonb),
    api.register_objecten(text, text, jsonb), api.register_koppelingen(text, text, jsonb) TO programma;
GRANT SELECT ON api.rvt_scores, api.rvt_wegingen, api.rvt_rangorde TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT INSERT, UPDATE ON api.rvt_scores, api.rvt_wegingen TO programma;
GRANT SELECT ON api.kennisaarden, api.overlegorganen TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT INSERT, UPDATE ON api.kennisaarden, api.overlegorganen TO programma;
GRANT SELECT ON api.blinde_vlekken TO publiek, aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT SELECT, INSERT, UPDATE ON api.doelgroepschattingen_invoer TO programma;
GRANT EXECUTE ON FUNCTION api.register_bron(text), api.register_problemen(text, text, text, jsonb, boolean),
    api.register_velden(text), api.register_schending(text, text, text, text, jsonb, boolean),
    api.register_weigeren(text, text, text, text, jsonb, boolean, text), api.register_aanmaken(text, jsonb, text),
    api.register_wijzigen(text, text, jsonb, text), api.register_koppelvelden()
    TO aanleveraar, programma, opdrachtgever, onderzoeker;
