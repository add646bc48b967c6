-- V007: who may see and change what, and the change log on every table.
--
-- Purpose: row-level security on every table in ref, monitoring, doelgroep,
-- register and audit, with one policy per command and role
-- (<table>_<command>_<role>); the grants that go with them; and
-- audit.track() on every mutable table.
--   publiek        reference data (periods, areas, proeftuinen,
--                  organisations), the indicator catalogue, the results
--                  chain and the action lines; nothing else
--   aanleveraar    the above, its own proeftuin's deliveries (changes only
--                  while concept or teruggestuurd) and observations, the
--                  registers, targets and established doelgroep figures
--   programma      everything; writes catalogue, registers and reference data
--   opdrachtgever, onderzoeker
--                  approved data only: approved deliveries, observations,
--                  registers, targets, established doelgroep figures
-- The api schema's views are security_invoker, so these rules hold for the
-- API as they do for anyone else. The org claim is read with api.claim().
-- Reversible: DROP POLICY …; ALTER TABLE … DISABLE ROW LEVEL SECURITY.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- The rule helpers the write triggers call run with the caller's rights.
GRANT EXECUTE ON FUNCTION monitoring.check_value(text, numeric, numeric, numeric),
    monitoring.check_period_not_future(text), monitoring.waarde_probleem(text, numeric, numeric, numeric),
    monitoring.antwoord_probleem(monitoring.vragen, numeric, text) TO aanleveraar, programma;

DO $$
DECLARE
	everyone text := 'publiek, aanleveraar, programma, opdrachtgever, onderzoeker';
	members text := 'aanleveraar, programma, opdrachtgever, onderzoeker';
	t text;
BEGIN
	-- Public reference data: everyone reads, the programme maintains.
	FOREACH t IN ARRAY ARRAY['ref.gebieden', 'ref.gebied_leden', 'ref.proeftuinen',
	    'ref.organisaties', 'register.gewenste_resultaten', 'register.impacts',
	    'register.resultaatketen', 'register.actielijnen', 'monitoring.indicatoren',
	    'monitoring.vragenlijsten', 'monitoring.vragen'] LOOP
		EXECUTE format('GRANT SELECT ON %s TO %s', t, everyone);
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %s TO programma', t);
		EXECUTE format('CREATE POLICY %I ON %s FOR SELECT TO %s USING (true)',
		    split_part(t, '.', 2) || '_select_all', t, everyone);
		EXECUTE format('CREATE POLICY %I ON %s FOR ALL TO programma USING (true) WITH CHECK (true)',
		    split_part(t, '.', 2) || '_write_programma', t);
	END LOOP;

	-- Periods are generated, never edited.
	EXECUTE format('GRANT SELECT ON ref.perioden TO %s', everyone);
	EXECUTE format('CREATE POLICY perioden_select_all ON ref.perioden FOR SELECT TO %s USING (true)', everyone);

	-- Programme registers and targets: members read, the programme writes.
	FOREACH t IN ARRAY ARRAY['register.projecten', 'register.producten', 'register.mijlpalen',
	    'register.besluiten', 'register.acties', 'register.actie_resultaten',
	    'register.rvt_varianten', 'register.scorekaart_criteria', 'register.rvt_scores',
	    'register.kennisopdrachten', 'register.kennisopdracht_resultaten',
	    'register.begrotingsregels', 'monitoring.streefwaarden'] LOOP
		EXECUTE format('GRANT SELECT ON %s TO %s', t, members);
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %s TO programma', t);
		EXECUTE format('CREATE POLICY %I ON %s FOR SELECT TO %s USING (true)',
		    split_part(t, '.', 2) || '_select_members', t, members);
		EXECUTE format('CREATE POLICY %I ON %s FOR ALL TO programma USING (true) WITH CHECK (true)',
		    split_part(t, '.', 2) || '_write_programma', t);
	END LOOP;

	-- Every table in the data schemas has row-level security.
	FOR t IN
		SELECT format('%I.%I', n.nspname, c.relname)
		  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE n.nspname IN ('ref', 'monitoring', 'doelgroep', 'register', 'audit')
		   AND c.relkind IN ('r', 'p')
	LOOP
		EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
	END LOOP;

	-- And every mutable one writes the change log (audit.changes itself not).
	FOR t IN
		SELECT format('%I.%I', n.nspname, c.relname)
		  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE n.nspname IN ('ref', 'monitoring', 'doelgroep', 'register')
		   AND c.relkind = 'r' AND c.relname <> 'perioden'
	LOOP
		PERFORM audit.track(t::regclass);
	END LOOP;
END
$$;

-- Observations ---------------------------------------------------------------

GRANT SELECT ON monitoring.waarnemingen TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT INSERT ON monitoring.waarnemingen TO programma;

CREATE POLICY waarnemingen_select_programma ON monitoring.waarnemingen
    FOR SELECT TO programma USING (true);
CREATE POLICY waarnemingen_insert_programma ON monitoring.waarnemingen
    FOR INSERT TO programma WITH CHECK (true);
-- Observations only exist once approved or loaded by the programme.
CREATE POLICY waarnemingen_select_opdrachtgever ON monitoring.waarnemingen
    FOR SELECT TO opdrachtgever, onderzoeker USING (true);
CREATE POLICY waarnemingen_select_aanleveraar ON monitoring.waarnemingen
    FOR SELECT TO aanleveraar USING (gebied_code = api.claim('org'));

-- Deliveries -----------------------------------------------------------------

GRANT SELECT, INSERT, UPDATE, DELETE ON monitoring.aanleveringen, monitoring.antwoorden
    TO aanleveraar, programma;
GRANT SELECT ON monitoring.aanleveringen, monitoring.antwoorden TO opdrachtgever, onderzoeker;

CREATE POLICY aanleveringen_all_programma ON monitoring.aanleveringen
    FOR ALL TO programma USING (true) WITH CHECK (true);
CREATE POLICY aanleveringen_select_aanleveraar ON monitoring.aanleveringen
    FOR SELECT TO aanleveraar USING (proeftuin_code = api.claim('org'));
CREATE POLICY aanleveringen_insert_aanleveraar ON monitoring.aanleveringen
    FOR INSERT TO aanleveraar
    WITH CHECK (proeftuin_code = api.claim('org') AND status = 'concept');
CREATE POLICY aanleveringen_update_aanleveraar ON monitoring.aanleveringen
    FOR UPDATE TO aanleveraar
    USING (proeftuin_code = api.claim('org') AND status IN ('concept', 'teruggestuurd'))
    WITH CHECK (proeftuin_code = api.claim('org') AND status IN ('concept', 'ingediend'));
CREATE POLICY aanleveringen_delete_aanleveraar ON monitoring.aanleveringen
    FOR DELETE TO aanleveraar USING (proeftuin_code = api.claim('org') AND status = 'concept');
CREATE POLICY aanleveringen_select_opdrachtgever ON monitoring.aanleveringen
    FOR SELECT TO opdrachtgever, onderzoeker USING (status = 'goedgekeurd');

CREATE POLICY antwoorden_all_programma ON monitoring.antwoorden
    FOR ALL TO programma USING (true) WITH CHECK (true);
CREATE POLICY antwoorden_select_aanleveraar ON monitoring.antwoorden
    FOR SELECT TO aanleveraar USING (EXISTS (
	SELECT 1 FROM monitoring.aanleveringen a
	 WHERE a.aanlevering_id = antwoorden.aanlevering_id AND a.proeftuin_code = api.claim('org')));
CREATE POLICY antwoorden_write_aanleveraar ON monitoring.antwoorden
    FOR ALL TO aanleveraar
    USING (EXISTS (
	SELECT 1 FROM monitoring.aanleveringen a
	 WHERE a.aanlevering_id = antwoorden.aanlevering_id AND a.proeftuin_code = api.claim('org')
	   AND a.status IN ('concept', 'teruggestuurd')))
    WITH CHECK (EXISTS (
	SELECT 1 FROM monitoring.aanleveringen a
	 WHERE a.aanlevering_id = antwoorden.aanlevering_id AND a.proeftuin_code = api.claim('org')
	   AND a.status IN ('concept', 'teruggestuurd')));
CREATE POLICY antwoorden_select_opdrachtgever ON monitoring.antwoorden
    FOR SELECT TO opdrachtgever, onderzoeker USING (EXISTS (
	SELECT 1 FROM monitoring.aanleveringen a
	 WHERE a.aanlevering_id = antwoorden.aanlevering_id AND a.status = 'goedgekeurd'));

-- Doelgroep ------------------------------------------------------------------

GRANT SELECT ON doelgroep.definities, doelgroep.schattingen
    TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT INSERT, UPDATE, DELETE ON doelgroep.definities, doelgroep.schattingen TO programma;

CREATE POLICY definities_all_programma ON doelgroep.definities
    FOR ALL TO programma USING (true) WITH CHECK (true);
CREATE POLICY definities_select_members ON doelgroep.definities
    FOR SELECT TO aanleveraar, opdrachtgever, onderzoeker USING (status <> 'concept');
CREATE POLICY schattingen_all_programma ON doelgroep.schattingen
    FOR ALL TO programma USING (true) WITH CHECK (true);
CREATE POLICY schattingen_select_members ON doelgroep.schattingen
    FOR SELECT TO aanleveraar, opdrachtgever, onderzoeker USING (EXISTS (
	SELECT 1 FROM doelgroep.definities d
	 WHERE d.definitie_id = schattingen.definitie_id AND d.status = 'vastgesteld'));
