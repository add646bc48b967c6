-- V028: a progress report is established only once its half year is over.
--
-- Purpose: the voortgangsrapportage goes to the Tweede Kamer every half
-- year ("Dit gebeurt in een halfjaarlijkse cyclus, synchroon met de
-- voortgangsrapportage aan de Tweede Kamer", seeds/003 §2.2.4), about a
-- half year that has ended. Established while the half year still ran
-- (2026-H2 on 2026-12-03 was answered 201), it froze for good figures that
-- were still coming in. The hoofdnotitie asks "de longitudinale monitoring
-- pas voor verantwoordingsdoeleinden in te zetten wanneer dit
-- kwaliteitsniveau behaald is" (seeds/002 §3): figures of a running period
-- are not that. This trigger refuses the insert (LK409, naming the last
-- day) whoever inserts; api.rapportage_vaststellen says the same first. A
-- trial run stays possible at any time. "Today" is the server's date, as
-- for the delivery checks (V021; the clusters run in UTC).
-- Reversible: DROP TRIGGER voortgangsrapportages_na_afloop ON
-- monitoring.voortgangsrapportages; DROP FUNCTION monitoring.rapportage_na_afloop().

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE FUNCTION monitoring.rapportage_na_afloop() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	einde date;
BEGIN
	SELECT p.eind_date INTO einde FROM ref.perioden p WHERE p.periode_code = NEW.periode_code;
	IF einde >= current_date THEN
		RAISE EXCEPTION 'het halfjaar % loopt nog tot en met %: vaststellen kan vanaf %', NEW.periode_code,
		    to_char(einde, 'DD-MM-YYYY'), to_char(einde + 1, 'DD-MM-YYYY') USING ERRCODE = 'LK409',
		    DETAIL = jsonb_build_array(jsonb_build_object('name', '/periode', 'reason',
		        format('loopt nog tot en met %s', to_char(einde, 'DD-MM-YYYY'))))::text;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION monitoring.rapportage_na_afloop() IS 'Weigert een voortgangsrapportage over een halfjaar dat nog loopt (LK409).';

CREATE TRIGGER voortgangsrapportages_na_afloop BEFORE INSERT ON monitoring.voortgangsrapportages
    FOR EACH ROW EXECUTE FUNCTION monitoring.rapportage_na_afloop();
