-- Writing the registers through the API's functions (R__07): a required
-- field left out or emptied, and a field that breaks a rule of its table,
-- are named by their API names with what is asked, for every register.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(9);

CREATE TEMP TABLE reg_tabellen (res text, tabel text);
INSERT INTO reg_tabellen VALUES ('projecten', 'register.projecten'), ('producten', 'register.producten'),
    ('acties', 'register.acties'), ('mijlpalen', 'register.mijlpalen'), ('besluiten', 'register.besluiten'),
    ('kennisopdrachten', 'register.kennisopdrachten'), ('begroting', 'register.begrotingsregels'),
    ('rvt-varianten', 'register.rvt_varianten'), ('doelgroepdefinities', 'doelgroep.definities'),
    ('doelgroepschattingen', 'doelgroep.schattingen'), ('basisbouwstenen', 'register.basisbouwstenen');
GRANT SELECT ON reg_tabellen TO programma;

-- Every register: each required column of its table (not null, no
-- default) is found behind a field of the view written through, so a
-- create without fields names all of them.
SELECT is(
    (SELECT string_agg(format('%s %s/%s', r.res,
                jsonb_array_length(as_role_value('programma', format(
                    $$SELECT api.register_schending(%L, '23502', %L, NULL, '{}', true)$$, b.invoer, r.tabel),
                    '{"sub":"t"}')::jsonb),
                (SELECT count(*) FROM pg_attribute a
                  WHERE a.attrelid = r.tabel::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull
                    AND NOT a.atthasdef AND a.attidentity = '' AND a.attgenerated = '')), ' ' ORDER BY r.res)
       FROM reg_tabellen r CROSS JOIN LATERAL api.register_bron(r.res) b),
    'acties 3/3 basisbouwstenen 3/3 begroting 3/3 besluiten 4/4 doelgroepdefinities 4/4 '
    'doelgroepschattingen 7/7 kennisopdrachten 5/5 mijlpalen 2/2 producten 2/2 projecten 3/3 rvt-varianten 2/2',
    'every required column of every register is named by its field');

-- Every check and reference of every register's table, and of the
-- indicator catalogue, is told by its fields and what it asks, never by
-- the constraint's name.
SELECT is(
    (SELECT string_agg(c.conname, ' ' ORDER BY c.conname)
       FROM (SELECT r.tabel, b.invoer FROM reg_tabellen r CROSS JOIN LATERAL api.register_bron(r.res) b
             UNION ALL SELECT 'monitoring.indicatoren', 'indicatoren') b
       JOIN pg_constraint c ON c.conrelid = b.tabel::regclass AND c.contype IN ('c', 'f')
      CROSS JOIN LATERAL (SELECT as_role_value('programma', format(
                $$SELECT api.register_schending(%L, %L, %L, %L, '{}', true)$$,
                b.invoer, CASE c.contype WHEN 'c' THEN '23514' ELSE '23503' END, b.tabel, c.conname),
                '{"sub":"t"}') AS uitleg) u
      WHERE coalesce(u.uitleg, '[]') IN ('[]', 'null') OR u.uitleg LIKE '%voldoet niet aan regel%'),
    NULL, 'no rule of a register or of the catalogue is left unexplained or without a field');

SELECT is(as_role_value('programma', $$SELECT api.register_schending('mijlpalen', '23502', 'register.mijlpalen', NULL,
        '{"naam": "x", "geplandDatum": null, "actielijn": null}', true)$$, '{"sub":"t"}')::jsonb,
    '[{"name": "/geplandDatum", "reason": "verplicht veld; mag niet leeg zijn"}]'::jsonb,
    'named by its API name; a field given is not missing, an optional one left empty is no problem');

CREATE TEMP TABLE reg_problemen (nr serial, detail jsonb);
GRANT INSERT ON reg_problemen TO programma;
GRANT USAGE ON SEQUENCE reg_problemen_nr_seq TO programma;
CREATE FUNCTION pg_temp.schrijf(sql text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	d text;
BEGIN
	PERFORM set_config('request.jwt.claims', '{"sub":"t"}', true);
	SET LOCAL ROLE programma;
	EXECUTE sql;
	RESET ROLE;
EXCEPTION WHEN SQLSTATE 'LK400' THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
	RESET ROLE;
	INSERT INTO reg_problemen (detail) VALUES (d::jsonb);
END
$$;
SELECT pg_temp.schrijf($$SELECT api.register_aanmaken('acties', '{"titel": "Een actie"}', NULL)$$);
SELECT pg_temp.schrijf($$SELECT api.register_wijzigen('acties', (SELECT min(actie_id)::text FROM register.acties),
    '{"titel": null, "omschrijving": null}', (SELECT versie FROM api.acties WHERE id = (SELECT min(actie_id) FROM register.acties)))$$);
SELECT pg_temp.schrijf($$SELECT api.register_wijzigen('acties', (SELECT min(actie_id)::text FROM register.acties),
    '{"status": null}', (SELECT versie FROM api.acties WHERE id = (SELECT min(actie_id) FROM register.acties)))$$);
SELECT pg_temp.schrijf($$SELECT api.register_aanmaken('acties',
    '{"titel": "Een actie", "niveau": "governance", "soort": "dialoogvraag", "status": null}', NULL)$$);
SELECT is((SELECT array_agg(detail::text ORDER BY nr) FROM reg_problemen),
    ARRAY['[{"name": "/niveau", "reason": "verplicht veld ontbreekt"}, {"name": "/soort", "reason": "verplicht veld ontbreekt"}]',
          '[{"name": "/titel", "reason": "verplicht veld; mag niet leeg zijn"}]',
          '[{"name": "/status", "reason": "verplicht veld; mag niet leeg zijn"}]',
          '[{"name": "/status", "reason": "verplicht veld; mag niet leeg zijn"}]'],
    'on create every required field left out, and a field that may not be empty set to null (one with a '
    'default too, on create as on update); an optional one may be emptied');
SELECT is((SELECT count(*)::int FROM register.acties WHERE titel = 'Een actie'), 0, 'and nothing was written');

TRUNCATE reg_problemen;
SELECT pg_temp.schrijf($$SELECT api.register_aanmaken('acties',
    '{"titel": "Een actie", "niveau": "wijk", "soort": "dialoogvraag"}', NULL)$$);
SELECT pg_temp.schrijf($$SELECT api.register_aanmaken('producten', '{"naam": "Een product", "actielijn": "AL9"}', NULL)$$);
SELECT pg_temp.schrijf($$SELECT api.register_aanmaken('acties', '{"titel": "Een actie", "niveau": "governance",
    "soort": "dialoogvraag", "startDatum": "2025-05-01", "eindDatum": "2025-01-01"}', NULL)$$);
SELECT is((SELECT array_agg(detail::text ORDER BY nr) FROM reg_problemen),
    ARRAY['[{"name": "/niveau", "reason": "een van: governance, organisaties, professionals"}]',
          '[{"name": "/actielijn", "reason": "bestaat niet"}]',
          '[{"name": "/startDatum", "reason": "de einddatum ligt niet voor de startdatum"}, '
          '{"name": "/eindDatum", "reason": "de einddatum ligt niet voor de startdatum"}]'],
    'a rule broken: a list names its values, a reference that it does not exist, another rule what it asks');

TRUNCATE reg_problemen;
SELECT pg_temp.schrijf($$SELECT api.register_wijzigen('mijlpalen', (SELECT min(mijlpaal_id)::text FROM register.mijlpalen
    WHERE status = 'gepland'), '{"status": "gerealiseerd"}', (SELECT versie FROM api.mijlpalen
    WHERE id = (SELECT min(mijlpaal_id) FROM register.mijlpalen WHERE status = 'gepland')))$$);
SELECT is((SELECT detail FROM reg_problemen),
    '[{"name": "/gerealiseerdDatum", "reason": "een gerealiseerde mijlpaal heeft een realisatiedatum, een andere niet"},
      {"name": "/status", "reason": "een gerealiseerde mijlpaal heeft een realisatiedatum, een andere niet"}]'::jsonb,
    'on update too, naming the field the rule involves that the request left out');
SELECT is((SELECT count(*)::int FROM register.mijlpalen WHERE status = 'gerealiseerd' AND gerealiseerd_date IS NULL),
    0, 'and nothing was changed');

-- A key that exists already, or an overlap: 409 (LK409) with the fields.
TRUNCATE reg_problemen;
CREATE FUNCTION pg_temp.conflict(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	d text;
	m text;
BEGIN
	PERFORM set_config('request.jwt.claims', '{"sub":"t"}', true);
	SET LOCAL ROLE programma;
	EXECUTE sql;
	RESET ROLE;
	RETURN NULL;
EXCEPTION WHEN SQLSTATE 'LK409' THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, m = MESSAGE_TEXT;
	RESET ROLE;
	RETURN m || ' ' || d;
END
$$;
INSERT INTO register.begrotingsregels (jaar, post, begroot_euro) VALUES (2029, 'testpost', 10);
INSERT INTO register.basisbouwstenen (gemeente_code, geldig_van, bron) VALUES ('GM0363', '2024-01-01', 'test');
SELECT is(ARRAY[
        pg_temp.conflict($$SELECT api.register_aanmaken('begroting',
            '{"jaar": 2029, "post": "testpost", "begrootEuro": 20}', NULL)$$),
        pg_temp.conflict($$SELECT api.register_aanmaken('basisbouwstenen',
            '{"gemeente": "GM0363", "geldigVan": "2025-01-01", "bron": "test"}', NULL)$$)],
    ARRAY['dit bestaat al [{"name": "/jaar", "reason": "deze combinatie bestaat al"}, '
          '{"name": "/post", "reason": "deze combinatie bestaat al"}, '
          '{"name": "/proeftuin", "reason": "deze combinatie bestaat al"}]',
          'dit overlapt met een bestaand item [{"name": "/gemeente", "reason": '
          '"de gemeente werkt in (een deel van) die periode al aan de basisbouwstenen"}]'],
    'a key that exists and an overlap are conflicts that name their fields');

SELECT * FROM finish();
ROLLBACK;
