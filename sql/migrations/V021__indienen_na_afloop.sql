-- V021: a quarter's delivery is submitted once the quarter is over.
--
-- Purpose: a delivery may be started, and answered, in the quarter it is
-- for (R__04 refuses only quarters that have not begun), but its figures
-- are the whole quarter's. Submitted before the quarter's last day, they
-- would be approved as that quarter's figures while it still runs, and
-- show in the monitors as a drop against the quarter before. In November,
-- picking the running quarter where the one just ended was meant is also
-- the easy mistake. Submission (concept or teruggestuurd → ingediend) now
-- names the quarter's end as the first problem, with the open questions
-- after it. "Today" is the server's date, as for the other period checks
-- (the clusters run in UTC).
-- The noemer check of V019 reads the noemer's answer once (a left join)
-- instead of twice; what it finds is unchanged.
-- Reversible: re-run V019's monitoring.check_verplicht.

SET client_min_messages = warning;
SET LOCAL ROLE lakmoes_owner;

CREATE OR REPLACE FUNCTION monitoring.check_verplicht() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
	missing jsonb;
BEGIN
	SELECT jsonb_agg(p.probleem ORDER BY p.volgorde)
	  INTO missing
	  FROM (SELECT -1, jsonb_build_object('name', 'periode', 'reason',
	               format('het kwartaal %s loopt nog tot en met %s: dien de cijfers in na afloop van het kwartaal',
	                      q.periode_code, to_char(q.eind_date, 'DD-MM-YYYY')))
	          FROM ref.perioden q
	         WHERE q.periode_code = NEW.periode_code AND q.eind_date >= current_date
	        UNION ALL
	        SELECT v.volgorde, jsonb_build_object('name', v.vraag_code, 'reason', 'verplichte vraag is niet beantwoord')
	          FROM monitoring.vragen v
	         WHERE v.vragenlijst_id = NEW.vragenlijst_id AND v.is_verplicht
	           AND NOT EXISTS (SELECT 1 FROM monitoring.antwoorden a
	                            WHERE a.aanlevering_id = NEW.aanlevering_id AND a.vraag_code = v.vraag_code
	                              AND num_nonnulls(a.waarde_getal, a.waarde_tekst) = 1)
	        UNION ALL
	        SELECT n.volgorde, jsonb_build_object('name', n.vraag_code, 'reason',
	               format('nodig bij %s: het aantal waarover dat gemiddelde of percentage gaat, meer dan 0',
	                      v.vraag_code))
	          FROM monitoring.vragen v
	          JOIN monitoring.vragen n ON n.vragenlijst_id = v.vragenlijst_id AND n.vraag_code = v.noemer_vraag
	          JOIN monitoring.antwoorden a ON a.aanlevering_id = NEW.aanlevering_id AND a.vraag_code = v.vraag_code
	           AND a.waarde_getal IS NOT NULL
	          LEFT JOIN monitoring.antwoorden b ON b.aanlevering_id = NEW.aanlevering_id
	           AND b.vraag_code = n.vraag_code
	         WHERE v.vragenlijst_id = NEW.vragenlijst_id
	           AND NOT coalesce(b.waarde_getal > 0, false)
	           -- a required noemer left open is named once, above
	           AND NOT (n.is_verplicht AND num_nonnulls(b.waarde_getal, b.waarde_tekst) = 0)) AS p (volgorde, probleem);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'de aanlevering kan nog niet worden ingediend' USING ERRCODE = 'LK400',
		    DETAIL = missing::text;
	END IF;
	RETURN NEW;
END
$$;
