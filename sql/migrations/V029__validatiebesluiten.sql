-- V029: validating an indicator is a decision on record.
--
-- Purpose: the hoofdnotitie asks "de longitudinale monitoring pas voor
-- verantwoordingsdoeleinden in te zetten wanneer dit kwaliteitsniveau
-- behaald is. Daaronder verstaan wij dat de monitoring valide informatie
-- moet opleveren" (seeds/002 §3). Whether an indicator has reached that
-- level is its validatiestatus, and only gevalideerd indicators reach the
-- progress reports (R__09). Until now the status was a field anyone of the
-- programme could flip without a trace but the change log. Now every
-- change of it (and every new entry's first status) is a row of
-- monitoring.validatiebesluiten: from, to, when, by whom (sub and role),
-- why, and optionally the besluit (register.besluiten) that took it. The
-- indicator itself carries its current decision (validatie_at,
-- validatie_reden, validatie_besluit_id), so that a public GET shows since
-- when and why it has its status; the history, with who decided, is for
-- members. A change without a reason is refused (LK400 naming
-- /validatieReden) whoever makes it: the API passes the reason and the
-- besluit as the transaction's settings lakmoes.validatie_reden and
-- lakmoes.validatie_besluit. A new entry in development needs no reason
-- ("opgenomen in de catalogus"); a new entry that is gevalideerd or
-- vervallen from the start does. The history is never rewritten.
-- Existing entries get their status as it stands, recorded as of their
-- creation, with that said as the reason.
-- Reversible: DROP TABLE monitoring.validatiebesluiten; DROP the two
-- triggers and functions; ALTER TABLE monitoring.indicatoren DROP the three
-- validatie_ columns.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

ALTER TABLE monitoring.indicatoren
    ADD COLUMN validatie_at timestamptz,
    ADD COLUMN validatie_reden text
        CONSTRAINT indicatoren_validatie_reden_not_blank CHECK (btrim(validatie_reden) <> '' AND length(validatie_reden) <= 2000),
    ADD COLUMN validatie_besluit_id integer REFERENCES register.besluiten;
COMMENT ON COLUMN monitoring.indicatoren.validatie_at IS 'Sinds wanneer de indicator zijn validatiestatus heeft (het laatste validatiebesluit).';
COMMENT ON COLUMN monitoring.indicatoren.validatie_reden IS 'Waarom de indicator die validatiestatus heeft.';
COMMENT ON COLUMN monitoring.indicatoren.validatie_besluit_id IS 'Het besluit (register) waarop die validatiestatus berust, als dat er is.';
COMMENT ON CONSTRAINT indicatoren_validatie_reden_not_blank ON monitoring.indicatoren IS 'niet leeg, ten hoogste 2000 tekens';

CREATE TABLE monitoring.validatiebesluiten (
	validatiebesluit_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	indicator_code text NOT NULL REFERENCES monitoring.indicatoren,
	van text CONSTRAINT validatiebesluiten_van_known CHECK (van IN ('in_ontwikkeling', 'gevalideerd', 'vervallen')),
	naar text NOT NULL CONSTRAINT validatiebesluiten_naar_known CHECK (naar IN ('in_ontwikkeling', 'gevalideerd', 'vervallen')),
	besloten_at timestamptz NOT NULL DEFAULT now(),
	door text NOT NULL DEFAULT coalesce(api.claim('sub'), session_user),
	rol text NOT NULL DEFAULT current_user,
	reden text NOT NULL CONSTRAINT validatiebesluiten_reden_not_blank CHECK (btrim(reden) <> '' AND length(reden) <= 2000),
	besluit_id integer REFERENCES register.besluiten,
	CONSTRAINT validatiebesluiten_een_wijziging CHECK (van IS DISTINCT FROM naar)
);
CREATE INDEX validatiebesluiten_indicator ON monitoring.validatiebesluiten (indicator_code, validatiebesluit_id);
COMMENT ON TABLE monitoring.validatiebesluiten IS 'Elke wijziging van de validatiestatus van een indicator als besluit: van, naar, wanneer, door wie, waarom en op grond van welk besluit (hoofdnotitie §3: pas voor verantwoording als de kwaliteit is vastgesteld). Wordt nooit herschreven.';
COMMENT ON COLUMN monitoring.validatiebesluiten.validatiebesluit_id IS 'Volgnummer.';
COMMENT ON COLUMN monitoring.validatiebesluiten.indicator_code IS 'De indicator.';
COMMENT ON COLUMN monitoring.validatiebesluiten.van IS 'De validatiestatus ervoor (leeg: de indicator werd opgenomen).';
COMMENT ON COLUMN monitoring.validatiebesluiten.naar IS 'De nieuwe validatiestatus.';
COMMENT ON COLUMN monitoring.validatiebesluiten.besloten_at IS 'Moment van de wijziging (UTC).';
COMMENT ON COLUMN monitoring.validatiebesluiten.door IS 'Wie wijzigde (sub van het token; buiten de API de databasegebruiker).';
COMMENT ON COLUMN monitoring.validatiebesluiten.rol IS 'In welke rol.';
COMMENT ON COLUMN monitoring.validatiebesluiten.reden IS 'Waarom.';
COMMENT ON COLUMN monitoring.validatiebesluiten.besluit_id IS 'Het besluit (register) waarop de wijziging berust, als dat er is.';
COMMENT ON CONSTRAINT validatiebesluiten_reden_not_blank ON monitoring.validatiebesluiten IS 'niet leeg, ten hoogste 2000 tekens';

-- what stands now, recorded once
INSERT INTO monitoring.validatiebesluiten (indicator_code, van, naar, besloten_at, door, rol, reden)
SELECT i.indicator_code, NULL, i.validatiestatus, i.created_at, 'migratie V029', 'lakmoes_owner',
       'stand bij de invoering van validatiebesluiten'
  FROM monitoring.indicatoren i ORDER BY i.indicator_code;
-- A migration that rewrites monitoring.indicatoren switches the mart's
-- refresh trigger on it (R__10) off for the time being, where the database
-- already has one: it would recompute the monitors with the functions of
-- before the migration, and the repeatables refresh the mart after the
-- migrations anyway.
CREATE FUNCTION monitoring.martverversing_indicatoren(aan boolean) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'indicatoren_mart_update'
	            AND tgrelid = 'monitoring.indicatoren'::regclass) THEN
		EXECUTE format('ALTER TABLE monitoring.indicatoren %s TRIGGER indicatoren_mart_update',
		    CASE WHEN aan THEN 'ENABLE' ELSE 'DISABLE' END);
	END IF;
END
$$;
COMMENT ON FUNCTION monitoring.martverversing_indicatoren(boolean) IS 'Zet de verversing van de monitors bij een wijziging van de indicatoren aan of uit, als de database die al heeft (voor migraties die alle indicatoren herschrijven).';
SELECT monitoring.martverversing_indicatoren(false);
ALTER TABLE monitoring.indicatoren DISABLE TRIGGER indicatoren_touch;
UPDATE monitoring.indicatoren SET validatie_at = created_at, validatie_reden = 'stand bij de invoering van validatiebesluiten';
ALTER TABLE monitoring.indicatoren ENABLE TRIGGER indicatoren_touch;
SELECT monitoring.martverversing_indicatoren(true);
ALTER TABLE monitoring.indicatoren ALTER COLUMN validatie_at SET NOT NULL, ALTER COLUMN validatie_reden SET NOT NULL;

-- Before a new entry or a change of its status: the decision's reason and
-- besluit from the transaction's settings onto the row. Other changes keep
-- the decision as it was.
CREATE FUNCTION monitoring.validatie_vastleggen() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	reden text := nullif(btrim(current_setting('lakmoes.validatie_reden', true)), '');
	besluit text := nullif(btrim(current_setting('lakmoes.validatie_besluit', true)), '');
BEGIN
	IF TG_OP = 'UPDATE' AND NEW.validatiestatus IS NOT DISTINCT FROM OLD.validatiestatus THEN
		NEW.validatie_at := OLD.validatie_at;
		NEW.validatie_reden := OLD.validatie_reden;
		NEW.validatie_besluit_id := OLD.validatie_besluit_id;
		RETURN NEW;
	END IF;
	IF reden IS NULL AND TG_OP = 'INSERT' AND NEW.validatiestatus = 'in_ontwikkeling' THEN
		reden := 'opgenomen in de catalogus';
	END IF;
	IF reden IS NULL THEN
		RAISE EXCEPTION 'een wijziging van de validatiestatus is een besluit: zeg waarom' USING ERRCODE = 'LK400',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', '/validatieReden',
		        'reason', format('verplicht bij validatiestatus %s: waarom, en zo mogelijk het besluit (validatieBesluit)',
		                         NEW.validatiestatus)))::text;
	END IF;
	NEW.validatie_at := now();
	NEW.validatie_reden := reden;
	NEW.validatie_besluit_id := besluit::integer;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION monitoring.validatie_vastleggen() IS 'Zet het validatiebesluit (reden, besluit, moment) op de indicator bij opname of een andere validatiestatus; weigert een wijziging zonder reden (LK400).';

-- After: the decision in the history.
CREATE FUNCTION monitoring.validatie_in_historie() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	IF TG_OP = 'INSERT' OR NEW.validatiestatus IS DISTINCT FROM OLD.validatiestatus THEN
		INSERT INTO monitoring.validatiebesluiten (indicator_code, van, naar, besloten_at, reden, besluit_id)
		VALUES (NEW.indicator_code, CASE WHEN TG_OP = 'UPDATE' THEN OLD.validatiestatus END, NEW.validatiestatus,
		        NEW.validatie_at, NEW.validatie_reden, NEW.validatie_besluit_id);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION monitoring.validatie_in_historie() IS 'Schrijft een opname of een andere validatiestatus van een indicator in monitoring.validatiebesluiten.';

CREATE TRIGGER indicatoren_validatie BEFORE INSERT OR UPDATE ON monitoring.indicatoren
    FOR EACH ROW EXECUTE FUNCTION monitoring.validatie_vastleggen();
CREATE TRIGGER indicatoren_validatie_historie AFTER INSERT OR UPDATE ON monitoring.indicatoren
    FOR EACH ROW EXECUTE FUNCTION monitoring.validatie_in_historie();
CREATE TRIGGER validatiebesluiten_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON monitoring.validatiebesluiten
    FOR EACH STATEMENT EXECUTE FUNCTION monitoring.forbid_rewrite();

ALTER TABLE monitoring.validatiebesluiten ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON monitoring.validatiebesluiten TO aanleveraar, programma, opdrachtgever, onderzoeker;
GRANT INSERT ON monitoring.validatiebesluiten TO programma;
CREATE POLICY validatiebesluiten_select_members ON monitoring.validatiebesluiten
    FOR SELECT TO aanleveraar, programma, opdrachtgever, onderzoeker USING (true);
CREATE POLICY validatiebesluiten_insert_programma ON monitoring.validatiebesluiten
    FOR INSERT TO programma WITH CHECK (true);
SELECT audit.track('monitoring.validatiebesluiten');
