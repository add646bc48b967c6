-- The identifier check for free text, and that no answer, catalogue entry or
-- target can hold one.
BEGIN;
SET search_path = tap, public;
SET client_min_messages = warning;
SELECT plan(19);

SELECT is(monitoring.persoonsgegeven(t), why, coalesce(why, 'niets') || ': ' || t)
  FROM (VALUES
	('mail j.jansen@example.nl', 'bevat een e-mailadres'),
	('INFO@GEMEENTE.NL graag', 'bevat een e-mailadres'),
	('bel 06-12345678', 'bevat een telefoonnummer'),
	('tel 020 1234567', 'bevat een telefoonnummer'),
	('+31 6 12345678', 'bevat een telefoonnummer'),
	('bsn 111222333', 'bevat een burgerservicenummer'),
	('1112.22.333 staat erin', 'bevat een burgerservicenummer'),
	('123456782', 'bevat een burgerservicenummer'),
	('123456789 faalt de elfproef', NULL),
	('000000000', NULL),
	('we hielpen 123 gezinnen in 2025', NULL),
	('kosten 1.234.567 euro', NULL),
	('postcode 1234 AB', NULL),
	('', NULL)
  ) AS c(t, why);

INSERT INTO monitoring.vragenlijsten (vragenlijst_id, versie, geldig_vanaf) VALUES (902, 902, '1999-01-03');
INSERT INTO monitoring.vragen (vragenlijst_id, vraag_code, volgorde, tekst, type)
VALUES (902, 'ervaring', 1, 'Ervaring?', 'tekst');
INSERT INTO monitoring.aanleveringen (aanlevering_id, proeftuin_code, periode_code, vragenlijst_id)
VALUES (9201, 'PT01', '2024-Q1', 902);
SELECT throws_ok($$INSERT INTO monitoring.antwoorden (aanlevering_id, vragenlijst_id, vraag_code, waarde_tekst)
    VALUES (9201, 902, 'ervaring', 'bel 06-12345678')$$, 'LK400', NULL,
    'an answer with a phone number is refused by the table itself');
SELECT lives_ok($$INSERT INTO monitoring.antwoorden (aanlevering_id, vragenlijst_id, vraag_code, waarde_tekst)
    VALUES (9201, 902, 'ervaring', 'Goed overleg met het wijkteam.')$$, 'a plain answer is stored');

-- the catalogue and the targets, through the API's functions
SELECT is(api.indicator_problemen('{"naam": "vraag j.jansen@example.nl", "definitie": "gewoon", "bron": "bsn 111222333",
        "eenheid": "aantal"}'::jsonb),
    '[{"name": "/bron", "reason": "bevat een burgerservicenummer; geen persoonsgegevens in de catalogus"},
      {"name": "/naam", "reason": "bevat een e-mailadres; geen persoonsgegevens in de catalogus"}]'::jsonb,
    'a catalogue entry names each field with an identifier');
SELECT is(as_role('programma', $$SELECT * FROM api.indicator_wijzigen('BM_KINDEREN',
        '{"definitie": "bel 06-12345678 voor uitleg"}', NULL)$$, '{"sub":"t"}'), 'LK400',
    'nor can a change bring one in');
SELECT is(as_role('programma', $$SELECT * FROM api.streefwaarde_aanmaken('{"indicator": "BM_KINDEREN", "gebied": "NL",
        "jaar": 2030, "soort": "streefwaarde", "waarde": 5, "besluit": "akkoord van j.jansen@example.nl"}')$$,
        '{"sub":"t"}'), 'LK400', 'a target''s besluit cannot hold one');

SELECT * FROM finish();
ROLLBACK;
