-- Roles and grants: the request roles can use the api schema and nothing
-- else; the BI login sees bi only; the owner owns everything.
BEGIN;
SET search_path = tap, public;
SELECT plan(46);

-- Attributes.
SELECT is((SELECT rolcanlogin FROM pg_roles WHERE rolname = r), false, r || ' cannot log in')
  FROM unnest(ARRAY['lakmoes_owner', 'publiek', 'aanleveraar', 'programma',
      'opdrachtgever', 'onderzoeker']) AS r;
SELECT ok((SELECT rolcanlogin AND NOT rolinherit AND NOT rolsuper AND NOT rolbypassrls
             FROM pg_roles WHERE rolname = 'lakmoes_authenticator'),
    'authenticator is a NOINHERIT login without special powers');
SELECT ok((SELECT rolcanlogin AND NOT rolsuper AND NOT rolbypassrls AND NOT rolcreaterole
             FROM pg_roles WHERE rolname = 'lakmoes_bi'),
    'BI login has no special powers');

-- The authenticator may switch to each request role but inherits nothing.
SELECT ok(pg_has_role('lakmoes_authenticator', r, 'MEMBER'), 'authenticator may become ' || r)
  FROM unnest(ARRAY['publiek', 'aanleveraar', 'programma', 'opdrachtgever', 'onderzoeker']) AS r;
SELECT ok(NOT pg_has_role('lakmoes_authenticator', 'lakmoes_owner', 'MEMBER'),
    'authenticator may not become the owner');
SELECT ok(NOT pg_has_role('lakmoes_authenticator', 'programma', 'USAGE'),
    'authenticator does not inherit programma''s rights');

-- Request roles: the api schema and the data schemas, whose tables all have
-- row-level security, and audit only to call audit.poging(); never mart, bi
-- or public.
SELECT is(
    (SELECT array_agg(n.nspname::text ORDER BY n.nspname)
       FROM pg_namespace n
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'tap')
        AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
        AND has_schema_privilege(r, n.oid, 'USAGE')),
    ARRAY['api', 'audit', 'doelgroep', 'monitoring', 'ref', 'register'],
    r || ' can use the api and data schemas (and audit.poging) and no other')
  FROM unnest(ARRAY['publiek', 'aanleveraar', 'programma', 'opdrachtgever', 'onderzoeker']) AS r;
SELECT is(
    (SELECT array_agg(n.nspname || '.' || c.relname ORDER BY 1)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'tap')
        AND n.nspname NOT LIKE 'pg_temp%'
        AND c.relkind IN ('r', 'p', 'm', 'f')
        AND NOT c.relrowsecurity
        AND (has_table_privilege(r, c.oid, 'SELECT') OR has_table_privilege(r, c.oid, 'INSERT')
          OR has_table_privilege(r, c.oid, 'UPDATE') OR has_table_privilege(r, c.oid, 'DELETE'))),
    NULL,
    r || ' has rights only on tables with row-level security')
  FROM unnest(ARRAY['publiek', 'aanleveraar', 'programma', 'opdrachtgever', 'onderzoeker']) AS r;
SELECT is(as_role(r, 'CREATE TABLE api.x (i int)'), '42501', r || ' cannot create objects in api')
  FROM unnest(ARRAY['publiek', 'programma']) AS r;
SELECT is(as_role('programma', 'SELECT count(*) FROM audit.changes'), '42501',
    'programma cannot read the audit schema directly');
SELECT is(as_role('publiek', 'SELECT count(*) FROM public.schema_migrations'), '42501',
    'publiek cannot read public');
SELECT is(as_role(r, 'SELECT 1 FROM mart.x'), '42501', r || ' cannot use the private mart schema')
  FROM unnest(ARRAY['publiek', 'programma']) AS r;

-- BI login: bi only.
SELECT ok(has_schema_privilege('lakmoes_bi', 'bi', 'USAGE'), 'BI login uses bi');
SELECT ok(NOT has_schema_privilege('lakmoes_bi', 'api', 'USAGE'), 'BI login cannot use api');
SELECT ok(NOT has_schema_privilege('lakmoes_bi', 'audit', 'USAGE'), 'BI login cannot use audit');
SELECT ok(NOT has_schema_privilege('lakmoes_bi', 'public', 'USAGE'), 'BI login cannot use public');
SELECT ok(NOT has_schema_privilege('lakmoes_bi', 'bi', 'CREATE'), 'BI login cannot create in bi');

-- Ownership and invoker rights.
SELECT is(
    (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('api', 'bi', 'audit', 'ref', 'monitoring', 'doelgroep', 'register', 'mart')
        AND pg_get_userbyid(c.relowner) <> 'lakmoes_owner'),
    0, 'every relation in the project schemas belongs to lakmoes_owner');
SELECT is(
    (SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname IN ('api', 'bi', 'audit', 'ref', 'monitoring', 'doelgroep', 'register', 'mart')
        AND pg_get_userbyid(p.proowner) <> 'lakmoes_owner'),
    0, 'every function in the project schemas belongs to lakmoes_owner');
SELECT is(
    (SELECT array_agg(p.proname::text) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'api' AND p.prosecdef),
    NULL, 'no api function is SECURITY DEFINER');
SELECT is(
    (SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'api' AND c.relkind = 'v'
        AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false)),
    ARRAY['blinde_vlekken', 'sectormonitor', 'transitiemonitor'],
    'every api view is security_invoker but the monitors, which read the private marts as the owner, '
    'and the blind spots, which count the members-only knowledge register for everyone (totals only)');
SELECT is(
    (SELECT count(*)::integer FROM information_schema.role_table_grants g
      WHERE g.table_schema = 'mart'
        AND g.grantee IN ('publiek', 'aanleveraar', 'programma', 'opdrachtgever', 'onderzoeker', 'lakmoes_bi', 'PUBLIC')),
    0, 'no request role and not the BI login has any right on the marts');
SELECT is(as_role('programma', 'SELECT * FROM mart.sectormonitor LIMIT 1'), '42501',
    'not even the programme reads a mart directly');

-- Role switching as the API does it.
SELECT is(as_role_value('programma', 'SELECT rol FROM api.sessie()'), 'programma',
    'api.sessie reports the role the request runs as');
SELECT is(as_role_value('aanleveraar', 'SELECT org FROM api.sessie()', '{"sub":"x","org":"PT03"}'),
    'PT03', 'api.sessie reports the org claim');
SELECT is(as_role('publiek', 'SELECT * FROM api.sessie()'), '42501',
    'publiek has no session');
SELECT is(as_role_value('publiek', 'SELECT api.health()'), 'ok', 'publiek may ask for health');

SELECT * FROM finish();
ROLLBACK;
