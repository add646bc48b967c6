-- The change log: a tracked table writes who, what and in which request;
-- nobody can change or remove the log. The researchers' read log likewise.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(16);

CREATE TABLE public.audit_probe (probe_id int PRIMARY KEY, label text);
SELECT audit.track('public.audit_probe');
GRANT SELECT, INSERT, UPDATE, DELETE ON public.audit_probe TO programma;
GRANT USAGE ON SCHEMA public TO programma;

SELECT set_config('lakmoes.request_id', 'req-0001', true);
SELECT is(as_role('programma', 'INSERT INTO public.audit_probe VALUES (1, ''een'')',
    '{"sub":"tester","role":"programma"}'), 'ok', 'programma inserts into a tracked table');
SELECT is(as_role('programma', 'UPDATE public.audit_probe SET label = ''twee'' WHERE probe_id = 1',
    '{"sub":"tester","role":"programma"}'), 'ok', 'and updates it');
SELECT is(as_role('programma', 'DELETE FROM public.audit_probe WHERE probe_id = 1',
    '{"sub":"tester","role":"programma"}'), 'ok', 'and deletes it');

SELECT results_eq(
    $$SELECT operation, row_key, sub, role, request_id FROM audit.changes
       WHERE table_name = 'public.audit_probe' ORDER BY change_id$$,
    $$VALUES ('INSERT', '{"probe_id": 1}'::jsonb, 'tester', 'programma', 'req-0001'),
             ('UPDATE', '{"probe_id": 1}'::jsonb, 'tester', 'programma', 'req-0001'),
             ('DELETE', '{"probe_id": 1}'::jsonb, 'tester', 'programma', 'req-0001')$$,
    'each change is logged with key, sub, role and request id');
SELECT is((SELECT old_row ->> 'label' FROM audit.changes
            WHERE table_name = 'public.audit_probe' AND operation = 'UPDATE'), 'een',
    'the old row is kept');
SELECT is((SELECT new_row ->> 'label' FROM audit.changes
            WHERE table_name = 'public.audit_probe' AND operation = 'UPDATE'), 'twee',
    'the new row is kept');
SELECT is((SELECT new_row FROM audit.changes
            WHERE table_name = 'public.audit_probe' AND operation = 'DELETE'), NULL,
    'a delete has no new row');

SELECT throws_ok($$UPDATE audit.changes SET sub = 'someone else' WHERE sub = 'nobody'$$, '42501', NULL,
    'not even a superuser can rewrite the log');
SELECT throws_ok($$DELETE FROM audit.changes$$, '42501', NULL,
    'not even a superuser can delete from the log');
SELECT throws_ok($$TRUNCATE audit.changes$$, '42501', NULL,
    'not even a superuser can truncate the log');
SELECT is(as_role('programma', 'INSERT INTO audit.changes (table_name, row_key, operation, new_row, role) '
    'VALUES (''x'', ''{}'', ''INSERT'', ''{}'', ''programma'')'), '42501',
    'a request role cannot write the log directly');
SELECT throws_ok($$INSERT INTO audit.changes (table_name, row_key, operation, role)
    VALUES ('x', '{}', 'INSERT', 'x')$$, '23514', NULL,
    'an insert without a new row is refused');

-- every read by a researcher (V024): who from the request, what as given
SELECT set_config('lakmoes.request_id', 'req-0002', true);
SELECT is(as_role('onderzoeker', $$SELECT audit.inzage('GET', '/v1/waarnemingen', 'gebied=GM0363')$$,
    '{"sub":"onderzoeker-7","role":"onderzoeker"}'), 'ok', 'a researcher''s read is recorded');
SELECT results_eq($$SELECT request_id, sub, role, methode, pad, query FROM audit.inzage WHERE request_id = 'req-0002'$$,
    $$VALUES ('req-0002', 'onderzoeker-7', 'onderzoeker', 'GET', '/v1/waarnemingen', 'gebied=GM0363')$$,
    'with the token''s sub, the role and the request');
SELECT is(as_role('opdrachtgever', $$SELECT audit.inzage('GET', '/v1/x', '')$$, '{"sub":"jenv"}'), '42501',
    'only the researchers'' requests record themselves');
SELECT throws_ok($$DELETE FROM audit.inzage$$, '42501', NULL, 'the read log cannot be removed from');

SELECT * FROM finish();
ROLLBACK;
