-- The migration record matches the files and the schemas exist.
BEGIN;
SET search_path = tap, public;
SELECT plan(5);

SELECT ok((SELECT count(*) >= 2 FROM public.schema_migrations), 'versioned migrations are recorded');
SELECT is((SELECT min(version) FROM public.schema_migrations), 'V001', 'the first migration is V001');
SELECT ok((SELECT bool_and(length(checksum) = 64) FROM public.schema_migrations), 'each has a sha256 checksum');
SELECT ok((SELECT count(*) >= 1 FROM public.schema_repeatables), 'repeatable scripts are recorded');
SELECT schemas_are(ARRAY['public', 'api', 'bi', 'audit', 'ref', 'monitoring', 'doelgroep', 'register', 'mart', 'tap'],
    'exactly the expected schemas exist');

SELECT * FROM finish();
ROLLBACK;
