-- Writing the registers through the API's functions (R__07): a required
-- field left out or emptied is named by its API name, for every register.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(5);

-- Every register: each required column of its table (not null, no
-- default) is found behind a field of the view written through, so a
-- create without fields names all of them.
SELECT is(
    (SELECT string_agg(format('%s %s/%s', r.res,
                jsonb_array_length(as_role_value('programma', format(
                    $$SELECT api.register_verplicht(%L, %L, '{}', true)$$, b.invoer, r.tabel), '{"sub":"t"}')::jsonb),
                (SELECT count(*) FROM pg_attribute a
                  WHERE a.attrelid = r.tabel::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull
                    AND NOT a.atthasdef AND a.attidentity = '' AND a.attgenerated = '')), ' ' ORDER BY r.res)
       FROM (VALUES ('projecten', 'register.projecten'), ('producten', 'register.producten'),
                    ('acties', 'register.acties'), ('mijlpalen', 'register.mijlpalen'),
                    ('besluiten', 'register.besluiten'), ('kennisopdrachten', 'register.kennisopdrachten'),
                    ('begroting', 'register.begrotingsregels'), ('rvt-varianten', 'register.rvt_varianten'),
                    ('doelgroepdefinities', 'doelgroep.definities'),
                    ('doelgroepschattingen', 'doelgroep.schattingen'),
                    ('basisbouwstenen', 'register.basisbouwstenen')) AS r(res, tabel)
      CROSS JOIN LATERAL api.register_bron(r.res) b),
    'acties 3/3 basisbouwstenen 3/3 begroting 3/3 besluiten 4/4 doelgroepdefinities 4/4 '
    'doelgroepschattingen 7/7 kennisopdrachten 5/5 mijlpalen 2/2 producten 2/2 projecten 3/3 rvt-varianten 2/2',
    'every required column of every register is named by its field');

SELECT is(as_role_value('programma', $$SELECT api.register_verplicht('mijlpalen', 'register.mijlpalen',
        '{"naam": "x", "geplandDatum": null, "actielijn": null}', true)$$, '{"sub":"t"}')::jsonb,
    '[{"name": "/geplandDatum", "reason": "verplicht veld"}]'::jsonb,
    'named by its API name; a field given is not missing, an optional one left empty is no problem');

SELECT is(as_role_value('programma', $$SELECT api.register_aanmaken('acties', '{"titel": "Een actie"}', NULL)$$,
        '{"sub":"t"}'), NULL, 'a create without the required fields is refused');
CREATE TEMP TABLE reg_problemen (detail jsonb);
GRANT INSERT ON reg_problemen TO programma;
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
	INSERT INTO reg_problemen VALUES (d::jsonb);
END
$$;
SELECT pg_temp.schrijf($$SELECT api.register_aanmaken('acties', '{"titel": "Een actie"}', NULL)$$);
SELECT pg_temp.schrijf($$SELECT api.register_wijzigen('acties', (SELECT min(actie_id)::text FROM register.acties),
    '{"titel": null, "omschrijving": null}', (SELECT versie FROM api.acties WHERE id = (SELECT min(actie_id) FROM register.acties)))$$);
SELECT is((SELECT array_agg(detail::text) FROM reg_problemen),
    ARRAY['[{"name": "/niveau", "reason": "verplicht veld"}, {"name": "/soort", "reason": "verplicht veld"}]',
          '[{"name": "/titel", "reason": "verplicht veld; kan niet leeg worden"}]'],
    'on create every required field left out, on update a required field emptied; an optional one may be');
SELECT is((SELECT count(*)::int FROM register.acties WHERE titel = 'Een actie'), 0, 'and nothing was written');

SELECT * FROM finish();
ROLLBACK;
