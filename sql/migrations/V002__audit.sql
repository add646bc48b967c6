-- V002: the append-only change log and the request context it records.
--
-- Purpose: every change to a mutable table writes one row to audit.changes
-- (table, key, operation, old, new, sub, role, request id, time) through the
-- trigger function audit.log_change(); audit.track(table) attaches it.
-- The request context comes from the settings the API sets per transaction:
-- request.jwt.claims (JSON) and lakmoes.request_id.
-- Nobody, the owner included, can update, delete or truncate the log.
-- Objects: audit.changes, audit.request_claims(), audit.request_id(),
-- audit.log_change(), audit.forbid_change(), audit.track(regclass).
-- Reversible: DROP TABLE audit.changes; DROP FUNCTION audit.*.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

-- The verified JWT claims of the current request, or {} outside a request.
CREATE FUNCTION audit.request_claims() RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb;

-- The id the API gave the current request, or NULL outside a request.
CREATE FUNCTION audit.request_id() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN nullif(current_setting('lakmoes.request_id', true), '');

COMMENT ON FUNCTION audit.request_claims() IS 'De geverifieerde JWT-claims van het lopende verzoek (leeg object buiten een verzoek).';
COMMENT ON FUNCTION audit.request_id() IS 'Het verzoek-id dat de API aan het lopende verzoek gaf; ook in de toegangslog.';

CREATE TABLE audit.changes (
	change_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	table_name text NOT NULL,
	row_key jsonb NOT NULL,
	operation text NOT NULL
	    CONSTRAINT changes_operation_known CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
	old_row jsonb,
	new_row jsonb,
	sub text,
	role text NOT NULL,
	request_id text,
	changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
	CONSTRAINT changes_rows_match_operation CHECK (
	    (operation = 'INSERT' AND old_row IS NULL AND new_row IS NOT NULL) OR
	    (operation = 'UPDATE' AND old_row IS NOT NULL AND new_row IS NOT NULL) OR
	    (operation = 'DELETE' AND old_row IS NOT NULL AND new_row IS NULL))
);
CREATE INDEX changes_table_key ON audit.changes (table_name, row_key);
CREATE INDEX changes_request ON audit.changes (request_id) WHERE request_id IS NOT NULL;

COMMENT ON TABLE audit.changes IS 'Wijzigingslog: één rij per ingevoegde, gewijzigde of verwijderde rij in een bijgehouden tabel. Alleen toevoegen; niemand kan rijen wijzigen of verwijderen.';
COMMENT ON COLUMN audit.changes.change_id IS 'Volgnummer van de wijziging.';
COMMENT ON COLUMN audit.changes.table_name IS 'Gewijzigde tabel (schema.tabel).';
COMMENT ON COLUMN audit.changes.row_key IS 'Primaire sleutel van de gewijzigde rij, als JSON-object.';
COMMENT ON COLUMN audit.changes.operation IS 'INSERT, UPDATE of DELETE.';
COMMENT ON COLUMN audit.changes.old_row IS 'De rij vóór de wijziging (leeg bij INSERT).';
COMMENT ON COLUMN audit.changes.new_row IS 'De rij na de wijziging (leeg bij DELETE).';
COMMENT ON COLUMN audit.changes.sub IS 'Subject (sub-claim) van het token waarmee gewijzigd werd; leeg bij beheer buiten de API.';
COMMENT ON COLUMN audit.changes.role IS 'Databaserol die de wijziging deed (de verzoekrol of de beheerder).';
COMMENT ON COLUMN audit.changes.request_id IS 'Verzoek-id van de API (ook in de toegangslog); leeg buiten de API.';
COMMENT ON COLUMN audit.changes.changed_at IS 'Moment van de wijziging (UTC).';

-- Runs as the owner so that request roles need no right on audit.changes.
-- The key columns come as trigger arguments (audit.track looks them up once)
-- so that a bulk load does not query the catalogue for every row.
CREATE FUNCTION audit.log_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	src jsonb;
	k jsonb := '{}';
	i integer;
BEGIN
	src := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
	FOR i IN 0 .. TG_NARGS - 1 LOOP
		k := k || jsonb_build_object(TG_ARGV[i], src -> TG_ARGV[i]);
	END LOOP;

	INSERT INTO audit.changes (table_name, row_key, operation, old_row, new_row,
	    sub, role, request_id)
	VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, k, TG_OP,
	    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
	    CASE WHEN TG_OP <> 'DELETE' THEN src END,
	    audit.request_claims() ->> 'sub',
	    -- current_user is the owner here (SECURITY DEFINER); the role GUC
	    -- still holds the role the request switched to.
	    CASE current_setting('role') WHEN 'none' THEN session_user
	         ELSE current_setting('role') END,
	    audit.request_id());
	RETURN NULL;
END
$$;

CREATE FUNCTION audit.forbid_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	RAISE EXCEPTION 'audit.changes is append-only'
	    USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Statement-level: refused even when no row matches.
CREATE TRIGGER changes_no_update_delete BEFORE UPDATE OR DELETE ON audit.changes
    FOR EACH STATEMENT EXECUTE FUNCTION audit.forbid_change();
CREATE TRIGGER changes_no_truncate BEFORE TRUNCATE ON audit.changes
    FOR EACH STATEMENT EXECUTE FUNCTION audit.forbid_change();

-- Attaches the change log to a table (idempotent), passing the primary key
-- columns to the trigger.
CREATE FUNCTION audit.track(tbl regclass) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
	keycols text;
BEGIN
	SELECT string_agg(quote_literal(a.attname), ', ' ORDER BY k.ord)
	  INTO keycols
	  FROM pg_index i
	  CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
	  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
	 WHERE i.indrelid = tbl AND i.indisprimary;
	EXECUTE format('DROP TRIGGER IF EXISTS audit_changes ON %s', tbl);
	EXECUTE format('CREATE TRIGGER audit_changes AFTER INSERT OR UPDATE OR DELETE ON %s '
	    'FOR EACH ROW EXECUTE FUNCTION audit.log_change(%s)', tbl, coalesce(keycols, ''));
END
$$;

COMMENT ON FUNCTION audit.log_change() IS 'Triggerfunctie: schrijft elke wijziging van een bijgehouden tabel naar audit.changes.';
COMMENT ON FUNCTION audit.track(regclass) IS 'Hangt de wijzigingslog aan een tabel.';

-- Nobody writes the log directly: only the trigger function, as the owner.
REVOKE ALL ON audit.changes FROM PUBLIC;
