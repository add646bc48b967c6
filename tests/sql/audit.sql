-- The change log: a tracked table writes who, what and in which request;
-- nobody can change or remove the log.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(12);

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

SELECT * FROM finish();
ROLLBACK;
